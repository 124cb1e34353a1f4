//! The tidy cell records (keys documented in [`crate::output`]).

use crate::catalogue::{Edition, TableId};
use crate::model::cell::{Cell, Decimal, Value};
use crate::model::legacy::LegacyFigures;
use crate::model::report::Report;
use serde::Serialize;

/// What a cell holds, as the tidy records' `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum CellKind {
    /// A number (`无` included, as 0).
    Number,
    /// An empty cell.
    Blank,
    /// A dash or slash standing for "nothing to report".
    Dash,
    /// Text that could not be read as a number.
    Unreadable,
}

impl CellKind {
    /// The kind of a value.
    pub fn of(value: &Value) -> CellKind {
        match value {
            Value::Number { .. } => CellKind::Number,
            Value::Blank => CellKind::Blank,
            Value::Dash => CellKind::Dash,
            Value::Unreadable => CellKind::Unreadable,
        }
    }

    /// `"number"`, `"blank"`, `"dash"` or `"unreadable"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CellKind::Number => "number",
            CellKind::Blank => "blank",
            CellKind::Dash => "dash",
            CellKind::Unreadable => "unreadable",
        }
    }
}

/// One statistical cell as a flat record (field order is the JSON Lines order; the
/// keys are listed in the [module docs](crate::output)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TidyRecord<'r> {
    /// `二`, `三` or `四` (or a pre-2019 figure group, see [`crate::model::legacy`]).
    pub table: &'static str,
    /// Table 二's block; empty otherwise.
    pub block: &'static str,
    /// Canonical row path.
    pub row: &'static str,
    /// Canonical column path.
    pub column: &'static str,
    /// The value, or `None` for blank, dash and unreadable cells.
    pub value: Option<Decimal>,
    /// The unit of the value; the column's declared unit when it has one.
    pub unit: Option<&'r str>,
    /// What the cell holds.
    pub kind: CellKind,
    /// Whether the figure is marked approximate (`余`, `多`, `约`).
    pub approximate: bool,
    /// The cell text after normalization.
    pub raw: &'r str,
    /// 1-based line in the original input.
    pub line: usize,
    /// How the cell's place was decided (`label`, `position`, `arithmetic`).
    pub placement: &'static str,
    /// A note printed with the number.
    pub note: Option<&'r str>,
}

impl<'r> TidyRecord<'r> {
    /// A record for a cell of `report`; `declared_unit` is the unit its column
    /// declares, if any.
    fn of_cell(
        report: &Report,
        key: (&'static str, &'static str, &'static str, &'static str),
        declared_unit: Option<&'static str>,
        cell: &'r Cell,
    ) -> Self {
        let (table, block, row, column) = key;
        let approximate = matches!(
            cell.value,
            Value::Number {
                approximate: true,
                ..
            }
        );
        TidyRecord {
            table,
            block,
            row,
            column,
            value: cell.value.number(),
            unit: cell.value.unit().or(declared_unit),
            kind: CellKind::of(&cell.value),
            approximate,
            raw: &cell.raw,
            line: report.line_of(cell.span.start),
            placement: cell.placement.key(),
            note: cell.note.as_deref(),
        }
    }
}

impl Report {
    /// Every statistical cell of the report as a tidy record, table by table in
    /// template order.
    ///
    /// ```
    /// let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
    ///             1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
    /// let report = zfxxgk::parse_report(text).unwrap();
    /// let first = report.cells().next().unwrap();
    /// assert_eq!((first.table, first.row, first.column), ("四", "行政复议", "结果维持"));
    /// assert_eq!(first.value.and_then(|v| v.as_integer()), Some(1));
    /// assert_eq!(first.line, 3);
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = TidyRecord<'_>> + '_ {
        let edition = self.edition;
        let t2 = self.tables.active_disclosure.iter().flat_map(move |t| {
            t.cells().map(move |(b, r, c, cell)| {
                let key = (TableId::T2.key(), b.key(), r.key(edition), c.key());
                TidyRecord::of_cell(self, key, c.declared_unit(), cell)
            })
        });
        let t3 = self.tables.requests.iter().flat_map(move |t| {
            t.cells().map(move |(r, c, cell)| {
                TidyRecord::of_cell(self, (TableId::T3.key(), "", r.key(), c.key()), None, cell)
            })
        });
        let t4 = self.tables.appeals.iter().flat_map(move |t| {
            t.cells().map(move |(r, c, cell)| {
                TidyRecord::of_cell(self, (TableId::T4.key(), "", r.key(), c.key()), None, cell)
            })
        });
        let legacy = self
            .legacy
            .iter()
            .flat_map(move |l| legacy_records(self, l))
            .filter(move |_| edition == Edition::Legacy);
        t2.chain(t3).chain(t4).chain(legacy)
    }
}

/// The figures of a pre-2019 report as tidy records, in the order of
/// [`crate::model::legacy::KEYS`]: `table`/`row`/`column` from the keys, `block` empty,
/// `value` the figure, `unit` its unit, `raw` the phrase it was read from, `line` the
/// phrase's line.
fn legacy_records<'r>(
    report: &'r Report,
    figures: &'r LegacyFigures,
) -> impl Iterator<Item = TidyRecord<'r>> + 'r {
    figures.iter().map(move |(key, f)| {
        let d = key.def();
        TidyRecord {
            table: d.table,
            block: "",
            row: d.row,
            column: d.column,
            value: Some(f.value),
            unit: f.unit.as_deref(),
            kind: CellKind::Number,
            approximate: f.approximate,
            raw: &f.phrase,
            line: report.line_of(f.span.start),
            placement: crate::model::cell::Placement::Label.key(),
            note: None,
        }
    })
}
