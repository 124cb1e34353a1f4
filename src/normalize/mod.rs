//! Normalization: the first layer. Turns scraped text into the canonical form the
//! lexer and grammar read, and keeps a map from every normalized position back to the
//! caller's original text.
//!
//! [`normalize`] runs these steps in order, each of which can be turned off in
//! [`NormalizeOptions`]:
//!
//! 1. **HTML** (`html`): when the text is HTML (table markup `<table`, `<tr`, `<td`,
//!    `<th`; a page tag `<html`, `<head`, `<body`, `<!DOCTYPE`; or three or more common
//!    body tags such as `<p>`, `<div>`, `<br>`), it is read as HTML: each table row becomes one line of cells
//!    separated by ` | ` and ended by ` |` (a row of one cell becomes a plain line),
//!    `<br>` and other tags inside a cell are removed, `<p>`, `<div>`, `<br>`, headings
//!    and other block tags outside cells become line breaks, all other tags, comments
//!    and `<script>`/`<style>` contents are removed, and every HTML5 entity is decoded.
//!    The page's titles (`<title>`, `<h1>`, `<meta name="ArticleTitle">`) and images
//!    are kept aside ([`Normalized::page_titles`], [`Normalized::images`]). Every
//!    output byte maps back into the HTML (a cell's digits to the digits in its `<td>`).
//!    Other text is not touched.
//! 2. **Characters** (`nfkc`, `fold_whitespace`): Unicode NFKC, applied only to the
//!    characters that are not already NFKC (full-width `（１）：` → `(1):`, `﹝` → `〔`),
//!    except ligatures of whole words whose NFKC form is more than twice their length
//!    (U+FDFA, `㌀`), which are kept, so that normalized text never grows much;
//!    U+3000, NBSP and other Unicode spaces → one ASCII space each (runs are kept: the
//!    lexer reads runs of two or more spaces as column gaps); `\r\n`, `\r`, form feed,
//!    vertical tab, U+2028/U+2029 → `\n`; zero-width characters (U+200B–U+200D, U+2060,
//!    U+FEFF) removed; literal `&nbsp;`-style entities → space. Tabs are kept.
//! 3. **Pinyin glosses** (`strip_pinyin`): `鄉(xiāng)` → `鄉`, `公(gong)開(kai)` → `公開`;
//!    see the rules below.
//! 4. **Traditional → simplified** (`to_simplified`): OpenCC `t2s` (mainland
//!    simplified, not Taiwan phrases), applied to the runs of ideographs that contain a
//!    traditional character; texts without one skip it after one scan.
//! 5. **Lines** (`fold_whitespace`, `strip_chrome`): trailing spaces and tabs trimmed
//!    (a tab-separated row keeps its trailing tabs, which end empty fields);
//!    page-chrome lines (breadcrumbs, page metadata, page tools, pagers, page numbers
//!    between PDF pages) taken out of the text and kept in [`Normalized::chrome`].
//!
//! # Backends and system dependency
//!
//! The default converter is OpenCC's `t2s` compiled into the crate: tables generated
//! from the dictionaries of OpenCC 1.4.2 (Apache-2.0), the same longest-match
//! conversion, output identical to that release's `opencc -c t2s.json`, nothing built
//! or loaded at run time. With the cargo feature `opencc`, the system OpenCC library is
//! used instead (through `opencc-rust`, configuration `t2s.json`; its output is that of
//! the installed release, whose dictionaries may differ); building with that feature
//! needs OpenCC 1.1.x with its headers, `pkg-config` file and dictionaries installed
//! (Debian/Ubuntu: `apt-get install libopencc-dev opencc`). [`Normalized::converter`]
//! names the converter that was used.
//!
//! # Pinyin glosses
//!
//! Only a parenthesized valid Mandarin syllable (ASCII or full-width parentheses,
//! lower case, tone marks optional, `v` for `ü`) directly after a CJK ideograph (or
//! after another such gloss) is removed, and only in texts that are evidently glossed:
//! at least one gloss with a tone mark, or at least two toneless glosses of two or more
//! letters. `(一)`, `(2021)`, `(单位:万元)`, `(xxx@126.com)`, `(Beijing)`, `(PDF)` are
//! never touched, nor are `面积(ha)` or `项目(a)` in ordinary text.
//!
//! # Positions
//!
//! Every byte of the normalized text maps back to the original input:
//! [`Normalized::original_offset`] gives the start of the original character(s) that
//! produced a normalized character, and [`Normalized::original_span`] maps a normalized
//! range to the original range that produced it, ending at the end of the original
//! source of its last character (a character's removed pinyin gloss belongs to that
//! character). The map stores a checkpoint only where lengths change, so unchanged text
//! costs one entry, and each checkpoint takes a few bytes (3 to 5, relative to the one
//! before); lookups are a binary search over every 16th checkpoint, then a short scan,
//! except that a lookup first tries the checkpoint where the previous lookup into the
//! same map on the same thread ended, and the few after it (positions are mostly
//! looked up in text order).
//!
//! # Guarantees
//!
//! [`normalize`] never panics and runs in time linear in the input (up to the
//! logarithmic offset-map lookups).

mod chars;
pub(crate) mod chrome;
pub(crate) mod convert;
mod decode;
mod html;
mod offsets;
pub(crate) mod pinyin;

use convert::{default_converter, Converter};
pub use decode::{decode, Decoded, InvalidSequence, DETECT_BYTES, META_PRESCAN, UTF8_PER_ERROR};
pub(crate) use decode::{decode_text, DecodedText};

use crate::span::Span;
use offsets::OffsetMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;

/// Which normalization steps to run. Every step is on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// Read HTML (table markup, a page tag, or three or more common body tags) as a
    /// browser shows it: table rows become ` | `-separated lines, block tags line
    /// breaks, other tags are removed, entities decoded. Other text is left alone
    /// either way.
    #[serde(default = "default_true")]
    pub html: bool,
    /// Unicode NFKC (full-width forms to half-width, compatibility characters).
    pub nfkc: bool,
    /// Exotic spaces to ASCII space, CR/CRLF to LF, zero-width characters removed,
    /// trailing spaces trimmed. Runs of spaces are kept (column gaps in PDF text).
    pub fold_whitespace: bool,
    /// Traditional to mainland simplified characters (OpenCC `t2s`).
    pub to_simplified: bool,
    /// Remove pinyin glosses such as `鄉(xiāng)`.
    pub strip_pinyin: bool,
    /// Recognize web-page chrome lines outside the report and take them out of the text.
    pub strip_chrome: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            html: true,
            nfkc: true,
            fold_whitespace: true,
            to_simplified: true,
            strip_pinyin: true,
            strip_chrome: true,
        }
    }
}

impl NormalizeOptions {
    /// Every step off: the text is only mapped (a starting point for turning on
    /// single steps).
    ///
    /// ```
    /// use zfxxgk::normalize::{normalize, NormalizeOptions};
    /// let only_nfkc = NormalizeOptions::none().with_nfkc(true);
    /// assert_eq!(normalize("（１）鄉", &only_nfkc).text(), "(1)鄉");
    /// ```
    pub fn none() -> Self {
        NormalizeOptions {
            html: false,
            nfkc: false,
            fold_whitespace: false,
            to_simplified: false,
            strip_pinyin: false,
            strip_chrome: false,
        }
    }

    /// With [`html`](Self::html) set.
    pub fn with_html(mut self, on: bool) -> Self {
        self.html = on;
        self
    }

    /// With [`nfkc`](Self::nfkc) set.
    pub fn with_nfkc(mut self, on: bool) -> Self {
        self.nfkc = on;
        self
    }

    /// With [`fold_whitespace`](Self::fold_whitespace) set.
    pub fn with_fold_whitespace(mut self, on: bool) -> Self {
        self.fold_whitespace = on;
        self
    }

    /// With [`to_simplified`](Self::to_simplified) set.
    pub fn with_to_simplified(mut self, on: bool) -> Self {
        self.to_simplified = on;
        self
    }

    /// With [`strip_pinyin`](Self::strip_pinyin) set.
    pub fn with_strip_pinyin(mut self, on: bool) -> Self {
        self.strip_pinyin = on;
        self
    }

    /// With [`strip_chrome`](Self::strip_chrome) set.
    pub fn with_strip_chrome(mut self, on: bool) -> Self {
        self.strip_chrome = on;
        self
    }
}

fn default_true() -> bool {
    true
}

/// What kind of page chrome a removed line was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ChromeKind {
    /// Breadcrumbs and navigation (`当前位置:首页 > …`, `返回首页`).
    Navigation,
    /// Page metadata (`发布日期:… 浏览次数:…`, `来源:…`, `索引号 | … | 文号`).
    PageMeta,
    /// Page tools (`字号:大 中 小`, `【打印】【关闭】`, `扫一扫在手机打开当前页`, `分享到`).
    Tools,
    /// Pagination and page furniture (`上一页 [1] [2]`, `-1-`, `— 2 —`, `返回顶部`).
    Pager,
    /// Anything else recognized as outside the report.
    Other,
}

/// A line recognized as page chrome and removed from the normalized text. Equality
/// leaves the span out.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChromeLine {
    /// What it is.
    pub kind: ChromeKind,
    /// Its normalized text.
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
}

impl PartialEq for ChromeLine {
    fn eq(&self, other: &Self) -> bool {
        // The span is left out on purpose.
        self.kind == other.kind && self.text == other.text
    }
}

/// Where a page states its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum PageTitleKind {
    /// The `<title>` element (the browser tab's; often with the site name appended).
    Title,
    /// `<meta name="ArticleTitle" content="…">` (the article title of the portal's
    /// content system).
    ArticleTitle,
    /// An `<h1>` element.
    H1,
}

/// A title the page states for itself (not from its navigation).
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageTitle {
    /// Where it was stated.
    pub kind: PageTitleKind,
    /// Its text: entities decoded, tags removed, whitespace folded.
    pub text: String,
    /// Where it is in the original input (the element's content, the attribute's value).
    pub span: Span,
}

/// An `<img>` tag of a page.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageImage {
    /// Its `src` attribute (empty when it has none).
    pub src: String,
    /// The tag in the original input.
    pub span: Span,
}

impl PartialEq for PageTitle {
    fn eq(&self, other: &Self) -> bool {
        // The span is left out on purpose, as for every container of spans.
        self.kind == other.kind && self.text == other.text
    }
}

impl PartialEq for PageImage {
    fn eq(&self, other: &Self) -> bool {
        // The span is left out on purpose.
        self.src == other.src
    }
}

/// Normalized text with its map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
    chrome: Vec<ChromeLine>,
    converted: bool,
    converter: Option<String>,
    conversion_unavailable: bool,
    glosses_removed: usize,
    html: bool,
    titles: Vec<PageTitle>,
    images: Vec<PageImage>,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Original byte offset of a normalized byte offset: the start of the original
    /// character(s) that produced the normalized character at `normalized`. An offset
    /// inside a character is taken as that character's start; `text().len()` (or more)
    /// maps to the end of the input.
    pub fn original_offset(&self, normalized: usize) -> usize {
        let n = floor_boundary(&self.text, normalized);
        self.map.start_of(n)
    }

    /// [`original_offset`](Self::original_offset), and where (normalized) the stretch of
    /// text copied unchanged from the original that holds `normalized` ends, if it is in
    /// one: up to there, offsets map one for one.
    pub(crate) fn original_offset_run(&self, normalized: usize) -> (usize, Option<usize>) {
        let n = floor_boundary(&self.text, normalized);
        let (o, run) = self.map.start_of_run(n);
        (o, run.filter(|_| n == normalized))
    }

    /// Original span of a normalized byte range: from the start of the original source
    /// of its first character to the end of the original source of its last one. An
    /// empty range maps to an empty span at [`Normalized::original_offset`] of its start.
    pub fn original_span(&self, range: Range<usize>) -> Span {
        let start = floor_boundary(&self.text, range.start);
        let end = ceil_boundary(&self.text, range.end);
        let o = self.map.start_of(start);
        if end <= start {
            return Span::new(o, o);
        }
        Span::new(o, self.map.end_of(end))
    }

    /// Lines recognized as page chrome, in input order.
    pub fn chrome(&self) -> &[ChromeLine] {
        &self.chrome
    }

    /// Whether traditional → simplified conversion changed the text.
    pub fn converted(&self) -> bool {
        self.converted
    }

    /// Name of the converter that changed the text, if conversion changed it.
    pub fn converter(&self) -> Option<&str> {
        self.converter.as_deref()
    }

    /// Whether conversion was asked for but could not be done (no converter could be
    /// built, or the converter failed); the text is then left unconverted.
    pub fn conversion_unavailable(&self) -> bool {
        self.conversion_unavailable
    }

    /// How many pinyin glosses were removed.
    pub fn glosses_removed(&self) -> usize {
        self.glosses_removed
    }

    /// Whether the input was read as HTML (the `html` step ran).
    pub fn html(&self) -> bool {
        self.html
    }

    /// The page's own titles (`<title>`, `<meta name="ArticleTitle">`, `<h1>`), in
    /// input order, when the input was read as HTML.
    pub fn page_titles(&self) -> &[PageTitle] {
        &self.titles
    }

    /// The page's images (`<img>` tags), in input order, when the input was read as
    /// HTML: tables published as pictures are found among them.
    pub fn images(&self) -> &[PageImage] {
        &self.images
    }

    /// Length of the original input in bytes.
    pub fn original_len(&self) -> usize {
        self.map.orig_len()
    }

    /// Number of checkpoints in the offset map (1 for text normalization left alone).
    pub fn map_checkpoints(&self) -> usize {
        self.map.segments()
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether `c` is a CJK ideograph (the characters pinyin glosses follow and the
/// converter converts).
pub(crate) fn is_cjk_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}'
    )
}

/// Normalize `input` (traditional characters converted with the default converter:
/// pure Rust, or the system OpenCC library with the `opencc` feature).
///
/// ```
/// use zfxxgk::normalize::{normalize, NormalizeOptions, ChromeKind};
///
/// let page = "当前位置:首页 > 信息公开\r\n五原縣和勝鄉(xiāng)2021年政府信息公開工作年度報(bào)告\r\n收到申請（１２）件\u{3000}\r\n";
/// let n = normalize(page, &NormalizeOptions::default());
/// assert_eq!(n.text(), "五原县和胜乡2021年政府信息公开工作年度报告\n收到申请(12)件\n");
/// assert_eq!(n.chrome()[0].kind, ChromeKind::Navigation);
///
/// // Every normalized position maps back to the original text.
/// let at = n.text().find("12").unwrap();
/// let span = n.original_span(at..at + 2);
/// assert_eq!(span.slice(page), Some("１２"));
/// let at = n.text().find("乡").unwrap();
/// assert_eq!(n.original_span(at..at + "乡".len()).slice(page), Some("鄉(xiāng)"));
/// ```
pub fn normalize(input: &str, options: &NormalizeOptions) -> Normalized {
    let conv = if options.to_simplified {
        default_converter()
    } else {
        None
    };
    run(input, options, conv)
}

/// Normalize `input`, converting traditional characters with `converter`.
///
/// Which runs of text are converted is decided by the detection set of the
/// default converter; `converter` does the conversion.
pub(crate) fn normalize_with(
    input: &str,
    options: &NormalizeOptions,
    converter: &dyn Converter,
) -> Normalized {
    run(input, options, Some(converter))
}

fn run(input: &str, options: &NormalizeOptions, conv: Option<&dyn Converter>) -> Normalized {
    let mut text: Cow<'_, str> = Cow::Borrowed(input);
    let mut map = OffsetMap::identity(input.len());
    let mut out = Normalized {
        text: String::new(),
        map: OffsetMap::identity(0),
        chrome: Vec::new(),
        converted: false,
        converter: None,
        conversion_unavailable: false,
        glosses_removed: 0,
        html: false,
        titles: Vec::new(),
        images: Vec::new(),
    };

    if options.html {
        if let Some((t, m, page)) = html::run(&text, &map) {
            text = Cow::Owned(t);
            map = m;
            out.html = true;
            out.titles = page
                .titles
                .into_iter()
                .map(|(kind, text, r)| PageTitle {
                    kind,
                    text,
                    span: Span::new(r.start, r.end),
                })
                .collect();
            out.images = page
                .images
                .into_iter()
                .map(|(r, src)| PageImage {
                    src,
                    span: Span::new(r.start, r.end),
                })
                .collect();
        }
    }
    if let Some((t, m)) = chars::run(&text, &map, options.nfkc, options.fold_whitespace) {
        text = Cow::Owned(t);
        map = m;
    }
    if options.strip_pinyin {
        if let Some((t, m, n)) = pinyin::run(&text, &map) {
            text = Cow::Owned(t);
            map = m;
            out.glosses_removed = n;
        }
    }
    if options.to_simplified {
        match conv {
            Some(c) => match convert::run(&text, &map, c) {
                convert::Outcome::Converted(t, m) => {
                    text = Cow::Owned(t);
                    map = m;
                    out.converted = true;
                    out.converter = Some(c.name().to_string());
                }
                convert::Outcome::Unchanged => {}
                convert::Outcome::Failed => out.conversion_unavailable = true,
            },
            None => out.conversion_unavailable = true,
        }
    }
    if options.fold_whitespace || options.strip_chrome {
        if let Some((t, m)) = chrome::run(
            &text,
            &map,
            options.fold_whitespace,
            options.strip_chrome,
            &mut out.chrome,
        ) {
            text = Cow::Owned(t);
            map = m;
        }
    }
    out.text = text.into_owned();
    out.map = map;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Normalized {
        normalize(s, &NormalizeOptions::default())
    }

    #[test]
    fn identity_is_cheap() {
        let s = "一、总体情况\n2020年,全县主动公开政府信息1554条。";
        let r = n(s);
        assert_eq!(r.text(), s);
        assert_eq!(r.map_checkpoints(), 1);
        assert!(!r.converted());
        assert_eq!(r.original_offset(3), 3);
        assert_eq!(r.original_offset(s.len()), s.len());
    }

    #[test]
    fn empty_and_tiny_inputs() {
        for s in ["", "\n", "\r", " ", "(", "（", "\u{200B}", "-1-", "a"] {
            let r = n(s);
            let _ = r.original_span(0..r.text().len());
            let _ = r.original_offset(100);
        }
        assert_eq!(n("").text(), "");
        assert_eq!(n("\u{200B}").text(), "");
    }

    #[test]
    fn options_turn_steps_off() {
        let s = "當前位置:首頁\r\n鄉(xiāng)（１）\u{3000} \r\n";
        let none = NormalizeOptions {
            html: false,
            nfkc: false,
            fold_whitespace: false,
            to_simplified: false,
            strip_pinyin: false,
            strip_chrome: false,
        };
        assert_eq!(normalize(s, &none).text(), s);
        let only_pinyin = NormalizeOptions {
            strip_pinyin: true,
            ..none.clone()
        };
        assert_eq!(
            normalize(s, &only_pinyin).text(),
            "當前位置:首頁\r\n鄉（１）\u{3000} \r\n"
        );
        let only_ws = NormalizeOptions {
            fold_whitespace: true,
            ..none
        };
        assert_eq!(
            normalize(s, &only_ws).text(),
            "當前位置:首頁\n鄉(xiāng)（１）\n"
        );
    }

    #[test]
    fn spaces_are_not_collapsed() {
        assert_eq!(n("规章  |\u{3000}\u{3000}0  \t\r\n").text(), "规章  |  0\n");
        // A tab-separated row keeps the tab that ends its empty last field.
        assert_eq!(n("a\tb\t \n").text(), "a\tb\t\n");
        assert_eq!(n("a b \t\n").text(), "a b\n");
    }
}
