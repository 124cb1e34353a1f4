//! The phrase grammars (nom): a figure in prose (`151件`, `2万余条`, `5万元`,
//! `两名`), stated zeros (`没有收到…申请`, `未收取…费用`), and the split of prose into
//! sentences and clauses.
//!
//! A figure is a number with a unit. A number without one (`占60.92`, `2018年`) or
//! followed by `%` is never a figure; nor is a number that ends a range (`1-2名`) or
//! belongs to an identifier (`IPv6`, `B座107室`).

use crate::lex::value::{approx_suffix, multiplier, number, parse_value};
use crate::model::cell::{Decimal, Value};
use crate::syntax::IResult;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::combinator::{not, opt, peek, recognize};
use nom::Parser;
use std::ops::Range;

/// Units a figure may carry, longest first where one is a prefix of another.
const UNITS: &[&str] = &[
    "人次", "件次", "件", "条", "宗", "个", "项", "次", "份", "篇", "起", "例", "封", "人", "名",
    "元",
];

/// What a unit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// Items, applications, cases.
    Count,
    /// People (`人`, `名`).
    People,
    /// Money (`元`, after `万`/`亿` scaling).
    Money,
}

/// A figure found in a clause (ranges relative to the clause).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Num {
    /// The figure's text, unit included (and a leading `约`/`近`).
    pub range: Range<usize>,
    /// The value, scaled (`2万余` → 20000).
    pub value: Decimal,
    /// The unit.
    pub unit: &'static str,
    /// `余`, `多`, `约`, `近`.
    pub approximate: bool,
}

impl Num {
    /// What the unit counts.
    pub fn class(&self) -> UnitClass {
        match self.unit {
            "元" => UnitClass::Money,
            "人" | "名" => UnitClass::People,
            _ => UnitClass::Count,
        }
    }
}

/// `2万余`, `1000余万`, `44余`, `31.2万`: a number with its approximation marks and
/// multiplier, in the cell values' grammar (and read by [`parse_value`]).
fn quantity(i: &str) -> IResult<&str, &str> {
    recognize((
        number,
        opt(approx_suffix),
        opt(multiplier),
        opt(approx_suffix),
    ))
    .parse(i)
}

fn unit(i: &str) -> IResult<&str, &'static str> {
    for u in UNITS {
        if let Some(rest) = i.strip_prefix(u) {
            return Ok((rest, *u));
        }
    }
    crate::syntax::fail()
}

/// A figure: quantity, optional spaces, unit; never a percentage.
fn figure(i: &str) -> IResult<&str, (&str, &'static str)> {
    let (rest, (q, _, _, u)) = (
        quantity,
        take_while(|c| c == ' '),
        not(peek(alt((tag("%"), tag("％"), tag("个百分点"))))),
        unit,
    )
        .parse(i)?;
    Ok((rest, (q, u)))
}

/// A small count in Chinese numerals before `名`/`人` (`两名专职`).
fn cn_people(i: &str) -> IResult<&str, (u8, &'static str)> {
    let (rest, digits) = take_while1(is_cn_digit).parse(i)?;
    let (rest, u) = alt((tag("名"), tag("人"))).parse(rest)?;
    let unit: &'static str = if u == "名" { "名" } else { "人" };
    let norm: String = digits.replace('两', "二");
    match crate::catalogue::matching::chinese_numeral(&norm) {
        Some(n) => Ok((rest, (n, unit))),
        None => crate::syntax::fail(),
    }
}

/// `一` to `十` and `两`.
fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Characters that, just before a number, make it part of something else.
fn blocks_number(prev: char) -> bool {
    prev.is_ascii_alphanumeric()
        || matches!(
            prev,
            '.' | ',' | '-' | '~' | '～' | '—' | '–' | '至' | '到' | '第' | '_' | '/' | '〔' | '['
        )
}

/// Every figure of a clause, in order. Linear: each run of digits is tried once.
pub(crate) fn figures(clause: &str) -> Vec<Num> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut skip_to = 0usize;
    for (pos, c) in clause.char_indices() {
        let p = prev;
        prev = Some(c);
        if pos < skip_to {
            continue;
        }
        let rest = clause.get(pos..).unwrap_or("");
        if c.is_ascii_digit() {
            if p.is_some_and(|p| p.is_ascii_digit()) {
                continue;
            }
            let digits_end = pos
                + rest
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
            if p.is_some_and(blocks_number) {
                skip_to = digits_end;
                continue;
            }
            match figure(rest) {
                Ok((after, (q, u))) => {
                    let end = clause.len() - after.len();
                    let Value::Number {
                        value, approximate, ..
                    } = parse_value(q, None)
                    else {
                        skip_to = end;
                        continue;
                    };
                    let before = clause.get(..pos).unwrap_or("");
                    let prefix = ["约", "近", "逾"].iter().find(|w| before.ends_with(*w));
                    let start = pos - prefix.map_or(0, |w| w.len());
                    out.push(Num {
                        range: start..end,
                        value,
                        unit: u,
                        approximate: approximate || prefix.is_some(),
                    });
                    skip_to = end;
                }
                Err(_) => skip_to = digits_end,
            }
        } else if is_cn_digit(c) && !p.is_some_and(|p| is_cn_digit(p) || matches!(p, '第' | '每'))
        {
            if let Ok((after, (n, u))) = cn_people(rest) {
                let end = clause.len() - after.len();
                out.push(Num {
                    range: pos..end,
                    value: Decimal::integer(i64::from(n)),
                    unit: u,
                    approximate: false,
                });
                skip_to = end;
            }
        }
    }
    out
}

/// Words that deny a fact (`没有`, `未`, `尚未`, `无`, `不存在`).
fn negation(i: &str) -> IResult<&str, &str> {
    alt((
        tag("没有"),
        tag("尚未"),
        tag("从未"),
        tag("均未"),
        tag("暂无"),
        tag("不存在"),
        tag("未"),
        tag("无"),
    ))
    .parse(i)
}

/// The first denial of one of `targets` in a clause: a negation followed, within
/// `max_gap` characters, by a target (`没有收到涉及政府信息公开事务的投诉、行政复议申请`).
/// Returns the range from the negation to the end of the target.
pub(crate) fn denial(clause: &str, targets: &[&str], max_gap: usize) -> Option<Range<usize>> {
    // A target must follow the negation within the clause: without any target in the
    // clause there is no denial, and the clause is not walked.
    if !targets.iter().any(|t| clause.contains(t)) {
        return None;
    }
    for (pos, c) in clause.char_indices() {
        if !matches!(c, '没' | '尚' | '从' | '均' | '暂' | '不' | '未' | '无') {
            continue;
        }
        let rest = clause.get(pos..).unwrap_or("");
        let Ok((after, _)) = negation(rest) else {
            continue;
        };
        let off = pos + rest.len() - after.len();
        // The window: `max_gap` characters plus the longest target.
        let longest = targets.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        let wend = after
            .char_indices()
            .nth(max_gap + longest)
            .map_or(after.len(), |(i, _)| i);
        let window = after.get(..wend).unwrap_or("");
        let hit = targets
            .iter()
            .filter_map(|t| window.find(t).map(|p| p + t.len()))
            .min();
        if let Some(e) = hit {
            return Some(pos..off + e);
        }
    }
    None
}

/// A sentence: text up to `。`, a line break, `!`, `?` or `|`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence<'a> {
    /// Offset in the split text.
    pub start: usize,
    /// The text (terminator excluded).
    pub text: &'a str,
}

/// Split into sentences.
pub(crate) fn sentences(text: &str) -> Vec<Sentence<'_>> {
    split(text, |c| {
        matches!(c, '。' | '\n' | '!' | '?' | '！' | '？' | '|')
    })
    .into_iter()
    .map(|(start, text)| Sentence { start, text })
    .collect()
}

/// Split a sentence into clauses at `,` `;` `:` (full- or half-width).
pub(crate) fn clauses(sentence: &str) -> Vec<(usize, &str)> {
    split(sentence, |c| {
        matches!(c, ',' | '，' | ';' | '；' | ':' | '：')
    })
}

fn split(text: &str, is_sep: impl Fn(char) -> bool) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_sep(c) {
            if let Some(s) = text.get(start..i) {
                if !s.trim().is_empty() {
                    out.push((start, s));
                }
            }
            start = i + c.len_utf8();
        }
    }
    if let Some(s) = text.get(start..) {
        if !s.trim().is_empty() {
            out.push((start, s));
        }
    }
    out
}

/// The last `n` characters of `s`, as an offset into `s`.
pub(crate) fn tail_start(s: &str, n: usize) -> usize {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The first `n` characters of `s`, as a length in bytes.
pub(crate) fn head_len(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(clause: &str) -> Vec<(String, &'static str, bool, &str)> {
        figures(clause)
            .into_iter()
            .map(|n| {
                (
                    n.value.to_string(),
                    n.unit,
                    n.approximate,
                    clause.get(n.range.clone()).unwrap_or(""),
                )
            })
            .collect()
    }

    #[test]
    fn counts_with_units() {
        assert_eq!(
            vals("全市共受理政府信息公开申请151件"),
            vec![("151".into(), "件", false, "151件")]
        );
        assert_eq!(
            vals("专职人员2人、兼职人员50人"),
            vec![
                ("2".into(), "人", false, "2人"),
                ("50".into(), "人", false, "50人")
            ]
        );
        assert_eq!(
            vals("依申请公开信息12 条"),
            vec![("12".into(), "条", false, "12 条")]
        );
        assert_eq!(
            vals("配备了两名专职人员"),
            vec![("2".into(), "名", false, "两名")]
        );
    }

    #[test]
    fn percentages_are_not_figures() {
        assert_eq!(vals("占60.92"), vec![]);
        assert_eq!(
            vals("网络申请92件,占60.92"),
            vec![("92".into(), "件", false, "92件")]
        );
        assert_eq!(vals("占总数的70%"), vec![]);
        assert_eq!(vals("占16 %"), vec![]);
        assert_eq!(vals("办结率100%"), vec![]);
    }

    #[test]
    fn approximate_and_scaled() {
        assert_eq!(
            vals("累计2万余条"),
            vec![("20000".into(), "条", true, "2万余条")]
        );
        assert_eq!(
            vals("发布100余次"),
            vec![("100".into(), "次", true, "100余次")]
        );
        assert_eq!(
            vals("印发800余份"),
            vec![("800".into(), "份", true, "800余份")]
        );
        assert_eq!(
            vals("费用5万元"),
            vec![("50000".into(), "元", false, "5万元")]
        );
        assert_eq!(
            vals("节约资金1000余万元"),
            vec![("10000000".into(), "元", true, "1000余万元")]
        );
        assert_eq!(
            vals("网络信息近1000条"),
            vec![("1000".into(), "条", true, "近1000条")]
        );
        assert_eq!(
            vals("经费1.5万元"),
            vec![("15000".into(), "元", false, "1.5万元")]
        );
    }

    #[test]
    fn numbers_that_are_not_figures() {
        assert_eq!(vals("2018年"), vec![]);
        assert_eq!(vals("1-2名在岗人员"), vec![]);
        assert_eq!(vals("IPv6"), vec![]);
        assert_eq!(vals("〔2016〕8号"), vec![]);
        assert_eq!(vals("每一人"), vec![]);
        assert_eq!(vals("99999999999999999999件"), vec![]);
        assert_eq!(vals("第3件"), vec![]);
    }

    #[test]
    fn denials() {
        let c = "全年没有收到涉及政府信息公开事务的投诉、行政复议申请";
        let r = denial(c, &["复议"], 24);
        assert_eq!(
            r.and_then(|r| c.get(r)),
            Some("没有收到涉及政府信息公开事务的投诉、行政复议")
        );
        assert!(denial(
            "均未收取复印、邮寄递送等信息公开成本费用",
            &["收取", "收费"],
            12
        )
        .is_some());
        assert!(denial("已收到申请", &["申请"], 12).is_none());
        assert!(denial("未", &["申请"], 12).is_none());
    }

    #[test]
    fn sentences_and_clauses() {
        let s = sentences("甲,乙。丙;丁\n戊");
        assert_eq!(
            s.iter().map(|s| s.text).collect::<Vec<_>>(),
            vec!["甲,乙", "丙;丁", "戊"]
        );
        assert_eq!(clauses("丙;丁:戊").len(), 3);
        assert_eq!(tail_start("abc", 2), 1);
        assert_eq!(head_len("一二三", 2), 6);
        assert_eq!(tail_start("ab", 5), 0);
    }
}
