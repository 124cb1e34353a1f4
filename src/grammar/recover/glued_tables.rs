//! Tables printed without cell separators, read from their runs ([`super::runs`])
//! and solved by the template's arithmetic ([`super::glued`]): the cells every
//! surviving splitting agrees on are placed; the others are reported with their
//! candidates.

use super::arith::{t3_rows, t3_shape, t4_shape, Shape};
use super::glued::{solve_table, split_row, CellOutcome, RowSplits};
use super::runs::{t2_runs, t3_runs, t4_run, Run};
use crate::catalogue::{Edition, T2Block, T2Row, T3Row, TableId, T3_COLUMNS, T4_COLUMNS, T4_ROWS};
use crate::grammar::tables::Sink;
use crate::lex::value::parse_value;
use crate::model::cell::{Cell, Decimal, Placement, Value};
use crate::model::tables::{ActiveDisclosure, Appeals, Requests};
use crate::model::warning::{NotPlacedValue, UnusedValue, WarningKind};
use std::ops::Range;

fn number(v: i64) -> Value {
    Value::Number {
        value: Decimal::integer(v),
        unit: None,
        approximate: false,
    }
}

/// Whether a run has fewer space-separated pieces than the row has cells.
fn is_glued(run: &str, cols: usize) -> bool {
    run.split(' ').filter(|p| !p.is_empty()).count() < cols
}

/// Whether a run prints `cols` cells as at most half as many pieces (a row that only
/// lost a blank cell has nearly all its pieces).
fn is_mostly_glued(run: &str, cols: usize) -> bool {
    let pieces = run.split(' ').filter(|p| !p.is_empty()).count();
    let digits = run.bytes().filter(u8::is_ascii_digit).count();
    pieces * 2 <= cols && digits >= cols
}

/// Report a row's cells that are not placed (one [`WarningKind::NotPlaced`] per row):
/// each candidate value with the cell it could stand in, or, where the row's
/// splittings are not known, its whole run with every cell not placed.
#[allow(clippy::too_many_arguments)]
fn report_row(
    sink: &mut Sink<'_>,
    table: TableId,
    block: Option<&str>,
    what: &str,
    run: &str,
    range: Range<usize>,
    cols: usize,
    unplaced: &[(String, Vec<i64>)],
) {
    if unplaced.is_empty() {
        return;
    }
    let span = sink.span(range.clone());
    let mut values: Vec<NotPlacedValue> = Vec::new();
    let unknown: Vec<String> = unplaced
        .iter()
        .filter(|(_, c)| c.is_empty())
        .map(|(col, _)| col.clone())
        .collect();
    if !unknown.is_empty() {
        values.push(NotPlacedValue {
            value: UnusedValue::new(run, span),
            candidates: unknown,
        });
    }
    for (col, cands) in unplaced {
        for v in cands {
            values.push(NotPlacedValue {
                value: UnusedValue::new(v.to_string(), span),
                candidates: vec![col.clone()],
            });
        }
    }
    sink.warn(
        WarningKind::NotPlaced {
            table,
            block: block.map(str::to_string),
            row: Some(what.to_string()),
            found: cols - unplaced.len(),
            expected: cols,
            values,
            or_row: None,
        },
        range,
    );
}

/// Table 三 printed glued, when most of its rows are found as runs and at least one
/// run is glued; `None` leaves the table to the reader.
pub fn table3(
    text: &str,
    region: Range<usize>,
    edition: Edition,
    sink: &mut Sink<'_>,
) -> Option<Requests> {
    let rows = t3_rows(edition);
    let runs: Vec<Run<T3Row>> = t3_runs(text, region, &rows);
    // Glued, not merely missing a blank cell: a third of the rows found print their
    // seven cells as at most three pieces.
    let glued = runs.iter().filter(|r| is_mostly_glued(&r.text, 7)).count();
    if runs.len() * 2 < rows.len() || glued * 3 < runs.len() {
        return None;
    }
    let present: Vec<T3Row> = runs.iter().map(|r| r.row).collect();
    let shape = t3_shape(&present);
    let splits: Vec<RowSplits> = runs.iter().map(|r| split_row(&r.text, &shape)).collect();
    let sol = solve_table(&splits, &shape);
    let mut table = Requests::default();
    for (i, run) in runs.iter().enumerate() {
        let Some(cells) = sol.rows.get(i) else {
            continue;
        };
        let mut unplaced = Vec::new();
        let mut row = crate::model::tables::Applicants::default();
        for (col, outcome) in T3_COLUMNS.iter().zip(cells) {
            match outcome {
                CellOutcome::Pinned(v) => {
                    *row.slot_mut(*col) = Some(Cell {
                        value: number(*v),
                        raw: v.to_string(),
                        span: sink.span(run.range.clone()),
                        placement: Placement::Arithmetic,
                        note: None,
                    });
                }
                CellOutcome::NotPlaced(c) => unplaced.push((col.label().to_string(), c.clone())),
            }
        }
        // The row is printed even when none of its cells is placed: it is reported
        // below, not missing.
        *table.row_mut(run.row) = Some(row);
        report_row(
            sink,
            TableId::T3,
            None,
            run.row.key(),
            &run.text,
            run.range.clone(),
            7,
            &unplaced,
        );
    }
    Some(table)
}

/// Table 二 printed glued: a one-column row is its whole run; a row of several
/// columns is placed only when its run splits one way alone (table 二 has no
/// identities).
///
/// Returns the table and the rows printed but with no cell placed (reported here, so
/// not missing).
pub fn table2(
    text: &str,
    region: Range<usize>,
    edition: Edition,
    sink: &mut Sink<'_>,
) -> Option<(ActiveDisclosure, Vec<(T2Block, T2Row)>)> {
    // What the report states before the table, for rows that split several ways.
    let prose = text.get(..region.start).unwrap_or("");
    let runs = t2_runs(text, region, edition);
    let glued = runs
        .iter()
        .any(|(r, _, cols)| cols.len() > 1 && is_glued(&r.text, cols.len()));
    if runs.is_empty() || !glued {
        return None;
    }
    let mut table = ActiveDisclosure::empty(edition)?;
    let mut unplaced_rows = Vec::new();
    for (run, block, cols) in &runs {
        let declared = |col: &crate::catalogue::T2Col| col.declared_unit();
        let place = |table: &mut ActiveDisclosure, sink: &mut Sink<'_>, i: usize, raw: &str| {
            let Some(col) = cols.get(i) else { return };
            let value = parse_value(raw, declared(col));
            if let Some(slot) = table.slot_mut(run.row, *col) {
                // One column, or one splitting only: the row label and the digits
                // pin it (table 二 has no identities).
                *slot = Some(Cell {
                    value,
                    raw: raw.to_string(),
                    span: sink.span(run.range.clone()),
                    placement: Placement::Label,
                    note: None,
                });
            }
        };
        if cols.len() == 1 && !run.text.contains(' ') {
            place(&mut table, sink, 0, &run.text);
            continue;
        }
        let names: Vec<String> = cols.iter().map(|c| c.key().to_string()).collect();
        if run.text.contains('.') {
            let unplaced: Vec<(String, Vec<i64>)> =
                names.iter().map(|n| (n.clone(), Vec::new())).collect();
            report_row(
                sink,
                TableId::T2,
                Some(block.key()),
                run.row.key(edition),
                &run.text,
                run.range.clone(),
                cols.len(),
                &unplaced,
            );
            unplaced_rows.push((*block, run.row));
            continue;
        }
        let shape = Shape::plain(cols.len());
        // Splittings that disagree with a figure the text states for this row and
        // column are dropped (all kept when none agrees).
        let said = super::prose::stated(prose, run.row, cols);
        let splits = match split_row(&run.text, &shape) {
            RowSplits::Found(all) if said.iter().any(Option::is_some) => {
                let agree = |s: &&Vec<i64>| {
                    said.iter()
                        .zip(s.iter())
                        .all(|(st, v)| st.is_none_or(|x| x == *v))
                };
                let kept: Vec<Vec<i64>> = all.iter().filter(agree).cloned().collect();
                RowSplits::Found(if kept.is_empty() { all } else { kept })
            }
            other => other,
        };
        let sol = solve_table(std::slice::from_ref(&splits), &shape);
        let mut unplaced = Vec::new();
        for (i, outcome) in sol.rows.first().into_iter().flatten().enumerate() {
            match outcome {
                CellOutcome::Pinned(v) => place(&mut table, sink, i, &v.to_string()),
                CellOutcome::NotPlaced(c) => {
                    unplaced.push((names.get(i).cloned().unwrap_or_default(), c.clone()))
                }
            }
        }
        if unplaced.len() == cols.len() {
            unplaced_rows.push((*block, run.row));
        }
        report_row(
            sink,
            TableId::T2,
            Some(block.key()),
            run.row.key(edition),
            &run.text,
            run.range.clone(),
            cols.len(),
            &unplaced,
        );
    }
    Some((table, unplaced_rows))
}

/// Table 四 as one run of fifteen cells (glued, or bare numbers with no header row),
/// placed where its three group totals pin it.
pub fn table4(text: &str, region: Range<usize>, sink: &mut Sink<'_>) -> Option<Appeals> {
    let (range, run) = t4_run(text, region)?;
    let shape = t4_shape();
    let splits = split_row(&run, &shape);
    let sol = solve_table(std::slice::from_ref(&splits), &shape);
    let mut table = Appeals::default();
    let mut unplaced = Vec::new();
    let mut cells = sol.rows.first().into_iter().flatten();
    for row in T4_ROWS {
        for col in T4_COLUMNS {
            match cells.next() {
                Some(CellOutcome::Pinned(v)) => {
                    *table.group_mut(row).slot_mut(col) = Some(Cell {
                        value: number(*v),
                        raw: v.to_string(),
                        span: sink.span(range.clone()),
                        placement: Placement::Arithmetic,
                        note: None,
                    });
                }
                Some(CellOutcome::NotPlaced(c)) => {
                    unplaced.push((format!("{}/{}", row.key(), col.key()), c.clone()))
                }
                None => {}
            }
        }
    }
    report_row(
        sink,
        TableId::T4,
        None,
        "行政复议、行政诉讼",
        &run,
        range,
        15,
        &unplaced,
    );
    Some(table)
}

/// The reader's warnings about `table`'s values it could not align (missing, extra,
/// stray, misaligned, not placed), dropped once a recovery has rebuilt the table.
fn drop_alignment_warnings(sink: &mut Sink<'_>, table: TableId) {
    sink.warnings.retain(|w| {
        w.table() != Some(table)
            || !matches!(
                w.kind,
                WarningKind::MissingCell { .. }
                    | WarningKind::ExtraCell { .. }
                    | WarningKind::StrayValue { .. }
                    | WarningKind::Misaligned { .. }
                    | WarningKind::NotPlaced { .. }
            )
    });
}

/// Table 三 rebuilt from reading order ([`super::reading_order`]) in place of what
/// the reader made of it. In reading order the reader's cells have no anchor it can
/// trust (a label is often printed after its values, so the values after a label are
/// another row's): a cell is what the rebuilt table pins (the reader's cell kept where
/// it holds the same value); where the rebuilt table pins nothing, the reader's value
/// is not used and is reported with the candidates. `None` when the text is not in
/// reading order.
pub fn table3_reading_order(
    text: &str,
    region: Range<usize>,
    edition: Edition,
    core: Option<&Requests>,
    sink: &mut Sink<'_>,
) -> Option<Requests> {
    use super::reading_order::{rebuild, Rebuilt};
    let rebuilt = rebuild(text, region.clone(), edition)?;
    let core = core.cloned().unwrap_or_default();
    // The reader's complaints about rows it could not read are answered here.
    drop_alignment_warnings(sink, TableId::T3);
    if !rebuilt.solved {
        // Nothing pins the values: none is used (the reader's, read after labels,
        // included).
        let values = crate::grammar::recover::reading_order::value_count(text, region.clone());
        sink.warn(
            WarningKind::Misaligned {
                table: TableId::T3,
                row: None,
                values,
            },
            region.start..region.start,
        );
        return Some(Requests::default());
    }
    let mut table = Requests::default();
    for (row, cells) in &rebuilt.rows {
        let mut unplaced = Vec::new();
        let mut out = crate::model::tables::Applicants::default();
        for (col, cell) in T3_COLUMNS.iter().zip(cells) {
            let theirs = core.cell(*row, *col);
            // A blank the reader put in a row it could not align is no evidence.
            let held = theirs.filter(|c| c.value != Value::Blank);
            match cell {
                Rebuilt::Pinned(v, range) => match held.map(Cell::integer) {
                    None => {
                        *out.slot_mut(*col) = Some(Cell {
                            value: number(*v),
                            raw: v.to_string(),
                            span: sink.span(range.clone()),
                            placement: Placement::Arithmetic,
                            note: None,
                        });
                    }
                    Some(Some(x)) if x == *v => {
                        *out.slot_mut(*col) = theirs.cloned();
                    }
                    // The reader's value came from the values after a label, which in
                    // reading order are often another row's; the arithmetic decides.
                    Some(_) => {
                        *out.slot_mut(*col) = Some(Cell {
                            value: number(*v),
                            raw: v.to_string(),
                            span: sink.span(range.clone()),
                            placement: Placement::Arithmetic,
                            note: None,
                        });
                    }
                },
                Rebuilt::NotPlaced(c) => {
                    let mut c = c.clone();
                    c.extend(held.and_then(Cell::integer));
                    c.sort_unstable();
                    c.dedup();
                    unplaced.push((col.label().to_string(), c));
                }
            }
        }
        *table.row_mut(*row) = Some(out);
        let span = region.start..region.start;
        report_row(sink, TableId::T3, None, row.key(), "", span, 7, &unplaced);
    }
    Some(table)
}

/// Table 四 printed in reading order ([`super::t4_flow`]): the cells every order of
/// its runs that makes the group totals hold agrees on are placed, the others
/// reported with their candidates. In reading order the printed order of the values
/// is no anchor, so what the reader read (`reader`) is kept only where the rebuilt
/// table pins the same value. `None` when the text is not in reading order or no
/// order holds (what the reader made of it stands).
pub fn table4_reading_order(
    text: &str,
    region: Range<usize>,
    reader: Option<&Appeals>,
    sink: &mut Sink<'_>,
) -> Option<Appeals> {
    use super::t4_flow::{rebuild, Flow, FlowCell};
    let Flow::Solved(flow) = rebuild(text, region.clone()) else {
        return None;
    };
    // The reader's complaints about the values it could not align are answered here.
    drop_alignment_warnings(sink, TableId::T4);
    sink.unplaced.retain(|u| u.place.table != TableId::T4);
    let mut table = Appeals::default();
    let mut unplaced = Vec::new();
    let mut cells = flow.cells.iter();
    let mut span = region.start..region.start;
    for row in T4_ROWS {
        for col in T4_COLUMNS {
            match cells.next() {
                Some(FlowCell::Pinned(v, at)) => {
                    if span.is_empty() {
                        span = at.clone();
                    }
                    span = span.start.min(at.start)..span.end.max(at.end);
                    let theirs = reader.and_then(|t| t.cell(row, col));
                    if let Some(c) = theirs.filter(|c| c.integer() == Some(*v)) {
                        *table.group_mut(row).slot_mut(col) = Some(c.clone());
                        continue;
                    }
                    *table.group_mut(row).slot_mut(col) = Some(Cell {
                        value: number(*v),
                        raw: v.to_string(),
                        span: sink.span(at.clone()),
                        placement: Placement::Arithmetic,
                        note: None,
                    });
                }
                Some(FlowCell::NotPlaced(c)) => {
                    let mut c = c.clone();
                    c.extend(
                        reader
                            .and_then(|t| t.cell(row, col))
                            .and_then(Cell::integer),
                    );
                    c.sort_unstable();
                    c.dedup();
                    unplaced.push((format!("{}/{}", row.key(), col.key()), c))
                }
                None => {}
            }
        }
    }
    // The printed values no cell took, each with the cells it could stand in.
    let cell_name = |k: usize| -> String {
        let row = T4_ROWS.get(k / 5);
        let col = T4_COLUMNS.get(k % 5);
        match (row, col) {
            (Some(r), Some(c)) => format!("{}/{}", r.key(), c.key()),
            _ => String::new(),
        }
    };
    let loose: Vec<NotPlacedValue> = flow
        .values
        .iter()
        .filter(|(_, _, at)| {
            at.is_empty()
                || at
                    .iter()
                    .any(|k| matches!(flow.cells.get(*k), Some(FlowCell::NotPlaced(_))))
        })
        .map(|(v, r, at)| NotPlacedValue {
            value: UnusedValue::new(v.to_string(), sink.span(r.clone())),
            candidates: at.iter().map(|k| cell_name(*k)).collect(),
        })
        .collect();
    if !unplaced.is_empty() {
        let start = flow
            .values
            .iter()
            .map(|v| v.1.start)
            .min()
            .unwrap_or(span.start);
        let end = flow.values.iter().map(|v| v.1.end).max().unwrap_or(start);
        sink.warn(
            WarningKind::NotPlaced {
                table: TableId::T4,
                block: None,
                row: Some("行政复议、行政诉讼".to_string()),
                found: 15 - unplaced.len(),
                expected: 15,
                values: loose,
                or_row: None,
            },
            start..end,
        );
    }
    Some(table)
}

/// Table 三's result rows printed away from their labels ([`super::t3_orphans`]):
/// where the rows of values no label claims are exactly the result rows the reader
/// left empty, each cell every possible matching agrees on is placed (by the row's
/// own label fragment when it alone names the row, else by the arithmetic); the rest
/// is reported with its candidates.
pub fn table3_orphans(
    text: &str,
    region: Range<usize>,
    edition: Edition,
    requests: &mut Option<Requests>,
    sink: &mut Sink<'_>,
) {
    use super::t3_orphans::{orphans, solve, Outcome};
    let Some(table) = requests.as_mut() else {
        return;
    };
    let present = |r: T3Row| table.row(r).is_some_and(|a| a.cells().next().is_some());
    let rows = t3_rows(edition);
    // Orphan rows only fill result rows the reader left empty: with none, there is
    // nothing to look for (and the line scan below is the cost of a whole parse).
    if rows.iter().all(|r| !r.is_result_leaf() || present(*r)) {
        return;
    }
    let spans: Vec<(usize, usize)> = table
        .cells()
        .map(|(_, _, c)| (c.span.start, c.span.end))
        .collect();
    let norm_span = |r: Range<usize>| sink.span(r);
    let used = |line: Range<usize>| {
        let s = norm_span(line);
        spans.iter().any(|&(a, b)| a < s.end && b > s.start)
    };
    let found = orphans(text, region.clone(), &rows, &used);
    if found.is_empty() {
        return;
    }
    let value = |r: T3Row, c: usize| -> Option<i64> {
        let col = T3_COLUMNS.get(c)?;
        table.cell(r, *col).and_then(Cell::integer)
    };
    let said = super::prose::stated_results(text.get(..region.start).unwrap_or(""));
    let Some(solved) = solve(edition, &found, &value, &present, said) else {
        return;
    };
    // The reader's complaints about these lines are answered here.
    let lines: Vec<Range<usize>> = found.iter().map(|o| o.line.clone()).collect();
    let orig: Vec<(usize, usize)> = lines
        .iter()
        .map(|l| {
            let s = sink.span(l.clone());
            (s.start, s.end)
        })
        .collect();
    sink.warnings.retain(|w| {
        let hits = orig
            .iter()
            .any(|&(a, b)| w.span.start < b && w.span.end > a);
        !(hits
            && w.table() == Some(TableId::T3)
            && matches!(
                w.kind,
                WarningKind::ExtraCell { .. }
                    | WarningKind::UnknownRow { .. }
                    | WarningKind::StrayValue { .. }
                    | WarningKind::Misaligned { .. }
                    | WarningKind::NotPlaced { .. }
            ))
    });
    sink.unplaced.retain(|u| {
        u.place.table != TableId::T3
            || !u
                .fields
                .iter()
                .any(|(_, f)| lines.iter().any(|l| f.start < l.end && f.end > l.start))
    });
    for (row, cells) in solved {
        let mut out = table.row(row).cloned().unwrap_or_default();
        let mut unplaced = Vec::new();
        let mut at: Option<Range<usize>> = None;
        for (c, (col, cell)) in T3_COLUMNS.iter().zip(&cells).enumerate() {
            match cell {
                Outcome::Pinned {
                    value,
                    from,
                    by_label,
                } => {
                    // The value's own range when one orphan stands in the row, else
                    // the lines of those that could.
                    let ranges: Vec<Range<usize>> = from
                        .iter()
                        .filter_map(|&o| found.get(o))
                        .map(|o| match (from.len(), o.values.get(c)) {
                            (1, Some(v)) => v.1.clone(),
                            _ => o.line.clone(),
                        })
                        .collect();
                    let start = ranges.iter().map(|r| r.start).min().unwrap_or(region.start);
                    let end = ranges.iter().map(|r| r.end).max().unwrap_or(start);
                    at = Some(at.map_or(start..end, |a| a.start.min(start)..a.end.max(end)));
                    *out.slot_mut(*col) = Some(Cell {
                        value: number(*value),
                        raw: value.to_string(),
                        span: sink.span(start..end),
                        placement: if *by_label {
                            Placement::Label
                        } else {
                            Placement::Arithmetic
                        },
                        note: None,
                    });
                }
                Outcome::NotPlaced(c) => unplaced.push((col.label().to_string(), c.clone())),
            }
        }
        if out.cells().next().is_some() {
            *table.row_mut(row) = Some(out);
        }
        let span = at.unwrap_or(region.start..region.start);
        report_row(sink, TableId::T3, None, row.key(), "", span, 7, &unplaced);
    }
}
