//! Table 三 in reading order (`pdftotext` without `-layout`): one cell per line, the
//! values of a band of rows printed together, some bands row by row and some column
//! by column, and the labels somewhere else (often after their values).
//!
//! The grid is rebuilt from the runs of values: each run holds whole rows (a multiple
//! of seven values), the runs follow the template's rows in order, and within a run
//! each band of rows is read row by row or column by column — whichever makes every
//! row's 总计 the sum of its six columns ([`band_readings`]). Runs of labels check the
//! alignment: a row label printed just before a run must name one of that run's rows.
//! The readings are then kept only where the column identities (results add up to
//! （七）总计, 新收 + 结转 = 总计 + 结转下年度) hold ([`super::joint`]), and a cell is
//! placed only where every reading that survives agrees.

use super::arith::{t3_shape, Shape};
use super::joint::{survivors, Joint, State};
use crate::catalogue::{Edition, T3Row, T3_ROWS};
use std::ops::Range;

/// Most readings of one run kept; a run with more is not placed.
pub const MAX_RUN_READINGS: usize = 64;
/// Most search steps for one run.
pub const MAX_RUN_STEPS: usize = 50_000;
/// Most values read from one table (25 rows of 7, with room for stray numbers).
pub const MAX_VALUES: usize = 400;

/// A run of values, one per line, with the row label printed just before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueRun {
    /// The values with their ranges in the text.
    pub values: Vec<(i64, Range<usize>)>,
    /// The row whose label stands just before the run, if any.
    pub label_before: Option<T3Row>,
}

/// Lines of page furniture between cells (`-3-`, `— 3 —`).
fn is_footer(line: &str) -> bool {
    let t = line.trim();
    let inner = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | ' '));
    t.len() > inner.len() && !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit())
}

fn is_number(line: &str) -> Option<i64> {
    let t = line.trim();
    if t.is_empty() || t.len() > 12 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if t.len() > 1 && t.starts_with('0') {
        return None;
    }
    t.parse().ok()
}

/// The row a line labels: its numbering, then the first characters of the row's
/// label (labels are often cut short or damaged further on).
pub fn row_of_label(line: &str, rows: &[T3Row]) -> Option<T3Row> {
    let t: String = line.split_whitespace().collect();
    rows.iter().copied().find(|r| {
        let d = r.def();
        let head: String = d.label.chars().take(4).collect();
        let Some(p) = t.find(&head) else {
            return false;
        };
        let before = t.get(..p).unwrap_or("");
        let num_ok = match d.numbering {
            crate::catalogue::Numbering::Arabic(n) => {
                before.ends_with(&format!("{n}.")) || before.ends_with(&format!("{n}、"))
            }
            crate::catalogue::Numbering::Paren(n) => before.ends_with(&format!("({})", cn(n))),
            crate::catalogue::Numbering::Chinese(n) => before.ends_with(&format!("{}、", cn(n))),
        };
        num_ok && before.chars().count() <= 4
    })
}

fn cn(n: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

/// The runs of values in `text[range]` (blank lines and page footers skipped; any
/// other line ends a run).
pub fn value_runs(text: &str, range: Range<usize>, rows: &[T3Row]) -> Vec<ValueRun> {
    let Some(region) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out: Vec<ValueRun> = Vec::new();
    let mut current: Option<ValueRun> = None;
    // The last few text lines since the previous value, for the label before a run.
    let mut recent: Vec<&str> = Vec::new();
    let mut total = 0usize;
    let mut off = range.start;
    for line in region.split_inclusive('\n') {
        let start = off;
        off += line.len();
        if line.trim().is_empty() || is_footer(line) {
            continue;
        }
        if let Some(v) = is_number(line) {
            total += 1;
            if total > MAX_VALUES {
                return Vec::new();
            }
            let lead = line.len() - line.trim_start().len();
            let r = start + lead..start + line.trim_end().len();
            match current.as_mut() {
                Some(run) => run.values.push((v, r)),
                None => {
                    let label_before = recent
                        .iter()
                        .rev()
                        .take(3)
                        .find_map(|l| row_of_label(l, rows));
                    current = Some(ValueRun {
                        values: vec![(v, r)],
                        label_before,
                    });
                }
            }
            recent.clear();
        } else {
            if let Some(run) = current.take() {
                out.push(run);
            }
            recent.push(line);
        }
    }
    if let Some(run) = current.take() {
        out.push(run);
    }
    out
}

/// One reading of a run: its values cell by cell in row order, and for each cell the
/// index of the value it takes (`None` where readings giving these same values take
/// it from different places).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The values, row by row.
    pub values: Vec<i64>,
    /// Where each value comes from in the run.
    pub from: Vec<Option<usize>>,
}

/// How many values stand one per line in `text[range]` (for reports).
pub fn value_count(text: &str, range: Range<usize>) -> usize {
    text.get(range)
        .map_or(0, |t| t.lines().filter(|l| is_number(l).is_some()).count())
}

/// The readings of a run of `7·m` values as `m` rows: the run split into bands, each
/// read row by row (one row) or column by column (several rows), keeping the
/// readings whose every row holds its row sums. Readings that give the same values
/// are one. Built band by band over the rows (distinct prefixes only), so the work
/// is polynomial in the run; `None` when more than [`MAX_RUN_READINGS`] distinct
/// prefixes or [`MAX_RUN_STEPS`] band checks are needed.
pub fn band_readings(values: &[i64], shape: &Shape) -> Option<Vec<Reading>> {
    let cols = shape.cols;
    if cols == 0 || values.len() % cols != 0 {
        return Some(Vec::new());
    }
    let m = values.len() / cols;
    // prefixes[j]: distinct readings of rows 0..j.
    let mut prefixes: Vec<Vec<Reading>> = vec![Vec::new(); m + 1];
    if let Some(p) = prefixes.get_mut(0) {
        p.push(Reading {
            values: Vec::new(),
            from: Vec::new(),
        });
    }
    let mut steps = 0usize;
    for j in 1..=m {
        let mut here: Vec<Reading> = Vec::new();
        for k in 1..=j {
            steps += 1;
            if steps > MAX_RUN_STEPS {
                return None;
            }
            let start = j - k;
            if prefixes.get(start).is_none_or(Vec::is_empty) {
                continue;
            }
            // Band of rows start..j, row by row when k = 1, else column by column.
            let mut band_vals = Vec::with_capacity(k * cols);
            let mut band_from = Vec::with_capacity(k * cols);
            let mut ok = true;
            for i in 0..k {
                let idx: Vec<usize> = (0..cols)
                    .map(|c| start * cols + if k == 1 { c } else { c * k + i })
                    .collect();
                let row: Vec<Option<i64>> = idx.iter().map(|&x| values.get(x).copied()).collect();
                if row.iter().any(Option::is_none) || !shape.row_holds(&row) {
                    ok = false;
                    break;
                }
                band_vals.extend(row.into_iter().flatten());
                band_from.extend(idx);
            }
            if !ok {
                continue;
            }
            for p in prefixes.get(start).into_iter().flatten() {
                let mut vals = p.values.clone();
                vals.extend_from_slice(&band_vals);
                let mut from = p.from.clone();
                from.extend(band_from.iter().map(|&i| Some(i)));
                match here.iter_mut().find(|r| r.values == vals) {
                    Some(r) => {
                        for (a, b) in r.from.iter_mut().zip(&from) {
                            if *a != *b {
                                *a = None;
                            }
                        }
                    }
                    None => {
                        if here.len() >= MAX_RUN_READINGS {
                            return None;
                        }
                        here.push(Reading { values: vals, from });
                    }
                }
            }
        }
        if let Some(slot) = prefixes.get_mut(j) {
            *slot = here;
        }
    }
    prefixes.pop()
}

/// What a cell of the rebuilt table became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuilt {
    /// Every surviving reading gives this value, read from this range.
    Pinned(i64, Range<usize>),
    /// Not placed: the values the readings give.
    NotPlaced(Vec<i64>),
}

/// Table 三 rebuilt from reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebuiltTable {
    /// The rows, in template order, with their seven cells.
    pub rows: Vec<(T3Row, Vec<Rebuilt>)>,
    /// Whether the column identities were checked and hold for some reading.
    pub solved: bool,
}

/// The rows a report prints for `edition` with `n` rows: the 2021 edition also
/// comes with （六）其他处理 as one row (23 rows).
fn row_set(edition: Edition, n: usize) -> Option<Vec<T3Row>> {
    let of = |e: Edition| -> Vec<T3Row> {
        T3_ROWS
            .iter()
            .filter(|d| d.editions.contains(&e))
            .map(|d| d.row)
            .collect()
    };
    let full = of(edition);
    if full.len() == n {
        return Some(full);
    }
    if edition == Edition::E2021 {
        let single: Vec<T3Row> = of(Edition::E2019);
        if single.len() == n {
            return Some(single);
        }
    }
    None
}

/// Rebuild table 三 from the value runs of `text[range]`. `None` when the text is not
/// in reading order (no run of values one per line longer than a row). A table in
/// reading order whose runs are not whole rows of the template, or where a label
/// printed before a run names neither its rows nor the previous run's (labels come
/// before or after their values), has nothing placed.
pub fn rebuild(text: &str, range: Range<usize>, edition: Edition) -> Option<RebuiltTable> {
    let all: Vec<T3Row> = T3_ROWS.iter().map(|d| d.row).collect();
    let runs = value_runs(text, range, &all);
    // Reading order shows itself in runs of more than one row.
    if !runs.iter().any(|r| r.values.len() > 7) {
        return None;
    }
    let unsolved = RebuiltTable {
        rows: Vec::new(),
        solved: false,
    };
    let total: usize = runs.iter().map(|r| r.values.len()).sum();
    if runs.iter().any(|r| r.values.len() % 7 != 0) {
        return Some(unsolved);
    }
    let Some(rows) = row_set(edition, total / 7) else {
        return Some(unsolved);
    };
    let shape = t3_shape(&rows);
    // Each run's rows, in template order.
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for r in &runs {
        let m = r.values.len() / 7;
        if let Some(label) = r.label_before {
            let previous = spans.last().cloned().unwrap_or(0..0);
            let near = previous.start..at + m;
            if !rows.get(near).is_some_and(|rs| rs.contains(&label)) {
                return Some(unsolved);
            }
        }
        spans.push(at..at + m);
        at += m;
    }
    let readings: Vec<Option<Vec<Reading>>> = runs
        .iter()
        .map(|r| {
            let vals: Vec<i64> = r.values.iter().map(|v| v.0).collect();
            band_readings(&vals, &shape)
        })
        .collect();
    // Every run needs a reading for the identities to be checked; otherwise the
    // runs' alignment with the rows is not confirmed and nothing is placed.
    let known = readings
        .iter()
        .all(|r| r.as_ref().is_some_and(|v| !v.is_empty()));
    let dim = shape.col_identities.len() * 7;
    let none = vec![Vec::new(); readings.len()];
    let (alive, solved) = if known {
        let contribs: Vec<Vec<State>> = readings
            .iter()
            .zip(&spans)
            .map(|(r, span)| {
                r.iter()
                    .flatten()
                    .map(|rd| contribution(&rd.values, span, &shape, dim))
                    .collect()
            })
            .collect();
        match survivors(&contribs, dim) {
            Joint::Solved(a) => (a, true),
            Joint::Contradiction | Joint::Capped => (none, false),
        }
    } else {
        (none, false)
    };
    let mut out = Vec::new();
    for (p, (run, span)) in runs.iter().zip(&spans).enumerate() {
        let reads: &[Reading] = readings.get(p).and_then(|r| r.as_deref()).unwrap_or(&[]);
        let ks: &[usize] = alive.get(p).map_or(&[], |v| v.as_slice());
        for (i, row) in rows.get(span.clone()).unwrap_or(&[]).iter().enumerate() {
            let cells = (0..7)
                .map(|c| {
                    let idx = i * 7 + c;
                    let pick = |set: &mut dyn Iterator<Item = usize>| -> Vec<i64> {
                        let mut v: Vec<i64> = set
                            .filter_map(|k| reads.get(k).and_then(|g| g.values.get(idx)).copied())
                            .collect();
                        v.sort_unstable();
                        v.dedup();
                        v
                    };
                    let vals = pick(&mut ks.iter().copied());
                    match vals.as_slice() {
                        [v] => {
                            // The value's own line when every reading takes it from
                            // the same one, else the run.
                            let mut lines: Vec<Option<usize>> = ks
                                .iter()
                                .filter_map(|&k| {
                                    reads.get(k).and_then(|g| g.from.get(idx)).copied()
                                })
                                .collect();
                            lines.sort_unstable();
                            lines.dedup();
                            let at = match lines.as_slice() {
                                [Some(l)] => run.values.get(*l).map(|x| x.1.clone()),
                                _ => None,
                            }
                            .unwrap_or_else(|| whole(&run.values));
                            Rebuilt::Pinned(*v, at)
                        }
                        _ => Rebuilt::NotPlaced(pick(&mut (0..reads.len()))),
                    }
                })
                .collect();
            out.push((*row, cells));
        }
    }
    Some(RebuiltTable { rows: out, solved })
}

fn whole(values: &[(i64, Range<usize>)]) -> Range<usize> {
    let s = values.first().map_or(0, |v| v.1.start);
    let e = values.last().map_or(s, |v| v.1.end);
    s..e
}

fn contribution(grid: &[i64], span: &Range<usize>, shape: &Shape, dim: usize) -> State {
    let mut v = vec![0i64; dim];
    for (i, id) in shape.col_identities.iter().enumerate() {
        for &(row, sign) in id {
            if !span.contains(&row) {
                continue;
            }
            let r = row - span.start;
            for c in 0..7 {
                let x = grid.get(r * 7 + c).copied().unwrap_or(0);
                if let Some(slot) = v.get_mut(i * 7 + c) {
                    *slot = slot.saturating_add(sign.saturating_mul(x));
                }
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::recover::arith::t3_shape;

    #[test]
    fn bands_row_by_row_or_column_by_column() {
        let shape = t3_shape(&[T3Row::NewRequests]);
        // One row, then two rows column by column.
        let vals = [
            4, 0, 0, 0, 0, 0, 4, //
            1, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 10,
        ];
        let r = band_readings(&vals, &shape).unwrap_or_default();
        let got: Vec<Vec<i64>> = r.iter().map(|g| g.values.clone()).collect();
        assert_eq!(
            got,
            vec![vec![
                4, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 1, 10, 0, 0, 0, 0, 0, 10
            ]]
        );
    }

    #[test]
    fn zero_runs_are_one_reading() {
        let shape = t3_shape(&[T3Row::NewRequests]);
        let r = band_readings(&[0; 7 * 25], &shape).unwrap_or_default();
        assert_eq!(r.len(), 1);
        assert!(r[0].from.iter().all(Option::is_none) || r[0].from.len() == 175);
    }

    #[test]
    fn footers_and_labels() {
        assert!(is_footer("-3-"));
        assert!(is_footer("— 4 —"));
        assert!(!is_footer("3"));
        let all: Vec<T3Row> = T3_ROWS.iter().map(|d| d.row).collect();
        assert_eq!(
            row_of_label("2.其他法律行政止公开", &all),
            Some(T3Row::WithheldByLaw)
        );
        assert_eq!(row_of_label("(七)总计", &all), Some(T3Row::ResultsTotal));
        assert_eq!(row_of_label("总计", &all), None);
    }
}
