//! Traditional → mainland simplified conversion (OpenCC `t2s`).
//!
//! Two backends implement [`Converter`]:
//!
//! * [`BuiltinConverter`] (always available): the pure-Rust `ferrous-opencc` crate with
//!   its embedded OpenCC dictionaries.
//! * `SystemConverter` (cargo feature `opencc`): the system OpenCC library through
//!   `opencc-rust`, with the `t2s.json` configuration. This needs the OpenCC C++ library,
//!   its headers, `pkg-config` data and dictionaries at build and run time (on Debian and
//!   Ubuntu: `apt-get install libopencc-dev opencc`). With the feature on it is the
//!   default converter; if it cannot be opened, the builtin one is used.
//!
//! Converters are built once per process. If none can be built, conversion is skipped
//! and [`Normalized::conversion_unavailable`](super::Normalized::conversion_unavailable)
//! says so; nothing panics.
//!
//! **What is converted.** Only maximal runs of CJK ideographs that contain a character
//! of the *detection set* are converted (all OpenCC phrase keys consist of ideographs,
//! so a run boundary never splits a phrase). The detection set is every ideograph that
//! the converter changes on its own, plus the few characters whose conversion depends
//! on the phrase they are in ([`CONTEXT_CHARS`], e.g. `覆` in `答覆` → `答复`, `乾` in
//! `乾隆`). A text without such a character skips conversion entirely after one scan.
//! Each backend computes its [`CharTable`] once, by converting every ideograph in one
//! batch; a run without context characters is then converted from that table (exactly
//! what OpenCC's maximal matching would give), and only runs with a context character
//! are given to the converter.
//!
//! **Positions.** The converter's runs are converted in one call (joined by `\n`). When
//! a run converts to the same number of characters, it maps character by character;
//! otherwise its unchanged prefix and suffix map character by character and the changed
//! middle maps as a whole.

use super::is_cjk_ideograph;
use super::offsets::{Emitter, OffsetMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

/// A traditional → simplified Chinese converter.
///
/// Implementations must be pure functions of their input; `normalize_with` calls
/// [`Converter::convert`] on text made only of CJK ideographs and `\n` separators, and
/// relies on the converter not adding or removing `\n`.
///
pub trait Converter: Send + Sync {
    /// Convert `text` to mainland simplified Chinese.
    fn convert(&self, text: &str) -> String;
    /// A short name of the backend (for diagnostics).
    fn name(&self) -> &str;
    /// The converter's per-character table, if it keeps one (see `CharTable`). The
    /// crate's backends do; the default is `None`, in which case normalization detects
    /// traditional text with the [`default_converter`]'s table and gives every run that
    /// needs converting to [`Converter::convert`].
    fn table(&self) -> Option<&CharTable> {
        None
    }
}

/// The characters whose OpenCC `t2s` conversion depends on the characters around them:
/// those at positions where a `TSPhrases` entry differs from converting its key
/// character by character (`乾` in `乾隆` stays, `覆` in `答覆` becomes `复`, `於` in
/// `於菟`, …).
///
/// Derived from OpenCC's `TSPhrases` and `TSCharacters` dictionaries, which are
/// identical in `ferrous-opencc` 0.4 and OpenCC 1.1.6. Runs of text without any of them
/// convert exactly character by character.
pub const CONTEXT_CHARS: [char; 23] = [
    '么', '乾', '俱', '吒', '噁', '彷', '徵', '於', '昇', '沈', '濛', '牴', '畫', '瞭', '薹', '藉',
    '衹', '覆', '鉅', '鍊', '鍾', '麼', '麽',
];

/// Bitset over U+0000–U+2FFFF.
#[derive(Clone)]
struct CharSet {
    bits: Vec<u64>,
}

const SET_LIMIT: u32 = 0x3_0000;

impl CharSet {
    fn new() -> Self {
        CharSet {
            bits: vec![0; (SET_LIMIT / 64) as usize],
        }
    }

    #[inline]
    fn contains(&self, c: char) -> bool {
        let u = c as u32;
        u < SET_LIMIT
            && self
                .bits
                .get((u / 64) as usize)
                .is_some_and(|w| w & (1u64 << (u % 64)) != 0)
    }

    fn insert(&mut self, c: char) {
        let u = c as u32;
        if u < SET_LIMIT {
            if let Some(w) = self.bits.get_mut((u / 64) as usize) {
                *w |= 1u64 << (u % 64);
            }
        }
    }
}

/// What a converter does to each CJK ideograph on its own, computed once by converting
/// every ideograph (U+3400–U+9FFF, U+F900–U+FAFF, U+20000–U+2FFFF) in one batch.
///
/// It gives the *detection set* — the characters that change on their own, plus
/// [`CONTEXT_CHARS`] — which decides which runs of text are converted at all. For a
/// converter that follows OpenCC `t2s` (maximal matching over its phrase and character
/// dictionaries), runs without a context character are converted from the table
/// directly, which is exact and much faster than calling the converter.
pub struct CharTable {
    detect: CharSet,
    /// Characters that must go through the converter.
    context: CharSet,
    /// Single-character conversions, sorted by source character.
    map: Vec<(char, char)>,
    opencc_t2s: bool,
}

impl std::fmt::Debug for CharTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CharTable")
            .field("conversions", &self.map.len())
            .field("opencc_t2s", &self.opencc_t2s)
            .finish_non_exhaustive()
    }
}

impl CharTable {
    /// Build the table of `conv`. Set `opencc_t2s` only for converters that implement
    /// OpenCC `t2s` with OpenCC's dictionaries: normalization then converts runs without
    /// [`CONTEXT_CHARS`] from the table instead of calling the converter. A converter
    /// that panics is treated as converting nothing.
    pub fn build(conv: &dyn Converter, opencc_t2s: bool) -> CharTable {
        let mut table = CharTable {
            detect: CharSet::new(),
            context: CharSet::new(),
            map: Vec::new(),
            opencc_t2s,
        };
        let ideographs = || {
            (0x3400u32..=0x9FFF)
                .chain(0xF900..=0xFAFF)
                .chain(0x20000..SET_LIMIT)
                .filter_map(char::from_u32)
                .filter(|&c| is_cjk_ideograph(c))
        };
        let mut batch = String::with_capacity(500_000);
        for c in ideographs() {
            batch.push(c);
            batch.push('\n');
        }
        let out = catch_unwind(AssertUnwindSafe(|| conv.convert(&batch))).unwrap_or_default();
        let lines: Vec<&str> = out.split('\n').collect();
        let mut record = |c: char, converted: &str| {
            let mut cs = converted.chars();
            match (cs.next(), cs.next()) {
                (Some(d), None) if d == c => {}
                (Some(d), None) => {
                    table.detect.insert(c);
                    table.map.push((c, d));
                }
                _ => {
                    table.detect.insert(c);
                    table.context.insert(c);
                }
            }
        };
        if lines.len() == ideographs().count() + 1 {
            for (c, line) in ideographs().zip(lines) {
                record(c, line);
            }
        } else {
            // The converter did not keep the separators: one character at a time.
            for c in ideographs() {
                let mut buf = [0u8; 4];
                let s: &str = c.encode_utf8(&mut buf);
                let converted =
                    catch_unwind(AssertUnwindSafe(|| conv.convert(s))).unwrap_or_default();
                if !converted.is_empty() {
                    record(c, &converted);
                }
            }
        }
        for c in CONTEXT_CHARS {
            table.detect.insert(c);
            table.context.insert(c);
        }
        table.map.sort_unstable();
        table
    }

    /// Whether `c` is in the detection set.
    pub fn is_traditional(&self, c: char) -> bool {
        self.detect.contains(c)
    }

    fn lookup(&self, c: char) -> Option<char> {
        self.map
            .binary_search_by(|&(k, _)| k.cmp(&c))
            .ok()
            .and_then(|i| self.map.get(i))
            .map(|&(_, v)| v)
    }
}

/// The pure-Rust backend (`ferrous-opencc`, built-in `t2s` configuration).
pub struct BuiltinConverter {
    inner: ferrous_opencc::OpenCC,
    table: OnceLock<CharTable>,
}

impl BuiltinConverter {
    /// Build the converter (loads the embedded dictionaries).
    ///
    /// # Errors
    /// The `ferrous-opencc` error, as text, if its dictionaries cannot be loaded.
    pub fn new() -> Result<Self, String> {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
            .map(|inner| BuiltinConverter {
                inner,
                table: OnceLock::new(),
            })
            .map_err(|e| e.to_string())
    }
}

impl std::fmt::Debug for BuiltinConverter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltinConverter").finish_non_exhaustive()
    }
}

impl Converter for BuiltinConverter {
    fn convert(&self, text: &str) -> String {
        self.inner.convert(text)
    }
    fn name(&self) -> &str {
        "ferrous-opencc t2s"
    }
    fn table(&self) -> Option<&CharTable> {
        Some(self.table.get_or_init(|| CharTable::build(self, true)))
    }
}

/// The system OpenCC backend (`opencc-rust`, configuration `t2s.json`).
///
/// Requires the OpenCC library and dictionaries (Debian: `libopencc-dev opencc`).
#[cfg(feature = "opencc")]
#[cfg_attr(docsrs, doc(cfg(feature = "opencc")))]
pub struct SystemConverter {
    inner: opencc_rust::OpenCC,
    table: OnceLock<CharTable>,
}

#[cfg(feature = "opencc")]
impl SystemConverter {
    /// Open the system OpenCC `t2s.json` configuration.
    ///
    /// # Errors
    /// The binding's message when OpenCC cannot open the configuration.
    pub fn new() -> Result<Self, String> {
        opencc_rust::OpenCC::new(opencc_rust::DefaultConfig::T2S)
            .map(|inner| SystemConverter {
                inner,
                table: OnceLock::new(),
            })
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
    fn table(&self) -> Option<&CharTable> {
        Some(self.table.get_or_init(|| CharTable::build(self, true)))
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

fn default_table() -> Option<&'static CharTable> {
    default_converter().and_then(|c| c.table())
}

/// Whether `c` is in the detection set of the [`default_converter`]: an ideograph
/// that `t2s` changes on its own (`後`, `於`, `鄉`) or one of the `CONTEXT_CHARS`.
/// Simplified characters and characters shared by both scripts are not.
pub fn is_traditional(c: char) -> bool {
    default_table().is_some_and(|t| t.is_traditional(c))
}

/// Whether `text` contains a character that [`is_traditional`], i.e. whether
/// traditional → simplified conversion would look at it at all.
pub fn needs_conversion(text: &str) -> bool {
    match default_table() {
        Some(t) => text.chars().any(|c| !c.is_ascii() && t.detect.contains(c)),
        None => false,
    }
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

/// A run of ideographs to convert, and whether it needs the converter (otherwise it
/// converts from the table).
struct Run {
    range: std::ops::Range<usize>,
    via_converter: bool,
}

/// Find the runs of ideographs that contain a character of the detection set.
fn runs_to_convert(text: &str, table: &CharTable, table_converts: bool) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run_start: Option<usize> = None;
    let mut hit = false;
    let mut context = false;
    let mut close = |start: usize, end: usize, hit: bool, context: bool| {
        if hit {
            runs.push(Run {
                range: start..end,
                via_converter: context || !table_converts,
            });
        }
    };
    for (i, c) in text.char_indices() {
        if !c.is_ascii() && is_cjk_ideograph(c) {
            if run_start.is_none() {
                run_start = Some(i);
                hit = false;
                context = false;
            }
            if table.detect.contains(c) {
                hit = true;
                context |= table.context.contains(c);
            }
        } else if let Some(s) = run_start.take() {
            close(s, i, hit, context);
        }
    }
    if let Some(s) = run_start {
        close(s, text.len(), hit, context);
    }
    runs
}

/// Run the conversion stage with `conv`.
pub(crate) fn run(text: &str, map: &OffsetMap, conv: &dyn Converter) -> Outcome {
    let own = conv.table();
    let table: &CharTable = match (own, default_table()) {
        (Some(t), _) => t,
        (None, Some(t)) => t,
        (None, None) => return Outcome::Failed,
    };
    // Fast path: nothing in the detection set.
    if !text
        .chars()
        .any(|c| !c.is_ascii() && table.detect.contains(c))
    {
        return Outcome::Unchanged;
    }
    let table_converts = own.is_some_and(|t| t.opencc_t2s);
    let runs = runs_to_convert(text, table, table_converts);
    if runs.is_empty() {
        return Outcome::Unchanged;
    }
    // Everything the converter has to see, in one call.
    let hard: Vec<&std::ops::Range<usize>> = runs
        .iter()
        .filter(|r| r.via_converter)
        .map(|r| &r.range)
        .collect();
    let mut pieces: Vec<String> = Vec::new();
    if !hard.is_empty() {
        let total: usize = hard.iter().map(|r| r.len() + 1).sum();
        let mut batch = String::with_capacity(total);
        for r in &hard {
            batch.push_str(text.get((*r).clone()).unwrap_or(""));
            batch.push('\n');
        }
        let Ok(out) = catch_unwind(AssertUnwindSafe(|| conv.convert(&batch))) else {
            return Outcome::Failed;
        };
        pieces = out.split('\n').map(str::to_string).collect();
        if pieces.len() != hard.len() + 1 {
            // Separators not kept: convert run by run.
            pieces.clear();
            for r in &hard {
                let src = text.get((*r).clone()).unwrap_or("");
                match catch_unwind(AssertUnwindSafe(|| conv.convert(src))) {
                    Ok(s) => pieces.push(s),
                    Err(_) => return Outcome::Failed,
                }
            }
        }
    }
    let mut pieces = pieces.into_iter();
    let mut em = Emitter::new(text, map);
    let mut buf = [0u8; 4];
    for r in &runs {
        let Some(src) = text.get(r.range.clone()) else {
            continue;
        };
        if r.via_converter {
            let Some(dst) = pieces.next() else {
                break;
            };
            if src != dst {
                emit_run(&mut em, r.range.start, src, &dst);
            }
        } else {
            for (i, c) in src.char_indices() {
                if let Some(d) = table.lookup(c) {
                    let at = r.range.start + i;
                    em.replace(at..at + c.len_utf8(), d.encode_utf8(&mut buf));
                }
            }
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
        assert_eq!(t.lookup('後'), Some('后'));
        assert_eq!(t.lookup('后'), None);
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
        assert!(!is_traditional('坏'));
    }
}
