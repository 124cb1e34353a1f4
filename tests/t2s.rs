//! OpenCC `t2s` conversion with the compiled-in tables, against golden outputs of the
//! real OpenCC 1.4.2 (`tests/fixtures/t2s/*.t2s.txt`, written by
//! `scripts/gen-t2s-golden.sh` with the C++ tool of the PyPI package), against that tool
//! itself on every text of the shared folder (`../shared` or `$ZFXXGK_SHARED`; ignored
//! unless run by `scripts/check-t2s.sh`, which installs the tool), and, with the `opencc`
//! feature, against the system library.

mod common;

use std::path::{Path, PathBuf};
use zfxxgk::__internal::{
    builtin_converter, is_traditional, normalize_with, CharTable, Converter, CONTEXT_CHARS,
};
use zfxxgk::normalize::NormalizeOptions;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/t2s");

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (name, input, OpenCC 1.4.2 output) of each golden fixture.
fn golden() -> Vec<(&'static str, String, String)> {
    ["project", "dictionary", "random"]
        .into_iter()
        .map(|name| {
            let input = read(&PathBuf::from(format!("{GOLDEN}/{name}.txt")));
            let output = read(&PathBuf::from(format!("{GOLDEN}/{name}.t2s.txt")));
            (name, input, output)
        })
        .collect()
}

/// Only the conversion step.
fn only_conversion() -> NormalizeOptions {
    NormalizeOptions::none().with_to_simplified(true)
}

/// Assert equal text, naming the first line that differs.
fn assert_same(what: &str, got: &str, want: &str) {
    if got == want {
        return;
    }
    for (n, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "{what}: line {}", n + 1);
    }
    assert_eq!(got.len(), want.len(), "{what}: lengths");
}

#[test]
fn tables_are_opencc_1_4_2() {
    assert_eq!(CharTable::t2s().opencc_version(), "1.4.2");
    let conv = builtin_converter().expect("the builtin converter always exists");
    assert_eq!(conv.name(), "OpenCC 1.4.2 t2s (compiled in)");
    let version = read(&PathBuf::from(format!("{GOLDEN}/VERSION")));
    assert!(version.starts_with("OpenCC 1.4.2 "), "{version}");
}

#[test]
fn golden_outputs_builtin_converter() {
    let conv = builtin_converter().expect("the builtin converter always exists");
    for (name, input, want) in golden() {
        assert_same(name, &conv.convert(&input), &want);
        assert_same(name, &CharTable::t2s().convert(&input), &want);
    }
}

#[test]
fn golden_outputs_through_normalization() {
    let conv = builtin_converter().expect("the builtin converter always exists");
    for (name, input, want) in golden() {
        let n = normalize_with(&input, &only_conversion(), conv);
        assert_same(name, n.text(), &want);
        assert_eq!(n.converted(), input != want, "{name}");
        // One character for one: every output character maps back onto the input
        // character at the same character position.
        let mut from = input.char_indices();
        for (at, c) in n.text().char_indices() {
            let (orig_at, orig) = from.next().expect("as many characters");
            let span = n.original_span(at..at + c.len_utf8());
            assert_eq!(span.start, orig_at, "{name}: {c} at {at}");
            assert_eq!(span.end, orig_at + orig.len_utf8(), "{name}: {c} at {at}");
        }
    }
}

/// A converter that is the builtin one without its tables: normalization then gives it
/// the runs to convert in one call.
struct Plain;
impl Converter for Plain {
    fn convert(&self, text: &str) -> String {
        builtin_converter().expect("builtin").convert(text)
    }
    fn name(&self) -> &str {
        "plain"
    }
}

#[test]
fn golden_outputs_through_a_converter_without_tables() {
    for (name, input, want) in golden() {
        let n = normalize_with(&input, &only_conversion(), &Plain);
        assert_same(name, n.text(), &want);
    }
}

#[test]
fn phrases_by_longest_match() {
    let conv = builtin_converter().expect("builtin");
    for (t, s) in [
        ("乾隆年間乾淨", "乾隆年间干净"),
        ("答覆反覆", "答复反复"),
        ("計畫", "计划"),
        ("不可貲計", "不可赀計"),
        ("土坏", "土坯"),
        ("打坏了", "打坯了"),
        ("坏事", "坏事"),
        ("英哩", "英里"),
        ("長阪", "长阪"),
        ("\u{F9FC}別", "识别"),
    ] {
        assert_eq!(conv.convert(t), s, "{t}");
    }
    assert!(CONTEXT_CHARS.contains(&'坏'));
    assert!(is_traditional('坏'));
    assert!(!is_traditional('后'));
    assert!(!is_traditional('a'));
}

/// The files of `../shared` the conversion is checked on: seeds and corpus reports.
fn shared_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Some(shared) = common::shared_dir() else {
        return files;
    };
    for dir in ["seeds", "corpus/full", "corpus/excerpts"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt" || x == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn run_opencc(bin: &str, config: &str, input: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(bin)
        .args(["-c", config])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{bin}: {e}"));
    let mut stdin = child.stdin.take().expect("stdin");
    let text = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().expect("opencc output");
    writer.join().expect("writer").expect("write to opencc");
    assert!(out.status.success(), "{bin} -c {config} failed");
    String::from_utf8(out.stdout).expect("UTF-8 from opencc")
}

/// Every seed and corpus text, as it is and converted to traditional (OpenCC
/// `s2t.json`), converts exactly as the OpenCC 1.4.2 command-line tool converts it.
/// Needs `ZFXXGK_OPENCC_BIN` (the C++ `opencc`) and `ZFXXGK_OPENCC_DATA` (its
/// configuration directory); `scripts/check-t2s.sh` installs the tool, sets both and
/// runs this test.
#[test]
#[ignore = "needs the OpenCC 1.4.2 tool and the shared corpus: scripts/check-t2s.sh"]
fn shared_texts_match_the_opencc_tool() {
    let (Ok(bin), Ok(data)) = (
        std::env::var("ZFXXGK_OPENCC_BIN"),
        std::env::var("ZFXXGK_OPENCC_DATA"),
    ) else {
        panic!("ZFXXGK_OPENCC_BIN and ZFXXGK_OPENCC_DATA must be set (scripts/check-t2s.sh)");
    };
    let files = shared_files();
    assert!(
        !files.is_empty(),
        "the shared folder (../shared or ZFXXGK_SHARED) must hold seeds and corpus texts"
    );
    let conv = builtin_converter().expect("builtin");
    let t2s = format!("{data}/t2s.json");
    let s2t = format!("{data}/s2t.json");
    let mut checked = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let traditional = run_opencc(&bin, &s2t, &text);
        for (what, input) in [("as is", &text), ("in traditional", &traditional)] {
            let want = run_opencc(&bin, &t2s, input);
            let name = format!("{} ({what})", f.display());
            assert_same(&name, &conv.convert(input), &want);
            let n = normalize_with(input, &only_conversion(), conv);
            assert_same(&name, n.text(), &want);
            checked += input.len();
        }
    }
    // A large generated sample: lines of the golden inputs drawn at random and joined
    // mostly without line breaks (new neighbours for every phrase), 2 MB.
    let lines: Vec<String> = golden()
        .iter()
        .flat_map(|(_, input, _)| input.lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut sample = String::new();
    while sample.len() < 2_000_000 && !lines.is_empty() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let k = (state % lines.len() as u64) as usize;
        sample.push_str(lines.get(k).map_or("", String::as_str));
        if state % 7 == 0 {
            sample.push('\n');
        }
    }
    let want = run_opencc(&bin, &t2s, &sample);
    assert_same("generated sample", &conv.convert(&sample), &want);
    let n = normalize_with(&sample, &only_conversion(), conv);
    assert_same("generated sample", n.text(), &want);
    checked += sample.len();
    eprintln!(
        "{} files and a generated sample, {checked} bytes checked against {bin}",
        files.len()
    );
}

/// The system OpenCC library (feature `opencc`) agrees on the project's own texts; on
/// the generated samples it differs only where its release's dictionaries differ from
/// those of 1.4.2 (characters whose own conversion differs, or context characters),
/// never in how the text is segmented.
#[cfg(feature = "opencc")]
#[test]
fn system_library_agrees() {
    use zfxxgk::__internal::system_converter;
    let sys = system_converter().expect("system OpenCC (t2s.json) must open with the feature");
    let conv = builtin_converter().expect("builtin");
    let mut dictionary_differences = 0;
    for (name, input, want) in golden() {
        let theirs = sys.convert(&input);
        if name == "project" {
            assert_same(name, &theirs, &want);
            let n = normalize_with(&input, &only_conversion(), sys);
            assert_same(name, n.text(), &want);
            continue;
        }
        for (line, (t, o)) in theirs.lines().zip(want.lines()).enumerate() {
            if t == o {
                continue;
            }
            let src: Vec<char> = input.lines().nth(line).unwrap_or("").chars().collect();
            let (t, o): (Vec<char>, Vec<char>) = (t.chars().collect(), o.chars().collect());
            assert_eq!(t.len(), o.len(), "{name}: line {}", line + 1);
            for ((&s, &a), &b) in src.iter().zip(&t).zip(&o) {
                if a == b {
                    continue;
                }
                let alone = s.to_string();
                let entry_differs = sys.convert(&alone) != conv.convert(&alone);
                assert!(
                    entry_differs || CONTEXT_CHARS.contains(&s),
                    "{name}: line {}: {s} → {a} (system) vs {b} (1.4.2)",
                    line + 1
                );
                dictionary_differences += 1;
            }
        }
    }
    eprintln!("{dictionary_differences} characters differ by dictionary release");
}
