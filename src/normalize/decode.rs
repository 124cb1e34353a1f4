//! Decoding: bytes as users have them (files saved from web portals, exports of word
//! processors) into the text the rest of the crate reads.
//!
//! [`decode`] decides the encoding in this order, the first rule that applies wins:
//!
//! 1. **PDF** (`%PDF-` in the first kilobyte) is refused with
//!    [`ParseError::Pdf`](crate::ParseError::Pdf): its text must be extracted first, with
//!    `pdftotext -layout FILE`, which keeps the table columns the table reader needs.
//! 2. **Byte order mark**: UTF-8, UTF-16LE or UTF-16BE (the mark is not part of the
//!    text).
//! 3. **UTF-16 without a mark**, told by its NUL bytes: ASCII characters (digits, line
//!    breaks, spaces) have a zero high byte, so NULs fall on one parity of positions
//!    only.
//! 4. **Not text**: NUL bytes (after rule 3), control characters, or the signature of a
//!    Word, Excel, ZIP, image or other binary file give
//!    [`ParseError::Binary`](crate::ParseError::Binary).
//! 5. **UTF-8**, when the bytes are valid UTF-8, or nearly so: at least
//!    [`UTF8_PER_ERROR`] valid multi-byte characters for each invalid sequence (text in a
//!    legacy Chinese encoding read as UTF-8 has far more invalid sequences than valid
//!    characters). Valid UTF-8 wins over a page's `<meta charset>`: pages saved by
//!    scrapers are often re-encoded as UTF-8 with their declaration left as it was.
//! 6. **HTML declaration**: `<meta charset="gb2312">` or
//!    `<meta http-equiv="Content-Type" content="text/html; charset=gbk">` in the first
//!    [`META_PRESCAN`] bytes, as a browser reads it (WHATWG labels: `gb2312` means GBK).
//! 7. **Detection** with `chardetng` (the detector of Firefox), told that the text comes
//!    from a `.cn` site, over [`DETECT_BYTES`] from the first non-ASCII byte: GBK for
//!    the reports of mainland portals, Big5 for traditional ones.
//!
//! Decoding is done by `encoding_rs` (the WHATWG Encoding Standard: its GBK decoder is
//! the GB18030 decoder, so GBK and GB18030 files read alike). One policy holds for every
//! encoding: an invalid byte sequence becomes one U+FFFD REPLACEMENT CHARACTER, the rest
//! is read, and each replacement is listed in [`Decoded::invalid`] (the parser turns
//! them into warnings with their lines).
//!
//! # Positions
//!
//! Spans of a report parsed from bytes are byte offsets into the decoded text
//! ([`Decoded::text`]), which is UTF-8 whatever the input was. To reach the original
//! bytes, [`Decoded::original_offset`] maps a decoded offset back to the input's byte
//! offset, exactly (the invalid sequences are its checkpoints; between them it counts
//! UTF-8 and UTF-16 code units, and decodes other encodings again).

use crate::error::ParseError;
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Bytes at the start of a page searched for a `<meta>` charset declaration (browsers
/// search 1024; portals often put long scripts and styles first).
pub const META_PRESCAN: usize = 8192;

/// Valid multi-byte UTF-8 characters needed for each invalid sequence for a text that is
/// not entirely valid UTF-8 to still be read as UTF-8 (with replacements).
pub const UTF8_PER_ERROR: usize = 4;

/// Bytes given to the detector, from the first non-ASCII byte on.
pub const DETECT_BYTES: usize = 2048;

/// Bytes examined by the binary and UTF-16 sniffing.
const SNIFF: usize = 64 * 1024;

/// An invalid byte sequence of the input, replaced by U+FFFD in the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct InvalidSequence {
    /// Byte offset of the U+FFFD in the decoded text.
    pub decoded: usize,
    /// Byte offset of the invalid sequence in the input.
    pub original: usize,
    /// Length of the invalid sequence in bytes.
    pub len: usize,
}

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    text: String,
    encoding: &'static Encoding,
    bom: usize,
    invalid: Vec<InvalidSequence>,
}

impl Decoded {
    /// The decoded text (UTF-8, without a byte order mark).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The decoded text, taken.
    pub fn into_text(self) -> String {
        self.text
    }

    /// The WHATWG name of the encoding used: `"UTF-8"`, `"GBK"`, `"gb18030"`,
    /// `"UTF-16LE"`, `"UTF-16BE"`, `"Big5"`, …
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// Length of the byte order mark the input started with (0 when it had none).
    pub fn bom_len(&self) -> usize {
        self.bom
    }

    /// The invalid sequences replaced by U+FFFD, in input order.
    pub fn invalid(&self) -> &[InvalidSequence] {
        &self.invalid
    }

    /// The byte offset in `input` (the bytes this text was decoded from) of a byte
    /// offset of the decoded text: where the character at `decoded` starts (an offset
    /// inside a character is taken as that character's start; the end of the text, the
    /// end of the input). Exact: the bytes after the last invalid sequence before
    /// `decoded` are decoded again up to that character (UTF-8 and UTF-16 are counted
    /// without decoding). Takes time linear in the distance from that sequence.
    ///
    /// ```
    /// use zfxxgk::normalize::decode;
    /// // "报告12" in GBK: two bytes per ideograph.
    /// let bytes = [0xB1, 0xA8, 0xB8, 0xE6, b'1', b'2'];
    /// let d = decode(&bytes).unwrap();
    /// assert_eq!(d.encoding(), "GBK");
    /// let at = d.text().find("12").unwrap();
    /// assert_eq!(at, 6); // in the decoded UTF-8 text
    /// assert_eq!(d.original_offset(&bytes, at), 4); // in the GBK bytes
    /// ```
    pub fn original_offset(&self, input: &[u8], decoded: usize) -> usize {
        let mut d = decoded.min(self.text.len());
        while d > 0 && !self.text.is_char_boundary(d) {
            d -= 1;
        }
        if d == self.text.len() {
            return input.len();
        }
        // The last replacement at or before `d` is a checkpoint: both offsets are known.
        let i = self.invalid.partition_point(|s| s.decoded <= d);
        let (from, orig) = match i.checked_sub(1).and_then(|k| self.invalid.get(k)) {
            Some(s) if s.decoded == d => return s.original,
            Some(s) => (s.decoded + '\u{FFFD}'.len_utf8(), s.original + s.len),
            None => (0, self.bom),
        };
        let between = self.text.get(from.min(d)..d).unwrap_or("");
        if self.encoding == UTF_8 {
            return (orig + between.len()).min(input.len());
        }
        if self.encoding == UTF_16LE || self.encoding == UTF_16BE {
            let units: usize = between.chars().map(char::len_utf16).sum();
            return (orig + 2 * units).min(input.len());
        }
        // Decode again, one byte at a time, until the text before `d` is out.
        let target = between.len();
        if target == 0 {
            return orig.min(input.len());
        }
        let mut decoder = self.encoding.new_decoder_without_bom_handling();
        let mut out = String::with_capacity(16);
        let mut written = 0;
        for k in orig..input.len() {
            let byte = input.get(k..=k).unwrap_or(&[]);
            out.clear();
            out.reserve(16);
            let (_, _) = decoder.decode_to_string_without_replacement(byte, &mut out, false);
            written += out.len();
            if written >= target {
                return k + 1;
            }
        }
        input.len()
    }
}

/// Decode bytes as described in the module documentation.
///
/// ```
/// use zfxxgk::normalize::decode;
/// // UTF-16LE with its byte order mark.
/// let mut bytes = vec![0xFF, 0xFE];
/// bytes.extend("年度报告".encode_utf16().flat_map(|u| u.to_le_bytes()));
/// let d = decode(&bytes).unwrap();
/// assert_eq!((d.text(), d.encoding()), ("年度报告", "UTF-16LE"));
///
/// assert!(matches!(decode(b"%PDF-1.7\n..."), Err(zfxxgk::ParseError::Pdf)));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, ParseError> {
    let (enc, bom, _) = detect(bytes)?;
    Ok(run(enc, bytes, bom))
}

/// Text decoded from bytes for the parser: borrowed from them when they are valid UTF-8
/// (most files), so that the input is not copied; otherwise as [`decode`] gives it.
#[derive(Debug)]
pub(crate) struct DecodedText<'a> {
    text: std::borrow::Cow<'a, str>,
    encoding: &'static Encoding,
    invalid: Vec<InvalidSequence>,
}

impl DecodedText<'_> {
    /// The decoded text (UTF-8, without a byte order mark).
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The WHATWG name of the encoding used.
    pub(crate) fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// The invalid sequences replaced by U+FFFD, in input order.
    pub(crate) fn invalid(&self) -> &[InvalidSequence] {
        &self.invalid
    }
}

/// [`decode`], borrowing the text from `bytes` when they are valid UTF-8.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<DecodedText<'_>, ParseError> {
    let (enc, bom, valid) = detect(bytes)?;
    if let Some(s) = valid {
        return Ok(DecodedText {
            text: std::borrow::Cow::Borrowed(s),
            encoding: enc,
            invalid: Vec::new(),
        });
    }
    if enc == UTF_8 {
        if let Some(s) = bytes.get(bom..).and_then(|b| std::str::from_utf8(b).ok()) {
            return Ok(DecodedText {
                text: std::borrow::Cow::Borrowed(s),
                encoding: enc,
                invalid: Vec::new(),
            });
        }
    }
    let d = run(enc, bytes, bom);
    Ok(DecodedText {
        text: std::borrow::Cow::Owned(d.text),
        encoding: d.encoding,
        invalid: d.invalid,
    })
}

/// The encoding of `bytes` and the length of their byte order mark, as [`decode`]
/// decides them.
///
/// The third value is the whole of `bytes` as text when the rules found them valid
/// UTF-8 without a byte order mark (validated once, for the caller to borrow).
fn detect(bytes: &[u8]) -> Result<(&'static Encoding, usize, Option<&str>), ParseError> {
    if is_pdf(bytes) {
        return Err(ParseError::Pdf);
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return Ok((enc, bom, None));
    }
    let head = bytes.get(..SNIFF).unwrap_or(bytes);
    if let Some(enc) = utf16_without_bom(head) {
        return Ok((enc, 0, None));
    }
    if is_binary(head) {
        return Err(ParseError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((UTF_8, 0, Some(s)));
    }
    if is_utf8(bytes) {
        return Ok((UTF_8, 0, None));
    }
    if let Some(enc) = meta_charset(bytes.get(..META_PRESCAN).unwrap_or(bytes)) {
        return Ok((enc, 0, None));
    }
    // The detector costs about a tenth of a microsecond a byte: it reads
    // [`DETECT_BYTES`] from the first non-ASCII byte, thousands of characters of text.
    let start = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let end = start.saturating_add(DETECT_BYTES).min(bytes.len());
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes.get(start..end).unwrap_or(&[]), end == bytes.len());
    let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    Ok((enc, 0, None))
}

fn run(enc: &'static Encoding, bytes: &[u8], bom: usize) -> Decoded {
    let src = bytes.get(bom..).unwrap_or(&[]);
    let mut invalid = Vec::new();
    // Valid UTF-8 needs no copy through the decoder.
    if enc == UTF_8 {
        if let Ok(s) = std::str::from_utf8(src) {
            return Decoded {
                text: s.to_string(),
                encoding: enc,
                bom,
                invalid,
            };
        }
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(src.len())
        .unwrap_or(src.len().saturating_mul(3))
        .saturating_add(4);
    let mut text = String::with_capacity(cap);
    let mut read = 0;
    loop {
        let rest = src.get(read..).unwrap_or(&[]);
        let (result, n) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(bad, after) => {
                let (bad, after) = (usize::from(bad), usize::from(after));
                invalid.push(InvalidSequence {
                    decoded: text.len(),
                    original: bom + read.saturating_sub(bad + after),
                    len: bad,
                });
                if text.capacity() - text.len() < 3 {
                    text.reserve(3);
                }
                text.push('\u{FFFD}');
            }
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(rest.len().saturating_sub(n))
                    .unwrap_or(64)
                    .max(64);
                text.reserve(more);
            }
        }
    }
    text.shrink_to_fit();
    Decoded {
        text,
        encoding: enc,
        bom,
        invalid,
    }
}

/// `%PDF-` at the start, or within the first kilobyte (the format allows bytes before
/// its header).
fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}

/// UTF-16 without a byte order mark: NULs (high bytes of ASCII characters) on one
/// parity of positions only.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    // Most texts have no NUL at all: one fast search instead of a count.
    if !head.contains(&0) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in head.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let units = head.len() / 2;
    // At least one unit in 16 an ASCII character, and NULs on the other parity (code
    // units such as U+4E00 一) at most one for 4 of the first.
    let enough = |n: usize| n >= 4 && n * 16 >= units;
    if enough(even) && odd * 4 <= even && head.len() % 2 == 0 {
        Some(UTF_16BE)
    } else if enough(odd) && even * 4 <= odd && head.len() % 2 == 0 {
        Some(UTF_16LE)
    } else {
        None
    }
}

/// Signatures of binary formats users mistake for reports (Word, Excel, archives,
/// images), NUL bytes, or more than one byte in a hundred a control character.
fn is_binary(head: &[u8]) -> bool {
    const MAGIC: [&[u8]; 9] = [
        b"PK\x03\x04",                       // docx, xlsx, zip
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", // doc, xls
        b"\x89PNG",
        b"\xFF\xD8\xFF", // JPEG
        b"GIF8",
        b"Rar!",
        b"\x1F\x8B", // gzip
        b"7z\xBC\xAF",
        b"\x7FELF",
    ];
    if MAGIC.iter().any(|m| head.starts_with(m)) {
        return true;
    }
    if head.contains(&0) {
        return true;
    }
    let control = count_controls(head);
    control >= 4 && control * 100 > head.len()
}

/// Number of control characters (below 0x20 except tab, line feed, vertical tab, form
/// feed, carriage return and escape) in `bytes`. Eight bytes are tested at a time for
/// any byte below 0x20 (text has one in tens of bytes: its line breaks), and only such
/// words are looked at byte by byte.
fn count_controls(bytes: &[u8]) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ADD: u64 = 0x6060_6060_6060_6060;
    let is_control = |b: &u8| matches!(b, 0..=8 | 0x0E..=0x1A | 0x1C..=0x1F);
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in words.by_ref() {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let x = u64::from_le_bytes(a);
        // Per byte: bit 7 of (low seven bits + 0x60) is set when they are 0x20 or more
        // (no carry leaves the byte); a byte is below 0x20 when neither that bit nor
        // its own bit 7 is set.
        let below = !(((x & LOW7) + ADD) | x) & HIGH;
        if below != 0 {
            n += w.iter().filter(|b| is_control(b)).count();
        }
    }
    n + words.remainder().iter().filter(|b| is_control(b)).count()
}

/// Valid UTF-8, or nearly: [`UTF8_PER_ERROR`] valid multi-byte characters for each
/// invalid sequence.
fn is_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let (mut errors, mut multi) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            // Valid to the end: with no error before, the count does not matter.
            Ok(_) if errors == 0 => return true,
            Ok(s) => {
                multi += count_multibyte(s);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                if let Some(s) = rest.get(..valid).and_then(|v| std::str::from_utf8(v).ok()) {
                    multi += count_multibyte(s);
                }
                errors += 1;
                let skip = valid + e.error_len().unwrap_or(rest.len() - valid);
                rest = rest.get(skip..).unwrap_or(&[]);
                // Clearly not UTF-8: stop early.
                if errors > 64 && multi < errors * UTF8_PER_ERROR {
                    return false;
                }
            }
        }
    }
    errors == 0 || multi >= errors * UTF8_PER_ERROR
}

/// Number of non-ASCII characters of `s`: the bytes that do not continue a character
/// (`0b10xx_xxxx`) and are not ASCII, counted without decoding.
fn count_multibyte(s: &str) -> usize {
    s.bytes().filter(|&b| b >= 0xC0).count()
}

/// The encoding declared by a `<meta>` tag in `head`: `charset=…` in any `<meta>` tag
/// (its `charset` attribute, or the `charset=` inside `content`). UTF-16 declarations
/// are read as UTF-8, as browsers do (the bytes were not UTF-16, or rule 2 or 3 of
/// [`decode`] would have applied).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(p) = find_ci(head.get(from..)?, b"<meta") {
        let start = from + p + 5;
        let end = head
            .get(start..)?
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = head.get(start..end)?;
        if let Some(c) = find_ci(tag, b"charset") {
            let mut v = tag.get(c + 7..)?;
            v = trim_start(v);
            if let Some(r) = v.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r.strip_prefix(b"\"").or(r.strip_prefix(b"'")).unwrap_or(r);
                let n = r
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(r.len());
                if let Some(enc) = r.get(..n).and_then(Encoding::for_label) {
                    return Some(if enc == UTF_16LE || enc == UTF_16BE {
                        UTF_8
                    } else {
                        enc
                    });
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    b.get(n..).unwrap_or(&[])
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GBK;

    fn enc(s: &str, e: &'static Encoding) -> Vec<u8> {
        e.encode(s).0.into_owned()
    }

    #[test]
    fn encodings() {
        let s = "一、总体情况\n2021年，本机关主动公开政府信息12条。\n";
        let gbk = enc(s, GBK);
        let d = decode(&gbk).unwrap();
        assert_eq!((d.text(), d.encoding()), (s, "GBK"));
        let mut le = Vec::new();
        for u in s.encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!((d.text(), d.encoding()), (s, "UTF-16LE"));
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = decode(&be).unwrap();
        assert_eq!((d.text(), d.encoding()), (s, "UTF-16BE"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(s.as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!((d.text(), d.encoding(), d.bom_len()), (s, "UTF-8", 3));
        assert_eq!(d.original_offset(&bom, 0), 3);
    }

    #[test]
    fn meta_declaration() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body>年度報告</body></html>";
        let d = decode(&enc(page, encoding_rs::BIG5)).unwrap();
        assert_eq!((d.text(), d.encoding()), (page, "Big5"));
        let page = "<meta charset='gb2312'><p>年度报告</p>";
        let d = decode(&enc(page, GBK)).unwrap();
        assert_eq!(d.encoding(), "GBK");
        // Valid UTF-8 wins over a stale declaration.
        let d = decode(page.as_bytes()).unwrap();
        assert_eq!((d.text(), d.encoding()), (page, "UTF-8"));
    }

    #[test]
    fn invalid_sequences() {
        let mut b = "第一行报告内容\n第二行".as_bytes().to_vec();
        b.push(0xFF);
        b.extend("有坏字节\n第三行".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding(), "UTF-8");
        assert_eq!(d.text(), "第一行报告内容\n第二行\u{FFFD}有坏字节\n第三行");
        let bad = d.invalid();
        assert_eq!(bad.len(), 1);
        let at = d.text().find('\u{FFFD}').unwrap();
        assert_eq!(bad[0].decoded, at);
        assert_eq!(bad[0].original, 31);
        assert_eq!(b[bad[0].original], 0xFF);
        // After the replacement, offsets still map.
        let after = d.text().find("有坏").unwrap();
        assert_eq!(d.original_offset(&b, after), 32);
        assert_eq!(d.original_offset(&b, at), 31);

        // GBK with a truncated pair in the middle.
        let mut g = enc("报告第一行\n", GBK);
        g.push(0x81);
        g.push(b'\n');
        g.extend(enc("第二行内容", GBK));
        let d = decode(&g).unwrap();
        assert_eq!(d.encoding(), "GBK");
        assert_eq!(d.text(), "报告第一行\n\u{FFFD}\n第二行内容");
        let after = d.text().find("第二").unwrap();
        assert_eq!(d.original_offset(&g, after), 13);
        // Every character of the text maps onto its bytes.
        for (i, c) in d.text().char_indices().filter(|(_, c)| *c != '\u{FFFD}') {
            let o = d.original_offset(&g, i);
            let (back, _) = GBK.decode_without_bom_handling(&g[o..]);
            assert!(back.starts_with(c), "{i} {c}");
        }
    }

    #[test]
    fn controls_are_counted_as_one_by_one() {
        let plain = |b: &[u8]| {
            b.iter()
                .filter(|&&x| matches!(x, 0..=8 | 0x0E..=0x1A | 0x1C..=0x1F))
                .count()
        };
        let all: Vec<u8> = (0..=255u8).collect();
        for skip in 0..9 {
            let b = all.get(skip..).unwrap_or(&[]);
            assert_eq!(count_controls(b), plain(b));
        }
        assert_eq!(count_controls(&all), 26);
        let text = "年度报告\r\n\t一、概述\x1b\x01\x1f 0x20\x7f\u{80}".repeat(3);
        assert_eq!(count_controls(text.as_bytes()), plain(text.as_bytes()));
        assert_eq!(count_controls(text.as_bytes()), 6);
    }

    #[test]
    fn refused() {
        assert_eq!(decode(b"%PDF-1.4\n%\xE2\xE3"), Err(ParseError::Pdf));
        assert_eq!(
            decode(b"PK\x03\x04word/document.xml"),
            Err(ParseError::Binary)
        );
        let mut garbage = vec![0u8; 300];
        for (i, b) in garbage.iter_mut().enumerate() {
            *b = (i * 37 % 251) as u8;
        }
        assert_eq!(decode(&garbage), Err(ParseError::Binary));
        // Control characters without NULs.
        assert_eq!(
            decode(b"\x01\x02\x03\x04\x05 text text text"),
            Err(ParseError::Binary)
        );
        assert_eq!(decode(b"").map(|d| d.into_text()), Ok(String::new()));
    }

    #[test]
    fn text_for_the_parser_borrows_utf8() {
        let utf8 = "某县2021年度报告\n一、总体情况\n".as_bytes();
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(utf8);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("年度报告".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let gbk = [0xB1, 0xA8, 0xB8, 0xE6, b'1', b'2'];
        // Nearly UTF-8: one invalid byte after many valid characters.
        let mut invalid = "报告报告报告报告报告".as_bytes().to_vec();
        invalid.push(0xFF);
        for bytes in [utf8, &bom, &utf16, &gbk, &invalid, b"", b"%PDF-1.7"] {
            let full = decode(bytes);
            let text = decode_text(bytes);
            match (full, text) {
                (Ok(f), Ok(t)) => {
                    assert_eq!(f.text(), t.text());
                    assert_eq!(f.encoding(), t.encoding());
                    assert_eq!(f.invalid(), t.invalid());
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("{a:?} / {b:?}"),
            }
        }
        let t = decode_text(utf8).unwrap();
        assert!(matches!(t.text, std::borrow::Cow::Borrowed(_)));
        let t = decode_text(&bom).unwrap();
        assert!(matches!(t.text, std::borrow::Cow::Borrowed(_)));
        assert_eq!(t.text(), "某县2021年度报告\n一、总体情况\n");
        let t = decode_text(&invalid).unwrap();
        assert_eq!(t.invalid().len(), 1);
    }
}
