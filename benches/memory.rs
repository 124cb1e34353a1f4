//! Peak heap memory while parsing, measured with a counting global allocator.
//!
//! For every input, the converter's dictionaries (and every other lazily built
//! static) are loaded first by a warm-up parse; then the allocator's peak is reset to
//! the current use and `parse_report` (and `parse_report` + `validate`) run. The table
//! gives the input size, the peak heap above that baseline, the ratio peak / input, and
//! what the returned `Report` keeps (bytes still allocated when the parse returns).
//! The target is a peak of at most 4× the input (the converter's tables are compiled in
//! and allocate nothing; what the first parse leaves allocated is printed first).
//! Ordinary reports are measured at 10 KB (the seeds), 100 KB, 1 MB and 16 MB (seed
//! 004 repeated), and a saved web page (`tests/fixtures/html/report_2019.html`).
//! Hostile inputs run at ×1 and ×10 (see `benches/hostile.rs`); those that expand or
//! repeat what they read (`fdfa`, `crlf-rows`, `fullwidth-digits`) also at ×160, 16 MB.
//!
//! ```text
//! cargo bench --bench memory
//! cargo bench --bench memory --features opencc    # system OpenCC converter
//! MEMORY_WRITE=/tmp/inputs cargo bench --bench memory   # write the inputs, nothing else
//! ```
//!
//! For the whole process (max RSS), see `scripts/max-rss.sh`.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// `System`, counting the bytes currently allocated and their peak.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            // While moving, both blocks may be live: count the new one before the old
            // one is released, as a copying realloc holds both.
            grew(new_size);
            CURRENT.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Peak bytes above the current use while `f` runs, and bytes still held by its result.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize) {
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let out = f();
    let peak = PEAK.load(Relaxed).saturating_sub(base);
    let kept = CURRENT.load(Relaxed).saturating_sub(base);
    drop(out);
    (peak, kept)
}

fn mb(b: usize) -> String {
    format!("{:.3}", b as f64 / 1e6)
}

fn main() {
    let before = CURRENT.load(Relaxed);
    let _ = zfxxgk::parse_report("預熱報告\n一、總體情況\n本機關收到申請1件。\n");
    let dicts = CURRENT.load(Relaxed).saturating_sub(before);
    println!(
        "statics held after a warm-up parse: {} MB (peak while loading {} MB)",
        mb(dicts),
        mb(PEAK.load(Relaxed).saturating_sub(before))
    );

    let mut rows: Vec<(String, String)> = common::inputs()
        .items
        .iter()
        .map(|(n, t)| (n.to_string(), t.clone()))
        .collect();
    // Ordinary reports at 100 KB and 16 MB (seed 004 repeated), and a saved web page.
    let s004 = common::input("seed-004-simplified-2019");
    rows.push((
        "seed-004-x10-100KB".into(),
        common::repeat_to(s004, 100_000),
    ));
    rows.push((
        "seed-004-x1450-16MB".into(),
        common::repeat_to(s004, 16_000_000),
    ));
    match std::fs::read_to_string(format!(
        "{}/tests/fixtures/html/report_2019.html",
        common::ROOT
    )) {
        Ok(page) => rows.push(("html-page-report-2019".into(), page)),
        Err(_) => eprintln!("notice: tests/fixtures/html/report_2019.html not found"),
    }
    for kind in common::HOSTILE_KINDS {
        // The kinds that expand or repeat what they read also at 16 MB (the default
        // input limit is 16 MiB).
        let big = matches!(kind, "fdfa" | "crlf-rows" | "fullwidth-digits");
        for m in [1, 10, 160] {
            if m == 160 && !big {
                continue;
            }
            rows.push((format!("hostile {kind} x{m}"), common::hostile(kind, m)));
        }
    }

    if let Some(dir) = std::env::var_os("MEMORY_WRITE") {
        // Write the inputs (for heaptrack or massif runs of one input), nothing else.
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("create the output directory");
        for (name, text) in &rows {
            std::fs::write(dir.join(format!("{}.txt", name.replace(' ', "-"))), text)
                .expect("write an input");
        }
        eprintln!("wrote {} inputs to {}", rows.len(), dir.display());
        return;
    }
    println!(
        "{:<36} {:>10} {:>10} {:>7} {:>11} {:>7} {:>11} {:>7} {:>10}",
        "input",
        "input MB",
        "normalize",
        "ratio",
        "parse peak",
        "ratio",
        "+validate",
        "ratio",
        "report MB"
    );
    let mut worst: (f64, String) = (0.0, String::new());
    for (name, text) in &rows {
        let (peak_n, _) = measure(|| {
            zfxxgk::normalize::normalize(text, &zfxxgk::normalize::NormalizeOptions::default())
        });
        let (peak, kept) = measure(|| zfxxgk::parse_report(text));
        let (peak_v, _) =
            measure(|| zfxxgk::parse_report(text).map(|r| zfxxgk::validate::validate(&r).len()));
        let n = text.len().max(1) as f64;
        let (r1, r2) = (peak as f64 / n, peak_v as f64 / n);
        if r2 > worst.0 {
            worst = (r2, name.clone());
        }
        println!(
            "{:<36} {:>10} {:>10} {:>7.2} {:>11} {:>7.2} {:>11} {:>7.2} {:>10}{}",
            name,
            mb(text.len()),
            mb(peak_n),
            peak_n as f64 / n,
            mb(peak),
            r1,
            mb(peak_v),
            r2,
            mb(kept),
            if r2 > 4.0 { "  !! above 4x" } else { "" }
        );
    }
    println!(
        "worst peak/input ratio (parse + validate): {:.2} ({})",
        worst.0, worst.1
    );
}
