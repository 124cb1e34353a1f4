//! Table 四 in reading order (`pdftotext` without `-layout`): one value per line, the
//! fifteen cells printed as a few runs of values with header words between them, the
//! runs not in the table's order (`72 64 178 37 … 12 1 1 6 … 351 … 13 4 8 1 26 … 20`).
//!
//! What the printing keeps:
//!
//! - a run is cells side by side in the table's row, left to right (a text block
//!   of the page), so it stands for consecutive cells;
//! - the table's reading starts at its top-left block (the 行政复议 header and the
//!   cells under it), so the first run printed starts at the first cell
//!   (行政复议/结果维持).
//!
//! Every order of the other runs that tiles the fifteen cells is tried, and kept only
//! where each group's 总计 is the sum of its four outcomes (TEMPLATE.md §4.2 S3). Where
//! no order holds (a table whose printed totals do not add up), nothing is placed.
//!
//! A printed table can be wrong in one cell, and then its own order fails one group
//! while another order may happen to hold everywhere. So the orders that fail one
//! group only are kept too, as witnesses: a cell is placed where every order that
//! holds, and every order that fails a single group, gives it the same value; the
//! others are reported with their candidates.

use super::arith::t4_shape;
use super::reading_order::value_runs;
use std::ops::Range;

/// Cells of table 四.
pub const CELLS: usize = 15;
/// Most search steps over the orders of the runs; past it nothing is placed.
pub const MAX_STEPS: usize = 50_000;

/// What a cell of table 四 became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowCell {
    /// Every order that holds gives this value, read from this range of the text.
    Pinned(i64, Range<usize>),
    /// Not placed: the values the orders that hold everywhere give it.
    NotPlaced(Vec<i64>),
}

/// Table 四 rebuilt from its runs of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowTable {
    /// The fifteen cells in template order.
    pub cells: Vec<FlowCell>,
    /// How many distinct tables the orders that hold everywhere give.
    pub readings: usize,
    /// Each printed value (in printed order) with its range and the cells it stands
    /// in under the orders that hold everywhere.
    pub values: Vec<(i64, Range<usize>, Vec<usize>)>,
}

/// The outcome of the rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// Not in reading order: no run of more than one value, or not fifteen values.
    NotReadingOrder,
    /// In reading order, but no order of the runs makes the group totals hold (or
    /// the search hit its bound): nothing is placed.
    Unsolved {
        /// The values as printed, in printed order.
        values: Vec<i64>,
    },
    /// Solved: what every order that holds agrees on.
    Solved(FlowTable),
}

/// The runs of `text[range]` as values with their ranges.
pub fn runs(text: &str, range: Range<usize>) -> Vec<Vec<(i64, Range<usize>)>> {
    value_runs(text, range, &[])
        .into_iter()
        .map(|r| r.values)
        .collect()
}

/// A table found: its values, the (run, index) each cell comes from, and the fewest
/// groups failing among the orders that give it.
type Found = (Vec<i64>, Vec<Option<(usize, usize)>>, usize);

struct Search<'a> {
    runs: &'a [Vec<(i64, Range<usize>)>],
    /// The group sums (TEMPLATE.md §4.2 S3).
    sums: Vec<super::arith::RowSum>,
    used: Vec<bool>,
    /// Cell → (run, index in the run).
    layout: Vec<(usize, usize)>,
    steps: usize,
    capped: bool,
    /// Runs printed more than once with the same values (tried once per place; the
    /// line a cell comes from is then not known).
    twin: Vec<bool>,
    /// For each run and value in it, the cells it stood in under the orders that
    /// hold everywhere.
    cells_of: Vec<Vec<[bool; CELLS]>>,
    /// Distinct value vectors found, each with the sources of its cells (`None`
    /// where orders giving these values read a cell from different lines) and the
    /// fewest groups failing among the orders that give it (0 or 1).
    found: Vec<Found>,
}

impl Search<'_> {
    fn value(&self, cell: usize) -> Option<i64> {
        let (r, i) = *self.layout.get(cell)?;
        Some(self.runs.get(r)?.get(i)?.0)
    }

    /// How many groups whose cells are all laid out do not add up.
    fn failures(&self) -> usize {
        let filled = self.layout.len();
        self.sums
            .iter()
            .filter(|s| {
                if s.total >= filled {
                    return false;
                }
                let parts = (s.first..s.first + s.count)
                    .try_fold(0i64, |a, c| a.checked_add(self.value(c)?));
                parts.is_none() || parts != self.value(s.total)
            })
            .count()
    }

    fn go(&mut self) {
        if self.capped {
            return;
        }
        self.steps += 1;
        if self.steps > MAX_STEPS {
            self.capped = true;
            return;
        }
        if self.layout.len() == CELLS {
            let vals: Vec<i64> = (0..CELLS).filter_map(|c| self.value(c)).collect();
            let from: Vec<Option<(usize, usize)>> = self
                .layout
                .iter()
                .map(|&(r, i)| (!self.twin.get(r).copied().unwrap_or(true)).then_some((r, i)))
                .collect();
            let fails = self.failures();
            for (cell, &(r, i)) in self.layout.iter().enumerate().filter(|_| fails == 0) {
                // A run tried for its twins stands for them too.
                for (t, run) in self.runs.iter().enumerate() {
                    let same = t == r
                        || self
                            .runs
                            .get(r)
                            .is_some_and(|x| same_values(x, run) && x.len() == run.len());
                    if let Some(slot) = same
                        .then(|| self.cells_of.get_mut(t))
                        .flatten()
                        .and_then(|v| v.get_mut(i))
                        .and_then(|a| a.get_mut(cell))
                    {
                        *slot = true;
                    }
                }
            }
            match self.found.iter_mut().find(|(v, _, _)| *v == vals) {
                Some((_, f, n)) => {
                    *n = (*n).min(fails);
                    for (a, b) in f.iter_mut().zip(&from) {
                        if *a != *b {
                            *a = None;
                        }
                    }
                }
                None => self.found.push((vals, from, fails)),
            }
            return;
        }
        let all = self.runs;
        let mut tried: Vec<&[(i64, Range<usize>)]> = Vec::new();
        for r in 0..all.len() {
            if self.used.get(r).copied().unwrap_or(true) {
                continue;
            }
            // Runs with the same values give the same tables: one is enough.
            let Some(run) = all.get(r) else { continue };
            if tried.iter().any(|t| same_values(t, run)) {
                continue;
            }
            tried.push(run);
            let len = run.len();
            if self.layout.len() + len > CELLS {
                continue;
            }
            if let Some(u) = self.used.get_mut(r) {
                *u = true;
            }
            let before = self.layout.len();
            self.layout.extend((0..len).map(|i| (r, i)));
            if self.failures() <= 1 {
                self.go();
            }
            self.layout.truncate(before);
            if let Some(u) = self.used.get_mut(r) {
                *u = false;
            }
            if self.capped {
                return;
            }
        }
    }
}

fn same_values(a: &[(i64, Range<usize>)], b: &[(i64, Range<usize>)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0)
}

/// Rebuild table 四 from runs of values in printed order (each run consecutive cells
/// left to right; the first run starts at the first cell).
pub fn rebuild_runs(runs: &[Vec<(i64, Range<usize>)>]) -> Flow {
    let total: usize = runs.iter().map(Vec::len).sum();
    if total != CELLS || !runs.iter().any(|r| r.len() > 1) {
        return Flow::NotReadingOrder;
    }
    let values: Vec<i64> = runs.iter().flatten().map(|v| v.0).collect();
    let mut s = Search {
        runs,
        sums: t4_shape().row_sums,
        used: vec![false; runs.len()],
        layout: Vec::with_capacity(CELLS),
        steps: 0,
        capped: false,
        twin: runs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                runs.iter()
                    .enumerate()
                    .any(|(j, o)| j != i && same_values(r, o))
            })
            .collect(),
        cells_of: runs.iter().map(|r| vec![[false; CELLS]; r.len()]).collect(),
        found: Vec::new(),
    };
    // The first run printed is the table's first cells.
    if let (Some(first), Some(u)) = (runs.first(), s.used.first_mut()) {
        *u = true;
        s.layout.extend((0..first.len()).map(|i| (0, i)));
        if s.failures() <= 1 {
            s.go();
        }
    }
    if s.capped || !s.found.iter().any(|f| f.2 == 0) {
        return Flow::Unsolved { values };
    }
    let whole = {
        let start = runs.iter().flatten().map(|v| v.1.start).min().unwrap_or(0);
        let end = runs
            .iter()
            .flatten()
            .map(|v| v.1.end)
            .max()
            .unwrap_or(start);
        start..end
    };
    let cells = (0..CELLS)
        .map(|c| {
            let mut vals: Vec<i64> = s
                .found
                .iter()
                .filter_map(|(v, _, _)| v.get(c))
                .copied()
                .collect();
            vals.sort_unstable();
            vals.dedup();
            match vals.as_slice() {
                [v] => {
                    let mut from: Vec<Option<(usize, usize)>> = s
                        .found
                        .iter()
                        .filter_map(|(_, f, _)| f.get(c).copied())
                        .collect();
                    from.sort_unstable();
                    from.dedup();
                    let at = match from.as_slice() {
                        [Some((r, i))] => runs.get(*r).and_then(|x| x.get(*i)).map(|x| x.1.clone()),
                        _ => None,
                    };
                    FlowCell::Pinned(*v, at.unwrap_or_else(|| whole.clone()))
                }
                // The candidates: what the orders that hold everywhere give.
                _ => {
                    let mut held: Vec<i64> = s
                        .found
                        .iter()
                        .filter(|f| f.2 == 0)
                        .filter_map(|(v, _, _)| v.get(c))
                        .copied()
                        .collect();
                    held.sort_unstable();
                    held.dedup();
                    FlowCell::NotPlaced(held)
                }
            }
        })
        .collect();
    let values = runs
        .iter()
        .zip(&s.cells_of)
        .flat_map(|(run, cs)| {
            run.iter().zip(cs).map(|((v, r), c)| {
                let at: Vec<usize> = (0..CELLS).filter(|&k| c.get(k) == Some(&true)).collect();
                (*v, r.clone(), at)
            })
        })
        .collect();
    Flow::Solved(FlowTable {
        cells,
        readings: s.found.iter().filter(|f| f.2 == 0).count(),
        values,
    })
}

/// Rebuild table 四 from `text[range]` printed in reading order.
pub fn rebuild(text: &str, range: Range<usize>) -> Flow {
    rebuild_runs(&runs(text, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency on the test order).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n.max(1)
        }
    }

    /// A table 四 whose group totals hold.
    fn table(g: &mut Lcg) -> [i64; 15] {
        let mut t = [0i64; 15];
        for grp in 0..3 {
            let mut sum = 0;
            for c in 0..4 {
                // Many zeros, as in real tables, and some larger counts.
                let v = match g.next(4) {
                    0 | 1 => 0,
                    2 => g.next(10) as i64,
                    _ => g.next(400) as i64,
                };
                t[grp * 5 + c] = v;
                sum += v;
            }
            t[grp * 5 + 4] = sum;
        }
        t
    }

    /// Cut the fifteen cells into runs of consecutive cells (`cuts` after the
    /// given cells), print the first run first and the others in `order`.
    fn render(t: &[i64; 15], cuts: &[usize], order: &[usize]) -> String {
        let mut runs: Vec<Vec<i64>> = Vec::new();
        let mut cur = Vec::new();
        for (i, v) in t.iter().enumerate() {
            cur.push(*v);
            if cuts.contains(&i) || i == 14 {
                runs.push(std::mem::take(&mut cur));
            }
        }
        let mut out = String::from(
            "行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n结果\n维持\n\n结果\n纠正\n\n其他\n结果\n\n尚未\n总 计 结果 结果 其他\n审结\n维持 纠正 结果\n\n",
        );
        let mut printed = vec![0];
        printed.extend(order.iter().map(|&o| o + 1));
        for (k, r) in printed.iter().enumerate() {
            if k > 0 {
                out.push_str(if k % 2 == 0 {
                    "总计\n\n"
                } else {
                    "尚未\n维持 纠正 结果 审结\n\n"
                });
            }
            for v in runs.get(*r).into_iter().flatten() {
                out.push_str(&format!("{v}\n\n"));
            }
            if k == 1 {
                out.push_str("-4-\n\n");
            }
        }
        out.push_str("五、存在的主要问题及改进情况\n");
        out
    }

    fn cells(f: &Flow) -> Vec<Option<i64>> {
        match f {
            Flow::Solved(t) => t
                .cells
                .iter()
                .map(|c| match c {
                    FlowCell::Pinned(v, _) => Some(*v),
                    FlowCell::NotPlaced(_) => None,
                })
                .collect(),
            _ => vec![None; 15],
        }
    }

    /// A random cutting of the cells and printing order of the runs.
    fn shape(g: &mut Lcg) -> (Vec<usize>, Vec<usize>) {
        let cuts: Vec<usize> = (0..14).filter(|_| g.next(4) == 0).collect();
        let n = cuts.len();
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            order.swap(i, g.next(i as u64 + 1) as usize);
        }
        (cuts, order)
    }

    #[test]
    fn huaian_shape_pins_the_first_group_only() {
        // 72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20, as `pdftotext` prints
        // 淮安 2024: the first group is pinned; groups two and three both add up in
        // either place.
        let t = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
        let text = render(&t, &[3, 4, 9, 13], &[2, 0, 1, 3]);
        let f = rebuild(&text, 0..text.len());
        let got = cells(&f);
        assert_eq!(
            &got[..5],
            &[Some(72), Some(64), Some(178), Some(37), Some(351)]
        );
        assert!(got[5..].iter().all(Option::is_none), "{got:?}");
        let Flow::Solved(ft) = &f else {
            panic!("solved")
        };
        assert_eq!(ft.readings, 2);
        assert_eq!(ft.cells[5], FlowCell::NotPlaced(vec![12, 13]));
        // The printed values of groups two and three each stand in two cells.
        let loose: Vec<(i64, Vec<usize>)> = ft
            .values
            .iter()
            .filter(|v| v.2.iter().any(|&c| c >= 5))
            .map(|v| (v.0, v.2.clone()))
            .collect();
        assert_eq!(loose.len(), 10);
        assert_eq!(loose[0], (12, vec![5, 10]));
        assert!(ft.values.iter().take(4).all(|v| v.2.len() == 1));
        // Each placed cell points at its own line.
        if let FlowCell::Pinned(v, r) = &ft.cells[4] {
            assert_eq!(text[r.clone()].parse::<i64>().ok(), Some(*v));
        }
    }

    #[test]
    fn in_order_with_the_last_total_apart() {
        // 洪泽 2024: fourteen values, `总计`, the last.
        let t = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3];
        let text = render(&t, &[13], &[0]);
        let got = cells(&rebuild(&text, 0..text.len()));
        assert_eq!(got, t.iter().map(|v| Some(*v)).collect::<Vec<_>>());
    }

    #[test]
    fn totals_that_do_not_add_up_place_nothing() {
        // 洪泽 2023 as printed: 10 + 1 + 0 + 0 ≠ 0.
        let t = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
        let text = render(&t, &[13], &[0]);
        assert!(matches!(
            rebuild(&text, 0..text.len()),
            Flow::Unsolved { .. }
        ));
    }

    #[test]
    fn not_reading_order() {
        let text = "行政复议\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        assert_eq!(rebuild(text, 0..text.len()), Flow::NotReadingOrder);
        let text = "1\n\n2\n\n3\n";
        assert_eq!(rebuild(text, 0..text.len()), Flow::NotReadingOrder);
    }

    #[test]
    fn generated_flows_are_exact_or_not_placed() {
        let mut g = Lcg(7);
        let mut placed = 0;
        let mut total = 0;
        for _ in 0..400 {
            let t = table(&mut g);
            let (cuts, order) = shape(&mut g);
            let text = render(&t, &cuts, &order);
            let got = cells(&rebuild(&text, 0..text.len()));
            for (c, v) in got.iter().enumerate() {
                total += 1;
                if let Some(v) = v {
                    placed += 1;
                    assert_eq!(*v, t[c], "cell {c} of {t:?} cut {cuts:?} order {order:?}");
                }
            }
        }
        // The shape pins most cells: one run, or runs whose totals tell them apart.
        assert!(placed * 2 > total, "{placed} of {total}");
    }

    #[test]
    fn one_changed_cell_moves_no_other() {
        let mut g = Lcg(11);
        for _ in 0..60 {
            let t = table(&mut g);
            let (cuts, order) = shape(&mut g);
            let base = cells(&rebuild(&render(&t, &cuts, &order), 0..1 << 20));
            for c in 0..15 {
                // The cell changed alone (its group no longer adds up), and changed
                // with its group's total (it does).
                for fix in [false, true] {
                    let mut m = t;
                    m[c] += 1 + g.next(5) as i64;
                    let tot = c / 5 * 5 + 4;
                    if fix && c != tot {
                        m[tot] = (c / 5 * 5..tot).map(|k| m[k]).sum();
                    }
                    let text = render(&m, &cuts, &order);
                    let got = cells(&rebuild(&text, 0..text.len()));
                    for (k, v) in got.iter().enumerate() {
                        if let Some(v) = v {
                            assert_eq!(
                                *v, m[k],
                                "cell {k} after changing {c}: {m:?} cuts {cuts:?} order {order:?}"
                            );
                        }
                        // No other cell takes another value than it had.
                        if let (Some(v), Some(b)) = (v, base.get(k).copied().flatten()) {
                            if k != c && k != tot {
                                assert_eq!(*v, b, "cell {k} moved after changing {c}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn many_equal_runs_stay_bounded() {
        // Two zeros, then thirteen single zeros: one table, each run tried once
        // per place (13! orders otherwise).
        let t = [0i64; 15];
        let cuts: Vec<usize> = (1..14).collect();
        let order: Vec<usize> = (0..13).collect();
        let text = render(&t, &cuts, &order);
        let f = rebuild(&text, 0..text.len());
        assert_eq!(cells(&f), vec![Some(0); 15], "{f:?}");
    }

    #[test]
    fn many_distinct_runs_are_bounded() {
        // Two values, then thirteen single runs of different values: more orders
        // than the search tries; nothing is placed.
        let vals: Vec<i64> = (1..=15).collect();
        let mut runs: Vec<Vec<(i64, Range<usize>)>> = vec![vec![(vals[0], 0..1), (vals[1], 1..2)]];
        runs.extend(vals[2..].iter().map(|v| vec![(*v, 0..1)]));
        assert!(matches!(rebuild_runs(&runs), Flow::Unsolved { .. }));
    }
}
