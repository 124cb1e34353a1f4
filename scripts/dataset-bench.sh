#!/usr/bin/env bash
# `zfxxgk dataset` over generated reports: time on 1 and on 2 threads over 5 000
# reports, and peak memory (max RSS) over 1 000 and over 5 000 reports, which must
# not grow with the number of files.
#
# The reports are the shipped sample rewritten for 1 000 agencies × 5 years
# (2021–2025) with figures of their own; every fourth file is converted to GBK
# (iconv) and every fourth to an HTML page, so that decoding and HTML reading are in
# the measure. Each configuration runs RUNS times (default 3) and the fastest run
# counts; run it on an otherwise idle machine (the load average is printed).
#
# usage: scripts/dataset-bench.sh [FILES]      (default 5000; the small set is FILES/5)
set -euo pipefail

N=${1:-5000}
SMALL=$((N / 5))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
(cd "$ROOT" && cargo build --release --bin zfxxgk --features "cli${FEATURES:+,$FEATURES}" >&2)
BIN=$ROOT/target/release/zfxxgk
SAMPLE=$ROOT/examples/reports/sample-2022.txt

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# generate DIR COUNT: COUNT reports, 5 years per agency.
generate() {
    local dir=$1 count=$2 sample i year agency text k
    sample=$(<"$SAMPLE")
    mkdir -p "$dir"
    for ((i = 0; i < count; i++)); do
        year=$((2021 + i % 5))
        k=$((i % 5))
        agency="样例$((i / 5))号镇人民政府"
        text=${sample//2023/@NEXT@}
        text=${text//2022/$year}
        text=${text//@NEXT@/$((year + 1))}
        text=${text//青禾镇人民政府/$agency}
        text=${text//行政规范性文件 | 2 | 1 | 9 |/行政规范性文件 | 2 | 1 | $((9 + k)) |}
        text=${text//行政许可 | 356 |/行政许可 | $((100 + i)) |}
        local sub=$dir/$((i / 500))
        mkdir -p "$sub"
        case $((i % 4)) in
        1) printf '%s\n' "$text" | iconv -f UTF-8 -t GBK >"$sub/r$i.txt" ;;
        2) {
            printf '<html><head><meta charset="utf-8"><title>%s</title></head><body>\n' \
                "${agency}${year}年政府信息公开工作年度报告"
            while IFS= read -r line; do
                if [[ $line == *" | "* ]]; then
                    line=${line% |}
                    printf '<table><tr><td>%s</td></tr></table>\n' "${line// | /</td><td>}"
                else
                    printf '<p>%s</p>\n' "$line"
                fi
            done <<<"$text"
            printf '</body></html>\n'
        } >"$sub/r$i.html" ;;
        *) printf '%s\n' "$text" >"$sub/r$i.txt" ;;
        esac
    done
}

echo "generating $N and $SMALL reports in $TMP ..." >&2
generate "$TMP/big" "$N"
generate "$TMP/small" "$SMALL"

# run LABEL JOBS DIR: the fastest of $RUNS runs: wall seconds, CPU seconds (user +
# system) and max RSS (KB) of that run.
RUNS=${RUNS:-3}
run() {
    local label=$1 jobs=$2 dir=$3 r
    for ((r = 0; r < RUNS; r++)); do
        /usr/bin/time -o "$TMP/time-$label" -f '%e %U %S %M' \
            "$BIN" dataset --jobs "$jobs" -o "$TMP/out-$label" "$dir" 2>/dev/null || true
        rm -rf "$TMP/out-$label"
        tail -n1 "$TMP/time-$label"
    done | awk '{ cpu = $2 + $3; if (NR == 1 || $1 < best) { best = $1; c = cpu; m = $4 } }
                END { printf "%s %.2f %s\n", best, c, m }'
}

"$BIN" dataset --jobs 2 -o "$TMP/warm" "$TMP/big" 2>/dev/null || true # warm the page cache
rows=$(($(wc -l <"$TMP/warm/cells.csv") - 1))
rm -rf "$TMP/warm"
read -r T1 C1 M1 < <(run big1 1 "$TMP/big")
read -r T2 C2 M2 < <(run big2 2 "$TMP/big")
read -r TS CS MS < <(run small2 2 "$TMP/small")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$N reports ($rows cells), 1 thread:  ${T1} s (CPU ${C1} s), max RSS ${M1} KB"
echo "$N reports, 2 threads: ${T2} s (CPU ${C2} s), max RSS ${M2} KB"
echo "$SMALL reports, 2 threads: ${TS} s (CPU ${CS} s), max RSS ${MS} KB"
awk -v a="$T1" -v b="$T2" 'BEGIN { printf "speed-up on 2 threads: %.2fx\n", a / b }'
awk -v a="$MS" -v b="$M2" -v n="$N" -v s="$SMALL" \
    'BEGIN { printf "max RSS %d files / %d files: %.2f\n", n, s, b / a }'
