//! Byte spans into the caller's original text, and line/column lookup.
//!
//! Every position the crate reports is a byte range of the text that was passed to
//! [`parse_report`](crate::parse_report), not of any normalized copy.
//!
//! A [`Span`] compares and hashes like the range it is. The types that hold spans
//! (cells, sections, located values, figures, warnings, reports) leave their spans
//! out of their own equality: two reports parsed from differently laid-out texts
//! compare equal when their content does. Compare spans directly when positions
//! matter.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` of the original input, with ordinary equality
/// and hashing.
///
/// ```
/// use std::collections::HashSet;
/// use zfxxgk::Span;
/// let a = Span::new(0, 3);
/// let b = Span::new(10, 12);
/// assert_ne!(a, b);
/// assert_eq!(a, Span::new(3, 0));
/// let set: HashSet<Span> = [a, b, a].into_iter().collect();
/// assert_eq!(set.len(), 2);
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given in the wrong order).
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `source`, if the span lies on character
    /// boundaries inside it.
    pub fn slice<'a>(&self, source: &'a str) -> Option<&'a str> {
        source.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Line starts of a text, for turning byte offsets into [`Location`]s.
///
/// ```
/// use zfxxgk::span::LineIndex;
/// let text = "一、总体情况\n收到申请46件";
/// let idx = LineIndex::new(text);
/// let at = text.find("46").unwrap();
/// let loc = idx.location(text, at);
/// assert_eq!((loc.line, loc.column), (2, 5));
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text` (a line ends at `\n`; `\r\n` and lone `\r`
    /// count as one line break each).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes.get(i) {
                Some(b'\n') => starts.push(i + 1),
                Some(b'\r') => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// An index from line starts as [`LineIndex::starts`] gives them: `None` unless
    /// they begin at 0 and increase.
    pub(crate) fn from_starts(starts: Vec<usize>) -> Option<Self> {
        let ok =
            starts.first() == Some(&0) && starts.windows(2).all(|w| matches!(w, [a, b] if a < b));
        ok.then_some(LineIndex { starts })
    }

    /// The byte offsets where lines start (the first is 0).
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where 1-based line `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line and column of a byte offset of `text` (the text this index was built from).
    pub fn location(&self, text: &str, offset: usize) -> Location {
        let line = self.line(offset);
        let start = self.line_start(line).unwrap_or(0);
        Location {
            line,
            column: column_of(text, start, offset),
        }
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> Option<&'a str> {
        let start = self.line_start(line)?;
        let end = self.line_start(line + 1).unwrap_or(text.len());
        text.get(start..end)
            .map(|s| s.trim_end_matches(['\n', '\r']))
    }
}

/// 1-based column (in characters) of byte `offset` of `text` on the line starting at
/// byte `line_start`; an offset inside a character counts from that character.
pub(crate) fn column_of(text: &str, line_start: usize, offset: usize) -> usize {
    let mut end = offset.min(text.len());
    while end > line_start && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(line_start..end).map_or(0, |s| s.chars().count()) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let t = "ab\r\ncd\nef";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(4), 2);
        assert_eq!(idx.line(7), 3);
        assert_eq!(idx.line_text(t, 1), Some("ab"));
        assert_eq!(idx.line_text(t, 3), Some("ef"));
        assert_eq!(idx.location(t, 8).column, 2);
    }

    #[test]
    fn spans_compare_and_hash_as_ranges() {
        use std::collections::HashSet;
        assert_ne!(Span::new(1, 2), Span::new(5, 9));
        assert_eq!(Span::new(1, 2), Span::new(1, 2));
        let set: HashSet<Span> = [Span::new(1, 2), Span::new(5, 9), Span::new(1, 2)]
            .into_iter()
            .collect();
        assert_eq!(set.len(), 2);
        assert_eq!(Span::new(5, 2).range(), 2..5);
        assert_eq!(Span::new(1, 2).join(Span::new(4, 6)).range(), 1..6);
    }
}
