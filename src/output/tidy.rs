//! The tidy cell record.
//!
//! | field | meaning |
//! |---|---|
//! | `table` | `二`, `三` or `四`; for pre-2019 reports a figure group (`主动公开`, `依申请公开`, `收费及减免`, `行政复议`, `行政诉讼`, `机构人员`), see [`crate::model::legacy`] |
//! | `block` | table 二 only: `第二十条第(一)项` …; empty for 三 and 四 |
//! | `row` | canonical row path (`本年度办理结果/不予公开/属于国家秘密`) |
//! | `column` | canonical column path (`法人或其他组织/商业企业`) |
//! | `value` | the number, scaled (`31.2万件` → 312000); `null` when blank, a dash or unreadable |
//! | `unit` | the unit of the value, or `null` |
//! | `raw` | the cell text after normalization, exactly as read |
//! | `line` | 1-based line of the cell in the original input |
//!
//! Keys come from [`crate::catalogue`]; they are a contract and change only with a
//! CHANGELOG entry.

use crate::catalogue::{Edition, TableId};
use crate::model::cell::{Cell, Decimal};
use crate::model::legacy::LegacyFigures;
use crate::model::report::Report;
use serde::Serialize;

/// One statistical cell as a flat record (field order is the JSON Lines order).
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
    /// The unit of the value.
    pub unit: Option<&'r str>,
    /// The cell text after normalization.
    pub raw: &'r str,
    /// 1-based line in the original input.
    pub line: usize,
}

impl<'r> TidyRecord<'r> {
    /// A record for a cell of `report`.
    pub fn of_cell(
        report: &Report,
        table: &'static str,
        block: &'static str,
        row: &'static str,
        column: &'static str,
        cell: &'r Cell,
    ) -> Self {
        TidyRecord {
            table,
            block,
            row,
            column,
            value: cell.value.number(),
            unit: cell.value.unit(),
            raw: &cell.raw,
            line: report.line_of(cell.span.start),
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
                TidyRecord::of_cell(
                    self,
                    TableId::T2.key(),
                    b.key(),
                    r.key(edition),
                    c.key(),
                    cell,
                )
            })
        });
        let t3 = self.tables.requests.iter().flat_map(move |t| {
            t.cells().map(move |(r, c, cell)| {
                TidyRecord::of_cell(self, TableId::T3.key(), "", r.key(), c.key(), cell)
            })
        });
        let t4 = self.tables.appeals.iter().flat_map(move |t| {
            t.cells().map(move |(r, c, cell)| {
                TidyRecord::of_cell(self, TableId::T4.key(), "", r.key(), c.key(), cell)
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
            raw: &f.phrase,
            line: report.line_of(f.span.start),
        }
    })
}
