//! The table reader's first step: a table's tokens (see [`crate::lex`]) turned into
//! events — a caption, header text, a labelled row, a bare value, stray text — by
//! matching each label against the [catalogue](crate::catalogue). The folds of
//! [`super::fold`] then assemble each table's rows from its events; nothing here
//! knows about rows or cells.
//!
//! Events borrow their tokens: reading a table copies no token.

use crate::catalogue::matching::{is_t4_header, match_t2, match_t3, T2Label, T3Label, EXACT};
use crate::catalogue::{T2Block, T2Col, T2Row, T3Group, T3Row};
use crate::lex::{Token, TokenKind};
use std::convert::Infallible;
use std::fmt::Debug;

/// What a table's labels can name.
pub trait Labels {
    /// What a caption names (table 二's block, table 三's group of rows).
    type Caption: Copy + Debug + PartialEq;
    /// What a header cell names.
    type Column: Copy + Debug + PartialEq;
    /// What a row label names.
    type Row: Copy + Debug + PartialEq;
}

/// Table 二: block captions, named columns, rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum T2 {}

impl Labels for T2 {
    type Caption = T2Block;
    type Column = T2Col;
    type Row = T2Row;
}

/// Table 三: group labels and rows (header cells are not told apart).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum T3 {}

impl Labels for T3 {
    type Caption = T3Group;
    type Column = Infallible;
    type Row = T3Row;
}

/// Table 四: header text only (its cells are in template order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum T4 {}

impl Labels for T4 {
    type Caption = Infallible;
    type Column = Infallible;
    type Row = Infallible;
}

/// One event of a table's token stream.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TableEvent<'t, 'a, L: Labels> {
    /// A caption over the rows that follow: table 二's `第二十条第(X)项`, table 三's
    /// group label (`(三)不予公开`).
    Caption(L::Caption, &'t Token<'a>),
    /// Header text; `Some` when it names a column (with the match score).
    Header(Option<(L::Column, f32)>, &'t Token<'a>),
    /// A row label, with the match score.
    Row(L::Row, f32, &'t Token<'a>),
    /// A value, an empty field or an unreadable field.
    Value(&'t Token<'a>),
    /// Text that is no label of the table: a wrapped label's continuation, a label of
    /// another template, a field such as `N/A`. `fragment` when it is a piece of a row
    /// label broken over lines (too short to stand for the row it resembles).
    Text {
        /// The text.
        token: &'t Token<'a>,
        /// Whether it resembles a row label only as a fragment.
        fragment: bool,
    },
}

fn value_or<'t, 'a, L: Labels>(
    tok: &'t Token<'a>,
    label: impl FnOnce() -> TableEvent<'t, 'a, L>,
) -> TableEvent<'t, 'a, L> {
    match tok.kind {
        TokenKind::Value | TokenKind::Empty | TokenKind::Unreadable => TableEvent::Value(tok),
        TokenKind::Label => label(),
    }
}

/// Table 二's events.
pub fn t2_events<'t, 'a>(tokens: &'t [Token<'a>]) -> impl Iterator<Item = TableEvent<'t, 'a, T2>> {
    tokens.iter().map(|tok| {
        value_or(tok, || match match_t2(&tok.text()) {
            Some(T2Label::Caption(b)) => TableEvent::Caption(b, tok),
            Some(T2Label::HeaderStart) => TableEvent::Header(None, tok),
            Some(T2Label::Column(c, s)) => TableEvent::Header(Some((c, s)), tok),
            Some(T2Label::Row(r, s)) => TableEvent::Row(r, s, tok),
            None => TableEvent::Text {
                token: tok,
                fragment: false,
            },
        })
    })
}

/// Table 三's events. A label is matched knowing the group of the rows before it and
/// whether the rows have begun (`总计` heads a column before the rows and ends the
/// results after them); run [`split_inline_groups`] over the tokens first.
pub fn t3_events<'t, 'a>(tokens: &'t [Token<'a>]) -> impl Iterator<Item = TableEvent<'t, 'a, T3>> {
    let mut group: Option<T3Group> = None;
    let mut in_rows = false;
    tokens.iter().map(move |tok| {
        value_or(tok, || {
            let text = |fragment| TableEvent::Text {
                token: tok,
                fragment,
            };
            match match_t3(&tok.text(), group, in_rows) {
                Some(T3Label::Header) => TableEvent::Header(None, tok),
                Some(T3Label::Group(g)) => {
                    group = Some(g);
                    in_rows = true;
                    TableEvent::Caption(g, tok)
                }
                Some(m @ T3Label::Row(r, s)) => {
                    if fragment(&m, &tok.text()) {
                        return text(true);
                    }
                    in_rows = true;
                    // `(六)其他处理` printed as a row label heads its three rows.
                    group = if r == T3Row::OtherProcessing {
                        Some(T3Group::OtherProcessing)
                    } else {
                        r.def().group
                    };
                    TableEvent::Row(r, s, tok)
                }
                None => text(false),
            }
        })
    })
}

/// Table 四's events: its header labels, values, and other text.
pub fn t4_events<'t, 'a>(tokens: &'t [Token<'a>]) -> impl Iterator<Item = TableEvent<'t, 'a, T4>> {
    tokens.iter().map(|tok| {
        value_or(tok, || {
            if is_t4_header(&tok.text()) {
                TableEvent::Header(None, tok)
            } else {
                TableEvent::Text {
                    token: tok,
                    fragment: false,
                }
            }
        })
    })
}

/// Whether a label matched only approximately is too short to be a row label: a
/// fragment of a label broken over lines (`他处理` of `(六)其\n他处理`), which would
/// take the next row's values.
fn fragment(m: &T3Label, text: &str) -> bool {
    matches!(m, T3Label::Row(_, s) if *s < EXACT) && text.chars().count() <= 3
}

/// Whether a label holds a row number (`2.`): a row label, maybe run into other text.
pub fn numbered(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2)
        .any(|w| w.first().is_some_and(u8::is_ascii_digit) && w.get(1) == Some(&b'.'))
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
/// in two (returned as they are when there is none).
pub fn split_inline_groups(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let split = |t: &Token<'_>| {
        (t.kind == TokenKind::Label)
            .then(|| inline_group_split(&t.text()))
            .flatten()
    };
    if !tokens.iter().any(|t| split(t).is_some()) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for t in tokens {
        match split(&t).and_then(|i| t.split_at(i)) {
            Some((g, r)) => {
                out.push(g);
                out.push(r);
            }
            None => out.push(t),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex_table;

    /// The events of a text, written as `kind:what` strings.
    fn shown<L: Labels>(
        events: impl Iterator<Item = TableEvent<'static, 'static, L>>,
    ) -> Vec<String> {
        events
            .map(|e| match e {
                TableEvent::Caption(c, t) => format!("caption:{c:?}:{}", t.text()),
                TableEvent::Header(Some((c, s)), _) => format!("column:{c:?}:{s:.2}"),
                TableEvent::Header(None, t) => format!("header:{}", t.text()),
                TableEvent::Row(r, s, _) => format!("row:{r:?}:{s:.2}"),
                TableEvent::Value(t) => format!("value:{}", t.text()),
                TableEvent::Text { token, fragment } => {
                    format!(
                        "text:{}{}",
                        token.text(),
                        if fragment { ":fragment" } else { "" }
                    )
                }
            })
            .collect()
    }

    fn tokens(text: &'static str) -> &'static [Token<'static>] {
        Vec::leak(lex_table(text, 0..text.len()))
    }

    #[test]
    fn table2_events() {
        let toks = tokens(
            "第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
             规章 | 3 | | N/A |\n第二十条第(九)项\n政府集中采购 | 1 |\n",
        );
        assert_eq!(
            shown(t2_events(toks)),
            [
                "caption:Item1:第二十条第(一)项",
                "header:信息内容",
                "column:Issued:1.00",
                "column:Repealed:1.00",
                "column:InForce:1.00",
                "row:Rules:1.00",
                "value:3",
                "value:",
                "text:N/A",
                "caption:Item9:第二十条第(九)项",
                "row:Procurement:1.00",
                "value:1",
            ]
        );
    }

    #[test]
    fn table3_events_know_their_group() {
        let toks = tokens(
            "申请人情况 | 自然人 | 总计 |\n一、本年新收政府信息公开申请数量 | 5 | 5 |\n\
             (六)其他处理 |\n3.其他 | 1 | 1 |\n(七)总计 | 4 | 4 |\n",
        );
        assert_eq!(
            shown(t3_events(toks)),
            [
                "header:申请人情况",
                "header:自然人",
                "header:总计",
                "row:NewRequests:1.00",
                "value:5",
                "value:5",
                // Printed as a row label, `(六)其他处理` heads its rows: `3.其他` is
                // the 2021 edition's (六)3.
                "row:OtherProcessing:1.00",
                "row:OtherOther:1.00",
                "value:1",
                "value:1",
                "row:ResultsTotal:1.00",
                "value:4",
                "value:4",
            ]
        );
    }

    #[test]
    fn table3_fragments_and_unknown_text() {
        let toks = tokens("(一)予以公开\n2\n他处理\n3\n若干说明\n");
        let ev = shown(t3_events(toks));
        assert_eq!(ev.first().map(String::as_str), Some("row:Disclosed:1.00"));
        assert_eq!(ev.get(2).map(String::as_str), Some("text:他处理:fragment"));
        assert_eq!(ev.get(4).map(String::as_str), Some("text:若干说明"));
    }

    #[test]
    fn table4_events() {
        let toks = tokens("行政复议 | 行政诉讼 |\n结果维持 | 总计 |\n1 | 2 | 备注 |\n");
        assert_eq!(
            shown(t4_events(toks)),
            [
                "header:行政复议",
                "header:行政诉讼",
                "header:结果维持",
                "header:总计",
                "value:1",
                "value:2",
                "text:备注",
            ]
        );
    }

    #[test]
    fn inline_groups_are_split() {
        let text =
            "三、本年度办理结果 (一)予以公开 | 3 | 3 |\n(三)不予公开 1.属于国家秘密 | 0 | 0 |\n";
        let toks = split_inline_groups(lex_table(text, 0..text.len()));
        let labels: Vec<std::borrow::Cow<'_, str>> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Label)
            .map(|t| t.text())
            .collect();
        assert_eq!(
            labels,
            [
                "三、本年度办理结果",
                "(一)予以公开",
                "(三)不予公开",
                "1.属于国家秘密"
            ]
        );
        // Both pieces keep the whole label's place in the text.
        let label = 0..text.find(" |").unwrap_or(0);
        let ranges: Vec<_> = toks.iter().take(2).map(|t| t.range().clone()).collect();
        assert_eq!(ranges, [label.clone(), label]);
        assert!(numbered("(四)无2.没有现成信息"));
        assert!(!numbered("(四)无法提供"));
    }
}
