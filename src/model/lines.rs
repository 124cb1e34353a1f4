//! The line starts a report keeps of its input, so that spans become lines and columns
//! without the text.
//!
//! A list of offsets costs eight bytes a line: eight times the input for a text of
//! blank lines. So a report built from a text of short lines keeps one bit per byte of
//! the input instead (set where a line starts), with a count of the starts before every
//! block of [`BLOCK_WORDS`] words: an eighth of the input's size whatever its lines are.
//! Texts of longer lines (more than 64 bytes on average, as most reports) keep the list,
//! which is then the smaller. A report read back from JSON keeps the list it was given.

use crate::span::{LineIndex, Location};

/// Words of 64 bits between two counts.
const BLOCK_WORDS: usize = 32;

/// Line starts: where each line of the original input starts (the first at 0).
#[derive(Clone)]
pub(crate) enum LineStarts {
    /// Bit `i` of the words (bit `i % 64` of word `i / 64`) is set when a line starts at
    /// byte `i`; `ranks[b]` counts the starts before block `b`.
    Bits {
        words: Vec<u64>,
        ranks: Vec<usize>,
        /// The starts in all.
        count: usize,
    },
    /// Offsets, increasing, the first 0 (as read back from a list).
    List(LineIndex),
}

impl std::fmt::Debug for LineStarts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineStarts")
            .field("starts", &self.starts().collect::<Vec<_>>())
            .finish()
    }
}

impl Default for LineStarts {
    fn default() -> Self {
        LineStarts::new("")
    }
}

impl LineStarts {
    /// The line starts of `text`: a line ends at `\n`; `\r\n` and a lone `\r` count as
    /// one line break each (as [`LineIndex`](crate::span::LineIndex) counts them).
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // At least as many line breaks as lines after the first (`\r\n` counts twice).
        let mut breaks = 0usize;
        for_each_break_byte(bytes, |_| breaks += 1);
        if (breaks + 1).saturating_mul(64) <= bytes.len() {
            let mut starts = Vec::with_capacity(breaks + 1);
            starts.push(0);
            for_each_line_start(bytes, |i| starts.push(i));
            if let Some(index) = LineIndex::from_starts(starts) {
                return LineStarts::List(index);
            }
        }
        LineStarts::bits(text)
    }

    /// The line starts of `text` as bits.
    fn bits(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Bits for offsets 0..=len (a text ending with a line break starts a line at its
        // end).
        let bits = bytes.len() + 1;
        let mut words = vec![0u64; bits.div_ceil(64)];
        let mut set = |i: usize| {
            if let Some(w) = words.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
        };
        set(0);
        for_each_line_start(bytes, set);
        let mut ranks = Vec::with_capacity(words.len().div_ceil(BLOCK_WORDS));
        let mut count = 0;
        for block in words.chunks(BLOCK_WORDS) {
            ranks.push(count);
            count += block.iter().map(|w| w.count_ones() as usize).sum::<usize>();
        }
        LineStarts::Bits {
            words,
            ranks,
            count,
        }
    }

    /// Line starts from a list: `None` unless it begins at 0 and increases.
    pub(crate) fn from_list(starts: Vec<usize>) -> Option<Self> {
        LineIndex::from_starts(starts).map(LineStarts::List)
    }

    /// The byte offsets where lines start, in order.
    pub(crate) fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        let (words, list): (&[u64], &[usize]) = match self {
            LineStarts::Bits { words, .. } => (words, &[]),
            LineStarts::List(l) => (&[], l.starts()),
        };
        let bits = words.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let b = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(k * 64 + b)
            })
        });
        bits.chain(list.iter().copied())
    }

    /// 1-based line of a byte offset: the number of line starts at or before it.
    pub(crate) fn line(&self, offset: usize) -> usize {
        match self {
            LineStarts::List(index) => index.line(offset),
            LineStarts::Bits {
                words,
                ranks,
                count,
            } => {
                let w = offset / 64;
                if w >= words.len() {
                    return *count;
                }
                let block = w / BLOCK_WORDS;
                let before: usize = words
                    .get(block * BLOCK_WORDS..w)
                    .unwrap_or(&[])
                    .iter()
                    .map(|x| x.count_ones() as usize)
                    .sum();
                let word = words.get(w).copied().unwrap_or(0);
                let upto = word & (u64::MAX >> (63 - offset % 64));
                ranks.get(block).copied().unwrap_or(0) + before + upto.count_ones() as usize
            }
        }
    }

    /// Byte offset where 1-based line `line` starts.
    pub(crate) fn line_start(&self, line: usize) -> Option<usize> {
        let k = line.checked_sub(1)?;
        match self {
            LineStarts::List(index) => index.line_start(line),
            LineStarts::Bits { words, ranks, .. } => {
                // The block holding start number k (0-based): the last whose count of
                // earlier starts is at most k.
                let block = ranks.partition_point(|&r| r <= k).checked_sub(1)?;
                let mut left = k - ranks.get(block)?;
                let from = block * BLOCK_WORDS;
                for (j, &w) in words.get(from..)?.iter().take(BLOCK_WORDS).enumerate() {
                    let n = w.count_ones() as usize;
                    if left < n {
                        let mut w = w;
                        for _ in 0..left {
                            w &= w - 1;
                        }
                        return Some((from + j) * 64 + w.trailing_zeros() as usize);
                    }
                    left -= n;
                }
                None
            }
        }
    }

    /// Line and column of a byte offset of `text` (the text these starts were built
    /// from), as [`LineIndex::location`](crate::span::LineIndex::location) gives them.
    pub(crate) fn location(&self, text: &str, offset: usize) -> Location {
        if let LineStarts::List(index) = self {
            return index.location(text, offset);
        }
        let line = self.line(offset);
        let start = self.line_start(line).unwrap_or(0);
        Location {
            line,
            column: crate::span::column_of(text, start, offset),
        }
    }

    /// Bytes held (for the memory tests).
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        match self {
            LineStarts::Bits { words, ranks, .. } => words.capacity() * 8 + ranks.capacity() * 8,
            LineStarts::List(l) => l.starts().len() * 8,
        }
    }
}

/// Calls `f` with the offset of every `\n` and `\r` byte of `bytes`, in order.
///
/// Eight bytes at a time: most of a report's bytes are not line breaks, and a word of
/// eight bytes without one is passed over at once.
fn for_each_break_byte(bytes: &[u8], mut f: impl FnMut(usize)) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The high bit of each byte of `x` equal to `b`, and no other bit.
    let equal = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        !((y & LOW7).wrapping_add(LOW7) | y | LOW7)
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let mut hits = equal(word, b'\n') | equal(word, b'\r');
        while hits != 0 {
            f(base + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        base += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        if b == b'\n' || b == b'\r' {
            f(base + k);
        }
    }
}

/// Calls `f` with the offset of every line start after the first: after a `\n`, and
/// after a `\r` not followed by `\n` (`\r\n` is one break).
fn for_each_line_start(bytes: &[u8], mut f: impl FnMut(usize)) {
    for_each_break_byte(bytes, |i| {
        if bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n') {
            f(i + 1);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;
    use proptest::prelude::*;

    fn same_as_index(text: &str) {
        let idx = LineIndex::new(text);
        let bits = LineStarts::bits(text);
        assert!(matches!(bits, LineStarts::Bits { .. }));
        let list = LineStarts::from_list(idx.starts().to_vec()).expect("valid starts");
        let chosen = LineStarts::new(text);
        assert_eq!(chosen.starts().collect::<Vec<_>>(), idx.starts());
        let starts: Vec<usize> = bits.starts().collect();
        assert_eq!(starts, idx.starts());
        assert_eq!(list.starts().collect::<Vec<_>>(), idx.starts());
        for off in 0..text.len() + 3 {
            assert_eq!(bits.line(off), idx.line(off), "line({off}) of {text:?}");
            assert_eq!(list.line(off), idx.line(off));
            assert_eq!(bits.location(text, off), idx.location(text, off), "{off}");
            assert_eq!(list.location(text, off), idx.location(text, off));
            assert_eq!(chosen.line(off), idx.line(off));
        }
        for l in 0..idx.line_count() + 2 {
            assert_eq!(bits.line_start(l), idx.line_start(l), "line_start({l})");
        }
    }

    #[test]
    fn lines_and_columns() {
        for t in [
            "",
            "\n",
            "\r",
            "\r\n",
            "ab\r\ncd\nef",
            "一、总体情况\n收到申请46件\r\r\n\n",
        ] {
            same_as_index(t);
        }
        // Across words and blocks.
        same_as_index(&"x\n".repeat(3000));
        same_as_index(&format!("{}\n{}", "a".repeat(5000), "\n".repeat(4100)));
    }

    #[test]
    fn long_lines_keep_a_list() {
        let text = format!("{}\n{}\r\n{}", "a".repeat(300), "b".repeat(100), "c");
        let s = LineStarts::new(&text);
        assert!(matches!(s, LineStarts::List(_)));
        assert!(s.heap_bytes() <= 3 * 8);
        same_as_index(&text);
        let short = "ab\n".repeat(100);
        assert!(matches!(LineStarts::new(&short), LineStarts::Bits { .. }));
    }

    #[test]
    fn an_eighth_of_the_input() {
        let blank = "\n".repeat(100_000);
        let s = LineStarts::new(&blank);
        assert!(matches!(s, LineStarts::Bits { .. }));
        assert_eq!(s.line(blank.len()), 100_001);
        assert!(
            s.heap_bytes() <= blank.len() / 8 + 1024,
            "{}",
            s.heap_bytes()
        );
    }

    #[test]
    fn lists_are_checked() {
        assert!(LineStarts::from_list(vec![3, 1]).is_none());
        assert!(LineStarts::from_list(vec![0, 0]).is_none());
        assert!(LineStarts::from_list(Vec::new()).is_none());
        assert!(LineStarts::from_list(vec![0, 4, 9]).is_some());
    }

    /// A long line piece, so that generated texts span several blocks.
    const LONG: &str = "规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章\
                        规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章规章";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every line, line start and location equals the line index's.
        #[test]
        fn equal_to_the_line_index(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "\n", "\r", "\r\n", "国", "\n\n", "abcdefgh", " ", LONG]),
                0..400,
            ),
        ) {
            let text: String = parts.concat();
            same_as_index(&text);
        }
    }
}
