//! Table 四 (行政复议、行政诉讼): a header, then fifteen values in template order (three
//! groups of five, each ending in its 总计).

use crate::catalogue::TableId;
use crate::grammar::events::{TableEvent, T4};
use crate::grammar::facts::EditionFacts;
use crate::grammar::tables::{cell_of, fit, Field, RowAt, Sink, MAX_ROW_CELLS};
use crate::lex::value::parse_value;
use crate::lex::TokenKind;
use crate::model::cell::Decimal;
use crate::model::tables::Appeals;
use crate::model::warning::WarningKind;

/// Table 四's fifteen cells in template order, by row and column key.
pub const T4_KEYS: [&str; 15] = [
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

/// Table 四 as read: its values in order.
#[derive(Debug, Default)]
pub struct T4Raw<'t, 'a> {
    /// Value, empty and unreadable fields after the header (the first
    /// [`MAX_ROW_CELLS`]).
    pub values: Vec<Field<'t, 'a>>,
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

impl<'t, 'a> T4Raw<'t, 'a> {
    fn push(&mut self, f: Field<'t, 'a>) {
        if self.values.len() < MAX_ROW_CELLS {
            self.values.push(f);
        } else {
            self.dropped += 1;
        }
    }

    fn event(&mut self, event: TableEvent<'t, 'a, T4>) {
        match event {
            TableEvent::Header(_, tok) if !self.found => {
                self.found = true;
                self.at = tok.range.clone();
            }
            TableEvent::Value(tok) => {
                if self.found {
                    self.push(Field::of(tok));
                }
            }
            // Text in a delimited field among the values: an unreadable cell.
            TableEvent::Text { token, .. }
                if self.found
                    && token.delimited
                    && self.values.last().is_some_and(|v| v.row == token.row) =>
            {
                self.push(Field {
                    tok: token,
                    kind: TokenKind::Unreadable,
                });
            }
            TableEvent::Header(..) | TableEvent::Text { .. } => {
                if self.found && self.values.iter().any(|t| t.kind == TokenKind::Value) {
                    self.interleaved = true;
                }
            }
            TableEvent::Caption(c, _) => match c {},
            TableEvent::Row(r, _, _) => match r {},
        }
    }
}

/// Fold table 四's events: the header, then its values.
pub fn read<'t, 'a>(events: impl IntoIterator<Item = TableEvent<'t, 'a, T4>>) -> T4Raw<'t, 'a> {
    let mut raw = T4Raw::default();
    for e in events {
        raw.event(e);
    }
    raw
}

/// Whether, taken in template order, every group of `width` values has its 总计 (the
/// last) equal to the sum of the others.
fn groups_add_up(cells: Option<&[Field<'_, '_>]>, width: usize) -> bool {
    cells.unwrap_or(&[]).chunks(width.max(1)).all(|g| {
        let number = |t: &Field<'_, '_>| parse_value(&t.text, None).number();
        let (parts, total) = g.split_at(g.len().saturating_sub(1));
        let sum = parts
            .iter()
            .try_fold(Decimal::integer(0), |a, t| a.checked_add(number(t)?));
        match (sum, total.first().and_then(number)) {
            (Some(s), Some(t)) => s == t,
            _ => true,
        }
    })
}

/// Table 四 in an edition's grid.
pub fn grid(raw: &T4Raw<'_, '_>, facts: &EditionFacts, sink: &mut Sink<'_>) -> Appeals {
    let mut table = Appeals::default();
    let cells = fit(
        &raw.values,
        raw.dropped,
        &T4_KEYS,
        |k| k,
        RowAt {
            table: TableId::T4,
            block: None,
            row: None,
        },
        raw.at.clone(),
        sink,
    );
    if raw.interleaved && !groups_add_up(cells, facts.t4_columns.len()) {
        let n = cells.map_or(0, <[_]>::len);
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
    let mut it = cells.unwrap_or(&[]).iter();
    for &row in facts.t4_rows {
        let place = RowAt {
            table: TableId::T4,
            block: None,
            row: Some(row.key()),
        };
        for &col in facts.t4_columns {
            if let Some(tok) = it.next() {
                *table.group_mut(row).slot_mut(col) =
                    Some(cell_of(tok, None, place, col.key(), sink));
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{T4_COLUMNS, T4_ROWS};

    #[test]
    fn keys_name_rows_and_columns() {
        let want: Vec<String> = T4_ROWS
            .iter()
            .flat_map(|r| {
                T4_COLUMNS
                    .iter()
                    .map(move |c| format!("{}/{}", r.key(), c.key()))
            })
            .collect();
        assert_eq!(T4_KEYS.to_vec(), want);
    }
}
