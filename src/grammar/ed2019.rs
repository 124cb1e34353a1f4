//! The 2019 edition (国办公开办函〔2019〕60号): 2019 and 2020 reports.
//!
//! Table 二 has five blocks (with (五) 其他对外管理服务事项 and (九) 政府集中采购) and the
//! item-count columns; table 三 has `(六)其他处理` as one data row.

use super::tables::{build_t2, build_t3, Sink, T2Raw, T3Raw};
use crate::catalogue::{Edition, T3Row};
use crate::model::tables::{ActiveDisclosure, Requests};

/// This edition.
pub const EDITION: Edition = Edition::E2019;

/// Whether table 三 of this edition has a row.
pub fn has_t3_row(row: T3Row) -> bool {
    row.def().editions.contains(&EDITION)
}

/// Table 二 in this edition's columns.
pub fn table2(raw: &T2Raw<'_>, sink: &mut Sink<'_>) -> Option<ActiveDisclosure> {
    build_t2(raw, EDITION, sink)
}

/// Table 三 with this edition's rows.
pub fn table3(raw: &T3Raw<'_>, sink: &mut Sink<'_>) -> Requests {
    build_t3(raw, has_t3_row, EDITION, sink)
}
