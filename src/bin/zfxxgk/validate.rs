//! `zfxxgk validate`: the template's arithmetic and structure, as compiler-style
//! diagnostics or JSON Lines; then the series checks across the files given.

use crate::args::{ColorChoice, ValidateArgs, ValidateFormat};
use crate::input::{self, display_name, is_stdin};
use crate::output::{note, settle, Failure, Sink};
use crate::series::{self, Dated};
use crate::Status;
use std::io::{self, IsTerminal, Write};
use zfxxgk::validate::{
    locate, render, validate_with, Finding, RenderOptions, Severity, ValidateOptions,
};
use zfxxgk::ParseOptions;

/// Writes findings and counts them.
struct Shown<'a> {
    args: &'a ValidateArgs,
    render: RenderOptions,
    out: Sink,
    errors: usize,
    warnings: usize,
}

impl Shown<'_> {
    /// Filter (`--min-severity`; `--strict` was applied by the validator) and write the
    /// findings of one file, whose decoded text is `source`.
    fn show(&mut self, findings: &[Finding], source: &str, name: &str) -> io::Result<()> {
        let min = self.args.min_severity;
        let kept: Vec<Finding> = findings
            .iter()
            .filter(|f| min.admits(f.severity))
            .cloned()
            .collect();
        for f in &kept {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                _ => {}
            }
        }
        match self.args.format {
            ValidateFormat::Text => self
                .out
                .write_all(render(source, name, &kept, &self.render).as_bytes()),
            ValidateFormat::Json => {
                for l in locate(source, name, &kept) {
                    serde_json::to_writer(&mut self.out, &l).map_err(io::Error::from)?;
                    self.out.write_all(
                        b"
",
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// The text the report's spans point into (the bytes decoded again).
fn decoded(bytes: &[u8]) -> String {
    zfxxgk::normalize::decode(bytes)
        .map(|d| d.into_text())
        .unwrap_or_default()
}

pub fn run(args: ValidateArgs) -> Result<Status, Failure> {
    let out = Sink::open(args.output.as_deref())?;
    let options = ParseOptions::default();
    let mut status = Status::Ok;
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => args.output.is_none() && io::stdout().is_terminal(),
    };
    let validate_options =
        ValidateOptions::strict(args.strict).min_severity(args.min_severity.severity());
    let mut shown = Shown {
        args: &args,
        render: RenderOptions::new(color),
        out,
        errors: 0,
        warnings: 0,
    };
    let mut dated: Vec<Dated> = Vec::new();
    let mut written = Ok(());
    for (index, path) in args.files.iter().enumerate() {
        let name = display_name(path);
        let loaded = input::read(path, &options)
            .and_then(|bytes| input::parse(&bytes, &options).map(|r| (bytes, r)));
        let (bytes, report) = match loaded {
            Ok(x) => x,
            Err(e) => {
                note(format_args!("error: {name}: {}", e.reason()));
                status = Status::Unreadable;
                continue;
            }
        };
        if let (Some(agency), Some(year), false) = (
            &report.metadata.agency,
            &report.metadata.year,
            args.no_series || is_stdin(path),
        ) {
            dated.push(Dated {
                agency: agency.value.clone(),
                year: year.value,
                index,
            });
        }
        let findings = validate_with(&report, &validate_options);
        if findings.is_empty() {
            continue;
        }
        let source = decoded(&bytes);
        written = shown.show(&findings, &source, &name);
        if written.is_err() {
            break;
        }
    }

    // Series: each agency's files, year N against year N−1, shown in year N's file.
    if written.is_ok() {
        let load = |i: usize| {
            let path = args.files.get(i)?;
            let bytes = input::read(path, &options).ok()?;
            let report = input::parse(&bytes, &options).ok()?;
            Some((report, bytes))
        };
        for group in series::groups(&mut dated) {
            series::check_group(group, load, |mut s| {
                if written.is_err() {
                    return;
                }
                let name = |i: usize| args.files.get(i).map(|p| display_name(p));
                s.finding.message = format!(
                    "{} (previous year: {})",
                    s.finding.message,
                    name(s.previous).unwrap_or_default()
                );
                let source = decoded(s.extra);
                let file = name(s.index).unwrap_or_default();
                written = shown.show(std::slice::from_ref(&s.finding), &source, &file);
            });
        }
    }

    if written.is_ok() && args.format == ValidateFormat::Text {
        note(format_args!(
            "{} file(s): {} error(s), {} warning(s)",
            args.files.len(),
            shown.errors,
            shown.warnings
        ));
    }
    if shown.errors > 0 && status == Status::Ok {
        status = Status::Findings;
    }
    settle(status, written, shown.out)
}
