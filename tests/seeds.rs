//! Every cell of tables 二, 三 and 四 of seeds 000 and 004, as printed.

mod common;
use common::*;
use zfxxgk::catalogue::{Edition, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS};
use zfxxgk::{parse_report, Report, WarningKind};

/// The value (as text) and unit of a cell.
fn get(r: &Report, table: &str, row: &str, col: &str) -> Option<(String, Option<String>)> {
    r.cells()
        .find(|c| c.table == table && c.row == row && c.column == col)
        .map(|c| {
            (
                c.value.map(|v| v.to_string()).unwrap_or_default(),
                c.unit.map(str::to_string),
            )
        })
}

/// Column, value and unit of the cells of one row.
type Row<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];

fn check_t2(r: &Report, rows: &[(&str, Row<'_>)]) {
    for (row, cols) in rows {
        for (col, v, unit) in *cols {
            assert_eq!(
                get(r, "二", row, col),
                Some((v.to_string(), unit.map(str::to_string))),
                "二 {row} {col}"
            );
        }
    }
}

/// Table 三 rows of the 2019 edition, in template order, seven values each.
fn check_t3(r: &Report, rows: &[[i64; 7]]) {
    let keys: Vec<&str> = T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&Edition::E2019))
        .map(|d| d.key)
        .collect();
    assert_eq!(keys.len(), rows.len());
    for (key, vals) in keys.iter().zip(rows) {
        for (col, v) in T3_COLUMNS.iter().zip(vals) {
            assert_eq!(
                get(r, "三", key, col.key()),
                Some((v.to_string(), None)),
                "三 {key} {}",
                col.key()
            );
        }
    }
}

fn check_t4(r: &Report, vals: [i64; 15]) {
    let mut it = vals.iter();
    for row in T4_ROWS {
        for col in T4_COLUMNS {
            let v = it.next().copied().unwrap_or(-1);
            assert_eq!(
                get(r, "四", row.key(), col.key()),
                Some((v.to_string(), None)),
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
fn seed_000_every_cell() {
    let Some(text) = seed("000") else { return };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2019);
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2019));
    assert_eq!(
        r.metadata.agency.as_ref().map(|a| a.value.as_str()),
        Some("凌源市扶贫开发领导小组办公室")
    );
    let z: &[(&str, &str, Option<&str>)] = &[
        ("上一年项目数量", "0", None),
        ("本年增/减", "0", None),
        ("处理决定数量", "0", None),
    ];
    check_t2(
        &r,
        &[
            (
                "规章",
                &[
                    ("本年新制作数量", "0", None),
                    ("本年新公开数量", "0", None),
                    ("对外公开总数量", "0", None),
                ],
            ),
            (
                "规范性文件",
                &[
                    ("本年新制作数量", "45", None),
                    ("本年新公开数量", "43", None),
                    ("对外公开总数量", "43", None),
                ],
            ),
            ("行政许可", z),
            ("其他对外管理服务事项", z),
            ("行政处罚", z),
            ("行政强制", z),
            (
                "行政事业性收费",
                &[("上一年项目数量", "0", None), ("本年增/减", "0", None)],
            ),
            (
                "政府集中采购",
                &[("采购项目数量", "0", None), ("采购总金额", "0", None)],
            ),
        ],
    );
    check_t3(&r, &[[0; 7]; 23]);
    check_t4(&r, [0; 15]);
    assert_eq!(r.cells().count(), 22 + 23 * 7 + 15);
    // The header `本年新 | 本年新` is cut short: said, and columns taken in order.
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::TruncatedHeader { .. })));
    assert_eq!(r.sections.len(), 6);
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_004_every_cell() {
    let Some(text) = seed("004") else { return };
    let r = parse_report(&text).expect("parses");
    assert_eq!(r.edition, Edition::E2019);
    assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2020));
    assert_eq!(
        r.metadata.agency.as_ref().map(|a| a.value.as_str()),
        Some("安溪县人民政府办公室")
    );
    assert_eq!(
        r.metadata.date.as_ref().map(|d| d.value.to_string()),
        Some("2021-01-12".into())
    );
    let x = Some("项");
    check_t2(
        &r,
        &[
            (
                "规章",
                &[
                    ("本年新制作数量", "0", None),
                    ("本年新公开数量", "0", None),
                    ("对外公开总数量", "0", None),
                ],
            ),
            (
                "规范性文件",
                &[
                    ("本年新制作数量", "11", None),
                    ("本年新公开数量", "11", None),
                    ("对外公开总数量", "26", None),
                ],
            ),
            (
                "行政许可",
                &[
                    ("上一年项目数量", "231", x),
                    ("本年增/减", "1297", x),
                    ("处理决定数量", "312000", Some("件")),
                ],
            ),
            (
                "其他对外管理服务事项",
                &[
                    ("上一年项目数量", "209", x),
                    ("本年增/减", "1859", x),
                    ("处理决定数量", "16000", Some("件")),
                ],
            ),
            (
                "行政处罚",
                &[
                    ("上一年项目数量", "2703", x),
                    ("本年增/减", "-2487", x),
                    ("处理决定数量", "3175", Some("起")),
                ],
            ),
            (
                "行政强制",
                &[
                    ("上一年项目数量", "175", x),
                    ("本年增/减", "-73", x),
                    ("处理决定数量", "2068", Some("起")),
                ],
            ),
            (
                "行政事业性收费",
                &[("上一年项目数量", "38", None), ("本年增/减", "-11", x)],
            ),
            (
                "政府集中采购",
                &[
                    ("采购项目数量", "144", x),
                    ("采购总金额", "295300000", Some("元")),
                ],
            ),
        ],
    );
    let zero = [0; 7];
    check_t3(
        &r,
        &[
            [46, 0, 0, 0, 0, 0, 46],
            zero,
            [33, 0, 0, 0, 0, 0, 33],
            zero,
            zero,
            zero,
            zero,
            [1, 0, 0, 0, 0, 0, 1],
            [1, 0, 0, 0, 0, 0, 1],
            zero,
            zero,
            [1, 0, 0, 0, 0, 0, 1],
            [5, 0, 0, 0, 0, 0, 5],
            [2, 0, 0, 0, 0, 0, 2],
            zero,
            [3, 0, 0, 0, 0, 0, 3],
            zero,
            zero,
            zero,
            zero,
            zero,
            [46, 0, 0, 0, 0, 0, 46],
            zero,
        ],
    );
    // 行政诉讼/未经复议直接起诉/总计 = 5, as printed (the parts are all 0).
    check_t4(&r, [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0]);
    // The raw text is kept.
    let c = r
        .cells()
        .find(|c| c.row == "行政许可" && c.column == "处理决定数量")
        .map(|c| (c.raw.to_string(), c.line));
    assert_eq!(c, Some(("31.2万件".to_string(), 34)));
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_004_spans_point_at_the_cells() {
    let Some(text) = seed("004") else { return };
    let r = parse_report(&text).expect("parses");
    let cells: Vec<&zfxxgk::Cell> = r.tables.iter_cells().map(|(_, c)| c).collect();
    assert_eq!(cells.len(), 198);
    for cell in cells {
        assert_eq!(cell.span.slice(&text), Some(cell.raw.as_str()), "{cell:?}");
    }
}
