//! The command line (clap). Every option here is part of the contract described in the
//! CHANGELOG: change it only with an entry there.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::num::NonZeroUsize;
use std::path::PathBuf;

/// Parse, validate and tabulate China's government information disclosure annual
/// reports (政府信息公开工作年度报告).
///
/// Inputs may be text or HTML in UTF-8, UTF-16, GBK or GB18030; `-` reads standard
/// input. Exit status: 0 every input read (and for `validate`, no error found),
/// 1 `validate` found errors, 2 usage, 3 some input could not be read or is not a
/// report (the run went on), 4 the output could not be written.
#[derive(Debug, Parser)]
#[command(name = "zfxxgk", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse reports and print them as JSON, or their cells as tidy JSON Lines.
    Parse(ParseArgs),
    /// Check the template's arithmetic and structure; compiler-style diagnostics.
    Validate(ValidateArgs),
    /// Turn files and folders of reports into one dataset (CSV and JSON Lines).
    Dataset(DatasetArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// The report as JSON: pretty for one file, JSON Lines with `file` for several.
    Json,
    /// JSON Lines, one record per statistical cell.
    Tidy,
    /// Parse and validate only; print one summary line (for sizing a corpus).
    None,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ParseFormat::Json)]
    pub format: ParseFormat,
    /// Add the input's path as a leading `file` key (always on for several files in
    /// `json`).
    #[arg(long)]
    pub with_file: bool,
    /// Add the report's `agency`, `year` and `edition` to each tidy record (after
    /// `file`).
    #[arg(long)]
    pub with_meta: bool,
    /// Write to FILE instead of standard output (written whole or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report files (`-` for standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// Compiler-style diagnostics, with the source line and a marker under the cell.
    Text,
    /// JSON Lines, one finding per line with `file`, `line` and `column`.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum MinSeverity {
    /// Everything, including checks that could not be made.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

impl MinSeverity {
    /// The library's severity of this choice.
    pub fn severity(self) -> zfxxgk::validate::Severity {
        use zfxxgk::validate::Severity;
        match self {
            MinSeverity::Info => Severity::Info,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Error => Severity::Error,
        }
    }

    /// Whether a finding of `severity` is shown.
    pub fn admits(self, severity: zfxxgk::validate::Severity) -> bool {
        use zfxxgk::validate::Severity;
        let least = match self {
            MinSeverity::Info => Severity::Info,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Error => Severity::Error,
        };
        severity >= least
    }
}

/// When text diagnostics are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Only when standard output is a terminal (and no `-o FILE`).
    Auto,
    /// Always (ANSI escapes).
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
    /// Show only findings of this severity or above.
    #[arg(long, value_enum, default_value_t = MinSeverity::Info)]
    pub min_severity: MinSeverity,
    /// Findings that part of a report was not read (a table, a row, a cell) are
    /// errors: a report with unread cells never passes.
    #[arg(long)]
    pub strict: bool,
    /// Colour in text diagnostics: `auto` (only on a terminal), `always`, `never`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Do not compare the files of one agency across consecutive years
    /// (`SERIES-CARRY`, `SERIES-IN-FORCE`; standard input is never compared).
    #[arg(long)]
    pub no_series: bool,
    /// Write to FILE instead of standard output (written whole or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report files (`-` for standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DatasetArgs {
    /// Output folder (created if needed): cells.csv, cells.jsonl, reports.csv,
    /// findings.csv.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Worker threads (default: every core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Start the CSV files with a UTF-8 byte order mark, so that Excel shows Chinese
    /// text (pandas and R read either).
    #[arg(long)]
    pub excel: bool,
    /// Report files and folders (searched recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}
