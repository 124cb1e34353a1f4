//! Validate annual reports and print compiler-style diagnostics or JSON.
//!
//! ```text
//! cargo run --release --example validate -- [--format text|json] FILE...
//! ```
//!
//! `-` reads standard input. A file that cannot be parsed is reported on stderr and the
//! run goes on. The exit status is 1 when any finding is an error or any file failed,
//! else 0.

use std::io::Read;
use std::process::ExitCode;
use zfxxgk::validate::{validate, Severity};

enum Format {
    Text,
    Json,
}

const USAGE: &str = "usage: validate [--format text|json] FILE...   (`-` reads stdin)";

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

fn main() -> ExitCode {
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" | "-f" => match args.next().as_deref() {
                Some("text") => format = Format::Text,
                Some("json") => format = Format::Json,
                other => {
                    eprintln!("error: unknown format {other:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--format=text" => format = Format::Text,
            "--format=json" => format = Format::Json,
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

    let mut failed = false;
    let mut json = Vec::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
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
        let report = match zfxxgk::parse_report(&source) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {name}: cannot parse: {e}");
                failed = true;
                continue;
            }
        };
        for f in validate(&report) {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
            failed |= f.severity == Severity::Error;
            match format {
                Format::Text => print!("{}", f.render(&source, name)),
                Format::Json => {
                    let loc = f.location(&report, &source);
                    let mut v = match serde_json::to_value(&f) {
                        Ok(v) => v,
                        Err(e) => {
                            eprintln!("error: {name}: cannot serialize a finding: {e}");
                            failed = true;
                            continue;
                        }
                    };
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert("file".into(), name.into());
                        obj.insert("line".into(), loc.map(|l| l.line).into());
                        obj.insert("column".into(), loc.map(|l| l.column).into());
                    }
                    json.push(v);
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
