//! `zfxxgk parse`: reports as JSON, or their cells as tidy JSON Lines.

use crate::args::{ParseArgs, ParseFormat};
use crate::input::{self, display_name};
use crate::output::{note, settle, Failure, Sink};
use crate::Status;
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::time::Instant;
use zfxxgk::{ParseOptions, Report, TidyRecord};

/// The leading keys of a tidy record: `file` if given, then `agency`, `year` and
/// `edition` if `meta`.
pub fn record_prefix(file: Option<&str>, report: &Report, meta: bool) -> Map<String, Value> {
    let mut m = Map::new();
    if let Some(f) = file {
        m.insert("file".into(), f.into());
    }
    if meta {
        let agency = report.metadata.agency.as_ref().map(|a| a.value.as_str());
        m.insert("agency".into(), agency.into());
        m.insert(
            "year".into(),
            report.metadata.year.as_ref().map(|y| y.value).into(),
        );
        m.insert("edition".into(), report.edition.as_str().into());
    }
    m
}

/// Write `record` as one JSON line, its own keys after those of `prefix`.
pub fn write_record<W: Write>(
    out: &mut W,
    prefix: &Map<String, Value>,
    record: &TidyRecord<'_>,
) -> io::Result<()> {
    let json = serde_json::to_string(record).map_err(io::Error::from)?;
    if prefix.is_empty() {
        out.write_all(json.as_bytes())?;
    } else {
        let head = serde_json::to_string(prefix).map_err(io::Error::from)?;
        // `{"file":…` without its closing brace, then the record without its opening one.
        let head = head.strip_suffix('}').unwrap_or(&head);
        let tail = json.strip_prefix('{').unwrap_or(&json);
        out.write_all(head.as_bytes())?;
        out.write_all(if tail == "}" { b"}" } else { b"," })?;
        if tail != "}" {
            out.write_all(tail.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// The report as a JSON object, with a leading `file` key when `file` is given.
fn report_json(report: &Report, file: Option<&str>) -> io::Result<Value> {
    let value = serde_json::to_value(report).map_err(io::Error::from)?;
    let Some(file) = file else {
        return Ok(value);
    };
    let mut m = Map::new();
    m.insert("file".into(), file.into());
    if let Value::Object(fields) = value {
        m.extend(fields);
    }
    Ok(Value::Object(m))
}

pub fn run(args: ParseArgs) -> Result<Status, Failure> {
    let mut out = Sink::open(args.output.as_deref())?;
    let options = ParseOptions::default();
    let several = args.files.len() > 1;
    let mut status = Status::Ok;
    let (mut bytes, mut parsed, mut findings) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    let mut written = Ok(());
    for path in &args.files {
        let name = display_name(path);
        let report = match input::read(path, &options).and_then(|b| {
            bytes += b.len();
            input::parse(&b, &options)
        }) {
            Ok(r) => r,
            Err(e) => {
                note(format_args!("error: {name}: {}", e.reason()));
                status = Status::Unreadable;
                continue;
            }
        };
        parsed += 1;
        let file = (args.with_file || (several && args.format == ParseFormat::Json))
            .then_some(name.as_str());
        written = match args.format {
            ParseFormat::None => {
                findings += zfxxgk::validate::validate(&report).len();
                Ok(())
            }
            ParseFormat::Json => report_json(&report, file).and_then(|v| {
                if several {
                    serde_json::to_writer(&mut out, &v).map_err(io::Error::from)?;
                } else {
                    serde_json::to_writer_pretty(&mut out, &v).map_err(io::Error::from)?;
                }
                out.write_all(b"\n")
            }),
            ParseFormat::Tidy => {
                let prefix = record_prefix(file, &report, args.with_meta);
                report
                    .cells()
                    .try_for_each(|rec| write_record(&mut out, &prefix, &rec))
            }
        };
        if written.is_err() {
            break;
        }
    }
    if written.is_ok() && args.format == ParseFormat::None {
        let secs = start.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1e6;
        written = writeln!(
            out,
            "files {} | {:.3} MB | reports parsed {} | findings {} | {:.3} s | {:.1} MB/s",
            args.files.len(),
            mb,
            parsed,
            findings,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
    settle(status, written, out)
}
