#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod catalogue;
pub mod error;
pub mod grammar;
pub mod lex;
pub mod model;
pub mod normalize;
pub mod output;
pub mod span;
pub mod validate;

pub use catalogue::{Edition, TableId, Topic};
pub use error::ParseError;
pub use grammar::{parse_report, parse_report_with, ParseOptions};
pub use model::{
    Cell, Date, Decimal, LegacyFigures, Located, Metadata, Report, Section, Tables, Value, Warning,
    WarningKind,
};
pub use output::TidyRecord;
pub use span::{Location, Span};
