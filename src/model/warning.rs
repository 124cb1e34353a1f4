//! What the parser had to tolerate, as structured facts.
//!
//! Each [`WarningKind`] carries the facts of its case as fields (the table, block, row
//! and column as catalogue keys, counts found and expected, the values that were not
//! used with their spans, the text quoted). The message is only a rendering of those
//! facts ([`Display`](std::fmt::Display)); programs, the validator included, read the
//! fields.

use crate::catalogue::{Edition, TableId, Topic};
use crate::model::cell::Decimal;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A value of the input that was not used, with where it stands.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnusedValue {
    /// The text as read (normalized).
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
}

impl UnusedValue {
    /// A value and its place.
    pub fn new(text: impl Into<String>, span: Span) -> Self {
        UnusedValue {
            text: text.into(),
            span,
        }
    }
}

/// Spans are left out: two warnings about the same text compare equal wherever it
/// stands.
impl PartialEq for UnusedValue {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl std::hash::Hash for UnusedValue {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// A value that nothing pinned to a cell, with the cells it could stand in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NotPlacedValue {
    /// The value as read.
    pub value: UnusedValue,
    /// The column keys it could stand in (printed order kept), in template order.
    pub candidates: Vec<String>,
}

/// A figure stated in the prose of a pre-2019 report, by its tidy row key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatedFigure {
    /// The figure's row key (`结果/同意公开`).
    pub row: String,
    /// The value stated.
    pub value: Decimal,
}

/// What the parser had to tolerate, with the facts of the case.
///
/// Keys (`table`, `block`, `row`, `column`) are those of [`crate::catalogue`] and of
/// the tidy records; `block` is set for table 二 only. New kinds may be added in minor
/// releases.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A table the template requires was not found (absent, or published as an image).
    MissingTable {
        /// The table.
        table: TableId,
        /// The `src` of the image the table's section shows where the table should be
        /// (a table published as a picture; see [`WarningKind::TableImage`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image: Option<String>,
    },
    /// A template section was not found. The warning's span is where it should have
    /// been: before the next template section that is present (or at the end).
    MissingSection {
        /// The section's topic.
        topic: Topic,
    },
    /// A row label the template (or the report's edition) does not have; its values
    /// were not used.
    UnknownRow {
        /// The table.
        table: TableId,
        /// The label as printed.
        label: String,
        /// Set when the label is a row of the other edition: the report's edition,
        /// whose table lacks it.
        edition: Option<Edition>,
        /// The values printed after the label (at most the cells a row keeps).
        unused: Vec<UnusedValue>,
    },
    /// A template row the table does not print: it yields no cells (never zeros). The
    /// warning's span is where the row should have been: the end of the preceding row
    /// that was read, or the start of the next one, or the table's start.
    MissingRow {
        /// The table.
        table: TableId,
        /// Table 二's block.
        block: Option<String>,
        /// The row key.
        row: String,
    },
    /// A row with fewer cells than its columns and no value among them (a row that
    /// has values but lost a cell is [`WarningKind::NotPlaced`]: never filled in
    /// template order).
    MissingCell {
        /// The table.
        table: TableId,
        /// Table 二's block.
        block: Option<String>,
        /// The row key; `None` when the table is read as one run of values (四).
        row: Option<String>,
        /// Cells found.
        found: usize,
        /// Cells the template has.
        expected: usize,
    },
    /// A row with more cells than its columns; the extra cells were not used.
    ExtraCell {
        /// The table.
        table: TableId,
        /// Table 二's block.
        block: Option<String>,
        /// The row key; `None` when the table is read as one run of values (四).
        row: Option<String>,
        /// Cells found (those past the most a row keeps are counted only).
        found: usize,
        /// Cells the template has.
        expected: usize,
        /// The extra values kept for the record (those past the most a row keeps
        /// are only counted in `found`).
        unused: Vec<UnusedValue>,
    },
    /// Values outside any row (in a header, between rows); they were not used.
    StrayValue {
        /// The table.
        table: TableId,
        /// Whether they stood in the table's header (else between rows).
        in_header: bool,
        /// The values.
        unused: Vec<UnusedValue>,
    },
    /// Values whose place in the table cannot be told (a table flattened out of the
    /// template's order); they were not used.
    Misaligned {
        /// The table.
        table: TableId,
        /// The row whose label they followed; `None` for table 四 read as a whole.
        row: Option<String>,
        /// How many values.
        values: usize,
    },
    /// A cell whose text is not a number.
    UnreadableCell {
        /// The table.
        table: TableId,
        /// Table 二's block.
        block: Option<String>,
        /// The row key.
        row: String,
        /// The column key.
        column: String,
        /// The cell text.
        text: String,
    },
    /// A row that lost a cell: fewer fields than columns, so that nothing pins which
    /// cell each value stands in. Its values were not used (never filled in template
    /// order); each is kept with its candidate cells.
    NotPlaced {
        /// The table.
        table: TableId,
        /// Table 二's block.
        block: Option<String>,
        /// The row key; `None` when the table is read as one run of values (四).
        row: Option<String>,
        /// Fields found (empty ones included).
        found: usize,
        /// Cells the template has.
        expected: usize,
        /// The row's values with their candidate cells.
        values: Vec<NotPlacedValue>,
        /// The label of a row printed just before with no value of its own, when the
        /// values stand apart from this row's label: they could be that row's too.
        or_row: Option<String>,
    },
    /// A header cut short (`本年新`) or unreadable; columns were taken in template
    /// order.
    TruncatedHeader {
        /// The table.
        table: TableId,
        /// Table 二's block.
        block: Option<String>,
        /// The header cells as printed.
        header: Vec<String>,
    },
    /// Labels of both editions were found; the majority decided.
    MixedEdition {
        /// Labels only the 2019 edition has.
        e2019: u32,
        /// Labels only the 2021 edition has.
        e2021: u32,
    },
    /// No table label tells the edition; it was assumed from the year and headings.
    EditionAssumed {
        /// The edition assumed.
        edition: Edition,
    },
    /// A label matched only approximately (typo, dropped characters).
    FuzzyLabel {
        /// The table.
        table: TableId,
        /// The label as printed.
        label: String,
        /// The row key it was read as.
        read_as: String,
    },
    /// A row printed twice; the first was kept.
    DuplicateRow {
        /// The table.
        table: TableId,
        /// The label as printed the second time.
        label: String,
    },
    /// Figures stated in a pre-2019 report's prose that do not add up to the total
    /// stated with them.
    FiguresDisagree {
        /// The figure group (`依申请公开`, `行政复议`, …).
        group: String,
        /// The total as stated.
        total: StatedFigure,
        /// The parts as stated.
        parts: Vec<StatedFigure>,
        /// What the parts add up to.
        sum: Decimal,
    },
    /// A statistical table published as a picture: an `<img>` where the table should be.
    /// The span is the `<img>` tag.
    TableImage {
        /// The table.
        table: TableId,
        /// The image's `src`.
        src: String,
    },
    /// The report's own titles (`ArticleTitle`, `<h1>`, the title line of the text,
    /// `<title>`) state different years; the most trusted one is taken. The span is the
    /// other title.
    TitleYear {
        /// The year taken.
        year: u16,
        /// Where it was stated (`ArticleTitle`, `<h1>`, `the title line`, `<title>`).
        from: String,
        /// The title it was taken from.
        title: String,
        /// The other year.
        other_year: u16,
        /// Where the other year was stated.
        other_from: String,
        /// The title that states it.
        other_title: String,
    },
    /// Bytes not valid in the input's encoding, read as U+FFFD (one warning per line
    /// that has some; see [`Source::decode_errors`](crate::Source::decode_errors)). The
    /// span is the first U+FFFD of the line in the decoded text.
    InvalidBytes {
        /// The encoding the input was decoded from (WHATWG name).
        encoding: String,
        /// The 1-based line of the decoded text.
        line: usize,
        /// How many lines this warning covers: 1, except for the last warning of a
        /// text with very many such lines, which counts all the remaining ones.
        lines: usize,
        /// Invalid sequences (each read as one U+FFFD).
        sequences: usize,
        /// Bytes in them.
        bytes: usize,
        /// Byte offset of the first one in the input (before decoding).
        offset: usize,
    },
}

impl WarningKind {
    /// The table concerned, if any.
    pub fn table(&self) -> Option<TableId> {
        match self {
            WarningKind::MissingTable { table, .. }
            | WarningKind::TableImage { table, .. }
            | WarningKind::UnknownRow { table, .. }
            | WarningKind::MissingRow { table, .. }
            | WarningKind::MissingCell { table, .. }
            | WarningKind::ExtraCell { table, .. }
            | WarningKind::StrayValue { table, .. }
            | WarningKind::Misaligned { table, .. }
            | WarningKind::UnreadableCell { table, .. }
            | WarningKind::NotPlaced { table, .. }
            | WarningKind::TruncatedHeader { table, .. }
            | WarningKind::FuzzyLabel { table, .. }
            | WarningKind::DuplicateRow { table, .. } => Some(*table),
            WarningKind::MissingSection { .. }
            | WarningKind::MixedEdition { .. }
            | WarningKind::EditionAssumed { .. }
            | WarningKind::FiguresDisagree { .. }
            | WarningKind::TitleYear { .. }
            | WarningKind::InvalidBytes { .. } => None,
        }
    }

    /// The snake_case name of the kind, as in JSON (`missing_row`).
    pub fn name(&self) -> &'static str {
        match self {
            WarningKind::MissingTable { .. } => "missing_table",
            WarningKind::MissingSection { .. } => "missing_section",
            WarningKind::UnknownRow { .. } => "unknown_row",
            WarningKind::MissingRow { .. } => "missing_row",
            WarningKind::MissingCell { .. } => "missing_cell",
            WarningKind::ExtraCell { .. } => "extra_cell",
            WarningKind::StrayValue { .. } => "stray_value",
            WarningKind::Misaligned { .. } => "misaligned",
            WarningKind::UnreadableCell { .. } => "unreadable_cell",
            WarningKind::NotPlaced { .. } => "not_placed",
            WarningKind::TruncatedHeader { .. } => "truncated_header",
            WarningKind::MixedEdition { .. } => "mixed_edition",
            WarningKind::EditionAssumed { .. } => "edition_assumed",
            WarningKind::FuzzyLabel { .. } => "fuzzy_label",
            WarningKind::DuplicateRow { .. } => "duplicate_row",
            WarningKind::FiguresDisagree { .. } => "figures_disagree",
            WarningKind::TableImage { .. } => "table_image",
            WarningKind::TitleYear { .. } => "title_year",
            WarningKind::InvalidBytes { .. } => "invalid_bytes",
        }
    }
}

/// Most values a message quotes; the rest are counted.
const SHOWN: usize = 20;

/// `v1 v2 … (n more)`: the first [`SHOWN`] values, then how many more of `total`.
fn write_values(f: &mut fmt::Formatter<'_>, values: &[UnusedValue], total: usize) -> fmt::Result {
    for (i, v) in values.iter().take(SHOWN).enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        f.write_str(&v.text)?;
    }
    let more = total.saturating_sub(values.len().min(SHOWN));
    if more > 0 {
        write!(f, " … ({more} more)")?;
    }
    Ok(())
}

/// `table 三: (二)部分公开` / `table 二: 第二十条第(一)项 规章` / `table 四`.
fn write_place(
    f: &mut fmt::Formatter<'_>,
    table: TableId,
    block: Option<&str>,
    row: Option<&str>,
) -> fmt::Result {
    write!(f, "table {}", table.key())?;
    let mut sep = ": ";
    for part in [block, row].into_iter().flatten() {
        write!(f, "{sep}{part}")?;
        sep = " ";
    }
    Ok(())
}

fn numeral(n: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六"]
        .get(usize::from(n).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::MissingTable { table, image } => match image {
                Some(src) => write!(
                    f,
                    "table {} not found: its section shows an image (<img src=\"{src}\">) \
                     where the table should be; the table is published as a picture",
                    table.key()
                ),
                None => write!(
                    f,
                    "table {} not found (absent, or published as an image)",
                    table.key()
                ),
            },
            WarningKind::TableImage { table, src } => write!(
                f,
                "table {} is published as an image (<img src=\"{src}\">): its cells cannot be read",
                table.key()
            ),
            WarningKind::TitleYear {
                year,
                from,
                title,
                other_year,
                other_from,
                other_title,
            } => write!(
                f,
                "the report's titles disagree on the year: {from} 「{title}」 says {year}, \
                 {other_from} 「{other_title}」 says {other_year}; {year} is taken"
            ),
            WarningKind::MissingSection { topic } => match topic.template_heading() {
                Some((n, h)) => write!(f, "section {}、{h} not found", numeral(n)),
                None => write!(f, "section {} not found", topic.key()),
            },
            WarningKind::UnknownRow {
                table,
                label,
                edition,
                unused,
            } => {
                match edition {
                    Some(e) => write!(
                        f,
                        "table {}: row `{label}` is not in the {e} edition's table {}; its cells were not used",
                        table.key(),
                        table.key()
                    )?,
                    None => write!(
                        f,
                        "table {}: row `{label}` is not in the template; its {} value(s) were not used",
                        table.key(),
                        unused.len()
                    )?,
                }
                if !unused.is_empty() {
                    f.write_str(": ")?;
                    write_values(f, unused, unused.len())?;
                }
                Ok(())
            }
            WarningKind::MissingRow { table, block, row } => {
                write_place(f, *table, block.as_deref(), Some(row))?;
                f.write_str(": row not found")
            }
            WarningKind::MissingCell {
                table,
                block,
                row,
                found,
                expected,
            } => {
                write_place(f, *table, block.as_deref(), row.as_deref())?;
                write!(
                    f,
                    ": {found} of {expected} cells found; the missing ones are left empty \
                     and the found ones taken in template order"
                )
            }
            WarningKind::ExtraCell {
                table,
                block,
                row,
                found,
                expected,
                unused,
            } => {
                write_place(f, *table, block.as_deref(), row.as_deref())?;
                let extra = found.saturating_sub(*expected);
                write!(
                    f,
                    ": {extra} cell(s) more than the template's {expected} were not used: "
                )?;
                write_values(f, unused, extra)
            }
            WarningKind::StrayValue {
                table,
                in_header,
                unused,
            } => {
                let where_ = if *in_header {
                    "in the header"
                } else {
                    "outside any row"
                };
                write!(
                    f,
                    "table {}: {} value(s) {where_} were not used: ",
                    table.key(),
                    unused.len()
                )?;
                write_values(f, unused, unused.len())
            }
            WarningKind::Misaligned { table, row, values } => {
                write_place(f, *table, None, row.as_deref())?;
                match row {
                    Some(_) => write!(
                        f,
                        ": {values} values on separate lines follow the label, and the first \
                         seven do not add up (总计 ≠ the sum of the other columns): the values \
                         belong to other rows (a table flattened column by column); the row \
                         was not read"
                    ),
                    None => write!(
                        f,
                        ": {values} values stand between header cells, and taken in order \
                         their 总计 do not add up: their order is not the table's; not read"
                    ),
                }
            }
            WarningKind::UnreadableCell {
                table,
                block,
                row,
                column,
                text,
            } => {
                write_place(f, *table, block.as_deref(), Some(row))?;
                write!(f, " [{column}]: cannot read `{text}` as a number")
            }
            WarningKind::NotPlaced {
                table,
                block,
                row,
                found,
                expected,
                values,
                or_row,
            } => {
                write_place(f, *table, block.as_deref(), row.as_deref())?;
                match or_row {
                    Some(other) => write!(
                        f,
                        ": the values stand apart from the label, right after `{other}` \
                         printed with none; they could be either row's; not placed:"
                    )?,
                    None => write!(
                        f,
                        ": {found} field(s) for {expected} columns, and nothing pins which \
                         cell each stands in; not placed:"
                    )?,
                }
                for (i, v) in values.iter().take(SHOWN).enumerate() {
                    let sep = if i > 0 { "," } else { "" };
                    write!(f, "{sep} `{}` → {}", v.value.text, v.candidates.join(" / "))?;
                }
                if values.len() > SHOWN {
                    write!(f, " … ({} more)", values.len() - SHOWN)?;
                }
                Ok(())
            }
            WarningKind::TruncatedHeader {
                table,
                block,
                header,
            } => {
                write_place(f, *table, block.as_deref(), None)?;
                write!(
                    f,
                    ": header {} does not name every column; columns taken in template order",
                    header.join(" | ")
                )
            }
            WarningKind::MixedEdition { e2019, e2021 } => write!(
                f,
                "labels of both editions found ({e2019} of 2019, {e2021} of 2021); the majority decides"
            ),
            WarningKind::EditionAssumed { edition } => write!(
                f,
                "no table label tells the edition; {edition} assumed from the year and headings"
            ),
            WarningKind::FuzzyLabel {
                table,
                label,
                read_as,
            } => write!(f, "table {}: `{label}` read as `{read_as}`", table.key()),
            WarningKind::DuplicateRow { table, label } => write!(
                f,
                "table {}: row `{label}` printed twice; the first was kept",
                table.key()
            ),
            WarningKind::FiguresDisagree {
                group,
                total,
                parts,
                sum,
            } => {
                write!(f, "{group}: the figures stated (")?;
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{} {}", p.row, p.value)?;
                }
                write!(
                    f,
                    ") add up to {sum}, but {} is stated as {}",
                    total.row, total.value
                )
            }
            WarningKind::InvalidBytes {
                encoding,
                line,
                lines,
                sequences,
                bytes,
                offset,
            } => {
                if *lines > 1 {
                    write!(f, "lines {line} and after ({lines} lines)")?;
                } else {
                    write!(f, "line {line}")?;
                }
                write!(
                    f,
                    ": {sequences} invalid {encoding} byte sequence(s) ({bytes} byte(s), the \
                     first at byte {offset} of the input) read as U+FFFD"
                )
            }
        }
    }
}

/// A note about something the parser tolerated, with its place in the input.
///
/// The facts are in [`kind`](Warning::kind); [`message`](Warning::message) (and
/// `Display`) renders them for people. In JSON a warning is its kind's fields with
/// `kind`, then `message` and `span`; reading it back ignores `message`.
///
/// ```
/// use zfxxgk::{parse_report, TableId, WarningKind};
/// let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
///             1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
/// let report = parse_report(text).unwrap();
/// let w = report
///     .warnings
///     .iter()
///     .find(|w| matches!(w.kind, WarningKind::NotPlaced { .. }))
///     .unwrap();
/// let WarningKind::NotPlaced { table, found, expected, values, .. } = &w.kind else {
///     unreachable!()
/// };
/// assert_eq!((*table, *found, *expected), (TableId::T4, 14, 15));
/// // 14 values under 15 cells: each could stand in two; none is placed.
/// assert_eq!(values[0].candidates, ["行政复议/结果维持", "行政复议/结果纠正"]);
/// assert!(report.tables.appeals.as_ref().unwrap().review.upheld.is_none());
/// assert!(w.message().contains("14 field(s) for 15 columns"));
/// ```
#[derive(Debug, Clone, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// What happened, with its facts.
    pub kind: WarningKind,
    /// Where, in the original input.
    pub span: Span,
}

impl Warning {
    /// A warning of `kind` at `span`.
    pub fn new(kind: WarningKind, span: Span) -> Self {
        Warning { kind, span }
    }

    /// The table concerned, if any.
    pub fn table(&self) -> Option<TableId> {
        self.kind.table()
    }

    /// A human-readable description (Chinese labels, English prose), rendered from
    /// the kind's facts.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// The span is left out: warnings compare by their facts.
impl PartialEq for Warning {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

impl std::hash::Hash for Warning {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.kind.hash(state);
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

#[derive(Serialize)]
struct WarningOut<'a> {
    #[serde(flatten)]
    kind: &'a WarningKind,
    message: String,
    span: Span,
}

#[derive(Deserialize)]
struct WarningIn {
    #[serde(flatten)]
    kind: WarningKind,
    span: Span,
    #[serde(default, rename = "message")]
    _message: Option<String>,
}

impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WarningOut {
            kind: &self.kind,
            message: self.message(),
            span: self.span,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = WarningIn::deserialize(d)?;
        Ok(Warning {
            kind: w.kind,
            span: w.span,
        })
    }
}
