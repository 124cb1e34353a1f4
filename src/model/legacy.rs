//! Figures stated in the prose of pre-2019 reports (2008 条例 第三十二条).
//!
//! Pre-2019 reports have no fixed tables; they state their figures in sentences
//! (`全市共受理政府信息公开申请151件,其中市本级20件…`, `网络申请92件,占60.92`,
//! `被申请行政复议71件,36件行政复议被确认维持…`). The parser reads them into
//! [`LegacyFigures`]: every figure is an
//! `Option<`[`Figure`]`>` holding the value, whether it is approximate (`2万余条`), the
//! phrase it was read from and that phrase's span. A figure the report does not state
//! is `None`: nothing is ever inferred from another figure (a total is not summed from
//! its parts, a part is not derived from a total). "None received" phrases
//! (`没有收到…行政复议申请`, `未收取…费用`) are stated zeros and read as `0`.
//!
//! Percentages are never figures, with or without `%` (`占60.92`).
//!
//! # Keys
//!
//! Each figure has a key, listed once in [`KEYS`]; the tidy records of
//! [`Report::cells`](crate::Report::cells) for pre-2019 reports use these strings as `table`, `row` and `column` (`block` is always
//! empty). Values are scaled to the base unit (`5万元` → `50000`, unit `元`;
//! `2万余条` → `20000`, unit `条`). Keys are a contract: they change only with a
//! CHANGELOG entry. This table is checked against [`KEYS`] by a unit test.
//!
//! | table | row | column | meaning |
//! |---|---|---|---|
//! | 主动公开 | 总计 | 数量 | items proactively disclosed (条/件) |
//! | 主动公开 | 政府网站 | 数量 | of which on the government website |
//! | 主动公开 | 政府公报 | 数量 | of which in the government gazette |
//! | 主动公开 | 政务微博 | 数量 | of which on government microblogs |
//! | 主动公开 | 政务微信 | 数量 | of which on government WeChat accounts |
//! | 主动公开 | 新闻发布会 | 数量 | of which at press conferences |
//! | 依申请公开 | 收到申请/总计 | 数量 | applications received (收到/受理) |
//! | 依申请公开 | 收到申请/当面 | 数量 | received in person |
//! | 依申请公开 | 收到申请/网络 | 数量 | received online (网络/网上) |
//! | 依申请公开 | 收到申请/信函 | 数量 | received by letter |
//! | 依申请公开 | 收到申请/传真 | 数量 | received by fax |
//! | 依申请公开 | 收到申请/电子邮件 | 数量 | received by e-mail |
//! | 依申请公开 | 收到申请/电话 | 数量 | received by telephone |
//! | 依申请公开 | 收到申请/其他形式 | 数量 | received in other forms |
//! | 依申请公开 | 收到申请/本级 | 数量 | received by the government itself (市本级, 县本级) |
//! | 依申请公开 | 收到申请/部门 | 数量 | received by its departments (政府工作部门) |
//! | 依申请公开 | 收到申请/下级政府 | 数量 | received by lower-level governments (县(市)、区政府, 乡镇) |
//! | 依申请公开 | 答复/总计 | 数量 | applications answered (答复/办结) |
//! | 依申请公开 | 答复/按时办结 | 数量 | answered within the time limit |
//! | 依申请公开 | 答复/延期办结 | 数量 | answered after an extension |
//! | 依申请公开 | 办理结果/已主动公开 | 数量 | already proactively disclosed |
//! | 依申请公开 | 办理结果/同意公开 | 数量 | disclosed |
//! | 依申请公开 | 办理结果/部分公开 | 数量 | partly disclosed |
//! | 依申请公开 | 办理结果/不予公开 | 数量 | refused |
//! | 依申请公开 | 办理结果/信息不存在 | 数量 | information does not exist |
//! | 依申请公开 | 办理结果/非本机关掌握 | 数量 | not held by this agency |
//! | 依申请公开 | 办理结果/信息不存在或非本机关掌握 | 数量 | one count for both (`政府信息不存在或不属于本行政机关公开`) |
//! | 依申请公开 | 办理结果/告知更改补充 | 数量 | applicant told to amend or complete the application |
//! | 依申请公开 | 办理结果/告知通过其他途径办理 | 数量 | applicant told to use another procedure |
//! | 依申请公开 | 办理结果/告知更改补充或通过其他途径办理 | 数量 | one count for both |
//! | 依申请公开 | 办理结果/其他 | 数量 | other outcomes |
//! | 依申请公开 | 不予公开原因/国家秘密 | 数量 | refused: state secret |
//! | 依申请公开 | 不予公开原因/商业秘密 | 数量 | refused: commercial secret |
//! | 依申请公开 | 不予公开原因/个人隐私 | 数量 | refused: personal privacy |
//! | 依申请公开 | 不予公开原因/危及三安全一稳定 | 数量 | refused: endangers national, public or economic security or social stability |
//! | 依申请公开 | 不予公开原因/非政府信息 | 数量 | refused: not government information (`非《条例》所指政府信息`) |
//! | 依申请公开 | 不予公开原因/过程性信息 | 数量 | refused: internal or process information |
//! | 依申请公开 | 不予公开原因/法律法规禁止 | 数量 | refused: prohibited by laws and regulations |
//! | 依申请公开 | 不予公开原因/其他 | 数量 | refused: other reasons (`法律法规规定的其他情形`) |
//! | 收费及减免 | 收取费用 | 金额 | fees collected (元) |
//! | 收费及减免 | 减免费用 | 金额 | fees waived (元) |
//! | 行政复议 | 总计 | 数量 | administrative reviews about disclosure |
//! | 行政复议 | 维持 | 数量 | decision upheld |
//! | 行政复议 | 纠错 | 数量 | decision corrected (纠错/纠正) |
//! | 行政复议 | 其他 | 数量 | other results |
//! | 行政诉讼 | 总计 | 数量 | lawsuits about disclosure |
//! | 行政诉讼 | 维持 | 数量 | decision upheld or claim dismissed |
//! | 行政诉讼 | 纠错 | 数量 | decision corrected |
//! | 行政诉讼 | 其他 | 数量 | other results |
//! | 机构人员 | 人员/专职 | 数量 | full-time disclosure staff |
//! | 机构人员 | 人员/兼职 | 数量 | part-time disclosure staff |
//! | 机构人员 | 人员/总计 | 数量 | full- and part-time staff together (专兼职人员) |
//! | 机构人员 | 经费 | 金额 | spending on disclosure work (元) |
//!
//! Columns: `数量` for counts (items, applications, cases, people), `金额` for money
//! (always in 元).

use crate::model::cell::Decimal;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A figure read from a phrase of the report. Equality and hashing leave the span
/// out.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Figure {
    /// The value in the base unit (`5万元` → 50000 元; `2万余条` → 20000 条).
    pub value: Decimal,
    /// The unit as stated after scaling (`件`, `条`, `人`, `元`), if any.
    pub unit: Option<String>,
    /// Whether the phrase marks the value as approximate (`2万余条`, `100余次`, `约20条`).
    pub approximate: bool,
    /// The phrase the figure was read from (normalized text).
    pub phrase: String,
    /// Where the phrase is in the original input.
    pub span: Span,
}

impl PartialEq for Figure {
    fn eq(&self, other: &Self) -> bool {
        // The span is left out on purpose.
        let Figure {
            value,
            unit,
            approximate,
            phrase,
            span: _,
        } = self;
        *value == other.value
            && *unit == other.unit
            && *approximate == other.approximate
            && *phrase == other.phrase
    }
}

impl std::hash::Hash for Figure {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.unit.hash(state);
        self.approximate.hash(state);
        self.phrase.hash(state);
    }
}

/// A figure slot: `None` when the report does not state it.
pub type FigureSlot = Option<Figure>;

/// 主动公开: items proactively disclosed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActiveFigures {
    /// Items disclosed in all (`主动公开政府信息312条`).
    pub total: FigureSlot,
    /// Of which on the government website.
    pub website: FigureSlot,
    /// Of which in the government gazette (政府公报).
    pub gazette: FigureSlot,
    /// Of which on government microblogs (微博).
    pub weibo: FigureSlot,
    /// Of which on government WeChat accounts (微信).
    pub wechat: FigureSlot,
    /// Of which at press conferences (新闻发布会).
    pub press_conferences: FigureSlot,
}

/// 依申请公开: applications received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedFigures {
    /// Applications received (收到/受理).
    pub total: FigureSlot,
    /// 当面申请.
    pub in_person: FigureSlot,
    /// 网络/网上申请.
    pub online: FigureSlot,
    /// 信函申请.
    pub letter: FigureSlot,
    /// 传真申请.
    pub fax: FigureSlot,
    /// 电子邮件申请.
    pub email: FigureSlot,
    /// 电话申请.
    pub phone: FigureSlot,
    /// 其他形式申请.
    pub other_channel: FigureSlot,
    /// Received by the government itself (市本级).
    pub own_level: FigureSlot,
    /// Received by its departments (政府工作部门).
    pub departments: FigureSlot,
    /// Received by lower-level governments (县(市)、区政府, 乡镇).
    pub lower_levels: FigureSlot,
}

/// 依申请公开: outcomes of the applications answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutcomeFigures {
    /// 属于已主动公开范围.
    pub already_public: FigureSlot,
    /// 同意公开.
    pub granted: FigureSlot,
    /// 同意部分公开.
    pub partly_granted: FigureSlot,
    /// 不予公开.
    pub refused: FigureSlot,
    /// 信息不存在.
    pub nonexistent: FigureSlot,
    /// 非本机关掌握 (不属于本行政机关公开).
    pub not_held: FigureSlot,
    /// One count stated for both 信息不存在 and 非本机关掌握.
    pub nonexistent_or_not_held: FigureSlot,
    /// 告知作出更改补充.
    pub amend: FigureSlot,
    /// 告知通过其他途径办理.
    pub other_route: FigureSlot,
    /// One count stated for both 告知更改补充 and 告知通过其他途径办理.
    pub amend_or_other_route: FigureSlot,
    /// Other outcomes.
    pub other: FigureSlot,
}

/// 依申请公开: reasons for refusal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefusalFigures {
    /// 国家秘密.
    pub state_secret: FigureSlot,
    /// 商业秘密.
    pub commercial_secret: FigureSlot,
    /// 个人隐私.
    pub privacy: FigureSlot,
    /// 危及国家安全、公共安全、经济安全和社会稳定.
    pub security: FigureSlot,
    /// 非《条例》所指政府信息.
    pub not_government_information: FigureSlot,
    /// 内部管理信息 / 过程性信息.
    pub process_information: FigureSlot,
    /// 法律法规禁止公开.
    pub prohibited_by_law: FigureSlot,
    /// Other reasons (法律法规规定的其他情形).
    pub other: FigureSlot,
}

/// 依申请公开.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestFigures {
    /// Applications received, by channel and level.
    pub received: ReceivedFigures,
    /// Applications answered (答复/办结).
    pub answered: FigureSlot,
    /// 按时办结.
    pub answered_on_time: FigureSlot,
    /// 延期办结.
    pub answered_late: FigureSlot,
    /// Outcomes.
    pub outcomes: OutcomeFigures,
    /// Reasons for refusal.
    pub refusal_reasons: RefusalFigures,
}

/// 收费及减免.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FeeFigures {
    /// Fees collected, in 元 (`未收取…费用` → 0).
    pub collected: FigureSlot,
    /// Fees waived, in 元.
    pub waived: FigureSlot,
}

/// 行政复议 or 行政诉讼 about disclosure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppealFigures {
    /// Cases (`没有收到…行政复议申请` → 0).
    pub total: FigureSlot,
    /// 维持 (litigation: also 驳回原告诉讼请求).
    pub upheld: FigureSlot,
    /// 纠错 / 纠正.
    pub corrected: FigureSlot,
    /// 其他情形.
    pub other: FigureSlot,
}

/// 机构人员 and 经费.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StaffFigures {
    /// Full-time staff (专职).
    pub full_time: FigureSlot,
    /// Part-time staff (兼职).
    pub part_time: FigureSlot,
    /// Full- and part-time staff stated together (专兼职人员).
    pub total: FigureSlot,
    /// Spending on disclosure work, in 元 (`经费5万元` → 50000).
    pub spending: FigureSlot,
}

/// Figures read from a pre-2019 report's prose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LegacyFigures {
    /// 主动公开.
    pub active: ActiveFigures,
    /// 依申请公开.
    pub requests: RequestFigures,
    /// 收费及减免.
    pub fees: FeeFigures,
    /// 行政复议.
    pub review: AppealFigures,
    /// 行政诉讼.
    pub litigation: AppealFigures,
    /// 机构人员 and 经费.
    pub staff: StaffFigures,
}

/// The key of a pre-2019 figure; its strings are in [`KEYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum LegacyKey {
    ActiveTotal,
    ActiveWebsite,
    ActiveGazette,
    ActiveWeibo,
    ActiveWechat,
    ActivePressConferences,
    ReceivedTotal,
    ReceivedInPerson,
    ReceivedOnline,
    ReceivedLetter,
    ReceivedFax,
    ReceivedEmail,
    ReceivedPhone,
    ReceivedOther,
    ReceivedOwnLevel,
    ReceivedDepartments,
    ReceivedLowerLevels,
    Answered,
    AnsweredOnTime,
    AnsweredLate,
    OutcomeAlreadyPublic,
    OutcomeGranted,
    OutcomePartlyGranted,
    OutcomeRefused,
    OutcomeNonexistent,
    OutcomeNotHeld,
    OutcomeNonexistentOrNotHeld,
    OutcomeAmend,
    OutcomeOtherRoute,
    OutcomeAmendOrOtherRoute,
    OutcomeOther,
    ReasonStateSecret,
    ReasonCommercialSecret,
    ReasonPrivacy,
    ReasonSecurity,
    ReasonNotGovernmentInformation,
    ReasonProcessInformation,
    ReasonProhibitedByLaw,
    ReasonOther,
    FeesCollected,
    FeesWaived,
    ReviewTotal,
    ReviewUpheld,
    ReviewCorrected,
    ReviewOther,
    LitigationTotal,
    LitigationUpheld,
    LitigationCorrected,
    LitigationOther,
    StaffFullTime,
    StaffPartTime,
    StaffTotal,
    Spending,
}

/// A key's strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeyDef {
    /// The key.
    pub key: LegacyKey,
    /// Tidy `table`: the figure group.
    pub table: &'static str,
    /// Tidy `row`.
    pub row: &'static str,
    /// Tidy `column`: `数量` or `金额`.
    pub column: &'static str,
    /// What the figure counts (English).
    pub meaning: &'static str,
}

const fn k(
    key: LegacyKey,
    table: &'static str,
    row: &'static str,
    column: &'static str,
    meaning: &'static str,
) -> KeyDef {
    KeyDef {
        key,
        table,
        row,
        column,
        meaning,
    }
}

const N: &str = "数量";
const M: &str = "金额";

/// Every pre-2019 figure key, in output order: the one list of their strings.
pub const KEYS: &[KeyDef] = {
    use LegacyKey::*;
    &[
        k(
            ActiveTotal,
            "主动公开",
            "总计",
            N,
            "items proactively disclosed (条/件)",
        ),
        k(
            ActiveWebsite,
            "主动公开",
            "政府网站",
            N,
            "of which on the government website",
        ),
        k(
            ActiveGazette,
            "主动公开",
            "政府公报",
            N,
            "of which in the government gazette",
        ),
        k(
            ActiveWeibo,
            "主动公开",
            "政务微博",
            N,
            "of which on government microblogs",
        ),
        k(
            ActiveWechat,
            "主动公开",
            "政务微信",
            N,
            "of which on government WeChat accounts",
        ),
        k(
            ActivePressConferences,
            "主动公开",
            "新闻发布会",
            N,
            "of which at press conferences",
        ),
        k(
            ReceivedTotal,
            "依申请公开",
            "收到申请/总计",
            N,
            "applications received (收到/受理)",
        ),
        k(
            ReceivedInPerson,
            "依申请公开",
            "收到申请/当面",
            N,
            "received in person",
        ),
        k(
            ReceivedOnline,
            "依申请公开",
            "收到申请/网络",
            N,
            "received online (网络/网上)",
        ),
        k(
            ReceivedLetter,
            "依申请公开",
            "收到申请/信函",
            N,
            "received by letter",
        ),
        k(
            ReceivedFax,
            "依申请公开",
            "收到申请/传真",
            N,
            "received by fax",
        ),
        k(
            ReceivedEmail,
            "依申请公开",
            "收到申请/电子邮件",
            N,
            "received by e-mail",
        ),
        k(
            ReceivedPhone,
            "依申请公开",
            "收到申请/电话",
            N,
            "received by telephone",
        ),
        k(
            ReceivedOther,
            "依申请公开",
            "收到申请/其他形式",
            N,
            "received in other forms",
        ),
        k(
            ReceivedOwnLevel,
            "依申请公开",
            "收到申请/本级",
            N,
            "received by the government itself (市本级, 县本级)",
        ),
        k(
            ReceivedDepartments,
            "依申请公开",
            "收到申请/部门",
            N,
            "received by its departments (政府工作部门)",
        ),
        k(
            ReceivedLowerLevels,
            "依申请公开",
            "收到申请/下级政府",
            N,
            "received by lower-level governments (县(市)、区政府, 乡镇)",
        ),
        k(
            Answered,
            "依申请公开",
            "答复/总计",
            N,
            "applications answered (答复/办结)",
        ),
        k(
            AnsweredOnTime,
            "依申请公开",
            "答复/按时办结",
            N,
            "answered within the time limit",
        ),
        k(
            AnsweredLate,
            "依申请公开",
            "答复/延期办结",
            N,
            "answered after an extension",
        ),
        k(
            OutcomeAlreadyPublic,
            "依申请公开",
            "办理结果/已主动公开",
            N,
            "already proactively disclosed",
        ),
        k(
            OutcomeGranted,
            "依申请公开",
            "办理结果/同意公开",
            N,
            "disclosed",
        ),
        k(
            OutcomePartlyGranted,
            "依申请公开",
            "办理结果/部分公开",
            N,
            "partly disclosed",
        ),
        k(
            OutcomeRefused,
            "依申请公开",
            "办理结果/不予公开",
            N,
            "refused",
        ),
        k(
            OutcomeNonexistent,
            "依申请公开",
            "办理结果/信息不存在",
            N,
            "information does not exist",
        ),
        k(
            OutcomeNotHeld,
            "依申请公开",
            "办理结果/非本机关掌握",
            N,
            "not held by this agency",
        ),
        k(
            OutcomeNonexistentOrNotHeld,
            "依申请公开",
            "办理结果/信息不存在或非本机关掌握",
            N,
            "one count for both (`政府信息不存在或不属于本行政机关公开`)",
        ),
        k(
            OutcomeAmend,
            "依申请公开",
            "办理结果/告知更改补充",
            N,
            "applicant told to amend or complete the application",
        ),
        k(
            OutcomeOtherRoute,
            "依申请公开",
            "办理结果/告知通过其他途径办理",
            N,
            "applicant told to use another procedure",
        ),
        k(
            OutcomeAmendOrOtherRoute,
            "依申请公开",
            "办理结果/告知更改补充或通过其他途径办理",
            N,
            "one count for both",
        ),
        k(
            OutcomeOther,
            "依申请公开",
            "办理结果/其他",
            N,
            "other outcomes",
        ),
        k(
            ReasonStateSecret,
            "依申请公开",
            "不予公开原因/国家秘密",
            N,
            "refused: state secret",
        ),
        k(
            ReasonCommercialSecret,
            "依申请公开",
            "不予公开原因/商业秘密",
            N,
            "refused: commercial secret",
        ),
        k(
            ReasonPrivacy,
            "依申请公开",
            "不予公开原因/个人隐私",
            N,
            "refused: personal privacy",
        ),
        k(
            ReasonSecurity,
            "依申请公开",
            "不予公开原因/危及三安全一稳定",
            N,
            "refused: endangers national, public or economic security or social stability",
        ),
        k(
            ReasonNotGovernmentInformation,
            "依申请公开",
            "不予公开原因/非政府信息",
            N,
            "refused: not government information (`非《条例》所指政府信息`)",
        ),
        k(
            ReasonProcessInformation,
            "依申请公开",
            "不予公开原因/过程性信息",
            N,
            "refused: internal or process information",
        ),
        k(
            ReasonProhibitedByLaw,
            "依申请公开",
            "不予公开原因/法律法规禁止",
            N,
            "refused: prohibited by laws and regulations",
        ),
        k(
            ReasonOther,
            "依申请公开",
            "不予公开原因/其他",
            N,
            "refused: other reasons (`法律法规规定的其他情形`)",
        ),
        k(
            FeesCollected,
            "收费及减免",
            "收取费用",
            M,
            "fees collected (元)",
        ),
        k(FeesWaived, "收费及减免", "减免费用", M, "fees waived (元)"),
        k(
            ReviewTotal,
            "行政复议",
            "总计",
            N,
            "administrative reviews about disclosure",
        ),
        k(ReviewUpheld, "行政复议", "维持", N, "decision upheld"),
        k(
            ReviewCorrected,
            "行政复议",
            "纠错",
            N,
            "decision corrected (纠错/纠正)",
        ),
        k(ReviewOther, "行政复议", "其他", N, "other results"),
        k(
            LitigationTotal,
            "行政诉讼",
            "总计",
            N,
            "lawsuits about disclosure",
        ),
        k(
            LitigationUpheld,
            "行政诉讼",
            "维持",
            N,
            "decision upheld or claim dismissed",
        ),
        k(
            LitigationCorrected,
            "行政诉讼",
            "纠错",
            N,
            "decision corrected",
        ),
        k(LitigationOther, "行政诉讼", "其他", N, "other results"),
        k(
            StaffFullTime,
            "机构人员",
            "人员/专职",
            N,
            "full-time disclosure staff",
        ),
        k(
            StaffPartTime,
            "机构人员",
            "人员/兼职",
            N,
            "part-time disclosure staff",
        ),
        k(
            StaffTotal,
            "机构人员",
            "人员/总计",
            N,
            "full- and part-time staff together (专兼职人员)",
        ),
        k(
            Spending,
            "机构人员",
            "经费",
            M,
            "spending on disclosure work (元)",
        ),
    ]
};

impl LegacyKey {
    /// The key's strings (from [`KEYS`]).
    pub fn def(self) -> &'static KeyDef {
        // Every key is in KEYS (checked by a unit test); the fallback is never used.
        const FALLBACK: KeyDef = k(LegacyKey::Spending, "", "", "", "");
        KEYS.iter().find(|d| d.key == self).unwrap_or(&FALLBACK)
    }

    /// Tidy `table` of the key.
    pub fn table(self) -> &'static str {
        self.def().table
    }

    /// Tidy `row` of the key.
    pub fn row(self) -> &'static str {
        self.def().row
    }

    /// Tidy `column` of the key.
    pub fn column(self) -> &'static str {
        self.def().column
    }

    /// Whether the figure is an amount of money (column `金额`, unit 元).
    pub fn is_amount(self) -> bool {
        self.column() == M
    }
}

impl LegacyFigures {
    /// The figure of a key, if the report states it.
    pub fn get(&self, key: LegacyKey) -> Option<&Figure> {
        self.slot(key).as_ref()
    }

    /// The slot of a key.
    pub fn slot(&self, key: LegacyKey) -> &FigureSlot {
        use LegacyKey::*;
        let (a, r, o, x) = (
            &self.active,
            &self.requests,
            &self.requests.outcomes,
            &self.requests.refusal_reasons,
        );
        match key {
            ActiveTotal => &a.total,
            ActiveWebsite => &a.website,
            ActiveGazette => &a.gazette,
            ActiveWeibo => &a.weibo,
            ActiveWechat => &a.wechat,
            ActivePressConferences => &a.press_conferences,
            ReceivedTotal => &r.received.total,
            ReceivedInPerson => &r.received.in_person,
            ReceivedOnline => &r.received.online,
            ReceivedLetter => &r.received.letter,
            ReceivedFax => &r.received.fax,
            ReceivedEmail => &r.received.email,
            ReceivedPhone => &r.received.phone,
            ReceivedOther => &r.received.other_channel,
            ReceivedOwnLevel => &r.received.own_level,
            ReceivedDepartments => &r.received.departments,
            ReceivedLowerLevels => &r.received.lower_levels,
            Answered => &r.answered,
            AnsweredOnTime => &r.answered_on_time,
            AnsweredLate => &r.answered_late,
            OutcomeAlreadyPublic => &o.already_public,
            OutcomeGranted => &o.granted,
            OutcomePartlyGranted => &o.partly_granted,
            OutcomeRefused => &o.refused,
            OutcomeNonexistent => &o.nonexistent,
            OutcomeNotHeld => &o.not_held,
            OutcomeNonexistentOrNotHeld => &o.nonexistent_or_not_held,
            OutcomeAmend => &o.amend,
            OutcomeOtherRoute => &o.other_route,
            OutcomeAmendOrOtherRoute => &o.amend_or_other_route,
            OutcomeOther => &o.other,
            ReasonStateSecret => &x.state_secret,
            ReasonCommercialSecret => &x.commercial_secret,
            ReasonPrivacy => &x.privacy,
            ReasonSecurity => &x.security,
            ReasonNotGovernmentInformation => &x.not_government_information,
            ReasonProcessInformation => &x.process_information,
            ReasonProhibitedByLaw => &x.prohibited_by_law,
            ReasonOther => &x.other,
            FeesCollected => &self.fees.collected,
            FeesWaived => &self.fees.waived,
            ReviewTotal => &self.review.total,
            ReviewUpheld => &self.review.upheld,
            ReviewCorrected => &self.review.corrected,
            ReviewOther => &self.review.other,
            LitigationTotal => &self.litigation.total,
            LitigationUpheld => &self.litigation.upheld,
            LitigationCorrected => &self.litigation.corrected,
            LitigationOther => &self.litigation.other,
            StaffFullTime => &self.staff.full_time,
            StaffPartTime => &self.staff.part_time,
            StaffTotal => &self.staff.total,
            Spending => &self.staff.spending,
        }
    }

    /// The mutable slot of a key.
    pub fn slot_mut(&mut self, key: LegacyKey) -> &mut FigureSlot {
        use LegacyKey::*;
        let r = &mut self.requests;
        match key {
            ActiveTotal => &mut self.active.total,
            ActiveWebsite => &mut self.active.website,
            ActiveGazette => &mut self.active.gazette,
            ActiveWeibo => &mut self.active.weibo,
            ActiveWechat => &mut self.active.wechat,
            ActivePressConferences => &mut self.active.press_conferences,
            ReceivedTotal => &mut r.received.total,
            ReceivedInPerson => &mut r.received.in_person,
            ReceivedOnline => &mut r.received.online,
            ReceivedLetter => &mut r.received.letter,
            ReceivedFax => &mut r.received.fax,
            ReceivedEmail => &mut r.received.email,
            ReceivedPhone => &mut r.received.phone,
            ReceivedOther => &mut r.received.other_channel,
            ReceivedOwnLevel => &mut r.received.own_level,
            ReceivedDepartments => &mut r.received.departments,
            ReceivedLowerLevels => &mut r.received.lower_levels,
            Answered => &mut r.answered,
            AnsweredOnTime => &mut r.answered_on_time,
            AnsweredLate => &mut r.answered_late,
            OutcomeAlreadyPublic => &mut r.outcomes.already_public,
            OutcomeGranted => &mut r.outcomes.granted,
            OutcomePartlyGranted => &mut r.outcomes.partly_granted,
            OutcomeRefused => &mut r.outcomes.refused,
            OutcomeNonexistent => &mut r.outcomes.nonexistent,
            OutcomeNotHeld => &mut r.outcomes.not_held,
            OutcomeNonexistentOrNotHeld => &mut r.outcomes.nonexistent_or_not_held,
            OutcomeAmend => &mut r.outcomes.amend,
            OutcomeOtherRoute => &mut r.outcomes.other_route,
            OutcomeAmendOrOtherRoute => &mut r.outcomes.amend_or_other_route,
            OutcomeOther => &mut r.outcomes.other,
            ReasonStateSecret => &mut r.refusal_reasons.state_secret,
            ReasonCommercialSecret => &mut r.refusal_reasons.commercial_secret,
            ReasonPrivacy => &mut r.refusal_reasons.privacy,
            ReasonSecurity => &mut r.refusal_reasons.security,
            ReasonNotGovernmentInformation => &mut r.refusal_reasons.not_government_information,
            ReasonProcessInformation => &mut r.refusal_reasons.process_information,
            ReasonProhibitedByLaw => &mut r.refusal_reasons.prohibited_by_law,
            ReasonOther => &mut r.refusal_reasons.other,
            FeesCollected => &mut self.fees.collected,
            FeesWaived => &mut self.fees.waived,
            ReviewTotal => &mut self.review.total,
            ReviewUpheld => &mut self.review.upheld,
            ReviewCorrected => &mut self.review.corrected,
            ReviewOther => &mut self.review.other,
            LitigationTotal => &mut self.litigation.total,
            LitigationUpheld => &mut self.litigation.upheld,
            LitigationCorrected => &mut self.litigation.corrected,
            LitigationOther => &mut self.litigation.other,
            StaffFullTime => &mut self.staff.full_time,
            StaffPartTime => &mut self.staff.part_time,
            StaffTotal => &mut self.staff.total,
            Spending => &mut self.staff.spending,
        }
    }

    /// Every stated figure with its key, in [`KEYS`] order.
    pub fn iter(&self) -> impl Iterator<Item = (LegacyKey, &Figure)> + '_ {
        KEYS.iter()
            .filter_map(move |d| self.get(d.key).map(|f| (d.key, f)))
    }

    /// Whether no figure is stated.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_once_with_its_slot() {
        let mut figs = LegacyFigures::default();
        for (i, d) in KEYS.iter().enumerate() {
            assert_eq!(
                KEYS.iter().filter(|e| e.key == d.key).count(),
                1,
                "{:?}",
                d.key
            );
            assert!(figs.get(d.key).is_none());
            *figs.slot_mut(d.key) = Some(Figure {
                value: Decimal::integer(i as i64),
                unit: None,
                approximate: false,
                phrase: String::new(),
                span: Span::default(),
            });
            assert_eq!(
                figs.get(d.key).map(|f| f.value),
                Some(Decimal::integer(i as i64))
            );
            assert_eq!(d.key.def(), d);
        }
        // Distinct slots: every key kept its own value.
        assert_eq!(figs.iter().count(), KEYS.len());
        for (i, (key, f)) in figs.iter().enumerate() {
            assert_eq!(KEYS.get(i).map(|d| d.key), Some(key));
            assert_eq!(f.value, Decimal::integer(i as i64));
        }
        let keys: std::collections::BTreeSet<(&str, &str, &str)> =
            KEYS.iter().map(|d| (d.table, d.row, d.column)).collect();
        assert_eq!(keys.len(), KEYS.len());
    }

    #[test]
    fn module_docs_list_exactly_the_keys() {
        let src = include_str!("legacy.rs");
        let rows: Vec<String> = src
            .lines()
            .filter_map(|l| l.strip_prefix("//! | "))
            .filter(|l| !l.starts_with("table |") && !l.starts_with("---"))
            .map(|l| l.to_string())
            .collect();
        let expected: Vec<String> = KEYS
            .iter()
            .map(|d| format!("{} | {} | {} | {} |", d.table, d.row, d.column, d.meaning))
            .collect();
        assert_eq!(rows, expected);
    }
}
