//! Complete real reports of ../shared/corpus/full that keep their cells apart.

mod common;
use common::*;
use zfxxgk::catalogue::{Edition, T3_COLUMNS, T4_COLUMNS, T4_ROWS};
use zfxxgk::{parse_report, Report};

fn get(r: &Report, table: &str, row: &str, col: &str) -> Option<String> {
    r.cells()
        .find(|c| c.table == table && c.row == row && c.column == col)
        .and_then(|c| c.value.map(|v| v.to_string()))
}

const HONGZE_2024_T3: [(&str, [i64; 7]); 23] = [
    ("本年新收政府信息公开申请数量", [95, 0, 0, 0, 0, 0, 95]),
    ("上年结转政府信息公开申请数量", [0; 7]),
    ("本年度办理结果/予以公开", [50, 0, 0, 0, 0, 0, 50]),
    ("本年度办理结果/部分公开", [9, 0, 0, 0, 0, 0, 9]),
    ("本年度办理结果/不予公开/属于国家秘密", [0; 7]),
    ("本年度办理结果/不予公开/其他法律行政法规禁止公开", [0; 7]),
    (
        "本年度办理结果/不予公开/危及“三安全一稳定”",
        [1, 0, 0, 0, 0, 0, 1],
    ),
    ("本年度办理结果/不予公开/保护第三方合法权益", [0; 7]),
    ("本年度办理结果/不予公开/属于三类内部事务信息", [0; 7]),
    (
        "本年度办理结果/不予公开/属于四类过程性信息",
        [1, 0, 0, 0, 0, 0, 1],
    ),
    (
        "本年度办理结果/不予公开/属于行政执法案卷",
        [1, 0, 0, 0, 0, 0, 1],
    ),
    ("本年度办理结果/不予公开/属于行政查询事项", [0; 7]),
    (
        "本年度办理结果/无法提供/本机关不掌握相关政府信息",
        [31, 0, 0, 0, 0, 0, 31],
    ),
    (
        "本年度办理结果/无法提供/没有现成信息需要另行制作",
        [1, 0, 0, 0, 0, 0, 1],
    ),
    ("本年度办理结果/无法提供/补正后申请内容仍不明确", [0; 7]),
    (
        "本年度办理结果/不予处理/信访举报投诉类申请",
        [1, 0, 0, 0, 0, 0, 1],
    ),
    ("本年度办理结果/不予处理/重复申请", [0; 7]),
    ("本年度办理结果/不予处理/要求提供公开出版物", [0; 7]),
    ("本年度办理结果/不予处理/无正当理由大量反复申请", [0; 7]),
    (
        "本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息",
        [0; 7],
    ),
    // The 2021-edition report prints (六)其他处理 as one row.
    ("本年度办理结果/其他处理", [0; 7]),
    ("本年度办理结果/总计", [95, 0, 0, 0, 0, 0, 95]),
    ("结转下年度继续办理", [0; 7]),
];

const HONGZE_2024_T2: [(&str, &str, &str); 10] = [
    ("规章", "本年制发件数", "0"),
    ("规章", "本年废止件数", "0"),
    ("规章", "现行有效件数", "0"),
    ("行政规范性文件", "本年制发件数", "3"),
    ("行政规范性文件", "本年废止件数", "0"),
    ("行政规范性文件", "现行有效件数", "8"),
    ("行政许可", "本年处理决定数量", "9487"),
    ("行政处罚", "本年处理决定数量", "2776"),
    ("行政强制", "本年处理决定数量", "84"),
    ("行政事业性收费", "本年收费金额", "7545"),
];

const HONGZE_2024_T4: [i64; 15] = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3];

fn check_t4(r: &Report, vals: &[i64; 15]) {
    let mut it = vals.iter();
    for row in T4_ROWS {
        for col in T4_COLUMNS {
            let want = it.next().map(|v| v.to_string());
            assert_eq!(
                get(r, "四", row.key(), col.key()),
                want,
                "四 {} {}",
                row.key(),
                col.key()
            );
        }
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn hongze_2024_pdf_layout_every_cell() {
    let Some(text) = shared("corpus/full/hongze-qzf-2024.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2021);
    assert_eq!(
        r.metadata.agency.as_ref().map(|a| a.value.as_str()),
        Some("淮安市洪泽区人民政府")
    );
    assert_eq!(r.metadata.year.as_ref().map(|a| a.value), Some(2024));
    for (row, col, v) in HONGZE_2024_T2 {
        assert_eq!(
            get(&r, "二", row, col).as_deref(),
            Some(v),
            "二 {row} {col}"
        );
    }
    for (row, vals) in HONGZE_2024_T3 {
        for (c, v) in T3_COLUMNS.iter().zip(vals) {
            assert_eq!(
                get(&r, "三", row, c.key()),
                Some(v.to_string()),
                "三 {row} {}",
                c.key()
            );
        }
    }
    check_t4(&r, &HONGZE_2024_T4);
    assert_eq!(r.cells().count(), 10 + 23 * 7 + 15);
    // The label printed with characters lost is matched, and said so.
    assert!(r
        .warnings
        .iter()
        .any(|w| w.message().contains("其他法律行政止公开")));
}

/// The reading-order twin: one cell per line, table 三 partly emitted column by
/// column with its labels after the values. Every cell the parser gives must be
/// right; rows it cannot place are reported, not guessed.
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn hongze_2024_flow_layout_gives_only_right_cells() {
    let Some(text) = shared("corpus/full/hongze-qzf-2024.flow.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2021);
    for (row, col, v) in HONGZE_2024_T2 {
        assert_eq!(
            get(&r, "二", row, col).as_deref(),
            Some(v),
            "二 {row} {col}"
        );
    }
    check_t4(&r, &HONGZE_2024_T4);
    let mut read_rows = 0;
    for (row, vals) in HONGZE_2024_T3 {
        let got: Vec<Option<String>> = T3_COLUMNS
            .iter()
            .map(|c| get(&r, "三", row, c.key()))
            .collect();
        if got.iter().all(Option::is_none) {
            continue;
        }
        read_rows += 1;
        let want: Vec<Option<String>> = vals.iter().map(|v| Some(v.to_string())).collect();
        assert_eq!(got, want, "三 {row}");
    }
    // Every row: those printed row by row, and the bands printed column by column,
    // rebuilt from their runs of values where the template's arithmetic holds.
    assert_eq!(read_rows, HONGZE_2024_T3.len());
    let missing = r
        .warnings
        .iter()
        .filter(|w| {
            matches!(w.kind, zfxxgk::WarningKind::MissingRow { .. })
                && w.table() == Some(zfxxgk::TableId::T3)
        })
        .count();
    assert_eq!(missing, 0, "{:?}", r.warnings);
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn shuyang_2025_markdown_every_cell() {
    let Some(text) = shared("corpus/full/shuyang-xzf-2025.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2021);
    assert_eq!(r.metadata.year.as_ref().map(|a| a.value), Some(2025));
    for (row, col, v) in [
        ("规章", "本年制发件数", "0"),
        ("规章", "本年废止件数", "0"),
        ("规章", "现行有效件数", "0"),
        ("行政规范性文件", "本年制发件数", "6"),
        ("行政规范性文件", "本年废止件数", "1"),
        ("行政规范性文件", "现行有效件数", "32"),
        ("行政许可", "本年处理决定数量", "517645"),
        ("行政处罚", "本年处理决定数量", "693957"),
        ("行政强制", "本年处理决定数量", "2154"),
        ("行政事业性收费", "本年收费金额", "4068.208"),
    ] {
        assert_eq!(
            get(&r, "二", row, col).as_deref(),
            Some(v),
            "二 {row} {col}"
        );
    }
    let z = [0i64; 7];
    let t3: [(&str, [i64; 7]); 25] = [
        ("本年新收政府信息公开申请数量", [705, 3, 0, 0, 5, 0, 713]),
        ("上年结转政府信息公开申请数量", [36, 0, 0, 0, 0, 0, 36]),
        ("本年度办理结果/予以公开", [290, 1, 0, 0, 3, 0, 294]),
        ("本年度办理结果/部分公开", [99, 0, 0, 0, 2, 0, 101]),
        ("本年度办理结果/不予公开/属于国家秘密", z),
        ("本年度办理结果/不予公开/其他法律行政法规禁止公开", z),
        ("本年度办理结果/不予公开/危及“三安全一稳定”", [2, 0, 0, 0, 0, 0, 2]),
        ("本年度办理结果/不予公开/保护第三方合法权益", [2, 0, 0, 0, 0, 0, 2]),
        ("本年度办理结果/不予公开/属于三类内部事务信息", [13, 0, 0, 0, 0, 0, 13]),
        ("本年度办理结果/不予公开/属于四类过程性信息", [2, 0, 0, 0, 0, 0, 2]),
        ("本年度办理结果/不予公开/属于行政执法案卷", [4, 0, 0, 0, 0, 0, 4]),
        ("本年度办理结果/不予公开/属于行政查询事项", [9, 0, 0, 0, 0, 0, 9]),
        ("本年度办理结果/无法提供/本机关不掌握相关政府信息", [111, 0, 0, 0, 0, 0, 111]),
        ("本年度办理结果/无法提供/没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0, 2]),
        ("本年度办理结果/无法提供/补正后申请内容仍不明确", z),
        ("本年度办理结果/不予处理/信访举报投诉类申请", [12, 0, 0, 0, 0, 0, 12]),
        ("本年度办理结果/不予处理/重复申请", [6, 1, 0, 0, 0, 0, 7]),
        ("本年度办理结果/不予处理/要求提供公开出版物", z),
        ("本年度办理结果/不予处理/无正当理由大量反复申请", z),
        ("本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息", z),
        ("本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [9, 0, 0, 0, 0, 0, 9]),
        ("本年度办理结果/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [7, 0, 0, 0, 0, 0, 7]),
        ("本年度办理结果/其他处理/其他", [142, 1, 0, 0, 0, 0, 143]),
        ("本年度办理结果/总计", [710, 3, 0, 0, 5, 0, 718]),
        ("结转下年度继续办理", [31, 0, 0, 0, 0, 0, 31]),
    ];
    for (row, vals) in t3 {
        for (c, v) in T3_COLUMNS.iter().zip(vals) {
            assert_eq!(
                get(&r, "三", row, c.key()),
                Some(v.to_string()),
                "三 {row} {}",
                c.key()
            );
        }
    }
    check_t4(&r, &[27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
    assert_eq!(r.cells().count(), 10 + 25 * 7 + 15);
}

/// Excerpt 047 (驼峰路街道 2020): one cell per line with a blank line between cells, and
/// empty cells as longer runs of blank lines. The applicant columns of 本年新收 are
/// empty and only 总计 holds 0: blanks, not zeros, and nothing shifted.
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn excerpt_047_blank_line_runs_are_empty_cells() {
    let Some(text) = shared("corpus/excerpts/047.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2019);
    for row in [
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
    ] {
        let cells: Vec<(Option<String>, String)> = T3_COLUMNS
            .iter()
            .map(|c| {
                let rec = r
                    .cells()
                    .find(|x| x.table == "三" && x.row == row && x.column == c.key());
                let rec = rec.unwrap_or_else(|| panic!("{row} {}", c.key()));
                (rec.value.map(|v| v.to_string()), rec.raw.to_string())
            })
            .collect();
        let mut want = vec![(None, String::new()); 6];
        want.push((Some("0".into()), "0".into()));
        assert_eq!(cells, want, "{row}");
    }
    // Table 二: every cell 0, 22 cells.
    let t2: Vec<_> = r.cells().filter(|c| c.table == "二").collect();
    assert_eq!(t2.len(), 22);
    assert!(t2
        .iter()
        .all(|c| c.value.map(|v| v.to_string()).as_deref() == Some("0")));
}

/// 淮安市人民政府 2024: table 四 as PDF text with columns kept (right), and in reading
/// order with header cells between the values (not placed: reported, not guessed).
#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn huaian_2024_table_4_in_both_flattenings() {
    let Some(text) = shared("corpus/full/huaian-szf-2024.txt") else {
        return;
    };
    let r = parse_report(&text).expect("parses");
    check_t4(
        &r,
        &[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    );
    assert_eq!(
        get(&r, "三", "本年新收政府信息公开申请数量", "自然人").as_deref(),
        Some("3001")
    );
    assert_eq!(
        get(&r, "三", "本年新收政府信息公开申请数量", "总计").as_deref(),
        Some("3119")
    );
    assert_eq!(
        get(&r, "三", "本年度办理结果/总计", "总计").as_deref(),
        Some("3050")
    );
    assert_eq!(
        get(&r, "三", "结转下年度继续办理", "总计").as_deref(),
        Some("103")
    );
    assert_eq!(
        get(&r, "二", "行政处罚", "本年处理决定数量").as_deref(),
        Some("3985758")
    );
    let Some(flow) = shared("corpus/full/huaian-szf-2024.flow.txt") else {
        return;
    };
    let r = parse_report(&flow).expect("parses");
    // In reading order: the first group pinned by the group totals; groups two and
    // three (13 4 8 1 26 and 12 1 1 6 20) both add up in either place.
    let t4: Vec<(String, Option<String>)> = r
        .cells()
        .filter(|c| c.table == "四")
        .map(|c| (c.row.to_string(), c.value.map(|v| v.to_string())))
        .collect();
    assert_eq!(t4.len(), 5, "{t4:?}");
    assert!(t4.iter().all(|(row, _)| row == "行政复议"));
    for (col, v) in T4_COLUMNS.iter().zip([72, 64, 178, 37, 351]) {
        assert_eq!(
            get(&r, "四", "行政复议", col.key()),
            Some(v.to_string()),
            "四 {}",
            col.key()
        );
    }
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, zfxxgk::WarningKind::NotPlaced { .. })
            && w.table() == Some(zfxxgk::TableId::T4)));
}

// Reports read cell by cell (checked by hand against the text): every cell of
// the report, as (table and row, values in column order with `_` for a blank).
// Rows a report's text does not pin are absent: reported as not placed.

const HONGZE_2023: &[(&str, &str)] = &[
    ("二 规章", "0 0 0"),
    ("二 行政规范性文件", "0 5 5"),
    ("二 行政许可", "550"),
    ("二 行政处罚", "4119"),
    ("二 行政强制", "195"),
    ("二 行政事业性收费", "7730.28"),
    ("三 本年新收政府信息公开申请数量", "21 0 0 0 0 0 21"),
    ("三 上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
    ("三 本年度办理结果/予以公开", "0 0 0 0 0 0 0"),
    ("三 本年度办理结果/部分公开", "4 0 0 0 0 0 4"),
    ("三 本年度办理结果/不予公开/属于国家秘密", "1 0 0 0 0 0 1"),
    (
        "三 本年度办理结果/不予公开/其他法律行政法规禁止公开",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/危及“三安全一稳定”",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/保护第三方合法权益",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于三类内部事务信息",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于四类过程性信息",
        "1 0 0 0 0 0 1",
    ),
    (
        "三 本年度办理结果/不予公开/属于行政执法案卷",
        "1 0 0 0 0 0 1",
    ),
    (
        "三 本年度办理结果/不予公开/属于行政查询事项",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/无法提供/本机关不掌握相关政府信息",
        "10 0 0 0 0 0 10",
    ),
    (
        "三 本年度办理结果/无法提供/没有现成信息需要另行制作",
        "3 0 0 0 0 0 3",
    ),
    (
        "三 本年度办理结果/无法提供/补正后申请内容仍不明确",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/信访举报投诉类申请",
        "1 0 0 0 0 0 1",
    ),
    ("三 本年度办理结果/不予处理/重复申请", "0 0 0 0 0 0 0"),
    (
        "三 本年度办理结果/不予处理/要求提供公开出版物",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/无正当理由大量反复申请",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息",
        "0 0 0 0 0 0 0",
    ),
    ("三 本年度办理结果/其他处理", "0 0 0 0 0 0 0"),
    ("三 本年度办理结果/总计", "21 0 0 0 0 0 21"),
    ("三 结转下年度继续办理", "0 0 0 0 0 0 0"),
    ("四 行政复议", "10 1 0 0 0"),
    ("四 行政诉讼/未经复议直接起诉", "0 0 0 0 0"),
    ("四 行政诉讼/复议后起诉", "5 0 0 0 0"),
];

const HUAIAN_2024: &[(&str, &str)] = &[
    ("二 规章", "1 0 11"),
    ("二 行政规范性文件", "8 26 66"),
    ("二 行政许可", "447228"),
    ("二 行政处罚", "3985758"),
    ("二 行政强制", "88283"),
    ("二 行政事业性收费", "96171.6"),
    ("三 本年新收政府信息公开申请数量", "3001 53 0 0 61 4 3119"),
    ("三 上年结转政府信息公开申请数量", "34 0 0 0 0 0 34"),
    ("三 本年度办理结果/予以公开", "1288 21 0 0 50 3 1362"),
    ("三 本年度办理结果/部分公开", "447 7 0 0 0 0 454"),
    ("三 本年度办理结果/不予公开/属于国家秘密", "2 0 0 0 0 0 2"),
    ("三 本年度办理结果/不予公开/其他法律行政法规禁止公开", "30 1 0 0 0 0 31"),
    ("三 本年度办理结果/不予公开/危及“三安全一稳定”", "5 0 0 0 0 0 5"),
    ("三 本年度办理结果/不予公开/保护第三方合法权益", "6 0 0 0 0 0 6"),
    ("三 本年度办理结果/不予公开/属于三类内部事务信息", "7 1 0 0 0 0 8"),
    ("三 本年度办理结果/不予公开/属于四类过程性信息", "12 0 0 0 0 0 12"),
    ("三 本年度办理结果/不予公开/属于行政执法案卷", "9 0 0 0 0 0 9"),
    ("三 本年度办理结果/不予公开/属于行政查询事项", "105 0 0 0 0 0 105"),
    ("三 本年度办理结果/无法提供/本机关不掌握相关政府信息", "746 12 0 0 10 1 769"),
    ("三 本年度办理结果/无法提供/没有现成信息需要另行制作", "11 0 0 0 0 0 11"),
    ("三 本年度办理结果/无法提供/补正后申请内容仍不明确", "1 0 0 0 0 0 1"),
    ("三 本年度办理结果/不予处理/信访举报投诉类申请", "56 6 0 0 0 0 62"),
    ("三 本年度办理结果/不予处理/重复申请", "25 0 0 0 0 0 25"),
    ("三 本年度办理结果/不予处理/要求提供公开出版物", "0 0 0 0 0 0 0"),
    ("三 本年度办理结果/不予处理/无正当理由大量反复申请", "0 0 0 0 0 0 0"),
    ("三 本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息", "1 0 0 0 0 0 1"),
    ("三 本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "67 3 0 0 1 0 71"),
    ("三 本年度办理结果/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "6 0 0 0 0 0 6"),
    ("三 本年度办理结果/其他处理/其他", "108 2 0 0 0 0 110"),
    ("三 本年度办理结果/总计", "2932 53 0 0 61 4 3050"),
    ("三 结转下年度继续办理", "103 0 0 0 0 0 103"),
    ("四 行政复议", "72 64 178 37 351"),
    ("四 行政诉讼/未经复议直接起诉", "13 4 8 1 26"),
    ("四 行政诉讼/复议后起诉", "12 1 1 6 20"),
];

const SHANGHAI_BGT_2025: &[(&str, &str)] = &[
    ("二 行政许可", "0"),
    ("二 行政处罚", "0"),
    ("二 行政强制", "0"),
    ("二 行政事业性收费", "0"),
    ("三 本年新收政府信息公开申请数量", "1259 36 0 0 0 0 1295"),
    ("三 上年结转政府信息公开申请数量", "170 15 0 0 4 0 189"),
    ("三 本年度办理结果/予以公开", "201 5 0 0 0 0 206"),
    ("三 本年度办理结果/部分公开", "2 0 0 0 0 0 2"),
    ("三 本年度办理结果/不予公开/属于国家秘密", "4 0 0 0 0 0 4"),
    (
        "三 本年度办理结果/不予公开/其他法律行政法规禁止公开",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/危及“三安全一稳定”",
        "1 0 0 0 0 0 1",
    ),
    (
        "三 本年度办理结果/不予公开/保护第三方合法权益",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于三类内部事务信息",
        "8 0 0 0 1 0 9",
    ),
    (
        "三 本年度办理结果/不予公开/属于四类过程性信息",
        "1 0 0 0 0 0 1",
    ),
    (
        "三 本年度办理结果/不予公开/属于行政执法案卷",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于行政查询事项",
        "5 0 0 0 0 0 5",
    ),
    (
        "三 本年度办理结果/无法提供/本机关不掌握相关政府信息",
        "484 28 0 0 1 0 513",
    ),
    (
        "三 本年度办理结果/无法提供/没有现成信息需要另行制作",
        "47 1 0 0 0 0 48",
    ),
    (
        "三 本年度办理结果/无法提供/补正后申请内容仍不明确",
        "3 0 0 0 0 0 3",
    ),
    (
        "三 本年度办理结果/不予处理/信访举报投诉类申请",
        "61 1 0 0 0 0 62",
    ),
    ("三 本年度办理结果/不予处理/重复申请", "16 0 0 0 0 0 16"),
    (
        "三 本年度办理结果/不予处理/要求提供公开出版物",
        "1 0 0 0 0 0 1",
    ),
    (
        "三 本年度办理结果/不予处理/无正当理由大量反复申请",
        "1 0 0 0 0 0 1",
    ),
    // The row without its label and the two with pieces of theirs (below).
    (
        "三 本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "40 1 0 0 2 0 43",
    ),
    (
        "三 本年度办理结果/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "0 0 0 0 0 0 0",
    ),
    ("三 本年度办理结果/其他处理/其他", "264 12 0 0 0 0 276"),
    ("三 本年度办理结果/总计", "1139 48 0 0 4 0 1191"),
    ("三 结转下年度继续办理", "290 3 0 0 0 0 293"),
    ("四 行政复议", "40 0 10 5 55"),
    ("四 行政诉讼/未经复议直接起诉", "2 0 4 6 12"),
    ("四 行政诉讼/复议后起诉", "6 0 9 7 22"),
];

const SHANGHAI_KW_2024: &[(&str, &str)] = &[
    // Tables 二 and 四 stand under their captions after the narrative's 一…六, numbered
    // again (`一、主动公开政府信息情况`, `三、政府信息公开行政复议、行政诉讼情况`).
    ("二 规章", "0 0 0"),
    ("二 行政规范性文件", "13 0 55"),
    ("二 行政许可", "97"),
    ("二 行政处罚", "0"),
    ("二 行政强制", "0"),
    ("二 行政事业性收费", "0"),
    // Rows printed away from their labels: 科研机构 … 其他 pinned (the
    // results lack 0 there); the rest where the counts the text states for the
    // groups pin it (部分公开 0, 不予处理 0: rows of zeros); otherwise not placed.
    (
        "三 本年新收政府信息公开申请数量",
        "32 2 0 0 0 0 34",
    ),
    (
        "三 上年结转政府信息公开申请数量",
        "2 0 0 0 0 0 2",
    ),
    (
        "三 本年度办理结果/予以公开",
        "9 0 0 0 0 0 9",
    ),
    (
        "三 本年度办理结果/部分公开",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于国家秘密",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/其他法律行政法规禁止公开",
        "0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/危及“三安全一稳定”",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/保护第三方合法权益",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于三类内部事务信息",
        "0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于四类过程性信息",
        "1 0 0 0 0 0 1",
    ),
    (
        "三 本年度办理结果/不予公开/属于行政执法案卷",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予公开/属于行政查询事项",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/无法提供/本机关不掌握相关政府信息",
        "0 0 0 0",
    ),
    (
        "三 本年度办理结果/无法提供/没有现成信息需要另行制作",
        "0 0 0 0",
    ),
    (
        "三 本年度办理结果/无法提供/补正后申请内容仍不明确",
        "0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/信访举报投诉类申请",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/重复申请",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/要求提供公开出版物",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/无正当理由大量反复申请",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息",
        "0 0 0 0 0 0 0",
    ),
    (
        "三 本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "0 0 0 0",
    ),
    (
        "三 本年度办理结果/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "0 0 0 0",
    ),
    (
        "三 本年度办理结果/其他处理/其他",
        "4 0 0 0 0 0 4",
    ),
    (
        "三 本年度办理结果/总计",
        "33 2 0 0 0 0 35",
    ),
    (
        "三 结转下年度继续办理",
        "1 0 0 0 0 0 _",
    ),
    ("四 行政复议", "1 0 0 0 1"),
    ("四 行政诉讼/未经复议直接起诉", "0 0 0 0 0"),
    ("四 行政诉讼/复议后起诉", "0 0 0 0 0"),
];

/// The report's cells as (table and row, values in column order).
fn rows_of(r: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in r.cells() {
        let key = format!("{} {}", c.table, c.row);
        let v = c.value.map_or("_".to_string(), |v| v.to_string());
        match out.last_mut() {
            Some((k, vals)) if *k == key => {
                vals.push(' ');
                vals.push_str(&v);
            }
            _ => out.push((key, v)),
        }
    }
    out
}

fn assert_rows(file: &str, want: &[(&str, &str)]) -> Option<Report> {
    let text = shared(&format!("corpus/full/{file}"))?;
    let r = parse_report(&text).expect("parses");
    let got = rows_of(&r);
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(got, want, "{file}");
    Some(r)
}

fn not_placed_rows(r: &Report) -> Vec<String> {
    r.warnings
        .iter()
        .filter_map(|w| match &w.kind {
            zfxxgk::WarningKind::NotPlaced { row, .. } => row.clone(),
            _ => None,
        })
        .collect()
}

#[test]
fn hongze_2023_pdf_layout_every_cell() {
    assert_rows("hongze-qzf-2023.txt", HONGZE_2023);
}

#[test]
fn huaian_2024_pdf_layout_every_cell() {
    // `(六)其\n他处理` broken over lines: `他处理` is no row label, and the values of
    // 2、申请人逾期未按收费通知要求… stay with it.
    assert_rows("huaian-szf-2024.txt", HUAIAN_2024);
}

/// Table 二's (一) rows lost a cell each (`| 规章 | 22 | 235 |`, the `22（其中修订16件）`
/// standing above the table): not placed. The rows of (五)/(六) whose labels are broken
/// into other rows' lines are placed by the pieces of label they keep and the
/// results' sum; every cell placed is right.
#[test]
fn shanghai_bgt_2025_only_pinned_cells() {
    let Some(r) = assert_rows("shanghai-bgt-2025.txt", SHANGHAI_BGT_2025) else {
        return;
    };
    assert_eq!(not_placed_rows(&r), ["规章", "行政规范性文件"]);
}

/// Table 三 in reading order in places: values standing apart from a label right after
/// a value-less label could be either row's and are not placed.
#[test]
fn shanghai_kw_2024_only_pinned_cells() {
    let Some(r) = assert_rows("shanghai-kw-2024.txt", SHANGHAI_KW_2024) else {
        return;
    };
    // Ten rows of values without their labels for the ten empty result rows: they
    // add up to what (七)总计 lacks, and every matching puts 0 in 科研机构 … 其他.
    // The text's counts (部分公开 0, 不予公开 2, 无法提供 10, 不予处理 0, 其他处理 14)
    // leave 不予公开 2/5 (1 or 0), 无法提供 (4, 6, 0 or 10, 0, 0) and 其他处理 1/2
    // (10, 0 or 4, 6) open.
    let rows = not_placed_rows(&r);
    assert_eq!(rows.len(), 7, "{rows:?}");
    assert!(rows.iter().all(|r| r.starts_with("本年度办理结果/")));
}
