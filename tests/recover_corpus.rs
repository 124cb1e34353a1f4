//! Real reports whose tables only the recoveries read: pages glued onto one line
//! (平潭 2019, 2022), table 三 in reading order (洪泽 2023, 淮安 2024; 洪泽 2024 is in
//! `corpus.rs`), and table sections numbered again after the narrative (上海科委 2024).
//! Every cell the text and the arithmetic pin is asserted; what they do not pin must
//! be reported and absent. At the end every report is scored against its truth (what
//! the document prints, read by hand): cells right / not placed / wrong per table.

mod common;
use common::shared;
use zfxxgk::catalogue::{Edition, T2Col, T2Row, T3Row, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS};
use zfxxgk::{parse_report, Placement, Report, TableId, WarningKind};

use T3Row::*;

/// Table 三's rows in an edition, in the template's order (from the catalogue).
fn rows_of(edition: Edition) -> Vec<T3Row> {
    T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&edition))
        .map(|d| d.row)
        .collect()
}

fn rows_2019() -> Vec<T3Row> {
    rows_of(Edition::E2019)
}

fn rows_2021() -> Vec<T3Row> {
    rows_of(Edition::E2021)
}

/// A row whose only non-zero cells are 自然人 and 总计, both `n`.
const fn person(n: i64) -> [i64; 7] {
    [n, 0, 0, 0, 0, 0, n]
}

const Z: [i64; 7] = [0; 7];

fn check_t3(r: &Report, rows: &[T3Row], want: &[[i64; 7]], placement: Option<Placement>) {
    assert_eq!(rows.len(), want.len());
    let t = r.tables.requests.as_ref().expect("table 三");
    for (row, vals) in rows.iter().zip(want) {
        for (col, v) in T3_COLUMNS.iter().zip(vals) {
            let cell = t.cell(*row, *col);
            assert_eq!(
                cell.and_then(|c| c.integer()),
                Some(*v),
                "三 {} {}",
                row.key(),
                col.key()
            );
            if let (Some(p), Some(c)) = (placement, cell) {
                assert_eq!(c.placement, p, "三 {} {}", row.key(), col.key());
            }
        }
    }
    assert_eq!(t.cells().count(), rows.len() * 7, "no other cell");
}

fn check_t4(r: &Report, want: [i64; 15]) {
    let t = r.tables.appeals.as_ref().expect("table 四");
    let mut it = want.iter();
    for row in T4_ROWS {
        for col in T4_COLUMNS {
            assert_eq!(
                t.cell(row, col).and_then(|c| c.integer()),
                it.next().copied(),
                "四 {} {}",
                row.key(),
                col.key()
            );
        }
    }
}

fn t2(r: &Report, row: T2Row, col: T2Col) -> Option<String> {
    r.tables
        .active_disclosure
        .as_ref()
        .and_then(|t| t.slot(row, col))
        .and_then(|s| s.as_ref())
        .and_then(|c| c.number())
        .map(|d| d.to_string())
}

/// A `NotPlaced` warning for the row `row` of `table`.
fn not_placed(r: &Report, table: TableId, row: &str) -> bool {
    r.warnings.iter().any(|w| {
        matches!(&w.kind, WarningKind::NotPlaced { table: t, row: Some(x), .. }
            if *t == table && x == row)
    })
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn pingtan_2019_glued_page() {
    let Some(text) = shared("corpus/full/pingtan-syq-2019.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2019);
    // The six sections, found mid-line.
    assert_eq!(r.sections.len(), 6);
    let want = [
        person(23),
        Z,
        person(7),
        person(1),
        Z,
        Z,
        Z,
        Z,
        Z,
        Z,
        Z,
        Z,
        person(7),
        Z,
        person(5),
        Z,
        person(3),
        Z,
        Z,
        Z,
        Z,
        person(23),
        Z,
    ];
    check_t3(&r, &rows_2019(), &want, Some(Placement::Arithmetic));
    check_t4(&r, [0; 15]);
    // 规章 `000`: three digits, three cells.
    for col in [
        T2Col::NewlyMade,
        T2Col::NewlyPublished,
        T2Col::TotalPublished,
    ] {
        assert_eq!(t2(&r, T2Row::Rules, col).as_deref(), Some("0"));
    }
    // Table 二 has no identities: `898989`, `3960181`, … split several ways and are
    // reported, never filled in.
    for (row, run) in [
        (T2Row::NormativeDocuments, "898989"),
        (T2Row::Licensing, "3960181"),
        (T2Row::OtherServices, "100153"),
        (T2Row::Penalties, "26480430"),
        (T2Row::Enforcement, "126025"),
        (T2Row::Fees, "350"),
        (T2Row::Procurement, "13575394432.52"),
    ] {
        assert!(
            not_placed(&r, TableId::T2, row.key(Edition::E2019)),
            "{run}"
        );
        let t = r.tables.active_disclosure.as_ref().expect("table 二");
        for col in [
            T2Col::NewlyMade,
            T2Col::NewlyPublished,
            T2Col::TotalPublished,
            T2Col::PreviousYearItems,
            T2Col::Change,
            T2Col::Decisions,
            T2Col::ProcurementProjects,
            T2Col::ProcurementAmount,
        ] {
            assert!(
                t.slot(row, col).is_none_or(|s| s.is_none()),
                "{run}: {col:?} left empty"
            );
        }
    }
    assert!(!r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::MissingRow { .. })));
    assert!(!r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::MissingTable { .. })));
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn pingtan_2022_glued_page() {
    let Some(text) = shared("corpus/full/pingtan-syq-2022.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2021);
    let want = [
        [71, 3, 0, 0, 0, 0, 74],
        person(1),
        person(21),
        [8, 1, 0, 0, 0, 0, 9],
        Z,
        Z,
        Z,
        Z,
        person(1),
        person(2),
        person(1),
        Z,
        person(37),
        Z,
        Z,
        Z,
        Z,
        Z,
        Z,
        Z,
        person(2),
        Z,
        [0, 2, 0, 0, 0, 0, 2],
        [72, 3, 0, 0, 0, 0, 75],
        Z,
    ];
    check_t3(&r, &rows_2021(), &want, Some(Placement::Arithmetic));
    check_t4(&r, [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    // `8855698` splits several ways; the text states 现行有效行政规范性文件698件 and
    // 本年度制发的规范性文件88件, and only 88 | 55 | 698 agrees.
    for (col, v) in [
        (T2Col::Issued, "88"),
        (T2Col::Repealed, "55"),
        (T2Col::InForce, "698"),
    ] {
        assert_eq!(t2(&r, T2Row::Rules, col).as_deref(), Some("0"));
        assert_eq!(t2(&r, T2Row::NormativeDocuments, col).as_deref(), Some(v));
    }
    assert!(!not_placed(&r, TableId::T2, "行政规范性文件"));
    assert_eq!(
        t2(&r, T2Row::Licensing, T2Col::DecisionsThisYear).as_deref(),
        Some("10690")
    );
    assert_eq!(
        t2(&r, T2Row::Penalties, T2Col::DecisionsThisYear).as_deref(),
        Some("2113")
    );
    assert_eq!(
        t2(&r, T2Row::Enforcement, T2Col::DecisionsThisYear).as_deref(),
        Some("0")
    );
    assert_eq!(
        t2(&r, T2Row::Fees, T2Col::FeeAmount).as_deref(),
        Some("9116.36")
    );
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn hongze_2023_reading_order() {
    let Some(text) = shared("corpus/full/hongze-qzf-2023.flow.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    // As printed in the `-layout` twin; (六)其他处理 is one row in this report.
    let want = [
        person(21),
        Z,
        Z,
        person(4),
        person(1),
        Z,
        Z,
        Z,
        Z,
        person(1),
        person(1),
        Z,
        person(10),
        person(3),
        Z,
        person(1),
        Z,
        Z,
        Z,
        Z,
        Z,
        person(21),
        Z,
    ];
    check_t3(&r, &rows_2019(), &want, None);
    // The band of ten rows printed column by column is placed by the arithmetic.
    let t = r.tables.requests.as_ref().expect("table 三");
    assert_eq!(
        t.cell(UnableNotHeld, zfxxgk::catalogue::T3Col::NaturalPerson)
            .map(|c| c.placement),
        Some(Placement::Arithmetic)
    );
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn huaian_2024_reading_order() {
    let Some(text) = shared("corpus/full/huaian-szf-2024.flow.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    let want = [
        [3001, 53, 0, 0, 61, 4, 3119],
        person(34),
        [1288, 21, 0, 0, 50, 3, 1362],
        [447, 7, 0, 0, 0, 0, 454],
        person(2),
        [30, 1, 0, 0, 0, 0, 31],
        person(5),
        person(6),
        [7, 1, 0, 0, 0, 0, 8],
        person(12),
        person(9),
        person(105),
        [746, 12, 0, 0, 10, 1, 769],
        person(11),
        person(1),
        [56, 6, 0, 0, 0, 0, 62],
        person(25),
        Z,
        Z,
        person(1),
        [67, 3, 0, 0, 1, 0, 71],
        person(6),
        [108, 2, 0, 0, 0, 0, 110],
        [2932, 53, 0, 0, 61, 4, 3050],
        person(103),
    ];
    check_t3(&r, &rows_2021(), &want, None);
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn shanghai_kw_2024_tables_after_a_restart() {
    let Some(text) = shared("corpus/full/shanghai-kw-2024.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    // Tables 二 and 四 stand under `一、主动公开政府信息情况` and
    // `三、政府信息公开行政复议、行政诉讼情况`, after a narrative numbered 一…六.
    for (row, col, v) in [
        (T2Row::Rules, T2Col::Issued, "0"),
        (T2Row::Rules, T2Col::Repealed, "0"),
        (T2Row::Rules, T2Col::InForce, "0"),
        (T2Row::NormativeDocuments, T2Col::Issued, "13"),
        (T2Row::NormativeDocuments, T2Col::Repealed, "0"),
        (T2Row::NormativeDocuments, T2Col::InForce, "55"),
        (T2Row::Licensing, T2Col::DecisionsThisYear, "97"),
        (T2Row::Penalties, T2Col::DecisionsThisYear, "0"),
        (T2Row::Enforcement, T2Col::DecisionsThisYear, "0"),
        (T2Row::Fees, T2Col::FeeAmount, "0"),
    ] {
        assert_eq!(t2(&r, row, col).as_deref(), Some(v), "二 {row:?} {col:?}");
    }
    check_t4(&r, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert!(!r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::MissingTable { .. })));
}

// ---------------------------------------------------------------------------------
// Every report scored against its truth: each cell right, not placed, or wrong.
// ---------------------------------------------------------------------------------

/// A blank cell in a truth row (the document prints nothing there).
const BLANK: i64 = -1;

/// What a document prints in every cell. Table 二 cells are `None` where the text does
/// not say (glued digits that split several ways, a cell lost from its row): such a
/// cell must not be placed.
struct Truth {
    t2: Vec<(T2Row, T2Col, Option<&'static str>)>,
    t3: Vec<(T3Row, [i64; 7])>,
    t4: [i64; 15],
}

/// Right / not placed / wrong, one per table (二, 三, 四).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Score {
    right: usize,
    not_placed: usize,
    wrong: usize,
}

impl Score {
    fn add(&mut self, placed: Option<bool>) {
        match placed {
            Some(true) => self.right += 1,
            Some(false) => self.wrong += 1,
            None => self.not_placed += 1,
        }
    }
}

fn same(cell: &zfxxgk::Cell, want: i64) -> bool {
    if want == BLANK {
        cell.value == zfxxgk::Value::Blank
    } else {
        cell.integer() == Some(want)
    }
}

/// Score `r` against `truth`; a placed cell the truth does not have is wrong.
fn score(r: &Report, truth: &Truth) -> [Score; 3] {
    let mut s = [Score::default(); 3];
    let t2 = r.tables.active_disclosure.as_ref();
    for (row, col, want) in &truth.t2 {
        let cell = t2.and_then(|t| t.slot(*row, *col)).and_then(|c| c.as_ref());
        s[0].add(cell.map(|c| {
            want.is_some_and(|w| c.number().map(|d| d.to_string()).as_deref() == Some(w))
        }));
    }
    for (_, row, col, _) in t2.into_iter().flat_map(|t| t.cells()) {
        if !truth.t2.iter().any(|(r, c, _)| *r == row && *c == col) {
            s[0].wrong += 1;
        }
    }
    let t3 = r.tables.requests.as_ref();
    for (row, vals) in &truth.t3 {
        for (col, want) in T3_COLUMNS.iter().zip(vals) {
            let cell = t3.and_then(|t| t.cell(*row, *col));
            s[1].add(cell.map(|c| same(c, *want)));
        }
    }
    for (row, _, _) in t3.into_iter().flat_map(|t| t.cells()) {
        if !truth.t3.iter().any(|(r, _)| *r == row) {
            s[1].wrong += 1;
        }
    }
    let t4 = r.tables.appeals.as_ref();
    let mut want = truth.t4.iter();
    for row in T4_ROWS {
        for col in T4_COLUMNS {
            let w = want.next().copied().unwrap_or(BLANK);
            let cell = t4.and_then(|t| t.cell(row, col));
            s[2].add(cell.map(|c| same(c, w)));
        }
    }
    s
}

/// Parse `file`, score it, print its line of the table, and check the score.
fn scored(file: &str, truth: &Truth, want: [(usize, usize, usize); 3]) {
    let Some(text) = shared(&format!("corpus/full/{file}")) else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    let got = score(&r, truth);
    let line: Vec<String> = got
        .iter()
        .map(|s| format!("{}/{}/{}", s.right, s.not_placed, s.wrong))
        .collect();
    eprintln!("| {file} | {} |", line.join(" | "));
    let got: Vec<(usize, usize, usize)> = got
        .iter()
        .map(|s| (s.right, s.not_placed, s.wrong))
        .collect();
    assert_eq!(
        got,
        want.to_vec(),
        "{file}: 二, 三, 四 right/not placed/wrong"
    );
}

fn t2_2021(
    rules: [Option<&'static str>; 3],
    normative: [Option<&'static str>; 3],
    rest: [&'static str; 4],
) -> Vec<(T2Row, T2Col, Option<&'static str>)> {
    let cols = [T2Col::Issued, T2Col::Repealed, T2Col::InForce];
    let mut out = Vec::new();
    for (c, v) in cols.iter().zip(rules) {
        out.push((T2Row::Rules, *c, v));
    }
    for (c, v) in cols.iter().zip(normative) {
        out.push((T2Row::NormativeDocuments, *c, v));
    }
    for ((row, col), v) in [
        (T2Row::Licensing, T2Col::DecisionsThisYear),
        (T2Row::Penalties, T2Col::DecisionsThisYear),
        (T2Row::Enforcement, T2Col::DecisionsThisYear),
        (T2Row::Fees, T2Col::FeeAmount),
    ]
    .into_iter()
    .zip(rest)
    {
        out.push((row, col, Some(v)));
    }
    out
}

fn rows(rows: &[T3Row], vals: &[[i64; 7]]) -> Vec<(T3Row, [i64; 7])> {
    assert_eq!(rows.len(), vals.len());
    rows.iter().copied().zip(vals.iter().copied()).collect()
}

fn hongze_2023() -> Truth {
    Truth {
        t2: t2_2021(
            [Some("0"), Some("0"), Some("0")],
            [Some("0"), Some("5"), Some("5")],
            ["550", "4119", "195", "7730.28"],
        ),
        t3: rows(
            &rows_2019(),
            &[
                person(21),
                Z,
                Z,
                person(4),
                person(1),
                Z,
                Z,
                Z,
                Z,
                person(1),
                person(1),
                Z,
                person(10),
                person(3),
                Z,
                person(1),
                Z,
                Z,
                Z,
                Z,
                Z,
                person(21),
                Z,
            ],
        ),
        // As printed; 10 + 1 + 0 + 0 ≠ 0 and 5 + 0 + 0 + 0 ≠ 0.
        t4: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    }
}

fn hongze_2024() -> Truth {
    Truth {
        t2: t2_2021(
            [Some("0"), Some("0"), Some("0")],
            [Some("3"), Some("0"), Some("8")],
            ["9487", "2776", "84", "7545"],
        ),
        t3: rows(
            &rows_2019(),
            &[
                person(95),
                Z,
                person(50),
                person(9),
                Z,
                Z,
                person(1),
                Z,
                Z,
                person(1),
                person(1),
                Z,
                person(31),
                person(1),
                Z,
                person(1),
                Z,
                Z,
                Z,
                Z,
                Z,
                person(95),
                Z,
            ],
        ),
        t4: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
    }
}

fn huaian_2024() -> Truth {
    Truth {
        t2: t2_2021(
            [Some("1"), Some("0"), Some("11")],
            [Some("8"), Some("26"), Some("66")],
            ["447228", "3985758", "88283", "96171.6"],
        ),
        t3: rows(
            &rows_2021(),
            &[
                [3001, 53, 0, 0, 61, 4, 3119],
                person(34),
                [1288, 21, 0, 0, 50, 3, 1362],
                [447, 7, 0, 0, 0, 0, 454],
                person(2),
                [30, 1, 0, 0, 0, 0, 31],
                person(5),
                person(6),
                [7, 1, 0, 0, 0, 0, 8],
                person(12),
                person(9),
                person(105),
                [746, 12, 0, 0, 10, 1, 769],
                person(11),
                person(1),
                [56, 6, 0, 0, 0, 0, 62],
                person(25),
                Z,
                Z,
                person(1),
                [67, 3, 0, 0, 1, 0, 71],
                person(6),
                [108, 2, 0, 0, 0, 0, 110],
                [2932, 53, 0, 0, 61, 4, 3050],
                person(103),
            ],
        ),
        t4: [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    }
}

fn pingtan_2019() -> Truth {
    // 规章 `000` pins its three cells; every other row of table 二 is glued digits
    // with several splittings and no identity, so the text does not say.
    let mut t2 = vec![
        (T2Row::Rules, T2Col::NewlyMade, Some("0")),
        (T2Row::Rules, T2Col::NewlyPublished, Some("0")),
        (T2Row::Rules, T2Col::TotalPublished, Some("0")),
    ];
    for c in [
        T2Col::NewlyMade,
        T2Col::NewlyPublished,
        T2Col::TotalPublished,
    ] {
        t2.push((T2Row::NormativeDocuments, c, None));
    }
    for row in [
        T2Row::Licensing,
        T2Row::OtherServices,
        T2Row::Penalties,
        T2Row::Enforcement,
    ] {
        for c in [T2Col::PreviousYearItems, T2Col::Change, T2Col::Decisions] {
            t2.push((row, c, None));
        }
    }
    t2.push((T2Row::Fees, T2Col::PreviousYearItems, None));
    t2.push((T2Row::Fees, T2Col::Change, None));
    t2.push((T2Row::Procurement, T2Col::ProcurementProjects, None));
    t2.push((T2Row::Procurement, T2Col::ProcurementAmount, None));
    Truth {
        t2,
        t3: rows(
            &rows_2019(),
            &[
                person(23),
                Z,
                person(7),
                person(1),
                Z,
                Z,
                Z,
                Z,
                Z,
                Z,
                Z,
                Z,
                person(7),
                Z,
                person(5),
                Z,
                person(3),
                Z,
                Z,
                Z,
                Z,
                person(23),
                Z,
            ],
        ),
        t4: [0; 15],
    }
}

fn pingtan_2022() -> Truth {
    Truth {
        // `8855698`: the text states 88 制发 and 698 现行有效 行政规范性文件, which leaves
        // 55 in between.
        t2: t2_2021(
            [Some("0"), Some("0"), Some("0")],
            [Some("88"), Some("55"), Some("698")],
            ["10690", "2113", "0", "9116.36"],
        ),
        t3: rows(
            &rows_2021(),
            &[
                [71, 3, 0, 0, 0, 0, 74],
                person(1),
                person(21),
                [8, 1, 0, 0, 0, 0, 9],
                Z,
                Z,
                Z,
                Z,
                person(1),
                person(2),
                person(1),
                Z,
                person(37),
                Z,
                Z,
                Z,
                Z,
                Z,
                Z,
                Z,
                person(2),
                Z,
                [0, 2, 0, 0, 0, 0, 2],
                [72, 3, 0, 0, 0, 0, 75],
                Z,
            ],
        ),
        t4: [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
    }
}

fn shanghai_kw_2024() -> Truth {
    Truth {
        t2: t2_2021(
            [Some("0"), Some("0"), Some("0")],
            [Some("13"), Some("0"), Some("55")],
            ["97", "0", "0", "0"],
        ),
        // The rows printed without labels, in the table's order (the report's own
        // prose agrees: 不予公开 2, 无法提供 10, 不予处理 0, 其他处理 14).
        t3: rows(
            &rows_2021(),
            &[
                [32, 2, 0, 0, 0, 0, 34],
                person(2),
                person(9),
                Z,
                Z,
                Z,
                Z,
                Z,
                person(1),
                person(1),
                Z,
                Z,
                person(4),
                person(6),
                Z,
                Z,
                Z,
                Z,
                Z,
                Z,
                [8, 2, 0, 0, 0, 0, 10],
                Z,
                person(4),
                [33, 2, 0, 0, 0, 0, 35],
                [1, 0, 0, 0, 0, 0, BLANK],
            ],
        ),
        t4: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    }
}

fn shanghai_bgt_2025() -> Truth {
    Truth {
        // `| 规章 | 22 | 235 |` and `| 行政规范性文件 | 34 | 189 |` lost a cell each;
        // `22（其中修订16件）` and `55（含自然失效29件）` stand above the table with no
        // row label or column heading: the text does not say which cell is which.
        t2: t2_2021([None; 3], [None; 3], ["0", "0", "0", "0"]),
        t3: rows(
            &rows_2021(),
            &[
                [1259, 36, 0, 0, 0, 0, 1295],
                [170, 15, 0, 0, 4, 0, 189],
                [201, 5, 0, 0, 0, 0, 206],
                person(2),
                person(4),
                Z,
                person(1),
                Z,
                [8, 0, 0, 0, 1, 0, 9],
                person(1),
                Z,
                person(5),
                [484, 28, 0, 0, 1, 0, 513],
                [47, 1, 0, 0, 0, 0, 48],
                person(3),
                [61, 1, 0, 0, 0, 0, 62],
                person(16),
                person(1),
                person(1),
                Z,
                [40, 1, 0, 0, 2, 0, 43],
                Z,
                [264, 12, 0, 0, 0, 0, 276],
                [1139, 48, 0, 0, 4, 0, 1191],
                [290, 3, 0, 0, 0, 0, 293],
            ],
        ),
        t4: [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22],
    }
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn every_report_scored_against_its_truth() {
    // | report | 二 | 三 | 四 | as right/not placed/wrong.
    scored(
        "hongze-qzf-2023.txt",
        &hongze_2023(),
        [(10, 0, 0), (161, 0, 0), (15, 0, 0)],
    );
    // Table 四 in reading order: no order of its runs makes the printed totals add
    // up, so nothing is placed.
    scored(
        "hongze-qzf-2023.flow.txt",
        &hongze_2023(),
        [(10, 0, 0), (161, 0, 0), (0, 15, 0)],
    );
    scored(
        "hongze-qzf-2024.txt",
        &hongze_2024(),
        [(10, 0, 0), (161, 0, 0), (15, 0, 0)],
    );
    scored(
        "hongze-qzf-2024.flow.txt",
        &hongze_2024(),
        [(10, 0, 0), (161, 0, 0), (15, 0, 0)],
    );
    scored(
        "huaian-szf-2024.txt",
        &huaian_2024(),
        [(10, 0, 0), (175, 0, 0), (15, 0, 0)],
    );
    // Groups two and three of table 四 (13 4 8 1 26, 12 1 1 6 20) add up in either
    // place.
    scored(
        "huaian-szf-2024.flow.txt",
        &huaian_2024(),
        [(10, 0, 0), (175, 0, 0), (5, 10, 0)],
    );
    scored(
        "pingtan-syq-2019.txt",
        &pingtan_2019(),
        [(3, 19, 0), (161, 0, 0), (15, 0, 0)],
    );
    scored(
        "pingtan-syq-2022.txt",
        &pingtan_2022(),
        [(10, 0, 0), (175, 0, 0), (15, 0, 0)],
    );
    scored(
        "shanghai-kw-2024.txt",
        &shanghai_kw_2024(),
        [(10, 0, 0), (156, 19, 0), (15, 0, 0)],
    );
    scored(
        "shanghai-bgt-2025.txt",
        &shanghai_bgt_2025(),
        [(4, 6, 0), (175, 0, 0), (15, 0, 0)],
    );
}

#[test]
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
fn placements_say_how() {
    // 淮安 2024 in reading order: table 四's first group by the group totals.
    if let Some(text) = shared("corpus/full/huaian-szf-2024.flow.txt") {
        let r = parse_report(&text).expect("parses");
        let t = r.tables.appeals.as_ref().expect("table 四");
        for col in T4_COLUMNS {
            let c = t.cell(zfxxgk::catalogue::T4Row::Review, col);
            assert_eq!(c.map(|c| c.placement), Some(Placement::Arithmetic));
        }
        assert!(not_placed(&r, TableId::T4, "行政复议、行政诉讼"));
    }
    // 上海办公厅 2025: (六)1 and (六)2 by the pieces of label printed with their values,
    // (五)5 (no label) by the results' sum.
    if let Some(text) = shared("corpus/full/shanghai-bgt-2025.txt") {
        let r = parse_report(&text).expect("parses");
        let t = r.tables.requests.as_ref().expect("table 三");
        let p = |row: T3Row| {
            t.cell(row, zfxxgk::catalogue::T3Col::NaturalPerson)
                .map(|c| c.placement)
        };
        assert_eq!(p(OtherNoCorrection), Some(Placement::Label));
        assert_eq!(p(OtherUnpaidFee), Some(Placement::Label));
        assert_eq!(p(NotProcessedConfirmation), Some(Placement::Arithmetic));
    }
    // 平潭 2022: the figures the text states for 行政规范性文件 choose the splitting.
    if let Some(text) = shared("corpus/full/pingtan-syq-2022.txt") {
        let r = parse_report(&text).expect("parses");
        let t = r.tables.active_disclosure.as_ref().expect("table 二");
        let c = t
            .slot(T2Row::NormativeDocuments, T2Col::Repealed)
            .and_then(|s| s.as_ref());
        assert_eq!(c.map(|c| c.raw.as_str()), Some("55"));
        assert_eq!(c.map(|c| c.placement), Some(Placement::Label));
        assert!(!not_placed(&r, TableId::T2, "行政规范性文件"));
    }
    // 上海科委 2024: the ten rows without labels are reported, each with candidates.
    if let Some(text) = shared("corpus/full/shanghai-kw-2024.txt") {
        let r = parse_report(&text).expect("parses");
        assert!(not_placed(&r, TableId::T3, UnableNotHeld.key()));
        let t = r.tables.requests.as_ref().expect("table 三");
        let c = t.cell(UnableNotHeld, zfxxgk::catalogue::T3Col::Research);
        assert_eq!(c.and_then(|c| c.integer()), Some(0));
        assert_eq!(c.map(|c| c.placement), Some(Placement::Arithmetic));
        assert!(t
            .cell(UnableNotHeld, zfxxgk::catalogue::T3Col::NaturalPerson)
            .is_none());
    }
}
