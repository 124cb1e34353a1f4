//! Normalization throughput.
//!
//! Inputs (read at bench time):
//! * `simplified`: seeds 000 and 004 from `../shared/seeds` (or the crate's own fixture
//!   `tests/fixtures/normalize/simplified.txt`, repeated, when `../shared` is absent);
//! * `traditional-003`: seed 003, a traditional copy with pinyin glosses (or the
//!   traditional fixture, repeated);
//! * `traditional-004`: seed 004 converted to traditional with the `opencc` command-line
//!   tool (`opencc -c s2t.json`, Debian package `opencc`) into a temporary file (or the
//!   traditional fixture, repeated, when the tool is missing).
//!
//! Run with `cargo bench --bench normalize` (and `--features opencc` for the system
//! OpenCC backend). Throughput is reported in bytes of input per second.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::sync::OnceLock;
use zfxxgk::__internal::{builtin_converter, is_traditional, needs_conversion, normalize_with};
use zfxxgk::normalize::{normalize, NormalizeOptions};

fn main() {
    // Build converters and the detection set before measuring.
    let _ = normalize("預熱", &NormalizeOptions::default());
    divan::main();
}

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Inputs {
    simplified: String,
    traditional_003: String,
    traditional_004: String,
}

fn read_seed(num: &str) -> Option<String> {
    let dir = match std::env::var("ZFXXGK_SHARED") {
        Ok(d) if !d.is_empty() => format!("{d}/seeds"),
        _ => format!("{ROOT}/../shared/seeds"),
    };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(num) && n.ends_with(".txt"))
        .collect();
    names.sort();
    std::fs::read_to_string(format!("{dir}/{}", names.first()?)).ok()
}

fn fixture(name: &str, times: usize) -> String {
    std::fs::read_to_string(format!("{ROOT}/tests/fixtures/normalize/{name}"))
        .unwrap_or_default()
        .repeat(times)
}

/// Seed 004 in traditional characters, through the `opencc` tool.
fn s2t(text: &str) -> Option<String> {
    let dir = std::env::temp_dir();
    let input = dir.join(format!("zfxxgk-bench-{}-s.txt", std::process::id()));
    let output = dir.join(format!("zfxxgk-bench-{}-t.txt", std::process::id()));
    std::fs::write(&input, text).ok()?;
    let status = std::process::Command::new("opencc")
        .args(["-c", "s2t.json", "-i"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .status()
        .ok()?;
    let out = std::fs::read_to_string(&output).ok();
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&output);
    out.filter(|_| status.success())
}

fn inputs() -> &'static Inputs {
    static CELL: OnceLock<Inputs> = OnceLock::new();
    CELL.get_or_init(|| {
        let seeds = (read_seed("000"), read_seed("004"));
        let simplified = match &seeds {
            (Some(a), Some(b)) => format!("{a}\n{b}"),
            _ => {
                eprintln!("skipping seeds: ../shared not present; using fixtures");
                fixture("simplified.txt", 40)
            }
        };
        let traditional_003 = read_seed("003").unwrap_or_else(|| fixture("traditional.txt", 40));
        let traditional_004 = seeds.1.as_deref().and_then(s2t).unwrap_or_else(|| {
            eprintln!("opencc tool or seed 004 unavailable; using the traditional fixture");
            fixture("traditional.txt", 40)
        });
        Inputs {
            simplified,
            traditional_003,
            traditional_004,
        }
    })
}

fn input(name: &str) -> &'static str {
    let i = inputs();
    match name {
        "simplified" => &i.simplified,
        "traditional-003" => &i.traditional_003,
        _ => &i.traditional_004,
    }
}

const INPUTS: [&str; 3] = ["simplified", "traditional-003", "traditional-004"];

/// Everything on, with the default converter (system OpenCC with `--features opencc`).
#[divan::bench(args = INPUTS)]
fn default_options(b: Bencher, name: &str) {
    let text = input(name);
    let opts = NormalizeOptions::default();
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize(black_box(text), &opts));
}

/// Everything on, with the pure-Rust converter.
#[divan::bench(args = INPUTS)]
fn builtin_backend(b: Bencher, name: &str) {
    let text = input(name);
    let opts = NormalizeOptions::default();
    let Some(conv) = builtin_converter() else {
        return;
    };
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize_with(black_box(text), &opts, conv));
}

/// Everything on, with the system OpenCC converter.
#[cfg(feature = "opencc")]
#[divan::bench(args = INPUTS)]
fn opencc_backend(b: Bencher, name: &str) {
    let text = input(name);
    let opts = NormalizeOptions::default();
    let Some(conv) = zfxxgk::__internal::system_converter() else {
        return;
    };
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize_with(black_box(text), &opts, conv));
}

/// Conversion off: the cost of the other steps.
#[divan::bench(args = INPUTS)]
fn without_conversion(b: Bencher, name: &str) {
    let text = input(name);
    let opts = NormalizeOptions::default().with_to_simplified(false);
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize(black_box(text), &opts));
}

/// The conversion fast path: the scan that decides a text has nothing to convert (on
/// the simplified input with its few detection-set characters, such as `覆`, taken out,
/// so that the scan reads the whole text).
#[divan::bench]
fn fast_path_scan(b: Bencher) {
    let text = pure_simplified();
    b.counter(BytesCount::of_str(text))
        .bench(|| needs_conversion(black_box(text)));
}

/// Everything on, on simplified text without any detection-set character.
#[divan::bench]
fn fast_path_normalize(b: Bencher) {
    let text = pure_simplified();
    let opts = NormalizeOptions::default();
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize(black_box(text), &opts));
}

fn pure_simplified() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    CELL.get_or_init(|| {
        input("simplified")
            .chars()
            .filter(|&c| !is_traditional(c))
            .collect()
    })
}

/// Every step off: copying the input and building the identity map.
#[divan::bench]
fn all_steps_off(b: Bencher) {
    let text = input("simplified");
    let opts = NormalizeOptions::none();
    b.counter(BytesCount::of_str(text))
        .bench(|| normalize(black_box(text), &opts));
}

/// Position lookups as the parser makes them: the original offset of every character
/// of the normalized text, in text order (the map has a checkpoint wherever a line break,
/// a full-width character or a removed gloss changed a length).
#[divan::bench(args = INPUTS)]
fn lookups_in_text_order(b: Bencher, name: &str) {
    let n = normalize(input(name), &NormalizeOptions::default());
    let text = n.text();
    b.counter(BytesCount::of_str(text)).bench(|| {
        text.char_indices()
            .map(|(i, _)| n.original_offset(black_box(i)))
            .fold(0usize, usize::wrapping_add)
    });
}
