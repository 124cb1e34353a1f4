//! The grammar of a cell's text: `231项`, `增加1297项`, `减少73项`, `31.2万件`,
//! `2.953亿元`, `3175起`, `+3`, `-8`, `1,234`, `100余次`, `无`, `-`, blank.

use crate::model::cell::{decimal_prefix, Decimal, Value};
use nom::branch::alt;
use nom::bytes::complete::tag;

use nom::combinator::{map, opt, value};

use crate::syntax::IResult;
use nom::Parser;

/// Units recognized after a number (longest first where one is a prefix of another).
const UNITS: &[&str] = &[
    "人次", "件次", "元", "件", "项", "条", "宗", "个", "起", "次", "人", "份", "篇", "期", "家",
    "户", "册", "场", "批", "宗次", "%",
];

fn sign(i: &str) -> IResult<&str, i8> {
    alt((
        value(
            1,
            alt((tag("+"), tag("增加"), tag("新增"), tag("净增"), tag("增"))),
        ),
        value(-1, alt((tag("-"), tag("−"), tag("减少"), tag("减")))),
    ))
    .parse(i)
}

/// `1,234.5`: the model's grammar of digits ([`decimal_prefix`], behind
/// `Decimal: FromStr`) as a nom parser. Every number of the crate is read by it: cell
/// values here, prose figures (pre-2019 reports, the validator's statements).
pub(crate) fn number(i: &str) -> IResult<&str, Decimal> {
    match decimal_prefix(i) {
        Some((d, n)) => Ok((i.get(n..).unwrap_or(""), d)),
        None => crate::syntax::fail(),
    }
}

/// `万`, `亿`, `千`: a multiplier after a number.
pub(crate) fn multiplier(i: &str) -> IResult<&str, i64> {
    alt((
        value(100_000_000, tag("亿")),
        value(10_000, tag("万")),
        value(1_000, tag("千")),
    ))
    .parse(i)
}

/// `余`, `多` after a number (`2万余`, `100余`).
pub(crate) fn approx_suffix(i: &str) -> IResult<&str, ()> {
    value((), alt((tag("余"), tag("多")))).parse(i)
}

fn unit(i: &str) -> IResult<&str, &'static str> {
    for u in UNITS {
        if let Some(rest) = i.strip_prefix(u) {
            return Ok((rest, *u));
        }
    }
    crate::syntax::fail()
}

struct Parsed {
    approx_prefix: bool,
    sign: i8,
    number: Decimal,
    mult: Option<i64>,
    approx_suffix: bool,
    unit: Option<&'static str>,
}

fn quantity(i: &str) -> IResult<&str, Parsed> {
    let (i, approx_prefix) = map(opt(alt((tag("约"), tag("近")))), |o| o.is_some()).parse(i)?;
    let (i, s) = opt(sign).parse(i)?;
    let (i, number) = number(i)?;
    let (i, approx1) = opt(approx_suffix).parse(i)?;
    let (i, mult) = opt(multiplier).parse(i)?;
    let (i, approx2) = opt(approx_suffix).parse(i)?;
    let (i, unit) = opt(unit).parse(i)?;
    Ok((
        i,
        Parsed {
            approx_prefix,
            sign: s.unwrap_or(1),
            number,
            mult,
            approx_suffix: approx1.is_some() || approx2.is_some(),
            unit,
        },
    ))
}

/// Whether the text is a dash standing for "nothing" (`-`, `—`, `/`, `——`).
fn is_dash(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '−' | '/' | '\\' | '一' | '_'))
        && !(t.chars().count() == 1 && t == "一")
}

/// Read a cell's text as a [`Value`].
///
/// `declared_unit` is the unit the column declares (2021 `本年收费金额`: `万元`); a value
/// in such a column is expressed in that unit. Elsewhere a multiplier scales the value
/// (`31.2万件` → 312000 件, `2.953亿元` → 295300000 元).
///
/// ```
/// use zfxxgk::__internal::parse_value;
/// use zfxxgk::{Decimal, Value};
/// let v = parse_value("减少2487项", None);
/// assert_eq!(v.number(), Some(Decimal::integer(-2487)));
/// assert_eq!(v.unit(), Some("项"));
/// assert_eq!(parse_value("2.953亿元", None).number(), Some(Decimal::integer(295_300_000)));
/// assert_eq!(parse_value("", None), Value::Blank);
/// assert_eq!(parse_value("—", None), Value::Dash);
/// assert_eq!(parse_value("见附件", None), Value::Unreadable);
/// ```
pub fn parse_value(text: &str, declared_unit: Option<&str>) -> Value {
    match read(text, declared_unit) {
        Reading::Blank => Value::Blank,
        Reading::Dash => Value::Dash,
        Reading::Unreadable => Value::Unreadable,
        Reading::Number {
            value,
            unit,
            approximate,
        } => Value::Number {
            value,
            unit: unit.map(str::to_string),
            approximate,
        },
    }
}

/// A cell's text read as [`parse_value`] reads it, the unit borrowed (so that telling
/// whether a text is a value allocates nothing).
enum Reading<'a> {
    Blank,
    Dash,
    Unreadable,
    Number {
        value: Decimal,
        unit: Option<&'a str>,
        approximate: bool,
    },
}

fn read<'a>(text: &'a str, declared_unit: Option<&'a str>) -> Reading<'a> {
    // Most cells are plain whole numbers: read them without the grammar.
    if !text.is_empty() && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(v) = text.parse::<i64>() {
            return Reading::Number {
                value: Decimal::integer(v),
                unit: declared_unit,
                approximate: false,
            };
        }
    }
    let t: std::borrow::Cow<'_, str> = if text.contains(char::is_whitespace) {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        text.into()
    };
    let t = t.as_ref();
    if t.is_empty() {
        return Reading::Blank;
    }
    if is_dash(t) {
        return Reading::Dash;
    }
    if t == "无" || t == "零" {
        return Reading::Number {
            value: Decimal::integer(0),
            unit: declared_unit,
            approximate: false,
        };
    }
    let Ok((rest, p)) = quantity(t) else {
        return Reading::Unreadable;
    };
    // A declared unit may be repeated in the cell (`0.5万元` in a 万元 column).
    let (rest_ok, unit_text) = match (rest, p.unit, p.mult) {
        ("", u, _) => (true, u),
        ("元", None, Some(_)) => (true, Some("元")),
        _ => (false, None),
    };
    if !rest_ok {
        return Reading::Unreadable;
    }
    let mut d = p.number;
    if p.sign < 0 {
        match d.negated() {
            Some(n) => d = n,
            None => return Reading::Unreadable,
        }
    }
    let approximate = p.approx_prefix || p.approx_suffix;
    let (value, unit) = match declared_unit {
        Some(du) => {
            // Express in the declared unit: 万元 column, cell `5000元` → 0.5 万元.
            let base_mult = p.mult.unwrap_or(1);
            let du_mult = match du {
                "万元" => 10_000,
                "亿元" => 100_000_000,
                _ => 1,
            };
            let explicit_base = unit_text == Some("元") || p.mult.is_some();
            let v = if explicit_base {
                match d.scaled(base_mult) {
                    Some(v) => divide_pow10(v, du_mult),
                    None => return Reading::Unreadable,
                }
            } else {
                Some(d)
            };
            match v {
                Some(v) => (v, Some(du)),
                None => return Reading::Unreadable,
            }
        }
        None => {
            let v = match p.mult {
                Some(m) => match d.scaled(m) {
                    Some(v) => v,
                    None => return Reading::Unreadable,
                },
                None => d,
            };
            (v, unit_text)
        }
    };
    Reading::Number {
        value,
        unit,
        approximate,
    }
}

/// `v / factor` where factor is a power of ten.
fn divide_pow10(v: Decimal, factor: i64) -> Option<Decimal> {
    let mut scale = v.scale();
    let mut f = factor;
    while f > 1 {
        if f % 10 != 0 {
            return None;
        }
        f /= 10;
        scale = scale.checked_add(1)?;
    }
    Some(Decimal::new(v.mantissa(), scale))
}

/// A number followed by a note in brackets (`147(含合并2件)`, `22（其中修订16件）`): the
/// number's text and the note (spaces, line-wrap artefacts, removed).
pub fn split_note(text: &str) -> Option<(&str, String)> {
    if !(text.ends_with(')') || text.ends_with('）')) {
        return None;
    }
    let t = text.trim();
    let inner = t.strip_suffix(')').or_else(|| t.strip_suffix('）'))?;
    let open = inner.find(['(', '（'])?;
    let head = inner.get(..open)?.trim_end();
    let note = inner.get(open..)?;
    let note = note.strip_prefix('(').or_else(|| note.strip_prefix('（'))?;
    let note: String = note.chars().filter(|c| !c.is_whitespace()).collect();
    if head.is_empty() || note.is_empty() || !looks_like_value(head) {
        return None;
    }
    Some((head, note))
}

/// Signs in the order the grammar tries them ([`sign`]).
const SIGNS: [&str; 9] = ["+", "增加", "新增", "净增", "增", "-", "−", "减少", "减"];

/// Whether `text` reads as a value, for the most common shapes, without the grammar:
/// `Some(true)` for an optional sign, at most ten digits with an optional decimal
/// part, an optional `万`/`亿`/`千` and an optional unit (`38`, `231项`, `增加1297项`,
/// `31.2万件`; ten digits times 亿 cannot overflow); `Some(false)` for digits and a
/// point that no digit follows, without whitespace (`1.属于国家秘密`: the grammar's
/// number stops before the point, and nothing after a number starts with one);
/// `None` for the grammar to tell.
fn plain_quantity(text: &str) -> Option<bool> {
    let body = match text.as_bytes().first() {
        Some(b'0'..=b'9') => text,
        Some(b'+' | b'-' | 0xE2 | 0xE5 | 0xE6) => {
            SIGNS.iter().find_map(|s| text.strip_prefix(s))?
        }
        _ => return None,
    };
    let b = body.as_bytes();
    let int = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if int == 0 {
        return None;
    }
    let mut at = int;
    if b.get(at) == Some(&b'.') {
        let frac = b
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if frac == 0 {
            return (!text.contains(char::is_whitespace)).then_some(false);
        }
        at += 1 + frac;
    }
    if at - usize::from(at > int) > 10 {
        return None;
    }
    let mut rest = body.get(at..).unwrap_or_default();
    for m in ["亿", "万", "千"] {
        if let Some(r) = rest.strip_prefix(m) {
            rest = r;
            break;
        }
    }
    (rest.is_empty() || matches!(unit(rest), Ok(("", _)))).then_some(true)
}

/// Whether a token's text reads as a cell value (a number with optional sign, unit and
/// multiplier, a dash, or `无`) rather than as a label.
pub fn looks_like_value(text: &str) -> bool {
    if let Some(known) = plain_quantity(text) {
        return known;
    }
    // Every value starts with a digit, a sign, a dash, `约`/`近`, or is `无`/`零`.
    let starts = text.chars().next().is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '+' | '-'
                    | '−'
                    | '—'
                    | '–'
                    | '/'
                    | '\\'
                    | '_'
                    | '增'
                    | '减'
                    | '新'
                    | '净'
                    | '约'
                    | '近'
                    | '无'
                    | '零'
            )
    });
    starts && !matches!(read(text, None), Reading::Unreadable | Reading::Blank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_after_numbers() {
        assert_eq!(
            split_note("147(含合并2件)"),
            Some(("147", "含合并2件".to_string()))
        );
        assert_eq!(
            split_note("22（其中修订 16 件）"),
            Some(("22", "其中修订16件".to_string()))
        );
        assert_eq!(split_note("1.属于国家秘密"), None);
        assert_eq!(split_note("(二)部分公开(区分处理的)"), None);
    }

    fn num(t: &str) -> (String, Option<String>) {
        match parse_value(t, None) {
            Value::Number { value, unit, .. } => (value.to_string(), unit),
            other => (format!("{other:?}"), None),
        }
    }

    #[test]
    fn seed_004_cells() {
        assert_eq!(num("231项"), ("231".into(), Some("项".into())));
        assert_eq!(num("增加1297项"), ("1297".into(), Some("项".into())));
        assert_eq!(num("减少2487项"), ("-2487".into(), Some("项".into())));
        assert_eq!(num("减少73项"), ("-73".into(), Some("项".into())));
        assert_eq!(num("31.2万件"), ("312000".into(), Some("件".into())));
        assert_eq!(num("1.6万件"), ("16000".into(), Some("件".into())));
        assert_eq!(num("2.953亿元"), ("295300000".into(), Some("元".into())));
        assert_eq!(num("3175起"), ("3175".into(), Some("起".into())));
        assert_eq!(num("38"), ("38".into(), None));
    }

    #[test]
    fn signs_separators_and_decimals() {
        assert_eq!(num("+3").0, "3");
        assert_eq!(num("-8").0, "-8");
        assert_eq!(num("新增5项").0, "5");
        assert_eq!(num("1,234").0, "1234");
        assert_eq!(num("6944.93").0, "6944.93");
        assert_eq!(num("160.5964万元"), ("1605964".into(), Some("元".into())));
        assert_eq!(num("251000元"), ("251000".into(), Some("元".into())));
        assert_eq!(parse_value("--253", None), Value::Unreadable);
    }

    #[test]
    fn approximate_figures() {
        let v = parse_value("2万余条", None);
        assert_eq!(
            v,
            Value::Number {
                value: Decimal::integer(20000),
                unit: Some("条".into()),
                approximate: true
            }
        );
        assert!(matches!(
            parse_value("100余次", None),
            Value::Number {
                approximate: true,
                ..
            }
        ));
    }

    #[test]
    fn declared_unit() {
        let v = parse_value("7545", Some("万元"));
        assert_eq!(v.number(), Some(Decimal::integer(7545)));
        assert_eq!(v.unit(), Some("万元"));
        assert_eq!(
            parse_value("0.5万元", Some("万元")).number(),
            Some(Decimal::new(5, 1))
        );
        assert_eq!(
            parse_value("5000元", Some("万元")).number(),
            Some(Decimal::new(5, 1))
        );
    }

    #[test]
    fn plain_quantities_are_values_as_the_grammar_reads_them() {
        let words = [
            "38",
            "231项",
            "增加1297项",
            "减少73项",
            "31.2万件",
            "2.953亿元",
            "+3",
            "-8",
            "6944.93",
            "1,234",
            "5宗次",
            "2万余条",
            "100余次",
            "1.",
            "1.5.2",
            "新增5项",
            "净增2",
            "−4",
            "增",
            "减少",
            "9999999999亿",
            "99999999999",
            "12345678901亿",
            "0.000000000001",
            "3万元",
            "1千",
            "1千人次",
            "1%",
            "-",
            "无",
            "约5",
            "1 2",
            "1.属于国家秘密",
            "1. 5",
            "1.\u{3000}5",
            "增加1.",
            "1..",
        ];
        for w in words {
            let grammar = !matches!(parse_value(w, None), Value::Unreadable | Value::Blank);
            if let Some(known) = plain_quantity(w) {
                assert_eq!(known, grammar, "{w}");
            }
            // Every word here starts as a value may: the grammar alone decides.
            assert_eq!(looks_like_value(w), grammar, "{w}");
        }
    }

    #[test]
    fn blanks_dashes_none() {
        assert_eq!(parse_value("  ", None), Value::Blank);
        assert_eq!(parse_value("-", None), Value::Dash);
        assert_eq!(parse_value("/", None), Value::Dash);
        assert_eq!(parse_value("——", None), Value::Dash);
        assert_eq!(parse_value("无", None).number(), Some(Decimal::integer(0)));
        assert_eq!(parse_value("一", None), Value::Unreadable);
        assert_eq!(parse_value("99999999999999999999", None), Value::Unreadable);
        assert_eq!(
            parse_value("9223372036854775807亿", None),
            Value::Unreadable
        );
    }
}
