//! Cells of space-aligned text (`pdftotext -layout`) placed by their column position.
//!
//! In text taken from a PDF with its layout kept, a blank cell is only spaces: a row
//! `2  …  2` read value by value would put its total under the second column. Here each
//! value is placed by its display column (CJK characters two wide, see
//! [`crate::lex::display_width`]) against anchors: the centres of the values of the
//! nearest complete rows above and below (or of the header cells). A value is placed
//! only where it is clearly nearest one anchor and the values keep their order; when
//! the anchors above and below disagree (a page break moved the columns) or a value
//! stands between two columns, nothing is placed.

use crate::lex::Token;

/// How columns are counted on a line: `pdftotext -layout` counts characters (a CJK
/// character one cell), text aligned in an editor counts display columns (two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Display columns, CJK characters two wide.
    Display,
    /// Characters.
    Chars,
}

/// A token's centre in half columns (`2 × col + width`), so that it stays an integer.
pub fn centre(t: &Token<'_>, m: Measure) -> usize {
    match m {
        Measure::Display => 2 * t.col() + t.width(),
        Measure::Chars => 2 * t.char_col() + t.char_width(),
    }
}

/// The measure under which the complete rows' values stand most nearly in columns
/// (the smaller sum of each column's spread of centres).
pub fn measure_of(rows: &[Vec<&Token<'_>>]) -> Measure {
    let spread = |m: Measure| -> usize {
        let n = rows.first().map_or(0, Vec::len);
        (0..n)
            .map(|j| {
                let xs = rows.iter().filter_map(|r| r.get(j)).map(|t| centre(t, m));
                let (lo, hi) = xs.fold((usize::MAX, 0), |(lo, hi), x| (lo.min(x), hi.max(x)));
                hi.saturating_sub(lo)
            })
            .sum()
    };
    if rows.len() >= 2 && spread(Measure::Display) < spread(Measure::Chars) {
        Measure::Display
    } else {
        Measure::Chars
    }
}

/// The column of each value (by centre) among `anchors` (centres, left to right), or
/// `None` when a value is not clearly nearest one anchor (nearer to it than half its
/// distance to any other), or two values claim one column, or their order changes.
pub fn assign(values: &[usize], anchors: &[usize]) -> Option<Vec<usize>> {
    if values.len() > anchors.len() || anchors.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let mut out: Vec<usize> = Vec::with_capacity(values.len());
    for &x in values {
        let mut by_distance: Vec<(usize, usize)> = anchors
            .iter()
            .enumerate()
            .map(|(j, &a)| (x.abs_diff(a), j))
            .collect();
        by_distance.sort_unstable();
        let (d0, j) = *by_distance.first()?;
        if let Some(&(d1, _)) = by_distance.get(1) {
            if 2 * d0 >= d1 {
                return None;
            }
        }
        if out.last().is_some_and(|&p| p >= j) {
            return None;
        }
        out.push(j);
    }
    Some(out)
}

/// The columns of a short row's values by the anchors of the complete rows before and
/// after it: both (those that exist) must give the same columns.
pub fn place_between(
    values: &[usize],
    before: Option<&[usize]>,
    after: Option<&[usize]>,
) -> Option<Vec<usize>> {
    let a = before.map(|b| assign(values, b));
    let b = after.map(|b| assign(values, b));
    match (a, b) {
        (Some(Some(x)), Some(Some(y))) if x == y => Some(x),
        (Some(Some(x)), None) | (None, Some(Some(x))) => Some(x),
        _ => None,
    }
}

/// The centres (in characters, as `pdftotext -layout` aligns) of a header line naming
/// every column in order: the first line (of
/// space-aligned text) whose label tokens are exactly one per column, each a part of
/// its column's name (`然 商业 科研 社会公 法律服 其 计`, a header broken over lines).
pub fn header_anchors(tokens: &[Token<'_>], names: &[&str]) -> Option<Vec<usize>> {
    let mut line: Option<usize> = None;
    let mut cells: Vec<&Token<'_>> = Vec::new();
    let fits = |cells: &[&Token<'_>]| {
        cells.len() == names.len()
            && cells
                .iter()
                .zip(names)
                .all(|(t, n)| !t.text().is_empty() && n.contains(t.text().as_ref()))
    };
    for t in tokens {
        if t.delimited || t.width() == 0 {
            continue;
        }
        if line != Some(t.line()) {
            if fits(&cells) {
                break;
            }
            cells.clear();
            line = Some(t.line());
        }
        if t.kind == crate::lex::TokenKind::Label {
            cells.push(t);
        } else {
            cells.push(t);
            cells.push(t); // a value on the line: never a header
        }
    }
    fits(&cells).then(|| cells.iter().map(|t| centre(t, Measure::Chars)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_go_to_their_nearest_column() {
        let anchors = [40, 50, 60, 70, 80, 90, 100];
        // `2 … 2`: first and last column, not the second.
        assert_eq!(assign(&[41, 101], &anchors), Some(vec![0, 6]));
        // Halfway between two columns: not placed.
        assert_eq!(assign(&[45], &anchors), None);
        // Two values in one column: not placed.
        assert_eq!(assign(&[49, 51], &anchors), None);
    }

    #[test]
    fn anchors_above_and_below_must_agree() {
        let above = [40, 50, 60];
        let below = [30, 40, 50];
        assert_eq!(place_between(&[40], Some(&above), Some(&below)), None);
        assert_eq!(place_between(&[59], Some(&above), None), Some(vec![2]));
        assert_eq!(place_between(&[59], None, None), None);
    }
}
