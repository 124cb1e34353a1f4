//! `parse_report` then `validate` on arbitrary bytes (read as UTF-8, lossily), with a
//! few invariants: spans lie inside the input, tidy records render, findings render.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(report) = zfxxgk::parse_report(&text) else {
        return;
    };
    for w in &report.warnings {
        assert!(
            w.span.end <= text.len() && w.span.start <= w.span.end,
            "{w:?}"
        );
    }
    for s in &report.sections {
        assert!(s.span.end <= text.len() && s.span.start <= s.span.end);
        let _ = s.span.slice(&text);
    }
    for c in report.cells() {
        assert!(c.line >= 1);
    }
    for f in zfxxgk::validate::validate(&report) {
        let _ = f.render(&text, "fuzz.txt");
        let _ = f.location(&report, &text);
    }
});
