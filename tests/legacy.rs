//! Pre-2019 reports: edition, sections and the figures stated in their prose, on the
//! seed reports in `../shared/seeds` (skipped when that folder is absent).

mod common;

use proptest::prelude::*;
use zfxxgk::__internal::{legacy, split_sections, Sink};
use zfxxgk::model::legacy::{LegacyKey, KEYS};
use zfxxgk::normalize::{normalize, NormalizeOptions};
use zfxxgk::{Decimal, Edition, Report, Topic};

/// Seed `i` (0 → `000_…`).
fn seed(i: usize) -> Option<String> {
    common::seed(&format!("{i:03}"))
}

fn parse(i: usize) -> Option<(String, Report)> {
    let text = seed(i)?;
    let report = zfxxgk::parse_report(&text).expect("seed parses");
    Some((text, report))
}

/// The value of a key as an integer.
fn int(report: &Report, key: LegacyKey) -> Option<i64> {
    report
        .legacy
        .as_ref()
        .and_then(|l| l.get(key))
        .and_then(|f| f.value.as_integer())
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn editions_of_the_seeds() {
    let expected = [
        Edition::E2019,
        Edition::Legacy,
        Edition::Legacy,
        Edition::E2021,
        Edition::E2019,
    ];
    for (i, e) in expected.iter().enumerate() {
        let Some((_, r)) = parse(i) else { return };
        assert_eq!(r.edition, *e, "seed {i:03}");
        assert_eq!(r.legacy.is_some(), *e == Edition::Legacy, "seed {i:03}");
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_001_figures() {
    use LegacyKey::*;
    let Some((_, r)) = parse(1) else { return };
    let expected: &[(LegacyKey, i64)] = &[
        (ReceivedTotal, 151),
        (ReceivedOwnLevel, 20),
        (ReceivedDepartments, 71),
        (ReceivedLowerLevels, 60),
        (ReceivedOnline, 92),
        (ReceivedLetter, 54),
        (ReceivedInPerson, 5),
        (Answered, 151),
        (OutcomeAlreadyPublic, 66),
        (OutcomeGranted, 34),
        (OutcomePartlyGranted, 4),
        (OutcomeRefused, 7),
        (OutcomeNonexistentOrNotHeld, 28),
        (OutcomeAmendOrOtherRoute, 12),
        (ReasonCommercialSecret, 2),
        (ReasonNotGovernmentInformation, 4),
        (ReasonOther, 1),
        (ReviewTotal, 71),
        (ReviewUpheld, 36),
        (ReviewCorrected, 10),
        (ReviewOther, 25),
        (LitigationTotal, 56),
        (LitigationUpheld, 30),
        (LitigationCorrected, 5),
        (LitigationOther, 21),
        (FeesCollected, 0),
        (StaffTotal, 546),
    ];
    for (key, value) in expected {
        assert_eq!(int(&r, *key), Some(*value), "{key:?}");
    }
    let legacy = r.legacy.as_ref().expect("legacy figures");
    // Nothing else is stated: no channel, level or figure made up.
    let stated: Vec<LegacyKey> = legacy.iter().map(|(k, _)| k).collect();
    let mut want: Vec<LegacyKey> = expected.iter().map(|(k, _)| *k).collect();
    want.sort();
    let mut got = stated.clone();
    got.sort();
    assert_eq!(got, want);
    // Phrases and their places.
    let online = legacy.get(ReceivedOnline).expect("网络");
    assert_eq!(online.phrase, "网络申请92件");
    assert_eq!(online.unit.as_deref(), Some("件"));
    assert!(!online.approximate);
    let fees = legacy.get(FeesCollected).expect("fees");
    assert!(fees.phrase.contains("未收取"), "{}", fees.phrase);
    let upheld = legacy.get(ReviewUpheld).expect("维持");
    assert_eq!(upheld.phrase, "36件行政复议被确认维持");
    // The report's arithmetic holds: no warning.
    assert!(
        r.warnings
            .iter()
            .all(|w| !matches!(w.kind, zfxxgk::WarningKind::FiguresDisagree { .. })),
        "{:?}",
        r.warnings
    );
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_001_sections_leave_the_page_debris_out() {
    let Some((text, r)) = parse(1) else { return };
    let headings: Vec<(Option<u8>, Option<Topic>)> =
        r.sections.iter().map(|s| (s.number, s.topic)).collect();
    assert_eq!(
        headings,
        vec![
            (Some(3), Some(Topic::Requests)),
            (Some(4), Some(Topic::ReviewLitigation)),
            (Some(5), Some(Topic::Fees)),
            (Some(6), Some(Topic::Staffing)),
            (Some(7), Some(Topic::Problems)),
            (Some(8), Some(Topic::Other)),
        ]
    );
    for s in &r.sections {
        for debris in [
            "返回首页",
            "上一页",
            "[1] [2]",
            "返回顶部",
            "最新下设单位",
            "欢迎咨询",
        ] {
            assert!(!s.body.contains(debris), "{debris} in {}", s.heading);
            let spanned = text.get(s.span.range()).unwrap_or("");
            assert!(
                !spanned.contains(debris),
                "{debris} in the span of {}",
                s.heading
            );
        }
    }
    let last = r.sections.last().expect("sections");
    assert_eq!(last.body, "暂无其他需要说明的事项。");
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_002_figures_and_sections() {
    use LegacyKey::*;
    let Some((text, r)) = parse(2) else { return };
    let legacy = r.legacy.as_ref().expect("legacy figures");
    assert_eq!(int(&r, ReviewTotal), Some(0));
    assert_eq!(int(&r, LitigationTotal), Some(0));
    assert_eq!(int(&r, FeesCollected), Some(0));
    assert_eq!(int(&r, StaffFullTime), Some(2));
    assert_eq!(int(&r, StaffPartTime), Some(50));
    assert_eq!(int(&r, StaffTotal), None, "never summed from its parts");
    let spending = legacy.get(Spending).expect("spending");
    assert_eq!(spending.value, Decimal::integer(50_000));
    assert_eq!(spending.unit.as_deref(), Some("元"));
    let items = legacy.get(ActiveTotal).expect("items disclosed");
    assert_eq!(items.value, Decimal::integer(20_000));
    assert!(items.approximate);
    assert!(items.phrase.ends_with("2万余条"), "{}", items.phrase);
    assert_eq!(int(&r, ActiveWebsite), Some(4098));
    // It states no application at all.
    assert!(legacy.requests.received.total.is_none());
    assert!(legacy.requests.answered.is_none());
    assert_eq!(legacy.requests, Default::default());
    // Spans point at the phrase in the original input.
    let review = legacy.get(ReviewTotal).expect("review");
    let quoted = text.get(review.span.range()).unwrap_or("");
    assert!(
        quoted.contains("没有收到") && quoted.contains("行政复议"),
        "{quoted}"
    );

    let headings: Vec<(&str, Option<Topic>)> = r
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.topic))
        .collect();
    assert_eq!(
        headings,
        vec![
            ("一、概述", Some(Topic::Overview)),
            ("二、主动公开政府信息的情况", Some(Topic::ActiveDisclosure)),
            ("三、政府信息公开的收费及减免情况", Some(Topic::Fees)),
            (
                "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
                Some(Topic::ReviewLitigation)
            ),
            ("五、其他需要报告的事项", Some(Topic::Other)),
            ("六、存在的主要问题及改进措施", Some(Topic::Problems)),
        ]
    );
    assert!(r.sections.iter().all(|s| !s.body.contains("下一篇")));
    let overview = r.section(Topic::Overview).expect("概述");
    assert!(
        overview.body.starts_with("2017年我县高度重视"),
        "{}",
        overview.body
    );
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn tidy_records_use_the_keys() {
    let Some((text, r)) = parse(1) else { return };
    let records: Vec<_> = r.cells().collect();
    assert!(!records.is_empty());
    for rec in &records {
        assert_eq!(rec.block, "");
        assert!(
            KEYS.iter()
                .any(|d| (d.table, d.row, d.column) == (rec.table, rec.row, rec.column)),
            "{rec:?}"
        );
        assert!(rec.line >= 1);
    }
    let total = records
        .iter()
        .find(|c| (c.table, c.row) == ("依申请公开", "收到申请/总计"))
        .expect("applications");
    assert_eq!(total.value, Some(Decimal::integer(151)));
    assert_eq!(total.column, "数量");
    assert_eq!(total.raw, "全市共受理政府信息公开申请151件");
    let line = text
        .lines()
        .position(|l| l.contains("全市共受理政府信息公开申请151件"))
        .map(|p| p + 1);
    assert_eq!(Some(total.line), line);
    let review = records
        .iter()
        .filter(|c| c.table == "行政复议")
        .map(|c| (c.row, c.value.and_then(|v| v.as_integer())))
        .collect::<Vec<_>>();
    assert_eq!(
        review,
        vec![
            ("总计", Some(71)),
            ("维持", Some(36)),
            ("纠错", Some(10)),
            ("其他", Some(25))
        ]
    );
    let fees = records
        .iter()
        .find(|c| c.table == "收费及减免")
        .expect("fees");
    assert_eq!((fees.row, fees.column), ("收取费用", "金额"));
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn legacy_figures_round_trip_through_json() {
    let Some((_, r)) = parse(2) else { return };
    let json = serde_json::to_string(&r.legacy).expect("serialize");
    let back: Option<zfxxgk::LegacyFigures> = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, r.legacy);
}

#[test]
fn mid_line_report_reads_like_a_lined_one() {
    // The same report, one heading per line and all on one line.
    let lined = "某县2016年政府信息公开工作年度报告\n一、概述\n2016年我县认真贯彻《条例》。\n二、主动公开政府信息情况\n全年主动公开政府信息1200条,其中政府网站公开1100条。\n三、依申请公开政府信息情况\n全年共受理政府信息公开申请12件,其中网上申请8件,信函申请4件。\n四、因政府信息公开申请行政复议、提起行政诉讼的情况\n全年没有收到行政复议申请,也没有行政诉讼。\n";
    // Title on its own line, the rest on one line.
    let (title, rest) = lined.split_once('\n').unwrap_or(("", lined));
    let one_line = format!("{title} |\n{}", rest.replace('\n', " "));
    let a = zfxxgk::parse_report(lined).expect("lined");
    let b = zfxxgk::parse_report(&one_line).expect("one line");
    assert_eq!(a.edition, Edition::Legacy);
    assert_eq!(b.edition, Edition::Legacy);
    let heads = |r: &Report| r.sections.iter().map(|s| s.topic).collect::<Vec<_>>();
    assert_eq!(heads(&a).len(), 4);
    assert_eq!(heads(&a), heads(&b));
    assert_eq!(a.legacy, b.legacy);
    assert_eq!(int(&a, LegacyKey::ReceivedOnline), Some(8));
    assert_eq!(int(&a, LegacyKey::ActiveWebsite), Some(1100));
    assert_eq!(int(&b, LegacyKey::LitigationTotal), Some(0));
}

/// Sections and figures of a text through the pre-2019 grammar alone.
fn legacy_of(text: &str) -> (Vec<(String, Option<Topic>, String)>, zfxxgk::LegacyFigures) {
    let norm = normalize(text, &NormalizeOptions::default());
    let t = norm.text().to_string();
    let found = split_sections(&t);
    let secs = legacy::sections(&t, found.clone())
        .into_iter()
        .map(|s| {
            let body = t.get(s.body_range.clone()).unwrap_or("").trim().to_string();
            (s.heading, s.topic, body)
        })
        .collect();
    let mut sink = Sink::new(&norm);
    (secs, legacy::figures(&t, &found, &mut sink))
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_001_on_one_line_reads_the_same() {
    let Some(text) = seed(1) else { return };
    let one = text.lines().collect::<Vec<_>>().join(" ");
    let (lined_secs, lined_figs) = legacy_of(&text);
    let (secs, figs) = legacy_of(&one);
    assert_eq!(
        secs.iter().map(|s| (&s.0, s.1)).collect::<Vec<_>>(),
        lined_secs.iter().map(|s| (&s.0, s.1)).collect::<Vec<_>>()
    );
    assert_eq!(
        secs.last().map(|s| s.2.as_str()),
        Some("暂无其他需要说明的事项。")
    );
    assert_eq!(figs, lined_figs);
    assert_eq!(figs.iter().count(), 27);
}

/// `figures` and `sections` on any text.
fn run_legacy(text: &str) -> usize {
    let norm = normalize(text, &NormalizeOptions::default());
    let t = norm.text().to_string();
    let found = split_sections(&t);
    let secs = legacy::sections(&t, found.clone());
    for s in &secs {
        assert!(s.heading_range.start <= s.heading_range.end);
        assert!(s.body_range.start <= s.body_range.end && s.body_range.end <= t.len());
        assert!(t.get(s.body_range.clone()).is_some());
    }
    // Idempotent: the lead may pass these sections back in.
    assert_eq!(legacy::sections(&t, secs.clone()), secs);
    let mut sink = Sink::new(&norm);
    let figs = legacy::figures(&t, &found, &mut sink);
    let mut sink2 = Sink::new(&norm);
    assert_eq!(legacy::figures(&t, &secs, &mut sink2), figs);
    for (_, f) in figs.iter() {
        assert!(f.span.end <= text.len());
    }
    secs.len() + figs.iter().count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        run_legacy(&s);
    }

    #[test]
    fn never_panics_on_report_like_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("一、".to_string()), Just("三、".to_string()), Just("十一、".to_string()),
                Just("概述".to_string()), Just("依申请公开情况".to_string()),
                Just("行政复议".to_string()), Just("行政诉讼".to_string()), Just("申请".to_string()),
                Just("收到".to_string()), Just("其中".to_string()), Just("维持".to_string()),
                Just("没有".to_string()), Just("未收取费用".to_string()), Just("专职人员".to_string()),
                Just("兼职".to_string()), Just("万余".to_string()), Just("占".to_string()),
                Just("%".to_string()), Just("件".to_string()), Just("元".to_string()),
                Just("名".to_string()), Just("两".to_string()), Just("。".to_string()),
                Just(",".to_string()), Just(";".to_string()), Just(" ".to_string()),
                Just("\n".to_string()), Just("|".to_string()), Just("上一页".to_string()),
                "[0-9]{1,25}", "[0-9.,]{1,6}", "\\PC{0,3}",
            ],
            0..80,
        )
    ) {
        run_legacy(&parts.concat());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn headings_anywhere(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("\n"), Just(" "), Just("。"), Just(","), Just("、"), Just("|"),
                Just("一、概述"), Just("二、主动公开政府信息情况"), Just("二、政府信息公开情况"),
                Just("三、依申请公开情况"), Just("四、因政府信息公开申请行政复议的情况"),
                Just("五、其他需要报告的事项"), Just("六、政府信息公开情况统计表"), Just("三、"),
                Just("正文"), Just("(一)"), Just("2018年"), Just("上一页 [1] [2]"),
                Just("收到申请5件"), Just("没有收到行政复议申请"),
            ],
            0..40,
        )
    ) {
        run_legacy(&parts.concat());
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn linear_on_a_long_single_line() {
    let Some(text) = seed(2) else { return };
    let one = text.replace('\n', " ");
    let big: String = vec![one.as_str(); (1 << 20) / one.len().max(1) + 1].join(" ");
    assert!(big.len() >= 1 << 20);
    let small: String = big.chars().take(big.chars().count() / 10).collect();
    let time = |t: &str| {
        let start = std::time::Instant::now();
        let n = run_legacy(t);
        (start.elapsed(), n)
    };
    let (ts, _) = time(&small);
    let (tb, n) = time(&big);
    assert!(n > 0);
    eprintln!(
        "legacy on {} bytes: {:?}; on {} bytes: {:?}",
        small.len(),
        ts,
        big.len(),
        tb
    );
    // Ten times the text may take at most about ten times as long (generous margin).
    assert!(
        tb.as_secs_f64() <= 40.0 * ts.as_secs_f64().max(0.005),
        "{ts:?} → {tb:?}"
    );
    // A line without any punctuation or figure.
    let plain = "政府信息公开申请".repeat(50_000);
    let (tp, _) = time(&plain);
    let digits = "1".repeat(1 << 20);
    let (td, _) = time(&digits);
    let numerals = "一、".repeat(1 << 18);
    let (tn, _) = time(&numerals);
    let headings = "。二、概述 正文".repeat(1 << 16);
    let (th, _) = time(&headings);
    let lined = "二、概述\n正文\n".repeat(1 << 16);
    let (tl, _) = time(&lined);
    eprintln!("plain {tp:?}, digits {td:?}, numerals {tn:?}, headings {th:?}, lines {tl:?}");
    for t in [tp, td, tn, th, tl] {
        assert!(t.as_secs_f64() < 30.0, "{t:?}");
    }
}
