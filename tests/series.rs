//! Series checks across years: grouped by agency, ordered by year, neighbours only,
//! and linear in the number of reports.

mod common;

use common::{render, template_doc, Layout};
use zfxxgk::catalogue::{Edition, T3Row};
use zfxxgk::model::Requests;
use zfxxgk::validate::{validate_series, Code};
use zfxxgk::Report;

/// A 2021-edition report whose 上年结转 row is `carried` in every column, its 结转下年度
/// row `forward`, for `agency` and `year`, keeping only those two rows of table 三 (the
/// series rules read nothing else) so that many reports fit in memory.
fn report(carried: u32, forward: u32) -> Report {
    let cell = |t: &str, row: &str, _col: &str| -> Option<String> {
        Some(match (t, row) {
            ("三", r) if r == T3Row::CarriedOver.key() => carried.to_string(),
            ("三", r) if r == T3Row::CarriedForward.key() => forward.to_string(),
            _ => "0".to_string(),
        })
    };
    let text = render(
        &template_doc(Edition::E2021, "青禾县民政局2021年", &cell),
        Layout::PipeRows,
    );
    let full = zfxxgk::parse_report(&text).expect("parses");
    let t3 = full.tables.requests.as_ref().expect("table 三");
    let mut slim = full.clone();
    slim.tables.requests = Some(Requests {
        carried_over: t3.carried_over.clone(),
        carried_forward: t3.carried_forward.clone(),
        ..Requests::default()
    });
    slim.tables.active_disclosure = None;
    slim.tables.appeals = None;
    slim.sections.clear();
    slim.warnings.clear();
    assert_eq!(
        slim.metadata.agency.as_ref().map(|a| a.value.as_str()),
        Some("青禾县民政局")
    );
    slim
}

fn with(base: &Report, agency: &str, year: u16) -> Report {
    let mut r = base.clone();
    if let Some(a) = r.metadata.agency.as_mut() {
        a.value = agency.to_string();
    }
    if let Some(y) = r.metadata.year.as_mut() {
        y.value = year;
    }
    r
}

#[test]
fn grouped_by_agency_neighbours_only() {
    let good = report(3, 3);
    let broken = report(4, 3);
    // Two agencies interleaved and out of order; agency B breaks the chain in 2022.
    let reports = vec![
        with(&good, "甲局", 2022),
        with(&broken, "乙局", 2022),
        with(&good, "甲局", 2021),
        with(&good, "乙局", 2021),
        with(&good, "乙局", 2023),
        with(&good, "甲局", 2023),
    ];
    let fs = validate_series(&reports);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!((fs[0].code, fs[0].report), (Code::SeriesCarry, Some(1)));
    // Every column differs: one finding for the pair, all seven columns' cells in it.
    assert_eq!(fs[0].cells.len(), 14);
    assert_eq!(
        fs[0].cells.iter().map(|c| c.report).collect::<Vec<_>>(),
        [Some(1), Some(3)].repeat(7)
    );

    // Across agencies nothing is compared: 甲局 2021 and 乙局 2022 would differ.
    let apart = vec![with(&good, "甲局", 2021), with(&broken, "乙局", 2022)];
    assert!(validate_series(&apart).is_empty());

    // One agency named (or none): one agency's reports, the unnamed included.
    let mut unnamed = with(&broken, "甲局", 2022);
    unnamed.metadata.agency = None;
    let one = vec![with(&good, "甲局", 2021), unnamed.clone()];
    assert_eq!(validate_series(&one).len(), 1);
    // Several agencies named: a report without one is compared with none.
    let many = vec![
        with(&good, "甲局", 2021),
        unnamed,
        with(&good, "乙局", 2021),
    ];
    assert!(validate_series(&many).is_empty());

    // A year given twice: its first report is used, and the pair yields one finding.
    let twice = vec![
        with(&good, "甲局", 2021),
        with(&broken, "甲局", 2022),
        with(&broken, "甲局", 2022),
    ];
    let fs = validate_series(&twice);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].report, Some(1));
}

#[test]
fn hundred_thousand_reports() {
    const AGENCIES: usize = 10_000;
    const YEARS: u16 = 10;
    let good = report(3, 3);
    let broken = report(5, 3);
    let names: Vec<String> = (0..AGENCIES).map(|k| format!("第{k}号局")).collect();
    // Year-major order: each agency's reports lie 10 000 apart.
    let mut reports = Vec::with_capacity(AGENCIES * usize::from(YEARS));
    let mut planted = Vec::new();
    for y in 0..YEARS {
        for (k, name) in names.iter().enumerate() {
            let base = if k % 100 == 7 && y == 5 {
                planted.push(reports.len());
                &broken
            } else {
                &good
            };
            reports.push(with(base, name, 2015 + y));
        }
    }
    assert_eq!(reports.len(), 100_000);
    let fs = validate_series(&reports);
    // One finding per planted break (its pair with the year before); the year after
    // continues from 结转下年度, which the break left as it was.
    assert_eq!(fs.len(), 100);
    assert!(fs.iter().all(|f| f.code == Code::SeriesCarry));
    let mut at: Vec<usize> = fs.iter().filter_map(|f| f.report).collect();
    at.sort_unstable();
    assert_eq!(at, planted);
    let pairs: Vec<(Option<usize>, Option<usize>)> = fs
        .iter()
        .map(|f| {
            (
                f.cells.first().and_then(|c| c.report),
                f.cells.get(1).and_then(|c| c.report),
            )
        })
        .collect();
    for (f, (now, before)) in fs.iter().zip(pairs) {
        let cur = f.report.unwrap_or(usize::MAX);
        assert_eq!(now, Some(cur));
        assert_eq!(before, cur.checked_sub(AGENCIES));
    }
}
