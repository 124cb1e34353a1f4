//! Parser plumbing shared by every grammar of the crate (crate-internal, rank 0 of the
//! layers): the one error type of the nom parsers, and the runs of digits every
//! number is read from (cell values, prose figures, dates, numbering).
//!
//! The parsers never report *why* a text does not parse (a failed parse only means
//! "not this"), so the error carries nothing; no nom type leaves the crate.

/// The error of every nom parser of the crate: "this parser does not apply here".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fail;

impl<I> nom::error::ParseError<I> for Fail {
    fn from_error_kind(_: I, _: nom::error::ErrorKind) -> Self {
        Fail
    }

    fn append(_: I, _: nom::error::ErrorKind, _: Self) -> Self {
        Fail
    }
}

/// A nom result with the crate's error type.
pub(crate) type IResult<I, O> = nom::IResult<I, O, Fail>;

/// The recoverable failure (`nom::Err::Error`) of a parser.
pub(crate) fn fail<I, O>() -> IResult<I, O> {
    Err(nom::Err::Error(Fail))
}

/// Bytes of the run of ASCII digits at the start of `text`.
pub(crate) fn digit_run(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

/// A run of `MIN..=MAX` ASCII digits as a number (`2021`, `1`, `12`): the digits of
/// dates and numbering.
pub(crate) fn digits<const MIN: usize, const MAX: usize>(i: &str) -> IResult<&str, u32> {
    let n = digit_run(i);
    if !(MIN..=MAX).contains(&n) {
        return fail();
    }
    match (i.get(..n).and_then(|d| d.parse().ok()), i.get(n..)) {
        (Some(v), Some(rest)) => Ok((rest, v)),
        _ => fail(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs() {
        assert_eq!(digits::<4, 4>("2021年"), Ok(("年", 2021)));
        assert_eq!(digits::<1, 2>("123"), fail());
        assert_eq!(digits::<1, 2>("x"), fail());
        assert_eq!(digit_run("12,3"), 2);
    }
}
