//! Structure: sections, tables, edition against year, and what the parser had to
//! tolerate (unknown rows, missing or unreadable cells).

use super::{CellRef, Code, Cx, Finding, FindingSink};
use crate::catalogue::{
    Edition, T2Block, T2Col, T2Row, T3Col, T3Row, T4Col, T4Row, TEMPLATE_SECTIONS,
};
use crate::model::{Cell, Report, Value, Warning, WarningKind};
use crate::span::Span;

/// Whether two spans share a byte (or are the same empty position).
fn overlaps(a: Span, b: Span) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && a.end == b.end)
}

fn heading_of(n: u8, h: &str) -> String {
    let numeral = ["一", "二", "三", "四", "五", "六"]
        .get(usize::from(n).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{numeral}、{h}")
}

/// Every structure rule; template rules only for 2019/2021-edition reports.
pub(super) fn check<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if report.edition != Edition::Legacy {
        missing_sections(report, cx);
        section_order(report, cx);
        edition_year(report, cx);
    }
    super::completeness::check(report, cx);
    parser_warnings(report, cx);
    unreadable_cells(report, cx);
}

/// `STRUCT-MISSING-SECTION`: the parser's [`WarningKind::MissingSection`] warnings,
/// each pointing where the section should have been.
fn missing_sections<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::StructMissingSection) {
        return;
    }
    for w in &report.warnings {
        let WarningKind::MissingSection { topic } = &w.kind else {
            continue;
        };
        let heading = match topic.template_heading() {
            Some((n, h)) => heading_of(n, h),
            None => topic.key().to_string(),
        };
        let mut f = Finding::new(
            Code::StructMissingSection,
            Code::StructMissingSection.severity(),
            format!("section {heading} is missing"),
        );
        f.span = Some(w.span);
        cx.emit(f);
    }
}

fn section_order<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::StructSectionOrder) {
        return;
    }
    let mut latest: Option<(usize, &str)> = None;
    for s in &report.sections {
        let Some(i) = s
            .topic
            .and_then(|t| TEMPLATE_SECTIONS.iter().position(|x| *x == t))
        else {
            continue;
        };
        match latest {
            Some((j, before)) if i < j => {
                let mut f = Finding::new(
                    Code::StructSectionOrder,
                    Code::StructSectionOrder.severity(),
                    format!(
                        "section “{}” (template section {}) comes after “{before}” (template section {})",
                        s.heading,
                        i + 1,
                        j + 1
                    ),
                );
                f.span = Some(s.heading_span);
                cx.emit(f);
            }
            _ => latest = Some((i, s.heading.as_str())),
        }
    }
}

fn edition_year<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::StructEditionYear) {
        return;
    }
    let Some(year) = report.metadata.year.as_ref() else {
        return;
    };
    let message = match report.edition {
        Edition::E2019 if year.value >= 2021 => format!(
            "the report covers {} but uses the 2019 edition's tables (国办公开办函〔2019〕60号); \
             reports from 2021 on use the 2021 edition (国办公开办函〔2021〕30号)",
            year.value
        ),
        Edition::E2021 if year.value <= 2020 => format!(
            "the report covers {} but uses the 2021 edition's tables (国办公开办函〔2021〕30号), \
             which apply from the 2021 reports on",
            year.value
        ),
        _ => return,
    };
    let mut f = Finding::new(
        Code::StructEditionYear,
        Code::StructEditionYear.severity(),
        message,
    );
    f.span = Some(year.span);
    cx.emit(f);
}

fn code_of(kind: &WarningKind) -> Option<Code> {
    match kind {
        // A row with values is a completeness finding (its values were not used).
        WarningKind::UnknownRow { unused, .. } if unused.is_empty() => Some(Code::StructUnknownRow),
        WarningKind::MissingCell { .. } => Some(Code::CellMissing),
        _ => None,
    }
}

fn from_warning(code: Code, w: &Warning) -> Finding {
    let mut f = Finding::new(code, code.severity(), w.message());
    f.span = Some(w.span);
    f
}

/// Parser warnings of kinds UnknownRow and MissingCell, as findings. (MissingRow,
/// MissingTable and MissingSection are covered by the structure rules above, and
/// UnreadableCell by [`unreadable_cells`].)
fn parser_warnings<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    for w in &report.warnings {
        if let Some(code) = code_of(&w.kind) {
            if cx.runs(code) {
                cx.emit(from_warning(code, w));
            }
        }
    }
}

/// Which cell of which table (the reference is built only for findings).
#[derive(Clone, Copy)]
enum Key {
    T2(Edition, T2Block, T2Row, T2Col),
    T3(T3Row, T3Col),
    T4(T4Row, T4Col),
}

impl Key {
    fn r(self, cell: &Cell) -> CellRef {
        match self {
            Key::T2(e, b, r, c) => CellRef::t2(e, b, r, c, Some(cell)),
            Key::T3(r, c) => CellRef::t3(r, c, Some(cell)),
            Key::T4(r, c) => CellRef::t4(r, c, Some(cell)),
        }
    }
}

/// Every printed cell of the tables with its key.
fn all_cells(report: &Report) -> impl Iterator<Item = (Key, &Cell)> + '_ {
    let t = &report.tables;
    let t2 = t.active_disclosure.iter().flat_map(|a| {
        let e = a.edition();
        a.cells()
            .map(move |(b, r, c, cell)| (Key::T2(e, b, r, c), cell))
    });
    let t3 = t
        .requests
        .iter()
        .flat_map(|q| q.cells().map(|(r, c, cell)| (Key::T3(r, c), cell)));
    let t4 = t
        .appeals
        .iter()
        .flat_map(|a| a.cells().map(|(r, c, cell)| (Key::T4(r, c), cell)));
    t2.chain(t3).chain(t4)
}

/// `CELL-UNREADABLE`: every cell holding [`Value::Unreadable`] (with the parser's
/// message when it warned about it), and the parser's UnreadableCell warnings that
/// match no cell of the model.
fn unreadable_cells<S: FindingSink + ?Sized>(report: &Report, cx: &mut Cx<'_, S>) {
    if !cx.runs(Code::CellUnreadable) {
        return;
    }
    let warnings: Vec<&Warning> = report
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::UnreadableCell { .. }))
        .collect();
    let mut used = vec![false; warnings.len()];
    for (key, cell) in all_cells(report) {
        if cell.value != Value::Unreadable {
            continue;
        }
        let r = key.r(cell);
        let hit = warnings.iter().position(|w| overlaps(w.span, cell.span));
        if let Some(u) = hit.and_then(|i| used.get_mut(i)) {
            *u = true;
        }
        let mut f = Finding::new(
            Code::CellUnreadable,
            Code::CellUnreadable.severity(),
            format!("{}: `{}` is not a number", r.label(), cell.raw),
        );
        f.span = Some(cell.span);
        f.cells = vec![r];
        cx.emit(f);
    }
    for (w, used) in warnings.iter().zip(used) {
        if !used {
            cx.emit(from_warning(Code::CellUnreadable, w));
        }
    }
}
