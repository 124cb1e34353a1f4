//! The map from normalized byte offsets back to the caller's original text.
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
//!
//! Segments are stored compactly: each is a record of three variable-length integers
//! relative to the segment before it (its length and kind; where it starts in the
//! original, from where the previous one ended; how far its original end is from the one
//! its length implies), usually 3 to 5 bytes instead of four words. Every
//! [`CHUNK`]-th segment has a *mark* with its absolute offsets, so a lookup is a binary
//! search over the marks and then at most [`CHUNK`] records decoded; the stages, whose
//! lookups are monotonic, keep a [`Cursor`] and step from segment to segment, and the
//! public lookups start from where the previous one on the same thread ended
//! (`LastHit`).
//!
//! Each stage of the pipeline reads the previous stage's text and map and writes a new
//! text with an [`Emitter`], which records for every piece of output which range of its
//! input produced it; the emitter composes that with the input map, so the final map
//! always points into the original input.

use std::ops::Range;

#[cfg(test)]
#[path = "offsets_reference.rs"]
mod reference;

/// One piece of the normalized text and where it came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Seg {
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

/// Segments between two marks (the most records a lookup decodes).
const CHUNK: usize = 16;

/// Absolute offsets of a segment whose index is a multiple of [`CHUNK`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    /// The segment's normalized start.
    norm: usize,
    /// The original end of the segment before it (0 for the first).
    prev_orig_end: usize,
    /// Where its record starts in [`OffsetMap::code`].
    at: usize,
}

/// Normalized → original offset map (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    /// The segments' records, in order.
    code: Vec<u8>,
    /// A mark for every [`CHUNK`]-th segment.
    marks: Vec<Mark>,
    /// Number of segments.
    count: usize,
    norm_len: usize,
    orig_len: usize,
    /// The segment the last lookup found.
    last: LastHit,
}

/// Where the last lookup of [`OffsetMap::start_of`] or [`OffsetMap::end_of`] in this
/// thread ended: the parser looks up positions mostly in text order (every character
/// of a paragraph, the tokens of a line), and the next one is then in the same segment
/// or a few after it, found without a search. Kept per thread (no lock, no atomic
/// operation per lookup) with the identity of the map it belongs to.
#[derive(Debug)]
struct LastHit(u64);

thread_local! {
    static LAST_HIT: std::cell::Cell<Option<(u64, Cursor)>> = const { std::cell::Cell::new(None) };
}

impl LastHit {
    /// A new identity (maps with the same content may share one; clones do).
    fn new() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        LastHit(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }

    /// `look(hint)` with this thread's last hit in this map as the hint, keeping the
    /// cursor it returns.
    #[inline]
    fn with(&self, look: impl FnOnce(Option<Cursor>) -> (usize, Option<Cursor>)) -> usize {
        let id = self.0;
        let hint = LAST_HIT
            .try_with(std::cell::Cell::get)
            .ok()
            .flatten()
            .and_then(|(m, c)| (m == id).then_some(c));
        let (o, c) = look(hint);
        if let Some(c) = c {
            let _ = LAST_HIT.try_with(|cell| cell.set(Some((id, c))));
        }
        o
    }
}

impl Clone for LastHit {
    fn clone(&self) -> Self {
        // Same content, same identity: a cursor of one is valid in the other.
        LastHit(self.0)
    }
}

impl PartialEq for LastHit {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LastHit {}

/// A decoded segment of an [`OffsetMap`], and where the next one's record starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cursor {
    /// Index of the segment.
    index: usize,
    seg: Seg,
    /// Normalized end of the segment.
    end: usize,
    /// Where the next record starts.
    next_at: usize,
}

impl Cursor {
    fn contains(&self, n: usize) -> bool {
        self.seg.norm <= n && n < self.end
    }
}

fn step_code(step: u8) -> u64 {
    match step {
        0 => 0,
        1 => 1,
        _ => 2,
    }
}

fn code_step(code: u64) -> u8 {
    match code {
        0 => 0,
        1 => 1,
        _ => 3,
    }
}

/// Signed difference `a - b` (wrapping), zigzag-encoded.
fn zig(a: usize, b: usize) -> u64 {
    let d = (a as u64).wrapping_sub(b as u64) as i64;
    ((d << 1) ^ (d >> 63)) as u64
}

/// `base` plus a zigzag-encoded difference (wrapping).
fn unzig(base: u64, z: u64) -> u64 {
    let d = (z >> 1) ^ 0u64.wrapping_sub(z & 1);
    base.wrapping_add(d)
}

fn put(code: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        code.push((v as u8) | 0x80);
        v >>= 7;
    }
    code.push(v as u8);
}

/// The variable-length integer at `at` and where the next one starts. Most are one
/// byte (lengths and differences under 64), read here without a loop.
#[inline(always)]
fn get(code: &[u8], at: usize) -> Option<(u64, usize)> {
    let b = *code.get(at)?;
    if b < 0x80 {
        return Some((u64::from(b), at + 1));
    }
    get_long(code, at)
}

#[inline(never)]
fn get_long(code: &[u8], mut at: usize) -> Option<(u64, usize)> {
    let mut v = 0u64;
    let mut shift = 0u32;
    loop {
        let b = *code.get(at)?;
        at += 1;
        v |= u64::from(b & 0x7F).checked_shl(shift)?;
        if b < 0x80 {
            return Some((v, at));
        }
        shift += 7;
        if shift >= 64 {
            return None;
        }
    }
}

/// Builds the records of an [`OffsetMap`]. The last segment stays decoded until the
/// next one comes, so that it can still be extended or replaced.
#[derive(Debug, Default)]
struct SegWriter {
    code: Vec<u8>,
    marks: Vec<Mark>,
    count: usize,
    last: Option<Seg>,
    prev_orig_end: usize,
}

impl SegWriter {
    fn push(&mut self, seg: Seg) {
        if let Some(last) = self.last.as_mut() {
            if last.norm == seg.norm {
                // The previous segment produced no output: replace it.
                *last = seg;
                return;
            }
            if last.step > 0 && last.step == seg.step && last.orig_end == seg.orig {
                last.orig_end = seg.orig_end;
                return;
            }
            let done = *last;
            self.encode(done, seg.norm.saturating_sub(done.norm));
        }
        self.last = Some(seg);
    }

    fn encode(&mut self, seg: Seg, len: usize) {
        if self.count % CHUNK == 0 {
            self.marks.push(Mark {
                norm: seg.norm,
                prev_orig_end: self.prev_orig_end,
                at: self.code.len(),
            });
        }
        put(&mut self.code, ((len as u64) << 2) | step_code(seg.step));
        put(&mut self.code, zig(seg.orig, self.prev_orig_end));
        let implied = seg
            .orig
            .wrapping_add(len.wrapping_mul(usize::from(seg.step)));
        put(&mut self.code, zig(seg.orig_end, implied));
        self.prev_orig_end = seg.orig_end;
        self.count += 1;
    }

    /// The map of a text of `norm_len` bytes (a last segment that produced no output is
    /// dropped).
    fn finish(mut self, norm_len: usize, orig_len: usize) -> OffsetMap {
        if let Some(last) = self.last.take() {
            if last.norm < norm_len {
                self.encode(last, norm_len - last.norm);
            }
        }
        // Spare capacity is returned only when it is worth a copy.
        if self.code.capacity() > self.code.len() + self.code.len() / 4 + 64 {
            self.code.shrink_to_fit();
        }
        if self.marks.capacity() > self.marks.len() + self.marks.len() / 4 + 4 {
            self.marks.shrink_to_fit();
        }
        OffsetMap {
            code: self.code,
            marks: self.marks,
            count: self.count,
            norm_len,
            orig_len,
            last: LastHit::new(),
        }
    }
}

impl OffsetMap {
    /// The map of an unchanged text of `len` bytes.
    pub(crate) fn identity(len: usize) -> Self {
        let mut w = SegWriter::default();
        if len > 0 {
            w.push(Seg {
                norm: 0,
                orig: 0,
                orig_end: len,
                step: 1,
            });
        }
        w.finish(len, len)
    }

    /// Number of segments (a measure of how much the map costs).
    pub(crate) fn segments(&self) -> usize {
        self.count
    }

    /// Length of the original text.
    pub(crate) fn orig_len(&self) -> usize {
        self.orig_len
    }

    /// Bytes the map holds (its records and marks), for the memory tests.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.code.capacity() + self.marks.capacity() * std::mem::size_of::<Mark>()
    }

    #[inline(always)]
    /// Decode the record at `at` of segment `index`, which starts at normalized `norm`
    /// after a segment ending at original `prev_orig_end`.
    fn decode(&self, index: usize, at: usize, norm: usize, prev_orig_end: usize) -> Option<Cursor> {
        if index >= self.count {
            return None;
        }
        let (tag, at) = get(&self.code, at)?;
        let (d, at) = get(&self.code, at)?;
        let (e, at) = get(&self.code, at)?;
        let step = code_step(tag & 3);
        let len = (tag >> 2) as usize;
        let orig = unzig(prev_orig_end as u64, d) as usize;
        let implied = orig.wrapping_add(len.wrapping_mul(usize::from(step)));
        let orig_end = unzig(implied as u64, e) as usize;
        Some(Cursor {
            index,
            seg: Seg {
                norm,
                orig,
                orig_end,
                step,
            },
            end: norm.saturating_add(len),
            next_at: at,
        })
    }

    /// Copy into an empty writer, record for record, the segments that lie wholly before
    /// normalized offset `end`, and return the cursor of the segment holding `end - 1`
    /// (for the caller to clip and push). A stage whose output up to `end` is its input
    /// maps that stretch as its input did: its segments are taken as they are, not
    /// decoded and written again one by one. `None`, with nothing copied, when no
    /// segment lies wholly before `end` or the writer has segments already.
    fn copy_prefix_into(&self, w: &mut SegWriter, end: usize) -> Option<Cursor> {
        if end == 0 || w.count != 0 || w.last.is_some() {
            return None;
        }
        let holding = self.seek(end - 1, None)?;
        let k = holding.index;
        if k == 0 {
            return None;
        }
        // Where record `k` starts, and the original end of the segment before it.
        let mark = self.marks.get(k / CHUNK)?;
        let mut c = self.decode(k / CHUNK * CHUNK, mark.at, mark.norm, mark.prev_orig_end)?;
        let (mut at, mut prev_end) = (mark.at, mark.prev_orig_end);
        while c.index < k {
            at = c.next_at;
            prev_end = c.seg.orig_end;
            c = self.next(&c)?;
        }
        w.code.extend_from_slice(self.code.get(..at)?);
        w.marks
            .extend_from_slice(self.marks.get(..k.div_ceil(CHUNK))?);
        w.count = k;
        w.prev_orig_end = prev_end;
        Some(holding)
    }

    /// The segment after `c`.
    #[inline(always)]
    fn next(&self, c: &Cursor) -> Option<Cursor> {
        self.decode(c.index + 1, c.next_at, c.end, c.seg.orig_end)
    }

    /// The first segment.
    #[cfg(test)]
    fn first(&self) -> Option<Cursor> {
        let m = self.marks.first()?;
        self.decode(0, m.at, m.norm, m.prev_orig_end)
    }

    /// Every segment, in order.
    #[cfg(test)]
    pub(crate) fn segs(&self) -> Vec<Seg> {
        let mut out = Vec::new();
        let mut c = self.first();
        while let Some(x) = c {
            out.push(x.seg);
            c = self.next(&x);
        }
        out
    }

    /// The segment containing normalized byte `n` (`n < norm_len`), trying `hint` and
    /// the segments after it first.
    fn seek(&self, n: usize, hint: Option<Cursor>) -> Option<Cursor> {
        if let Some(h) = hint {
            if h.contains(n) {
                return Some(h);
            }
            if n >= h.end {
                let mut c = h;
                for _ in 0..4 {
                    c = self.next(&c)?;
                    if c.contains(n) {
                        return Some(c);
                    }
                }
            }
        }
        let m = self.marks.partition_point(|m| m.norm <= n).checked_sub(1)?;
        let mark = self.marks.get(m)?;
        let mut c = self.decode(m * CHUNK, mark.at, mark.norm, mark.prev_orig_end)?;
        loop {
            if c.contains(n) {
                return Some(c);
            }
            if n < c.seg.norm {
                return None;
            }
            c = self.next(&c)?;
        }
    }

    /// Original offset of normalized offset `n`: the start of the original character(s)
    /// that produced the normalized byte at `n`; `n >= norm_len` maps to the end of the
    /// original.
    pub(crate) fn start_of(&self, n: usize) -> usize {
        self.last.with(|h| self.start_of_hint(n, h))
    }

    fn start_of_hint(&self, n: usize, hint: Option<Cursor>) -> (usize, Option<Cursor>) {
        if n >= self.norm_len {
            return (self.orig_len, hint);
        }
        match self.seek(n, hint) {
            Some(c) if c.seg.step > 0 => (
                c.seg.orig + (n - c.seg.norm) * usize::from(c.seg.step),
                Some(c),
            ),
            Some(c) => (c.seg.orig, Some(c)),
            None => (0, hint),
        }
    }

    /// [`start_of`](Self::start_of)`(n)`, and the normalized end of the linear segment
    /// holding `n` when it is one: every offset from `n` up to that end maps to
    /// `start_of(n)` plus its distance from `n`.
    pub(crate) fn start_of_run(&self, n: usize) -> (usize, Option<usize>) {
        let mut run = None;
        let o = self.last.with(|h| {
            let (o, c) = self.start_of_hint(n, h);
            run = c
                .filter(|c| n < self.norm_len && c.contains(n) && c.seg.step == 1)
                .map(|c| c.end);
            (o, c)
        });
        (o, run)
    }

    /// Original end offset of a normalized range ending at `end` (`end > 0`): the end of
    /// the original source of the byte at `end - 1`.
    pub(crate) fn end_of(&self, end: usize) -> usize {
        self.last.with(|h| self.end_of_hint(end, h))
    }

    fn end_of_hint(&self, end: usize, hint: Option<Cursor>) -> (usize, Option<Cursor>) {
        if end == 0 {
            return (self.start_of_hint(0, hint).0, hint);
        }
        let last = end.min(self.norm_len).saturating_sub(1);
        if self.norm_len == 0 {
            return (self.orig_len, hint);
        }
        match self.seek(last, hint) {
            Some(c) if c.seg.step > 0 => (
                (c.seg.orig + (last + 1 - c.seg.norm) * usize::from(c.seg.step))
                    .min(c.seg.orig_end),
                Some(c),
            ),
            Some(c) => (c.seg.orig_end, Some(c)),
            None => (self.orig_len, hint),
        }
    }
}

/// Writes one stage's output text and its map (composed with the stage input's map).
///
/// The emitter is lazy: input that is kept is only copied when the next change comes
/// (or at [`Emitter::finish`]); if nothing changes it never allocates.
pub(crate) struct Emitter<'a> {
    input: &'a str,
    map: &'a OffsetMap,
    out: String,
    segs: SegWriter,
    /// Input offset up to which everything has been written.
    pending: usize,
    changed: bool,
    hint: Option<Cursor>,
    /// Bytes reserved for the output at the first change (the input's length unless
    /// the stage knows better).
    reserve: usize,
}

impl<'a> Emitter<'a> {
    pub(crate) fn new(input: &'a str, map: &'a OffsetMap) -> Self {
        Emitter {
            input,
            map,
            out: String::new(),
            segs: SegWriter::default(),
            pending: 0,
            changed: false,
            hint: None,
            reserve: input.len(),
        }
    }

    /// Reserve `bytes` for the output instead of the input's length (a stage whose
    /// output is much shorter, such as HTML rendering; more is allocated if needed).
    pub(crate) fn with_reserve(mut self, bytes: usize) -> Self {
        self.reserve = bytes;
        self
    }

    /// Input offset up to which output has been produced (changes must start here or
    /// later).
    pub(crate) fn pending(&self) -> usize {
        self.pending
    }

    fn start_changes(&mut self) {
        if !self.changed {
            self.changed = true;
            self.out.reserve(self.reserve);
        }
    }

    fn push(&mut self, seg: Seg) {
        self.segs.push(seg);
    }

    /// Map output starting at the current end as a copy of input `src`.
    fn map_copy(&mut self, src: Range<usize>) {
        if src.start >= src.end {
            return;
        }
        let out_base = self.out.len();
        // The first stretch copied, from the start: its segments are taken whole.
        let prefix = if src.start == 0 && out_base == 0 {
            self.map.copy_prefix_into(&mut self.segs, src.end)
        } else {
            None
        };
        let Some(mut c) = prefix.or_else(|| self.map.seek(src.start, self.hint)) else {
            return;
        };
        loop {
            let (s, s_end) = (c.seg, c.end);
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
            self.hint = Some(c);
            if s_end >= src.end {
                break;
            }
            match self.map.next(&c) {
                Some(n) => c = n,
                None => break,
            }
        }
    }

    /// Write input up to `to` unchanged.
    pub(crate) fn keep_until(&mut self, to: usize) {
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
    pub(crate) fn replace(&mut self, src: Range<usize>, with: &str) {
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
        let c = self.map.seek(src.start, self.hint)?;
        if c.seg.step != 1 || c.end < src.end {
            return None;
        }
        self.hint = Some(c);
        Some(c.seg.orig + (src.start - c.seg.norm))
    }

    /// Replace input `src` by `with`, which has the same length in bytes and replaces
    /// each character of `src` by one of the same width: the map stays byte for byte.
    /// Anything else is a [`Emitter::replace`].
    pub(crate) fn replace_linear(&mut self, src: Range<usize>, with: &str) {
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
    pub(crate) fn delete(&mut self, src: Range<usize>) {
        if src.start < self.pending || src.end <= src.start {
            return;
        }
        self.start_changes();
        self.keep_until(src.start);
        self.pending = src.end;
    }

    /// Finish with `with` as the whole output, replacing every character of the input
    /// by one of the same width (`with` has the input's length in bytes, and nothing
    /// was written before): the map stays byte for byte, and `with` is taken as it is,
    /// not copied. `None` when `with` is the input (or the conditions do not hold).
    pub(crate) fn finish_linear(mut self, with: String) -> Option<(String, OffsetMap)> {
        if self.changed || self.pending > 0 || with.len() != self.input.len() || with == self.input
        {
            return None;
        }
        self.changed = true;
        self.map_copy(0..self.input.len());
        self.out = with;
        self.pending = self.input.len();
        self.finish()
    }

    /// Finish: `None` when nothing changed, else the new text and its map.
    pub(crate) fn finish(mut self) -> Option<(String, OffsetMap)> {
        if !self.changed {
            return None;
        }
        self.keep_until(self.input.len());
        // A trailing segment that produced no output is dropped.
        let norm_len = self.out.len();
        // The room reserved for a copy of the input is given back when the text came
        // out much shorter (HTML, or many lines removed): the last stage's text is kept
        // through the parse.
        if self.out.capacity() > norm_len + norm_len / 4 + 64 {
            self.out.shrink_to_fit();
        }
        let map = self.segs.finish(norm_len, self.map.orig_len);
        Some((self.out, map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(map: &OffsetMap) {
        let mut prev = None;
        let segs = map.segs();
        assert_eq!(segs.len(), map.segments());
        for s in &segs {
            if let Some(p) = prev {
                assert!(s.norm > p, "segments must be increasing and non-empty");
            }
            prev = Some(s.norm);
        }
        if let Some(last) = segs.last() {
            assert!(last.norm < map.norm_len);
        }
    }

    #[test]
    fn identity_maps_through() {
        let m = OffsetMap::identity(10);
        assert_eq!(m.start_of(3), 3);
        assert_eq!(m.end_of(3), 3);
        assert_eq!(m.start_of(10), 10);
        assert_eq!(m.segments(), 1);
        let e = OffsetMap::identity(0);
        assert_eq!(e.start_of(0), 0);
        assert_eq!(e.end_of(0), 0);
    }

    #[test]
    fn emitter_composes() {
        // Stage 1: "a\r\nb" -> "a\nb"
        let input = "a\r\nb";
        let m0 = OffsetMap::identity(input.len());
        let mut e = Emitter::new(input, &m0);
        e.replace(1..3, "\n");
        let (t1, m1) = e.finish().unwrap();
        assert_eq!(t1, "a\nb");
        check_cover(&m1);
        assert_eq!(m1.start_of(1), 1);
        assert_eq!(m1.end_of(2), 3);
        assert_eq!(m1.start_of(2), 3);
        // Stage 2: delete "a\n" -> "b"
        let mut e = Emitter::new(&t1, &m1);
        e.delete(0..2);
        let (t2, m2) = e.finish().unwrap();
        assert_eq!(t2, "b");
        check_cover(&m2);
        assert_eq!(m2.start_of(0), 3);
        assert_eq!(m2.end_of(1), 4);
        assert_eq!(m2.start_of(1), 4);
    }

    #[test]
    fn narrowing_runs_are_one_segment() {
        // "（１２）ab" -> "(12)ab": one narrowing segment, then the copied "ab".
        let input = "（１２）ab";
        let m0 = OffsetMap::identity(input.len());
        let mut e = Emitter::new(input, &m0);
        for (k, w) in ["(", "1", "2", ")"].into_iter().enumerate() {
            e.replace(3 * k..3 * k + 3, w);
        }
        let (t, m) = e.finish().unwrap();
        assert_eq!(t, "(12)ab");
        check_cover(&m);
        assert_eq!(m.segments(), 2);
        assert_eq!(m.start_of(1), 3);
        assert_eq!(m.end_of(3), 9);
        assert_eq!(m.start_of(4), 12);
        assert_eq!(m.end_of(6), 14);
        // A later stage copying part of it keeps the positions.
        let mut e = Emitter::new(&t, &m);
        e.delete(0..1);
        e.replace(4..5, "A");
        let (t2, m2) = e.finish().unwrap();
        assert_eq!(t2, "12)Ab");
        check_cover(&m2);
        assert_eq!(m2.start_of(0), 3);
        assert_eq!(m2.end_of(2), 9);
        assert_eq!(m2.start_of(3), 12);
        assert_eq!(m2.end_of(5), 14);
    }

    #[test]
    fn unchanged_is_none_and_linear_merges() {
        let input = "abc";
        let m0 = OffsetMap::identity(3);
        let e = Emitter::new(input, &m0);
        assert!(e.finish().is_none());
        let mut e = Emitter::new(input, &m0);
        e.replace(1..2, "x");
        let (t, m) = e.finish().unwrap();
        assert_eq!(t, "axc");
        assert_eq!(m.segments(), 1);
    }

    #[test]
    fn map_is_compact() {
        // One segment per line, as CRLF line ends give: a few bytes each, not words.
        let line = "规章 | 1 | 2 |\r\n";
        let input = line.repeat(1000);
        let m0 = OffsetMap::identity(input.len());
        let mut e = Emitter::new(&input, &m0);
        for k in 0..1000 {
            let at = k * line.len() + line.len() - 2;
            e.replace(at..at + 2, "\n");
        }
        let (t, m) = e.finish().unwrap();
        assert_eq!(t.len(), input.len() - 1000);
        assert_eq!(m.segments(), 2000);
        assert!(m.heap_bytes() <= 2000 * 5, "{}", m.heap_bytes());
        // Lookups from anywhere, in any order.
        for k in (0..1000).rev() {
            let n = k * (line.len() - 1);
            assert_eq!(m.start_of(n), k * line.len());
            let nl = n + line.len() - 2;
            assert_eq!(m.start_of(nl), k * line.len() + line.len() - 2);
            assert_eq!(m.end_of(nl + 1), (k + 1) * line.len());
        }
    }

    #[test]
    fn varints_round_trip() {
        for v in [0u64, 1, 127, 128, 300, 1 << 35, u64::MAX] {
            let mut c = Vec::new();
            put(&mut c, v);
            assert_eq!(get(&c, 0), Some((v, c.len())));
        }
        for (a, b) in [
            (0usize, 0usize),
            (5, 9),
            (9, 5),
            (usize::MAX, 0),
            (0, usize::MAX),
        ] {
            assert_eq!(unzig(b as u64, zig(a, b)) as usize, a);
        }
        assert_eq!(get(&[0x80], 0), None);
    }

    /// One stage operation, applied to both emitters.
    #[derive(Debug, Clone)]
    enum Op {
        Replace(usize, usize, &'static str),
        Linear(usize, usize),
        Delete(usize, usize),
        Keep(usize),
    }

    const PIECES: [&str; 10] = ["", "x", "\n", " ", "1", "国", "abc", "１", "(1)", "é"];

    /// A character of the same width as `c` (other than `c` when possible).
    fn same_width(c: char) -> char {
        match c.len_utf8() {
            1 => {
                if c == 'z' {
                    'y'
                } else {
                    'z'
                }
            }
            2 => 'é',
            3 => {
                if c == '国' {
                    '图'
                } else {
                    '国'
                }
            }
            _ => '𠀀',
        }
    }

    /// Apply `ops` (offsets in characters from the pending position) to a new-map and a
    /// reference emitter over the same text and maps.
    fn stage(
        text: &str,
        map: &OffsetMap,
        rmap: &reference::OffsetMap,
        ops: &[Op],
    ) -> Option<(String, OffsetMap, reference::OffsetMap)> {
        let mut e = Emitter::new(text, map);
        let mut r = reference::Emitter::new(text, rmap);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut ci = 0;
        let at = |k: usize| bounds.get(k.min(bounds.len() - 1)).copied().unwrap_or(0);
        for op in ops {
            match *op {
                Op::Replace(skip, n, with) => {
                    let (a, b) = (at(ci + skip), at(ci + skip + n));
                    e.replace(a..b, with);
                    r.replace(a..b, with);
                    ci += skip + n;
                }
                Op::Linear(skip, n) => {
                    let (a, b) = (at(ci + skip), at(ci + skip + n));
                    let with: String = text[a..b].chars().map(same_width).collect();
                    e.replace_linear(a..b, &with);
                    r.replace_linear(a..b, &with);
                    ci += skip + n;
                }
                Op::Delete(skip, n) => {
                    let (a, b) = (at(ci + skip), at(ci + skip + n));
                    e.delete(a..b);
                    r.delete(a..b);
                    ci += skip + n;
                }
                Op::Keep(skip) => {
                    e.keep_until(at(ci + skip));
                    r.keep_until(at(ci + skip));
                    ci += skip;
                }
            }
            assert_eq!(e.pending(), r.pending());
        }
        match (e.finish(), r.finish()) {
            (None, None) => None,
            (Some((t, m)), Some((rt, rm))) => {
                assert_eq!(t, rt);
                Some((t, m, rm))
            }
            (a, b) => panic!(
                "one emitter changed the text: {:?} {:?}",
                a.is_some(),
                b.is_some()
            ),
        }
    }

    fn same_lookups(len: usize, m: &OffsetMap, r: &reference::OffsetMap) {
        let segs: Vec<(usize, usize, usize, u8)> = m
            .segs()
            .iter()
            .map(|s| (s.norm, s.orig, s.orig_end, s.step))
            .collect();
        assert_eq!(segs, r.seg_tuples());
        assert_eq!(m.segments(), segs.len());
        assert_eq!(m.orig_len(), r.orig_len());
        for n in 0..len + 3 {
            assert_eq!(m.start_of(n), r.start_of(n), "start_of({n})");
            assert_eq!(m.end_of(n), r.end_of(n), "end_of({n})");
        }
        // The same lookups backwards (no cursor to help).
        for n in (0..len + 3).rev() {
            assert_eq!(m.start_of(n), r.start_of(n), "start_of({n})");
        }
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        prop_oneof![
            (0usize..4, 0usize..4, 0usize..PIECES.len())
                .prop_map(|(s, n, w)| Op::Replace(s, n, PIECES[w])),
            (0usize..4, 1usize..6).prop_map(|(s, n)| Op::Linear(s, n)),
            (0usize..4, 1usize..4).prop_map(|(s, n)| Op::Delete(s, n)),
            (0usize..8).prop_map(Op::Keep),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Three stages of random replacements, narrowing and deletions: the compact map
        /// and the reference map have the same segments and every lookup agrees.
        #[test]
        fn compact_map_equals_reference(
            chars in proptest::collection::vec(
                proptest::sample::select(vec!['a', 'b', ' ', '\r', '\n', '（', '１', '２', '国', 'é', '\u{FDFA}', '𠀀', '\u{3000}']),
                0..120,
            ),
            stages in proptest::collection::vec(proptest::collection::vec(op(), 0..40), 1..4),
        ) {
            let input: String = chars.into_iter().collect();
            let mut text = input.clone();
            let mut m = OffsetMap::identity(input.len());
            let mut r = reference::OffsetMap::identity(input.len());
            same_lookups(text.len(), &m, &r);
            for ops in &stages {
                if let Some((t, m2, r2)) = stage(&text, &m, &r, ops) {
                    text = t;
                    m = m2;
                    r = r2;
                    check_cover(&m);
                    same_lookups(text.len(), &m, &r);
                }
            }
        }
    }
}
