//! The error of [`parse_report`](crate::parse_report) and
//! [`parse_bytes`](crate::parse_bytes): only for input that is not a report at all.

use thiserror::Error;

/// Why a text could not be parsed as a report at all. Messy reports are not errors:
/// they parse with [`Warning`](crate::Warning)s.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input is empty or only whitespace.
    #[error("the input is empty")]
    Empty,
    /// The input is larger than the configured limit.
    #[error("the input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Input size in bytes.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Nothing in the input looks like a government information disclosure report.
    #[error("not a government information disclosure annual report: {reason}")]
    NotAReport {
        /// What was missing.
        reason: String,
    },
    /// The input is a PDF file: its text must be extracted first.
    #[error(
        "a PDF file: extract its text with `pdftotext -layout FILE` (poppler-utils) and parse \
         the text file it writes; -layout keeps the table columns the table reader needs"
    )]
    Pdf,
    /// The input is not text (NUL or control bytes, or a Word, Excel, archive or image
    /// file).
    #[error(
        "not text: binary data (a Word, Excel, archive or image file?); save the report \
         as text or HTML first"
    )]
    Binary,
}
