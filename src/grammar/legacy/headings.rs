//! Section headings of pre-2019 reports, also where they stand inside a long line.
//!
//! A heading is a Chinese numeral with `、` (`.`, `．`) that starts a line or follows
//! a space, `。`, `|` or a closing parenthesis, and is followed by a short phrase
//! naming a topic (`一、概述`, `四、因政府信息公开申请行政复议、提起行政诉讼的情况`)
//! or a statistical annex (`六、政府信息公开情况统计表`). The phrase ends where the
//! body starts: at the end of the line, at a space, digit, bracket or punctuation, and
//! after its last heading-final word (`情况`, `措施`, `概述`, …) when the body follows
//! without a break (`三、政府信息依申请公开工作情况2018年未收到…`).

use crate::catalogue::Numbering;
use crate::catalogue::{topic_of_heading, Topic};
use crate::grammar::sections::{heading_of_line, SectionSlice};
use crate::syntax::IResult;

/// Longest heading phrase, in characters, after the numbering.
const MAX_HEADING_CHARS: usize = 40;
/// A phrase without a heading-final word is accepted only up to this length.
const MAX_BARE_CHARS: usize = 16;
/// How far (characters) a mid-line heading phrase is looked for.
const WINDOW_CHARS: usize = 48;
/// Longest line (bytes) read as a whole-line heading.
const MAX_LINE_BYTES: usize = 200;

/// Words a heading phrase ends with.
const ENDINGS: &[&str] = &[
    "情况",
    "概述",
    "概况",
    "措施",
    "事项",
    "统计表",
    "附表",
    "问题",
    "打算",
    "方向",
    "说明",
];
/// Words of a part that is a statistical annex (no topic).
const ANNEX_WORDS: &[&str] = &["统计表", "附表", "附件"];

/// A heading found in the text.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    /// Where the body starts (after the heading, or after its line).
    body_start: usize,
    number: u8,
    heading: String,
    topic: Option<Topic>,
    /// Found by the generic line splitter: always kept.
    found: bool,
    /// A whole line naming no topic: kept only as the very next number.
    weak: bool,
}

/// The sections of a pre-2019 report: the generic splitter's headings (`found`) plus
/// those standing inside lines, with increasing numbers; the last body ends at a
/// page footer (`上一页`, `返回顶部`, `下一篇`, …).
pub fn sections(text: &str, found: Vec<SectionSlice>) -> Vec<SectionSlice> {
    let mut cands: Vec<Candidate> = found
        .into_iter()
        .filter(|s| {
            s.heading_range.end <= text.len() && s.heading_range.start <= s.heading_range.end
        })
        .map(|s| Candidate {
            start: s.heading_range.start,
            end: s.heading_range.end,
            body_start: s.body_range.start.max(s.heading_range.end).min(text.len()),
            number: s.number.unwrap_or(0),
            heading: s.heading,
            topic: s.topic,
            found: true,
            weak: false,
        })
        .collect();
    let found_ranges: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
    for c in scan(text) {
        let overlaps = found_ranges
            .iter()
            .any(|&(s, e)| c.start < e.max(s + 1) && s < c.end.max(c.start + 1));
        if !overlaps {
            cands.push(c);
        }
    }
    cands.sort_by_key(|c| (c.start, !c.found));
    cands.dedup_by_key(|c| c.start);

    // A heading with nothing after it before the next one kept is a list item
    // (`全文包括：一、概述 二、主动公开…`), unless it is the last. Decided from the
    // right, so that what a dropped candidate would have cut off does not count.
    let mut keep = vec![true; cands.len()];
    let mut next_kept: Option<usize> = None;
    for (i, c) in cands.iter().enumerate().rev() {
        let ok = c.found
            || match next_kept {
                Some(next) => {
                    let between = text.get(c.body_start.min(next)..next).unwrap_or("");
                    between
                        .chars()
                        .filter(|ch| !ch.is_whitespace())
                        .take(2)
                        .count()
                        >= 2
                }
                None => true,
            };
        if let Some(k) = keep.get_mut(i) {
            *k = ok;
        }
        if ok {
            next_kept = Some(c.start);
        }
    }
    let cands: Vec<Candidate> = cands
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| c)
        .collect();

    // The number of the next heading the generic splitter found, for each candidate.
    let mut next_found: Vec<Option<u8>> = vec![None; cands.len()];
    let mut seen = None;
    for (i, c) in cands.iter().enumerate().rev() {
        if let Some(slot) = next_found.get_mut(i) {
            *slot = seen;
        }
        if c.found {
            seen = Some(c.number);
        }
    }
    let mut kept: Vec<Candidate> = Vec::new();
    let mut last = 0u8;
    for (i, c) in cands.iter().enumerate() {
        if c.found {
            last = c.number;
            kept.push(c.clone());
            continue;
        }
        let next_found = next_found.get(i).copied().flatten();
        let ok = c.number > last
            && !matches!(next_found, Some(m) if c.number >= m)
            && (last == 0 || c.number <= last.saturating_add(2))
            && (!c.weak || c.number == last.saturating_add(1));
        if ok {
            last = c.number;
            kept.push(c.clone());
        }
    }

    let mut out = Vec::with_capacity(kept.len());
    for (i, c) in kept.iter().enumerate() {
        let end = match kept.get(i + 1) {
            Some(next) => next.start,
            None => footer_start(text, c.body_start).unwrap_or(text.len()),
        };
        let body_start = c.body_start.min(end);
        out.push(SectionSlice {
            number: Some(c.number),
            heading: c.heading.clone(),
            topic: c.topic,
            heading_range: c.start..c.end,
            body_range: body_start..end,
        });
    }
    out
}

/// Every heading candidate of the text, in order.
fn scan(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut line_blank = true;
    for (pos, ch) in text.char_indices() {
        if is_numeral(ch) && !prev.is_some_and(is_numeral) {
            let boundary = match prev {
                None => true,
                Some(p) => {
                    p.is_whitespace()
                        || matches!(p, '。' | '|' | ')' | '）' | '!' | '?' | '！' | '？' | '#')
                }
            };
            if boundary {
                let rest = text.get(pos..).unwrap_or("");
                if let Some(c) = heading_at(text, rest, pos, line_blank) {
                    out.push(c);
                }
            }
        }
        if ch == '\n' {
            line_blank = true;
        } else if !(is_space(ch) || matches!(ch, '#' | '|')) {
            line_blank = false;
        }
        prev = Some(ch);
    }
    out
}

/// `char::is_whitespace`, deciding the CJK text above U+3000 (no space there) first.
fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

fn is_numeral(c: char) -> bool {
    crate::catalogue::matching::is_cn_digit(c)
}

/// `三、`, `十一 、`: the number and the rest after the separator and spaces (the
/// catalogue's numbering parser, with the separators a heading takes).
fn numbering(i: &str) -> IResult<&str, u8> {
    let (rest, n) = crate::catalogue::matching::numbering(i)?;
    let sep = i.get(..i.len() - rest.len()).and_then(|s| s.chars().last());
    match (n, sep) {
        (Numbering::Chinese(n), Some('、' | '.' | '．')) => Ok((rest.trim_start_matches(' '), n)),
        _ => crate::syntax::fail(),
    }
}

/// The heading that starts at `pos` (`rest` = the text from there), if any.
fn heading_at(text: &str, rest: &str, pos: usize, line_start: bool) -> Option<Candidate> {
    if line_start {
        if let Some(c) = whole_line(rest, pos) {
            return Some(c);
        }
    }
    let (after, number) = numbering(rest).ok()?;
    let phrase_off = rest.len() - after.len();
    let window = window(after);
    let soft = window
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '(' | '（'
                        | ','
                        | '，'
                        | ':'
                        | '：'
                        | '!'
                        | '?'
                        | '！'
                        | '？'
                        | '“'
                        | '"'
                        | '《'
                        | '['
                )
        })
        .map_or(window.len(), |(i, _)| i);
    let mut phrase = window.get(..soft)?;
    let ending = ENDINGS
        .iter()
        .filter_map(|w| phrase.rfind(w).map(|p| p + w.len()))
        .max();
    match ending {
        Some(e) => phrase = phrase.get(..e)?,
        None if phrase.chars().count() > MAX_BARE_CHARS => return None,
        None => {}
    }
    if phrase.is_empty() || phrase.chars().count() > MAX_HEADING_CHARS || has_numbering(phrase) {
        return None;
    }
    let topic = topic_of_heading(phrase);
    let annex = ANNEX_WORDS.iter().any(|w| phrase.contains(w));
    if topic.is_none() && !annex {
        return None;
    }
    let after_phrase = after.get(phrase.len()..).unwrap_or("");
    if after_phrase.starts_with([',', '，', '、', ';', '；']) {
        return None;
    }
    let end = pos + phrase_off + phrase.len();
    let heading = text.get(pos..end)?.to_string();
    Some(Candidate {
        start: pos,
        end,
        body_start: end,
        number,
        heading,
        topic,
        found: false,
        weak: false,
    })
}

/// Whether a heading phrase holds another numbering (`五、`): two headings run
/// together, or a list.
fn has_numbering(phrase: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in phrase.chars() {
        if matches!(c, '、' | '.' | '．') && prev.is_some_and(is_numeral) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// At most [`WINDOW_CHARS`] characters, cut at a line break, `。`, `|` or `;`.
fn window(s: &str) -> &str {
    let mut end = s.len();
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n >= WINDOW_CHARS || matches!(c, '\n' | '。' | '|' | ';' | '；') {
            end = i;
            break;
        }
    }
    s.get(..end).unwrap_or("")
}

/// A whole line that is a heading (`二、主动公开政府信息情况`, or a short numbered line
/// ending in a heading word such as `二、政府信息公开情况`).
fn whole_line(rest: &str, pos: usize) -> Option<Candidate> {
    let line_len = rest.find('\n').unwrap_or(rest.len());
    if line_len > MAX_LINE_BYTES {
        return None;
    }
    let line = rest.get(..line_len)?;
    let body_start = pos + (line_len + 1).min(rest.len());
    let t = line.trim_end_matches(['|', ' ', '\t', '\r']).trim_end();
    if let Some((n, h, topic)) = heading_of_line(t) {
        let lead = t.find(h).unwrap_or(0);
        return Some(Candidate {
            start: pos + lead,
            end: pos + lead + h.len(),
            body_start,
            number: n,
            heading: h.to_string(),
            topic: Some(topic),
            found: false,
            weak: false,
        });
    }
    let (after, number) = numbering(t).ok()?;
    let words = after.trim();
    let count = words.chars().count();
    if count == 0
        || count > MAX_HEADING_CHARS
        || words.contains(['。', ';', '；', ',', '，'])
        || has_numbering(words)
    {
        return None;
    }
    let annex = ANNEX_WORDS.iter().any(|w| words.contains(w));
    let topic = topic_of_heading(words);
    if topic.is_none() && !annex && !ENDINGS.iter().any(|w| words.ends_with(w)) {
        return None;
    }
    Some(Candidate {
        start: pos,
        end: pos + t.len(),
        body_start,
        number,
        heading: t.to_string(),
        topic,
        found: false,
        weak: topic.is_none() && !annex,
    })
}

/// Where the page's footer starts after `from`: a pagination or page-tool line, or
/// such a marker standing after a space or `。` inside a line (`…事项。 上一页 [1] [2]`).
fn footer_start(text: &str, from: usize) -> Option<usize> {
    let mut off = from;
    let tail = text.get(from..)?;
    for line in tail.split_inclusive('\n') {
        let line_start = off;
        off += line.len();
        let at_line_start =
            line_start == 0 || text.get(..line_start).is_some_and(|b| b.ends_with('\n'));
        if at_line_start && is_footer_line(line) {
            return Some(line_start);
        }
        if let Some(p) = inline_footer(line) {
            return Some(line_start + p);
        }
    }
    None
}

/// Page-chrome words that never occur in a report's prose.
const FOOTER_MARKERS: &[&str] = &[
    "上一页",
    "下一页",
    "上一篇",
    "下一篇",
    "返回顶部",
    "返回首页",
    "【打印】",
    "【关闭】",
    "打印本页",
    "关闭窗口",
    "[1] [2]",
];

/// The first footer marker of a line that follows a space, `。` or `|`.
fn inline_footer(line: &str) -> Option<usize> {
    FOOTER_MARKERS
        .iter()
        // Most lines hold no marker: a plain search first (no searcher set up).
        .filter(|m| line.contains(*m))
        .filter_map(|m| {
            line.match_indices(m).map(|(p, _)| p).find(|&p| {
                line.get(..p)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(|c| c.is_whitespace() || matches!(c, '。' | '|'))
            })
        })
        .min()
}

/// A line of page chrome after the report: pagination, page tools, links, attachments.
pub(crate) fn is_footer_line(line: &str) -> bool {
    let t = line.trim().trim_matches('|').trim();
    if t.is_empty() {
        return false;
    }
    const STARTS: &[&str] = &[
        "上一页",
        "下一页",
        "上一篇",
        "下一篇",
        "返回顶部",
        "返回首页",
        "返回列表",
        "打印本页",
        "关闭窗口",
        "【打印】",
        "【关闭】",
        "[打印]",
        "[关闭]",
        "责任编辑",
        "(责任编辑",
        "相关链接",
        "相关阅读",
        "相关文章",
        "分享到",
        "扫一扫",
        "首页 上一页",
    ];
    if STARTS.iter().any(|s| t.starts_with(s)) {
        return true;
    }
    // `[1] [2]`, `1 2 3 下一页`, `共2页`.
    let pager = t.split_whitespace().all(|w| {
        w.trim_matches(['[', ']'])
            .chars()
            .all(|c| c.is_ascii_digit())
            && !w.is_empty()
    });
    if pager && t.contains('[') {
        return true;
    }
    if t.starts_with('共') && t.ends_with('页') && t.chars().count() <= 8 {
        return true;
    }
    let b = t.as_bytes();
    [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps"]
        .iter()
        .any(|e| {
            b.len() >= e.len()
                && b.get(b.len() - e.len()..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(e.as_bytes()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_space_above_the_ideographic_space() {
        for u in 0..0x11_0000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
            }
        }
    }
    use crate::grammar::sections::split_sections;

    fn heads(text: &str) -> Vec<(u8, String, Option<Topic>)> {
        sections(text, split_sections(text))
            .into_iter()
            .map(|s| (s.number.unwrap_or(0), s.heading, s.topic))
            .collect()
    }

    #[test]
    fn mid_line_headings_after_space_and_full_stop() {
        let t = "本报告…联系(电话:5202829)。 一、概述 2017年我县高度重视。 (一)进一步规范。 二、主动公开政府信息的情况 按照《条例》规定。 三、政府信息公开的收费及减免情况 全年未收取。 四、因政府信息公开申请行政复议、提起行政诉讼的情况 全年没有收到。 五、其他需要报告的事项 全县。 六、存在的主要问题及改进措施 (一)存在的主要问题。";
        let h = heads(t);
        assert_eq!(
            h.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec![
                "一、概述",
                "二、主动公开政府信息的情况",
                "三、政府信息公开的收费及减免情况",
                "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
                "五、其他需要报告的事项",
                "六、存在的主要问题及改进措施"
            ]
        );
        assert_eq!(
            h.iter().map(|x| x.2).collect::<Vec<_>>(),
            vec![
                Some(Topic::Overview),
                Some(Topic::ActiveDisclosure),
                Some(Topic::Fees),
                Some(Topic::ReviewLitigation),
                Some(Topic::Other),
                Some(Topic::Problems)
            ]
        );
        let s = sections(t, split_sections(t));
        assert_eq!(
            t.get(s[0].body_range.clone()).map(str::trim),
            Some("2017年我县高度重视。 (一)进一步规范。")
        );
    }

    #[test]
    fn glued_headings_end_after_the_topic_phrase() {
        let t = "联系。一、概述2018年以来,我区。二、主动公开政府信息情况(一)主动公开政府信息的数量2018年。三、政府信息依申请公开工作情况2018年未收到申请。五、主要问题和改进措施虽然,我区。六、政府信息公开情况统计表指标名称计量单位2018年度";
        let h = heads(t);
        assert_eq!(
            h.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec![
                "一、概述",
                "二、主动公开政府信息情况",
                "三、政府信息依申请公开工作情况",
                "五、主要问题和改进措施",
                "六、政府信息公开情况统计表"
            ]
        );
        assert_eq!(h.last().map(|x| x.2), Some(None));
    }

    #[test]
    fn lists_and_body_items_are_not_headings() {
        // An outline in the preamble, then the real headings.
        let t = "全文包括:一、概述,二、主动公开政府信息情况,三、依申请公开情况。\n一、概述\n正文。\n二、主动公开政府信息情况\n(一)加强领导\n一、加强组织领导\n三、依申请公开政府信息情况\n正文";
        let h = heads(t);
        assert_eq!(h.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2, 3]);
        let s = sections(t, split_sections(t));
        assert!(s[0].heading_range.start > 40);
        // Spaces only between outline items.
        let t = "全文包括 一、概述 二、主动公开政府信息情况 三、依申请公开情况\n一、概述\n正文。\n";
        assert_eq!(heads(t).len(), 1);
        assert_eq!(heads("统一、规范的主动公开情况"), vec![]);
    }

    #[test]
    fn whole_lines_without_topic_in_sequence() {
        let t = "一、概述\n正文\n二、政府信息公开情况\n2010年公开各类信息46条。\n三、组织保障情况\n正文\n";
        let h = heads(t);
        assert_eq!(h.len(), 3);
        assert_eq!(h[1].2, None);
        // Not the next number: a body item.
        let t = "一、概述\n正文\n三、加强宣传情况\n正文\n";
        assert_eq!(heads(t).len(), 1);
    }

    #[test]
    fn footer_ends_the_last_section() {
        let t = "七、其他需要报告的事项\n暂无。\n\n上一页  [1] [2] \n\n最新下设单位\n返回顶部";
        let s = sections(t, split_sections(t));
        assert_eq!(s.len(), 1);
        assert_eq!(
            t.get(s[0].body_range.clone()).map(str::trim),
            Some("暂无。")
        );
        assert!(is_footer_line("[1] [2]"));
        assert!(is_footer_line("下一篇:"));
        assert!(is_footer_line("唐村镇2010年政府信息公开工作年度报告.pdf"));
        assert!(!is_footer_line("2018年12月31日"));
        // On one line with the report.
        let t = "七、其他需要报告的事项 暂无。 上一页 [1] [2] 最新下设单位 返回顶部";
        let s = sections(t, split_sections(t));
        assert_eq!(
            t.get(s[0].body_range.clone()).map(str::trim),
            Some("暂无。")
        );
    }

    #[test]
    fn keeps_what_the_generic_splitter_found() {
        let t = "三、政府信息依申请公开情况\n正文\n四、因政府信息公开申请行政复议、提起行政诉讼的情况\n正文\n";
        let found = split_sections(t);
        let s = sections(t, found.clone());
        assert_eq!(s.len(), found.len());
        for (a, b) in s.iter().zip(found.iter()) {
            assert_eq!(a.heading_range, b.heading_range);
            assert_eq!(a.topic, b.topic);
        }
        // Idempotent.
        assert_eq!(sections(t, s.clone()), s);
        let t = "四、因政府信息公开申请行政复议的情况|三、 五、其他需要报告的事项 ,二、主动公开政府信息情况";
        let s = sections(t, split_sections(t));
        assert_eq!(
            s.iter().map(|s| s.heading.as_str()).collect::<Vec<_>>(),
            vec![
                "四、因政府信息公开申请行政复议的情况",
                "五、其他需要报告的事项"
            ]
        );
        assert_eq!(sections(t, s.clone()), s);
    }
}
