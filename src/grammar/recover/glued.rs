//! Glued digit runs split by the template's arithmetic.
//!
//! Portals that strip cell borders print a row's cells with nothing between them
//! (`640020470` for 64 0 0 2 0 4 70). Each run is split every way that gives the row
//! its cells with no leading zeros (a lone `0` is a cell) and a space never inside a
//! cell; only splittings whose row sums hold are kept ([`split_row`]). Then the
//! table's column identities choose among the rows' splittings ([`solve_table`]): a
//! cell is placed only where every splitting that survives agrees on it, and
//! otherwise reported with its candidates.
//!
//! The work is bounded: cells longer than [`MAX_CELL_DIGITS`] are not considered (a
//! longer run has no splitting, found by its length alone), a row's search stops
//! after [`MAX_ROW_STEPS`] steps or [`MAX_ROW_CANDIDATES`] splittings, and the table's
//! search keeps at most `joint::MAX_STATES` partial sums. Past a bound the row (or table)
//! is reported as not placed, never guessed, so solving stays linear in the number
//! of rows and digits.

use super::arith::Shape;
use std::collections::HashMap;

/// Longest cell, in digits, a splitting may produce (counts of applications and
/// cases; the largest figures in real tables have seven digits).
pub const MAX_CELL_DIGITS: usize = 12;
/// Most splittings of one row kept; a row with more is not placed.
pub const MAX_ROW_CANDIDATES: usize = 1024;
/// Most search steps for one row; a row that needs more is not placed.
pub const MAX_ROW_STEPS: usize = 100_000;

/// The splittings of one row's run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSplits {
    /// Every splitting whose row sums hold (at least one, at most
    /// [`MAX_ROW_CANDIDATES`]).
    Found(Vec<Vec<i64>>),
    /// No splitting gives the row its cells with its sums holding.
    Impossible,
    /// The search hit a bound: the row's splittings are not known.
    Capped,
}

/// The digit pieces of a run: digits separated by spaces (a space is always a cell
/// boundary). `None` when the run holds anything but ASCII digits and spaces, or no
/// digit.
pub fn pieces(run: &str) -> Option<Vec<&str>> {
    if !run.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
        return None;
    }
    let p: Vec<&str> = run.split(' ').filter(|s| !s.is_empty()).collect();
    if p.is_empty() {
        None
    } else {
        Some(p)
    }
}

struct Search<'s, 'a> {
    shape: &'s Shape,
    pieces: &'s [&'a str],
    /// For each piece, the fewest and most cells what follows it (itself excluded)
    /// can take.
    after_min: Vec<usize>,
    after_max: Vec<usize>,
    cells: Vec<i64>,
    out: Vec<Vec<i64>>,
    steps: usize,
    capped: bool,
    /// Longest cell, in digits.
    width: usize,
    /// When the row's total is fixed beforehand: the sum every cell adds to (each cell
    /// is at most it, so at most as long).
    target: Option<i64>,
    sum: i64,
}

impl Search<'_, '_> {
    fn run(&mut self, piece: usize, offset: usize) {
        if self.capped {
            return;
        }
        self.steps += 1;
        if self.steps > MAX_ROW_STEPS {
            self.capped = true;
            return;
        }
        let k = self.cells.len();
        let Some(p) = self.pieces.get(piece) else {
            if k == self.shape.cols && self.target.is_none_or(|t| t == self.sum) {
                if self.out.len() >= MAX_ROW_CANDIDATES {
                    self.capped = true;
                } else {
                    self.out.push(self.cells.clone());
                }
            }
            return;
        };
        let rest = p.get(offset..).unwrap_or("");
        let left = self.shape.cols - k;
        let (lo, hi) = (
            self.after_min.get(piece).copied().unwrap_or(0),
            self.after_max.get(piece).copied().unwrap_or(0),
        );
        // This piece's remainder needs between ceil(len/width) and len cells.
        if left < lo + rest.len().div_ceil(self.width) || left > hi + rest.len() {
            return;
        }
        let max_len = if rest.starts_with('0') {
            1
        } else {
            rest.len().min(self.width)
        };
        for len in 1..=max_len {
            let Some(digits) = rest.get(..len) else {
                break;
            };
            let Ok(v) = digits.parse::<i64>() else {
                break;
            };
            if !self.fits(k, v) {
                continue;
            }
            if let Some(t) = self.target {
                if self.sum.saturating_add(v) > t {
                    break;
                }
            }
            self.sum += v;
            self.cells.push(v);
            if offset + len == p.len() {
                self.run(piece + 1, 0);
            } else {
                self.run(piece, offset + len);
            }
            self.cells.pop();
            self.sum -= v;
            if self.capped {
                return;
            }
        }
    }

    /// Whether value `v` in column `k` keeps the row sums that end at `k`.
    fn fits(&self, k: usize, v: i64) -> bool {
        self.shape.row_sums.iter().all(|s| {
            if s.total != k {
                return true;
            }
            let sum = (s.first..s.first + s.count)
                .try_fold(0i64, |a, c| a.checked_add(*self.cells.get(c)?));
            sum == Some(v)
        })
    }
}

/// Split one row's run into `shape.cols` cells every way whose row sums hold.
///
/// ```
/// use zfxxgk::__internal::recover::{arith, glued};
/// let shape = arith::t4_shape();
/// let splits = glued::split_row("10203120001200000", &shape);
/// assert_eq!(
///     splits,
///     glued::RowSplits::Found(vec![vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]])
/// );
/// ```
pub fn split_row(run: &str, shape: &Shape) -> RowSplits {
    let Some(pieces) = pieces(run) else {
        return RowSplits::Impossible;
    };
    let digits: usize = pieces.iter().map(|p| p.len()).sum();
    // Decided by length alone: linear in the run, whatever its size.
    if shape.cols == 0
        || pieces.len() > shape.cols
        || digits < shape.cols
        || digits > shape.cols.saturating_mul(MAX_CELL_DIGITS)
    {
        return RowSplits::Impossible;
    }
    let mut steps = 0;
    let mut out = Vec::new();
    let mut capped = false;
    match shape.row_sums.as_slice() {
        // One sum whose total is the last cell (table 三): the total is a suffix of
        // the run, so it is chosen first and every other cell is bounded by it.
        [s] if s.first == 0 && s.count + 1 == shape.cols && s.total == s.count => {
            let (Some(last), Some(head)) = (pieces.last(), pieces.split_last().map(|x| x.1)) else {
                return RowSplits::Impossible;
            };
            let addends = Shape::plain(s.count);
            for len in 1..=last.len().min(MAX_CELL_DIGITS) {
                let cut = last.len() - len;
                let (Some(rest), Some(total)) = (last.get(..cut), last.get(cut..)) else {
                    continue;
                };
                if total.len() > 1 && total.starts_with('0') {
                    continue;
                }
                let Ok(t) = total.parse::<i64>() else {
                    continue;
                };
                let mut prefix: Vec<&str> = head.to_vec();
                if !rest.is_empty() {
                    prefix.push(rest);
                }
                let (found, used, hit) = search(&prefix, &addends, len, Some(t), steps);
                steps = used;
                for mut cells in found {
                    cells.push(t);
                    if out.len() >= MAX_ROW_CANDIDATES {
                        capped = true;
                        break;
                    }
                    out.push(cells);
                }
                if hit || capped {
                    capped = true;
                    break;
                }
            }
        }
        _ => {
            let (found, _, hit) = search(&pieces, shape, MAX_CELL_DIGITS, None, 0);
            out = found;
            capped = hit;
        }
    }
    if capped {
        RowSplits::Capped
    } else if out.is_empty() {
        RowSplits::Impossible
    } else {
        RowSplits::Found(out)
    }
}

/// Every splitting of `pieces` into `shape.cols` cells of at most `width` digits
/// (adding up to `target` when given), continuing a step count: (splittings, steps
/// used, whether a bound was hit).
fn search(
    pieces: &[&str],
    shape: &Shape,
    width: usize,
    target: Option<i64>,
    steps: usize,
) -> (Vec<Vec<i64>>, usize, bool) {
    let n = pieces.len();
    let mut after_min = vec![0; n];
    let mut after_max = vec![0; n];
    for i in (0..n.saturating_sub(1)).rev() {
        let next = pieces.get(i + 1).map_or(0, |p| p.len());
        after_min[i] = after_min[i + 1] + next.div_ceil(width.max(1));
        after_max[i] = after_max[i + 1] + next;
    }
    let mut s = Search {
        shape,
        pieces,
        after_min,
        after_max,
        cells: Vec::with_capacity(shape.cols),
        out: Vec::new(),
        steps,
        capped: false,
        width: width.max(1),
        target,
        sum: 0,
    };
    if n > 0 {
        s.run(0, 0);
    }
    (s.out, s.steps, s.capped)
}

/// What became of one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellOutcome {
    /// Every surviving splitting gives this value.
    Pinned(i64),
    /// Not placed: the values the surviving splittings give (empty when the row's
    /// splittings are not known).
    NotPlaced(Vec<i64>),
}

impl CellOutcome {
    /// The value, if placed.
    #[cfg(test)]
    pub fn pinned(&self) -> Option<i64> {
        match self {
            CellOutcome::Pinned(v) => Some(*v),
            CellOutcome::NotPlaced(_) => None,
        }
    }
}

/// How the table's column identities went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// At least one choice of splittings satisfies every checkable identity.
    Solved,
    /// No choice of splittings satisfies them: the rows they involve are not placed.
    Contradiction,
    /// Too many partial sums: the rows the identities involve are not placed.
    Capped,
}

/// The solved table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// For each row, its cells.
    pub rows: Vec<Vec<CellOutcome>>,
    /// How the column identities went.
    pub status: Status,
    /// How many column identities could be checked (all their rows known).
    pub identities_used: usize,
}

use super::joint::{survivors, Joint, State};

/// Choose among the rows' splittings with the shape's column identities.
///
/// `rows[i]` are the splittings of the table's row `i` (the row indices of
/// `shape.col_identities`). An identity is used only when all its rows have known
/// splittings. A cell is [`CellOutcome::Pinned`] when every splitting of its row that
/// is part of some solution of all used identities gives the same value.
pub fn solve_table(rows: &[RowSplits], shape: &Shape) -> Solution {
    let known = |r: usize| matches!(rows.get(r), Some(RowSplits::Found(_)));
    let used: Vec<&Vec<(usize, i64)>> = shape
        .col_identities
        .iter()
        .filter(|id| id.iter().all(|&(r, _)| known(r)))
        .collect();
    let dim = used.len() * shape.cols;
    // Each row's contribution to the identities, per splitting.
    let contrib = |r: usize, cells: &[i64]| -> State {
        let mut v = vec![0i64; dim];
        for (i, id) in used.iter().enumerate() {
            for &(row, sign) in id.iter() {
                if row == r {
                    for (c, x) in cells.iter().enumerate() {
                        if let Some(slot) = v.get_mut(i * shape.cols + c) {
                            *slot = slot.saturating_add(sign.saturating_mul(*x));
                        }
                    }
                }
            }
        }
        v
    };
    let involved: Vec<usize> = {
        let mut s: Vec<usize> = used.iter().flat_map(|id| id.iter().map(|p| p.0)).collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    let cands = |r: usize| -> &[Vec<i64>] {
        match rows.get(r) {
            Some(RowSplits::Found(c)) => c,
            _ => &[],
        }
    };
    let contribs: Vec<Vec<State>> = involved
        .iter()
        .map(|&r| cands(r).iter().map(|c| contrib(r, c)).collect())
        .collect();
    let (status, alive) = match survivors(&contribs, dim) {
        Joint::Solved(alive) => (Status::Solved, alive),
        Joint::Contradiction => (Status::Contradiction, Vec::new()),
        Joint::Capped => (Status::Capped, Vec::new()),
    };
    let survivors: HashMap<usize, Vec<usize>> =
        involved.iter().zip(alive).map(|(&r, ks)| (r, ks)).collect();
    let out_rows = (0..rows.len())
        .map(|r| {
            let all = cands(r);
            // With column identities in the shape (table 三), a row is placed only
            // when one of them checked it: a row's own sum alone can be met by a
            // wrong splitting of a damaged run (a cell lost from the text).
            let alive: Vec<&Vec<i64>> =
                if !involved.contains(&r) && !shape.col_identities.is_empty() {
                    Vec::new()
                } else if involved.contains(&r) {
                    match status {
                        Status::Solved => survivors
                            .get(&r)
                            .map(|ks| ks.iter().filter_map(|&k| all.get(k)).collect())
                            .unwrap_or_default(),
                        _ => Vec::new(),
                    }
                } else {
                    all.iter().collect()
                };
            (0..shape.cols)
                .map(|c| {
                    let mut vals: Vec<i64> = if alive.is_empty() {
                        all.iter().filter_map(|s| s.get(c).copied()).collect()
                    } else {
                        alive.iter().filter_map(|s| s.get(c).copied()).collect()
                    };
                    vals.sort_unstable();
                    vals.dedup();
                    match (alive.is_empty(), vals.as_slice()) {
                        (false, [v]) => CellOutcome::Pinned(*v),
                        _ => CellOutcome::NotPlaced(vals),
                    }
                })
                .collect()
        })
        .collect();
    Solution {
        rows: out_rows,
        status,
        identities_used: used.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Edition, T3Row};
    use crate::grammar::recover::arith::{t3_rows, t3_shape, t4_shape, Shape};

    fn found(s: RowSplits) -> Vec<Vec<i64>> {
        match s {
            RowSplits::Found(v) => v,
            other => panic!("expected splittings, got {other:?}"),
        }
    }

    #[test]
    fn pieces_of_runs() {
        assert_eq!(pieces("230 000023"), Some(vec!["230", "000023"]));
        assert_eq!(pieces(" "), None);
        assert_eq!(pieces("12a"), None);
    }

    #[test]
    fn one_row_with_its_total() {
        let shape = t3_shape(&[T3Row::NewRequests]);
        let s = found(split_row("640020470", &shape));
        assert!(s.contains(&vec![64, 0, 0, 2, 0, 4, 70]));
        for cand in &s {
            assert_eq!(cand.iter().take(6).sum::<i64>(), cand[6]);
        }
        // Seven digits are seven cells.
        assert_eq!(
            found(split_row("1000001", &shape)),
            vec![vec![1, 0, 0, 0, 0, 0, 1]]
        );
        assert_eq!(
            found(split_row("370000037", &shape)),
            vec![vec![37, 0, 0, 0, 0, 0, 37]]
        );
    }

    #[test]
    fn zeros_are_single_cells_and_spaces_are_boundaries() {
        let shape = t3_shape(&[T3Row::NewRequests]);
        // `230 000023`: 23 0 | 0 0 0 0 23.
        assert_eq!(
            found(split_row("230 000023", &shape)),
            vec![vec![23, 0, 0, 0, 0, 0, 23]]
        );
        assert_eq!(split_row("0000001", &shape), RowSplits::Impossible);
        assert_eq!(split_row("00000000", &shape), RowSplits::Impossible);
    }

    #[test]
    fn long_runs_are_refused_by_length() {
        let shape = t4_shape();
        let run = "7".repeat(10_000);
        assert_eq!(split_row(&run, &shape), RowSplits::Impossible);
    }

    #[test]
    fn ambiguous_rows_hit_the_candidate_bound() {
        // No identities: every composition of 40 ones into 7 cells is a splitting.
        let shape = Shape::plain(7);
        assert_eq!(split_row(&"1".repeat(40), &shape), RowSplits::Capped);
        let s = found(split_row("693665", &Shape::plain(3)));
        assert!(s.len() > 1);
    }

    #[test]
    fn column_identities_choose_among_splittings() {
        // 一 + 二 = (七) + 四 in every column.
        let rows = vec![
            T3Row::NewRequests,
            T3Row::CarriedOver,
            T3Row::ResultsTotal,
            T3Row::CarriedForward,
        ];
        let shape = t3_shape(&rows);
        let runs = ["640020470", "1000001", "650020471", "0000000"];
        let splits: Vec<RowSplits> = runs.iter().map(|r| split_row(r, &shape)).collect();
        let sol = solve_table(&splits, &shape);
        assert_eq!(sol.status, Status::Solved);
        assert_eq!(sol.identities_used, 1);
        let row0: Vec<Option<i64>> = sol.rows[0].iter().map(CellOutcome::pinned).collect();
        assert_eq!(
            row0,
            vec![
                Some(64),
                Some(0),
                Some(0),
                Some(2),
                Some(0),
                Some(4),
                Some(70)
            ]
        );
    }

    #[test]
    fn contradictions_place_nothing_they_involve() {
        let rows = vec![
            T3Row::NewRequests,
            T3Row::CarriedOver,
            T3Row::ResultsTotal,
            T3Row::CarriedForward,
        ];
        let shape = t3_shape(&rows);
        let runs = ["1000001", "1000001", "1000001", "0000000"];
        let splits: Vec<RowSplits> = runs.iter().map(|r| split_row(r, &shape)).collect();
        let sol = solve_table(&splits, &shape);
        assert_eq!(sol.status, Status::Contradiction);
        assert!(sol
            .rows
            .iter()
            .flatten()
            .all(|c| matches!(c, CellOutcome::NotPlaced(v) if v.len() == 1)));
    }

    #[test]
    fn unknown_rows_drop_their_identities() {
        let rows = t3_rows(Edition::E2019);
        let shape = t3_shape(&rows);
        let mut splits = vec![RowSplits::Found(vec![vec![0; 7]]); rows.len()];
        splits[3] = RowSplits::Capped;
        let sol = solve_table(&splits, &shape);
        // S1 needs row 3; E1 does not.
        assert_eq!(sol.identities_used, 1);
        assert!(sol.rows[3]
            .iter()
            .all(|c| *c == CellOutcome::NotPlaced(vec![])));
        assert!(sol.rows[0].iter().all(|c| *c == CellOutcome::Pinned(0)));
        // A leaf row only S1 would check is not placed on its own sum alone.
        assert!(sol.rows[5]
            .iter()
            .all(|c| *c == CellOutcome::NotPlaced(vec![0])));
    }
}
