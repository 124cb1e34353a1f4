//! The lexer: lines of normalized text into table cells.
//!
//! Tables reach us flattened in many ways (pipes between cells, one cell per line,
//! markdown, tabs, space-aligned PDF text). The lexer turns every one of them into the
//! same stream of [`Token`]s — labels, values and explicit empty cells — so the table
//! grammar never looks at separators.

pub mod value;

use std::borrow::Cow;
use std::ops::Range;
use value::looks_like_value;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Text that is not a value: a row or column label, a caption, a heading.
    Label,
    /// A number, dash or `无`.
    Value,
    /// An explicitly empty cell (`| |`).
    Empty,
}

/// One cell of a flattened table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Label, value or empty.
    pub kind: TokenKind,
    /// The cell text; labels have single spaces (line-wrap artefacts) removed.
    pub text: Cow<'a, str>,
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// 0-based line number, counted from the start of the lexed range.
    pub line: usize,
}

/// Lex the lines of `text` that lie in `range` (normalized byte offsets).
pub fn lex(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    lex_lines(text, range, |_| true)
}

/// Lex the table lines of `text` in `range`, passing over prose lines (sentences
/// ending in `。` or `;` outside any `|` table), so that figures in prose around a
/// table are not taken for its cells.
pub fn lex_table(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    lex_lines(text, range, |line| !is_prose(line))
}

/// Longest run of consecutive empty cells kept: real rows have at most 15 cells, so
/// longer runs are filler, and keeping them would only cost memory.
pub const MAX_EMPTY_RUN: usize = 32;

/// Push an empty cell unless the run of empty cells before it is already
/// [`MAX_EMPTY_RUN`] long.
fn push_empty<'a>(out: &mut Vec<Token<'a>>, at: usize, line: usize) {
    let run = out
        .iter()
        .rev()
        .take(MAX_EMPTY_RUN)
        .take_while(|t| t.kind == TokenKind::Empty)
        .count();
    if run < MAX_EMPTY_RUN {
        out.push(Token {
            kind: TokenKind::Empty,
            text: Cow::Borrowed(""),
            range: at..at,
            line,
        });
    }
}

/// Lex the lines in `range` that `keep` accepts.
///
/// Where cells stand one per line with a blank line between them, an empty cell shows
/// only as one more blank line: in that layout a run of `k` blank lines between cells
/// stands for `k - 1` empty cells.
fn lex_lines(text: &str, range: Range<usize>, keep: impl Fn(&str) -> bool) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let Some(region) = text.get(range.clone()) else {
        return out;
    };
    let blank_separated = blank_separated(region);
    let mut offset = range.start;
    let first_line = 0;
    let mut blank_run: Option<(usize, usize, usize)> = None; // (count, offset, line)
    let mut seen_cell = false;
    for (i, line) in region.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            let run = blank_run.get_or_insert((0, offset, first_line + i));
            run.0 += 1;
        } else {
            if let Some((k, at, line_no)) = blank_run.take() {
                if blank_separated && seen_cell && k >= 2 {
                    for _ in 1..k.min(MAX_EMPTY_RUN + 1) {
                        push_empty(&mut out, at, line_no);
                    }
                }
            }
            if keep(body) {
                lex_line(body, offset, first_line + i, &mut out);
                seen_cell = true;
            }
        }
        offset += line.len();
    }
    out
}

/// Whether most non-blank lines of a region are followed by exactly one blank line and
/// hold one cell (the layout of cells separated by blank lines).
fn blank_separated(region: &str) -> bool {
    let mut cells = 0usize;
    let mut separated = 0usize;
    let mut lines = region.lines().peekable();
    while let Some(l) = lines.next() {
        let t = l.trim();
        let b = t.as_bytes();
        if t.is_empty() || b.contains(&b'|') || b.contains(&b'\t') || t.contains("  ") {
            continue;
        }
        cells += 1;
        if lines.peek().is_some_and(|n| n.trim().is_empty()) {
            separated += 1;
        }
    }
    cells >= 6 && separated * 4 >= cells * 3
}

/// Whether a line is a sentence of prose rather than table cells.
pub fn is_prose(line: &str) -> bool {
    let b = line.as_bytes();
    if !b.iter().any(|&c| c >= 0x80 || c == b';') {
        return false;
    }
    !b.contains(&b'|')
        && (line.contains('。')
            || b.contains(&b';')
            || line.contains('；')
            || line.trim().starts_with("注"))
}

/// Whether a line is a markdown table rule (`|---|:--:|`).
fn is_markdown_rule(line: &str) -> bool {
    let t = line.trim();
    t.as_bytes().contains(&b'-')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '—'))
}

fn lex_line<'a>(line: &'a str, base: usize, line_no: usize, out: &mut Vec<Token<'a>>) {
    if line.trim().is_empty() || is_markdown_rule(line) {
        return;
    }
    // Markdown heading markers are not cells.
    let (line, base) = {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let hashes = t.len() - t.trim_start_matches('#').len();
        if hashes > 0 && t[hashes..].starts_with(' ') {
            (&line[lead + hashes..], base + lead + hashes)
        } else {
            (line, base)
        }
    };
    if !line.as_bytes().contains(&b'|') {
        lex_piece(line, base, line_no, out);
        return;
    }
    let pieces: Vec<(usize, &str)> = split_with_offsets(line, '|');
    let n = pieces.len();
    for (i, (off, piece)) in pieces.into_iter().enumerate() {
        let blank = piece.trim().is_empty();
        if blank {
            // Before the first pipe and after the last pipe there is no cell.
            if i == 0 || i + 1 == n {
                continue;
            }
            push_empty(out, base + off, line_no);
        } else {
            lex_piece(piece, base + off, line_no, out);
        }
    }
}

fn split_with_offsets(s: &str, sep: char) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == sep {
            v.push((start, s.get(start..i).unwrap_or("")));
            start = i + c.len_utf8();
        }
    }
    v.push((start, s.get(start..).unwrap_or("")));
    v
}

/// A piece between separators: split at tabs and runs of two or more spaces into
/// segments; within a segment, values stand alone and label words join up.
fn lex_piece<'a>(piece: &'a str, base: usize, line_no: usize, out: &mut Vec<Token<'a>>) {
    // One word alone (one cell per line): no splitting needed.
    let word = piece.trim_matches(' ');
    if !word.is_empty() && !word.bytes().any(|b| b == b' ' || b == b'\t') {
        let at = base + (word.as_ptr() as usize - piece.as_ptr() as usize);
        let kind = if looks_like_value(word) {
            TokenKind::Value
        } else {
            TokenKind::Label
        };
        out.push(Token {
            kind,
            text: Cow::Borrowed(word),
            range: at..at + word.len(),
            line: line_no,
        });
        return;
    }
    for (seg_off, seg) in segments(piece) {
        let words = words(seg);
        let mut label: Option<(usize, usize)> = None; // word index range
        let flush = |label: &mut Option<(usize, usize)>, out: &mut Vec<Token<'a>>| {
            if let Some((a, b)) = label.take() {
                let (Some(&(s, _)), Some(&(e_off, e_word))) = (words.get(a), words.get(b - 1))
                else {
                    return;
                };
                let end = e_off + e_word.len();
                let text = if b - a == 1 {
                    Cow::Borrowed(seg.get(s..end).unwrap_or(""))
                } else {
                    Cow::Owned(
                        words
                            .get(a..b)
                            .unwrap_or(&[])
                            .iter()
                            .map(|(_, w)| *w)
                            .collect::<String>(),
                    )
                };
                out.push(Token {
                    kind: TokenKind::Label,
                    text,
                    range: base + seg_off + s..base + seg_off + end,
                    line: line_no,
                });
            }
        };
        for (i, &(w_off, w)) in words.iter().enumerate() {
            if looks_like_value(w) {
                flush(&mut label, out);
                let at = base + seg_off + w_off;
                out.push(Token {
                    kind: TokenKind::Value,
                    text: Cow::Borrowed(w),
                    range: at..at + w.len(),
                    line: line_no,
                });
            } else {
                label = Some(match label {
                    Some((a, _)) => (a, i + 1),
                    None => (i, i + 1),
                });
            }
        }
        flush(&mut label, out);
    }
}

/// Split at tabs and runs of 2+ spaces; returns (offset, segment) pairs.
fn segments(s: &str) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        let gap = if c == b'\t' {
            1
        } else if c == b' ' && b.get(i + 1) == Some(&b' ') {
            let mut j = i;
            while b.get(j) == Some(&b' ') || b.get(j) == Some(&b'\t') {
                j += 1;
            }
            j - i
        } else {
            0
        };
        if gap > 0 {
            if let Some(seg) = s.get(start..i) {
                if !seg.trim().is_empty() {
                    v.push((start, seg));
                }
            }
            i += gap;
            start = i;
        } else {
            i += 1;
        }
    }
    if let Some(seg) = s.get(start..) {
        if !seg.trim().is_empty() {
            v.push((start, seg));
        }
    }
    v
}

/// Words separated by single spaces, with offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c == ' ' {
            if let Some(st) = start.take() {
                v.push((st, s.get(st..i).unwrap_or("")));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        v.push((st, s.get(st..).unwrap_or("")));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(TokenKind, String)> {
        lex(t, 0..t.len())
            .into_iter()
            .map(|t| (t.kind, t.text.into_owned()))
            .collect()
    }

    use TokenKind::*;

    #[test]
    fn pipes_with_trailing_runs() {
        let k = kinds("第二十条第(一)项 | ||||\n规章 | 0 | 0 | 0 | |");
        assert_eq!(k[0], (Label, "第二十条第(一)项".into()));
        assert_eq!(k.iter().filter(|x| x.0 == Empty).count(), 5);
        assert_eq!(k.iter().filter(|x| x.0 == Value).count(), 3);
    }

    #[test]
    fn one_cell_per_line_with_pipe_runs() {
        let k = kinds("行政许可 |\n231项 |\n增加1297项 |\n31.2万件 |\n|||\n");
        let v: Vec<_> = k
            .iter()
            .filter(|x| x.0 == Value)
            .map(|x| x.1.as_str())
            .collect();
        assert_eq!(v, ["231项", "增加1297项", "31.2万件"]);
        assert_eq!(k.iter().filter(|x| x.0 == Empty).count(), 2);
    }

    #[test]
    fn space_aligned_pdf_text() {
        let k = kinds("       信息内容   本年制发件数    本年废止件数    现行有效件数");
        assert_eq!(k.len(), 4);
        let k = kinds("  （一）予以公开                    50    0         0     0   0   0     50");
        assert_eq!(k[0], (Label, "（一）予以公开".into()));
        assert_eq!(k.len(), 8);
        let k = kinds(" 三 、本 年 度办 理 结果");
        assert_eq!(k, [(Label, "三、本年度办理结果".into())]);
        let k = kinds(" 1    1      0   0    2 0 0");
        assert_eq!(k.len(), 7);
    }

    #[test]
    fn markdown_rules_and_headings() {
        let k = kinds("## 表二\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |");
        assert_eq!(k[0], (Label, "表二".into()));
        assert_eq!(k.len(), 5);
    }

    #[test]
    fn blank_line_runs_are_empty_cells() {
        let t = "规章\n\n1\n\n\n\n3\n\n行政强制\n\n4\n\n5\n\n6\n\n";
        let k = kinds(t);
        let shape: String = k
            .iter()
            .map(|(kind, _)| match kind {
                Label => 'L',
                Value => 'V',
                Empty => 'E',
            })
            .collect();
        assert_eq!(shape, "LVEEVLVVV");
        // Without the blank-line layout, blank lines are nothing.
        let k = kinds("规章 | 1 |\n\n\n行政强制 | 4 |");
        assert!(k.iter().all(|(kind, _)| *kind != Empty));
    }

    #[test]
    fn long_empty_runs_are_capped() {
        let t = format!("规章 {} 1 |", "|".repeat(10_000));
        let k = kinds(&t);
        assert_eq!(k.iter().filter(|x| x.0 == Empty).count(), MAX_EMPTY_RUN);
        assert_eq!(k.last().map(|x| x.1.as_str()), Some("1"));
        let t = format!("规章\n\n1\n\n2\n\n3\n{}4\n\n5\n\n6\n", "\n".repeat(10_000));
        assert_eq!(
            kinds(&t).iter().filter(|x| x.0 == Empty).count(),
            MAX_EMPTY_RUN
        );
    }

    #[test]
    fn ranges_point_at_the_text() {
        let t = "规章 | 12 |";
        for tok in lex(t, 0..t.len()) {
            if tok.kind != Empty {
                assert_eq!(&t[tok.range.clone()], tok.text);
            }
        }
    }
}

#[cfg(test)]
mod examples {
    #[test]
    fn lex() {
        use crate::lex::{lex, TokenKind};
        let t = "规章 | 0 | 0 | 3 |\n行政规范性文件\t1\t2\t3";
        let toks = lex(t, 0..t.len());
        let kinds: Vec<_> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds.iter().filter(|k| **k == TokenKind::Value).count(), 6);
        assert_eq!(toks[0].text, "规章");
    }
}
