//! Output: the tidy cell records of LABELS (one record per statistical cell), for
//! datasets built from many reports. JSON of the whole [`Report`](crate::Report) comes
//! from its serde implementation.

mod tidy;

pub use tidy::TidyRecord;
