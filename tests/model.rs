//! Model types: spans have ordinary equality, the containers leave spans out of
//! theirs, and a report survives a serde round trip with its line numbers.

mod common;
use common::*;
use std::collections::HashSet;
use zfxxgk::{
    parse_report, Cell, Decimal, Located, Report, Section, Span, TableId, Topic, Value, Warning,
    WarningKind,
};

fn cell(span: Span) -> Cell {
    let value = Value::Number {
        value: Decimal::integer(46),
        unit: Some("件".into()),
        approximate: false,
    };
    Cell::new(value, "46件", span)
}

#[test]
fn containers_are_equal_whatever_their_spans() {
    let (a, b) = (Span::new(0, 5), Span::new(100, 105));
    assert_ne!(a, b);
    assert_eq!(cell(a), cell(b));
    let cells: HashSet<Cell> = [cell(a), cell(b)].into_iter().collect();
    assert_eq!(cells.len(), 1);
    let mut other = cell(a);
    other.raw = "47件".into();
    assert_ne!(cell(a), other);

    let located = |span| Located {
        value: 2021u16,
        span,
    };
    assert_eq!(located(a), located(b));
    assert_ne!(
        located(a),
        Located {
            value: 2020,
            span: a
        }
    );

    let r = parse_report("一、总体情况\n本机关收到申请46件。\n").expect("parses");
    let section = |span: Span| {
        let mut s: Section = r.sections[0].clone();
        s.span = span;
        s.heading_span = span;
        s
    };
    assert_eq!(section(a), section(b));
    let mut other = section(a);
    other.topic = Some(Topic::Requests);
    assert_ne!(section(a), other);

    let warning = |span| {
        Warning::new(
            WarningKind::MissingTable {
                table: TableId::T4,
                image: None,
            },
            span,
        )
    };
    assert_eq!(warning(a), warning(b));
    let warnings: HashSet<Warning> = [warning(a), warning(b)].into_iter().collect();
    assert_eq!(warnings.len(), 1);
}

#[test]
fn reports_laid_out_differently_compare_equal() {
    let text = "一、总体情况\n本机关收到申请46件。\n";
    let a = parse_report(text).expect("parses");
    let b = parse_report(&format!("\n\n{text}")).expect("parses");
    assert_ne!(a.sections[0].span, b.sections[0].span);
    assert_eq!(a, b);
}

/// Every line a report can give: its tidy records', its warnings', its sections'.
fn lines(r: &Report) -> Vec<usize> {
    let mut v: Vec<usize> = r.cells().map(|c| c.line).collect();
    v.extend(r.warnings.iter().map(|w| r.line_of(w.span.start)));
    v.extend(r.sections.iter().map(|s| r.line_of(s.span.start)));
    v
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn every_seed_round_trips_with_its_lines() {
    // Reading a whole Report back in a debug build takes more than a test thread's
    // 2 MiB of stack (serde's derived visitors hold every table's cells): run it on a
    // thread with a main thread's 8 MiB.
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(round_trip_every_seed)
        .expect("a thread")
        .join()
        .expect("round trips");
}

fn round_trip_every_seed() {
    let seeds = all_seeds();
    for (name, text) in &seeds {
        let r = parse_report(text).expect("a seed parses");
        let json = serde_json::to_string(&r).expect("serializes");
        let back: Report = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, r, "{name}");
        let want = lines(&r);
        assert!(want.iter().any(|&l| l > 1), "{name}: lines to check");
        assert_eq!(lines(&back), want, "{name}");
        // Spans are kept exactly, and so are the records.
        let spans =
            |r: &Report| -> Vec<Span> { r.tables.iter_cells().map(|(_, c)| c.span).collect() };
        assert_eq!(spans(&back), spans(&r), "{name}");
        assert_eq!(
            back.cells().collect::<Vec<_>>(),
            r.cells().collect::<Vec<_>>(),
            "{name}"
        );
        // And once more: what is read back writes the same JSON.
        assert_eq!(
            serde_json::to_string(&back).expect("serializes"),
            json,
            "{name}"
        );
    }
}

#[test]
fn line_starts_are_checked_when_read() {
    let r = parse_report("一、总体情况\n本机关收到申请46件。\n").expect("parses");
    let mut json = serde_json::to_value(&r).expect("serializes");
    json["line_starts"] = serde_json::json!([3, 1]);
    assert!(serde_json::from_value::<Report>(json).is_err());
}
