//! No input panics or hangs: arbitrary strings, mutated reports, huge inputs.

mod common;
use common::*;
use proptest::prelude::*;
use zfxxgk::catalogue::Edition;
use zfxxgk::{parse_report, ParseError};

fn sample_report(edition: Edition, layout: Layout) -> String {
    let v = |_: &str, r: &str, c: &str| Some(((r.len() * 7 + c.len() * 3) % 50).to_string());
    render(&template_doc(edition, "某市某局2020年", &v), layout)
}

/// Parsing must end in a report or an error; the test fails on a panic.
fn total(text: &str) {
    match parse_report(text) {
        Ok(r) => {
            // Every span lies inside the input, and cells and warnings can be located.
            for w in &r.warnings {
                assert!(w.span.end <= text.len(), "{w:?}");
            }
            for c in r.cells() {
                assert!(c.line >= 1);
            }
        }
        Err(ParseError::Empty | ParseError::NotAReport { .. } | ParseError::TooLarge { .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        total(&s);
    }

    #[test]
    fn report_alphabet(parts in proptest::collection::vec(prop_oneof![
        Just("一、总体情况\n"), Just("三、收到和处理政府信息公开申请情况\n"), Just("四、政府信息公开行政复议、行政诉讼情况\n"),
        Just("第二十条第(一)项"), Just("信息内容"), Just("本年新"), Just("规章"), Just("(七)总计"), Just("3.其他"),
        Just(" | "), Just("|||"), Just("\n"), Just("\t"), Just("   "), Just("0"), Just("12"), Just("31.2万件"), Just("减少"),
        Just("-"), Just("(xiāng)"), Just("報(bào)"), Just("（"), Just("）"), Just("2021年1月12日"), Just("结果维持"),
        Just("\u{3000}"), Just("\r\n"), Just("ｆ"), Just("é"),
    ], 0..200)) {
        total(&parts.concat());
    }

    #[test]
    fn deleted_and_swapped_lines(seed in any::<u64>(), edition in prop_oneof![Just(Edition::E2019), Just(Edition::E2021)], li in 0usize..7) {
        let layout = LAYOUTS[li];
        let text = sample_report(edition, layout);
        let mut lines: Vec<&str> = text.lines().collect();
        let n = lines.len();
        let mut x = seed;
        for _ in 0..8 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let i = (x >> 33) as usize % n.max(1);
            let j = (x >> 13) as usize % n.max(1);
            if x % 3 == 0 { if i < lines.len() { lines.remove(i); } } else if i < lines.len() && j < lines.len() { lines.swap(i, j); }
        }
        total(&lines.join("\n"));
    }
}

#[test]
fn cut_at_every_position() {
    for edition in [Edition::E2019, Edition::E2021] {
        let text = sample_report(edition, Layout::PipeRows);
        for (i, _) in text.char_indices().step_by(3) {
            total(&text[..i]);
            total(&text[i..]);
        }
    }
}

#[test]
fn huge_inputs_finish() {
    // A 10 MB single line of report text.
    let line = "一、总体情况 本机关收到申请46件,其中当面申请1件。".repeat(10_000_000 / 70);
    total(&line);
    // 1 MB of pipes, alone and inside a table section.
    let pipes = "|".repeat(1 << 20);
    total(&pipes);
    total(&format!(
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 {pipes}\n"
    ));
    // A table row with 100 000 cells.
    let row = " 1 |".repeat(100_000);
    total(&format!(
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 |{row}\n"
    ));
    // A report repeated many times.
    total(&sample_report(Edition::E2021, Layout::PipeRows).repeat(200));
}

#[test]
fn wide_rows_are_counted_not_kept() {
    let row = " 1 |".repeat(100_000);
    let text = format!("四、政府信息公开行政复议、行政诉讼情况\n行政复议 |{row}\n");
    let r = parse_report(&text).expect("a report");
    let extra = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, zfxxgk::WarningKind::ExtraCell { .. }))
        .expect("extra cells reported");
    assert!(
        extra.message().contains("99985 cell(s) more"),
        "{}",
        extra.message()
    );
}

#[test]
fn limits_and_non_reports() {
    assert_eq!(parse_report(""), Err(ParseError::Empty));
    assert_eq!(parse_report(" \n\t "), Err(ParseError::Empty));
    assert!(matches!(
        parse_report("hello world"),
        Err(ParseError::NotAReport { .. })
    ));
    let opts = zfxxgk::ParseOptions::default().with_max_input_bytes(10);
    assert_eq!(
        zfxxgk::parse_report_with("一、总体情况 and more", &opts),
        Err(ParseError::TooLarge {
            size: 27,
            limit: 10
        })
    );
}

/// Parsing bytes must end in a report or an error; spans lie in the decoded text, and
/// decoded offsets map back into the input.
fn total_bytes(bytes: &[u8]) {
    match zfxxgk::parse_bytes(bytes) {
        Ok(r) => {
            let decoded = zfxxgk::normalize::decode(bytes).expect("decodes when it parses");
            let text = decoded.text();
            for w in &r.warnings {
                assert!(w.span.end <= text.len(), "{w:?}");
            }
            assert_eq!(r.source.decode_errors, decoded.invalid().len());
            // Offsets map into the input, in order (a few, to stay linear).
            let mut last = 0;
            for i in (0..=text.len())
                .step_by(text.len() / 16 + 1)
                .chain([text.len()])
            {
                let o = decoded.original_offset(bytes, i);
                assert!(o <= bytes.len() && o >= last, "{i} {o} {last}");
                last = o;
            }
        }
        Err(
            ParseError::Empty
            | ParseError::NotAReport { .. }
            | ParseError::TooLarge { .. }
            | ParseError::Pdf
            | ParseError::Binary,
        ) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        total_bytes(&b);
    }

    #[test]
    fn reports_in_legacy_encodings_with_bytes_changed(
        seed in any::<u64>(),
        enc in 0usize..3,
        li in 0usize..7,
    ) {
        let text = sample_report(Edition::E2021, LAYOUTS[li]);
        let encoding = [encoding_rs::GBK, encoding_rs::UTF_8, encoding_rs::BIG5][enc];
        let mut bytes = encoding.encode(&text).0.into_owned();
        let mut x = seed;
        for _ in 0..4 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let i = (x >> 33) as usize % bytes.len().max(1);
            if let Some(b) = bytes.get_mut(i) {
                *b = (x >> 5) as u8 | 0x80;
            }
        }
        total_bytes(&bytes);
    }
}

#[test]
fn html_pages_and_entities_never_panic() {
    for s in [
        "<html><title>",
        "<meta charset=\"",
        "<meta name=ArticleTitle content=",
        "<h1><h1><h1></h1>",
        "<img src='",
        "<p>&NotEqualTilde</p><p>&#x110000;</p><p>&#128;&</p>",
        "<body>&;&#;&#x;&amp</body>",
        "<!DOCTYPE html><h1>某县2021年政府信息公开工作年度报告</h1><table><td><img src=x>",
    ] {
        total(s);
        total_bytes(s.as_bytes());
    }
}
