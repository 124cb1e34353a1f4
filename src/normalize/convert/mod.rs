//! Traditional → mainland simplified conversion (OpenCC `t2s`).
//!
//! Two backends implement [`Converter`]:
//!
//! * [`BuiltinConverter`] (always available): OpenCC's `t2s` compiled into the crate.
//!   Its tables are generated from the dictionaries of OpenCC 1.4.2 (`TSPhrases`,
//!   `TSCharacters`, `CJK_Compatibility_Ideographs`; Apache-2.0, see `NOTICE` next to
//!   the generated `t2s_data.rs`) by `scripts/gen-t2s.sh`, and it reproduces that
//!   release's `t2s.json`: compatibility ideographs are first mapped to unified ones,
//!   then at each position the longest `TSPhrases` key that matches is converted as a
//!   whole, else the character by `TSCharacters` (first value), else it is kept.
//!   Nothing is built at run time; converting allocates only the output.
//! * `SystemConverter` (cargo feature `opencc`): the system OpenCC library through
//!   `opencc-rust`, with the `t2s.json` configuration. This needs the OpenCC C++ library,
//!   its headers, `pkg-config` data and dictionaries at build and run time (on Debian and
//!   Ubuntu: `apt-get install libopencc-dev opencc`). With the feature on it is the
//!   default converter; if it cannot be opened, the builtin one is used. Its output is
//!   that of the installed OpenCC release, whose dictionaries may differ from 1.4.2.
//!
//! **What is converted.** Only maximal runs of CJK ideographs that contain a character
//! of the *detection set* are converted (all OpenCC phrase keys consist of ideographs,
//! so a run boundary never splits a phrase). The detection set is every character whose
//! output can differ from itself: those `TSCharacters` changes, those a `TSPhrases`
//! entry changes (`坏` in `土坏` → `土坯`), and the compatibility ideographs. A text
//! without such a character is left alone after one scan. The builtin backend converts
//! each such run in place; any other converter is given all of them in one call
//! (joined by `\n`).
//!
//! **Positions.** OpenCC's `t2s` maps every character to exactly one character, so the
//! builtin backend maps positions character by character. For other converters, when
//! a run converts to the same number of characters it maps character by character;
//! otherwise its unchanged prefix and suffix map character by character and the changed
//! middle maps as a whole.

mod t2s_data;

use super::offsets::{Emitter, OffsetMap};
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;
use t2s_data::{BLOCKS, BLOCK_OF, NORMALIZE, PHRASES, PHRASE_INDEX, VALUES};

/// A traditional → simplified Chinese converter.
///
/// Implementations must be pure functions of their input; `normalize_with` calls
/// [`Converter::convert`] on text made only of CJK ideographs and `\n` separators, and
/// relies on the converter not adding or removing `\n`.
pub trait Converter: Send + Sync {
    /// Convert `text` to mainland simplified Chinese.
    fn convert(&self, text: &str) -> String;
    /// A short name of the backend (for diagnostics).
    fn name(&self) -> &str;
    /// The compiled-in OpenCC `t2s` tables, for a converter whose output is exactly
    /// theirs: normalization then converts with the tables directly instead of calling
    /// [`Converter::convert`]. The [`BuiltinConverter`] returns them; the default is
    /// `None`.
    fn table(&self) -> Option<&CharTable> {
        None
    }
}

/// The characters whose OpenCC `t2s` conversion depends on the characters around them:
/// those to which a `TSPhrases` entry gives another output than `TSCharacters` alone
/// (`乾` in `乾隆` stays, `覆` in `答覆` becomes `复`, `坏` in `土坏` becomes `坯`, …).
///
/// From the dictionaries of OpenCC 1.4.2.
pub const CONTEXT_CHARS: &[char] = &t2s_data::CONTEXT;

/// One block of 256 code points of the compiled tables.
struct Block {
    /// Characters whose output can differ from themselves.
    detect: [u64; 4],
    /// Characters a `TSPhrases` key starts with.
    start: [u64; 4],
    /// Number of `detect` characters in the blocks before (index into `VALUES`).
    rank: u16,
}

#[inline]
fn block_of(c: char) -> Option<&'static Block> {
    let i = *BLOCK_OF.get((c as u32 >> 8) as usize)?;
    if i == 0 {
        return None;
    }
    BLOCKS.get(usize::from(i))
}

#[inline]
fn word_and_bit(c: char) -> (usize, u64) {
    let o = c as u32 & 0xFF;
    ((o >> 6) as usize, 1u64 << (o & 63))
}

#[inline]
fn in_set(words: &[u64; 4], c: char) -> bool {
    let (w, bit) = word_and_bit(c);
    words.get(w).is_some_and(|x| x & bit != 0)
}

/// Whether `c` is in the detection set (non-ASCII, looked up in the compiled tables).
#[inline]
fn detects(c: char) -> bool {
    block_of(c).is_some_and(|b| in_set(&b.detect, c))
}

/// What `c` becomes on its own (after compatibility normalization), if it can change.
#[inline]
fn char_value(c: char) -> Option<char> {
    char_value_in(block_of(c)?, c)
}

/// [`char_value`] of `c`, whose block is `b`.
#[inline]
fn char_value_in(b: &Block, c: char) -> Option<char> {
    let (w, bit) = word_and_bit(c);
    let words = &b.detect;
    if words.get(w)? & bit == 0 {
        return None;
    }
    let mut idx = usize::from(b.rank);
    for x in words.iter().take(w) {
        idx += x.count_ones() as usize;
    }
    idx += (words.get(w)? & (bit - 1)).count_ones() as usize;
    VALUES.get(idx).copied()
}

/// Compatibility ideograph → unified ideograph (OpenCC's normalization step).
#[inline]
fn normalize_char(c: char) -> char {
    if matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}') {
        if let Ok(i) = NORMALIZE.binary_search_by(|&(k, _)| k.cmp(&c)) {
            if let Some(&(_, v)) = NORMALIZE.get(i) {
                return v;
            }
        }
    }
    c
}

/// The most characters of a `TSPhrases` key.
const MAX_PHRASE_CHARS: usize = 16;

/// The longest `TSPhrases` entry whose key (first character `first`, already
/// normalized) starts `rest`: its value and the length in bytes of `rest` it covers.
fn match_phrase(first: char, rest: &str) -> Option<(&'static str, usize)> {
    if !block_of(first).is_some_and(|b| in_set(&b.start, first)) {
        return None;
    }
    let i = PHRASE_INDEX
        .binary_search_by(|&(k, _, _)| k.cmp(&first))
        .ok()?;
    let &(_, from, to) = PHRASE_INDEX.get(i)?;
    let candidates = PHRASES.get(usize::from(from)..usize::from(to))?;
    // Compatibility ideographs (U+F900–U+FAFF: lead byte 0xEF; U+2F800–U+2FA1F: 0xF0)
    // near the start of `rest` need a comparison after normalization.
    let mut may_need_normalizing: Option<bool> = None;
    'next: for &(key, value) in candidates {
        if rest.starts_with(key) {
            return Some((value, key.len()));
        }
        let near = *may_need_normalizing.get_or_insert_with(|| {
            rest.as_bytes()
                .iter()
                .take(4 * MAX_PHRASE_CHARS)
                .any(|&b| b == 0xEF || b == 0xF0)
        });
        if !near {
            continue;
        }
        // Compare after normalization (compatibility ideographs in `rest`).
        let mut src = rest.char_indices();
        for k in key.chars() {
            match src.next() {
                Some((_, c)) if normalize_char(c) == k => {}
                _ => continue 'next,
            }
        }
        let len = src.next().map_or(rest.len(), |(i, _)| i);
        return Some((value, len));
    }
    None
}

/// Write `run`'s unchanged bytes up to the character `c` at `i` (`len` bytes), then
/// `v` in its place, unless `v` is `c`.
#[inline(always)]
fn replace_char(
    out: &mut String,
    run: &str,
    copied: &mut usize,
    (i, len, c): (usize, usize, char),
    v: char,
    same_width: &mut bool,
) {
    if v != c {
        out.push_str(run.get(*copied..i).unwrap_or(""));
        out.push(v);
        *same_width &= v.len_utf8() == len;
        *copied = i + len;
    }
}

/// Convert the run of ideographs `run` by maximal matching, appending the result to
/// `out`. Returns whether every character kept its width in bytes.
fn convert_run(run: &str, out: &mut String) -> bool {
    let bytes = run.as_bytes();
    let mut same_width = true;
    // Bytes of `run` from `copied` to `i` are unchanged and not written yet.
    let mut copied = 0;
    let mut i = 0;
    while let Some((cp, len)) = decode(bytes, i) {
        let Some(c) = char::from_u32(cp) else {
            break;
        };
        // Characters of the Basic Multilingual Plane that start no phrase (and are not
        // compatibility ideographs, which are in the detection set): looked up in the
        // flat tables.
        if let (Some(&det), Some(&start), Some(&rank)) = (
            FLAT.detect.get((cp >> 6) as usize),
            FLAT.start.get((cp >> 6) as usize),
            FLAT.rank.get((cp >> 6) as usize),
        ) {
            let bit = 1u64 << (cp & 63);
            if start & bit == 0 && !(0xF900..=0xFAFF).contains(&cp) {
                if det & bit != 0 {
                    let idx = usize::from(rank) + (det & (bit - 1)).count_ones() as usize;
                    if let Some(&v) = VALUES.get(idx) {
                        replace_char(out, run, &mut copied, (i, len, c), v, &mut same_width);
                    }
                }
                i += len;
                continue;
            }
        }
        let n = normalize_char(c);
        // Most characters are neither in the detection set nor start a phrase: one
        // look at their block tells (a compatibility ideograph is always detected).
        if n == c {
            match block_of(c) {
                None => {
                    i += len;
                    continue;
                }
                Some(b) if !in_set(&b.start, c) => {
                    if let Some(v) = char_value_in(b, c) {
                        replace_char(out, run, &mut copied, (i, len, c), v, &mut same_width);
                    }
                    i += len;
                    continue;
                }
                Some(_) => {}
            }
        }
        if let Some((value, plen)) = run.get(i..).and_then(|rest| match_phrase(n, rest)) {
            let covered = run.get(i..i + plen).unwrap_or("");
            if value != covered {
                out.push_str(run.get(copied..i).unwrap_or(""));
                if value.len() == covered.len() {
                    for (s, v) in covered.chars().zip(value.chars()) {
                        same_width &= s.len_utf8() == v.len_utf8();
                    }
                } else {
                    same_width = false;
                }
                out.push_str(value);
                copied = i + plen;
            }
            i += plen.max(len);
            continue;
        }
        if let Some(v) = char_value(c) {
            replace_char(out, run, &mut copied, (i, len, c), v, &mut same_width);
        }
        i += len;
    }
    out.push_str(run.get(copied..).unwrap_or(""));
    same_width
}

/// The maximal runs of CJK ideographs of a text that contain a character of the
/// detection set, in order.
struct Runs<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Runs<'_> {
    type Item = std::ops::Range<usize>;

    /// Finds the next character of the detection set, then widens it to its run:
    /// text without one is read in a single pass that decodes only the characters
    /// whose first byte can start an ideograph (0xE3 or more: `U+3007` and up).
    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let floor = self.at;
        let mut i = self.at;
        let hit = loop {
            let Some(&b) = bytes.get(i) else {
                self.at = bytes.len();
                return None;
            };
            // ASCII, two-byte characters and continuation bytes.
            if b < 0xE3 {
                i += 1;
                continue;
            }
            let Some((cp, len)) = decode(bytes, i) else {
                self.at = bytes.len();
                return None;
            };
            if detected_ideograph(cp) {
                break i;
            }
            i += len;
        };
        let mut start = hit;
        while start > floor {
            let mut p = start - 1;
            while p > floor && matches!(bytes.get(p), Some(0x80..=0xBF)) {
                p -= 1;
            }
            match decode(bytes, p) {
                Some((cp, _)) if is_ideograph_cp(cp) => start = p,
                _ => break,
            }
        }
        let mut end = hit;
        while let Some((cp, len)) = decode(bytes, end) {
            if !is_ideograph_cp(cp) {
                self.at = end + len;
                return Some(start..end);
            }
            end += len;
        }
        self.at = bytes.len();
        Some(start..end)
    }
}

/// The code point and length of the character at byte `i` of valid UTF-8 `bytes`.
#[inline]
fn decode(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let b0 = u32::from(*bytes.get(i)?);
    if b0 < 0x80 {
        return Some((b0, 1));
    }
    let b1 = u32::from(*bytes.get(i + 1)? & 0x3F);
    if b0 < 0xE0 {
        return Some((((b0 & 0x1F) << 6) | b1, 2));
    }
    let b2 = u32::from(*bytes.get(i + 2)? & 0x3F);
    if b0 < 0xF0 {
        return Some((((b0 & 0x0F) << 12) | (b1 << 6) | b2, 3));
    }
    let b3 = u32::from(*bytes.get(i + 3)? & 0x3F);
    Some((((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4))
}

/// Whether code point `cp` is a CJK ideograph (as `normalize::is_cjk_ideograph`).
#[inline]
fn is_ideograph_cp(cp: u32) -> bool {
    matches!(cp, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// [`detects`] of a code point.
#[inline]
fn detects_cp(cp: u32) -> bool {
    let Some(&i) = BLOCK_OF.get((cp >> 8) as usize) else {
        return false;
    };
    if i == 0 {
        return false;
    }
    let o = cp & 0xFF;
    BLOCKS
        .get(usize::from(i))
        .and_then(|b| b.detect.get((o >> 6) as usize))
        .is_some_and(|w| w & (1u64 << (o & 63)) != 0)
}

/// The detection set's ideographs of the Basic Multilingual Plane, one bit per code
/// point: bit `cp & 63` of word `cp >> 6`. Computed from the compiled tables when the
/// crate is compiled, so that the search for runs tests a character with one load.
static DETECT_BMP: [u64; 1024] = detect_bmp();

const fn detect_bmp() -> [u64; 1024] {
    let mut out = [0u64; 1024];
    let mut cp: u32 = 0;
    while cp < 0x1_0000 {
        let ideograph = matches!(cp, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
        let i = BLOCK_OF[(cp >> 8) as usize] as usize;
        if ideograph && i != 0 {
            let o = cp & 0xFF;
            if BLOCKS[i].detect[(o >> 6) as usize] & (1u64 << (o & 63)) != 0 {
                out[(cp >> 6) as usize] |= 1u64 << (cp & 63);
            }
        }
        cp += 1;
    }
    out
}

/// The compiled tables flattened for the Basic Multilingual Plane, one entry per 64 code
/// points (word `cp >> 6`, bit `cp & 63`): the detection set, the characters phrases
/// start with, and the index in [`VALUES`] of the word's first detection-set character.
/// Computed from the tables when the crate is compiled.
struct Flat {
    detect: [u64; 1024],
    start: [u64; 1024],
    rank: [u16; 1024],
}

static FLAT: Flat = flat();

const fn flat() -> Flat {
    let mut f = Flat {
        detect: [0; 1024],
        start: [0; 1024],
        rank: [0; 1024],
    };
    let mut k = 0;
    while k < 1024 {
        let i = BLOCK_OF[k >> 2] as usize;
        if i != 0 {
            let b = &BLOCKS[i];
            let w = k & 3;
            f.detect[k] = b.detect[w];
            f.start[k] = b.start[w];
            let mut rank = b.rank as u32;
            let mut x = 0;
            while x < w {
                rank += b.detect[x].count_ones();
                x += 1;
            }
            f.rank[k] = rank as u16;
        }
        k += 1;
    }
    f
}

/// Whether the ideograph `cp` is in the detection set (`is_ideograph_cp(cp) &&
/// detects_cp(cp)`), with one load for the Basic Multilingual Plane.
#[inline]
fn detected_ideograph(cp: u32) -> bool {
    match DETECT_BMP.get((cp >> 6) as usize) {
        Some(w) => w & (1u64 << (cp & 63)) != 0,
        None => is_ideograph_cp(cp) && detects_cp(cp),
    }
}

fn runs(text: &str) -> Runs<'_> {
    Runs { text, at: 0 }
}

/// Convert `text` with the compiled OpenCC `t2s` tables; borrowed when nothing changes.
fn t2s(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut done = 0;
    for r in runs(text) {
        let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(text.get(done..r.start).unwrap_or(""));
        convert_run(text.get(r.clone()).unwrap_or(""), o);
        done = r.end;
    }
    match out {
        Some(mut o) if o.len() != done || o.as_str() != text.get(..done).unwrap_or("") => {
            o.push_str(text.get(done..).unwrap_or(""));
            Cow::Owned(o)
        }
        _ => Cow::Borrowed(text),
    }
}

/// OpenCC's `t2s` tables, compiled into the crate (see the module docs): the detection
/// set, the character and phrase conversions of OpenCC 1.4.2.
pub struct CharTable {
    _private: (),
}

static T2S: CharTable = CharTable { _private: () };

impl std::fmt::Debug for CharTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CharTable")
            .field("opencc", &t2s_data::OPENCC_VERSION)
            .field("detect", &VALUES.len())
            .field("phrases", &PHRASES.len())
            .finish()
    }
}

impl CharTable {
    /// The compiled tables.
    pub fn t2s() -> &'static CharTable {
        &T2S
    }

    /// The OpenCC release the tables were generated from.
    pub fn opencc_version(&self) -> &'static str {
        t2s_data::OPENCC_VERSION
    }

    /// Whether `c` is in the detection set.
    pub fn is_traditional(&self, c: char) -> bool {
        !c.is_ascii() && detects(c)
    }

    /// Convert `text`; borrowed when nothing changes.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        t2s(text)
    }
}

/// The compiled-in OpenCC 1.4.2 `t2s` converter (see the module docs).
pub struct BuiltinConverter {
    _private: (),
}

impl BuiltinConverter {
    /// The converter (nothing to load: its tables are compiled in).
    ///
    /// # Errors
    /// Never; the `Result` is kept for compatibility.
    pub fn new() -> Result<Self, String> {
        Ok(BuiltinConverter { _private: () })
    }
}

impl std::fmt::Debug for BuiltinConverter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltinConverter").finish_non_exhaustive()
    }
}

impl Converter for BuiltinConverter {
    fn convert(&self, text: &str) -> String {
        t2s(text).into_owned()
    }
    fn name(&self) -> &str {
        "OpenCC 1.4.2 t2s (compiled in)"
    }
    fn table(&self) -> Option<&CharTable> {
        Some(&T2S)
    }
}

/// The system OpenCC backend (`opencc-rust`, configuration `t2s.json`).
///
/// Requires the OpenCC library and dictionaries (Debian: `libopencc-dev opencc`).
#[cfg(feature = "opencc")]
#[cfg_attr(docsrs, doc(cfg(feature = "opencc")))]
pub struct SystemConverter {
    inner: opencc_rust::OpenCC,
}

#[cfg(feature = "opencc")]
impl SystemConverter {
    /// Open the system OpenCC `t2s.json` configuration.
    ///
    /// # Errors
    /// The binding's message when OpenCC cannot open the configuration.
    pub fn new() -> Result<Self, String> {
        opencc_rust::OpenCC::new(opencc_rust::DefaultConfig::T2S)
            .map(|inner| SystemConverter { inner })
            .map_err(str::to_string)
    }
}

#[cfg(feature = "opencc")]
impl std::fmt::Debug for SystemConverter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SystemConverter").finish_non_exhaustive()
    }
}

#[cfg(feature = "opencc")]
impl Converter for SystemConverter {
    fn convert(&self, text: &str) -> String {
        // The binding goes through a C string: convert around NUL characters.
        if text.contains('\0') {
            let parts: Vec<String> = text.split('\0').map(|p| self.inner.convert(p)).collect();
            return parts.join("\0");
        }
        self.inner.convert(text)
    }
    fn name(&self) -> &str {
        "OpenCC t2s.json"
    }
}

/// The pure-Rust converter, built on first use; `None` if it could not be built.
pub fn builtin_converter() -> Option<&'static BuiltinConverter> {
    static CELL: OnceLock<Option<BuiltinConverter>> = OnceLock::new();
    CELL.get_or_init(|| {
        catch_unwind(BuiltinConverter::new)
            .ok()
            .and_then(Result::ok)
    })
    .as_ref()
}

/// The system OpenCC converter, opened on first use; `None` if it could not be opened.
#[cfg(feature = "opencc")]
#[cfg_attr(docsrs, doc(cfg(feature = "opencc")))]
pub fn system_converter() -> Option<&'static SystemConverter> {
    static CELL: OnceLock<Option<SystemConverter>> = OnceLock::new();
    CELL.get_or_init(|| catch_unwind(SystemConverter::new).ok().and_then(Result::ok))
        .as_ref()
}

/// The converter [`normalize`](super::normalize) uses: the system OpenCC one with the
/// `opencc` feature (when it opens), else the builtin one; `None` if neither is
/// available.
pub fn default_converter() -> Option<&'static dyn Converter> {
    #[cfg(feature = "opencc")]
    if let Some(c) = system_converter() {
        return Some(c);
    }
    builtin_converter().map(|c| c as &'static dyn Converter)
}

/// Whether `c` is in the detection set of the compiled OpenCC `t2s` tables: a
/// character whose conversion can differ from itself — one that `TSCharacters` changes
/// (`後`, `於`, `鄉`), one that a `TSPhrases` entry changes (`坏` in `土坏`, see
/// [`CONTEXT_CHARS`]), or a compatibility ideograph. Characters that are the same in
/// both scripts, and simplified characters, are not (with the rare exceptions a phrase
/// makes, such as `坏`).
pub fn is_traditional(c: char) -> bool {
    T2S.is_traditional(c)
}

/// Whether `text` contains a character that [`is_traditional`], i.e. whether
/// traditional → simplified conversion would look at it at all.
pub fn needs_conversion(text: &str) -> bool {
    runs(text).next().is_some()
}

/// What the conversion stage did.
pub(crate) enum Outcome {
    /// Nothing to convert (no traditional character), or conversion changed nothing.
    Unchanged,
    /// Converted.
    Converted(String, OffsetMap),
    /// The converter failed (panicked) or none was available.
    Failed,
}

/// Run the conversion stage with `conv`.
pub(crate) fn run(text: &str, map: &OffsetMap, conv: &dyn Converter) -> Outcome {
    if conv.table().is_some() {
        // The compiled tables: every change is one character for one, and nearly always
        // of the same width in bytes. The runs are converted into one copy of the text,
        // which, when every change kept its width, becomes the output as it is, mapped
        // byte for byte.
        let mut whole: Option<String> = None;
        let mut done = 0;
        let mut same_width = true;
        let mut changed = false;
        for r in runs(text) {
            let Some(src) = text.get(r.clone()) else {
                continue;
            };
            let o = whole.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(text.get(done..r.start).unwrap_or(""));
            let before = o.len();
            same_width &= convert_run(src, o);
            changed = changed || o.get(before..) != Some(src);
            done = r.end;
        }
        let Some(mut whole) = whole else {
            return Outcome::Unchanged;
        };
        if !changed {
            return Outcome::Unchanged;
        }
        if same_width {
            whole.push_str(text.get(done..).unwrap_or(""));
            if let Some((t, m)) = Emitter::new(text, map).finish_linear(whole) {
                return Outcome::Converted(t, m);
            }
        }
        // A change of width: converted run by run, character by character where needed.
        let mut em = Emitter::new(text, map);
        let mut scratch = String::new();
        let mut buf = [0u8; 4];
        for r in runs(text) {
            let Some(src) = text.get(r.clone()) else {
                continue;
            };
            scratch.clear();
            if convert_run(src, &mut scratch) {
                em.replace_linear(r, &scratch);
            } else {
                for ((i, a), b) in src.char_indices().zip(scratch.chars()) {
                    if a != b {
                        let at = r.start + i;
                        em.replace(at..at + a.len_utf8(), b.encode_utf8(&mut buf));
                    }
                }
            }
        }
        return match em.finish() {
            Some((t, m)) => Outcome::Converted(t, m),
            None => Outcome::Unchanged,
        };
    }
    // Fast path: nothing in the detection set.
    if !needs_conversion(text) {
        return Outcome::Unchanged;
    }
    let runs: Vec<std::ops::Range<usize>> = runs(text).collect();
    if runs.is_empty() {
        return Outcome::Unchanged;
    }
    // Everything the converter has to see, in one call.
    let total: usize = runs.iter().map(|r| r.len() + 1).sum();
    let mut batch = String::with_capacity(total);
    for r in &runs {
        batch.push_str(text.get(r.clone()).unwrap_or(""));
        batch.push('\n');
    }
    let Ok(out) = catch_unwind(AssertUnwindSafe(|| conv.convert(&batch))) else {
        return Outcome::Failed;
    };
    drop(batch);
    let mut pieces: Vec<Cow<'_, str>> = out.split('\n').map(Cow::Borrowed).collect();
    if pieces.len() != runs.len() + 1 {
        // Separators not kept: convert run by run.
        pieces.clear();
        for r in &runs {
            let src = text.get(r.clone()).unwrap_or("");
            match catch_unwind(AssertUnwindSafe(|| conv.convert(src))) {
                Ok(s) => pieces.push(Cow::Owned(s)),
                Err(_) => return Outcome::Failed,
            }
        }
    }
    let mut em = Emitter::new(text, map);
    for (r, dst) in runs.iter().zip(&pieces) {
        let Some(src) = text.get(r.clone()) else {
            continue;
        };
        if src != dst {
            emit_run(&mut em, r.start, src, dst);
        }
    }
    match em.finish() {
        Some((t, m)) => Outcome::Converted(t, m),
        None => Outcome::Unchanged,
    }
}

/// Write the conversion `dst` of the run `src` (at input offset `at`).
fn emit_run(em: &mut Emitter<'_>, at: usize, src: &str, dst: &str) {
    let mut buf = [0u8; 4];
    let s: Vec<(usize, char)> = src.char_indices().collect();
    let d: Vec<char> = dst.chars().collect();
    if s.len() == d.len() {
        for (&(i, a), &b) in s.iter().zip(&d) {
            if a != b {
                em.replace(at + i..at + i + a.len_utf8(), b.encode_utf8(&mut buf));
            }
        }
        return;
    }
    // Common prefix and suffix map one for one; the middle maps as a whole. Keep both
    // middles non-empty where possible, so that no output comes from nothing.
    let mut p = s.iter().zip(&d).take_while(|(&(_, a), &b)| a == b).count();
    let room = s.len().min(d.len()) - p;
    let mut q = s
        .iter()
        .rev()
        .zip(d.iter().rev())
        .take_while(|(&(_, a), &b)| a == b)
        .count()
        .min(room);
    let empty_middle = |p: usize, q: usize| s.len() == p + q || d.len() == p + q;
    while empty_middle(p, q) && q > 0 {
        q -= 1;
    }
    while empty_middle(p, q) && p > 0 {
        p -= 1;
    }
    let byte_at = |k: usize| s.get(k).map_or(src.len(), |&(i, _)| i);
    let mid_src = at + byte_at(p)..at + byte_at(s.len() - q);
    let mid_dst: String = d.get(p..d.len() - q).unwrap_or(&[]).iter().collect();
    em.replace(mid_src, &mid_dst);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs found the plain way: every character decoded, runs tracked as they go.
    fn runs_reference(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut hit = false;
        for (i, c) in text.char_indices() {
            let cp = u32::from(c);
            if is_ideograph_cp(cp) {
                if start.is_none() {
                    start = Some(i);
                    hit = false;
                }
                hit = hit || detects_cp(cp);
            } else if let Some(s) = start.take() {
                if hit {
                    out.push(s..i);
                }
            }
        }
        if let (Some(s), true) = (start, hit) {
            out.push(s..text.len());
        }
        out
    }

    #[test]
    fn detection_bitmap_is_the_tables() {
        for cp in 0..0x4_0000u32 {
            assert_eq!(
                detected_ideograph(cp),
                is_ideograph_cp(cp) && detects_cp(cp),
                "U+{cp:04X}"
            );
        }
        assert!(detected_ideograph(u32::from('國')));
        assert!(!detected_ideograph(u32::from('国')));
    }

    #[test]
    fn flat_tables_are_the_tables() {
        for cp in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let k = (cp >> 6) as usize;
            let bit = 1u64 << (cp & 63);
            let start = block_of(c).is_some_and(|b| in_set(&b.start, c));
            assert_eq!(FLAT.start[k] & bit != 0, start, "U+{cp:04X}");
            assert_eq!(FLAT.detect[k] & bit != 0, detects(c), "U+{cp:04X}");
            if FLAT.detect[k] & bit != 0 {
                let idx =
                    usize::from(FLAT.rank[k]) + (FLAT.detect[k] & (bit - 1)).count_ones() as usize;
                assert_eq!(VALUES.get(idx).copied(), char_value(c), "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn runs_match_the_plain_scan() {
        let texts = [
            "",
            "覆",
            "答覆",
            "a答覆b",
            "一二三",
            "報告\n年度報告（2021）公開,發佈",
            "é報ü告\u{3007}〇條𠀀款é",
            "ab 機關 cd 机关 ef 機",
            "\u{FA00}\u{F900}歷 歷史",
            "年度报告 a 國家 b 国家 c 國",
        ];
        for t in texts {
            assert_eq!(runs(t).collect::<Vec<_>>(), runs_reference(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_match_the_plain_scan_on_mixtures(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "報", "报", "覆", "a", " ", "\n", "é", "（", "〇", "𠀀", "國", "国", "歷", "\u{F900}",
                ]),
                0..40,
            )
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(runs(&t).collect::<Vec<_>>(), runs_reference(&t));
        }
    }

    #[test]
    fn context_characters_depend_on_context() {
        let Some(c) = builtin_converter() else {
            eprintln!("skipping: builtin converter unavailable");
            return;
        };
        assert_eq!(c.convert("覆"), "覆");
        assert_eq!(c.convert("答覆"), "答复");
        assert_eq!(c.convert("乾"), "干");
        assert_eq!(c.convert("乾隆"), "乾隆");
        let t = c.table().expect("table");
        assert!(CONTEXT_CHARS.iter().all(|&ch| t.is_traditional(ch)));
        assert_eq!(char_value('後'), Some('后'));
        assert_eq!(char_value('后'), None);
        // Phrases: longest match, then characters; simplified `坏` inside a phrase.
        assert_eq!(c.convert("土坏"), "土坯");
        assert_eq!(c.convert("坏"), "坏");
        assert_eq!(c.convert("計畫"), "计划");
        // Compatibility ideographs are normalized first (U+F9FC 識 → 識 → 识).
        assert_eq!(c.convert("\u{F9FC}"), "识");
    }

    #[test]
    fn phrase_keys_are_short() {
        assert!(PHRASES
            .iter()
            .all(|(k, _)| k.chars().count() <= MAX_PHRASE_CHARS));
    }

    #[test]
    fn code_point_tables_agree() {
        let text = "a後,乡〇\u{F9FC}𰻞é土坏\u{10FFFF}";
        let bytes = text.as_bytes();
        let mut i = 0;
        for c in text.chars() {
            let (cp, len) = decode(bytes, i).expect("a character");
            assert_eq!((cp, len), (c as u32, c.len_utf8()));
            assert_eq!(
                is_ideograph_cp(cp),
                crate::normalize::is_cjk_ideograph(c),
                "{c}"
            );
            assert_eq!(detects_cp(cp), detects(c), "{c}");
            i += len;
        }
        assert_eq!(decode(bytes, i), None);
    }

    #[test]
    fn detection() {
        assert!(is_traditional('後'));
        assert!(is_traditional('覆'));
        assert!(!is_traditional('后'));
        assert!(!is_traditional('a'));
        assert!(needs_conversion("依申請公開"));
        assert!(!needs_conversion("依申请公开 (一) 2021"));
    }

    /// A converter that changes lengths, to test position mapping.
    struct Stretch;
    impl Converter for Stretch {
        fn convert(&self, text: &str) -> String {
            text.replace('後', "以後").replace('於', "")
        }
        fn name(&self) -> &str {
            "stretch"
        }
    }

    #[test]
    fn length_changing_conversion_maps_runs() {
        let text = "甲後乙,於";
        let m = OffsetMap::identity(text.len());
        let Outcome::Converted(t, m) = run(text, &m, &Stretch) else {
            panic!("expected a conversion");
        };
        assert_eq!(t, "甲以後乙,");
        // 甲 maps to itself, the middle to 後, 乙 to itself.
        assert_eq!(m.start_of(0), 0);
        assert_eq!(m.start_of(3), 3);
        assert_eq!(m.start_of(6), 3);
        assert_eq!(m.end_of(9), 6);
        assert_eq!(m.start_of(9), 6);
        assert_eq!(m.start_of(12), 9);
        assert_eq!(m.start_of(13), 13);
    }
}

#[cfg(test)]
mod examples {
    #[test]
    fn converter() {
        use super::default_converter;
        if let Some(c) = default_converter() {
            assert_eq!(c.convert("著作權"), "著作权");
        }
    }

    #[test]
    fn is_traditional() {
        use super::is_traditional;
        assert!(is_traditional('鄉'));
        assert!(!is_traditional('乡'));
        assert!(!is_traditional('后'));
        // A simplified character that a phrase changes (`土坏` → `土坯`).
        assert!(is_traditional('坏'));
    }
}
