//! Bench helpers: the inputs the benches measure, read from `../shared` at run time
//! (never copied into the repository) with generated fallbacks, and the report
//! generator of `tests/common` (included by path).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::OnceLock;
use zfxxgk::catalogue::{Edition, T3_ROWS};

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The shared folder: `$ZFXXGK_SHARED` when set, else `../shared` (as in the tests).
pub fn shared_root() -> String {
    match std::env::var("ZFXXGK_SHARED") {
        Ok(d) if !d.is_empty() => d,
        _ => format!("{ROOT}/../shared"),
    }
}

/// Read a file of the shared folder, or print a notice and return None when absent.
pub fn shared(rel: &str) -> Option<String> {
    let path = format!("{}/{rel}", shared_root());
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("notice: {path} not present; using a generated report");
            None
        }
    }
}

/// Seed by number prefix (`000`, `004`, …).
pub fn seed(prefix: &str) -> Option<String> {
    let dir = format!("{}/seeds", shared_root());
    let mut names: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(e) => e
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    match names.first() {
        Some(n) => std::fs::read_to_string(format!("{dir}/{n}")).ok(),
        None => {
            eprintln!("notice: seed {prefix} not present in {dir}; using a generated report");
            None
        }
    }
}

/// A text converted with the `opencc` command-line tool (`config` such as `s2t.json`)
/// through temporary files; None (with a notice) when the tool is absent or fails.
pub fn opencc_cli(text: &str, config: &str) -> Option<String> {
    let dir = std::env::temp_dir();
    let tag = format!("zfxxgk-bench-{}-{config}", std::process::id());
    let input = dir.join(format!("{tag}-in.txt"));
    let output = dir.join(format!("{tag}-out.txt"));
    std::fs::write(&input, text).ok()?;
    let status = std::process::Command::new("opencc")
        .args(["-c", config, "-i"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .status();
    let out = std::fs::read_to_string(&output).ok();
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&output);
    match status {
        Ok(s) if s.success() => out,
        _ => {
            eprintln!("notice: the opencc command-line tool is absent or failed (apt-get install opencc); skipping its conversion");
            None
        }
    }
}

/// A few dozen characters common in the reports, with their pinyin.
pub const PINYIN: &[(char, &str)] = &[
    ('政', "zhèng"),
    ('府', "fǔ"),
    ('信', "xìn"),
    ('息', "xī"),
    ('公', "gōng"),
    ('开', "kāi"),
    ('工', "gōng"),
    ('作', "zuò"),
    ('年', "nián"),
    ('度', "dù"),
    ('报', "bào"),
    ('告', "gào"),
    ('申', "shēn"),
    ('请', "qǐng"),
    ('情', "qíng"),
    ('况', "kuàng"),
    ('机', "jī"),
    ('关', "guān"),
    ('复', "fù"),
    ('议', "yì"),
    ('诉', "sù"),
    ('讼', "sòng"),
    ('主', "zhǔ"),
    ('动', "dòng"),
    ('处', "chǔ"),
    ('理', "lǐ"),
    ('数', "shù"),
    ('量', "liàng"),
    ('总', "zǒng"),
    ('县', "xiàn"),
    ('乡', "xiāng"),
    ('镇', "zhèn"),
    ('民', "mín"),
    ('规', "guī"),
    ('章', "zhāng"),
    ('务', "wù"),
    ('网', "wǎng"),
    ('站', "zhàn"),
    ('领', "lǐng"),
    ('导', "dǎo"),
    ('发', "fā"),
    ('布', "bù"),
];

/// `text` with `(pinyin)` after every character of [`PINYIN`].
pub fn gloss_pinyin(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        out.push(c);
        if let Some((_, py)) = PINYIN.iter().find(|(k, _)| *k == c) {
            out.push('(');
            out.push_str(py);
            out.push(')');
        }
    }
    out
}

/// `text` repeated (separated by a newline) until it is at least `bytes` long.
pub fn repeat_to(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len() + 1);
    while out.len() < bytes {
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// A deterministic value for every cell of the template.
pub fn synthetic_cell(t: &str, r: &str, c: &str) -> Option<String> {
    let h = t
        .bytes()
        .chain(r.bytes())
        .chain(c.bytes())
        .fold(7u32, |a, b| a.wrapping_mul(31).wrapping_add(u32::from(b)));
    Some(if c == "本年收费金额" {
        format!("{}.{}", h % 500, h % 10)
    } else {
        (h % 97).to_string()
    })
}

/// A generated template report of `edition` with [`synthetic_cell`] values.
pub fn generated(edition: Edition, layout: Layout) -> String {
    render(
        &template_doc(edition, "某县某镇人民政府2022年", &synthetic_cell),
        layout,
    )
}

/// The template document of a parsed report's cells (to re-print it in each layout).
pub fn doc_of(report: &zfxxgk::Report, agency_year: &str) -> Vec<Piece> {
    let cells: BTreeMap<(String, String, String), String> = report
        .cells()
        .map(|c| {
            (
                (c.table.to_string(), c.row.to_string(), c.column.to_string()),
                c.raw.to_string(),
            )
        })
        .collect();
    let lookup = |t: &str, r: &str, c: &str| {
        cells
            .get(&(t.to_string(), r.to_string(), c.to_string()))
            .cloned()
    };
    template_doc(report.edition, agency_year, &lookup)
}

/// Short names of the layouts (bench argument names).
pub fn layout_name(l: Layout) -> &'static str {
    match l {
        Layout::PipeRows => "pipe-rows",
        Layout::CellPerLineRuns => "cell-per-line-runs",
        Layout::LonePipe => "lone-pipe",
        Layout::Markdown => "markdown",
        Layout::Tabs => "tabs",
        Layout::Spaces => "spaces",
        Layout::BlankLines => "blank-lines",
    }
}

/// The realistic inputs, by name.
pub struct Inputs {
    pub items: Vec<(&'static str, String)>,
}

/// Names of the realistic inputs, in bench order.
pub const INPUT_NAMES: [&str; 16] = [
    "seed-000-simplified-2019",
    "seed-004-simplified-2019",
    "seed-001-legacy",
    "seed-002-legacy",
    "seed-003-traditional-pinyin-2021",
    "seed-004-to-traditional",
    "seed-004-pinyin-glossed",
    "seed-004-x100-1MB",
    "layout-pipe-rows",
    "layout-cell-per-line-runs",
    "layout-lone-pipe",
    "layout-markdown",
    "layout-tabs",
    "layout-spaces",
    "layout-blank-lines",
    "generated-2021",
];

/// Build every input once.
pub fn inputs() -> &'static Inputs {
    static CELL: OnceLock<Inputs> = OnceLock::new();
    CELL.get_or_init(|| {
        let gen19 = generated(Edition::E2019, Layout::PipeRows);
        let s000 = seed("000").unwrap_or_else(|| gen19.clone());
        let s004 = seed("004").unwrap_or_else(|| gen19.clone());
        let s001 = seed("001").unwrap_or_else(|| gen19.clone());
        let s002 = seed("002").unwrap_or_else(|| gen19.clone());
        let gen21 = generated(Edition::E2021, Layout::PipeRows);
        let s003 = seed("003").unwrap_or_else(|| gloss_pinyin(&gen21));
        let trad004 = opencc_cli(&s004, "s2t.json").unwrap_or_else(|| {
            eprintln!("notice: seed-004-to-traditional falls back to the simplified seed 004");
            s004.clone()
        });
        let pinyin004 = gloss_pinyin(&s004);
        let large = repeat_to(&s004, 1_000_000);
        let doc = match zfxxgk::parse_report(&s004) {
            Ok(r) => doc_of(&r, "安溪县2020年"),
            Err(_) => template_doc(Edition::E2019, "某县2020年", &synthetic_cell),
        };
        let mut items = vec![
            ("seed-000-simplified-2019", s000),
            ("seed-004-simplified-2019", s004),
            ("seed-001-legacy", s001),
            ("seed-002-legacy", s002),
            ("seed-003-traditional-pinyin-2021", s003),
            ("seed-004-to-traditional", trad004),
            ("seed-004-pinyin-glossed", pinyin004),
            ("seed-004-x100-1MB", large),
        ];
        for (name, l) in INPUT_NAMES[8..15].iter().zip(LAYOUTS) {
            items.push((name, render(&doc, l)));
        }
        items.push(("generated-2021", gen21));
        Inputs { items }
    })
}

/// The input called `name`.
pub fn input(name: &str) -> &'static str {
    inputs()
        .items
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or("")
}

/// Kinds of hostile input (see `benches/hostile.rs`).
pub const HOSTILE_KINDS: [&str; 15] = [
    "one-line",
    "short-lines",
    "pipes",
    "pipes-in-table",
    "blank-lines-in-table",
    "headings",
    "table-rows",
    "wide-row",
    "pinyin-groups",
    "repeated-report",
    "repeated-legacy",
    "fdfa",
    "crlf-rows",
    "fullwidth-digits",
    "glued-runs",
];

/// Table 三 rows (100 KB × `m`): each row printed twice with CRLF line ends
/// (`crlf: true`), or once with full-width digits and separators (`crlf: false`).
fn hostile_rows(m: usize, crlf: bool) -> String {
    let mut s = String::from(
        "某县人民政府2020年政府信息公开工作年度报告\r\n三、收到和处理政府信息公开申请情况\r\n",
    );
    let labels: Vec<&str> = T3_ROWS.iter().map(|d| d.label).collect();
    let mut i = 0;
    while s.len() < 100_000 * m {
        let l = labels[i % labels.len()];
        let row = format!(
            "{l} | {} | {} | 0 | 0 | 0 | 1 | {} |",
            i % 7,
            i % 5,
            i % 7 + i % 5 + 1
        );
        if crlf {
            s.push_str(&row);
            s.push_str("\r\n");
            s.push_str(&row);
            s.push_str("\r\n");
        } else {
            for c in row.chars() {
                match c {
                    '0'..='9' => {
                        s.push(char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
                    }
                    '|' => s.push('｜'),
                    ' ' => s.push('\u{3000}'),
                    c => s.push(c),
                }
            }
            s.push('\n');
        }
        i += 1;
    }
    s
}

/// The hostile input of `kind` at scale `m` (see `benches/hostile.rs`).
pub fn hostile(kind: &str, m: usize) -> String {
    match kind {
        "one-line" => {
            // A title and a heading, then the prose of the overview on one line.
            let unit = "本机关收到申请46件,其中当面申请1件,网上申请45件。行政复议2件。";
            let mut s = String::from("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n");
            while s.len() < 100_000 * m {
                s.push_str(unit);
            }
            s
        }
        "short-lines" => format!("一、总体情况\n{}", "1\n".repeat(50_000 * m)),
        "pipes" => "|".repeat(100_000 * m),
        "pipes-in-table" => format!(
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 {}\n",
            "|".repeat(10_000 * m)
        ),
        "blank-lines-in-table" => {
            // A table whose cells are separated by blank lines, with a long blank run.
            let cells = [
                "自然人",
                "法人或其他组织",
                "总计",
                "(一)予以公开",
                "1",
                "2",
                "3",
                "4",
                "5",
                "6",
                "7",
            ];
            format!(
                "某县2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n{}{}8\n\n9\n",
                cells.join("\n\n"),
                "\n".repeat(100_000 * m)
            )
        }
        "headings" => {
            const NUMS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
            const HEADS: [&str; 6] = [
                "总体情况",
                "主动公开政府信息情况",
                "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况",
                "存在的主要问题及改进情况",
                "其他需要报告的事项",
            ];
            let mut s = String::new();
            for i in 0..1000 * m {
                s.push_str(NUMS[i % 10]);
                s.push('、');
                s.push_str(HEADS[(i / 10 + i) % 6]);
                s.push('\n');
            }
            s
        }
        "table-rows" => {
            let mut s = String::from(
                "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本机关依法做好政府信息公开工作。\n\
                 三、收到和处理政府信息公开申请情况\n\
                 (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n\
                 自然人 | 法人或其他组织 | 总计 |\n\
                 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n",
            );
            let labels: Vec<&str> = T3_ROWS.iter().map(|d| d.label).collect();
            for i in 0..100 * m {
                let l = labels[i % labels.len()];
                s.push_str(&format!(
                    "{l} | {} | {} | 0 | 0 | 0 | 1 | {} |\n",
                    i % 7,
                    i % 5,
                    i % 7 + i % 5 + 1
                ));
            }
            s.push_str("四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议。\n");
            s
        }
        "wide-row" => format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n{}\n",
            " 1 |".repeat(1_000 * m)
        ),
        "pinyin-groups" => format!("一、总体情况\n新{}\n", "(xin)".repeat(10_000 * m)),
        "repeated-report" => {
            let one = seed("004").unwrap_or_else(|| generated(Edition::E2019, Layout::PipeRows));
            one.repeat(10 * m)
        }
        "repeated-legacy" => {
            let one = seed("001").unwrap_or_else(|| {
                "某县2015年政府信息公开工作年度报告\n一、概述\n本年度共受理政府信息公开申请12件。\n"
                    .to_string()
            });
            one.repeat(10 * m)
        }
        "fdfa" => {
            // U+FDFA, whose NFKC form is 18 characters (33 bytes).
            format!("一、总体情况\n{}", "\u{FDFA}".repeat(100_000 * m / 3))
        }
        "crlf-rows" => hostile_rows(m, true),
        "fullwidth-digits" => hostile_rows(m, false),
        "glued-runs" => {
            // A page on one line whose table 三 rows are glued runs of 4 000·m digits
            // (×1: 25 runs of 4 000 digits, 100 KB; ×100: runs of 400 000 digits).
            glued_report(4_000 * m)
        }
        _ => unreachable!("unknown kind {kind}"),
    }
}

/// Digits that look like counts (a fixed pseudo-random sequence).
pub fn digits(n: usize, seed: u64) -> String {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'0' + (x % 10) as u8)
        })
        .collect()
}

/// A report on one line with every table-三 row a glued run of `n` digits.
pub fn glued_report(n: usize) -> String {
    let labels = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "（四）无法提供1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "（五）不予处理1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ];
    let mut s = String::from(
        "某区2022年政府信息公开工作年度报告 一、总体情况本年度收到申请。二、主动公开政府信息情况无。三、收到和处理政府信息公开申请情况申请人情况 自然人 总计 ",
    );
    for (i, l) in labels.iter().enumerate() {
        s.push_str(l);
        s.push_str(&digits(n, i as u64 + 1));
    }
    s.push_str(" 四、政府信息公开行政复议、行政诉讼情况结果维持总计");
    s.push_str(&digits(n, 99));
    s.push_str(" 五、存在的主要问题及改进情况无。");
    s
}

/// The report generator of the tests, shared rather than copied.
#[path = "../../tests/common/mod.rs"]
mod generator;
pub use generator::{render, template_doc, Layout, Piece, LAYOUTS};
