//! One table rendered into each shape the recoveries read — glued on one line, glued
//! one row per line, reading order (bands of rows column by column, labels after
//! their values), table 四 as a bare row — and read back: every cell exact or
//! reported as not placed, never a number in a wrong cell. Then each cell in turn is
//! changed or deleted, and no other cell may change value.

use zfxxgk::catalogue::{Numbering, T3Row, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS};
use zfxxgk::{parse_report, Edition, Report, TableId, WarningKind};

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    /// Mostly zeros, some small counts, a few large ones.
    fn count(&mut self) -> i64 {
        match self.next() % 10 {
            0..=4 => 0,
            5..=8 => (self.next() % 20) as i64,
            _ => (self.next() % 900) as i64 + 100,
        }
    }
}

fn rows() -> Vec<T3Row> {
    T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&Edition::E2021))
        .map(|d| d.row)
        .collect()
}

/// Table 三 (25 rows × 7) and table 四 (15) whose identities hold.
#[derive(Clone)]
struct Tables {
    t3: Vec<[i64; 7]>,
    t4: [i64; 15],
}

fn generate(seed: u64) -> Tables {
    let mut g = Rng(seed);
    let rows = rows();
    let mut t3 = vec![[0i64; 7]; rows.len()];
    let with_total = |mut r: [i64; 7]| {
        r[6] = r.iter().take(6).sum();
        r
    };
    for (i, row) in rows.iter().enumerate() {
        if row.is_result_leaf() {
            let mut r = [0; 7];
            for v in r.iter_mut().take(6) {
                *v = if g.next() % 3 == 0 { g.count() } else { 0 };
            }
            t3[i] = with_total(r);
        }
    }
    let at = |r: T3Row| rows.iter().position(|x| *x == r).unwrap_or(0);
    let mut total = [0; 7];
    for (i, row) in rows.iter().enumerate() {
        if row.is_result_leaf() {
            for c in 0..7 {
                total[c] += t3[i][c];
            }
        }
    }
    t3[at(T3Row::ResultsTotal)] = total;
    // 新收 + 上年结转 = 总计 + 结转下年度, column by column.
    let mut fwd = [0; 6];
    let mut carried = [0; 6];
    let mut new = [0; 6];
    for c in 0..6 {
        fwd[c] = (g.next() % 4) as i64;
        carried[c] = ((g.next() % 3) as i64).min(total[c] + fwd[c]);
        new[c] = total[c] + fwd[c] - carried[c];
    }
    let row7 = |v: [i64; 6]| with_total([v[0], v[1], v[2], v[3], v[4], v[5], 0]);
    t3[at(T3Row::NewRequests)] = row7(new);
    t3[at(T3Row::CarriedOver)] = row7(carried);
    t3[at(T3Row::CarriedForward)] = row7(fwd);
    let mut t4 = [0; 15];
    for grp in 0..3 {
        for k in 0..4 {
            t4[grp * 5 + k] = (g.next() % 30) as i64;
        }
        t4[grp * 5 + 4] = (0..4).map(|k| t4[grp * 5 + k]).sum();
    }
    Tables { t3, t4 }
}

fn cn(n: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八"][usize::from(n - 1)]
}

/// The printed label of a row, with its numbering (and the note of (二)).
fn label(row: T3Row) -> String {
    let d = row.def();
    let num = match d.numbering {
        Numbering::Chinese(n) => format!("{}、", cn(n)),
        Numbering::Paren(n) => format!("（{}）", cn(n)),
        Numbering::Arabic(n) => format!("{n}."),
    };
    let note = if row == T3Row::PartlyDisclosed {
        "（区分处理的，只计这一情形，不计其他情形）"
    } else {
        ""
    };
    format!("{num}{}{note}", d.label)
}

/// Group labels printed before a row.
fn groups_before(row: T3Row) -> &'static str {
    match row {
        T3Row::Disclosed => "三、本年度办理结果",
        T3Row::WithheldStateSecret => "（三）不予公开",
        T3Row::UnableNotHeld => "（四）无法提供",
        T3Row::NotProcessedComplaint => "（五）不予处理",
        T3Row::OtherNoCorrection => "（六）其他处理",
        _ => "",
    }
}

const HEAD: &str = "某区人民政府2023年政府信息公开工作年度报告";
const T3_HEADER: &str = "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他";
const T4_HEADER: &str = "四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉 结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

fn glued_row(v: &[i64]) -> String {
    v.iter().map(i64::to_string).collect()
}

/// The whole page on one line, every table glued.
fn glued_one_line(t: &Tables) -> String {
    let mut s = format!("{HEAD} 一、总体情况本年度共收到申请若干件。二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件1行政规范性文件不计第二十条第（五）项信息内容本年处理决定数量行政许可10690第二十条第（六）项信息内容本年处理决定数量行政处罚2113行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0 {T3_HEADER} ");
    for (row, vals) in rows().iter().zip(&t.t3) {
        s.push_str(groups_before(*row));
        s.push_str(&label(*row));
        s.push_str(&glued_row(vals));
    }
    s.push_str(&format!(
        " {T4_HEADER}{} 五、存在的主要问题及改进情况无。六、其他需要报告的事项无。",
        glued_row(&t.t4)
    ));
    s
}

/// Headings on their own lines, one glued row per line.
fn glued_rows_per_line(t: &Tables) -> String {
    let mut s = format!("{HEAD}\n一、总体情况\n本年度共收到申请若干件。\n{T3_HEADER}\n");
    for (row, vals) in rows().iter().zip(&t.t3) {
        let g = groups_before(*row);
        s.push_str(&format!("{g}{}{}\n", label(*row), glued_row(vals)));
    }
    s.push_str(&format!(
        "{T4_HEADER}\n{}\n五、存在的主要问题及改进情况\n无。\n",
        glued_row(&t.t4)
    ));
    s
}

/// Bands of rows as `pdftotext` prints them without `-layout`: (start, rows, column
/// by column).
const BANDS: &[(usize, usize, bool)] = &[
    (0, 1, false),
    (1, 1, false),
    (2, 1, false),
    (3, 1, false),
    (4, 10, true),
    (14, 4, true),
    (18, 2, true),
    (20, 3, false),
    (23, 1, false),
    (24, 1, false),
];

/// Reading order: one value per line, bands column by column, labels after their
/// values.
fn reading_order(t: &Tables) -> String {
    let rows = rows();
    let mut s = format!(
        "{HEAD}\n一、总体情况\n本年度共收到申请若干件。\n三、收到和处理政府信息公开申请情况\n申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）\n法人或其他组织\n自然人\n总计\n"
    );
    for &(start, n, by_column) in BANDS {
        let band = &t.t3[start..start + n];
        if by_column {
            for c in 0..7 {
                for r in band {
                    s.push_str(&format!("{}\n", r[c]));
                }
            }
        } else {
            for r in band {
                for v in r {
                    s.push_str(&format!("{v}\n"));
                }
            }
        }
        for row in &rows[start..start + n] {
            let g = groups_before(*row);
            if !g.is_empty() {
                s.push_str(&format!("{g}\n"));
            }
            s.push_str(&format!("{}\n", label(*row)));
        }
    }
    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n");
    s
}

/// Table 四 as fifteen bare numbers under its heading (no header row).
fn bare_t4(t: &Tables) -> String {
    let nums: Vec<String> = t.t4.iter().map(i64::to_string).collect();
    format!(
        "{HEAD}\n一、总体情况\n本年度共收到申请若干件。\n四、政府信息公开行政复议、行政诉讼情况\n{}\n五、存在的主要问题及改进情况\n无。\n",
        nums.join(" ")
    )
}

type Grid = Vec<Vec<Option<i64>>>;

fn t3_of(r: &Report) -> Grid {
    rows()
        .iter()
        .map(|row| {
            T3_COLUMNS
                .iter()
                .map(|c| {
                    r.tables
                        .requests
                        .as_ref()
                        .and_then(|t| t.cell(*row, *c))
                        .and_then(|c| c.integer())
                })
                .collect()
        })
        .collect()
}

fn t4_of(r: &Report) -> Vec<Option<i64>> {
    T4_ROWS
        .iter()
        .flat_map(|row| T4_COLUMNS.iter().map(move |c| (*row, *c)))
        .map(|(row, c)| {
            r.tables
                .appeals
                .as_ref()
                .and_then(|t| t.cell(row, c))
                .and_then(|c| c.integer())
        })
        .collect()
}

fn reported(r: &Report, table: TableId) -> bool {
    r.warnings.iter().any(|w| {
        w.table() == Some(table)
            && matches!(
                w.kind,
                WarningKind::NotPlaced { .. } | WarningKind::Misaligned { .. }
            )
    })
}

/// Every cell exact or absent; absent cells reported.
fn check(r: &Report, t: &Tables, what: &str) -> usize {
    let mut placed = 0;
    for (i, (got, want)) in t3_of(r).iter().zip(&t.t3).enumerate() {
        for (c, (g, w)) in got.iter().zip(want).enumerate() {
            match g {
                Some(v) => {
                    assert_eq!(v, w, "{what}: 三 row {i} col {c}");
                    placed += 1;
                }
                None => assert!(
                    reported(r, TableId::T3),
                    "{what}: 三 row {i} col {c} absent, unreported"
                ),
            }
        }
    }
    placed
}

#[test]
fn glued_on_one_line() {
    for seed in 1..=20 {
        let t = generate(seed);
        let text = glued_one_line(&t);
        let r = parse_report(&text).expect("parses");
        let placed = check(&r, &t, &format!("seed {seed}"));
        // Random tables glued: the arithmetic pins nearly all of them.
        assert!(placed >= 150, "seed {seed}: {placed} of 175 placed");
        let t4 = t4_of(&r);
        for (g, w) in t4.iter().zip(&t.t4) {
            if let Some(g) = g {
                assert_eq!(g, w, "seed {seed}: 四");
            }
        }
        // Table 二: `000` and one-column rows are pinned; `1` is one cell of three.
        let t2 = r.tables.active_disclosure.as_ref().expect("table 二");
        assert_eq!(t2.cells().count(), 3 + 4, "seed {seed}");
    }
}

#[test]
fn a_fixed_table_glued_is_read_whole() {
    let t = generate(7);
    for (shape, text) in [
        ("one line", glued_one_line(&t)),
        ("rows per line", glued_rows_per_line(&t)),
        ("reading order", reading_order(&t)),
    ] {
        let r = parse_report(&text).expect("parses");
        let want: Grid =
            t.t3.iter()
                .map(|r| r.iter().map(|v| Some(*v)).collect())
                .collect();
        assert_eq!(t3_of(&r), want, "{shape}");
    }
    let r = parse_report(&bare_t4(&t)).expect("parses");
    assert_eq!(t4_of(&r), t.t4.iter().map(|v| Some(*v)).collect::<Vec<_>>());
}

#[test]
fn glued_one_row_per_line() {
    for seed in 21..=40 {
        let t = generate(seed);
        let r = parse_report(&glued_rows_per_line(&t)).expect("parses");
        let placed = check(&r, &t, &format!("seed {seed}"));
        assert!(placed >= 150, "seed {seed}: {placed} of 175 placed");
    }
}

#[test]
fn reading_order_bands() {
    for seed in 41..=60 {
        let t = generate(seed);
        let r = parse_report(&reading_order(&t)).expect("parses");
        let placed = check(&r, &t, &format!("seed {seed}"));
        assert!(placed >= 150, "seed {seed}: {placed} of 175 placed");
    }
}

#[test]
fn bare_table_4_needs_its_totals() {
    for seed in 61..=70 {
        let t = generate(seed);
        let r = parse_report(&bare_t4(&t)).expect("parses");
        assert_eq!(t4_of(&r), t.t4.iter().map(|v| Some(*v)).collect::<Vec<_>>());
        // A total that does not add up: nothing placed, the row reported.
        let mut bad = t.clone();
        bad.t4[4] += 1;
        let r = parse_report(&bare_t4(&bad)).expect("parses");
        assert!(t4_of(&r).iter().all(Option::is_none), "seed {seed}");
        assert!(reported(&r, TableId::T4));
    }
}

/// Change (add 1) or delete each cell in turn: no other cell may change value (it
/// keeps its value or is not placed), and the changed cell is its new value or not
/// placed.
fn one_cell_at_a_time(render: fn(&Tables) -> String, seed: u64) {
    let t = generate(seed);
    let base = t3_of(&parse_report(&render(&t)).expect("parses"));
    let rows = rows().len();
    for i in 0..rows {
        for c in 0..7 {
            for delete in [false, true] {
                let text = if delete {
                    // Delete the cell: the row has one value fewer.
                    let mut s = render(&t);
                    let marker = 9_876_543;
                    let mut m = t.clone();
                    m.t3[i][c] = marker;
                    let with_marker = render(&m);
                    if let Some(p) = with_marker.find(&marker.to_string()) {
                        s = format!(
                            "{}{}",
                            &with_marker[..p],
                            &with_marker[p + marker.to_string().len()..]
                        );
                        // The reading-order shape keeps its line break.
                        s = s.replace("\n\n", "\n");
                    }
                    s
                } else {
                    let mut m = t.clone();
                    m.t3[i][c] += 1;
                    render(&m)
                };
                let got = t3_of(&parse_report(&text).expect("parses"));
                for (ri, row) in got.iter().enumerate() {
                    for (ci, v) in row.iter().enumerate() {
                        let Some(v) = v else { continue };
                        if (ri, ci) == (i, c) {
                            if !delete {
                                assert_eq!(*v, t.t3[i][c] + 1, "changed cell ({i},{c})");
                            }
                            continue;
                        }
                        assert_eq!(
                            Some(*v),
                            base[ri][ci],
                            "({ri},{ci}) moved when ({i},{c}) was {}",
                            if delete { "deleted" } else { "changed" }
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn glued_one_cell_at_a_time() {
    one_cell_at_a_time(glued_rows_per_line, 3);
}

#[test]
fn reading_order_one_cell_at_a_time() {
    one_cell_at_a_time(reading_order, 5);
}

mod hostile {
    use proptest::prelude::*;

    /// Pieces the recoveries look for, mixed with digits, spaces and breaks.
    const PIECES: &[&str] = &[
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "二、主动公开政府信息情况",
        "一、本年新收政府信息公开申请数量",
        "（七）总计",
        "四、结转下年度继续办理",
        "1.属于国家秘密",
        "2.",
        "规章",
        "行政规范性文件",
        "第二十条第（一）项",
        "结果维持",
        "-3-",
        "（",
        "）",
        " ",
        "\n",
        "0",
        "7",
        "00000000000000000",
        "123456789012345678901234567890",
        ".",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// No arrangement of the recoveries' landmarks panics or runs away.
        #[test]
        fn landmarks_in_any_order(idx in proptest::collection::vec(0..PIECES.len(), 0..300)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            let _ = zfxxgk::parse_report(&text);
        }
    }
}
