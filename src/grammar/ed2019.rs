//! The 2019 edition (国办公开办函〔2019〕60号): 2019 and 2020 reports.
//!
//! Table 二 has five blocks (with (五) 其他对外管理服务事项 and (九) 政府集中采购) and the
//! item-count columns; table 三 has `(六)其他处理` as one data row. The labels only this
//! edition prints (block (九), its two extra rows, its columns) vote for it.

use super::facts::{EditionFacts, VoteLabels};
use crate::catalogue::{
    t3_rows_in, Edition, T2Block, T2Col, T2Row, T3Row, T2_2019, T3_COLUMNS, T4_COLUMNS, T4_ROWS,
};

/// Table 三's rows in this edition, as the catalogue marks them.
const T3_ROWS_IN_EDITION: [T3Row; 23] = t3_rows_in(Edition::E2019);

/// This edition's tables, as data.
pub const FACTS: EditionFacts = EditionFacts {
    edition: Edition::E2019,
    from_year: 2019,
    t2_blocks: T2_2019,
    t3_rows: &T3_ROWS_IN_EDITION,
    t3_merged: &[],
    t3_columns: &T3_COLUMNS,
    t4_rows: &T4_ROWS,
    t4_columns: &T4_COLUMNS,
    votes: VoteLabels {
        t2_blocks: &[T2Block::Item9],
        t2_rows: &[T2Row::OtherServices, T2Row::Procurement],
        t2_columns: &[
            T2Col::NewlyMade,
            T2Col::NewlyPublished,
            T2Col::TotalPublished,
            T2Col::PreviousYearItems,
            T2Col::Change,
            T2Col::Decisions,
            T2Col::ProcurementProjects,
            T2Col::ProcurementAmount,
        ],
        // `(六)其他处理` as one row is printed in 2021 reports too: no vote.
        t3_rows: &[],
    },
};
