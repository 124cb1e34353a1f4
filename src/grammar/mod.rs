//! The grammar layer: sections, metadata, edition, and the statistical tables.

pub mod value;
