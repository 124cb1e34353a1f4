//! What the folds of tables 二, 三 and 四 share (see [`super::fold`]): the [`Sink`] of
//! warnings, a row as read ([`RawRow`], its cells [`Field`]s borrowing their tokens),
//! fitting a row's fields to its columns ([`fit`]), turning a field into a cell
//! ([`cell_placed`]), the rows nothing pinned ([`Unplaced`]) and the report of template
//! rows a table does not print ([`missing_points`]).

use crate::catalogue::matching::EXACT;
use crate::catalogue::{Edition, TableId};
use crate::lex::value::{parse_value, split_note};
use crate::lex::{Token, TokenKind};
use crate::model::cell::{Cell, Placement, Value};
use crate::model::warning::{NotPlacedValue, UnusedValue, Warning, WarningKind};
use crate::normalize::Normalized;
use crate::span::Span;

/// Where warnings go, with the map back to the original input.
pub struct Sink<'n> {
    norm: &'n Normalized,
    /// The warnings so far.
    pub warnings: Vec<Warning>,
    /// Rows whose values nothing pinned, for the recoveries (see `Unplaced`).
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
            .map(|t| UnusedValue::new(t.text().as_ref(), self.span(t.range().clone())))
            .collect()
    }
}

/// Most cells kept for one row: real rows have at most 15 (table 四 as one row);
/// further cells are only counted, for the warning.
pub const MAX_ROW_CELLS: usize = 64;

/// A field of a row: its token, and what it is in the row (text in a row's delimited
/// field is an unreadable cell, whatever the lexer took it for). The token's other
/// parts are reached through it (`field.text()`, `field.range()`); `kind` is the field's.
#[derive(Debug, Clone, Copy)]
pub struct Field<'t, 'a> {
    /// The token.
    pub tok: &'t Token<'a>,
    /// Value, empty or unreadable.
    pub kind: TokenKind,
}

impl<'t, 'a> Field<'t, 'a> {
    /// A token as the field it is.
    pub fn of(tok: &'t Token<'a>) -> Self {
        Field {
            tok,
            kind: tok.kind,
        }
    }
}

impl<'a> std::ops::Deref for Field<'_, 'a> {
    type Target = Token<'a>;

    fn deref(&self) -> &Token<'a> {
        self.tok
    }
}

/// A row label with the cells that followed it.
#[derive(Debug, Clone)]
pub struct RawRow<'t, 'a, R> {
    /// The catalogue row.
    pub row: R,
    /// The label token.
    pub label: &'t Token<'a>,
    /// Value, empty and unreadable fields after the label, in order.
    pub values: Vec<Field<'t, 'a>>,
    /// The match score of the label.
    pub score: f32,
    /// Cells after the first [`MAX_ROW_CELLS`], counted but not kept.
    pub dropped: usize,
    /// The label of a row printed just before this one with no value after it: values
    /// that stand apart from this row's label could be that row's as well.
    pub contested: Option<&'t Token<'a>>,
    /// Cells to make room for at the first: the table's columns.
    room: usize,
}

impl<'t, 'a, R> RawRow<'t, 'a, R> {
    /// Report a row the edition's grid has no place for, with its values as unused.
    pub fn warn_unknown(&self, table: TableId, edition: Edition, sink: &mut Sink<'_>) {
        let unused = sink.unused(
            self.values
                .iter()
                .filter(|t| t.kind == TokenKind::Value)
                .map(|f| f.tok),
        );
        sink.warn(
            WarningKind::UnknownRow {
                table,
                label: self.label.text().to_string(),
                edition: Some(edition),
                unused,
            },
            self.label.range().clone(),
        );
    }

    /// Whether the row's values could belong to the value-less row before it: the
    /// label before had none, and no value stands on this label's own row.
    pub fn ambiguous(&self) -> bool {
        self.contested.is_some() && !self.values.iter().any(|v| v.row() == self.label.row())
    }

    /// A row that starts at its label.
    pub fn new(row: R, label: &'t Token<'a>, score: f32, room: usize) -> Self {
        RawRow {
            row,
            label,
            values: Vec::new(),
            score,
            dropped: 0,
            contested: None,
            room,
        }
    }

    /// Keep a cell of the row (counting it only, past [`MAX_ROW_CELLS`]).
    pub fn push(&mut self, field: Field<'t, 'a>) {
        if self.values.capacity() == 0 {
            // Room for the table's columns at once, rather than growing by doubling.
            self.values.reserve_exact(self.room);
        }
        if self.values.len() < MAX_ROW_CELLS {
            self.values.push(field);
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
        tok.row() == self.label.row()
            && tok.range().start >= self.label.range().end
            && (tok.delimited || self.values.iter().any(|v| v.row() == tok.row()))
    }

    /// Keep a label token as an unreadable cell of the row.
    pub fn push_text(&mut self, tok: &'t Token<'a>) {
        self.push(Field {
            tok,
            kind: TokenKind::Unreadable,
        });
    }
}

/// Record values that no row owns; `unknown` is the label before them when it is not
/// a template row (then reported as such).
pub fn stray<'t, 'a>(
    sink: &mut Sink<'_>,
    table: TableId,
    pending: &mut Vec<Field<'t, 'a>>,
    unknown: &mut Option<&'t Token<'a>>,
    in_header: bool,
) {
    let label = unknown.take();
    let mut vals = pending.iter().filter(|t| t.kind == TokenKind::Value);
    if let Some(first) = vals.next() {
        let last = vals.next_back().unwrap_or(first);
        let unused = sink.unused(
            pending
                .iter()
                .filter(|t| t.kind == TokenKind::Value)
                .map(|f| f.tok),
        );
        match label {
            Some(l) => sink.warn(
                WarningKind::UnknownRow {
                    table,
                    label: l.text().to_string(),
                    edition: None,
                    unused,
                },
                l.range().start..last.range().end,
            ),
            None => sink.warn(
                WarningKind::StrayValue {
                    table,
                    in_header,
                    unused,
                },
                first.range().start..last.range().end,
            ),
        }
    }
    pending.clear();
}

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
/// Fit a row's fields to its `columns` (`key` names a column). Every field keeps its
/// slot: only empty fields past the row's last column (trailing, or one leading empty
/// field standing for the label column) are dropped; extra values at the end are
/// reported and not used. A row with fewer fields than columns cannot say which cell
/// it lost: none of its values is placed (they go to [`Sink::unplaced`] for the
/// recoveries, then to a [`WarningKind::NotPlaced`] warning), and `None` is returned.
/// Otherwise the fields, one per column.
#[allow(clippy::too_many_arguments)]
pub fn fit<'v, 't, 'a, K: Copy>(
    values: &'v [Field<'t, 'a>],
    dropped: usize,
    columns: &[K],
    key: impl Fn(K) -> &'static str,
    place: RowAt,
    at: std::ops::Range<usize>,
    sink: &mut Sink<'_>,
) -> Option<&'v [Field<'t, 'a>]> {
    let expected = columns.len();
    let mut v: &[Field<'t, 'a>] = values;
    while v.len() > expected && v.last().is_some_and(|t| t.kind == TokenKind::Empty) {
        v = v.get(..v.len() - 1).unwrap_or(&[]);
    }
    while v.len() > expected && v.first().is_some_and(|t| t.kind == TokenKind::Empty) {
        v = v.get(1..).unwrap_or(&[]);
    }
    if v.len() > expected {
        let extra = v.get(expected..).unwrap_or(&[]);
        let start = extra.first().map_or(at.start, |t| t.range().start);
        let end = extra.last().map_or(at.end, |t| t.range().end);
        let unused = sink.unused(extra.iter().map(|f| f.tok));
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
                columns: columns.iter().map(|&c| key(c)).collect(),
                fields: v
                    .iter()
                    .map(|t| (t.text().to_string(), t.range().clone()))
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
        return None;
    }
    Some(v)
}

/// Turn a field into a cell placed by its row label and column (reporting unreadable
/// text).
pub fn cell_of(
    tok: &Field<'_, '_>,
    declared_unit: Option<&str>,
    place: RowAt,
    column: &str,
    sink: &mut Sink<'_>,
) -> Cell {
    cell_placed(tok, declared_unit, Placement::Label, place, column, sink)
}

/// Turn a field into a cell placed as `placement` says: a note in brackets after the
/// number is kept apart (`147(含合并2件)` → 147, note `含合并2件`); text that is not a
/// number is an unreadable cell, with a warning quoting it.
pub fn cell_placed(
    tok: &Field<'_, '_>,
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
        _ => match parse_value(&tok.text(), declared_unit) {
            Value::Unreadable => match split_note(&tok.text()) {
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
                text: tok.text().to_string(),
            },
            tok.range().clone(),
        );
    }
    Cell {
        value,
        raw: tok.text().to_string(),
        span: sink.span(tok.range().clone()),
        placement,
        note,
    }
}

/// Where each missing row of a table should have been: the end of the nearest
/// preceding row that was read, else the start of the nearest following one, else
/// the table's start. `printed` gives, in template order, the span of each row's
/// cells (`None` for a row not printed); the result lists the missing rows' indices
/// with their points.
pub fn missing_points(printed: &[Option<Span>], table_start: Span) -> Vec<(usize, Span)> {
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
pub fn cover<'c>(cells: impl Iterator<Item = &'c Cell>) -> Option<Span> {
    cells.map(|c| c.span).reduce(Span::join)
}

/// Whether a row read from the text goes into the table: not when the row was printed
/// before (reported); a label matched only approximately is reported too.
pub fn admit<R>(
    r: &RawRow<'_, '_, R>,
    seen: bool,
    key: &str,
    table: TableId,
    sink: &mut Sink<'_>,
) -> bool {
    if seen {
        sink.warn(
            WarningKind::DuplicateRow {
                table,
                label: r.label.text().to_string(),
            },
            r.label.range().clone(),
        );
        return false;
    }
    if r.score < EXACT {
        sink.warn(
            WarningKind::FuzzyLabel {
                table,
                label: r.label.text().to_string(),
                read_as: key.to_string(),
            },
            r.label.range().clone(),
        );
    }
    true
}
