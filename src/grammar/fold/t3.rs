//! Table 三 (依申请公开): rows of seven columns under their group labels; in
//! space-aligned text, rows with blank cells placed by their values' column positions.

use super::{Loose, Unknown};
use crate::catalogue::{T3Col, T3Group, T3Row, TableId, T3_COLUMNS};
use crate::grammar::events::{numbered, TableEvent, T3};
use crate::grammar::facts::{EditionFacts, Votes};
use crate::grammar::positions;
use crate::grammar::tables::{
    admit, cell_of, cell_placed, cover, fit, missing_points, stray, Field, RawRow, RowAt, Sink,
    Unplaced,
};
use crate::lex::value::parse_value;
use crate::lex::{Token, TokenKind};
use crate::model::cell::{Cell, Decimal, Placement, Value};
use crate::model::tables::{Applicants, Requests};
use crate::model::warning::WarningKind;
use crate::span::Span;

/// Table 三 as read.
#[derive(Debug, Default)]
pub struct T3Raw<'t, 'a> {
    /// Rows in input order.
    pub rows: Vec<RawRow<'t, 'a, T3Row>>,
    /// Edition evidence.
    pub votes: Votes,
    /// Whether the table was found.
    pub found: bool,
    /// Column centres from a header line naming every column (space-aligned text).
    pub header: Option<Vec<usize>>,
}

/// The fold's state between events.
struct Fold<'t, 'a> {
    raw: T3Raw<'t, 'a>,
    in_rows: bool,
    current: Option<RawRow<'t, 'a, T3Row>>,
    loose: Loose<'t, 'a>,
    unknown: Unknown<'t, 'a>,
    /// A row label printed with no value after it (or one we could not match): the
    /// values after the next label could be its.
    bare: Option<&'t Token<'a>>,
}

impl<'t, 'a> Fold<'t, 'a> {
    fn finish(&mut self) {
        if let Some(r) = self.current.take() {
            if !r.values.is_empty() {
                self.raw.rows.push(r);
            }
        }
    }

    fn event(&mut self, event: TableEvent<'t, 'a, T3>, sink: &mut Sink<'_>) {
        let Some(event) = super::take_cell(&mut self.current, &mut self.loose, event) else {
            return;
        };
        match event {
            // Taken as a cell above.
            TableEvent::Value(_) => {}
            TableEvent::Header(_, _) => {
                self.raw.found = true;
                if self.current.as_ref().is_some_and(RawRow::has_values) {
                    self.finish();
                } else {
                    self.current = None;
                }
            }
            TableEvent::Caption(_, tok) => {
                self.raw.found = true;
                // A row label run into the group label (`(四)无2.没有现成信息…`, text
                // taken from a PDF in reading order) is a value-less row too.
                self.bare = self
                    .current
                    .as_ref()
                    .filter(|c| c.values.is_empty())
                    .map(|c| c.label)
                    .or_else(|| numbered(&tok.text()).then_some(tok));
                self.finish();
                stray(sink, TableId::T3, &mut self.loose, &mut self.unknown, false);
                self.in_rows = true;
            }
            TableEvent::Row(r, s, tok) => {
                self.raw.found = true;
                // A row printed just before with no value, even across a group label,
                // contests values standing apart from this label. (`(六)其他处理`
                // printed as a row label heads its three rows.)
                let heads = |prev: T3Row| {
                    prev == T3Row::OtherProcessing
                        && r.def().group == Some(T3Group::OtherProcessing)
                };
                let contested = match self.current.as_ref() {
                    Some(c) if c.values.is_empty() && !heads(c.row) => Some(c.label),
                    Some(_) => None,
                    None => self.bare.take(),
                };
                self.bare = None;
                self.finish();
                stray(
                    sink,
                    TableId::T3,
                    &mut self.loose,
                    &mut self.unknown,
                    !self.in_rows,
                );
                self.in_rows = true;
                self.raw.votes.add_where(|v| v.t3_rows.contains(&r));
                let mut row = RawRow::new(r, tok, s, T3_COLUMNS.len());
                row.contested = contested;
                self.current = Some(row);
            }
            TableEvent::Text { token, .. } => {
                // A wrapped continuation of the label before it, a header we do not
                // know, or a row the template does not have: its values (if any
                // follow) are reported as stray. A delimited row of its own that starts
                // with unknown text is never the open row's continuation.
                if numbered(&token.text()) {
                    // A row label we cannot match (run into other text): the values
                    // after the next label could be its.
                    self.bare = Some(token);
                }
                if self.current.as_ref().is_some_and(RawRow::has_values) {
                    self.finish();
                    self.unknown = Some(token);
                } else if token.delimited
                    && self
                        .current
                        .as_ref()
                        .is_some_and(|c| c.label.row() != token.row())
                {
                    self.current = None;
                    self.unknown = Some(token);
                }
            }
        }
    }
}

/// Fold table 三's events into its rows; `tokens` are those the events come from (a
/// header line naming every column anchors the columns of space-aligned text).
pub fn read<'t, 'a>(
    tokens: &'t [Token<'a>],
    events: impl IntoIterator<Item = TableEvent<'t, 'a, T3>>,
    sink: &mut Sink<'_>,
) -> T3Raw<'t, 'a> {
    let names: [&str; 7] = T3_COLUMNS.map(T3Col::label);
    let mut f = Fold {
        raw: T3Raw {
            header: positions::header_anchors(tokens, &names),
            ..T3Raw::default()
        },
        in_rows: false,
        current: None,
        loose: Vec::new(),
        unknown: None,
        bare: None,
    };
    for e in events {
        f.event(e, sink);
    }
    f.finish();
    stray(sink, TableId::T3, &mut f.loose, &mut f.unknown, false);
    f.raw
}

/// Table 三 in an edition's grid, from what was read, built in place in an empty
/// `table` (it is large: it is not moved).
pub fn grid(raw: &T3Raw<'_, '_>, facts: &EditionFacts, table: &mut Requests, sink: &mut Sink<'_>) {
    let edition = facts.edition;
    let columns = facts.t3_columns;
    // Complete rows of space-aligned text: their values' centres are the anchors that
    // place the values of rows with blank cells.
    let complete: Vec<(usize, &[Field<'_, '_>])> = raw
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.values.len() == columns.len()
                && r.values
                    .iter()
                    .all(|t| !t.delimited && t.width() > 0 && t.kind == TokenKind::Value)
        })
        .map(|(i, r)| (i, r.values.as_slice()))
        .collect();
    let measure = if complete.is_empty() {
        positions::Measure::Chars
    } else {
        positions::measure_of(
            &complete
                .iter()
                .map(|(_, v)| v.iter().map(|f| f.tok).collect())
                .collect::<Vec<_>>(),
        )
    };
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
        let label_range = r.label.range().clone();
        if !facts.accepts_t3_row(r.row) {
            r.warn_unknown(TableId::T3, edition, sink);
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
        if misaligned(r, columns.len()) {
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
                columns: columns.iter().map(|c| c.key()).collect(),
                fields: r
                    .values
                    .iter()
                    .map(|t| (t.text().to_string(), t.range().clone()))
                    .collect(),
                at: label_range,
                or_row: r.contested.map(|t| t.text().to_string()),
            });
            continue;
        }
        let header = raw
            .header
            .as_deref()
            .filter(|_| measure == positions::Measure::Chars);
        let anchors = Anchors {
            full: &full,
            header,
            measure,
        };
        if let Some(row) = by_position(r, idx, columns, &anchors, place, sink) {
            *table.row_mut(r.row) = Some(row);
            continue;
        }
        let cells = fit(
            &r.values,
            r.dropped,
            columns,
            T3Col::key,
            place,
            label_range,
            sink,
        );
        let mut row = Applicants::default();
        for (col, tok) in columns.iter().zip(cells.unwrap_or(&[])) {
            *row.slot_mut(*col) = Some(cell_of(tok, None, place, col.key(), sink));
        }
        *table.row_mut(r.row) = Some(row);
    }
}

/// What places the values of space-aligned rows with blank cells: the centres of the
/// complete rows' values (by row index), else the header's.
struct Anchors<'x> {
    full: &'x [(usize, Vec<usize>)],
    header: Option<&'x [usize]>,
    measure: positions::Measure,
}

/// A row of space-aligned text with blank cells (fewer values than columns), placed
/// by its values' column positions against the complete rows before and after it
/// (see [`positions`]); `None` when the row is not such a row or its positions do not
/// pin every value.
fn by_position(
    r: &RawRow<'_, '_, T3Row>,
    idx: usize,
    columns: &[T3Col],
    anchors: &Anchors<'_>,
    place: RowAt,
    sink: &mut Sink<'_>,
) -> Option<Applicants> {
    if r.values.is_empty()
        || r.values.len() >= columns.len()
        || r.values.iter().any(|t| {
            t.delimited
                || t.width() == 0
                || !matches!(t.kind, TokenKind::Value | TokenKind::Unreadable)
        })
    {
        return None;
    }
    let vals = &r.values;
    let xs: Vec<usize> = vals
        .iter()
        .map(|t| positions::centre(t, anchors.measure))
        .collect();
    let full = anchors.full;
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
        (None, None) => positions::place_between(&xs, anchors.header, None)?,
        _ => positions::place_between(&xs, before, after)?,
    };
    let mut row = Applicants::default();
    let mut at = r.label.range().end;
    for (k, col) in columns.iter().enumerate() {
        let cell = match cols.iter().position(|&c| c == k).and_then(|p| vals.get(p)) {
            Some(tok) => {
                at = tok.range().end;
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
/// and its first columns fail the row total: values of a table flattened column by
/// column, which cannot be assigned to this row.
fn misaligned(r: &RawRow<'_, '_, T3Row>, columns: usize) -> bool {
    let mut vals = r.values.iter().filter(|t| t.kind == TokenKind::Value);
    if vals.clone().count() <= columns || vals.clone().all(|t| t.line() == r.label.line()) {
        return false;
    }
    let mut sum = Decimal::integer(0);
    for _ in 0..columns.saturating_sub(1) {
        let n = vals
            .next()
            .and_then(|t| parse_value(&t.text(), None).number());
        match n.and_then(|n| sum.checked_add(n)) {
            Some(s) => sum = s,
            None => return true,
        }
    }
    vals.next()
        .and_then(|t| parse_value(&t.text(), None).number())
        != Some(sum)
}

/// Report the template rows of table 三 the report does not print, each where it
/// should have been. A row printed in place of several (`(六)其他处理` in the 2021
/// edition) stands for them.
pub fn missing_rows(table: &Requests, facts: &EditionFacts, at: usize, sink: &mut Sink<'_>) {
    let stood_for = |row: T3Row| {
        facts
            .t3_merged
            .iter()
            .any(|(m, parts)| parts.contains(&row) && table.row(*m).is_some())
    };
    let rows: Vec<(&'static str, Option<Span>)> = facts
        .t3_rows
        .iter()
        .filter(|&&row| !stood_for(row))
        .map(|&row| {
            (
                row.key(),
                table
                    .row(row)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Edition;
    use crate::grammar::events::t3_events;
    use crate::grammar::fold::testing::{kinds, norm};
    use crate::grammar::{ed2019, ed2021};
    use crate::lex::lex_table;
    use crate::model::warning::Warning;
    use crate::normalize::Normalized;

    const HEAD: &str =
        "申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n";

    fn run<'n>(
        n: &'n Normalized,
        facts: &EditionFacts,
    ) -> (Requests, Votes, Vec<(T3Row, usize)>, Sink<'n>) {
        let toks = lex_table(n.text(), 0..n.text().len());
        let mut sink = Sink::new(n);
        let raw = read(&toks, t3_events(&toks), &mut sink);
        let rows = raw.rows.iter().map(|r| (r.row, r.values.len())).collect();
        let mut t = Requests::default();
        grid(&raw, facts, &mut t, &mut sink);
        (t, raw.votes, rows, sink)
    }

    fn ints(t: &Requests, row: T3Row) -> Vec<Option<i64>> {
        T3_COLUMNS
            .iter()
            .map(|&c| t.cell(row, c).and_then(Cell::integer))
            .collect()
    }

    #[test]
    fn rows_fitted_with_unreadable_and_lost_cells() {
        let n = norm(&format!(
            "{HEAD}一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n\
             二、上年结转政府信息公开申请数量 | 1 | N/A | 0 | 0 | 0 | 0 | 1 |\n\
             三、本年度办理结果\n(一)予以公开 | 2 | 0 | 0 | 0 | 0 | 6 |\n"
        ));
        let (t, votes, rows, sink) = run(&n, &ed2021::FACTS);
        assert_eq!(
            rows,
            [
                (T3Row::NewRequests, 7),
                (T3Row::CarriedOver, 7),
                (T3Row::Disclosed, 6)
            ]
        );
        assert_eq!((votes.e2019, votes.e2021), (0, 0));
        let some = |v: [i64; 7]| v.map(Some).to_vec();
        assert_eq!(ints(&t, T3Row::NewRequests), some([5, 1, 0, 0, 0, 0, 6]));
        assert_eq!(
            ints(&t, T3Row::CarriedOver),
            [Some(1), None, Some(0), Some(0), Some(0), Some(0), Some(1)]
        );
        let na = t.cell(T3Row::CarriedOver, T3Col::Commercial);
        assert_eq!(
            na.map(|c| (&c.value, c.raw.as_str())),
            Some((&Value::Unreadable, "N/A"))
        );
        assert_eq!(
            t.cell(T3Row::NewRequests, T3Col::Total)
                .map(|c| c.placement),
            Some(Placement::Label)
        );
        // The row that lost a cell is printed, with none of its values placed.
        assert_eq!(t.row(T3Row::Disclosed).map(|r| r.cells().count()), Some(0));
        assert_eq!(kinds(&sink.warnings), ["UnreadableCell"]);
        let u = &sink.unplaced;
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].place.row, Some("本年度办理结果/予以公开"));
        let fields: Vec<&str> = u[0].fields.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(fields, ["2", "0", "0", "0", "0", "6"]);
        let c = u[0].candidates();
        assert_eq!(
            c.first().copied(),
            Some(["自然人", "法人或其他组织/商业企业"].as_slice())
        );
        assert_eq!(
            c.last().copied(),
            Some(["法人或其他组织/其他", "总计"].as_slice())
        );
    }

    #[test]
    fn rows_of_one_edition_only() {
        let text = format!(
            "{HEAD}三、本年度办理结果\n(六)其他处理\n3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        );
        let n = norm(&text);
        // `(六)其他处理` printed as a row label heads `3.其他`, the 2021 edition's row.
        let (t, votes, rows, sink) = run(&n, &ed2021::FACTS);
        assert_eq!(rows, [(T3Row::OtherOther, 7)]);
        assert_eq!((votes.e2019, votes.e2021), (0, 1));
        assert_eq!(
            ints(&t, T3Row::OtherOther).first().copied().flatten(),
            Some(1)
        );
        assert!(sink.warnings.is_empty(), "{:?}", sink.warnings);
        // The 2019 edition has no such row: reported, no cell.
        let (t, _, _, sink) = run(&n, &ed2019::FACTS);
        assert_eq!(t.cells().count(), 0);
        assert!(matches!(
            &sink.warnings[..],
            [Warning { kind: WarningKind::UnknownRow { edition: Some(Edition::E2019), unused, .. }, .. }]
                if unused.len() == 7
        ));
    }

    #[test]
    fn a_merged_row_stands_for_its_rows() {
        let n = norm(&format!(
            "{HEAD}三、本年度办理结果\n(六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        ));
        let (t, _, rows, mut sink) = run(&n, &ed2021::FACTS);
        assert_eq!(rows, [(T3Row::OtherProcessing, 7)]);
        missing_rows(&t, &ed2021::FACTS, 0, &mut sink);
        let missing: Vec<String> = sink
            .warnings
            .iter()
            .filter_map(|w| match &w.kind {
                WarningKind::MissingRow { row, .. } => Some(row.clone()),
                _ => None,
            })
            .collect();
        // 25 rows, less the three it stands for, none printed.
        assert_eq!(missing.len(), 22);
        assert!(!missing
            .iter()
            .any(|r| r.starts_with("本年度办理结果/其他处理/")));
    }

    #[test]
    fn blank_cells_of_space_aligned_rows_placed_by_position() {
        let line = |label: &str, cells: [&str; 7]| {
            let pad = 20 - label.chars().count();
            let mut s = format!("{label}{}", " ".repeat(pad));
            for c in cells {
                s.push_str(&format!("{c:>7}"));
            }
            s.push('\n');
            s
        };
        let text = [
            line(
                "一、本年新收政府信息公开申请数量",
                ["5", "1", "0", "0", "0", "0", "6"],
            ),
            line(
                "二、上年结转政府信息公开申请数量",
                ["2", "", "", "", "", "", "2"],
            ),
            "三、本年度办理结果\n".to_string(),
            line("(一)予以公开", ["3", "1", "0", "0", "0", "0", "4"]),
        ]
        .concat();
        let n = norm(&text);
        let (t, _, rows, sink) = run(&n, &ed2021::FACTS);
        assert_eq!(rows.get(1), Some(&(T3Row::CarriedOver, 2)));
        // `2 … 2`: first and last column, the five between blank (not zero).
        let row: Vec<(Value, Placement)> = T3_COLUMNS
            .iter()
            .filter_map(|&c| t.cell(T3Row::CarriedOver, c))
            .map(|c| (c.value.clone(), c.placement))
            .collect();
        let two = Value::Number {
            value: Decimal::integer(2),
            unit: None,
            approximate: false,
        };
        let mut want = vec![(Value::Blank, Placement::Position); 7];
        want[0].0 = two.clone();
        want[6].0 = two;
        assert_eq!(row, want);
        assert_eq!(ints(&t, T3Row::Disclosed), [3, 1, 0, 0, 0, 0, 4].map(Some));
        assert!(sink.warnings.is_empty(), "{:?}", sink.warnings);
        assert!(sink.unplaced.is_empty());
    }
}
