//! Tidy records: `kind` and `approximate` for every way a cell is written, and the
//! declared unit of a column.

mod common;
use common::*;
use zfxxgk::catalogue::{Edition, T2Col, T2Row, T3Col, T3Row, T3_COLUMNS};
use zfxxgk::output::{CellKind, TidyRecord};
use zfxxgk::{parse_report, Cell, Decimal, Report, Value};

/// How the cells of 本年新收 are written, column by column.
const WRITTEN: [&str; 7] = ["", "-", "—", "/", "无", "2万余", "约300"];

fn report(fee: &str) -> String {
    let v = move |t: &str, r: &str, c: &str| {
        if t == "三" && r == T3Row::NewRequests.key() {
            let i = T3_COLUMNS.iter().position(|col| col.key() == c)?;
            return WRITTEN.get(i).map(|s| s.to_string());
        }
        if t == "二" && c == T2Col::FeeAmount.key() {
            return Some(fee.to_string());
        }
        Some("1".to_string())
    };
    render(
        &template_doc(Edition::E2021, "某市某局2021年", &v),
        Layout::PipeRows,
    )
}

fn record<'r>(r: &'r Report, table: &str, row: &str, column: &str) -> TidyRecord<'r> {
    r.cells()
        .find(|c| c.table == table && c.row == row && c.column == column)
        .unwrap_or_else(|| panic!("{table} {row} {column}"))
}

#[test]
fn kind_and_approximate_of_every_way_a_cell_is_written() {
    let r = parse_report(&report("")).expect("parses");
    assert_eq!(r.edition, Edition::E2021);
    let want: [(Option<i64>, CellKind, bool); 7] = [
        (None, CellKind::Blank, false),
        (None, CellKind::Dash, false),
        (None, CellKind::Dash, false),
        (None, CellKind::Dash, false),
        (Some(0), CellKind::Number, false),
        (Some(20000), CellKind::Number, true),
        (Some(300), CellKind::Number, true),
    ];
    for ((col, raw), (value, kind, approximate)) in T3_COLUMNS.iter().zip(WRITTEN).zip(want) {
        let rec = record(&r, "三", T3Row::NewRequests.key(), col.key());
        assert_eq!(rec.raw, raw, "{col:?}");
        assert_eq!(rec.value.and_then(Decimal::as_integer), value, "{raw:?}");
        assert_eq!(rec.kind, kind, "{raw:?}");
        assert_eq!(rec.approximate, approximate, "{raw:?}");
        let json = serde_json::to_value(&rec).expect("serializes");
        assert_eq!(json["kind"], kind.as_str(), "{raw:?}");
        assert_eq!(json["approximate"], approximate, "{raw:?}");
    }
    // No other cell of the row moved: the next row still reads 1 everywhere.
    for col in T3_COLUMNS {
        let rec = record(&r, "三", T3Row::CarriedOver.key(), col.key());
        assert_eq!(rec.value, Some(Decimal::integer(1)), "{col:?}");
        assert_eq!((rec.kind, rec.approximate), (CellKind::Number, false));
    }
}

#[test]
fn unreadable_cells() {
    // Words in a cell (the lexer reads text that is no value as a label, so the cell
    // is set here, with the value the cell grammar gives it).
    let mut r = parse_report(&report("")).expect("parses");
    let slot = r
        .tables
        .requests
        .as_mut()
        .and_then(|t| t.row_mut(T3Row::CarriedOver).as_mut())
        .map(|a| a.slot_mut(T3Col::NaturalPerson))
        .expect("the row is read");
    let span = slot.as_ref().map(|c| c.span).unwrap_or_default();
    *slot = Some(Cell::new(
        zfxxgk::__internal::parse_value("abc", None),
        "abc",
        span,
    ));
    let rec = record(
        &r,
        "三",
        T3Row::CarriedOver.key(),
        T3Col::NaturalPerson.key(),
    );
    assert_eq!(
        (rec.raw, rec.value, rec.kind, rec.approximate),
        ("abc", None, CellKind::Unreadable, false)
    );
}

#[test]
fn a_column_that_declares_its_unit_always_gives_it() {
    let fee = |r: &Report| -> (Option<Decimal>, Option<String>, CellKind) {
        let rec = r
            .cells()
            .find(|c| c.table == "二" && c.column == T2Col::FeeAmount.key())
            .expect("a fee cell");
        (rec.value, rec.unit.map(str::to_string), rec.kind)
    };
    let unit = Some("万元".to_string());
    let r = parse_report(&report("0.5")).expect("parses");
    assert_eq!(
        fee(&r),
        (Some(Decimal::new(5, 1)), unit.clone(), CellKind::Number)
    );
    let r = parse_report(&report("5000元")).expect("parses");
    assert_eq!(
        fee(&r),
        (Some(Decimal::new(5, 1)), unit.clone(), CellKind::Number)
    );
    let r = parse_report(&report("无")).expect("parses");
    assert_eq!(
        fee(&r),
        (Some(Decimal::integer(0)), unit.clone(), CellKind::Number)
    );
    let mut r = parse_report(&report("-")).expect("parses");
    assert_eq!(fee(&r), (None, unit.clone(), CellKind::Dash));
    // A blank in the column (a row printed with only a blank cell is no row, so the
    // cell is set here).
    let slot = r
        .tables
        .active_disclosure
        .as_mut()
        .and_then(|t| t.slot_mut(T2Row::Fees, T2Col::FeeAmount))
        .expect("the fee slot");
    let span = slot.as_ref().map(|c| c.span).unwrap_or_default();
    *slot = Some(Cell::new(Value::Blank, "", span));
    assert_eq!(fee(&r), (None, unit, CellKind::Blank));
}

#[test]
fn key_order_starts_as_documented() {
    let r = parse_report(&report("")).expect("parses");
    let rec = r.cells().next().expect("a record");
    let json = serde_json::to_string(&rec).expect("serializes");
    let keys = [
        "table",
        "block",
        "row",
        "column",
        "value",
        "unit",
        "kind",
        "approximate",
        "raw",
        "line",
    ];
    let at: Vec<usize> = keys
        .iter()
        .map(|k| json.find(&format!("\"{k}\":")).unwrap_or(usize::MAX))
        .collect();
    assert!(at.iter().all(|&i| i != usize::MAX), "{json}");
    // In this order; keys added later may come after `approximate` anywhere.
    assert!(at.windows(2).all(|w| w.first() < w.get(1)), "{json}");
}
