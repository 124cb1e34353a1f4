//! `zfxxgk validate`: the template's arithmetic and structure, as compiler-style
//! diagnostics or JSON Lines; then the series checks across the files given.

use crate::args::{ValidateArgs, ValidateFormat};
use crate::input::{self, display_name, is_stdin};
use crate::output::{note, settle, Failure, Sink};
use crate::series::{self, Dated};
use crate::Status;
use serde_json::Value;
use std::io::{self, Write};
use zfxxgk::validate::{validate, Code, Finding, Severity};
use zfxxgk::{ParseOptions, Report};

/// The finding as one JSON object with `file`, `line` and `column` (1-based, `null`
/// when the finding has no place).
pub fn finding_json(f: &Finding, report: &Report, source: &str, file: &str) -> io::Result<Value> {
    let loc = f.location(report, source);
    let mut v = serde_json::to_value(f).map_err(io::Error::from)?;
    if let Some(obj) = v.as_object_mut() {
        obj.insert("file".into(), file.into());
        obj.insert("line".into(), loc.map(|l| l.line).into());
        obj.insert("column".into(), loc.map(|l| l.column).into());
    }
    Ok(v)
}

/// Whether a finding says that part of the report was not read: a table, a row, a
/// cell. `--strict` makes these errors.
fn is_completeness(code: Code) -> bool {
    matches!(
        code,
        Code::StructMissingTable
            | Code::StructMissingRow
            | Code::StructUnknownRow
            | Code::CellMissing
            | Code::CellUnreadable
    )
}

/// Writes findings and counts them.
struct Shown<'a> {
    args: &'a ValidateArgs,
    out: Sink,
    errors: usize,
    warnings: usize,
}

impl Shown<'_> {
    /// Grade (`--strict`), filter (`--min-severity`) and write one finding of `report`,
    /// whose decoded text is `source`.
    fn show(
        &mut self,
        mut f: Finding,
        report: &Report,
        source: &str,
        name: &str,
    ) -> io::Result<()> {
        if self.args.strict && f.severity == Severity::Warning && is_completeness(f.code) {
            f.severity = Severity::Error;
        }
        if !self.args.min_severity.admits(f.severity) {
            return Ok(());
        }
        match f.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            _ => {}
        }
        match self.args.format {
            ValidateFormat::Text => self.out.write_all(f.render(source, name).as_bytes()),
            ValidateFormat::Json => {
                let v = finding_json(&f, report, source, name)?;
                serde_json::to_writer(&mut self.out, &v).map_err(io::Error::from)?;
                self.out.write_all(b"\n")
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
    let mut shown = Shown {
        args: &args,
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
        let findings = validate(&report);
        if findings.is_empty() {
            continue;
        }
        let source = decoded(&bytes);
        written = findings
            .into_iter()
            .try_for_each(|f| shown.show(f, &report, &source, &name));
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
                written = shown.show(s.finding, s.report, &source, &file);
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
