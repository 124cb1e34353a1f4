//! Raw HTML: reports pasted as page source (or a fragment of it) instead of text.
//!
//! The stage runs when the text is HTML: it contains table markup (a start tag named
//! `table`, `tr`, `td` or `th`, any case), a page tag (`<html`, `<head`, `<body`,
//! `<!DOCTYPE`), or at least three common body tags (`<p>`, `<div>`, `<br>`, `<span>`,
//! `<h1>`, …, start or end). Everything else is left alone after one scan, without
//! allocating. When it runs, the whole text is read as HTML and rendered into the layout
//! the grammar reads (TEMPLATE.md §6.4, item 2):
//!
//! * **Rows.** Each table row becomes one line, its cells separated by ` | ` and ended
//!   by ` |`: `<tr><td>规章</td><td>0</td><td>&nbsp;</td></tr>` → `规章 | 0 |  |`.
//!   `rowspan`/`colspan` are ignored (cells are not replicated): a rowspan label appears
//!   only on the first row of its group, as the grammar expects. A row with a single
//!   cell (a block caption such as `第二十条第（一）项`, or a title in a layout table)
//!   becomes a plain line without pipes.
//! * **Cells.** Tags inside a cell are removed, `<br>`, `<p>`, `<div>` included
//!   (`本年新<br />制作数量` → `本年新制作数量`); whitespace runs become one space, or
//!   nothing next to a removed line break, at either end of the cell, or where a source
//!   line break falls between two wide (CJK) characters. A cell with only whitespace or
//!   `&nbsp;` is empty.
//! * **Layout tables.** A cell that contains a nested table, or more than
//!   [`CONTAINER_TEXT`] bytes of text broken into lines, is a *container* (pages laid out
//!   with tables): it adds no pipes and its content is read as ordinary flow.
//! * **Flow** (outside cells): `<br>` and block tags (`<p>`, `<div>`, `<h1>`–`<h6>`,
//!   `<li>`, `<table>`, …) become a line break (unless the output is at the start of a
//!   line already); all other tags are removed. Source line breaks are kept, without
//!   the spaces around them, so that text with a pasted table fragment keeps its lines
//!   and column gaps; whitespace at the start of a line is dropped, and a space after a
//!   space (across a removed tag) too.
//! * **Entities**: every named entity of HTML5 (the WHATWG table of 2 231 names, through
//!   the `htmlize` crate; names are case-sensitive as in browsers, except that a few
//!   common ones such as `&NBSP;` are also read in any case; the legacy names browsers
//!   accept without `;` are read so when no letter, digit or `=` follows) and numeric
//!   `&#NNN; &#xHH;` (0x80–0x9F as windows-1252, invalid values as U+FFFD) are decoded;
//!   anything else stays as written. `&nbsp;` and other space entities count as
//!   whitespace.
//! * **Dropped:** comments, `<!DOCTYPE …>`, `<?…?>`, and `<script>`, `<style>` and
//!   `<title>` with their content (the page title is the browser tab's, usually the
//!   report title with the site name appended; the page repeats it in its body).
//! * **Page titles and images**: the content of `<title>`, of `<h1>` and of
//!   `<meta name="ArticleTitle" content="…">`, and every `<img>` with its `src`, are
//!   collected with their places ([`Normalized::page_titles`](super::Normalized::page_titles),
//!   [`Normalized::images`](super::Normalized::images)): the grammar takes the report's
//!   title from them, and tells a table published as a picture from a missing one.
//!
//! Every output byte maps back into the original: text is copied (a cell's digits map
//! to the digits inside its `<td>`); a separator, line break or row end maps onto the
//! tag that produced it; a decoded entity onto the entity.
//!
//! Malformed HTML is read the way a browser roughly would: `<` not followed by a tag
//! name is text, a tag runs to the first `>` outside a quoted attribute value (or to the
//! first `>` at all when a quote is never closed), a tag without any `>` after it is
//! text, unclosed cells and rows are closed by the next cell, row or table tag, stray
//! text between cells gets a line of its own. Time is linear in the input: every search
//! that fails is remembered, so it is never repeated.

use super::offsets::{Emitter, OffsetMap};

/// A cell with line breaks and more text than this (in bytes, of its own text) is a
/// layout container, not a data cell.
pub(crate) const CONTAINER_TEXT: usize = 300;

/// Whether `text` contains a start tag `<table`, `<tr`, `<td` or `<th` (any case), the
/// condition for the stage to run.
pub(crate) fn has_table_markup(text: &str) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|s| s.find('<')) {
        let i = from + p;
        if b.get(i + 1).is_some_and(|c| c | 0x20 == b't') {
            let end = name_end(b, i + 1);
            if let Some(name) = b.get(i + 1..end) {
                if ["table", "tr", "td", "th"]
                    .iter()
                    .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
                {
                    return true;
                }
            }
        }
        from = i + 1;
    }
    false
}

/// Tags that mark a whole page: one of them makes the text HTML.
const PAGE_TAGS: [&str; 4] = ["html", "head", "body", "!doctype"];

/// Tags common in page bodies; [`PAGE_TAG_COUNT`] of them make the text HTML.
const BODY_TAGS: [&str; 21] = [
    "p", "div", "br", "span", "font", "h1", "h2", "h3", "h4", "h5", "h6", "meta", "title", "a",
    "img", "li", "strong", "b", "center", "section", "article",
];

/// How many body tags (start or end) make a text without page tags HTML.
pub(crate) const PAGE_TAG_COUNT: usize = 3;

/// Whether `text` is HTML: table markup, a page tag (`<html`, `<head`, `<body`,
/// `<!DOCTYPE`), or at least [`PAGE_TAG_COUNT`] common body tags (`<p>`, `<div>`,
/// `<br>`, `<span>`, …). One scan, without allocating.
pub(crate) fn is_html(text: &str) -> bool {
    if has_table_markup(text) {
        return true;
    }
    let b = text.as_bytes();
    let mut body = 0;
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|s| s.find('<')) {
        let i = from + p;
        from = i + 1;
        let start = if b.get(i + 1) == Some(&b'/') {
            i + 2
        } else {
            i + 1
        };
        let bang = usize::from(b.get(start) == Some(&b'!'));
        let end = name_end(b, start + bang);
        let Some(name) = b.get(start..end) else {
            continue;
        };
        if name.is_empty()
            || b.get(end)
                .is_some_and(|&c| !matches!(c, b'>' | b'/') && !is_ascii_ws(c))
        {
            continue;
        }
        if PAGE_TAGS
            .iter()
            .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
        {
            return true;
        }
        if BODY_TAGS
            .iter()
            .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
        {
            body += 1;
            if body >= PAGE_TAG_COUNT {
                return true;
            }
        }
    }
    false
}

/// What the HTML stage found besides the text: title candidates and images.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// (kind, text, original range) of each title candidate, in input order.
    pub(crate) titles: Vec<(super::PageTitleKind, String, std::ops::Range<usize>)>,
    /// (original range of the tag, `src`) of each `<img>`.
    pub(crate) images: Vec<(std::ops::Range<usize>, String)>,
}

/// Run the HTML stage. `None` when the text is not HTML (see [`is_html`]; it is then
/// unchanged).
pub(crate) fn run(text: &str, map: &OffsetMap) -> Option<(String, OffsetMap, Page)> {
    if !is_html(text) {
        return None;
    }
    let toks = Lexer::new(text).tokens();
    let page = page(text, map, &toks);
    let tree = Tree::build(&toks);
    let (t, m) = render(text, map, &toks, &tree)?;
    Some((t, m, page))
}

/// The start of token `tok` is the tag `<name` (or `</name` with `close`).
fn tag_is(text: &str, tok: &Tok, name: &str, close: bool) -> bool {
    let b = text.as_bytes();
    let start = tok.start + 1 + usize::from(close);
    if close && b.get(tok.start + 1) != Some(&b'/') {
        return false;
    }
    let end = name_end(b, start);
    b.get(start..end)
        .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
}

/// The attributes of the start tag `text[range]`: (lower-case name, value range).
fn attributes(text: &str, range: std::ops::Range<usize>) -> Vec<(String, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    let end = range.end.min(b.len());
    let mut k = name_end(b, range.start + 1);
    let mut out = Vec::new();
    while k < end {
        while k < end && (is_ascii_ws(b.get(k).copied().unwrap_or(b' ')) || b.get(k) == Some(&b'/'))
        {
            k += 1;
        }
        let ns = k;
        while k < end
            && b.get(k)
                .is_some_and(|&c| !is_ascii_ws(c) && !matches!(c, b'=' | b'>' | b'/'))
        {
            k += 1;
        }
        if k == ns {
            break;
        }
        let name = text.get(ns..k).unwrap_or("").to_ascii_lowercase();
        while k < end && b.get(k).is_some_and(|&c| is_ascii_ws(c)) {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            out.push((name, k..k));
            continue;
        }
        k += 1;
        while k < end && b.get(k).is_some_and(|&c| is_ascii_ws(c)) {
            k += 1;
        }
        let value = match b.get(k).copied() {
            Some(q @ (b'"' | b'\'')) => {
                let vs = k + 1;
                let ve = text
                    .get(vs..end)
                    .and_then(|t| t.find(char::from(q)))
                    .map_or(end, |p| vs + p);
                k = ve + 1;
                vs..ve
            }
            _ => {
                let vs = k;
                while k < end && b.get(k).is_some_and(|&c| !is_ascii_ws(c) && c != b'>') {
                    k += 1;
                }
                vs..k
            }
        };
        out.push((name, value));
    }
    out
}

/// `s` with its entities decoded, its tags removed and its whitespace folded to single
/// spaces, trimmed.
fn plain(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut in_tag = false;
    while let Some(c) = s.get(i..).and_then(|t| t.chars().next()) {
        let len = c.len_utf8();
        if in_tag {
            in_tag = c != '>';
            i += len;
            continue;
        }
        match c {
            '<' if b
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/') =>
            {
                in_tag = true;
            }
            '&' => {
                if let Some((end, e)) = entity(b, i) {
                    if e.first.is_whitespace() && e.second.is_none() {
                        if !out.ends_with(' ') {
                            out.push(' ');
                        }
                    } else {
                        e.push_to(&mut out);
                    }
                    i = end;
                    continue;
                }
                out.push('&');
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
        i += len;
    }
    let t = out.trim();
    if t.len() == out.len() {
        out
    } else {
        t.to_string()
    }
}

/// Title candidates and images of the page (original ranges through `map`).
fn page(text: &str, map: &OffsetMap, toks: &Toks) -> Page {
    use super::PageTitleKind as K;
    let orig = |r: std::ops::Range<usize>| {
        map.start_of(r.start)..map.end_of(r.end).max(map.start_of(r.start))
    };
    let mut page = Page::default();
    let mut h1: Option<(usize, usize)> = None;
    for (k, tok) in toks.iter().enumerate() {
        let tok = &tok;
        match tok.kind {
            Kind::Drop if tag_is(text, tok, "title", false) => {
                let Some(t) = text.get(tok.start..tok.end) else {
                    continue;
                };
                let open = t.find('>').map_or(t.len(), |p| p + 1);
                let close = t.rfind("</").filter(|&c| c >= open).unwrap_or(t.len());
                let inner = tok.start + open..tok.start + close;
                let value = plain(text.get(inner.clone()).unwrap_or(""));
                if !value.is_empty() {
                    page.titles.push((K::Title, value, orig(inner)));
                }
            }
            Kind::Tag(Tag::Other) if tag_is(text, tok, "meta", false) => {
                let attrs = attributes(text, tok.start..tok.end);
                let named = attrs.iter().any(|(n, v)| {
                    n == "name"
                        && text
                            .get(v.clone())
                            .is_some_and(|v| v.trim().eq_ignore_ascii_case("ArticleTitle"))
                });
                if let Some((_, v)) = attrs.iter().find(|(n, _)| named && n == "content") {
                    let value = plain(text.get(v.clone()).unwrap_or(""));
                    if !value.is_empty() {
                        page.titles.push((K::ArticleTitle, value, orig(v.clone())));
                    }
                }
            }
            Kind::Tag(Tag::Other) if tag_is(text, tok, "img", false) => {
                let attrs = attributes(text, tok.start..tok.end);
                let src = attrs
                    .iter()
                    .find(|(n, _)| n == "src")
                    .and_then(|(_, v)| text.get(v.clone()))
                    .unwrap_or("")
                    .trim()
                    .to_string();
                page.images.push((orig(tok.start..tok.end), src));
            }
            Kind::Tag(Tag::Break) if tag_is(text, tok, "h1", false) => h1 = Some((k + 1, k + 1)),
            Kind::Tag(_)
                if tag_is(text, tok, "h1", true)
                    || matches!(tok.kind, Kind::Tag(t) if t.structural()) =>
            {
                if let Some((from, to)) = h1.take() {
                    let range = toks.get(from).map_or(0, |t| t.start)
                        ..toks.get(to.saturating_sub(1)).map_or(0, |t| t.end);
                    if to > from {
                        let value = plain(text.get(range.clone()).unwrap_or(""));
                        if !value.is_empty() {
                            page.titles.push((K::H1, value, orig(range)));
                        }
                    }
                }
            }
            Kind::Text | Kind::Entity(_) => {
                if let Some((_, to)) = h1.as_mut() {
                    *to = k + 1;
                }
            }
            _ => {}
        }
    }
    page
}

// ---------------------------------------------------------------------------------
// Tokens

/// What a tag does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Table {
        open: bool,
    },
    Row {
        open: bool,
    },
    Cell {
        open: bool,
    },
    /// `thead`, `tbody`, `tfoot` (open or close): ends the current row.
    Section,
    /// `<br>` and block elements: a line break in flow, nothing inside a cell.
    Break,
    /// Anything else: removed.
    Other,
}

impl Tag {
    fn structural(self) -> bool {
        matches!(
            self,
            Tag::Table { .. } | Tag::Row { .. } | Tag::Cell { .. } | Tag::Section
        )
    }
}

/// What kind of whitespace a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blank {
    /// ASCII whitespace only.
    Ascii,
    /// Contains a non-ASCII space character (U+3000, U+00A0, …).
    Unicode,
    /// A space entity (`&nbsp;`, `&#160;`, …).
    Entity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of text without whitespace.
    Text,
    /// A run of whitespace.
    Space {
        newline: bool,
        blank: Blank,
    },
    /// An entity decoded to a character that is not whitespace.
    Entity(Ent),
    Tag(Tag),
    /// Comments, doctypes, processing instructions, `<script>`/`<style>` with content.
    Drop,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

/// A token as kept: its end is the next token's start (tokens cover the text without
/// gaps), so it is not stored.
#[derive(Debug, Clone, Copy)]
struct Packed {
    start: usize,
    kind: Kind,
}

/// The tokens of a text, in order, covering it.
struct Toks {
    items: Vec<Packed>,
    /// The text's length (the end of the last token).
    len: usize,
}

impl Toks {
    fn len(&self) -> usize {
        self.items.len()
    }

    /// Token `k`.
    fn get(&self, k: usize) -> Option<Tok> {
        let p = self.items.get(k)?;
        let end = self.items.get(k + 1).map_or(self.len, |n| n.start);
        Some(Tok {
            start: p.start,
            end,
            kind: p.kind,
        })
    }

    /// Every token, in order.
    fn iter(&self) -> impl DoubleEndedIterator<Item = Tok> + ExactSizeIterator + '_ {
        self.items.iter().enumerate().map(move |(k, p)| Tok {
            start: p.start,
            end: self.items.get(k + 1).map_or(self.len, |n| n.start),
            kind: p.kind,
        })
    }
}

/// Bytes of a tag name: ASCII letters and digits, `-`, `_`, `:`.
fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':')
}

fn name_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_name_byte(c)) {
        i += 1;
    }
    i
}

fn is_ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "legend",
    "caption",
    "body",
    "html",
];

fn classify(name: &[u8], close: bool) -> Tag {
    let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
    let open = !close;
    if is("table") {
        Tag::Table { open }
    } else if is("tr") {
        Tag::Row { open }
    } else if is("td") || is("th") {
        Tag::Cell { open }
    } else if is("thead") || is("tbody") || is("tfoot") {
        Tag::Section
    } else if BLOCKS.iter().any(|b| is(b)) {
        Tag::Break
    } else {
        Tag::Other
    }
}

/// Named entities also matched without regard to case (`&NBSP;`, `&Amp;` are seen in
/// pages written by hand); every other name must match exactly, as in browsers.
const CASELESS: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
];

/// What an entity stands for: one character, or two (a few HTML5 entities, such as
/// `&NotEqualTilde;`, are a character and a combining mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ent {
    first: char,
    second: Option<char>,
}

impl Ent {
    fn one(c: char) -> Self {
        Ent {
            first: c,
            second: None,
        }
    }

    fn last(self) -> char {
        self.second.unwrap_or(self.first)
    }

    fn push_to(self, s: &mut String) {
        s.push(self.first);
        if let Some(c) = self.second {
            s.push(c);
        }
    }
}

/// The character of a numeric reference, as browsers read it: NUL, surrogates and
/// values past U+10FFFF are U+FFFD, and 0x80–0x9F are the windows-1252 characters
/// pages mean by them (`&#151;` is `—`).
fn numeric_char(v: u32) -> char {
    if (0x80..=0x9F).contains(&v) {
        let byte = [v as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return s.chars().next().unwrap_or('\u{FFFD}');
    }
    char::from_u32(v)
        .filter(|&c| c != '\0')
        .unwrap_or('\u{FFFD}')
}

/// The entity at `i` (`b[i] == b'&'`): its end and what it stands for. Named entities
/// come from the complete HTML5 table (WHATWG `entities.json`, 2 231 names, through the
/// `htmlize` crate); a name without its `;` is read only when it is one of the legacy
/// names browsers accept so and is followed by neither a letter, a digit nor `=`.
fn entity(b: &[u8], i: usize) -> Option<(usize, Ent)> {
    let rest = b.get(i + 1..)?;
    if rest.first() == Some(&b'#') {
        let hex = matches!(rest.get(1), Some(b'x' | b'X'));
        let first = if hex { 2 } else { 1 };
        let base = if hex { 16 } else { 10 };
        let mut v: u32 = 0;
        let mut k = first;
        loop {
            let c = *rest.get(k)?;
            if c == b';' {
                break;
            }
            let d = char::from(c).to_digit(base)?;
            if k - first >= 8 {
                return None;
            }
            v = v.checked_mul(base)?.checked_add(d)?;
            k += 1;
        }
        if k == first {
            return None;
        }
        return Some((i + 1 + k + 1, Ent::one(numeric_char(v))));
    }
    let n = rest
        .iter()
        .take(htmlize::ENTITY_MAX_LENGTH)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 {
        return None;
    }
    let name = rest.get(..n)?;
    let with_semicolon = rest.get(n) == Some(&b';');
    // `&` name (`;`) as the table's keys have it.
    let key = b.get(i..i + 1 + n + usize::from(with_semicolon))?;
    if let Some(v) = htmlize::ENTITIES.get(key) {
        if with_semicolon || !matches!(rest.get(n), Some(b'=')) {
            let mut chars = std::str::from_utf8(v).ok()?.chars();
            let first = chars.next()?;
            return Some((
                i + 1 + n + usize::from(with_semicolon),
                Ent {
                    first,
                    second: chars.next(),
                },
            ));
        }
        return None;
    }
    if !with_semicolon {
        return None;
    }
    CASELESS
        .iter()
        .find(|(e, _)| name.eq_ignore_ascii_case(e.as_bytes()))
        .map(|&(_, c)| (i + 1 + n + 1, Ent::one(c)))
}

/// Splits the text into tokens. Failed searches are remembered (`no_*` = nothing of the
/// kind at or after that offset), so none is repeated and the whole is linear.
struct Lexer<'a> {
    s: &'a str,
    b: &'a [u8],
    no_gt: usize,
    no_quote: [usize; 2],
    no_comment_end: usize,
    no_raw_end: [usize; RAW.len()],
}

/// Elements whose content is dropped with them: not displayed as page text (`<title>`
/// is the browser tab's, usually the report title with the site name appended).
const RAW: [&str; 3] = ["script", "style", "title"];

impl<'a> Lexer<'a> {
    fn new(s: &'a str) -> Self {
        Lexer {
            s,
            b: s.as_bytes(),
            no_gt: usize::MAX,
            no_quote: [usize::MAX; 2],
            no_comment_end: usize::MAX,
            no_raw_end: [usize::MAX; RAW.len()],
        }
    }

    fn find_byte(&self, from: usize, c: u8) -> Option<usize> {
        self.s
            .get(from..)
            .and_then(|t| t.find(char::from(c)))
            .map(|p| from + p)
    }

    fn find_gt(&mut self, from: usize) -> Option<usize> {
        if from >= self.no_gt {
            return None;
        }
        let r = self.find_byte(from, b'>');
        if r.is_none() {
            self.no_gt = from;
        }
        r
    }

    fn find_quote(&mut self, from: usize, q: u8) -> Option<usize> {
        let k = usize::from(q == b'\'');
        let no = self.no_quote.get(k).copied().unwrap_or(0);
        if from >= no {
            return None;
        }
        let r = self.find_byte(from, q);
        if r.is_none() {
            if let Some(slot) = self.no_quote.get_mut(k) {
                *slot = from;
            }
        }
        r
    }

    fn find_comment_end(&mut self, from: usize) -> Option<usize> {
        if from >= self.no_comment_end {
            return None;
        }
        let r = self
            .s
            .get(from..)
            .and_then(|t| t.find("-->"))
            .map(|p| from + p);
        if r.is_none() {
            self.no_comment_end = from;
        }
        r
    }

    /// Start of the end tag `</name` of `RAW[k]` at or after `from`.
    fn find_raw_end(&mut self, from: usize, k: usize) -> Option<usize> {
        let name = RAW.get(k)?.as_bytes();
        if from >= self.no_raw_end.get(k).copied().unwrap_or(0) {
            return None;
        }
        let mut at = from;
        while let Some(p) = self.s.get(at..).and_then(|t| t.find("</")) {
            let i = at + p;
            let n = i + 2 + name.len();
            if self
                .b
                .get(i + 2..n)
                .is_some_and(|w| w.eq_ignore_ascii_case(name))
                && !self.b.get(n).is_some_and(|&c| is_name_byte(c))
            {
                return Some(i);
            }
            at = i + 2;
        }
        if let Some(slot) = self.no_raw_end.get_mut(k) {
            *slot = from;
        }
        None
    }

    /// The markup at `i` (`b[i] == b'<'`): its end and kind; `None` when the `<` is text.
    fn markup(&mut self, i: usize) -> Option<(usize, Kind)> {
        let b = self.b;
        match b.get(i + 1).copied()? {
            b'!' => {
                if b.get(i + 2..i + 4) == Some(b"--") {
                    if let Some(p) = self.find_comment_end(i + 4) {
                        return Some((p + 3, Kind::Drop));
                    }
                }
                let p = self.find_gt(i + 2)?;
                Some((p + 1, Kind::Drop))
            }
            b'?' => {
                let p = self.find_gt(i + 2)?;
                Some((p + 1, Kind::Drop))
            }
            b'/' => {
                if !b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                    return None;
                }
                let ne = name_end(b, i + 2);
                let p = self.find_gt(ne)?;
                let tag = classify(b.get(i + 2..ne)?, true);
                // `</br>` is a line break, as in browsers.
                Some((p + 1, Kind::Tag(tag)))
            }
            c if c.is_ascii_alphabetic() => {
                let ne = name_end(b, i + 1);
                // Nothing to end a tag anywhere: the `<` is text.
                let first_gt = self.find_gt(ne)?;
                let end = self.tag_end(ne).unwrap_or(first_gt + 1);
                let name = b.get(i + 1..ne)?;
                if let Some(k) = RAW
                    .iter()
                    .position(|r| name.eq_ignore_ascii_case(r.as_bytes()))
                {
                    if let Some(p) = self.find_raw_end(end, k) {
                        let close = self.find_gt(p).map_or(self.b.len(), |g| g + 1);
                        return Some((close, Kind::Drop));
                    }
                    return Some((end, Kind::Drop));
                }
                Some((end, Kind::Tag(classify(name, false))))
            }
            _ => None,
        }
    }

    /// End of a start tag whose attributes begin at `k`: after the first `>` outside a
    /// quoted attribute value; `None` when a quote is never closed.
    fn tag_end(&mut self, mut k: usize) -> Option<usize> {
        loop {
            match *self.b.get(k)? {
                b'>' => return Some(k + 1),
                b'=' => {
                    k += 1;
                    while self.b.get(k).is_some_and(|&c| is_ascii_ws(c)) {
                        k += 1;
                    }
                    if let Some(&q) = self.b.get(k) {
                        if q == b'"' || q == b'\'' {
                            k = self.find_quote(k + 1, q)? + 1;
                        }
                    }
                }
                _ => k += 1,
            }
        }
    }

    fn tokens(mut self) -> Toks {
        let b = self.b;
        let mut toks = Vec::new();
        let mut text_start: Option<usize> = None;
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            let special = match c {
                b'<' => self.markup(i),
                b'&' => entity(b, i).map(|(end, ch)| {
                    let kind = if ch.first.is_whitespace() && ch.second.is_none() {
                        Kind::Space {
                            newline: is_newline(ch.first),
                            blank: Blank::Entity,
                        }
                    } else {
                        Kind::Entity(ch)
                    };
                    (end, kind)
                }),
                _ => self.space_run(i),
            };
            match special {
                Some((end, kind)) if end > i => {
                    if let Some(t) = text_start.take() {
                        toks.push(Packed {
                            start: t,
                            kind: Kind::Text,
                        });
                    }
                    toks.push(Packed { start: i, kind });
                    i = end;
                }
                _ => {
                    text_start.get_or_insert(i);
                    i += self.char_len(i);
                }
            }
        }
        if let Some(t) = text_start {
            toks.push(Packed {
                start: t,
                kind: Kind::Text,
            });
        }
        // The list lives through the stage: spare room (up to half of it, as it grew)
        // is given back.
        if toks.capacity() > toks.len() + toks.len() / 8 {
            toks.shrink_to_fit();
        }
        Toks {
            items: toks,
            len: b.len(),
        }
    }

    fn char_len(&self, i: usize) -> usize {
        self.s
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    }

    /// The whitespace run at `i`, if one starts there.
    fn space_run(&self, i: usize) -> Option<(usize, Kind)> {
        let rest = self.s.get(i..)?;
        let mut newline = false;
        let mut ascii = true;
        let mut len = 0;
        for ch in rest.chars() {
            if !ch.is_whitespace() {
                break;
            }
            newline |= is_newline(ch);
            ascii &= ch.is_ascii();
            len += ch.len_utf8();
        }
        (len > 0).then_some((
            i + len,
            Kind::Space {
                newline,
                blank: if ascii { Blank::Ascii } else { Blank::Unicode },
            },
        ))
    }
}

// ---------------------------------------------------------------------------------
// Structure

#[derive(Debug, Clone, Copy)]
enum Frame {
    Table,
    Row(usize),
    Cell(usize),
}

#[derive(Debug, Clone, Copy)]
struct CellInfo {
    row: usize,
    text: usize,
    breaks: usize,
    nested: bool,
    container: bool,
}

/// Where a token is, after the token itself has been applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Outside any table.
    Root,
    /// Inside a table (or row) but not in a cell.
    Table,
    /// In a cell.
    Cell(usize),
}

/// [`Ctx`] of every token, four bytes each (`u32::MAX` outside tables, `u32::MAX - 1`
/// in a table, else the cell), or as [`Ctx`] when there are too many tokens for that.
enum CtxList {
    Small(Vec<u32>),
    Large(Vec<Ctx>),
}

impl CtxList {
    const ROOT: u32 = u32::MAX;
    const TABLE: u32 = u32::MAX - 1;

    fn with_capacity(n: usize) -> Self {
        if n < Self::TABLE as usize {
            CtxList::Small(Vec::with_capacity(n))
        } else {
            CtxList::Large(Vec::with_capacity(n))
        }
    }

    fn push(&mut self, ctx: Ctx) {
        match self {
            CtxList::Small(v) => v.push(match ctx {
                Ctx::Root => Self::ROOT,
                Ctx::Table => Self::TABLE,
                // Cells are fewer than tokens, which are fewer than `TABLE` here.
                Ctx::Cell(c) => u32::try_from(c).unwrap_or(Self::ROOT),
            }),
            CtxList::Large(v) => v.push(ctx),
        }
    }

    fn get(&self, k: usize) -> Option<Ctx> {
        match self {
            CtxList::Small(v) => v.get(k).map(|&c| match c {
                Self::ROOT => Ctx::Root,
                Self::TABLE => Ctx::Table,
                c => Ctx::Cell(c as usize),
            }),
            CtxList::Large(v) => v.get(k).copied(),
        }
    }
}

/// The table structure: which cell each token is in, which cells are containers, how
/// many data cells each row has.
struct Tree {
    ctx: CtxList,
    cells: Vec<CellInfo>,
    /// Data cells (not containers) per row.
    rows: Vec<usize>,
}

/// Open elements, with the stack positions of the open tables, rows and cells.
struct Stack {
    frames: Vec<Frame>,
    tables: Vec<usize>,
    rows: Vec<usize>,
    cells: Vec<usize>,
}

impl Tree {
    fn build(toks: &Toks) -> Tree {
        let mut t = Tree {
            ctx: CtxList::with_capacity(toks.len()),
            cells: Vec::new(),
            rows: Vec::new(),
        };
        let mut st = Stack {
            frames: Vec::new(),
            tables: Vec::new(),
            rows: Vec::new(),
            cells: Vec::new(),
        };
        for tok in toks.iter() {
            let len = tok.end - tok.start;
            match tok.kind {
                Kind::Tag(tag) => t.apply(&mut st, tag),
                Kind::Text | Kind::Entity(_) => {
                    if let Some(Frame::Cell(c)) = st.frames.last() {
                        if let Some(cell) = t.cells.get_mut(*c) {
                            cell.text += len;
                        }
                    }
                }
                Kind::Space { .. } | Kind::Drop => {}
            }
            let ctx = match st.frames.last() {
                None => Ctx::Root,
                Some(Frame::Cell(c)) => Ctx::Cell(*c),
                Some(_) => Ctx::Table,
            };
            t.ctx.push(ctx);
        }
        t.pop_to(&mut st, 0);
        t
    }

    fn apply(&mut self, st: &mut Stack, tag: Tag) {
        // Everything above the innermost table belongs to it.
        let base = st.tables.last().map_or(0, |&p| p + 1);
        match tag {
            Tag::Table { open: true } => {
                if let Some(Frame::Cell(c)) = st.frames.last() {
                    if let Some(cell) = self.cells.get_mut(*c) {
                        cell.nested = true;
                    }
                }
                st.tables.push(st.frames.len());
                st.frames.push(Frame::Table);
            }
            Tag::Table { open: false } => {
                if let Some(&p) = st.tables.last() {
                    self.pop_to(st, p);
                }
            }
            Tag::Section => {
                if st.tables.last().is_some() {
                    self.pop_to(st, base);
                }
            }
            Tag::Row { open: true } => {
                self.pop_to(st, base);
                self.push_row(st);
            }
            Tag::Row { open: false } => {
                if let Some(&p) = st.rows.last().filter(|&&p| p >= base) {
                    self.pop_to(st, p);
                }
            }
            Tag::Cell { open: true } => {
                match st.rows.last().filter(|&&p| p >= base) {
                    Some(&p) => self.pop_to(st, p + 1),
                    None => {
                        self.pop_to(st, base);
                        self.push_row(st);
                    }
                }
                let row = self.rows.len().saturating_sub(1);
                let row = match st.frames.last() {
                    Some(Frame::Row(r)) => *r,
                    _ => row,
                };
                st.cells.push(st.frames.len());
                st.frames.push(Frame::Cell(self.cells.len()));
                self.cells.push(CellInfo {
                    row,
                    text: 0,
                    breaks: 0,
                    nested: false,
                    container: false,
                });
            }
            Tag::Cell { open: false } => {
                if let Some(&p) = st.cells.last().filter(|&&p| p >= base) {
                    self.pop_to(st, p);
                }
            }
            Tag::Break => {
                if let Some(Frame::Cell(c)) = st.frames.last() {
                    if let Some(cell) = self.cells.get_mut(*c) {
                        cell.breaks += 1;
                    }
                }
            }
            Tag::Other => {}
        }
    }

    fn push_row(&mut self, st: &mut Stack) {
        st.rows.push(st.frames.len());
        st.frames.push(Frame::Row(self.rows.len()));
        self.rows.push(0);
    }

    /// Close elements until `len` remain.
    fn pop_to(&mut self, st: &mut Stack, len: usize) {
        while st.frames.len() > len {
            let Some(f) = st.frames.pop() else { break };
            let at = st.frames.len();
            match f {
                Frame::Table => {
                    if st.tables.last() == Some(&at) {
                        st.tables.pop();
                    }
                }
                Frame::Row(_) => {
                    if st.rows.last() == Some(&at) {
                        st.rows.pop();
                    }
                }
                Frame::Cell(c) => {
                    if st.cells.last() == Some(&at) {
                        st.cells.pop();
                    }
                    if let Some(cell) = self.cells.get_mut(c) {
                        cell.container =
                            cell.nested || (cell.breaks > 0 && cell.text > CONTAINER_TEXT);
                        if !cell.container {
                            if let Some(n) = self.rows.get_mut(cell.row) {
                                *n += 1;
                            }
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Rendering

/// The next token that matters for a space inside a cell.
#[derive(Debug, Clone, Copy)]
enum Next {
    /// Text starting with this character.
    Text(char),
    /// A line break (removed inside cells).
    Break,
    /// A structural tag or the end of the input.
    Stop,
}

fn next_tokens(text: &str, toks: &Toks) -> Vec<Next> {
    let mut next = vec![Next::Stop; toks.len()];
    let mut after = Next::Stop;
    for (slot, tok) in next.iter_mut().zip(toks.iter()).rev() {
        *slot = after;
        after = match tok.kind {
            Kind::Text => text
                .get(tok.start..)
                .and_then(|t| t.chars().next())
                .map_or(after, Next::Text),
            Kind::Entity(c) => Next::Text(c.first),
            Kind::Tag(Tag::Break) => Next::Break,
            Kind::Tag(t) if t.structural() => Next::Stop,
            Kind::Tag(_) | Kind::Space { .. } | Kind::Drop => after,
        };
    }
    next
}

/// Number of line breaks in a whitespace run (`\r\n` is one).
fn line_breaks(run: &str) -> usize {
    let mut n = 0;
    let mut chars = run.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        n += usize::from(is_newline(c));
    }
    n
}

/// Wide (East Asian) characters, between which a source line break is no space.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}'
    )
}

/// The pipe line being written: the row it belongs to, and whether it is a plain line
/// (a row of one cell).
#[derive(Debug, Clone, Copy)]
struct Line {
    row: usize,
    plain: bool,
}

/// The data cell being written.
#[derive(Debug, Clone, Copy)]
struct CellState {
    id: usize,
    content: bool,
    after_break: bool,
    space: bool,
    last: Option<char>,
}

impl CellState {
    fn new(id: usize) -> Self {
        CellState {
            id,
            content: false,
            after_break: false,
            space: false,
            last: None,
        }
    }
}

struct Renderer<'a> {
    em: Emitter<'a>,
    /// Input removed but not yet handed to the emitter: a line break or row end that
    /// text needs is mapped onto it (the tag that ended the row, say).
    removed: Option<std::ops::Range<usize>>,
    /// The last output is stray text in a table (text outside any cell).
    stray: bool,
    at_line_start: bool,
    /// The last output character is an ASCII space.
    space: bool,
    line: Option<Line>,
    cell: Option<CellState>,
    buf: String,
}

impl Renderer<'_> {
    /// Close the open pipe line into `buf`.
    fn end_line(&mut self) {
        if let Some(l) = self.line.take() {
            self.buf.push_str(if l.plain { "\n" } else { " |\n" });
            self.at_line_start = true;
            self.space = false;
        }
    }

    /// Close the open line and make sure the output is at a line start, into `buf`.
    fn line_break(&mut self) {
        self.end_line();
        if !self.at_line_start {
            self.buf.push('\n');
            self.at_line_start = true;
            self.space = false;
        }
    }

    /// Remove `src`.
    fn delete(&mut self, src: std::ops::Range<usize>) {
        if src.is_empty() {
            return;
        }
        match &mut self.removed {
            Some(r) if r.end == src.start => r.end = src.end,
            _ => {
                self.flush_removed();
                self.removed = Some(src);
            }
        }
    }

    fn flush_removed(&mut self) {
        if let Some(r) = self.removed.take() {
            self.em.delete(r);
        }
    }

    /// Replace `src` by `with`.
    fn replace(&mut self, src: std::ops::Range<usize>, with: &str) {
        if with.is_empty() {
            self.delete(src);
        } else {
            self.flush_removed();
            self.em.replace(src, with);
        }
    }

    /// Replace `src` by `buf` (removing it when `buf` is empty).
    fn flush(&mut self, src: std::ops::Range<usize>) {
        let buf = std::mem::take(&mut self.buf);
        self.replace(src, &buf);
        self.buf = buf;
        self.buf.clear();
    }

    /// Write text `src` (`value`: its decoded form, `None` to copy it) after what is in
    /// `buf`. The prefix in `buf` maps onto the input removed just before, if any, else
    /// it is joined to the first character.
    fn text(&mut self, input: &str, src: std::ops::Range<usize>, value: Option<Ent>) {
        if !self.buf.is_empty() {
            if let Some(r) = self.removed.take() {
                self.em.replace(r, &self.buf);
                self.buf.clear();
            }
        }
        match value {
            Some(c) => {
                c.push_to(&mut self.buf);
                self.flush(src);
            }
            None if self.buf.is_empty() => self.flush_removed(),
            None => {
                let first = input
                    .get(src.clone())
                    .and_then(|t| t.chars().next())
                    .map_or(0, char::len_utf8);
                if let Some(f) = input.get(src.start..src.start + first) {
                    self.buf.push_str(f);
                }
                self.flush(src.start..src.start + first);
            }
        }
        self.at_line_start = false;
        self.space = false;
        self.stray = false;
    }

    fn finish(mut self) -> Option<(String, OffsetMap)> {
        self.flush_removed();
        self.em.finish()
    }
}

fn render(text: &str, map: &OffsetMap, toks: &Toks, tree: &Tree) -> Option<(String, OffsetMap)> {
    let next = next_tokens(text, toks);
    // Room for the output: the text, spaces and entities (which do not grow when
    // decoded, but for a few rare ones), and at most three bytes (` | `, ` |\n`) for a
    // tag.
    let room: usize = toks
        .iter()
        .map(|t| match t.kind {
            Kind::Tag(_) => 3,
            Kind::Drop => 0,
            Kind::Text | Kind::Space { .. } | Kind::Entity(_) => t.end.saturating_sub(t.start),
        })
        .sum();
    let mut r = Renderer {
        em: Emitter::new(text, map).with_reserve(room.min(text.len())),
        removed: None,
        stray: false,
        at_line_start: true,
        space: false,
        line: None,
        cell: None,
        buf: String::new(),
    };
    for (k, tok) in toks.iter().enumerate() {
        let tok = &tok;
        let src = tok.start..tok.end;
        let ctx = tree.ctx.get(k).unwrap_or(Ctx::Root);
        let data_cell = match ctx {
            Ctx::Cell(c) => tree.cells.get(c).filter(|i| !i.container).map(|i| (c, *i)),
            _ => None,
        };
        if let Kind::Tag(tag) = tok.kind {
            if tag.structural() {
                match (tag, data_cell) {
                    (Tag::Cell { open: true }, Some((c, info))) => {
                        let plain = tree.rows.get(info.row).is_none_or(|&n| n <= 1);
                        match r.line {
                            Some(l) if l.row == info.row && !l.plain && !plain => {
                                r.buf.push_str(" | ");
                                r.at_line_start = false;
                                r.space = false;
                            }
                            _ => {
                                r.line_break();
                                r.line = Some(Line {
                                    row: info.row,
                                    plain,
                                });
                            }
                        }
                        r.cell = Some(CellState::new(c));
                    }
                    (Tag::Cell { open: false }, _) => {}
                    (Tag::Row { .. } | Tag::Section, _) => r.end_line(),
                    _ => r.line_break(),
                }
                r.stray = false;
                r.flush(src);
                continue;
            }
        }
        if let Some((c, _)) = data_cell {
            let cs = match r.cell {
                Some(cs) if cs.id == c => cs,
                _ => CellState::new(c),
            };
            r.cell = Some(render_in_cell(&mut r, text, tok, next.get(k).copied(), cs));
            continue;
        }
        let in_table = ctx == Ctx::Table;
        match tok.kind {
            Kind::Text | Kind::Entity(_) => {
                // Stray text in a table (outside any cell) gets a line of its own.
                if in_table && !r.stray {
                    r.line_break();
                } else {
                    r.end_line();
                }
                let value = match tok.kind {
                    Kind::Entity(c) => Some(c),
                    _ => None,
                };
                r.text(text, src, value);
                r.stray = in_table;
            }
            Kind::Space { newline, blank } => {
                if in_table || r.at_line_start {
                    r.delete(src);
                } else if r.line.is_some() {
                    r.end_line();
                    r.flush(src);
                } else if newline {
                    // Source line breaks are kept, as many as there are (text with a
                    // pasted table fragment keeps its lines), without the spaces
                    // around them.
                    let n = line_breaks(text.get(src.clone()).unwrap_or(""));
                    r.buf.extend(std::iter::repeat_n('\n', n));
                    r.at_line_start = true;
                    r.space = false;
                    r.flush(src);
                } else {
                    match blank {
                        // Spaces on both sides of a removed tag: the second goes.
                        Blank::Ascii if r.space => r.delete(src),
                        Blank::Entity => {
                            r.replace(src, " ");
                            r.space = true;
                        }
                        // Kept as they are: runs of spaces are column gaps to the
                        // lexer, tabs column separators, and the character stage folds
                        // other spaces.
                        Blank::Ascii | Blank::Unicode => {
                            r.flush_removed();
                            r.space = true;
                        }
                    }
                }
            }
            Kind::Tag(Tag::Break) if !in_table => {
                r.line_break();
                r.flush(src);
            }
            Kind::Tag(_) | Kind::Drop => r.delete(src),
        }
    }
    // A row left open at the end keeps its cells without the final ` |`.
    r.finish()
}

/// Write one token inside a data cell.
fn render_in_cell(
    r: &mut Renderer<'_>,
    text: &str,
    tok: &Tok,
    next: Option<Next>,
    mut cs: CellState,
) -> CellState {
    let src = tok.start..tok.end;
    match tok.kind {
        Kind::Text => {
            r.text(text, src.clone(), None);
            cs.last = text.get(src).and_then(|t| t.chars().next_back());
        }
        Kind::Entity(c) => {
            r.text(text, src, Some(c));
            cs.last = Some(c.last());
        }
        Kind::Space { newline, .. } => {
            let keep = cs.content
                && !cs.after_break
                && !cs.space
                && match next {
                    Some(Next::Text(n)) => !(newline && cs.last.is_some_and(is_wide) && is_wide(n)),
                    _ => false,
                };
            if keep {
                r.replace(src, " ");
                r.space = true;
                cs.space = true;
            } else {
                r.delete(src);
            }
            return cs;
        }
        Kind::Tag(Tag::Break) => {
            // Digits on both sides of a line break are two numbers in one cell
            // (`1<br>2`, `<p>3</p><p>5</p>`): a space keeps them apart, never `12`.
            let digits = cs.content
                && !cs.space
                && cs.last.is_some_and(|c| c.is_ascii_digit())
                && matches!(next, Some(Next::Text(n)) if n.is_ascii_digit());
            if digits {
                r.replace(src, " ");
                r.space = true;
                cs.space = true;
            } else {
                r.delete(src);
            }
            cs.after_break |= cs.content;
            return cs;
        }
        Kind::Tag(_) | Kind::Drop => {
            r.delete(src);
            return cs;
        }
    }
    cs.content = true;
    cs.after_break = false;
    cs.space = false;
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> String {
        let m = OffsetMap::identity(s.len());
        run(s, &m).map_or_else(|| s.to_string(), |(t, _, _)| t)
    }

    #[test]
    fn tokens_cover_the_text() {
        for t in [
            "",
            "<table><tr><td>规章</td><td>&nbsp;0</td></tr></table>",
            "a < b <p x='>'>c&amp;&#x4E00;\u{3000}\n</p><!-- x --><script>1<2</script>",
            "<td unclosed=\"x>y",
            "&nGt; &lt &#0; text",
        ] {
            let toks = Lexer::new(t).tokens();
            let all: Vec<Tok> = toks.iter().collect();
            assert_eq!(all.len(), toks.len());
            if let Some(first) = all.first() {
                assert_eq!(first.start, 0);
            }
            for w in all.windows(2) {
                assert!(w[0].start < w[1].start && w[0].end == w[1].start, "{t:?}");
            }
            assert_eq!(all.last().map_or(0, |l| l.end), t.len());
            assert!(all.iter().all(|k| k.start < k.end));
            assert_eq!(toks.get(all.len()).map(|k| k.start), None);
        }
    }

    #[test]
    fn detection() {
        assert!(!has_table_markup("规章 | 0 | 0 |"));
        assert!(!has_table_markup("<title>x</title><tt>a</tt> <thead"));
        assert!(has_table_markup("<TD>1"));
        assert!(has_table_markup("a <table border=1>"));
        assert!(has_table_markup("<th>"));
        assert!(!has_table_markup("<"));
        assert!(!has_table_markup("<t"));
    }

    #[test]
    fn rows_and_cells() {
        assert_eq!(
            html("<table><tr><td>规章</td><td> 1 </td><td>&nbsp;</td></tr></table>"),
            "规章 | 1 |  |\n"
        );
        assert_eq!(
            html("<tr><th>本年新<br />\n  制作数量</th><th>b</th></tr>"),
            "本年新制作数量 | b |\n"
        );
        assert_eq!(
            html("<table><tr><td colspan=5>第二十条第（一）项</td></tr></table>"),
            "第二十条第（一）项\n"
        );
    }

    #[test]
    fn flow() {
        assert_eq!(
            html("<p>一、总体情况</p>\n<p>&ldquo;a&rdquo; &amp; b</p><td>1<td>2"),
            "一、总体情况\n“a” & b\n1 | 2"
        );
    }

    #[test]
    fn pages_without_tables() {
        assert!(!is_html("规章 | 0 | 0 | a<b 与 c>d"));
        assert!(!is_html("<p>一段</p>"));
        assert!(is_html("<p>一</p><p>二</p>"));
        assert!(is_html("<!DOCTYPE html>"));
        assert!(is_html("<HTML>"));
        assert!(!is_html("<pp><paragraph><divx>"));
        assert_eq!(
            html("<html><head><title>某县2021年报告_某县人民政府</title><style>p{x}</style>\
                  <script>var a='<p>';</script></head><body><!-- nav -->\
                  <div>一、总体情况</div><p>收到申请<b>12</b>件。<br>二、主动公开</p></body></html>"),
            "一、总体情况\n收到申请12件。\n二、主动公开\n"
        );
    }

    #[test]
    fn entities_from_the_whole_table() {
        assert_eq!(
            html("<p>&le;5 &frac12; &rarr; &Aacute;&aacute; &yen;3 &NotEqualTilde; &#151; &#0;</p><p>.</p><p>.</p>"),
            "≤5 ½ → Áá ¥3 \u{2242}\u{338} — \u{FFFD}\n.\n.\n"
        );
        // Unknown names and legacy names before `=` stay as written; case matters except
        // for the common ones.
        assert_eq!(
            html("<p>&foo; a?x=1&copy=2 &YEN; &NBSP;x &copy 2021</p><br><br>"),
            "&foo; a?x=1&copy=2 &YEN;  x © 2021\n"
        );
    }

    #[test]
    fn page_titles_and_images() {
        let s = "<html><head><title>某县2022年报告 - 某县政府</title>\
                 <meta name=\"ArticleTitle\" content=\"某县2022年政府信息公开工作年度报告\">\
                 </head><body><h1 class=t>某县<span>2022</span>年&nbsp;报告</h1>\
                 <p><img src=\"/u/t2.png\" alt=x></p></body></html>";
        let m = OffsetMap::identity(s.len());
        let (_, _, page) = run(s, &m).unwrap();
        let titles: Vec<(super::super::PageTitleKind, &str)> = page
            .titles
            .iter()
            .map(|(k, t, _)| (*k, t.as_str()))
            .collect();
        use super::super::PageTitleKind as K;
        assert_eq!(
            titles,
            [
                (K::Title, "某县2022年报告 - 某县政府"),
                (K::ArticleTitle, "某县2022年政府信息公开工作年度报告"),
                (K::H1, "某县2022年 报告"),
            ]
        );
        let (_, _, r) = &page.titles[1];
        assert_eq!(&s[r.clone()], "某县2022年政府信息公开工作年度报告");
        assert_eq!(page.images.len(), 1);
        assert_eq!(page.images[0].1, "/u/t2.png");
        assert!(s[page.images[0].0.clone()].starts_with("<img src="));
    }

    #[test]
    fn malformed() {
        for s in [
            "<td",
            "<td a=\"",
            "<td a='>",
            "<td>1<",
            "</",
            "<!--",
            "<script><td>",
            "&#xFFFFFFFFF;<td>",
            "<td>&#0;&#55296;",
            "<table><td><table><td>x",
        ] {
            let _ = html(s);
        }
        assert_eq!(html("<td title=\"a>b\">1</td><td>2"), "1 | 2");
        assert_eq!(html("<td>a < b</td><td>2"), "a < b | 2");
    }
}
