//! The table grammar shared by both template editions: token streams of tables 二, 三
//! and 四 are read into rows anchored by their labels, then fitted to the edition's
//! columns (see [`super::ed2019`] and [`super::ed2021`] for what differs).

use crate::catalogue::matching::{is_t4_header, match_t2, match_t3, T2Label, T3Label, EXACT};
use crate::catalogue::{
    Edition, T2Block, T2Col, T2Row, T3Group, T3Row, TableId, T3_COLUMNS, T3_ROWS, T4_COLUMNS,
    T4_ROWS,
};
use crate::grammar::positions;
use crate::lex::value::{parse_value, split_note};
use crate::lex::{Token, TokenKind};
use crate::model::cell::{Cell, Placement, Value};
use crate::model::tables::{ActiveDisclosure, Appeals, Requests};
use crate::model::warning::{NotPlacedValue, UnusedValue, Warning, WarningKind};
use crate::normalize::Normalized;
use crate::span::Span;
use std::collections::BTreeMap;

/// Where warnings go, with the map back to the original input.
pub struct Sink<'n> {
    norm: &'n Normalized,
    /// The warnings so far.
    pub warnings: Vec<Warning>,
    /// Rows whose values nothing pinned, for the recoveries (see [`Unplaced`]).
    pub unplaced: Vec<Unplaced>,
}

impl<'n> Sink<'n> {
    /// A sink over a normalized text.
    pub fn new(norm: &'n Normalized) -> Self {
        Sink {
            norm,
            warnings: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    /// Original span of a normalized range.
    pub fn span(&self, r: std::ops::Range<usize>) -> Span {
        self.norm.original_span(r)
    }

    /// Record a warning at a range of the normalized text.
    pub fn warn(&mut self, kind: WarningKind, range: std::ops::Range<usize>) {
        let span = self.span(range);
        self.warnings.push(Warning::new(kind, span));
    }

    /// Record a warning at a span of the original input.
    pub fn warn_at(&mut self, kind: WarningKind, span: Span) {
        self.warnings.push(Warning::new(kind, span));
    }

    /// Values of the input that were not used, with their original spans.
    pub fn unused<'t, 'a: 't>(
        &self,
        toks: impl IntoIterator<Item = &'t Token<'a>>,
    ) -> Vec<UnusedValue> {
        toks.into_iter()
            .map(|t| UnusedValue::new(t.text.as_ref(), self.span(t.range.clone())))
            .collect()
    }
}

/// Most cells kept for one row: real rows have at most 15 (table 四 as one row);
/// further cells are only counted, for the warning.
pub const MAX_ROW_CELLS: usize = 64;

/// A row label with the cells that followed it.
#[derive(Debug, Clone)]
pub struct RawRow<'a, R> {
    /// The catalogue row.
    pub row: R,
    /// The label token.
    pub label: Token<'a>,
    /// Value and empty tokens after the label, in order.
    pub values: Vec<Token<'a>>,
    /// The match score of the label.
    pub score: f32,
    /// Cells after the first [`MAX_ROW_CELLS`], counted but not kept.
    pub dropped: usize,
    /// The label of a row printed just before this one with no value after it: values
    /// that stand apart from this row's label could be that row's as well.
    pub contested: Option<Token<'a>>,
}

impl<'a, R> RawRow<'a, R> {
    /// Whether the row's values could belong to the value-less row before it: the
    /// label before had none, and no value stands on this label's own row.
    pub fn ambiguous(&self) -> bool {
        self.contested.is_some() && !self.values.iter().any(|v| v.row == self.label.row)
    }

    /// A row that starts at its label.
    pub fn new(row: R, label: &Token<'a>, score: f32) -> Self {
        RawRow {
            row,
            label: label.clone(),
            values: Vec::new(),
            score,
            dropped: 0,
            contested: None,
        }
    }

    /// Keep a cell of the row (counting it only, past [`MAX_ROW_CELLS`]).
    pub fn push(&mut self, tok: &Token<'a>) {
        if self.values.len() < MAX_ROW_CELLS {
            self.values.push(tok.clone());
        } else {
            self.dropped += 1;
        }
    }

    /// Whether any value (not only empty cells) followed the label.
    pub fn has_values(&self) -> bool {
        self.values
            .iter()
            .any(|t| matches!(t.kind, TokenKind::Value | TokenKind::Unreadable))
    }

    /// Whether a label token that is no template label is a cell of this row: a
    /// delimited field of the row's physical row after its label (`N/A`, `若干`), or
    /// text after the row's values on its line. It is then an unreadable cell, never a
    /// row label.
    pub fn takes_text(&self, tok: &Token<'_>) -> bool {
        tok.row == self.label.row
            && tok.range.start >= self.label.range.end
            && (tok.delimited || self.values.iter().any(|v| v.row == tok.row))
    }

    /// Keep a label token as an unreadable cell of the row.
    pub fn push_text(&mut self, tok: &Token<'a>) {
        let mut t = tok.clone();
        t.kind = TokenKind::Unreadable;
        self.push(&t);
    }
}

/// Edition evidence found in the tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct Votes {
    /// Labels only the 2019 edition has.
    pub e2019: u32,
    /// Labels only the 2021 edition has.
    pub e2021: u32,
}

impl Votes {
    fn add(&mut self, e: Edition) {
        match e {
            Edition::E2019 => self.e2019 += 1,
            Edition::E2021 => self.e2021 += 1,
            Edition::Legacy => {}
        }
    }
}

/// Record values that no row owns; `unknown` is the label before them when it is not
/// a template row (then reported as such).
fn stray<'a>(
    sink: &mut Sink<'_>,
    table: TableId,
    pending: &mut Vec<Token<'a>>,
    unknown: &mut Option<Token<'a>>,
    in_header: bool,
) {
    let vals: Vec<&Token<'a>> = pending
        .iter()
        .filter(|t| t.kind == TokenKind::Value)
        .collect();
    let label = unknown.take();
    if let (Some(first), Some(last)) = (vals.first(), vals.last()) {
        let unused = sink.unused(vals.iter().copied());
        match label {
            Some(l) => sink.warn(
                WarningKind::UnknownRow {
                    table,
                    label: l.text.to_string(),
                    edition: None,
                    unused,
                },
                l.range.start..last.range.end,
            ),
            None => sink.warn(
                WarningKind::StrayValue {
                    table,
                    in_header,
                    unused,
                },
                first.range.start..last.range.end,
            ),
        }
    }
    pending.clear();
}

/// Table 二 as read: rows with their cells, the header columns seen per block.
#[derive(Debug, Default)]
pub struct T2Raw<'a> {
    /// Rows in input order.
    pub rows: Vec<RawRow<'a, T2Row>>,
    /// Header columns per block, in printed order, with scores and tokens.
    pub headers: BTreeMap<T2Block, Vec<(T2Col, f32, Token<'a>)>>,
    /// Edition evidence.
    pub votes: Votes,
    /// Whether any table 二 label was found.
    pub found: bool,
}

/// Read table 二's tokens.
pub fn read_t2<'a>(tokens: &[Token<'a>], sink: &mut Sink<'_>) -> T2Raw<'a> {
    let mut raw = T2Raw::default();
    let mut block: Option<T2Block> = None;
    let mut header: Vec<(T2Col, f32, Token<'a>)> = Vec::new();
    let mut current: Option<RawRow<'a, T2Row>> = None;
    let mut loose: Vec<Token<'a>> = Vec::new();
    let mut unknown: Option<Token<'a>> = None;
    // Values just before a row label that gets none after it (text taken from a PDF
    // in reading order prints a one-cell row's value before its label).
    let mut before: Vec<Token<'a>> = Vec::new();
    let finish = |cur: &mut Option<RawRow<'a, T2Row>>,
                  raw: &mut T2Raw<'a>,
                  before: &mut Vec<Token<'a>>,
                  sink: &mut Sink<'_>| {
        if let Some(mut r) = cur.take() {
            if !r.has_values() {
                r.values = std::mem::take(before);
            }
            if !r.values.is_empty() {
                raw.rows.push(r);
            }
        }
        let mut none = None;
        stray(sink, TableId::T2, before, &mut none, false);
    };
    for tok in tokens {
        match tok.kind {
            TokenKind::Value | TokenKind::Empty | TokenKind::Unreadable => match current.as_mut() {
                Some(r) => r.push(tok),
                None => loose.push(tok.clone()),
            },
            TokenKind::Label
                if current.as_ref().is_some_and(|r| r.takes_text(tok))
                    && match_t2(&tok.text).is_none() =>
            {
                if let Some(r) = current.as_mut() {
                    r.push_text(tok);
                }
            }
            TokenKind::Label => match match_t2(&tok.text) {
                Some(T2Label::Caption(b)) => {
                    finish(&mut current, &mut raw, &mut before, sink);
                    stray(sink, TableId::T2, &mut loose, &mut unknown, false);
                    raw.found = true;
                    if b == T2Block::Item9 {
                        raw.votes.add(Edition::E2019);
                    }
                    block = Some(b);
                    header.clear();
                }
                Some(T2Label::HeaderStart) => {
                    finish(&mut current, &mut raw, &mut before, sink);
                    stray(sink, TableId::T2, &mut loose, &mut unknown, false);
                    raw.found = true;
                    header.clear();
                }
                Some(T2Label::Column(c, s)) => {
                    // A header cell between a row label and its values (cells out of
                    // order in text taken from a PDF) leaves the row open.
                    if current.as_ref().is_some_and(RawRow::has_values) {
                        finish(&mut current, &mut raw, &mut before, sink);
                    }
                    stray(sink, TableId::T2, &mut loose, &mut unknown, true);
                    for e in crate::catalogue::matching::t2_column_editions(c) {
                        raw.votes.add(*e);
                    }
                    header.push((c, s, tok.clone()));
                }
                Some(T2Label::Row(r, s)) => {
                    finish(&mut current, &mut raw, &mut before, sink);
                    if unknown.is_some() {
                        stray(sink, TableId::T2, &mut loose, &mut unknown, false);
                    } else {
                        before = std::mem::take(&mut loose);
                    }
                    raw.found = true;
                    if matches!(r, T2Row::OtherServices | T2Row::Procurement) {
                        raw.votes.add(Edition::E2019);
                    }
                    let b = block_of_row(r, block);
                    if !header.is_empty() {
                        raw.headers
                            .entry(b)
                            .or_insert_with(|| std::mem::take(&mut header));
                        header.clear();
                    }
                    current = Some(RawRow::new(r, tok, s));
                }
                None => {
                    // A label continuing a wrapped row label, or text we do not know
                    // (a delimited row of its own starting with it is never the open
                    // row's continuation).
                    let ends = current.as_ref().is_some_and(|c| {
                        c.has_values() || (tok.delimited && c.label.row != tok.row)
                    });
                    if ends {
                        finish(&mut current, &mut raw, &mut before, sink);
                        unknown = Some(tok.clone());
                    }
                }
            },
        }
    }
    finish(&mut current, &mut raw, &mut before, sink);
    stray(sink, TableId::T2, &mut loose, &mut unknown, false);
    raw
}

/// The block a row belongs to (rows are unique across blocks).
fn block_of_row(row: T2Row, current: Option<T2Block>) -> T2Block {
    match row {
        T2Row::Rules | T2Row::NormativeDocuments => T2Block::Item1,
        T2Row::Licensing | T2Row::OtherServices => T2Block::Item5,
        T2Row::Penalties | T2Row::Enforcement => T2Block::Item6,
        T2Row::Fees => T2Block::Item8,
        T2Row::Procurement => current.unwrap_or(T2Block::Item9),
    }
}

/// The row a warning is about: its table, block (二) and row keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowAt {
    /// The table.
    pub table: TableId,
    /// Table 二's block.
    pub block: Option<&'static str>,
    /// The row key (`None` for table 四 read as one run of values).
    pub row: Option<&'static str>,
}

impl RowAt {
    fn block(&self) -> Option<String> {
        self.block.map(str::to_string)
    }

    fn row(&self) -> Option<String> {
        self.row.map(str::to_string)
    }
}

/// Values of one row that nothing pinned to a cell, kept for the recoveries (which may
/// place them by the template's arithmetic, see [`cell_placed`]) and reported as
/// [`WarningKind::NotPlaced`] when none does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// The row.
    pub place: RowAt,
    /// The row's columns, by key, in template order.
    pub columns: Vec<&'static str>,
    /// The row's fields in printed order: text and normalized byte range (empty
    /// fields have empty text).
    pub fields: Vec<(String, std::ops::Range<usize>)>,
    /// Where the row is (its label), in the normalized text.
    pub at: std::ops::Range<usize>,
    /// The label of a value-less row just before, when the values could be its (see
    /// [`RawRow::ambiguous`]); then the row is not placed though its fields fill it.
    pub or_row: Option<String>,
}

impl Unplaced {
    /// For each field, the columns it could stand in with the printed order kept:
    /// field `i` of `k` under `n` columns stands in one of columns `i ..= i + n - k`.
    pub fn candidates(&self) -> Vec<&[&'static str]> {
        let n = self.columns.len();
        let k = self.fields.len();
        let slack = n.saturating_sub(k);
        (0..k)
            .map(|i| {
                self.columns
                    .get(i..=(i + slack).min(n.saturating_sub(1)))
                    .unwrap_or(&[])
            })
            .collect()
    }
}

/// Report what no recovery placed, one [`WarningKind::NotPlaced`] warning per row, with
/// each value and its candidate cells.
pub fn report_unplaced(sink: &mut Sink<'_>) {
    for u in std::mem::take(&mut sink.unplaced) {
        let values: Vec<NotPlacedValue> = u
            .fields
            .iter()
            .zip(u.candidates())
            .filter(|((t, _), _)| !t.is_empty())
            .map(|((t, r), c)| NotPlacedValue {
                value: UnusedValue::new(t.as_str(), sink.span(r.clone())),
                candidates: c.iter().map(|k| k.to_string()).collect(),
            })
            .collect();
        let start = u
            .fields
            .first()
            .map_or(u.at.start, |f| f.1.start.min(u.at.start));
        let end = u.fields.last().map_or(u.at.end, |f| f.1.end.max(u.at.end));
        sink.warn(
            WarningKind::NotPlaced {
                table: u.place.table,
                block: u.place.block(),
                row: u.place.row(),
                found: u.fields.len(),
                expected: u.columns.len(),
                values,
                or_row: u.or_row,
            },
            start..end,
        );
    }
}

/// Fit a row's fields to its `columns`. Every field keeps its slot: only empty fields
/// past the row's last column (trailing, or one leading empty field standing for the
/// label column) are dropped; extra values at the end are reported and not used. A
/// row with fewer fields than columns cannot say which cell it lost: none of its
/// values is placed (they go to [`Sink::unplaced`] for the recoveries, then to a
/// [`WarningKind::NotPlaced`] warning).
#[allow(clippy::too_many_arguments)]
pub fn fit<'a>(
    values: &[Token<'a>],
    dropped: usize,
    columns: &[&'static str],
    place: RowAt,
    at: std::ops::Range<usize>,
    sink: &mut Sink<'_>,
) -> Vec<Option<Token<'a>>> {
    let expected = columns.len();
    let mut v: &[Token<'a>] = values;
    while v.len() > expected && v.last().is_some_and(|t| t.kind == TokenKind::Empty) {
        v = v.get(..v.len() - 1).unwrap_or(&[]);
    }
    while v.len() > expected && v.first().is_some_and(|t| t.kind == TokenKind::Empty) {
        v = v.get(1..).unwrap_or(&[]);
    }
    if v.len() > expected {
        let extra = v.get(expected..).unwrap_or(&[]);
        let start = extra.first().map_or(at.start, |t| t.range.start);
        let end = extra.last().map_or(at.end, |t| t.range.end);
        let unused = sink.unused(extra);
        sink.warn(
            WarningKind::ExtraCell {
                table: place.table,
                block: place.block(),
                row: place.row(),
                found: v.len() + dropped,
                expected,
                unused,
            },
            start..end,
        );
        v = v.get(..expected).unwrap_or(&[]);
    }
    if v.len() < expected {
        if v.iter().any(|t| t.kind != TokenKind::Empty) {
            sink.unplaced.push(Unplaced {
                place,
                columns: columns.to_vec(),
                fields: v
                    .iter()
                    .map(|t| (t.text.to_string(), t.range.clone()))
                    .collect(),
                at,
                or_row: None,
            });
        } else {
            sink.warn(
                WarningKind::MissingCell {
                    table: place.table,
                    block: place.block(),
                    row: place.row(),
                    found: 0,
                    expected,
                },
                at,
            );
        }
        return vec![None; expected];
    }
    v.iter().cloned().map(Some).collect()
}

/// Turn a token into a cell placed by its row label and field (reporting unreadable
/// text).
pub fn cell_of(
    tok: &Token<'_>,
    declared_unit: Option<&str>,
    place: RowAt,
    column: &str,
    sink: &mut Sink<'_>,
) -> Cell {
    cell_placed(tok, declared_unit, Placement::Label, place, column, sink)
}

/// Turn a token into a cell placed as `placement` says: a note in brackets after the
/// number is kept apart (`147(含合并2件)` → 147, note `含合并2件`); text that is not a
/// number is an unreadable cell, with a warning quoting it.
pub fn cell_placed(
    tok: &Token<'_>,
    declared_unit: Option<&str>,
    placement: Placement,
    place: RowAt,
    column: &str,
    sink: &mut Sink<'_>,
) -> Cell {
    let mut note = None;
    let value = match tok.kind {
        TokenKind::Empty => Value::Blank,
        TokenKind::Unreadable => Value::Unreadable,
        _ => match parse_value(&tok.text, declared_unit) {
            Value::Unreadable => match split_note(&tok.text) {
                Some((head, n)) => {
                    note = Some(n);
                    parse_value(head, declared_unit)
                }
                None => Value::Unreadable,
            },
            v => v,
        },
    };
    if value == Value::Unreadable {
        sink.warn(
            WarningKind::UnreadableCell {
                table: place.table,
                block: place.block(),
                row: place.row.unwrap_or_default().to_string(),
                column: column.to_string(),
                text: tok.text.to_string(),
            },
            tok.range.clone(),
        );
    }
    Cell {
        value,
        raw: tok.text.to_string(),
        span: sink.span(tok.range.clone()),
        placement,
        note,
    }
}

/// Where each missing row of a table should have been: the end of the nearest
/// preceding row that was read, else the start of the nearest following one, else
/// the table's start. `printed` gives, in template order, the span of each row's
/// cells (`None` for a row not printed); the result lists the missing rows' indices
/// with their points.
fn missing_points(printed: &[Option<Span>], table_start: Span) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (i, p) in printed.iter().enumerate() {
        if p.is_some() {
            continue;
        }
        let before = printed
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .rev()
            .flatten()
            .next();
        let after = printed.get(i + 1..).unwrap_or(&[]).iter().flatten().next();
        let at = match (before, after) {
            (Some(b), _) => Span::new(b.end, b.end),
            (None, Some(a)) => Span::new(a.start, a.start),
            (None, None) => table_start,
        };
        out.push((i, at));
    }
    out
}

/// The span covering some cells, if any.
fn cover<'c>(cells: impl Iterator<Item = &'c Cell>) -> Option<Span> {
    cells.map(|c| c.span).reduce(Span::join)
}

/// Report the template rows of table 二 the report does not print (they yield no
/// cells, never zeros), each where it should have been.
pub fn missing_rows_t2(table: &ActiveDisclosure, at: usize, sink: &mut Sink<'_>) {
    let edition = table.edition();
    let rows: Vec<(T2Block, T2Row, Option<Span>)> = crate::catalogue::t2_blocks(edition)
        .iter()
        .flat_map(|b| {
            b.rows.iter().map(|&row| {
                let cells = b
                    .columns
                    .iter()
                    .filter_map(|&c| table.slot(row, c).and_then(Option::as_ref));
                (b.block, row, cover(cells))
            })
        })
        .collect();
    let printed: Vec<Option<Span>> = rows.iter().map(|r| r.2).collect();
    let start = sink.span(at..at);
    for (i, point) in missing_points(&printed, start) {
        if let Some((block, row, _)) = rows.get(i) {
            sink.warn_at(
                WarningKind::MissingRow {
                    table: TableId::T2,
                    block: Some(block.key().to_string()),
                    row: row.key(edition).to_string(),
                },
                point,
            );
        }
    }
}

/// Report the template rows of table 三 the report does not print, each where it
/// should have been. In the 2021 edition `(六)其他处理` printed as one row stands
/// for its three rows.
pub fn missing_rows_t3(table: &Requests, edition: Edition, at: usize, sink: &mut Sink<'_>) {
    let single = table.row(T3Row::OtherProcessing).is_some();
    let rows: Vec<(&'static str, Option<Span>)> = T3_ROWS
        .iter()
        .filter(|d| d.editions.contains(&edition))
        .filter(|d| {
            let split = matches!(
                d.row,
                T3Row::OtherNoCorrection | T3Row::OtherUnpaidFee | T3Row::OtherOther
            );
            !(split && single)
        })
        .map(|d| {
            (
                d.key,
                table
                    .row(d.row)
                    .and_then(|a| cover(a.cells().map(|(_, c)| c))),
            )
        })
        .collect();
    let printed: Vec<Option<Span>> = rows.iter().map(|r| r.1).collect();
    let start = sink.span(at..at);
    for (i, point) in missing_points(&printed, start) {
        if let Some((key, _)) = rows.get(i) {
            sink.warn_at(
                WarningKind::MissingRow {
                    table: TableId::T3,
                    block: None,
                    row: (*key).to_string(),
                },
                point,
            );
        }
    }
}

/// Whether a row read from the text goes into the table: not when the row was printed
/// before (reported); a label matched only approximately is reported too.
fn admit<R>(r: &RawRow<'_, R>, seen: bool, key: &str, table: TableId, sink: &mut Sink<'_>) -> bool {
    if seen {
        sink.warn(
            WarningKind::DuplicateRow {
                table,
                label: r.label.text.to_string(),
            },
            r.label.range.clone(),
        );
        return false;
    }
    if r.score < EXACT {
        sink.warn(
            WarningKind::FuzzyLabel {
                table,
                label: r.label.text.to_string(),
                read_as: key.to_string(),
            },
            r.label.range.clone(),
        );
    }
    true
}

/// Build table 二 in `edition` from what was read.
pub fn build_t2(
    raw: &T2Raw<'_>,
    edition: Edition,
    sink: &mut Sink<'_>,
) -> Option<ActiveDisclosure> {
    let mut table = ActiveDisclosure::empty(edition)?;
    let blocks = crate::catalogue::t2_blocks(edition);
    let mut seen: Vec<T2Row> = Vec::new();
    let columns: Vec<(T2Block, Vec<T2Col>)> = blocks
        .iter()
        .map(|b| (b.block, columns_of(b.block, b.columns, raw, sink)))
        .collect();
    for r in &raw.rows {
        let label_range = r.label.range.clone();
        let Some(def) = blocks.iter().find(|b| b.rows.contains(&r.row)) else {
            let unused = sink.unused(r.values.iter().filter(|t| t.kind == TokenKind::Value));
            sink.warn(
                WarningKind::UnknownRow {
                    table: TableId::T2,
                    label: r.label.text.to_string(),
                    edition: Some(edition),
                    unused,
                },
                label_range,
            );
            continue;
        };
        if !admit(
            r,
            seen.contains(&r.row),
            r.row.key(edition),
            TableId::T2,
            sink,
        ) {
            continue;
        }
        seen.push(r.row);
        let columns = columns
            .iter()
            .find(|(b, _)| *b == def.block)
            .map_or(def.columns, |(_, c)| c.as_slice());
        let place = RowAt {
            table: TableId::T2,
            block: Some(def.block.key()),
            row: Some(r.row.key(edition)),
        };
        let keys: Vec<&'static str> = columns.iter().map(|c| c.key()).collect();
        let cells = fit(&r.values, r.dropped, &keys, place, label_range, sink);
        for (col, tok) in columns.iter().zip(cells) {
            let Some(tok) = tok else { continue };
            let c = cell_of(&tok, col.declared_unit(), place, col.key(), sink);
            if let Some(slot) = table.slot_mut(r.row, *col) {
                *slot = Some(c);
            }
        }
    }
    Some(table)
}

/// The columns of a block in printed order when its header names them all, else in
/// template order (with a warning when the header was cut short).
fn columns_of(
    block: T2Block,
    template: &'static [T2Col],
    raw: &T2Raw<'_>,
    sink: &mut Sink<'_>,
) -> Vec<T2Col> {
    let Some(header) = raw.headers.get(&block) else {
        return template.to_vec();
    };
    let printed: Vec<T2Col> = header.iter().map(|h| h.0).collect();
    // Every header cell names its column in full (a truncated label scores 0.9).
    let exact = header.iter().all(|h| h.1 >= 0.95);
    let mut sorted = printed.clone();
    sorted.sort();
    sorted.dedup();
    let mut want = template.to_vec();
    want.sort();
    if exact && sorted == want && printed.len() == template.len() {
        return printed;
    }
    let cut: Vec<&str> = header
        .iter()
        .filter(|h| h.1 < 0.95)
        .map(|h| h.2.text.as_ref())
        .collect();
    if let (Some(first), Some(last)) = (header.first(), header.last()) {
        if !cut.is_empty() || sorted != want {
            sink.warn(
                WarningKind::TruncatedHeader {
                    table: TableId::T2,
                    block: Some(block.key().to_string()),
                    header: header.iter().map(|h| h.2.text.to_string()).collect(),
                },
                first.2.range.start..last.2.range.end,
            );
        }
    }
    template.to_vec()
}

/// Table 三's column keys in template order.
const T3_KEYS: [&str; 7] = [
    "自然人",
    "法人或其他组织/商业企业",
    "法人或其他组织/科研机构",
    "法人或其他组织/社会公益组织",
    "法人或其他组织/法律服务机构",
    "法人或其他组织/其他",
    "总计",
];

/// Table 四's fifteen cells in template order, by row and column key.
const T4_KEYS: [&str; 15] = [
    "行政复议/结果维持",
    "行政复议/结果纠正",
    "行政复议/其他结果",
    "行政复议/尚未审结",
    "行政复议/总计",
    "行政诉讼/未经复议直接起诉/结果维持",
    "行政诉讼/未经复议直接起诉/结果纠正",
    "行政诉讼/未经复议直接起诉/其他结果",
    "行政诉讼/未经复议直接起诉/尚未审结",
    "行政诉讼/未经复议直接起诉/总计",
    "行政诉讼/复议后起诉/结果维持",
    "行政诉讼/复议后起诉/结果纠正",
    "行政诉讼/复议后起诉/其他结果",
    "行政诉讼/复议后起诉/尚未审结",
    "行政诉讼/复议后起诉/总计",
];

/// Table 三 as read.
#[derive(Debug, Default)]
pub struct T3Raw<'a> {
    /// Rows in input order.
    pub rows: Vec<RawRow<'a, T3Row>>,
    /// Edition evidence.
    pub votes: Votes,
    /// Whether the table was found.
    pub found: bool,
    /// Column centres from a header line naming every column (space-aligned text).
    pub header: Option<Vec<usize>>,
}

/// Read table 三's tokens.
pub fn read_t3<'a>(tokens: &[Token<'a>], sink: &mut Sink<'_>) -> T3Raw<'a> {
    let tokens = split_inline_groups(tokens);
    let tokens: &[Token<'a>] = &tokens;
    let mut raw = T3Raw::default();
    let names: Vec<&str> = T3_KEYS
        .iter()
        .map(|k| k.rsplit('/').next().unwrap_or(k))
        .collect();
    raw.header = positions::header_anchors(tokens, &names);
    let mut group: Option<T3Group> = None;
    let mut in_rows = false;
    let mut current: Option<RawRow<'a, T3Row>> = None;
    let mut loose: Vec<Token<'a>> = Vec::new();
    let mut unknown: Option<Token<'a>> = None;
    let mut bare: Option<Token<'a>> = None;
    let finish = |cur: &mut Option<RawRow<'a, T3Row>>, raw: &mut T3Raw<'a>| {
        if let Some(r) = cur.take() {
            if !r.values.is_empty() {
                raw.rows.push(r);
            }
        }
    };
    for tok in tokens {
        match tok.kind {
            TokenKind::Value | TokenKind::Empty | TokenKind::Unreadable => match current.as_mut() {
                Some(r) => r.push(tok),
                None => loose.push(tok.clone()),
            },
            TokenKind::Label
                if current.as_ref().is_some_and(|r| r.takes_text(tok))
                    && match_t3(&tok.text, group, in_rows).is_none() =>
            {
                if let Some(r) = current.as_mut() {
                    r.push_text(tok);
                }
            }
            TokenKind::Label => match match_t3(&tok.text, group, in_rows)
                .filter(|m| !fragment(m, &tok.text))
            {
                Some(T3Label::Header) => {
                    raw.found = true;
                    if current.as_ref().is_some_and(RawRow::has_values) {
                        finish(&mut current, &mut raw);
                    } else {
                        current = None;
                    }
                }
                Some(T3Label::Group(g)) => {
                    raw.found = true;
                    // A row label run into the group label (`(四)无2.没有现成信息…`,
                    // text taken from a PDF in reading order) is a value-less row too.
                    bare = current
                        .as_ref()
                        .filter(|c| c.values.is_empty())
                        .map(|c| c.label.clone())
                        .or_else(|| numbered(&tok.text).then(|| tok.clone()));
                    finish(&mut current, &mut raw);
                    stray(sink, TableId::T3, &mut loose, &mut unknown, false);
                    group = Some(g);
                    in_rows = true;
                }
                Some(T3Label::Row(r, s)) => {
                    raw.found = true;
                    // A row printed just before with no value, even across a group
                    // label, contests values standing apart from this label.
                    // (`(六)其他处理` printed as a row label heads its three rows.)
                    let heads = |prev: T3Row| {
                        prev == T3Row::OtherProcessing
                            && r.def().group == Some(T3Group::OtherProcessing)
                    };
                    let contested = match current.as_ref() {
                        Some(c) if c.values.is_empty() && !heads(c.row) => Some(c.label.clone()),
                        Some(_) => None,
                        None => bare.take(),
                    };
                    bare = None;
                    finish(&mut current, &mut raw);
                    stray(sink, TableId::T3, &mut loose, &mut unknown, !in_rows);
                    in_rows = true;
                    let def = r.def();
                    if matches!(
                        r,
                        T3Row::OtherNoCorrection | T3Row::OtherUnpaidFee | T3Row::OtherOther
                    ) {
                        raw.votes.add(Edition::E2021);
                    }
                    group = if r == T3Row::OtherProcessing {
                        Some(T3Group::OtherProcessing)
                    } else {
                        def.group
                    };
                    let mut row = RawRow::new(r, tok, s);
                    row.contested = contested;
                    current = Some(row);
                }
                None => {
                    // A wrapped continuation of the label before it, a header we do not
                    // know, or a row the template does not have: its values (if any
                    // follow) are reported as stray. A delimited row of its own that
                    // starts with unknown text is never the open row's continuation.
                    if numbered(&tok.text) {
                        // A row label we cannot match (run into other text): the
                        // values after the next label could be its.
                        bare = Some(tok.clone());
                    }
                    if current.as_ref().is_some_and(RawRow::has_values) {
                        finish(&mut current, &mut raw);
                        unknown = Some(tok.clone());
                    } else if tok.delimited
                        && current.as_ref().is_some_and(|c| c.label.row != tok.row)
                    {
                        current = None;
                        unknown = Some(tok.clone());
                    }
                }
            },
        }
    }
    finish(&mut current, &mut raw);
    stray(sink, TableId::T3, &mut loose, &mut unknown, false);
    raw
}

/// Where a row label starts inside a label that begins with a group label, joined to
/// it by a single space (`三、本年度办理结果 (一)予以公开`, `(三)不予公开 1.属于国家秘密`):
/// the byte offset of the row's numbering, when the part before is a group and the
/// part from there a row of that group.
fn inline_group_split(text: &str) -> Option<usize> {
    let mut starts = text
        .char_indices()
        .skip(1)
        .filter_map(|(i, c)| {
            let cjk = matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七');
            if !(c.is_ascii_digit() || c == '(' || cjk) {
                return None;
            }
            let mut rest = text.get(i + c.len_utf8()..)?.chars();
            let second = rest.next();
            let start = (c.is_ascii_digit() && second == Some('.'))
                || (c == '(' && second.is_some() && rest.next() == Some(')'))
                || (cjk && second == Some('、'));
            start.then_some((i, c))
        })
        .peekable();
    // `(六)其他处理` reads as the 2019 edition's row; before a row label it heads a
    // group.
    let group_of = |t: &str| match match_t3(t, None, true) {
        Some(T3Label::Group(g)) => Some(g),
        Some(T3Label::Row(T3Row::OtherProcessing, _)) => Some(T3Group::OtherProcessing),
        _ => None,
    };
    if starts.peek().is_none() || group_of(text).is_none() {
        return None;
    }
    for (i, _) in starts {
        let (head, tail) = (text.get(..i)?, text.get(i..)?);
        if let Some(g) = group_of(head) {
            if let Some(T3Label::Row(r, _)) = match_t3(tail, Some(g), true) {
                let fits =
                    r.def().group == Some(g) || (g == T3Group::Results && r.def().group.is_some());
                if fits {
                    return Some(i);
                }
            }
        }
    }
    None
}

/// Table 三's tokens with each label that runs a group label into a row label split
/// in two (borrowed as they are when there is none).
fn split_inline_groups<'t, 'a>(tokens: &'t [Token<'a>]) -> std::borrow::Cow<'t, [Token<'a>]> {
    let split = |t: &Token<'a>| {
        (t.kind == TokenKind::Label)
            .then(|| inline_group_split(&t.text))
            .flatten()
    };
    if !tokens.iter().any(|t| split(t).is_some()) {
        return std::borrow::Cow::Borrowed(tokens);
    }
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for t in tokens {
        match split(t) {
            Some(i) => {
                let (head, tail) = (
                    t.text.get(..i).unwrap_or_default(),
                    t.text.get(i..).unwrap_or_default(),
                );
                let mut g = t.clone();
                g.text = std::borrow::Cow::Owned(head.to_string());
                let mut r = t.clone();
                r.text = std::borrow::Cow::Owned(tail.to_string());
                out.push(g);
                out.push(r);
            }
            None => out.push(t.clone()),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a label matched only approximately is too short to be a row label: a
/// fragment of a label broken over lines (`他处理` of `(六)其\n他处理`), which would
/// take the next row's values.
fn fragment(m: &T3Label, text: &str) -> bool {
    matches!(m, T3Label::Row(_, s) if *s < EXACT) && text.chars().count() <= 3
}

/// Whether a label holds a row number (`2.`): a row label, maybe run into other text.
fn numbered(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2)
        .any(|w| w.first().is_some_and(u8::is_ascii_digit) && w.get(1) == Some(&b'.'))
}

/// Build table 三 from what was read; `allowed` says which rows the edition has.
pub fn build_t3(
    raw: &T3Raw<'_>,
    allowed: impl Fn(T3Row) -> bool,
    edition: Edition,
    sink: &mut Sink<'_>,
) -> Requests {
    let mut table = Requests::default();
    // Complete rows of space-aligned text: their values' centres are the anchors that
    // place the values of rows with blank cells.
    let complete: Vec<(usize, Vec<&Token<'_>>)> = raw
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.values.len() == T3_COLUMNS.len()
                && r.values
                    .iter()
                    .all(|t| !t.delimited && t.width > 0 && t.kind == TokenKind::Value)
        })
        .map(|(i, r)| (i, r.values.iter().collect::<Vec<&Token<'_>>>()))
        .collect();
    let measure =
        positions::measure_of(&complete.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>());
    let full: Vec<(usize, Vec<usize>)> = complete
        .iter()
        .map(|(i, v)| {
            (
                *i,
                v.iter().map(|t| positions::centre(t, measure)).collect(),
            )
        })
        .collect();
    for (idx, r) in raw.rows.iter().enumerate() {
        let label_range = r.label.range.clone();
        if !allowed(r.row) {
            let unused = sink.unused(r.values.iter().filter(|t| t.kind == TokenKind::Value));
            sink.warn(
                WarningKind::UnknownRow {
                    table: TableId::T3,
                    label: r.label.text.to_string(),
                    edition: Some(edition),
                    unused,
                },
                label_range,
            );
            continue;
        }
        if !admit(
            r,
            table.row(r.row).is_some(),
            r.row.key(),
            TableId::T3,
            sink,
        ) {
            continue;
        }
        let place = RowAt {
            table: TableId::T3,
            block: None,
            row: Some(r.row.key()),
        };
        if misaligned(r) {
            let n = r
                .values
                .iter()
                .filter(|t| t.kind == TokenKind::Value)
                .count();
            sink.warn(
                WarningKind::Misaligned {
                    table: TableId::T3,
                    row: Some(r.row.key().to_string()),
                    values: n,
                },
                label_range,
            );
            continue;
        }
        if r.ambiguous() {
            sink.unplaced.push(Unplaced {
                place,
                columns: T3_KEYS.to_vec(),
                fields: r
                    .values
                    .iter()
                    .map(|t| (t.text.to_string(), t.range.clone()))
                    .collect(),
                at: label_range,
                or_row: r.contested.as_ref().map(|t| t.text.to_string()),
            });
            continue;
        }
        let header = raw
            .header
            .as_deref()
            .filter(|_| measure == positions::Measure::Chars);
        if let Some(row) = t3_by_position(r, idx, &full, header, measure, place, sink) {
            *table.row_mut(r.row) = Some(row);
            continue;
        }
        let cells = fit(&r.values, r.dropped, &T3_KEYS, place, label_range, sink);
        let mut row = crate::model::tables::Applicants::default();
        for (col, tok) in T3_COLUMNS.iter().zip(cells) {
            if let Some(tok) = tok {
                *row.slot_mut(*col) = Some(cell_of(&tok, None, place, col.key(), sink));
            }
        }
        *table.row_mut(r.row) = Some(row);
    }
    table
}

/// A row of space-aligned text with blank cells (fewer values than columns), placed
/// by its values' column positions against the complete rows before and after it
/// (see [`positions`]); `None` when the row is not such a row or its positions do not
/// pin every value.
fn t3_by_position(
    r: &RawRow<'_, T3Row>,
    idx: usize,
    full: &[(usize, Vec<usize>)],
    header: Option<&[usize]>,
    measure: positions::Measure,
    place: RowAt,
    sink: &mut Sink<'_>,
) -> Option<crate::model::tables::Applicants> {
    if r.values.is_empty()
        || r.values.len() >= T3_COLUMNS.len()
        || r.values.iter().any(|t| {
            t.delimited
                || t.width == 0
                || !matches!(t.kind, TokenKind::Value | TokenKind::Unreadable)
        })
    {
        return None;
    }
    let vals: Vec<&Token<'_>> = r.values.iter().collect();
    let xs: Vec<usize> = vals.iter().map(|t| positions::centre(t, measure)).collect();
    let before = full
        .iter()
        .rev()
        .find(|(i, _)| *i < idx)
        .map(|(_, a)| a.as_slice());
    let after = full
        .iter()
        .find(|(i, _)| *i > idx)
        .map(|(_, a)| a.as_slice());
    // Without a complete row, the header's cells anchor the columns.
    let cols = match (before, after) {
        (None, None) => positions::place_between(&xs, header, None)?,
        _ => positions::place_between(&xs, before, after)?,
    };
    let mut row = crate::model::tables::Applicants::default();
    let mut at = r.label.range.end;
    for (k, col) in T3_COLUMNS.iter().enumerate() {
        let cell = match cols.iter().position(|&c| c == k).and_then(|p| vals.get(p)) {
            Some(tok) => {
                at = tok.range.end;
                cell_placed(tok, None, Placement::Position, place, col.key(), sink)
            }
            None => Cell {
                value: Value::Blank,
                raw: String::new(),
                span: sink.span(at..at),
                placement: Placement::Position,
                note: None,
            },
        };
        *row.slot_mut(*col) = Some(cell);
    }
    Some(row)
}

/// Whether a row of table 三 took more values than it has columns from separate lines
/// and its first seven fail the row total: values of a table flattened column by
/// column, which cannot be assigned to this row.
fn misaligned(r: &RawRow<'_, T3Row>) -> bool {
    let vals: Vec<&Token<'_>> = r
        .values
        .iter()
        .filter(|t| t.kind == TokenKind::Value)
        .collect();
    if vals.len() <= T3_COLUMNS.len() || vals.iter().all(|t| t.line == r.label.line) {
        return false;
    }
    let nums: Vec<Option<crate::model::cell::Decimal>> = vals
        .iter()
        .take(T3_COLUMNS.len())
        .map(|t| parse_value(&t.text, None).number())
        .collect();
    let mut sum = crate::model::cell::Decimal::integer(0);
    for n in nums.iter().take(T3_COLUMNS.len() - 1) {
        match n.and_then(|n| sum.checked_add(n)) {
            Some(s) => sum = s,
            None => return true,
        }
    }
    nums.last().copied().flatten() != Some(sum)
}

/// Table 四 as read: its values in order.
#[derive(Debug, Default)]
pub struct T4Raw<'a> {
    /// Value and empty tokens after the header (the first [`MAX_ROW_CELLS`]).
    pub values: Vec<Token<'a>>,
    /// Cells past [`MAX_ROW_CELLS`], counted but not kept.
    pub dropped: usize,
    /// Whether a header was found.
    pub found: bool,
    /// Range of the header's first label.
    pub at: std::ops::Range<usize>,
    /// Whether header text came between the values (text taken from a PDF in reading
    /// order, where the values' order is not the template's).
    pub interleaved: bool,
}

/// Read table 四's tokens: header labels, then the fifteen values in template order.
pub fn read_t4<'a>(tokens: &[Token<'a>]) -> T4Raw<'a> {
    let mut raw = T4Raw::default();
    for tok in tokens {
        match tok.kind {
            TokenKind::Label => {
                if is_t4_header(&tok.text) && !raw.found {
                    raw.found = true;
                    raw.at = tok.range.clone();
                } else if raw.found
                    && tok.delimited
                    && !is_t4_header(&tok.text)
                    && raw.values.last().is_some_and(|v| v.row == tok.row)
                {
                    // Text in a delimited field among the values: an unreadable cell.
                    let mut t = tok.clone();
                    t.kind = TokenKind::Unreadable;
                    if raw.values.len() < MAX_ROW_CELLS {
                        raw.values.push(t);
                    } else {
                        raw.dropped += 1;
                    }
                } else if raw.found && raw.values.iter().any(|t| t.kind == TokenKind::Value) {
                    raw.interleaved = true;
                }
            }
            TokenKind::Value | TokenKind::Empty | TokenKind::Unreadable => {
                if raw.found {
                    if raw.values.len() < MAX_ROW_CELLS {
                        raw.values.push(tok.clone());
                    } else {
                        raw.dropped += 1;
                    }
                }
            }
        }
    }
    raw
}

/// Whether, taken in template order, every group of five values has its 总计 equal to
/// the sum of the other four.
fn groups_add_up(cells: &[Option<Token<'_>>]) -> bool {
    cells.chunks(T4_COLUMNS.len()).all(|g| {
        let nums: Vec<Option<crate::model::cell::Decimal>> = g
            .iter()
            .map(|t| t.as_ref().and_then(|t| parse_value(&t.text, None).number()))
            .collect();
        let (parts, total) = nums.split_at(nums.len().saturating_sub(1));
        let sum = parts
            .iter()
            .try_fold(crate::model::cell::Decimal::integer(0), |a, n| {
                a.checked_add((*n)?)
            });
        match (sum, total.first().copied().flatten()) {
            (Some(s), Some(t)) => s == t,
            _ => true,
        }
    })
}

/// Build table 四.
pub fn build_t4(raw: &T4Raw<'_>, sink: &mut Sink<'_>) -> Appeals {
    let mut table = Appeals::default();
    let cells = fit(
        &raw.values,
        raw.dropped,
        &T4_KEYS,
        RowAt {
            table: TableId::T4,
            block: None,
            row: None,
        },
        raw.at.clone(),
        sink,
    );
    if raw.interleaved && !groups_add_up(&cells) {
        let n = cells.iter().flatten().count();
        sink.warn(
            WarningKind::Misaligned {
                table: TableId::T4,
                row: None,
                values: n,
            },
            raw.at.clone(),
        );
        return table;
    }
    let mut it = cells.into_iter();
    for row in T4_ROWS {
        let place = RowAt {
            table: TableId::T4,
            block: None,
            row: Some(row.key()),
        };
        for col in T4_COLUMNS {
            if let Some(Some(tok)) = it.next() {
                *table.group_mut(row).slot_mut(col) =
                    Some(cell_of(&tok, None, place, col.key(), sink));
            }
        }
    }
    table
}
