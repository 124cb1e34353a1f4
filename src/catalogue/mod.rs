//! The one catalogue of the national template's labels.
//!
//! Every label the grammar matches, every key the tidy output writes and every cell the
//! validator names comes from here. Keys are those of the crate's LABELS contract
//! (see [`crate::output`]): canonical, simplified, NFKC, numbering stripped,
//! hierarchy joined with `/`.

use serde::{Deserialize, Serialize};

/// Template edition of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Edition {
    /// Free-form reports of 2008–2018 (2008 regulation, no fixed tables).
    #[serde(rename = "legacy")]
    Legacy,
    /// 国办公开办函〔2019〕60号: 2019 and 2020 reports.
    #[serde(rename = "2019")]
    E2019,
    /// 国办公开办函〔2021〕30号: 2021 reports and later.
    #[serde(rename = "2021")]
    E2021,
}

impl Edition {
    /// `"2019"`, `"2021"` or `"legacy"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Edition::Legacy => "legacy",
            Edition::E2019 => "2019",
            Edition::E2021 => "2021",
        }
    }
}

impl std::fmt::Display for Edition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The statistical tables, by section number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum TableId {
    /// 二、主动公开政府信息情况.
    #[serde(rename = "二")]
    T2,
    /// 三、收到和处理政府信息公开申请情况.
    #[serde(rename = "三")]
    T3,
    /// 四、政府信息公开行政复议、行政诉讼情况.
    #[serde(rename = "四")]
    T4,
}

impl TableId {
    /// `"二"`, `"三"` or `"四"`.
    pub fn key(self) -> &'static str {
        match self {
            TableId::T2 => "二",
            TableId::T3 => "三",
            TableId::T4 => "四",
        }
    }

    /// The section that holds the table.
    pub fn topic(self) -> Topic {
        match self {
            TableId::T2 => Topic::ActiveDisclosure,
            TableId::T3 => Topic::Requests,
            TableId::T4 => Topic::ReviewLitigation,
        }
    }
}

// ---------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------

/// Canonical topic of a section (both template editions and pre-2019 reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Topic {
    /// 总体情况 / 概述.
    #[serde(rename = "概述")]
    Overview,
    /// 主动公开政府信息情况.
    #[serde(rename = "主动公开")]
    ActiveDisclosure,
    /// 收到和处理政府信息公开申请情况 / 依申请公开.
    #[serde(rename = "依申请公开")]
    Requests,
    /// 不予公开 (pre-2019 reports that give it a part of its own).
    #[serde(rename = "不予公开")]
    Withheld,
    /// 收费及减免.
    #[serde(rename = "收费及减免")]
    Fees,
    /// 行政复议、行政诉讼.
    #[serde(rename = "复议诉讼")]
    ReviewLitigation,
    /// 咨询.
    #[serde(rename = "咨询")]
    Consultation,
    /// 机构、人员、经费.
    #[serde(rename = "机构人员经费")]
    Staffing,
    /// 存在的主要问题及改进情况.
    #[serde(rename = "问题及改进")]
    Problems,
    /// 其他需要报告的事项.
    #[serde(rename = "其他事项")]
    Other,
}

impl Topic {
    /// The canonical topic name (`概述`, `主动公开`, …).
    pub fn key(self) -> &'static str {
        match self {
            Topic::Overview => "概述",
            Topic::ActiveDisclosure => "主动公开",
            Topic::Requests => "依申请公开",
            Topic::Withheld => "不予公开",
            Topic::Fees => "收费及减免",
            Topic::ReviewLitigation => "复议诉讼",
            Topic::Consultation => "咨询",
            Topic::Staffing => "机构人员经费",
            Topic::Problems => "问题及改进",
            Topic::Other => "其他事项",
        }
    }

    /// The official heading of the topic in the 2019/2021 template, with its number,
    /// for the six template sections.
    pub fn template_heading(self) -> Option<(u8, &'static str)> {
        TEMPLATE_SECTIONS
            .iter()
            .position(|t| *t == self)
            .and_then(|i| SECTION_HEADINGS.get(i).map(|h| (i as u8 + 1, *h)))
    }
}

/// The six sections of the 2019 and 2021 templates, in order.
pub const TEMPLATE_SECTIONS: [Topic; 6] = [
    Topic::Overview,
    Topic::ActiveDisclosure,
    Topic::Requests,
    Topic::ReviewLitigation,
    Topic::Problems,
    Topic::Other,
];

/// The official headings of the six template sections (without numbering).
pub const SECTION_HEADINGS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// Keywords that identify a section's topic from its heading, tried in this order
/// (the first topic with a keyword contained in the heading wins).
pub(crate) const TOPIC_KEYWORDS: &[(Topic, &[&str])] = &[
    (
        Topic::Other,
        &[
            "其他需要报告",
            "其他需要说明",
            "需要说明的",
            "其他事项",
            "其他工作情况",
            "需要报告的事项",
        ],
    ),
    (
        Topic::Problems,
        &["问题", "改进", "工作打算", "努力方向", "下一步"],
    ),
    (
        Topic::ReviewLitigation,
        &["行政复议", "行政诉讼", "复议", "诉讼"],
    ),
    (Topic::Fees, &["收费", "减免"]),
    (Topic::Staffing, &["机构", "人员", "经费", "培训"]),
    (Topic::Consultation, &["咨询"]),
    (
        Topic::Requests,
        &["收到和处理", "依申请", "申请公开", "公开申请"],
    ),
    (Topic::Withheld, &["不予公开"]),
    (Topic::ActiveDisclosure, &["主动公开"]),
    (
        Topic::Overview,
        &[
            "总体情况",
            "概述",
            "概况",
            "基本情况",
            "基本工作情况",
            "总体概述",
        ],
    ),
];

/// The topic a heading text (numbering already stripped) names, if any.
pub(crate) fn topic_of_heading(text: &str) -> Option<Topic> {
    TOPIC_KEYWORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| text.contains(w)))
        .map(|(t, _)| *t)
}

// ---------------------------------------------------------------------------------
// Table 二
// ---------------------------------------------------------------------------------

/// Blocks of table 二 (items of 条例第二十条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T2Block {
    /// 第二十条第(一)项: 规章, 规范性文件.
    Item1,
    /// 第二十条第(五)项: 行政许可.
    Item5,
    /// 第二十条第(六)项: 行政处罚, 行政强制.
    Item6,
    /// 第二十条第(八)项: 行政事业性收费.
    Item8,
    /// 第二十条第(九)项: 政府集中采购 (2019 edition only).
    Item9,
}

impl T2Block {
    /// Canonical block key, e.g. `第二十条第(一)项`.
    pub fn key(self) -> &'static str {
        match self {
            T2Block::Item1 => "第二十条第(一)项",
            T2Block::Item5 => "第二十条第(五)项",
            T2Block::Item6 => "第二十条第(六)项",
            T2Block::Item8 => "第二十条第(八)项",
            T2Block::Item9 => "第二十条第(九)项",
        }
    }

    /// The item numeral in the caption (`一`, `五`, …).
    pub fn numeral(self) -> char {
        match self {
            T2Block::Item1 => '一',
            T2Block::Item5 => '五',
            T2Block::Item6 => '六',
            T2Block::Item8 => '八',
            T2Block::Item9 => '九',
        }
    }

    /// The block whose caption names item `numeral`.
    pub fn from_numeral(numeral: char) -> Option<T2Block> {
        [
            T2Block::Item1,
            T2Block::Item5,
            T2Block::Item6,
            T2Block::Item8,
            T2Block::Item9,
        ]
        .into_iter()
        .find(|b| b.numeral() == numeral)
    }
}

/// Rows of table 二.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T2Row {
    /// 规章.
    Rules,
    /// 规范性文件 (2019) / 行政规范性文件 (2021).
    NormativeDocuments,
    /// 行政许可.
    Licensing,
    /// 其他对外管理服务事项 (2019 only).
    OtherServices,
    /// 行政处罚.
    Penalties,
    /// 行政强制.
    Enforcement,
    /// 行政事业性收费.
    Fees,
    /// 政府集中采购 (2019 only).
    Procurement,
}

impl T2Row {
    /// Canonical row key in `edition`.
    pub fn key(self, edition: Edition) -> &'static str {
        match self {
            T2Row::Rules => "规章",
            T2Row::NormativeDocuments => match edition {
                Edition::E2021 => "行政规范性文件",
                _ => "规范性文件",
            },
            T2Row::Licensing => "行政许可",
            T2Row::OtherServices => "其他对外管理服务事项",
            T2Row::Penalties => "行政处罚",
            T2Row::Enforcement => "行政强制",
            T2Row::Fees => "行政事业性收费",
            T2Row::Procurement => "政府集中采购",
        }
    }

    /// Labels that name this row in printed reports (canonical forms of both
    /// editions, and known variants such as the Taiwan-style `规范性档案`).
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            T2Row::Rules => &["规章"],
            T2Row::NormativeDocuments => &["行政规范性文件", "规范性文件", "规范性档案"],
            T2Row::Licensing => &["行政许可"],
            T2Row::OtherServices => &["其他对外管理服务事项"],
            T2Row::Penalties => &["行政处罚"],
            T2Row::Enforcement => &["行政强制"],
            T2Row::Fees => &["行政事业性收费"],
            T2Row::Procurement => &["政府集中采购"],
        }
    }
}

/// Columns of table 二.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T2Col {
    /// 本年新制作数量 (2019).
    NewlyMade,
    /// 本年新公开数量 (2019).
    NewlyPublished,
    /// 对外公开总数量 (2019).
    TotalPublished,
    /// 上一年项目数量 (2019).
    PreviousYearItems,
    /// 本年增/减 (2019).
    Change,
    /// 处理决定数量 (2019).
    Decisions,
    /// 采购项目数量 (2019).
    ProcurementProjects,
    /// 采购总金额 (2019).
    ProcurementAmount,
    /// 本年制发件数 (2021).
    Issued,
    /// 本年废止件数 (2021).
    Repealed,
    /// 现行有效件数 (2021).
    InForce,
    /// 本年处理决定数量 (2021).
    DecisionsThisYear,
    /// 本年收费金额, in 万元 (2021).
    FeeAmount,
}

impl T2Col {
    /// Canonical column key.
    pub fn key(self) -> &'static str {
        match self {
            T2Col::NewlyMade => "本年新制作数量",
            T2Col::NewlyPublished => "本年新公开数量",
            T2Col::TotalPublished => "对外公开总数量",
            T2Col::PreviousYearItems => "上一年项目数量",
            T2Col::Change => "本年增/减",
            T2Col::Decisions => "处理决定数量",
            T2Col::ProcurementProjects => "采购项目数量",
            T2Col::ProcurementAmount => "采购总金额",
            T2Col::Issued => "本年制发件数",
            T2Col::Repealed => "本年废止件数",
            T2Col::InForce => "现行有效件数",
            T2Col::DecisionsThisYear => "本年处理决定数量",
            T2Col::FeeAmount => "本年收费金额",
        }
    }

    /// The unit the template declares for the column, if any (2021 `本年收费金额`: 万元).
    pub fn declared_unit(self) -> Option<&'static str> {
        match self {
            T2Col::FeeAmount => Some("万元"),
            _ => None,
        }
    }

    /// Whether the column holds a signed change (`本年增/减`).
    pub fn is_signed(self) -> bool {
        matches!(self, T2Col::Change)
    }

    /// Whether the column holds an amount of money rather than a count.
    pub fn is_amount(self) -> bool {
        matches!(self, T2Col::ProcurementAmount | T2Col::FeeAmount)
    }
}

/// A block of table 二 in one edition: its rows and columns, in template order.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct T2BlockDef {
    /// The block.
    pub block: T2Block,
    /// Its rows.
    pub rows: &'static [T2Row],
    /// Its columns after `信息内容`.
    pub columns: &'static [T2Col],
}

/// Table 二 of the 2019 edition.
pub const T2_2019: &[T2BlockDef] = &[
    T2BlockDef {
        block: T2Block::Item1,
        rows: &[T2Row::Rules, T2Row::NormativeDocuments],
        columns: &[
            T2Col::NewlyMade,
            T2Col::NewlyPublished,
            T2Col::TotalPublished,
        ],
    },
    T2BlockDef {
        block: T2Block::Item5,
        rows: &[T2Row::Licensing, T2Row::OtherServices],
        columns: &[T2Col::PreviousYearItems, T2Col::Change, T2Col::Decisions],
    },
    T2BlockDef {
        block: T2Block::Item6,
        rows: &[T2Row::Penalties, T2Row::Enforcement],
        columns: &[T2Col::PreviousYearItems, T2Col::Change, T2Col::Decisions],
    },
    T2BlockDef {
        block: T2Block::Item8,
        rows: &[T2Row::Fees],
        columns: &[T2Col::PreviousYearItems, T2Col::Change],
    },
    T2BlockDef {
        block: T2Block::Item9,
        rows: &[T2Row::Procurement],
        columns: &[T2Col::ProcurementProjects, T2Col::ProcurementAmount],
    },
];

/// Table 二 of the 2021 edition.
pub const T2_2021: &[T2BlockDef] = &[
    T2BlockDef {
        block: T2Block::Item1,
        rows: &[T2Row::Rules, T2Row::NormativeDocuments],
        columns: &[T2Col::Issued, T2Col::Repealed, T2Col::InForce],
    },
    T2BlockDef {
        block: T2Block::Item5,
        rows: &[T2Row::Licensing],
        columns: &[T2Col::DecisionsThisYear],
    },
    T2BlockDef {
        block: T2Block::Item6,
        rows: &[T2Row::Penalties, T2Row::Enforcement],
        columns: &[T2Col::DecisionsThisYear],
    },
    T2BlockDef {
        block: T2Block::Item8,
        rows: &[T2Row::Fees],
        columns: &[T2Col::FeeAmount],
    },
];

/// Table 二's blocks in `edition` (empty for pre-2019 reports).
pub fn t2_blocks(edition: Edition) -> &'static [T2BlockDef] {
    match edition {
        Edition::E2019 => T2_2019,
        Edition::E2021 => T2_2021,
        Edition::Legacy => &[],
    }
}

/// The first-cell label of table 二's header rows.
pub const T2_HEADER_LABEL: &str = "信息内容";

// ---------------------------------------------------------------------------------
// Table 三
// ---------------------------------------------------------------------------------

/// Data columns of table 三, in template order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T3Col {
    /// 自然人.
    NaturalPerson,
    /// 法人或其他组织/商业企业.
    Commercial,
    /// 法人或其他组织/科研机构.
    Research,
    /// 法人或其他组织/社会公益组织.
    PublicInterest,
    /// 法人或其他组织/法律服务机构.
    LegalServices,
    /// 法人或其他组织/其他.
    OtherOrganization,
    /// 总计.
    Total,
}

/// The seven columns of table 三 in order.
pub const T3_COLUMNS: [T3Col; 7] = [
    T3Col::NaturalPerson,
    T3Col::Commercial,
    T3Col::Research,
    T3Col::PublicInterest,
    T3Col::LegalServices,
    T3Col::OtherOrganization,
    T3Col::Total,
];

impl T3Col {
    /// Canonical column key.
    pub fn key(self) -> &'static str {
        match self {
            T3Col::NaturalPerson => "自然人",
            T3Col::Commercial => "法人或其他组织/商业企业",
            T3Col::Research => "法人或其他组织/科研机构",
            T3Col::PublicInterest => "法人或其他组织/社会公益组织",
            T3Col::LegalServices => "法人或其他组织/法律服务机构",
            T3Col::OtherOrganization => "法人或其他组织/其他",
            T3Col::Total => "总计",
        }
    }

    /// The header cell label as printed.
    pub fn label(self) -> &'static str {
        self.key().rsplit('/').next().unwrap_or_default()
    }

    /// Position in the table (0-based).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Header labels of table 三 that carry no data (besides the seven columns).
pub const T3_HEADER_LABELS: &[&str] = &[
    "本列数据的勾稽关系为",
    "第一项加第二项之和",
    "申请人情况",
    "法人或其他组织",
];

/// Group labels of table 三 (rowspan cells without numbers of their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T3Group {
    /// 三、本年度办理结果.
    Results,
    /// (三)不予公开.
    Withheld,
    /// (四)无法提供.
    Unable,
    /// (五)不予处理.
    NotProcessed,
    /// (六)其他处理 (a group in the 2021 edition, a data row in 2019).
    OtherProcessing,
}

impl T3Group {
    /// The group label without numbering.
    pub fn label(self) -> &'static str {
        match self {
            T3Group::Results => "本年度办理结果",
            T3Group::Withheld => "不予公开",
            T3Group::Unable => "无法提供",
            T3Group::NotProcessed => "不予处理",
            T3Group::OtherProcessing => "其他处理",
        }
    }

    /// The numbering the template prints before the label.
    pub fn numbering(self) -> Numbering {
        match self {
            T3Group::Results => Numbering::Chinese(3),
            T3Group::Withheld => Numbering::Paren(3),
            T3Group::Unable => Numbering::Paren(4),
            T3Group::NotProcessed => Numbering::Paren(5),
            T3Group::OtherProcessing => Numbering::Paren(6),
        }
    }

    /// All groups.
    pub const ALL: [T3Group; 5] = [
        T3Group::Results,
        T3Group::Withheld,
        T3Group::Unable,
        T3Group::NotProcessed,
        T3Group::OtherProcessing,
    ];
}

/// Numbering prefixes of template labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Numbering {
    /// `一、` … `十、`.
    Chinese(u8),
    /// `(一)` … `(十)`.
    Paren(u8),
    /// `1.` / `1、`.
    Arabic(u8),
}

/// Data rows of table 三, in template order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum T3Row {
    /// 一、本年新收政府信息公开申请数量.
    NewRequests,
    /// 二、上年结转政府信息公开申请数量.
    CarriedOver,
    /// (一)予以公开.
    Disclosed,
    /// (二)部分公开.
    PartlyDisclosed,
    WithheldStateSecret,
    WithheldByLaw,
    WithheldThreeSafeties,
    WithheldThirdParty,
    WithheldInternalAffairs,
    WithheldProcessInfo,
    WithheldEnforcementFiles,
    WithheldInquiry,
    UnableNotHeld,
    UnableNeedsCreation,
    UnableUnclear,
    NotProcessedComplaint,
    NotProcessedRepeated,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    /// (六)其他处理 as one row (2019 edition, and 2021 reports that print it so).
    OtherProcessing,
    /// 2021 (六)1.
    OtherNoCorrection,
    /// 2021 (六)2.
    OtherUnpaidFee,
    /// 2021 (六)3.其他.
    OtherOther,
    /// (七)总计.
    ResultsTotal,
    /// 四、结转下年度继续办理.
    CarriedForward,
}

/// How a table 三 row is printed and keyed.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct T3RowDef {
    /// The row.
    pub row: T3Row,
    /// Canonical row key (LABELS).
    pub key: &'static str,
    /// The label text without numbering or parenthetical note.
    pub label: &'static str,
    /// The group it sits in, if any.
    pub group: Option<T3Group>,
    /// The numbering printed before the label.
    pub numbering: Numbering,
    /// Editions whose template has the row.
    pub editions: &'static [Edition],
}

const BOTH: &[Edition] = &[Edition::E2019, Edition::E2021];
const ONLY_2021: &[Edition] = &[Edition::E2021];
const ONLY_2019: &[Edition] = &[Edition::E2019];

macro_rules! t3 {
    ($row:ident, $key:expr, $label:expr, $group:expr, $num:expr, $ed:expr) => {
        T3RowDef {
            row: T3Row::$row,
            key: $key,
            label: $label,
            group: $group,
            numbering: $num,
            editions: $ed,
        }
    };
}

use Numbering::{Arabic, Chinese, Paren};
const R: Option<T3Group> = Some(T3Group::Results);
const W: Option<T3Group> = Some(T3Group::Withheld);
const U: Option<T3Group> = Some(T3Group::Unable);
const N: Option<T3Group> = Some(T3Group::NotProcessed);
const O: Option<T3Group> = Some(T3Group::OtherProcessing);

/// Table 三's rows in `edition`'s template, in template order, at compile time: `N`
/// must be their number (a wrong `N` fails the build).
pub(crate) const fn t3_rows_in<const N: usize>(edition: Edition) -> [T3Row; N] {
    let mut out = [T3Row::NewRequests; N];
    let (mut i, mut n) = (0, 0);
    while i < T3_ROWS.len() {
        let def = &T3_ROWS[i];
        let mut e = 0;
        while e < def.editions.len() {
            if def.editions[e] as u8 == edition as u8 {
                assert!(n < N, "more rows in this edition than N");
                out[n] = def.row;
                n += 1;
            }
            e += 1;
        }
        i += 1;
    }
    assert!(n == N, "fewer rows in this edition than N");
    out
}

/// Table 三's rows, in template order (both editions; see [`T3RowDef::editions`]).
pub const T3_ROWS: &[T3RowDef] = &[
    t3!(NewRequests, "本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量", None, Chinese(1), BOTH),
    t3!(CarriedOver, "上年结转政府信息公开申请数量", "上年结转政府信息公开申请数量", None, Chinese(2), BOTH),
    t3!(Disclosed, "本年度办理结果/予以公开", "予以公开", R, Paren(1), BOTH),
    t3!(PartlyDisclosed, "本年度办理结果/部分公开", "部分公开", R, Paren(2), BOTH),
    t3!(WithheldStateSecret, "本年度办理结果/不予公开/属于国家秘密", "属于国家秘密", W, Arabic(1), BOTH),
    t3!(WithheldByLaw, "本年度办理结果/不予公开/其他法律行政法规禁止公开", "其他法律行政法规禁止公开", W, Arabic(2), BOTH),
    t3!(WithheldThreeSafeties, "本年度办理结果/不予公开/危及“三安全一稳定”", "危及“三安全一稳定”", W, Arabic(3), BOTH),
    t3!(WithheldThirdParty, "本年度办理结果/不予公开/保护第三方合法权益", "保护第三方合法权益", W, Arabic(4), BOTH),
    t3!(WithheldInternalAffairs, "本年度办理结果/不予公开/属于三类内部事务信息", "属于三类内部事务信息", W, Arabic(5), BOTH),
    t3!(WithheldProcessInfo, "本年度办理结果/不予公开/属于四类过程性信息", "属于四类过程性信息", W, Arabic(6), BOTH),
    t3!(WithheldEnforcementFiles, "本年度办理结果/不予公开/属于行政执法案卷", "属于行政执法案卷", W, Arabic(7), BOTH),
    t3!(WithheldInquiry, "本年度办理结果/不予公开/属于行政查询事项", "属于行政查询事项", W, Arabic(8), BOTH),
    t3!(UnableNotHeld, "本年度办理结果/无法提供/本机关不掌握相关政府信息", "本机关不掌握相关政府信息", U, Arabic(1), BOTH),
    t3!(UnableNeedsCreation, "本年度办理结果/无法提供/没有现成信息需要另行制作", "没有现成信息需要另行制作", U, Arabic(2), BOTH),
    t3!(UnableUnclear, "本年度办理结果/无法提供/补正后申请内容仍不明确", "补正后申请内容仍不明确", U, Arabic(3), BOTH),
    t3!(NotProcessedComplaint, "本年度办理结果/不予处理/信访举报投诉类申请", "信访举报投诉类申请", N, Arabic(1), BOTH),
    t3!(NotProcessedRepeated, "本年度办理结果/不予处理/重复申请", "重复申请", N, Arabic(2), BOTH),
    t3!(NotProcessedPublication, "本年度办理结果/不予处理/要求提供公开出版物", "要求提供公开出版物", N, Arabic(3), BOTH),
    t3!(NotProcessedExcessive, "本年度办理结果/不予处理/无正当理由大量反复申请", "无正当理由大量反复申请", N, Arabic(4), BOTH),
    t3!(NotProcessedConfirmation, "本年度办理结果/不予处理/要求行政机关确认或重新出具已获取信息", "要求行政机关确认或重新出具已获取信息", N, Arabic(5), BOTH),
    t3!(OtherProcessing, "本年度办理结果/其他处理", "其他处理", R, Paren(6), ONLY_2019),
    t3!(OtherNoCorrection, "本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", O, Arabic(1), ONLY_2021),
    t3!(OtherUnpaidFee, "本年度办理结果/其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", O, Arabic(2), ONLY_2021),
    t3!(OtherOther, "本年度办理结果/其他处理/其他", "其他", O, Arabic(3), ONLY_2021),
    t3!(ResultsTotal, "本年度办理结果/总计", "总计", R, Paren(7), BOTH),
    t3!(CarriedForward, "结转下年度继续办理", "结转下年度继续办理", None, Chinese(4), BOTH),
];

impl T3Row {
    /// The row's catalogue entry.
    pub fn def(self) -> &'static T3RowDef {
        // T3_ROWS lists every variant in declaration order.
        let i = self as usize;
        match T3_ROWS.get(i) {
            Some(d) => d,
            None => &T3_ROWS[0],
        }
    }

    /// Canonical row key (LABELS).
    pub fn key(self) -> &'static str {
        self.def().key
    }

    /// Whether the row is a leaf of the result rows summed into (七)总计.
    pub fn is_result_leaf(self) -> bool {
        let d = self.def();
        d.group.is_some() && self != T3Row::ResultsTotal
    }
}

// ---------------------------------------------------------------------------------
// Table 四
// ---------------------------------------------------------------------------------

/// Row groups of table 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T4Row {
    /// 行政复议.
    Review,
    /// 行政诉讼/未经复议直接起诉.
    DirectLitigation,
    /// 行政诉讼/复议后起诉.
    LitigationAfterReview,
}

/// Table 四's row groups in template order.
pub const T4_ROWS: [T4Row; 3] = [
    T4Row::Review,
    T4Row::DirectLitigation,
    T4Row::LitigationAfterReview,
];

impl T4Row {
    /// Canonical row key.
    pub fn key(self) -> &'static str {
        match self {
            T4Row::Review => "行政复议",
            T4Row::DirectLitigation => "行政诉讼/未经复议直接起诉",
            T4Row::LitigationAfterReview => "行政诉讼/复议后起诉",
        }
    }
}

/// Columns of table 四 (repeated for each row group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum T4Col {
    /// 结果维持.
    Upheld,
    /// 结果纠正.
    Corrected,
    /// 其他结果.
    Other,
    /// 尚未审结.
    Pending,
    /// 总计.
    Total,
}

/// Table 四's columns in template order.
pub const T4_COLUMNS: [T4Col; 5] = [
    T4Col::Upheld,
    T4Col::Corrected,
    T4Col::Other,
    T4Col::Pending,
    T4Col::Total,
];

impl T4Col {
    /// Canonical column key.
    pub fn key(self) -> &'static str {
        match self {
            T4Col::Upheld => "结果维持",
            T4Col::Corrected => "结果纠正",
            T4Col::Other => "其他结果",
            T4Col::Pending => "尚未审结",
            T4Col::Total => "总计",
        }
    }
}

/// Header labels of table 四.
pub const T4_HEADER_LABELS: &[&str] = &[
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t3_rows_are_in_declaration_order() {
        for (i, d) in T3_ROWS.iter().enumerate() {
            assert_eq!(d.row as usize, i, "{}", d.key);
            assert_eq!(d.row.key(), d.key);
        }
        assert_eq!(T3_ROWS.len(), 26);
        let n2019 = T3_ROWS
            .iter()
            .filter(|d| d.editions.contains(&Edition::E2019))
            .count();
        let n2021 = T3_ROWS
            .iter()
            .filter(|d| d.editions.contains(&Edition::E2021))
            .count();
        assert_eq!((n2019, n2021), (23, 25));
    }

    #[test]
    fn headings_name_their_topics() {
        for (i, h) in SECTION_HEADINGS.iter().enumerate() {
            assert_eq!(
                topic_of_heading(h),
                TEMPLATE_SECTIONS.get(i).copied(),
                "{h}"
            );
        }
        assert_eq!(
            topic_of_heading("因政府信息公开申请行政复议、提起行政诉讼的情况"),
            Some(Topic::ReviewLitigation)
        );
        assert_eq!(
            topic_of_heading("政府信息公开的收费及减免情况"),
            Some(Topic::Fees)
        );
        assert_eq!(
            topic_of_heading("政府信息依申请公开情况"),
            Some(Topic::Requests)
        );
        assert_eq!(
            topic_of_heading("本年新收政府信息公开申请数量"),
            Some(Topic::Requests)
        );
    }

    #[test]
    fn template_headings() {
        assert_eq!(
            Topic::Requests.template_heading(),
            Some((3, "收到和处理政府信息公开申请情况"))
        );
        assert_eq!(Topic::Consultation.template_heading(), None);
    }
}

pub(crate) mod matching;
