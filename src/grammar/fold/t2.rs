//! Table 二 (主动公开): blocks under their captions, each with its header and rows.

use super::{Loose, Unknown};
use crate::catalogue::{T2Block, T2Col, T2Row, TableId};
use crate::grammar::events::{TableEvent, T2};
use crate::grammar::facts::{EditionFacts, Votes, EDITIONS};
use crate::grammar::tables::{
    admit, cell_of, cover, fit, missing_points, stray, RawRow, RowAt, Sink,
};
use crate::lex::Token;
use crate::model::tables::ActiveDisclosure;
use crate::model::warning::WarningKind;
use crate::span::Span;
use std::collections::BTreeMap;

/// The most columns a block of table 二 has in either edition: the room a row makes
/// for its cells at the first.
const T2_ROW_CELLS: usize = 3;

/// A header cell: the column it names, the match score, the token.
pub type HeaderCell<'t, 'a> = (T2Col, f32, &'t Token<'a>);

/// Table 二 as read: rows with their cells, the header columns seen per block.
#[derive(Debug, Default)]
pub struct T2Raw<'t, 'a> {
    /// Rows in input order.
    pub rows: Vec<RawRow<'t, 'a, T2Row>>,
    /// Header columns per block, in printed order.
    pub headers: BTreeMap<T2Block, Vec<HeaderCell<'t, 'a>>>,
    /// Edition evidence.
    pub votes: Votes,
    /// Whether any table 二 label was found.
    pub found: bool,
}

/// The fold's state between events.
struct Fold<'t, 'a> {
    raw: T2Raw<'t, 'a>,
    block: Option<T2Block>,
    header: Vec<HeaderCell<'t, 'a>>,
    current: Option<RawRow<'t, 'a, T2Row>>,
    loose: Loose<'t, 'a>,
    unknown: Unknown<'t, 'a>,
    /// Values just before a row label that gets none after it (text taken from a PDF
    /// in reading order prints a one-cell row's value before its label).
    before: Loose<'t, 'a>,
}

impl<'t, 'a> Fold<'t, 'a> {
    /// Close the open row (taking the values printed before its label when none
    /// followed it); values before a label left unused are stray.
    fn finish(&mut self, sink: &mut Sink<'_>) {
        if let Some(mut r) = self.current.take() {
            if !r.has_values() {
                r.values = std::mem::take(&mut self.before);
            }
            if !r.values.is_empty() {
                self.raw.rows.push(r);
            }
        }
        let mut none = None;
        stray(sink, TableId::T2, &mut self.before, &mut none, false);
    }

    fn stray(&mut self, sink: &mut Sink<'_>, in_header: bool) {
        stray(
            sink,
            TableId::T2,
            &mut self.loose,
            &mut self.unknown,
            in_header,
        );
    }

    fn event(&mut self, event: TableEvent<'t, 'a, T2>, sink: &mut Sink<'_>) {
        let Some(event) = super::take_cell(&mut self.current, &mut self.loose, event) else {
            return;
        };
        match event {
            // Taken as a cell above.
            TableEvent::Value(_) => {}
            TableEvent::Caption(b, _) => {
                self.finish(sink);
                self.stray(sink, false);
                self.raw.found = true;
                self.raw.votes.add_where(|v| v.t2_blocks.contains(&b));
                self.block = Some(b);
                self.header.clear();
            }
            TableEvent::Header(None, _) => {
                self.finish(sink);
                self.stray(sink, false);
                self.raw.found = true;
                self.header.clear();
            }
            TableEvent::Header(Some((c, s)), tok) => {
                // A header cell between a row label and its values (cells out of
                // order in text taken from a PDF) leaves the row open.
                if self.current.as_ref().is_some_and(RawRow::has_values) {
                    self.finish(sink);
                }
                self.stray(sink, true);
                self.raw.votes.add_where(|v| v.t2_columns.contains(&c));
                self.header.push((c, s, tok));
            }
            TableEvent::Row(r, s, tok) => {
                self.finish(sink);
                if self.unknown.is_some() {
                    self.stray(sink, false);
                } else {
                    self.before = std::mem::take(&mut self.loose);
                }
                self.raw.found = true;
                self.raw.votes.add_where(|v| v.t2_rows.contains(&r));
                let b = block_of_row(r, self.block);
                if !self.header.is_empty() {
                    let header = &mut self.header;
                    self.raw
                        .headers
                        .entry(b)
                        .or_insert_with(|| std::mem::take(header));
                    self.header.clear();
                }
                self.current = Some(RawRow::new(r, tok, s, T2_ROW_CELLS));
            }
            TableEvent::Text { token, .. } => {
                // A label continuing a wrapped row label, or text we do not know (a
                // delimited row of its own starting with it is never the open row's
                // continuation).
                let ends = self.current.as_ref().is_some_and(|c| {
                    c.has_values() || (token.delimited && c.label.row() != token.row())
                });
                if ends {
                    self.finish(sink);
                    self.unknown = Some(token);
                }
            }
        }
    }
}

/// Fold table 二's events into its rows.
pub fn read<'t, 'a>(
    events: impl IntoIterator<Item = TableEvent<'t, 'a, T2>>,
    sink: &mut Sink<'_>,
) -> T2Raw<'t, 'a> {
    let mut f = Fold {
        raw: T2Raw::default(),
        block: None,
        header: Vec::new(),
        current: None,
        loose: Vec::new(),
        unknown: None,
        before: Vec::new(),
    };
    for e in events {
        f.event(e, sink);
    }
    f.finish(sink);
    f.stray(sink, false);
    f.raw
}

/// The block a row belongs to (rows are unique across blocks). A row of a block only
/// one edition prints (政府集中采购) goes under the caption printed before it, if any.
fn block_of_row(row: T2Row, current: Option<T2Block>) -> T2Block {
    let home = EDITIONS
        .iter()
        .find_map(|f| f.t2_block_of(row))
        .map_or(T2Block::Item1, |b| b.block);
    let voting = EDITIONS.iter().any(|f| f.votes.t2_blocks.contains(&home));
    match current {
        Some(c) if voting => c,
        _ => home,
    }
}

/// Table 二 in an edition's grid, from what was read.
pub fn grid(
    raw: &T2Raw<'_, '_>,
    facts: &EditionFacts,
    sink: &mut Sink<'_>,
) -> Option<ActiveDisclosure> {
    let edition = facts.edition;
    let mut table = ActiveDisclosure::empty(edition)?;
    let blocks = facts.t2_blocks;
    let mut seen: Vec<T2Row> = Vec::new();
    let columns: Vec<(T2Block, Vec<T2Col>)> = blocks
        .iter()
        .map(|b| (b.block, columns_of(b.block, b.columns, raw, sink)))
        .collect();
    for r in &raw.rows {
        let label_range = r.label.range().clone();
        let Some(def) = facts.t2_block_of(r.row) else {
            r.warn_unknown(TableId::T2, edition, sink);
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
        let cells = fit(
            &r.values,
            r.dropped,
            columns,
            T2Col::key,
            place,
            label_range,
            sink,
        );
        for (col, tok) in columns.iter().zip(cells.unwrap_or(&[])) {
            let c = cell_of(tok, col.declared_unit(), place, col.key(), sink);
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
    raw: &T2Raw<'_, '_>,
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
    let cut: Vec<std::borrow::Cow<'_, str>> = header
        .iter()
        .filter(|h| h.1 < 0.95)
        .map(|h| h.2.text())
        .collect();
    if let (Some(first), Some(last)) = (header.first(), header.last()) {
        if !cut.is_empty() || sorted != want {
            sink.warn(
                WarningKind::TruncatedHeader {
                    table: TableId::T2,
                    block: Some(block.key().to_string()),
                    header: header.iter().map(|h| h.2.text().to_string()).collect(),
                },
                first.2.range().start..last.2.range().end,
            );
        }
    }
    template.to_vec()
}

/// Report the template rows of table 二 the report does not print (they yield no
/// cells, never zeros), each where it should have been.
pub fn missing_rows(
    table: &ActiveDisclosure,
    facts: &EditionFacts,
    at: usize,
    sink: &mut Sink<'_>,
) {
    let edition = facts.edition;
    let rows: Vec<(T2Block, T2Row, Option<Span>)> = facts
        .t2_blocks
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_make_room_for_the_widest_block() {
        let widest = crate::catalogue::T2_2019
            .iter()
            .chain(crate::catalogue::T2_2021)
            .map(|b| b.columns.len())
            .max();
        assert_eq!(widest, Some(T2_ROW_CELLS));
    }
    use crate::grammar::events::t2_events;
    use crate::grammar::fold::testing::{kinds, norm};
    use crate::grammar::{ed2019, ed2021};
    use crate::lex::lex_table;

    fn int(t: &ActiveDisclosure, row: T2Row, col: T2Col) -> Option<i64> {
        t.slot(row, col)
            .and_then(Option::as_ref)
            .and_then(|c| c.integer())
    }

    #[test]
    fn blocks_headers_and_rows_in_printed_order() {
        let n = norm(
            "第二十条第(一)项\n信息内容 | 本年制发件数 | 现行有效件数 | 本年废止件数 |\n\
             规章 | 3 | 12 | 1 |\n行政规范性文件 | 5 | 40 | 0 |\n\
             第二十条第(五)项\n信息内容 | 本年处理决定数量 |\n行政许可 | 120 |\n",
        );
        let toks = lex_table(n.text(), 0..n.text().len());
        let mut sink = Sink::new(&n);
        let raw = read(t2_events(&toks), &mut sink);
        assert!(raw.found);
        let rows: Vec<(T2Row, usize)> = raw.rows.iter().map(|r| (r.row, r.values.len())).collect();
        assert_eq!(
            rows,
            [
                (T2Row::Rules, 3),
                (T2Row::NormativeDocuments, 3),
                (T2Row::Licensing, 1)
            ]
        );
        // Four column headers only the 2021 edition prints.
        assert_eq!((raw.votes.e2019, raw.votes.e2021), (0, 4));
        let printed: Vec<T2Col> = raw
            .headers
            .get(&T2Block::Item1)
            .map(|h| h.iter().map(|c| c.0).collect())
            .unwrap_or_default();
        assert_eq!(printed, [T2Col::Issued, T2Col::InForce, T2Col::Repealed]);
        let Some(t) = grid(&raw, &ed2021::FACTS, &mut sink) else {
            panic!("no table");
        };
        // Each value under the column its header names.
        assert_eq!(int(&t, T2Row::Rules, T2Col::Issued), Some(3));
        assert_eq!(int(&t, T2Row::Rules, T2Col::InForce), Some(12));
        assert_eq!(int(&t, T2Row::Rules, T2Col::Repealed), Some(1));
        assert_eq!(int(&t, T2Row::NormativeDocuments, T2Col::InForce), Some(40));
        assert_eq!(int(&t, T2Row::NormativeDocuments, T2Col::Repealed), Some(0));
        assert_eq!(
            int(&t, T2Row::Licensing, T2Col::DecisionsThisYear),
            Some(120)
        );
        assert_eq!(t.cells().count(), 7);
        assert!(sink.warnings.is_empty(), "{:?}", sink.warnings);
        // Rows the edition prints but the report does not: reported, never zero.
        missing_rows(&t, &ed2021::FACTS, 0, &mut sink);
        let missing: Vec<String> = sink
            .warnings
            .iter()
            .filter_map(|w| match &w.kind {
                WarningKind::MissingRow { row, .. } => Some(row.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(missing, ["行政处罚", "行政强制", "行政事业性收费"]);
    }

    #[test]
    fn value_before_its_label_and_stray_values() {
        // Two values under no row; a one-cell row printed value first (reading order).
        let n = norm(
            "4 | 5 |\n第二十条第(五)项\n信息内容 | 处理决定数量 |\n9\n行政许可\n\
             第二十条第(九)项\n政府集中采购 | 2 | 31.5 |\n",
        );
        let toks = lex_table(n.text(), 0..n.text().len());
        let mut sink = Sink::new(&n);
        let raw = read(t2_events(&toks), &mut sink);
        assert_eq!(kinds(&sink.warnings), ["StrayValue"]);
        assert!(matches!(
            &sink.warnings[0].kind,
            WarningKind::StrayValue { unused, in_header: false, .. } if unused.len() == 2
        ));
        // Block (九), its row and 处理决定数量 vote for 2019.
        assert_eq!((raw.votes.e2019, raw.votes.e2021), (3, 0));
        let Some(t) = grid(&raw, &ed2019::FACTS, &mut sink) else {
            panic!("no table");
        };
        assert_eq!(int(&t, T2Row::Licensing, T2Col::Decisions), None);
        // The block's header names one of its three columns: template order, warned.
        assert_eq!(int(&t, T2Row::Licensing, T2Col::PreviousYearItems), None);
        assert_eq!(
            int(&t, T2Row::Procurement, T2Col::ProcurementProjects),
            Some(2)
        );
        assert_eq!(
            t.slot(T2Row::Procurement, T2Col::ProcurementAmount)
                .and_then(Option::as_ref)
                .map(|c| c.raw.as_str()),
            Some("31.5")
        );
        assert_eq!(kinds(&sink.warnings), ["StrayValue", "TruncatedHeader"]);
        // One value for three columns: not placed, kept with its candidates.
        let u = &sink.unplaced;
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].place.row, Some("行政许可"));
        assert_eq!(
            u[0].fields.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
            ["9"]
        );
        assert_eq!(
            u[0].candidates(),
            [["上一年项目数量", "本年增/减", "处理决定数量"].as_slice()]
        );
    }
}
