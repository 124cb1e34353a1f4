//! The three statistical tables as typed structs, one per edition where the editions
//! differ. Every field is an `Option<Cell>`: `None` when the report does not print the
//! cell (a warning says so), never a made-up zero.
//!
//! Field names follow the template; the canonical label keys live in
//! [`crate::catalogue`], and each struct maps catalogue ids to its fields
//! (`slot`/`slot_mut`), so no label is listed twice.

use crate::catalogue::{
    Edition, T2Block, T2Col, T2Row, T3Col, T3Row, T4Col, T4Row, T2_2019, T2_2021, T3_COLUMNS,
    T3_ROWS, T4_COLUMNS, T4_ROWS,
};
use crate::model::cell::Cell;
use serde::{Deserialize, Serialize};

/// A cell slot: `None` when the report does not print the cell.
pub type Slot = Option<Cell>;

// ---------------------------------------------------------------------------------
// Table 二
// ---------------------------------------------------------------------------------

/// 2019 第二十条第(一)项 row: documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Documents2019 {
    /// 本年新制作数量.
    pub newly_made: Slot,
    /// 本年新公开数量.
    pub newly_published: Slot,
    /// 对外公开总数量.
    pub total_published: Slot,
}

/// 2019 第二十条第(五)/(六)项 row: items and decisions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Items2019 {
    /// 上一年项目数量.
    pub previous_year: Slot,
    /// 本年增/减 (signed).
    pub change: Slot,
    /// 处理决定数量.
    pub decisions: Slot,
}

/// 2019 第二十条第(八)项 row: fee items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeItems2019 {
    /// 上一年项目数量.
    pub previous_year: Slot,
    /// 本年增/减 (signed).
    pub change: Slot,
}

/// 2019 第二十条第(九)项 row: central procurement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procurement2019 {
    /// 采购项目数量.
    pub projects: Slot,
    /// 采购总金额 (unit as printed).
    pub total_amount: Slot,
}

/// Table 二 of the 2019 edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveDisclosure2019 {
    /// 规章.
    pub rules: Documents2019,
    /// 规范性文件.
    pub normative_documents: Documents2019,
    /// 行政许可.
    pub licensing: Items2019,
    /// 其他对外管理服务事项.
    pub other_services: Items2019,
    /// 行政处罚.
    pub penalties: Items2019,
    /// 行政强制.
    pub enforcement: Items2019,
    /// 行政事业性收费.
    pub fees: FeeItems2019,
    /// 政府集中采购.
    pub procurement: Procurement2019,
}

/// 2021 第二十条第(一)项 row: documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Documents2021 {
    /// 本年制发件数.
    pub issued: Slot,
    /// 本年废止件数.
    pub repealed: Slot,
    /// 现行有效件数.
    pub in_force: Slot,
}

/// 2021 第二十条第(五)/(六)项 row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisions2021 {
    /// 本年处理决定数量.
    pub decisions: Slot,
}

/// 2021 第二十条第(八)项 row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fees2021 {
    /// 本年收费金额, in 万元.
    pub amount: Slot,
}

/// Table 二 of the 2021 edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveDisclosure2021 {
    /// 规章.
    pub rules: Documents2021,
    /// 行政规范性文件.
    pub normative_documents: Documents2021,
    /// 行政许可.
    pub licensing: Decisions2021,
    /// 行政处罚.
    pub penalties: Decisions2021,
    /// 行政强制.
    pub enforcement: Decisions2021,
    /// 行政事业性收费.
    pub fees: Fees2021,
}

/// Table 二 (主动公开政府信息情况) in the report's edition.
// The 2019 table has more cells than the 2021 one; one table per report, so the
// size difference costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edition", content = "rows")]
#[non_exhaustive]
pub enum ActiveDisclosure {
    /// 2019 edition.
    #[serde(rename = "2019")]
    E2019(ActiveDisclosure2019),
    /// 2021 edition.
    #[serde(rename = "2021")]
    E2021(ActiveDisclosure2021),
}

/// One mapping from catalogue ids to fields, expanded for shared and mutable access.
macro_rules! t2_slots {
    ($self:expr, $row:expr, $col:expr, $($m:tt)+) => {{
        use T2Col::*;
        use T2Row::*;
        match $self {
            ActiveDisclosure::E2019(t) => match ($row, $col) {
                (Rules, NewlyMade) => Some($($m)+ t.rules.newly_made),
                (Rules, NewlyPublished) => Some($($m)+ t.rules.newly_published),
                (Rules, TotalPublished) => Some($($m)+ t.rules.total_published),
                (NormativeDocuments, NewlyMade) => Some($($m)+ t.normative_documents.newly_made),
                (NormativeDocuments, NewlyPublished) => Some($($m)+ t.normative_documents.newly_published),
                (NormativeDocuments, TotalPublished) => Some($($m)+ t.normative_documents.total_published),
                (Licensing, PreviousYearItems) => Some($($m)+ t.licensing.previous_year),
                (Licensing, Change) => Some($($m)+ t.licensing.change),
                (Licensing, Decisions) => Some($($m)+ t.licensing.decisions),
                (OtherServices, PreviousYearItems) => Some($($m)+ t.other_services.previous_year),
                (OtherServices, Change) => Some($($m)+ t.other_services.change),
                (OtherServices, Decisions) => Some($($m)+ t.other_services.decisions),
                (Penalties, PreviousYearItems) => Some($($m)+ t.penalties.previous_year),
                (Penalties, Change) => Some($($m)+ t.penalties.change),
                (Penalties, Decisions) => Some($($m)+ t.penalties.decisions),
                (Enforcement, PreviousYearItems) => Some($($m)+ t.enforcement.previous_year),
                (Enforcement, Change) => Some($($m)+ t.enforcement.change),
                (Enforcement, Decisions) => Some($($m)+ t.enforcement.decisions),
                (Fees, PreviousYearItems) => Some($($m)+ t.fees.previous_year),
                (Fees, Change) => Some($($m)+ t.fees.change),
                (Procurement, ProcurementProjects) => Some($($m)+ t.procurement.projects),
                (Procurement, ProcurementAmount) => Some($($m)+ t.procurement.total_amount),
                _ => None,
            },
            ActiveDisclosure::E2021(t) => match ($row, $col) {
                (Rules, Issued) => Some($($m)+ t.rules.issued),
                (Rules, Repealed) => Some($($m)+ t.rules.repealed),
                (Rules, InForce) => Some($($m)+ t.rules.in_force),
                (NormativeDocuments, Issued) => Some($($m)+ t.normative_documents.issued),
                (NormativeDocuments, Repealed) => Some($($m)+ t.normative_documents.repealed),
                (NormativeDocuments, InForce) => Some($($m)+ t.normative_documents.in_force),
                (Licensing, DecisionsThisYear) => Some($($m)+ t.licensing.decisions),
                (Penalties, DecisionsThisYear) => Some($($m)+ t.penalties.decisions),
                (Enforcement, DecisionsThisYear) => Some($($m)+ t.enforcement.decisions),
                (Fees, FeeAmount) => Some($($m)+ t.fees.amount),
                _ => None,
            },
        }
    }};
}

impl ActiveDisclosure {
    /// An empty table of `edition` (`None` for pre-2019 reports).
    pub fn empty(edition: Edition) -> Option<Self> {
        match edition {
            Edition::E2019 => Some(ActiveDisclosure::E2019(Default::default())),
            Edition::E2021 => Some(ActiveDisclosure::E2021(Default::default())),
            Edition::Legacy => None,
        }
    }

    /// The edition of the table.
    pub fn edition(&self) -> Edition {
        match self {
            ActiveDisclosure::E2019(_) => Edition::E2019,
            ActiveDisclosure::E2021(_) => Edition::E2021,
        }
    }

    /// The slot of `(row, col)`, if the edition's template has that cell.
    pub fn slot(&self, row: T2Row, col: T2Col) -> Option<&Slot> {
        t2_slots!(self, row, col, &)
    }

    /// The mutable slot of `(row, col)`, if the edition's template has that cell.
    pub fn slot_mut(&mut self, row: T2Row, col: T2Col) -> Option<&mut Slot> {
        t2_slots!(self, row, col, &mut)
    }

    /// Every cell the report prints: block, row, column and cell, in template order.
    pub fn cells(&self) -> impl Iterator<Item = (T2Block, T2Row, T2Col, &Cell)> + '_ {
        let blocks = match self {
            ActiveDisclosure::E2019(_) => T2_2019,
            ActiveDisclosure::E2021(_) => T2_2021,
        };
        blocks.iter().flat_map(move |b| {
            b.rows.iter().flat_map(move |&r| {
                b.columns.iter().filter_map(move |&c| {
                    self.slot(r, c)
                        .and_then(Option::as_ref)
                        .map(|cell| (b.block, r, c, cell))
                })
            })
        })
    }
}

// ---------------------------------------------------------------------------------
// Table 三
// ---------------------------------------------------------------------------------

/// One row of table 三: the seven applicant columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicants {
    /// 自然人.
    pub natural_person: Slot,
    /// 法人或其他组织/商业企业.
    pub commercial: Slot,
    /// 法人或其他组织/科研机构.
    pub research: Slot,
    /// 法人或其他组织/社会公益组织.
    pub public_interest: Slot,
    /// 法人或其他组织/法律服务机构.
    pub legal_services: Slot,
    /// 法人或其他组织/其他.
    pub other_organization: Slot,
    /// 总计.
    pub total: Slot,
}

impl Applicants {
    /// The slot of a column.
    pub fn slot(&self, col: T3Col) -> &Slot {
        match col {
            T3Col::NaturalPerson => &self.natural_person,
            T3Col::Commercial => &self.commercial,
            T3Col::Research => &self.research,
            T3Col::PublicInterest => &self.public_interest,
            T3Col::LegalServices => &self.legal_services,
            T3Col::OtherOrganization => &self.other_organization,
            T3Col::Total => &self.total,
        }
    }

    /// The mutable slot of a column.
    pub fn slot_mut(&mut self, col: T3Col) -> &mut Slot {
        match col {
            T3Col::NaturalPerson => &mut self.natural_person,
            T3Col::Commercial => &mut self.commercial,
            T3Col::Research => &mut self.research,
            T3Col::PublicInterest => &mut self.public_interest,
            T3Col::LegalServices => &mut self.legal_services,
            T3Col::OtherOrganization => &mut self.other_organization,
            T3Col::Total => &mut self.total,
        }
    }

    /// The printed cells with their columns, in order.
    pub fn cells(&self) -> impl Iterator<Item = (T3Col, &Cell)> + '_ {
        T3_COLUMNS
            .iter()
            .filter_map(move |&c| self.slot(c).as_ref().map(|cell| (c, cell)))
    }
}

/// Rows under (三)不予公开.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withheld {
    /// 1.属于国家秘密.
    pub state_secret: Option<Applicants>,
    /// 2.其他法律行政法规禁止公开.
    pub prohibited_by_law: Option<Applicants>,
    /// 3.危及“三安全一稳定”.
    pub three_safeties: Option<Applicants>,
    /// 4.保护第三方合法权益.
    pub third_party: Option<Applicants>,
    /// 5.属于三类内部事务信息.
    pub internal_affairs: Option<Applicants>,
    /// 6.属于四类过程性信息.
    pub process_information: Option<Applicants>,
    /// 7.属于行政执法案卷.
    pub enforcement_files: Option<Applicants>,
    /// 8.属于行政查询事项.
    pub inquiry: Option<Applicants>,
}

/// Rows under (四)无法提供.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unable {
    /// 1.本机关不掌握相关政府信息.
    pub not_held: Option<Applicants>,
    /// 2.没有现成信息需要另行制作.
    pub needs_creation: Option<Applicants>,
    /// 3.补正后申请内容仍不明确.
    pub unclear: Option<Applicants>,
}

/// Rows under (五)不予处理.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请.
    pub complaint: Option<Applicants>,
    /// 2.重复申请.
    pub repeated: Option<Applicants>,
    /// 3.要求提供公开出版物.
    pub publication: Option<Applicants>,
    /// 4.无正当理由大量反复申请.
    pub excessive: Option<Applicants>,
    /// 5.要求行政机关确认或重新出具已获取信息.
    pub confirmation: Option<Applicants>,
}

/// (六)其他处理: one row (2019 edition, or a 2021 report that prints it so), or the
/// three rows of the 2021 edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherProcessing {
    /// (六)其他处理 as a single row.
    pub single: Option<Applicants>,
    /// 2021 (六)1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.
    pub no_correction: Option<Applicants>,
    /// 2021 (六)2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请.
    pub unpaid_fee: Option<Applicants>,
    /// 2021 (六)3.其他.
    pub other: Option<Applicants>,
}

/// Table 三 (收到和处理政府信息公开申请情况); rows are `None` when not printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requests {
    /// 一、本年新收政府信息公开申请数量.
    pub new_requests: Option<Applicants>,
    /// 二、上年结转政府信息公开申请数量.
    pub carried_over: Option<Applicants>,
    /// (一)予以公开.
    pub disclosed: Option<Applicants>,
    /// (二)部分公开.
    pub partly_disclosed: Option<Applicants>,
    /// (三)不予公开.
    pub withheld: Withheld,
    /// (四)无法提供.
    pub unable: Unable,
    /// (五)不予处理.
    pub not_processed: NotProcessed,
    /// (六)其他处理.
    pub other_processing: OtherProcessing,
    /// (七)总计.
    pub results_total: Option<Applicants>,
    /// 四、结转下年度继续办理.
    pub carried_forward: Option<Applicants>,
}

macro_rules! t3_rows {
    ($self:expr, $row:expr, $($m:tt)+) => {{
        use T3Row::*;
        let s = $self;
        match $row {
            NewRequests => $($m)+ s.new_requests,
            CarriedOver => $($m)+ s.carried_over,
            Disclosed => $($m)+ s.disclosed,
            PartlyDisclosed => $($m)+ s.partly_disclosed,
            WithheldStateSecret => $($m)+ s.withheld.state_secret,
            WithheldByLaw => $($m)+ s.withheld.prohibited_by_law,
            WithheldThreeSafeties => $($m)+ s.withheld.three_safeties,
            WithheldThirdParty => $($m)+ s.withheld.third_party,
            WithheldInternalAffairs => $($m)+ s.withheld.internal_affairs,
            WithheldProcessInfo => $($m)+ s.withheld.process_information,
            WithheldEnforcementFiles => $($m)+ s.withheld.enforcement_files,
            WithheldInquiry => $($m)+ s.withheld.inquiry,
            UnableNotHeld => $($m)+ s.unable.not_held,
            UnableNeedsCreation => $($m)+ s.unable.needs_creation,
            UnableUnclear => $($m)+ s.unable.unclear,
            NotProcessedComplaint => $($m)+ s.not_processed.complaint,
            NotProcessedRepeated => $($m)+ s.not_processed.repeated,
            NotProcessedPublication => $($m)+ s.not_processed.publication,
            NotProcessedExcessive => $($m)+ s.not_processed.excessive,
            NotProcessedConfirmation => $($m)+ s.not_processed.confirmation,
            OtherProcessing => $($m)+ s.other_processing.single,
            OtherNoCorrection => $($m)+ s.other_processing.no_correction,
            OtherUnpaidFee => $($m)+ s.other_processing.unpaid_fee,
            OtherOther => $($m)+ s.other_processing.other,
            ResultsTotal => $($m)+ s.results_total,
            CarriedForward => $($m)+ s.carried_forward,
        }
    }};
}

impl Requests {
    /// The row, if printed.
    pub fn row(&self, row: T3Row) -> Option<&Applicants> {
        t3_rows!(self, row, &).as_ref()
    }

    /// The mutable row slot.
    pub fn row_mut(&mut self, row: T3Row) -> &mut Option<Applicants> {
        t3_rows!(self, row, &mut)
    }

    /// A cell, if printed.
    pub fn cell(&self, row: T3Row, col: T3Col) -> Option<&Cell> {
        self.row(row).and_then(|r| r.slot(col).as_ref())
    }

    /// Every printed cell with its row and column, in template order.
    pub fn cells(&self) -> impl Iterator<Item = (T3Row, T3Col, &Cell)> + '_ {
        T3_ROWS.iter().flat_map(move |d| {
            self.row(d.row)
                .into_iter()
                .flat_map(move |r| r.cells().map(move |(c, cell)| (d.row, c, cell)))
        })
    }

    /// Rows that are printed, in template order.
    pub fn printed_rows(&self) -> impl Iterator<Item = (T3Row, &Applicants)> + '_ {
        T3_ROWS
            .iter()
            .filter_map(move |d| self.row(d.row).map(|r| (d.row, r)))
    }
}

// ---------------------------------------------------------------------------------
// Table 四
// ---------------------------------------------------------------------------------

/// One group of table 四: outcomes of reviews or lawsuits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcomes {
    /// 结果维持.
    pub upheld: Slot,
    /// 结果纠正.
    pub corrected: Slot,
    /// 其他结果.
    pub other: Slot,
    /// 尚未审结.
    pub pending: Slot,
    /// 总计.
    pub total: Slot,
}

impl Outcomes {
    /// The slot of a column.
    pub fn slot(&self, col: T4Col) -> &Slot {
        match col {
            T4Col::Upheld => &self.upheld,
            T4Col::Corrected => &self.corrected,
            T4Col::Other => &self.other,
            T4Col::Pending => &self.pending,
            T4Col::Total => &self.total,
        }
    }

    /// The mutable slot of a column.
    pub fn slot_mut(&mut self, col: T4Col) -> &mut Slot {
        match col {
            T4Col::Upheld => &mut self.upheld,
            T4Col::Corrected => &mut self.corrected,
            T4Col::Other => &mut self.other,
            T4Col::Pending => &mut self.pending,
            T4Col::Total => &mut self.total,
        }
    }
}

/// Table 四 (政府信息公开行政复议、行政诉讼情况).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeals {
    /// 行政复议.
    pub review: Outcomes,
    /// 行政诉讼/未经复议直接起诉.
    pub direct_litigation: Outcomes,
    /// 行政诉讼/复议后起诉.
    pub litigation_after_review: Outcomes,
}

impl Appeals {
    /// The group of a row.
    pub fn group(&self, row: T4Row) -> &Outcomes {
        match row {
            T4Row::Review => &self.review,
            T4Row::DirectLitigation => &self.direct_litigation,
            T4Row::LitigationAfterReview => &self.litigation_after_review,
        }
    }

    /// The mutable group of a row.
    pub fn group_mut(&mut self, row: T4Row) -> &mut Outcomes {
        match row {
            T4Row::Review => &mut self.review,
            T4Row::DirectLitigation => &mut self.direct_litigation,
            T4Row::LitigationAfterReview => &mut self.litigation_after_review,
        }
    }

    /// A cell, if printed.
    pub fn cell(&self, row: T4Row, col: T4Col) -> Option<&Cell> {
        self.group(row).slot(col).as_ref()
    }

    /// Every printed cell with its row and column, in template order.
    pub fn cells(&self) -> impl Iterator<Item = (T4Row, T4Col, &Cell)> + '_ {
        T4_ROWS.iter().flat_map(move |&r| {
            T4_COLUMNS
                .iter()
                .filter_map(move |&c| self.cell(r, c).map(|cell| (r, c, cell)))
        })
    }
}
