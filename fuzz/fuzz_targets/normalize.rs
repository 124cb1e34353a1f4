//! `normalize` on arbitrary UTF-8: never panics, and every normalized position maps
//! back into the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zfxxgk::normalize::{normalize, NormalizeOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = normalize(text, &NormalizeOptions::default());
    let len = n.text().len();
    assert!(n.original_offset(len) <= text.len());
    let mut prev = 0;
    for (i, _) in n.text().char_indices() {
        let o = n.original_offset(i);
        assert!(o <= text.len());
        assert!(
            o >= prev,
            "offsets must not go backwards: {o} < {prev} at {i}"
        );
        prev = o;
        let s = n.original_span(i..len);
        assert!(s.start <= s.end && s.end <= text.len());
    }
    for c in n.chrome() {
        assert!(c.span.end <= text.len());
    }
});
