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
                self.at = tok.range().clone();
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
                    && self.values.last().is_some_and(|v| v.row() == token.row()) =>
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
        let number = |t: &Field<'_, '_>| parse_value(&t.text(), None).number();
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
    use crate::catalogue::{T4Col, T4Row, T4_COLUMNS, T4_ROWS};
    use crate::grammar::ed2021;
    use crate::grammar::events::t4_events;
    use crate::grammar::fold::testing::{kinds, norm};
    use crate::lex::lex_table;
    use crate::model::cell::Value;

    const HEAD: &str =
        "行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n";

    #[test]
    fn fifteen_values_in_template_order() {
        let n = norm(&format!(
            "{HEAD}1 | 0 | 0 | 0 | 1 | 0 | 2 | 0 | 0 | 2 | 0 | 0 | N/A | 1 | 1 |\n"
        ));
        let toks = lex_table(n.text(), 0..n.text().len());
        let raw = read(t4_events(&toks));
        assert!(raw.found && !raw.interleaved);
        assert_eq!((raw.values.len(), raw.dropped), (15, 0));
        assert_eq!(raw.at, 0.."行政复议".len());
        let mut sink = Sink::new(&n);
        let t = grid(&raw, &ed2021::FACTS, &mut sink);
        let int = |r, c| t.cell(r, c).and_then(|c| c.integer());
        assert_eq!(int(T4Row::Review, T4Col::Upheld), Some(1));
        assert_eq!(int(T4Row::Review, T4Col::Total), Some(1));
        assert_eq!(int(T4Row::DirectLitigation, T4Col::Corrected), Some(2));
        assert_eq!(int(T4Row::DirectLitigation, T4Col::Total), Some(2));
        assert_eq!(int(T4Row::LitigationAfterReview, T4Col::Pending), Some(1));
        // Text in a field is an unreadable cell of its slot; the others keep theirs.
        assert_eq!(
            t.cell(T4Row::LitigationAfterReview, T4Col::Other)
                .map(|c| &c.value),
            Some(&Value::Unreadable)
        );
        assert_eq!(t.cells().count(), 15);
        assert_eq!(kinds(&sink.warnings), ["UnreadableCell"]);
    }

    #[test]
    fn header_text_between_values_needs_the_group_totals() {
        // Header text among the values: their order is trusted only where every
        // group's 总计 is the sum of the four before it.
        let bad = norm(&format!(
            "{HEAD}1 | 2 | 3 | 4 | 5 |\n复议后起诉 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        ));
        let toks = lex_table(bad.text(), 0..bad.text().len());
        let raw = read(t4_events(&toks));
        assert!(raw.interleaved);
        let mut sink = Sink::new(&bad);
        let t = grid(&raw, &ed2021::FACTS, &mut sink);
        assert_eq!(t.cells().count(), 0);
        assert!(matches!(
            &sink.warnings[..],
            [w] if matches!(w.kind, WarningKind::Misaligned { values: 15, row: None, .. })
        ));
        let good = norm(&format!(
            "{HEAD}1 | 2 | 3 | 4 | 10 |\n复议后起诉 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        ));
        let toks = lex_table(good.text(), 0..good.text().len());
        let raw = read(t4_events(&toks));
        let mut sink = Sink::new(&good);
        let t = grid(&raw, &ed2021::FACTS, &mut sink);
        assert_eq!(
            t.cell(T4Row::Review, T4Col::Total)
                .and_then(|c| c.integer()),
            Some(10)
        );
        assert!(sink.warnings.is_empty());
    }

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
