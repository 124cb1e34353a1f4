#!/usr/bin/env bash
# Max RSS of `target/release/zfxxgk parse --format none FILE` (parse + validate) for
# the seeds, seed 004 repeated to 1 MB and to 10 MB, and a tiny report (the baseline:
# binary, converter dictionaries, allocator), with `/usr/bin/time -v`.
#
# usage: scripts/max-rss.sh        (FEATURES=opencc for the system OpenCC converter)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEEDS=${SEEDS:-$ROOT/../shared/seeds}
(cd "$ROOT" && cargo build --release --bin zfxxgk --features "cli${FEATURES:+,$FEATURES}" >&2)
PARSE=$ROOT/target/release/zfxxgk

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf '某县2020年政府信息公开工作年度报告\n一、总体情况\n本机关收到申請1件。\n' >"$TMP/tiny.txt"
S004=$(ls "$SEEDS"/004_*.txt 2>/dev/null | head -n1 || true)
if [[ -n "$S004" ]]; then
    for _ in $(seq 1 92); do cat "$S004"; echo; done >"$TMP/x1MB.txt"
    for _ in $(seq 1 920); do cat "$S004"; echo; done >"$TMP/x10MB.txt"
    if command -v opencc >/dev/null; then
        opencc -c s2t.json -i "$TMP/x10MB.txt" -o "$TMP/x10MB-traditional.txt"
    fi
fi

rss() { /usr/bin/time -v "$PARSE" parse --format none "$1" 2>&1 >/dev/null | awk '/Maximum resident set size/ {print $6}'; }
BASE=$(rss "$TMP/tiny.txt")
printf '%-40s %10s %12s %14s %8s\n' file "input KB" "max RSS KB" "RSS-base KB" ratio
printf '%-40s %10s %12s %14s %8s\n' "tiny (baseline)" "$(( $(wc -c <"$TMP/tiny.txt") / 1024 ))" "$BASE" 0 -
for f in "$SEEDS"/*.txt "$TMP"/x*.txt; do
    [[ -f "$f" ]] || continue
    size=$(wc -c <"$f")
    r=$(rss "$f")
    printf '%-40s %10d %12d %14d %8.2f\n' "$(basename "$f")" $((size / 1024)) "$r" $((r - BASE)) \
        "$(awk -v d=$((r - BASE)) -v s="$size" 'BEGIN{print d*1024/s}')"
done
