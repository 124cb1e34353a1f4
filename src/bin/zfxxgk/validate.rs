//! `zfxxgk validate`: the template's arithmetic and structure, as compiler-style
//! diagnostics or JSON Lines.

use crate::args::{ValidateArgs, ValidateFormat};
use crate::input::{self, display_name};
use crate::output::{note, settle, Failure, Sink};
use crate::Status;
use serde_json::Value;
use std::io::{self, Write};
use zfxxgk::validate::{validate, Finding, Severity};
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

pub fn run(args: ValidateArgs) -> Result<Status, Failure> {
    let mut out = Sink::open(args.output.as_deref())?;
    let options = ParseOptions::default();
    let mut status = Status::Ok;
    let mut failed_checks = false;
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut written = Ok(());
    for path in &args.files {
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
        let findings: Vec<Finding> = validate(&report)
            .into_iter()
            .filter(|f| args.min_severity.admits(f.severity))
            .collect();
        if findings.is_empty() {
            continue;
        }
        // Spans point into the decoded text: decode again to show the lines.
        let source = zfxxgk::normalize::decode(&bytes)
            .map(|d| d.into_text())
            .unwrap_or_default();
        for f in &findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => {}
            }
            failed_checks |=
                f.severity == Severity::Error || (args.strict && f.severity == Severity::Warning);
            written = match args.format {
                ValidateFormat::Text => out.write_all(f.render(&source, &name).as_bytes()),
                ValidateFormat::Json => finding_json(f, &report, &source, &name).and_then(|v| {
                    serde_json::to_writer(&mut out, &v).map_err(io::Error::from)?;
                    out.write_all(b"\n")
                }),
            };
            if written.is_err() {
                break;
            }
        }
        if written.is_err() {
            break;
        }
    }
    if written.is_ok() && args.format == ValidateFormat::Text {
        note(format_args!(
            "{} file(s): {errors} error(s), {warnings} warning(s)",
            args.files.len()
        ));
    }
    if failed_checks && status == Status::Ok {
        status = Status::Findings;
    }
    settle(status, written, out)
}
