//! Test helpers: reading ../shared, and a generator that prints a template report
//! in each of the flattened layouts seen in published copies.
#![allow(dead_code)]

use std::collections::BTreeMap;
use zfxxgk::catalogue::{
    t2_blocks, Edition, Numbering, T2Col, T3Group, T3Row, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS,
};

/// The project's shared folder (seeds, corpus, spec): `$ZFXXGK_SHARED` when set, else
/// `../shared` beside the crate. `None` when it is not there.
///
/// Tests that need it carry
/// `#[cfg_attr(zfxxgk_no_shared, ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)")]`:
/// `build.rs` sets `zfxxgk_no_shared` when the folder is absent (by the same rule),
/// so `cargo test` lists those tests as ignored, with the reason, instead of passing
/// them silently.
pub fn shared_dir() -> Option<std::path::PathBuf> {
    let dir = match std::env::var_os("ZFXXGK_SHARED") {
        Some(d) if !d.is_empty() => std::path::PathBuf::from(d),
        _ => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    dir.is_dir().then_some(dir)
}

/// A file of the shared folder, or `None` (with a notice) when it is absent.
pub fn shared(rel: &str) -> Option<String> {
    let Some(dir) = shared_dir() else {
        eprintln!("skipping: the shared folder is not present (../shared or ZFXXGK_SHARED)");
        return None;
    };
    let path = dir.join(rel);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("skipping: {} not present", path.display());
            None
        }
    }
}

/// Names of the seed files (`000_….txt`, …), sorted; empty when absent.
pub fn seed_names() -> Vec<String> {
    let Some(entries) = shared_dir().and_then(|d| std::fs::read_dir(d.join("seeds")).ok()) else {
        eprintln!("skipping: the shared seeds are not present (../shared or ZFXXGK_SHARED)");
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// Seed by number prefix (`000`, `004`, …).
pub fn seed(prefix: &str) -> Option<String> {
    let names = seed_names();
    let Some(name) = names.iter().find(|n| n.starts_with(prefix)) else {
        eprintln!("skipping: seed {prefix} not present");
        return None;
    };
    shared(&format!("seeds/{name}"))
}

/// Every seed report as (file name, text), in name order; empty (with a notice) when
/// the shared folder is absent.
pub fn all_seeds() -> Vec<(String, String)> {
    seed_names()
        .into_iter()
        .filter_map(|n| Some((n.clone(), shared(&format!("seeds/{n}"))?)))
        .collect()
}

/// (table, block, row, column) → (value as text, unit, raw) of every cell.
pub type CellMap =
    BTreeMap<(String, String, String, String), (Option<String>, Option<String>, String)>;

pub fn cell_map(r: &zfxxgk::Report) -> CellMap {
    r.cells()
        .map(|c| {
            (
                (
                    c.table.to_string(),
                    c.block.to_string(),
                    c.row.to_string(),
                    c.column.to_string(),
                ),
                (
                    c.value.map(|v| v.to_string()),
                    c.unit.map(str::to_string),
                    c.raw.to_string(),
                ),
            )
        })
        .collect()
}

/// A piece of a report document.
pub enum Piece {
    Line(String),
    Table(Vec<Vec<String>>),
}

/// The layouts of TEMPLATE.md §6.4 (and markdown, tabs, spaces).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Layout {
    /// `a | b | c |` one row per line.
    PipeRows,
    /// One cell per line ending in ` |`, with a `|||` run after each row.
    CellPerLineRuns,
    /// One cell per line, a lone `|` line between cells.
    LonePipe,
    /// Markdown tables.
    Markdown,
    /// Tab-separated rows.
    Tabs,
    /// Space-separated rows (text from PDFs).
    Spaces,
    /// Cells on their own lines with blank lines between.
    BlankLines,
}

pub const LAYOUTS: [Layout; 7] = [
    Layout::PipeRows,
    Layout::CellPerLineRuns,
    Layout::LonePipe,
    Layout::Markdown,
    Layout::Tabs,
    Layout::Spaces,
    Layout::BlankLines,
];

pub fn render(doc: &[Piece], layout: Layout) -> String {
    let mut out = String::new();
    for p in doc {
        match p {
            Piece::Line(l) => {
                out.push_str(l);
                out.push('\n');
            }
            Piece::Table(rows) => {
                for (i, row) in rows.iter().enumerate() {
                    match layout {
                        Layout::PipeRows => {
                            out.push_str(&row.join(" | "));
                            out.push_str(" |\n");
                        }
                        Layout::CellPerLineRuns => {
                            for c in row {
                                out.push_str(c);
                                out.push_str(" |\n");
                            }
                            out.push_str("|||\n");
                        }
                        Layout::LonePipe => {
                            for c in row {
                                out.push_str(c);
                                out.push_str("\n|\n");
                            }
                        }
                        Layout::Markdown => {
                            out.push_str("| ");
                            out.push_str(&row.join(" | "));
                            out.push_str(" |\n");
                            if i == 0 {
                                out.push_str(&"|---".repeat(row.len()));
                                out.push_str("|\n");
                            }
                        }
                        Layout::Tabs => {
                            out.push_str(&row.join("\t"));
                            out.push('\n');
                        }
                        Layout::Spaces => {
                            out.push_str(&row.join("    "));
                            out.push('\n');
                        }
                        Layout::BlankLines => {
                            for c in row {
                                out.push_str(c);
                                out.push_str("\n\n");
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn cn(n: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(usize::from(n) - 1)
        .copied()
        .unwrap_or("")
}

fn numbered(n: Numbering, label: &str) -> String {
    match n {
        Numbering::Chinese(k) => format!("{}、{label}", cn(k)),
        Numbering::Paren(k) => format!("({}){label}", cn(k)),
        Numbering::Arabic(k) => format!("{k}.{label}"),
    }
}

/// Printed label of a table 二 column (the template's header text).
fn t2_header(col: T2Col) -> &'static str {
    match col {
        T2Col::FeeAmount => "本年收费金额(单位:万元)",
        c => c.key(),
    }
}

/// A whole template report of `edition`, with cell texts from `cell(table, row, col)`
/// (`None` prints no row at all for table 三 rows).
pub fn template_doc(
    edition: Edition,
    agency_year: &str,
    cell: &dyn Fn(&str, &str, &str) -> Option<String>,
) -> Vec<Piece> {
    let l = |s: &str| Piece::Line(s.to_string());
    let mut doc = vec![
        l(&format!("{agency_year}政府信息公开工作年度报告")),
        l("一、总体情况"),
        l("本机关依法做好政府信息公开工作,现将有关情况报告如下。"),
        l("二、主动公开政府信息情况"),
    ];
    for b in t2_blocks(edition) {
        let mut rows = vec![vec![b.block.key().to_string()]];
        let mut header = vec!["信息内容".to_string()];
        header.extend(b.columns.iter().map(|c| t2_header(*c).to_string()));
        rows.push(header);
        for r in b.rows {
            let mut row = vec![r.key(edition).to_string()];
            for c in b.columns {
                row.push(cell("二", r.key(edition), c.key()).unwrap_or_default());
            }
            rows.push(row);
        }
        doc.push(Piece::Table(rows));
    }
    doc.push(l("三、收到和处理政府信息公开申请情况"));
    let mut rows = vec![
        vec![
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)".to_string(),
            "申请人情况".to_string(),
        ],
        vec!["自然人".into(), "法人或其他组织".into(), "总计".into()],
        vec![
            "商业企业".into(),
            "科研机构".into(),
            "社会公益组织".into(),
            "法律服务机构".into(),
            "其他".into(),
        ],
    ];
    let mut last_group: Option<T3Group> = None;
    let mut results_started = false;
    for d in T3_ROWS {
        if !d.editions.contains(&edition) {
            continue;
        }
        let Some(first) = cell("三", d.key, T3_COLUMNS[0].key()) else {
            continue;
        };
        let mut row = Vec::new();
        if d.group.is_some() && !results_started {
            results_started = true;
            row.push("三、本年度办理结果".to_string());
        }
        if let Some(g) = d.group {
            if g != T3Group::Results && last_group != Some(g) {
                row.push(numbered(g.numbering(), g.label()));
            }
        }
        last_group = d.group;
        let label = match d.row {
            T3Row::PartlyDisclosed => "部分公开(区分处理的,只计这一情形,不计其他情形)".to_string(),
            _ => d.label.to_string(),
        };
        row.push(numbered(d.numbering, &label));
        row.push(first);
        for c in T3_COLUMNS.iter().skip(1) {
            row.push(cell("三", d.key, c.key()).unwrap_or_default());
        }
        rows.push(row);
    }
    doc.push(Piece::Table(rows));
    doc.push(l("四、政府信息公开行政复议、行政诉讼情况"));
    let heads: Vec<String> = T4_COLUMNS.iter().map(|c| c.key().to_string()).collect();
    let mut t4 = vec![
        vec!["行政复议".to_string(), "行政诉讼".to_string()],
        {
            let mut h = heads.clone();
            h.push("未经复议直接起诉".into());
            h.push("复议后起诉".into());
            h
        },
        heads.iter().chain(heads.iter()).cloned().collect(),
    ];
    let mut vals = Vec::new();
    for r in T4_ROWS {
        for c in T4_COLUMNS {
            vals.push(cell("四", r.key(), c.key()).unwrap_or_default());
        }
    }
    t4.push(vals);
    doc.push(Piece::Table(t4));
    doc.push(l("五、存在的主要问题及改进情况"));
    doc.push(l("工作人员业务水平有待提升。"));
    doc.push(l("六、其他需要报告的事项"));
    doc.push(l("本年度未收取信息处理费。"));
    doc
}
