//! Character-level normalization: Unicode NFKC and whitespace folding.
//!
//! NFKC only touches what is not already NFKC. The text is scanned character by
//! character; ASCII and the common CJK blocks are known to be stable and are copied as
//! they are. Any other character is quick-checked; a character that may change starts a
//! *normalization segment*, which reaches back to the last stable starter only when the
//! character can combine with what precedes it, and forward over following characters
//! that are not stable starters. Only such a segment is normalized, and the result
//! replaces it as one unit of the offset map (usually a single character: `（` → `(`).
//!
//! Whitespace folding (when on) comes first and wins over NFKC for the characters it
//! handles: exotic spaces become one ASCII space each, `\r\n` and `\r` become `\n`,
//! zero-width characters are removed, and `&nbsp;`-style entities become a space.
//! Trailing spaces are trimmed later, by the line stage.

use super::offsets::{Emitter, OffsetMap};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Characters whose NFKC form is longer (in bytes) than this many times their own length
/// are kept as they are: ligatures of whole words such as U+FDFA (18 characters) or
/// U+3300 `㌀` (`アパート`), which report text does not use, and which would let a text
/// grow tenfold under normalization. `⑴` → `(1)`, `⒇` → `(20)`, `㈠` → `(一)` and the
/// full-width forms are well within it.
const MAX_EXPANSION: usize = 2;

/// What whitespace folding does with a character.
enum Fold {
    Space,
    Newline,
    Remove,
}

fn fold_of(c: char) -> Option<Fold> {
    match c {
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Some(Fold::Space),
        // Vertical tab and form feed (page breaks in PDF text), NEL, line and paragraph
        // separators.
        '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => Some(Fold::Newline),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(Fold::Remove),
        _ => None,
    }
}

/// Characters known to be NFKC-stable starters without a lookup.
#[inline]
fn fast_stable(c: char) -> bool {
    matches!(c,
        '\u{0000}'..='\u{007F}'
        | '\u{3001}'..='\u{3029}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{2010}'
        | '\u{2013}'..='\u{2015}'
        | '\u{2018}'..='\u{201F}'
    )
}

/// Whether `c` is a normalization boundary: NFKC leaves it alone and nothing before it
/// can combine with it.
#[inline]
fn is_boundary(c: char) -> bool {
    fast_stable(c)
        || (canonical_combining_class(c) == 0
            && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Whether NFKC of `c` can interact with the text before it: `c` is a non-starter, or
/// its normalization does not start with a boundary character.
fn combines_backward(c: char) -> bool {
    if is_boundary(c) {
        return false;
    }
    if canonical_combining_class(c) != 0 {
        return true;
    }
    if fullwidth_ascii(c).is_some() {
        return false;
    }
    std::iter::once(c)
        .nfkc()
        .next()
        .is_none_or(|d| !is_boundary(d))
}

/// HTML space entities that scraped text sometimes keeps literally (lower-cased).
const SPACE_ENTITIES: [&str; 6] = ["&nbsp;", "&#160;", "&#xa0;", "&ensp;", "&emsp;", "&thinsp;"];

fn space_entity_len(rest: &[u8]) -> Option<usize> {
    SPACE_ENTITIES.iter().find_map(|e| {
        let n = e.len();
        let head = rest.get(..n)?;
        head.eq_ignore_ascii_case(e.as_bytes()).then_some(n)
    })
}

/// Run the character stage. `None` when the text is unchanged.
pub(crate) fn run(
    text: &str,
    map: &OffsetMap,
    nfkc: bool,
    fold_ws: bool,
) -> Option<(String, OffsetMap)> {
    if !nfkc && !fold_ws {
        return None;
    }
    let bytes = text.as_bytes();
    let mut em = Emitter::new(text, map);
    // Start of the last character that is a normalization boundary (NFKC may have to
    // reach back to it), if it has not been written yet.
    let mut last_boundary: Option<usize> = None;
    let mut scratch = String::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if fold_ws {
                if b == b'\r' {
                    let n = if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    em.replace(i..i + n, "\n");
                    i += n;
                    last_boundary = None;
                    continue;
                }
                if b == b'&' {
                    if let Some(n) = bytes.get(i..).and_then(space_entity_len) {
                        em.replace(i..i + n, " ");
                        i += n;
                        last_boundary = None;
                        continue;
                    }
                }
                if b == 0x0B || b == 0x0C {
                    em.replace(i..i + 1, "\n");
                    i += 1;
                    last_boundary = None;
                    continue;
                }
            }
            // No canonical composite starts with ASCII whitespace: marks after a
            // space are normalized on their own, so their offsets stay apart from
            // the space's (which may come from a different source, such as a cell
            // boundary written for `<td>`).
            last_boundary = (!b.is_ascii_whitespace()).then_some(i);
            i += 1;
            continue;
        }
        if (0xE4..=0xE9).contains(&b) {
            // U+4000–U+9FFF (CJK ideographs, hexagram symbols): stable starters.
            last_boundary = Some(i);
            i += 3;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if fast_stable(c) {
            last_boundary = Some(i);
            i += len;
            continue;
        }
        if fold_ws {
            if let Some(f) = fold_of(c) {
                match f {
                    Fold::Space => em.replace(i..i + len, " "),
                    Fold::Newline => em.replace(i..i + len, "\n"),
                    Fold::Remove => em.delete(i..i + len),
                }
                i += len;
                last_boundary = None;
                continue;
            }
        }
        if !nfkc || is_boundary(c) {
            last_boundary = Some(i);
            i += len;
            continue;
        }
        // `c` may change under NFKC. Normalize it alone first.
        scratch.clear();
        if let Some(fw) = fullwidth_ascii(c) {
            scratch.push(fw);
        } else {
            scratch.extend(std::iter::once(c).nfkc());
        }
        if scratch.len() > MAX_EXPANSION * len {
            // A ligature of words (U+FDFA is 18 characters): kept as it is.
            last_boundary = None;
            i += len;
            continue;
        }
        // Can it combine with what precedes it?
        let backward = canonical_combining_class(c) != 0
            || scratch.chars().next().is_none_or(|d| !is_boundary(d));
        let start = match (backward, last_boundary) {
            (true, Some(lb)) if lb >= em.pending() && lb < i => lb,
            _ => i,
        };
        // Extend over following characters that are not boundaries.
        let mut end = i + len;
        while let Some(d) = text.get(end..).and_then(|s| s.chars().next()) {
            if !combines_backward(d) || (fold_ws && (fold_of(d).is_some() || d == '\r')) {
                break;
            }
            end += d.len_utf8();
        }
        if start != i || end != i + len {
            // Normalize the whole segment; when that equals normalizing its characters
            // one by one, write them one by one (finer offsets).
            let seg = text.get(start..end).unwrap_or("");
            let whole: String = seg.nfkc().collect();
            let mut pieces: Vec<(usize, usize, String)> = Vec::new();
            let mut joined = String::with_capacity(whole.len());
            for (k, d) in seg.char_indices() {
                let p: String = std::iter::once(d).nfkc().collect();
                joined.push_str(&p);
                pieces.push((start + k, start + k + d.len_utf8(), p));
            }
            if joined == whole {
                for (a, b, p) in pieces {
                    emit(&mut em, a..b, &fold_piece(p, fold_ws));
                }
                i = end;
                last_boundary = None;
                continue;
            }
            scratch.clear();
            scratch.push_str(&whole);
        }
        if start < em.pending() {
            // Cannot happen (start is at or after pending), but never write backwards.
            i = end.max(i + len);
            continue;
        }
        let folded = fold_piece(std::mem::take(&mut scratch), fold_ws);
        emit(&mut em, start..end, &folded);
        scratch = folded;
        i = end;
        last_boundary = None;
    }
    em.finish()
}

/// Replace `src` by `with`, or delete it when `with` is empty.
fn emit(em: &mut Emitter<'_>, src: std::ops::Range<usize>, with: &str) {
    if with.is_empty() {
        em.delete(src);
    } else {
        em.replace(src, with);
    }
}

/// NFKC can produce exotic spaces or zero-width characters: fold them too.
fn fold_piece(s: String, fold_ws: bool) -> String {
    if !fold_ws || !s.chars().any(|d| fold_of(d).is_some() || d == '\r') {
        return s;
    }
    s.chars()
        .filter_map(|d| match fold_of(d) {
            Some(Fold::Space) => Some(' '),
            Some(Fold::Newline) => Some('\n'),
            Some(Fold::Remove) => None,
            None if d == '\r' => Some('\n'),
            None => Some(d),
        })
        .collect()
}

/// NFKC of the full-width ASCII variants U+FF01–U+FF5E is the ASCII character.
#[inline]
fn fullwidth_ascii(c: char) -> Option<char> {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        char::from_u32(u - 0xFEE0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str, nfkc: bool, ws: bool) -> String {
        let m = OffsetMap::identity(s.len());
        run(s, &m, nfkc, ws).map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn fast_ranges_are_stable() {
        for r in [
            0u32..0x80,
            0x3001..0x302A,
            0x3400..0x4DC0,
            0x4E00..0xA000,
            0x2010..0x2011,
            0x2013..0x2016,
            0x2018..0x2020,
        ] {
            for u in r {
                let c = char::from_u32(u).unwrap();
                assert_eq!(
                    is_nfkc_quick(std::iter::once(c)),
                    IsNormalized::Yes,
                    "U+{u:04X}"
                );
                assert_eq!(canonical_combining_class(c), 0, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn three_byte_fast_range_is_stable() {
        for u in 0x4000u32..0xA000 {
            let c = char::from_u32(u).unwrap();
            let mut b = [0u8; 4];
            assert!((0xE4..=0xE9).contains(&c.encode_utf8(&mut b).as_bytes()[0]));
            assert!(is_boundary(c) && fold_of(c).is_none(), "U+{u:04X}");
        }
    }

    #[test]
    fn fullwidth_table_matches_nfkc() {
        for u in 0xFF01..=0xFF5E {
            let c = char::from_u32(u).unwrap();
            let n: String = std::iter::once(c).nfkc().collect();
            assert_eq!(n, fullwidth_ascii(c).unwrap().to_string());
        }
    }

    #[test]
    fn nfkc_and_spaces() {
        assert_eq!(norm("（一）１２３，：", true, true), "(一)123,:");
        assert_eq!(norm("a\u{3000}\u{3000}b", true, true), "a  b");
        assert_eq!(norm("a\u{3000}b", false, true), "a b");
        assert_eq!(norm("a\u{3000}b", false, false), "a\u{3000}b");
        assert_eq!(norm("a\r\nb\rc", true, true), "a\nb\nc");
        assert_eq!(norm("a\r\nb", true, false), "a\r\nb");
        assert_eq!(norm("a\u{200B}b\u{FEFF}", true, true), "ab");
        assert_eq!(norm("a&nbsp;b&NBSP;c", true, true), "a b c");
        assert_eq!(norm("a\tb", true, true), "a\tb");
        // Combining marks compose with the preceding letter.
        assert_eq!(norm("xia\u{0304}ng", true, true), "xiāng");
        // Half-width katakana voiced mark combines backwards.
        assert_eq!(norm("ｶﾞ", true, true), "ガ");
        assert_eq!(norm("⑴", true, true), "(1)");
        assert_eq!(norm("﹝2016﹞", true, true), "〔2016〕");
        assert_eq!(norm("⒇㈠", true, true), "(20)(一)");
    }

    #[test]
    fn full_width_characters_map_one_for_one() {
        let input = "收到（１２３）件,\u{3000}ＡＢ\u{3000}\u{3000}4";
        let m = OffsetMap::identity(input.len());
        let (t, map) = run(input, &m, true, true).expect("changed");
        assert_eq!(t, "收到(123)件, AB  4");
        // Every output character maps onto exactly the input character it came from.
        let mut src = input.char_indices();
        for (at, c) in t.char_indices() {
            let (orig, oc) = src
                .next()
                .expect("one input character per output character");
            assert_eq!(map.start_of(at), orig, "{c}");
            assert_eq!(map.end_of(at + c.len_utf8()), orig + oc.len_utf8(), "{c}");
        }
        // Narrowed characters cost a segment per run, not per character.
        assert!(map.segments() <= 6, "{}", map.segments());
    }

    #[test]
    fn word_ligatures_are_kept() {
        assert_eq!(norm("a\u{FDFA}b", true, true), "a\u{FDFA}b");
        assert_eq!(norm("\u{3300}", true, true), "\u{3300}");
        assert_eq!(
            norm("\u{FDFA}".repeat(1000).as_str(), true, true).len(),
            3000
        );
    }
}
