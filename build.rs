//! Tells the crate's tests whether the project's shared folder (seed and corpus
//! reports) is present: when it is not, `cfg(zfxxgk_no_shared)` is set, and the tests
//! that need it are reported by `cargo test` as ignored, with the reason. The folder is
//! `$ZFXXGK_SHARED` when set, else `../shared` beside the crate (the rule of
//! `tests/common`). Nothing of the library depends on it.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(zfxxgk_no_shared)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=ZFXXGK_SHARED");
    let dir = match std::env::var_os("ZFXXGK_SHARED") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => {
            let root =
                std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
            root.join("..").join("shared")
        }
    };
    // Only the small seeds folder is watched (cargo scans a watched folder whole).
    // When it is absent nothing is watched: after adding the folder, set
    // ZFXXGK_SHARED or touch build.rs for the tests to see it.
    let seeds = dir.join("seeds");
    if seeds.is_dir() {
        println!("cargo::rerun-if-changed={}", seeds.display());
    } else {
        println!("cargo::rustc-cfg=zfxxgk_no_shared");
    }
}
