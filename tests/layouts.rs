//! The same tables flattened into every layout parse to the same cells.

mod common;
use common::*;
use zfxxgk::catalogue::Edition;
use zfxxgk::parse_report;

/// Re-print a parsed report's cells in each layout and parse them back.
fn roundtrip(original: &zfxxgk::Report, agency_year: &str) {
    let cells = cell_map(original);
    let lookup = |t: &str, r: &str, c: &str| {
        cells
            .iter()
            .find(|((tt, _, rr, cc), _)| tt == t && rr == r && cc == c)
            .map(|(_, v)| v.2.clone())
    };
    let doc = template_doc(original.edition, agency_year, &lookup);
    for layout in LAYOUTS {
        let text = render(&doc, layout);
        let parsed = parse_report(&text).unwrap_or_else(|e| panic!("{layout:?}: {e}"));
        assert_eq!(parsed.edition, original.edition, "{layout:?}");
        let got = cell_map(&parsed);
        assert_eq!(got.len(), cells.len(), "{layout:?}: cell count\n{text}");
        for (k, v) in &cells {
            assert_eq!(got.get(k), Some(v), "{layout:?}: {k:?}");
        }
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_004_in_every_layout() {
    let Some(text) = seed("004") else { return };
    let r = parse_report(&text).expect("seed 004 parses");
    assert_eq!(r.cells().count(), 198);
    roundtrip(&r, "安溪县2020年");
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_000_in_every_layout() {
    let Some(text) = seed("000") else { return };
    let r = parse_report(&text).expect("seed 000 parses");
    roundtrip(&r, "凌源市扶贫开发领导小组办公室2019年");
}

/// A 2021-edition report with our own numbers (a deterministic sequence), with the
/// three `(六)其他处理` rows, in every layout.
#[test]
fn edition_2021_in_every_layout() {
    let value = |t: &str, r: &str, c: &str| -> Option<String> {
        let h = t
            .bytes()
            .chain(r.bytes())
            .chain(c.bytes())
            .fold(7u32, |a, b| a.wrapping_mul(31).wrapping_add(u32::from(b)));
        Some(if c == "本年收费金额" {
            format!("{}.{}", h % 500, h % 10)
        } else {
            (h % 97).to_string()
        })
    };
    let doc = template_doc(Edition::E2021, "某县某镇人民政府2022年", &value);
    for layout in LAYOUTS {
        let text = render(&doc, layout);
        let r = parse_report(&text).unwrap_or_else(|e| panic!("{layout:?}: {e}"));
        assert_eq!(r.edition, Edition::E2021, "{layout:?}");
        assert_eq!(r.metadata.year.as_ref().map(|y| y.value), Some(2022));
        let cells = cell_map(&r);
        // 10 cells of table 二, 25 rows × 7 of table 三, 15 of table 四.
        assert_eq!(cells.len(), 10 + 25 * 7 + 15, "{layout:?}\n{text}");
        for ((t, _, row, col), (v, unit, raw)) in &cells {
            let want = value(t, row, col).unwrap_or_default();
            assert_eq!(raw, &want, "{layout:?} {t} {row} {col}");
            if col == "本年收费金额" {
                assert_eq!(unit.as_deref(), Some("万元"));
            }
            assert!(v.is_some(), "{layout:?} {row} {col}");
        }
        for row in [
            "本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "本年度办理结果/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "本年度办理结果/其他处理/其他",
        ] {
            let want = value("三", row, "总计");
            let got = cells.get(&("三".to_string(), String::new(), row.to_string(), "总计".to_string()));
            assert_eq!(got.map(|g| g.2.clone()), want, "{layout:?} {row}");
        }
        assert!(
            r.warnings
                .iter()
                .all(|w| !matches!(w.kind, zfxxgk::WarningKind::ExtraCell { .. })),
            "{layout:?}: {:?}",
            r.warnings
        );
    }
}
