//! `PROSE-TABLE`: figures stated in 一、总体情况 against the tables (template §4.4).
//!
//! The section's text is read with all whitespace removed (PDF text breaks lines and
//! pads numbers anywhere: `受理政府\n信息公开申请 17 件`) and cut into sentences (at
//! `。；！？` and line ends) and clauses (at `，：（）` as well). At every position a
//! *keyword* is tried; a statement is the keyword, a short gap without digits or
//! punctuation, an optional `共|共计|合计|总计|为|达`, a whole count and a unit
//! (`件 条 个 份 起 宗 例 项`). The keywords, and the table figure each states:
//!
//! | keyword | figure | table |
//! |---|---|---|
//! | `收到 受理 新收 接收 接到` …`申请` | requests received | 三 本年新收 总计 (or 本年新收 + 上年结转) |
//! | `办结 答复 办理` (gap: none, `申请`, `完成`…) | requests handled | 三 (七)总计 |
//! | `予以公开 同意公开` | disclosed | 三 (一)予以公开 |
//! | `部分公开` | partly disclosed | 三 (二)部分公开 |
//! | `予以公开及部分公开` … | both | (一) + (二) |
//! | `不予公开` / `无法提供` / `不予处理` / `其他处理` | the group | the sum of its rows |
//! | `上年结转 上年度结转` | carried over | 三 二、上年结转 |
//! | `结转下年度 转下一年度 顺延到下年度` … (also `103件顺延到下年度`) | carried forward | 三 四、结转下年度继续办理 |
//! | `行政复议` (+`案件 案 申请`) | reviews | 四 行政复议 总计 |
//! | `行政诉讼` | lawsuits | 四 both 行政诉讼 groups' 总计 |
//! | `直接起诉` / `复议后起诉` | one group | its 总计 |
//! | `结果维持 维持`, `结果纠正 纠正 纠错`, `其他结果`, `尚未审结 未审结` after one of the four above in the same sentence | an outcome | that column of the group(s) |
//! | `规章`, `规范性文件` with `现行有效`, `废止`, or `制发 新增 出台 印发 制定 主动公开 公开` before them in the clause | documents | 二 第二十条第(一)项, the column the word names |
//!
//! Not compared: approximate figures (`约 近 逾 超过 不到` before the count, `余 多
//! 以上 左右 万` after it), ranges (`10-20件`, `10至20件`), percentages, aggregates
//! (`等` between keyword and count), statements about another period (`上年 去年
//! 同比 较上年 累计 历年 以来` before the keyword in its clause, or a year other than
//! the report's before it in its sentence) and about a wider scope (`全市 全省 全区
//! 全县 全州 全国 各级 全系统` in the sentence, unless the report is that area's own
//! people's government, `淮安市人民政府` stating `全市`). Statements whose table
//! figure has a cell that is not a number are not compared either.
//!
//! A figure agrees when one of its statements equals the table; otherwise one
//! warning names the first statement (its place in the prose is a [`Label`]) and the
//! table cells (the finding points at the first).

use super::arith::{operand, result_leaves, sum};
use super::{CellRef, Code, Cx, Finding, FindingSink, Label};
use crate::catalogue::{Edition, T2Block, T2Col, T2Row, T3Col, T3Row, T4Col, T4Row, Topic};
use crate::model::{Decimal, Report};
use std::borrow::Cow;

/// Which appeals group(s) a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Appeal {
    /// 行政复议.
    Review,
    /// 行政诉讼, both groups.
    Litigation,
    /// 行政诉讼/未经复议直接起诉.
    Direct,
    /// 行政诉讼/复议后起诉.
    AfterReview,
}

/// What a statement states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Figure {
    Received,
    Handled,
    Disclosed,
    Partly,
    DisclosedOrPartly,
    Withheld,
    Unable,
    NotProcessed,
    OtherProcessing,
    CarriedOver,
    CarriedForward,
    /// A group total of table 四, or an outcome column (a keyword after a group in
    /// the same sentence).
    Appeals(Appeal, T4Col),
    /// Table 二 第二十条第(一)项: row and, once read from the clause, column.
    Documents(T2Row, Option<T2Col>),
}

impl Figure {
    fn name(self) -> &'static str {
        match self {
            Figure::Received => "requests received",
            Figure::Handled => "requests handled",
            Figure::Disclosed => "予以公开",
            Figure::Partly => "部分公开",
            Figure::DisclosedOrPartly => "予以公开及部分公开",
            Figure::Withheld => "不予公开",
            Figure::Unable => "无法提供",
            Figure::NotProcessed => "不予处理",
            Figure::OtherProcessing => "其他处理",
            Figure::CarriedOver => "上年结转",
            Figure::CarriedForward => "结转下年度",
            Figure::Appeals(Appeal::Review, _) => "行政复议",
            Figure::Appeals(Appeal::Litigation, _) => "行政诉讼",
            Figure::Appeals(Appeal::Direct, _) => "未经复议直接起诉",
            Figure::Appeals(Appeal::AfterReview, _) => "复议后起诉",
            Figure::Documents(T2Row::Rules, _) => "规章",
            Figure::Documents(..) => "规范性文件",
        }
    }
}

/// How the text after a keyword may read before the count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Up to 16 characters ending in `申请`.
    Request,
    /// Nothing, or one of a few words (`申请`, `完成`, …).
    Handled,
    /// Up to 4 characters.
    Short,
    /// `案件`, `案`, `申请` or nothing.
    Case,
}

struct Keyword {
    text: &'static str,
    figure: Figure,
    gap: Gap,
}

const fn kw(text: &'static str, figure: Figure, gap: Gap) -> Keyword {
    Keyword { text, figure, gap }
}

const OUTCOME_SLOT: Appeal = Appeal::Review;

/// Every keyword; the longest match at a position wins.
const KEYWORDS: &[Keyword] = &[
    kw("收到", Figure::Received, Gap::Request),
    kw("受理", Figure::Received, Gap::Request),
    kw("新收", Figure::Received, Gap::Request),
    kw("接收", Figure::Received, Gap::Request),
    kw("接到", Figure::Received, Gap::Request),
    kw("办结", Figure::Handled, Gap::Handled),
    kw("答复", Figure::Handled, Gap::Handled),
    kw("办理", Figure::Handled, Gap::Handled),
    kw("予以公开", Figure::Disclosed, Gap::Short),
    kw("同意公开", Figure::Disclosed, Gap::Short),
    kw("部分公开", Figure::Partly, Gap::Short),
    kw("予以公开及部分公开", Figure::DisclosedOrPartly, Gap::Short),
    kw("予以公开和部分公开", Figure::DisclosedOrPartly, Gap::Short),
    kw("予以公开或部分公开", Figure::DisclosedOrPartly, Gap::Short),
    kw("全部或部分公开", Figure::DisclosedOrPartly, Gap::Short),
    kw("公开及部分公开", Figure::DisclosedOrPartly, Gap::Short),
    kw("不予公开", Figure::Withheld, Gap::Short),
    kw("无法提供", Figure::Unable, Gap::Short),
    kw("不予处理", Figure::NotProcessed, Gap::Short),
    kw("其他处理", Figure::OtherProcessing, Gap::Short),
    kw("上年结转", Figure::CarriedOver, Gap::Short),
    kw("上年度结转", Figure::CarriedOver, Gap::Short),
    kw("上一年度结转", Figure::CarriedOver, Gap::Short),
    kw("结转下年度", Figure::CarriedForward, Gap::Short),
    kw("结转下一年度", Figure::CarriedForward, Gap::Short),
    kw("结转下一年", Figure::CarriedForward, Gap::Short),
    kw("结转至下年度", Figure::CarriedForward, Gap::Short),
    kw("结转到下年度", Figure::CarriedForward, Gap::Short),
    kw("转下一年度", Figure::CarriedForward, Gap::Handled),
    kw("转入下年度", Figure::CarriedForward, Gap::Short),
    kw("顺延到下年度", Figure::CarriedForward, Gap::Short),
    kw("顺延至下年度", Figure::CarriedForward, Gap::Short),
    kw(
        "行政复议",
        Figure::Appeals(Appeal::Review, T4Col::Total),
        Gap::Case,
    ),
    kw(
        "行政诉讼",
        Figure::Appeals(Appeal::Litigation, T4Col::Total),
        Gap::Case,
    ),
    kw(
        "直接起诉",
        Figure::Appeals(Appeal::Direct, T4Col::Total),
        Gap::Case,
    ),
    kw(
        "未经复议直接起诉",
        Figure::Appeals(Appeal::Direct, T4Col::Total),
        Gap::Case,
    ),
    kw(
        "复议后起诉",
        Figure::Appeals(Appeal::AfterReview, T4Col::Total),
        Gap::Case,
    ),
    // Outcomes: the group is that of the sentence's last appeals statement.
    kw(
        "结果维持",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Upheld),
        Gap::Short,
    ),
    kw(
        "维持",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Upheld),
        Gap::Short,
    ),
    kw(
        "结果纠正",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Corrected),
        Gap::Short,
    ),
    kw(
        "纠正",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Corrected),
        Gap::Short,
    ),
    kw(
        "纠错",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Corrected),
        Gap::Short,
    ),
    kw(
        "其他结果",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Other),
        Gap::Short,
    ),
    kw(
        "尚未审结",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Pending),
        Gap::Short,
    ),
    kw(
        "未审结",
        Figure::Appeals(OUTCOME_SLOT, T4Col::Pending),
        Gap::Short,
    ),
    kw("规章", Figure::Documents(T2Row::Rules, None), Gap::Short),
    kw(
        "规范性文件",
        Figure::Documents(T2Row::NormativeDocuments, None),
        Gap::Short,
    ),
    kw(
        "行政规范性文件",
        Figure::Documents(T2Row::NormativeDocuments, None),
        Gap::Short,
    ),
];

/// The longest keyword at the start of `here`, whose first character is `c`.
fn keyword_at(here: &str, c: char) -> Option<&'static Keyword> {
    // The keywords by first character, in list order (ties of length go to the
    // last, as `max_by_key` gives them): each position looks only at its own.
    static INDEX: std::sync::OnceLock<Vec<(char, Vec<&'static Keyword>)>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut v: Vec<(char, Vec<&'static Keyword>)> = Vec::new();
        for k in KEYWORDS {
            let Some(first) = k.text.chars().next() else {
                continue;
            };
            match v.iter_mut().find(|(f, _)| *f == first) {
                Some((_, ks)) => ks.push(k),
                None => v.push((first, vec![k])),
            }
        }
        v.sort_by_key(|(f, _)| *f);
        v
    });
    let at = index.binary_search_by_key(&c, |(f, _)| *f).ok()?;
    index
        .get(at)?
        .1
        .iter()
        .copied()
        .filter(|k| here.starts_with(k.text))
        .max_by_key(|k| k.text.len())
}

/// A figure found in the prose: what, the number, and the phrase as written, with
/// its byte range in the compacted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Statement<'a> {
    pub(super) figure: Figure,
    pub(super) value: Decimal,
    pub(super) text: &'a str,
    pub(super) range: std::ops::Range<usize>,
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

fn is_clause_break(c: char) -> bool {
    is_sentence_break(c)
        || matches!(
            c,
            '，' | ',' | '：' | ':' | '（' | '）' | '(' | ')' | '“' | '”' | '《' | '》'
        )
}

fn is_break(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || is_clause_break(c)
        || matches!(c, '、' | '％' | '—' | '～')
}

/// Bytes before a statement read for its period and scope (about 100 characters).
const LOOK_BACK: usize = 300;

/// The characters [`statements`] acts on: breaks ([`is_sentence_break`],
/// [`is_clause_break`]) and those that [`may_start`] a statement.
const MATTERING: &[char] = &[
    '。', '；', ';', '！', '？', '!', '?', '\n', '，', ',', '：', ':', '（', '）', '(', ')', '“',
    '”', '《', '》', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '收', '受', '新', '接',
    '办', '答', '予', '同', '部', '全', '公', '不', '无', '其', '上', '结', '转', '顺', '行', '直',
    '未', '复', '维', '纠', '尚', '规',
];

/// [`MATTERING`] as a bit set over the Basic Multilingual Plane (8 KiB, built at
/// compile time): one load per character of prose.
static MATTERING_BMP: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < MATTERING.len() {
        let c = MATTERING[i] as u32;
        if c < 0x1_0000 {
            bits[(c >> 6) as usize] |= 1 << (c & 63);
        }
        i += 1;
    }
    bits
};

/// Whether [`statements`] does anything at `c` (a unit test checks this against the
/// predicates).
fn may_matter(c: char) -> bool {
    let u = c as u32;
    if u >= 0x1_0000 {
        return MATTERING.contains(&c);
    }
    MATTERING_BMP
        .get((u >> 6) as usize)
        .is_some_and(|w| (w >> (u & 63)) & 1 == 1)
}

#[cfg(test)]
#[test]
fn mattering_characters_are_those_the_predicates_accept() {
    for u in 0..0x11_0000u32 {
        let Some(c) = char::from_u32(u) else {
            continue;
        };
        let acts = is_sentence_break(c) || is_clause_break(c) || may_start(c);
        assert_eq!(may_matter(c), acts, "{c:?}");
    }
}

/// The first characters of the keywords (and digits, for `103件顺延到下年度`); a
/// unit test checks the list against [`KEYWORDS`].
fn may_start(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '收' | '受'
                | '新'
                | '接'
                | '办'
                | '答'
                | '予'
                | '同'
                | '部'
                | '全'
                | '公'
                | '不'
                | '无'
                | '其'
                | '上'
                | '结'
                | '转'
                | '顺'
                | '行'
                | '直'
                | '未'
                | '复'
                | '维'
                | '纠'
                | '尚'
                | '规'
        )
}

#[cfg(test)]
#[test]
fn every_keyword_may_start() {
    for k in KEYWORDS {
        let first = k.text.chars().next().unwrap_or(' ');
        assert!(may_start(first), "{}", k.text);
    }
}

const UNITS: &[char] = &['件', '条', '个', '份', '起', '宗', '例', '项'];
const FILLERS: &[&str] = &["共计", "合计", "总计", "共", "计", "为", "达", "的有", "有"];
const APPROX_BEFORE: &[&str] = &["大约", "约", "将近", "近", "逾", "超过", "不到", "不足"];
const APPROX_AFTER: &[&str] = &["余", "多", "以上", "左右", "上下", "万", "千", "百"];
const HANDLED_GAPS: &[&str] = &[
    "政府信息公开申请",
    "依申请公开申请",
    "各类申请",
    "申请",
    "完成",
    "完毕",
    "完结",
    "了",
    "办理答复的",
    "办理的",
    "答复的",
    "的",
];
const CASE_GAPS: &[&str] = &["案件", "案", "申请"];
const OTHER_PERIOD: &[&str] = &[
    "上年",
    "上一年",
    "去年",
    "前年",
    "同比",
    "累计",
    "历年",
    "以来",
    "较上",
    "比上",
];
const SCOPES: &[&str] = &[
    "全市",
    "全省",
    "全区",
    "全县",
    "全州",
    "全旗",
    "全国",
    "各级",
    "全系统",
];

/// A whole count at the start of `i`, with the bytes it took (read by the crate's one
/// number grammar), unless it is a decimal, a part of a range or a percentage.
fn count(i: &str) -> Option<(Decimal, usize)> {
    #[cfg(test)]
    work::add(i);
    let (rest, value) = crate::lex::value::number(i).ok()?;
    if !value.is_integer() {
        return None;
    }
    let next = rest.chars().next();
    if matches!(
        next,
        Some('.' | '%' | '％' | '-' | '~' | '～' | '—' | '至' | '到')
    ) {
        return None;
    }
    Some((value, i.len() - rest.len()))
}

/// After a keyword at the start of `i` (of `kw.text.len()` bytes): the count and
/// the end of the statement, or why there is none (`None`).
fn tail(i: &str, k: &Keyword) -> Option<(Decimal, usize)> {
    let after = i.get(k.text.len()..)?;
    let mut starts: Vec<usize> = Vec::new();
    match k.gap {
        Gap::Request => {
            let mut at = 0;
            for _ in 0..=16 {
                let rest = after.get(at..)?;
                if let Some(r) = rest.strip_prefix("申请") {
                    starts.push(after.len() - r.len());
                }
                let c = rest.chars().next()?;
                if is_break(c) {
                    break;
                }
                at += c.len_utf8();
            }
        }
        Gap::Handled | Gap::Case => {
            starts.push(0);
            let gaps = if k.gap == Gap::Handled {
                HANDLED_GAPS
            } else {
                CASE_GAPS
            };
            for g in gaps {
                if after.starts_with(g) {
                    starts.push(g.len());
                }
            }
        }
        Gap::Short => {
            let mut at = 0;
            for _ in 0..=4 {
                starts.push(at);
                let c = after.get(at..)?.chars().next()?;
                if is_break(c) || c == '等' {
                    break;
                }
                at += c.len_utf8();
            }
        }
    }
    for s in starts {
        let Some(mut rest) = after.get(s..) else {
            continue;
        };
        if APPROX_BEFORE.iter().any(|a| rest.starts_with(a)) {
            return None;
        }
        for f in FILLERS {
            if let Some(r) = rest.strip_prefix(f) {
                rest = r;
                break;
            }
        }
        if APPROX_BEFORE.iter().any(|a| rest.starts_with(a)) {
            return None;
        }
        let Some((value, used)) = count(rest) else {
            continue;
        };
        let unit_rest = rest.get(used..).unwrap_or("");
        if APPROX_AFTER.iter().any(|a| unit_rest.starts_with(a)) {
            return None;
        }
        let Some(unit) = unit_rest.chars().next().filter(|c| UNITS.contains(c)) else {
            continue;
        };
        let after_unit = unit_rest.get(unit.len_utf8()..).unwrap_or("");
        if ["以上", "左右", "上下"]
            .iter()
            .any(|a| after_unit.starts_with(a))
        {
            return None;
        }
        let end = i.len() - after_unit.len();
        return Some((value, end));
    }
    None
}

/// `103件顺延到下年度`: a count, a unit, up to two characters and a carry-forward
/// keyword.
fn reverse(i: &str) -> Option<(Decimal, usize)> {
    let (value, used) = count(i)?;
    let rest = i.get(used..)?;
    let unit = rest.chars().next().filter(|c| UNITS.contains(c))?;
    let mut at = rest.get(unit.len_utf8()..)?;
    for _ in 0..=2 {
        if let Some(k) = KEYWORDS
            .iter()
            .filter(|k| k.figure == Figure::CarriedForward)
            .find(|k| at.starts_with(k.text))
        {
            let end = i.len() - at.len() + k.text.len();
            return Some((value, end));
        }
        let c = at.chars().next()?;
        if is_break(c) {
            return None;
        }
        at = at.get(c.len_utf8()..)?;
    }
    None
}

/// The report's context for deciding what is comparable.
#[derive(Default)]
pub(super) struct Context {
    /// The report's year.
    pub(super) year: Option<u16>,
    /// The area characters (`市`, `区`, …) whose whole scope the report covers: the
    /// report is that area's people's government's own.
    pub(super) area: Option<char>,
}

impl Context {
    fn of(report: &Report) -> Context {
        let agency = report.metadata.agency.as_ref().map(|a| a.value.as_str());
        let area = agency.and_then(|a| {
            let head = a
                .strip_suffix("人民政府")
                .or_else(|| a.strip_suffix("政府"))?;
            head.chars()
                .last()
                .filter(|c| matches!(c, '市' | '省' | '区' | '县' | '州' | '旗'))
        });
        Context {
            year: report.metadata.year.as_ref().map(|y| y.value),
            area,
        }
    }
}

/// Whether the sentence before a statement puts it in another period or scope.
fn other_period_or_scope(sentence: &str, clause: &str, cx: &Context) -> bool {
    if OTHER_PERIOD.iter().any(|w| clause.contains(w)) {
        return true;
    }
    for s in SCOPES {
        if sentence.contains(s) {
            let own = s.chars().nth(1).is_some_and(|c| Some(c) == cx.area);
            if !own {
                return true;
            }
        }
    }
    // A year other than the report's.
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (n, &(at, c)) in chars.iter().enumerate() {
        if c != '年' || n < 4 {
            continue;
        }
        let Some(digits) = sentence.get(chars.get(n - 4).map_or(at, |p| p.0)..at) else {
            continue;
        };
        let before_ok = n < 5 || !chars.get(n - 5).is_some_and(|p| p.1.is_ascii_digit());
        if before_ok && digits.chars().all(|d| d.is_ascii_digit()) {
            if let (Ok(y), Some(report)) = (digits.parse::<u16>(), cx.year) {
                if (1990..=2100).contains(&y) && y != report {
                    return true;
                }
            }
        }
    }
    false
}

/// The table 二 column a clause names for documents, if any.
fn document_column(clause: &str, edition: Edition) -> Option<T2Col> {
    let has = |ws: &[&str]| ws.iter().any(|w| clause.contains(w));
    if has(&["现行有效"]) {
        return (edition == Edition::E2021).then_some(T2Col::InForce);
    }
    if has(&["废止"]) {
        return (edition == Edition::E2021).then_some(T2Col::Repealed);
    }
    match edition {
        Edition::E2021 if has(&["制发", "新增", "出台", "印发", "制定", "公开"]) => {
            Some(T2Col::Issued)
        }
        Edition::E2019 if has(&["新制作", "制发", "制定", "出台", "印发"]) => {
            Some(T2Col::NewlyMade)
        }
        Edition::E2019 if has(&["公开"]) => Some(T2Col::NewlyPublished),
        _ => None,
    }
}

/// Every comparable figure stated in `text` (whitespace removed), in order, not
/// overlapping.
#[cfg(test)]
pub(super) fn statements<'a>(text: &'a str, cx: &Context, edition: Edition) -> Vec<Statement<'a>> {
    let mut out = Vec::new();
    each_statement(text, cx, edition, |s| out.push(s));
    out
}

/// Where the number at the start of `i` (a digit) can be read by [`reverse`]: the
/// digit positions of its whole part (the digit run and the `,ddd` groups after it,
/// as the number grammar reads them), in the order the scan of [`each_statement`]
/// meets them.
///
/// From every one of these positions the grammar reads to the same end, and what
/// follows (decimals, unit, keyword) is the same: only whether the digits from there
/// fit in the mantissa differs, and dropping leading digits never makes that worse.
/// So the first position that reads a statement is found without reading from each
/// digit (which took time quadratic in the run's length): one read from the last
/// digit tells whether any position can; positions with more than 19 significant
/// digits cannot; of the others, positions before the same first nonzero digit read
/// the same mantissa, so one read decides them all. The whole part is walked once,
/// and at most 21 reads are made, each over at most 19 significant digits (the first
/// also over a run of leading zeros).
///
/// Returns the first position with what [`reverse`] read there, or `Err` with the
/// end of the whole part when no position reads a statement.
fn reverse_in_number(i: &str) -> Result<(usize, (Decimal, usize)), usize> {
    let bytes = i.as_bytes();
    let head = crate::syntax::digit_run(i);
    // The `,ddd` groups after the run.
    let mut end = head;
    let mut groups = 0usize;
    while bytes.get(end) == Some(&b',') && i.get(end + 1..).map(crate::syntax::digit_run) == Some(3)
    {
        end += 4;
        groups += 1;
    }
    if end == 0 {
        return Err(0);
    }
    // Digits in `from..end` (commas are at `head + 4k`).
    let digits_from = |from: usize| -> usize {
        let commas_before = if from <= head {
            0
        } else {
            (from - head).div_ceil(4)
        };
        (end - from) - (groups - commas_before.min(groups))
    };
    // The digit position after `at` (skipping a group's comma).
    let next_digit = |at: usize| -> usize {
        if bytes.get(at + 1) == Some(&b',') {
            at + 2
        } else {
            at + 1
        }
    };
    if reverse(i.get(end - 1..).unwrap_or("")).is_none() {
        return Err(end);
    }
    let mut j = 0;
    // The first nonzero digit at or after `j` (moves forward only).
    let mut s = 0;
    while j < end {
        s = s.max(j);
        while s < end && matches!(bytes.get(s), Some(b'0' | b',')) {
            s += 1;
        }
        if s < end && digits_from(s) > 19 {
            // Twenty significant digits or more: at least 10^19, above i64::MAX.
            j = next_digit(s);
            continue;
        }
        if let Some(found) = i.get(j..).and_then(reverse) {
            return Ok((j, found));
        }
        if s >= end {
            break;
        }
        j = next_digit(s);
    }
    Err(end)
}

/// Every comparable figure stated in `text` (whitespace removed), in order, not
/// overlapping, given to `out` one at a time.
pub(super) fn each_statement<'a>(
    text: &'a str,
    cx: &Context,
    edition: Edition,
    mut out: impl FnMut(Statement<'a>),
) {
    let mut pos = 0;
    let mut sentence_start = 0;
    let mut clause_start = 0;
    // The appeals group of the sentence's last group statement, for outcomes.
    let mut group: Option<Appeal> = None;
    while pos < text.len() {
        // The next character that matters, from `pos`.
        let Some((at, c)) = text
            .get(pos..)
            .and_then(|rest| rest.char_indices().find(|&(_, c)| may_matter(c)))
        else {
            break;
        };
        pos += at;
        let Some(here) = text.get(pos..) else {
            break;
        };
        if is_sentence_break(c) {
            sentence_start = pos + c.len_utf8();
            clause_start = sentence_start;
            group = None;
        } else if is_clause_break(c) {
            clause_start = pos + c.len_utf8();
        }
        if !may_start(c) {
            pos += c.len_utf8();
            continue;
        }
        #[cfg(test)]
        if c.is_ascii_digit() && work::naive() {
            // The scan as it was: a read from every digit.
            match reverse(here) {
                Some((value, end)) => {
                    let read = (Figure::CarriedForward, value, end);
                    let at = (sentence_start, clause_start);
                    if let Some(s) = statement_at(text, here, pos, at, read, group, cx, edition) {
                        out(s);
                    }
                    pos += end.max(1);
                }
                None => pos += 1,
            }
            continue;
        }
        if c.is_ascii_digit() {
            // No keyword starts with a digit: only `103件顺延到下年度` can start here,
            // at this digit or a later one of the same number.
            let (skip, found) = match reverse_in_number(here) {
                Ok((at, found)) => (at, Some(found)),
                Err(end) => (end, None),
            };
            // The groups' commas passed over are clause breaks.
            if let Some(comma) = here.get(..skip).and_then(|h| h.rfind(',')) {
                clause_start = pos + comma + 1;
            }
            let Some((value, end)) = found else {
                pos += skip.max(1);
                continue;
            };
            pos += skip;
            let Some(here) = text.get(pos..) else {
                break;
            };
            if let Some(s) = statement_at(
                text,
                here,
                pos,
                (sentence_start, clause_start),
                (Figure::CarriedForward, value, end),
                group,
                cx,
                edition,
            ) {
                out(s);
            }
            pos += end.max(1);
            continue;
        }
        let keyword = keyword_at(here, c);
        // A group named without a count still sets the sentence's group.
        if let Some(Keyword {
            figure: Figure::Appeals(g, T4Col::Total),
            ..
        }) = keyword
        {
            group = Some(*g);
        }
        let Some((k, (value, end))) = keyword.and_then(|k| Some((k, tail(here, k)?))) else {
            pos += c.len_utf8();
            continue;
        };
        if let Some(s) = statement_at(
            text,
            here,
            pos,
            (sentence_start, clause_start),
            (k.figure, value, end),
            group,
            cx,
            edition,
        ) {
            out(s);
        }
        pos += end.max(c.len_utf8());
    }
}

/// The statement read at `pos` (`here` is the text from there), `end` bytes long,
/// unless its figure is not one compared or it is about another period or scope.
#[allow(clippy::too_many_arguments)]
fn statement_at<'a>(
    text: &'a str,
    here: &str,
    pos: usize,
    (sentence_start, clause_start): (usize, usize),
    (figure, value, end): (Figure, Decimal, usize),
    group: Option<Appeal>,
    cx: &Context,
    edition: Edition,
) -> Option<Statement<'a>> {
    // What comes before the statement, at most LOOK_BACK bytes of it (a sentence
    // without an end is not read again for each of its statements).
    let back = |from: usize| {
        let mut s = from.max(pos.saturating_sub(LOOK_BACK));
        while s < pos && !text.is_char_boundary(s) {
            s += 1;
        }
        text.get(s..pos).unwrap_or("")
    };
    let sentence = back(sentence_start);
    let clause = back(clause_start);
    let figure = match figure {
        Figure::Appeals(_, col) if col != T4Col::Total => group.map(|g| Figure::Appeals(g, col)),
        // `规章制度` (rules and regulations of an office) are not 规章.
        Figure::Documents(T2Row::Rules, _) if here.starts_with("规章制度") => None,
        Figure::Documents(row, _) => {
            document_column(clause, edition).map(|col| Figure::Documents(row, Some(col)))
        }
        f => Some(f),
    }?;
    if other_period_or_scope(sentence, clause, cx) {
        return None;
    }
    Some(Statement {
        figure,
        value,
        text: text.get(pos..pos + end)?,
        range: pos..pos + end,
    })
}

/// The table figure a statement is compared with: the cells (first the one pointed
/// at), their sum, and the other values that agree with it.
fn targets(report: &Report, figure: Figure) -> Option<(Vec<CellRef>, Decimal, Vec<Decimal>)> {
    let t3 = |rows: &[T3Row]| -> Option<(Vec<CellRef>, Decimal, Vec<Decimal>)> {
        let t = report.tables.requests.as_ref()?;
        let cells: Vec<_> = rows.iter().map(|&r| (r, t.cell(r, T3Col::Total))).collect();
        let values: Vec<Decimal> = cells
            .iter()
            .map(|(_, c)| operand(*c).ok())
            .collect::<Option<_>>()?;
        let total = sum(values)?;
        let refs = cells
            .into_iter()
            .map(|(r, c)| CellRef::t3(r, T3Col::Total, c))
            .collect();
        Some((refs, total, Vec::new()))
    };
    let group = |pred: fn(T3Row) -> bool| -> Option<Vec<T3Row>> {
        let t = report.tables.requests.as_ref()?;
        Some(
            result_leaves(t, report.edition)
                .into_iter()
                .filter(|&r| pred(r))
                .collect(),
        )
    };
    match figure {
        Figure::Received => {
            let (refs, n, _) = t3(&[T3Row::NewRequests])?;
            let mut also = Vec::new();
            if let Some((_, c, _)) = t3(&[T3Row::CarriedOver]) {
                also.extend(n.checked_add(c));
            }
            Some((refs, n, also))
        }
        Figure::Handled => t3(&[T3Row::ResultsTotal]),
        Figure::Disclosed => t3(&[T3Row::Disclosed]),
        Figure::Partly => t3(&[T3Row::PartlyDisclosed]),
        Figure::DisclosedOrPartly => t3(&[T3Row::Disclosed, T3Row::PartlyDisclosed]),
        Figure::Withheld => t3(&group(|r| {
            matches!(
                r,
                T3Row::WithheldStateSecret
                    | T3Row::WithheldByLaw
                    | T3Row::WithheldThreeSafeties
                    | T3Row::WithheldThirdParty
                    | T3Row::WithheldInternalAffairs
                    | T3Row::WithheldProcessInfo
                    | T3Row::WithheldEnforcementFiles
                    | T3Row::WithheldInquiry
            )
        })?),
        Figure::Unable => t3(&group(|r| {
            matches!(
                r,
                T3Row::UnableNotHeld | T3Row::UnableNeedsCreation | T3Row::UnableUnclear
            )
        })?),
        Figure::NotProcessed => t3(&group(|r| {
            matches!(
                r,
                T3Row::NotProcessedComplaint
                    | T3Row::NotProcessedRepeated
                    | T3Row::NotProcessedPublication
                    | T3Row::NotProcessedExcessive
                    | T3Row::NotProcessedConfirmation
            )
        })?),
        Figure::OtherProcessing => t3(&group(|r| {
            matches!(
                r,
                T3Row::OtherProcessing
                    | T3Row::OtherNoCorrection
                    | T3Row::OtherUnpaidFee
                    | T3Row::OtherOther
            )
        })?),
        Figure::CarriedOver => t3(&[T3Row::CarriedOver]),
        Figure::CarriedForward => t3(&[T3Row::CarriedForward]),
        Figure::Appeals(group, col) => {
            let t = report.tables.appeals.as_ref()?;
            let rows: &[T4Row] = match group {
                Appeal::Review => &[T4Row::Review],
                Appeal::Litigation => &[T4Row::DirectLitigation, T4Row::LitigationAfterReview],
                Appeal::Direct => &[T4Row::DirectLitigation],
                Appeal::AfterReview => &[T4Row::LitigationAfterReview],
            };
            let cells: Vec<_> = rows.iter().map(|&r| (r, t.cell(r, col))).collect();
            let values: Vec<Decimal> = cells
                .iter()
                .map(|(_, c)| operand(*c).ok())
                .collect::<Option<_>>()?;
            let total = sum(values)?;
            let refs = cells
                .into_iter()
                .map(|(r, c)| CellRef::t4(r, col, c))
                .collect();
            Some((refs, total, Vec::new()))
        }
        Figure::Documents(row, Some(col)) => {
            let t = report.tables.active_disclosure.as_ref()?;
            let cell = t.slot(row, col)?.as_ref();
            let n = operand(cell).ok()?;
            Some((
                vec![CellRef::t2(t.edition(), T2Block::Item1, row, col, cell)],
                n,
                Vec::new(),
            ))
        }
        Figure::Documents(_, None) => None,
    }
}

/// Whitespace, as removed from the overview's text (no whitespace above U+3000: CJK
/// text is decided by one comparison).
fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// The overview section, its index, and its text without whitespace (borrowed when
/// it has none).
fn overview(report: &Report) -> Option<(usize, &crate::model::Section, Cow<'_, str>)> {
    let (index, section) = report
        .sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.topic == Some(Topic::Overview))?;
    let body = section.body.as_str();
    if !body.chars().any(is_space) {
        return Some((index, section, Cow::Borrowed(body)));
    }
    let mut compact = String::with_capacity(body.len());
    // Runs of non-whitespace characters are copied whole.
    let mut run: Option<usize> = None;
    for (at, c) in body.char_indices() {
        if is_space(c) {
            if let Some(from) = run.take() {
                compact.push_str(body.get(from..at).unwrap_or(""));
            }
        } else if run.is_none() {
            run = Some(at);
        }
    }
    if let Some(from) = run {
        compact.push_str(body.get(from..).unwrap_or(""));
    }
    Some((index, section, Cow::Owned(compact)))
}

/// The body offsets of the bytes at `compact` offsets (ascending) of the body's text
/// without whitespace, in one walk over the body.
fn body_offsets(body: &str, compact: &[usize]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(compact.len());
    let mut wanted = compact.iter().copied().peekable();
    // Compact offset of the next character of the body that is not whitespace.
    let mut seen = 0usize;
    for (at, c) in body.char_indices() {
        if is_space(c) {
            continue;
        }
        let len = c.len_utf8();
        while let Some(w) = wanted.next_if(|&w| w < seen + len) {
            out.push(w.checked_sub(seen).map(|d| at + d));
        }
        seen += len;
        if wanted.peek().is_none() {
            break;
        }
    }
    out.resize(compact.len(), None);
    out
}

/// Every statement compared with the table: what, the phrase, the value stated and
/// the table's value (for tests and for the corpus survey).
#[cfg(test)]
pub(super) fn compared(report: &Report) -> Vec<(Figure, String, Decimal, Decimal)> {
    let Some((_, _, compact)) = overview(report) else {
        return Vec::new();
    };
    let context = Context::of(report);
    statements(&compact, &context, report.edition)
        .into_iter()
        .filter_map(|s| {
            let (_, actual, also) = targets(report, s.figure)?;
            let table = if also.contains(&s.value) {
                s.value
            } else {
                actual
            };
            Some((s.figure, s.text.to_string(), s.value, table))
        })
        .collect()
}

/// A figure's first statement, the table's figure (cells, sum, other values that
/// agree) and whether one of its statements agrees.
struct Seen<'a> {
    first: Statement<'a>,
    target: Option<(Vec<CellRef>, Decimal, Vec<Decimal>)>,
    agrees: bool,
}

impl Seen<'_> {
    fn agrees_with(&self, value: Decimal) -> bool {
        self.target
            .as_ref()
            .is_some_and(|(_, actual, also)| value == *actual || also.contains(&value))
    }
}

/// `PROSE-TABLE` on the 一、总体情况 section.
pub(super) fn check<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::ProseTable) {
        return;
    }
    // Line breaks and column gaps of PDF text fall anywhere in a phrase: read the
    // text without whitespace, remembering where each byte came from in the body.
    let Some((index, section, compact)) = overview(report) else {
        return;
    };
    let context = Context::of(report);
    // Each figure in the order of its first statement: that statement, the table's
    // figure, and whether a statement of it agrees (a few dozen figures at most: the
    // statements are not kept).
    let mut seen: Vec<Seen<'_>> = Vec::new();
    each_statement(&compact, &context, report.edition, |s| {
        match seen.iter_mut().find(|e| e.first.figure == s.figure) {
            Some(e) => e.agrees = e.agrees || e.agrees_with(s.value),
            None => {
                let target = targets(report, s.figure);
                let mut e = Seen {
                    first: s,
                    target,
                    agrees: false,
                };
                e.agrees = e.agrees_with(e.first.value);
                seen.push(e);
            }
        }
    });
    seen.retain(|e| e.target.is_some() && !e.agrees);
    // Where the statements reported are in the body: their first and last bytes.
    let mut wanted: Vec<usize> = seen
        .iter()
        .flat_map(|e| [e.first.range.start, e.first.range.end.saturating_sub(1)])
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let offsets = body_offsets(&section.body, &wanted);
    let body = |at: usize| {
        let i = wanted.binary_search(&at).ok()?;
        offsets.get(i).copied().flatten()
    };
    for Seen { first, target, .. } in seen {
        let Some((cells, actual, _)) = target else {
            continue;
        };
        let table_says = if cells.len() == 1 {
            cells
                .iter()
                .map(|c| format!("{} is {actual}", c.label()))
                .collect::<String>()
        } else {
            format!(
                "the table gives {actual} ({})",
                cells
                    .iter()
                    .map(|c| format!("{} {}", c.label(), c.raw.as_deref().unwrap_or("?")))
                    .collect::<Vec<_>>()
                    .join(" + ")
            )
        };
        let mut f = Finding::new(
            Code::ProseTable,
            Code::ProseTable.severity(),
            format!(
                "section {} states {} “{}” ({}), but {table_says}",
                section.heading,
                first.figure.name(),
                first.text,
                first.value
            ),
        );
        f.expected = Some(first.value);
        f.actual = Some(actual);
        f.difference = actual.checked_sub(first.value);
        // The statement's last byte and the one after it are of one character, so
        // of one run of the body.
        let last = first.range.end.saturating_sub(1);
        let prose_span = match (body(first.range.start), body(last)) {
            (Some(a), Some(b)) => report.body_span(index, a..b + 1),
            _ => None,
        };
        f.span = cells
            .iter()
            .find_map(|c| c.span)
            .or(prose_span)
            .or(Some(section.heading_span));
        if let Some(span) = prose_span {
            f.labels.push(Label::new(
                span,
                format!("the prose states {}", first.value),
            ));
        }
        for c in cells.iter().skip(1) {
            if let Some(span) = c.span {
                f.labels.push(Label::new(
                    span,
                    format!(
                        "{} [{}] = {}",
                        c.row,
                        c.column,
                        c.raw.as_deref().unwrap_or("?")
                    ),
                ));
            }
        }
        f.cells = cells;
        cx.emit(f);
    }
}

/// The work of the statement scan, counted for tests (time is never measured in
/// tests): the bytes the number grammar may look at on each read (the digits and
/// commas at its start), and a switch back to the scan that read from every digit.
#[cfg(test)]
mod work {
    use std::cell::Cell;

    thread_local! {
        static BYTES: Cell<usize> = const { Cell::new(0) };
        static NAIVE: Cell<bool> = const { Cell::new(false) };
    }

    /// What the number grammar scans at the start of `i` (its digit runs: the first,
    /// each after a `,` while they are groups of three, the decimals), overflow aside.
    pub(super) fn add(i: &str) {
        let run = |from: usize| i.get(from..).map_or(0, crate::syntax::digit_run);
        let bytes = i.as_bytes();
        let mut n = run(0);
        let mut at = n;
        while bytes.get(at) == Some(&b',') {
            let g = run(at + 1);
            n += g + 1;
            if g != 3 {
                break;
            }
            at += 4;
        }
        if bytes.get(at) == Some(&b'.') {
            n += run(at + 1) + 1;
        }
        BYTES.with(|w| w.set(w.get() + n + 1));
    }

    pub(super) fn naive() -> bool {
        NAIVE.with(Cell::get)
    }

    /// The statements of `text` and the bytes the reads looked at, by the scan of
    /// [`super::each_statement`] or (`naive`) by reading from every digit.
    pub(super) fn measure(
        text: &str,
        naive: bool,
    ) -> (
        Vec<(super::Figure, super::Decimal, std::ops::Range<usize>)>,
        usize,
    ) {
        NAIVE.with(|n| n.set(naive));
        BYTES.with(|w| w.set(0));
        let cx = super::Context {
            year: Some(2020),
            area: None,
        };
        let found = super::statements(text, &cx, crate::catalogue::Edition::E2019)
            .into_iter()
            .map(|s| (s.figure, s.value, s.range))
            .collect();
        NAIVE.with(|n| n.set(false));
        (found, BYTES.with(Cell::get))
    }
}

#[cfg(test)]
mod scan_tests {
    use super::work::measure;
    use super::Figure;
    use crate::model::Decimal;
    use proptest::prelude::*;

    /// Bytes looked at per byte of input, at most.
    const PER_BYTE: usize = 4;

    fn linear(text: &str) -> usize {
        let (_, work) = measure(text, false);
        assert!(
            work <= PER_BYTE * text.len() + 64,
            "{work} bytes looked at for {} of input",
            text.len()
        );
        work
    }

    #[test]
    fn one_digit_lines_are_read_in_linear_work() {
        // `1\n` lines, whitespace removed: one run of digits.
        for n in [1_000, 10_000, 100_000] {
            let text = "1".repeat(n);
            let work = linear(&text);
            // The scan that read from every digit looked at n²/2 bytes.
            if n == 1_000 {
                let (_, naive) = measure(&text, true);
                assert!(naive > 400_000, "{naive}");
                assert!(work < 10_000, "{work}");
            }
        }
    }

    #[test]
    fn long_numbers_of_every_shape_are_read_in_linear_work() {
        for n in [1_000usize, 20_000] {
            let ones = "1".repeat(n);
            let zeros = "0".repeat(n);
            let groups = ",000".repeat(n / 4);
            for text in [
                format!("{ones}件顺延到下年度"),
                format!("1{zeros}5件顺延到下年度"),
                format!("1{zeros}5件"),
                format!("0{groups}件顺延到下年度"),
                format!("0{groups}"),
                format!("9{groups}件顺延到下年度"),
                format!("12.{ones}件顺延到下年度"),
                format!("1,{ones}件"),
                "1,".repeat(n),
                "103件顺延到下年度，".repeat(n / 10),
                format!("收到申请{ones}件"),
            ] {
                let work = linear(&text);
                assert!(work > 0, "{text:.20}");
            }
        }
    }

    #[test]
    fn a_long_run_reads_the_statement_of_its_first_digit_that_fits() {
        // Twenty digits overflow: the statement starts where 19 remain (below
        // i64::MAX), as the scan that read from every digit found it.
        let text = "12345678901234567890件顺延到下年度";
        let (fast, _) = measure(text, false);
        let (naive, _) = measure(text, true);
        assert_eq!(fast, naive);
        assert_eq!(
            fast,
            vec![(
                Figure::CarriedForward,
                Decimal::integer(2_345_678_901_234_567_890),
                1..text.len()
            )]
        );
        // Leading zeros do not count.
        let text = format!("{}7件顺延到下年度", "0".repeat(40));
        let (fast, _) = measure(&text, false);
        assert_eq!(
            fast,
            vec![(Figure::CarriedForward, Decimal::integer(7), 0..text.len())]
        );
    }

    /// Texts of the characters the digit statements turn on.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "0",
            "0",
            "1",
            "5",
            "9",
            "9",
            "00",
            "999",
            ",",
            ",",
            ".",
            "件",
            "件",
            "顺延到下年度",
            "结转下年度",
            "转下一年度",
            "上年",
            "，",
            "。",
            "全市",
            "2019年",
            "收到申请",
            "行政复议",
            "予以公开",
            "-",
            "余",
            "%",
            "及",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn the_scan_finds_what_reading_from_every_digit_finds(t in text()) {
            let (fast, _) = measure(&t, false);
            let (naive, _) = measure(&t, true);
            prop_assert_eq!(fast, naive);
        }

        #[test]
        fn long_runs_find_what_reading_from_every_digit_finds(
            digits in prop::collection::vec(prop::sample::select(vec!['0', '0', '1', '9']), 15..45),
            groups in 0usize..8,
            tail in prop::sample::select(vec!["件顺延到下年度", "件", ".5件顺延到下年度", ",12件顺延到下年度", "，上年103件顺延到下年度"]),
        ) {
            let mut t: String = digits.iter().collect();
            for g in 0..groups {
                t.push_str(if g % 2 == 0 { ",000" } else { ",909" });
            }
            t.push_str(tail);
            let (fast, _) = measure(&t, false);
            let (naive, _) = measure(&t, true);
            prop_assert_eq!(fast, naive);
        }
    }
}
