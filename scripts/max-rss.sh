#!/usr/bin/env bash
# Max RSS of one process parsing one file (`--format none`: parse + validate) with
# `/usr/bin/time -v`, for the seeds, seed 004 repeated to 1 MB and to 10 MB (also
# converted to traditional), hostile 16 MB inputs (U+FDFA, which NFKC would expand
# elevenfold; seed 004 with CRLF line ends and every line printed twice; seed 004 with
# full-width digits, separators and spaces), and a tiny report (the baseline: binary,
# allocator, nothing else). Prints max RSS, RSS above the baseline and that over the
# input size.
#
# usage: scripts/max-rss.sh        (FEATURES=opencc for the system OpenCC converter;
#                                   ZFXXGK_BIN to measure another program)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEEDS=${SEEDS:-${ZFXXGK_SHARED:-$ROOT/../shared}/seeds}
if [[ -n "${ZFXXGK_BIN:-}" ]]; then
    PARSE=$ZFXXGK_BIN
else
    (cd "$ROOT" && cargo build --release --example parse ${FEATURES:+--features "$FEATURES"} >&2)
    PARSE=$ROOT/target/release/examples/parse
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf '某县2020年政府信息公开工作年度报告\n一、总体情况\n本机关收到申請1件。\n' >"$TMP/tiny.txt"
S004=$(ls "$SEEDS"/004_*.txt 2>/dev/null | head -n1 || true)
if [[ -n "$S004" ]]; then
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

rss() { { /usr/bin/time -v "$PARSE" --format none "$1" 2>&1 >/dev/null || true; } | awk '/Maximum resident set size/ {print $6}'; }
BASE=$(rss "$TMP/tiny.txt")
printf '%-36s %10s %12s %14s %8s\n' file "input KB" "max RSS KB" "RSS-base KB" ratio
printf '%-36s %10s %12s %14s %8s\n' "tiny (baseline)" "$(($(wc -c <"$TMP/tiny.txt") / 1024))" "$BASE" 0 -
for f in "$SEEDS"/*.txt "$TMP"/x*.txt "$TMP"/hostile-*.txt; do
    [[ -f "$f" ]] || continue
    size=$(wc -c <"$f")
    r=$(rss "$f")
    printf '%-36s %10d %12d %14d %8.2f\n' "$(basename "$f")" $((size / 1024)) "$r" $((r - BASE)) \
        "$(awk -v d=$((r - BASE)) -v s="$size" 'BEGIN{print d*1024/s}')"
done
