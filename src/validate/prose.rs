//! `PROSE-TABLE`: figures stated in 一、总体情况 against the tables (template §4.4).
//!
//! Three small phrase grammars, tried at every position of the section's text:
//!
//! * requests: `收到|受理|新收|接收|接到` + up to 16 characters without punctuation or
//!   digits ending in `申请` + optional `共|共计|合计|总计|累计|计|为` + a count +
//!   a unit (`件`, `条`, `个`, `份`): "收到申请46件", "共受理政府信息公开申请859件";
//! * administrative review: `行政复议` + optional `案件|案|申请` + optional `共…` +
//!   count + `件|起|宗|例|个`: "行政复议2件", "行政复议案件1起";
//! * litigation: the same with `行政诉讼`.
//!
//! A stated request count agrees with table 三 when it equals `本年新收` 总计 or
//! `本年新收 + 上年结转` 总计 (reports count either way); a review count with table
//! 四 `行政复议` 总计; a litigation count with the sum of the two 行政诉讼 总计 cells.
//! When the report states a figure several times, one agreeing statement is enough.
//! The section's text is read with all whitespace removed, since PDF text breaks
//! lines and pads numbers anywhere (`受理政府\n信息公开申请 17 件`).

use super::arith::operand;
use super::{CellRef, Code, Cx, Finding, FindingSink};
use crate::catalogue::{T3Col, T3Row, T4Col, T4Row, Topic};
use crate::model::{Decimal, Report};
use crate::syntax::IResult;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::opt;
use nom::Parser;

/// What a phrase states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Figure {
    /// Applications received.
    Requests,
    /// Administrative reviews.
    Review,
    /// Administrative lawsuits.
    Litigation,
}

/// A figure found in the prose: what, the number, and the phrase as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Statement<'a> {
    pub(super) figure: Figure,
    pub(super) value: Decimal,
    pub(super) text: &'a str,
}

/// `46`, `1,234` → a whole number (the crate's one number grammar; a figure with
/// decimals is no count).
fn count(i: &str) -> IResult<&str, Decimal> {
    let (rest, d) = crate::lex::value::number(i)?;
    if d.is_integer() {
        Ok((rest, d))
    } else {
        crate::syntax::fail()
    }
}

fn filler(i: &str) -> IResult<&str, Option<&str>> {
    opt(alt((
        tag("共计"),
        tag("合计"),
        tag("总计"),
        tag("累计"),
        tag("共"),
        tag("计"),
        tag("为"),
    )))
    .parse(i)
}

/// `[共…] N件` after `申请`.
fn request_tail(i: &str) -> IResult<&str, Decimal> {
    let (i, _) = tag("申请").parse(i)?;
    let (i, _) = filler(i)?;
    let (i, n) = count(i)?;
    let (i, _) = alt((tag("件"), tag("条"), tag("个"), tag("份"))).parse(i)?;
    Ok((i, n))
}

fn is_break(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | '、'
                | '！'
                | '？'
                | '（'
                | '）'
                | '“'
                | '”'
                | '《'
                | '》'
        )
}

/// `收到政府信息公开申请46件` → 46.
fn requests(i: &str) -> IResult<&str, Decimal> {
    let (rest, _) = alt((
        tag("收到"),
        tag("受理"),
        tag("新收"),
        tag("接收"),
        tag("接到"),
    ))
    .parse(i)?;
    // The shortest middle (0–16 characters, no punctuation) after which the tail parses.
    let mut at = rest;
    for _ in 0..=16 {
        if let Ok(done) = request_tail(at) {
            return Ok(done);
        }
        let mut chars = at.chars();
        match chars.next() {
            Some(c) if !is_break(c) => at = chars.as_str(),
            _ => break,
        }
    }
    crate::syntax::fail()
}

/// `行政复议案件2件` / `行政诉讼5起`.
fn appeals(i: &str) -> IResult<&str, (Figure, Decimal)> {
    let (i, figure) = alt((
        tag("行政复议").map(|_| Figure::Review),
        tag("行政诉讼").map(|_| Figure::Litigation),
    ))
    .parse(i)?;
    let (i, _) = opt(alt((tag("案件"), tag("案"), tag("申请")))).parse(i)?;
    let (i, _) = filler(i)?;
    let (i, n) = count(i)?;
    let (i, _) = alt((tag("件"), tag("起"), tag("宗"), tag("例"), tag("个"))).parse(i)?;
    Ok((i, (figure, n)))
}

fn statement(i: &str) -> IResult<&str, (Figure, Decimal)> {
    alt((requests.map(|n| (Figure::Requests, n)), appeals)).parse(i)
}

/// Every figure stated in `text`, in order, not overlapping.
pub(super) fn statements(text: &str) -> Vec<Statement<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(here) = text.get(pos..) else {
            break;
        };
        // Statements start with one of few characters (收到, 受理, 新收, 接收, 接到, 行政…).
        let first = here.chars().next().unwrap_or(' ');
        let parsed = if matches!(first, '收' | '受' | '新' | '接' | '行') {
            statement(here)
        } else {
            crate::syntax::fail()
        };
        if let Ok((rest, (figure, value))) = parsed {
            let used = here.len() - rest.len();
            if let Some(t) = here.get(..used) {
                out.push(Statement {
                    figure,
                    value,
                    text: t,
                });
            }
            pos += used.max(1);
        } else {
            pos += here.chars().next().map_or(1, char::len_utf8);
        }
        while pos < text.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// The table figure a statement is compared with: the cells, and the values that
/// agree with it.
fn targets(report: &Report, figure: Figure) -> Option<(Vec<CellRef>, Vec<Decimal>)> {
    match figure {
        Figure::Requests => {
            let t = report.tables.requests.as_ref()?;
            let new = t.cell(T3Row::NewRequests, T3Col::Total);
            let carried = t.cell(T3Row::CarriedOver, T3Col::Total);
            let n = operand(new).ok()?;
            let mut ok = vec![n];
            if let Some(both) = operand(carried).ok().and_then(|c| n.checked_add(c)) {
                ok.push(both);
            }
            Some((
                vec![
                    CellRef::t3(T3Row::NewRequests, T3Col::Total, new),
                    CellRef::t3(T3Row::CarriedOver, T3Col::Total, carried),
                ],
                ok,
            ))
        }
        Figure::Review => {
            let t = report.tables.appeals.as_ref()?;
            let cell = t.cell(T4Row::Review, T4Col::Total);
            let n = operand(cell).ok()?;
            Some((
                vec![CellRef::t4(T4Row::Review, T4Col::Total, cell)],
                vec![n],
            ))
        }
        Figure::Litigation => {
            let t = report.tables.appeals.as_ref()?;
            let a = t.cell(T4Row::DirectLitigation, T4Col::Total);
            let b = t.cell(T4Row::LitigationAfterReview, T4Col::Total);
            let n = operand(a).ok()?.checked_add(operand(b).ok()?)?;
            Some((
                vec![
                    CellRef::t4(T4Row::DirectLitigation, T4Col::Total, a),
                    CellRef::t4(T4Row::LitigationAfterReview, T4Col::Total, b),
                ],
                vec![n],
            ))
        }
    }
}

/// `PROSE-TABLE` on the 一、总体情况 section.
pub(super) fn check<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::ProseTable) {
        return;
    }
    let Some(section) = report.section(Topic::Overview) else {
        return;
    };
    // Line breaks and column gaps of PDF text fall anywhere in a phrase
    // ("受理政府\n信息公开申请 17 件"): read the text without whitespace.
    let compact: String = section
        .body
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let found = statements(&compact);
    for figure in [Figure::Requests, Figure::Review, Figure::Litigation] {
        let stated: Vec<&Statement<'_>> = found.iter().filter(|s| s.figure == figure).collect();
        let Some(first) = stated.first() else {
            continue;
        };
        let Some((cells, agree)) = targets(report, figure) else {
            continue;
        };
        if stated.iter().any(|s| agree.contains(&s.value)) {
            continue;
        }
        let Some(main) = cells.first() else {
            continue;
        };
        let Some(&actual) = agree.first() else {
            continue;
        };
        let table_says = cells
            .iter()
            .map(|c| {
                format!(
                    "{} is {}",
                    c.label(),
                    c.raw.as_deref().unwrap_or("not printed")
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut f = Finding::new(
            Code::ProseTable,
            Code::ProseTable.severity(),
            format!(
                "section {} states “{}” ({}), but {table_says}",
                section.heading, first.text, first.value
            ),
        );
        f.expected = Some(first.value);
        f.actual = Some(actual);
        f.difference = actual.checked_sub(first.value);
        f.span = main.span.or(Some(section.heading_span));
        f.cells = cells;
        cx.emit(f);
    }
}
