//! Property tests of validation through the whole pipeline: generated report
//! *texts* (2019 or 2021 edition, pipe layout like seed 000 or one cell per line like
//! seed 004) with consistent numbers are parsed and validated; they must have no
//! error. Changing one cell must give at least one error naming that cell.
//!
//! Every label printed comes from the catalogue.

use proptest::prelude::*;
use proptest::sample::Index;
use zfxxgk::catalogue::{
    t2_blocks, Edition, Numbering, T2Block, T2Col, T2Row, T3Col, T3Group, T3Row, T4Row, TableId,
    T2_HEADER_LABEL, T3_COLUMNS, T3_HEADER_LABELS, T3_ROWS, T4_COLUMNS, T4_ROWS, TEMPLATE_SECTIONS,
};
use zfxxgk::validate::{validate, Finding, Severity};

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn numeral(n: u8) -> &'static str {
    NUMERALS
        .get(usize::from(n).saturating_sub(1))
        .copied()
        .unwrap_or("")
}

fn numbering(n: Numbering) -> String {
    match n {
        Numbering::Chinese(k) => format!("{}、", numeral(k)),
        Numbering::Paren(k) => format!("({})", numeral(k)),
        Numbering::Arabic(k) => format!("{k}."),
    }
}

/// A report to print: the figures of its three tables.
#[derive(Debug, Clone)]
struct Doc {
    edition: Edition,
    year: u16,
    /// One cell per line (seed 004) instead of one row per line (seed 000).
    flow: bool,
    /// State the figures in 一、总体情况.
    prose: bool,
    t2: Vec<(T2Block, T2Row, T2Col, i64)>,
    t3: Vec<(T3Row, [i64; 7])>,
    t4: Vec<(T4Row, [i64; 5])>,
}

/// A cell of a [`Doc`], by position.
#[derive(Debug, Clone, Copy)]
enum At {
    T2(usize),
    T3(usize, usize),
    T4(usize, usize),
}

impl Doc {
    fn t3_rows(edition: Edition, single_other: bool) -> Vec<T3Row> {
        T3_ROWS
            .iter()
            .filter(|d| {
                if edition == Edition::E2021 && single_other {
                    match d.row {
                        T3Row::OtherProcessing => true,
                        T3Row::OtherNoCorrection | T3Row::OtherUnpaidFee | T3Row::OtherOther => {
                            false
                        }
                        _ => d.editions.contains(&edition),
                    }
                } else {
                    d.editions.contains(&edition)
                }
            })
            .map(|d| d.row)
            .collect()
    }

    /// `single_other`: a 2021 report printing (六)其他处理 as one row, as published
    /// reports do.
    #[allow(clippy::too_many_arguments)]
    fn build(
        edition: Edition,
        year_offset: u16,
        single_other: bool,
        flow: bool,
        prose: bool,
        leaves: Vec<i64>,
        carry: Vec<i64>,
        t2: Vec<i64>,
        t4: Vec<i64>,
    ) -> Doc {
        let year = match edition {
            Edition::E2021 => 2021 + year_offset,
            _ => 2019 + year_offset % 2,
        };
        let rows = Doc::t3_rows(edition, single_other);
        let mut t3: Vec<(T3Row, [i64; 7])> = Vec::new();
        let mut results = [0i64; 7];
        let mut k = 0;
        for &row in rows.iter().filter(|r| r.is_result_leaf()) {
            let mut v = [0i64; 7];
            for c in 0..6 {
                v[c] = leaves.get(k).copied().unwrap_or(0);
                k += 1;
                results[c] += v[c];
            }
            v[6] = v[..6].iter().sum();
            t3.push((row, v));
        }
        results[6] = results[..6].iter().sum();
        let mut forward = [0i64; 7];
        let mut over = [0i64; 7];
        for c in 0..6 {
            forward[c] = carry.get(c).copied().unwrap_or(0);
            // 二 ≤ (七) + 四 keeps 一 non-negative.
            over[c] = carry
                .get(c + 6)
                .copied()
                .unwrap_or(0)
                .min(results[c] + forward[c]);
        }
        forward[6] = forward[..6].iter().sum();
        over[6] = over[..6].iter().sum();
        let mut new = [0i64; 7];
        for c in 0..7 {
            new[c] = results[c] + forward[c] - over[c];
        }
        let mut all = Vec::new();
        for row in rows {
            let v = match row {
                T3Row::NewRequests => Some(new),
                T3Row::CarriedOver => Some(over),
                T3Row::ResultsTotal => Some(results),
                T3Row::CarriedForward => Some(forward),
                _ => t3.iter().find(|(r, _)| *r == row).map(|(_, v)| *v),
            };
            if let Some(v) = v {
                all.push((row, v));
            }
        }
        let mut cells2 = Vec::new();
        let mut i = 0;
        for b in t2_blocks(edition) {
            for &r in b.rows {
                for &c in b.columns {
                    let mut v = t2.get(i).copied().unwrap_or(0);
                    i += 1;
                    if c.is_signed() && v % 3 == 0 {
                        v = -v;
                    }
                    cells2.push((b.block, r, c, v));
                }
            }
        }
        let mut groups = Vec::new();
        for (g, row) in T4_ROWS.into_iter().enumerate() {
            let mut v = [0i64; 5];
            for (c, x) in v.iter_mut().take(4).enumerate() {
                *x = t4.get(g * 4 + c).copied().unwrap_or(0);
            }
            v[4] = v[..4].iter().sum();
            groups.push((row, v));
        }
        Doc {
            edition,
            year,
            flow,
            prose,
            t2: cells2,
            t3: all,
            t4: groups,
        }
    }

    fn cells(&self) -> Vec<At> {
        let mut out: Vec<At> = (0..self.t2.len()).map(At::T2).collect();
        for r in 0..self.t3.len() {
            out.extend((0..7).map(|c| At::T3(r, c)));
        }
        for g in 0..self.t4.len() {
            out.extend((0..5).map(|c| At::T4(g, c)));
        }
        out
    }

    /// Change one cell so that the report is wrong; returns its (table, row, column).
    fn break_cell(&mut self, at: At, delta: i64) -> Option<(TableId, String, String)> {
        match at {
            At::T2(i) => {
                let (_, row, col, v) = self.t2.get_mut(i)?;
                if col.is_signed() {
                    return None;
                }
                *v = -delta;
                Some((TableId::T2, row.key(self.edition).into(), col.key().into()))
            }
            At::T3(r, c) => {
                let (row, v) = self.t3.get_mut(r)?;
                *v.get_mut(c)? += delta;
                let col = T3_COLUMNS.get(c)?;
                Some((TableId::T3, row.key().into(), col.key().into()))
            }
            At::T4(g, c) => {
                let (row, v) = self.t4.get_mut(g)?;
                *v.get_mut(c)? += delta;
                let col = T4_COLUMNS.get(c)?;
                Some((TableId::T4, row.key().into(), col.key().into()))
            }
        }
    }

    fn row(&self, out: &mut String, cells: &[String]) {
        if self.flow {
            for c in cells {
                out.push_str(c);
                out.push_str(" |\n");
            }
        } else {
            out.push_str(&cells.join(" | "));
            out.push_str(" |\n");
        }
    }

    fn heading(out: &mut String, i: usize) {
        if let Some((n, h)) = TEMPLATE_SECTIONS.get(i).and_then(|t| t.template_heading()) {
            out.push_str(&format!("{}{h}\n", numbering(Numbering::Chinese(n))));
        }
    }

    fn print(&self) -> String {
        let mut s = format!("测试县人民政府{}年政府信息公开工作年度报告\n", self.year);
        Doc::heading(&mut s, 0);
        s.push_str(&format!(
            "{}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n",
            self.year
        ));
        if self.prose {
            let new = self
                .t3
                .iter()
                .find(|(r, _)| *r == T3Row::NewRequests)
                .map_or(0, |(_, v)| v[6]);
            let review = self.t4.first().map_or(0, |(_, v)| v[4]);
            s.push_str(&format!(
                "全年共收到政府信息公开申请{new}件，发生行政复议{review}件。\n"
            ));
        }
        // Table 二.
        Doc::heading(&mut s, 1);
        for b in t2_blocks(self.edition) {
            self.row(&mut s, &[b.block.key().to_string()]);
            let mut header = vec![T2_HEADER_LABEL.to_string()];
            for c in b.columns {
                header.push(match c.declared_unit() {
                    Some(u) => format!("{}(单位:{u})", c.key()),
                    None => c.key().to_string(),
                });
            }
            self.row(&mut s, &header);
            for &r in b.rows {
                let mut line = vec![r.key(self.edition).to_string()];
                line.extend(
                    self.t2
                        .iter()
                        .filter(|(bb, rr, _, _)| *bb == b.block && *rr == r)
                        .map(|(_, _, _, v)| v.to_string()),
                );
                self.row(&mut s, &line);
            }
        }
        // Table 三.
        Doc::heading(&mut s, 2);
        let (note, first, who, org) = (
            T3_HEADER_LABELS.first().copied().unwrap_or_default(),
            T3_HEADER_LABELS.get(1).copied().unwrap_or_default(),
            T3_HEADER_LABELS.get(2).copied().unwrap_or_default(),
            T3_HEADER_LABELS.get(3).copied().unwrap_or_default(),
        );
        self.row(
            &mut s,
            &[
                format!("({note}:{first},等于第三项加第四项之和)"),
                who.to_string(),
            ],
        );
        self.row(
            &mut s,
            &[
                T3Col::NaturalPerson.label().to_string(),
                org.to_string(),
                T3Col::Total.label().to_string(),
            ],
        );
        let orgs: Vec<String> = T3_COLUMNS
            .iter()
            .filter(|c| !matches!(c, T3Col::NaturalPerson | T3Col::Total))
            .map(|c| c.label().to_string())
            .collect();
        self.row(&mut s, &orgs);
        let mut last_group: Option<T3Group> = None;
        for (row, v) in &self.t3 {
            let d = row.def();
            let mut line = Vec::new();
            if d.group.is_some() && last_group.is_none() {
                let g = T3Group::Results;
                line.push(format!("{}{}", numbering(g.numbering()), g.label()));
            }
            if let Some(g) = d.group.filter(|g| *g != T3Group::Results) {
                if last_group != Some(g) {
                    line.push(format!("{}{}", numbering(g.numbering()), g.label()));
                }
            }
            last_group = d.group;
            line.push(format!("{}{}", numbering(d.numbering), d.label));
            line.extend(v.iter().map(|x| x.to_string()));
            self.row(&mut s, &line);
        }
        // Table 四.
        Doc::heading(&mut s, 3);
        let top = |r: T4Row| r.key().split('/').next().unwrap_or_default().to_string();
        let sub = |r: T4Row| r.key().rsplit('/').next().unwrap_or_default().to_string();
        self.row(&mut s, &[top(T4Row::Review), top(T4Row::DirectLitigation)]);
        let cols: Vec<String> = T4_COLUMNS.iter().map(|c| c.key().to_string()).collect();
        let mut h2 = cols.clone();
        h2.push(sub(T4Row::DirectLitigation));
        h2.push(sub(T4Row::LitigationAfterReview));
        self.row(&mut s, &h2);
        let mut h3 = cols.clone();
        h3.extend(cols);
        self.row(&mut s, &h3);
        let data: Vec<String> = self
            .t4
            .iter()
            .flat_map(|(_, v)| v.iter().map(|x| x.to_string()))
            .collect();
        self.row(&mut s, &data);
        Doc::heading(&mut s, 4);
        s.push_str("工作还存在一些不足。\n");
        Doc::heading(&mut s, 5);
        s.push_str("无其他需要报告的事项。\n");
        s
    }
}

fn doc() -> impl Strategy<Value = Doc> {
    (
        prop_oneof![Just(Edition::E2019), Just(Edition::E2021)],
        0u16..4,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(prop_oneof![3 => Just(0i64), 2 => 0i64..40], 21 * 6),
        prop::collection::vec(0i64..30, 12),
        prop::collection::vec(0i64..500, 12),
        prop::collection::vec(0i64..12, 12),
    )
        .prop_map(|(e, y, single, flow, prose, leaves, carry, t2, t4)| {
            Doc::build(e, y, single, flow, prose, leaves, carry, t2, t4)
        })
}

fn errors(fs: &[Finding]) -> Vec<&Finding> {
    fs.iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1500,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn consistent_texts_have_no_errors_or_warnings(d in doc()) {
        let text = d.print();
        let report = zfxxgk::parse_report(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(report.edition, d.edition);
        let findings = validate(&report);
        let bad: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        prop_assert!(bad.is_empty(), "{}\n{:#?}", text, bad);
        // Every figure was read: nothing was left not assessable.
        prop_assert!(findings.is_empty(), "{}\n{:#?}", text, findings);
    }

    #[test]
    fn one_changed_cell_is_an_error_naming_it(d in doc(), pick in any::<Index>(), delta in 1i64..5) {
        let mut d = d;
        let cells = d.cells();
        let at = *pick.get(&cells);
        let Some((table, row, column)) = d.break_cell(at, delta) else {
            return Ok(());
        };
        let text = d.print();
        let report = zfxxgk::parse_report(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let findings = validate(&report);
        let errs = errors(&findings);
        prop_assert!(
            errs.iter().any(|f| f.involves(table, &row, &column)),
            "changed {} {} [{}]\n{}\n{:#?}", table.key(), row, column, text, findings
        );
        // The error points into the text at a line of the table.
        for f in errs {
            if let Some(span) = f.span {
                prop_assert!(span.slice(&text).is_some());
            }
        }
    }
}

#[test]
fn a_printed_report_looks_like_seed_000() {
    let d = Doc::build(
        Edition::E2019,
        0,
        false,
        false,
        true,
        vec![1; 126],
        vec![2; 12],
        vec![3; 12],
        vec![1; 12],
    );
    let text = d.print();
    assert!(text.contains("\n第二十条第(一)项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 3 | 3 | 3 |\n"), "{text}");
    assert!(
        text.contains("\n三、本年度办理结果 | (一)予以公开 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n"),
        "{text}"
    );
    assert!(
        text.contains("\n(三)不予公开 | 1.属于国家秘密 | 1 |"),
        "{text}"
    );
    assert!(text.contains("\n(六)其他处理 | 1 |"), "{text}");
    assert!(
        text.contains("\n(七)总计 | 19 | 19 | 19 | 19 | 19 | 19 | 114 |\n"),
        "{text}"
    );
    assert!(
        text.contains("\n1 | 1 | 1 | 1 | 4 | 1 | 1 | 1 | 1 | 4 | 1 | 1 | 1 | 1 | 4 |\n"),
        "{text}"
    );
    let report = zfxxgk::parse_report(&text).expect("parses");
    assert!(validate(&report).is_empty(), "{:#?}", validate(&report));
}

/// Pieces of report text, shuffled into arbitrary (mostly broken) reports.
fn piece() -> impl Strategy<Value = String> {
    let labels: Vec<String> = T3_ROWS
        .iter()
        .map(|d| format!("{}{}", numbering(d.numbering), d.label))
        .chain(TEMPLATE_SECTIONS.iter().filter_map(|t| {
            t.template_heading()
                .map(|(n, h)| format!("{}{h}", numbering(Numbering::Chinese(n))))
        }))
        .chain(T4_COLUMNS.iter().map(|c| c.key().to_string()))
        .chain(T4_ROWS.iter().map(|r| r.key().to_string()))
        .collect();
    prop_oneof![
        prop::sample::select(labels),
        (-5i64..400).prop_map(|v| v.to_string()),
        prop::sample::select(vec![
            "",
            "-",
            "—",
            "/",
            "无",
            "若干",
            "--253",
            "1.5",
            "+22",
            "100余",
            "2.953亿元",
            "|",
            " | ",
            "\n",
            "\r\n",
            "收到政府信息公开申请3件",
            "行政复议2件",
            "　",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 500,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_texts_never_panic(
        parts in prop::collection::vec(piece(), 0..400),
        seps in prop::collection::vec(prop::sample::select(vec![" | ", "\n", " |\n", ""]), 400),
    ) {
        let mut text = String::new();
        for (p, s) in parts.iter().zip(seps.iter()) {
            text.push_str(p);
            text.push_str(s);
        }
        if let Ok(report) = zfxxgk::parse_report(&text) {
            for f in validate(&report) {
                let _ = f.render(&text, "x");
                let _ = f.location(&report, &text);
                if let Some(span) = f.span {
                    prop_assert!(span.end <= text.len());
                }
            }
            let _ = zfxxgk::validate::validate_series(&[report.clone(), report]);
        }
    }
}
