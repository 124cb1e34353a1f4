//! Metadata: title, agency, year, closing date and the page's publication date.
//! Each is read only where the text states it.

use crate::model::report::Date;
use crate::syntax::IResult;
use nom::branch::alt;
use nom::character::complete::{char as ch, space0};
use nom::combinator::opt;
use nom::Parser;
use std::ops::Range;

use crate::syntax::digits as num;

/// `2021年1月12日`, `2021 年 1 月 12 日`, `2019/12/14`, `2018-03-30`, `2020.1.5`.
pub fn date(i: &str) -> IResult<&str, Date> {
    let (i, y) = num::<4, 4>(i)?;
    let (i, (m, d)) = alt((
        |i| {
            let (i, _) = (space0, ch('年'), space0).parse(i)?;
            let (i, m) = num::<1, 2>(i)?;
            let (i, _) = (space0, ch('月'), space0).parse(i)?;
            let (i, d) = num::<1, 2>(i)?;
            let (i, _) = (space0, opt(alt((ch('日'), ch('号'))))).parse(i)?;
            Ok((i, (m, d)))
        },
        |i| {
            let (i, sep) = alt((ch('-'), ch('/'), ch('.'))).parse(i)?;
            let (i, m) = num::<1, 2>(i)?;
            let (i, _) = ch(sep)(i)?;
            let (i, d) = num::<1, 2>(i)?;
            Ok((i, (m, d)))
        },
    ))
    .parse(i)?;
    let ok = (1..=12).contains(&m) && (1..=31).contains(&d) && (1990..=2100).contains(&y);
    if !ok {
        return crate::syntax::fail();
    }
    Ok((
        i,
        Date {
            year: y as u16,
            month: m as u8,
            day: d as u8,
        },
    ))
}

/// Find the first date in `text` (byte range of it).
pub fn find_date(text: &str) -> Option<(Date, Range<usize>)> {
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() && (i == 0 || !text[..i].ends_with(|p: char| p.is_ascii_digit())) {
            if let Some(rest) = text.get(i..) {
                if let Ok((after, d)) = date(rest) {
                    return Some((d, i..text.len() - after.len()));
                }
            }
        }
    }
    None
}

/// A report year `20XX年` (or `20XX 年`), with its range, searched from the start.
pub fn find_year(text: &str) -> Option<(u16, Range<usize>)> {
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let prev_digit = i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit);
        if !matches!(c, b'1' | b'2') || prev_digit {
            continue;
        }
        let Some(Ok((rest, y))) = text.get(i..).map(num::<4, 4>) else {
            continue;
        };
        let r = rest.trim_start_matches(' ');
        let year_word = r.starts_with('年') && !r.starts_with("年度报告") || r.starts_with("年度");
        if year_word && (2000..=2100).contains(&y) {
            return Some((u16::try_from(y).ok()?, i..i + 4));
        }
    }
    None
}

/// Words that end an agency name.
const AGENCY_ENDINGS: &[&str] = &[
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "办公室",
    "办公厅",
    "管委会",
    "管理委员会",
    "委员会",
    "街道办事处",
    "办事处",
    "街道",
    "局",
    "委",
    "厅",
    "署",
    "院",
    "中心",
    "办",
    "乡",
    "镇",
    "县",
    "市",
    "区",
    "所",
    "站",
    "馆",
];

fn agency_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && AGENCY_ENDINGS.iter().any(|e| s.ends_with(e))
        && s.chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "()（）·".contains(c))
}

/// A title line: `…政府信息公开工作年度报告` (also without 工作/政府) — returns the title.
pub fn is_title(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    (6..=80).contains(&n)
        && (t.contains("信息公开") || t.contains("政务公开"))
        && (t.ends_with("年度报告") || t.ends_with("年报") || t.ends_with("报告"))
        && !t.contains(['。', ','])
}

/// Words of navigation, breadcrumbs, previous/next links and related-article lists: a
/// line with one of them names other pages, never the report itself.
const NAVIGATION: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上篇",
    "下篇",
    "上一页",
    "下一页",
    "相关",
    "首页",
    "当前位置",
    "您的位置",
    "你的位置",
    "所在位置",
    "推荐阅读",
    "热点",
    "猜你",
    "栏目",
    "返回",
];

/// Whether a line is navigation (breadcrumbs `首页 > 政务公开`, menus `首页|政务公开|…`,
/// `上一篇:…`, `下一篇:…`, related-article lists): it may name another year's report,
/// and is never taken as the report's title.
pub fn is_navigation(line: &str) -> bool {
    let t = line.trim();
    NAVIGATION.iter().any(|w| t.contains(w))
        || t.contains(['>', '»', '›', '＞', '|', '｜'])
        || t.starts_with(['·', '•', '●', '■', '◆', '>'])
}

/// The report title inside a page's `<title>`: the part before or after the site name
/// (`青禾镇2022年政府信息公开工作年度报告_某县人民政府`), or the whole when it is one.
pub fn title_of_page_title(title: &str) -> Option<&str> {
    title
        .split(['_', '|', '｜', '-', '－', '–', '—'])
        .map(str::trim)
        .find(|p| is_title(p) && !is_navigation(p))
}

/// A value read from a text, with its byte range there.
pub type Found<T> = Option<(T, Range<usize>)>;

/// Agency and year from a title: `五原县和胜乡2021年政府信息公开工作年度报告`,
/// `2019年上海市人民政府办公厅政府信息公开工作年度报告`.
pub fn agency_and_year_of_title(title: &str) -> (Found<String>, Found<u16>) {
    let compact_ok = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
    let year = find_year(title);
    let Some((_, yr)) = year.clone() else {
        return (None, None);
    };
    // Agency before the year…
    let before = title.get(..yr.start).unwrap_or("").trim();
    if !before.is_empty() {
        let a = compact_ok(before);
        if agency_like(&a) {
            let s = title.find(before).unwrap_or(0);
            return (Some((a, s..s + before.len())), year);
        }
    }
    // …or between `年` and `政府信息公开`.
    let after_year = title.get(yr.end..).unwrap_or("");
    let after = after_year
        .trim_start()
        .trim_start_matches('年')
        .trim_start_matches("度")
        .trim_start();
    let base = title.len() - after.len();
    for marker in ["政府信息公开", "政务公开", "信息公开"] {
        if let Some(p) = after.find(marker) {
            let a = after.get(..p).unwrap_or("").trim();
            let ac = compact_ok(a);
            if agency_like(&ac) {
                return (Some((ac, base..base + p)), year);
            }
        }
    }
    (None, year)
}

/// The subject of an opening sentence `2019年,凌源市扶贫开发领导小组办公室按照…`.
pub fn agency_of_opening(sentence: &str) -> Option<(String, Range<usize>)> {
    let (_, yr) = find_year(sentence)?;
    if yr.start > 6 {
        return None;
    }
    let rest = sentence.get(yr.end..)?;
    let rest = rest
        .trim_start_matches(['年', ' '])
        .trim_start_matches([',', ',', ' ']);
    let base = sentence.len() - rest.len();
    // Take the longest agency-like prefix that is followed by a verb-ish boundary.
    let mut best = None;
    for (i, _) in rest.char_indices().take(31) {
        let cand = rest.get(..i)?;
        if agency_like(cand) {
            best = Some((cand.to_string(), base..base + i));
        }
    }
    let (name, range) = best?;
    // Never a pronoun-led phrase (`我县`, `全县`).
    if name.starts_with(['我', '全', '本', '各']) {
        return None;
    }
    // A name ends before a verb like 按照/坚持/认真/深入.
    let tail = sentence.get(range.end..).unwrap_or("");
    let verbs = [
        "按照", "坚持", "认真", "深入", "全面", "高度", "严格", "继续", "紧紧", "以", "在", "围绕",
        "根据", "依据",
    ];
    verbs
        .iter()
        .any(|v| tail.starts_with(v))
        .then_some((name, range))
}

/// An agency signature line (`安溪县人民政府办公室`) standing alone.
pub fn signature(line: &str) -> Option<String> {
    let t: String = line.trim().chars().filter(|c| *c != ' ').collect();
    agency_like(&t).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| date(s).map(|(_, d)| d.to_string()).ok();
        assert_eq!(d("2021年1月12日"), Some("2021-01-12".into()));
        assert_eq!(d("2021 年 1 月 12 日"), Some("2021-01-12".into()));
        assert_eq!(d("2019/12/14 6:04:03"), Some("2019-12-14".into()));
        assert_eq!(d("2018-03-30 14:54"), Some("2018-03-30".into()));
        assert_eq!(d("2018-13-30"), None);
        assert_eq!(
            find_date("发布日期:2019/12/14 6:04:03").map(|x| x.1),
            Some(13..23)
        );
    }

    #[test]
    fn titles() {
        let (a, y) = agency_and_year_of_title("五原县和胜乡2021年政府信息公开工作年度报告");
        assert_eq!(a.map(|x| x.0), Some("五原县和胜乡".into()));
        assert_eq!(y.map(|x| x.0), Some(2021));
        let (a, y) = agency_and_year_of_title("2019年上海市人民政府办公厅政府信息公开工作年度报告");
        assert_eq!(a.map(|x| x.0), Some("上海市人民政府办公厅".into()));
        assert_eq!(y.map(|x| x.0), Some(2019));
        let (a, _) = agency_and_year_of_title("沐阳县人民政府 2025 年 政府信息公开工作年度报告");
        assert_eq!(a.map(|x| x.0), Some("沐阳县人民政府".into()));
        assert!(is_title("新乡市2018年政府信息公开工作年度报告"));
        assert!(!is_title("本报告由…编制。"));
        for nav in [
            "首页|政务公开|互动交流|青禾镇人民政府2021年政府信息公开工作年度报告",
            "上一篇:青禾镇人民政府2021年政府信息公开工作年度报告",
            "当前位置:首页 > 政务公开 > 年度报告",
            "· 青禾镇2020年政府信息公开工作年度报告",
        ] {
            assert!(is_navigation(nav), "{nav}");
        }
        assert!(!is_navigation(
            "青禾镇人民政府2022年政府信息公开工作年度报告"
        ));
        assert_eq!(
            title_of_page_title("青禾镇2022年政府信息公开工作年度报告_青禾镇人民政府"),
            Some("青禾镇2022年政府信息公开工作年度报告")
        );
        assert_eq!(
            title_of_page_title("某县人民政府 - 2022年度政务公开工作年度报告"),
            Some("2022年度政务公开工作年度报告")
        );
        assert_eq!(title_of_page_title("某县人民政府门户网站"), None);
    }

    #[test]
    fn opening_sentence() {
        let s = "2019年,凌源市扶贫开发领导小组办公室按照《中华人民共和国政府信息公开条例》";
        assert_eq!(
            agency_of_opening(s).map(|x| x.0),
            Some("凌源市扶贫开发领导小组办公室".into())
        );
        assert_eq!(agency_of_opening("2020年,我县坚持以公开为常态"), None);
    }
}
