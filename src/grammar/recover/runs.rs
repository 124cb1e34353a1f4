//! Finding the digit runs of a table printed without cell separators: each template
//! row label in order, the run of digits (and spaces) after it, and nothing but text
//! without digits (group labels, the next label's numbering, a unit) before the next
//! label. A row whose text does not have that shape yields no run, so it is left to
//! the table reader and never read here by guesswork.

use crate::catalogue::{t2_blocks, Edition, Numbering, T2Block, T2Col, T2Row, T3Row};
use std::ops::Range;

/// A row label and the run of cells after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<R> {
    /// The row.
    pub row: R,
    /// The label (with its numbering) in the text.
    pub label: Range<usize>,
    /// The run in the text.
    pub range: Range<usize>,
    /// The run with every whitespace character as one space, trimmed.
    pub text: String,
}

const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn cn(n: u8) -> &'static str {
    CN.get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

/// Where the numbering `num` ends just before `pos` (spaces allowed between), as the
/// numbering's start.
fn numbering_before(text: &str, pos: usize, num: Numbering) -> Option<usize> {
    let before = text.get(..pos)?.trim_end();
    let forms: Vec<String> = match num {
        Numbering::Arabic(n) => vec![format!("{n}."), format!("{n}、"), format!("{n},")],
        Numbering::Paren(n) => vec![format!("({})", cn(n))],
        Numbering::Chinese(n) => vec![format!("{}、", cn(n))],
    };
    forms
        .iter()
        .find_map(|f| before.strip_suffix(f.as_str()).map(|rest| rest.len()))
}

/// The end of a parenthetical note right after a label (`(区分处理的,只计这一情形,…)`).
fn skip_note(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    let trimmed = rest.trim_start();
    let lead = rest.len() - trimmed.len();
    if trimmed.starts_with('(') {
        if let Some(close) = trimmed.find(')') {
            // A note is words, never a run of cells.
            let inner = trimmed.get(1..close).unwrap_or("");
            if !inner.is_empty() && !inner.bytes().any(|b| b.is_ascii_digit()) {
                return at + lead + close + 1;
            }
        }
    }
    at
}

/// The run at the start of `seg` (digits and whitespace, and `.` when `decimals`),
/// with what follows it; `None` when it holds no digit.
fn leading_run(seg: &str, decimals: bool) -> Option<(Range<usize>, String)> {
    let start = seg.len() - seg.trim_start().len();
    let mut end = start;
    for (i, c) in seg.char_indices().skip_while(|(i, _)| *i < start) {
        if c.is_ascii_digit() || c.is_whitespace() || (decimals && c == '.') {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let run = seg.get(start..end)?.trim_end();
    if !run.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = run.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((start..start + run.len(), text))
}

/// A label found: its start (numbering included) and where its cells start.
struct Found {
    start: usize,
    end: usize,
}

fn find_label(
    text: &str,
    from: usize,
    labels: &[&str],
    num: Option<Numbering>,
    need_num: bool,
) -> Option<Found> {
    let hay = text.get(from..)?;
    let mut best: Option<Found> = None;
    for label in labels {
        let mut at = 0;
        while let Some(p) = hay.get(at..).and_then(|h| h.find(label)) {
            let pos = from + at + p;
            let numbered = num.and_then(|n| numbering_before(text, pos, n));
            if numbered.is_some() || !need_num {
                let f = Found {
                    start: numbered.unwrap_or(pos),
                    end: skip_note(text, pos + label.len()),
                };
                if best.as_ref().is_none_or(|b| f.start < b.start) {
                    best = Some(f);
                }
                break;
            }
            at += p + label.len();
        }
    }
    best
}

/// Cut each row's run out of the text between its label and the next one found.
fn cut<R: Copy>(
    text: &str,
    found: Vec<(R, Found)>,
    bound: &[usize],
    decimals: bool,
) -> Vec<Run<R>> {
    let mut out = Vec::new();
    for (i, (row, f)) in found.iter().enumerate() {
        let next = found.get(i + 1).map(|(_, n)| n.start);
        // Runs also stop at the bounds given (captions of other blocks).
        let stop = bound
            .iter()
            .copied()
            .filter(|&b| b >= f.end)
            .chain(next)
            .min();
        let seg_end = stop.unwrap_or(text.len());
        let Some(seg) = text.get(f.end..seg_end.max(f.end)) else {
            continue;
        };
        let Some((r, t)) = leading_run(seg, decimals) else {
            continue;
        };
        // What stands between the run and the next label holds no digit; the last
        // row's run simply ends.
        let rest = seg.get(r.end..).unwrap_or("");
        if stop.is_some() && rest.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        out.push(Run {
            row: *row,
            label: f.start..f.end,
            range: f.end + r.start..f.end + r.end,
            text: t,
        });
    }
    out
}

/// Table 三's runs in `text[range]`, for the rows of `rows` (template order).
pub fn t3_runs(text: &str, range: Range<usize>, rows: &[T3Row]) -> Vec<Run<T3Row>> {
    let Some(region) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut cursor = 0;
    for &row in rows {
        let d = row.def();
        let short = d.label.chars().count() <= 4;
        if let Some(f) = find_label(region, cursor, &[d.label], Some(d.numbering), short) {
            cursor = f.end;
            found.push((row, f));
        }
    }
    cut(region, found, &[], false)
        .into_iter()
        .map(|r| shift(r, range.start))
        .collect()
}

fn shift<R>(mut r: Run<R>, by: usize) -> Run<R> {
    r.label = r.label.start + by..r.label.end + by;
    r.range = r.range.start + by..r.range.end + by;
    r
}

/// Table 二's runs in `text[range]` with each row's block and columns.
pub fn t2_runs(
    text: &str,
    range: Range<usize>,
    edition: Edition,
) -> Vec<(Run<T2Row>, T2Block, &'static [T2Col])> {
    let Some(region) = text.get(range.clone()) else {
        return Vec::new();
    };
    let captions: Vec<usize> = region.match_indices("第二十条").map(|(i, _)| i).collect();
    let mut found = Vec::new();
    let mut info = Vec::new();
    let mut cursor = 0;
    for b in t2_blocks(edition) {
        for &row in b.rows {
            let labels: Vec<&str> = match row {
                // The longer label first: `行政规范性文件` holds `规范性文件`.
                T2Row::NormativeDocuments => vec!["行政规范性文件", "规范性文件"],
                other => other.labels().to_vec(),
            };
            if let Some(f) = find_label(region, cursor, &labels, None, false) {
                cursor = f.end;
                info.push((row, b.block, b.columns));
                found.push((row, f));
            }
        }
    }
    cut(region, found, &captions, true)
        .into_iter()
        .filter_map(|r| {
            let (_, block, cols) = info.iter().find(|(row, _, _)| *row == r.row)?;
            Some((shift(r, range.start), *block, *cols))
        })
        .collect()
}

/// Table 四's run in `text[range]`: the first run of digits and whitespace holding at
/// least fifteen digits (one row of fifteen cells, glued or bare).
pub fn t4_run(text: &str, range: Range<usize>) -> Option<(Range<usize>, String)> {
    let region = text.get(range.clone())?;
    let mut start = None;
    let mut digits = 0;
    let mut end = 0;
    let mut iter = region.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let in_run = c.is_ascii_digit() || (c.is_whitespace() && start.is_some());
        if in_run {
            if start.is_none() {
                start = Some(i);
                digits = 0;
            }
            if c.is_ascii_digit() {
                digits += 1;
                end = i + 1;
            }
        }
        let ends = !in_run || iter.peek().is_none();
        if ends {
            if let Some(s) = start.take() {
                if digits >= 15 {
                    let run = region.get(s..end)?;
                    let t = run.split_whitespace().collect::<Vec<_>>().join(" ");
                    return Some((range.start + s..range.start + end, t));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::recover::arith::t3_rows;

    #[test]
    fn glued_rows_with_numbered_labels() {
        let t = "申请人情况 自然人 总计 一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 (一)予以公开 210000021(二)部分公开(区分处理的,只计这一情形,不计其他情形) 8100009(三)不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000";
        let runs = t3_runs(t, 0..t.len(), &t3_rows(Edition::E2021));
        let got: Vec<(T3Row, &str)> = runs.iter().map(|r| (r.row, r.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (T3Row::NewRequests, "713000074"),
                (T3Row::CarriedOver, "1000001"),
                (T3Row::Disclosed, "210000021"),
                (T3Row::PartlyDisclosed, "8100009"),
                (T3Row::WithheldStateSecret, "0000000"),
                (T3Row::WithheldByLaw, "0000000"),
            ]
        );
        assert_eq!(&t[runs[0].range.clone()], "713000074");
    }

    #[test]
    fn rows_with_stray_digits_before_the_next_label_are_not_cut() {
        // Digits between a run and the next label: the row is not cut.
        let t = "1.属于国家秘密0000000 (三) 8 不予公开 2.其他法律行政法规禁止公开 0000000";
        let rows = [T3Row::WithheldStateSecret, T3Row::WithheldByLaw];
        let runs = t3_runs(t, 0..t.len(), &rows);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].row, T3Row::WithheldByLaw);
        // A numbering without its separator stays in the run, where no splitting
        // with the row's total takes it.
        let t = "1.属于国家秘密00000002其他法律行政法规禁止公开 0000000";
        let runs = t3_runs(t, 0..t.len(), &rows);
        assert_eq!(runs[0].text, "00000002");
        let shape = crate::grammar::recover::arith::t3_shape(&rows);
        assert_eq!(
            crate::grammar::recover::glued::split_row(&runs[0].text, &shape),
            crate::grammar::recover::glued::RowSplits::Impossible
        );
    }

    #[test]
    fn short_labels_need_their_numbering() {
        let t = "总计 其他 3.其他 0200002(七)总计 723000075";
        let rows = [T3Row::OtherOther, T3Row::ResultsTotal];
        let runs = t3_runs(t, 0..t.len(), &rows);
        let got: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(got, vec!["0200002", "723000075"]);
    }

    #[test]
    fn table_2_runs_by_block() {
        let t = "第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698第二十条第(五)项信息内容本年处理决定数量行政许可10690第二十条第(六)项信息内容本年处理决定数量行政处罚2113行政强制0第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费9116.36 三、收到";
        let runs = t2_runs(t, 0..t.len(), Edition::E2021);
        let got: Vec<(T2Row, &str, usize)> = runs
            .iter()
            .map(|(r, _, cols)| (r.row, r.text.as_str(), cols.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                (T2Row::Rules, "000", 3),
                (T2Row::NormativeDocuments, "8855698", 3),
                (T2Row::Licensing, "10690", 1),
                (T2Row::Penalties, "2113", 1),
                (T2Row::Enforcement, "0", 1),
                (T2Row::Fees, "9116.36", 1),
            ]
        );
    }

    #[test]
    fn table_4_run_glued_or_bare() {
        let t = "结果维持结果纠正其他结果尚未审结总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 五、存在";
        let (r, s) = t4_run(t, 0..t.len()).unwrap_or((0..0, String::new()));
        assert_eq!(s, "0 1 1 0 2 1 0 0 0 1 0 0 0 0 0");
        assert_eq!(&t[r], "0 1 1 0 2 1 0 0 0 1 0 0 0 0 0");
        let t = "2019年 总计000000000000000 五";
        assert_eq!(
            t4_run(t, 0..t.len()).map(|x| x.1),
            Some("000000000000000".to_string())
        );
        assert_eq!(t4_run("2019年 12 3", 0..13), None);
    }
}
