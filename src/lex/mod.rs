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
    lex_lines(text, range, false)
}

/// Lex the table lines of `text` in `range`, passing over prose lines (sentences
/// ending in `。` or `;` outside any `|` table), so that figures in prose around a
/// table are not taken for its cells.
pub fn lex_table(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    lex_lines(text, range, true)
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
#[cfg(test)]
fn is_pipe_run(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && t.bytes().all(|b| b == b'|')
}

/// Whether an ASCII byte is whitespace (tab, line feed, vertical tab, form feed,
/// carriage return, space: what [`char::is_whitespace`] says of ASCII).
#[inline]
fn is_ascii_ws(c: u8) -> bool {
    c == b' ' || c.wrapping_sub(b'\t') < 5
}

/// Length of the whitespace character (as [`char::is_whitespace`] has it) that `b`
/// starts with, 0 when it starts with none.
fn ws_len_front(b: &[u8]) -> usize {
    match b {
        [] => 0,
        [c, ..] if c.is_ascii() => usize::from(is_ascii_ws(*c)),
        // Every other whitespace character starts with one of these bytes.
        [c, ..] if !matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) => 0,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// Length of the whitespace character that `b` ends with, 0 when it ends with none.
fn ws_len_back(b: &[u8]) -> usize {
    match b {
        [] => 0,
        [.., c] if c.is_ascii() => usize::from(is_ascii_ws(*c)),
        // Every other whitespace character ends with one of these bytes.
        [.., c] if !matches!(c, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) => 0,
        [.., 0xC2, 0x85 | 0xA0] => 2,
        [.., 0xE1, 0x9A, 0x80]
        | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
        | [.., 0xE2, 0x81, 0x9F]
        | [.., 0xE3, 0x80, 0x80] => 3,
        _ => 0,
    }
}

/// The byte range of `s.trim()`, read from the bytes (the whitespace characters are
/// few and their encodings short): a byte at either end that is ASCII, or that no
/// whitespace character starts (ends) with, ends the trim at once.
#[inline]
fn trim_bounds(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let mut start = 0;
    while let Some(&c) = b.get(start) {
        let n = if c.is_ascii() {
            usize::from(is_ascii_ws(c))
        } else if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            ws_len_front(b.get(start..).unwrap_or_default())
        } else {
            0
        };
        if n == 0 {
            break;
        }
        start += n;
    }
    let mut end = b.len();
    while end > start {
        let Some(&c) = b.get(end - 1) else {
            break;
        };
        let n = if c.is_ascii() {
            usize::from(is_ascii_ws(c))
        } else if matches!(c, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) {
            ws_len_back(b.get(start..end).unwrap_or_default())
        } else {
            0
        };
        if n == 0 {
            break;
        }
        end -= n;
    }
    (start, end)
}

/// `s.trim()`, without decoding characters.
fn trim(s: &str) -> &str {
    let (start, end) = trim_bounds(s);
    s.get(start..end).unwrap_or_default()
}

/// `s` without its trailing `\n` and `\r` characters.
fn strip_eol(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b.get(end - 1), Some(b'\n' | b'\r')) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Bytes that [`Shape::with_hint`] looks at: `|`, tab, space, `-`, `;`, and the first
/// bytes of `。` and `；` (bytes that only continue a character are never looked at).
const SHAPE_BYTES: [bool; 256] = {
    let mut t = SHAPE_BYTES_LEX;
    t[b' ' as usize] = true;
    t
};

/// Bytes that [`Shape::of`] looks at: spaces tell only the layout and the hint.
const SHAPE_BYTES_LEX: [bool; 256] = {
    let mut t = [false; 256];
    t[b'|' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'-' as usize] = true;
    t[b';' as usize] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// What one pass over a line's bytes tells: enough to class the line (blank, a run of
/// pipes, prose, perhaps a markdown rule), to tell the region's layout and to choose
/// how the line is split. Both passes over a region take it, each line once; the
/// first also counts the tokens the line can yield.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    /// `line.trim()` as a byte range of the line.
    start: usize,
    end: usize,
    /// Pipes in the line.
    pipes: usize,
    /// A tab anywhere in the line.
    tab: bool,
    /// A tab inside the trimmed line.
    inner_tab: bool,
    /// Two spaces in a row inside the trimmed line (told by [`Shape::with_hint`] only).
    two_spaces: bool,
    /// A `-` in the line (every markdown rule has one).
    dash: bool,
    /// `。`, `;` or `；` in the line (what marks a sentence of prose).
    stop: bool,
    /// At most how many tokens the line yields, if it is lexed (counted by
    /// [`Shape::with_hint`] only): see [`Scan::hint`].
    hint: usize,
}

/// The token count of [`Shape::with_hint`], gathered at the separators (space, tab,
/// pipe) of the trimmed line: the words and label runs, and the blank fields the line
/// has if split at its pipes and if split at its tabs.
#[derive(Default)]
struct HintCount {
    /// Words that could start a value, and runs of other words within a segment.
    words: usize,
    /// The last word counted could start a value.
    prev_maybe: bool,
    /// Split at pipes: the field has a word, fields closed, blank fields counted and
    /// how many of them in a row.
    pipe_word: bool,
    pipe_fields: usize,
    pipe_blank: usize,
    pipe_run: usize,
    /// Split at tabs: the field has a word, a word came, blank fields counted and
    /// how many of them in a row.
    tab_word: bool,
    tab_started: bool,
    tab_blank: usize,
    tab_run: usize,
}

impl HintCount {
    /// A word starts at `w` of the trimmed line `b`.
    fn word(&mut self, b: &[u8], w: usize) {
        let maybe = may_start_value(b.get(w..).unwrap_or_default());
        // Over one space (a space after a word byte), a word is in the segment of the
        // word before; a run of label words is one token.
        let one_space = w >= 2
            && b.get(w - 1) == Some(&b' ')
            && !matches!(b.get(w - 2), Some(b' ' | b'\t' | b'|'));
        if maybe || self.prev_maybe || !one_space {
            self.words += 1;
        }
        self.prev_maybe = maybe;
        self.pipe_word = true;
        self.tab_word = true;
        self.tab_started = true;
    }

    /// The separator `c` at `k` of the trimmed line `b`, which starts `lead` bytes into
    /// the line.
    fn separator(&mut self, b: &[u8], k: usize, c: u8, lead: usize) {
        if c == b'|' {
            if self.pipe_word {
                self.pipe_run = 0;
            } else if !(self.pipe_fields == 0 && lead + k == 0) && self.pipe_run < MAX_EMPTY_RUN {
                // A blank field before a pipe is a cell, but for nothing before the
                // first.
                self.pipe_run += 1;
                self.pipe_blank += 1;
            }
            self.pipe_fields += 1;
            self.pipe_word = false;
        } else if c == b'\t' {
            if self.tab_word {
                self.tab_run = 0;
            } else if self.tab_started && self.tab_run < MAX_EMPTY_RUN {
                // Leading blank fields are indentation.
                self.tab_run += 1;
                self.tab_blank += 1;
            }
            self.tab_word = false;
        }
        if let Some(&n) = b.get(k + 1) {
            if !matches!(n, b' ' | b'\t' | b'|') {
                self.word(b, k + 1);
            }
        }
    }
}

impl Shape {
    /// The line's shape.
    fn of(line: &str) -> Shape {
        Shape::scan::<false>(line)
    }

    /// The line's shape, with [`Shape::hint`].
    fn with_hint(line: &str) -> Shape {
        Shape::scan::<true>(line)
    }

    fn scan<const HINT: bool>(line: &str) -> Shape {
        let b = line.as_bytes();
        let (start, end) = trim_bounds(line);
        let mut sh = Shape {
            start,
            end,
            ..Shape::default()
        };
        let inner = b.get(start..end).unwrap_or_default();
        let mut count = HintCount::default();
        if HINT && !matches!(inner.first(), None | Some(b'|')) {
            count.word(inner, 0);
        }
        let mut last_space = usize::MAX;
        let table = if HINT { &SHAPE_BYTES } else { &SHAPE_BYTES_LEX };
        // Character by character: a character of two or more bytes is looked at by its
        // first byte only (the line is UTF-8; no byte looked for continues one).
        let mut k = 0;
        while let Some(&c) = inner.get(k) {
            let len = if c < 0x80 {
                1
            } else {
                2 + usize::from(c >= 0xE0) + usize::from(c >= 0xF0)
            };
            if table[usize::from(c)] {
                match c {
                    b'|' => sh.pipes += 1,
                    b'\t' => sh.inner_tab = true,
                    b' ' => {
                        if last_space.wrapping_add(1) == k {
                            sh.two_spaces = true;
                        }
                        last_space = k;
                    }
                    b'-' => sh.dash = true,
                    b';' => sh.stop = true,
                    // `。` (E3 80 82) and `；` (EF BC 9B).
                    0xE3 => sh.stop |= inner.get(k + 1..k + 3) == Some(&[0x80, 0x82][..]),
                    _ => sh.stop |= inner.get(k + 1..k + 3) == Some(&[0xBC, 0x9B][..]),
                }
                if HINT && matches!(c, b'|' | b'\t' | b' ') {
                    count.separator(inner, k, c, start);
                }
            }
            k += len;
        }
        let (head, tail) = (
            b.get(..start).unwrap_or_default(),
            b.get(end..).unwrap_or_default(),
        );
        sh.tab = sh.inner_tab || head.contains(&b'\t') || tail.contains(&b'\t');
        if HINT {
            // Whitespace other than spaces and tabs around the trimmed line (a
            // full-width space) is no separator to the lexer: it can be a word.
            let other_ws = |b: &[u8]| {
                b.split(|&c| c == b' ' || c == b'\t')
                    .filter(|w| !w.is_empty())
                    .count()
            };
            sh.hint = count.words
                + other_ws(head)
                + other_ws(tail)
                + if sh.pipes > 0 {
                    // No cell after the last pipe.
                    count.pipe_blank
                } else if sh.tab {
                    // Each tab after the last word ends a field; the last field too
                    // is a cell.
                    let trailing = tail.iter().filter(|&&c| c == b'\t').count();
                    count.tab_blank + trailing.min(MAX_EMPTY_RUN)
                } else {
                    0
                };
        }
        sh
    }

    /// The shape of a line of prose (what [`Shape::is_prose`] tells), with what the
    /// layout needs of it (its trimmed range, tabs, two spaces in a row; not its
    /// dashes); `None` for another line. Read with a few searches through the line,
    /// not byte by byte.
    fn of_prose(line: &str) -> Option<Shape> {
        let b = line.as_bytes();
        if b.contains(&b'|') {
            return None;
        }
        let (start, end) = trim_bounds(line);
        let t = line.get(start..end).unwrap_or_default();
        let stop = t.contains('。') || t.as_bytes().contains(&b';') || t.contains('；');
        if !(stop || t.starts_with("注")) {
            return None;
        }
        let tab = b.contains(&b'\t');
        Some(Shape {
            start,
            end,
            pipes: 0,
            tab,
            inner_tab: tab && t.as_bytes().contains(&b'\t'),
            two_spaces: t.contains("  "),
            // Prose is never a markdown rule: its dashes need no looking for.
            dash: false,
            stop,
            hint: 0,
        })
    }

    /// The trimmed line.
    fn trimmed<'a>(&self, line: &'a str) -> &'a str {
        line.get(self.start..self.end).unwrap_or_default()
    }

    fn is_blank(&self) -> bool {
        self.start >= self.end
    }

    /// `is_pipe_run`: the trimmed line is two or more pipes and nothing else.
    fn is_pipe_run(&self) -> bool {
        self.pipes >= 2 && self.pipes == self.end - self.start
    }

    /// `is_prose` of the line: no pipe, and a `。`, `;` or `；`, or a `注` first.
    fn is_prose(&self, line: &str) -> bool {
        self.pipes == 0 && (self.stop || self.trimmed(line).starts_with("注"))
    }

    /// [`is_markdown_rule`] of the line (which needs a dash).
    fn is_markdown_rule(&self, line: &str) -> bool {
        self.dash && is_markdown_rule(line)
    }
}

/// Lex the lines in `range`, passing over prose lines when `skip_prose`.
///
/// Where cells stand one per line with a blank line between them, an empty cell shows
/// only as one more blank line: in that layout a run of `k` blank lines between cells
/// stands for `k - 1` empty cells. Where cells stand one per line with `|||` runs
/// between rows, the lines between two runs are one row.
///
/// Two passes over the lines, each taking every line's [`Shape`] once: the first tells
/// the layout and how many tokens to allocate for, the second lexes.
fn lex_lines(text: &str, range: Range<usize>, skip_prose: bool) -> Vec<Token<'_>> {
    let Some(region) = text.get(range.clone()) else {
        return Vec::new();
    };
    let Scan {
        blank_separated,
        runs,
        hint,
        prose,
    } = scan(region, skip_prose);
    let mut out = Vec::with_capacity(hint);
    let mut offset = range.start;
    let mut blank_run: Option<(usize, usize, usize)> = None; // (count, offset, line)
    let mut seen_cell = false;
    let mut run_row = 0usize;
    for (i, line) in region.split_inclusive('\n').enumerate() {
        let body = strip_eol(line);
        let row = if runs { run_row } else { i };
        // Prose passed over was told in the first pass (it is not blank).
        let sh = (!prose.contains(i)).then(|| Shape::of(body));
        if sh.as_ref().is_some_and(Shape::is_blank) {
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
            match sh {
                None => {}
                Some(sh) if runs && sh.is_pipe_run() => run_row = i + 1,
                Some(sh) => {
                    lex_line(body, &sh, offset, i, row, &mut out);
                    seen_cell = true;
                }
            }
        }
        offset += line.len();
    }
    out
}

/// What the first pass over a region tells.
struct Scan {
    /// Cells stand one per line, separated by blank lines.
    blank_separated: bool,
    /// Cells stand one per line, with `|||` runs between rows.
    runs: bool,
    /// How many tokens to allocate for the lines of the region (all kept, or prose
    /// passed over), so that they are allocated once rather than doubled (which
    /// holds the old and the new block while moving).
    ///
    /// It is an upper bound, never below the tokens lexed, and reaches them on common
    /// tables (cells between pipes or tabs, one per line, space-aligned rows of a label
    /// and numbers): a line counts one token per blank field (at most [`MAX_EMPTY_RUN`]
    /// in a row; none after its last pipe, nor for nothing before its first), one per
    /// word that could start a value, and one per run of other words within a segment; a
    /// run of `k` blank lines between two lines counts `k - 1` empty cells (at most
    /// [`MAX_EMPTY_RUN`]) where the layout reads them so; blank lines, pipe runs,
    /// markdown rules and passed-over prose count nothing. It is above the count only
    /// where the lexer joins words the count keeps apart: two or more numbers in one
    /// field, a note after a number, label words that start like a value (`2017年`,
    /// `新收`), a heading's `#`. On the bench inputs and the shared corpus it is within
    /// 1.07 times the count, but for a legacy report whose prose stands in one pipe field
    /// (29 for 2 tokens, its words led by digits); the tests check it is exact on common
    /// tables and at most twice the count where words are joined.
    hint: usize,
    /// The lines of prose passed over, that the second pass need not read again.
    prose: LineSet,
}

/// A set of line numbers (one bit a line, up to the last one in the set).
#[derive(Default)]
struct LineSet(Vec<u64>);

impl LineSet {
    fn insert(&mut self, i: usize) {
        let (word, bit) = (i / 64, i % 64);
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        if let Some(w) = self.0.get_mut(word) {
            *w |= 1 << bit;
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// Lines at least this long are checked for prose with a few searches before their
/// bytes are read one by one (paragraphs of prose are long, rows of cells shorter).
const LONG_LINE: usize = 200;

/// The region's layout (whether cells stand one per line separated by blank lines, and
/// whether they stand one per line with `|||` runs between rows) and its token
/// capacity hint, from one pass over its lines.
fn scan(region: &str, skip_prose: bool) -> Scan {
    let mut cells = 0usize;
    let mut separated = 0usize;
    let mut pipe_runs = 0usize;
    let mut single = 0usize;
    let mut nonblank = 0usize;
    // The last non-blank line was a cell line (no pipe, tab or two spaces).
    let mut after_cell = false;
    let mut hint = 0usize;
    // Empty cells that blank lines stand for in the blank-separated layout.
    let mut blank_hint = 0usize;
    let mut blank_run = 0usize;
    let mut prose = LineSet::default();
    for (i, line) in region.split_inclusive('\n').enumerate() {
        let body = strip_eol(line);
        let long_prose = if skip_prose && body.len() >= LONG_LINE {
            Shape::of_prose(body)
        } else {
            None
        };
        let sh = long_prose.unwrap_or_else(|| Shape::with_hint(body));
        let is_prose = long_prose.is_some() || skip_prose && sh.is_prose(body);
        if is_prose {
            prose.insert(i);
        }
        if sh.is_blank() {
            if after_cell {
                separated += 1;
                after_cell = false;
            }
            blank_run += 1;
            continue;
        }
        if nonblank > 0 && blank_run >= 2 {
            blank_hint += (blank_run - 1).min(MAX_EMPTY_RUN);
        }
        blank_run = 0;
        nonblank += 1;
        after_cell = false;
        if sh.is_pipe_run() {
            pipe_runs += 1;
            continue;
        }
        let t = sh.trimmed(body).as_bytes();
        if !sh.inner_tab && (sh.pipes == 0 || (sh.pipes == 1 && t.last() == Some(&b'|'))) {
            single += 1;
        }
        if sh.pipes == 0 && !sh.inner_tab && !sh.two_spaces {
            cells += 1;
            after_cell = true;
        }
        if !(is_prose || sh.is_markdown_rule(body)) {
            hint += sh.hint;
        }
    }
    let blank_separated = cells >= 6 && separated * 4 >= cells * 3;
    let runs = pipe_runs >= 2 && single * 4 >= nonblank * 3;
    if blank_separated {
        hint += blank_hint;
    }
    Scan {
        blank_separated,
        runs,
        hint,
        prose,
    }
}

/// [`Scan::hint`] of `region`.
#[cfg(test)]
fn capacity_hint(region: &str, skip_prose: bool) -> usize {
    scan(region, skip_prose).hint
}

/// Whether a word starting with `w` could be read as a value ([`is_value_word`]): it
/// starts with a digit, sign, dash or a character that starts a value (`增`, `减`,
/// `新`, `净`, `约`, `近`, `无`, `零`), or with whitespace that a trim would take off.
fn may_start_value(w: &[u8]) -> bool {
    match w {
        [b'0'..=b'9' | b'+' | b'-' | b'/' | b'\\' | b'_' | b'\t'..=b'\r', ..] => true,
        [c, ..] if c.is_ascii() => false,
        // 增 减 净 新 无 约 近 零
        [0xE5, 0xA2, 0x9E, ..]
        | [0xE5, 0x87, 0x8F | 0x80, ..]
        | [0xE6, 0x96, 0xB0, ..]
        | [0xE6, 0x97, 0xA0, ..]
        | [0xE7, 0xBA, 0xA6, ..]
        | [0xE8, 0xBF, 0x91, ..]
        | [0xE9, 0x9B, 0xB6, ..] => true,
        // `−`, `—`, `–`
        [0xE2, 0x88, 0x92, ..] | [0xE2, 0x80, 0x93 | 0x94, ..] => true,
        _ => ws_len_front(w) > 0,
    }
}

/// Whether a line is a sentence of prose rather than table cells (what
/// [`Shape::is_prose`] tells from the line's bytes).
#[cfg(test)]
fn is_prose(line: &str) -> bool {
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

/// Lex one line (`sh` its [`Shape`]).
fn lex_line<'a>(
    line: &'a str,
    sh: &Shape,
    base: usize,
    line_no: usize,
    row: usize,
    out: &mut Vec<Token<'a>>,
) {
    if sh.is_blank() || sh.is_markdown_rule(line) || sh.is_pipe_run() {
        return;
    }
    // Markdown heading markers are not cells.
    let (line, base, tab) = {
        let t = line.get(sh.start..).unwrap_or_default();
        let hashes = t.len() - t.trim_start_matches('#').len();
        match t.get(hashes..) {
            Some(rest) if hashes > 0 && rest.starts_with(' ') => {
                let at = sh.start + hashes;
                let tab = rest.contains('\t') && !trim(rest).is_empty();
                (rest, base + at, tab)
            }
            _ => (line, base, sh.tab),
        }
    };
    if sh.pipes > 0 {
        let ctx = LineCtx::new(line_no, row, None);
        let n = sh.pipes + 1;
        for (i, (off, piece)) in split_with_offsets(line, '|').enumerate() {
            let t = trim(piece);
            if t.is_empty() {
                // After the last pipe there is no cell, nor before the first when the
                // line starts with it (markdown); a blank before the first pipe
                // (` | 2 | 3 |`) is an empty first field.
                if i + 1 == n || (i == 0 && piece.is_empty()) {
                    continue;
                }
                push_empty(out, base + off, &ctx);
            } else {
                lex_field(piece, t, base + off, &ctx, out);
            }
        }
    } else if tab {
        let ctx = LineCtx::new(line_no, row, None);
        let fields = split_with_offsets(line, '\t');
        let mut started = false;
        // Empty fields at the end are kept: past the row's last column the table
        // grammar drops them, within it they are blank cells.
        for (off, field) in fields {
            let t = trim(field);
            if t.is_empty() {
                // Leading empty fields are indentation; later ones are empty cells.
                if started {
                    push_empty(out, base + off, &ctx);
                }
            } else {
                started = true;
                lex_field(field, t, base + off, &ctx, out);
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

/// A field between explicit separators (`t` its trimmed text): two or more numbers and
/// nothing else in one field (`1 2`, from `<td>1<br>2</td>`) are one unreadable cell,
/// never two cells and never one number; anything else is lexed as a piece.
fn lex_field<'a>(
    piece: &'a str,
    t: &'a str,
    base: usize,
    ctx: &LineCtx<'a>,
    out: &mut Vec<Token<'a>>,
) {
    let lead = t.as_ptr() as usize - piece.as_ptr() as usize;
    let at = base + lead;
    let (space, tab) = t.bytes().fold((false, false), |(s, h), c| {
        (s || c == b' ', h || c == b'\t')
    });
    // `t` is trimmed: a space in it stands between two words.
    if space && words(t).all(|(_, w)| looks_like_value(w)) {
        out.push(ctx.token(TokenKind::Unreadable, t, at, true, false));
        return;
    }
    // One word with nothing but spaces around it: the one token [`lex_piece`] makes.
    let spaces = |b: &[u8]| b.iter().all(|&c| c == b' ');
    let pb = piece.as_bytes();
    if !space
        && !tab
        && spaces(pb.get(..lead).unwrap_or_default())
        && spaces(pb.get(lead + t.len()..).unwrap_or_default())
    {
        out.push(ctx.token(word_kind(t), t, at, true, false));
        return;
    }
    lex_piece(piece, base, ctx, true, out);
}

/// A word standing alone is a value (or a value with its note), else a label.
fn word_kind(w: &str) -> TokenKind {
    if is_value_word(w) {
        TokenKind::Value
    } else {
        TokenKind::Label
    }
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
    let word = trim_spaces(piece);
    if !word.is_empty() && !word.bytes().any(|b| b == b' ' || b == b'\t') {
        let at = base + (word.as_ptr() as usize - piece.as_ptr() as usize);
        out.push(ctx.token(word_kind(word), word, at, delimited, false));
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

/// `s.trim_matches(' ')`, from the bytes.
fn trim_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c != b' ').map_or(start, |e| e + 1);
    s.get(start..end).unwrap_or_default()
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
        let count = |t: &str| lex(t, 0..t.len()).len();
        // Common tables: exactly the tokens.
        for t in [
            "规章 | 0 | 0 | 3 |\n行政规范性文件\t1\t2\t3",
            "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |",
            "  （一）予以公开                    50    0         0     0   0   0     50",
            "规章 |\n |\n- |\n3 |\n|||\n行政强制 |\n4 |\n|||\n",
            " 三 、本 年 度办 理 结果\n\t\t规章\t\t0\t\n",
        ] {
            assert_eq!(capacity_hint(t, false), count(t), "{t}");
        }
        // A run of empty fields counts as the lexer keeps it.
        let t = format!("规章 {} 1 |", "|".repeat(10_000));
        assert_eq!(capacity_hint(&t, false), MAX_EMPTY_RUN + 2);
        assert_eq!(count(&t), MAX_EMPTY_RUN + 2);
        // So does a run of blank lines.
        let t = format!("规章\n\n1\n\n2\n\n3\n{}4\n\n5\n\n6\n", "\n".repeat(10_000));
        assert_eq!(capacity_hint(&t, false), 7 + MAX_EMPTY_RUN);
        assert_eq!(count(&t), 7 + MAX_EMPTY_RUN);
        // Prose passed over counts nothing.
        let t = "本年共收到申请46件。\n规章 | 0 |";
        assert_eq!(capacity_hint(t, true), lex_table(t, 0..t.len()).len());
        // Where the lexer joins words the count keeps apart, the hint is above the
        // count, never below it and at most twice it.
        for t in [
            "规章 | 1 2 | 3 |",
            "规章    147 (含合并2件)    3",
            "## 3\n第 2 次    5",
        ] {
            let (hint, n) = (capacity_hint(t, false), count(t));
            assert!(n < hint && hint <= 2 * n, "{t}: {hint} for {n}");
        }
    }

    #[test]
    fn byte_level_line_helpers_agree_with_str() {
        let ws = [
            ' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}',
            '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
        ];
        // The byte-level trim knows every whitespace character, and only those.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            let n = if c.is_whitespace() { s.len() } else { 0 };
            assert_eq!(ws_len_front(format!("{c}a").as_bytes()), n, "{c:?}");
            assert_eq!(ws_len_back(format!("a{c}").as_bytes()), n, "{c:?}");
        }
        let others = [
            "", "a", "规章", "、", "—", "\u{1C}", "\u{2010}", "\u{3001}", "|", "-",
        ];
        for a in ws
            .iter()
            .map(|c| c.to_string())
            .chain(others.map(String::from))
        {
            for b in ws
                .iter()
                .map(|c| c.to_string())
                .chain(others.map(String::from))
            {
                for s in [
                    format!("{a}{b}"),
                    format!("{a}x{b}"),
                    format!("{a}{b}规{a}{b}"),
                ] {
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                    assert_eq!(trim_spaces(&s), s.trim_matches(' '), "{s:?}");
                    assert_eq!(strip_eol(&s), s.trim_end_matches(['\n', '\r']), "{s:?}");
                }
            }
        }
        for line in [
            "",
            "  ",
            "|",
            " || ",
            "|||",
            "| a |",
            "|---|:--:|",
            "- |",
            "|-|-|",
            "——",
            "注:以上",
            "  注 1",
            "数量;",
            "本年。",
            "规章；",
            "规章 | 无。",
            "\t规章\t1",
            "规章  1",
            " a b ",
            "\u{3000}注\u{3000}",
            "本年共收到申请46件,办结  46件;\t",
            "\t注:本表 | 不是",
        ] {
            let sh = Shape::of(line);
            assert_eq!(sh.trimmed(line), line.trim(), "{line:?}");
            assert_eq!(sh.is_blank(), line.trim().is_empty(), "{line:?}");
            assert_eq!(sh.is_pipe_run(), is_pipe_run(line), "{line:?}");
            assert_eq!(sh.is_prose(line), is_prose(line), "{line:?}");
            assert_eq!(
                sh.is_markdown_rule(line),
                is_markdown_rule(line),
                "{line:?}"
            );
            assert_eq!(sh.tab, line.contains('\t'), "{line:?}");
            assert_eq!(sh.pipes, line.matches('|').count(), "{line:?}");
            let full = Shape::with_hint(line);
            assert_eq!(full.two_spaces, line.trim().contains("  "), "{line:?}");
            assert_eq!(
                (full.start, full.end, full.pipes, full.tab, full.inner_tab),
                (sh.start, sh.end, sh.pipes, sh.tab, sh.inner_tab),
                "{line:?}"
            );
            assert_eq!((full.dash, full.stop), (sh.dash, sh.stop), "{line:?}");
            let prose = Shape::of_prose(line);
            assert_eq!(prose.is_some(), is_prose(line), "{line:?}");
            if let Some(p) = prose {
                assert_eq!(
                    (p.start, p.end, p.pipes, p.tab, p.inner_tab, p.two_spaces),
                    (
                        full.start,
                        full.end,
                        full.pipes,
                        full.tab,
                        full.inner_tab,
                        full.two_spaces
                    ),
                    "{line:?}"
                );
                assert_eq!(p.stop, full.stop, "{line:?}");
                assert!(!is_markdown_rule(line), "{line:?}");
            }
        }
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
