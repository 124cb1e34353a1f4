//! Validation: the template's arithmetic (勾稽关系) and structure, checked on a parsed
//! [`Report`] as a pass of its own, after parsing.
//!
//! Parsing tolerates whatever a published report prints; validation then says what
//! does not add up. Each problem is a [`Finding`] with a stable [`Code`], a
//! [`Severity`], the cells involved (keyed exactly as the tidy output keys them, see
//! [`crate::catalogue`]) and the [`Span`] of the cell the rule names as wrong, so that
//! it can be shown at its line and column of the original input.
//!
//! # Rules
//!
//! | code | severity | what | points at |
//! |---|---|---|---|
//! | `T3-IDENTITY` | error | table 三, per column: 一 + 二 = (七)总计 + 四 (the corner note) | (七)总计 |
//! | `T3-RESULTS-SUM` | error | table 三, per column: (七)总计 = Σ result rows, with (六)其他处理 as printed (one row, or the 2021 edition's three) | (七)总计 |
//! | `T3-ROW-TOTAL` | error | table 三, per row: 总计 = 自然人 + the five 法人或其他组织 columns | the row's 总计 |
//! | `T4-GROUP-TOTAL` | error | table 四, per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 | the group's 总计 |
//! | `COUNT-NEGATIVE` | error | a value below zero (everywhere but table 二 `本年增/减`) | the cell |
//! | `COUNT-FRACTION` | error | a count with decimals (everywhere but the amounts `采购总金额`, `本年收费金额`) | the cell |
//! | `STRUCT-MISSING-SECTION` | warning | one of the six template sections is absent (the parser's `MissingSection` warning) | where the parser expected it |
//! | `STRUCT-SECTION-ORDER` | warning | template sections out of order | the late heading |
//! | `STRUCT-EDITION-YEAR` | warning | 2019 tables in a report for 2021 or later, or 2021 tables for 2020 or earlier | the year |
//! | `STRUCT-UNKNOWN-ROW` | warning | a row label the template does not have, without values (parser warning) | the row |
//! | `CELL-MISSING` | warning | a row printed with too few cells (parser warning) | the row |
//! | `CELL-UNREADABLE` | warning | a cell whose text is not a number | the cell |
//! | `COMPLETE-TABLE-MISSING` | warning | table 二, 三 or 四 was not found | where the parser looked for it |
//! | `COMPLETE-ROW-MISSING` | warning | a template row of table 二 or 三 was not found | where the row should have been |
//! | `COMPLETE-VALUE-UNUSED` | warning | values read but not used: past a row's columns, outside any row, after a label the template does not have (info for surplus zeros beside a table read in full) | the first value; the others are labels |
//! | `COMPLETE-VALUE-NOT-PLACED` | warning | values whose cells cannot be told (a table flattened out of order) | the row or table |
//! | `COMPLETE-CELL-UNREAD` | warning | per table with values not placed or not used: how many of its template cells were not read | the table's first such place |
//! | `PROSE-TABLE` | warning | a figure stated in 一、总体情况 differs from the table (every figure of table 三, the totals and outcomes of table 四, table 二's 规章 and 规范性文件; see below) | the table cell; the prose is a label |
//! | `SERIES-CARRY` | warning | 上年结转 (year N) ≠ 结转下年度继续办理 (year N−1) | the year-N cell |
//! | `SERIES-IN-FORCE` | warning | 现行有效件数(N) ≠ 现行有效件数(N−1) + 本年制发件数 − 本年废止件数 | the year-N cell |
//!
//! `expected` is what the rule computes for the cell pointed at, `actual` what the
//! cell holds, `difference` = `actual − expected`. Findings come in the order the
//! rules run: structure, completeness, parser warnings, counts, table 三, table 四,
//! prose. Each finding's [`Finding::labels`] are its secondary places: the operands of
//! a sum, the prose sentence of a figure, the values not used.
//!
//! # Completeness
//!
//! Every parser warning about data it did not read (a table or row not found, values
//! not used, values whose cells cannot be told) is a `COMPLETE-*` finding, and a table
//! with values not placed gets a count of its template cells not read: a report with
//! unread cells never comes out clean. With [`ValidateOptions::strict`] these are
//! errors (see [`validate_with`]).
//!
//! # Prose
//!
//! `PROSE-TABLE` reads the statements of 一、总体情况 (收到/受理 申请 N件, 办结/答复 N件,
//! 予以公开, 部分公开, 予以公开及部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 上年结转,
//! 结转下年度, 行政复议, 行政诉讼 and their outcomes, 规章 and 规范性文件 with 制发, 废止 or
//! 现行有效) and compares each with its table figure (a group such as 不予公开 with the sum
//! of its rows). Ranges, approximate figures (`约`, `余`, `多`), percentages, aggregates
//! (`等`) and statements about another period or scope (`上年`, `去年`, `同比`, `累计`, a
//! year other than the report's, `全市`/`全省`… unless the report is that area's people's
//! government) are not compared; nor is a figure whose table cells are not all numbers.
//!
//! # Not assessable
//!
//! An arithmetic rule (`T3-*`, `T4-*`) needs every operand as a number. When one is
//! blank, a dash, unreadable, approximate (`100余`) or not printed at all, the check
//! is *not assessable*: it is never failed and the operand is never taken as 0.
//! Instead the validator emits one [`Severity::Info`] finding with the rule's code,
//! naming the operands it could not use (switch these off with
//! [`Validator::not_assessable`]). Checks of tables that are absent altogether are not
//! run (the absence is `COMPLETE-TABLE-MISSING`), and the prose and series rules skip
//! silently what they cannot compare.
//!
//! # Example
//!
//! ```
//! use zfxxgk::validate::{validate, Code, Severity};
//! use zfxxgk::Decimal;
//!
//! let source = "一、总体情况\n2020年，本机关收到政府信息公开申请3件。\n\
//! 四、政府信息公开行政复议、行政诉讼情况\n\
//! 行政复议 | 行政诉讼 |\n\
//! 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 | 0 |\n";
//! let report = zfxxgk::parse_report(source).unwrap();
//! let findings = validate(&report);
//!
//! // Sections and tables are missing (warnings); one group of table 四 does not add up.
//! let errors: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
//! assert_eq!(errors.len(), 1);
//! let e = errors[0];
//! assert_eq!(e.code, Code::T4GroupTotal);
//! assert_eq!(e.code.as_str(), "T4-GROUP-TOTAL");
//! let main = e.main_cell().unwrap();
//! assert_eq!(
//!     (main.table.key(), main.row.as_ref(), main.column.as_ref()),
//!     ("四", "行政诉讼/未经复议直接起诉", "总计")
//! );
//! assert_eq!((e.expected, e.actual), (Some(Decimal::integer(0)), Some(Decimal::integer(5))));
//!
//! // Where: line 5, column 37 of `source` (the `5`).
//! let at = e.location(&report, source).unwrap();
//! assert_eq!((at.line, at.column), (5, 37));
//! assert!(e.render(source, "report.txt").starts_with(
//!     "error[T4-GROUP-TOTAL]: table 四, 行政诉讼/未经复议直接起诉: "
//! ));
//! ```

mod arith;
mod completeness;
mod prose;
mod render;
mod series;
mod structure;
#[cfg(test)]
mod tests;

use crate::catalogue::{Edition, T2Block, T2Col, T2Row, T3Col, T3Row, T4Col, T4Row, TableId};
use crate::model::{Cell, Decimal, Report};
use crate::span::{LineIndex, Location, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use render::RenderOptions;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Informational: a check that could not be made (not assessable).
    Info,
    /// A heuristic or structural problem; published reports often have it.
    Warning,
    /// The template's arithmetic or counting rules are broken.
    Error,
}

impl Severity {
    /// `"info"`, `"warning"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $text:literal, $sev:ident; )+) => {
        /// Stable identifier of a validation rule (`T3-IDENTITY`, …).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* #[serde(rename = $text)] $name, )+
        }

        impl Code {
            /// Every rule, in the order the validator runs them.
            pub const ALL: &'static [Code] = &[ $( Code::$name, )+ ];

            /// The stable code text, e.g. `"T3-IDENTITY"`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$name => $text, )+ }
            }

            /// The severity of a failed check of this rule (a check that is not
            /// assessable is always [`Severity::Info`]).
            pub fn severity(self) -> Severity {
                match self { $( Code::$name => Severity::$sev, )+ }
            }

            /// The rule with code text `text` (exact, e.g. `"T4-GROUP-TOTAL"`; the
            /// former `STRUCT-MISSING-TABLE` and `STRUCT-MISSING-ROW` are read as
            /// `COMPLETE-TABLE-MISSING` and `COMPLETE-ROW-MISSING`).
            pub fn parse(text: &str) -> Option<Code> {
                match text {
                    $( $text => Some(Code::$name), )+
                    "STRUCT-MISSING-TABLE" => Some(Code::CompleteTableMissing),
                    "STRUCT-MISSING-ROW" => Some(Code::CompleteRowMissing),
                    _ => None,
                }
            }
        }
    };
}

codes! {
    /// Table 三, per column: 一 + 二 = (七)总计 + 四.
    T3Identity = "T3-IDENTITY", Error;
    /// Table 三, per column: (七)总计 = the sum of the result rows.
    T3ResultsSum = "T3-RESULTS-SUM", Error;
    /// Table 三, per row: 总计 = 自然人 + the five 法人或其他组织 columns.
    T3RowTotal = "T3-ROW-TOTAL", Error;
    /// Table 四, per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    T4GroupTotal = "T4-GROUP-TOTAL", Error;
    /// A count below zero.
    CountNegative = "COUNT-NEGATIVE", Error;
    /// A count with decimals.
    CountFraction = "COUNT-FRACTION", Error;
    /// A template section is absent.
    StructMissingSection = "STRUCT-MISSING-SECTION", Warning;
    /// Template sections out of order.
    StructSectionOrder = "STRUCT-SECTION-ORDER", Warning;
    /// The tables' edition does not fit the report's year.
    StructEditionYear = "STRUCT-EDITION-YEAR", Warning;
    /// A row label the template does not have.
    StructUnknownRow = "STRUCT-UNKNOWN-ROW", Warning;
    /// A row printed with fewer cells than its columns.
    CellMissing = "CELL-MISSING", Warning;
    /// A cell whose text is not a number.
    CellUnreadable = "CELL-UNREADABLE", Warning;
    /// A table of the template was not found (formerly `STRUCT-MISSING-TABLE`).
    CompleteTableMissing = "COMPLETE-TABLE-MISSING", Warning;
    /// A template row was not found (formerly `STRUCT-MISSING-ROW`).
    CompleteRowMissing = "COMPLETE-ROW-MISSING", Warning;
    /// Values read but not used: cells past a row's columns, values outside any
    /// row, the values of a row the template does not have.
    CompleteValueUnused = "COMPLETE-VALUE-UNUSED", Warning;
    /// Values whose cells cannot be told (a table flattened out of order).
    CompleteValueNotPlaced = "COMPLETE-VALUE-NOT-PLACED", Warning;
    /// Per table: template cells without a value, in a table with values not placed
    /// or not used.
    CompleteCellUnread = "COMPLETE-CELL-UNREAD", Warning;
    /// A figure stated in 一、总体情况 differs from the table.
    ProseTable = "PROSE-TABLE", Warning;
    /// 上年结转 of year N differs from 结转下年度继续办理 of year N−1.
    SeriesCarry = "SERIES-CARRY", Warning;
    /// 现行有效件数 does not continue from the previous year.
    SeriesInForce = "SERIES-IN-FORCE", Warning;
}

impl Code {
    /// Whether the rule reports data the parser did not read (`COMPLETE-*`): these
    /// become errors with [`ValidateOptions::strict`].
    pub fn is_completeness(self) -> bool {
        matches!(
            self,
            Code::CompleteTableMissing
                | Code::CompleteRowMissing
                | Code::CompleteValueUnused
                | Code::CompleteValueNotPlaced
                | Code::CompleteCellUnread
        )
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One cell a finding involves, keyed like the tidy cell records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CellRef {
    /// The table: serialized as `二`, `三` or `四`.
    pub table: TableId,
    /// Table 二's block key (`第二十条第(一)项`, …); empty for tables 三 and 四.
    #[serde(default)]
    pub block: Cow<'static, str>,
    /// Canonical row key.
    pub row: Cow<'static, str>,
    /// Canonical column key.
    pub column: Cow<'static, str>,
    /// For series findings: the index of the report the cell belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<usize>,
    /// The cell text as read; `None` when the report does not print the cell.
    pub raw: Option<String>,
    /// The number the cell holds, if any.
    pub value: Option<Decimal>,
    /// Where the cell is in the original input; `None` when not printed.
    pub span: Option<Span>,
}

impl CellRef {
    fn new(
        table: TableId,
        block: &'static str,
        row: &'static str,
        column: &'static str,
        cell: Option<&Cell>,
    ) -> CellRef {
        CellRef {
            table,
            block: Cow::Borrowed(block),
            row: Cow::Borrowed(row),
            column: Cow::Borrowed(column),
            report: None,
            raw: cell.map(|c| c.raw.clone()),
            value: cell.and_then(Cell::number),
            span: cell.map(|c| c.span),
        }
    }

    /// A cell of table 二 in `edition` (the row key depends on the edition).
    pub fn t2(
        edition: Edition,
        block: T2Block,
        row: T2Row,
        col: T2Col,
        cell: Option<&Cell>,
    ) -> CellRef {
        CellRef::new(TableId::T2, block.key(), row.key(edition), col.key(), cell)
    }

    /// A cell of table 三.
    pub fn t3(row: T3Row, col: T3Col, cell: Option<&Cell>) -> CellRef {
        CellRef::new(TableId::T3, "", row.key(), col.key(), cell)
    }

    /// A cell of table 四.
    pub fn t4(row: T4Row, col: T4Col, cell: Option<&Cell>) -> CellRef {
        CellRef::new(TableId::T4, "", row.key(), col.key(), cell)
    }

    /// Whether this names the cell `(table, row, column)` (keys as in the catalogue).
    pub fn is(&self, table: TableId, row: &str, column: &str) -> bool {
        self.table == table && self.row == row && self.column == column
    }

    /// A short human-readable name: `三 本年度办理结果/总计 [自然人]`.
    pub fn label(&self) -> String {
        if self.block.is_empty() {
            format!("{} {} [{}]", self.table.key(), self.row, self.column)
        } else {
            format!(
                "{} {} {} [{}]",
                self.table.key(),
                self.block,
                self.row,
                self.column
            )
        }
    }
}

/// A secondary place a finding points at, with what is there: an operand of a sum,
/// the sentence of the prose that states a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Label {
    /// Where, in the original input.
    pub span: Span,
    /// What is there (`结果维持 [行政复议] = 0`, `stated: 258`).
    pub message: String,
}

impl Label {
    /// A label at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Label {
        // A formatted message has room to spare; findings are kept, the room is not.
        let mut message = message.into();
        message.shrink_to_fit();
        Label { span, message }
    }
}

/// One problem (or one check that could not be made) in a report.
///
/// ```
/// use zfxxgk::validate::{validate, Code, Severity};
/// use zfxxgk::{Decimal, TableId};
///
/// let source = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
///               1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
/// let report = zfxxgk::parse_report(source).unwrap();
/// let f = validate(&report)
///     .into_iter()
///     .find(|f| f.severity == Severity::Error)
///     .unwrap();
/// assert_eq!(f.code, Code::T4GroupTotal);
/// // The cell the rule names as wrong comes first: 行政复议 总计.
/// assert!(f.main_cell().unwrap().is(TableId::T4, "行政复议", "总计"));
/// assert_eq!(f.expected, Some(Decimal::integer(1)));
/// assert_eq!(f.actual, Some(Decimal::integer(2)));
/// assert_eq!(f.difference, Some(Decimal::integer(1)));
/// // Located in the source: line 3.
/// assert_eq!(f.location(&report, source).map(|l| l.line), Some(3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule.
    pub code: Code,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, with the figures (Chinese labels, English prose).
    pub message: String,
    /// The cells involved. When the rule names one cell as wrong (a total, a
    /// negative count), that cell comes first: see [`Finding::main_cell`].
    pub cells: Vec<CellRef>,
    /// The value the rule expects for the main cell (e.g. the sum of the parts).
    pub expected: Option<Decimal>,
    /// The value the main cell holds.
    pub actual: Option<Decimal>,
    /// `actual − expected`.
    pub difference: Option<Decimal>,
    /// Where to point, in the original input: the main cell, or the text concerned.
    pub span: Option<Span>,
    /// For [`validate_series`]: the index of the report concerned in the slice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<usize>,
    /// Secondary places: each operand cell of a sum, the prose statement of a
    /// figure, the cells a completeness finding counts. Rendered under the main line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
}

impl Finding {
    fn new(code: Code, severity: Severity, mut message: String) -> Finding {
        // A formatted message has room to spare; findings are kept, the room is not.
        message.shrink_to_fit();
        Finding {
            code,
            severity,
            message,
            cells: Vec::new(),
            expected: None,
            actual: None,
            difference: None,
            span: None,
            report: None,
            labels: Vec::new(),
        }
    }

    /// The cell the rule names as wrong, if it names one.
    pub fn main_cell(&self) -> Option<&CellRef> {
        self.cells.first()
    }

    /// Whether any involved cell is `(table, row, column)`.
    pub fn involves(&self, table: TableId, row: &str, column: &str) -> bool {
        self.cells.iter().any(|c| c.is(table, row, column))
    }

    /// Line and column of the finding in `source`, the text `report` was parsed from,
    /// using the report's own line index.
    pub fn location(&self, report: &Report, source: &str) -> Option<Location> {
        self.span.map(|s| report.location(source, s))
    }

    /// Line and column of the finding in `source` (the text the report was parsed
    /// from), without the report at hand.
    pub fn locate(&self, source: &str) -> Option<Location> {
        let span = self.span?;
        Some(LineIndex::new(source).location(source, span.start))
    }

    /// The finding as a compiler-style diagnostic: `error[T3-IDENTITY]: …`, then
    /// ` --> path:line:col`, the source line and a `^^^` marker under the cell, and
    /// each label's line with a `---` marker (aligned for a terminal: CJK and
    /// full-width characters are two columns wide). Plain text; see [`render()`] for
    /// colour and for many findings of one source.
    pub fn render(&self, source: &str, path: &str) -> String {
        render::render(self, source, path)
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)
    }
}

/// Where the validator puts its findings, one at a time.
pub trait FindingSink {
    /// Take one finding.
    fn push(&mut self, finding: Finding);
}

impl FindingSink for Vec<Finding> {
    fn push(&mut self, finding: Finding) {
        Vec::push(self, finding);
    }
}

impl<S: FindingSink + ?Sized> FindingSink for &mut S {
    fn push(&mut self, finding: Finding) {
        (**self).push(finding);
    }
}

/// A [`FindingSink`] that calls a closure for each finding.
///
/// ```
/// use zfxxgk::validate::{Finding, FnSink, Severity, Validator};
/// let source = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
/// 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
/// let report = zfxxgk::parse_report(source).unwrap();
/// let mut errors = 0;
/// Validator::new().validate_into(&report, &mut FnSink(|f: Finding| {
///     if f.severity == Severity::Error {
///         errors += 1
///     }
/// }));
/// assert_eq!(errors, 1);
/// ```
pub struct FnSink<F>(pub F);

impl<F: FnMut(Finding)> FindingSink for FnSink<F> {
    fn push(&mut self, finding: Finding) {
        (self.0)(finding);
    }
}

/// Which rules to run, and whether to report checks that could not be made.
///
/// `Validator::default()` runs every rule and reports "not assessable" checks as
/// [`Severity::Info`] findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validator {
    disabled: Vec<Code>,
    not_assessable: bool,
}

impl Default for Validator {
    fn default() -> Self {
        Validator {
            disabled: Vec::new(),
            not_assessable: true,
        }
    }
}

impl Validator {
    /// Every rule, with "not assessable" info findings.
    pub fn new() -> Self {
        Validator::default()
    }

    /// Only the rules in `codes`.
    pub fn only(codes: &[Code]) -> Self {
        Validator {
            disabled: Code::ALL
                .iter()
                .copied()
                .filter(|c| !codes.contains(c))
                .collect(),
            not_assessable: true,
        }
    }

    /// Do not run rule `code`.
    pub fn without(mut self, code: Code) -> Self {
        if !self.disabled.contains(&code) {
            self.disabled.push(code);
        }
        self
    }

    /// Whether to emit an info finding for each check that is not assessable.
    pub fn not_assessable(mut self, report: bool) -> Self {
        self.not_assessable = report;
        self
    }

    /// Whether rule `code` runs.
    pub fn runs(&self, code: Code) -> bool {
        !self.disabled.contains(&code)
    }

    /// Validate one report; findings in the order the rules run (structure,
    /// parser warnings, counts, table 三, table 四, prose).
    pub fn validate(&self, report: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        self.validate_into(report, &mut out);
        out
    }

    /// Validate one report into `sink`.
    pub fn validate_into<S: FindingSink + ?Sized>(&self, report: &Report, sink: &mut S) {
        self.validate_with_into(report, &ValidateOptions::default(), sink);
    }

    /// Validate one report into `sink` with `options` (see [`validate_with`]).
    pub fn validate_with_into<S: FindingSink + ?Sized>(
        &self,
        report: &Report,
        options: &ValidateOptions,
        sink: &mut S,
    ) {
        let mut cx = Cx {
            v: self,
            sink,
            report: None,
            options: options.clone(),
            unread: completeness::unread_tables(report),
        };
        structure::check(report, &mut cx);
        arith::counts(report, &mut cx);
        arith::table3(report, &mut cx);
        arith::table4(report, &mut cx);
        prose::check(report, &mut cx);
    }

    /// Compare consecutive years of one agency's reports (see [`validate_series`]).
    pub fn validate_series(&self, reports: &[Report]) -> Vec<Finding> {
        let mut out = Vec::new();
        self.validate_series_into(reports, &mut out);
        out
    }

    /// Compare consecutive years of one agency's reports into `sink`.
    pub fn validate_series_into<S: FindingSink + ?Sized>(&self, reports: &[Report], sink: &mut S) {
        let mut cx = Cx {
            v: self,
            sink,
            report: None,
            options: ValidateOptions::default(),
            unread: Vec::new(),
        };
        series::check(reports, &mut cx);
    }
}

/// Findings as compiler-style diagnostics, one after the other: for each, the
/// `severity[CODE]: message` line, ` --> file:line:column`, and the source lines of
/// its main span (`^^^`, with what the cell holds) and of each [`Label`] (`---`, the
/// operands of a sum, the prose that states a figure), in input order, `...` between
/// lines that are not adjacent. A line longer than the window shows only
/// [`RenderOptions::context`] columns each side of its span.
///
/// `source` is the text the findings' report was parsed from, `file` the name to print.
///
/// ```
/// use zfxxgk::validate::{render, validate, RenderOptions};
/// let source = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
/// 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
/// let report = zfxxgk::parse_report(source).unwrap();
/// let findings: Vec<_> = validate(&report)
///     .into_iter()
///     .filter(|f| f.code.as_str() == "T4-GROUP-TOTAL")
///     .collect();
/// let text = render(source, "r.txt", &findings, &RenderOptions::default());
/// assert!(text.starts_with("error[T4-GROUP-TOTAL]: "));
/// assert!(text.contains(" --> r.txt:3:17\n"));
/// assert!(text.contains("^ 2, expected 1"));
/// assert!(text.contains("- 结果维持 = 1"));
/// ```
pub fn render(source: &str, file: &str, findings: &[Finding], options: &RenderOptions) -> String {
    let index = LineIndex::new(source);
    findings
        .iter()
        .map(|f| render::render_one(f, source, &index, file, options))
        .collect()
}

/// How findings are graded and filtered.
///
/// `ValidateOptions::default()` reports everything at the rules' own severities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// Completeness warnings (`COMPLETE-*`: tables, rows or values the parser did not
    /// read) become errors: a report with unread cells never passes. For offices
    /// that want a hard gate before publishing. (Surplus zeros beside a table whose
    /// every cell was read are info findings and stay so.)
    pub strict: bool,
    /// Leave out findings below this severity (after `strict` has raised them):
    /// `Some(Severity::Warning)` drops the "not assessable" infos.
    pub min_severity: Option<Severity>,
}

impl ValidateOptions {
    /// Options with `strict` set as given.
    pub fn strict(strict: bool) -> Self {
        ValidateOptions {
            strict,
            ..ValidateOptions::default()
        }
    }

    /// These options, keeping only findings of `severity` or above.
    pub fn min_severity(mut self, severity: Severity) -> Self {
        self.min_severity = Some(severity);
        self
    }
}

/// A finding with its place as line and column, for JSON output: the finding's
/// fields, then `file`, `line` and `column` (1-based; the column counts characters;
/// `null` when the finding has no place) and `label_locations`, the line and column
/// of each of its labels in order.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct LocatedFinding<'a> {
    /// The finding.
    #[serde(flatten)]
    pub finding: &'a Finding,
    /// The file name as given.
    pub file: &'a str,
    /// Line of the finding's span.
    pub line: Option<usize>,
    /// Column of the finding's span.
    pub column: Option<usize>,
    /// Line and column of each of [`Finding::labels`].
    pub label_locations: Vec<Location>,
}

/// The findings of `source` (the text their report was parsed from) with their lines
/// and columns, for JSON output.
///
/// ```
/// use zfxxgk::validate::{locate, validate};
/// let source = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
/// 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
/// let report = zfxxgk::parse_report(source).unwrap();
/// let findings = validate(&report);
/// let located = locate(source, "r.txt", &findings);
/// let total = located.iter().find(|l| l.finding.code.as_str() == "T4-GROUP-TOTAL").unwrap();
/// assert_eq!((total.file, total.line, total.column), ("r.txt", Some(3), Some(17)));
/// assert_eq!(total.label_locations.len(), 4);
/// assert_eq!(total.label_locations[0].column, 1);
/// ```
pub fn locate<'a>(source: &str, file: &'a str, findings: &'a [Finding]) -> Vec<LocatedFinding<'a>> {
    let index = LineIndex::new(source);
    findings
        .iter()
        .map(|f| {
            let at = f.span.map(|s| index.location(source, s.start));
            LocatedFinding {
                finding: f,
                file,
                line: at.map(|l| l.line),
                column: at.map(|l| l.column),
                label_locations: f
                    .labels
                    .iter()
                    .map(|l| index.location(source, l.span.start))
                    .collect(),
            }
        })
        .collect()
}

/// Validate one report with every rule, graded and filtered by `options`.
///
/// ```
/// use zfxxgk::validate::{validate_with, Code, Severity, ValidateOptions};
/// // Table 三 is cut off after its first row: its other rows were not read.
/// let source = "三、收到和处理政府信息公开申请情况\n\
/// 一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n";
/// let report = zfxxgk::parse_report(source).unwrap();
///
/// let lenient = validate_with(&report, &ValidateOptions::default());
/// assert!(lenient.iter().any(|f| f.code == Code::CompleteRowMissing));
/// assert!(lenient.iter().all(|f| f.severity != Severity::Error));
///
/// let strict = validate_with(&report, &ValidateOptions::strict(true));
/// let missing = strict.iter().find(|f| f.code == Code::CompleteRowMissing).unwrap();
/// assert_eq!(missing.severity, Severity::Error);
///
/// let quiet = ValidateOptions::default().min_severity(Severity::Warning);
/// assert!(validate_with(&report, &quiet).iter().all(|f| f.severity >= Severity::Warning));
/// ```
pub fn validate_with(report: &Report, options: &ValidateOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    Validator::default().validate_with_into(report, options, &mut out);
    out
}

/// Validate one report with every rule.
///
/// See the [module documentation](self) for the rules. Of the parser's
/// [`Warning`](crate::Warning)s, these also become findings (read from the warnings'
/// fields, never from their messages):
///
/// | warning kind | finding |
/// |---|---|
/// | `MissingSection` | `STRUCT-MISSING-SECTION`, where the section should have been |
/// | `MissingTable` | `COMPLETE-TABLE-MISSING` (also for a table absent from the model without a warning) |
/// | `MissingRow` | `COMPLETE-ROW-MISSING`, where the row should have been |
/// | `ExtraCell`, `StrayValue` | `COMPLETE-VALUE-UNUSED`, the values as labels |
/// | `UnknownRow` | with values `COMPLETE-VALUE-UNUSED`, else `STRUCT-UNKNOWN-ROW` |
/// | `Misaligned`, `NotPlaced` | `COMPLETE-VALUE-NOT-PLACED` |
/// | `MissingCell` | `CELL-MISSING` |
/// | `UnreadableCell` | `CELL-UNREADABLE` (once per cell, with the cells of the model that hold unreadable text) |
///
/// and each table with values not placed or not used gets `COMPLETE-CELL-UNREAD`. The
/// others (truncated headers, fuzzy or duplicate labels, the edition, pre-2019 sums)
/// stay warnings only.
///
/// ```
/// use zfxxgk::validate::{validate, Code, Severity};
///
/// // Table 四 with one value missing, and no other section.
/// let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
///             1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
/// let report = zfxxgk::parse_report(text).unwrap();
/// let findings = validate(&report);
/// let not_placed = findings
///     .iter()
///     .find(|f| f.code == Code::CompleteValueNotPlaced)
///     .unwrap();
/// assert_eq!(not_placed.severity, Severity::Warning);
/// // 14 values for 15 cells: none is placed, each is reported with its candidates.
/// assert!(not_placed.message.contains("14 field(s) for 15 columns"));
/// // Five template sections are missing.
/// let sections = findings.iter().filter(|f| f.code == Code::StructMissingSection).count();
/// assert_eq!(sections, 5);
/// ```
pub fn validate(report: &Report) -> Vec<Finding> {
    Validator::default().validate(report)
}

/// Validate one report with every rule, into `sink`.
pub fn validate_into<S: FindingSink + ?Sized>(report: &Report, sink: &mut S) {
    Validator::default().validate_into(report, sink);
}

/// Compare the reports of each agency across years.
///
/// The reports are grouped by their metadata agency and ordered by year (reports
/// without a year are skipped), and each report of year N is compared with its
/// agency's report of year N−1 only: time O(n log n) and memory O(n) for n reports,
/// so a dataset of 100 000 reports is checked in one call. When the reports name at
/// most one agency they are taken as one agency's (those without an agency included);
/// otherwise a report without an agency is compared with none. A year given twice:
/// its first report in input order is used. For each pair (N−1, N):
///
/// * `SERIES-CARRY`: table 三 `上年结转政府信息公开申请数量` of N equals
///   `结转下年度继续办理` of N−1, per column;
/// * `SERIES-IN-FORCE`: when both use the 2021 table 二, `现行有效件数` of N equals
///   `现行有效件数` of N−1 + `本年制发件数` − `本年废止件数` of N, for 规章 and
///   行政规范性文件.
///
/// Both are warnings (the chain restarts, revisions count as 制发). Each rule gives at
/// most one finding per pair: its main cell is the first column (row) that differs,
/// the others are named in its message and listed in its cells. Each finding's
/// [`Finding::report`] is the index of the year-N report; its span points into that
/// report's input, and each [`CellRef::report`] says which report a cell is from.
/// Checks with a missing or non-numeric operand are skipped. Per-report rules are not
/// run: call [`validate`] on each report for those.
pub fn validate_series(reports: &[Report]) -> Vec<Finding> {
    Validator::default().validate_series(reports)
}

/// The context the rules write through: options, sink, and the report index for
/// series findings.
pub(crate) struct Cx<'a, S: FindingSink + ?Sized> {
    v: &'a Validator,
    sink: &'a mut S,
    report: Option<usize>,
    options: ValidateOptions,
    /// Tables with values the parser did not place or use: their cells that are not
    /// in the model are "not read", not "not printed".
    unread: Vec<TableId>,
}

impl<S: FindingSink + ?Sized> Cx<'_, S> {
    fn runs(&self, code: Code) -> bool {
        self.v.runs(code)
    }

    /// Why an operand of `table` cannot be used, said truthfully: a cell that is not
    /// in the model is "not read" when its table has values that were not placed.
    fn absent(&self, table: TableId, why: &'static str) -> &'static str {
        if why == "not printed" && self.unread.contains(&table) {
            "not read"
        } else {
            why
        }
    }

    fn emit(&mut self, mut f: Finding) {
        if !self.v.runs(f.code) {
            return;
        }
        if f.severity == Severity::Info && !self.v.not_assessable {
            return;
        }
        if self.options.strict && f.code.is_completeness() && f.severity == Severity::Warning {
            f.severity = Severity::Error;
        }
        if self
            .options
            .min_severity
            .is_some_and(|min| f.severity < min)
        {
            return;
        }
        if f.report.is_none() {
            f.report = self.report;
        }
        self.sink.push(f);
    }
}
