//! Compiler-style rendering of findings, aligned for a terminal.

use super::{Code, Finding, Severity};
use crate::span::{LineIndex, Span};

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

/// [`display_width`] of `text` if it is at most `limit`, read no further than needed:
/// a long line is not measured whole for each mark on it.
fn width_within(text: &str, limit: usize) -> Option<usize> {
    let mut w = 0usize;
    for c in text.chars() {
        w += char_width(c);
        if w > limit {
            return None;
        }
    }
    Some(w)
}

/// How [`render`](super::render) writes diagnostics.
///
/// `RenderOptions::default()` writes plain text (no colour) and shows at most 48
/// columns of source on each side of a span.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// ANSI colours (for a terminal; leave off when writing to a file or pipe).
    pub color: bool,
    /// Columns of source shown on each side of a span: lines wider than two such
    /// windows and an underline (a page of minified HTML on one line) are cut to a
    /// window around the span, marked `…`; shorter lines are shown whole.
    pub context: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            context: 48,
        }
    }
}

impl RenderOptions {
    /// Plain text, or with ANSI colours when `color`.
    pub fn new(color: bool) -> Self {
        RenderOptions {
            color,
            ..RenderOptions::default()
        }
    }
}

/// Longest underline drawn under a span, in columns.
const MAX_MARK: usize = 80;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

const GUTTER: &str = "1;34";

/// One place to mark: its span, primary or not, and its label.
struct Mark<'a> {
    span: Span,
    primary: bool,
    text: &'a str,
}

/// The part of `line` to show around bytes `start..end` (relative to the line),
/// within `context` columns each side: (shown text, width of what comes before the
/// span in it, width of the span, cut at the start, cut at the end).
fn window(
    line: &str,
    start: usize,
    end: usize,
    context: usize,
) -> (String, usize, usize, bool, bool) {
    let before = line.get(..start).unwrap_or_default();
    let marked = line.get(start..end).unwrap_or_default();
    let after = line.get(end..).unwrap_or_default();
    // Characters of `before`, from the span backwards, while they fit.
    let cut_from = shown_start(line, start, context);
    let shown_before = before.get(cut_from..).unwrap_or_default();
    // The span itself, up to MAX_MARK columns.
    let mut mw = 0;
    let mut mark_to = 0;
    for (at, c) in marked.char_indices() {
        let cw = char_width(c);
        if mw + cw > MAX_MARK {
            break;
        }
        mw += cw;
        mark_to = at + c.len_utf8();
    }
    let shown_mark = marked.get(..mark_to).unwrap_or_default();
    let rest = if mark_to < marked.len() {
        marked.get(mark_to..).unwrap_or_default()
    } else {
        after
    };
    let mut aw = 0;
    let mut after_to = 0;
    for (at, c) in rest.char_indices() {
        let cw = char_width(c);
        if aw + cw > context {
            break;
        }
        aw += cw;
        after_to = at + c.len_utf8();
    }
    let cut_start = cut_from > 0;
    let cut_end = after_to < rest.len() || mark_to < marked.len() && !after.is_empty();
    let mut text = String::new();
    if cut_start {
        text.push('…');
    }
    text.push_str(&expand_tabs(shown_before));
    text.push_str(&expand_tabs(shown_mark));
    text.push_str(&expand_tabs(rest.get(..after_to).unwrap_or_default()));
    if cut_end {
        text.push('…');
    }
    let lead = display_width(shown_before) + usize::from(cut_start);
    (
        text,
        lead,
        display_width(shown_mark).max(1),
        cut_start,
        cut_end,
    )
}

/// The byte of `line` where [`window`] starts showing it, for a span at `start`.
fn shown_start(line: &str, start: usize, context: usize) -> usize {
    let before = line.get(..start).unwrap_or_default();
    let mut w = 0;
    let mut from = before.len();
    for (at, c) in before.char_indices().rev() {
        let cw = char_width(c);
        if w + cw > context {
            break;
        }
        w += cw;
        from = at;
    }
    from
}

fn expand_tabs(text: &str) -> String {
    text.replace('\t', "    ")
}

/// The line-relative byte range of `span` on the line starting at `line_start`,
/// on character boundaries.
fn on_line(line: &str, line_start: usize, span: Span) -> (usize, usize) {
    let mut start = span.start.saturating_sub(line_start).min(line.len());
    while start > 0 && !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.saturating_sub(line_start).clamp(start, line.len());
    while end < line.len() && !line.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// The text of the primary label: what the main cell holds against what it should.
fn primary_label(f: &Finding) -> String {
    match (f.code, f.actual, f.expected) {
        (Code::ProseTable, Some(a), _) => format!("the table gives {a}"),
        (_, Some(a), Some(e)) => format!("{a}, expected {e}"),
        (_, Some(a), None) => format!("{a}"),
        _ => String::new(),
    }
}

/// One finding, against a prepared line index of `source`.
pub(super) fn render_one(
    f: &Finding,
    source: &str,
    index: &LineIndex,
    path: &str,
    options: &RenderOptions,
) -> String {
    let style = Style { on: options.color };
    let mut out = format!(
        "{}{}\n",
        style.paint(
            severity_color(f.severity),
            &format!("{}[{}]", f.severity, f.code)
        ),
        style.paint("1", &format!(": {}", f.message)),
    );
    let Some(span) = f.span else {
        out.push_str(&format!(" {} {path}\n\n", style.paint(GUTTER, "-->")));
        return out;
    };
    let primary = primary_label(f);
    let mut marks: Vec<Mark<'_>> = vec![Mark {
        span,
        primary: true,
        text: &primary,
    }];
    for l in &f.labels {
        marks.push(Mark {
            span: l.span,
            primary: false,
            text: &l.message,
        });
    }
    marks.sort_by_key(|m| (m.span.start, !m.primary));
    let lines: Vec<usize> = marks.iter().map(|m| index.line(m.span.start)).collect();
    let width = lines.iter().max().copied().unwrap_or(1).to_string().len();
    let pad = " ".repeat(width);
    let bar = style.paint(GUTTER, "|");
    let loc = index.location(source, span.start);
    out.push_str(&format!(
        "{pad}{} {path}:{}:{}\n",
        style.paint(GUTTER, "-->"),
        loc.line,
        loc.column
    ));
    out.push_str(&format!("{pad} {bar}\n"));
    let mut last_line: Option<usize> = None;
    let mut i = 0;
    while i < marks.len() {
        let line_no = lines.get(i).copied().unwrap_or(1);
        // Every mark on this line.
        let mut j = i;
        while j < marks.len() && lines.get(j) == Some(&line_no) {
            j += 1;
        }
        let (Some(text), Some(line_start)) =
            (index.line_text(source, line_no), index.line_start(line_no))
        else {
            i = j;
            continue;
        };
        if let Some(prev) = last_line {
            if line_no > prev + 1 {
                out.push_str(&format!("{}\n", style.paint(GUTTER, "...")));
            }
        }
        last_line = Some(line_no);
        let here = marks.get(i..j).unwrap_or(&[]);
        // The window is placed around the first mark; later marks on the same line
        // are shown when they fall inside it.
        let first = here
            .first()
            .map_or((0, 0), |m| on_line(text, line_start, m.span));
        // The window covers every mark on the line when they fit in one, else the
        // first.
        let last = here
            .last()
            .map_or(first, |m| on_line(text, line_start, m.span));
        let union = (first.0, last.1.max(first.1));
        let fits = text
            .get(union.0..union.1)
            .is_some_and(|u| display_width(u) <= MAX_MARK);
        let around = if fits { union } else { first };
        // A line that fits in a window is shown whole.
        let context = if width_within(text, 2 * options.context + MAX_MARK).is_some() {
            usize::MAX / 4
        } else {
            options.context
        };
        let (shown, _, _, cut_start, _) = window(text, around.0, around.1, context);
        let shown_from = shown_start(text, around.0, context);
        let gutter = format!("{line_no:>width$}");
        out.push_str(&format!("{} {bar} {shown}\n", style.paint(GUTTER, &gutter)));
        let shown_width = display_width(&shown);
        for m in here {
            let (s, e) = on_line(text, line_start, m.span);
            if s < shown_from {
                continue;
            }
            // Marks past the window are not shown (tabs are as wide expanded or not).
            let Some(col) = shown_width
                .checked_sub(usize::from(cut_start))
                .and_then(|room| width_within(text.get(shown_from..s).unwrap_or_default(), room))
                .map(|w| usize::from(cut_start) + w)
            else {
                continue;
            };
            let (_, _, mark_w, _, _) = window(text, s, e, 0);
            let (ch, color) = if m.primary {
                ('^', severity_color(f.severity))
            } else {
                ('-', GUTTER)
            };
            let marker: String = std::iter::repeat_n(ch, mark_w).collect();
            let label = if m.text.is_empty() {
                String::new()
            } else {
                format!(" {}", m.text)
            };
            out.push_str(&format!(
                "{pad} {bar} {}{}\n",
                " ".repeat(col),
                style.paint(color, &format!("{marker}{label}"))
            ));
        }
        i = j;
    }
    out.push('\n');
    out
}

/// See [`Finding::render`]: plain text.
pub(super) fn render(f: &Finding, source: &str, path: &str) -> String {
    render_one(
        f,
        source,
        &LineIndex::new(source),
        path,
        &RenderOptions::default(),
    )
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
