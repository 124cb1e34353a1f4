//! Real reports whose tables only the recoveries read: pages glued onto one line
//! (平潭 2019, 2022), table 三 in reading order (洪泽 2023, 淮安 2024; 洪泽 2024 is in
//! `corpus.rs`), and table sections numbered again after the narrative (上海科委 2024).
//! Every cell the text and the arithmetic pin is asserted; what they do not pin must
//! be reported and absent.

mod common;
use common::shared;
use zfxxgk::catalogue::{Edition, T2Col, T2Row, T3Row, T3_COLUMNS, T4_COLUMNS, T4_ROWS};
use zfxxgk::{parse_report, Placement, Report, TableId, WarningKind};

use T3Row::*;

const ROWS_2019: [T3Row; 23] = [
    NewRequests,
    CarriedOver,
    Disclosed,
    PartlyDisclosed,
    WithheldStateSecret,
    WithheldByLaw,
    WithheldThreeSafeties,
    WithheldThirdParty,
    WithheldInternalAffairs,
    WithheldProcessInfo,
    WithheldEnforcementFiles,
    WithheldInquiry,
    UnableNotHeld,
    UnableNeedsCreation,
    UnableUnclear,
    NotProcessedComplaint,
    NotProcessedRepeated,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherProcessing,
    ResultsTotal,
    CarriedForward,
];

fn rows_2021() -> Vec<T3Row> {
    ROWS_2019
        .iter()
        .flat_map(|r| match r {
            OtherProcessing => vec![OtherNoCorrection, OtherUnpaidFee, OtherOther],
            other => vec![*other],
        })
        .collect()
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
    check_t3(&r, &ROWS_2019, &want, Some(Placement::Arithmetic));
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
    for col in [T2Col::Issued, T2Col::Repealed, T2Col::InForce] {
        assert_eq!(t2(&r, T2Row::Rules, col).as_deref(), Some("0"));
        // `8855698` splits several ways (the prose gives 88 and 698): not placed.
        assert_eq!(t2(&r, T2Row::NormativeDocuments, col), None);
    }
    assert!(not_placed(&r, TableId::T2, "行政规范性文件"));
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
    check_t3(&r, &ROWS_2019, &want, None);
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
