//! Sections: numbered headings (`一、总体情况`) that name a known topic.

use crate::catalogue::matching::{is_cn_digit, is_t3_numbered_row, numbering};
use crate::catalogue::{topic_of_heading, Numbering, Topic, SECTION_HEADINGS};
use std::ops::Range;

/// A section found in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSlice {
    /// The heading's number (`三、` → 3).
    pub number: Option<u8>,
    /// The heading text as written (numbering included, markdown markers removed).
    pub heading: String,
    /// The topic the heading names.
    pub topic: Option<Topic>,
    /// The heading line (normalized byte range).
    pub heading_range: Range<usize>,
    /// The body after the heading line, up to the next heading (normalized range).
    pub body_range: Range<usize>,
}

/// Longest heading text, in characters, after its numbering.
const MAX_HEADING_CHARS: usize = 40;

/// Read a line as a section heading: a Chinese numeral with `、` followed by words
/// that name a topic, and not a row label of table 三 (`一、本年新收…`).
///
/// Returns the number, the heading text (trimmed, markdown markers removed) and
/// its topic.
pub fn heading_of_line(line: &str) -> Option<(u8, &str, Topic)> {
    // Headings start with a Chinese numeral (after spaces or markdown `#`).
    let first = line
        .chars()
        .find(|c| !matches!(c, ' ' | '\t' | '#'))
        .unwrap_or(' ');
    if !is_cn_digit(first) {
        return None;
    }
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim_end_matches(['|', ' '])
        .trim();
    let (rest, num) = numbering(t).ok()?;
    let Numbering::Chinese(n) = num else {
        return None;
    };
    let rest = rest.trim();
    if rest.is_empty() || rest.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    // A heading is a phrase, not a sentence.
    if rest.contains(['。', ';']) {
        return None;
    }
    let topic = topic_of_heading(rest)?;
    // The template's own headings are never table rows.
    if !SECTION_HEADINGS.contains(&rest) && is_t3_numbered_row(t) {
        return None;
    }
    Some((n, t, topic))
}

/// Split normalized text into sections. Headings must come with increasing numbers;
/// a numbered line that breaks the sequence is a sub-item of the current section.
pub fn split_sections(text: &str) -> Vec<SectionSlice> {
    let mut out: Vec<SectionSlice> = Vec::new();
    let mut offset = 0;
    let mut last_number = 0u8;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some((n, heading, topic)) = heading_of_line(line) {
            if n <= last_number {
                continue;
            }
            last_number = n;
            if let Some(prev) = out.last_mut() {
                prev.body_range.end = start;
            }
            // The heading is a slice of the line, after its spaces and markers.
            let lead = (heading.as_ptr() as usize)
                .checked_sub(line.as_ptr() as usize)
                .filter(|l| *l <= line.len())
                .unwrap_or(0);
            out.push(SectionSlice {
                number: Some(n),
                heading: heading.to_string(),
                topic: Some(topic),
                heading_range: start + lead..start + lead + heading.len(),
                body_range: offset..text.len(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_headings_and_table_rows() {
        assert_eq!(
            heading_of_line("三、收到和处理政府信息公开申请情况").map(|h| h.2),
            Some(Topic::Requests)
        );
        assert_eq!(heading_of_line("## 一、总体情况").map(|h| h.0), Some(1));
        assert_eq!(
            heading_of_line("六 、其他需要报告的事项").map(|h| h.0),
            Some(6)
        );
        assert_eq!(
            heading_of_line("一、本年新收政府信息公开申请数量 | 0 |"),
            None
        );
        assert_eq!(heading_of_line("四、结转下年度继续办理"), None);
        assert_eq!(heading_of_line("三、本年度办理结果"), None);
        assert_eq!(heading_of_line("一、加强组织领导"), None);
    }

    #[test]
    fn sections_in_sequence() {
        let t = "前言\n一、总体情况\n正文\n二、主动公开政府信息情况\n表\n一、本年新收政府信息公开申请数量\n四、结转下年度继续办理\n三、收到和处理政府信息公开申请情况\nx\n";
        let s = split_sections(t);
        assert_eq!(s.len(), 3);
        assert_eq!(&t[s[0].body_range.clone()], "正文\n");
        assert_eq!(s[2].topic, Some(Topic::Requests));
    }
}
