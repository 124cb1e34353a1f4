#!/usr/bin/env bash
# The parse + validate bench of an earlier revision and of this checkout, side by side.
#
# usage: scripts/bench-vs.sh [REV] [ROUNDS]      (default REV 9e74f8e = 0.1.0, ROUNDS 2)
#
# Checks REV out in target/bench-vs/REV (a git worktree), then runs
# `cargo bench --bench parse -- end_to_end` there and here in turn, ROUNDS times each
# (alternating, so that a change in the machine's load falls on both), and prints for
# every input the medians of each round and the ratio of the best medians (this / REV;
# below 1: faster). Both benches build the same inputs (the seeds of ../shared, or
# $ZFXXGK_SHARED, linked beside the earlier checkout for benches that look only there;
# and the generated layouts). Absolute figures depend on the machine;
# the ratios, taken in one run, are what to compare.
set -euo pipefail
REV=${1:-9e74f8e}
ROUNDS=${2:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OLD=$ROOT/target/bench-vs/$REV
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
if [[ ! -d $OLD ]]; then
    git -C "$ROOT" worktree add --detach "$OLD" "$REV" >&2
fi
export ZFXXGK_SHARED=${ZFXXGK_SHARED:-$ROOT/../shared}
# Earlier benches read `../shared` beside their checkout only.
if [[ -d $ZFXXGK_SHARED && ! -e $ROOT/target/bench-vs/shared ]]; then
    ln -s "$(cd "$ZFXXGK_SHARED" && pwd)" "$ROOT/target/bench-vs/shared"
fi
for dir in "$OLD" "$ROOT"; do
    (cd "$dir" && cargo bench --bench parse --no-run >&2)
done
for r in $(seq 1 "$ROUNDS"); do
    (cd "$OLD" && cargo bench --bench parse -- end_to_end 2>/dev/null) >"$OUT/old-$r.txt"
    (cd "$ROOT" && cargo bench --bench parse -- end_to_end 2>/dev/null) >"$OUT/new-$r.txt"
done
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT" "$ROUNDS" "$REV" <<'PY'
import re, sys
out, rounds, rev = sys.argv[1], int(sys.argv[2]), sys.argv[3]
UNIT = {"ns": 1e-3, "µs": 1.0, "ms": 1e3, "s": 1e6}
row = re.compile(r"[├╰]─ (\S+)\s+(\S+) (\S+)\s+│\s+\S+ \S+\s+│\s+(\S+) (\S+)\s+│")
def medians(path):
    found = {}
    for line in open(path, encoding="utf-8"):
        m = row.search(line)
        if m:
            found[m.group(1)] = float(m.group(4)) * UNIT[m.group(5)]
    return found
runs = {side: [medians(f"{out}/{side}-{r}.txt") for r in range(1, rounds + 1)] for side in ("old", "new")}
names = [n for n in runs["new"][0] if n in runs["old"][0]]
print(f"{'input':34} {rev + ' medians (µs)':>24} {'this checkout':>24} {'ratio':>6}")
for n in names:
    a = [r[n] for r in runs["old"] if n in r]
    b = [r[n] for r in runs["new"] if n in r]
    fa = " ".join(f"{x:.1f}" for x in a)
    fb = " ".join(f"{x:.1f}" for x in b)
    print(f"{n:34} {fa:>24} {fb:>24} {min(b) / min(a):6.3f}")
PY
