//! Cells and their values.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Counts are integers (`scale == 0`); amounts may keep decimals (`2.953`).
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

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_integer() {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = serde_json_number::deserialize(d)?;
        Ok(n)
    }
}

mod serde_json_number {
    use super::Decimal;
    use serde::de::{self, Visitor};

    struct V;
    impl Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a number")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::integer(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            i64::try_from(v)
                .map(Decimal::integer)
                .map_err(|_| E::custom("number too large"))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            let text = format!("{v}");
            crate::grammar::value::parse_decimal(&text).ok_or_else(|| E::custom("not a decimal"))
        }
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(V)
    }
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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

/// One cell of a statistical table: its value, the text it was read from, and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cell {
    /// The value.
    pub value: Value,
    /// The cell text after normalization, exactly as read.
    pub raw: String,
    /// Where the cell is in the original input.
    pub span: Span,
}

impl Cell {
    /// The number in the cell, if any.
    pub fn number(&self) -> Option<Decimal> {
        self.value.number()
    }

    /// The number as an integer, if the cell holds a whole number.
    pub fn integer(&self) -> Option<i64> {
        self.value.number().and_then(Decimal::as_integer)
    }
}
