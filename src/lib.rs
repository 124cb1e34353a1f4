#![doc = include_str!("../README.md")]
//!
//! # Layers
//!
//! A report goes through the layers in this order:
//! normalize → lex → grammar (one module per edition) → model → validate → output.
//! In dependency terms (who may `use` whom) the order is, from the bottom:
//!
//! | rank | modules | may use |
//! |---|---|---|
//! | 0 | `span`, `error`, `syntax` (the nom parsers' one error type, runs of digits), `input` (reading up to a size limit) | nothing of the crate |
//! | 1 | [`catalogue`] (the template's labels and keys, shared by every layer) | `span` |
//! | 2 | [`model`] (the typed report, and the grammar of a [`Decimal`]'s digits behind its `FromStr`) | ranks 0–1 |
//! | 3 | [`normalize`] | ranks 0–2 |
//! | 4 | `lex` (tokens, and the grammar of cell values and prose figures) | ranks 0–3 |
//! | 5 | `grammar` (sections, metadata, tables per edition, pre-2019 prose) | ranks 0–4 |
//! | 6 | [`validate`] | ranks 0–5 |
//! | 7 | [`output`] (tidy records) | ranks 0–6 |
//!
//! `span`, `catalogue` and `model` sit at the bottom: the model is made of plain data
//! types, free of parser types, and depends on nothing above it; the layers above
//! build it (`grammar`), check it (`validate`) and flatten it (`output`). A test
//! (`tests/layers.rs`) fails when a module imports from a layer above its own.
//!
//! The public surface is [`parse_report`], [`parse_report_with`], [`parse_bytes`],
//! [`parse_bytes_with`], [`ParseOptions`], [`read_limited`], [`read_file_limited`], the
//! [`model`] types, the [`catalogue`]'s keys, [`normalize()`](normalize::normalize)
//! with its options and result, [`decode()`](normalize::decode) with its result,
//! [`validate`] with its findings, and [`output`]'s records. The lexer, the table readers, label matching and the converter's tables
//! are private.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod catalogue;
mod error;
mod grammar;
mod input;
mod lex;
pub mod model;
pub mod normalize;
pub mod output;
pub mod span;
mod syntax;
pub mod validate;

pub use catalogue::{Edition, TableId, Topic};
pub use error::ParseError;
pub use grammar::{
    parse_bytes, parse_bytes_with, parse_report, parse_report_with, ParseOptions,
    DEFAULT_MAX_INPUT_BYTES,
};
pub use input::{read_file_limited, read_limited, ReadError};
pub use model::{
    Cell, Date, Decimal, InputFormat, LegacyFigures, Located, Metadata, Placement, Report, Section,
    Source, Tables, Value, Warning, WarningKind,
};
pub use output::TidyRecord;
pub use span::{Location, Span};

/// Internals reached by the crate's benches, fuzz targets and tests. Not part of the
/// API: anything here may change or go in any release.
#[doc(hidden)]
pub mod __internal {
    /// The pre-2019 grammar.
    pub mod legacy {
        pub use crate::grammar::legacy::{figures, sections};
    }
    /// The recoveries' solvers (for the hostile-input bench).
    pub mod recover {
        pub use crate::grammar::recover::{arith, glued};
    }
    pub use crate::grammar::sections::split_sections;
    pub use crate::grammar::tables::Sink;
    pub use crate::grammar::DEFAULT_MAX_INPUT_BYTES;
    pub use crate::lex::lex;
    pub use crate::lex::value::parse_value;
    pub use crate::normalize::chrome::classify_chrome;
    pub use crate::normalize::convert::{
        builtin_converter, default_converter, is_traditional, needs_conversion, BuiltinConverter,
        CharTable, Converter, CONTEXT_CHARS,
    };
    #[cfg(feature = "opencc")]
    pub use crate::normalize::convert::{system_converter, SystemConverter};
    pub use crate::normalize::pinyin::is_pinyin_syllable;

    /// Normalize `input`, converting traditional characters with `converter`.
    pub fn normalize_with(
        input: &str,
        options: &crate::normalize::NormalizeOptions,
        converter: &dyn Converter,
    ) -> crate::normalize::Normalized {
        crate::normalize::normalize_with(input, options, converter)
    }
}
