//! The table reader on generated reports: one table 三 rendered into each shape seen in
//! copies taken from PDFs and portals (space-aligned with blank cells, group labels
//! inline, on a middle row or down the left margin, wrapped labels, every delimited
//! layout with empty fields, notes and unreadable cells). Every cell must be exact, or
//! reported as not placed; never a number in a wrong cell.

mod common;
use common::*;
use proptest::prelude::*;
use zfxxgk::catalogue::{Edition, Numbering, T3Group, T3Row, T3_COLUMNS, T3_ROWS};
use zfxxgk::{parse_report, Placement, Report, Value, WarningKind};

/// One row of the generated table 三: its definition and its seven cell texts
/// (`""` for a blank cell).
#[derive(Debug, Clone)]
struct Row {
    row: T3Row,
    key: &'static str,
    group: Option<T3Group>,
    label: String,
    cells: Vec<String>,
}

fn cn(n: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七"]
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

/// The 2021 edition's table 三 with our own numbers: a deterministic sequence, with
/// blank cells where `blank(row, col)` says.
fn table(blank: &dyn Fn(usize, usize) -> bool) -> Vec<Row> {
    T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&Edition::E2021))
        .enumerate()
        .map(|(i, d)| {
            let label = match d.row {
                T3Row::PartlyDisclosed => {
                    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)".to_string()
                }
                _ => numbered(d.numbering, d.label),
            };
            let cells = (0..7)
                .map(|c| {
                    if blank(i, c) {
                        String::new()
                    } else {
                        ((i * 7 + c * 3) % 41 + c).to_string()
                    }
                })
                .collect();
            Row {
                row: d.row,
                key: d.key,
                group: d.group,
                label,
                cells,
            }
        })
        .collect()
}

/// Group label lines as printed before the first row of each group.
fn group_label(g: T3Group) -> String {
    numbered(g.numbering(), g.label())
}

/// A whole report around a table 三 text (tables 二 and 四 in pipe rows).
fn report_with_t3(t3: &str) -> String {
    let value = |_: &str, _: &str, c: &str| -> Option<String> {
        Some(if c == "本年收费金额" {
            "1.5".into()
        } else {
            "2".into()
        })
    };
    let full = render(
        &template_doc(Edition::E2021, "某县某镇人民政府2022年", &value),
        Layout::PipeRows,
    );
    let start = full
        .find("三、收到和处理政府信息公开申请情况\n")
        .unwrap_or(0);
    let end = full.find("四、政府信息公开行政复议").unwrap_or(full.len());
    format!(
        "{}三、收到和处理政府信息公开申请情况\n{t3}{}",
        &full[..start],
        &full[end..]
    )
}

/// Display width: CJK characters and full-width forms two columns.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2E80}' { 2 } else { 1 }).sum()
}

/// Pad to a display width (CJK two wide).
fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Right-align in a display width.
fn rpad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

const HEADER_SPACED: &str = "                                              申请人情况\n\
    (本列数据的勾稽关系为:第一项加第二项之和,         法人或其他组织\n\
    等于第三项加第四项之和)              自然人    商业  科研  社会  法律  其他    总计\n\
                                                   企业  机构  公益  服务\n\
                                                               组织  机构\n";

/// How a space-aligned table prints its group labels.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Groups {
    /// On a line of their own before the group's first row.
    OwnLine,
    /// On the group's middle row, in a column left of the row labels.
    MiddleRow,
    /// Down the left margin, one character per line.
    Vertical,
}

/// Table 三 as `pdftotext -layout` prints it: label column, then seven columns of
/// width 6 with right-aligned numbers; blank cells are spaces. The long label of
/// (二)部分公开 wraps onto the next line.
fn spaced(rows: &[Row], groups: Groups) -> String {
    let mut out = String::from(HEADER_SPACED);
    let label_w = 46;
    let mut i = 0;
    while i < rows.len() {
        let g = rows[i].group.filter(|g| *g != T3Group::Results);
        let n = rows[i..]
            .iter()
            .take_while(|r| r.group == rows[i].group)
            .count();
        if i > 0 && rows[i - 1].group.is_none() && rows[i].group.is_some() {
            match groups {
                Groups::Vertical => {
                    for c in "三、本年度办理结果".chars() {
                        out.push_str(&format!("{c}\n"));
                    }
                }
                _ => out.push_str("三、本年度办理结果\n"),
            }
        }
        if let (Some(g), Groups::OwnLine | Groups::Vertical) = (g, groups) {
            out.push_str(&format!("   {}\n", group_label(g)));
        }
        for (k, r) in rows[i..i + n].iter().enumerate() {
            let lead = match (g, groups) {
                (Some(g), Groups::MiddleRow) if k == n / 2 => pad(&group_label(g), 16),
                (Some(_), Groups::MiddleRow) => " ".repeat(16),
                _ => "      ".to_string(),
            };
            let cells: String = r.cells.iter().map(|c| rpad(c, 6)).collect();
            if r.row == T3Row::PartlyDisclosed {
                // Wrapped label: the first part alone, the rest with the values.
                out.push_str(&format!("{lead}(二)部分公开(区分处理的,只计这一情\n"));
                out.push_str(&format!(
                    "{}{cells}\n",
                    pad(
                        &format!("{}形,不计其他情形)", " ".repeat(lead.len())),
                        label_w
                    )
                ));
                continue;
            }
            let lw = label_w.saturating_sub(display_width(&lead));
            // A label too long for its column wraps: its first parts on lines of
            // their own, the rest with the values.
            let mut label = r.label.clone();
            let mut lead = lead;
            while display_width(&label) + 2 > lw {
                let mut first = String::new();
                let mut chars = label.chars().peekable();
                while let Some(c) = chars.peek() {
                    if display_width(&first) + display_width(&c.to_string()) + 2 > lw {
                        break;
                    }
                    first.push(*c);
                    chars.next();
                }
                out.push_str(&format!("{lead}{first}\n"));
                lead = " ".repeat(display_width(&lead));
                label = chars.collect();
            }
            out.push_str(&format!("{lead}{}{cells}\n", pad(&label, lw)));
        }
        i += n;
    }
    out
}

/// Delimited layouts of one table row (label, then fields).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Delimited {
    Pipes,
    Markdown,
    Tabs,
    CellPerLine,
    Html,
}

const DELIMITED: [Delimited; 5] = [
    Delimited::Pipes,
    Delimited::Markdown,
    Delimited::Tabs,
    Delimited::CellPerLine,
    Delimited::Html,
];

/// Table 三 in a delimited layout; group labels inline (a field before the row's
/// label) on the group's first row; `fields` are printed as they are.
fn delimited(rows: &[Row], layout: Delimited) -> String {
    let mut lines: Vec<Vec<String>> = vec![vec![
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)".into(),
        "自然人".into(),
        "商业企业".into(),
        "科研机构".into(),
        "社会公益组织".into(),
        "法律服务机构".into(),
        "其他".into(),
        "总计".into(),
    ]];
    let mut last: Option<T3Group> = None;
    for r in rows {
        let mut fields = Vec::new();
        if r.group.is_some() && last.is_none() {
            fields.push("三、本年度办理结果".to_string());
        }
        if let Some(g) = r
            .group
            .filter(|g| *g != T3Group::Results && last != Some(*g))
        {
            fields.push(group_label(g));
        }
        last = r.group;
        fields.push(r.label.clone());
        fields.extend(r.cells.iter().cloned());
        lines.push(fields);
    }
    let mut out = String::new();
    match layout {
        Delimited::Html => {
            out.push_str("<table>\n");
            for l in &lines {
                out.push_str("<tr>");
                for f in l {
                    let f = if f.is_empty() { "&nbsp;" } else { f };
                    out.push_str(&format!("<td>{f}</td>"));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        _ => {
            for (i, l) in lines.iter().enumerate() {
                match layout {
                    Delimited::Pipes => out.push_str(&format!("{} |\n", l.join(" | "))),
                    Delimited::Markdown => {
                        out.push_str(&format!("| {} |\n", l.join(" | ")));
                        if i == 0 {
                            out.push_str(&format!("{}|\n", "|---".repeat(l.len())));
                        }
                    }
                    Delimited::Tabs => out.push_str(&format!("{}\n", l.join("\t"))),
                    Delimited::CellPerLine => {
                        for f in l {
                            out.push_str(&format!("{f} |\n"));
                        }
                        out.push_str("|||\n");
                    }
                    Delimited::Html => {}
                }
            }
        }
    }
    out
}

/// The value of a table 三 cell as (kind, text): `("n", "12")`, `("blank", "")`,
/// `("unreadable", raw)`, or `None` when the cell is not in the model.
fn cell(r: &Report, key: &str, col: usize) -> Option<(String, String, Placement)> {
    let c = T3_COLUMNS.get(col)?.key();
    r.cells()
        .find(|x| x.table == "三" && x.row == key && x.column == c)
        .map(|x| {
            let kind = match x.value {
                Some(v) => format!("n{v}"),
                None if x.raw.is_empty() => "blank".to_string(),
                None => "unreadable".to_string(),
            };
            let placement = match x.placement {
                "position" => Placement::Position,
                "arithmetic" => Placement::Arithmetic,
                _ => Placement::Label,
            };
            (kind, x.raw.to_string(), placement)
        })
}

/// What a cell text should read as.
fn expect(text: &str) -> String {
    if text.is_empty() {
        "blank".into()
    } else if let Ok(n) = text.parse::<i64>() {
        format!("n{n}")
    } else if let Some(head) = text.split('(').next().filter(|h| h.parse::<i64>().is_ok()) {
        format!("n{head}")
    } else {
        "unreadable".into()
    }
}

/// Every cell of every row exact.
fn assert_every_cell(r: &Report, rows: &[Row], what: &str) {
    for row in rows {
        for (c, text) in row.cells.iter().enumerate() {
            let got = cell(r, row.key, c);
            assert_eq!(
                got.as_ref().map(|g| g.0.clone()),
                Some(expect(text)),
                "{what}: {} col {c}\nwarnings: {:#?}",
                row.key,
                r.warnings.iter().map(|w| w.message()).collect::<Vec<_>>()
            );
        }
    }
}

/// Blank cells scattered over the table, at least one per column and some rows
/// complete (the complete rows anchor the columns).
fn scattered(i: usize, c: usize) -> bool {
    i % 3 == 1 && (i + c) % 4 == 0 || (i % 5 == 2 && c > 0 && c < 6)
}

#[test]
fn space_aligned_with_blank_cells_and_every_group_style() {
    let rows = table(&scattered);
    for groups in [Groups::OwnLine, Groups::MiddleRow, Groups::Vertical] {
        let text = report_with_t3(&spaced(&rows, groups));
        let r = parse_report(&text).expect("parses");
        assert_every_cell(&r, &rows, &format!("{groups:?}\n{text}"));
        // Rows with blank cells are placed by position, complete ones by their label.
        let full = rows
            .iter()
            .position(|r| r.cells.iter().all(|c| !c.is_empty()));
        let (_, _, p) = cell(&r, rows[full.unwrap_or(0)].key, 0).expect("cell");
        let short = rows
            .iter()
            .position(|r| r.cells.iter().any(String::is_empty));
        if let Some(i) = short {
            let (_, _, q) = cell(&r, rows[i].key, 0).expect("cell");
            assert_eq!(q, Placement::Position, "{groups:?}");
        }
        assert_eq!(p, Placement::Label);
    }
}

/// `2 … 2` with five blanks between: the total stays under 总计.
#[test]
fn a_lone_total_stays_in_its_column() {
    let rows = table(&|i, c| i == 3 && c > 0 && c < 6);
    let text = report_with_t3(&spaced(&rows, Groups::OwnLine));
    let r = parse_report(&text).expect("parses");
    assert_every_cell(&r, &rows, &text);
    assert_eq!(cell(&r, rows[3].key, 1).map(|c| c.0), Some("blank".into()));
}

/// Group labels run into the first row label with one space, in spaces, tabs and
/// pipes.
#[test]
fn inline_group_labels() {
    let rows = table(&|_, _| false);
    for sep in ["    ", "\t", " | "] {
        let mut t3 = String::new();
        let mut last: Option<T3Group> = None;
        for r in &rows {
            let mut label = String::new();
            if r.group.is_some() && last.is_none() {
                label.push_str("三、本年度办理结果 ");
            }
            if let Some(g) = r
                .group
                .filter(|g| *g != T3Group::Results && last != Some(*g))
            {
                label.push_str(&group_label(g));
                label.push(' ');
            }
            last = r.group;
            label.push_str(&r.label);
            t3.push_str(&format!("{label}{sep}{}\n", r.cells.join(sep)));
        }
        let text = report_with_t3(&t3);
        let r = parse_report(&text).expect("parses");
        assert_every_cell(&r, &rows, &format!("{sep:?}\n{text}"));
    }
}

/// Empty fields, notes and unreadable text mid-row, in every delimited layout.
#[test]
fn delimited_layouts_keep_every_slot() {
    let mut rows = table(&|i, c| (i * 7 + c) % 9 == 4);
    rows[0].cells[0] = "147(含合并2件)".into();
    rows[2].cells[3] = "若干".into();
    rows[4].cells[1] = "N/A".into();
    rows[5].cells[2] = "〇".into();
    rows[6].cells[4] = "O".into();
    rows[7].cells[5] = "1e5".into();
    rows[8].cells[1] = "12,34".into();
    for layout in DELIMITED {
        let text = report_with_t3(&delimited(&rows, layout));
        let r = parse_report(&text).expect("parses");
        assert_every_cell(&r, &rows, &format!("{layout:?}\n{text}"));
        let note = r
            .tables
            .requests
            .as_ref()
            .and_then(|t| t.new_requests.as_ref())
            .and_then(|a| a.natural_person.as_ref())
            .and_then(|c| c.note.clone());
        assert_eq!(note.as_deref(), Some("含合并2件"), "{layout:?}");
        let quoted: Vec<String> = r
            .warnings
            .iter()
            .filter_map(|w| match &w.kind {
                WarningKind::UnreadableCell { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        for t in ["若干", "N/A", "〇", "O", "1e5", "12,34"] {
            assert!(
                quoted.iter().any(|q| q == t),
                "{layout:?}: {t} in {quoted:?}"
            );
        }
    }
}

/// `<td>1<br>2</td>` and `<td><p>3</p><p>5</p></td>`: unreadable, never 12 or 35.
#[test]
fn two_numbers_in_one_html_cell() {
    let rows = table(&|_, _| false);
    let t3 = delimited(&rows, Delimited::Html)
        .replacen("<td>0</td>", "<td>1<br>2</td>", 1)
        .replacen("<td>3</td>", "<td><p>3</p><p>5</p></td>", 1);
    let text = report_with_t3(&t3);
    let r = parse_report(&text).expect("parses");
    let unreadable: Vec<String> = r
        .cells()
        .filter(|c| c.table == "三" && c.value.is_none())
        .map(|c| c.raw.to_string())
        .collect();
    assert_eq!(unreadable, ["1 2", "3 5"]);
    assert_eq!(
        cell(&r, rows[0].key, 0).map(|c| (c.0, c.1)),
        Some(("unreadable".to_string(), "1 2".to_string()))
    );
}

/// A row that lost a cell: its values are reported with their candidates, and no
/// other row changes.
#[test]
fn a_row_that_lost_a_cell_is_not_placed() {
    let rows = table(&|_, _| false);
    let mut cut = rows.clone();
    cut[3].cells.remove(2);
    for layout in DELIMITED {
        let text = report_with_t3(&delimited(&cut, layout));
        let r = parse_report(&text).expect("parses");
        for (i, row) in rows.iter().enumerate() {
            for c in 0..7 {
                let got = cell(&r, row.key, c).map(|g| g.0);
                if i == 3 {
                    assert_eq!(got, None, "{layout:?}: {} {c}", row.key);
                } else {
                    assert_eq!(got, Some(expect(&row.cells[c])), "{layout:?}");
                }
            }
        }
        let w = r
            .warnings
            .iter()
            .find_map(|w| match &w.kind {
                WarningKind::NotPlaced {
                    row,
                    found,
                    expected,
                    values,
                    ..
                } => Some((row.clone(), *found, *expected, values.clone())),
                _ => None,
            })
            .expect("a NotPlaced warning");
        assert_eq!(w.0.as_deref(), Some(rows[3].key));
        assert_eq!((w.1, w.2), (6, 7));
        assert_eq!(w.3[0].candidates, ["自然人", "法人或其他组织/商业企业"]);
        assert_eq!(w.3[0].value.text, rows[3].cells[0]);
    }
}

/// `| 规章 | 22 | 235 |` under three columns: not filled in template order.
#[test]
fn table_2_row_with_two_of_three_cells() {
    let text = "某县2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 |\n\
        | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 22 | 235 |\n\
        | 行政规范性文件 | 3 | 0 | 8 |\n三、收到和处理政府信息公开申请情况\n";
    let r = parse_report(text).expect("parses");
    let t2: Vec<(String, String)> = r
        .cells()
        .filter(|c| c.table == "二")
        .map(|c| (c.row.to_string(), c.raw.to_string()))
        .collect();
    assert_eq!(
        t2,
        [
            ("行政规范性文件".to_string(), "3".to_string()),
            ("行政规范性文件".into(), "0".into()),
            ("行政规范性文件".into(), "8".into())
        ]
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(&w.kind, WarningKind::NotPlaced { row: Some(k), .. } if k == "规章")));
}

/// The one-cell-per-line case: a blank ` |` line keeps its slot.
#[test]
fn cell_per_line_blank_line_keeps_its_slot() {
    let text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |\n |\n2 |\n3 |\n4 |\n5 |\n6 |\n7 |\n|||\n";
    let r = parse_report(text).expect("parses");
    let a = r
        .tables
        .requests
        .as_ref()
        .and_then(|t| t.new_requests.clone())
        .expect("row");
    assert_eq!(a.natural_person.map(|c| c.value), Some(Value::Blank));
    assert_eq!(a.commercial.and_then(|c| c.integer()), Some(2));
    assert_eq!(a.total.and_then(|c| c.integer()), Some(7));
}

#[derive(Debug, Clone, Copy)]
enum Edit {
    Delete,
    Blank,
    Garble,
    /// A note in brackets after the number (`147(含合并2件)`).
    Note,
}

const EDITS: [Edit; 4] = [Edit::Delete, Edit::Blank, Edit::Garble, Edit::Note];

/// Edit one cell of the generated table, print it in `layout` and read it back: the
/// first cell that is not what it should be, if any. Every other row must be exact;
/// the edited row exact (blank, garbled, noted) or not placed at all (deleted).
fn first_moved_cell(layout: Delimited, row: usize, col: usize, edit: Edit) -> Option<String> {
    let rows = table(&|_, _| false);
    let mut edited = rows.clone();
    match edit {
        Edit::Delete => {
            edited[row].cells.remove(col);
        }
        Edit::Blank => edited[row].cells[col] = String::new(),
        Edit::Garble => edited[row].cells[col] = "若干".into(),
        Edit::Note => {
            let n = edited[row].cells[col].clone();
            edited[row].cells[col] = format!("{n}(含合并2件)");
        }
    }
    let text = report_with_t3(&delimited(&edited, layout));
    let r = parse_report(&text).expect("parses");
    for (i, want) in rows.iter().enumerate() {
        let got: Vec<Option<String>> = (0..7).map(|c| cell(&r, want.key, c).map(|g| g.0)).collect();
        let exact = |cells: &[String]| -> Vec<Option<String>> {
            cells.iter().map(|t| Some(expect(t))).collect()
        };
        let ok = if i != row {
            got == exact(&want.cells)
        } else if matches!(edit, Edit::Delete) {
            got.iter().all(Option::is_none)
        } else {
            got == exact(&edited[row].cells)
        };
        if !ok {
            return Some(format!(
                "{layout:?}, {edit:?} at row {row} col {col}: row {} reads {got:?}",
                want.key
            ));
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Deleting, blanking, garbling or annotating one cell never changes another
    /// cell's value: the edited row is exact or not placed, every other row exact.
    #[test]
    fn one_edited_cell_moves_no_other(
        layout in 0usize..5,
        row in 0usize..25,
        col in 0usize..7,
        edit in 0usize..4,
    ) {
        let moved = first_moved_cell(DELIMITED[layout], row, col, EDITS[edit]);
        prop_assert!(moved.is_none(), "{}", moved.unwrap_or_default());
    }
}

/// Every cell in turn, with every edit, each in one of the delimited layouts (they
/// take turns): no other cell moves.
#[test]
fn every_edited_cell_moves_no_other() {
    let rows = table(&|_, _| false).len();
    for row in 0..rows {
        for col in 0..7 {
            for (k, edit) in EDITS.into_iter().enumerate() {
                let layout = DELIMITED[(row + col + k) % DELIMITED.len()];
                if let Some(m) = first_moved_cell(layout, row, col, edit) {
                    panic!("{m}");
                }
            }
        }
    }
}

/// Table 三 cells of a report as (row, values in column order with `_` for blank),
/// numbers only where the cell holds one.
fn t3_rows(r: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in r.cells().filter(|c| c.table == "三") {
        let v = c.value.map_or("_".to_string(), |v| v.to_string());
        match out.last_mut() {
            Some((k, vals)) if k == c.row => {
                vals.push(' ');
                vals.push_str(&v);
            }
            _ => out.push((c.row.to_string(), v)),
        }
    }
    out
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A report written as HTML with real table markup (rowspans, colspans, blank cells:
/// `blank-cells.html`), printed to PDF by a browser and taken out with
/// `pdftotext -layout`: the rows on the header's page are placed by column position
/// (pdftotext counts a CJK character as one cell), blanks stay blank; after the page
/// break the columns moved and nothing anchors them: those rows are not placed.
#[test]
fn browser_printed_pdf_layout_text() {
    let r = parse_report(&fixture("blank-cells.layout.txt")).expect("parses");
    let want = [
        ("本年新收政府信息公开申请数量", "46 2 _ _ 1 _ 49"),
        ("上年结转政府信息公开申请数量", "3 _ _ _ _ _ 3"),
        ("本年度办理结果/予以公开", "20 1 _ _ 1 _ 22"),
        ("本年度办理结果/部分公开", "5 _ _ _ _ _ 5"),
        (
            "本年度办理结果/不予公开/其他法律行政法规禁止公开",
            "1 _ _ _ _ _ 1",
        ),
        (
            "本年度办理结果/不予公开/保护第三方合法权益",
            "2 _ _ _ _ _ 2",
        ),
        (
            "本年度办理结果/不予公开/属于四类过程性信息",
            "1 _ _ _ _ _ 1",
        ),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(t3_rows(&r), want);
    assert!(r
        .cells()
        .filter(|c| c.table == "三")
        .all(|c| c.placement == "position"));
    let not_placed = r
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::NotPlaced { .. }))
        .count();
    assert_eq!(not_placed, 9);
    // Table 四 is complete on its line.
    let t4: Vec<String> = r
        .cells()
        .filter(|c| c.table == "四")
        .map(|c| c.raw.to_string())
        .collect();
    assert_eq!(t4.join(" "), "3 1 0 1 5 2 0 0 1 3 1 0 0 0 1");
    // Table 二's 规章 row printed a blank cell: not placed, not shifted.
    assert!(r
        .cells()
        .filter(|c| c.table == "二")
        .all(|c| c.row != "规章"));
}

/// The same PDF taken out without `-layout` (reading order, one cell per line, blank
/// cells gone): no cell of tables 三 and 四 can be pinned, and none is placed.
#[test]
fn browser_printed_pdf_flow_text() {
    let r = parse_report(&fixture("blank-cells.flow.txt")).expect("parses");
    let placed: Vec<String> = r
        .cells()
        .filter(|c| c.table != "二" && c.value.is_some())
        .map(|c| format!("{} {} {}", c.row, c.column, c.raw))
        .collect();
    assert_eq!(placed, Vec::<String>::new());
}
