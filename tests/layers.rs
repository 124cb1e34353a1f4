//! Layers import only downward: every `crate::…` path in `src/` must name a module of
//! the same layer or of a layer below (the order is documented in `src/lib.rs`).

use std::path::{Path, PathBuf};

/// Dependency rank of each top-level module (lower may be used by higher).
const RANKS: &[(&str, u8)] = &[
    ("span", 0),
    ("error", 0),
    ("syntax", 0),
    ("input", 0),
    ("catalogue", 1),
    ("model", 2),
    ("normalize", 3),
    ("lex", 4),
    ("grammar", 5),
    ("validate", 6),
    ("output", 7),
];

/// The crate root's re-exports, by the layer that defines them.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("ParseError", "error"),
    ("Edition", "catalogue"),
    ("TableId", "catalogue"),
    ("Topic", "catalogue"),
    ("Cell", "model"),
    ("Date", "model"),
    ("Decimal", "model"),
    ("LegacyFigures", "model"),
    ("Located", "model"),
    ("Metadata", "model"),
    ("Report", "model"),
    ("Section", "model"),
    ("Tables", "model"),
    ("Value", "model"),
    ("Warning", "model"),
    ("WarningKind", "model"),
    ("Location", "span"),
    ("Span", "span"),
    ("parse_report", "grammar"),
    ("parse_report_with", "grammar"),
    ("ParseOptions", "grammar"),
    ("parse_bytes", "grammar"),
    ("parse_bytes_with", "grammar"),
    ("DEFAULT_MAX_INPUT_BYTES", "grammar"),
    ("read_limited", "input"),
    ("read_file_limited", "input"),
    ("ReadError", "input"),
    ("InputFormat", "model"),
    ("Source", "model"),
    ("TidyRecord", "output"),
];

fn rank(module: &str) -> Option<u8> {
    RANKS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// The layer a name after `crate::` belongs to.
fn layer_of(name: &str) -> Option<&'static str> {
    if let Some((m, _)) = RANKS.iter().find(|(m, _)| *m == name) {
        return Some(m);
    }
    ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == name)
        .map(|(_, m)| *m)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    s.get(..end).unwrap_or("")
}

/// Names used right after `crate::` (with their byte offsets), `crate::{a, b::c}`
/// included, over several lines too.
fn crate_names_at(code: &str) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    let mut from = 0;
    while let Some(i) = code.get(from..).and_then(|r| r.find("crate::")) {
        let at = from + i;
        let before = code.get(..at).and_then(|b| b.chars().last());
        from = at + "crate::".len();
        let rest = code.get(from..).unwrap_or("");
        // `$crate::` and identifiers ending in `crate` are not paths of this crate.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group, up to its closing brace.
            let mut depth = 0usize;
            let mut at_name = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => at_name = true,
                    _ if at_name && (c.is_alphanumeric() || c == '_') => {
                        names.push((at, ident_at(group.get(i..).unwrap_or("")).to_string()));
                        at_name = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push((at, ident_at(rest).to_string()));
        }
    }
    names
}

fn crate_names(code: &str) -> Vec<String> {
    crate_names_at(code).into_iter().map(|(_, n)| n).collect()
}

/// The code of a file with comments (and doc comments, whose examples use the public
/// API from outside) blanked, lines kept in place.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") {
                ""
            } else {
                match l.find("//") {
                    Some(c) => l.get(..c).unwrap_or(l),
                    None => l,
                }
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn layers_import_only_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "{files:?}");
    let mut violations = Vec::new();
    let mut checked = 0;
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap_or(f);
        let first = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        let module = first.strip_suffix(".rs").unwrap_or(first);
        // `src/bin/` holds the command-line tool: crates of their own that reach the
        // library only through its public API, not layers of it.
        if module == "lib" || module == "bin" {
            continue;
        }
        let own = rank(module).unwrap_or_else(|| panic!("{module} has no rank in RANKS"));
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let code = code_of(&text);
        for (at, name) in crate_names_at(&code) {
            let line = code.get(..at).map_or(0, |c| c.matches('\n').count()) + 1;
            {
                checked += 1;
                let Some(layer) = layer_of(&name) else {
                    violations.push(format!(
                        "{}:{line}: `crate::{name}` is not a known layer or root item",
                        rel.display()
                    ));
                    continue;
                };
                let theirs = rank(layer).unwrap_or(u8::MAX);
                if theirs > own {
                    violations.push(format!(
                        "{}:{line}: {module} (rank {own}) uses crate::{name} ({layer}, rank {theirs})",
                        rel.display()
                    ));
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} crate paths found");
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_checker_sees_upward_imports() {
    assert_eq!(
        crate_names("use crate::{catalogue::Edition, grammar::value, span};"),
        vec!["catalogue", "grammar", "span"]
    );
    assert_eq!(
        crate_names("let v = crate::lex::value::parse_value(t, None);"),
        vec!["lex"]
    );
    assert!(crate_names("$crate::x").is_empty());
    assert_eq!(layer_of("parse_report"), Some("grammar"));
    assert!(rank("model") < rank("grammar"));
    assert!(rank("lex") < rank("grammar"));
    assert!(rank("grammar") < rank("validate"));
    assert!(rank("validate") < rank("output"));
}
