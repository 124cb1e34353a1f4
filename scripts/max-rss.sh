#!/usr/bin/env bash
# Max RSS of one process parsing one file (`--format none`: parse + validate) with
# `/usr/bin/time -v`, for the seeds, a saved web page, seed 004 repeated to 100 KB, 1 MB
# and 10 MB (also
# converted to traditional), hostile 16 MB inputs (U+FDFA, which NFKC would expand
# elevenfold; seed 004 with CRLF line ends and every line printed twice; seed 004 with
# full-width digits, separators and spaces), and a tiny report (the baseline: binary,
# allocator, nothing else). Prints max RSS, RSS above the baseline and that over the
# input size.
#
# With ZFXXGK_OLD_BIN, another build (an earlier release, say) is measured on the same
# files in the same run, side by side.
#
# usage: scripts/max-rss.sh        (FEATURES=opencc for the system OpenCC converter;
#                                   ZFXXGK_BIN to measure another program;
#                                   ZFXXGK_OLD_BIN=path to compare with another build)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEEDS=${SEEDS:-${ZFXXGK_SHARED:-$ROOT/../shared}/seeds}
if [[ -n "${ZFXXGK_BIN:-}" ]]; then
    PARSE=$ZFXXGK_BIN
else
    (cd "$ROOT" && cargo build --release --bin zfxxgk --features "cli${FEATURES:+,$FEATURES}" >&2)
    PARSE=$ROOT/target/release/zfxxgk
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf '某县2020年政府信息公开工作年度报告\n一、总体情况\n本机关收到申請1件。\n' >"$TMP/tiny.txt"
S004=$(ls "$SEEDS"/004_*.txt 2>/dev/null | head -n1 || true)
if [[ -n "$S004" ]]; then
    for _ in $(seq 1 9); do cat "$S004"; echo; done >"$TMP/x100KB.txt"
    for _ in $(seq 1 92); do cat "$S004"; echo; done >"$TMP/x1MB.txt"
    for _ in $(seq 1 920); do cat "$S004"; echo; done >"$TMP/x10MB.txt"
    # shellcheck source=opencc-env.sh
    if (source "$ROOT/scripts/opencc-env.sh") 2>/dev/null; then
        source "$ROOT/scripts/opencc-env.sh"
        "$OPENCC_BIN" -c "$OPENCC_DATA/s2t.json" -i "$TMP/x10MB.txt" -o "$TMP/x10MB-traditional.txt"
    fi
    python3 - "$S004" "$TMP" <<'PY'
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
out = sys.argv[2]
limit = 16_000_000
def fill(path, unit):
    reps = max(1, limit // len(unit.encode("utf-8")))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(unit * reps)
fill(out + "/hostile-fdfa-16MB.txt", "\ufdfa" * 1000)
fill(out + "/hostile-crlf-rows-16MB.txt",
     "".join(l + "\r\n" + l + "\r\n" for l in seed.split("\n")))
wide = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789|"}
wide[ord(" ")] = "\u3000"
fill(out + "/hostile-fullwidth-16MB.txt", seed.translate(wide))
PY
fi

HTML=$ROOT/tests/fixtures/html/report_2019.html

rss() { { /usr/bin/time -v "$1" parse --format none "$2" 2>&1 >/dev/null || true; } | awk '/Maximum resident set size/ {print $6}'; }
ratio() { awk -v d="$1" -v s="$2" 'BEGIN{printf "%.2f", d*1024/s}'; }
BASE=$(rss "$PARSE" "$TMP/tiny.txt")
if [[ -n "${ZFXXGK_OLD_BIN:-}" ]]; then
    OLD_BASE=$(rss "$ZFXXGK_OLD_BIN" "$TMP/tiny.txt")
    printf '%-36s %10s %12s %12s %8s %8s\n' file "input KB" "old RSS KB" "new RSS KB" "old" "new"
    printf '%-36s %10s %12s %12s %8s %8s\n' "tiny (baseline)" 0 "$OLD_BASE" "$BASE" - -
else
    printf '%-36s %10s %12s %14s %8s\n' file "input KB" "max RSS KB" "RSS-base KB" ratio
    printf '%-36s %10s %12s %14s %8s\n' "tiny (baseline)" "$(($(wc -c <"$TMP/tiny.txt") / 1024))" "$BASE" 0 -
fi
for f in "$SEEDS"/*.txt "$HTML" "$TMP"/x*.txt "$TMP"/hostile-*.txt; do
    [[ -f "$f" ]] || continue
    size=$(wc -c <"$f")
    r=$(rss "$PARSE" "$f")
    if [[ -n "${ZFXXGK_OLD_BIN:-}" ]]; then
        o=$(rss "$ZFXXGK_OLD_BIN" "$f")
        printf '%-36s %10d %12d %12d %8s %8s\n' "$(basename "$f")" $((size / 1024)) "$o" "$r" \
            "$(ratio $((o - OLD_BASE)) "$size")" "$(ratio $((r - BASE)) "$size")"
    else
        printf '%-36s %10d %12d %14d %8s\n' "$(basename "$f")" $((size / 1024)) "$r" $((r - BASE)) \
            "$(ratio $((r - BASE)) "$size")"
    fi
done
