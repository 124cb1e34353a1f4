//! Reading figures from sentences: each figure of a clause is keyed by the words
//! before it (`网络申请92件`) or, when nothing stands before it, after it
//! (`36件行政复议被确认维持`), and by the sentence's subject so far (`行政复议71件,
//! 36件…维持,10件被依法纠错,其他情形25件`). Subjects carry over `;` and into a
//! sentence that starts with `其中`; a section's topic sets the default subject.

use super::phrase::{self, Num, UnitClass};
use crate::catalogue::Topic;
use crate::model::cell::Decimal;
use crate::model::legacy::LegacyKey;
use std::ops::Range;

/// Characters of the words before a figure that are looked at.
const LABEL_CHARS: usize = 40;
/// Characters of the words after a figure that are looked at.
const POST_CHARS: usize = 24;
/// Characters after a denied word that its phrase keeps.
const ZERO_TAIL_CHARS: usize = 24;
/// Characters of a clause without figures that can set the subject.
const CLAUSE_TAIL_CHARS: usize = 60;

/// A figure read, before the choice among repeated statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// What it counts.
    pub key: LegacyKey,
    /// The value.
    pub value: Decimal,
    /// The unit, `None` for stated zeros.
    pub unit: Option<&'static str>,
    /// `余`, `约`, ….
    pub approximate: bool,
    /// The phrase (normalized byte range).
    pub range: Range<usize>,
    /// The topic of the section the phrase is in.
    pub topic: Option<Topic>,
}

/// What the sentence is about so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    None,
    Active,
    /// 依申请公开 in general (the section's default).
    Requests,
    /// After `收到/受理…申请N件`: levels may follow.
    Received,
    /// After `答复N件`: outcomes follow.
    Answered,
    /// After `不予公开原因`: reasons follow.
    Reasons,
    Review,
    Litigation,
}

impl Subject {
    fn is_requests(self) -> bool {
        matches!(
            self,
            Subject::Requests | Subject::Received | Subject::Answered | Subject::Reasons
        )
    }
}

fn has(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

const RECEIVE: &[&str] = &[
    "收到", "受理", "接到", "接收", "收悉", "提出", "共有", "共计",
];
const ALREADY_PUBLIC: &[&str] = &[
    "已主动公开",
    "已经主动公开",
    "属于主动公开",
    "主动公开范围",
    "已公开",
];

fn default_subject(topic: Option<Topic>) -> Subject {
    match topic {
        Some(Topic::Requests | Topic::Withheld) => Subject::Requests,
        Some(Topic::ActiveDisclosure) => Subject::Active,
        _ => Subject::None,
    }
}

/// Flags of a whole sentence, for amounts of money and staff.
struct SentenceFlags {
    charge: bool,
    waive: bool,
    /// `用于…`: what the money was spent on.
    spent_on: bool,
    disclosure: bool,
}

impl SentenceFlags {
    fn of(s: &str) -> Self {
        SentenceFlags {
            charge: has(s, &["收取", "收费", "收缴"]),
            waive: has(s, &["减免"]),
            spent_on: s.contains("用于"),
            disclosure: has(s, &["公开"]),
        }
    }
}

/// Read the figures of the given parts of `text` (each with its section topic).
pub(crate) fn extract(text: &str, segments: &[(Range<usize>, Option<Topic>)]) -> Vec<Found> {
    let mut out = Vec::new();
    for (range, topic) in segments {
        let Some(seg) = text.get(range.clone()) else {
            continue;
        };
        let mut reader = Reader {
            out: &mut out,
            topic: *topic,
            subject: default_subject(*topic),
        };
        for s in phrase::sentences(seg) {
            if !s.text.trim_start().starts_with("其中") {
                reader.subject = default_subject(*topic);
            }
            let flags = SentenceFlags::of(s.text);
            for (coff, clause) in phrase::clauses(s.text) {
                reader.clause(range.start + s.start + coff, clause, &flags);
            }
        }
    }
    out
}

struct Reader<'o> {
    out: &'o mut Vec<Found>,
    topic: Option<Topic>,
    subject: Subject,
}

impl Reader<'_> {
    fn push(&mut self, key: LegacyKey, n: Option<&Num>, range: Range<usize>) {
        self.out.push(Found {
            key,
            value: n.map_or(Decimal::integer(0), |n| n.value),
            unit: n.map(|n| n.unit),
            approximate: n.is_some_and(|n| n.approximate),
            range,
            topic: self.topic,
        });
    }

    /// One clause at `abs` (offset in the normalized text).
    fn clause(&mut self, abs: usize, clause: &str, flags: &SentenceFlags) {
        let nums = phrase::figures(clause);
        if nums.is_empty() {
            let tail = clause
                .get(phrase::tail_start(clause, CLAUSE_TAIL_CHARS)..)
                .unwrap_or("");
            if let Some(s) = subject_of(tail, self.subject) {
                self.subject = s;
            }
            self.zeros(abs, clause);
            return;
        }
        let mut prev_end = 0;
        for (i, n) in nums.iter().enumerate() {
            let next_start = nums.get(i + 1).map_or(clause.len(), |m| m.range.start);
            let before = clause.get(prev_end..n.range.start).unwrap_or("");
            let label_off = prev_end + phrase::tail_start(before, LABEL_CHARS);
            let label = clause.get(label_off..n.range.start).unwrap_or("");
            let after = clause.get(n.range.end..next_start).unwrap_or("");
            let post = after
                .get(..phrase::head_len(after, POST_CHARS))
                .unwrap_or("");
            prev_end = n.range.end;

            let significant = label
                .chars()
                .filter(|c| !c.is_whitespace() && !FILLER.contains(*c))
                .count()
                >= 2;
            let (words, range) = if significant {
                let lead = label.len() - label.trim_start_matches(is_punct).len();
                (label, abs + label_off + lead..abs + n.range.end)
            } else {
                let p = post.trim_end_matches(is_punct);
                (post, abs + n.range.start..abs + n.range.end + p.len())
            };
            let key = match n.class() {
                UnitClass::Money => money(words, flags),
                UnitClass::People => match people(label, post, flags) {
                    Some((k, false)) => Some(k),
                    Some((k, true)) => {
                        let p = post.get(..phrase::head_len(post, 8)).unwrap_or("");
                        let p = p.trim_end_matches(is_punct);
                        let start = range.start.min(abs + n.range.start);
                        self.push(k, Some(n), start..abs + n.range.end + p.len());
                        None
                    }
                    None => None,
                },
                UnitClass::Count => self.count(words),
            };
            if let Some(k) = key {
                self.push(k, Some(n), range);
            }
        }
    }

    /// Stated zeros of a clause without figures.
    fn zeros(&mut self, abs: usize, clause: &str) {
        // The phrase runs from the denial to the end of the clause (at most
        // ZERO_TAIL_CHARS further).
        let at = |r: Range<usize>| {
            let rest = clause.get(r.end..).unwrap_or("");
            let more = rest
                .get(..phrase::head_len(rest, ZERO_TAIL_CHARS))
                .unwrap_or("");
            abs + r.start..abs + r.end + more.trim_end_matches(is_punct).len()
        };
        if let Some(r) = phrase::denial(clause, &["复议"], 30) {
            self.push(LegacyKey::ReviewTotal, None, at(r));
        }
        if let Some(r) = phrase::denial(clause, &["诉讼"], 30) {
            self.push(LegacyKey::LitigationTotal, None, at(r));
        }
        if !has(clause, &["复议", "诉讼"]) {
            if let Some(r) = phrase::denial(clause, &["申请"], 24) {
                let said = clause.get(r.clone()).unwrap_or("");
                if has(said, RECEIVE) && !said.contains("申请人") {
                    self.push(LegacyKey::ReceivedTotal, None, at(r));
                }
            }
        }
        if let Some(r) = phrase::denial(clause, &["收取", "收费", "收缴"], 12) {
            self.push(LegacyKey::FeesCollected, None, at(r));
        } else if let Some(p) = ["免费提供", "免收"]
            .iter()
            .find_map(|w| clause.find(w).map(|p| (p, w.len())))
        {
            self.push(LegacyKey::FeesCollected, None, at(p.0..p.0 + p.1));
        }
        if let Some(r) = phrase::denial(clause, &["减免"], 16) {
            self.push(LegacyKey::FeesWaived, None, at(r));
        }
    }

    /// The key of a count, from the words before (or after) it.
    fn count(&mut self, words: &str) -> Option<LegacyKey> {
        if let Some(s) = subject_of(words, self.subject) {
            self.subject = s;
        }
        match self.subject {
            Subject::Review => return appeal(words, AppealKeys::REVIEW),
            Subject::Litigation => return appeal(words, AppealKeys::LITIGATION),
            _ => {}
        }
        let requests = self.subject.is_requests() || words.contains("申请");
        if requests {
            if let Some(k) = reason(words, self.subject == Subject::Reasons) {
                return Some(k);
            }
            if words.contains("申请")
                || matches!(self.subject, Subject::Requests | Subject::Received)
            {
                if let Some(k) = channel(words) {
                    return Some(k);
                }
            }
            if let Some(k) = outcome(words, self.subject) {
                return Some(k);
            }
            if has(words, &["按时办结", "按期办结", "按时答复", "按期答复"]) {
                return Some(LegacyKey::AnsweredOnTime);
            }
            if has(words, &["延期办结", "延期答复", "延期"]) {
                return Some(LegacyKey::AnsweredLate);
            }
            if has(words, &["答复", "办结", "处理完毕", "办理完毕"]) {
                self.subject = Subject::Answered;
                return Some(LegacyKey::Answered);
            }
            if words.contains("申请") && has(words, RECEIVE) {
                self.subject = Subject::Received;
                return Some(LegacyKey::ReceivedTotal);
            }
            if self.subject == Subject::Received {
                return level(words);
            }
            return None;
        }
        self.active(words)
    }

    fn active(&mut self, words: &str) -> Option<LegacyKey> {
        if has(words, &["申请", "不予公开", "不公开"]) {
            return None;
        }
        let chan = active_channel(words);
        let aggregate = has(words, &["共", "累计", "总", "全部"]);
        let proactive = words.contains("主动公开");
        let published = has(words, &["公开", "发布"]) && has(words, &["信息", "文件"]);
        if proactive || (published && aggregate) {
            self.subject = Subject::Active;
            return match chan {
                Some(c) if !aggregate => Some(c),
                _ => Some(LegacyKey::ActiveTotal),
            };
        }
        if self.subject == Subject::Active && has(words, &["发布", "公开", "信息"]) {
            return chan;
        }
        None
    }
}

/// Characters that do not make the words before a figure significant.
const FILLER: &str = "其中共另有为的数是计:：,，、“”\"'()（）.。;；";

fn is_punct(c: char) -> bool {
    c.is_whitespace() || "、,，:：;；.。".contains(c)
}

/// The subject some words set, if any.
fn subject_of(words: &str, current: Subject) -> Option<Subject> {
    // Most words name neither: a plain search first, the last place only for those
    // that do.
    let last = |w: &str| words.contains(w).then(|| words.rfind(w)).flatten();
    let review = last("复议");
    let lawsuit = last("诉讼");
    match (review, lawsuit) {
        (Some(a), Some(b)) => {
            return Some(if a > b {
                Subject::Review
            } else {
                Subject::Litigation
            })
        }
        (Some(_), None) => return Some(Subject::Review),
        (None, Some(_)) => return Some(Subject::Litigation),
        (None, None) => {}
    }
    if words.contains("原因") && (has(words, &["不予公开", "不公开"]) || current.is_requests())
    {
        return Some(Subject::Reasons);
    }
    if words.contains("申请") && has(words, RECEIVE) && outcome(words, Subject::None).is_none() {
        return Some(Subject::Received);
    }
    if words.contains("主动公开") && !has(words, ALREADY_PUBLIC) && !words.contains("申请") {
        return Some(Subject::Active);
    }
    None
}

/// Keys of 行政复议 or 行政诉讼.
struct AppealKeys {
    total: LegacyKey,
    upheld: LegacyKey,
    corrected: LegacyKey,
    other: LegacyKey,
}

impl AppealKeys {
    const REVIEW: AppealKeys = AppealKeys {
        total: LegacyKey::ReviewTotal,
        upheld: LegacyKey::ReviewUpheld,
        corrected: LegacyKey::ReviewCorrected,
        other: LegacyKey::ReviewOther,
    };
    const LITIGATION: AppealKeys = AppealKeys {
        total: LegacyKey::LitigationTotal,
        upheld: LegacyKey::LitigationUpheld,
        corrected: LegacyKey::LitigationCorrected,
        other: LegacyKey::LitigationOther,
    };
}

/// `行政复议71件` (total), `36件…维持`, `10件被依法纠错`, `其他情形25件`.
fn appeal(words: &str, keys: AppealKeys) -> Option<LegacyKey> {
    if has(words, &["尚未审结", "未审结", "审理中", "正在审理", "未结"]) {
        return None;
    }
    if has(words, &["维持", "驳回"]) {
        return Some(keys.upheld);
    }
    if has(words, &["纠错", "纠正", "撤销", "确认违法", "败诉"]) {
        return Some(keys.corrected);
    }
    if has(words, &["其他", "其它"]) {
        return Some(keys.other);
    }
    if has(words, &["复议", "诉讼", "案"]) {
        return Some(keys.total);
    }
    None
}

/// A reason for refusal; the generic ones only after `不予公开原因`.
fn reason(words: &str, generic: bool) -> Option<LegacyKey> {
    use LegacyKey::*;
    if words.contains("国家秘密") {
        return Some(ReasonStateSecret);
    }
    if words.contains("商业秘密") {
        return Some(ReasonCommercialSecret);
    }
    if words.contains("隐私") {
        return Some(ReasonPrivacy);
    }
    if has(
        words,
        &[
            "三安全一稳定",
            "国家安全",
            "公共安全",
            "经济安全",
            "社会稳定",
        ],
    ) {
        return Some(ReasonSecurity);
    }
    if !generic {
        return None;
    }
    if has(
        words,
        &[
            "非《",
            "非政府信息",
            "不属于政府信息",
            "所指政府信息",
            "非条例",
        ],
    ) {
        return Some(ReasonNotGovernmentInformation);
    }
    if has(words, &["过程", "内部"]) {
        return Some(ReasonProcessInformation);
    }
    if words.contains("禁止") {
        return Some(ReasonProhibitedByLaw);
    }
    if has(words, &["其他", "其它"]) {
        return Some(ReasonOther);
    }
    None
}

/// The channel of applications (`网络申请92件`); none when two are named together.
fn channel(words: &str) -> Option<LegacyKey> {
    use LegacyKey::*;
    const CHANNELS: &[(LegacyKey, &[&str])] = &[
        (ReceivedEmail, &["电子邮件", "电子邮箱", "邮件"]),
        (ReceivedInPerson, &["当面", "现场"]),
        (ReceivedOnline, &["网络", "网上", "在线", "互联网"]),
        (ReceivedLetter, &["信函", "来信", "邮寄"]),
        (ReceivedFax, &["传真"]),
        (ReceivedPhone, &["电话"]),
        (
            ReceivedOther,
            &["其他形式", "其它形式", "其他方式", "其它方式"],
        ),
    ];
    let mut hits = CHANNELS
        .iter()
        .filter(|(_, w)| has(words, w))
        .map(|(k, _)| *k);
    let first = hits.next()?;
    match hits.next() {
        Some(_) => None,
        None => Some(first),
    }
}

/// An outcome of the applications answered.
fn outcome(words: &str, subject: Subject) -> Option<LegacyKey> {
    use LegacyKey::*;
    let nonexistent = words.contains("不存在");
    let not_held = has(
        words,
        &[
            "非本机关",
            "不属于本",
            "非本部门",
            "非本单位",
            "非本行政机关",
            "不属本",
            "非本级",
        ],
    );
    match (nonexistent, not_held) {
        (true, true) => return Some(OutcomeNonexistentOrNotHeld),
        (true, false) => return Some(OutcomeNonexistent),
        (false, true) => return Some(OutcomeNotHeld),
        (false, false) => {}
    }
    let amend = has(words, &["更改", "补充", "补正", "不明确"]);
    let route = has(words, &["其他途径", "其它途径"]);
    match (amend, route) {
        (true, true) => return Some(OutcomeAmendOrOtherRoute),
        (true, false) => return Some(OutcomeAmend),
        (false, true) => return Some(OutcomeOtherRoute),
        (false, false) => {}
    }
    if has(words, ALREADY_PUBLIC) {
        return Some(OutcomeAlreadyPublic);
    }
    if words.contains("部分公开") {
        return Some(OutcomePartlyGranted);
    }
    if has(
        words,
        &["不予公开", "不同意公开", "不公开", "否决", "不予提供"],
    ) {
        return Some(OutcomeRefused);
    }
    if has(
        words,
        &["同意公开", "予以公开", "公开答复", "全部公开", "同意提供"],
    ) {
        return Some(OutcomeGranted);
    }
    if subject == Subject::Answered && has(words, &["其他", "其它"]) {
        return Some(OutcomeOther);
    }
    None
}

/// The level that received applications (`其中市本级20件`, `政府工作部门…受理71件`,
/// `县(市)、区政府受理60件`).
fn level(words: &str) -> Option<LegacyKey> {
    if words.contains("本级") {
        return Some(LegacyKey::ReceivedOwnLevel);
    }
    if has(words, &["部门", "单位", "直属"]) {
        return Some(LegacyKey::ReceivedDepartments);
    }
    if has(words, &["乡镇", "街道"])
        || (words.contains("政府") && has(words, &["县", "区", "乡", "镇", "市"]))
    {
        return Some(LegacyKey::ReceivedLowerLevels);
    }
    None
}

/// The channel of proactive disclosure.
fn active_channel(words: &str) -> Option<LegacyKey> {
    use LegacyKey::*;
    if words.contains("网站") {
        return Some(ActiveWebsite);
    }
    if words.contains("公报") {
        return Some(ActiveGazette);
    }
    if words.contains("微博") {
        return Some(ActiveWeibo);
    }
    if words.contains("微信") {
        return Some(ActiveWechat);
    }
    if words.contains("发布会") {
        return Some(ActivePressConferences);
    }
    None
}

/// An amount of money: fees collected or waived, or spending.
fn money(words: &str, flags: &SentenceFlags) -> Option<LegacyKey> {
    if words.contains("减免") || (flags.waive && !flags.charge) {
        Some(LegacyKey::FeesWaived)
    } else if flags.charge {
        Some(LegacyKey::FeesCollected)
    } else if flags.disclosure
        && !has(words, &["节约", "节省", "收入"])
        && (flags.spent_on || has(words, &["经费", "支出", "费用", "开支", "投入"]))
    {
        Some(LegacyKey::Spending)
    } else {
        None
    }
}

/// Staff: `专职人员2人`, `兼职人员50人`, `2名兼职工作人员`, `专兼职人员546人`; and
/// whether the words after the figure told.
fn people(label: &str, post: &str, flags: &SentenceFlags) -> Option<(LegacyKey, bool)> {
    if !flags.disclosure {
        return None;
    }
    let near_label = label.get(phrase::tail_start(label, 12)..).unwrap_or("");
    let near_post = post.get(..phrase::head_len(post, 8)).unwrap_or("");
    // Words right after the figure describe it (`3名专职人员和5名兼职人员`);
    // otherwise those before it (`专职人员2人、兼职人员50人`).
    let adjacent = near_post.starts_with(['专', '兼']);
    let from_post = || staff_kind(near_post).map(|k| (k, true));
    let from_label = || staff_kind(near_label).map(|k| (k, false));
    if adjacent {
        from_post().or_else(from_label)
    } else {
        from_label().or_else(from_post)
    }
}

fn staff_kind(words: &str) -> Option<LegacyKey> {
    if has(
        words,
        &[
            "专兼职",
            "专、兼职",
            "专(兼)职",
            "专职和兼职",
            "专职、兼职",
            "专兼",
        ],
    ) {
        return Some(LegacyKey::StaffTotal);
    }
    match (words.rfind("专职"), words.rfind("兼职")) {
        (Some(a), Some(b)) if a > b => Some(LegacyKey::StaffFullTime),
        (_, Some(_)) => Some(LegacyKey::StaffPartTime),
        (Some(_), None) => Some(LegacyKey::StaffFullTime),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LegacyKey::*;

    /// Keys and values read from one paragraph in a section of `topic`.
    fn read(text: &str, topic: Option<Topic>) -> Vec<(LegacyKey, String, &str)> {
        extract(text, &[(0..text.len(), topic)])
            .into_iter()
            .map(|f| (f.key, f.value.to_string(), text.get(f.range).unwrap_or("")))
            .collect()
    }

    fn keys(text: &str, topic: Option<Topic>) -> Vec<(LegacyKey, i64)> {
        extract(text, &[(0..text.len(), topic)])
            .into_iter()
            .map(|f| (f.key, f.value.as_integer().unwrap_or(-1)))
            .collect()
    }

    #[test]
    fn received_with_levels_and_channels() {
        let t = "2018年,全市共受理政府信息公开申请151件,其中市本级20件,政府工作部门及企事业单位受理71件,县(市)、区政府受理60件。从申请渠道来看,网络申请92件,占60.92;信函申请54件,占35.67;当面申请5件,占3.31。";
        assert_eq!(
            keys(t, Some(Topic::Requests)),
            vec![
                (ReceivedTotal, 151),
                (ReceivedOwnLevel, 20),
                (ReceivedDepartments, 71),
                (ReceivedLowerLevels, 60),
                (ReceivedOnline, 92),
                (ReceivedLetter, 54),
                (ReceivedInPerson, 5)
            ]
        );
        let r = read(t, Some(Topic::Requests));
        assert_eq!(r[0].2, "全市共受理政府信息公开申请151件");
        assert_eq!(r[4].2, "网络申请92件");
    }

    #[test]
    fn percentages_without_sign_are_not_counts() {
        // Outside any section: the channel still needs 申请.
        assert_eq!(
            keys("网络申请92件,占60.92", None),
            vec![(ReceivedOnline, 92)]
        );
        assert_eq!(keys("占60.92;占35.67", Some(Topic::Requests)), vec![]);
    }

    #[test]
    fn answered_and_outcomes() {
        let t = "全市受理政府信息公开申请151件,答复151件。其中,已主动公开66件,占43.71;同意公开34件,占22.51;部分公开4件,占2.64;不予公开7件,占4.63;非政府信息、政府信息不存在或不属于本行政机关公开28件,占18.54;告知更改补充或通过其他途径办理12件,占7.94。";
        assert_eq!(
            keys(t, Some(Topic::Requests)),
            vec![
                (ReceivedTotal, 151),
                (Answered, 151),
                (OutcomeAlreadyPublic, 66),
                (OutcomeGranted, 34),
                (OutcomePartlyGranted, 4),
                (OutcomeRefused, 7),
                (OutcomeNonexistentOrNotHeld, 28),
                (OutcomeAmendOrOtherRoute, 12)
            ]
        );
    }

    #[test]
    fn outcomes_stated_one_by_one() {
        let t = "我办收到依申请公开共525件。其中当面申请为312件,传真申请为7件。我办按时办结数517件,延期办结8件。其中属于已经主动公开的2件,同意公开答复292件,同意部分公开的2件,不同意公开答复的2件,不属于本行政机关公开的21件,申请信息不存在的196件,申请补正信息的2件,告知通过其他途径办理的8件。";
        assert_eq!(
            keys(t, Some(Topic::Requests)),
            vec![
                (ReceivedTotal, 525),
                (ReceivedInPerson, 312),
                (ReceivedFax, 7),
                (AnsweredOnTime, 517),
                (AnsweredLate, 8),
                (OutcomeAlreadyPublic, 2),
                (OutcomeGranted, 292),
                (OutcomePartlyGranted, 2),
                (OutcomeRefused, 2),
                (OutcomeNotHeld, 21),
                (OutcomeNonexistent, 196),
                (OutcomeAmend, 2),
                (OutcomeOtherRoute, 8)
            ]
        );
    }

    #[test]
    fn refusal_reasons() {
        let t = "“不予公开”的政府信息申请共7件。不予公开原因有:涉及商业秘密2件,非《条例》所指政府信息4件,法律法规规定的其他情形1件。";
        assert_eq!(
            keys(t, Some(Topic::Requests)),
            vec![
                (OutcomeRefused, 7),
                (ReasonCommercialSecret, 2),
                (ReasonNotGovernmentInformation, 4),
                (ReasonOther, 1)
            ]
        );
    }

    #[test]
    fn review_and_litigation() {
        let t = "2018年,我市因政府信息公开被申请行政复议71件,36件行政复议被确认维持,10件被依法纠错,其他情形25件;因政府信息公开被提起行政诉讼56件,30件维持具体行政行为或驳回原告诉讼请求,5件被依法纠错,其他情形21件。";
        assert_eq!(
            keys(t, Some(Topic::ReviewLitigation)),
            vec![
                (ReviewTotal, 71),
                (ReviewUpheld, 36),
                (ReviewCorrected, 10),
                (ReviewOther, 25),
                (LitigationTotal, 56),
                (LitigationUpheld, 30),
                (LitigationCorrected, 5),
                (LitigationOther, 21)
            ]
        );
        let r = read(t, Some(Topic::ReviewLitigation));
        assert_eq!(r[1].2, "36件行政复议被确认维持");
        assert_eq!(r[2].2, "10件被依法纠错");
        // 其中 carries the subject into the next sentence.
        assert_eq!(
            keys("2018年,我办行政复议为5件。其中维持3件,纠正2件。", None),
            vec![(ReviewTotal, 5), (ReviewUpheld, 3), (ReviewCorrected, 2)]
        );
        assert_eq!(
            keys("针对我局有关的行政复议案0件", None),
            vec![(ReviewTotal, 0)]
        );
    }

    #[test]
    fn stated_zeros() {
        let t = "全年没有收到涉及政府信息公开事务的投诉、行政复议申请,也没有针对政府信息公开事务的行政诉讼案件。";
        assert_eq!(keys(t, None), vec![(ReviewTotal, 0), (LitigationTotal, 0)]);
        let t = "2011年全县未收到有关政府信息公开的申请,未收到有关政府信息公开行政复议申请。";
        assert_eq!(keys(t, None), vec![(ReceivedTotal, 0), (ReviewTotal, 0)]);
        let t = "本年度我镇没有依申请公开信息情况,因此未发生依申请公开信息收费和费用减免情况。";
        assert_eq!(keys(t, None), vec![(FeesCollected, 0), (FeesWaived, 0)]);
        assert_eq!(
            keys("均未收取复印、邮寄递送等信息公开成本费用。", None),
            vec![(FeesCollected, 0)]
        );
        assert_eq!(
            read("对主动公开和依申请公开政府信息的单位或个人均未收取复印、邮寄递送等信息公开成本费用。", None)
                .first()
                .map(|r| r.2),
            Some("均未收取复印、邮寄递送等信息公开成本费用")
        );
        assert_eq!(
            keys("目前我乡尚未收到政府信息公开申请", None),
            vec![(ReceivedTotal, 0)]
        );
        assert_eq!(keys("对信息公开免费提供", None), vec![(FeesCollected, 0)]);
        // Nothing denied.
        assert_eq!(
            keys("在市政府工作部门设立依申请公开政府信息受理点。", None),
            vec![]
        );
    }

    #[test]
    fn fees_and_spending() {
        assert_eq!(
            keys("依申请公开收取的费用(检索费、邮寄费、复制费等)为0元", None),
            vec![(FeesCollected, 0)]
        );
        assert_eq!(
            keys("收取费用0元,减免费用200元", None),
            vec![(FeesCollected, 0), (FeesWaived, 200)]
        );
        assert_eq!(
            keys("全县用于政府信息公开申请受理点增设设备,印刷宣传资料、政府网站建设和更新费用5万元。", None),
            vec![(Spending, 50000)]
        );
        assert_eq!(
            keys("政府信息公开工作专项经费1.2万元", None),
            vec![(Spending, 12000)]
        );
        assert_eq!(keys("为财政节约资金1000余万元", None), vec![]);
        assert_eq!(
            keys("分中心一并建成投入运行,为财政节约资金1000余万元。", None),
            vec![]
        );
        assert_eq!(keys("建设费用5万元", None), vec![]);
    }

    #[test]
    fn staff() {
        assert_eq!(
            keys(
                "全县从事政府信息公开工作的专职人员2人、兼职人员50人。",
                None
            ),
            vec![(StaffFullTime, 2), (StaffPartTime, 50)]
        );
        assert_eq!(
            keys(
                "全市从事政府信息公开工作专兼职人员546人(不包括从事政府公报和网站工作人员)",
                None
            ),
            vec![(StaffTotal, 546)]
        );
        assert_eq!(
            keys("政府信息公开领导小组配备了2名兼职工作人员", None),
            vec![(StaffPartTime, 2)]
        );
        assert_eq!(
            read("政府信息公开领导小组配备了2名兼职工作人员", None)
                .first()
                .map(|r| r.2),
            Some("政府信息公开领导小组配备了2名兼职工作人员")
        );
        assert_eq!(
            keys("政府信息公开办公室配备两名专职人员", None),
            vec![(StaffFullTime, 2)]
        );
        assert_eq!(
            keys("政府信息公开办公室配备3名专职人员和5名兼职人员", None),
            vec![(StaffFullTime, 3), (StaffPartTime, 5)]
        );
        assert_eq!(
            keys("市政府信息公开办公室安排3名工作人员专门负责政府信息公开工作,各部门安排1名分管领导和1-2名在岗在编工作人员", None),
            vec![]
        );
    }

    #[test]
    fn active_disclosure() {
        let t = "全年通过县政府门户网站及省政府信息公开系统共向社会公开各类信息数量累计2万余条,其中政府网站发布政务信息4098条、重要会议15条、政策文件12条;发布政民互动类信息44余条。通过省政信息公开系统公开政府信息2900余条。";
        let f = extract(t, &[(0..t.len(), Some(Topic::Overview))]);
        assert_eq!(
            f.iter()
                .map(|f| (f.key, f.value.to_string(), f.approximate))
                .collect::<Vec<_>>(),
            vec![
                (ActiveTotal, "20000".into(), true),
                (ActiveWebsite, "4098".into(), false)
            ]
        );
        assert_eq!(
            keys("2008年度共新增主动公开政府信息312条。其中,机构概况类信息5条,占1.6%;政策文件类信息24条,占7.7 %。", None),
            vec![(ActiveTotal, 312)]
        );
        // An agency's own proactive disclosure is not an outcome of applications.
        assert_eq!(
            keys(
                "我局主动公开信息734条,依申请公开信息12 条,不予公开信息27 条。",
                None
            ),
            vec![(ActiveTotal, 734)]
        );
    }

    #[test]
    fn template_examples() {
        assert_eq!(
            keys("我局主动公开信息734条，依申请公开信息12 条，不予公开信息27 条。2009年，我局收到政府信息公开申请1条。", None),
            vec![(ActiveTotal, 734), (ReceivedTotal, 1)]
        );
        assert_eq!(
            keys("本局2017年共受理信息公开申请10件，其中当面申请1宗，占10%；网上申请9宗，占90%；信函申请0宗。“同意公开”的7件，占总数的70%", Some(Topic::Requests)),
            vec![
                (ReceivedTotal, 10),
                (ReceivedInPerson, 1),
                (ReceivedOnline, 9),
                (ReceivedLetter, 0),
                (OutcomeGranted, 7)
            ]
        );
        assert_eq!(
            keys("我乡收到有关政府信息公开行政复议申请0件", None),
            vec![(ReviewTotal, 0)]
        );
        assert_eq!(
            keys("2017年我办对信息公开免费提供，未收取任何费用", None),
            vec![(FeesCollected, 0), (FeesCollected, 0)]
        );
        assert_eq!(
            keys("为132名专、兼职工作人员设立政府信息公开受理点", None),
            vec![(StaffTotal, 132)]
        );
    }

    #[test]
    fn unrelated_counts_are_ignored() {
        let t = "2018年,市政府办公室办理人民网网民留言275件,处理答复市长信箱群众来信3238件。12345热线平台共接到群众来电86877次,办理工单48310件,其中:直接答复群众39190件、转办工单9120件,为110接警平台减负1万余次。赠阅公报14212份。";
        assert_eq!(keys(t, None), vec![]);
    }
}
