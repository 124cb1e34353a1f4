//! The `zfxxgk` command line: conventions, exit statuses and faults.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const SAMPLE: &str = "examples/reports/sample-2022.txt";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zfxxgk"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zfxxgk-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample with table 四's first group not adding up (总计 2, parts 1): one error.
fn with_error() -> String {
    std::fs::read_to_string(SAMPLE).unwrap().replace(
        "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |",
        "1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |",
    )
}

#[test]
fn help_and_version_on_stdout_with_status_0() {
    for args in [
        &["--help"][..],
        &["parse", "--help"],
        &["validate", "--help"],
        &["dataset", "--help"],
    ] {
        let o = bin().args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains("Usage: zfxxgk"), "{args:?}: {out}");
        assert!(o.stderr.is_empty());
    }
    let o = bin().arg("--version").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        format!("zfxxgk {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2_on_stderr() {
    for args in [
        &[][..],
        &["parse"],
        &["parse", "--format", "xml", SAMPLE],
        &["validate", "--min-severity", "fatal", SAMPLE],
        &["dataset", SAMPLE],
        &["frobnicate"],
    ] {
        let o = bin().args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn parse_json_of_several_files_is_json_lines_with_file() {
    let dir = temp_dir("jsonl");
    let b = dir.join("b.txt");
    std::fs::write(
        &b,
        std::fs::read_to_string(SAMPLE)
            .unwrap()
            .replace("2022", "2021"),
    )
    .unwrap();
    let o = bin()
        .args(["parse", "--format=json", SAMPLE])
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], SAMPLE);
    assert_eq!(lines[0]["metadata"]["year"]["value"], 2022);
    assert_eq!(lines[1]["file"], b.to_str().unwrap());
    assert_eq!(lines[1]["metadata"]["year"]["value"], 2021);
    assert_eq!(lines[1]["source"]["encoding"], "UTF-8");
    // The first key is `file`.
    assert!(out.starts_with("{\"file\":"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parse_tidy_with_file_and_meta_to_a_file() {
    let dir = temp_dir("tidy");
    let out = dir.join("cells.jsonl");
    let o = bin()
        .args(["parse", "-f", "tidy", "--with-file", "--with-meta", "-o"])
        .arg(&out)
        .arg(SAMPLE)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 200);
    assert_eq!(
        text.lines().next().unwrap(),
        "{\"file\":\"examples/reports/sample-2022.txt\",\"agency\":\"青禾镇人民政府\",\"year\":2022,\"edition\":\"2021\",\"table\":\"二\",\"block\":\"第二十条第(一)项\",\"row\":\"规章\",\"column\":\"本年制发件数\",\"value\":0,\"unit\":null,\"kind\":\"number\",\"approximate\":false,\"raw\":\"0\",\"line\":16,\"placement\":\"label\",\"note\":null}"
    );
    // Without --with-meta the record keys come first, as before.
    let o = bin()
        .args(["parse", "--format", "tidy", SAMPLE])
        .output()
        .unwrap();
    let first = String::from_utf8(o.stdout).unwrap();
    assert!(first.starts_with("{\"table\":\"二\",\"block\":"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_exit_status_and_min_severity() {
    let dir = temp_dir("validate");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, with_error()).unwrap();
    let o = bin().arg("validate").arg(&bad).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with("error[T4-GROUP-TOTAL]: table 四, 行政复议: "),
        "{text}"
    );
    assert!(
        text.contains(&format!(" --> {}:61:17\n", bad.display())),
        "{text}"
    );

    let o = bin()
        .args(["validate", "--format=json", "--min-severity=error"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["code"], "T4-GROUP-TOTAL");
    assert_eq!(lines[0]["file"], bad.to_str().unwrap());
    assert_eq!(
        (&lines[0]["line"], &lines[0]["column"]),
        (&61.into(), &17.into())
    );
    assert_eq!(
        (&lines[0]["expected"], &lines[0]["actual"]),
        (&1.into(), &2.into())
    );

    // The sample has no finding: 0; an unreadable input among them: 3 (and the others read).
    let o = bin().args(["validate", SAMPLE]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let o = bin()
        .arg("validate")
        .arg(&bad)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("T4-GROUP-TOTAL"));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("missing.txt: cannot read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn strict_makes_unread_parts_errors() {
    let dir = temp_dir("strict");
    let cut = dir.join("cut.txt");
    // Table 四 cut away: COMPLETE-TABLE-MISSING, a warning about a table not read.
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let end = text.find("四、政府信息公开行政复议").unwrap();
    std::fs::write(&cut, &text[..end]).unwrap();
    let o = bin().arg("validate").arg(&cut).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("warning[COMPLETE-TABLE-MISSING]: "), "{out}");
    assert!(!out.contains("error["), "{out}");
    let o = bin()
        .args(["validate", "--strict"])
        .arg(&cut)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("error[COMPLETE-TABLE-MISSING]: "), "{out}");
    // Not shown below the minimum severity, and then not counted either.
    let o = bin()
        .args(["validate", "--min-severity", "error"])
        .arg(&cut)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_compares_the_years_of_one_agency() {
    let dir = temp_dir("series");
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let a = dir.join("2022.txt");
    let b = dir.join("2023.txt");
    std::fs::write(&a, &text).unwrap();
    // 2023: two carried over where 2022 carried one forward; its own arithmetic holds.
    let next = text
        .replace("2023", "2024")
        .replace("2022", "2023")
        .replace(
            "一、本年新收政府信息公开申请数量 | 12 | 2 | 0 | 0 | 1 | 0 | 15 |",
            "一、本年新收政府信息公开申请数量 | 11 | 2 | 0 | 0 | 1 | 0 | 14 |",
        )
        .replace(
            "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        )
        .replace(
            "行政规范性文件 | 2 | 1 | 9 |",
            "行政规范性文件 | 2 | 1 | 10 |",
        )
        .replace("收到政府信息公开申请15件", "收到政府信息公开申请14件")
        .replace("上年结转1件", "上年结转2件");
    std::fs::write(&b, next).unwrap();
    let o = bin()
        .args(["validate", "--format", "json"])
        .arg(&b)
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(&str, &str, i64, i64, i64)> = lines
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["cells"][0]["column"].as_str().unwrap(),
                f["expected"].as_i64().unwrap(),
                f["actual"].as_i64().unwrap(),
                f["line"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("SERIES-CARRY", "自然人", 1, 2, 33)]);
    assert!(lines.iter().all(|f| f["file"] == b.to_str().unwrap()));
    assert!(lines[0]["message"].as_str().unwrap().ends_with(&format!(
        "; also in 1 other column(s): 总计 2 ≠ 1 (previous year: {})",
        a.display()
    )));
    let o = bin()
        .args(["validate", "--no-series"])
        .arg(&b)
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn encodings_and_pdf_from_the_command_line() {
    let dir = temp_dir("encodings");
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.7\n").unwrap();
    let o = bin()
        .args(["parse", "--format", "tidy"])
        .arg(dir.join("gbk.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let utf8 = bin()
        .args(["parse", "--format", "tidy", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(o.stdout, utf8.stdout);
    let o = bin()
        .arg("parse")
        .arg(dir.join("scan.pdf"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("pdftotext -layout FILE"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn standard_input() {
    let mut child = bin()
        .args(["parse", "--format", "tidy", "--with-file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = std::fs::read(SAMPLE).unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 200);
    assert!(out.starts_with("{\"file\":\"<stdin>\",\"table\":\"二\""));
}

#[cfg(unix)]
#[test]
fn path_that_is_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("nonutf8");
    let path = dir.join(OsStr::from_bytes(b"report-\xFF.txt"));
    std::fs::copy(SAMPLE, &path).unwrap();
    let o = bin()
        .args(["parse", "--format", "tidy", "--with-file"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 200);
    let name = format!("{}/report-\u{FFFD}.txt", dir.display());
    assert!(out.starts_with(&format!(
        "{{\"file\":{}",
        serde_json::to_string(&name).unwrap()
    )));
    let o = bin().arg("validate").arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = dir.join("out");
    let o = bin()
        .arg("dataset")
        .arg("-o")
        .arg(&out)
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let reports = std::fs::read_to_string(out.join("reports.csv")).unwrap();
    assert!(reports
        .lines()
        .nth(1)
        .unwrap()
        .starts_with(&format!("{name},ok,")));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Read one line of the command's output, close the pipe, and check that it ended
/// quietly (no panic message, no error).
fn closed_pipe(args: &[&str], files: &[PathBuf]) {
    let mut child = bin()
        .args(args)
        .args(files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty());
    // stdout is dropped here: the pipe is closed.
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(!err.contains("error:"), "{args:?}: {err}");
    assert!(o.status.code().is_some(), "{args:?}: killed by a signal");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = temp_dir("pipe");
    // Enough output to fill any pipe buffer many times over.
    let files: Vec<PathBuf> = (0..200)
        .map(|i| {
            let p = dir.join(format!("r{i:03}.txt"));
            std::fs::write(&p, with_error()).unwrap();
            p
        })
        .collect();
    // Each file five times: about 700 KB of diagnostics.
    let many: Vec<PathBuf> = files.iter().cycle().take(1000).cloned().collect();
    closed_pipe(&["validate"], &many);
    closed_pipe(&["validate", "--format", "json"], &many);
    closed_pipe(&["parse", "--format", "tidy"], &files);
    closed_pipe(&["parse"], &files);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_an_error() {
    let dir = temp_dir("full");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, with_error()).unwrap();
    for (args, file) in [
        (&["parse"][..], PathBuf::from(SAMPLE)),
        (&["parse", "--format", "tidy"], PathBuf::from(SAMPLE)),
        (&["validate"], bad.clone()),
        (&["validate", "--format", "json"], bad.clone()),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = bin().args(args).arg(&file).stdout(full).output().unwrap();
        assert_eq!(o.status.code(), Some(4), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains("error: writing output: No space left on device"),
            "{err}"
        );
    }
    // -o into a folder that does not exist: nothing written, usage error.
    let o = bin()
        .args(["parse", "-o"])
        .arg(dir.join("no/such/dir/out.json"))
        .arg(SAMPLE)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sparse_gigabyte_is_refused_without_reading_it() {
    let dir = temp_dir("sparse");
    let big = dir.join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(1 << 30).unwrap();
    drop(f);
    for cmd in ["parse", "validate"] {
        let o = bin().arg(cmd).arg(&big).arg(SAMPLE).output().unwrap();
        assert_eq!(o.status.code(), Some(3), "{cmd}");
        let err = String::from_utf8(o.stderr).unwrap();
        // The size told is the file's length: it was refused from its metadata, where
        // reading would have stopped at the limit + 1.
        assert!(
            err.contains("too large: 1073741824 bytes or more, over the limit of 16777216 bytes"),
            "{err}"
        );
    }
    let out = dir.join("out");
    let o = bin()
        .arg("dataset")
        .arg("-o")
        .arg(&out)
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let reports = std::fs::read_to_string(out.join("reports.csv")).unwrap();
    assert!(reports
        .lines()
        .nth(1)
        .unwrap()
        .contains(",unreadable,\"too large: 1073741824 bytes"));
    std::fs::remove_dir_all(&dir).unwrap();
}
