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
# * Inputs, from ../shared (or $ZFXXGK_SHARED; SHARED=dir overrides): every seed and corpus text (full
#   reports and excerpts). "simplified": each converted to simplified with OpenCC's
#   t2s.json; "traditional": each converted to traditional with s2t.json. Each set is
#   replicated (as separate files) to about MB megabytes.
# * Each command runs REPEAT times (default 5); the fastest wall time and the least CPU
#   time (task-clock of `perf stat`, or user + system of /usr/bin/time) count. On a loaded machine wall times
#   scatter; CPU times much less.
# * One process on one report of about 10 KB (seed 004, as it is and in traditional):
#   the best of RUNS (default 50) processes.
#
# Prints the machine, then per script: bytes, both times, both rates, and the ratio
# ours / OpenCC (below 1: the whole parse takes less time than OpenCC's conversion).
set -euo pipefail

MB=${1:-4}
REPEAT=${REPEAT:-5}
RUNS=${RUNS:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-${ZFXXGK_SHARED:-$ROOT/../shared}}
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
# CPU time from `perf stat` (task-clock, precise) where it works, else /usr/bin/time
# (10 ms resolution).
HAVE_PERF=0
if perf stat -x, -e task-clock -o /dev/null -- true >/dev/null 2>&1; then HAVE_PERF=1; fi
best() { # command... → "wall_ns cpu_ns": the fastest wall time and the least CPU time
    # (user + system) over REPEAT runs; CPU time is what the machine's load disturbs least.
    local bw=0 bc=0 t0 t1 w c
    for _ in $(seq 1 "$REPEAT"); do
        t0=$(now)
        "$@" >/dev/null 2>&1 || true
        t1=$(now)
        w=$((t1 - t0))
        if ((HAVE_PERF)); then
            perf stat -x, -e task-clock -o "$TMP/time" -- "$@" >/dev/null 2>&1 || true
        else
            /usr/bin/time -f '%U %S' -o "$TMP/time" "$@" >/dev/null 2>&1 || true
        fi
        if ((HAVE_PERF)); then
            c=$(awk -F, '/task-clock/ { printf "%d", $1 * 1e6 }' "$TMP/time")
        else
            c=$(awk '{ printf "%d", ($1 + $2) * 1e9 }' "$TMP/time")
        fi
        if ((bw == 0 || w < bw)); then bw=$w; fi
        if ((bc == 0 || c < bc)); then bc=$c; fi
    done
    echo "$bw $bc"
}
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f s", ns / 1e9 }'; }
rate() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f MB/s", (b / 1e6) / (ns / 1e9) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "OpenCC: $("$OPENCC_BIN" --version 2>&1 | grep -m1 Version) (PyPI opencc $OPENCC_PYPI_VERSION, C++ tool)"
echo "ours: $OURS_NAME"
echo "inputs: ${#SOURCES[@]} texts from $SHARED, replicated to about $MB MB per script; best of $REPEAT runs"
echo
printf '%-12s %6s %6s | %-26s %-26s %6s | %-9s %-9s %6s\n' script files MB \
    "opencc wall" "ours wall" ratio "opencc cpu" "ours cpu" ratio
for script in simplified traditional; do
    files=("$TMP/$script"/*.txt)
    bytes=$(wc -c <"$TMP/$script.all")
    cat "$TMP/$script.all" >/dev/null
    read -r ow oc < <(best "$OPENCC_BIN" -c "$OPENCC_T2S" -i "$TMP/$script.all" -o /dev/null)
    read -r zw zc < <(best "$OURS" "${ARGS[@]}" "${files[@]}")
    printf '%-12s %6d %6.2f | %-26s %-26s %6s | %-9s %-9s %6s\n' "$script" "${#files[@]}" \
        "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" \
        "$(secs "$ow") ($(rate "$bytes" "$ow"))" "$(secs "$zw") ($(rate "$bytes" "$zw"))" \
        "$(ratio "$zw" "$ow")" "$(secs "$oc")" "$(secs "$zc")" "$(ratio "$zc" "$oc")"
done
echo "ratio = ours / OpenCC (target: at most 0.5); wall: whole process, start to end"
echo

# --- one process, one report ---------------------------------------------------------
ONE=$(ls "$SHARED"/seeds/004_*.txt 2>/dev/null | head -n1 || true)
if [[ -z "$ONE" ]]; then
    ONE=${SOURCES[0]}
fi
"$OPENCC_BIN" -c "$OPENCC_DATA/s2t.json" -i "$ONE" -o "$TMP/one-traditional.txt"
for f in "$ONE" "$TMP/one-traditional.txt"; do
    read -r zw zc < <(REPEAT=$RUNS best "$OURS" "${ARGS[@]}" "$f")
    read -r ow oc < <(REPEAT=$RUNS best "$OPENCC_BIN" -c "$OPENCC_T2S" -i "$f" -o /dev/null)
    printf 'one process, %-26s %6d bytes: ours %6.2f ms wall, %5.2f ms cpu; opencc %6.2f ms wall, %5.2f ms cpu (best of %d)\n' \
        "$(basename "$f")" "$(wc -c <"$f")" "$(awk -v n="$zw" 'BEGIN{print n/1e6}')" \
        "$(awk -v n="$zc" 'BEGIN{print n/1e6}')" "$(awk -v n="$ow" 'BEGIN{print n/1e6}')" \
        "$(awk -v n="$oc" 'BEGIN{print n/1e6}')" "$RUNS"
done
