//! Compiler-style rendering of findings, aligned for a terminal.

use super::Finding;
use crate::span::LineIndex;

/// Columns a character takes in a terminal: 2 for CJK and full-width characters,
/// 0 for combining marks and other zero-width characters, 4 for a tab, else 1.
fn char_width(c: char) -> usize {
    let u = u32::from(c);
    if c == '\t' {
        return 4;
    }
    if c.is_control()
        || matches!(u, 0x0300..=0x036F | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
    {
        return 0;
    }
    let wide = matches!(
        u,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE10..=0xFE19
            | 0xFE30..=0xFE6F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x2FFFD
            | 0x30000..=0x3FFFD
    );
    if wide {
        2
    } else {
        1
    }
}

/// Width of `text` in a terminal, counting CJK and full-width characters as two
/// columns (East Asian Wide/Fullwidth), combining marks as none and tabs as four.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn expand_tabs(text: &str) -> String {
    text.replace('\t', "    ")
}

/// See [`Finding::render`].
pub(super) fn render(f: &Finding, source: &str, path: &str) -> String {
    let mut out = format!("{}[{}]: {}\n", f.severity, f.code, f.message);
    let Some(span) = f.span else {
        out.push_str(&format!(" --> {path}\n\n"));
        return out;
    };
    let index = LineIndex::new(source);
    let loc = index.location(source, span.start);
    let gutter = loc.line.to_string().len();
    let pad = " ".repeat(gutter);
    out.push_str(&format!("{pad}--> {path}:{}:{}\n", loc.line, loc.column));
    let (Some(line), Some(line_start)) = (
        index.line_text(source, loc.line),
        index.line_start(loc.line),
    ) else {
        out.push('\n');
        return out;
    };
    // The part of the line before the span, and the span's part of the line.
    let mut start = span.start.saturating_sub(line_start).min(line.len());
    while start > 0 && !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.saturating_sub(line_start).clamp(start, line.len());
    while end < line.len() && !line.is_char_boundary(end) {
        end += 1;
    }
    let before = line.get(..start).unwrap_or_default();
    let marked = line.get(start..end).unwrap_or_default();
    let marker = display_width(marked).max(1);
    out.push_str(&format!("{pad} |\n"));
    out.push_str(&format!("{} | {}\n", loc.line, expand_tabs(line)));
    out.push_str(&format!(
        "{pad} | {}{}\n\n",
        " ".repeat(display_width(before)),
        "^".repeat(marker)
    ));
    out
}

#[cfg(test)]
mod examples {
    #[test]
    fn display_width() {
        use super::display_width;
        assert_eq!(display_width("总计 5"), 6);
        assert_eq!(display_width("(七)"), 4);
        assert_eq!(display_width("（七）"), 6);
    }
}
