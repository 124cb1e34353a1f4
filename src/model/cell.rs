//! Cells and their values.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Counts are integers (`scale == 0`); amounts may keep decimals (`2.953`), up to
/// [`MAX_SCALE`] places. Text is read with [`FromStr`](std::str::FromStr) (the crate's
/// one grammar of digits).
///
/// In JSON (serde) an integer is a JSON integer (`24252`) and a number with decimals a
/// string of its exact digits (`"24252.311082"`, `"0.000000001"`): never a float, so
/// no digit is rounded away. Reading accepts both, and JSON floats too.
///
/// ```
/// use zfxxgk::Decimal;
/// let d = Decimal::new(2953, 3);
/// assert_eq!(d.to_string(), "2.953");
/// assert_eq!(d.scaled(100_000_000).and_then(|d| d.as_integer()), Some(295_300_000));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    scale: u8,
}

impl Decimal {
    /// `mantissa × 10^-scale`, reduced (trailing zero decimals dropped).
    pub fn new(mantissa: i64, scale: u8) -> Self {
        let mut d = Decimal { mantissa, scale };
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }

    /// An integer.
    pub fn integer(v: i64) -> Self {
        Decimal {
            mantissa: v,
            scale: 0,
        }
    }

    /// The digits without the decimal point.
    pub fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// Number of decimal places.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// The value as an integer, when it has no decimals.
    pub fn as_integer(self) -> Option<i64> {
        (self.scale == 0).then_some(self.mantissa)
    }

    /// Whether the value has no decimals.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as a float (for display and arithmetic on amounts).
    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// Multiplied by an integer factor (a unit multiplier such as 10 000), or `None`
    /// on overflow.
    pub fn scaled(self, factor: i64) -> Option<Decimal> {
        self.mantissa
            .checked_mul(factor)
            .map(|m| Decimal::new(m, self.scale))
    }

    /// Negated, or `None` on overflow.
    pub fn negated(self) -> Option<Decimal> {
        self.mantissa
            .checked_neg()
            .map(|m| Decimal::new(m, self.scale))
    }

    /// Exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i64.checked_pow(u32::from(scale - self.scale))?)?;
        let b = other
            .mantissa
            .checked_mul(10i64.checked_pow(u32::from(scale - other.scale))?)?;
        Some(Decimal::new(a.checked_add(b)?, scale))
    }

    /// Exact difference, or `None` on overflow.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other.negated()?)
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let abs = self.mantissa.unsigned_abs();
        let div = 10u64.pow(u32::from(self.scale));
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / div,
            abs % div,
            width = usize::from(self.scale)
        )
    }
}

/// Why a text is not a [`Decimal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseDecimalError;

impl std::fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a decimal number (digits, optional `,` thousands groups, `.` decimals)")
    }
}

impl std::error::Error for ParseDecimalError {}

/// Most decimal places a [`Decimal`] keeps (more are refused, never rounded).
pub const MAX_SCALE: u8 = 12;

/// The digits of a figure at the start of `text`: `1234`, `1,234`, `6944.93`,
/// `０`-free ASCII digits only. Returns the value and the number of bytes read, or
/// `None` when `text` does not start with a digit or the value does not fit.
///
/// This is the one grammar of figures' digits: cell values, prose figures and dates
/// build on it.
pub(crate) fn decimal_prefix(text: &str) -> Option<(Decimal, usize)> {
    let bytes = text.as_bytes();
    let digits_at = |from: usize| text.get(from..).map_or(0, crate::syntax::digit_run);
    let head = digits_at(0);
    if head == 0 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut push = |d: u8| -> Option<()> {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i64::from(d.wrapping_sub(b'0')))?;
        Some(())
    };
    for &d in bytes.get(..head)? {
        push(d)?;
    }
    let mut at = head;
    // Thousands groups: `,` and exactly three digits.
    while bytes.get(at) == Some(&b',') && digits_at(at + 1) == 3 {
        for &d in bytes.get(at + 1..at + 4)? {
            push(d)?;
        }
        at += 4;
    }
    let mut scale: u8 = 0;
    if bytes.get(at) == Some(&b'.') {
        let frac = digits_at(at + 1);
        if frac > 0 {
            if frac > usize::from(MAX_SCALE) {
                return None;
            }
            for &d in bytes.get(at + 1..at + 1 + frac)? {
                push(d)?;
            }
            scale = u8::try_from(frac).ok()?;
            at += 1 + frac;
        }
    }
    Some((Decimal::new(mantissa, scale), at))
}

/// Reads `12`, `-3.5`, `+7`, `1,200`, `0.000000001` exactly (no float on the way).
///
/// ```
/// use zfxxgk::Decimal;
/// let d: Decimal = "123456.123456789012".parse().unwrap();
/// assert_eq!(d.to_string(), "123456.123456789012");
/// assert_eq!("1,200".parse::<Decimal>(), Ok(Decimal::integer(1200)));
/// assert!("1.2.3".parse::<Decimal>().is_err());
/// ```
impl std::str::FromStr for Decimal {
    type Err = ParseDecimalError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let (negative, body) = match t.as_bytes().first() {
            Some(b'-') => (true, t.get(1..).unwrap_or("")),
            Some(b'+') => (false, t.get(1..).unwrap_or("")),
            _ => (false, t),
        };
        match decimal_prefix(body) {
            Some((d, n)) if n == body.len() => {
                if negative {
                    d.negated().ok_or(ParseDecimalError)
                } else {
                    Ok(d)
                }
            }
            _ => Err(ParseDecimalError),
        }
    }
}

/// An integer is written as a JSON integer (`24252`); a number with decimals as a
/// string of its exact digits (`"24252.311082"`, `"0.000000001"`), never as a float,
/// so that no digit is lost or rounded.
impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_integer() {
            Some(i) => s.serialize_i64(i),
            None => s.collect_str(self),
        }
    }
}

/// Accepts what [`Serialize`] writes (an integer, or a string of digits), and also a
/// JSON float, read through its shortest decimal form.
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl serde::de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an integer or a string of decimal digits")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::integer(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
        i64::try_from(v)
            .map(Decimal::integer)
            .map_err(|_| E::custom("number too large"))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
        // `{}` of an f64 is its shortest round-trip form, never an exponent.
        format!("{v}")
            .parse()
            .map_err(|_| E::custom("not a decimal"))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
        v.parse().map_err(E::custom)
    }
}

/// What a cell holds.
///
/// ```
/// use zfxxgk::{Decimal, Value};
///
/// // Table 二 of a 2021 report: a multiplier, a sign, a blank, a dash.
/// let text = "二、主动公开政府信息情况\n第二十条第(一)项 |\n\
///             信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
///             规章 | 1.2万 |  | — |\n\
///             行政规范性文件 | 约30 | 减少3 | 0 |\n";
/// let report = zfxxgk::parse_report(text).unwrap();
/// let cells: Vec<&Value> = report.tables.iter_cells().map(|(_, c)| &c.value).collect();
/// assert_eq!(cells[0].number(), Some(Decimal::integer(12_000)));
/// assert_eq!(cells[1], &Value::Blank); // a blank is not 0
/// assert_eq!(cells[2], &Value::Dash);
/// assert!(matches!(cells[3], Value::Number { approximate: true, .. }));
/// assert_eq!(cells[4].number(), Some(Decimal::integer(-3)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Value {
    /// A number, with its unit and multiplier applied (`31.2万件` → 312000 件).
    Number {
        /// The value.
        value: Decimal,
        /// The unit the value is expressed in, when the cell or column states one.
        unit: Option<String>,
        /// Whether the text marks the figure as approximate (`100余次`, `约20条`).
        approximate: bool,
    },
    /// An empty cell.
    Blank,
    /// A dash or slash standing for "nothing to report" (`-`, `—`, `/`).
    Dash,
    /// Text that could not be read as a number.
    Unreadable,
}

impl Value {
    /// A plain number: no unit, not approximate.
    pub fn plain(value: Decimal) -> Self {
        Value::Number {
            value,
            unit: None,
            approximate: false,
        }
    }

    /// The number, if the cell holds one.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// The unit, if the cell holds a number with a unit.
    pub fn unit(&self) -> Option<&str> {
        match self {
            Value::Number { unit, .. } => unit.as_deref(),
            _ => None,
        }
    }
}

/// How a cell's place in its table was decided.
///
/// A value is only ever placed where something pins it; what nothing pins is reported
/// (a `NotPlaced` warning with its candidate cells), never filled in by order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Placement {
    /// By its row label and the column it stands in among the row's delimited fields
    /// (pipes, tabs, markdown, one cell per line, HTML).
    #[default]
    Label,
    /// By its row label and its column position on the page (space-aligned text from
    /// a PDF: the display column under the header or the other rows' numbers).
    Position,
    /// Solved by the template's arithmetic (row totals, results summing to the total,
    /// received + carried = handled + carried forward, table 四's group totals).
    Arithmetic,
}

impl Placement {
    /// The tidy record key: `label`, `position` or `arithmetic`.
    pub fn key(self) -> &'static str {
        match self {
            Placement::Label => "label",
            Placement::Position => "position",
            Placement::Arithmetic => "arithmetic",
        }
    }
}

/// One cell of a statistical table: its value, the text it was read from, and where.
///
/// Equality and hashing leave the span out: two cells are equal when they hold the
/// same value read from the same text, wherever it stands.
///
/// ```
/// use zfxxgk::catalogue::{T3Col, T3Row};
///
/// let text = "三、收到和处理政府信息公开申请情况\n\
///             一、本年新收政府信息公开申请数量 | 46 | 1 | 0 | 0 | 0 | 0 | 47 |\n";
/// let report = zfxxgk::parse_report(text).unwrap();
/// let requests = report.tables.requests.as_ref().unwrap();
/// let cell = requests.cell(T3Row::NewRequests, T3Col::NaturalPerson).unwrap();
/// assert_eq!(cell.integer(), Some(46));
/// assert_eq!(cell.raw, "46");
/// // The span points into the text given to the parser.
/// assert_eq!(cell.span.slice(text), Some("46"));
/// assert_eq!(report.line_of(cell.span.start), 2);
/// ```
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cell {
    /// The value.
    pub value: Value,
    /// The cell text after normalization, exactly as read.
    pub raw: String,
    /// Where the cell is in the original input.
    pub span: Span,
    /// How the cell's place was decided.
    #[serde(default)]
    pub placement: Placement,
    /// A note printed with the number (`147（含合并2件）` → 147 with the note
    /// `含合并2件`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        // Spans are left out on purpose.
        let Cell {
            value,
            raw,
            span: _,
            placement,
            note,
        } = self;
        *value == other.value
            && *raw == other.raw
            && *placement == other.placement
            && *note == other.note
    }
}

impl std::hash::Hash for Cell {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.raw.hash(state);
        self.placement.hash(state);
        self.note.hash(state);
    }
}

impl Cell {
    /// A cell holding `value`, read from `raw` at `span`.
    ///
    /// ```
    /// use zfxxgk::{Cell, Decimal, Span, Value};
    /// let cell = Cell::new(Value::plain(Decimal::integer(46)), "46", Span::new(10, 12));
    /// assert_eq!(cell.integer(), Some(46));
    /// // Equality leaves the span out.
    /// assert_eq!(cell, Cell::new(Value::plain(Decimal::integer(46)), "46", Span::new(0, 2)));
    /// ```
    pub fn new(value: Value, raw: impl Into<String>, span: Span) -> Self {
        Cell {
            value,
            raw: raw.into(),
            span,
            placement: Placement::Label,
            note: None,
        }
    }

    /// The number in the cell, if any.
    pub fn number(&self) -> Option<Decimal> {
        self.value.number()
    }

    /// The number as an integer, if the cell holds a whole number.
    pub fn integer(&self) -> Option<i64> {
        self.value.number().and_then(Decimal::as_integer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_serialize_exactly() {
        for (text, json) in [
            ("24252.311082", r#""24252.311082""#),
            ("2.953", r#""2.953""#),
            ("0.000000001", r#""0.000000001""#),
            ("123456.123456789012", r#""123456.123456789012""#),
            ("-0.5", r#""-0.5""#),
            ("24252", "24252"),
            ("-8", "-8"),
            ("0", "0"),
        ] {
            let d: Decimal = text.parse().expect("a decimal");
            assert_eq!(d.to_string(), text);
            let written = serde_json::to_string(&d).expect("serializes");
            assert_eq!(written, json, "{text}");
            let back: Decimal = serde_json::from_str(&written).expect("reads back");
            assert_eq!(back, d, "{text}");
        }
        // A value keeps its digits inside a cell too.
        let v = Value::Number {
            value: "24252.311082".parse().expect("a decimal"),
            unit: Some("万元".into()),
            approximate: false,
        };
        let json = serde_json::to_string(&v).expect("serializes");
        assert!(json.contains(r#""value":"24252.311082""#), "{json}");
        assert_eq!(serde_json::from_str::<Value>(&json).ok(), Some(v));
    }

    #[test]
    fn decimals_read_floats_and_refuse_the_rest() {
        assert_eq!(
            serde_json::from_str::<Decimal>("2.953").ok(),
            Some(Decimal::new(2953, 3))
        );
        assert_eq!(
            serde_json::from_str::<Decimal>("1e-9").ok(),
            Some(Decimal::new(1, 9))
        );
        assert!(serde_json::from_str::<Decimal>(r#""2.9.5""#).is_err());
        assert!(serde_json::from_str::<Decimal>(r#""""#).is_err());
        assert!(serde_json::from_str::<Decimal>("true").is_err());
        assert!(serde_json::from_str::<Decimal>("18446744073709551615").is_err());
        // More decimals than a Decimal keeps are refused, never rounded.
        assert!("0.0000000000001".parse::<Decimal>().is_err());
        assert!("99999999999999999999".parse::<Decimal>().is_err());
    }
}
