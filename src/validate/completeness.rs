//! Completeness: what the report prints that the parser did not read, as findings.
//!
//! A report whose tables were read only in part must not pass as clean. Every parser
//! warning about data that was not read becomes one finding (one per fact, with its
//! counts, and labels on the values concerned), and each table with values the parser
//! could not place or use gets one summary naming how many of its template cells were
//! not read. [`fact`] is the one place where a warning kind is mapped to a
//! completeness code: a new kind about unread data is mapped there.
//!
//! | code | from | what |
//! |---|---|---|
//! | `COMPLETE-TABLE-MISSING` | `MissingTable` | a table of the template was not found |
//! | `COMPLETE-ROW-MISSING` | `MissingRow` | a template row was not found |
//! | `COMPLETE-VALUE-UNUSED` | `ExtraCell`, `StrayValue`, `UnknownRow` with values | values read but not used |
//! | `COMPLETE-VALUE-NOT-PLACED` | `Misaligned`, `NotPlaced` | values whose cells cannot be told |
//! | `COMPLETE-CELL-UNREAD` | the above, per table | template cells without a value in a table that has values not placed or not used |
//!
//! They are warnings; with [`ValidateOptions::strict`](super::ValidateOptions) they
//! are errors.

use super::arith::result_leaves;
use super::{Code, Cx, Finding, FindingSink, Label, Severity};
use crate::catalogue::{Edition, TableId, T3_ROWS};
use crate::model::warning::UnusedValue;
use crate::model::{Report, Value, Warning, WarningKind};
use crate::span::Span;

/// What one warning says was not read.
pub(super) struct Fact<'a> {
    /// The completeness code.
    pub(super) code: Code,
    /// The table.
    pub(super) table: TableId,
    /// How many values of the input were not used (0 for rows and tables not found).
    pub(super) values: usize,
    /// The values, where the warning keeps them.
    pub(super) unused: &'a [UnusedValue],
}

/// The completeness fact of a parser warning, if it is about data not read. (Kinds
/// about data that was read, such as a fuzzy label or an unreadable cell, are not.)
pub(super) fn fact(kind: &WarningKind) -> Option<Fact<'_>> {
    let f = |code, table: &TableId, values, unused| {
        Some(Fact {
            code,
            table: *table,
            values,
            unused,
        })
    };
    match kind {
        WarningKind::MissingTable { table, .. } => f(Code::CompleteTableMissing, table, 0, &[]),
        WarningKind::MissingRow { table, .. } => f(Code::CompleteRowMissing, table, 0, &[]),
        WarningKind::ExtraCell {
            table,
            found,
            expected,
            unused,
            ..
        } => f(
            Code::CompleteValueUnused,
            table,
            found.saturating_sub(*expected).max(unused.len()),
            unused,
        ),
        WarningKind::StrayValue { table, unused, .. } => {
            f(Code::CompleteValueUnused, table, unused.len(), unused)
        }
        WarningKind::UnknownRow { table, unused, .. } if !unused.is_empty() => {
            f(Code::CompleteValueUnused, table, unused.len(), unused)
        }
        WarningKind::Misaligned { table, values, .. } => {
            f(Code::CompleteValueNotPlaced, table, *values, &[])
        }
        WarningKind::NotPlaced { table, values, .. } => {
            f(Code::CompleteValueNotPlaced, table, values.len(), &[])
        }
        _ => None,
    }
}

/// The tables with values the parser did not place or use.
pub(super) fn unread_tables(report: &Report) -> Vec<TableId> {
    let mut out = Vec::new();
    for w in &report.warnings {
        if let Some(f) = fact(&w.kind) {
            if f.values > 0 && !out.contains(&f.table) {
                out.push(f.table);
            }
        }
    }
    out
}

/// Template cells of table 三 (its rows in the report's edition, 其他处理 as printed)
/// and table 四; `None` for table 二.
fn template_cells(report: &Report, table: TableId) -> Option<usize> {
    match table {
        TableId::T3 => {
            let t = report.tables.requests.as_ref()?;
            let leaves = result_leaves(t, report.edition);
            let rows = T3_ROWS
                .iter()
                .filter(|d| !d.row.is_result_leaf() || leaves.contains(&d.row))
                .count();
            Some(rows * 7)
        }
        TableId::T4 => Some(15),
        _ => None,
    }
}

/// Cells of `table` in the model; with `filled`, only those holding something (a
/// number, a dash, text): a row read short has blanks where its missing cells are.
fn read_cells(report: &Report, table: TableId, filled: bool) -> usize {
    report
        .tables
        .iter_cells()
        .filter(|(t, c)| *t == table && (!filled || c.value != Value::Blank))
        .count()
}

/// Whether every template cell of `table` was read: no row missing, no cell missing,
/// nothing misaligned, and (tables 三 and 四) as many cells as the template has.
fn fully_read(report: &Report, table: TableId) -> bool {
    let gaps = report.warnings.iter().any(|w| {
        w.kind.table() == Some(table)
            && matches!(
                w.kind,
                WarningKind::MissingTable { .. }
                    | WarningKind::MissingRow { .. }
                    | WarningKind::MissingCell { .. }
                    | WarningKind::Misaligned { .. }
                    | WarningKind::NotPlaced { .. }
            )
    });
    let present = match table {
        TableId::T2 => report.tables.active_disclosure.is_some(),
        TableId::T3 => report.tables.requests.is_some(),
        TableId::T4 => report.tables.appeals.is_some(),
    };
    let counted =
        template_cells(report, table).is_none_or(|all| read_cells(report, table, false) >= all);
    present && !gaps && counted
}

/// Whether every value is a zero (`0`, `0件`).
fn all_zero(values: &[UnusedValue]) -> bool {
    !values.is_empty()
        && values.iter().all(|v| {
            let t = v.text.trim();
            t.starts_with('0')
                && t.trim_start_matches('0')
                    .chars()
                    .all(|c| !c.is_ascii_digit() && c != '.')
        })
}

/// The finding of warning `w` (`fully_read` tells whether a table was read in full).
fn finding(
    report: &Report,
    w: &Warning,
    f: &Fact<'_>,
    fully_read: &mut impl FnMut(TableId) -> bool,
) -> Finding {
    let message = match &w.kind {
        WarningKind::MissingTable { table, image } => {
            let name = match table.topic().template_heading() {
                Some((_, heading)) => format!("table {} ({heading})", table.key()),
                None => format!("table {}", table.key()),
            };
            if let Some(src) = image {
                format!("{name} is published as an image ({src}), not as text")
            } else if report.section(table.topic()).is_some() {
                format!("{name} was not found (its section has no table: published as an image?)")
            } else {
                format!("{name} was not found")
            }
        }
        _ => w.message(),
    };
    // Surplus zeros beside a table whose every template cell was read leave no cell
    // unread and change no figure: noted, not warned about.
    let severity =
        if f.code == Code::CompleteValueUnused && all_zero(f.unused) && fully_read(f.table) {
            Severity::Info
        } else {
            f.code.severity()
        };
    let mut out = Finding::new(f.code, severity, message);
    out.span = Some(w.span);
    // The first value is where the finding points when the warning is about values.
    if let Some(first) = f.unused.first() {
        out.span = Some(first.span);
    }
    out.labels = f
        .unused
        .iter()
        .skip(1)
        .map(|v| Label::new(v.span, format!("`{}` not used", v.text)))
        .collect();
    out
}

/// Every completeness finding, parser warnings first, then one summary per table.
pub(super) fn check<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if report.edition == Edition::Legacy {
        return;
    }
    // Per table: values not placed or used, rows not found, first place.
    let mut per_table: Vec<(TableId, usize, usize, Span)> = Vec::new();
    // Whether each table was read in full, decided once per table: each decision
    // reads every warning, and a report can have a warning per line.
    let mut decided: Vec<(TableId, bool)> = Vec::new();
    let mut fully = |table: TableId| match decided.iter().find(|(t, _)| *t == table) {
        Some(&(_, full)) => full,
        None => {
            let full = fully_read(report, table);
            decided.push((table, full));
            full
        }
    };
    for w in &report.warnings {
        let Some(f) = fact(&w.kind) else {
            continue;
        };
        if cx.runs(f.code) {
            cx.emit(finding(report, w, &f, &mut fully));
        }
        let rows = usize::from(f.code == Code::CompleteRowMissing);
        match per_table.iter_mut().find(|(t, ..)| *t == f.table) {
            Some((_, values, missing, _)) => {
                *values += f.values;
                *missing += rows;
            }
            None => per_table.push((f.table, f.values, rows, w.span)),
        }
    }
    // A table absent from the model that the parser did not warn about (a report
    // built or edited by a program): where its section is.
    let t = &report.tables;
    for (table, present) in [
        (TableId::T2, t.active_disclosure.is_some()),
        (TableId::T3, t.requests.is_some()),
        (TableId::T4, t.appeals.is_some()),
    ] {
        let warned = report
            .warnings
            .iter()
            .any(|w| matches!(w.kind, WarningKind::MissingTable { table: t, .. } if t == table));
        if present || warned || !cx.runs(Code::CompleteTableMissing) {
            continue;
        }
        let w = Warning::new(
            WarningKind::MissingTable { table, image: None },
            report
                .section(table.topic())
                .map_or(Span::default(), |s| s.heading_span),
        );
        let mut f = finding(
            report,
            &w,
            &Fact {
                code: Code::CompleteTableMissing,
                table,
                values: 0,
                unused: &[],
            },
            &mut fully,
        );
        f.span = report.section(table.topic()).map(|s| s.heading_span);
        cx.emit(f);
    }
    if !cx.runs(Code::CompleteCellUnread) {
        return;
    }
    for (table, values, rows, at) in per_table {
        if values == 0 || fully_read(report, table) {
            continue;
        }
        let read = read_cells(report, table, true);
        let message = match template_cells(report, table) {
            Some(all) => format!(
                "table {}: {} of its {all} template cells were not read ({read} read){}; \
                 {values} value(s) printed in it were not placed or not used",
                table.key(),
                all.saturating_sub(read),
                if rows > 0 {
                    format!(", {rows} row(s) not found")
                } else {
                    String::new()
                }
            ),
            None => format!(
                "table {}: {values} value(s) printed in it were not placed or not used \
                 ({read} cells read)",
                table.key()
            ),
        };
        let mut f = Finding::new(
            Code::CompleteCellUnread,
            Code::CompleteCellUnread.severity(),
            message,
        );
        f.span = Some(at);
        cx.emit(f);
    }
}
