//! Output: the tidy cell records ([`Report::cells`](crate::Report::cells)), one per
//! statistical cell, for datasets built from many reports (JSON Lines with
//! `serde_json`, or any serde format). JSON of the whole [`Report`](crate::Report)
//! comes from its serde implementation.
//!
//! Keys, in this order (the JSON field order):
//!
//! | key | meaning |
//! |---|---|
//! | `table` | `二`, `三` or `四`; for pre-2019 reports a figure group (`主动公开`, `依申请公开`, `收费及减免`, `行政复议`, `行政诉讼`, `机构人员`), see [`crate::model::legacy`] |
//! | `block` | table 二 only: `第二十条第(一)项` …; empty for 三 and 四 |
//! | `row` | canonical row path (`本年度办理结果/不予公开/属于国家秘密`) |
//! | `column` | canonical column path (`法人或其他组织/商业企业`) |
//! | `value` | the number, scaled (`31.2万件` → 312000): a JSON integer, or a string of exact digits when it has decimals (`"24252.311082"`); `null` when blank, a dash or unreadable |
//! | `unit` | the unit of the value, or `null`; a column that declares its unit (2021 `本年收费金额`: `万元`) always gives it, blank cells included |
//! | `kind` | what the cell holds: `number`, `blank`, `dash` (`-`, `—`, `/`) or `unreadable` |
//! | `approximate` | `true` when the text marks the figure as approximate (`2万余`, `100多`, `约300`) |
//! | `raw` | the cell text after normalization, exactly as read |
//! | `line` | 1-based line of the cell in the original input |
//! | `placement` | how the cell's place was decided: `label` (its row label and its field among the row's delimited fields), `position` (its row label and its column position on the page, in space-aligned PDF text), `arithmetic` (solved by the template's identities); pre-2019 figures are `label` |
//! | `note` | a note printed with the number (`147（含合并2件）` → `含合并2件`), or `null` |
//!
//! `无` ("none") is the number 0 (`kind` `number`); a blank is never 0. Keys come from
//! [`crate::catalogue`]; they are a contract and change only with a CHANGELOG entry.
//! New keys may be added (after `note`); programs should read records by key.
//!
//! ```
//! let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n\
//!             约30 | - | 0 | 0 | 30 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
//! let report = zfxxgk::parse_report(text).unwrap();
//! let json: Vec<String> = report
//!     .cells()
//!     .take(2)
//!     .map(|r| serde_json::to_string(&r).unwrap())
//!     .collect();
//! assert_eq!(
//!     json[0],
//!     r#"{"table":"四","block":"","row":"行政复议","column":"结果维持","value":30,"unit":null,"kind":"number","approximate":true,"raw":"约30","line":3,"placement":"label","note":null}"#
//! );
//! assert!(json[1].contains(r#""value":null,"unit":null,"kind":"dash","approximate":false,"raw":"-""#));
//! ```

mod tidy;

pub use tidy::{CellKind, TidyRecord};
