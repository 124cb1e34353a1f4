//! Structured warnings: the facts are in the kinds, the messages only render them, and
//! the validator reads the facts.

mod common;
use common::*;
use zfxxgk::catalogue::{Edition, T3Col, T3Row, T3_ROWS};
use zfxxgk::validate::{validate, Code};
use zfxxgk::{parse_report, Report, TableId, Warning, WarningKind};

/// A 2021 report whose table 三 does not print `row` (other cells from a formula).
fn without_t3_row(row: T3Row) -> String {
    let v = move |t: &str, r: &str, c: &str| {
        if t == "三" && r == row.key() {
            return None;
        }
        Some(((r.chars().count() * 7 + c.chars().count() * 3) % 50).to_string())
    };
    render(
        &template_doc(Edition::E2021, "某市某局2021年", &v),
        Layout::PipeRows,
    )
}

fn t3_row_end(r: &Report, row: T3Row) -> Option<usize> {
    let a = r.tables.requests.as_ref()?.row(row)?;
    a.cells().map(|(_, c)| c.span.end).max()
}

#[test]
fn a_missing_row_is_reported_after_the_row_before_it() {
    let text = without_t3_row(T3Row::WithheldInquiry);
    let r = parse_report(&text).expect("parses");
    let missing: Vec<&Warning> = r
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::MissingRow { .. }))
        .collect();
    assert_eq!(missing.len(), 1, "{:#?}", r.warnings);
    let w = missing[0];
    assert_eq!(
        w.kind,
        WarningKind::MissingRow {
            table: TableId::T3,
            block: None,
            row: T3Row::WithheldInquiry.key().to_string(),
        }
    );
    // Right after the last cell of the row printed before it.
    let before = T3_ROWS
        .iter()
        .position(|d| d.row == T3Row::WithheldInquiry)
        .and_then(|i| T3_ROWS.get(i.checked_sub(1)?))
        .map(|d| d.row)
        .expect("a row before");
    let end = t3_row_end(&r, before).expect("the row before is read");
    assert_eq!(w.span.range(), end..end);
    let last = r
        .tables
        .requests
        .as_ref()
        .and_then(|t| t.cell(before, T3Col::Total))
        .expect("总计 of the row before");
    assert_eq!(last.span.end, end);
    // The finding points at the same place, once.
    let fs = validate(&r);
    let rows: Vec<_> = fs
        .iter()
        .filter(|f| f.code == Code::CompleteRowMissing)
        .collect();
    assert_eq!(rows.len(), 1, "{fs:#?}");
    assert_eq!(rows[0].span.map(|s| s.range()), Some(end..end));
    assert!(rows[0].message.contains(T3Row::WithheldInquiry.key()));
}

/// Replace every warning's message in the report's JSON: the messages are not read
/// back, and the validator gives the same findings at the same places.
#[test]
fn rules_do_not_read_message_text() {
    // A row and a section missing, and a row the template does not have.
    let text = without_t3_row(T3Row::WithheldInquiry)
        .replace("五、存在的主要问题及改进情况", "附:存在的主要问题及改进情况")
        .replace(
            "四、政府信息公开行政复议、行政诉讼情况\n",
            "不在模板里的行 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |\n四、政府信息公开行政复议、行政诉讼情况\n",
        );
    let r = parse_report(&text).expect("parses");
    assert!(!r.warnings.is_empty());
    let mut json: serde_json::Value = serde_json::to_value(&r).expect("serializes");
    let mut renamed = 0;
    if let Some(ws) = json
        .get_mut("warnings")
        .and_then(serde_json::Value::as_array_mut)
    {
        for w in ws {
            if let Some(m) = w.get_mut("message") {
                *m = serde_json::Value::String("renamed".into());
                renamed += 1;
            }
        }
    }
    assert_eq!(renamed, r.warnings.len());
    let back: Report = serde_json::from_value(json).expect("reads back");
    assert_eq!(back.warnings, r.warnings);
    let key =
        |fs: &[zfxxgk::validate::Finding]| -> Vec<(Code, Option<std::ops::Range<usize>>, String)> {
            fs.iter()
                .map(|f| (f.code, f.span.map(|s| s.range()), f.message.clone()))
                .collect()
        };
    let before = key(&validate(&r));
    let after = key(&validate(&back));
    for code in [
        Code::CompleteRowMissing,
        Code::StructMissingSection,
        // The unknown row's seven values were not used.
        Code::CompleteValueUnused,
    ] {
        assert!(before.iter().any(|f| f.0 == code), "{code:?}: {before:#?}");
    }
    assert_eq!(before, after);
}

#[test]
fn kinds_render_their_facts() {
    let k = WarningKind::MissingCell {
        table: TableId::T3,
        block: None,
        row: Some("(二)部分公开".into()),
        found: 5,
        expected: 7,
    };
    assert!(k
        .to_string()
        .starts_with("table 三: (二)部分公开: 5 of 7 cells found"));
    assert_eq!(k.table(), Some(TableId::T3));
    assert_eq!(k.name(), "missing_cell");
    let w = Warning::new(k.clone(), zfxxgk::Span::new(3, 4));
    assert_eq!(w.to_string(), w.message());
    let json = serde_json::to_value(&w).expect("serializes");
    assert_eq!(json["kind"], "missing_cell");
    assert_eq!(json["table"], "三");
    assert_eq!(json["found"], 5);
    assert_eq!(json["expected"], 7);
    assert_eq!(json["message"], serde_json::Value::String(w.message()));
}
