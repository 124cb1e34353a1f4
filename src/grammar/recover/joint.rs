//! Choosing one candidate per part of a table so that the template's column
//! identities hold: each candidate contributes a vector (its signed share of every
//! identity in every column) and a choice is a solution when the vectors sum to zero.
//!
//! Forward, the partial sums reachable before each part; backward, the sums that
//! close a solution after it; a candidate survives when some forward sum plus its own
//! vector meets some backward sum. Both passes keep at most [`MAX_STATES`] sums, so
//! the work is linear in the number of parts and candidates.

use std::collections::HashSet;

/// Most partial sums kept while solving the column identities of a table.
pub const MAX_STATES: usize = 4096;

/// A partial sum of contributions.
pub type State = Vec<i64>;

fn add(a: &State, b: &State) -> Option<State> {
    a.iter().zip(b).map(|(x, y)| x.checked_add(*y)).collect()
}

/// The outcome of the joint search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joint {
    /// For each part, the indices of its candidates that are in some solution.
    Solved(Vec<Vec<usize>>),
    /// No choice of candidates sums to zero.
    Contradiction,
    /// More than [`MAX_STATES`] partial sums: not decided.
    Capped,
}

fn step(from: &HashSet<State>, cs: &[State]) -> Option<HashSet<State>> {
    let mut next = HashSet::new();
    for f in from {
        for v in cs {
            if let Some(s) = add(f, v) {
                next.insert(s);
            }
        }
        if next.len() > MAX_STATES {
            return None;
        }
    }
    Some(next)
}

/// The candidates of each part (`contribs[part][candidate]`, vectors of length `dim`)
/// that belong to some choice summing to zero.
pub fn survivors(contribs: &[Vec<State>], dim: usize) -> Joint {
    let zero: State = vec![0; dim];
    let mut forward: Vec<HashSet<State>> = vec![HashSet::from([zero.clone()])];
    for cs in contribs {
        let Some(next) = forward.last().and_then(|f| step(f, cs)) else {
            return Joint::Capped;
        };
        forward.push(next);
    }
    if !forward.last().is_some_and(|l| l.contains(&zero)) {
        return Joint::Contradiction;
    }
    let n = contribs.len();
    let mut backward: Vec<HashSet<State>> = vec![HashSet::new(); n + 1];
    if let Some(b) = backward.get_mut(n) {
        b.insert(zero);
    }
    for i in (0..n).rev() {
        let (Some(later), Some(cs)) = (backward.get(i + 1), contribs.get(i)) else {
            continue;
        };
        let Some(set) = step(later, cs) else {
            return Joint::Capped;
        };
        if let Some(b) = backward.get_mut(i) {
            *b = set;
        }
    }
    let alive = (0..n)
        .map(|i| {
            let (Some(fs), Some(later), Some(cs)) =
                (forward.get(i), backward.get(i + 1), contribs.get(i))
            else {
                return Vec::new();
            };
            cs.iter()
                .enumerate()
                .filter(|(_, v)| {
                    fs.iter().any(|f| {
                        add(f, v)
                            .and_then(|s| {
                                s.iter().map(|x| x.checked_neg()).collect::<Option<State>>()
                            })
                            .is_some_and(|need| later.contains(&need))
                    })
                })
                .map(|(k, _)| k)
                .collect()
        })
        .collect();
    Joint::Solved(alive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_candidates_that_sum_to_zero() {
        // a + b - c = 0 with a ∈ {1, 2}, b ∈ {3}, c ∈ {4, 9}.
        let parts = vec![
            vec![vec![1], vec![2]],
            vec![vec![3]],
            vec![vec![-4], vec![-9]],
        ];
        assert_eq!(
            survivors(&parts, 1),
            Joint::Solved(vec![vec![0], vec![0], vec![0]])
        );
        let parts = vec![vec![vec![1]], vec![vec![-2]]];
        assert_eq!(survivors(&parts, 1), Joint::Contradiction);
    }

    #[test]
    fn too_many_sums_are_capped() {
        let part = |d: usize| -> Vec<State> {
            (0..100)
                .map(|v| {
                    let mut s = vec![0; 3];
                    s[d] = v;
                    s
                })
                .collect()
        };
        let parts = vec![part(0), part(1), part(2)];
        assert_eq!(survivors(&parts, 3), Joint::Capped);
    }
}
