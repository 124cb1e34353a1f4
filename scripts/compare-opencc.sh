#!/usr/bin/env bash
# Whole-process speed of the crate's parse + validate against OpenCC 1.4 merely
# converting the same bytes to simplified, measured in one run on this machine.
#
# usage: scripts/compare-opencc.sh [MB]     (MB per script, default 4)
#
# * OpenCC: the C++ `opencc` of the PyPI package `opencc` 1.4.2 (installed under
#   target/ by scripts/opencc-env.sh when absent; not the Python wrapper, whose start-up
#   alone takes 0.1 s), `opencc -c t2s.json -i ALL -o /dev/null` over the concatenation
#   of the reports: one process, one dictionary load.
# * Ours: the `zfxxgk` binary if the crate has one (set ZFXXGK_BIN to use another
#   program), else `target/release/examples/parse`, run once over all the report files
#   with `--format none` (ZFXXGK_ARGS overrides): parse + validate every report.
#   FEATURES=opencc builds with the system OpenCC converter.
# * Inputs, from ../shared (SHARED=dir overrides): every seed and corpus text (full
#   reports and excerpts). "simplified": each converted to simplified with OpenCC's
#   t2s.json; "traditional": each converted to traditional with s2t.json. Each set is
#   replicated (as separate files) to about MB megabytes.
# * Each command runs REPEAT times (default 5); the fastest run counts.
# * One process on one report of about 10 KB (seed 004 or the nearest in size): the
#   mean wall time of RUNS (default 50) processes in a row.
#
# Prints the machine, then per script: bytes, both times, both rates, and the ratio
# ours / OpenCC (below 1: the whole parse takes less time than OpenCC's conversion).
set -euo pipefail

MB=${1:-4}
REPEAT=${REPEAT:-5}
RUNS=${RUNS:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
# shellcheck source=opencc-env.sh
source "$ROOT/scripts/opencc-env.sh"

# --- our program ---------------------------------------------------------------------
read -r -a ARGS <<<"${ZFXXGK_ARGS:---format none}"
if [[ -n "${ZFXXGK_BIN:-}" ]]; then
    OURS=$ZFXXGK_BIN
    OURS_NAME=$ZFXXGK_BIN
elif (cd "$ROOT" && cargo build --release --bin zfxxgk ${FEATURES:+--features "$FEATURES"} >/dev/null 2>&1); then
    OURS=$ROOT/target/release/zfxxgk
    OURS_NAME="zfxxgk ${ARGS[*]}"
else
    (cd "$ROOT" && cargo build --release --example parse ${FEATURES:+--features "$FEATURES"} >&2)
    OURS=$ROOT/target/release/examples/parse
    OURS_NAME="examples/parse ${ARGS[*]}"
fi

# --- inputs --------------------------------------------------------------------------
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SOURCES=()
for d in seeds corpus/full corpus/excerpts; do
    for f in "$SHARED/$d"/*.txt "$SHARED/$d"/*.md; do
        [[ -f "$f" ]] && SOURCES+=("$f")
    done
done
if [[ ${#SOURCES[@]} -eq 0 ]]; then
    echo "no reports found in $SHARED (seeds, corpus)" >&2
    exit 1
fi
mkdir -p "$TMP/one/simplified" "$TMP/one/traditional"
i=0
for f in "${SOURCES[@]}"; do
    i=$((i + 1))
    "$OPENCC_BIN" -c "$OPENCC_T2S" -i "$f" -o "$TMP/one/simplified/$i.txt"
    "$OPENCC_BIN" -c "$OPENCC_DATA/s2t.json" -i "$f" -o "$TMP/one/traditional/$i.txt"
done
build_set() { # script
    local src=$TMP/one/$1 dst=$TMP/$1 want=$((MB * 1000000)) have=0 copy=0
    mkdir -p "$dst"
    while ((have < want)); do
        copy=$((copy + 1))
        for f in "$src"/*.txt; do
            cp "$f" "$dst/$copy-$(basename "$f")"
            have=$((have + $(wc -c <"$f")))
        done
    done
    cat "$dst"/*.txt >"$TMP/$1.all"
}
build_set simplified
build_set traditional

# --- timing --------------------------------------------------------------------------
now() { date +%s%N; }
best() { # command... → fastest wall time in ns over REPEAT runs
    local b=0 t0 t1 d
    for _ in $(seq 1 "$REPEAT"); do
        t0=$(now)
        "$@" >/dev/null 2>&1 || true
        t1=$(now)
        d=$((t1 - t0))
        if ((b == 0 || d < b)); then b=$d; fi
    done
    echo "$b"
}
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f s", ns / 1e9 }'; }
rate() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f MB/s", (b / 1e6) / (ns / 1e9) }'; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
echo "OpenCC: $("$OPENCC_BIN" --version 2>&1 | grep -m1 Version) (PyPI opencc $OPENCC_PYPI_VERSION, C++ tool)"
echo "ours: $OURS_NAME"
echo "inputs: ${#SOURCES[@]} texts from $SHARED, replicated to about $MB MB per script; best of $REPEAT runs"
echo
printf '%-12s %6s %8s %10s %12s %10s %12s %8s\n' script files MB opencc "opencc rate" ours "ours rate" ratio
for script in simplified traditional; do
    files=("$TMP/$script"/*.txt)
    bytes=$(wc -c <"$TMP/$script.all")
    cat "$TMP/$script.all" >/dev/null
    o=$(best "$OPENCC_BIN" -c "$OPENCC_T2S" -i "$TMP/$script.all" -o /dev/null)
    z=$(best "$OURS" "${ARGS[@]}" "${files[@]}")
    printf '%-12s %6d %8.2f %10s %12s %10s %12s %8.2f\n' "$script" "${#files[@]}" \
        "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$(secs "$o")" "$(rate "$bytes" "$o")" \
        "$(secs "$z")" "$(rate "$bytes" "$z")" "$(awk -v a="$z" -v b="$o" 'BEGIN{print a/b}')"
done
echo "ratio = our whole-process time / OpenCC's (target: at most 0.5)"
echo

# --- one process, one report ---------------------------------------------------------
ONE=$(ls "$SHARED"/seeds/004_*.txt 2>/dev/null | head -n1 || true)
if [[ -z "$ONE" ]]; then
    ONE=${SOURCES[0]}
fi
"$OPENCC_BIN" -c "$OPENCC_DATA/s2t.json" -i "$ONE" -o "$TMP/one-traditional.txt"
per_process() { # file → mean ns per process
    local t0 t1
    t0=$(now)
    for _ in $(seq 1 "$RUNS"); do "$OURS" "${ARGS[@]}" "$1" >/dev/null 2>&1 || true; done
    t1=$(now)
    echo $(((t1 - t0) / RUNS))
}
per_opencc() {
    local t0 t1
    t0=$(now)
    for _ in $(seq 1 "$RUNS"); do "$OPENCC_BIN" -c "$OPENCC_T2S" -i "$1" -o /dev/null; done
    t1=$(now)
    echo $(((t1 - t0) / RUNS))
}
for f in "$ONE" "$TMP/one-traditional.txt"; do
    z=$(per_process "$f")
    o=$(per_opencc "$f")
    printf 'one process, %-28s %6d bytes: ours %6.2f ms, opencc %6.2f ms (mean of %d)\n' \
        "$(basename "$f")" "$(wc -c <"$f")" "$(awk -v n="$z" 'BEGIN{print n/1e6}')" \
        "$(awk -v n="$o" 'BEGIN{print n/1e6}')" "$RUNS"
done
