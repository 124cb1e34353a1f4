//! Normalization: the first layer. Turns scraped text into the canonical form the
//! lexer and grammar read, and keeps a map from every normalized position back to the
//! caller's original text.
//!
//! (Interface stub: identity normalization. The full layer replaces the internals.)

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Which normalization steps to run. Every step is on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormalizeOptions {
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
            nfkc: true,
            fold_whitespace: true,
            to_simplified: true,
            strip_pinyin: true,
            strip_chrome: true,
        }
    }
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

/// A line recognized as page chrome and removed from the normalized text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChromeLine {
    /// What it is.
    pub kind: ChromeKind,
    /// Its normalized text.
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
}

/// Normalized text with its map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    chrome: Vec<ChromeLine>,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Original byte offset of a normalized byte offset (start of the original
    /// character that produced it).
    pub fn original_offset(&self, normalized: usize) -> usize {
        normalized
    }

    /// Original span of a normalized byte range.
    pub fn original_span(&self, range: Range<usize>) -> Span {
        Span::new(
            self.original_offset(range.start),
            self.original_offset(range.end),
        )
    }

    /// Lines recognized as page chrome, in input order.
    pub fn chrome(&self) -> &[ChromeLine] {
        &self.chrome
    }
}

/// Normalize `input`.
pub fn normalize(input: &str, _options: &NormalizeOptions) -> Normalized {
    Normalized {
        text: input.to_string(),
        chrome: Vec::new(),
    }
}
