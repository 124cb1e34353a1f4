#!/usr/bin/env bash
# Linearity of parse + validate on the hostile inputs of benches/hostile.rs, counted in
# executed instructions, which a busy machine does not disturb as it does wall time:
# `perf stat -e instructions:u` where the CPU's counters are available, otherwise
# `valgrind --tool=callgrind` (about 50 times slower: a few minutes in all). Runs `target/release/zfxxgk parse --format none` on
# each input at x1, x10, x100, subtracts a baseline run (a tiny report: start-up,
# converter tables) and prints instructions per input byte and the ratio x100 / x1.
#
# usage: scripts/hostile-instructions.sh   (needs perf with hardware counters, or valgrind)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
cargo build --release --bin zfxxgk --features "cli${FEATURES:+,$FEATURES}" >&2
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
HOSTILE_WRITE="$DIR" cargo bench --bench hostile >&2
printf '某县2020年政府信息公开工作年度报告\n一、总体情况\n本机关收到申請1件。\n' >"$DIR/tiny.txt"

PARSE=$ROOT/target/release/zfxxgk
if command -v perf >/dev/null &&
    perf stat -x, -e instructions:u "$PARSE" parse --format none "$DIR/tiny.txt" 2>&1 >/dev/null |
    grep -q '^[0-9]'; then
    echo "counting with perf stat -e instructions:u"
    count() {
        perf stat -x, -e instructions:u "$PARSE" parse --format none "$1" 2>&1 >/dev/null |
            awk -F, '/instructions/ {print $1}' || true
    }
elif command -v valgrind >/dev/null; then
    echo "no hardware counters: counting with valgrind --tool=callgrind"
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PARSE" parse --format none "$1" 2>&1 >/dev/null |
            awk '/Collected :/ {print $NF}' || true
    }
else
    echo "neither perf (with hardware counters) nor valgrind found" >&2
    exit 1
fi
BASE=$(count "$DIR/tiny.txt")
printf '%-20s %14s %14s %14s | %9s\n' kind "instr/B x1" "instr/B x10" "instr/B x100" "x100/x1"
for f in "$DIR"/*-x1.txt; do
    kind=$(basename "$f" -x1.txt)
    row=()
    for m in 1 10 100; do
        g="$DIR/$kind-x$m.txt"
        n=$(count "$g")
        size=$(wc -c <"$g")
        row+=("$(awk -v n="$n" -v b="$BASE" -v s="$size" 'BEGIN { printf "%.1f", (n - b) / s }')")
    done
    ratio=$(awk -v a="${row[0]}" -v c="${row[2]}" 'BEGIN { printf "%.2f", c / a }')
    printf '%-20s %14s %14s %14s | %9s\n' "$kind" "${row[0]}" "${row[1]}" "${row[2]}" "$ratio"
done
