//! The template's arithmetic (TEMPLATE.md §4) as data: identities inside a row (a
//! group's 总计 is the sum of its other cells) and identities down every column
//! (signed sums of rows that must come to zero).
//!
//! A table 三 row holds seven cells whose last (总计) is the sum of the six applicant
//! columns (S2); down each column the result rows add up to （七）总计 (S1) and
//! 新收 + 上年结转 = （七）总计 + 结转下年度 (E1). Table 四, read as one row of fifteen,
//! holds three groups whose 总计 is the sum of the four before it (S3).

use crate::catalogue::{Edition, T3Row, T3_ROWS};

/// A group of cells inside one row: the cells `addends` add up to the cell `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSum {
    /// First addend column.
    pub first: usize,
    /// Number of addend columns (they run from `first`).
    pub count: usize,
    /// The column holding their sum.
    pub total: usize,
}

/// The identities of a table: the row sums every row obeys, and signed sums of rows
/// that come to zero in every column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Cells per row.
    pub cols: usize,
    /// Sums that hold inside every row.
    pub row_sums: Vec<RowSum>,
    /// For each identity, its rows (indices into the table's rows) and their signs:
    /// `Σ sign · x[row][c] = 0` for every column `c`.
    pub col_identities: Vec<Vec<(usize, i64)>>,
}

impl Shape {
    /// A shape with no identities (cells per row only): table 二's rows.
    pub fn plain(cols: usize) -> Self {
        Shape {
            cols,
            row_sums: Vec::new(),
            col_identities: Vec::new(),
        }
    }

    /// Whether `row` satisfies every row sum (a missing operand makes a sum
    /// unchecked, as blanks are "not reported", TEMPLATE.md §4.5).
    pub fn row_holds(&self, row: &[Option<i64>]) -> bool {
        self.row_sums.iter().all(|s| row_sum_holds(s, row))
    }

    /// The column identities that do not hold, as `(identity index, column)`; an
    /// identity with a missing operand in a column is not checked there.
    #[cfg(test)]
    pub fn column_violations(&self, grid: &[Vec<Option<i64>>]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, id) in self.col_identities.iter().enumerate() {
            for c in 0..self.cols {
                let sum = id.iter().try_fold(0i64, |acc, &(r, sign)| {
                    let v = (*grid.get(r)?.get(c)?)?;
                    acc.checked_add(sign.checked_mul(v)?)
                });
                if let Some(s) = sum {
                    if s != 0 {
                        out.push((i, c));
                    }
                }
            }
        }
        out
    }
}

fn row_sum_holds(s: &RowSum, row: &[Option<i64>]) -> bool {
    let parts =
        (s.first..s.first + s.count).try_fold(0i64, |acc, c| acc.checked_add((*row.get(c)?)?));
    match (parts, row.get(s.total).copied().flatten()) {
        (Some(p), Some(t)) => p == t,
        _ => true,
    }
}

/// Table 三's rows in template order for an edition (23 in 2019, 25 in 2021).
pub fn t3_rows(edition: Edition) -> Vec<T3Row> {
    T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&edition))
        .map(|d| d.row)
        .collect()
}

/// Table 三's identities over `rows` (the rows a report prints, in any order): S2 in
/// every row; S1 when （七）总计 and every result leaf are present; E1 when 一, 二,
/// （七） and 四 are present.
pub fn t3_shape(rows: &[T3Row]) -> Shape {
    let at = |r: T3Row| rows.iter().position(|x| *x == r);
    let mut col_identities = Vec::new();
    let total = at(T3Row::ResultsTotal);
    let leaves: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_result_leaf())
        .map(|(i, _)| i)
        .collect();
    let has = |r: T3Row| at(r).is_some();
    let other_split =
        has(T3Row::OtherNoCorrection) || has(T3Row::OtherUnpaidFee) || has(T3Row::OtherOther);
    // Every leaf of one edition must be there, or the sum is not checkable.
    let needed: Vec<T3Row> = T3_ROWS
        .iter()
        .map(|d| d.row)
        .filter(|r| r.is_result_leaf())
        .filter(|r| match r {
            T3Row::OtherProcessing => !other_split,
            T3Row::OtherNoCorrection | T3Row::OtherUnpaidFee | T3Row::OtherOther => other_split,
            _ => true,
        })
        .collect();
    if let Some(t) = total {
        if needed.iter().all(|r| has(*r)) {
            let mut id: Vec<(usize, i64)> = leaves
                .iter()
                .copied()
                .filter(|&i| rows.get(i).is_some_and(|r| needed.contains(r)))
                .map(|i| (i, 1))
                .collect();
            id.push((t, -1));
            col_identities.push(id);
        }
        if let (Some(n), Some(c), Some(f)) = (
            at(T3Row::NewRequests),
            at(T3Row::CarriedOver),
            at(T3Row::CarriedForward),
        ) {
            col_identities.push(vec![(n, 1), (c, 1), (t, -1), (f, -1)]);
        }
    }
    Shape {
        cols: 7,
        row_sums: vec![RowSum {
            first: 0,
            count: 6,
            total: 6,
        }],
        col_identities,
    }
}

/// Table 四 as one row of fifteen cells: three groups of four outcomes and their 总计.
pub fn t4_shape() -> Shape {
    Shape {
        cols: 15,
        row_sums: (0..3)
            .map(|g| RowSum {
                first: g * 5,
                count: 4,
                total: g * 5 + 4,
            })
            .collect(),
        col_identities: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(v: &[i64]) -> Vec<Option<i64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    #[test]
    fn table_3_row_totals() {
        let s = t3_shape(&t3_rows(Edition::E2021));
        assert!(s.row_holds(&row(&[64, 0, 0, 2, 0, 4, 70])));
        assert!(!s.row_holds(&row(&[64, 0, 0, 2, 0, 4, 71])));
        // A blank operand leaves the sum unchecked.
        let mut r = row(&[64, 0, 0, 2, 0, 4, 99]);
        r[1] = None;
        assert!(s.row_holds(&r));
    }

    #[test]
    fn table_3_column_identities_need_their_rows() {
        let rows = t3_rows(Edition::E2021);
        assert_eq!(rows.len(), 25);
        let s = t3_shape(&rows);
        assert_eq!(s.col_identities.len(), 2);
        // S1 sums 21 leaves and subtracts the total.
        assert_eq!(s.col_identities[0].len(), 22);
        let partial: Vec<T3Row> = rows
            .iter()
            .copied()
            .filter(|r| *r != T3Row::WithheldInquiry)
            .collect();
        let s = t3_shape(&partial);
        assert_eq!(s.col_identities.len(), 1, "only E1 is checkable");
        assert_eq!(t3_shape(&rows[..2]).col_identities.len(), 0);
        assert_eq!(
            t3_shape(&t3_rows(Edition::E2019)).col_identities[0].len(),
            20
        );
    }

    #[test]
    fn column_violations_point_at_the_column() {
        let rows = vec![
            T3Row::NewRequests,
            T3Row::CarriedOver,
            T3Row::ResultsTotal,
            T3Row::CarriedForward,
        ];
        let s = t3_shape(&rows);
        let mut g = vec![
            row(&[5, 0, 0, 0, 0, 0, 5]),
            row(&[1, 0, 0, 0, 0, 0, 1]),
            row(&[6, 0, 0, 0, 0, 0, 6]),
            row(&[0, 0, 0, 0, 0, 0, 0]),
        ];
        assert!(s.column_violations(&g).is_empty());
        g[3][0] = Some(1);
        assert_eq!(s.column_violations(&g), vec![(0, 0)]);
        g[3][0] = None;
        assert!(s.column_violations(&g).is_empty());
    }

    #[test]
    fn table_4_groups() {
        let s = t4_shape();
        assert!(s.row_holds(&row(&[1, 0, 2, 0, 3, 1, 2, 0, 0, 3, 0, 0, 0, 0, 0])));
        assert!(!s.row_holds(&row(&[1, 0, 2, 0, 3, 1, 2, 0, 0, 3, 0, 0, 0, 1, 0])));
    }
}
