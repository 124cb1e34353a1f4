//! Validate annual reports and print compiler-style diagnostics or JSON.
//!
//! ```text
//! cargo run --release --example validate -- [OPTIONS] FILE...
//!
//!   --format text|json     diagnostics (default) or one JSON array of findings
//!   --min-severity LEVEL   info (default), warning or error: leave out findings below
//!   --strict               completeness findings (COMPLETE-*: tables, rows, values
//!                          the parser did not read) are errors
//!   --color auto|always|never
//!                          ANSI colour; auto (default) colours only a terminal
//!   --no-series            do not compare the files across years
//! ```
//!
//! `-` reads standard input. A file that cannot be parsed is reported on stderr and the
//! run goes on.
//!
//! Series: the files given that are the same agency's reports (same `agency` in their
//! metadata) are compared across consecutive years (`SERIES-CARRY`,
//! `SERIES-IN-FORCE`), automatically; each such finding is shown in the later year's
//! file. `--no-series` turns this off.
//!
//! JSON findings carry `file`, `line` and `column` (1-based; the column counts
//! characters), and `label_locations`, the line and column of each label
//! (`validate::locate`).
//!
//! The exit status is 1 when any finding is an error (with `--strict`, any
//! completeness finding) or any file failed, 2 on a usage error, else 0.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use zfxxgk::validate::{
    locate, render, validate_series, validate_with, Finding, RenderOptions, Severity,
    ValidateOptions,
};
use zfxxgk::Report;

enum Format {
    Text,
    Json,
}

const USAGE: &str = "usage: validate [--format text|json] [--min-severity info|warning|error] \
[--strict] [--color auto|always|never] [--no-series] FILE...   (`-` reads stdin)";

fn read(path: &str) -> std::io::Result<String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        let bytes = std::fs::read(path)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn severity(text: Option<&str>) -> Option<Severity> {
    match text? {
        "info" => Some(Severity::Info),
        "warning" => Some(Severity::Warning),
        "error" => Some(Severity::Error),
        _ => None,
    }
}

/// A parsed file: its name, text and report.
struct Parsed {
    name: String,
    source: String,
    report: Report,
}

/// Whether two agency names name the same agency: equal, or the longer ends with the
/// shorter and the shorter says more than a bare `人民政府`.
fn same_agency(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short == long || (short.chars().count() >= 5 && long.ends_with(short))
}

fn main() -> ExitCode {
    let mut format = Format::Text;
    let mut options = ValidateOptions::default();
    let mut color = None;
    let mut series = true;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let value =
            |args: &mut std::iter::Skip<std::env::Args>| inline.clone().or_else(|| args.next());
        match name.as_str() {
            "--format" | "-f" => match value(&mut args).as_deref() {
                Some("text") => format = Format::Text,
                Some("json") => format = Format::Json,
                other => {
                    eprintln!("error: unknown format {other:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--min-severity" => {
                let v = value(&mut args);
                match severity(v.as_deref()) {
                    Some(s) => options = options.min_severity(s),
                    None => {
                        eprintln!("error: unknown severity {v:?}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--strict" => options.strict = true,
            "--color" | "--colour" => match value(&mut args).as_deref() {
                Some("auto") => color = None,
                Some("always") => color = Some(true),
                Some("never") => color = Some(false),
                other => {
                    eprintln!("error: unknown colour choice {other:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--no-series" => series = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with("--") => {
                eprintln!("error: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let render_options =
        RenderOptions::new(color.unwrap_or_else(|| std::io::stdout().is_terminal()));

    let mut failed = false;
    let mut parsed: Vec<Parsed> = Vec::new();
    for path in &files {
        let name = if path == "-" {
            "<stdin>"
        } else {
            path.as_str()
        };
        let source = match read(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {name}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match zfxxgk::parse_report(&source) {
            Ok(report) => parsed.push(Parsed {
                name: name.to_string(),
                source,
                report,
            }),
            Err(e) => {
                eprintln!("error: {name}: cannot parse: {e}");
                failed = true;
            }
        }
    }

    // Findings per file: its own, then the series findings whose later year it is.
    let mut per_file: Vec<Vec<Finding>> = parsed
        .iter()
        .map(|p| validate_with(&p.report, &options))
        .collect();
    if series {
        // Groups of files of one agency: the same name, or one name ending with the
        // other (`洪泽区人民政府` in `淮安市洪泽区人民政府`).
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, p) in parsed.iter().enumerate() {
            let Some(agency) = p.report.metadata.agency.as_ref().map(|a| a.value.as_str()) else {
                continue;
            };
            match groups
                .iter_mut()
                .find(|(name, _)| same_agency(name, agency))
            {
                Some((name, members)) => {
                    members.push(i);
                    if agency.len() > name.len() {
                        *name = agency.to_string();
                    }
                }
                None => groups.push((agency.to_string(), vec![i])),
            }
        }
        for (_, members) in groups {
            if members.len() < 2 {
                continue;
            }
            let reports: Vec<Report> = members
                .iter()
                .filter_map(|&i| parsed.get(i).map(|p| p.report.clone()))
                .collect();
            for f in validate_series(&reports) {
                if options.min_severity.is_some_and(|m| f.severity < m) {
                    continue;
                }
                let file = f.report.and_then(|r| members.get(r)).copied();
                if let Some(list) = file.and_then(|i| per_file.get_mut(i)) {
                    list.push(f);
                }
            }
        }
    }

    let mut json = Vec::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for (p, findings) in parsed.iter().zip(&per_file) {
        for f in findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
            failed |= f.severity == Severity::Error;
        }
        match format {
            Format::Text => print!("{}", render(&p.source, &p.name, findings, &render_options)),
            Format::Json => {
                for l in locate(&p.source, &p.name, findings) {
                    match serde_json::to_value(&l) {
                        Ok(v) => json.push(v),
                        Err(e) => {
                            eprintln!("error: {}: cannot serialize a finding: {e}", p.name);
                            failed = true;
                        }
                    }
                }
            }
        }
    }
    match format {
        Format::Json => match serde_json::to_string_pretty(&json) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: cannot write JSON: {e}");
                failed = true;
            }
        },
        Format::Text => eprintln!(
            "{} file(s): {errors} error(s), {warnings} warning(s)",
            files.len()
        ),
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
