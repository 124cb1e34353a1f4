//! Inputs found by fuzzing (`fuzz/`, see `scripts/fuzz.sh`) and the hostile shapes of
//! `benches/hostile.rs`, small: each must parse (or be refused) without panicking, and
//! spans must stay inside the input.

use zfxxgk::{parse_report, parse_report_with, ParseError, ParseOptions};

/// Parse and validate `text` as the `parse_validate` fuzz target does.
fn check(text: &str) {
    let Ok(report) = parse_report(text) else {
        return;
    };
    for w in &report.warnings {
        assert!(
            w.span.start <= w.span.end && w.span.end <= text.len(),
            "{w:?}"
        );
    }
    for s in &report.sections {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len());
    }
    for c in report.cells() {
        assert!(c.line >= 1);
    }
    for f in zfxxgk::validate::validate(&report) {
        let _ = f.render(text, "fuzz.txt");
    }
}

#[test]
fn max_input_bytes_is_honoured() {
    let text = "一、总体情况\n本机关收到申请1件。\n".repeat(100);
    let limit = text.len();
    let at = ParseOptions::default().with_max_input_bytes(limit);
    assert!(parse_report_with(&text, &at).is_ok());
    let below = ParseOptions::default().with_max_input_bytes(limit - 1);
    match parse_report_with(&text, &below) {
        Err(ParseError::TooLarge { size, limit: l }) => {
            assert_eq!((size, l), (text.len(), limit - 1));
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert_eq!(
        ParseOptions::default().max_input_bytes,
        zfxxgk::__internal::DEFAULT_MAX_INPUT_BYTES
    );
}

#[test]
fn hostile_shapes_small() {
    let pipes = "|".repeat(5_000);
    let cases = [
        pipes.clone(),
        format!("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 {pipes}\n"),
        format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n{}\n",
            " 1 |".repeat(2_000)
        ),
        format!("一、总体情况\n新{}\n", "(xin)".repeat(2_000)),
        format!("一、总体情况\n{}", "1\n".repeat(5_000)),
        "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n".repeat(300),
        "一、总体情况 本机关收到申请46件,其中当面申请1件。".repeat(300),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn fragments_of_a_report() {
    let pieces = [
        "一、总体情况\n",
        "当前位置:首页 > 信息公开\r\n发布日期:2021-01-01 浏览次数:12\r\n",
        "五原縣和勝鄉(xiāng)2021年政府信息公開工作年度報(bào)告\n",
        "行政复议 | 行政诉讼 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |\n",
        "(一)予以公开\u{3000}１２\u{3000}３\n|---|---|\n",
        "新(xin)(xin)(xin)(xīn)\n",
        "\u{feff}\u{200b}|\r\r\n\u{2028}",
    ];
    for p in pieces {
        check(p);
        // Every prefix, cut at character boundaries.
        for (i, _) in p.char_indices() {
            check(&p[..i]);
        }
    }
}
