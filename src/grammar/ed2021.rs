//! The 2021 edition (国办公开办函〔2021〕30号): 2021 reports and later.
//!
//! Table 二 has four blocks with 本年制发件数 / 本年废止件数 / 现行有效件数, 本年处理决定数量
//! and 本年收费金额 (万元); table 三 splits `(六)其他处理` into three rows. A report that
//! still prints `(六)其他处理` as one row keeps that row (it is not split into invented
//! rows). Its columns of table 二 and the three split rows vote for it.

use super::facts::{EditionFacts, VoteLabels};
use crate::catalogue::{
    t3_rows_in, Edition, T2Col, T3Row, T2_2021, T3_COLUMNS, T4_COLUMNS, T4_ROWS,
};

/// The rows `(六)其他处理` is split into.
const OTHER_PROCESSING: &[T3Row] = &[
    T3Row::OtherNoCorrection,
    T3Row::OtherUnpaidFee,
    T3Row::OtherOther,
];

/// Table 三's rows in this edition, as the catalogue marks them.
const T3_ROWS_IN_EDITION: [T3Row; 25] = t3_rows_in(Edition::E2021);

/// This edition's tables, as data.
pub const FACTS: EditionFacts = EditionFacts {
    edition: Edition::E2021,
    from_year: 2021,
    t2_blocks: T2_2021,
    t3_rows: &T3_ROWS_IN_EDITION,
    t3_merged: &[(T3Row::OtherProcessing, OTHER_PROCESSING)],
    t3_columns: &T3_COLUMNS,
    t4_rows: &T4_ROWS,
    t4_columns: &T4_COLUMNS,
    votes: VoteLabels {
        t2_blocks: &[],
        t2_rows: &[],
        t2_columns: &[
            T2Col::Issued,
            T2Col::Repealed,
            T2Col::InForce,
            T2Col::DecisionsThisYear,
            T2Col::FeeAmount,
        ],
        t3_rows: OTHER_PROCESSING,
    },
};
