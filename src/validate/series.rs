//! Rules across years of one agency's reports: `SERIES-CARRY` (template §4.1 H1)
//! and `SERIES-IN-FORCE` (§4.3 H6).

use super::arith::{operand, sum};
use super::{CellRef, Code, Cx, Finding, FindingSink};
use crate::catalogue::{t2_blocks, Edition, T2Col, T2Row, T3Row, T3_COLUMNS};
use crate::model::{ActiveDisclosure, Cell, Report};

fn tagged(mut r: CellRef, report: usize) -> CellRef {
    r.report = Some(report);
    r
}

/// Run the series rules on each pair of consecutive years of one agency.
///
/// Reports are keyed by (agency, year, index) and sorted once; after the sort, the
/// reports of one agency are adjacent and in year order, so each report is compared
/// with its neighbour only: O(n log n) time and O(n) memory for n reports.
///
/// When the reports name at most one agency, they are taken as one agency's (those
/// without an agency included); otherwise reports without an agency are not compared
/// with any other (never guessed into a group). A year given twice: its first report
/// in input order is used.
pub(super) fn check<S: FindingSink + ?Sized>(reports: &[Report], cx: &mut Cx<'_, S>) {
    let mut keyed: Vec<(Option<&str>, u16, usize)> = reports
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let agency = r.metadata.agency.as_ref().map(|a| a.value.as_str());
            r.metadata.year.as_ref().map(|y| (agency, y.value, i))
        })
        .collect();
    let mut named = keyed.iter().filter_map(|k| k.0);
    let first = named.next();
    let one_agency = named.all(|a| Some(a) == first);
    if one_agency {
        for k in &mut keyed {
            k.0 = None;
        }
    } else {
        keyed.retain(|k| k.0.is_some());
    }
    keyed.sort_unstable();
    keyed.dedup_by(|later, kept| later.0 == kept.0 && later.1 == kept.1);
    for pair in keyed.windows(2) {
        let [(a0, y0, prev), (a1, y1, cur)] = pair else {
            continue;
        };
        if a0 != a1 || y0.checked_add(1) != Some(*y1) {
            continue;
        }
        let (Some(p), Some(c)) = (reports.get(*prev), reports.get(*cur)) else {
            continue;
        };
        cx.report = Some(*cur);
        carry(p, *prev, c, *cur, cx);
        in_force(p, *prev, c, *cur, cx);
        cx.report = None;
    }
}

fn t2_cell(t: &ActiveDisclosure, row: T2Row, col: T2Col) -> Option<&Cell> {
    t.slot(row, col).and_then(Option::as_ref)
}

/// Emit a rule's one finding of a pair of years (its first difference), naming the
/// other `places` that differ too.
fn emit_first<S: FindingSink + ?Sized>(
    cx: &mut Cx<'_, S>,
    first: Option<Finding>,
    others: &[String],
    places: &str,
) {
    let Some(mut f) = first else {
        return;
    };
    if !others.is_empty() {
        f.message.push_str(&format!(
            "; also in {} other {places}: {}",
            others.len(),
            others.join(", ")
        ));
    }
    cx.emit(f);
}

fn year_of(r: &Report) -> String {
    r.metadata
        .year
        .as_ref()
        .map_or_else(|| "?".to_string(), |y| y.value.to_string())
}

fn carry<S: FindingSink + ?Sized>(
    prev: &Report,
    pi: usize,
    cur: &Report,
    ci: usize,
    cx: &mut Cx<'_, S>,
) {
    if !cx.runs(Code::SeriesCarry) {
        return;
    }
    let (Some(p), Some(c)) = (prev.tables.requests.as_ref(), cur.tables.requests.as_ref()) else {
        return;
    };
    // One finding for the pair: the first column that differs is its main cell, the
    // others are listed with their cells.
    let mut f: Option<Finding> = None;
    let mut others = Vec::new();
    for col in T3_COLUMNS {
        let now = c.cell(T3Row::CarriedOver, col);
        let before = p.cell(T3Row::CarriedForward, col);
        let (Ok(actual), Ok(expected)) = (operand(now), operand(before)) else {
            continue;
        };
        if actual == expected {
            continue;
        }
        let cells = [
            tagged(CellRef::t3(T3Row::CarriedOver, col, now), ci),
            tagged(CellRef::t3(T3Row::CarriedForward, col, before), pi),
        ];
        match f.as_mut() {
            Some(f) => {
                others.push(format!("{} {actual} ≠ {expected}", col.key()));
                f.cells.extend(cells);
            }
            None => {
                let mut first = Finding::new(
                    Code::SeriesCarry,
                    Code::SeriesCarry.severity(),
                    format!(
                        "table 三, column {}: {} of {} is {actual}, but {} of {} is {expected}",
                        col.key(),
                        T3Row::CarriedOver.key(),
                        year_of(cur),
                        T3Row::CarriedForward.key(),
                        year_of(prev),
                    ),
                );
                first.expected = Some(expected);
                first.actual = Some(actual);
                first.difference = actual.checked_sub(expected);
                first.span = now.map(|n| n.span);
                first.report = Some(ci);
                first.cells = cells.to_vec();
                f = Some(first);
            }
        }
    }
    emit_first(cx, f, &others, "column(s)");
}

fn in_force<S: FindingSink + ?Sized>(
    prev: &Report,
    pi: usize,
    cur: &Report,
    ci: usize,
    cx: &mut Cx<'_, S>,
) {
    if !cx.runs(Code::SeriesInForce) {
        return;
    }
    let (Some(p @ ActiveDisclosure::E2021(_)), Some(c @ ActiveDisclosure::E2021(_))) = (
        prev.tables.active_disclosure.as_ref(),
        cur.tables.active_disclosure.as_ref(),
    ) else {
        return;
    };
    let e = Edition::E2021;
    // One finding for the pair: the first row that differs is its main cell.
    let mut f: Option<Finding> = None;
    let mut others = Vec::new();
    for b in t2_blocks(e)
        .iter()
        .filter(|b| b.columns.contains(&T2Col::InForce))
    {
        for &row in b.rows {
            let now = t2_cell(c, row, T2Col::InForce);
            let before = t2_cell(p, row, T2Col::InForce);
            let issued = t2_cell(c, row, T2Col::Issued);
            let repealed = t2_cell(c, row, T2Col::Repealed);
            let (Ok(actual), Ok(b0), Ok(plus), Ok(minus)) = (
                operand(now),
                operand(before),
                operand(issued),
                operand(repealed),
            ) else {
                continue;
            };
            let Some(expected) = sum([b0, plus]).and_then(|s| s.checked_sub(minus)) else {
                continue;
            };
            if actual == expected {
                continue;
            }
            let cells = [
                tagged(CellRef::t2(e, b.block, row, T2Col::InForce, now), ci),
                tagged(CellRef::t2(e, b.block, row, T2Col::InForce, before), pi),
                tagged(CellRef::t2(e, b.block, row, T2Col::Issued, issued), ci),
                tagged(CellRef::t2(e, b.block, row, T2Col::Repealed, repealed), ci),
            ];
            if let Some(f) = f.as_mut() {
                others.push(format!(
                    "{} {} {actual} ≠ {expected}",
                    b.block.key(),
                    row.key(e)
                ));
                f.cells.extend(cells);
                continue;
            }
            let mut first = Finding::new(
                Code::SeriesInForce,
                Code::SeriesInForce.severity(),
                format!(
                    "table 二 {} {}: {} of {} is {actual}, but {} of {} + {} − {} = {b0} + {plus} − {minus} = {expected}",
                    b.block.key(),
                    row.key(e),
                    T2Col::InForce.key(),
                    year_of(cur),
                    T2Col::InForce.key(),
                    year_of(prev),
                    T2Col::Issued.key(),
                    T2Col::Repealed.key(),
                ),
            );
            first.expected = Some(expected);
            first.actual = Some(actual);
            first.difference = actual.checked_sub(expected);
            first.span = now.map(|n| n.span);
            first.report = Some(ci);
            first.cells = cells.to_vec();
            f = Some(first);
        }
    }
    emit_first(cx, f, &others, "row(s)");
}
