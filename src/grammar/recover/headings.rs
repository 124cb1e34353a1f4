//! Sections found where the line-based splitter cannot see them:
//!
//! - whole pages on one line (portal page text): the template's headings stand
//!   mid-line (`…取得了一定的成效。二、主动公开政府信息情况第二十条…`), found by their
//!   numeral and the start of their words, in template order ([`midline_sections`]);
//! - numbering that restarts (a narrative numbered 一…六, then the tables numbered
//!   again from 一): a line that names a table's template section is that table's
//!   caption whatever its number ([`table_captions`]).

use crate::catalogue::{TableId, Topic, SECTION_HEADINGS, TEMPLATE_SECTIONS};
use crate::grammar::sections::SectionSlice;
use std::ops::Range;

/// Characters of a template heading that must follow its numeral mid-line (enough to
/// tell `四、政府信息公开行政复议…` from `四、政府信息公开申请情况`, few enough to
/// survive a typo later in the heading: `行政法复议`).
const PREFIX_CHARS: usize = 8;
/// How far (characters) past the prefix a heading's last word is looked for.
const TAIL_CHARS: usize = 24;

const CN: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

fn prefix(h: &str) -> &str {
    match h.char_indices().nth(PREFIX_CHARS) {
        Some((i, _)) => h.get(..i).unwrap_or(h),
        None => h,
    }
}

/// The template's six sections found anywhere in the text (mid-line included), in
/// order: `一、总体情况` … `六、其他需要报告的事项`. A heading is its numeral, `、`, and
/// the first words of its template heading; it ends after the template heading, or
/// after the first `情况`/`事项` that closes it.
pub fn midline_sections(text: &str) -> Vec<SectionSlice> {
    let mut out: Vec<SectionSlice> = Vec::new();
    let mut cursor = 0;
    for (i, (topic, heading)) in TEMPLATE_SECTIONS.iter().zip(SECTION_HEADINGS).enumerate() {
        let Some(num) = CN.get(i) else { continue };
        let needle = format!("{num}、{}", prefix(heading));
        let Some(p) = text.get(cursor..).and_then(|t| t.find(&needle)) else {
            continue;
        };
        let start = cursor + p;
        let words = start + num.len() + "、".len();
        let rest = text.get(words..).unwrap_or("");
        let end = if rest.starts_with(heading) {
            words + heading.len()
        } else {
            let window: String = rest.chars().take(PREFIX_CHARS + TAIL_CHARS).collect();
            ["情况", "事项"]
                .iter()
                .filter_map(|w| window.find(w).map(|q| q + w.len()))
                .min()
                .map_or(words + prefix(heading).len(), |q| words + q)
        };
        if let Some(prev) = out.last_mut() {
            prev.body_range.end = start;
        }
        out.push(SectionSlice {
            number: Some(i as u8 + 1),
            heading: text.get(start..end).unwrap_or("").to_string(),
            topic: Some(*topic),
            heading_range: start..end,
            body_range: end..text.len(),
        });
        cursor = end;
    }
    out
}

/// The words of a line after markdown markers and a Chinese numbering (`二、`).
fn line_words(line: &str) -> &str {
    let t = line.trim().trim_start_matches('#').trim();
    let mut chars = t.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, c)), Some((j, '、'))) if CN.iter().any(|n| n.starts_with(c)) || c == '七' => {
            t.get(j + '、'.len_utf8()..).unwrap_or("").trim_start()
        }
        _ => t,
    }
}

/// The first character of each of [`SECTION_HEADINGS`].
const HEADING_FIRST_CHARS: [char; SECTION_HEADINGS.len()] = {
    let mut out = ['\0'; SECTION_HEADINGS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = first_char(SECTION_HEADINGS[i]);
        i += 1;
    }
    out
};

/// The first character of a string starting with a character of three UTF-8 bytes (the
/// headings are Chinese), at compile time.
const fn first_char(s: &str) -> char {
    let b = s.as_bytes();
    assert!(b.len() >= 3 && b[0] & 0xF0 == 0xE0);
    let c = ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F);
    match char::from_u32(c) {
        Some(c) => c,
        None => panic!("not a character"),
    }
}

/// The numerals [`line_words`] strips: those of [`CN`], and 七.
const NUMERALS: [char; 7] = ['一', '二', '三', '四', '五', '六', '七'];

/// Whether a line may name a template section: its first character past spaces and
/// `#` is a numeral or a heading's first character. (Most lines are told apart here,
/// without trimming them.)
fn may_name_a_section(line: &str) -> bool {
    let c = line
        .trim_start_matches(|c: char| c.is_whitespace() || c == '#')
        .chars()
        .next();
    c.is_some_and(|c| NUMERALS.contains(&c) || HEADING_FIRST_CHARS.contains(&c))
}

fn template_topic_of_line(line: &str) -> Option<Topic> {
    if !may_name_a_section(line) {
        return None;
    }
    let w = line_words(line);
    SECTION_HEADINGS
        .iter()
        .position(|h| w.starts_with(h))
        .and_then(|i| TEMPLATE_SECTIONS.get(i).copied())
}

/// A table found by its caption line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    /// The table.
    pub table: TableId,
    /// The caption line's words.
    pub heading_range: Range<usize>,
    /// Up to the next line that names a template section.
    pub body_range: Range<usize>,
}

/// Lines that name the template section of table 二, 三 or 四 by its exact words,
/// whatever their numbering (the first such line per table).
pub fn table_captions(text: &str) -> Vec<Caption> {
    let mut lines: Vec<(Range<usize>, Topic)> = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        if let Some(t) = template_topic_of_line(line) {
            let trimmed = line.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            lines.push((off + lead..off + trimmed.len(), t));
        }
        off += line.len();
    }
    let mut out: Vec<Caption> = Vec::new();
    for (i, (range, topic)) in lines.iter().enumerate() {
        let table = [TableId::T2, TableId::T3, TableId::T4]
            .into_iter()
            .find(|id| id.topic() == *topic);
        let Some(table) = table else { continue };
        if out.iter().any(|c| c.table == table) {
            continue;
        }
        let end = lines.get(i + 1).map_or(text.len(), |(r, _)| r.start);
        let body_start = text
            .get(range.end..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |p| range.end + p + 1)
            .min(end);
        out.push(Caption {
            table,
            heading_range: range.clone(),
            body_range: body_start..end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_mid_line() {
        let t = "前言。一、总体情况2019年,我区…二、主动公开政府信息情况 第二十条…三、本年度办理结果 三、收到和处理政府信息公开申请情况(本列…)四、结转下年度继续办理 0 四、政府信息公开行政法复议、行政诉讼情况行政复议 0 五、存在的主要问题及改进情况 无 六、其他需要报告的事项 无";
        let s = midline_sections(t);
        let heads: Vec<&str> = s.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(
            heads,
            vec![
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政法复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项",
            ]
        );
        assert_eq!(&t[s[3].body_range.clone()], "行政复议 0 ");
        assert_eq!(s[2].topic, Some(Topic::Requests));
    }

    #[test]
    fn numerals_are_those_of_the_headings() {
        for (n, c) in CN.iter().zip(NUMERALS) {
            assert_eq!(n.chars().next(), Some(c));
        }
        assert_eq!(NUMERALS.last(), Some(&'七'));
    }

    #[test]
    fn the_quick_test_passes_every_heading_line() {
        let lines = [
            "一、总体情况",
            "  ## 二、主动公开政府信息情况\n",
            "\u{3000}三、收到和处理政府信息公开申请情况",
            "七、政府信息公开行政复议、行政诉讼情况",
            "# 存在的主要问题及改进情况",
            "其他需要报告的事项\r\n",
        ];
        for l in lines {
            assert!(may_name_a_section(l), "{l:?}");
            assert!(template_topic_of_line(l).is_some(), "{l:?}");
        }
        for l in [
            "本机关收到申请46件。",
            "| 1 | 2 |",
            "",
            "  \n",
            "(一)总体情况",
        ] {
            assert!(!may_name_a_section(l), "{l:?}");
            assert_eq!(template_topic_of_line(l), None, "{l:?}");
        }
    }

    #[test]
    fn captions_after_a_restart() {
        let t = "一、总体情况\n文\n四、政府信息公开申请情况\n全年\n六、政府信息公开平台建设\n文\n一、主动公开政府信息情况\n行政许可 97\n二、收到和处理政府信息公开申请情况\n表\n三、政府信息公开行政复议、行政诉讼情况\n| 1 |\n五、其他需要报告的事项\n无\n";
        let c = table_captions(t);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].table, TableId::T2);
        assert_eq!(&t[c[0].heading_range.clone()], "一、主动公开政府信息情况");
        assert_eq!(&t[c[0].body_range.clone()], "行政许可 97\n");
        assert_eq!(&t[c[2].body_range.clone()], "| 1 |\n");
    }
}
