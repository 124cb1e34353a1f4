//! The parsed report.

use crate::catalogue::{Edition, TableId, Topic};
use crate::model::legacy::LegacyFigures;
use crate::model::lines::LineStarts;
use crate::model::tables::{ActiveDisclosure, Appeals, Requests};
pub use crate::model::warning::{Warning, WarningKind};
use crate::span::{Location, Span};
use serde::{Deserialize, Serialize};

/// A calendar date as printed (`2021年1月12日`, `2019/12/14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A metadata value with the place it was read from. Equality and hashing compare the
/// value only.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub span: Span,
}

impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        // The span is left out on purpose.
        self.value == other.value
    }
}

impl<T: Eq> Eq for Located<T> {}

impl<T: std::hash::Hash> std::hash::Hash for Located<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

/// What the report says about itself. Each field is `None` unless the text states it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metadata {
    /// The report's title (`新乡市2018年政府信息公开工作年度报告`).
    pub title: Option<Located<String>>,
    /// The reporting agency (机关).
    pub agency: Option<Located<String>>,
    /// The year the report covers.
    pub year: Option<Located<u16>>,
    /// The date printed at the end of the report.
    pub date: Option<Located<Date>>,
    /// The web page's publication date (`发布日期`), when the page chrome has one.
    pub published: Option<Located<Date>>,
}

/// One numbered section of the report. Equality leaves the spans out.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section {
    /// The number printed before the heading (`三、` → 3), if any.
    pub number: Option<u8>,
    /// The heading as written (normalized text).
    pub heading: String,
    /// The canonical topic, when the heading names a known one.
    pub topic: Option<Topic>,
    /// The template's official heading for the topic (2019/2021 editions).
    pub canonical_heading: Option<String>,
    /// The section's text after the heading line (normalized).
    pub body: String,
    /// The whole section, heading included, in the original input.
    pub span: Span,
    /// The heading line in the original input.
    pub heading_span: Span,
}

impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        // The spans are left out on purpose.
        let Section {
            number,
            heading,
            topic,
            canonical_heading,
            body,
            span: _,
            heading_span: _,
        } = self;
        *number == other.number
            && *heading == other.heading
            && *topic == other.topic
            && *canonical_heading == other.canonical_heading
            && *body == other.body
    }
}

/// The statistical tables of a 2019/2021-edition report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tables {
    /// Table 二, 主动公开政府信息情况.
    pub active_disclosure: Option<ActiveDisclosure>,
    /// Table 三, 收到和处理政府信息公开申请情况.
    pub requests: Option<Requests>,
    /// Table 四, 政府信息公开行政复议、行政诉讼情况.
    pub appeals: Option<Appeals>,
}

impl Tables {
    /// Every cell of the three tables with its table, in template order: handy for
    /// checks over all cells (spans, units, unreadable text).
    pub fn iter_cells(&self) -> impl Iterator<Item = (TableId, &crate::model::cell::Cell)> + '_ {
        let t2 = self
            .active_disclosure
            .iter()
            .flat_map(|t| t.cells().map(|(_, _, _, c)| (TableId::T2, c)));
        let t3 = self
            .requests
            .iter()
            .flat_map(|t| t.cells().map(|(_, _, c)| (TableId::T3, c)));
        let t4 = self
            .appeals
            .iter()
            .flat_map(|t| t.cells().map(|(_, _, c)| (TableId::T4, c)));
        t2.chain(t3).chain(t4)
    }
}

/// The format the input was read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text (copied from a page, extracted from a PDF).
    #[default]
    Text,
    /// An HTML page or fragment, read as a browser displays it.
    Html,
}

/// What the input of a report was: the encoding its bytes were decoded from and the
/// format it was read in.
///
/// Spans of the report are byte offsets into the decoded text (for
/// [`parse_report`](crate::parse_report), the text given); to reach the original bytes,
/// decode them again with [`decode`](crate::normalize::decode) and map offsets with
/// [`Decoded::original_offset`](crate::normalize::Decoded::original_offset).
///
/// ```
/// // A report saved as UTF-16LE with a byte order mark.
/// let text = "某县2021年政府信息公开工作年度报告\n一、总体情况\n";
/// let mut bytes = vec![0xFF, 0xFE];
/// bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
/// let report = zfxxgk::parse_bytes(&bytes).unwrap();
/// assert_eq!(report.source.encoding, "UTF-16LE");
/// assert_eq!(report.source.format, zfxxgk::InputFormat::Text);
/// assert_eq!(report.source.decode_errors, 0);
/// assert_eq!(report.metadata.year.map(|y| y.value), Some(2021));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Source {
    /// The WHATWG name of the encoding the input was decoded from: `"UTF-8"`, `"GBK"`,
    /// `"gb18030"`, `"UTF-16LE"`, `"UTF-16BE"`, `"Big5"`, …
    pub encoding: &'static str,
    /// Text or HTML.
    pub format: InputFormat,
    /// Invalid byte sequences read as U+FFFD (each line with some has a
    /// [`WarningKind::InvalidBytes`] warning).
    pub decode_errors: usize,
}

impl Default for Source {
    fn default() -> Self {
        Source {
            encoding: "UTF-8",
            format: InputFormat::Text,
            decode_errors: 0,
        }
    }
}

impl Source {
    pub(crate) fn new(encoding: &'static str, format: InputFormat, decode_errors: usize) -> Self {
        Source {
            encoding,
            format,
            decode_errors,
        }
    }
}

/// [`Source`] as read back: the encoding's name owned, then matched to its static name.
#[derive(Deserialize)]
struct SourceRepr {
    encoding: String,
    format: InputFormat,
    decode_errors: usize,
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = SourceRepr::deserialize(d)?;
        Ok(Source {
            encoding: encoding_rs::Encoding::for_label(r.encoding.as_bytes())
                .map_or("UTF-8", |e| e.name()),
            format: r.format,
            decode_errors: r.decode_errors,
        })
    }
}

/// Line starts of the original input, so that spans can be reported as lines and
/// columns without keeping the text (an eighth of the input's size; see
/// [`LineStarts`]). Never part of equality.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceLines(pub(crate) LineStarts);

impl SourceLines {
    /// The line starts of `input`.
    pub(crate) fn new(input: &str) -> Self {
        SourceLines(LineStarts::new(input))
    }
}

/// Written as the byte offsets where lines start (`[0, 19, 40, …]`), so that a report
/// read back from JSON still turns spans into lines.
impl Serialize for SourceLines {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.starts())
    }
}

impl<'de> Deserialize<'de> for SourceLines {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let starts = Vec::<usize>::deserialize(d)?;
        LineStarts::from_list(starts)
            .map(SourceLines)
            .ok_or_else(|| serde::de::Error::custom("line starts must begin at 0 and increase"))
    }
}

/// Where the characters of a section's [`Section::body`] came from in the original
/// input, for the sections whose prose the validator reads: checkpoints
/// `(body offset, original offset)` where the correspondence stops being one to one.
/// Never part of equality or serialization (a report read back from JSON has none:
/// its prose findings then have no label on the prose).
#[derive(Debug, Clone, Default)]
pub(crate) struct BodyOrigins(pub(crate) Vec<(usize, Vec<(usize, usize)>)>);

impl BodyOrigins {
    /// The original offset of byte `at` of the body of section `section`.
    pub(crate) fn original(&self, section: usize, at: usize) -> Option<usize> {
        let (_, points) = self.0.iter().find(|(i, _)| *i == section)?;
        let i = points.partition_point(|(b, _)| *b <= at).checked_sub(1)?;
        let (b, o) = points.get(i)?;
        Some(o + (at - b))
    }
}

/// A parsed annual report.
///
/// Equality compares the content (spans and line starts left out). Serialized, a
/// report also carries `line_starts`, the byte offsets where the input's lines start,
/// so that [`Report::line_of`] and the tidy records' `line` survive a round trip.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Which template the report follows.
    pub edition: Edition,
    /// Title, agency, year and dates.
    pub metadata: Metadata,
    /// The numbered sections, in input order.
    pub sections: Vec<Section>,
    /// The statistical tables (2019/2021 editions).
    pub tables: Tables,
    /// Figures stated in the prose of a pre-2019 report.
    pub legacy: Option<LegacyFigures>,
    /// Everything the parser had to tolerate.
    pub warnings: Vec<Warning>,
    /// What the input was: its encoding and format.
    #[serde(default)]
    pub source: Source,
    /// Line starts of the original input.
    #[serde(default, rename = "line_starts")]
    pub(crate) lines: SourceLines,
    #[serde(skip)]
    pub(crate) origins: BodyOrigins,
}

impl Eq for Report {}

impl PartialEq for Report {
    fn eq(&self, other: &Self) -> bool {
        // Line starts are left out on purpose, like spans; so is the source: the same
        // report read from UTF-8 text and from GBK bytes compares equal.
        let Report {
            edition,
            metadata,
            sections,
            tables,
            legacy,
            warnings,
            source: _,
            lines: _,
            origins: _,
        } = self;
        *edition == other.edition
            && *metadata == other.metadata
            && *sections == other.sections
            && *tables == other.tables
            && *legacy == other.legacy
            && *warnings == other.warnings
    }
}

impl Report {
    /// 1-based line of a byte offset of the original input.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.0.line(offset)
    }

    /// Line and column of a span's start in `source`, the text the report was parsed from.
    pub fn location(&self, source: &str, span: Span) -> Location {
        self.lines.0.location(source, span.start)
    }

    /// Where byte range `range` of the body of `self.sections[section]` is in the
    /// original input (for sections whose prose the validator reads).
    pub(crate) fn body_span(&self, section: usize, range: std::ops::Range<usize>) -> Option<Span> {
        let start = self.origins.original(section, range.start)?;
        let end = self.origins.original(section, range.end)?;
        Some(Span::new(start, end.max(start)))
    }

    /// The section with a topic, if present.
    pub fn section(&self, topic: Topic) -> Option<&Section> {
        self.sections.iter().find(|s| s.topic == Some(topic))
    }
}
