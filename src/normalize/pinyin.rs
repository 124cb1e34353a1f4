//! Removal of pinyin glosses inserted after characters by some mirror sites:
//! `五原縣和勝鄉(xiāng)` → `五原縣和勝鄉`, `公(gong)開(kai)` → `公開`,
//! `新(xin)(xin)(xin)` → `新`.
//!
//! A *gloss* is a parenthesized Mandarin syllable — ASCII `( )` or full-width `（ ）`,
//! lower-case letters, tone marks allowed (`ā á ǎ à … ǖ ǘ ǚ ǜ ü`, precomposed or as
//! combining marks), `v` accepted for `ü` — that directly follows a CJK ideograph or
//! another gloss. The syllable must be one of the [`SYLLABLES`] of standard Mandarin
//! (the interjections `m`, `n`, `ng`, `hm`, `hng` are left out, so `(m)` is never a
//! gloss).
//!
//! Lower-case syllables in parentheses also occur in ordinary text (`面积(ha)`,
//! `用时(min)`, list markers `(a)`, `(e)`), so glosses are removed only from texts that
//! are evidently glossed: texts with at least one gloss carrying a tone mark (or `ü`), or
//! at least two toneless glosses of two or more letters. In such a text every gloss is
//! removed, single-letter ones included. Anything else in parentheses — `(一)`, `(2021)`,
//! `(单位:万元)`, `(xxx@126.com)`, `(Beijing)`, `(PDF)` — is never touched.
//!
//! A removed gloss is attached to the character it followed in the offset map, so that
//! character's original span covers its gloss.

use super::is_cjk_ideograph;
use super::offsets::{Emitter, OffsetMap};
use unicode_normalization::char::canonical_combining_class;

/// The syllables of standard Mandarin in toneless form, sorted, with `v` for `ü`.
pub(crate) const SYLLABLES: [&str; 412] = [
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce",
    "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi", "chong",
    "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui", "chun", "chuo", "ci", "cong", "cou",
    "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan", "dang", "dao", "de", "dei", "den",
    "deng", "di", "dia", "dian", "diao", "die", "ding", "diu", "dong", "dou", "du", "duan", "dui",
    "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen", "feng", "fo",
    "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou",
    "gu", "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao",
    "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui", "hun",
    "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju",
    "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong",
    "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai", "lan", "lang",
    "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin", "ling", "liu",
    "lo", "long", "lou", "lu", "luan", "lun", "luo", "lv", "lve", "ma", "mai", "man", "mang",
    "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min", "ming", "miu", "mo",
    "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian",
    "niang", "niao", "nie", "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nun", "nuo", "nv",
    "nve", "o", "ou", "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian",
    "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi", "qia", "qian", "qiang", "qiao", "qie",
    "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun", "ran", "rang", "rao", "re", "ren",
    "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui", "run", "ruo", "sa", "sai", "san",
    "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei",
    "shen", "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun",
    "shuo", "si", "song", "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang",
    "tao", "te", "tei", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan",
    "tui", "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", "xi", "xia",
    "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan", "xue", "xun",
    "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu", "yuan",
    "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai",
    "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua",
    "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui",
    "zun", "zuo",
];

/// Whether `s` is a Mandarin syllable: lower-case pinyin with or without tone marks
/// (`xiāng`, `xiang`, `lǜ`, `lv`).
pub fn is_pinyin_syllable(s: &str) -> bool {
    let mut it = s.char_indices();
    match parse_letters(&mut it) {
        Some((buf, n, _)) if n == s.len() => lookup(&buf),
        _ => false,
    }
}

fn lookup(buf: &Letters) -> bool {
    let Some(word) = buf.as_str() else {
        return false;
    };
    SYLLABLES.binary_search(&word).is_ok()
}

/// Up to 6 ASCII letters (the longest syllables, `zhuang` and `shuang`, have 6).
struct Letters {
    buf: [u8; 6],
    len: usize,
}

impl Letters {
    fn push(&mut self, b: u8) -> bool {
        match self.buf.get_mut(self.len) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
                true
            }
            None => false,
        }
    }
    fn last_mut(&mut self) -> Option<&mut u8> {
        self.buf.get_mut(self.len.checked_sub(1)?)
    }
    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }
}

/// The toneless letter of a pinyin letter (`v` for `ü`), and whether it was marked.
fn base_letter(c: char) -> Option<(u8, bool)> {
    Some(match c {
        'a'..='z' => (c as u8, false),
        'ā' | 'á' | 'ǎ' | 'à' => (b'a', true),
        'ē' | 'é' | 'ě' | 'è' => (b'e', true),
        'ī' | 'í' | 'ǐ' | 'ì' => (b'i', true),
        'ō' | 'ó' | 'ǒ' | 'ò' => (b'o', true),
        'ū' | 'ú' | 'ǔ' | 'ù' => (b'u', true),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => (b'v', true),
        _ => return None,
    })
}

/// Read pinyin letters from `it` until something else. Returns the letters, the byte
/// offset (relative to the iterator's string) where they stopped, and whether any was
/// marked. `None` if there are too many letters.
fn parse_letters(it: &mut std::str::CharIndices<'_>) -> Option<(Letters, usize, bool)> {
    let mut buf = Letters {
        buf: [0; 6],
        len: 0,
    };
    let mut marked = false;
    let mut end = 0;
    for (i, c) in it.by_ref() {
        if let Some((b, m)) = base_letter(c) {
            if !buf.push(b) {
                return None;
            }
            marked |= m;
        } else if matches!(c, '\u{0300}' | '\u{0301}' | '\u{0304}' | '\u{030C}') && buf.len > 0 {
            marked = true;
        } else if c == '\u{0308}' {
            // Combining diaeresis: u + ¨ is ü.
            match buf.last_mut() {
                Some(last) if *last == b'u' => *last = b'v',
                _ => return Some((buf, i, marked)),
            }
            marked = true;
        } else {
            return Some((buf, i, marked));
        }
        end = i + c.len_utf8();
    }
    Some((buf, end, marked))
}

/// A gloss at the start of `s` (which starts with an opening parenthesis): its byte
/// length, whether it is marked, and whether it has two or more letters.
fn gloss_at(s: &str) -> Option<(usize, bool, bool)> {
    let open = if s.starts_with('(') {
        1
    } else if s.starts_with('（') {
        '（'.len_utf8()
    } else {
        return None;
    };
    let rest = s.get(open..)?;
    let mut it = rest.char_indices();
    let (letters, stop, marked) = parse_letters(&mut it)?;
    let tail = rest.get(stop..)?;
    let close = if tail.starts_with(')') {
        1
    } else if tail.starts_with('）') {
        '）'.len_utf8()
    } else {
        return None;
    };
    if letters.len == 0 || !lookup(&letters) {
        return None;
    }
    // A closing parenthesis carrying combining marks is not a clean gloss.
    let after = tail.get(close..).and_then(|r| r.chars().next());
    if after.is_some_and(|c| !c.is_ascii() && canonical_combining_class(c) != 0) {
        return None;
    }
    Some((open + stop + close, marked, letters.len >= 2))
}

/// The character ending at byte `end` of `text`.
fn char_before(text: &str, end: usize) -> Option<(usize, char)> {
    let head = text.get(..end)?;
    let c = head.chars().next_back()?;
    Some((end - c.len_utf8(), c))
}

/// A run of glosses: the glossed character starts at `start`, the glosses span
/// `glosses`.
struct Group {
    start: usize,
    glosses: std::ops::Range<usize>,
}

/// The gloss groups of `text`, in order, each with how many of its glosses carry a
/// tone mark (or `ü`) and how many are toneless of two or more letters.
/// The first position at or after `from` of byte `a` or byte `b` (`bytes.len()` when
/// there is none), eight bytes at a time.
fn find_either(bytes: &[u8], from: usize, a: u8, b: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (sa, sb) = (ONES * u64::from(a), ONES * u64::from(b));
    let mut i = from;
    while let Some(w) = bytes.get(i..i + 8) {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(w);
        let x = u64::from_le_bytes(buf);
        let (va, vb) = (x ^ sa, x ^ sb);
        // A zero byte of `va` or `vb` is a match; the lowest flagged byte is exact
        // (a borrow can only flag bytes above a real zero).
        let m = (va.wrapping_sub(ONES) & !va | vb.wrapping_sub(ONES) & !vb) & HIGH;
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = bytes.get(i) {
        if c == a || c == b {
            return i;
        }
        i += 1;
    }
    bytes.len().max(from)
}

fn groups(text: &str) -> impl Iterator<Item = (Group, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            // Only `(` and the first byte of `（` can open a gloss.
            i = find_either(bytes, i, b'(', 0xEF);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            let is_open =
                b == b'(' || (b == 0xEF && bytes.get(i + 1..i + 3) == Some(&[0xBC, 0x88][..]));
            if !is_open {
                i += 1;
                continue;
            }
            let glossed_char = char_before(text, i).filter(|&(_, c)| is_cjk_ideograph(c));
            let Some((start, _)) = glossed_char else {
                i += 1;
                continue;
            };
            let (mut marked, mut multi) = (0, 0);
            let mut end = i;
            while let Some((n, m, two)) = text.get(end..).and_then(gloss_at) {
                end += n;
                if m {
                    marked += 1;
                } else if two {
                    multi += 1;
                }
            }
            if end > i {
                let g = Group {
                    start,
                    glosses: i..end,
                };
                i = end;
                return Some((g, marked, multi));
            }
            i += 1;
        }
        None
    })
}

/// Whether the text counts as glossed: a gloss with a tone mark, or two toneless ones of
/// two or more letters (read only as far as needed to tell).
fn is_glossed(text: &str) -> bool {
    let (mut marked, mut multi) = (0, 0);
    for (_, m, t) in groups(text) {
        marked += m;
        multi += t;
        if marked >= 1 || multi >= 2 {
            return true;
        }
    }
    false
}

/// Run the pinyin stage. `None` when nothing is removed; otherwise also the number of
/// glosses removed.
pub(crate) fn run(text: &str, map: &OffsetMap) -> Option<(String, OffsetMap, usize)> {
    let bytes = text.as_bytes();
    let has_paren = bytes.contains(&b'(') || text.contains('（');
    if !has_paren {
        return None;
    }
    // The groups are found again while writing, rather than kept in a list.
    if !is_glossed(text) {
        return None;
    }
    let mut removed = 0;
    let mut em = Emitter::new(text, map);
    for (g, _, _) in groups(text) {
        let Some(ch) = text.get(g.start..g.glosses.start) else {
            continue;
        };
        removed += count_glosses(text.get(g.glosses.clone()).unwrap_or(""));
        em.replace(g.start..g.glosses.end, ch);
    }
    em.finish().map(|(t, m)| (t, m, removed))
}

fn count_glosses(mut s: &str) -> usize {
    let mut n = 0;
    while let Some((len, _, _)) = gloss_at(s) {
        n += 1;
        s = s.get(len..).unwrap_or("");
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let m = OffsetMap::identity(s.len());
        run(s, &m).map_or_else(|| s.to_string(), |(t, _, _)| t)
    }

    #[test]
    fn find_either_finds_the_first() {
        let plain = |b: &[u8], from: usize| {
            b.iter()
                .enumerate()
                .skip(from)
                .find(|(_, &c)| c == b'(' || c == 0xEF)
                .map_or(b.len().max(from), |(k, _)| k)
        };
        let samples: [&[u8]; 6] = [
            b"",
            b"abc",
            "年度（报告）(a) x".as_bytes(),
            b"\x01\x00((\xEF\xEE\x29\x27\xF0\xEF",
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(",
            b"\x28\x29\x27\x28\x00\x01\x80\xFF\xEF\xEE\xF0\x28",
        ];
        for b in samples {
            for from in 0..=b.len() + 1 {
                assert_eq!(
                    find_either(b, from, b'(', 0xEF),
                    plain(b, from),
                    "{b:?} {from}"
                );
            }
        }
        let all: Vec<u8> = (0..=255u8).rev().collect();
        for from in 0..all.len() {
            assert_eq!(find_either(&all, from, b'(', 0xEF), plain(&all, from));
        }
    }

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
        assert!(SYLLABLES.iter().all(|s| (1..=6).contains(&s.len())));
    }

    #[test]
    fn syllables() {
        for s in [
            "xiāng", "xiang", "bào", "nèi", "guī", "qū", "lǜ", "lv", "nüè", "e", "zhuang",
        ] {
            assert!(is_pinyin_syllable(s), "{s}");
        }
        for s in [
            "beijing", "pdf", "m", "ng", "xxx", "", "Xiang", "zhuangg", "bx",
        ] {
            assert!(!is_pinyin_syllable(s), "{s}");
        }
    }

    #[test]
    fn removes_glosses() {
        assert_eq!(strip("五原縣和勝鄉(xiāng)2021年"), "五原縣和勝鄉2021年");
        assert_eq!(strip("報(bào)告"), "報告");
        assert_eq!(strip("公(gong)開(kai)"), "公開");
        assert_eq!(strip("新(xin)(xin)(xin)(xin)聞"), "新聞");
        assert_eq!(strip("內(nèi)容 規(guī) 區(qū)"), "內容 規 區");
        assert_eq!(strip("內（nèi）容"), "內容");
        assert_eq!(strip("綠(lǜ)色 綠(lv)"), "綠色 綠");
        assert_eq!(strip("鄉(xia\u{0304}ng)"), "鄉");
    }

    #[test]
    fn keeps_other_parentheses() {
        for s in [
            "(一)总体情况",
            "公开(2021)",
            "(单位:万元)",
            "邮箱(xxx@126.com)",
            "北京(Beijing)",
            "下载(PDF)",
            "面积(ha)",
            "项目(a)",
            "(xiang)开头",
            "2021(nián)",
            "报告 (bào)",
        ] {
            assert_eq!(strip(s), s);
        }
        // Not glossed enough: one toneless multi-letter syllable.
        assert_eq!(strip("用时(min)共计"), "用时(min)共计");
        // In a glossed text, single letters go too.
        assert_eq!(strip("報(bào)告 阿(a)"), "報告 阿");
    }

    #[test]
    fn linear_on_pathological_input() {
        let s = "(".repeat(100_000);
        assert_eq!(strip(&s), s);
        let s = format!("新{}", "(xin)".repeat(100_000));
        assert_eq!(strip(&s), "新");
        let s = "新(".repeat(50_000);
        assert_eq!(strip(&s), s);
    }
}
