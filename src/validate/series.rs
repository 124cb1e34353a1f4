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

/// Run the series rules on every pair (year N−1, year N).
pub(super) fn check<S: FindingSink + ?Sized>(reports: &[Report], cx: &mut Cx<'_, S>) {
    let mut dated: Vec<(u16, usize)> = reports
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.metadata.year.as_ref().map(|y| (y.value, i)))
        .collect();
    dated.sort_unstable();
    for &(year, cur) in &dated {
        for &(_, prev) in dated
            .iter()
            .filter(|(y, _)| year.checked_sub(1) == Some(*y))
        {
            let (Some(p), Some(c)) = (reports.get(prev), reports.get(cur)) else {
                continue;
            };
            cx.report = Some(cur);
            carry(p, prev, c, cur, cx);
            in_force(p, prev, c, cur, cx);
            cx.report = None;
        }
    }
}

fn t2_cell(t: &ActiveDisclosure, row: T2Row, col: T2Col) -> Option<&Cell> {
    t.slot(row, col).and_then(Option::as_ref)
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
    for col in T3_COLUMNS {
        let now = c.cell(T3Row::CarriedOver, col);
        let before = p.cell(T3Row::CarriedForward, col);
        let (Ok(actual), Ok(expected)) = (operand(now), operand(before)) else {
            continue;
        };
        if actual == expected {
            continue;
        }
        let mut f = Finding::new(
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
        f.expected = Some(expected);
        f.actual = Some(actual);
        f.difference = actual.checked_sub(expected);
        f.span = now.map(|n| n.span);
        f.report = Some(ci);
        f.cells = vec![
            tagged(CellRef::t3(T3Row::CarriedOver, col, now), ci),
            tagged(CellRef::t3(T3Row::CarriedForward, col, before), pi),
        ];
        cx.emit(f);
    }
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
            let mut f = Finding::new(
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
            f.expected = Some(expected);
            f.actual = Some(actual);
            f.difference = actual.checked_sub(expected);
            f.span = now.map(|n| n.span);
            f.report = Some(ci);
            f.cells = vec![
                tagged(CellRef::t2(e, b.block, row, T2Col::InForce, now), ci),
                tagged(CellRef::t2(e, b.block, row, T2Col::InForce, before), pi),
                tagged(CellRef::t2(e, b.block, row, T2Col::Issued, issued), ci),
                tagged(CellRef::t2(e, b.block, row, T2Col::Repealed, repealed), ci),
            ];
            cx.emit(f);
        }
    }
}
