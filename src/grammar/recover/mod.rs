//! Recoveries for tables that printed copies flatten beyond what the table reader
//! reads, each one module tested on its own:
//!
//! - [`arith`]: the template's identities (TEMPLATE.md §4) as data;
//! - [`glued`]: digit runs without separators split by those identities;
//! - [`prose`]: figures the report states in words (a table 二 cell with its row and
//!   column named; the counts of table 三's result groups);
//! - [`t3_orphans`]: table 三 rows printed away from their labels, matched to the
//!   empty result rows by label fragments and the results' sum;
//! - [`t4_flow`]: table 四 printed in reading order, its runs ordered by the group
//!   totals.
//!
//! A recovery places a value only where the text and the arithmetic pin it; what
//! they do not pin is reported with its candidates, never filled in.

pub mod arith;
pub mod glued;
pub mod glued_tables;
pub mod headings;
pub mod joint;
pub mod prose;
pub mod reading_order;
pub mod runs;
pub mod t3_orphans;
pub mod t4_flow;
