//! The grammar layer: sections, metadata, edition, and the statistical tables.
//!
//! [`parse_report`] runs the layers in order: [`normalize`](crate::normalize) →
//! [`lex`](crate::lex) → this grammar → the typed [`model`](crate::model).
//!
//! The statistical tables are read in steps: each table's tokens become events
//! ([`events`]: caption, header, labelled row, bare value, stray text); one fold per
//! table ([`fold`]) reads its rows from them, and, once the edition is decided (the
//! labels read vote for it), fits them to the edition's grid, which the edition's
//! facts describe as data ([`facts`], defined in [`ed2019`] and [`ed2021`]). What the
//! folds share is in [`tables`]; space-aligned cells are placed by [`positions`];
//! tables the reader leaves unread are tried by the recoveries ([`recover`]).
//! Pre-2019 prose is read by [`legacy`].

pub mod ed2019;
pub mod ed2021;
pub mod events;
pub mod facts;
pub mod fold;
pub mod legacy;
pub mod meta;
pub mod positions;
pub mod recover;
pub mod sections;
pub mod tables;

use crate::catalogue::{Edition, T2Block, T2Row, TableId, Topic, TEMPLATE_SECTIONS};
use crate::error::ParseError;
use crate::lex::lex_table;
use crate::model::report::BodyOrigins;
use crate::model::report::{
    InputFormat, Located, Metadata, Report, Section, Source, SourceLines, Tables, Warning,
    WarningKind,
};
use crate::normalize::{
    decode_text, normalize, ChromeKind, DecodedText, NormalizeOptions, Normalized,
};
use crate::span::Span;
use facts::Votes;
use sections::SectionSlice;
use std::ops::Range;
use tables::Sink;

/// The default limit on input size: 16 MiB (the largest reports seen are tens of
/// kilobytes; raise it with [`ParseOptions::max_input_bytes`] for concatenations).
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Options of [`parse_report_with`].
///
/// ```
/// use zfxxgk::normalize::NormalizeOptions;
/// use zfxxgk::{parse_report_with, ParseError, ParseOptions};
///
/// let text = "一、总体情况\n本機關收到申請46件。\n";
/// // Keep traditional characters as they are.
/// let options = ParseOptions::default()
///     .with_normalize(NormalizeOptions::default().with_to_simplified(false));
/// let report = parse_report_with(text, &options).unwrap();
/// assert!(report.sections[0].body.contains("本機關"));
/// // Refuse inputs over a size.
/// let small = ParseOptions::default().with_max_input_bytes(8);
/// assert!(matches!(
///     parse_report_with(text, &small),
///     Err(ParseError::TooLarge { limit: 8, .. })
/// ));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Normalization steps.
    pub normalize: NormalizeOptions,
    /// Inputs larger than this are refused with [`ParseError::TooLarge`].
    pub max_input_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            normalize: NormalizeOptions::default(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl ParseOptions {
    /// With these normalization steps.
    pub fn with_normalize(mut self, normalize: NormalizeOptions) -> Self {
        self.normalize = normalize;
        self
    }

    /// With this input limit (bytes).
    pub fn with_max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }
}

/// Parse the text of an annual report with default options.
///
/// ```
/// let text = "一、总体情况\n2020年，本机关收到申请1件。\n\
/// 四、政府信息公开行政复议、行政诉讼情况\n\
/// 行政复议 | 行政诉讼 |\n\
/// 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |\n";
/// let report = zfxxgk::parse_report(text).unwrap();
/// let appeals = report.tables.appeals.as_ref().unwrap();
/// assert_eq!(appeals.litigation_after_review.total.as_ref().and_then(|c| c.integer()), Some(1));
/// ```
pub fn parse_report(input: &str) -> Result<Report, ParseError> {
    parse_report_with(input, &ParseOptions::default())
}

/// Parse the text of an annual report.
pub fn parse_report_with(input: &str, options: &ParseOptions) -> Result<Report, ParseError> {
    if input.len() > options.max_input_bytes {
        return Err(ParseError::TooLarge {
            size: input.len(),
            limit: options.max_input_bytes,
        });
    }
    parse_text(input, options, "UTF-8")
}

fn parse_text(
    input: &str,
    options: &ParseOptions,
    encoding: &'static str,
) -> Result<Report, ParseError> {
    if input.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let norm = normalize(input, &options.normalize);
    let mut report = parse_normalized(input, &norm, &options.normalize)?;
    let format = if norm.html() {
        InputFormat::Html
    } else {
        InputFormat::Text
    };
    report.source = Source::new(encoding, format, 0);
    Ok(report)
}

/// Parse a report from its bytes as saved (a text file or a web page in any of the
/// encodings Chinese portals use) with default options.
///
/// The encoding is decided as [`decode`](crate::normalize::decode) describes (byte
/// order mark, UTF-16, UTF-8, the page's `<meta charset>`, detection) and recorded in
/// [`Report::source`](crate::Report::source); invalid byte sequences are read as U+FFFD,
/// with a [`WarningKind::InvalidBytes`] warning for each line that has some, and the rest
/// of the report is read. Spans are byte offsets into the decoded text (see
/// [`Source`](crate::Source) for reaching the original bytes).
///
/// ```
/// // A GBK file whose second line holds a byte no encoding can read here.
/// let mut bytes = vec![
///     0xC4, 0xB3, 0xCF, 0xD8, b'2', b'0', b'2', b'1', 0xC4, 0xEA, // 某县2021年
///     0xB6, 0xC8, 0xB1, 0xA8, 0xB8, 0xE6, b'\n', // 度报告
///     0xFF, b'\n', // an invalid byte on line 2
///     0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC, 0xCC, 0xE5, 0xC7, 0xE9, 0xBF, 0xF6, b'\n', // 一、总体情况
/// ];
/// let report = zfxxgk::parse_bytes(&bytes).unwrap();
/// assert_eq!(report.source.encoding, "GBK");
/// assert_eq!(report.source.decode_errors, 1);
/// let w = report.warnings.iter().find(|w| matches!(w.kind, zfxxgk::WarningKind::InvalidBytes { .. })).unwrap();
/// assert_eq!(report.line_of(w.span.start), 2);
/// assert_eq!(report.sections[0].heading, "一、总体情况");
///
/// let pdf = zfxxgk::parse_bytes(b"%PDF-1.7\n");
/// assert!(pdf.unwrap_err().to_string().contains("pdftotext -layout"));
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, ParseError> {
    parse_bytes_with(bytes, &ParseOptions::default())
}

/// Parse a report from its bytes as saved; see [`parse_bytes`].
///
/// [`ParseOptions::max_input_bytes`] applies to the bytes (before decoding).
pub fn parse_bytes_with(bytes: &[u8], options: &ParseOptions) -> Result<Report, ParseError> {
    if bytes.len() > options.max_input_bytes {
        return Err(ParseError::TooLarge {
            size: bytes.len(),
            limit: options.max_input_bytes,
        });
    }
    let decoded = decode_text(bytes)?;
    let mut report = parse_text(decoded.text(), options, decoded.encoding())?;
    report.source.decode_errors = decoded.invalid().len();
    decoding_warnings(&decoded, &mut report);
    Ok(report)
}

/// Most warnings about invalid bytes: one per line, the last one counting all the
/// remaining lines.
const MAX_DECODING_WARNINGS: usize = 50;

/// One [`WarningKind::InvalidBytes`] warning per line with invalid byte sequences.
fn decoding_warnings(decoded: &DecodedText<'_>, report: &mut Report) {
    let invalid = decoded.invalid();
    if invalid.is_empty() {
        return;
    }
    let mut new = Vec::new();
    let mut lines = 0usize;
    let mut i = 0;
    while let Some(first) = invalid.get(i) {
        let line = report.line_of(first.decoded);
        let same = invalid
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|s| report.line_of(s.decoded) == line)
            .count()
            .max(1);
        lines += 1;
        let bytes: usize = invalid
            .get(i..i + same)
            .unwrap_or(&[])
            .iter()
            .map(|s| s.len)
            .sum();
        let span = Span::new(first.decoded, first.decoded + '\u{FFFD}'.len_utf8());
        let kind = WarningKind::InvalidBytes {
            encoding: decoded.encoding().to_string(),
            line,
            lines: 1,
            sequences: same,
            bytes,
            offset: first.original,
        };
        if lines < MAX_DECODING_WARNINGS {
            new.push(Warning::new(kind, span));
        } else if lines == MAX_DECODING_WARNINGS {
            // The last warning counts every remaining line.
            let rest = invalid.get(i..).unwrap_or(&[]);
            let mut distinct = 0;
            let mut prev = 0;
            for s in rest {
                let l = report.line_of(s.decoded);
                distinct += usize::from(l != prev);
                prev = l;
            }
            new.push(Warning::new(
                WarningKind::InvalidBytes {
                    encoding: decoded.encoding().to_string(),
                    line,
                    lines: distinct,
                    sequences: rest.len(),
                    bytes: rest.iter().map(|s| s.len).sum(),
                    offset: first.original,
                },
                span,
            ));
            break;
        }
        i += same;
    }
    report.warnings.extend(new);
    report.warnings.sort_by_key(|w| w.span.start);
}

fn parse_normalized(
    input: &str,
    norm: &Normalized,
    options: &NormalizeOptions,
) -> Result<Report, ParseError> {
    let text = norm.text();
    let mut sink = Sink::new(norm);
    let slices = with_midline_sections(text, sections::split_sections(text));
    // Captions are looked for only where a table's section is missing or not named
    // by its template heading.
    let captions = std::cell::OnceCell::new();
    let captions = || {
        captions
            .get_or_init(|| recover::headings::table_captions(text))
            .as_slice()
    };

    let r2 = table_region(text, &slices, &captions, TableId::T2);
    let r3 = table_region(text, &slices, &captions, TableId::T3);
    let r4 = table_region(text, &slices, &captions, TableId::T4);
    let t2_tokens = r2.clone().map(|r| lex_table(text, r)).unwrap_or_default();
    let t3_tokens = r3.clone().map(|r| lex_table(text, r)).unwrap_or_default();
    let t3_tokens = events::split_inline_groups(t3_tokens);
    let t4_tokens = r4.clone().map(|r| lex_table(text, r)).unwrap_or_default();
    // Tokens → events → each table's fold (its rows as read, before the edition is
    // known: the labels read vote for it).
    let raw2 = fold::t2::read(events::t2_events(&t2_tokens), &mut sink);
    let raw3 = fold::t3::read(&t3_tokens, events::t3_events(&t3_tokens), &mut sink);
    let raw4 = fold::t4::read(events::t4_events(&t4_tokens));

    let metadata = metadata(input, text, norm, options, &slices, &mut sink);
    let any_table = raw2.found || raw3.found || raw4.found;
    if slices.is_empty()
        && !any_table
        && metadata.title.is_none()
        && legacy::sections(text, Vec::new()).is_empty()
    {
        return Err(ParseError::NotAReport {
            reason: "no section heading, statistical table or report title found".into(),
        });
    }

    let votes = raw2.votes.plus(raw3.votes);
    let year = metadata.year.as_ref().map(|y| y.value);
    let edition = decide_edition(votes, any_table, year, &slices, &mut sink);

    let mut tables = Tables::default();
    let mut legacy = None;
    match facts::of(edition) {
        None => legacy = Some(legacy::figures_and_sections(text, &slices, &mut sink)),
        Some(facts) => {
            // Each table's rows fitted to the edition's grid.
            if raw2.found {
                tables.active_disclosure = fold::t2::grid(&raw2, facts, &mut sink);
            }
            if raw3.found {
                let table = tables.requests.insert(Default::default());
                fold::t3::grid(&raw3, facts, table, &mut sink);
            }
            if raw4.found {
                tables.appeals = Some(fold::t4::grid(&raw4, facts, &mut sink));
            }
            // The tables' tokens are not needed past their grids.
            drop((raw2, raw3, raw4));
            drop((t2_tokens, t3_tokens, t4_tokens));
            let reported = recover_tables(text, [&r2, &r3, &r4], edition, &mut tables, &mut sink);
            // Rows whose values nothing pinned are in `sink.unplaced` here: the
            // recoveries place what the template's arithmetic pins
            // (`Placement::Arithmetic`); the rest is reported, not guessed.
            tables::report_unplaced(&mut sink);
            if let Some(t) = &tables.active_disclosure {
                let at = r2.as_ref().map_or(0, |r| r.start);
                let before = sink.warnings.len();
                fold::t2::missing_rows(t, facts, at, &mut sink);
                // Rows printed glued and reported as not placed are not missing.
                let missing = sink.warnings.split_off(before);
                sink.warnings.extend(missing.into_iter().filter(|w| {
                    !matches!(&w.kind, WarningKind::MissingRow { block: Some(blk), row, .. }
                        if reported.iter().any(|(b, r)| b.key() == blk && r.key(edition) == row))
                }));
            }
            if let Some(t) = &tables.requests {
                let at = r3.as_ref().map_or(0, |r| r.start);
                fold::t3::missing_rows(t, facts, at, &mut sink);
            }
            for (id, found, region) in [
                (TableId::T2, tables.active_disclosure.is_some(), &r2),
                (TableId::T3, tables.requests.is_some(), &r3),
                (TableId::T4, tables.appeals.is_some(), &r4),
            ] {
                if !found {
                    let at = region
                        .clone()
                        .or_else(|| heading_of(&slices, id.topic()))
                        .unwrap_or(0..0);
                    // From the end of the section's heading (the line break after it
                    // maps onto the tags that follow, pictures included) to the end of
                    // the region.
                    let image = region.as_ref().and_then(|r| {
                        let from = heading_of(&slices, id.topic())
                            .map_or(norm.original_offset(r.start), |h| norm.original_span(h).end);
                        let within = from..norm.original_offset(r.end);
                        norm.images()
                            .iter()
                            .find(|im| within.contains(&im.span.start))
                    });
                    if let Some(im) = image {
                        sink.warnings.push(Warning::new(
                            WarningKind::TableImage {
                                table: id,
                                src: im.src.clone(),
                            },
                            im.span,
                        ));
                    }
                    sink.warn(
                        WarningKind::MissingTable {
                            table: id,
                            image: image.map(|im| im.src.clone()),
                        },
                        at.start..at.start,
                    );
                }
            }
        }
    }

    let (legacy, slices) = match legacy {
        Some((figures, secs)) => (Some(figures), secs),
        None => (None, slices),
    };
    let sections = model_sections(text, norm, &slices, edition);
    let origins = body_origins(text, norm, &slices);
    if edition != Edition::Legacy {
        missing_sections(&slices, text.len(), &mut sink);
    }
    let mut warnings: Vec<Warning> = sink.warnings;
    warnings.sort_by_key(|w| w.span.start);
    Ok(Report {
        edition,
        metadata,
        sections,
        tables,
        legacy,
        warnings,
        source: Source::default(),
        lines: SourceLines::new(input),
        origins,
    })
}

/// Sections whose prose the validator compares with the tables.
fn prose_checked(topic: Option<Topic>) -> bool {
    topic == Some(Topic::Overview)
}

/// For the prose sections, where each character of the body came from (see
/// [`BodyOrigins`]); the body is the trimmed text of `body_range`, as in
/// [`model_sections`].
fn body_origins(text: &str, norm: &Normalized, slices: &[SectionSlice]) -> BodyOrigins {
    let mut out = Vec::new();
    for (i, s) in slices.iter().enumerate() {
        if !prose_checked(s.topic) {
            continue;
        }
        let body_text = text.get(s.body_range.clone()).unwrap_or("");
        let lead = body_text.len() - body_text.trim_start().len();
        let start = s.body_range.start + lead;
        let body = body_text.trim();
        let mut points: Vec<(usize, usize)> = Vec::new();
        // Every character start and the body's end, mapped; a point is kept where the
        // map stops going one for one. Within a stretch the map copies unchanged,
        // the characters after the first go one for one and are stepped over.
        let mut b = 0;
        loop {
            let (o, run) = norm.original_offset_run(start + b);
            let linear = points.last().is_some_and(|&(pb, po)| po + (b - pb) == o);
            if !linear {
                points.push((b, o));
            }
            if b >= body.len() {
                break;
            }
            let next = body
                .get(b..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            b += next;
            if let Some(end) = run {
                // Up to the run's end (a character start, or the body's end).
                let mut to = end.saturating_sub(start).min(body.len());
                while to > b && !body.is_char_boundary(to) {
                    to -= 1;
                }
                b = b.max(to);
            }
        }
        out.push((i, points));
    }
    BodyOrigins(out)
}

fn heading_of(slices: &[SectionSlice], topic: Topic) -> Option<Range<usize>> {
    slices
        .iter()
        .find(|s| s.topic == Some(topic))
        .map(|s| s.heading_range.clone())
}

/// Text that marks where a table starts when its section heading is missing.
fn anchors(id: TableId) -> &'static [&'static str] {
    match id {
        TableId::T2 => &["第二十条第"],
        TableId::T3 => &["本列数据的勾稽关系", "本年新收政府信息公开申请数量"],
        TableId::T4 => &["结果维持"],
    }
}

/// Sections of a page printed on few lines: when the line splitter finds fewer than
/// three of the template's sections, the template headings found mid-line replace
/// them if there are more of those.
fn with_midline_sections(text: &str, slices: Vec<SectionSlice>) -> Vec<SectionSlice> {
    let on_lines = slices
        .iter()
        .filter(|s| s.topic.is_some_and(|t| TEMPLATE_SECTIONS.contains(&t)))
        .count();
    if on_lines >= 3 {
        return slices;
    }
    let mid = recover::headings::midline_sections(text);
    if mid.len() >= 3 && mid.len() > on_lines {
        mid
    } else {
        slices
    }
}

/// Tables the reader left empty, tried by the recoveries: glued rows (tables 二, 三,
/// 四) and table 四 as one bare row of fifteen numbers. A table 三 whose rows are
/// glued replaces what the reader made of it (the reader's warnings about it go too).
fn recover_tables(
    text: &str,
    regions: [&Option<Range<usize>>; 3],
    edition: Edition,
    tables: &mut Tables,
    sink: &mut Sink<'_>,
) -> Vec<(T2Block, T2Row)> {
    let mut reported = Vec::new();
    let [r2, r3, r4] = regions;
    let empty2 = tables
        .active_disclosure
        .as_ref()
        .is_none_or(|t| t.cells().next().is_none());
    if let (true, Some(r)) = (empty2, r2) {
        if let Some((t, rows)) = recover::glued_tables::table2(text, r.clone(), edition, sink) {
            tables.active_disclosure = Some(t);
            reported = rows;
        }
    }
    if let Some(r) = r3 {
        let before = sink.warnings.len();
        // Glued rows are tried only where the reader read less than half the table
        // (a space-aligned table with many blank cells also prints few pieces a row,
        // and the reader places those by their column positions).
        let read = tables.requests.as_ref().map_or(0, |t| t.cells().count());
        let half = recover::arith::t3_rows(edition).len() * 7 / 2;
        let glued = if read < half {
            recover::glued_tables::table3(text, r.clone(), edition, sink)
        } else {
            None
        };
        if let Some(t) = glued {
            let mine = sink.warnings.split_off(before);
            sink.warnings.retain(|w| w.table() != Some(TableId::T3));
            sink.warnings.extend(mine);
            tables.requests = Some(t);
        } else if may_be_reading_order(text, r.clone()) {
            if let Some(t) = recover::glued_tables::table3_reading_order(
                text,
                r.clone(),
                edition,
                tables.requests.as_ref(),
                sink,
            ) {
                tables.requests = Some(t);
            }
        }
        recover::glued_tables::table3_orphans(text, r.clone(), edition, &mut tables.requests, sink);
    }
    let empty4 = tables
        .appeals
        .as_ref()
        .is_none_or(|t| t.cells().next().is_none());
    if let Some(r) = r4 {
        let read = tables.appeals.as_ref();
        if let Some(t) = recover::glued_tables::table4_reading_order(text, r.clone(), read, sink)
            .or_else(|| empty4.then(|| recover::glued_tables::table4(text, r.clone(), sink))?)
        {
            tables.appeals = Some(t);
        }
    }
    reported
}

/// Whether `text[range]` may hold table 三 in reading order: a run of more than seven
/// lines of digits alone with nothing between them but blank lines and page footers.
/// A quick test that never misses a text the rebuild
/// ([`recover::reading_order::rebuild`]) reads (its numbers and footers are lines of
/// this kind), so that the rebuild runs only where it can apply.
fn may_be_reading_order(text: &str, range: Range<usize>) -> bool {
    let Some(region) = text.get(range) else {
        return false;
    };
    let mut run = 0usize;
    for line in region.split('\n') {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.bytes().all(|b| b.is_ascii_digit()) {
            run += 1;
            if run > 7 {
                return true;
            }
        } else if !t
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '—' | '–'))
        {
            run = 0;
        }
    }
    false
}

/// The part of the text that holds a table: its section's body (or the body under
/// a caption naming the table's template section, when numbering restarts and the
/// section of that number is something else), or (when the heading is missing) from
/// the table's first anchor to the next heading.
fn table_region<'c>(
    text: &str,
    slices: &[SectionSlice],
    captions: &dyn Fn() -> &'c [recover::headings::Caption],
    id: TableId,
) -> Option<Range<usize>> {
    let section = slices.iter().find(|s| s.topic == Some(id.topic()));
    let exact = |s: &SectionSlice| {
        id.topic()
            .template_heading()
            .is_some_and(|(_, h)| s.heading.contains(h))
    };
    if section.is_none_or(|s| !exact(s)) {
        if let Some(c) = captions().iter().find(|c| c.table == id) {
            if section.is_none_or(|s| s.heading_range.start < c.heading_range.start) {
                return Some(c.body_range.clone());
            }
        }
    }
    if let Some(s) = section {
        return Some(s.body_range.clone());
    }
    let pos = anchors(id).iter().filter_map(|a| text.find(a)).min()?;
    let line_start = text
        .get(..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |p| p + 1);
    // For table 四 the header line with 行政复议 comes just before 结果维持.
    let start = if id == TableId::T4 {
        text.get(..line_start)
            .and_then(|s| s.trim_end().rfind('\n'))
            .map_or(line_start, |p| p + 1)
    } else {
        line_start
    };
    let end = slices
        .iter()
        .map(|s| s.heading_range.start)
        .find(|&h| h > pos)
        .unwrap_or(text.len());
    Some(start..end)
}

/// The report's edition: the one the tables' labels vote for (the older one on a
/// tie, with a warning when both get votes), else the one of its year, else the
/// newest when the report has the template's tables or headings (with a warning that
/// it was assumed), else a pre-2019 report. The editions, their vote labels and their
/// first years are data ([`facts::EDITIONS`]).
fn decide_edition(
    votes: Votes,
    any_table: bool,
    year: Option<u16>,
    slices: &[SectionSlice],
    sink: &mut Sink<'_>,
) -> Edition {
    if let Some(winner) = votes.winner() {
        if votes.mixed() {
            sink.warn(
                WarningKind::MixedEdition {
                    e2019: votes.of(Edition::E2019),
                    e2021: votes.of(Edition::E2021),
                },
                0..0,
            );
        }
        return winner;
    }
    let template_headings = slices
        .iter()
        .filter(|s| {
            let h = s.heading.as_str();
            h.contains("收到和处理政府信息公开申请") || h.contains("总体情况")
        })
        .count();
    let templated = any_table || template_headings > 0;
    let edition = match year {
        Some(y) => match facts::by_year(y) {
            Some(e) => e,
            // Before the first edition: read in the oldest when it has the template's
            // tables or headings.
            None if templated => facts::oldest(),
            None => Edition::Legacy,
        },
        None if templated => facts::newest(),
        None => Edition::Legacy,
    };
    if edition != Edition::Legacy {
        sink.warn(WarningKind::EditionAssumed { edition }, 0..0);
    }
    edition
}

fn model_sections(
    text: &str,
    norm: &Normalized,
    slices: &[SectionSlice],
    edition: Edition,
) -> Vec<Section> {
    slices
        .iter()
        .map(|s| {
            let body_text = text.get(s.body_range.clone()).unwrap_or("");
            let trimmed = body_text.trim_end();
            let end = s.body_range.start + trimmed.len();
            Section {
                number: s.number,
                heading: s.heading.clone(),
                topic: s.topic,
                canonical_heading: match edition {
                    Edition::Legacy => None,
                    _ => s
                        .topic
                        .and_then(|t| t.template_heading())
                        .map(|(n, h)| format!("{}、{h}", numeral(n))),
                },
                body: trimmed.trim_start().to_string(),
                span: norm.original_span(s.heading_range.start..end.max(s.heading_range.end)),
                heading_span: norm.original_span(s.heading_range.clone()),
            }
        })
        .collect()
}

fn numeral(n: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

fn missing_sections(slices: &[SectionSlice], text_len: usize, sink: &mut Sink<'_>) {
    for (i, topic) in TEMPLATE_SECTIONS.iter().enumerate() {
        if slices.iter().any(|s| s.topic == Some(*topic)) {
            continue;
        }
        // Where it should have been: before the next section that is present.
        let at = TEMPLATE_SECTIONS
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .find_map(|t| slices.iter().find(|s| s.topic == Some(*t)))
            .map_or(text_len, |s| s.heading_range.start);
        sink.warn(WarningKind::MissingSection { topic: *topic }, at..at);
    }
}

fn located<T>(norm: &Normalized, value: T, range: Range<usize>) -> Located<T> {
    Located {
        value,
        span: norm.original_span(range),
    }
}

/// A title the report gives itself, from the page or the text.
struct TitleCandidate {
    /// Where: `ArticleTitle`, `<h1>`, `the title line`, `<title>`.
    from: &'static str,
    /// Lower is preferred.
    rank: u8,
    title: String,
    /// The title in the original input.
    span: Span,
    /// For a title line of the text: its normalized range and, when on one line, the
    /// normalized offset its text starts at (sub-ranges of the title are relative to it).
    in_text: Option<(Range<usize>, Option<usize>)>,
}

impl TitleCandidate {
    /// The original span of `r`, a byte range of `self.title`.
    fn sub_span(&self, input: &str, norm: &Normalized, r: Range<usize>) -> Span {
        match &self.in_text {
            Some((range, base)) => {
                let nr = base.map_or(range.clone(), |b| b + r.start..b + r.end);
                norm.original_span(nr)
            }
            None => {
                let part = self.title.get(r).unwrap_or("");
                input
                    .get(self.span.range())
                    .and_then(|s| s.find(part))
                    .filter(|_| !part.is_empty())
                    .map_or(self.span, |p| {
                        Span::new(self.span.start + p, self.span.start + p + part.len())
                    })
            }
        }
    }
}

/// The report's own titles: `<meta name="ArticleTitle">`, `<h1>`, the title line of the
/// text (navigation, breadcrumbs and previous/next links skipped) and `<title>` (its
/// site name cut off), most trusted first.
fn title_candidates(
    input: &str,
    text: &str,
    norm: &Normalized,
    options: &NormalizeOptions,
    first_heading: usize,
) -> Vec<TitleCandidate> {
    use crate::normalize::PageTitleKind;
    let mut out = Vec::new();
    // Page titles get the character steps the text got (full-width forms, traditional
    // characters), so that they read like titles found in the text.
    let chars_only = NormalizeOptions {
        html: false,
        strip_chrome: false,
        ..options.clone()
    };
    for pt in norm.page_titles() {
        let text = normalize(&pt.text, &chars_only);
        let pt = crate::normalize::PageTitle {
            text: text.text().trim().to_string(),
            ..pt.clone()
        };
        let (from, rank, title, span) = match pt.kind {
            PageTitleKind::ArticleTitle | PageTitleKind::H1 => {
                if !meta::is_title(&pt.text) || meta::is_navigation(&pt.text) {
                    continue;
                }
                let (from, rank) = if pt.kind == PageTitleKind::H1 {
                    ("<h1>", 1)
                } else {
                    ("ArticleTitle", 0)
                };
                (from, rank, pt.text.clone(), pt.span)
            }
            PageTitleKind::Title => {
                let Some(t) = meta::title_of_page_title(&pt.text) else {
                    continue;
                };
                let span = input
                    .get(pt.span.range())
                    .and_then(|s| s.find(t))
                    .map_or(pt.span, |p| {
                        Span::new(pt.span.start + p, pt.span.start + p + t.len())
                    });
                ("<title>", 3, t.to_string(), span)
            }
        };
        out.push(TitleCandidate {
            from,
            rank,
            title,
            span,
            in_text: None,
        });
    }
    // Title: one of the first lines before the first section, maybe split over two.
    let lines: Vec<(usize, &str)> = line_offsets(text.get(..first_heading).unwrap_or(""))
        .into_iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(15)
        .collect();
    for (i, (off, line)) in lines.iter().enumerate() {
        let t = line
            .trim()
            .trim_start_matches('#')
            .trim_end_matches(['|', ' '])
            .trim();
        if meta::is_navigation(t) {
            continue;
        }
        let lead = line.find(t).unwrap_or(0);
        let mut found = None;
        if meta::is_title(t) {
            found = Some((
                t.to_string(),
                off + lead..off + lead + t.len(),
                Some(off + lead),
            ));
        } else if let Some((noff, next)) = lines.get(i + 1) {
            let joined = format!("{}{}", t, next.trim());
            if meta::is_title(&joined) && t.chars().count() >= 2 && !meta::is_navigation(next) {
                found = Some((joined, off + lead..noff + next.trim_end().len(), None));
            }
        }
        if let Some((title, range, base)) = found {
            out.push(TitleCandidate {
                from: "the title line",
                rank: 2,
                title,
                span: norm.original_span(range.clone()),
                in_text: Some((range, base)),
            });
            break;
        }
    }
    out.sort_by_key(|c| c.rank);
    out
}

fn metadata(
    input: &str,
    text: &str,
    norm: &Normalized,
    options: &NormalizeOptions,
    slices: &[SectionSlice],
    sink: &mut Sink<'_>,
) -> Metadata {
    let mut m = Metadata::default();
    let first_heading = slices.first().map_or(text.len(), |s| s.heading_range.start);
    let lines: Vec<(usize, &str)> = line_offsets(text.get(..first_heading).unwrap_or(""))
        .into_iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(15)
        .collect();
    let cands = title_candidates(input, text, norm, options, first_heading);
    if let Some(best) = cands.first() {
        let compact: String = best.title.chars().filter(|c| *c != ' ').collect();
        let (agency, year) = meta::agency_and_year_of_title(&best.title);
        if let Some((a, r)) = agency {
            m.agency = Some(Located {
                value: a,
                span: best.sub_span(input, norm, r),
            });
        }
        m.title = Some(Located {
            value: compact,
            span: best.span,
        });
        // The year of the most trusted title that states one.
        let mut with_year = cands
            .iter()
            .filter_map(|c| meta::find_year(&c.title).map(|(y, r)| (c, y, r)));
        let chosen = match year {
            Some((y, r)) => Some((best, y, r)),
            None => with_year.next(),
        };
        if let Some((c, y, r)) = chosen {
            m.year = Some(Located {
                value: y,
                span: c.sub_span(input, norm, r),
            });
            if let Some((other, oy, _)) = cands
                .iter()
                .filter_map(|o| meta::find_year(&o.title).map(|(oy, r)| (o, oy, r)))
                .find(|(_, oy, _)| *oy != y)
            {
                sink.warnings.push(Warning::new(
                    WarningKind::TitleYear {
                        year: y,
                        from: c.from.to_string(),
                        title: c.title.clone(),
                        other_year: oy,
                        other_from: other.from.to_string(),
                        other_title: other.title.clone(),
                    },
                    other.span,
                ));
            }
        }
    }
    // The opening sentence of the report (preamble or overview).
    let opening = slices
        .iter()
        .find(|s| s.topic == Some(Topic::Overview))
        .map(|s| s.body_range.start)
        .into_iter()
        .chain(lines.iter().map(|(o, _)| *o))
        .filter_map(|start| {
            let rest = text.get(start..)?;
            let line = rest.lines().find(|l| !l.trim().is_empty())?;
            let lead = line.as_ptr() as usize - rest.as_ptr() as usize;
            Some((start + lead, line))
        });
    for (off, line) in opening {
        if m.agency.is_none() {
            if let Some((a, r)) = meta::agency_of_opening(line) {
                m.agency = Some(located(norm, a, off + r.start..off + r.end));
            }
        }
        if m.year.is_none() {
            if let Some((y, r)) = meta::find_year(line.get(..line.len().min(24)).unwrap_or(line)) {
                m.year = Some(located(norm, y, off + r.start..off + r.end));
            }
        }
    }
    // The date (and signature) at the end.
    let tail = last_lines(text, 10);
    let tail = tail.as_slice();
    for (i, (off, line)) in tail.iter().enumerate() {
        let t = line.trim();
        if t.chars().count() <= 24 {
            if let Some((d, r)) = meta::find_date(t) {
                let lead = line.find(t).unwrap_or(0);
                m.date = Some(located(norm, d, off + lead + r.start..off + lead + r.end));
                if m.agency.is_none() && i > 0 {
                    if let Some((soff, sline)) = tail.get(i - 1) {
                        if let Some(a) = meta::signature(sline) {
                            let st = sline.trim();
                            let slead = sline.find(st).unwrap_or(0);
                            m.agency =
                                Some(located(norm, a, soff + slead..soff + slead + st.len()));
                        }
                    }
                }
            }
        }
    }
    // The page's publication date.
    for c in norm.chrome() {
        if c.kind == ChromeKind::PageMeta && m.published.is_none() {
            if let Some((d, r)) = meta::find_date(&c.text) {
                let _ = r;
                m.published = Some(Located {
                    value: d,
                    span: c.span,
                });
            }
        }
    }
    m
}

/// The last `n` non-blank lines of `text` with their offsets, in order.
fn last_lines(text: &str, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(n);
    let mut end = text.len();
    while out.len() < n && end > 0 {
        let body = text.get(..end).unwrap_or("");
        let start = body
            .trim_end_matches(['\n', '\r'])
            .rfind('\n')
            .map_or(0, |p| p + 1);
        let line = text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r']);
        if !line.trim().is_empty() {
            out.push((start, line));
        }
        if start == 0 {
            break;
        }
        end = start;
    }
    out.reverse();
    out
}

fn line_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut off = 0;
    for l in text.split_inclusive('\n') {
        out.push((off, l.trim_end_matches(['\n', '\r'])));
        off += l.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body's origins as points, one lookup per character (what `body_origins`
    /// computes while stepping over unchanged stretches).
    fn origins_one_by_one(text: &str, norm: &Normalized, slices: &[SectionSlice]) -> BodyOrigins {
        let mut out = Vec::new();
        for (i, s) in slices.iter().enumerate() {
            if !prose_checked(s.topic) {
                continue;
            }
            let body_text = text.get(s.body_range.clone()).unwrap_or("");
            let start = s.body_range.start + body_text.len() - body_text.trim_start().len();
            let body = body_text.trim();
            let mut points: Vec<(usize, usize)> = Vec::new();
            let offsets = body.char_indices().map(|(b, _)| b);
            for b in offsets.chain(std::iter::once(body.len())) {
                let o = norm.original_offset(start + b);
                if points.last().is_none_or(|&(pb, po)| po + (b - pb) != o) {
                    points.push((b, o));
                }
            }
            out.push((i, points));
        }
        BodyOrigins(out)
    }

    #[test]
    fn body_origins_step_over_unchanged_text() {
        let overview = [
            "2020年，本机关收到申请46件。",
            "２０２０年，本機關收到申請４６件，　全部辦結。",
            "本鄉(xiāng)收到申請１２件\r\n其中\u{3000}依申請公开3件。",
            "<p>收到&nbsp;申请<b>5</b>件</p>",
            "",
        ];
        let mut breaks = 0;
        for body in overview {
            let text = format!("某县2020年政府信息公开工作年度报告\n一、总体情况\n{body}\n二、主动公开政府信息情况\n无\n");
            let norm = normalize(&text, &NormalizeOptions::default());
            let t = norm.text();
            let slices = with_midline_sections(t, sections::split_sections(t));
            let got = body_origins(t, &norm, &slices);
            let want = origins_one_by_one(t, &norm, &slices);
            assert_eq!(got.0, want.0, "{body:?}");
            assert!(!got.0.is_empty(), "{body:?}");
            breaks += got.0.iter().map(|(_, p)| p.len() - 1).sum::<usize>();
        }
        // Full-width forms, conversion, glosses and tags: the map is not one for one.
        assert!(breaks >= 10, "{breaks}");
    }

    #[test]
    fn reading_order_is_tried_only_where_it_can_apply() {
        let yes = |t: &str| may_be_reading_order(t, 0..t.len());
        // Eight numbers one per line, across blank lines and a page footer.
        let eight = "1\n2\n\n3\n-3-\n4\n5\n6\n7\n8\n";
        assert!(yes(eight));
        // Seven, or eight broken by a label or a lone `|`: not reading order.
        assert!(!yes("1\n2\n3\n4\n5\n6\n7\n"));
        assert!(!yes("1\n2\n3\n4\n(一)予以公开\n5\n6\n7\n8\n"));
        assert!(!yes("1\n|\n2\n|\n3\n|\n4\n|\n5\n|\n6\n|\n7\n|\n8\n|\n9\n"));
        // The test never misses a text the rebuild reads.
        for t in [
            eight,
            "1\n2\n3\n4\n5\n6\n7\n",
            "01\n2\n3\n4\n5\n6\n7\n8\n",
            "— 2 —\n1\n2\n3\n4\n5\n6\n7\n8\n",
            "1\n|\n2\n",
        ] {
            let rebuilt = recover::reading_order::rebuild(t, 0..t.len(), Edition::E2021);
            assert!(yes(t) || rebuilt.is_none(), "{t:?}");
        }
        assert!(recover::reading_order::rebuild(eight, 0..eight.len(), Edition::E2021).is_some());
    }
}
