#![allow(dead_code)]
//! The offset map as it was first written (one `Seg` of four words per segment), kept
//! as the reference the compact map is tested against: every lookup of both maps, built
//! by the same stage operations, must agree.
//!
//! (Original module documentation follows.)
//!
//!
//! The normalized text is covered, without gaps or overlaps, by *segments*. Each segment
//! says where its bytes came from in the original:
//!
//! * a **linear** segment was copied byte for byte (or replaced by characters of the same
//!   byte width, one for one), so normalized offset `norm + k` maps to `orig + k`;
//! * a **narrowing** segment replaced three-byte characters by one-byte ones, one for
//!   one (full-width `１２）` → `12)`, U+3000 → space), so `norm + k` maps to
//!   `orig + 3k`: a line of full-width digits costs one segment, not one per digit;
//! * an **atomic** segment was produced as a whole from the original range
//!   `orig..orig_end` (a full-width character, `\r\n`, a converted phrase, a character
//!   with its pinyin gloss), so every offset inside it maps to `orig`, and its end maps to
//!   `orig_end`.
//!
//! Text that normalization leaves alone is one linear segment; adjacent linear (or
//! narrowing) segments that continue each other are merged, so the map only grows where
//! lengths change.
//! Lookups are a binary search (with a cursor for the monotonic lookups the stages make).
//!
//! Each stage of the pipeline reads the previous stage's text and map and writes a new
//! text with an [`Emitter`], which records for every piece of output which range of its
//! input produced it; the emitter composes that with the input map, so the final map
//! always points into the original input.

use std::ops::Range;

/// One piece of the normalized text and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seg {
    /// Normalized start offset (the end is the next segment's start).
    norm: usize,
    /// Original start offset.
    orig: usize,
    /// Original end offset.
    orig_end: usize,
    /// Original bytes per normalized byte: 1 linear, 3 narrowing, 0 atomic (the segment
    /// maps as a whole).
    step: u8,
}

/// Normalized → original offset map (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OffsetMap {
    segs: Vec<Seg>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// The map of an unchanged text of `len` bytes.
    pub(super) fn identity(len: usize) -> Self {
        let segs = if len == 0 {
            Vec::new()
        } else {
            vec![Seg {
                norm: 0,
                orig: 0,
                orig_end: len,
                step: 1,
            }]
        };
        OffsetMap {
            segs,
            norm_len: len,
            orig_len: len,
        }
    }

    /// Number of segments (a measure of how much the map costs).
    pub(super) fn segments(&self) -> usize {
        self.segs.len()
    }

    /// Length of the original text.
    pub(super) fn orig_len(&self) -> usize {
        self.orig_len
    }

    /// Index of the segment containing normalized byte `n` (`n < norm_len`).
    fn find(&self, n: usize) -> Option<usize> {
        let i = self.segs.partition_point(|s| s.norm <= n);
        i.checked_sub(1)
    }

    /// Index of the segment containing `n`, trying `hint` and its successor first.
    fn find_from(&self, n: usize, hint: usize) -> Option<usize> {
        for i in [hint, hint + 1] {
            if let Some(s) = self.segs.get(i) {
                let end = self.segs.get(i + 1).map_or(self.norm_len, |t| t.norm);
                if s.norm <= n && n < end {
                    return Some(i);
                }
            }
        }
        self.find(n)
    }

    fn seg_end(&self, i: usize) -> usize {
        self.segs.get(i + 1).map_or(self.norm_len, |t| t.norm)
    }

    /// Original offset of normalized offset `n`: the start of the original character(s)
    /// that produced the normalized byte at `n`; `n >= norm_len` maps to the end of the
    /// original.
    pub(super) fn start_of(&self, n: usize) -> usize {
        self.start_of_hint(n, 0).0
    }

    fn start_of_hint(&self, n: usize, hint: usize) -> (usize, usize) {
        if n >= self.norm_len {
            return (self.orig_len, hint);
        }
        match self
            .find_from(n, hint)
            .and_then(|i| self.segs.get(i).map(|s| (i, s)))
        {
            Some((i, s)) if s.step > 0 => (s.orig + (n - s.norm) * usize::from(s.step), i),
            Some((i, s)) => (s.orig, i),
            None => (0, hint),
        }
    }

    /// Original end offset of a normalized range ending at `end` (`end > 0`): the end of
    /// the original source of the byte at `end - 1`.
    pub(super) fn end_of(&self, end: usize) -> usize {
        self.end_of_hint(end, 0).0
    }

    fn end_of_hint(&self, end: usize, hint: usize) -> (usize, usize) {
        if end == 0 {
            return (self.start_of_hint(0, hint).0, hint);
        }
        let last = end.min(self.norm_len).saturating_sub(1);
        if self.norm_len == 0 {
            return (self.orig_len, hint);
        }
        match self
            .find_from(last, hint)
            .and_then(|i| self.segs.get(i).map(|s| (i, s)))
        {
            Some((i, s)) if s.step > 0 => (
                (s.orig + (last + 1 - s.norm) * usize::from(s.step)).min(s.orig_end),
                i,
            ),
            Some((i, s)) => (s.orig_end, i),
            None => (self.orig_len, hint),
        }
    }
}

/// Writes one stage's output text and its map (composed with the stage input's map).
///
/// The emitter is lazy: input that is kept is only copied when the next change comes
/// (or at [`Emitter::finish`]); if nothing changes it never allocates.
pub(super) struct Emitter<'a> {
    input: &'a str,
    map: &'a OffsetMap,
    out: String,
    segs: Vec<Seg>,
    /// Input offset up to which everything has been written.
    pending: usize,
    changed: bool,
    hint: usize,
}

impl<'a> Emitter<'a> {
    pub(super) fn new(input: &'a str, map: &'a OffsetMap) -> Self {
        Emitter {
            input,
            map,
            out: String::new(),
            segs: Vec::new(),
            pending: 0,
            changed: false,
            hint: 0,
        }
    }

    /// Input offset up to which output has been produced (changes must start here or
    /// later).
    pub(super) fn pending(&self) -> usize {
        self.pending
    }

    fn start_changes(&mut self) {
        if !self.changed {
            self.changed = true;
            self.out.reserve(self.input.len());
            self.segs.reserve(self.map.segs.len() + 16);
        }
    }

    fn push(&mut self, seg: Seg) {
        if let Some(last) = self.segs.last_mut() {
            if last.norm == seg.norm {
                // The previous segment produced no output: replace it.
                *last = seg;
                return;
            }
            if last.step > 0 && last.step == seg.step && last.orig_end == seg.orig {
                last.orig_end = seg.orig_end;
                return;
            }
        }
        self.segs.push(seg);
    }

    /// Map output starting at the current end as a copy of input `src`.
    fn map_copy(&mut self, src: Range<usize>) {
        if src.start >= src.end {
            return;
        }
        let out_base = self.out.len();
        let Some(mut i) = self.map.find_from(src.start, self.hint) else {
            return;
        };
        while let Some(s) = self.map.segs.get(i).copied() {
            let s_end = self.map.seg_end(i);
            if s.norm >= src.end {
                break;
            }
            let x = s.norm.max(src.start);
            let y = s_end.min(src.end);
            if x < y {
                let norm = out_base + (x - src.start);
                let seg = if s.step > 0 {
                    let step = usize::from(s.step);
                    Seg {
                        norm,
                        orig: s.orig + (x - s.norm) * step,
                        orig_end: s.orig + (y - s.norm) * step,
                        step: s.step,
                    }
                } else {
                    Seg { norm, ..s }
                };
                self.push(seg);
            }
            self.hint = i;
            if s_end >= src.end {
                break;
            }
            i += 1;
        }
    }

    /// Write input up to `to` unchanged.
    pub(super) fn keep_until(&mut self, to: usize) {
        if to <= self.pending {
            return;
        }
        if self.changed {
            let range = self.pending..to;
            if let Some(s) = self.input.get(range.clone()) {
                self.map_copy(range);
                self.out.push_str(s);
            }
        }
        self.pending = to;
    }

    /// Replace input `src` (which must start at or after [`Emitter::pending`]) by `with`.
    ///
    /// A replacement by a single character of the same byte width keeps the position map
    /// of the replaced character (one-for-one); anything else maps as a whole onto the
    /// original source of `src`.
    pub(super) fn replace(&mut self, src: Range<usize>, with: &str) {
        if src.start < self.pending || src.end < src.start {
            return;
        }
        if self.input.get(src.clone()) == Some(with) {
            return;
        }
        self.start_changes();
        self.keep_until(src.start);
        let one_for_one = with.len() == src.len() && with.chars().nth(1).is_none();
        if one_for_one {
            self.map_copy(src.clone());
        } else if let Some(orig) = self.narrowing(&src, with) {
            let norm = self.out.len();
            self.push(Seg {
                norm,
                orig,
                orig_end: orig + 3,
                step: 3,
            });
        } else if !with.is_empty() {
            let (orig, h) = self.map.start_of_hint(src.start, self.hint);
            let orig_end = if src.is_empty() {
                orig
            } else {
                self.map.end_of_hint(src.end, h).0
            };
            self.hint = h;
            let norm = self.out.len();
            self.push(Seg {
                norm,
                orig,
                orig_end,
                step: 0,
            });
        }
        self.out.push_str(with);
        self.pending = src.end;
    }

    /// Where `src` starts in the original, when replacing it by `with` narrows one
    /// three-byte character that was copied from the original byte for byte to one
    /// byte.
    fn narrowing(&mut self, src: &Range<usize>, with: &str) -> Option<usize> {
        if with.len() != 1 || src.len() != 3 {
            return None;
        }
        self.input
            .get(src.clone())?
            .chars()
            .nth(1)
            .is_none()
            .then_some(())?;
        let i = self.map.find_from(src.start, self.hint)?;
        let s = self.map.segs.get(i)?;
        if s.step != 1 || self.map.seg_end(i) < src.end {
            return None;
        }
        self.hint = i;
        Some(s.orig + (src.start - s.norm))
    }

    /// Replace input `src` by `with`, which has the same length in bytes and replaces
    /// each character of `src` by one of the same width: the map stays byte for byte.
    /// Anything else is a [`Emitter::replace`].
    pub(super) fn replace_linear(&mut self, src: Range<usize>, with: &str) {
        if src.start < self.pending || with.len() != src.len() {
            self.replace(src, with);
            return;
        }
        if self.input.get(src.clone()) == Some(with) {
            return;
        }
        self.start_changes();
        self.keep_until(src.start);
        self.map_copy(src.clone());
        self.out.push_str(with);
        self.pending = src.end;
    }

    /// Drop input `src`.
    pub(super) fn delete(&mut self, src: Range<usize>) {
        if src.start < self.pending || src.end <= src.start {
            return;
        }
        self.start_changes();
        self.keep_until(src.start);
        self.pending = src.end;
    }

    /// Finish: `None` when nothing changed, else the new text and its map.
    pub(super) fn finish(mut self) -> Option<(String, OffsetMap)> {
        if !self.changed {
            return None;
        }
        self.keep_until(self.input.len());
        // Drop a trailing segment that produced no output.
        let norm_len = self.out.len();
        while self.segs.last().is_some_and(|s| s.norm >= norm_len) {
            self.segs.pop();
        }
        Some((
            self.out,
            OffsetMap {
                segs: self.segs,
                norm_len,
                orig_len: self.map.orig_len,
            },
        ))
    }
}

impl OffsetMap {
    /// The segments as `(norm, orig, orig_end, step)`.
    pub(super) fn seg_tuples(&self) -> Vec<(usize, usize, usize, u8)> {
        self.segs
            .iter()
            .map(|s| (s.norm, s.orig, s.orig_end, s.step))
            .collect()
    }
}
