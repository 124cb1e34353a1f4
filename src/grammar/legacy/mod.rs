//! Pre-2019 reports (2008 条例 第三十二条): their sections, and the figures stated in
//! their prose.
//!
//! # Sections
//!
//! [`sections`] finds the numbered parts of a report whatever their wording
//! (`一、概述`, `三、政府信息依申请公开情况`, `四、复议、诉讼和申诉情况`,
//! `六、政府信息公开情况统计表`), also when a web copy has put the whole report on a
//! few long lines (`…联系(…)。 一、概述 2017年我县…`) or glued the body to the heading
//! (`一、概述2018年以来…`). Sub-headings (`(一)`, `1.`, `一是`) stay inside their
//! section; numbers must increase. The last section ends at the page's footer
//! (`上一页 [1] [2]`, `返回顶部`, `下一篇`, attachment file names).
//!
//! # Figures
//!
//! [`figures`] reads [`LegacyFigures`]: for each figure the value, whether it is
//! approximate, and the phrase it was read from. The phrase grammars (in nom) read
//! a figure as a number with a unit (`151件`, `2万余条`, `5万元`, `两名`); a number
//! without a unit (`占60.92`) or with `%` is a percentage or a date and never a figure.
//! Each figure is keyed by the words before it (`网络申请92件`), or after it when
//! nothing stands before (`36件行政复议被确认维持`), and by what the sentence is about
//! (`被申请行政复议71件,…,10件被依法纠错,其他情形25件`). Stated zeros are read from
//! denials: `没有收到…行政复议申请`, `未收到…申请`, `未收取…费用`, `不存在减免`.
//!
//! When a figure is stated more than once, the statement in the section about it
//! wins (主动公开 in the 主动公开 part, then in the overview; applications in the
//! 依申请公开 part; fees in the 收费 part; staff and spending in the 机构人员 part,
//! then in 其他事项 and the overview), then the first in the text.
//!
//! The keys of the figures and of their tidy records are listed in
//! [`crate::model::legacy`].
//!
//! # Consistency
//!
//! These reports define no arithmetic, so disagreements are only warnings
//! ([`WarningKind::FiguresDisagree`]): outcomes against applications answered (or received,
//! when the answered count is not stated), refusal reasons against refusals,
//! channels and levels against applications received (when two or more are
//! stated), and the results of reviews and lawsuits against their totals.
//! Approximate figures are not checked.

mod extract;
mod headings;
mod phrase;

pub use headings::sections;

use super::sections::SectionSlice;
use super::tables::Sink;
use crate::catalogue::Topic;
use crate::model::cell::Decimal;
use crate::model::legacy::{Figure, LegacyFigures, LegacyKey, KEYS};
use crate::model::warning::{StatedFigure, WarningKind};
use extract::Found;
use std::collections::BTreeMap;
use std::ops::Range;

/// Read the figures of a pre-2019 report. `found` are the report's sections (those of
/// the generic splitter, or of [`sections`]); the pre-2019 sections are recomputed
/// from them.
pub fn figures(text: &str, found: &[SectionSlice], sink: &mut Sink<'_>) -> LegacyFigures {
    figures_and_sections(text, found, sink).0
}

/// [`figures`], with the pre-2019 sections it read them from (those of [`sections`]),
/// so that the sections are found once.
pub fn figures_and_sections(
    text: &str,
    found: &[SectionSlice],
    sink: &mut Sink<'_>,
) -> (LegacyFigures, Vec<SectionSlice>) {
    let secs = sections(text, found.to_vec());
    let segs = segments(text, &secs);
    let read = extract::extract(text, &segs);
    let chosen = choose(read);
    let mut figs = LegacyFigures::default();
    let mut ranges: BTreeMap<LegacyKey, Range<usize>> = BTreeMap::new();
    for (key, f) in chosen {
        let phrase = text.get(f.range.clone()).unwrap_or("").to_string();
        *figs.slot_mut(key) = Some(Figure {
            value: f.value,
            unit: f.unit.map(str::to_string),
            approximate: f.approximate,
            phrase,
            span: sink.span(f.range.clone()),
        });
        ranges.insert(key, f.range);
    }
    check(&figs, &ranges, sink);
    (figs, secs)
}

/// The parts of the text figures are read from, with their section's topic: the text
/// before the first heading, and each section's body (headings and the page footer
/// after the last section left out).
fn segments(text: &str, secs: &[SectionSlice]) -> Vec<(Range<usize>, Option<Topic>)> {
    let Some(first) = secs.first() else {
        return vec![(0..text.len(), None)];
    };
    let mut out = vec![(0..first.heading_range.start, None)];
    for s in secs {
        out.push((s.body_range.clone(), s.topic));
    }
    out
}

/// The sections whose statements of a key are preferred, best first.
fn preferred(key: LegacyKey) -> &'static [Topic] {
    use LegacyKey::*;
    match key {
        ActiveTotal
        | ActiveWebsite
        | ActiveGazette
        | ActiveWeibo
        | ActiveWechat
        | ActivePressConferences => &[Topic::ActiveDisclosure, Topic::Overview],
        FeesCollected | FeesWaived => &[Topic::Fees, Topic::Requests, Topic::Staffing],
        ReviewTotal | ReviewUpheld | ReviewCorrected | ReviewOther | LitigationTotal
        | LitigationUpheld | LitigationCorrected | LitigationOther => {
            &[Topic::ReviewLitigation, Topic::Requests]
        }
        StaffFullTime | StaffPartTime | StaffTotal | Spending => {
            &[Topic::Staffing, Topic::Other, Topic::Overview]
        }
        _ => &[Topic::Requests, Topic::Withheld],
    }
}

/// One statement per key: the best-placed, then the first.
fn choose(read: Vec<Found>) -> BTreeMap<LegacyKey, Found> {
    let mut best: BTreeMap<LegacyKey, (usize, Found)> = BTreeMap::new();
    for f in read {
        let pref = preferred(f.key);
        let rank = f
            .topic
            .and_then(|t| pref.iter().position(|p| *p == t))
            .unwrap_or(pref.len());
        match best.get(&f.key) {
            Some((r, g)) if (*r, g.range.start) <= (rank, f.range.start) => {}
            _ => {
                best.insert(f.key, (rank, f));
            }
        }
    }
    best.into_iter().map(|(k, (_, f))| (k, f)).collect()
}

/// Warn where parts disagree with their total.
fn check(figs: &LegacyFigures, ranges: &BTreeMap<LegacyKey, Range<usize>>, sink: &mut Sink<'_>) {
    use LegacyKey::*;
    // Outcomes and refusal reasons are the key catalogue's rows under one heading.
    let group = |prefix: &str| -> Vec<LegacyKey> {
        KEYS.iter()
            .filter(|d| d.row.starts_with(prefix))
            .map(|d| d.key)
            .collect()
    };
    let outcomes = group("办理结果/");
    let reasons = group("不予公开原因/");
    const CHANNELS: &[LegacyKey] = &[
        ReceivedInPerson,
        ReceivedOnline,
        ReceivedLetter,
        ReceivedFax,
        ReceivedEmail,
        ReceivedPhone,
        ReceivedOther,
    ];
    const LEVELS: &[LegacyKey] = &[ReceivedOwnLevel, ReceivedDepartments, ReceivedLowerLevels];
    let answered = if figs.get(Answered).is_some() {
        Answered
    } else {
        ReceivedTotal
    };
    let checks: [(LegacyKey, &[LegacyKey], usize); 6] = [
        (answered, &outcomes, 1),
        (OutcomeRefused, &reasons, 1),
        (ReceivedTotal, CHANNELS, 2),
        (ReceivedTotal, LEVELS, 2),
        (
            ReviewTotal,
            &[ReviewUpheld, ReviewCorrected, ReviewOther],
            1,
        ),
        (
            LitigationTotal,
            &[LitigationUpheld, LitigationCorrected, LitigationOther],
            1,
        ),
    ];
    for (total_key, parts, min) in checks {
        let Some(total) = figs.get(total_key) else {
            continue;
        };
        let stated: Vec<(LegacyKey, &Figure)> = parts
            .iter()
            .filter_map(|k| figs.get(*k).map(|f| (*k, f)))
            .collect();
        if stated.len() < min || total.approximate || stated.iter().any(|(_, f)| f.approximate) {
            continue;
        }
        let sum = stated
            .iter()
            .try_fold(Decimal::integer(0), |acc, (_, f)| acc.checked_add(f.value));
        let Some(sum) = sum else {
            continue;
        };
        if sum == total.value {
            continue;
        }
        let at = ranges.get(&total_key).cloned().unwrap_or(0..0);
        sink.warn(
            WarningKind::FiguresDisagree {
                group: total_key.table().to_string(),
                total: StatedFigure {
                    row: total_key.row().to_string(),
                    value: total.value,
                },
                parts: stated
                    .iter()
                    .map(|(k, f)| StatedFigure {
                        row: k.row().to_string(),
                        value: f.value,
                    })
                    .collect(),
                sum,
            },
            at,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::sections::split_sections;
    use crate::normalize::{normalize, NormalizeOptions};

    fn run_kinds(text: &str) -> (LegacyFigures, Vec<WarningKind>) {
        let norm = normalize(text, &NormalizeOptions::default());
        let t = norm.text().to_string();
        let mut sink = Sink::new(&norm);
        let figs = figures(&t, &split_sections(&t), &mut sink);
        (figs, sink.warnings.into_iter().map(|w| w.kind).collect())
    }

    fn run(text: &str) -> (LegacyFigures, Vec<String>) {
        let (figs, kinds) = run_kinds(text);
        (figs, kinds.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn disagreements_carry_their_figures() {
        let (_, w) = run_kinds(
            "三、依申请公开情况\n共受理申请10件,答复10件。其中,同意公开5件,不予公开3件。\n",
        );
        let [WarningKind::FiguresDisagree {
            group,
            total,
            parts,
            sum,
        }] = w.as_slice()
        else {
            panic!("{w:?}");
        };
        assert_eq!(group, "依申请公开");
        assert_eq!(total.value, Decimal::integer(10));
        assert_eq!(*sum, Decimal::integer(8));
        let values: Vec<Decimal> = parts.iter().map(|p| p.value).collect();
        assert_eq!(values, vec![Decimal::integer(5), Decimal::integer(3)]);
    }

    #[test]
    fn sums_that_disagree_are_warnings() {
        let (f, w) = run("三、依申请公开情况\n共受理申请10件,答复10件。其中,同意公开5件,不予公开3件。\n四、复议诉讼情况\n行政复议3件,维持1件。\n");
        assert_eq!(
            f.get(LegacyKey::Answered).map(|f| f.value),
            Some(Decimal::integer(10))
        );
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().any(|m| m.contains("add up to 8")), "{w:?}");
        assert!(w.iter().any(|m| m.starts_with("行政复议")));
        let (_, w) =
            run("三、依申请公开情况\n共受理申请10件,答复10件。其中,同意公开7件,不予公开3件。\n");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn the_section_about_a_figure_wins() {
        let (f, _) = run("一、概述\n共主动公开政策性文件90份。\n二、主动公开政府信息情况\n2018年全区主动公开政府信息2069条。\n");
        assert_eq!(
            f.get(LegacyKey::ActiveTotal).map(|f| f.value),
            Some(Decimal::integer(2069))
        );
        assert_eq!(
            f.get(LegacyKey::ActiveTotal).map(|f| f.phrase.as_str()),
            Some("2018年全区主动公开政府信息2069条")
        );
    }

    #[test]
    fn nothing_stated_is_none() {
        let (f, w) = run("一、概述\n我县高度重视政府信息公开工作。\n");
        assert!(f.is_empty());
        assert!(w.is_empty());
    }
}
