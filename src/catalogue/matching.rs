//! Matching printed labels to catalogue entries.
//!
//! Printed labels differ from the template's: numbering prefixes (`(三)`, `1.`),
//! parenthetical notes, labels cut short (`本年新`), wrapped or with characters lost
//! (`其他法律行政止公开`), and over-zealous conversions. Matching strips what is not
//! the label and scores the rest against the catalogue.

use super::{
    Numbering, T2Block, T2Col, T2Row, T3Group, T3Row, T3_HEADER_LABELS, T3_ROWS, T4_HEADER_LABELS,
};
use crate::syntax::IResult;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char as ch, one_of, satisfy};
use nom::combinator::{map, opt};
use nom::multi::many1;
use nom::sequence::{delimited, terminated};
use nom::Parser;

/// Whether `c` is one of the Chinese numerals 一…十.
pub fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Value of a Chinese numeral 一…十, 十一…二十.
pub fn chinese_numeral(s: &str) -> Option<u8> {
    const D: &str = "一二三四五六七八九";
    let mut chars = s.chars();
    let a = chars.next()?;
    let b = chars.next();
    let c = chars.next();
    let digit = |c: char| D.chars().position(|d| d == c).map(|p| p as u8 + 1);
    match (a, b, c) {
        ('十', None, _) => Some(10),
        ('十', Some(x), None) => digit(x).map(|d| 10 + d),
        (x, None, _) => digit(x),
        (x, Some('十'), None) => digit(x).map(|d| d * 10),
        (x, Some('十'), Some(y)) if chars.next().is_none() => Some(digit(x)? * 10 + digit(y)?),
        _ => None,
    }
}

fn cn_numeral(i: &str) -> IResult<&str, u8> {
    let (rest, s) = nom::bytes::complete::take_while_m_n(1, 3, is_cn_digit).parse(i)?;
    match chinese_numeral(s) {
        Some(n) => Ok((rest, n)),
        None => crate::syntax::fail(),
    }
}

fn arabic(i: &str) -> IResult<&str, u8> {
    let (rest, n) = crate::syntax::digits::<1, 2>(i)?;
    match u8::try_from(n) {
        Ok(n) => Ok((rest, n)),
        Err(_) => crate::syntax::fail(),
    }
}

fn spaces(i: &str) -> IResult<&str, ()> {
    map(opt(many1(ch(' '))), |_| ()).parse(i)
}

/// A numbering prefix: `一、`, `(三)`, `1.`, `1、`, `(1)`, `1)`.
pub fn numbering(i: &str) -> IResult<&str, Numbering> {
    // Cheap refusal for the common case of text without a numbering prefix.
    let first = i.chars().next().unwrap_or(' ');
    if !(first == '(' || first.is_ascii_digit() || is_cn_digit(first)) {
        return crate::syntax::fail();
    }
    alt((
        map(
            terminated(cn_numeral, (spaces, one_of("、.,．:"))),
            Numbering::Chinese,
        ),
        map(
            delimited((ch('('), spaces), cn_numeral, (spaces, ch(')'))),
            Numbering::Paren,
        ),
        map(delimited(ch('('), arabic, ch(')')), Numbering::Arabic),
        map(
            terminated(arabic, satisfy(|c| matches!(c, '.' | '、' | ')' | '．'))),
            Numbering::Arabic,
        ),
    ))
    .parse(i)
}

/// Split a label into its numbering prefix and the rest (leading spaces dropped).
pub fn split_numbering(label: &str) -> (Option<Numbering>, &str) {
    let t = label.trim_start();
    match numbering(t) {
        Ok((rest, n)) => (Some(n), rest.trim_start()),
        Err(_) => (None, t),
    }
}

/// The label's words: numbering, parenthetical notes (also an unclosed trailing one),
/// spaces and trailing punctuation removed.
pub fn label_core(label: &str) -> String {
    let (_, rest) = split_numbering(label);
    let mut out = String::with_capacity(rest.len());
    let mut depth = 0usize;
    for c in rest.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            ' ' | '\t' | '*' | '#' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    while out.ends_with([':', ',', '。', ';', '、']) {
        out.pop();
    }
    out
}

/// Length of the longest common subsequence of two short strings, in characters.
/// Labels are short: the rows live on the stack up to 64 characters.
fn lcs(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut stack_prev = [0u16; 65];
    let mut stack_cur = [0u16; 65];
    let mut heap_prev;
    let mut heap_cur;
    let (prev, cur): (&mut [u16], &mut [u16]) = if b.len() < 65 {
        (&mut stack_prev[..=b.len()], &mut stack_cur[..=b.len()])
    } else {
        heap_prev = vec![0u16; b.len() + 1];
        heap_cur = vec![0u16; b.len() + 1];
        (&mut heap_prev, &mut heap_cur)
    };
    let (mut prev, mut cur) = (prev, cur);
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            let v = if x == y {
                prev.get(j).copied().unwrap_or(0).saturating_add(1)
            } else {
                prev.get(j + 1)
                    .copied()
                    .unwrap_or(0)
                    .max(cur.get(j).copied().unwrap_or(0))
            };
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev.last().copied().unwrap_or(0))
}

/// How well a printed label (its core) names a catalogue label, from 0 to 1.
///
/// 1.0: the same; 0.95: the printed label adds words after the catalogue's (a note
/// without brackets); 0.9: the printed label is the catalogue's cut short (at least
/// three characters); otherwise the share of the longer label found in order in
/// the other.
pub fn similarity(printed: &str, canonical: &str) -> f32 {
    if printed == canonical {
        return 1.0;
    }
    if printed.is_empty() || canonical.is_empty() {
        return 0.0;
    }
    let pc = printed.chars().count();
    let cc = canonical.chars().count();
    if printed.starts_with(canonical) && cc >= 2 {
        return 0.95;
    }
    if canonical.starts_with(printed) && pc >= 3 {
        return 0.9;
    }
    // The common subsequence is at most the shorter label: skip hopeless pairs.
    let bound = pc.min(cc) as f32 / pc.max(cc) as f32;
    if bound < 0.5 {
        return bound;
    }
    if pc > 64 || cc > 64 {
        let a: Vec<char> = printed.chars().collect();
        let b: Vec<char> = canonical.chars().collect();
        return lcs(&a, &b) as f32 / pc.max(cc) as f32;
    }
    lcs_word(printed.chars(), &word_row(canonical.chars()), cc) as f32 / pc.max(cc) as f32
}

/// Up to 64 characters of `b` as code points, the rest of the row filled with a value
/// no character has (so that it matches nothing).
fn word_row(b: impl Iterator<Item = char>) -> [u32; 64] {
    let mut row = [u32::MAX; 64];
    for (slot, c) in row.iter_mut().zip(b) {
        *slot = u32::from(c);
    }
    row
}

/// [`lcs`] of `a` and the first `blen` (at most 64) characters of `row` (see
/// [`word_row`]), one machine word per character of `a`: the bit-parallel form, where
/// `v` has a zero bit for each character of `b` matched so far.
fn lcs_word(a: impl Iterator<Item = char>, row: &[u32; 64], blen: usize) -> usize {
    let blen = blen.min(64);
    let mut v: u64 = !0;
    for x in a {
        let x = u32::from(x);
        let mut m: u64 = 0;
        for (j, &y) in row.iter().take(blen).enumerate() {
            m |= u64::from(x == y) << j;
        }
        let u = v & m;
        v = v.wrapping_add(u) | (v & !m);
    }
    let low = if blen == 64 { !0 } else { (1u64 << blen) - 1 };
    blen - (v & low).count_ones() as usize
}

/// At least [`similarity`]`(printed, canonical)`, for `printed` of `pc` characters,
/// without comparing characters: 1 where one label starts the other, else the share
/// of the longer label the shorter could at most match.
fn similarity_bound(printed: &str, pc: usize, canonical: &str) -> f32 {
    if printed.starts_with(canonical) || canonical.starts_with(printed) {
        return 1.0;
    }
    let cc = canonical.chars().count();
    if pc == 0 || cc == 0 {
        return 0.0;
    }
    pc.min(cc) as f32 / pc.max(cc) as f32
}

/// The most [`match_t3`] adds to a row's similarity (numbering and group), with a
/// margin for rounding.
const MAX_T3_BONUS: f32 = 0.05 + 0.03 + 0.001;

/// The score from which a fuzzy match is accepted.
pub const ACCEPT: f32 = 0.72;
/// The score below which an accepted match is reported as approximate.
pub const EXACT: f32 = 0.9;

/// A label of table 二.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum T2Label {
    /// A block caption `第二十条第(X)项`.
    Caption(T2Block),
    /// The header's first cell `信息内容`.
    HeaderStart,
    /// A column header, with the editions whose template has it and the score.
    Column(T2Col, f32),
    /// A row label.
    Row(T2Row, f32),
}

fn caption(i: &str) -> IResult<&str, char> {
    let (i, _) = tag("第二十条")(i)?;
    let (i, _) = opt(tag("第")).parse(i)?;
    let (i, n) = delimited(ch('('), satisfy(is_cn_digit), ch(')')).parse(i)?;
    Ok((i, n))
}

/// All 2019 and 2021 columns of table 二.
const T2_COLUMNS: [T2Col; 13] = [
    T2Col::NewlyMade,
    T2Col::NewlyPublished,
    T2Col::TotalPublished,
    T2Col::PreviousYearItems,
    T2Col::Change,
    T2Col::Decisions,
    T2Col::ProcurementProjects,
    T2Col::ProcurementAmount,
    T2Col::Issued,
    T2Col::Repealed,
    T2Col::InForce,
    T2Col::DecisionsThisYear,
    T2Col::FeeAmount,
];

const T2_ROWS: [T2Row; 8] = [
    T2Row::Rules,
    T2Row::NormativeDocuments,
    T2Row::Licensing,
    T2Row::OtherServices,
    T2Row::Penalties,
    T2Row::Enforcement,
    T2Row::Fees,
    T2Row::Procurement,
];

/// Match a label of table 二.
pub fn match_t2(label: &str) -> Option<T2Label> {
    let compact: std::borrow::Cow<'_, str> = if label.chars().any(char::is_whitespace) {
        label.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        label.into()
    };
    if let Ok((_, n)) = caption(&compact) {
        return T2Block::from_numeral(n).map(T2Label::Caption);
    }
    let core = label_core(label);
    if core.is_empty() {
        return None;
    }
    if core == super::T2_HEADER_LABEL {
        return Some(T2Label::HeaderStart);
    }
    if let Some(r) = T2_ROWS.iter().find(|r| r.labels().contains(&core.as_str())) {
        return Some(T2Label::Row(*r, 1.0));
    }
    if let Some(c) = T2_COLUMNS.iter().find(|c| c.key() == core) {
        return Some(T2Label::Column(*c, 1.0));
    }
    // Labels that cannot reach ACCEPT are not scored: they can be neither the answer
    // nor the best of their kind where the answer is decided (a row beats the columns
    // only from ACCEPT on, and a column is taken only from ACCEPT on).
    let pc = core.chars().count();
    let reachable = |l: &str| similarity_bound(&core, pc, l) >= ACCEPT;
    let best_row = T2_ROWS
        .iter()
        .flat_map(|&r| {
            let text = core.as_str();
            r.labels()
                .iter()
                .filter(|l| reachable(l))
                .map(move |l| (r, similarity(text, l)))
        })
        .fold(None, |best: Option<(T2Row, f32)>, (r, s)| match best {
            Some((_, bs)) if bs >= s => best,
            _ => Some((r, s)),
        });
    let best_col = T2_COLUMNS
        .iter()
        .filter(|&&c| reachable(c.key()) || (c == T2Col::Change && reachable("本年增减")))
        .map(|&c| (c, column_similarity(&core, c)))
        .fold(None, |best: Option<(T2Col, f32)>, (c, s)| match best {
            Some((_, bs)) if bs >= s => best,
            _ => Some((c, s)),
        });
    match (best_row, best_col) {
        (Some((r, rs)), col) if rs >= ACCEPT && col.is_none_or(|(_, cs)| rs >= cs) => {
            Some(T2Label::Row(r, rs))
        }
        (_, Some((c, cs))) if cs >= ACCEPT => Some(T2Label::Column(c, cs)),
        _ => None,
    }
}

fn column_similarity(core: &str, col: T2Col) -> f32 {
    let key = col.key();
    let s = similarity(core, key);
    // `本年增/减` is also printed `本年增减`.
    if col == T2Col::Change {
        return s.max(similarity(core, "本年增减"));
    }
    s
}

/// A label of table 三.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum T3Label {
    /// Header text (the corner note, `申请人情况`, a column name).
    Header,
    /// A group label without numbers of its own.
    Group(T3Group),
    /// A data row, with the match score.
    Row(T3Row, f32),
}

/// Match a label of table 三, given the group the previous rows were in and whether
/// the table's rows have begun.
pub fn match_t3(label: &str, group: Option<T3Group>, in_rows: bool) -> Option<T3Label> {
    let (num, _) = split_numbering(label);
    let core = label_core(label);
    if core.is_empty() {
        return None;
    }
    if T3_HEADER_LABELS
        .iter()
        .any(|h| core.starts_with(h) || core.contains(h))
    {
        return Some(T3Label::Header);
    }
    if num.is_none() && !in_rows && super::T3_COLUMNS.iter().any(|c| c.label() == core) {
        return Some(T3Label::Header);
    }
    // Most labels are printed as the template has them: try that first.
    if let Some(g) = T3Group::ALL.iter().find(|g| {
        g.label() == core
            && **g != T3Group::OtherProcessing
            && num.is_none_or(|n| n == g.numbering())
    }) {
        return Some(T3Label::Group(*g));
    }
    let exact = T3_ROWS.iter().find(|d| {
        d.label == core
            && num.is_none_or(|n| n == d.numbering)
            && (d.row != T3Row::OtherOther || group == Some(T3Group::OtherProcessing))
            && (d.row != T3Row::ResultsTotal || num.is_some() || in_rows)
    });
    if let Some(d) = exact {
        return Some(T3Label::Row(d.row, 1.0));
    }
    let pc = core.chars().count();
    // Groups: `(三)不予公开`, `三、本年度办理结果`.
    for g in T3Group::ALL {
        if similarity_bound(&core, pc, g.label()) < EXACT {
            continue;
        }
        let s = similarity(&core, g.label());
        let num_ok = num.is_none_or(|n| n == g.numbering());
        if s >= EXACT && num_ok && g != T3Group::OtherProcessing {
            return Some(T3Label::Group(g));
        }
    }
    // `(六)其他` stands for `(六)其他处理`.
    if num == Some(Numbering::Paren(6)) && core.starts_with("其他") {
        let score = if core == "其他处理" { 1.0 } else { 0.9 };
        return Some(T3Label::Row(T3Row::OtherProcessing, score));
    }
    let mut best: Option<(T3Row, f32)> = None;
    for d in T3_ROWS {
        // A row that cannot reach ACCEPT with every bonus can neither be returned nor
        // keep a later row from being the best: it is not scored.
        if similarity_bound(&core, pc, d.label) + MAX_T3_BONUS < ACCEPT {
            continue;
        }
        let mut s = similarity(&core, d.label);
        if s < 0.5 {
            continue;
        }
        match (num, d.numbering) {
            (Some(a), b) if a == b => s += 0.05,
            (Some(Numbering::Arabic(_)), Numbering::Arabic(_)) => s -= 0.1,
            (Some(_), _) => s -= 0.15,
            (None, _) => {}
        }
        // Sub-rows are told apart by their group when labels are short (`3.其他`).
        if d.group.is_some() && d.group == group {
            s += 0.03;
        }
        if d.row == T3Row::OtherOther && group != Some(T3Group::OtherProcessing) {
            continue;
        }
        if d.row == T3Row::ResultsTotal && num.is_none() && !in_rows {
            continue;
        }
        if best.is_none_or(|(_, bs)| s > bs) {
            best = Some((d.row, s));
        }
    }
    match best {
        Some((r, s)) if s >= ACCEPT => Some(T3Label::Row(r, s.min(1.0))),
        _ => None,
    }
}

/// Whether a line numbered like a section (`一、`, `四、`) is in fact a row or group
/// label of table 三 (`一、本年新收政府信息公开申请数量`, `四、结转下年度继续办理`,
/// `三、本年度办理结果`).
pub fn is_t3_numbered_row(label: &str) -> bool {
    let core = label_core(label);
    let mut labels = T3_ROWS
        .iter()
        .filter(|d| matches!(d.numbering, Numbering::Chinese(_)))
        .map(|d| d.label)
        .chain(std::iter::once(T3Group::Results.label()));
    let pc = core.chars().count();
    labels.clone().any(|l| l == core)
        || labels
            .any(|l| similarity_bound(&core, pc, l) >= ACCEPT && similarity(&core, l) >= ACCEPT)
}

/// Whether a label is a header cell of table 四.
pub fn is_t4_header(label: &str) -> bool {
    let core = label_core(label);
    !core.is_empty()
        && T4_HEADER_LABELS
            .iter()
            .any(|h| core == *h || (core.chars().count() >= 2 && h.contains(core.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lcs_agrees_with_the_table() {
        let word = |a: &str, b: &str| lcs_word(a.chars(), &word_row(b.chars()), b.chars().count());
        assert_eq!(word("abc", "ac"), 2);
        assert_eq!(word("", "a"), 0);
        assert_eq!(word("x", ""), 0);
        // Pseudo-random strings over a small alphabet (many matches), every length
        // up to 64 for `b`, including a full word.
        let alphabet = ['申', '请', '公', '开', '其', '他', 'a'];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..2000 {
            let la = (next() % 70) as usize;
            let lb = if round % 50 == 0 {
                64
            } else {
                (next() % 65) as usize
            };
            let a: Vec<char> = (0..la)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let b: Vec<char> = (0..lb)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let short = lcs_word(a.iter().copied(), &word_row(b.iter().copied()), b.len());
            assert_eq!(short, lcs(&a, &b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(chinese_numeral("十二"), Some(12));
        assert_eq!(chinese_numeral("二十"), Some(20));
        assert_eq!(chinese_numeral("七"), Some(7));
        assert_eq!(chinese_numeral("x"), None);
    }

    #[test]
    fn numbering_prefixes() {
        assert_eq!(
            split_numbering("一、本年新收").0,
            Some(Numbering::Chinese(1))
        );
        assert_eq!(
            split_numbering("三 、本年度").0,
            Some(Numbering::Chinese(3))
        );
        assert_eq!(split_numbering("(七)总计").0, Some(Numbering::Paren(7)));
        assert_eq!(split_numbering("3、其他").0, Some(Numbering::Arabic(3)));
        assert_eq!(split_numbering("(1)其他").0, Some(Numbering::Arabic(1)));
        assert_eq!(split_numbering("2021年").0, None);
    }

    #[test]
    fn t3_rows_of_both_editions() {
        let r = |l: &str, g| match match_t3(l, g, true) {
            Some(T3Label::Row(r, _)) => Some(r),
            _ => None,
        };
        assert_eq!(
            r("一、本年新收政府信息公开申请数量", None),
            Some(T3Row::NewRequests)
        );
        assert_eq!(
            r("(六)其他处理", Some(T3Group::NotProcessed)),
            Some(T3Row::OtherProcessing)
        );
        assert_eq!(
            r(
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息申请",
                Some(T3Group::OtherProcessing)
            ),
            Some(T3Row::OtherNoCorrection)
        );
        assert_eq!(
            r(
                "2.申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请",
                Some(T3Group::OtherProcessing)
            ),
            Some(T3Row::OtherUnpaidFee)
        );
        assert_eq!(
            r("3.其他", Some(T3Group::OtherProcessing)),
            Some(T3Row::OtherOther)
        );
        assert_eq!(r("3.其他", Some(T3Group::Withheld)), None);
        assert_eq!(r("(七)总计", None), Some(T3Row::ResultsTotal));
        assert_eq!(
            r("四、结转下年度继续办理", None),
            Some(T3Row::CarriedForward)
        );
        assert_eq!(
            r("5.要求行政机关确认或重新出具", Some(T3Group::NotProcessed)),
            Some(T3Row::NotProcessedConfirmation)
        );
        assert_eq!(
            r("3.危及“三安全一稳定”", Some(T3Group::Withheld)),
            Some(T3Row::WithheldThreeSafeties)
        );
        assert_eq!(
            r("3.危及\"三安全一稳定\"", Some(T3Group::Withheld)),
            Some(T3Row::WithheldThreeSafeties)
        );
        assert_eq!(
            match_t3("三、本年度办理结果", None, true),
            Some(T3Label::Group(T3Group::Results))
        );
        assert_eq!(match_t3("其他", None, false), Some(T3Label::Header));
        assert_eq!(match_t3("计其他情形)", Some(T3Group::Results), true), None);
    }

    #[test]
    fn t2_labels() {
        assert!(matches!(
            match_t2("本年新"),
            Some(T2Label::Column(T2Col::NewlyMade, _))
        ));
        assert!(matches!(
            match_t2("本年制发件数"),
            Some(T2Label::Column(T2Col::Issued, _))
        ));
        assert!(matches!(
            match_t2("本年收费金额(单位:万元)"),
            Some(T2Label::Column(T2Col::FeeAmount, _))
        ));
        assert!(matches!(
            match_t2("上一年项目数量(指2019年事项数)"),
            Some(T2Label::Column(T2Col::PreviousYearItems, _))
        ));
        assert!(matches!(
            match_t2("行政规范性文件"),
            Some(T2Label::Row(T2Row::NormativeDocuments, _))
        ));
        assert!(matches!(
            match_t2("规范性档案"),
            Some(T2Label::Row(T2Row::NormativeDocuments, _))
        ));
        assert_eq!(
            match_t2("第二十条第(九)项"),
            Some(T2Label::Caption(T2Block::Item9))
        );
        assert_eq!(match_t2("信息内容"), Some(T2Label::HeaderStart));
        assert_eq!(match_t2("该部分以表格形式报告。表格如下:"), None);
    }
}

#[cfg(test)]
mod examples {
    #[test]
    fn split_numbering() {
        use crate::catalogue::{matching::split_numbering, Numbering};
        assert_eq!(
            split_numbering("(三) 不予公开"),
            (Some(Numbering::Paren(3)), "不予公开")
        );
        assert_eq!(
            split_numbering("2.重复申请"),
            (Some(Numbering::Arabic(2)), "重复申请")
        );
        assert_eq!(split_numbering("规章"), (None, "规章"));
    }

    #[test]
    fn label_core() {
        use crate::catalogue::matching::label_core;
        assert_eq!(
            label_core("(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
            "部分公开"
        );
        assert_eq!(label_core("本年收费金额(单位:万元)"), "本年收费金额");
        assert_eq!(label_core("(二)部分公开(区分处理的,只计这一情"), "部分公开");
    }

    #[test]
    fn match_t2() {
        use crate::catalogue::{
            matching::{match_t2, T2Label},
            T2Block, T2Row,
        };
        assert_eq!(
            match_t2("第二十条第(五)项"),
            Some(T2Label::Caption(T2Block::Item5))
        );
        assert!(matches!(
            match_t2("规范性文件"),
            Some(T2Label::Row(T2Row::NormativeDocuments, _))
        ));
    }

    #[test]
    fn match_t3() {
        use crate::catalogue::{
            matching::{match_t3, T3Label},
            T3Group, T3Row,
        };
        assert!(matches!(
            match_t3("2.其他法律行政止公开", Some(T3Group::Withheld), true),
            Some(T3Label::Row(T3Row::WithheldByLaw, _))
        ));
        assert_eq!(
            match_t3("(三)不予公开", None, true),
            Some(T3Label::Group(T3Group::Withheld))
        );
    }
}
