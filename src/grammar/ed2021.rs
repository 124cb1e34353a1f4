//! The 2021 edition (国办公开办函〔2021〕30号): 2021 reports and later.
//!
//! Table 二 has four blocks with 本年制发件数 / 本年废止件数 / 现行有效件数, 本年处理决定数量
//! and 本年收费金额 (万元); table 三 splits `(六)其他处理` into three rows. A report that
//! still prints `(六)其他处理` as one row keeps that row (it is not split into invented
//! rows).

use super::tables::{build_t2, build_t3, Sink, T2Raw, T3Raw};
use crate::catalogue::{Edition, T3Row};
use crate::model::tables::{ActiveDisclosure, Requests};

/// This edition.
pub const EDITION: Edition = Edition::E2021;

/// Whether table 三 of this edition accepts a row: its own rows, and `(六)其他处理`
/// printed as a single row.
pub fn has_t3_row(row: T3Row) -> bool {
    row.def().editions.contains(&EDITION) || row == T3Row::OtherProcessing
}

/// Table 二 in this edition's columns.
pub fn table2(raw: &T2Raw<'_>, sink: &mut Sink<'_>) -> Option<ActiveDisclosure> {
    build_t2(raw, EDITION, sink)
}

/// Table 三 with this edition's rows.
pub fn table3(raw: &T3Raw<'_>, sink: &mut Sink<'_>) -> Requests {
    build_t3(raw, has_t3_row, EDITION, sink)
}
