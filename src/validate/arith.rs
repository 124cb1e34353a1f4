//! The arithmetic of tables 三 and 四 (template §4.1, §4.2) and the count rules.

use super::{CellRef, Code, Cx, Finding, FindingSink, Label, Severity};
use crate::catalogue::{
    Edition, T3Col, T3Row, T4Col, T4Row, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS,
};
use crate::model::{Cell, Decimal, Report, Requests, Value};

/// One operand of a check: what it is and the cell, when printed.
pub(super) struct Term<'a> {
    key: Key,
    pub(super) cell: Option<&'a Cell>,
}

/// Which cell an operand is (the reference is built only for findings).
#[derive(Clone, Copy)]
enum Key {
    T3(T3Row, T3Col),
    T4(T4Row, T4Col),
}

impl<'a> Term<'a> {
    fn t3(t: &'a Requests, row: T3Row, col: T3Col) -> Term<'a> {
        Term {
            key: Key::T3(row, col),
            cell: t.cell(row, col),
        }
    }

    /// The reference to the cell, for a finding.
    pub(super) fn r(&self) -> CellRef {
        match self.key {
            Key::T3(row, col) => CellRef::t3(row, col, self.cell),
            Key::T4(row, col) => CellRef::t4(row, col, self.cell),
        }
    }
}

/// The number an operand contributes, or why it cannot: blank, dash, unreadable and
/// approximate cells and cells not printed are never taken as 0.
pub(super) fn operand(cell: Option<&Cell>) -> Result<Decimal, &'static str> {
    match cell.map(|c| &c.value) {
        None => Err("not printed"),
        Some(Value::Number {
            value,
            approximate: false,
            ..
        }) => Ok(*value),
        Some(Value::Number { .. }) => Err("approximate"),
        Some(Value::Blank) => Err("blank"),
        Some(Value::Dash) => Err("a dash"),
        Some(Value::Unreadable) => Err("unreadable"),
    }
}

/// The exact sum, or `None` on overflow.
pub(super) fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::integer(0), Decimal::checked_add)
}

/// `main = Σ plus − Σ minus`.
struct Equation<'a> {
    code: Code,
    /// Writes what is checked, for messages (only when a message is written).
    what: &'a dyn Fn(&mut String),
    /// Short name of the main cell in messages.
    main_name: &'static str,
    main: Term<'a>,
    plus: Vec<Term<'a>>,
    minus: Vec<Term<'a>>,
}

/// Appends `p1 + p2 + … − m1 − …` (`0` for no `plus`) to `s`.
fn formula(
    plus: impl Iterator<Item = Decimal>,
    minus: impl Iterator<Item = Decimal>,
    s: &mut String,
) {
    let mut any = false;
    for v in plus {
        if any {
            s.push_str(" + ");
        }
        any = true;
        push_decimal(v, s);
    }
    if !any {
        s.push('0');
    }
    for v in minus {
        s.push_str(" − ");
        push_decimal(v, s);
    }
}

/// An info finding: the check could not be made because of `bad` operands.
pub(super) fn not_assessable(code: Code, what: &str, bad: Vec<(CellRef, &'static str)>) -> Finding {
    // Group the operands by reason; name at most three of each.
    // Each reason with the names shown and the number of operands (names past the
    // third are counted, not written).
    let mut reasons: Vec<(&'static str, Vec<String>, usize)> = Vec::new();
    for (r, why) in &bad {
        let name = || format!("{} [{}]", r.row, r.column);
        match reasons.iter_mut().find(|(w, _, _)| w == why) {
            Some((_, names, n)) => {
                if names.len() < 3 {
                    names.push(name());
                }
                *n += 1;
            }
            None => reasons.push((why, vec![name()], 1)),
        }
    }
    let reasons: Vec<String> = reasons
        .into_iter()
        .map(|(why, names, n)| {
            let shown: Vec<&str> = names.iter().map(String::as_str).collect();
            let more = n.saturating_sub(shown.len());
            if more > 0 {
                format!("{why}: {} and {more} more", shown.join(", "))
            } else {
                format!("{why}: {}", shown.join(", "))
            }
        })
        .collect();
    let mut f = Finding::new(
        code,
        Severity::Info,
        format!("not assessable: {what}; {}", reasons.join("; ")),
    );
    f.span = bad.iter().find_map(|(r, _)| r.span);
    // The first operand with a place is the main span; the others are labels.
    f.labels = bad
        .iter()
        .filter_map(|(r, why)| {
            r.span
                .map(|s| Label::new(s, format!("{} [{}] is {why}", r.row, r.column)))
        })
        .skip(1)
        .collect();
    f.cells = bad.into_iter().map(|(r, _)| r).collect();
    f
}

/// The label of an operand of a sum checked for `main`: the part of its key that
/// differs from the main cell's (the column along a row, the row down a column),
/// and its text.
fn operand_label(main: &CellRef, part: &CellRef, sign: &str) -> Option<Label> {
    let span = part.span?;
    let name = if part.row == main.row {
        part.column.as_ref()
    } else {
        part.row.as_ref()
    };
    let raw = part.raw.as_deref().unwrap_or("?");
    // Written at its exact length: kept as is (`Label::new` has nothing to shrink).
    let mut message = String::with_capacity(sign.len() + name.len() + " = ".len() + raw.len());
    message.push_str(sign);
    message.push_str(name);
    message.push_str(" = ");
    message.push_str(raw);
    Some(Label::new(span, message))
}

/// The numbers of the terms that have one.
fn operand_values<'t>(ts: &'t [Term<'_>]) -> impl Iterator<Item = Decimal> + 't {
    ts.iter().filter_map(|t| operand(t.cell).ok())
}

/// Appends the text `Display` writes for `d` (`-6`, `2.953`) to `out`. Integers,
/// nearly every value, are written digit by digit without the formatting machinery (a
/// message writes one per operand); decimals go through `Display` itself.
fn push_decimal(d: Decimal, out: &mut String) {
    if d.scale() != 0 {
        use std::fmt::Write;
        // Writing into a `String` cannot fail.
        let _ = write!(out, "{d}");
        return;
    }
    let m = d.mantissa();
    if m < 0 {
        out.push('-');
    }
    // u64::MAX has 20 digits; they are written from the last.
    let mut n = m.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut len = 0;
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    let digits = buf.get(buf.len() - len..).unwrap_or_default();
    // ASCII digits, pushed one by one (cheaper than checking them as UTF-8).
    out.reserve(digits.len());
    for &b in digits {
        out.push(char::from(b));
    }
}

/// Appends the count `n` as `Display` writes it.
fn push_count(n: usize, s: &mut String) {
    push_decimal(Decimal::integer(i64::try_from(n).unwrap_or(i64::MAX)), s);
}

/// `eq.what`, written into `buf` (cleared first).
fn what<'b>(eq: &Equation<'_>, buf: &'b mut String) -> &'b str {
    buf.clear();
    (eq.what)(buf);
    buf
}

/// Checks `eq`; `buf` is room for writing messages, reused from check to check (a
/// message is copied out of it at its exact length).
fn check<S: FindingSink + ?Sized>(eq: Equation<'_>, buf: &mut String, cx: &mut Cx<'_, S>) {
    let all = std::iter::once(&eq.main)
        .chain(eq.plus.iter())
        .chain(eq.minus.iter());
    let bad: Vec<(CellRef, &'static str)> = all
        .filter_map(|t| {
            operand(t.cell).err().map(|why| {
                let r = t.r();
                let why = cx.absent(r.table, why);
                (r, why)
            })
        })
        .collect();
    if !bad.is_empty() {
        let mut f = not_assessable(eq.code, what(&eq, buf), bad);
        // Operands not printed have no place: point at the main cell then.
        f.span = f.span.or(eq.main.cell.map(|c| c.span));
        cx.emit(f);
        return;
    }
    // Sums first; the operands are gathered for a message only.
    let (Ok(actual), Some(p), Some(m)) = (
        operand(eq.main.cell),
        sum(operand_values(&eq.plus)),
        sum(operand_values(&eq.minus)),
    ) else {
        return;
    };
    let Some(expected) = p.checked_sub(m) else {
        cx.emit(not_assessable(
            eq.code,
            what(&eq, buf),
            vec![(eq.main.r(), "too large to add up")],
        ));
        return;
    };
    if expected == actual {
        return;
    }
    let difference = actual.checked_sub(expected);
    // `{what}: {main} is {actual}, but {formula} = {expected}`
    what(&eq, buf);
    buf.push_str(": ");
    buf.push_str(eq.main_name);
    buf.push_str(" is ");
    push_decimal(actual, buf);
    buf.push_str(", but ");
    formula(operand_values(&eq.plus), operand_values(&eq.minus), buf);
    buf.push_str(" = ");
    push_decimal(expected, buf);
    let mut f = Finding::new(eq.code, eq.code.severity(), buf.as_str().to_owned());
    f.expected = Some(expected);
    f.actual = Some(actual);
    f.difference = difference;
    f.span = eq.main.cell.map(|c| c.span);
    f.cells = std::iter::once(&eq.main)
        .chain(eq.plus.iter())
        .chain(eq.minus.iter())
        .map(Term::r)
        .collect();
    if let Some(main) = f.cells.first() {
        let plus = f.cells.get(1..=eq.plus.len()).unwrap_or(&[]);
        let minus = f.cells.get(1 + eq.plus.len()..).unwrap_or(&[]);
        // At most one label per operand: allocated once, not grown by doubling.
        let mut labels = Vec::with_capacity(plus.len() + minus.len());
        labels.extend(
            plus.iter()
                .filter_map(|p| operand_label(main, p, ""))
                .chain(minus.iter().filter_map(|p| operand_label(main, p, "− "))),
        );
        f.labels = labels;
    }
    cx.emit(f);
}

/// The result rows summed into (七)总计: every result leaf, with (六)其他处理 as the
/// report prints it (the 2021 edition's three rows, or one row).
pub(super) fn result_leaves(t: &Requests, edition: Edition) -> Vec<T3Row> {
    let split = [
        T3Row::OtherNoCorrection,
        T3Row::OtherUnpaidFee,
        T3Row::OtherOther,
    ];
    let split_printed = split.iter().any(|&r| t.row(r).is_some());
    let single_printed = t.row(T3Row::OtherProcessing).is_some();
    let use_split = split_printed || (!single_printed && edition == Edition::E2021);
    T3_ROWS
        .iter()
        .map(|d| d.row)
        .filter(|r| r.is_result_leaf())
        .filter(|r| {
            if *r == T3Row::OtherProcessing {
                !use_split
            } else if split.contains(r) {
                use_split
            } else {
                true
            }
        })
        .collect()
}

/// Table 三: `T3-IDENTITY`, `T3-RESULTS-SUM`, `T3-ROW-TOTAL`.
pub(super) fn table3<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    let Some(t) = report.tables.requests.as_ref() else {
        return;
    };
    let mut buf = String::new();
    if cx.runs(Code::T3Identity) {
        for col in T3_COLUMNS {
            check(
                Equation {
                    code: Code::T3Identity,
                    what: &|s: &mut String| {
                        s.push_str("table 三, column ");
                        s.push_str(col.key());
                        s.push_str(": 一 + 二 = (七)总计 + 四");
                    },
                    main_name: T3Row::ResultsTotal.key(),
                    main: Term::t3(t, T3Row::ResultsTotal, col),
                    plus: vec![
                        Term::t3(t, T3Row::NewRequests, col),
                        Term::t3(t, T3Row::CarriedOver, col),
                    ],
                    minus: vec![Term::t3(t, T3Row::CarriedForward, col)],
                },
                &mut buf,
                cx,
            );
        }
    }
    if cx.runs(Code::T3ResultsSum) {
        let leaves = result_leaves(t, report.edition);
        for col in T3_COLUMNS {
            check(
                Equation {
                    code: Code::T3ResultsSum,
                    what: &|s: &mut String| {
                        s.push_str("table 三, column ");
                        s.push_str(col.key());
                        s.push_str(": (七)总计 = the sum of the ");
                        push_count(leaves.len(), s);
                        s.push_str(" result rows");
                    },
                    main_name: T3Row::ResultsTotal.key(),
                    main: Term::t3(t, T3Row::ResultsTotal, col),
                    plus: leaves.iter().map(|&r| Term::t3(t, r, col)).collect(),
                    minus: Vec::new(),
                },
                &mut buf,
                cx,
            );
        }
    }
    if cx.runs(Code::T3RowTotal) {
        let parts: Vec<T3Col> = T3_COLUMNS
            .iter()
            .copied()
            .filter(|&c| c != T3Col::Total)
            .collect();
        for (row, _) in t.printed_rows() {
            check(
                Equation {
                    code: Code::T3RowTotal,
                    what: &|s: &mut String| {
                        s.push_str("table 三, row ");
                        s.push_str(row.key());
                        s.push_str(": ");
                        s.push_str(T3Col::Total.key());
                        s.push_str(" = the sum of the ");
                        push_count(parts.len(), s);
                        s.push_str(" applicant columns");
                    },
                    main_name: T3Col::Total.key(),
                    main: Term::t3(t, row, T3Col::Total),
                    plus: parts.iter().map(|&c| Term::t3(t, row, c)).collect(),
                    minus: Vec::new(),
                },
                &mut buf,
                cx,
            );
        }
    }
}

/// Table 四: `T4-GROUP-TOTAL`.
pub(super) fn table4<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    let Some(t) = report.tables.appeals.as_ref() else {
        return;
    };
    if !cx.runs(Code::T4GroupTotal) {
        return;
    }
    let parts: Vec<T4Col> = T4_COLUMNS
        .iter()
        .copied()
        .filter(|&c| c != T4Col::Total)
        .collect();
    let names: Vec<&str> = parts.iter().map(|c| c.key()).collect();
    let mut buf = String::new();
    let term = |row: T4Row, col: T4Col| {
        let cell = t.cell(row, col);
        Term {
            key: Key::T4(row, col),
            cell,
        }
    };
    for row in T4_ROWS {
        check(
            Equation {
                code: Code::T4GroupTotal,
                what: &|s: &mut String| {
                    s.push_str("table 四, ");
                    s.push_str(row.key());
                    s.push_str(": ");
                    s.push_str(T4Col::Total.key());
                    s.push_str(" = ");
                    for (i, name) in names.iter().enumerate() {
                        if i > 0 {
                            s.push_str(" + ");
                        }
                        s.push_str(name);
                    }
                },
                main_name: T4Col::Total.key(),
                main: term(row, T4Col::Total),
                plus: parts.iter().map(|&c| term(row, c)).collect(),
                minus: Vec::new(),
            },
            &mut buf,
            cx,
        );
    }
}

fn count_findings<S: FindingSink + ?Sized>(
    r: impl Fn() -> CellRef,
    cell: &Cell,
    signed: bool,
    decimal: bool,
    cx: &mut Cx<'_, S>,
) {
    let Some(v) = cell.number() else {
        return;
    };
    if (signed || !v.is_negative()) && (decimal || v.is_integer()) {
        return;
    }
    let r = r();
    let what = if decimal { "an amount" } else { "a count" };
    if !signed && v.is_negative() && cx.runs(Code::CountNegative) {
        let mut f = Finding::new(
            Code::CountNegative,
            Code::CountNegative.severity(),
            format!(
                "{} is {v} (`{}`): {what} cannot be negative",
                r.label(),
                cell.raw
            ),
        );
        f.actual = Some(v);
        f.span = Some(cell.span);
        f.cells = vec![r.clone()];
        cx.emit(f);
    }
    if !decimal && !v.is_integer() && cx.runs(Code::CountFraction) {
        let mut f = Finding::new(
            Code::CountFraction,
            Code::CountFraction.severity(),
            format!(
                "{} is {v} (`{}`): a count must be a whole number",
                r.label(),
                cell.raw
            ),
        );
        f.actual = Some(v);
        f.span = Some(cell.span);
        f.cells = vec![r];
        cx.emit(f);
    }
}

/// `COUNT-NEGATIVE` and `COUNT-FRACTION` on every printed cell: tables 三 and 四 hold
/// whole non-negative counts; table 二 too, except `本年增/减` (signed) and the amounts
/// `采购总金额` / `本年收费金额` (decimals allowed).
pub(super) fn counts<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::CountNegative) && !cx.runs(Code::CountFraction) {
        return;
    }
    if let Some(t) = report.tables.active_disclosure.as_ref() {
        let edition = t.edition();
        for (block, row, col, cell) in t.cells() {
            let r = || CellRef::t2(edition, block, row, col, Some(cell));
            count_findings(r, cell, col.is_signed(), col.is_amount(), cx);
        }
    }
    if let Some(t) = report.tables.requests.as_ref() {
        for (row, col, cell) in t.cells() {
            count_findings(|| CellRef::t3(row, col, Some(cell)), cell, false, false, cx);
        }
    }
    if let Some(t) = report.tables.appeals.as_ref() {
        for (row, col, cell) in t.cells() {
            count_findings(|| CellRef::t4(row, col, Some(cell)), cell, false, false, cx);
        }
    }
}

#[cfg(test)]
mod push_tests {
    use super::push_decimal;
    use crate::model::Decimal;

    #[test]
    fn push_decimal_writes_what_display_writes() {
        let mut values = vec![
            Decimal::integer(0),
            Decimal::integer(7),
            Decimal::integer(-6),
            Decimal::integer(10),
            Decimal::integer(1_000_000),
            Decimal::integer(i64::MAX),
            Decimal::integer(i64::MIN),
            Decimal::new(2953, 3),
            Decimal::new(-5, 1),
            Decimal::new(1, 12),
            Decimal::new(i64::MIN, 2),
        ];
        values.extend((0..200).map(|i| Decimal::integer(i * 37 - 1000)));
        for d in values {
            let mut s = String::from("x");
            push_decimal(d, &mut s);
            assert_eq!(s, format!("x{d}"));
        }
    }
}
