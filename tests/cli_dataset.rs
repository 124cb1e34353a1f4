//! `zfxxgk dataset` over a folder of generated reports in mixed encodings and formats,
//! with broken files: every output checked exactly.

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = include_str!("../examples/reports/sample-2022.txt");
const AGENCIES: usize = 75;
const YEARS: [u16; 4] = [2021, 2022, 2023, 2024];
/// The agency and year whose 上年结转 does not continue the year before.
const BROKEN_CHAIN: (usize, u16) = (7, 2022);

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zfxxgk"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zfxxgk-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn agency_name(i: usize) -> String {
    const A: [char; 10] = ['东', '西', '南', '北', '中', '上', '下', '前', '后', '左'];
    const B: [char; 10] = ['山', '水', '林', '田', '湖', '草', '河', '石', '桥', '岭'];
    format!("{}{}镇人民政府", A[i % 10], B[(i / 10) % 10])
}

/// The shipped sample, rewritten for agency `i` and `year`, with figures of its own:
/// 行政许可 and 行政处罚 differ for every report, 现行有效件数 follows the year before
/// (+2 issued −1 repealed), and 上年结转 equals the year before's 结转下年度 except for
/// [`BROKEN_CHAIN`].
fn report_text(i: usize, year: u16) -> String {
    let k = usize::from(year - 2021);
    let mut t = SAMPLE
        .replace("2023", "@NEXT@")
        .replace("2022", &year.to_string())
        .replace("@NEXT@", &(year + 1).to_string())
        .replace("青禾镇人民政府", &agency_name(i))
        .replace(
            "行政规范性文件 | 2 | 1 | 9 |",
            &format!("行政规范性文件 | 2 | 1 | {} |", 9 + k),
        )
        .replace(
            "行政许可 | 356 |",
            &format!("行政许可 | {} |", 100 + i * 4 + k),
        )
        .replace(
            "行政处罚 | 48 |",
            &format!("行政处罚 | {} |", 1000 + i * 4 + k),
        );
    if (i, year) == BROKEN_CHAIN {
        // Two carried over instead of one; the year's own arithmetic and prose still hold.
        t = t
            .replace(
                "一、本年新收政府信息公开申请数量 | 12 | 2 | 0 | 0 | 1 | 0 | 15 |",
                "一、本年新收政府信息公开申请数量 | 11 | 2 | 0 | 0 | 1 | 0 | 14 |",
            )
            .replace(
                "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
                "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
            )
            .replace("收到政府信息公开申请15件", "收到政府信息公开申请14件")
            .replace("上年结转1件", "上年结转2件");
    }
    t
}

/// The report as an HTML page: title in `<title>` and `<h1>`, pipe rows as table rows.
fn to_html(text: &str, charset: &str) -> String {
    let title = text.lines().nth(1).unwrap_or_default();
    let mut h = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n"
    );
    let mut in_table = false;
    for line in text.lines().skip(2) {
        if line.contains(" | ") || line.ends_with(" |") {
            if !in_table {
                h.push_str("<table>\n");
                in_table = true;
            }
            h.push_str("<tr>");
            for cell in line.trim_end_matches('|').split(" | ") {
                h.push_str(&format!("<td>{}</td>", cell.trim()));
            }
            h.push_str("</tr>\n");
        } else {
            if in_table {
                h.push_str("</table>\n");
                in_table = false;
            }
            h.push_str(&format!("<p>{line}</p>\n"));
        }
    }
    if in_table {
        h.push_str("</table>\n");
    }
    h.push_str("</body></html>\n");
    h
}

fn encode(text: &str, enc: &'static Encoding) -> Vec<u8> {
    if enc == UTF_16LE || enc == UTF_16BE {
        let mut out = if enc == UTF_16LE {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            let b = if enc == UTF_16LE {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            };
            out.extend(b);
        }
        return out;
    }
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the report", enc.name());
    bytes.into_owned()
}

/// One generated file: its bytes, and what the dataset must say of it.
struct Generated {
    rel: String,
    bytes: Vec<u8>,
    /// The text whose cells the file must give (`None`: no report).
    text: Option<String>,
    status: &'static str,
    encoding: &'static str,
    format: &'static str,
    agency: String,
    year: String,
}

fn generate() -> Vec<Generated> {
    let mut files = Vec::new();
    for i in 0..AGENCIES {
        for &year in &YEARS {
            let text = report_text(i, year);
            let variant = (i + usize::from(year)) % 8;
            let (ext, bytes, encoding, format) = match variant {
                0 => ("txt", text.clone().into_bytes(), "UTF-8", "text"),
                1 => {
                    let mut b = vec![0xEF, 0xBB, 0xBF];
                    b.extend(text.replace('\n', "\r\n").into_bytes());
                    ("txt", b, "UTF-8", "text")
                }
                2 => ("txt", encode(&text, GBK), "GBK", "text"),
                3 => ("txt", encode(&text, GB18030), "GBK", "text"),
                4 => ("txt", encode(&text, UTF_16LE), "UTF-16LE", "text"),
                5 => ("txt", encode(&text, UTF_16BE), "UTF-16BE", "text"),
                6 => (
                    "html",
                    to_html(&text, "utf-8").into_bytes(),
                    "UTF-8",
                    "html",
                ),
                _ => ("htm", encode(&to_html(&text, "gb2312"), GBK), "GBK", "html"),
            };
            files.push(Generated {
                rel: format!("r{:02}/{year}/report-{i:03}-{year}.{ext}", i / 10),
                bytes,
                text: Some(text),
                status: "ok",
                encoding,
                format,
                agency: agency_name(i),
                year: year.to_string(),
            });
        }
    }
    let broken = |rel: &str, bytes: Vec<u8>, status| Generated {
        rel: rel.to_string(),
        bytes,
        text: None,
        status,
        encoding: "",
        format: "",
        agency: String::new(),
        year: String::new(),
    };
    files.push(broken("broken/empty.txt", Vec::new(), "unreadable"));
    files.push(broken(
        "broken/scan.pdf",
        b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
        "unreadable",
    ));
    files.push(broken(
        "broken/table.xls",
        (0u8..=255).cycle().take(4096).collect(),
        "unreadable",
    ));
    files.push(broken(
        "broken/notice.txt",
        "关于召开会议的通知\n各科室：定于下周一上午召开全体会议。\n".into(),
        "not-a-report",
    ));
    // Cut in the middle of table 三: a report, with the cells before the cut.
    let full = report_text(99, 2021);
    let cut = full.find("（三）不予公开").unwrap();
    files.push(Generated {
        rel: "broken/truncated.txt".into(),
        bytes: full.as_bytes()[..cut].to_vec(),
        text: Some(full[..cut].to_string()),
        status: "ok",
        encoding: "UTF-8",
        format: "text",
        agency: agency_name(99),
        year: "2021".into(),
    });
    files
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn run_dataset(input: &Path, out: &Path, jobs: Option<&str>) {
    let mut cmd = bin();
    cmd.arg("dataset").arg("-o").arg(out);
    if let Some(j) = jobs {
        cmd.args(["--jobs", j]);
    }
    let o = cmd.arg(input).output().unwrap();
    // Some inputs are not reports: exit status 3, and the run went on.
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn dataset_of_mixed_reports() {
    let dir = temp_dir("dataset");
    let input = dir.join("in");
    let files = generate();
    for f in &files {
        let p = input.join(&f.rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, &f.bytes).unwrap();
    }
    let name = |f: &Generated| input.join(&f.rel).to_string_lossy().into_owned();
    let by_name: BTreeMap<String, &Generated> = files.iter().map(|f| (name(f), f)).collect();

    let one = dir.join("one");
    let all = dir.join("all");
    run_dataset(&input, &one, Some("1"));
    run_dataset(&input, &all, Some("4"));
    run_dataset(&input, &dir.join("default"), None);
    for out in ["cells.csv", "cells.jsonl", "reports.csv", "findings.csv"] {
        let a = std::fs::read(one.join(out)).unwrap();
        assert!(
            a == std::fs::read(all.join(out)).unwrap(),
            "{out} differs with 4 jobs"
        );
        assert!(
            a == std::fs::read(dir.join("default").join(out)).unwrap(),
            "{out}"
        );
    }
    // Nothing else is left in the output folder (temporary files are renamed).
    assert_eq!(std::fs::read_dir(&one).unwrap().count(), 4);

    // reports.csv: one row per file, sorted by path, with the right status.
    let (header, reports) = read_csv(&one.join("reports.csv"));
    assert_eq!(
        header,
        [
            "file",
            "status",
            "reason",
            "encoding",
            "format",
            "edition",
            "year",
            "agency",
            "title",
            "cells_read",
            "cells_expected",
            "parse_warnings",
            "parse_warnings_by_kind",
            "findings_error",
            "findings_warning",
            "findings_info"
        ]
    );
    assert_eq!(reports.len(), files.len());
    let names: Vec<&String> = reports.iter().map(|r| &r[0]).collect();
    let sorted: Vec<&String> = by_name.keys().collect();
    assert_eq!(names, sorted);
    for row in &reports {
        let f = by_name[&row[0]];
        assert_eq!(row[1], f.status, "{}: {}", row[0], row[2]);
        assert_eq!(
            (row[3].as_str(), row[4].as_str()),
            (f.encoding, f.format),
            "{}",
            row[0]
        );
        assert_eq!((&row[6], &row[7]), (&f.year, &f.agency), "{}", row[0]);
        if f.status == "ok" && !f.rel.starts_with("broken/") {
            assert_eq!(row[5], "2021");
            assert_eq!(
                row[8],
                format!("{}{}年政府信息公开工作年度报告", f.agency, f.year)
            );
            assert_eq!(
                (row[9].as_str(), row[10].as_str()),
                ("200", "200"),
                "{}",
                row[0]
            );
            // No parser warning; no finding of the report's own rules.
            assert_eq!(&row[11..], ["0", "", "0", "0", "0"], "{}", row[0]);
        }
    }
    let reason = |rel: &str| {
        let row = reports
            .iter()
            .find(|r| r[0] == name(by_name.values().find(|f| f.rel == rel).unwrap()))
            .unwrap();
        row[2].clone()
    };
    assert_eq!(reason("broken/empty.txt"), "the input is empty");
    assert!(reason("broken/scan.pdf").contains("pdftotext -layout FILE"));
    assert!(reason("broken/table.xls").starts_with("not text"));
    assert!(reason("broken/notice.txt").starts_with("not a government information disclosure"));

    // cells.csv: every cell of every readable report, with its file, in file order.
    let (header, cells) = read_csv(&one.join("cells.csv"));
    assert_eq!(
        header,
        [
            "file",
            "agency",
            "year",
            "edition",
            "table",
            "block",
            "row",
            "column",
            "value",
            "unit",
            "kind",
            "approximate",
            "raw",
            "line",
            "placement",
            "note"
        ]
    );
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let (table, block, row_k, column, value, raw, line) = (
        col("table"),
        col("block"),
        col("row"),
        col("column"),
        col("value"),
        col("raw"),
        col("line"),
    );
    let mut got: BTreeMap<&str, Vec<&Vec<String>>> = BTreeMap::new();
    for c in &cells {
        got.entry(c[0].as_str()).or_default().push(c);
    }
    let mut expected_cells = 0;
    for (file, f) in &by_name {
        let Some(text) = &f.text else {
            assert!(!got.contains_key(file.as_str()), "{file}");
            continue;
        };
        let report = zfxxgk::parse_report(text).unwrap();
        let want: Vec<_> = report.cells().collect();
        let have = got
            .get(file.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        assert_eq!(have.len(), want.len(), "{file}");
        expected_cells += want.len();
        for (h, w) in have.iter().zip(&want) {
            assert_eq!(
                (&h[1], &h[2], h[3].as_str()),
                (&f.agency, &f.year, "2021"),
                "{file}"
            );
            assert_eq!(
                (
                    h[table].as_str(),
                    h[block].as_str(),
                    h[row_k].as_str(),
                    h[column].as_str()
                ),
                (w.table, w.block, w.row, w.column),
                "{file}"
            );
            let kind = serde_json::to_value(w.kind).unwrap();
            assert_eq!(h[col("kind")], kind.as_str().unwrap(), "{file}");
            assert_eq!(h[col("approximate")], w.approximate.to_string(), "{file}");
            let v = w.value.map(|v| v.to_string()).unwrap_or_default();
            assert_eq!(
                (h[value].as_str(), h[raw].as_str()),
                (v.as_str(), w.raw),
                "{file}"
            );
            if f.format == "text" {
                assert_eq!(h[line], w.line.to_string(), "{file}");
            }
        }
    }
    assert_eq!(cells.len(), expected_cells);
    // The figures each report was given, read from its own file.
    for i in [0, 7, 42, 74] {
        for &year in &YEARS {
            let k = usize::from(year - 2021);
            let file = by_name
                .iter()
                .find(|(_, f)| f.rel.contains(&format!("report-{i:03}-{year}")))
                .unwrap()
                .0;
            let cell = |r: &str| {
                got[file.as_str()]
                    .iter()
                    .find(|c| c[row_k] == r && c[table] == "二")
                    .map(|c| c[value].clone())
            };
            assert_eq!(
                cell("行政许可"),
                Some((100 + i * 4 + k).to_string()),
                "{file}"
            );
            assert_eq!(
                cell("行政处罚"),
                Some((1000 + i * 4 + k).to_string()),
                "{file}"
            );
        }
    }
    let truncated = &got[name(
        by_name
            .values()
            .find(|f| f.rel == "broken/truncated.txt")
            .unwrap(),
    )
    .as_str()];
    assert!(
        truncated.len() < 200 && truncated.len() > 20,
        "{}",
        truncated.len()
    );

    // cells.jsonl: the same records, one JSON object per line.
    let jsonl = std::fs::read_to_string(one.join("cells.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), cells.len());
    for (l, c) in jsonl.lines().zip(&cells) {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["file"], c[0].as_str());
        assert_eq!(v["row"], c[row_k].as_str());
        assert_eq!(v["raw"], c[raw].as_str());
    }

    // findings.csv: the generated reports have no finding of their own; the planted
    // break of the carry-over chain gives one SERIES-CARRY.
    let (header, findings) = read_csv(&one.join("findings.csv"));
    assert_eq!(
        header,
        [
            "file", "code", "severity", "table", "block", "row", "column", "expected", "actual",
            "line", "message"
        ]
    );
    let trunc_name = name(
        by_name
            .values()
            .find(|f| f.rel == "broken/truncated.txt")
            .unwrap(),
    );
    let others: Vec<&Vec<String>> = findings.iter().filter(|r| r[0] != trunc_name).collect();
    let (bi, by) = BROKEN_CHAIN;
    let broken = by_name
        .iter()
        .find(|(_, f)| f.rel.contains(&format!("report-{bi:03}-{by}")))
        .unwrap();
    let prev = by_name
        .iter()
        .find(|(_, f)| f.rel.contains(&format!("report-{bi:03}-{}", by - 1)))
        .unwrap()
        .0;
    let carry_line = SAMPLE
        .lines()
        .position(|l| l.starts_with("二、上年结转"))
        .unwrap()
        + 1;
    // One finding for the pair of years: the first column that differs, the others
    // named in its message.
    let want: Vec<Vec<String>> = ["自然人"]
        .iter()
        .map(|&column| {
            vec![
                broken.0.clone(),
                "SERIES-CARRY".into(),
                "warning".into(),
                "三".into(),
                String::new(),
                "上年结转政府信息公开申请数量".into(),
                column.into(),
                "1".into(),
                "2".into(),
                if broken.1.format == "text" { carry_line.to_string() } else { String::new() },
                format!(
                    "table 三, column {column}: 上年结转政府信息公开申请数量 of {by} is 2, but 结转下年度继续办理 of {} is 1; also in 1 other column(s): 总计 2 ≠ 1 (previous year: {prev})",
                    by - 1
                ),
            ]
        })
        .collect();
    let mut have: Vec<Vec<String>> = others.iter().map(|r| (*r).clone()).collect();
    if broken.1.format != "text" {
        for r in &mut have {
            r[9] = String::new();
        }
    }
    assert_eq!(have, want);
    // The truncated report's findings say what is missing.
    assert!(findings
        .iter()
        .any(|r| r[0] == trunc_name && r[1] == "COMPLETE-TABLE-MISSING"));

    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn excel_flag_writes_a_byte_order_mark() {
    let dir = temp_dir("excel");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), SAMPLE).unwrap();
    let plain = dir.join("plain");
    let excel = dir.join("excel");
    for (out, extra) in [(&plain, None), (&excel, Some("--excel"))] {
        let mut c = bin();
        c.arg("dataset").arg("-o").arg(out).arg(&input);
        if let Some(x) = extra {
            c.arg(x);
        }
        let o = c.output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    for f in ["cells.csv", "reports.csv", "findings.csv"] {
        let p = std::fs::read(plain.join(f)).unwrap();
        let e = std::fs::read(excel.join(f)).unwrap();
        assert!(p.starts_with(b"file,"));
        assert_eq!(&e[..3], b"\xEF\xBB\xBF");
        assert_eq!(&e[3..], &p[..]);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
