//! Unit tests of every rule on reports built in code: for each, a report that passes
//! and one that fails.

use super::prose::{statements, Appeal, Context, Figure};
use super::render::display_width;
use super::*;
use crate::catalogue::{
    t2_blocks, Topic, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS, TEMPLATE_SECTIONS,
};
use crate::model::{
    ActiveDisclosure, Appeals, Applicants, Located, Metadata, Requests, Section, Tables, Value,
    Warning, WarningKind,
};

// ---------------------------------------------------------------------------------
// Building reports
// ---------------------------------------------------------------------------------

fn number(v: Decimal) -> Value {
    Value::Number {
        value: v,
        unit: None,
        approximate: false,
    }
}

/// Gives every cell its own span, 10 bytes apart.
struct Spans(usize);

impl Spans {
    fn cell(&mut self, v: i64) -> Cell {
        self.0 += 10;
        Cell {
            value: number(Decimal::integer(v)),
            raw: v.to_string(),
            span: Span::new(self.0, self.0 + v.to_string().len()),
            placement: Default::default(),
            note: None,
        }
    }
}

fn set(cell: &mut Option<Cell>, value: Value, raw: &str) {
    if let Some(c) = cell.as_mut() {
        c.value = value;
        c.raw = raw.to_string();
    }
}

fn set_int(cell: &mut Option<Cell>, v: i64) {
    set(cell, number(Decimal::integer(v)), &v.to_string());
}

fn int(cell: Option<&Cell>) -> i64 {
    cell.and_then(Cell::integer).unwrap_or(i64::MIN)
}

/// A consistent report of `edition` covering `year`, with non-zero figures.
fn consistent(edition: Edition, year: u16) -> Report {
    let mut sp = Spans(1000);
    let mut t2 = ActiveDisclosure::empty(edition);
    if let Some(t) = t2.as_mut() {
        let mut v = 1;
        for b in t2_blocks(edition) {
            for &r in b.rows {
                for &c in b.columns {
                    v += 1;
                    if let Some(slot) = t.slot_mut(r, c) {
                        *slot = Some(sp.cell(v));
                    }
                }
            }
        }
    }
    let mut t3 = Requests::default();
    let applicants: Vec<T3Col> = T3_COLUMNS
        .iter()
        .copied()
        .filter(|&c| c != T3Col::Total)
        .collect();
    // Leaves: (row index + column index) % 4; totals follow.
    let mut results = [0i64; 7];
    for (ri, d) in T3_ROWS.iter().enumerate() {
        if !d.editions.contains(&edition) || !d.row.is_result_leaf() {
            continue;
        }
        let mut row = Applicants::default();
        let mut total = 0;
        for (ci, &c) in applicants.iter().enumerate() {
            let v = ((ri + ci) % 4) as i64;
            total += v;
            if let Some(r) = results.get_mut(ci) {
                *r += v;
            }
            *row.slot_mut(c) = Some(sp.cell(v));
        }
        *row.slot_mut(T3Col::Total) = Some(sp.cell(total));
        *t3.row_mut(d.row) = Some(row);
    }
    let grand: i64 = results.iter().take(6).sum();
    if let Some(r) = results.get_mut(6) {
        *r = grand;
    }
    let carried_over = [3i64, 1, 0, 0, 2, 0];
    let carried_forward = [2i64, 0, 1, 0, 0, 1];
    let mut fill = |row: T3Row, values: &dyn Fn(usize) -> i64| {
        let mut a = Applicants::default();
        let mut total = 0;
        for (ci, &c) in applicants.iter().enumerate() {
            let v = values(ci);
            total += v;
            *a.slot_mut(c) = Some(sp.cell(v));
        }
        *a.slot_mut(T3Col::Total) = Some(sp.cell(total));
        *t3.row_mut(row) = Some(a);
    };
    let res = results;
    fill(T3Row::ResultsTotal, &|ci| res.get(ci).copied().unwrap_or(0));
    fill(T3Row::CarriedOver, &|ci| {
        carried_over.get(ci).copied().unwrap_or(0)
    });
    fill(T3Row::CarriedForward, &|ci| {
        carried_forward.get(ci).copied().unwrap_or(0)
    });
    fill(T3Row::NewRequests, &|ci| {
        res.get(ci).copied().unwrap_or(0) + carried_forward.get(ci).copied().unwrap_or(0)
            - carried_over.get(ci).copied().unwrap_or(0)
    });
    let mut t4 = Appeals::default();
    for (gi, r) in T4_ROWS.into_iter().enumerate() {
        let mut total = 0;
        for (ci, c) in T4_COLUMNS.into_iter().enumerate() {
            if c == T4Col::Total {
                *t4.group_mut(r).slot_mut(c) = Some(sp.cell(total));
            } else {
                let v = ((gi * 3 + ci) % 5) as i64;
                total += v;
                *t4.group_mut(r).slot_mut(c) = Some(sp.cell(v));
            }
        }
    }
    let sections = TEMPLATE_SECTIONS
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let (n, h) = t.template_heading().unwrap_or((0, ""));
            Section {
                number: Some(n),
                heading: h.to_string(),
                topic: Some(t),
                canonical_heading: Some(h.to_string()),
                body: String::new(),
                span: Span::new(i * 100, i * 100 + 90),
                heading_span: Span::new(i * 100, i * 100 + 20),
            }
        })
        .collect();
    Report {
        edition,
        metadata: Metadata {
            year: Some(Located {
                value: year,
                span: Span::new(5, 9),
            }),
            ..Metadata::default()
        },
        sections,
        tables: Tables {
            active_disclosure: t2,
            requests: Some(t3),
            appeals: Some(t4),
        },
        legacy: None,
        warnings: Vec::new(),
        source: Default::default(),
        lines: Default::default(),
        origins: Default::default(),
    }
}

fn t3(r: &mut Report) -> &mut Requests {
    r.tables.requests.get_or_insert_with(Requests::default)
}

fn t3_slot(r: &mut Report, row: T3Row, col: T3Col) -> &mut Option<Cell> {
    t3(r)
        .row_mut(row)
        .get_or_insert_with(Applicants::default)
        .slot_mut(col)
}

fn t3_span(r: &Report, row: T3Row, col: T3Col) -> Option<std::ops::Range<usize>> {
    r.tables
        .requests
        .as_ref()
        .and_then(|t| t.cell(row, col))
        .map(|c| c.span.range())
}

fn bump(r: &mut Report, row: T3Row, col: T3Col, by: i64) {
    let slot = t3_slot(r, row, col);
    let v = int(slot.as_ref()) + by;
    set_int(slot, v);
}

fn with_code(fs: &[Finding], code: Code) -> Vec<&Finding> {
    fs.iter().filter(|f| f.code == code).collect()
}

fn errors(fs: &[Finding]) -> Vec<&Finding> {
    fs.iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

// ---------------------------------------------------------------------------------
// Consistent reports
// ---------------------------------------------------------------------------------

#[test]
fn consistent_reports_have_no_findings() {
    for (e, y) in [
        (Edition::E2019, 2019),
        (Edition::E2019, 2020),
        (Edition::E2021, 2021),
        (Edition::E2021, 2024),
    ] {
        let r = consistent(e, y);
        let fs = validate(&r);
        assert!(fs.is_empty(), "{e} {y}: {fs:#?}");
    }
}

#[test]
fn builder_is_consistent_and_non_trivial() {
    let r = consistent(Edition::E2021, 2022);
    let t = r
        .tables
        .requests
        .as_ref()
        .map(|t| t.cell(T3Row::ResultsTotal, T3Col::Total));
    assert!(int(t.flatten()) > 20);
}

// ---------------------------------------------------------------------------------
// T3-IDENTITY
// ---------------------------------------------------------------------------------

#[test]
fn t3_identity_fails_when_carried_forward_is_off() {
    let mut r = consistent(Edition::E2019, 2020);
    // Keep the row total right: bump 四 in 自然人 and 总计.
    bump(&mut r, T3Row::CarriedForward, T3Col::NaturalPerson, 1);
    bump(&mut r, T3Row::CarriedForward, T3Col::Total, 1);
    let fs = validate(&r);
    let id = with_code(&fs, Code::T3Identity);
    assert_eq!(id.len(), 2, "{fs:#?}");
    assert_eq!(errors(&fs).len(), 2, "{fs:#?}");
    let f = id[0];
    assert_eq!(f.severity, Severity::Error);
    let main = f.main_cell().expect("main cell");
    assert!(main.is(
        TableId::T3,
        T3Row::ResultsTotal.key(),
        T3Col::NaturalPerson.key()
    ));
    assert_eq!(
        f.span.map(|s| s.range()),
        t3_span(&r, T3Row::ResultsTotal, T3Col::NaturalPerson)
    );
    assert!(f.involves(
        TableId::T3,
        T3Row::CarriedForward.key(),
        T3Col::NaturalPerson.key()
    ));
    assert_eq!(f.difference, Some(Decimal::integer(1)));
    let (Some(e), Some(a)) = (f.expected, f.actual) else {
        panic!("no figures");
    };
    assert_eq!(a.checked_sub(e), Some(Decimal::integer(1)));
    assert!(f.message.contains("一 + 二"), "{}", f.message);
}

#[test]
fn t3_identity_passes_on_the_shanghai_figures() {
    // 自然人: 821 + 18 = 767 + 72 (template §4.1).
    let mut r = consistent(Edition::E2019, 2019);
    let col = T3Col::NaturalPerson;
    let rows = [
        (T3Row::NewRequests, 821),
        (T3Row::CarriedOver, 18),
        (T3Row::ResultsTotal, 767),
        (T3Row::CarriedForward, 72),
    ];
    for (row, v) in rows {
        set_int(t3_slot(&mut r, row, col), v);
    }
    let fs = Validator::only(&[Code::T3Identity]).validate(&r);
    assert!(fs.is_empty(), "{fs:#?}");
    set_int(t3_slot(&mut r, T3Row::CarriedForward, col), 73);
    let fs = Validator::only(&[Code::T3Identity]).validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
}

// ---------------------------------------------------------------------------------
// T3-RESULTS-SUM
// ---------------------------------------------------------------------------------

#[test]
fn t3_results_sum_fails_when_a_leaf_is_off() {
    let mut r = consistent(Edition::E2019, 2020);
    bump(&mut r, T3Row::WithheldThirdParty, T3Col::Research, 2);
    bump(&mut r, T3Row::WithheldThirdParty, T3Col::Total, 2);
    let fs = validate(&r);
    let rs = with_code(&fs, Code::T3ResultsSum);
    assert_eq!(rs.len(), 2, "{fs:#?}");
    assert_eq!(errors(&fs).len(), 2, "{fs:#?}");
    let f = rs[0];
    assert!(f.main_cell().is_some_and(|c| c.is(
        TableId::T3,
        T3Row::ResultsTotal.key(),
        T3Col::Research.key()
    )));
    assert!(f.involves(
        TableId::T3,
        T3Row::WithheldThirdParty.key(),
        T3Col::Research.key()
    ));
    assert_eq!(f.difference, Some(Decimal::integer(-2)));
    // 2019: the main cell and 19 leaves, (六) as one row.
    assert_eq!(f.cells.len(), 20);
    assert!(f.involves(
        TableId::T3,
        T3Row::OtherProcessing.key(),
        T3Col::Research.key()
    ));
}

#[test]
fn t3_results_sum_2021_uses_the_three_other_rows() {
    let mut r = consistent(Edition::E2021, 2021);
    let fs = validate(&r);
    assert!(fs.is_empty(), "{fs:#?}");
    bump(&mut r, T3Row::OtherUnpaidFee, T3Col::Commercial, 1);
    bump(&mut r, T3Row::OtherUnpaidFee, T3Col::Total, 1);
    let fs = validate(&r);
    let rs = with_code(&fs, Code::T3ResultsSum);
    assert_eq!(rs.len(), 2, "{fs:#?}");
    assert_eq!(rs[0].cells.len(), 22);
    assert!(rs[0].involves(
        TableId::T3,
        T3Row::OtherUnpaidFee.key(),
        T3Col::Commercial.key()
    ));
}

#[test]
fn t3_results_sum_2021_report_printing_one_other_row() {
    let mut r = consistent(Edition::E2021, 2021);
    // Replace the three (六) rows by their sum as one row.
    let split = [
        T3Row::OtherNoCorrection,
        T3Row::OtherUnpaidFee,
        T3Row::OtherOther,
    ];
    let mut single = Applicants::default();
    let mut sp = Spans(90_000);
    for c in T3_COLUMNS {
        let s: i64 = split
            .iter()
            .map(|&row| int(r.tables.requests.as_ref().and_then(|t| t.cell(row, c))))
            .sum();
        *single.slot_mut(c) = Some(sp.cell(s));
    }
    for row in split {
        *t3(&mut r).row_mut(row) = None;
    }
    *t3(&mut r).row_mut(T3Row::OtherProcessing) = Some(single);
    let fs = validate(&r);
    assert!(fs.is_empty(), "{fs:#?}");
    bump(&mut r, T3Row::OtherProcessing, T3Col::NaturalPerson, 1);
    bump(&mut r, T3Row::OtherProcessing, T3Col::Total, 1);
    let fs = validate(&r);
    assert_eq!(with_code(&fs, Code::T3ResultsSum).len(), 2, "{fs:#?}");
}

// ---------------------------------------------------------------------------------
// T3-ROW-TOTAL
// ---------------------------------------------------------------------------------

#[test]
fn t3_row_total_fails_when_a_row_does_not_add_up() {
    let mut r = consistent(Edition::E2021, 2022);
    // Move one application between two result rows in 自然人 only: the column sums
    // stay right, both rows' 总计 are now wrong.
    let donor = T3Row::WithheldByLaw;
    assert!(
        int(r
            .tables
            .requests
            .as_ref()
            .and_then(|t| t.cell(donor, T3Col::NaturalPerson)))
            > 0
    );
    bump(&mut r, T3Row::Disclosed, T3Col::NaturalPerson, 1);
    bump(&mut r, donor, T3Col::NaturalPerson, -1);
    let fs = validate(&r);
    let rt = with_code(&fs, Code::T3RowTotal);
    assert_eq!(rt.len(), 2, "{fs:#?}");
    assert_eq!(errors(&fs).len(), 2, "{fs:#?}");
    let f = rt[0];
    assert!(f.main_cell().is_some_and(|c| c.is(
        TableId::T3,
        T3Row::Disclosed.key(),
        T3Col::Total.key()
    )));
    assert_eq!(
        f.span.map(|s| s.range()),
        t3_span(&r, T3Row::Disclosed, T3Col::Total)
    );
    assert_eq!(f.cells.len(), 7);
    assert_eq!(f.difference, Some(Decimal::integer(-1)));
}

// ---------------------------------------------------------------------------------
// T4-GROUP-TOTAL
// ---------------------------------------------------------------------------------

fn t4_slot(r: &mut Report, row: T4Row, col: T4Col) -> &mut Option<Cell> {
    r.tables
        .appeals
        .get_or_insert_with(Appeals::default)
        .group_mut(row)
        .slot_mut(col)
}

#[test]
fn t4_group_total_fails_like_seed_004() {
    let mut r = consistent(Edition::E2019, 2020);
    for c in T4_COLUMNS {
        set_int(t4_slot(&mut r, T4Row::DirectLitigation, c), 0);
    }
    let fs = validate(&r);
    assert!(fs.is_empty(), "{fs:#?}");
    set_int(t4_slot(&mut r, T4Row::DirectLitigation, T4Col::Total), 5);
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    let f = &fs[0];
    assert_eq!((f.code, f.severity), (Code::T4GroupTotal, Severity::Error));
    assert!(f.main_cell().is_some_and(|c| c.is(
        TableId::T4,
        T4Row::DirectLitigation.key(),
        T4Col::Total.key()
    )));
    assert_eq!(
        (f.expected, f.actual, f.difference),
        (
            Some(Decimal::integer(0)),
            Some(Decimal::integer(5)),
            Some(Decimal::integer(5))
        )
    );
    let span = r
        .tables
        .appeals
        .as_ref()
        .and_then(|t| t.cell(T4Row::DirectLitigation, T4Col::Total))
        .map(|c| c.span.range());
    assert_eq!(f.span.map(|s| s.range()), span);
}

// ---------------------------------------------------------------------------------
// Not assessable
// ---------------------------------------------------------------------------------

#[test]
fn blank_operands_are_not_assessable_never_zero() {
    let mut r = consistent(Edition::E2019, 2020);
    // A blank where the value was 0 would pass if read as 0; one where it was
    // non-zero would fail. Neither may do either.
    let zero_cell = T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&Edition::E2019) && d.row.is_result_leaf())
        .find(|d| {
            int(r
                .tables
                .requests
                .as_ref()
                .and_then(|t| t.cell(d.row, T3Col::Research)))
                == 0
        })
        .map(|d| d.row);
    let Some(zero_row) = zero_cell else {
        panic!("no zero cell");
    };
    set(t3_slot(&mut r, zero_row, T3Col::Research), Value::Blank, "");
    set(
        t3_slot(&mut r, T3Row::NewRequests, T3Col::NaturalPerson),
        Value::Dash,
        "-",
    );
    let fs = validate(&r);
    assert!(errors(&fs).is_empty(), "{fs:#?}");
    let infos: Vec<&Finding> = fs.iter().filter(|f| f.severity == Severity::Info).collect();
    // blank: T3-RESULTS-SUM (科研机构) + T3-ROW-TOTAL (its row);
    // dash: T3-IDENTITY (自然人) + T3-ROW-TOTAL (一).
    assert_eq!(infos.len(), 4, "{fs:#?}");
    assert!(infos
        .iter()
        .all(|f| f.message.starts_with("not assessable")));
    let rs = with_code(&fs, Code::T3ResultsSum);
    assert_eq!(rs.len(), 1);
    assert!(rs[0].involves(TableId::T3, zero_row.key(), T3Col::Research.key()));
    assert!(rs[0].expected.is_none() && rs[0].actual.is_none());
    assert_eq!(
        rs[0].span.map(|s| s.range()),
        t3_span(&r, zero_row, T3Col::Research)
    );
    // Switched off: nothing at all.
    let fs = Validator::new().not_assessable(false).validate(&r);
    assert!(fs.is_empty(), "{fs:#?}");
}

#[test]
fn a_non_zero_blank_does_not_fail() {
    let mut r = consistent(Edition::E2019, 2020);
    set(
        t3_slot(&mut r, T3Row::ResultsTotal, T3Col::Total),
        Value::Blank,
        "",
    );
    let fs = validate(&r);
    assert!(errors(&fs).is_empty(), "{fs:#?}");
    // (七)总计 [总计] is in T3-IDENTITY, T3-RESULTS-SUM and T3-ROW-TOTAL.
    assert_eq!(fs.len(), 3, "{fs:#?}");
}

#[test]
fn approximate_and_missing_rows_are_not_assessable() {
    let mut r = consistent(Edition::E2019, 2020);
    set(
        t4_slot(&mut r, T4Row::Review, T4Col::Upheld),
        Value::Number {
            value: Decimal::integer(100),
            unit: None,
            approximate: true,
        },
        "100余",
    );
    *t3(&mut r).row_mut(T3Row::WithheldInquiry) = None;
    // The parser reports the row where it should have been: after the row before it.
    let before = T3_ROWS
        .iter()
        .position(|d| d.row == T3Row::WithheldInquiry)
        .and_then(|i| T3_ROWS.get(i.checked_sub(1)?))
        .map(|d| d.row)
        .expect("a row before");
    let end = t3_span(&r, before, T3Col::Total).map_or(0, |s| s.end);
    r.warnings.push(Warning::new(
        WarningKind::MissingRow {
            table: TableId::T3,
            block: None,
            row: T3Row::WithheldInquiry.key().into(),
        },
        Span::new(end, end),
    ));
    let fs = validate(&r);
    assert!(errors(&fs).is_empty(), "{fs:#?}");
    assert_eq!(with_code(&fs, Code::T4GroupTotal).len(), 1);
    assert!(with_code(&fs, Code::T4GroupTotal)[0]
        .message
        .contains("approximate"));
    // Missing row: a COMPLETE-ROW-MISSING warning, and 7 T3-RESULTS-SUM infos.
    let missing = with_code(&fs, Code::CompleteRowMissing);
    assert_eq!(missing.len(), 1, "{fs:#?}");
    assert!(missing[0].message.contains(T3Row::WithheldInquiry.key()));
    assert!(end > 0);
    assert_eq!(missing[0].span.map(|s| s.range()), Some(end..end));
    assert_eq!(with_code(&fs, Code::T3ResultsSum).len(), 7);
}

// ---------------------------------------------------------------------------------
// COUNT-NEGATIVE / COUNT-FRACTION
// ---------------------------------------------------------------------------------

fn t2_slot(r: &mut Report, row: T2Row, col: T2Col) -> Option<&mut Option<Cell>> {
    r.tables.active_disclosure.as_mut()?.slot_mut(row, col)
}

#[test]
fn negative_counts_are_errors_except_the_signed_change() {
    let mut r = consistent(Edition::E2019, 2020);
    if let Some(s) = t2_slot(&mut r, T2Row::Licensing, T2Col::Change) {
        set_int(s, -8);
    }
    let fs = validate(&r);
    assert!(fs.is_empty(), "{fs:#?}");
    if let Some(s) = t2_slot(&mut r, T2Row::Penalties, T2Col::Decisions) {
        set_int(s, -3);
    }
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(
        (fs[0].code, fs[0].severity),
        (Code::CountNegative, Severity::Error)
    );
    let main = fs[0].main_cell().expect("cell");
    assert_eq!(
        (
            main.table,
            main.block.as_ref(),
            main.row.as_ref(),
            main.column.as_ref()
        ),
        (
            TableId::T2,
            T2Block::Item6.key(),
            T2Row::Penalties.key(Edition::E2019),
            T2Col::Decisions.key()
        )
    );
}

#[test]
fn negative_count_in_table_3() {
    let mut r = consistent(Edition::E2021, 2021);
    set_int(t3_slot(&mut r, T3Row::CarriedOver, T3Col::Research), -1);
    let fs = validate(&r);
    assert!(with_code(&fs, Code::CountNegative).len() == 1, "{fs:#?}");
    assert!(with_code(&fs, Code::CountNegative)[0].involves(
        TableId::T3,
        T3Row::CarriedOver.key(),
        T3Col::Research.key()
    ));
}

#[test]
fn fractional_counts_are_errors_except_amounts() {
    let mut r = consistent(Edition::E2019, 2020);
    if let Some(s) = t2_slot(&mut r, T2Row::Procurement, T2Col::ProcurementAmount) {
        set(s, number(Decimal::new(1_605_964, 4)), "160.5964");
    }
    assert!(validate(&r).is_empty());
    let mut r21 = consistent(Edition::E2021, 2021);
    if let Some(s) = t2_slot(&mut r21, T2Row::Fees, T2Col::FeeAmount) {
        set(s, number(Decimal::new(35, 2)), "0.35");
    }
    assert!(validate(&r21).is_empty());
    set(
        t4_slot(&mut r, T4Row::Review, T4Col::Other),
        number(Decimal::new(15, 1)),
        "1.5",
    );
    let fs = validate(&r);
    let frac = with_code(&fs, Code::CountFraction);
    assert_eq!(frac.len(), 1, "{fs:#?}");
    assert_eq!(frac[0].severity, Severity::Error);
    assert!(frac[0].involves(TableId::T4, T4Row::Review.key(), T4Col::Other.key()));
}

// ---------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------

#[test]
fn missing_section() {
    let mut r = consistent(Edition::E2021, 2021);
    r.sections.retain(|s| s.topic != Some(Topic::Problems));
    // The parser reports the section where it should have been.
    r.warnings.push(Warning::new(
        WarningKind::MissingSection {
            topic: Topic::Problems,
        },
        Span::new(400, 400),
    ));
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(
        (fs[0].code, fs[0].severity),
        (Code::StructMissingSection, Severity::Warning)
    );
    assert!(
        fs[0].message.contains("五、存在的主要问题及改进情况"),
        "{}",
        fs[0].message
    );
    assert_eq!(fs[0].span.map(|s| s.range()), Some(400..400));
}

#[test]
fn missing_table_points_at_its_section() {
    let mut r = consistent(Edition::E2021, 2021);
    r.tables.appeals = None;
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].code, Code::CompleteTableMissing);
    let heading = r
        .section(Topic::ReviewLitigation)
        .map(|s| s.heading_span.range());
    assert_eq!(fs[0].span.map(|s| s.range()), heading);
    // The parser's warning, when there is one, gives the place.
    r.warnings.push(Warning::new(
        WarningKind::MissingTable {
            table: TableId::T4,
            image: None,
        },
        Span::new(4242, 4242),
    ));
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].span.map(|s| s.range()), Some(4242..4242));
}

#[test]
fn legacy_reports_have_no_template_structure() {
    let mut r = consistent(Edition::E2019, 2015);
    r.edition = Edition::Legacy;
    r.sections.clear();
    r.tables = Tables::default();
    assert!(validate(&r).is_empty());
}

#[test]
fn sections_out_of_order() {
    let mut r = consistent(Edition::E2019, 2020);
    r.sections.swap(1, 2);
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].code, Code::StructSectionOrder);
    let moved = r.sections.get(2).map(|s| s.heading_span.range());
    assert_eq!(fs[0].span.map(|s| s.range()), moved);
}

#[test]
fn edition_against_year() {
    for (e, y, expect) in [
        (Edition::E2019, 2019, false),
        (Edition::E2019, 2020, false),
        (Edition::E2019, 2021, true),
        (Edition::E2019, 2023, true),
        (Edition::E2021, 2020, true),
        (Edition::E2021, 2021, false),
        (Edition::E2021, 2025, false),
    ] {
        let r = consistent(e, y);
        let fs = validate(&r);
        let hits = with_code(&fs, Code::StructEditionYear);
        assert_eq!(hits.len(), usize::from(expect), "{e} {y}: {fs:#?}");
        if expect {
            assert_eq!(hits[0].severity, Severity::Warning);
            assert_eq!(hits[0].span.map(|s| s.range()), Some(5..9));
        }
    }
}

#[test]
fn parser_warnings_become_findings() {
    let mut r = consistent(Edition::E2019, 2020);
    let row = || Some("(二)部分公开".to_string());
    for (kind, at) in [
        (
            WarningKind::UnknownRow {
                table: TableId::T3,
                label: "something".into(),
                edition: None,
                unused: Vec::new(),
            },
            11,
        ),
        (
            WarningKind::MissingCell {
                table: TableId::T3,
                block: None,
                row: row(),
                found: 5,
                expected: 7,
            },
            22,
        ),
        (
            WarningKind::ExtraCell {
                table: TableId::T3,
                block: None,
                row: row(),
                found: 8,
                expected: 7,
                unused: Vec::new(),
            },
            33,
        ),
        (
            WarningKind::FuzzyLabel {
                table: TableId::T3,
                label: "something".into(),
                read_as: "(二)部分公开".into(),
            },
            44,
        ),
    ] {
        r.warnings.push(Warning::new(kind, Span::new(at, at + 2)));
    }
    let fs = validate(&r);
    let codes: Vec<(Code, Option<std::ops::Range<usize>>)> = fs
        .iter()
        .map(|f| (f.code, f.span.map(|s| s.range())))
        .collect();
    assert_eq!(
        codes,
        vec![
            // The extra cell: one value not used, and table 三's summary.
            (Code::CompleteValueUnused, Some(33..35)),
            (Code::CompleteCellUnread, Some(33..35)),
            (Code::StructUnknownRow, Some(11..13)),
            (Code::CellMissing, Some(22..24))
        ]
    );
    assert!(fs.iter().all(|f| f.severity == Severity::Warning));
    assert!(fs[0].message.starts_with("table 三: "));
}

#[test]
fn unreadable_cells_once_each() {
    let mut r = consistent(Edition::E2019, 2020);
    set(
        t4_slot(&mut r, T4Row::Review, T4Col::Upheld),
        Value::Unreadable,
        "--253",
    );
    let at = r
        .tables
        .appeals
        .as_ref()
        .and_then(|t| t.cell(T4Row::Review, T4Col::Upheld))
        .map(|c| c.span)
        .unwrap_or_default();
    r.warnings.push(Warning::new(
        WarningKind::UnreadableCell {
            table: TableId::T4,
            block: None,
            row: T4Row::Review.key().into(),
            column: T4Col::Upheld.key().into(),
            text: "--253".into(),
        },
        at,
    ));
    // One unreadable cell the parser did not warn about.
    if let Some(s) = t2_slot(&mut r, T2Row::Rules, T2Col::NewlyMade) {
        set(s, Value::Unreadable, "若干");
    }
    // One warning that matches no cell.
    r.warnings.push(Warning::new(
        WarningKind::UnreadableCell {
            table: TableId::T3,
            block: None,
            row: "stray".into(),
            column: "stray".into(),
            text: "stray".into(),
        },
        Span::new(7, 8),
    ));
    let fs = validate(&r);
    let un = with_code(&fs, Code::CellUnreadable);
    assert_eq!(un.len(), 3, "{fs:#?}");
    assert!(un.iter().all(|f| f.severity == Severity::Warning));
    assert!(un
        .iter()
        .any(|f| f.involves(TableId::T4, T4Row::Review.key(), T4Col::Upheld.key())));
    assert!(un.iter().any(|f| f.involves(
        TableId::T2,
        T2Row::Rules.key(Edition::E2019),
        T2Col::NewlyMade.key()
    )));
    assert!(errors(&fs).is_empty());
    assert_eq!(with_code(&fs, Code::T4GroupTotal).len(), 1);
}

// ---------------------------------------------------------------------------------
// PROSE-TABLE
// ---------------------------------------------------------------------------------

#[test]
fn phrase_grammar() {
    let cx = Context {
        year: Some(2020),
        area: None,
    };
    let found = statements(
        "2020年，本机关共收到政府信息公开申请1,234件，其中…。收到人大代表建议5件。\
         受理依申请公开申请12件；发生行政复议案件2起、行政诉讼5件。收到申请人来信3封。",
        &cx,
        Edition::E2021,
    );
    let got: Vec<(Figure, String, &str)> = found
        .iter()
        .map(|s| (s.figure, s.value.to_string(), s.text))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Figure::Received,
                "1234".into(),
                "收到政府信息公开申请1,234件"
            ),
            (Figure::Received, "12".into(), "受理依申请公开申请12件"),
            (
                Figure::Appeals(Appeal::Review, T4Col::Total),
                "2".into(),
                "行政复议案件2起"
            ),
            (
                Figure::Appeals(Appeal::Litigation, T4Col::Total),
                "5".into(),
                "行政诉讼5件"
            ),
        ]
    );
    assert!(statements("", &cx, Edition::E2021).is_empty());
    assert!(statements("收到。申请5件", &cx, Edition::E2021).is_empty());
}

fn with_overview(mut r: Report, body: &str) -> Report {
    if let Some(s) = r
        .sections
        .iter_mut()
        .find(|s| s.topic == Some(Topic::Overview))
    {
        s.body = body.to_string();
    }
    r
}

#[test]
fn prose_agrees_with_table_3() {
    let r = consistent(Edition::E2021, 2021);
    let new = int(r
        .tables
        .requests
        .as_ref()
        .and_then(|t| t.cell(T3Row::NewRequests, T3Col::Total)));
    let carried = int(r
        .tables
        .requests
        .as_ref()
        .and_then(|t| t.cell(T3Row::CarriedOver, T3Col::Total)));
    for n in [new, new + carried] {
        let r = with_overview(r.clone(), &format!("全年共收到政府信息公开申请{n}件。"));
        assert!(validate(&r).is_empty(), "{n}");
    }
    let r = with_overview(r, &format!("全年受理政府信息公开申请{}件。", new + 1));
    let fs = validate(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    let f = &fs[0];
    assert_eq!((f.code, f.severity), (Code::ProseTable, Severity::Warning));
    assert!(f.main_cell().is_some_and(|c| c.is(
        TableId::T3,
        T3Row::NewRequests.key(),
        T3Col::Total.key()
    )));
    assert_eq!(f.expected, Some(Decimal::integer(new + 1)));
    assert_eq!(f.actual, Some(Decimal::integer(new)));
    assert_eq!(f.difference, Some(Decimal::integer(-1)));
    assert!(f.message.contains("受理政府信息公开申请"), "{}", f.message);
}

#[test]
fn prose_agrees_with_table_4() {
    let r = consistent(Edition::E2019, 2020);
    let total = |row| {
        int(r
            .tables
            .appeals
            .as_ref()
            .and_then(|t| t.cell(row, T4Col::Total)))
    };
    let review = total(T4Row::Review);
    let lit = total(T4Row::DirectLitigation) + total(T4Row::LitigationAfterReview);
    let ok = with_overview(
        r.clone(),
        &format!("引发行政复议{review}件，行政诉讼{lit}起。"),
    );
    assert!(validate(&ok).is_empty());
    let bad = with_overview(
        r,
        &format!("引发行政复议{}件，行政诉讼{}起。", review + 1, lit + 2),
    );
    let fs = validate(&bad);
    assert_eq!(with_code(&fs, Code::ProseTable).len(), 2, "{fs:#?}");
    assert_eq!(fs.len(), 2);
    assert_eq!(fs[1].difference, Some(Decimal::integer(-2)));
    assert!(fs[1].involves(
        TableId::T4,
        T4Row::LitigationAfterReview.key(),
        T4Col::Total.key()
    ));
}

// ---------------------------------------------------------------------------------
// Series
// ---------------------------------------------------------------------------------

fn carry_forward_of(r: &Report) -> Vec<i64> {
    T3_COLUMNS
        .iter()
        .map(|&c| {
            int(r
                .tables
                .requests
                .as_ref()
                .and_then(|t| t.cell(T3Row::CarriedForward, c)))
        })
        .collect()
}

/// Next year's report, carrying this one's 结转下年度 over; T3 kept consistent.
fn next_year(prev: &Report, edition: Edition) -> Report {
    let year = prev.metadata.year.as_ref().map_or(2020, |y| y.value) + 1;
    let mut r = consistent(edition, year);
    let carry = carry_forward_of(prev);
    for (c, v) in T3_COLUMNS.iter().zip(carry) {
        let old = int(r
            .tables
            .requests
            .as_ref()
            .and_then(|t| t.cell(T3Row::CarriedOver, *c)));
        set_int(t3_slot(&mut r, T3Row::CarriedOver, *c), v);
        bump(&mut r, T3Row::NewRequests, *c, old - v);
    }
    r
}

#[test]
fn series_carry() {
    let a = consistent(Edition::E2019, 2019);
    let b = next_year(&a, Edition::E2019);
    let c = next_year(&b, Edition::E2021);
    assert!(validate(&b).is_empty(), "{:#?}", validate(&b));
    // Given out of order: years decide.
    let reports = vec![c.clone(), a.clone(), b.clone()];
    assert!(
        validate_series(&reports).is_empty(),
        "{:#?}",
        validate_series(&reports)
    );
    let mut c2 = c;
    bump(&mut c2, T3Row::CarriedOver, T3Col::LegalServices, 1);
    bump(&mut c2, T3Row::CarriedOver, T3Col::Total, 1);
    let reports = vec![c2.clone(), a, b];
    let fs = validate_series(&reports);
    // One finding for the pair, its main cell the first column that differs.
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(
        fs[0].message,
        "table 三, column 法人或其他组织/法律服务机构: 上年结转政府信息公开申请数量 of 2021 is 1, \
         but 结转下年度继续办理 of 2020 is 0; also in 1 other column(s): 总计 5 ≠ 4"
    );
    assert_eq!(fs[0].cells.len(), 4);
    assert!(fs[0].involves(TableId::T3, T3Row::CarriedOver.key(), T3Col::Total.key()));
    assert!(fs
        .iter()
        .all(|f| f.code == Code::SeriesCarry && f.severity == Severity::Warning));
    assert_eq!(fs[0].report, Some(0));
    assert_eq!(fs[0].cells.first().and_then(|c| c.report), Some(0));
    assert_eq!(fs[0].cells.get(1).and_then(|c| c.report), Some(2));
    assert!(fs[0].involves(
        TableId::T3,
        T3Row::CarriedOver.key(),
        T3Col::LegalServices.key()
    ));
    assert!(fs[0].involves(
        TableId::T3,
        T3Row::CarriedForward.key(),
        T3Col::LegalServices.key()
    ));
    assert_eq!(fs[0].difference, Some(Decimal::integer(1)));
    assert_eq!(
        fs[0].span.map(|s| s.range()),
        t3_span(&c2, T3Row::CarriedOver, T3Col::LegalServices)
    );
    // Not consecutive: nothing to compare.
    let gap = vec![consistent(Edition::E2019, 2019), c2];
    assert!(validate_series(&gap).is_empty());
}

#[test]
fn series_in_force() {
    let a = consistent(Edition::E2021, 2021);
    let mut b = next_year(&a, Edition::E2021);
    let get = |r: &Report, row, col| {
        int(r
            .tables
            .active_disclosure
            .as_ref()
            .and_then(|t| t.slot(row, col))
            .and_then(Option::as_ref))
    };
    let row = T2Row::NormativeDocuments;
    let expect =
        get(&a, row, T2Col::InForce) + get(&b, row, T2Col::Issued) - get(&b, row, T2Col::Repealed);
    let rules = get(&a, T2Row::Rules, T2Col::InForce) + get(&b, T2Row::Rules, T2Col::Issued)
        - get(&b, T2Row::Rules, T2Col::Repealed);
    if let Some(s) = t2_slot(&mut b, row, T2Col::InForce) {
        set_int(s, expect);
    }
    if let Some(s) = t2_slot(&mut b, T2Row::Rules, T2Col::InForce) {
        set_int(s, rules);
    }
    let pair = vec![a.clone(), b.clone()];
    assert!(
        validate_series(&pair).is_empty(),
        "{:#?}",
        validate_series(&pair)
    );
    if let Some(s) = t2_slot(&mut b, row, T2Col::InForce) {
        set_int(s, expect + 4);
    }
    let fs = validate_series(&[a.clone(), b]);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    let f = &fs[0];
    assert_eq!(
        (f.code, f.severity, f.report),
        (Code::SeriesInForce, Severity::Warning, Some(1))
    );
    assert_eq!(f.difference, Some(Decimal::integer(4)));
    let main = f.main_cell().expect("main");
    assert_eq!(
        (main.block.as_ref(), main.row.as_ref(), main.column.as_ref()),
        (
            T2Block::Item1.key(),
            row.key(Edition::E2021),
            T2Col::InForce.key()
        )
    );
    // 2019-edition predecessor: no 现行有效件数 to continue from.
    let old = consistent(Edition::E2019, 2020);
    let b = next_year(&old, Edition::E2021);
    assert!(validate_series(&[old, b]).is_empty());
}

// ---------------------------------------------------------------------------------
// Options, serialization, rendering
// ---------------------------------------------------------------------------------

#[test]
fn validator_options() {
    let mut r = consistent(Edition::E2019, 2023);
    bump(&mut r, T3Row::Disclosed, T3Col::NaturalPerson, 1);
    let all = validate(&r);
    assert!(with_code(&all, Code::StructEditionYear).len() == 1);
    assert!(!with_code(&all, Code::T3RowTotal).is_empty());
    let fs = Validator::new()
        .without(Code::StructEditionYear)
        .validate(&r);
    assert!(with_code(&fs, Code::StructEditionYear).is_empty());
    assert_eq!(fs.len(), all.len() - 1);
    let fs = Validator::only(&[Code::T3RowTotal]).validate(&r);
    assert!(fs.iter().all(|f| f.code == Code::T3RowTotal) && !fs.is_empty());
    let mut counted = 0;
    validate_into(&r, &mut FnSink(|_| counted += 1));
    assert_eq!(counted, all.len());
    assert!(Validator::new().runs(Code::ProseTable));
}

#[test]
fn codes_round_trip() {
    for &c in Code::ALL {
        assert_eq!(Code::parse(c.as_str()), Some(c));
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", c.as_str()));
    }
    assert_eq!(Code::ALL.len(), 20);
    assert_eq!(
        Code::parse("STRUCT-MISSING-ROW"),
        Some(Code::CompleteRowMissing)
    );
    assert_eq!(Code::parse("T3-NOPE"), None);
}

#[test]
fn findings_serialize_with_keys() {
    let mut r = consistent(Edition::E2019, 2020);
    set_int(t4_slot(&mut r, T4Row::DirectLitigation, T4Col::Total), 99);
    let fs = validate(&r);
    let json = serde_json::to_value(&fs).unwrap_or_default();
    let f = &json[0];
    assert_eq!(f["code"], "T4-GROUP-TOTAL");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["cells"][0]["table"], "四");
    assert_eq!(f["cells"][0]["block"], "");
    assert_eq!(f["cells"][0]["row"], "行政诉讼/未经复议直接起诉");
    assert_eq!(f["cells"][0]["column"], "总计");
    assert_eq!(f["actual"], 99);
    assert!(f["span"]["start"].is_u64());
    let back: Vec<Finding> = serde_json::from_value(json).unwrap_or_default();
    assert_eq!(back, fs);
}

#[test]
fn render_points_at_the_cell() {
    let source = "一、总体情况\n（七）总计 | 4 | 46 |\n";
    let at = source.find("46").unwrap_or(0);
    let mut f = Finding::new(Code::T3RowTotal, Severity::Error, "boom".into());
    f.span = Some(Span::new(at, at + 2));
    let out = f.render(source, "r.txt");
    let expected = "error[T3-ROW-TOTAL]: boom\n --> r.txt:2:13\n  |\n2 | （七）总计 | 4 | 46 |\n  |                  ^^\n\n";
    assert_eq!(out, expected);
    assert_eq!(f.locate(source).map(|l| (l.line, l.column)), Some((2, 13)));
    let mut g = f.clone();
    g.span = None;
    assert_eq!(
        g.render(source, "r.txt"),
        "error[T3-ROW-TOTAL]: boom\n --> r.txt\n\n"
    );
    assert_eq!(f.to_string(), "error[T3-ROW-TOTAL]: boom");
}

#[test]
fn display_widths() {
    assert_eq!(display_width("abc"), 3);
    assert_eq!(display_width("总计"), 4);
    assert_eq!(display_width("（）"), 4);
    assert_eq!(display_width("\u{301}"), 0);
}

/// The statements of the real reports' overviews that are compared with the tables,
/// and the reports whose prose disagrees: every comparison listed with its values.
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn prose_of_the_corpus() {
    let shared = match std::env::var_os("ZFXXGK_SHARED") {
        Some(d) if !d.is_empty() => std::path::PathBuf::from(d),
        _ => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    let dir = shared.join("corpus/full");
    if !dir.is_dir() {
        eprintln!("skipping prose_of_the_corpus: {} is absent", dir.display());
        return;
    }
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut got: Vec<(String, super::prose::Figure, String, bool)> = Vec::new();
    for p in names {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(r) = crate::parse_report(&text) else {
            continue;
        };
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (figure, phrase, stated, table) in super::prose::compared(&r) {
            got.push((name.clone(), figure, phrase, stated == table));
        }
    }
    // Only the layout copies (`.txt`, read in full by the reader) are counted; the
    // reading-order copies repeat them with fewer cells read.
    let layout: Vec<_> = got.iter().filter(|g| !g.0.contains(".flow.")).collect();
    let disagree: Vec<(&str, &str)> = layout
        .iter()
        .filter(|g| !g.3)
        .map(|g| (g.0.as_str(), g.2.as_str()))
        .collect();
    // 洪泽 2024: the 区政府办 states its own 17 requests; table 三 is the district's 95.
    assert_eq!(
        disagree,
        vec![("hongze-qzf-2024.txt", "受理政府信息公开申请17件")],
        "{got:#?}"
    );
    // 上海办公厅 2025: rows whose labels are scattered by the PDF extraction are placed
    // by their label pieces and the results' sum, so 不予处理 and 其他处理 are compared
    // too (and agree).
    assert_eq!(layout.len(), 30, "{got:#?}");
}
