//! Reading one input: its bytes up to the size limit, then the report.

use std::path::Path;
use zfxxgk::{ParseError, ParseOptions, ReadError, Report};

/// Why an input gave no report.
#[derive(Debug)]
pub enum Refusal {
    /// The bytes could not be had, or are not text (I/O error, over the size limit, a
    /// PDF, binary data, empty).
    Unreadable(String),
    /// Text, but not a report.
    NotAReport(String),
    /// Anything else the parser refused.
    Failed(String),
}

impl Refusal {
    /// The `status` column of `reports.csv`.
    pub fn status(&self) -> &'static str {
        match self {
            Refusal::Unreadable(_) => "unreadable",
            Refusal::NotAReport(_) => "not-a-report",
            Refusal::Failed(_) => "failed",
        }
    }

    /// Why, in words.
    pub fn reason(&self) -> &str {
        match self {
            Refusal::Unreadable(r) | Refusal::NotAReport(r) | Refusal::Failed(r) => r,
        }
    }
}

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The path as it is written in output (`<stdin>` for `-`; characters that are not
/// valid Unicode as U+FFFD).
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.to_string_lossy().into_owned()
    }
}

/// The bytes of `path` (standard input for `-`), never more than the size limit: a
/// larger file is refused from its length without being read.
pub fn read(path: &Path, options: &ParseOptions) -> Result<Vec<u8>, Refusal> {
    let limit = options.max_input_bytes;
    let bytes = if is_stdin(path) {
        zfxxgk::read_limited(std::io::stdin().lock(), limit)
    } else {
        zfxxgk::read_file_limited(path, limit)
    };
    bytes.map_err(|e| match e {
        ReadError::TooLarge { size, limit } => Refusal::Unreadable(format!(
            "too large: {size} bytes or more, over the limit of {limit} bytes"
        )),
        other => Refusal::Unreadable(format!("cannot read: {other}")),
    })
}

/// The report in `bytes`.
pub fn parse(bytes: &[u8], options: &ParseOptions) -> Result<Report, Refusal> {
    zfxxgk::parse_bytes_with(bytes, options).map_err(refusal)
}

/// Read and parse `path`.
pub fn load(path: &Path, options: &ParseOptions) -> Result<Report, Refusal> {
    parse(&read(path, options)?, options)
}

fn refusal(e: ParseError) -> Refusal {
    let text = e.to_string();
    match e {
        ParseError::NotAReport { .. } => Refusal::NotAReport(text),
        ParseError::Empty | ParseError::TooLarge { .. } | ParseError::Pdf | ParseError::Binary => {
            Refusal::Unreadable(text)
        }
        _ => Refusal::Failed(text),
    }
}
