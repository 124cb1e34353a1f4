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
            *slot = match *slot {
                None => Some(Some(v)),
                Some(Some(x)) if x == v => Some(Some(v)),
                _ => Some(None),
            };
        }
    }
    out.into_iter().map(Option::flatten).collect()
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
}
