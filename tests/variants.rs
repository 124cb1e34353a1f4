//! Traditional and pinyin-glossed copies parse to the same cells as their simplified
//! originals, and every span points into the text the user gave.

mod common;
use common::*;
use zfxxgk::catalogue::{Edition, T3_COLUMNS, T3_ROWS};
use zfxxgk::{parse_report, WarningKind};

fn to_traditional(s: &str) -> String {
    let cc = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t)
        .expect("s2t dictionary");
    cc.convert(s)
}

/// Insert tone-marked pinyin after a few common characters, as mirror sites do.
fn with_pinyin(s: &str) -> String {
    const GLOSS: &[(char, &str)] = &[
        ('鄉', "xiāng"),
        ('縣', "xiàn"),
        ('報', "bào"),
        ('開', "kāi"),
        ('務', "wù"),
        ('請', "qǐng"),
        ('況', "kuàng"),
        ('數', "shù"),
        ('規', "guī"),
        ('區', "qū"),
        ('關', "guān"),
        ('項', "xiàng"),
        ('處', "chù"),
        ('結', "jié"),
        ('總', "zǒng"),
        ('計', "jì"),
        ('訴', "sù"),
        ('復', "fù"),
        ('議', "yì"),
    ];
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        out.push(c);
        if let Some((_, py)) = GLOSS.iter().find(|(g, _)| *g == c) {
            out.push('(');
            out.push_str(py);
            out.push(')');
        }
    }
    out
}

fn same_cells(original: &str, copy: &str, what: &str) {
    let a = parse_report(original).expect("original parses");
    let b = parse_report(copy).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(a.edition, b.edition, "{what}");
    let (ca, cb) = (cell_map(&a), cell_map(&b));
    assert_eq!(ca.len(), cb.len(), "{what}: number of cells");
    for (k, v) in &ca {
        assert_eq!(
            cb.get(k).map(|x| (&x.0, &x.1)),
            Some((&v.0, &v.1)),
            "{what}: {k:?}"
        );
    }
    // The spans of the copy's cells cover the same digits in the copy.
    for cell in b
        .tables
        .requests
        .iter()
        .flat_map(|t| t.cells().map(|x| x.2))
    {
        assert_eq!(cell.span.slice(copy), Some(cell.raw.as_str()), "{what}");
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seeds_000_and_004_in_traditional_and_with_pinyin() {
    for id in ["000", "004"] {
        let Some(text) = seed(id) else { return };
        let trad = to_traditional(&text);
        assert_ne!(trad, text, "the copy is traditional");
        same_cells(&text, &trad, &format!("{id} traditional"));
        let glossed = with_pinyin(&trad);
        assert!(glossed.contains("(xiàn)") || glossed.contains("(kāi)"));
        same_cells(&text, &glossed, &format!("{id} traditional+pinyin"));
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_003_every_cell() {
    let Some(text) = seed("003") else { return };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2021);
    let agency = r.metadata.agency.as_ref().expect("agency");
    assert_eq!(agency.value, "五原县和胜乡");
    // The agency's span is in the user's text: traditional, with its gloss.
    assert_eq!(agency.span.slice(&text), Some("五原縣和勝鄉(xiāng)"));
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2021));
    // Table 二 (2021): 10 cells, all 0; the fee amount is in 万元.
    let t2: Vec<_> = r.cells().filter(|c| c.table == "二").collect();
    assert_eq!(t2.len(), 10);
    assert!(t2
        .iter()
        .all(|c| c.value.and_then(|v| v.as_integer()) == Some(0)));
    assert_eq!(
        t2.iter()
            .find(|c| c.row == "行政规范性文件")
            .map(|c| c.column),
        Some("本年制发件数")
    );
    assert_eq!(
        t2.iter()
            .find(|c| c.row == "行政事业性收费")
            .and_then(|c| c.unit),
        Some("万元")
    );
    // Table 三: the 25 rows of the 2021 edition, with the three (六) rows, all 0.
    for d in T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&Edition::E2021))
    {
        for c in T3_COLUMNS {
            let cell = r
                .cells()
                .find(|x| x.table == "三" && x.row == d.key && x.column == c.key());
            let cell = cell.unwrap_or_else(|| panic!("三 {} {}", d.key, c.key()));
            assert_eq!(
                cell.value.and_then(|v| v.as_integer()),
                Some(0),
                "三 {} {}",
                d.key,
                c.key()
            );
        }
    }
    assert_eq!(r.cells().filter(|c| c.table == "三").count(), 25 * 7);
    // Table 四: 15 zeros.
    let t4: Vec<_> = r.cells().filter(|c| c.table == "四").collect();
    assert_eq!(t4.len(), 15);
    assert!(t4
        .iter()
        .all(|c| c.value.and_then(|v| v.as_integer()) == Some(0)));
    // The stray cells are warnings, not shifted values.
    let stray_header = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::StrayValue { .. }));
    assert!(
        stray_header.is_some_and(|w| w.message().contains("header")),
        "{:?}",
        r.warnings
    );
    let extra_fee = r
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::ExtraCell { .. }));
    assert!(
        extra_fee.is_some_and(|w| w.message().contains("行政事业性收费")),
        "{:?}",
        r.warnings
    );
    // (六)1 is printed without 公开 (不再处理其政府信息申请) and still found above.
    assert!(text.contains("不再處理其政府信息申請(qǐng)"));
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_003_spans_cover_the_digits() {
    let Some(text) = seed("003") else { return };
    let r = parse_report(&text).expect("parses");
    let cells: Vec<&zfxxgk::Cell> = r.tables.iter_cells().map(|(_, c)| c).collect();
    assert_eq!(cells.len(), 10 + 175 + 15);
    for cell in cells {
        assert_eq!(cell.span.slice(&text), Some("0"), "{cell:?}");
        // And the line is the line of that digit in the original.
        let line = r.line_of(cell.span.start);
        let nth = text.lines().nth(line - 1).unwrap_or("");
        assert!(nth.contains('0'), "line {line}: {nth}");
    }
}
