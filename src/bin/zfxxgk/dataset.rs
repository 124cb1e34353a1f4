//! `zfxxgk dataset`: files and folders of reports into one dataset.
//!
//! Inputs are found (folders recursively), sorted by path and processed in ordered
//! chunks on a thread pool; each chunk's rows are written before the next chunk's, so
//! the output is the same whatever the number of threads, and memory is bounded by the
//! chunk, not by the number of files. Only a small summary (agency, year, index) of each
//! report is kept for the series checks, which then re-read the reports of each agency
//! two consecutive years at a time.

use crate::args::DatasetArgs;
use crate::input::{self, display_name, Refusal};
use crate::output::{note, AtomicFile, Failure};
use crate::parse::{record_prefix, write_record};
use crate::series::{self, Dated};
use crate::Status;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use zfxxgk::catalogue::{t2_blocks, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS};
use zfxxgk::validate::{validate, Finding, Severity};
use zfxxgk::{Edition, ParseOptions, Report};

/// Files per worker thread in one chunk.
const CHUNK_PER_JOB: usize = 16;

const REPORT_COLUMNS: &[&str] = &[
    "file",
    "status",
    "reason",
    "encoding",
    "format",
    "edition",
    "year",
    "agency",
    "title",
    "cells_read",
    "cells_expected",
    "parse_warnings",
    "parse_warnings_by_kind",
    "findings_error",
    "findings_warning",
    "findings_info",
];

const FINDING_COLUMNS: &[&str] = &[
    "file", "code", "severity", "table", "block", "row", "column", "expected", "actual", "line",
    "message",
];

const META_COLUMNS: &[&str] = &["file", "agency", "year", "edition"];

/// One input: its path, or why it could not even be listed.
struct Input {
    path: PathBuf,
    error: Option<String>,
}

/// The rows one input gives, already encoded.
#[derive(Default)]
struct Rows {
    cells_csv: Vec<u8>,
    cells_jsonl: Vec<u8>,
    report_csv: Vec<u8>,
    findings_csv: Vec<u8>,
    /// Agency and year, for the series checks.
    series: Option<(String, u16)>,
    ok: bool,
}

/// The four output files.
struct Outputs {
    cells_csv: AtomicFile,
    cells_jsonl: AtomicFile,
    reports_csv: AtomicFile,
    findings_csv: AtomicFile,
}

impl Outputs {
    fn create(dir: &Path, bom: bool, cell_keys: &[String]) -> io::Result<Outputs> {
        let mut o = Outputs {
            cells_csv: AtomicFile::create(&dir.join("cells.csv"))?,
            cells_jsonl: AtomicFile::create(&dir.join("cells.jsonl"))?,
            reports_csv: AtomicFile::create(&dir.join("reports.csv"))?,
            findings_csv: AtomicFile::create(&dir.join("findings.csv"))?,
        };
        let cell_header: Vec<&str> = META_COLUMNS
            .iter()
            .copied()
            .chain(cell_keys.iter().map(String::as_str))
            .collect();
        for (file, header) in [
            (&mut o.cells_csv, cell_header.as_slice()),
            (&mut o.reports_csv, REPORT_COLUMNS),
            (&mut o.findings_csv, FINDING_COLUMNS),
        ] {
            if bom {
                file.write_all("\u{feff}".as_bytes())?;
            }
            file.write_all(&csv_row(header.iter().copied())?)?;
        }
        Ok(o)
    }

    fn write(&mut self, rows: &Rows) -> io::Result<()> {
        self.cells_csv.write_all(&rows.cells_csv)?;
        self.cells_jsonl.write_all(&rows.cells_jsonl)?;
        self.reports_csv.write_all(&rows.report_csv)?;
        self.findings_csv.write_all(&rows.findings_csv)
    }

    fn commit(self) -> io::Result<()> {
        self.cells_csv.commit()?;
        self.cells_jsonl.commit()?;
        self.reports_csv.commit()?;
        self.findings_csv.commit()
    }
}

/// CSV records (RFC 4180 quoting by the `csv` crate) into a buffer.
type CsvBuf = csv::Writer<Vec<u8>>;

fn csv_buf() -> CsvBuf {
    csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1 << 12)
        .from_writer(Vec::new())
}

fn csv_bytes(w: CsvBuf) -> io::Result<Vec<u8>> {
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// One CSV record, with its line end.
fn csv_row<I, S>(fields: I) -> io::Result<Vec<u8>>
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = csv_buf();
    w.write_record(fields)?;
    csv_bytes(w)
}

/// A JSON value as a CSV field: strings as they are, `null` as an empty field.
fn field(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => other.to_string(),
    }
}

/// The keys of the library's tidy record, in its order, read off a record of a small
/// built-in table (so that keys the library adds reach the CSV header by themselves).
fn tidy_keys() -> Vec<String> {
    let probe = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
                 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
    let keys = zfxxgk::parse_report(probe).ok().and_then(|r| {
        let rec = r.cells().next()?;
        match serde_json::to_value(rec).ok()? {
            Value::Object(m) => Some(m.keys().cloned().collect::<Vec<_>>()),
            _ => None,
        }
    });
    keys.unwrap_or_else(|| {
        [
            "table", "block", "row", "column", "value", "unit", "raw", "line",
        ]
        .iter()
        .map(|k| k.to_string())
        .collect()
    })
}

/// How many cells the template's tables have in `edition` (none for pre-2019 reports,
/// whose figures are free prose).
fn cells_expected(edition: Edition) -> Option<usize> {
    if edition == Edition::Legacy {
        return None;
    }
    let t2: usize = t2_blocks(edition)
        .iter()
        .map(|b| b.rows.len() * b.columns.len())
        .sum();
    let t3 = T3_ROWS
        .iter()
        .filter(|r| r.editions.contains(&edition))
        .count()
        * T3_COLUMNS.len();
    let t4 = T4_ROWS.len() * T4_COLUMNS.len();
    Some(t2 + t3 + t4)
}

/// The `findings.csv` row of a finding of `report`.
fn finding_row(file: &str, report: &Report, f: &Finding, note: &str) -> io::Result<Vec<u8>> {
    let cell = f.main_cell();
    let num = |d: Option<zfxxgk::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let line = f
        .span
        .map(|s| report.line_of(s.start).to_string())
        .unwrap_or_default();
    let message = if note.is_empty() {
        f.message.clone()
    } else {
        format!("{} ({note})", f.message)
    };
    csv_row([
        file,
        f.code.as_str(),
        f.severity.as_str(),
        cell.map_or("", |c| c.table.key()),
        cell.map_or("", |c| c.block.as_ref()),
        cell.map_or("", |c| c.row.as_ref()),
        cell.map_or("", |c| c.column.as_ref()),
        &num(f.expected),
        &num(f.actual),
        &line,
        &message,
    ])
}

/// The rows of one readable report.
fn report_rows(file: &str, report: &Report, cell_keys: &[String]) -> io::Result<Rows> {
    let mut rows = Rows {
        ok: true,
        ..Rows::default()
    };
    let prefix = record_prefix(Some(file), report, true);
    let meta: Vec<String> = META_COLUMNS.iter().map(|k| field(prefix.get(*k))).collect();
    let mut cells_read = 0usize;
    let mut cells_csv = csv_buf();
    for rec in report.cells() {
        cells_read += 1;
        write_record(&mut rows.cells_jsonl, &prefix, &rec)?;
        let value = serde_json::to_value(&rec).map_err(io::Error::from)?;
        let map = value.as_object();
        for m in &meta {
            cells_csv.write_field(m)?;
        }
        for k in cell_keys {
            cells_csv.write_field(field(map.and_then(|m| m.get(k))))?;
        }
        cells_csv.write_record(None::<&[u8]>)?;
    }
    rows.cells_csv = csv_bytes(cells_csv)?;

    let findings = validate(report);
    let mut by_severity = [0usize; 3];
    for f in &findings {
        let i = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
            _ => 3,
        };
        if let Some(n) = by_severity.get_mut(i) {
            *n += 1;
        }
        rows.findings_csv.extend(finding_row(file, report, f, "")?);
    }

    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for w in &report.warnings {
        // The serialized warning's `kind`: its name, whatever facts the kind carries.
        let kind = serde_json::to_value(w)
            .ok()
            .and_then(|v| v.get("kind").map(|k| field(Some(k))))
            .unwrap_or_default();
        *kinds.entry(kind).or_default() += 1;
    }
    let kinds = kinds
        .iter()
        .map(|(k, n)| format!("{k}={n}"))
        .collect::<Vec<_>>()
        .join(";");
    let format = field(serde_json::to_value(report.source.format).ok().as_ref());
    let year = report.metadata.year.as_ref().map(|y| y.value);
    let agency = report.metadata.agency.as_ref().map(|a| a.value.clone());
    let title = report.metadata.title.as_ref().map(|t| t.value.as_str());
    rows.report_csv = csv_row([
        file,
        "ok",
        "",
        report.source.encoding,
        &format,
        report.edition.as_str(),
        &year.map(|y| y.to_string()).unwrap_or_default(),
        agency.as_deref().unwrap_or(""),
        title.unwrap_or(""),
        &cells_read.to_string(),
        &cells_expected(report.edition)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        &report.warnings.len().to_string(),
        &kinds,
        &by_severity[0].to_string(),
        &by_severity[1].to_string(),
        &by_severity[2].to_string(),
    ])?;
    rows.series = agency.zip(year);
    Ok(rows)
}

/// The `reports.csv` row of an input that gave no report.
fn refused_rows(file: &str, refusal: &Refusal) -> io::Result<Rows> {
    let mut fields = vec![file, refusal.status(), refusal.reason()];
    fields.resize(REPORT_COLUMNS.len(), "");
    Ok(Rows {
        report_csv: csv_row(fields)?,
        ..Rows::default()
    })
}

/// Everything one input gives. Never fails: a refusal, and even a fault of the parser,
/// is a row of `reports.csv`.
fn process(input: &Input, options: &ParseOptions, cell_keys: &[String]) -> io::Result<Rows> {
    let file = display_name(&input.path);
    if let Some(e) = &input.error {
        return refused_rows(&file, &Refusal::Unreadable(e.clone()));
    }
    let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        input::load(&input.path, options)
    }));
    match loaded {
        Ok(Ok(report)) => report_rows(&file, &report, cell_keys),
        Ok(Err(refusal)) => refused_rows(&file, &refusal),
        Err(_) => refused_rows(
            &file,
            &Refusal::Failed("internal error of the parser (a bug: please report it)".into()),
        ),
    }
}

/// Every file under `paths` (folders recursively; links to folders inside them are not
/// followed), sorted by path, without the output folder.
fn find_inputs(paths: &[PathBuf], skip: Option<&Path>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, skip, &mut out),
            Ok(_) => out.push(Input {
                path: p.clone(),
                error: None,
            }),
            Err(e) => out.push(Input {
                path: p.clone(),
                error: Some(format!("cannot read: {e}")),
            }),
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}

fn walk(dir: &Path, skip: Option<&Path>, out: &mut Vec<Input>) {
    if skip.is_some() && std::fs::canonicalize(dir).ok().as_deref() == skip {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Input {
                path: dir.to_path_buf(),
                error: Some(format!("cannot list the folder: {e}")),
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Input {
                    path: dir.to_path_buf(),
                    error: Some(format!("cannot list the folder: {e}")),
                });
                continue;
            }
        };
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, skip, out),
            Ok(t) if t.is_symlink() => {
                // A link to a file is read; a link to a folder is not followed.
                if !std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                    out.push(Input { path, error: None });
                }
            }
            Ok(_) => out.push(Input { path, error: None }),
            Err(e) => out.push(Input {
                path,
                error: Some(format!("cannot read: {e}")),
            }),
        }
    }
}

/// `findings.csv` rows of the series checks for one agency's reports.
fn series_rows(group: &[Dated], inputs: &[Input], options: &ParseOptions) -> Vec<u8> {
    let mut out = Vec::new();
    let name = |i: usize| {
        inputs
            .get(i)
            .map(|x| display_name(&x.path))
            .unwrap_or_default()
    };
    let load = |i: usize| {
        let input = inputs.get(i)?;
        let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            input::load(&input.path, options)
        }))
        .ok()?
        .ok()?;
        Some((report, ()))
    };
    series::check_group(group, load, |s| {
        let note = format!("previous year: {}", name(s.previous));
        if let Ok(row) = finding_row(&name(s.index), s.report, &s.finding, &note) {
            out.extend(row);
        }
    });
    out
}

fn progress_bar(len: usize) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {pos}/{len} files, {rate} files/s, {eta} left {msg}",
    ) {
        pb.set_style(style.with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", state.per_sec());
            },
        ));
    }
    pb
}

pub fn run(args: DatasetArgs) -> Result<Status, Failure> {
    let jobs = args
        .jobs
        .map(std::num::NonZeroUsize::get)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start {jobs} threads: {e}")))?;
    std::fs::create_dir_all(&args.output).map_err(|e| {
        Failure::Usage(format!(
            "cannot create the output folder {}: {e}",
            args.output.display()
        ))
    })?;
    let skip = std::fs::canonicalize(&args.output).ok();
    let inputs = find_inputs(&args.paths, skip.as_deref());
    let options = ParseOptions::default();
    let cell_keys = tidy_keys();
    let mut outputs = Outputs::create(&args.output, args.excel, &cell_keys)
        .map_err(|e| Failure::Usage(format!("cannot write in {}: {e}", args.output.display())))?;

    let pb = progress_bar(inputs.len());
    let chunk_len = jobs.saturating_mul(CHUNK_PER_JOB).max(1);
    let mut dated: Vec<Dated> = Vec::new();
    let mut refused = 0usize;
    // Rows are written by a thread of their own while the pool works on the next chunk.
    let (tx, rx) = mpsc::sync_channel::<Vec<Rows>>(1);
    let writer = std::thread::spawn(move || -> io::Result<Outputs> {
        for chunk in rx {
            for rows in &chunk {
                outputs.write(rows)?;
            }
        }
        Ok(outputs)
    });
    let mut send_failed = false;
    for (c, chunk) in inputs.chunks(chunk_len).enumerate() {
        let mut rows: Vec<Rows> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let rows = process(input, &options, &cell_keys).unwrap_or_else(|e| {
                        refused_rows(
                            &display_name(&input.path),
                            &Refusal::Failed(format!("cannot encode the rows: {e}")),
                        )
                        .unwrap_or_default()
                    });
                    pb.inc(1);
                    rows
                })
                .collect()
        });
        for (k, r) in rows.iter_mut().enumerate() {
            if !r.ok {
                refused += 1;
            }
            if let Some((agency, year)) = r.series.take() {
                dated.push(Dated {
                    agency,
                    year,
                    index: c * chunk_len + k,
                });
            }
        }
        if tx.send(rows).is_err() {
            send_failed = true;
            break;
        }
    }
    drop(tx);
    let written = writer
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the writing thread failed")));
    let mut outputs = match written {
        Ok(o) if !send_failed => o,
        Ok(_) => return Err(Failure::Write(io::Error::other("rows were lost"))),
        Err(e) => return Err(Failure::Write(e)),
    };

    // Series checks: one agency at a time, years in order.
    pb.set_message("series checks");
    let groups = series::groups(&mut dated);
    for chunk in groups.chunks(chunk_len) {
        let rows: Vec<Vec<u8>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|g| series_rows(g, &inputs, &options))
                .collect()
        });
        for r in rows {
            outputs.findings_csv.write_all(&r)?;
        }
    }
    pb.finish_and_clear();
    outputs.commit()?;
    let ok = inputs.len() - refused;
    note(format_args!(
        "{} file(s): {ok} report(s), {refused} not read; dataset in {}",
        inputs.len(),
        args.output.display()
    ));
    Ok(if refused > 0 {
        Status::Unreadable
    } else {
        Status::Ok
    })
}
