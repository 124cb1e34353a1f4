//! Parse annual reports and print them.
//!
//! ```text
//! cargo run --release --example parse -- [--format json|tidy|none] [--with-file] FILE...
//! ```
//!
//! - `json` (default): each report as JSON (the `Report` type, serde).
//! - `tidy`: JSON Lines, one record per statistical cell, with the keys
//!   `table, block, row, column, value, unit, raw, line, placement, note` in that order;
//!   `--with-file` adds a leading `file` key.
//! - `none`: parse and validate every file and print one summary line (files, MB,
//!   reports parsed, findings, seconds, MB/s) — for sizing jobs on a corpus.
//!
//! `-` reads standard input. A file that cannot be read or parsed prints an error on
//! standard error and the run goes on; the exit status is 1 if any file failed.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Tidy,
    None,
}

fn usage() -> ExitCode {
    eprintln!("usage: parse [--format json|tidy|none] [--with-file] FILE...   (- reads stdin)");
    ExitCode::from(2)
}

fn read(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    res.map_err(|e| format!("{path}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("{path}: not UTF-8 text: {e}"))
}

fn main() -> ExitCode {
    let mut format = Format::Json;
    let mut with_file = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => match args.next().as_deref() {
                Some("json") => format = Format::Json,
                Some("tidy") => format = Format::Tidy,
                Some("none") => format = Format::None,
                _ => return usage(),
            },
            "--with-file" => with_file = true,
            "-h" | "--help" => return usage(),
            _ if a.starts_with("--") => return usage(),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return usage();
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let (mut bytes, mut parsed, mut findings) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    for path in &files {
        let text = match read(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
                continue;
            }
        };
        bytes += text.len();
        let report = match zfxxgk::parse_report(&text) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {path}: {e}");
                failed += 1;
                continue;
            }
        };
        parsed += 1;
        let written = match format {
            Format::None => {
                findings += zfxxgk::validate::validate(&report).len();
                Ok(())
            }
            Format::Json => serde_json::to_writer_pretty(&mut out, &report)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(out)),
            Format::Tidy => report.cells().try_for_each(|rec| {
                let json = serde_json::to_string(&rec).map_err(std::io::Error::other)?;
                if with_file {
                    // `{"file":…,` then the record's own fields, in their order.
                    let name = serde_json::to_string(path).map_err(std::io::Error::other)?;
                    write!(out, "{{\"file\":{name},{}", json.get(1..).unwrap_or("}"))?;
                } else {
                    out.write_all(json.as_bytes())?;
                }
                writeln!(out)
            }),
        };
        if let Err(e) = written {
            eprintln!("error: writing output: {e}");
            return ExitCode::from(1);
        }
    }
    if format == Format::None {
        let secs = start.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1e6;
        let _ = writeln!(
            out,
            "files {} | {:.3} MB | reports parsed {} | findings {} | {:.3} s | {:.1} MB/s",
            files.len(),
            mb,
            parsed,
            findings,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
    let _ = out.flush();
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
