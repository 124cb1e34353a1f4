//! Throughput of each layer and of the whole parse, on realistic inputs.
//!
//! Inputs (built once at bench time, see `benches/common/mod.rs`):
//! * the seeds of `../shared/seeds` (000 and 004 simplified 2019 edition, 001 and 002
//!   pre-2019, 003 traditional with pinyin glosses, 2021 edition);
//! * seed 004 converted to traditional by the `opencc` command-line tool
//!   (`opencc -c s2t.json`; Debian package `opencc`), or left simplified with a notice
//!   when the tool is absent;
//! * seed 004 with `(pinyin)` glosses after a few dozen common characters;
//! * seed 004 repeated to 1 MB;
//! * seed 004's cells re-printed in each of the 7 flattened layouts by the generator;
//! * a generated 2021-edition report.
//!
//! When `../shared` is absent, generated reports stand in for the seeds.
//!
//! Layers: `normalize` (all steps), `lex::lex` over the table 三 section of the
//! normalized text, `parse_report` (everything), `validate` (of a parsed report), and
//! `parse_report` + `validate`. Throughput is in bytes of the layer's input per second.
//!
//! ```text
//! cargo bench --bench parse                       # pure-Rust converter (default)
//! cargo bench --bench parse --features opencc     # system OpenCC converter
//! cargo bench --bench parse -- end_to_end         # only the parse + validate bench
//! ```

mod common;

use common::{input, INPUT_NAMES};
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::ops::Range;
use std::sync::OnceLock;
use zfxxgk::__internal::split_sections;
use zfxxgk::normalize::{normalize, NormalizeOptions};
use zfxxgk::Topic;

fn main() {
    // Load the converter's dictionaries and build every input before measuring.
    let _ = zfxxgk::parse_report("預熱報告\n一、總體情況\n本機關收到申請1件。\n");
    for (name, text) in &common::inputs().items {
        eprintln!("input {name}: {} bytes", text.len());
    }
    if let Ok(dir) = std::env::var("ZFXXGK_DUMP_INPUTS") {
        dump_inputs(&dir);
        return;
    }
    if let Ok(name) = std::env::var("ZFXXGK_PROFILE") {
        profile_loop(&name);
        return;
    }
    divan::main();
}

/// `ZFXXGK_DUMP_INPUTS=<dir>`: write every input to `<dir>/<name>.txt`, so that another
/// build (an earlier version, say) can be measured on the same bytes.
fn dump_inputs(dir: &str) {
    let dir = std::path::Path::new(dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return;
    }
    for (name, text) in &common::inputs().items {
        let path = dir.join(format!("{name}.txt"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
}

/// `ZFXXGK_PROFILE=<input name> [ZFXXGK_PROFILE_SECS=10] [ZFXXGK_PROFILE_LAYER=end_to_end]`:
/// run one layer on one input in a loop, for a profiler (`perf record`).
fn profile_loop(name: &str) {
    let text = input(name);
    let secs: f64 = std::env::var("ZFXXGK_PROFILE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let layer = std::env::var("ZFXXGK_PROFILE_LAYER").unwrap_or_else(|_| "end_to_end".into());
    let report = zfxxgk::parse_report(text).ok();
    let start = std::time::Instant::now();
    let mut n = 0u64;
    while start.elapsed().as_secs_f64() < secs {
        match layer.as_str() {
            "normalize" => {
                black_box(normalize(black_box(text), &NormalizeOptions::default()));
            }
            "parse_report" => {
                black_box(zfxxgk::parse_report(black_box(text)).ok());
            }
            "validate" => {
                if let Some(r) = &report {
                    black_box(zfxxgk::validate::validate(black_box(r)));
                }
            }
            _ => {
                let r = zfxxgk::parse_report(black_box(text));
                black_box(r.map(|r| zfxxgk::validate::validate(&r).len()).ok());
            }
        }
        n += 1;
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    eprintln!(
        "{layer} on {name}: {n} runs, {:.1} µs per run, {:.1} MB/s",
        per * 1e6,
        text.len() as f64 / per / 1e6
    );
}

/// The normalized text of an input and the range of its table 三 section (the whole
/// text when there is none, as in pre-2019 reports).
type Section = (String, Range<usize>);

fn table_section(name: &str) -> &'static Section {
    static CELL: OnceLock<Vec<(&'static str, Section)>> = OnceLock::new();
    let all = CELL.get_or_init(|| {
        INPUT_NAMES
            .iter()
            .map(|n| {
                let norm = normalize(input(n), &NormalizeOptions::default());
                let text = norm.text().to_string();
                let range = split_sections(&text)
                    .into_iter()
                    .find(|s| s.topic == Some(Topic::Requests))
                    .map_or(0..text.len(), |s| s.body_range);
                (*n, (text, range))
            })
            .collect()
    });
    &all.iter().find(|(n, _)| *n == name).expect("known input").1
}

/// Normalization, every step on, default converter.
#[divan::bench(args = INPUT_NAMES, max_time = 2)]
fn normalize_all_steps(b: Bencher, name: &str) {
    let text = input(name);
    let opts = NormalizeOptions::default();
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize(black_box(text), &opts));
}

/// The lexer over the table 三 section of the normalized text.
#[divan::bench(args = INPUT_NAMES, max_time = 2)]
fn lex_table_section(b: Bencher, name: &str) {
    let (text, range) = table_section(name);
    b.counter(BytesCount::new(range.len()))
        .bench(|| zfxxgk::__internal::lex(black_box(text), range.clone()));
}

/// `parse_report`: normalize, lex, grammar, model.
#[divan::bench(args = INPUT_NAMES, max_time = 2)]
fn parse_report(b: Bencher, name: &str) {
    let text = input(name);
    b.counter(BytesCount::of_str(text))
        .bench(|| zfxxgk::parse_report(black_box(text)));
}

/// `validate` of a parsed report (throughput in bytes of the report's input).
#[divan::bench(args = INPUT_NAMES, max_time = 2)]
fn validate(b: Bencher, name: &str) {
    let text = input(name);
    let Ok(report) = zfxxgk::parse_report(text) else {
        eprintln!("notice: {name} does not parse; nothing to validate");
        return;
    };
    b.counter(BytesCount::of_str(text))
        .bench(|| zfxxgk::validate::validate(black_box(&report)));
}

/// `parse_report` then `validate`: what a user of the crate pays per report.
#[divan::bench(args = INPUT_NAMES, max_time = 2)]
fn end_to_end(b: Bencher, name: &str) {
    let text = input(name);
    b.counter(BytesCount::of_str(text)).bench(|| {
        let r = zfxxgk::parse_report(black_box(text));
        r.map(|r| zfxxgk::validate::validate(&r).len())
    });
}
