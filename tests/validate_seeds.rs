//! Validation of the seed reports in `../shared/seeds`: the whole pipeline
//! (parse → validate → locate) on published text.

use zfxxgk::catalogue::{T4Col, T4Row};
use zfxxgk::validate::{validate, Code, Finding, Severity};
use zfxxgk::{Decimal, TableId};

mod common;

/// A seed by its file name.
fn seed(name: &str) -> Option<String> {
    common::shared(&format!("seeds/{name}"))
}

fn errors(fs: &[Finding]) -> Vec<&Finding> {
    fs.iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seed_004_has_one_error_at_the_litigation_total() {
    let Some(source) = seed("004_7e69af88cfc75a8c.txt") else {
        return;
    };
    let report = zfxxgk::parse_report(&source).expect("seed 004 parses");
    let findings = validate(&report);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{findings:#?}");
    let e = errs[0];
    assert_eq!(e.code, Code::T4GroupTotal);
    let main = e.main_cell().expect("main cell");
    assert!(main.is(
        TableId::T4,
        T4Row::DirectLitigation.key(),
        T4Col::Total.key()
    ));
    assert_eq!(e.actual, Some(Decimal::integer(5)));
    assert_eq!(e.expected, Some(Decimal::integer(0)));
    assert_eq!(e.difference, Some(Decimal::integer(5)));
    // The four parts are named too.
    for c in [
        T4Col::Upheld,
        T4Col::Corrected,
        T4Col::Other,
        T4Col::Pending,
    ] {
        assert!(e.involves(TableId::T4, T4Row::DirectLitigation.key(), c.key()));
    }
    // Line 328 of the file is `5 |`, the 10th of the 15 numbers of table 四.
    let at = e.location(&report, &source).expect("located");
    assert_eq!((at.line, at.column), (328, 1));
    assert_eq!(
        e.locate(&source).map(|l| (l.line, l.column)),
        Some((328, 1))
    );
    let span = e.span.expect("span");
    assert_eq!(span.slice(&source), Some("5"));
    let line = source.lines().nth(327);
    assert_eq!(line, Some("5 |"));
    let shown = e.render(&source, "004.txt");
    assert!(
        shown.contains(" --> 004.txt:328:1\n    |\n324 | 0 |\n")
            && shown.contains("\n328 | 5 |\n    | ^ 5, expected 0\n"),
        "{shown}"
    );
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn seeds_000_and_003_have_no_error() {
    for name in ["000_5b21c15bb149b717.txt", "003_26925f727e4ff8e1.txt"] {
        let Some(source) = seed(name) else {
            return;
        };
        let report = zfxxgk::parse_report(&source).expect("seed parses");
        let findings = validate(&report);
        assert!(errors(&findings).is_empty(), "{name}: {findings:#?}");
    }
}

#[cfg_attr(
    zfxxgk_no_shared,
    ignore = "needs the shared corpus (../shared or ZFXXGK_SHARED)"
)]
#[test]
fn every_seed_validates_and_every_span_is_in_the_input() {
    for (_, source) in common::all_seeds() {
        let Ok(report) = zfxxgk::parse_report(&source) else {
            continue;
        };
        for f in validate(&report) {
            if let Some(span) = f.span {
                assert!(span.end <= source.len(), "{f:#?}");
                assert!(f.location(&report, &source).is_some());
                assert!(!f.render(&source, "x").is_empty());
            }
            for c in &f.cells {
                if let Some(span) = c.span {
                    assert!(span.slice(&source).is_some(), "{c:#?}");
                }
            }
        }
    }
}
