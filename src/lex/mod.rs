//! The lexer: lines of normalized text into table cells.
//!
//! Tables reach us flattened in many ways (pipes between cells, one cell per line,
//! markdown, tabs, space-aligned PDF text). The lexer turns every one of them into the
//! same stream of [`Token`]s — labels, values and explicit empty cells — so the table
//! grammar never looks at separators.

pub mod value;

use std::borrow::Cow;
use std::ops::Range;
use value::{looks_like_value, split_note};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Text that is not a value: a row or column label, a caption, a heading.
    Label,
    /// A number, dash or `无`.
    Value,
    /// An explicitly empty cell (`| |`, an empty field between tabs, a ` |` line).
    Empty,
    /// A delimited field that is not one number (`1 2`: two numbers in one cell); it
    /// is a cell of its row, read as unreadable, never joined into one number.
    Unreadable,
}

/// One cell of a flattened table.
///
/// Compact (40 bytes on 64-bit targets): the text is borrowed from the normalized text
/// and offsets, line numbers and columns are stored narrow, converted with saturation
/// so that no input can overflow them. Widths are measured from the text when asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's span of the normalized text (what [`Token::range`] points at).
    span: &'a str,
    /// Byte offset of `span` in the normalized text.
    start: u32,
    /// 0-based line number, counted from the start of the lexed range.
    line: u32,
    /// The physical table row.
    row: u32,
    /// Display column of the token's start (spaced lines only).
    col: u16,
    /// Character column of the token's start (spaced lines only).
    char_col: u16,
    /// Where a split token's text is cut (a byte offset in its whole text).
    cut: u16,
    /// Label, value or empty.
    pub kind: TokenKind,
    /// Whether the token is a field between explicit separators (pipes, tabs), so that
    /// every field of its row has a slot.
    pub delimited: bool,
    /// [`SPACED`], [`JOINED`], [`HEAD`], [`TAIL`].
    flags: u8,
}

/// The token stands on a line aligned with spaces: it has columns and widths.
const SPACED: u8 = 1;
/// A label of words over single spaces: its text is its span without the spaces.
const JOINED: u8 = 2;
/// The token is the part of its whole text before `cut`.
const HEAD: u8 = 4;
/// The token is the part of its whole text from `cut` on.
const TAIL: u8 = 8;

/// `n` as a `u32`, `u32::MAX` when larger.
fn narrow32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `n` as a `u16`, `u16::MAX` when larger.
fn narrow16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The words of `s` (separated by single spaces) joined without them.
fn without_spaces(s: &str) -> String {
    words(s).map(|(_, w)| w).collect()
}

impl<'a> Token<'a> {
    /// The cell text; labels have single spaces (line-wrap artefacts) removed. Borrowed
    /// from the normalized text except for such labels.
    pub fn text(&self) -> Cow<'a, str> {
        let whole: Cow<'a, str> = if self.flags & JOINED != 0 {
            Cow::Owned(without_spaces(self.span))
        } else {
            Cow::Borrowed(self.span)
        };
        let cut = usize::from(self.cut);
        if self.flags & (HEAD | TAIL) == 0 {
            return whole;
        }
        let head = self.flags & HEAD != 0;
        match whole {
            Cow::Borrowed(s) => Cow::Borrowed(if head {
                s.get(..cut).unwrap_or_default()
            } else {
                s.get(cut..).unwrap_or_default()
            }),
            Cow::Owned(s) => Cow::Owned(
                if head { s.get(..cut) } else { s.get(cut..) }
                    .unwrap_or_default()
                    .to_string(),
            ),
        }
    }

    /// Byte range in the normalized text (of the whole token, for a split one).
    pub fn range(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start.saturating_add(self.span.len())
    }

    /// 0-based line number, counted from the start of the lexed range.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// The physical table row the token belongs to: its line, or (one cell per line
    /// with `|||` runs between rows) the lines between two runs.
    pub fn row(&self) -> usize {
        self.row as usize
    }

    /// Display column of the token's start on its line (CJK characters two wide), for
    /// lines aligned with spaces; 0 on delimited lines.
    pub fn col(&self) -> usize {
        usize::from(self.col)
    }

    /// Character column of the token's start on a line aligned with spaces (as
    /// `pdftotext -layout` counts, a CJK character one cell); 0 on delimited lines.
    pub fn char_col(&self) -> usize {
        usize::from(self.char_col)
    }

    /// Spaces left out of the token's text (a label joined over single spaces).
    fn spaces(&self) -> usize {
        if self.flags & JOINED != 0 {
            self.span.bytes().filter(|&b| b == b' ').count()
        } else {
            0
        }
    }

    /// Display width of the token's whole text on a line aligned with spaces; 0 on
    /// delimited lines.
    pub fn width(&self) -> usize {
        if self.flags & SPACED == 0 {
            return 0;
        }
        display_width(self.span).saturating_sub(self.spaces())
    }

    /// Characters in the token's whole text on a line aligned with spaces; 0 on
    /// delimited lines.
    pub fn char_width(&self) -> usize {
        if self.flags & SPACED == 0 {
            return 0;
        }
        self.span.chars().count().saturating_sub(self.spaces())
    }

    /// The token cut in two at byte `at` of its text, both parts keeping its range,
    /// line and columns; `None` when `at` is not inside the text at a character
    /// boundary (or the token is already a part).
    pub fn split_at(&self, at: usize) -> Option<(Token<'a>, Token<'a>)> {
        let text = self.text();
        if self.flags & (HEAD | TAIL) != 0 || !text.is_char_boundary(at) || at > text.len() {
            return None;
        }
        let cut = u16::try_from(at).ok()?;
        let mut head = self.clone();
        head.cut = cut;
        head.flags |= HEAD;
        let mut tail = self.clone();
        tail.cut = cut;
        tail.flags |= TAIL;
        Some((head, tail))
    }
}

/// Display width of a text: CJK and other wide characters count two columns.
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    // The common cases first: ASCII and Latin below U+1100, the CJK unified ideographs.
    if c < '\u{1100}' {
        return false;
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}'
    )
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

/// Where a line's tokens go: its line number, physical row, and (for lines aligned with
/// spaces) the line's text and offset, to measure display columns.
struct LineCtx<'a> {
    line_no: usize,
    row: usize,
    /// The whole line and its offset, when its tokens get display columns.
    spaced: Option<(&'a str, usize)>,
    /// Where the last measure stopped (byte offset in the line, display column,
    /// character column): tokens come left to right, so each line is measured once.
    measured: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineCtx<'a> {
    fn new(line_no: usize, row: usize, spaced: Option<(&'a str, usize)>) -> Self {
        LineCtx {
            line_no,
            row,
            spaced,
            measured: std::cell::Cell::new((0, 0, 0)),
        }
    }
}

impl<'a> LineCtx<'a> {
    /// A token of this line: `span` is its text in the normalized text, at byte
    /// `start`; `joined` for a label whose words are joined over single spaces.
    fn token(
        &self,
        kind: TokenKind,
        span: &'a str,
        start: usize,
        delimited: bool,
        joined: bool,
    ) -> Token<'a> {
        let (col, char_col, spaced) = match self.spaced {
            Some((line, base)) => {
                let at = start.saturating_sub(base);
                let (mut from, mut col, mut ccol) = self.measured.get();
                if at < from {
                    (from, col, ccol) = (0, 0, 0);
                }
                let between = line.get(from..at).unwrap_or("");
                col += display_width(between);
                ccol += between.chars().count();
                self.measured.set((at, col, ccol));
                (col, ccol, SPACED)
            }
            None => (0, 0, 0),
        };
        Token {
            span,
            start: narrow32(start),
            line: narrow32(self.line_no),
            row: narrow32(self.row),
            col: narrow16(col),
            char_col: narrow16(char_col),
            cut: 0,
            kind,
            delimited,
            flags: spaced | if joined { JOINED } else { 0 },
        }
    }
}

/// Push an empty cell unless the run of empty cells before it is already
/// [`MAX_EMPTY_RUN`] long.
fn push_empty<'a>(out: &mut Vec<Token<'a>>, at: usize, ctx: &LineCtx<'a>) {
    let run = out
        .iter()
        .rev()
        .take(MAX_EMPTY_RUN)
        .take_while(|t| t.kind == TokenKind::Empty)
        .count();
    if run < MAX_EMPTY_RUN {
        out.push(ctx.token(TokenKind::Empty, "", at, true, false));
    }
}

/// Whether a line is a run of pipes (`||`, `|||`): the end of a row in text with one
/// cell per line, never cells. (A lone `|` separates cells.)
fn is_pipe_run(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && t.bytes().all(|b| b == b'|')
}

/// Lex the lines in `range` that `keep` accepts.
///
/// Where cells stand one per line with a blank line between them, an empty cell shows
/// only as one more blank line: in that layout a run of `k` blank lines between cells
/// stands for `k - 1` empty cells. Where cells stand one per line with `|||` runs
/// between rows, the lines between two runs are one row.
fn lex_lines(text: &str, range: Range<usize>, keep: impl Fn(&str) -> bool) -> Vec<Token<'_>> {
    let Some(region) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(capacity_hint(region, &keep));
    let (blank_separated, runs) = layout_of(region);
    let mut offset = range.start;
    let mut blank_run: Option<(usize, usize, usize)> = None; // (count, offset, line)
    let mut seen_cell = false;
    let mut run_row = 0usize;
    for (i, line) in region.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let row = if runs { run_row } else { i };
        if body.trim().is_empty() {
            let run = blank_run.get_or_insert((0, offset, i));
            run.0 += 1;
        } else {
            if let Some((k, at, line_no)) = blank_run.take() {
                if blank_separated && seen_cell && k >= 2 {
                    let ctx = LineCtx::new(line_no, line_no, None);
                    for _ in 1..k.min(MAX_EMPTY_RUN + 1) {
                        push_empty(&mut out, at, &ctx);
                    }
                }
            }
            if runs && is_pipe_run(body) {
                run_row = i + 1;
            } else if keep(body) {
                lex_line(body, offset, i, row, &mut out);
                seen_cell = true;
            }
        }
        offset += line.len();
    }
    out
}

/// About how many tokens `region` yields, to allocate them at once rather than
/// doubling (which holds the old and the new block while moving): per line, one per
/// blank field (at most [`MAX_EMPTY_RUN`] in a row) and per word holding a digit, and
/// one per run of other words (a label); one per blank line, at most [`MAX_EMPTY_RUN`]
/// in a row. Only a hint: past it the vector grows as usual.
fn capacity_hint(region: &str, keep: &impl Fn(&str) -> bool) -> usize {
    let mut total = 0usize;
    let mut blank_run = 0usize;
    for line in region.split('\n') {
        let line = line.trim_end_matches('\r');
        let b = line.as_bytes();
        // A run of blank lines stands for at most `MAX_EMPTY_RUN` empty cells.
        if b.iter().all(u8::is_ascii_whitespace) {
            if blank_run < MAX_EMPTY_RUN {
                total += 1;
            }
            blank_run += 1;
            continue;
        }
        blank_run = 0;
        if is_pipe_run(line) || !keep(line) || is_markdown_rule(line) {
            continue;
        }
        // No cell after the last pipe, nor before a first one.
        let b = if b.contains(&b'|') {
            let t = b.strip_suffix(b"|").unwrap_or(b);
            t.strip_prefix(b"|").unwrap_or(t)
        } else {
            b
        };
        let sep = if b.contains(&b'|') {
            b'|'
        } else if b.contains(&b'\t') {
            b'\t'
        } else {
            b'\n'
        };
        if b.iter().all(u8::is_ascii_whitespace) {
            total += 1; // a lone pipe: one empty cell
            continue;
        }
        let mut empty_run = 0usize;
        for field in b.split(|&c| c == sep) {
            let (mut words, mut in_label) = (0usize, false);
            for w in field
                .split(|&c| c == b' ' || c == b'\t' || c == b'\r')
                .filter(|w| !w.is_empty())
            {
                if w.iter().any(u8::is_ascii_digit) {
                    words += 1;
                    in_label = false;
                } else if !in_label {
                    words += 1;
                    in_label = true;
                }
            }
            if words == 0 {
                if empty_run < MAX_EMPTY_RUN {
                    empty_run += 1;
                    total += 1;
                }
            } else {
                empty_run = 0;
                total += words;
            }
        }
    }
    total
}

/// The region's layout: whether cells stand one per line separated by blank lines, and
/// whether they stand one per line with `|||` runs between rows.
fn layout_of(region: &str) -> (bool, bool) {
    let mut cells = 0usize;
    let mut separated = 0usize;
    let mut pipe_runs = 0usize;
    let mut single = 0usize;
    let mut nonblank = 0usize;
    let mut lines = region.lines().peekable();
    while let Some(l) = lines.next() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        nonblank += 1;
        let b = t.as_bytes();
        // One pass over the line's bytes: pipes, tabs, two spaces in a row.
        let (mut pipes, mut tab, mut two_spaces, mut prev) = (0usize, false, false, 0u8);
        for &c in b {
            match c {
                b'|' => pipes += 1,
                b'\t' => tab = true,
                b' ' if prev == b' ' => two_spaces = true,
                _ => {}
            }
            prev = c;
        }
        // A run of pipes (`||`, `|||`; `t` is trimmed).
        if pipes >= 2 && pipes == b.len() {
            pipe_runs += 1;
            continue;
        }
        if !tab && (pipes == 0 || (pipes == 1 && b.last() == Some(&b'|'))) {
            single += 1;
        }
        if pipes > 0 || tab || two_spaces {
            continue;
        }
        cells += 1;
        if lines.peek().is_some_and(|n| n.trim().is_empty()) {
            separated += 1;
        }
    }
    let blank = cells >= 6 && separated * 4 >= cells * 3;
    let runs = pipe_runs >= 2 && single * 4 >= nonblank * 3;
    (blank, runs)
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

/// Whether a line is a markdown table rule (`|---|:--:|`, `|-|-|`); a lone `- |` is a
/// cell holding a dash.
fn is_markdown_rule(line: &str) -> bool {
    let t = line.trim();
    let b = t.as_bytes();
    b.contains(&b'-')
        && (t.contains("---") || b.iter().filter(|&&c| c == b'|').count() >= 2)
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '—'))
}

fn lex_line<'a>(line: &'a str, base: usize, line_no: usize, row: usize, out: &mut Vec<Token<'a>>) {
    if line.trim().is_empty() || is_markdown_rule(line) || is_pipe_run(line) {
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
    let b = line.as_bytes();
    if b.contains(&b'|') {
        let ctx = LineCtx::new(line_no, row, None);
        let n = b.iter().filter(|&&c| c == b'|').count() + 1;
        for (i, (off, piece)) in split_with_offsets(line, '|').enumerate() {
            if piece.trim().is_empty() {
                // After the last pipe there is no cell, nor before the first when the
                // line starts with it (markdown); a blank before the first pipe
                // (` | 2 | 3 |`) is an empty first field.
                if i + 1 == n || (i == 0 && piece.is_empty()) {
                    continue;
                }
                push_empty(out, base + off, &ctx);
            } else {
                lex_field(piece, base + off, &ctx, out);
            }
        }
    } else if b.contains(&b'\t') && !line.trim().is_empty() {
        let ctx = LineCtx::new(line_no, row, None);
        let fields = split_with_offsets(line, '\t');
        let mut started = false;
        // Empty fields at the end are kept: past the row's last column the table
        // grammar drops them, within it they are blank cells.
        for (off, field) in fields {
            if field.trim().is_empty() {
                // Leading empty fields are indentation; later ones are empty cells.
                if started {
                    push_empty(out, base + off, &ctx);
                }
            } else {
                started = true;
                lex_field(field, base + off, &ctx, out);
            }
        }
    } else {
        let ctx = LineCtx::new(line_no, row, Some((line, base)));
        lex_piece(line, base, &ctx, false, out);
    }
}

/// The fields of `s` between `sep` (an ASCII separator), with their offsets.
fn split_with_offsets(s: &str, sep: char) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    s.split(sep).map(move |field| {
        let at = start;
        start += field.len() + sep.len_utf8();
        (at, field)
    })
}

/// Whether a word is a value, or a value with a note (`147(含合并2件)`).
fn is_value_word(w: &str) -> bool {
    looks_like_value(w) || split_note(w).is_some()
}

/// A field between explicit separators: two or more numbers and nothing else in one
/// field (`1 2`, from `<td>1<br>2</td>`) are one unreadable cell, never two cells and
/// never one number; anything else is lexed as a piece.
fn lex_field<'a>(piece: &'a str, base: usize, ctx: &LineCtx<'a>, out: &mut Vec<Token<'a>>) {
    let t = piece.trim();
    if t.bytes().any(|b| b == b' ')
        && words(t).nth(1).is_some()
        && words(t).all(|(_, w)| looks_like_value(w))
    {
        let at = base + (t.as_ptr() as usize - piece.as_ptr() as usize);
        out.push(ctx.token(TokenKind::Unreadable, t, at, true, false));
        return;
    }
    lex_piece(piece, base, ctx, true, out);
}

/// A piece between separators: split at tabs and runs of two or more spaces into
/// segments; within a segment, values stand alone and label words join up; a note in
/// brackets right after a value (`147 (含合并2件)`) stays with it.
fn lex_piece<'a>(
    piece: &'a str,
    base: usize,
    ctx: &LineCtx<'a>,
    delimited: bool,
    out: &mut Vec<Token<'a>>,
) {
    // One word alone (one cell per line): no splitting needed.
    let word = piece.trim_matches(' ');
    if !word.is_empty() && !word.bytes().any(|b| b == b' ' || b == b'\t') {
        let at = base + (word.as_ptr() as usize - piece.as_ptr() as usize);
        let kind = if is_value_word(word) {
            TokenKind::Value
        } else {
            TokenKind::Label
        };
        out.push(ctx.token(kind, word, at, delimited, false));
        return;
    }
    for (seg_off, seg) in segments(piece) {
        // The label being gathered: its first and last word (offset in `seg`, text).
        let mut label: Option<(Word<'a>, Word<'a>)> = None;
        let flush = |label: &mut Option<(Word<'a>, Word<'a>)>, out: &mut Vec<Token<'a>>| {
            if let Some(((s, first), (e_off, e_word))) = label.take() {
                let end = e_off + e_word.len();
                let span = seg.get(s..end).unwrap_or("");
                // Words over single spaces are joined when the text is read.
                let joined = !(s == e_off && first.len() == e_word.len());
                out.push(ctx.token(
                    TokenKind::Label,
                    span,
                    base + seg_off + s,
                    delimited,
                    joined,
                ));
            }
        };
        let mut last_value: Option<usize> = None; // index in `out` of this segment's last value
        for (w_off, w) in words(seg) {
            if is_value_word(w) {
                flush(&mut label, out);
                let at = base + seg_off + w_off;
                out.push(ctx.token(TokenKind::Value, w, at, delimited, false));
                last_value = Some(out.len() - 1);
            } else if let (None, Some(v), true) = (label, last_value, is_note(w)) {
                // A note in brackets after a value: one cell.
                if let Some(prev) = out.get_mut(v) {
                    let start = prev.range().start.saturating_sub(base + seg_off);
                    let end = w_off + w.len();
                    if let Some(joined) = seg.get(start..end) {
                        prev.span = joined;
                    }
                }
                last_value = None;
            } else {
                last_value = None;
                label = Some(match label {
                    Some((first, _)) => (first, (w_off, w)),
                    None => ((w_off, w), (w_off, w)),
                });
            }
        }
        flush(&mut label, out);
    }
}

/// A word of a segment: its offset in the segment and its text.
type Word<'a> = (usize, &'a str);

/// Whether a word is a note in brackets (`(含合并2件)`).
fn is_note(w: &str) -> bool {
    (w.starts_with('(') || w.starts_with('（')) && (w.ends_with(')') || w.ends_with('）'))
}
/// Split at tabs and runs of 2+ spaces; yields (offset, segment) pairs, blank
/// segments left out.
fn segments(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            if i >= b.len() {
                done = true;
                let seg = s.get(start..).unwrap_or("");
                if !seg.trim().is_empty() {
                    return Some((start, seg));
                }
                return None;
            }
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
                let from = start;
                let seg = s.get(start..i).unwrap_or("");
                i += gap;
                start = i;
                if !seg.trim().is_empty() {
                    return Some((from, seg));
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

/// Words separated by single spaces, with offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = s.as_ptr() as usize;
    s.split(' ')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - base, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(TokenKind, String)> {
        lex(t, 0..t.len())
            .into_iter()
            .map(|t| (t.kind, t.text().into_owned()))
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
        // A `|||` run ends the row; its pipes are no cells.
        assert_eq!(k.iter().filter(|x| x.0 == Empty).count(), 0);
        // A blank ` |` line is an empty cell, a `- |` line a dash, and the lines
        // between two runs are one row.
        let t = "规章 |\n |\n- |\n3 |\n|||\n行政强制 |\n4 |\n|||\n";
        let toks = lex(t, 0..t.len());
        let shape: Vec<(TokenKind, usize)> = toks.iter().map(|t| (t.kind, t.row())).collect();
        assert_eq!(
            shape,
            [
                (Label, 0),
                (Empty, 0),
                (Value, 0),
                (Value, 0),
                (Label, 5),
                (Value, 5)
            ]
        );
    }

    #[test]
    fn delimited_fields_keep_their_slots() {
        // An empty field between tabs, a blank first field before a pipe.
        let k = kinds("数量\t\t2\t3");
        assert_eq!(
            k.iter().map(|x| x.0).collect::<Vec<_>>(),
            [Label, Empty, Value, Value]
        );
        let k = kinds(" | 2 | 3 |");
        assert_eq!(
            k.iter().map(|x| x.0).collect::<Vec<_>>(),
            [Empty, Value, Value]
        );
        // Markdown rows start with a pipe: no field before it.
        let k = kinds("| 2 | 3 |");
        assert_eq!(k.iter().map(|x| x.0).collect::<Vec<_>>(), [Value, Value]);
        // Two numbers in one field are one unreadable cell.
        let k = kinds("规章 | 1 2 | 3 |");
        assert_eq!(k[1], (Unreadable, "1 2".into()));
        assert_eq!(k.len(), 3);
        // A note stays with its number, in a field and after a space.
        let k = kinds("规章 | 147(含合并2件) | 3 |");
        assert_eq!(k[1], (Value, "147(含合并2件)".into()));
        let k = kinds("规章    147 (含合并2件)    3");
        assert_eq!(k[1], (Value, "147 (含合并2件)".into()));
        assert_eq!(k.len(), 3);
    }

    #[test]
    fn display_columns_of_spaced_lines() {
        let t = "规章      12   3";
        let toks = lex(t, 0..t.len());
        let cols: Vec<(usize, usize)> = toks.iter().map(|t| (t.col(), t.width())).collect();
        assert_eq!(cols, [(0, 4), (10, 2), (15, 1)]);
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
                Unreadable => 'U',
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
    fn capacity_hint_fits_common_tables() {
        for t in [
            "规章 | 0 | 0 | 3 |\n行政规范性文件\t1\t2\t3",
            "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |",
            "  （一）予以公开                    50    0         0     0   0   0     50",
        ] {
            assert_eq!(capacity_hint(t, &|_| true), lex(t, 0..t.len()).len(), "{t}");
        }
        // A run of empty fields counts as the lexer keeps it.
        let t = format!("规章 {} 1 |", "|".repeat(10_000));
        assert_eq!(capacity_hint(&t, &|_| true), MAX_EMPTY_RUN + 2);
        assert_eq!(lex(&t, 0..t.len()).len(), MAX_EMPTY_RUN + 2);
        // So does a run of blank lines.
        let t = format!("规章\n\n1\n\n2\n\n3\n{}4\n\n5\n\n6\n", "\n".repeat(10_000));
        assert_eq!(capacity_hint(&t, &|_| true), 7 + 5 + MAX_EMPTY_RUN + 1);
    }

    #[test]
    fn tokens_stay_compact() {
        // Text borrowed, offsets and lines in `u32`, columns in `u16`.
        assert!(std::mem::size_of::<Token<'_>>() <= 40);
    }

    #[test]
    fn joined_labels_and_split_tokens() {
        let t = "  本 年 度    办理 结果  12";
        let toks = lex(t, 0..t.len());
        assert_eq!(toks[0].text(), "本年度");
        assert_eq!(&t[toks[0].range()], "本 年 度");
        assert_eq!((toks[0].col(), toks[0].width()), (2, 6));
        assert_eq!((toks[0].char_col(), toks[0].char_width()), (2, 3));
        assert_eq!(toks[1].text(), "办理结果");
        assert_eq!((toks[1].width(), toks[1].char_width()), (8, 4));
        let Some((head, tail)) = toks[0].split_at(3) else {
            panic!("a cut at a character boundary splits");
        };
        assert_eq!((head.text(), tail.text()), ("本".into(), "年度".into()));
        assert_eq!(
            (head.range(), tail.range()),
            (toks[0].range(), toks[0].range())
        );
        assert_eq!((head.width(), tail.width()), (6, 6));
        assert!(toks[0].split_at(1).is_none());
        assert!(head.split_at(1).is_none());
        let Some((head, tail)) = toks[2].split_at(1) else {
            panic!("a borrowed token splits");
        };
        assert_eq!((head.text(), tail.text()), ("1".into(), "2".into()));
        assert!(matches!(head.text(), Cow::Borrowed(_)));
    }

    #[test]
    fn ranges_point_at_the_text() {
        let t = "规章 | 12 |";
        for tok in lex(t, 0..t.len()) {
            if tok.kind != Empty {
                assert_eq!(&t[tok.range()], tok.text());
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
        assert_eq!(toks[0].text(), "规章");
    }
}
