//! What a template edition prints, as data: its table 二 blocks (rows and columns),
//! table 三 rows and columns, table 四 rows and columns, and the labels only it prints
//! (each one found in a report is a vote for it).
//!
//! Each edition's value is defined in its own module ([`super::ed2019::FACTS`],
//! [`super::ed2021::FACTS`]) from the entries of the [catalogue](crate::catalogue),
//! which stays the one source of labels and keys. The folds that assemble the grids
//! ([`super::fold`]) and the choice of edition read these values; nothing else in the
//! grammar branches on the edition. A new template revision is one more module and one
//! more entry of [`EDITIONS`].

use super::{ed2019, ed2021};
use crate::catalogue::{Edition, T2Block, T2BlockDef, T2Col, T2Row, T3Col, T3Row, T4Col, T4Row};

/// One template edition's tables.
#[derive(Debug)]
pub struct EditionFacts {
    /// The edition.
    pub edition: Edition,
    /// The first report year the edition is used for.
    pub from_year: u16,
    /// Table 二's blocks with their rows and columns, in template order.
    pub t2_blocks: &'static [T2BlockDef],
    /// Table 三's rows, in template order.
    pub t3_rows: &'static [T3Row],
    /// Rows of table 三 that reports print in place of several of the template's rows
    /// (`(六)其他处理` as one row for its three rows of 2021): accepted, and standing
    /// for those rows.
    pub t3_merged: &'static [(T3Row, &'static [T3Row])],
    /// Table 三's columns, in template order.
    pub t3_columns: &'static [T3Col],
    /// Table 四's row groups, in template order.
    pub t4_rows: &'static [T4Row],
    /// Table 四's columns (repeated for each row group), in template order.
    pub t4_columns: &'static [T4Col],
    /// The labels only this edition prints.
    pub votes: VoteLabels,
}

/// Labels of the tables that only one edition prints.
#[derive(Debug)]
pub struct VoteLabels {
    /// Table 二 block captions.
    pub t2_blocks: &'static [T2Block],
    /// Table 二 row labels.
    pub t2_rows: &'static [T2Row],
    /// Table 二 column headers.
    pub t2_columns: &'static [T2Col],
    /// Table 三 row labels.
    pub t3_rows: &'static [T3Row],
}

/// The template editions, oldest first.
pub const EDITIONS: [&EditionFacts; 2] = [&ed2019::FACTS, &ed2021::FACTS];

/// The facts of a template edition (`None` for pre-2019 reports).
pub fn of(edition: Edition) -> Option<&'static EditionFacts> {
    EDITIONS.iter().copied().find(|f| f.edition == edition)
}

impl EditionFacts {
    /// Whether table 三 of this edition accepts a row: a template row, or a row
    /// printed in place of several.
    pub fn accepts_t3_row(&self, row: T3Row) -> bool {
        self.t3_rows.contains(&row) || self.t3_merged.iter().any(|(m, _)| *m == row)
    }

    /// The block of table 二 that holds a row.
    pub fn t2_block_of(&self, row: T2Row) -> Option<&'static T2BlockDef> {
        self.t2_blocks.iter().find(|b| b.rows.contains(&row))
    }
}

/// Edition evidence found in the tables: how many labels only one edition prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Votes {
    /// Labels only the 2019 edition has.
    pub e2019: u32,
    /// Labels only the 2021 edition has.
    pub e2021: u32,
}

impl Votes {
    /// One vote for every edition whose vote labels `is_voter` accepts.
    pub fn add_where(&mut self, is_voter: impl Fn(&VoteLabels) -> bool) {
        for f in EDITIONS {
            if is_voter(&f.votes) {
                self.add(f.edition);
            }
        }
    }

    fn add(&mut self, e: Edition) {
        if let Some(n) = self.slot(e) {
            *n += 1;
        }
    }

    fn slot(&mut self, e: Edition) -> Option<&mut u32> {
        match e {
            Edition::E2019 => Some(&mut self.e2019),
            Edition::E2021 => Some(&mut self.e2021),
            _ => None,
        }
    }

    /// The votes for an edition.
    pub fn of(mut self, e: Edition) -> u32 {
        self.slot(e).map_or(0, |n| *n)
    }

    /// The votes of two readings together.
    pub fn plus(mut self, other: Votes) -> Votes {
        self.e2019 += other.e2019;
        self.e2021 += other.e2021;
        self
    }

    /// Whether labels of more than one edition voted.
    pub fn mixed(self) -> bool {
        EDITIONS.iter().filter(|f| self.of(f.edition) > 0).count() > 1
    }

    /// The edition with the most votes, the oldest on a tie (`None` without votes).
    pub fn winner(self) -> Option<Edition> {
        let mut best: Option<(Edition, u32)> = None;
        for f in EDITIONS {
            let n = self.of(f.edition);
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((f.edition, n));
            }
        }
        best.map(|(e, _)| e)
    }
}

/// The edition of a report year: the newest edition in use that year (`None` before
/// the first).
pub fn by_year(year: u16) -> Option<Edition> {
    EDITIONS
        .iter()
        .rev()
        .find(|f| year >= f.from_year)
        .map(|f| f.edition)
}

/// The newest edition.
pub fn newest() -> Edition {
    EDITIONS.last().map_or(Edition::E2021, |f| f.edition)
}

/// The oldest edition.
pub fn oldest() -> Edition {
    EDITIONS.first().map_or(Edition::E2019, |f| f.edition)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{t2_blocks, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS};

    #[test]
    fn facts_agree_with_the_catalogue() {
        for f in EDITIONS {
            let rows: Vec<T3Row> = T3_ROWS
                .iter()
                .filter(|d| d.editions.contains(&f.edition))
                .map(|d| d.row)
                .collect();
            assert_eq!(f.t3_rows, rows.as_slice(), "{}", f.edition);
            assert_eq!(f.t3_columns, T3_COLUMNS.as_slice());
            assert_eq!(f.t4_rows, T4_ROWS.as_slice());
            assert_eq!(f.t4_columns, T4_COLUMNS.as_slice());
            let blocks: Vec<T2Block> = f.t2_blocks.iter().map(|b| b.block).collect();
            let want: Vec<T2Block> = t2_blocks(f.edition).iter().map(|b| b.block).collect();
            assert_eq!(blocks, want);
            assert_eq!(of(f.edition).map(|g| g.edition), Some(f.edition));
        }
        assert_eq!(ed2019::FACTS.t3_rows.len(), 23);
        assert_eq!(ed2021::FACTS.t3_rows.len(), 25);
        assert!(of(Edition::Legacy).is_none());
    }

    #[test]
    fn vote_labels_are_only_their_editions() {
        for f in EDITIONS {
            for other in EDITIONS.iter().filter(|o| o.edition != f.edition) {
                let blocks: Vec<T2Block> = other.t2_blocks.iter().map(|b| b.block).collect();
                for b in f.votes.t2_blocks {
                    assert!(!blocks.contains(b), "{b:?}");
                }
                for r in f.votes.t2_rows {
                    assert!(other.t2_block_of(*r).is_none(), "{r:?}");
                }
                for c in f.votes.t2_columns {
                    assert!(
                        !other.t2_blocks.iter().any(|b| b.columns.contains(c)),
                        "{c:?}"
                    );
                }
                for r in f.votes.t3_rows {
                    assert!(!other.accepts_t3_row(*r), "{r:?}");
                }
            }
        }
        // Every column of table 二 votes for the edition that prints it.
        let cols = |f: &EditionFacts| {
            let mut v: Vec<T2Col> = f
                .t2_blocks
                .iter()
                .flat_map(|b| b.columns)
                .copied()
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for f in EDITIONS {
            let mut votes = f.votes.t2_columns.to_vec();
            votes.sort();
            assert_eq!(votes, cols(f), "{}", f.edition);
        }
    }

    #[test]
    fn votes_and_years_decide() {
        let mut v = Votes::default();
        assert_eq!(v.winner(), None);
        v.add_where(|l| l.t3_rows.contains(&T3Row::OtherOther));
        assert_eq!((v.e2019, v.e2021), (0, 1));
        assert_eq!(v.winner(), Some(Edition::E2021));
        v.add_where(|l| l.t2_rows.contains(&T2Row::Procurement));
        assert!(v.mixed());
        // A tie goes to the older edition.
        assert_eq!(v.winner(), Some(Edition::E2019));
        v.add_where(|l| l.t2_columns.contains(&T2Col::InForce));
        assert_eq!(v.winner(), Some(Edition::E2021));
        assert_eq!(by_year(2018), None);
        assert_eq!(by_year(2019), Some(Edition::E2019));
        assert_eq!(by_year(2020), Some(Edition::E2019));
        assert_eq!(by_year(2021), Some(Edition::E2021));
        assert_eq!(by_year(2030), Some(Edition::E2021));
        assert_eq!(newest(), Edition::E2021);
        assert_eq!(oldest(), Edition::E2019);
    }
}
