#!/usr/bin/env bash
# Compare the crate's whole parse of traditional reports with the OpenCC command-line
# tool merely converting the same text to simplified (`opencc -c t2s.json`).
#
# usage: scripts/compare-opencc.sh [N]      (N copies of each traditional report, default 100)
#
# Inputs: seed 003 (traditional, pinyin-glossed) and seed 004 converted to traditional
# with `opencc -c s2t.json`, from ../shared/seeds (override with SEEDS=dir). Prints:
# * opencc, one process per file (`opencc -c t2s.json -i F -o /dev/null` for every F),
#   as the task states it — this includes OpenCC's start-up (dictionary load) per file;
# * opencc, one process over the concatenation of the same files (conversion speed
#   without per-file start-up);
# * `target/release/zfxxgk parse --format none` over the same files in one run
#   (parse + validate, with its own start-up), timed from outside, and its own line;
# and the ratios parse rate / opencc rate (above 1: the crate is faster).
set -euo pipefail

N=${1:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEEDS=${SEEDS:-$ROOT/../shared/seeds}

if ! command -v opencc >/dev/null; then
    echo "opencc command-line tool not found (Debian: apt-get install opencc)" >&2
    exit 1
fi
seed() { ls "$SEEDS"/"$1"_*.txt 2>/dev/null | head -n1; }
S003=$(seed 003)
S004=$(seed 004)
if [[ -z "$S003" || -z "$S004" ]]; then
    echo "seeds 003/004 not found in $SEEDS" >&2
    exit 1
fi

(cd "$ROOT" && cargo build --release --bin zfxxgk --features "cli${FEATURES:+,$FEATURES}" >&2)
PARSE=$ROOT/target/release/zfxxgk

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$S003" "$TMP/t003.txt"
opencc -c s2t.json -i "$S004" -o "$TMP/t004.txt"
mkdir "$TMP/files"
for i in $(seq 1 "$N"); do
    cp "$TMP/t003.txt" "$TMP/files/$i-003.txt"
    cp "$TMP/t004.txt" "$TMP/files/$i-004.txt"
done
FILES=("$TMP"/files/*.txt)
BYTES=$(cat "${FILES[@]}" | wc -c)
cat "${FILES[@]}" >"$TMP/all.txt"
# Warm the page cache.
cat "${FILES[@]}" >/dev/null

now() { date +%s%N; }
rate() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.2f", (b / 1e6) / (ns / 1e9) }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

t0=$(now)
for f in "${FILES[@]}"; do
    opencc -c t2s.json -i "$f" -o /dev/null
done
t1=$(now)
OPENCC_PER_FILE=$((t1 - t0))

t0=$(now)
opencc -c t2s.json -i "$TMP/all.txt" -o /dev/null
t1=$(now)
OPENCC_ONE=$((t1 - t0))

t0=$(now)
LINE=$("$PARSE" parse --format none "${FILES[@]}")
t1=$(now)
PARSE_NS=$((t1 - t0))

R_OF=$(rate "$BYTES" "$OPENCC_PER_FILE")
R_O1=$(rate "$BYTES" "$OPENCC_ONE")
R_P=$(rate "$BYTES" "$PARSE_NS")
echo "files: ${#FILES[@]} (${N} copies of seed 003 and of seed 004 in traditional), $(awk -v b="$BYTES" 'BEGIN{printf "%.3f", b/1e6}') MB"
echo "opencc -c t2s.json, one process per file: $(secs "$OPENCC_PER_FILE") s, $R_OF MB/s"
echo "opencc -c t2s.json, one process, concatenation: $(secs "$OPENCC_ONE") s, $R_O1 MB/s"
echo "parse --format none (parse + validate), one process: $(secs "$PARSE_NS") s, $R_P MB/s"
echo "  parse's own line: $LINE"
echo "ratio parse / opencc per file: $(awk -v a="$R_P" -v b="$R_OF" 'BEGIN{printf "%.2f", a/b}')"
echo "ratio parse / opencc concatenation: $(awk -v a="$R_P" -v b="$R_O1" 'BEGIN{printf "%.2f", a/b}')"
