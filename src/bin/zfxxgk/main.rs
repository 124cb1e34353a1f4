//! `zfxxgk`: parse, validate and tabulate government information disclosure annual
//! reports (政府信息公开工作年度报告) from the command line.
//!
//! ```text
//! zfxxgk parse    [--format json|tidy|none] [--with-file] [--with-meta] [-o FILE] FILE...
//! zfxxgk validate [--format text|json] [--min-severity info|warning|error] [--strict] [-o FILE] FILE...
//! zfxxgk dataset  -o DIR [--jobs N] [--excel] PATH...
//! ```
//!
//! Exit status: 0 every input read (and, for `validate`, no error found); 1 `validate`
//! found errors; 2 usage; 3 some input could not be read or is not a report (the run
//! went on); 4 the output could not be written.

mod args;
mod dataset;
mod input;
mod output;
mod parse;
mod series;
mod validate;

use clap::Parser;
use std::process::ExitCode;

/// The outcome of a command, as an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Every input read; nothing to report.
    Ok,
    /// `validate` found errors (or warnings, with `--strict`).
    Findings,
    /// Some input could not be read or is not a report; the run went on.
    Unreadable,
}

impl Status {
    fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Findings => 1,
            Status::Unreadable => 3,
        }
    }
}

/// Exit status for a command line that could not be understood.
const USAGE: u8 = 2;
/// Exit status when the output could not be written.
const WRITE_FAILED: u8 = 4;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print on stdout and succeed; mistakes go to stderr.
            let code = if e.use_stderr() { USAGE } else { 0 };
            // A closed stdout while printing the help is not worth a message.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        args::Command::Parse(a) => parse::run(a),
        args::Command::Validate(a) => validate::run(a),
        args::Command::Dataset(a) => dataset::run(a),
    };
    match result {
        Ok(status) => ExitCode::from(status.code()),
        Err(output::Failure::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(USAGE)
        }
        Err(output::Failure::Write(e)) => {
            eprintln!("error: writing output: {e}");
            ExitCode::from(WRITE_FAILED)
        }
    }
}
