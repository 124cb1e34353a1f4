#!/usr/bin/env bash
# Fuzz `parse_report` + `validate` (target parse_validate) and `normalize` (target
# normalize) with cargo-fuzz on the stable toolchain (RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz's nightly flags through).
#
# usage: scripts/fuzz.sh [SECONDS_PARSE_VALIDATE] [SECONDS_NORMALIZE]   (default 600 300)
#
# Seeds fuzz/corpus/<target> with generated reports (fuzz/corpus is not committed),
# builds without a sanitizer and with debug assertions (overflow checks; the crate has
# no unsafe code, so AddressSanitizer adds little: SANITIZER=address to use it), and
# writes logs to fuzz/artifacts/<target>.log. Crashes land in fuzz/artifacts/<target>/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
T1=${1:-600}
T2=${2:-300}
SANITIZER=${SANITIZER:-none}
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
cd "$ROOT"
mkdir -p fuzz/corpus/parse_validate fuzz/corpus/normalize fuzz/artifacts
if [[ -z "$(ls -A fuzz/corpus/parse_validate)" ]]; then
    cargo run --release --manifest-path fuzz/Cargo.toml --bin gen_corpus -- fuzz/corpus/parse_validate
fi
if [[ -z "$(ls -A fuzz/corpus/normalize)" ]]; then
    cp fuzz/corpus/parse_validate/* fuzz/corpus/normalize/
fi

run() {
    local target=$1 secs=$2
    cargo fuzz run -O -a -s "$SANITIZER" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$secs" -max_len=20000 -len_control=0 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 2>&1 | tee "fuzz/artifacts/$target.log" | grep -E "^#[0-9]+.*(pulse|DONE)|Done|SUMMARY|crash|stat::" || true
}
run parse_validate "$T1"
run normalize "$T2"
