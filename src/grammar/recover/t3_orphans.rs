//! Table 三 rows whose label the printing moved away from their values: a PDF
//! converted to pipes prints long labels as loose lines above the table and leaves
//! rows of seven values with no label (`| 0 | 0 | 0 | 0 | 0 | 0 | 0 |`) or with a
//! fragment of one (`| 缴纳费用、 | 行政机关不再处理其政 | 0 | … |`).
//!
//! Such rows ("orphans") are matched to the result rows the reader left empty:
//!
//! - there must be as many orphans as empty result rows, and in every column where
//!   the sum is checkable, the orphans must add up to what the result rows lack for
//!   （七）总计 (S1): then the orphans are those rows, in some order;
//! - an orphan with a label fragment goes only to the empty rows whose template label
//!   holds it; an orphan with none may go to any;
//! - where the text states the counts of the result groups (all five, adding up with
//!   （一）予以公开 to （七）总计), a matching must give each group its count;
//! - a cell is placed where every orphan that can stand in its row (in some matching
//!   of all orphans to all empty rows) has the same value in its column.
//!
//! The order of the orphans is never used: in these copies it is not the table's.

use crate::catalogue::{Edition, T3Row};
use std::ops::Range;

use super::arith::t3_rows;

/// A row of seven values printed without its template label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The label text printed in the row, if any (not a template label).
    pub label: Option<String>,
    /// The seven values with their ranges in the text.
    pub values: Vec<(i64, Range<usize>)>,
    /// The line.
    pub line: Range<usize>,
}

fn integer(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 12 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

/// Characters of a label kept for matching (no spaces, numbering or brackets).
fn label_chars(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && !"().。,:;".contains(*c))
        .collect()
}

/// The pipe rows of `text[range]` that print seven integers after at most two fields
/// of text, none of them a template row's label (`rows`); `used` says whether a line
/// holds values the reader placed.
pub fn orphans(
    text: &str,
    range: Range<usize>,
    rows: &[T3Row],
    used: &dyn Fn(Range<usize>) -> bool,
) -> Vec<Orphan> {
    let Some(region) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut off = range.start;
    for line in region.split_inclusive('\n') {
        let start = off;
        off += line.len();
        let t = line.trim_end();
        if !t.trim_start().starts_with('|') {
            continue;
        }
        // Fields with their ranges.
        let mut fields: Vec<(&str, Range<usize>)> = Vec::new();
        let mut at = 0;
        for part in t.split('|') {
            let lead = part.len() - part.trim_start().len();
            let f = part.trim();
            if !f.is_empty() {
                fields.push((f, start + at + lead..start + at + lead + f.len()));
            }
            at += part.len() + 1;
        }
        let nums: Vec<(i64, Range<usize>)> = fields
            .iter()
            .filter_map(|(f, r)| integer(f).map(|v| (v, r.clone())))
            .collect();
        let words: Vec<&str> = fields
            .iter()
            .filter(|(f, _)| integer(f).is_none())
            .map(|(f, _)| *f)
            .collect();
        // Seven integers after the words, and nothing after them.
        let numbers_last = fields
            .iter()
            .skip(words.len())
            .all(|(f, _)| integer(f).is_some());
        if nums.len() != 7 || words.len() > 2 || !numbers_last {
            continue;
        }
        let label = label_chars(&words.concat());
        let named = !label.is_empty()
            && rows.iter().any(|r| {
                let l = label_chars(r.def().label);
                l.starts_with(&label) || label.ends_with(&l)
            });
        if named || used(start..start + t.len()) {
            continue;
        }
        out.push(Orphan {
            label: (!label.is_empty()).then_some(label),
            values: nums,
            line: start..start + t.len(),
        });
    }
    out
}

/// What a cell of an empty result row became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every orphan that can stand in the row has this value in the column.
    Pinned {
        /// The value.
        value: i64,
        /// The orphans it comes from.
        from: Vec<usize>,
        /// Whether the orphan was matched to the row by its own label (one orphan).
        by_label: bool,
    },
    /// Not placed: the values of the orphans that can stand in the row.
    NotPlaced(Vec<i64>),
}

/// The empty result rows matched with the orphans, cell by cell; `None` when the
/// orphans are not exactly those rows (count, labels or sums disagree).
///
/// `table(row, col)` is the reader's value of a cell (`None` when absent or blank).
///
/// `stated` are the counts the report's text states for the result groups
/// ([`super::prose::stated_results`]); they are used only when all five are stated
/// and, with （一）予以公开, come to （七）总计: then a matching must also give each
/// group its stated count.
pub fn solve(
    edition: Edition,
    orphans: &[Orphan],
    table: &dyn Fn(T3Row, usize) -> Option<i64>,
    present: &dyn Fn(T3Row) -> bool,
    stated: [Option<i64>; 5],
) -> Option<Vec<(T3Row, Vec<Outcome>)>> {
    let rows = t3_rows(edition);
    let leaves: Vec<T3Row> = rows
        .iter()
        .copied()
        .filter(|r| r.is_result_leaf())
        .collect();
    let empty: Vec<T3Row> = leaves.iter().copied().filter(|r| !present(*r)).collect();
    let n = empty.len();
    if n == 0 || orphans.len() != n || n > 32 {
        return None;
    }
    // S1: in every column where the total and every present leaf are known, the
    // orphans give exactly what the empty rows lack; at least one column checked.
    let mut checked = 0;
    for c in 0..7 {
        let Some(total) = table(T3Row::ResultsTotal, c) else {
            continue;
        };
        let known: Option<i64> = leaves
            .iter()
            .filter(|r| present(**r))
            .try_fold(0i64, |a, r| a.checked_add(table(*r, c)?));
        let Some(known) = known else { continue };
        let theirs = orphans
            .iter()
            .try_fold(0i64, |a, o| a.checked_add(o.values.get(c)?.0));
        if theirs != total.checked_sub(known) {
            return None;
        }
        checked += 1;
    }
    if checked == 0 {
        return None;
    }
    // Which orphan may stand in which empty row.
    let allowed: Vec<Vec<bool>> = orphans
        .iter()
        .map(|o| {
            empty
                .iter()
                .map(|r| {
                    o.label
                        .as_ref()
                        .is_none_or(|l| label_chars(r.def().label).contains(l.as_str()))
                })
                .collect()
        })
        .collect();
    // Orphan `o` can stand in row `r` when the others can be matched to the rest
    // (and, with the stated counts, every group gets its count).
    let groups = stated_groups(&leaves, stated, table, present);
    let with_counts = groups
        .as_ref()
        .and_then(|g| feasible_with_counts(orphans, &allowed, &empty, g, table, present));
    let feasible = |o: usize, r: usize| -> bool {
        match &with_counts {
            Some(f) => f.get(o).and_then(|a| a.get(r)).copied().unwrap_or(false),
            None => {
                allowed
                    .get(o)
                    .and_then(|a| a.get(r))
                    .copied()
                    .unwrap_or(false)
                    && perfect_matching(&allowed, Some((o, r)))
            }
        }
    };
    if !perfect_matching(&allowed, None) {
        return None;
    }
    let mut out = Vec::new();
    for (r, row) in empty.iter().enumerate() {
        let can: Vec<usize> = (0..n).filter(|&o| feasible(o, r)).collect();
        let by_label = match can.as_slice() {
            [o] => orphans.get(*o).is_some_and(|x| x.label.is_some()),
            _ => false,
        };
        let cells = (0..7)
            .map(|c| {
                let mut vals: Vec<i64> = can
                    .iter()
                    .filter_map(|&o| orphans.get(o).and_then(|x| x.values.get(c)).map(|v| v.0))
                    .collect();
                vals.sort_unstable();
                vals.dedup();
                match vals.as_slice() {
                    [v] => Outcome::Pinned {
                        value: *v,
                        from: can.clone(),
                        by_label,
                    },
                    _ => Outcome::NotPlaced(vals),
                }
            })
            .collect();
        out.push((*row, cells));
    }
    Some(out)
}

/// Most search steps when the stated counts are used; past it they are not.
pub const MAX_COUNT_STEPS: usize = 100_000;

/// The result groups with their stated counts (总计 column), when all five are
/// stated and they come, with （一）予以公开, to （七）总计.
fn stated_groups(
    leaves: &[T3Row],
    stated: [Option<i64>; 5],
    table: &dyn Fn(T3Row, usize) -> Option<i64>,
    present: &dyn Fn(T3Row) -> bool,
) -> Option<Vec<(Vec<T3Row>, i64)>> {
    use crate::catalogue::T3Group;
    let counts: Vec<i64> = stated.iter().copied().collect::<Option<Vec<i64>>>()?;
    let disclosed = present(T3Row::Disclosed)
        .then(|| table(T3Row::Disclosed, 6))
        .flatten()?;
    let total = table(T3Row::ResultsTotal, 6)?;
    if counts.iter().sum::<i64>().checked_add(disclosed) != Some(total) {
        return None;
    }
    let of = |g: T3Group| -> Vec<T3Row> {
        leaves
            .iter()
            .copied()
            .filter(|r| r.def().group == Some(g))
            .collect()
    };
    let mut other = of(T3Group::OtherProcessing);
    other.extend(
        leaves
            .iter()
            .copied()
            .filter(|r| *r == T3Row::OtherProcessing),
    );
    let rows = [
        vec![T3Row::PartlyDisclosed],
        of(T3Group::Withheld),
        of(T3Group::Unable),
        of(T3Group::NotProcessed),
        other,
    ];
    Some(rows.into_iter().zip(counts).collect())
}

/// The state of the search for matchings that give every group its count.
struct Counts<'a> {
    allowed: &'a [Vec<bool>],
    group_of: &'a [Option<usize>],
    totals: &'a [i64],
    /// Each orphan's class: the first orphan with the same label and values.
    class: &'a [usize],
    used: Vec<bool>,
    pick: Vec<usize>,
    need: Vec<i64>,
    out: Vec<Vec<bool>>,
    steps: usize,
    capped: bool,
    any: bool,
}

impl Counts<'_> {
    fn go(&mut self, r: usize) {
        if self.capped {
            return;
        }
        self.steps += 1;
        if self.steps > MAX_COUNT_STEPS {
            self.capped = true;
            return;
        }
        if r == self.group_of.len() {
            if self.need.iter().all(|n| *n == 0) {
                self.any = true;
                for (row, &o) in self.pick.iter().enumerate() {
                    // Its twins could stand there as well.
                    let c = self.class.get(o).copied();
                    for (twin, tc) in self.class.iter().enumerate() {
                        if Some(*tc) != c {
                            continue;
                        }
                        if let Some(cell) = self.out.get_mut(twin).and_then(|v| v.get_mut(row)) {
                            *cell = true;
                        }
                    }
                }
            }
            return;
        }
        let g = self.group_of.get(r).copied().flatten();
        let mut tried: Vec<usize> = Vec::new();
        for o in 0..self.used.len() {
            let free = !self.used.get(o).copied().unwrap_or(true)
                && self
                    .allowed
                    .get(o)
                    .and_then(|a| a.get(r))
                    .copied()
                    .unwrap_or(false);
            if !free {
                continue;
            }
            // Orphans with the same label and values are tried once per row.
            let c = self.class.get(o).copied().unwrap_or(o);
            if tried.contains(&c) {
                continue;
            }
            tried.push(c);
            let t = self.totals.get(o).copied().unwrap_or(0);
            if let Some(n) = g.and_then(|g| self.need.get_mut(g)) {
                if *n < t {
                    continue;
                }
                *n -= t;
            }
            if let Some(u) = self.used.get_mut(o) {
                *u = true;
            }
            self.pick.push(o);
            self.go(r + 1);
            self.pick.pop();
            if let Some(u) = self.used.get_mut(o) {
                *u = false;
            }
            if let Some(n) = g.and_then(|g| self.need.get_mut(g)) {
                *n += t;
            }
            if self.capped {
                return;
            }
        }
    }
}

/// For each orphan and empty row, whether some matching of all orphans to all empty
/// rows (labels allowing) gives every group its stated count. `None` when no
/// matching does or the search hits [`MAX_COUNT_STEPS`].
fn feasible_with_counts(
    orphans: &[Orphan],
    allowed: &[Vec<bool>],
    empty: &[T3Row],
    groups: &[(Vec<T3Row>, i64)],
    table: &dyn Fn(T3Row, usize) -> Option<i64>,
    present: &dyn Fn(T3Row) -> bool,
) -> Option<Vec<Vec<bool>>> {
    // What each group still needs from its empty rows, and which group a row is in.
    let mut need: Vec<i64> = Vec::new();
    for (rows, count) in groups {
        let known = rows
            .iter()
            .filter(|r| present(**r))
            .try_fold(0i64, |a, r| a.checked_add(table(*r, 6)?))?;
        need.push(count.checked_sub(known)?);
    }
    let group_of: Vec<Option<usize>> = empty
        .iter()
        .map(|r| groups.iter().position(|(rows, _)| rows.contains(r)))
        .collect();
    let totals: Vec<i64> = orphans
        .iter()
        .map(|o| o.values.get(6).map_or(0, |v| v.0))
        .collect();
    let same = |a: &Orphan, b: &Orphan| {
        a.label == b.label
            && a.values.len() == b.values.len()
            && a.values.iter().zip(&b.values).all(|(x, y)| x.0 == y.0)
    };
    let class: Vec<usize> = orphans
        .iter()
        .enumerate()
        .map(|(i, o)| orphans.iter().position(|p| same(p, o)).unwrap_or(i))
        .collect();
    let n = orphans.len();
    let mut st = Counts {
        allowed,
        group_of: &group_of,
        totals: &totals,
        class: &class,
        used: vec![false; n],
        pick: Vec::new(),
        need,
        out: vec![vec![false; empty.len()]; n],
        steps: 0,
        capped: false,
        any: false,
    };
    st.go(0);
    (!st.capped && st.any).then_some(st.out)
}

/// Whether every orphan can be matched to its own empty row (with `fixed` matched
/// first, its orphan and row taken out).
fn perfect_matching(allowed: &[Vec<bool>], fixed: Option<(usize, usize)>) -> bool {
    let n = allowed.len();
    let mut row_of: Vec<Option<usize>> = vec![None; n];
    fn augment(
        o: usize,
        allowed: &[Vec<bool>],
        fixed: Option<(usize, usize)>,
        seen: &mut [bool],
        row_of: &mut [Option<usize>],
    ) -> bool {
        let Some(a) = allowed.get(o) else {
            return false;
        };
        for (r, ok) in a.iter().enumerate() {
            if !ok || fixed.is_some_and(|(_, fr)| fr == r) {
                continue;
            }
            if seen.get(r).copied().unwrap_or(true) {
                continue;
            }
            if let Some(s) = seen.get_mut(r) {
                *s = true;
            }
            let holder = row_of.get(r).copied().flatten();
            let free = match holder {
                None => true,
                Some(h) => augment(h, allowed, fixed, seen, row_of),
            };
            if free {
                if let Some(slot) = row_of.get_mut(r) {
                    *slot = Some(o);
                }
                return true;
            }
        }
        false
    }
    for o in 0..n {
        if fixed.is_some_and(|(fo, _)| fo == o) {
            continue;
        }
        let mut seen = vec![false; n];
        if !augment(o, allowed, fixed, &mut seen, &mut row_of) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use T3Row::*;

    fn lines(rows: &[&str]) -> String {
        rows.iter().map(|r| format!("{r}\n")).collect()
    }

    #[test]
    fn orphan_rows_and_their_labels() {
        let t = lines(&[
            "| (一)予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |",
            "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "|---|---|---|---|---|---|---|",
            "| 缴纳费用、 | 行政机关不再处理其政 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "| 1 | 2 | 3 |",
        ]);
        let all = t3_rows(Edition::E2021);
        let o = orphans(&t, 0..t.len(), &all, &|_| false);
        assert_eq!(o.len(), 2);
        assert_eq!(o[0].label, None);
        assert_eq!(
            o[1].label.as_deref(),
            Some("缴纳费用、行政机关不再处理其政")
        );
        assert_eq!(&t[o[0].values[0].1.clone()], "0");
        // A line the reader used is not an orphan.
        let o = orphans(&t, 0..t.len(), &all, &|r| {
            r.start == 0 || t[r].starts_with("| 0")
        });
        assert_eq!(o.len(), 1);
    }

    fn orphan(label: Option<&str>, v: [i64; 7]) -> Orphan {
        Orphan {
            label: label.map(str::to_string),
            values: v.iter().map(|x| (*x, 0..0)).collect(),
            line: 0..0,
        }
    }

    /// A 2021 table whose result leaves are `leaves` (others zero) and whose total
    /// is their sum; `missing` are left out.
    fn setup(
        leaves: &[(T3Row, [i64; 7])],
        missing: &[T3Row],
    ) -> (impl Fn(T3Row, usize) -> Option<i64>, impl Fn(T3Row) -> bool) {
        let rows = t3_rows(Edition::E2021);
        let value = |r: T3Row, c: usize| -> i64 {
            leaves
                .iter()
                .find(|(x, _)| *x == r)
                .map_or(0, |(_, v)| v[c])
        };
        let total: Vec<i64> = (0..7)
            .map(|c| {
                rows.iter()
                    .filter(|r| r.is_result_leaf())
                    .map(|r| value(*r, c))
                    .sum()
            })
            .collect();
        let vals: Vec<(T3Row, Vec<i64>)> = rows
            .iter()
            .map(|r| (*r, (0..7).map(|c| value(*r, c)).collect()))
            .collect();
        let missing = missing.to_vec();
        let m2 = missing.clone();
        (
            move |r: T3Row, c: usize| {
                if r == ResultsTotal {
                    return total.get(c).copied();
                }
                if m2.contains(&r) {
                    return None;
                }
                vals.iter()
                    .find(|(x, _)| *x == r)
                    .and_then(|(_, v)| v.get(c).copied())
            },
            move |r: T3Row| !missing.contains(&r),
        )
    }

    fn pinned(cells: &[Outcome]) -> Vec<Option<i64>> {
        cells
            .iter()
            .map(|c| match c {
                Outcome::Pinned { value, .. } => Some(*value),
                Outcome::NotPlaced(_) => None,
            })
            .collect()
    }

    #[test]
    fn labels_and_the_sum_pin_the_rows() {
        // 上海办公厅 2025: (五)5 printed without a label, (六)1 and (六)2 with pieces
        // of theirs.
        let b = [40, 1, 0, 0, 2, 0, 43];
        let (table, present) = setup(
            &[
                (Disclosed, [201, 5, 0, 0, 0, 0, 206]),
                (OtherNoCorrection, b),
            ],
            &[NotProcessedConfirmation, OtherNoCorrection, OtherUnpaidFee],
        );
        let os = [
            orphan(None, [0; 7]),
            orphan(Some("行政机关不再处理其政府信息公"), b),
            orphan(Some("缴纳费用、行政机关不再处理其政"), [0; 7]),
        ];
        let got = solve(Edition::E2021, &os, &table, &present, [None; 5]).unwrap_or_default();
        assert_eq!(got.len(), 3);
        for (row, cells) in &got {
            let want: Vec<Option<i64>> = match row {
                OtherNoCorrection => b.iter().map(|v| Some(*v)).collect(),
                _ => vec![Some(0); 7],
            };
            assert_eq!(pinned(cells), want, "{row:?}");
            let label = matches!(cells[0], Outcome::Pinned { by_label: true, .. });
            assert_eq!(label, *row != NotProcessedConfirmation, "{row:?}");
        }
    }

    #[test]
    fn unlabelled_rows_pin_only_the_columns_they_agree_on() {
        let (table, present) = setup(
            &[
                (UnableNotHeld, [4, 0, 0, 0, 0, 0, 4]),
                (OtherNoCorrection, [8, 2, 0, 0, 0, 0, 10]),
            ],
            &[UnableNotHeld, OtherNoCorrection, Disclosed],
        );
        let os = [
            orphan(None, [8, 2, 0, 0, 0, 0, 10]),
            orphan(None, [0; 7]),
            orphan(None, [4, 0, 0, 0, 0, 0, 4]),
        ];
        let got = solve(Edition::E2021, &os, &table, &present, [None; 5]).unwrap_or_default();
        for (_, cells) in &got {
            assert_eq!(
                pinned(cells),
                vec![None, None, Some(0), Some(0), Some(0), Some(0), None]
            );
        }
        assert_eq!(got[0].1[0], Outcome::NotPlaced(vec![0, 4, 8]));
    }

    #[test]
    fn orphans_that_are_not_the_empty_rows_place_nothing() {
        let (table, present) = setup(
            &[(UnableNotHeld, [4, 0, 0, 0, 0, 0, 4])],
            &[UnableNotHeld, Disclosed],
        );
        // One orphan too few, or sums that do not come to (七)总计.
        let one = [orphan(None, [4, 0, 0, 0, 0, 0, 4])];
        assert_eq!(
            solve(Edition::E2021, &one, &table, &present, [None; 5]),
            None
        );
        let wrong = [
            orphan(None, [4, 0, 0, 0, 0, 0, 4]),
            orphan(None, [1, 0, 0, 0, 0, 0, 1]),
        ];
        assert_eq!(
            solve(Edition::E2021, &wrong, &table, &present, [None; 5]),
            None
        );
        // A label that fits none of the empty rows.
        let lost = [
            orphan(Some("缴纳费用"), [4, 0, 0, 0, 0, 0, 4]),
            orphan(None, [0; 7]),
        ];
        assert_eq!(
            solve(Edition::E2021, &lost, &table, &present, [None; 5]),
            None
        );
    }

    #[test]
    fn stated_counts_narrow_the_matching() {
        // 上海科委 2024's shape: six rows of zeros, 1/4/6/8+2 rows, for the ten empty
        // result rows; the text states 部分公开 0, 不予公开 2, 无法提供 10, 不予处理 0,
        // 其他处理 14.
        let person = |n: i64| [n, 0, 0, 0, 0, 0, n];
        let leaves = [
            (Disclosed, person(9)),
            (WithheldInternalAffairs, person(1)),
            (WithheldProcessInfo, person(1)),
            (UnableNotHeld, person(4)),
            (UnableNeedsCreation, person(6)),
            (OtherNoCorrection, [8, 2, 0, 0, 0, 0, 10]),
            (OtherOther, person(4)),
        ];
        let empty = [
            PartlyDisclosed,
            WithheldByLaw,
            WithheldInternalAffairs,
            UnableNotHeld,
            UnableNeedsCreation,
            UnableUnclear,
            NotProcessedExcessive,
            NotProcessedConfirmation,
            OtherNoCorrection,
            OtherUnpaidFee,
        ];
        let (table, present) = setup(&leaves, &empty);
        let os: Vec<Orphan> = [
            [0; 7],
            [0; 7],
            person(1),
            person(4),
            person(6),
            [0; 7],
            [0; 7],
            [0; 7],
            [8, 2, 0, 0, 0, 0, 10],
            [0; 7],
        ]
        .into_iter()
        .map(|v| orphan(None, v))
        .collect();
        let said = [Some(0), Some(2), Some(10), Some(0), Some(14)];
        let got = solve(Edition::E2021, &os, &table, &present, said).unwrap_or_default();
        let of = |r: T3Row| {
            got.iter()
                .find(|(x, _)| *x == r)
                .map(|(_, c)| pinned(c))
                .unwrap_or_default()
        };
        // 部分公开 0 and 不予处理 0: only rows of zeros fit.
        for r in [
            PartlyDisclosed,
            NotProcessedExcessive,
            NotProcessedConfirmation,
        ] {
            assert_eq!(of(r), vec![Some(0); 7], "{r:?}");
        }
        // 无法提供 10 is 4 + 6 + 0 or 10 + 0 + 0; 其他处理 needs 10 more: not pinned.
        assert_eq!(of(UnableNotHeld)[0], None);
        assert_eq!(of(OtherNoCorrection)[0], None);
        // Counts that do not come to (七)总计 with 予以公开 are not used.
        let off = [Some(1), Some(2), Some(10), Some(0), Some(14)];
        let got = solve(Edition::E2021, &os, &table, &present, off).unwrap_or_default();
        assert!(got.iter().all(|(_, c)| pinned(c)[0].is_none()));
    }
}
