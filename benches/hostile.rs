//! Hostile inputs: the time per MB of `parse_report` + `validate` must stay flat from
//! ×1 to ×100.
//!
//! Kinds (base size ×1; ×10 and ×100 scale the repeated part):
//! * `one-line`: a title and a heading, then report prose without a newline, 100 KB
//!   (×100 = 10 MB on one line);
//! * `short-lines`: a heading then 50 000 lines `1` (100 KB, ×100 = 10 MB);
//! * `pipes`: bare `|`, 100 KB (×100 = 10 MB);
//! * `pipes-in-table`: a table 三 row label followed by 10 KB of `|` (×100 = 1 MB);
//! * `blank-lines-in-table`: a table laid out one cell per line with blank lines
//!   between cells, and a run of 100 000 blank lines (×100 = 10 MB);
//! * `headings`: 1 000 heading lines (`一、总体情况` and other numbered template
//!   headings, ×100 = 100 000 headings);
//! * `table-rows`: a report whose table 三 has 100 rows (×100 = 10 000 rows);
//! * `wide-row`: a table 四 row of 1 000 cells (×100 = 100 000 cells);
//! * `pinyin-groups`: `新(xin)(xin)(xin)…` with 10 000 glosses (×100 = 1 000 000);
//! * `repeated-report`: seed 004 (or a generated report) repeated 10 times (×100 =
//!   1 000 times, 11 MB);
//! * `repeated-legacy`: pre-2019 seed 001 repeated 10 times (×100 = 1 000 times, 8.7 MB);
//! * `fdfa`: a heading, then 100 KB of U+FDFA, a ligature whose NFKC form is 18
//!   characters (kept as it is by normalization; ×100 = 10 MB);
//! * `crlf-rows`: table 三 rows with CRLF line ends, each printed twice, 100 KB (×100 =
//!   10 MB);
//! * `fullwidth-digits`: table 三 rows with full-width digits, `｜` and U+3000, 100 KB
//!   (×100 = 10 MB);
//! * `glued-runs`: a page on one line whose 25 table-三 rows are glued digit runs of
//!   4 000 digits each (×100 = 400 000 digits each, 10 MB).
//!
//! Then a second table: the glued-digit solver alone (`split_row` and `solve_table`)
//! on 25-row tables of runs of 100 to 100 000 digits (time per digit flat: long runs
//! are refused by their length) and on 25 to 400 of the worst runs within the length
//! bound (60 digits in table 四's shape; time per row flat: the per-row step bound
//! cuts them off), with the most splittings kept for a row (never above
//! `MAX_ROW_CANDIDATES`).
//!
//! Before the divan run, `main` prints a table of the median time per MB at ×1, ×10
//! and ×100 of every kind, for `parse_report` + `validate` and for `normalize` alone,
//! and the ratio ×100 / ×1 (flat is about 1; `!!` marks a ratio above 2).
//!
//! ```text
//! cargo bench --bench hostile                        # table, then divan
//! HOSTILE_TABLE_ONLY=1 cargo bench --bench hostile   # the table only
//! HOSTILE_ONLY=pipes,headings HOSTILE_TABLE_ONLY=1 cargo bench --bench hostile
//! HOSTILE_WRITE=/tmp/hostile cargo bench --bench hostile  # write the inputs, nothing else
//! scripts/hostile-instructions.sh                    # instructions per MB (noise-free)
//! ```

mod common;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use zfxxgk::normalize::{normalize, NormalizeOptions};

use common::HOSTILE_KINDS as KINDS;
const SCALES: [usize; 3] = [1, 10, 100];

fn inputs() -> &'static Vec<(String, usize, String)> {
    static CELL: OnceLock<Vec<(String, usize, String)>> = OnceLock::new();
    CELL.get_or_init(|| {
        KINDS
            .iter()
            .flat_map(|k| {
                SCALES
                    .iter()
                    .map(move |m| (k.to_string(), *m, common::hostile(k, *m)))
            })
            .collect()
    })
}

fn input(kind: &str, m: usize) -> &'static str {
    inputs()
        .iter()
        .find(|(k, s, _)| k == kind && *s == m)
        .map(|(_, _, t)| t.as_str())
        .expect("known input")
}

fn parse_validate(text: &str) -> usize {
    match zfxxgk::parse_report(text) {
        Ok(r) => zfxxgk::validate::validate(&r).len() + r.warnings.len(),
        Err(_) => 0,
    }
}

fn normalize_only(text: &str) -> usize {
    normalize(text, &NormalizeOptions::default()).text().len()
}

/// Median wall time of `f(text)` over `runs` runs (after one warm-up run when the
/// input is small).
fn median(text: &str, f: fn(&str) -> usize, runs: usize) -> Duration {
    if text.len() < 2_000_000 {
        black_box(f(text));
    }
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            black_box(f(black_box(text)));
            s.elapsed()
        })
        .collect();
    t.sort();
    t[t.len() / 2]
}

fn table() {
    println!("hostile inputs: median time per MB (ms/MB) at x1, x10, x100");
    println!(
        "{:<20} {:<9} {:>10} {:>10} {:>10} | {:>9} {:>9} {:>9} | {:>7}",
        "kind", "layer", "MB x1", "MB x10", "MB x100", "x1", "x10", "x100", "x100/x1"
    );
    let only = std::env::var("HOSTILE_ONLY").unwrap_or_default();
    for kind in KINDS {
        if !only.is_empty() && !only.split(',').any(|k| k == kind) {
            continue;
        }
        for (layer, f) in [
            ("parse+val", parse_validate as fn(&str) -> usize),
            ("normalize", normalize_only as fn(&str) -> usize),
        ] {
            let mut sizes = Vec::new();
            let mut per_mb = Vec::new();
            for m in SCALES {
                let text = input(kind, m);
                let runs = match m {
                    1 => 21,
                    10 => 7,
                    _ => 3,
                };
                let d = median(text, f, runs);
                let mb = text.len() as f64 / 1e6;
                sizes.push(mb);
                per_mb.push(d.as_secs_f64() * 1e3 / mb);
            }
            let ratio = per_mb[2] / per_mb[0];
            println!(
                "{:<20} {:<9} {:>10.3} {:>10.3} {:>10.3} | {:>9.2} {:>9.2} {:>9.2} | {:>7.2}{}",
                kind,
                layer,
                sizes[0],
                sizes[1],
                sizes[2],
                per_mb[0],
                per_mb[1],
                per_mb[2],
                ratio,
                if ratio > 2.0 { " !!" } else { "" }
            );
        }
    }
}

/// Write every input to `dir` as `<kind>-x<scale>.txt` (for `scripts/hostile-instructions.sh`).
fn write_inputs(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("create the output directory");
    for (kind, m, text) in inputs() {
        std::fs::write(dir.join(format!("{kind}-x{m}.txt")), text).expect("write an input");
    }
    eprintln!("wrote {} inputs to {}", inputs().len(), dir.display());
}

/// Split every run of a table and solve it (table 三's row shape, or table 四's with
/// `t4`); returns the most splittings kept for a row.
fn solve(runs: &[String], t4: bool) -> usize {
    use zfxxgk::__internal::recover::arith::{t3_shape, t4_shape};
    use zfxxgk::__internal::recover::glued::{solve_table, split_row, RowSplits};
    let shape = if t4 {
        t4_shape()
    } else {
        t3_shape(&[zfxxgk::catalogue::T3Row::NewRequests])
    };
    let splits: Vec<RowSplits> = runs.iter().map(|r| split_row(r, &shape)).collect();
    let most = splits
        .iter()
        .map(|s| match s {
            RowSplits::Found(c) => c.len(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    black_box(solve_table(&splits, &shape));
    most
}

fn median_of(runs: &[String], n: usize, t4: bool) -> (Duration, usize) {
    let mut most = 0;
    let mut t: Vec<Duration> = (0..n)
        .map(|_| {
            let s = Instant::now();
            most = most.max(solve(black_box(runs), t4));
            s.elapsed()
        })
        .collect();
    t.sort();
    (t[t.len() / 2], most)
}

/// The solver alone: 25-row tables of glued runs of 100 to 100 000 digits (time per
/// digit must stay flat: long runs are refused by their length), and 25 to 400 runs
/// of the worst kind within the length bound (60 digits `1`/`0` in table 四's shape,
/// whose search the per-row step bound cuts off: time per row must stay flat).
fn solver_table() {
    use zfxxgk::__internal::recover::glued::MAX_ROW_CANDIDATES;
    println!();
    println!("glued-digit solver (split_row + solve_table), 25 rows, runs of n digits");
    println!(
        "{:<10} {:>12} {:>12} {:>12} {:>12} | {:>10}",
        "n", "100", "1 000", "10 000", "100 000", "x1000/x1"
    );
    let mut per = Vec::new();
    for n in [100, 1_000, 10_000, 100_000] {
        let runs: Vec<String> = (0..25).map(|i| common::digits(n, i + 7)).collect();
        let (d, _) = median_of(&runs, if n > 10_000 { 5 } else { 21 }, false);
        per.push(d.as_secs_f64() * 1e9 / (25 * n) as f64);
    }
    println!(
        "{:<10} {:>12.3} {:>12.3} {:>12.3} {:>12.3} | {:>10.2}",
        "ns/digit",
        per[0],
        per[1],
        per[2],
        per[3],
        per[3] / per[0]
    );
    println!("worst runs within the bounds (table 四's shape, 60 digits of 1 and 0), r rows");
    println!(
        "{:<10} {:>12} {:>12} {:>12} | {:>10} | {:>14}",
        "r", "25", "100", "400", "x16", "most kept"
    );
    let mut per = Vec::new();
    let mut most = 0;
    for rows in [25usize, 100, 400] {
        let runs: Vec<String> = (0..rows)
            .map(|i| {
                (0..60)
                    .map(|j| if (i + j) % 7 == 0 { '0' } else { '1' })
                    .collect()
            })
            .collect();
        let (d, m) = median_of(&runs, 3, true);
        most = most.max(m);
        per.push(d.as_secs_f64() * 1e6 / rows as f64);
    }
    println!(
        "{:<10} {:>12.1} {:>12.1} {:>12.1} | {:>10.2} | {:>5} ≤ {}",
        "µs/row",
        per[0],
        per[1],
        per[2],
        per[2] / per[0],
        most,
        MAX_ROW_CANDIDATES
    );
}

fn main() {
    // Load the converter's dictionaries before measuring.
    let _ = zfxxgk::parse_report("預熱報告\n一、總體情況\n本機關收到申請1件。\n");
    if let Some(dir) = std::env::var_os("HOSTILE_WRITE") {
        write_inputs(std::path::Path::new(&dir));
        return;
    }
    table();
    solver_table();
    if std::env::var_os("HOSTILE_TABLE_ONLY").is_some() {
        return;
    }
    divan::main();
}

/// `parse_report` + `validate` of each hostile kind at ×1, ×10, ×100.
#[divan::bench(consts = [1, 10, 100], args = KINDS, sample_count = 10, sample_size = 1, max_time = 5)]
fn parse_validate_scaled<const M: usize>(b: Bencher, kind: &str) {
    let text = input(kind, M);
    b.counter(BytesCount::of_str(text))
        .bench(|| parse_validate(black_box(text)));
}
