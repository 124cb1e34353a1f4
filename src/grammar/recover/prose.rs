//! Figures of table 二 stated in the report's own words before the table, with the
//! row and the column both named in one clause (`集中公开现行有效行政规范性文件698件`:
//! 现行有效件数 of 行政规范性文件). A glued row whose digits split several ways keeps
//! only the splittings that agree with such statements.
//!
//! A clause counts only when it names exactly one column of the row's block, the
//! row's label is followed at once by the number and `件`, and it holds no other
//! number; anything looser is no statement.

use crate::catalogue::{T2Col, T2Row};

/// The words that name a column in prose (block （一） only; the other blocks'
/// columns are not stated this way).
pub fn column_words(col: T2Col) -> Option<&'static str> {
    match col {
        T2Col::Issued => Some("制发"),
        T2Col::Repealed => Some("废止"),
        T2Col::InForce => Some("现行有效"),
        T2Col::NewlyMade => Some("新制作"),
        T2Col::NewlyPublished => Some("新公开"),
        T2Col::TotalPublished => Some("对外公开总"),
        _ => None,
    }
}

/// The row's words in prose (the shortest of its labels: `规范性文件` is in
/// `行政规范性文件`).
fn row_words(row: T2Row) -> Option<&'static str> {
    match row {
        T2Row::Rules => Some("规章"),
        T2Row::NormativeDocuments => Some("规范性文件"),
        _ => None,
    }
}

/// The values `prose` states for `row` in each of `cols` (`None` where it states
/// none, or states two different values).
pub fn stated(prose: &str, row: T2Row, cols: &[T2Col]) -> Vec<Option<i64>> {
    let mut out: Vec<Option<Option<i64>>> = vec![None; cols.len()];
    let Some(label) = row_words(row) else {
        return vec![None; cols.len()];
    };
    for clause in prose.split(['，', '。', '；', '、', ',', ';', ':', '：', '\n']) {
        let named: Vec<usize> = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| column_words(**c).is_some_and(|w| clause.contains(w)))
            .map(|(i, _)| i)
            .collect();
        let [i] = named.as_slice() else { continue };
        let Some(p) = clause.find(label) else {
            continue;
        };
        let after = clause.get(p + label.len()..).unwrap_or("").trim_start();
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let rest = after.get(digits.len()..).unwrap_or("").trim_start();
        let before = clause.get(..p).unwrap_or("");
        if digits.is_empty()
            || !rest.starts_with('件')
            || before.chars().any(|c| c.is_ascii_digit())
            || rest.chars().any(|c| c.is_ascii_digit())
            || (digits.len() > 1 && digits.starts_with('0'))
        {
            continue;
        }
        let Ok(v) = digits.parse::<i64>() else {
            continue;
        };
        if let Some(slot) = out.get_mut(*i) {
            record(slot, v);
        }
    }
    out.into_iter().map(Option::flatten).collect()
}

/// A figure stated for one place: the first statement is kept, a second one that
/// disagrees leaves the place with no figure (`Some(None)`), never a choice.
fn record(slot: &mut Option<Option<i64>>, v: i64) {
    *slot = match *slot {
        None => Some(Some(v)),
        Some(Some(x)) if x == v => Some(Some(v)),
        _ => Some(None),
    };
}

/// The words of table 三's result groups in prose, in template order: （二）部分公开,
/// （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理.
pub const RESULT_WORDS: [&str; 5] = ["部分公开", "不予公开", "无法提供", "不予处理", "其他处理"];

/// The counts the text states for table 三's result groups (`不予公开答复 2 件`,
/// `无法提供的 10 件`), in the order of [`RESULT_WORDS`]. A clause counts when it names
/// one group only (not `予以公开及部分公开`), the number follows the group's words
/// within a few characters and is followed by `件`, and no other number stands in
/// the clause (a parenthesis after `件` aside). Lines are joined first: PDF text
/// breaks `2\n件`. A group stated twice with different counts is not stated.
pub fn stated_results(prose: &str) -> [Option<i64>; 5] {
    let joined: String = prose.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    let mut out: [Option<Option<i64>>; 5] = [None; 5];
    for clause in joined.split(['，', '。', '；', '、', ',', ';', ':', '：']) {
        let named: Vec<usize> = (0..RESULT_WORDS.len())
            .filter(|&i| RESULT_WORDS.get(i).is_some_and(|w| clause.contains(w)))
            .collect();
        let [i] = named.as_slice() else { continue };
        if clause.contains("予以公开") || clause.contains('及') || clause.contains('和') {
            continue;
        }
        let Some(word) = RESULT_WORDS.get(*i) else {
            continue;
        };
        let Some(p) = clause.find(word) else { continue };
        let before = clause.get(..p).unwrap_or("");
        let after = clause.get(p + word.len()..).unwrap_or("");
        let lead: String = after.chars().take_while(|c| !c.is_ascii_digit()).collect();
        let rest = after.get(lead.len()..).unwrap_or("");
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let tail = rest.get(digits.len()..).unwrap_or("").trim_start();
        let Some(unit_rest) = tail.strip_prefix('件') else {
            continue;
        };
        if digits.is_empty()
            || lead.chars().count() > 4
            || lead
                .chars()
                .any(|c| !(c.is_whitespace() || "答复的为共计".contains(c)))
            || before.chars().any(|c| c.is_ascii_digit())
            || (digits.len() > 1 && digits.starts_with('0'))
            || (unit_rest.chars().any(|c| c.is_ascii_digit())
                && !unit_rest.trim_start().starts_with(['(', '（']))
        {
            continue;
        }
        let Ok(v) = digits.parse::<i64>() else {
            continue;
        };
        if let Some(slot) = out.get_mut(*i) {
            record(slot, v);
        }
    }
    out.map(Option::flatten)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: [T2Col; 3] = [T2Col::Issued, T2Col::Repealed, T2Col::InForce];

    #[test]
    fn clauses_naming_row_and_column() {
        let p = "一是做好规范性文件公开。设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。";
        assert_eq!(
            stated(p, T2Row::NormativeDocuments, &COLS),
            vec![Some(88), None, Some(698)]
        );
        assert_eq!(stated(p, T2Row::Rules, &COLS), vec![None; 3]);
    }

    #[test]
    fn loose_statements_are_not_used() {
        // No column named; two columns named; another number in the clause; a unit
        // other than 件; two different values.
        for p in [
            "全年主动公开市政府规章 22 件",
            "本年制发和废止规章3件",
            "2024年制发规章3件",
            "制发政策、规范性文件类信息68条",
            "制发规章3件，另制发规章4件",
        ] {
            assert_eq!(stated(p, T2Row::Rules, &COLS), vec![None; 3], "{p}");
        }
        assert_eq!(
            stated("制发规章3件；制发规章3件", T2Row::Rules, &COLS),
            vec![Some(3), None, None]
        );
    }

    #[test]
    fn result_groups_stated_in_words() {
        // 上海科委 2024, as `pdftotext` breaks it.
        let p = "所有办结的信息公开\n申请中同意公开答复 9 件,部分公开答复 0 件,不予公开答复 2\n件,无法提供的 10 件,不予处理 0 件,其他处理 14 件,转下一\n年度办理答复的有 1 件。";
        assert_eq!(
            stated_results(p),
            [Some(0), Some(2), Some(10), Some(0), Some(14)]
        );
        // 上海办公厅 2025: 予以公开及部分公开 is two groups; the others stand with a
        // share in a parenthesis.
        let p = "其中,予以公开及部分公开 208 件(17.46%),不予公开 20 件(1.68%),因本机关\n不掌握等原因无法提供 564 件(47.36%),属信访、重复申请等\n不予处理 80 件(6.72%),其他处理 319 件(26.78%,含申请人\n主动撤回 157 件)。";
        let got = stated_results(p);
        assert_eq!(got[0], None);
        assert_eq!(got[1], Some(20));
        assert_eq!(got[4], Some(319));
        // Loose statements are not used.
        for p in [
            "2024年不予公开3件",
            "不予公开和无法提供共5件",
            "不予公开申请较上年减少了一半,为3件",
        ] {
            assert_eq!(stated_results(p), [None; 5], "{p}");
        }
    }
}
