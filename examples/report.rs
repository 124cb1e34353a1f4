//! The library API on one report: read its bytes (any encoding, text or HTML), parse,
//! reach a typed cell, list the tidy records and validate.
//!
//! ```text
//! cargo run --example report -- examples/reports/sample-2022.txt
//! ```
//!
//! (The command-line tool, `zfxxgk`, is built with `--features cli`.)

use std::process::ExitCode;
use zfxxgk::catalogue::{T3Col, T3Row};
use zfxxgk::validate::{validate, Severity};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: report FILE");
        return ExitCode::from(2);
    };
    let name = std::path::Path::new(&path).display().to_string();
    // At most ParseOptions::max_input_bytes are read; a larger file is refused.
    let limit = zfxxgk::ParseOptions::default().max_input_bytes;
    let bytes = match zfxxgk::read_file_limited(&path, limit) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{name}: {e}");
            return ExitCode::from(3);
        }
    };
    let report = match zfxxgk::parse_bytes(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{name}: {e}");
            return ExitCode::from(3);
        }
    };

    let year = report.metadata.year.as_ref().map(|y| y.value);
    let agency = report.metadata.agency.as_ref().map(|a| a.value.as_str());
    println!(
        "{name}: {} edition, year {year:?}, agency {agency:?}, read as {} {:?}",
        report.edition, report.source.encoding, report.source.format
    );

    // A typed cell: table 三, 一、本年新收政府信息公开申请数量, 总计.
    let new_total = report
        .tables
        .requests
        .as_ref()
        .and_then(|t| t.cell(T3Row::NewRequests, T3Col::Total));
    if let Some(cell) = new_total {
        println!(
            "new requests: {:?} (line {})",
            cell.integer(),
            report.line_of(cell.span.start)
        );
    }

    // Tidy records: one per statistical cell.
    let cells: Vec<_> = report.cells().collect();
    println!("{} cells; the first: {:?}", cells.len(), cells.first());

    let findings = validate(&report);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    println!(
        "{} warnings while parsing, {} findings, {errors} errors",
        report.warnings.len(),
        findings.len()
    );
    for f in &findings {
        println!("  {f}");
    }
    ExitCode::SUCCESS
}
