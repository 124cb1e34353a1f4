//! Generated reports for the recoveries of rows and tables the printing took apart,
//! through the whole parser:
//!
//! - table 三 rows whose labels were lifted out of a markdown table (printed as loose
//!   lines above it), their values left as rows without labels or with a piece of
//!   their label;
//! - table 四 printed in reading order (one value per line, the runs out of order).
//!
//! Every placed cell must be the document's; one cell changed at a time must move no
//! other cell.

mod common;
use common::{cell_map, render, template_doc, Layout};
use std::collections::BTreeMap;
use zfxxgk::catalogue::{Edition, T3Row, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS};
use zfxxgk::parse_report;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// (table, row key, column key) → value.
type Cells = BTreeMap<(String, String, String), i64>;

fn rows_2021() -> Vec<T3Row> {
    T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&Edition::E2021))
        .map(|d| d.row)
        .collect()
}

/// A 2021 report's cells whose every identity holds.
fn gen(g: &mut Lcg) -> Cells {
    let mut c = Cells::new();
    let mut put = |t: &str, r: &str, k: &str, v: i64| {
        c.insert((t.to_string(), r.to_string(), k.to_string()), v);
    };
    put("二", "规章", "本年制发件数", 1);
    let rows = rows_2021();
    let mut total = [0i64; 7];
    for r in rows.iter().filter(|r| r.is_result_leaf()) {
        let mut sum = 0;
        for (i, col) in T3_COLUMNS.iter().take(6).enumerate() {
            let v = match g.next(5) {
                0 if i < 2 => g.next(40) as i64,
                1 if i == 0 => g.next(9) as i64,
                _ => 0,
            };
            put("三", r.key(), col.key(), v);
            total[i] += v;
            sum += v;
        }
        put("三", r.key(), T3_COLUMNS[6].key(), sum);
        total[6] += sum;
    }
    let carried = [2, 0, 0, 0, 0, 0, 2];
    let forward = [1, 0, 0, 0, 0, 0, 1];
    for (i, col) in T3_COLUMNS.iter().enumerate() {
        put("三", T3Row::ResultsTotal.key(), col.key(), total[i]);
        put("三", T3Row::CarriedOver.key(), col.key(), carried[i]);
        put("三", T3Row::CarriedForward.key(), col.key(), forward[i]);
        put(
            "三",
            T3Row::NewRequests.key(),
            col.key(),
            total[i] + forward[i] - carried[i],
        );
    }
    for r in T4_ROWS {
        let mut sum = 0;
        for col in T4_COLUMNS.iter().take(4) {
            let v = g.next(6) as i64;
            put("四", r.key(), col.key(), v);
            sum += v;
        }
        put("四", r.key(), T4_COLUMNS[4].key(), sum);
    }
    c
}

fn doc(cells: &Cells) -> String {
    let pieces = template_doc(Edition::E2021, "某市某局2024年", &|t, r, k| {
        cells
            .get(&(t.to_string(), r.to_string(), k.to_string()))
            .map(|v| v.to_string())
            .or_else(|| (t == "二").then(|| "0".to_string()))
    });
    render(&pieces, Layout::Markdown)
}

/// The numbered label a row prints with (`1.属于国家秘密`).
fn printed_label(r: T3Row) -> String {
    let d = r.def();
    let n = match d.numbering {
        zfxxgk::catalogue::Numbering::Arabic(n) => format!("{n}."),
        _ => String::new(),
    };
    format!("{n}{}", d.label)
}

/// Lift the labels of `rows` out of the table: their lines keep only their values
/// (or `keep`, a piece of the label), and the labels stand as loose lines after the
/// section heading.
fn lift(text: &str, rows: &[(T3Row, Option<&str>)]) -> String {
    let mut out = String::new();
    let mut loose = String::new();
    for (r, _) in rows {
        loose.push_str(&printed_label(*r));
        loose.push('\n');
    }
    for line in text.lines() {
        let hit = rows.iter().find(|(r, _)| {
            line.starts_with('|') && line.contains(&format!("| {} |", printed_label(*r)))
        });
        match hit {
            Some((_, keep)) => {
                let nums: Vec<&str> = line
                    .split('|')
                    .map(str::trim)
                    .filter(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
                    .collect();
                out.push('|');
                if let Some(k) = keep {
                    out.push_str(&format!(" {k} |"));
                }
                for n in nums {
                    out.push_str(&format!(" {n} |"));
                }
                out.push('\n');
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
        if line.starts_with("三、收到和处理政府信息公开申请情况") {
            out.push_str(&loose);
        }
    }
    out
}

/// Every cell of table 三 the parser gives, as (row, column) → value.
fn t3_of(text: &str) -> BTreeMap<(String, String), Option<String>> {
    let r = parse_report(text).expect("parses");
    cell_map(&r)
        .into_iter()
        .filter(|(k, _)| k.0 == "三")
        .map(|(k, v)| ((k.2, k.3), v.0))
        .collect()
}

fn check_right(got: &BTreeMap<(String, String), Option<String>>, cells: &Cells, what: &str) {
    for ((row, col), v) in got {
        let want = cells
            .get(&("三".to_string(), row.clone(), col.to_string()))
            .map(|x| x.to_string());
        assert_eq!(v, &want, "{what}: 三 {row} {col}");
    }
}

const LIFTABLE: [T3Row; 6] = [
    T3Row::WithheldThirdParty,
    T3Row::UnableNeedsCreation,
    T3Row::NotProcessedExcessive,
    T3Row::NotProcessedConfirmation,
    T3Row::OtherNoCorrection,
    T3Row::OtherUnpaidFee,
];

#[test]
fn lifted_labels_are_placed_only_where_pinned() {
    let mut g = Lcg(3);
    let mut full_rows = 0;
    for case in 0..40 {
        let cells = gen(&mut g);
        let k = 1 + case % 3;
        let mut picked: Vec<(T3Row, Option<&str>)> = Vec::new();
        while picked.len() < k {
            let r = LIFTABLE[g.next(LIFTABLE.len() as u64) as usize];
            if !picked.iter().any(|p| p.0 == r) {
                // (六)2 sometimes keeps a piece of its label, as printed in 上海 2025.
                let keep = (r == T3Row::OtherUnpaidFee && g.next(2) == 0).then_some("缴纳费用、");
                picked.push((r, keep));
            }
        }
        let text = lift(&doc(&cells), &picked);
        let got = t3_of(&text);
        check_right(&got, &cells, &format!("case {case}"));
        // One row lifted (and every other row read): the results' sum pins all of
        // it.
        if k == 1 && got.len() >= (rows_2021().len() - 1) * 7 {
            let r = picked[0].0;
            let n = got.keys().filter(|(row, _)| row == r.key()).count();
            assert_eq!(n, 7, "case {case}: {}\n{text}", r.key());
            full_rows += 1;
        }
    }
    assert!(full_rows > 5);
}

#[test]
fn lifted_labels_one_changed_cell_moves_no_other() {
    let mut g = Lcg(5);
    for case in 0..8 {
        let cells = gen(&mut g);
        let picked = [(LIFTABLE[case % 6], None), (LIFTABLE[(case + 1) % 6], None)];
        let base = t3_of(&lift(&doc(&cells), &picked));
        let keys: Vec<(String, String, String)> =
            cells.keys().filter(|k| k.0 == "三").cloned().collect();
        for key in keys.iter().step_by(3) {
            let mut m = cells.clone();
            if let Some(v) = m.get_mut(key) {
                *v += 1 + g.next(3) as i64;
            }
            let got = t3_of(&lift(&doc(&m), &picked));
            // Every cell placed is the changed document's, and no other cell takes
            // a value other than it had.
            check_right(&got, &m, &format!("case {case} changed {key:?}"));
            for (k, v) in &got {
                if (k.0.as_str(), k.1.as_str()) != (key.1.as_str(), key.2.as_str()) {
                    if let Some(b) = base.get(k) {
                        assert_eq!(v, b, "case {case}: {k:?} moved after changing {key:?}");
                    }
                }
            }
        }
    }
}

/// The sentence a report gives its result groups in (`部分公开答复 0 件，…`), from
/// `cells`.
fn counts_sentence(cells: &Cells) -> String {
    let total = |rows: &[T3Row]| -> i64 {
        rows.iter()
            .map(|r| {
                cells
                    .get(&("三".to_string(), r.key().to_string(), "总计".to_string()))
                    .copied()
                    .unwrap_or(0)
            })
            .sum()
    };
    let of = |label: &str| -> Vec<T3Row> {
        rows_2021()
            .into_iter()
            .filter(|r| r.is_result_leaf() && r.key().contains(label))
            .collect()
    };
    format!(
        "全年办结申请中,部分公开答复 {} 件,不予公开答复 {}\n件,无法提供的 {} 件,不予处理 {} 件,其他处理 {} 件。\n",
        total(&[T3Row::PartlyDisclosed]),
        total(&of("/不予公开/")),
        total(&of("/无法提供/")),
        total(&of("/不予处理/")),
        total(&of("/其他处理/")),
    )
}

fn with_sentence(text: &str, sentence: &str) -> String {
    match text.find("一、总体情况\n") {
        Some(p) => {
            let at = p + "一、总体情况\n".len();
            format!("{}{sentence}{}", &text[..at], &text[at..])
        }
        None => text.to_string(),
    }
}

#[test]
fn stated_counts_never_place_a_wrong_cell() {
    // The text states the groups' counts of the original table; the table then has
    // one cell changed at a time (the text and the table disagree): nothing placed
    // may be wrong.
    let mut g = Lcg(13);
    let mut placed = 0;
    for case in 0..6 {
        let cells = gen(&mut g);
        let sentence = counts_sentence(&cells);
        let picked = [
            (LIFTABLE[case % 6], None),
            (LIFTABLE[(case + 2) % 6], None),
            (LIFTABLE[(case + 3) % 6], None),
        ];
        let got = t3_of(&with_sentence(&lift(&doc(&cells), &picked), &sentence));
        check_right(&got, &cells, &format!("case {case}"));
        // The counts only ever add cells.
        let without = t3_of(&lift(&doc(&cells), &picked));
        assert!(without.keys().all(|k| got.contains_key(k)), "case {case}");
        placed += got.len() - without.len();
        let keys: Vec<(String, String, String)> =
            cells.keys().filter(|k| k.0 == "三").cloned().collect();
        for key in keys.iter().step_by(5) {
            let mut m = cells.clone();
            if let Some(v) = m.get_mut(key) {
                *v += 1 + g.next(3) as i64;
            }
            let text = with_sentence(&lift(&doc(&m), &picked), &sentence);
            let changed = t3_of(&text);
            check_right(&changed, &m, &format!("case {case} changed {key:?}"));
        }
    }
    // Some groups are told apart by their counts.
    assert!(placed > 0, "{placed}");
}

/// Table 四 printed in reading order: the runs cut at `cuts`, the first run first and
/// the others in `order`.
fn flow_t4(vals: &[i64; 15], cuts: &[usize], order: &[usize]) -> String {
    let mut runs: Vec<Vec<i64>> = Vec::new();
    let mut cur = Vec::new();
    for (i, v) in vals.iter().enumerate() {
        cur.push(*v);
        if cuts.contains(&i) || i == 14 {
            runs.push(std::mem::take(&mut cur));
        }
    }
    let mut out = String::from("行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n结果\n维持\n\n结果\n纠正\n\n其他\n结果\n\n尚未\n审结\n\n");
    let mut printed = vec![0];
    printed.extend(order.iter().map(|o| o + 1));
    for (k, r) in printed.iter().enumerate() {
        if k > 0 {
            out.push_str("总计\n\n");
        }
        for v in &runs[*r] {
            out.push_str(&format!("{v}\n\n"));
        }
    }
    out
}

fn with_flow_t4(cells: &Cells, flow: &str) -> String {
    let text = doc(cells);
    let start = text.find("四、政府信息公开行政复议").unwrap_or(text.len());
    let end = text.find("五、存在的主要问题").unwrap_or(text.len());
    let heading = "四、政府信息公开行政复议、行政诉讼情况\n";
    format!("{}{heading}{flow}{}", &text[..start], &text[end..])
}

fn t4_vals(cells: &Cells) -> [i64; 15] {
    let mut out = [0; 15];
    let mut i = 0;
    for r in T4_ROWS {
        for c in T4_COLUMNS {
            out[i] = cells[&("四".to_string(), r.key().to_string(), c.key().to_string())];
            i += 1;
        }
    }
    out
}

fn t4_of(text: &str) -> Vec<Option<i64>> {
    let r = parse_report(text).expect("parses");
    let t = r.tables.appeals.as_ref();
    T4_ROWS
        .iter()
        .flat_map(|row| T4_COLUMNS.iter().map(move |col| (*row, *col)))
        .map(|(row, col)| t.and_then(|t| t.cell(row, col)).and_then(|c| c.integer()))
        .collect()
}

#[test]
fn table_4_in_reading_order_through_the_parser() {
    let mut g = Lcg(9);
    let mut placed = 0;
    for _ in 0..30 {
        let cells = gen(&mut g);
        let vals = t4_vals(&cells);
        // Cut after the first group's outcomes and after each total, as `pdftotext`
        // prints 淮安 2024, the runs after the first in a shuffled order.
        let cuts = [3, 4, 9, 13];
        let mut order = vec![0, 1, 2, 3];
        for i in (1..4).rev() {
            order.swap(i, g.next(i as u64 + 1) as usize);
        }
        let text = with_flow_t4(&cells, &flow_t4(&vals, &cuts, &order));
        let got = t4_of(&text);
        for (i, v) in got.iter().enumerate() {
            if let Some(v) = v {
                assert_eq!(*v, vals[i], "cell {i} of {vals:?}, order {order:?}\n{text}");
                placed += 1;
            }
        }
        // One value changed: nothing placed is wrong, and no other cell moves.
        for c in 0..15 {
            let mut m = vals;
            m[c] += 1;
            let changed = t4_of(&with_flow_t4(&cells, &flow_t4(&m, &cuts, &order)));
            for (i, v) in changed.iter().enumerate() {
                if let Some(v) = v {
                    assert_eq!(*v, m[i], "cell {i} after changing {c}");
                    if i != c {
                        if let Some(b) = got[i] {
                            assert_eq!(*v, b, "cell {i} moved after changing {c}");
                        }
                    }
                }
            }
        }
    }
    // The first group is nearly always pinned (its outcomes and total are two runs;
    // it is not where an order failing one group gives it other values).
    assert!(placed >= 25 * 5, "{placed}");
}
