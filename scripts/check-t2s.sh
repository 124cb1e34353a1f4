#!/usr/bin/env bash
# Check the compiled-in t2s conversion against the real OpenCC 1.4.2 command-line tool
# (PyPI package, installed under target/ by scripts/opencc-env.sh) on every seed and
# corpus text of ../shared, as it is and converted to traditional.
#
# usage: scripts/check-t2s.sh [cargo test options, e.g. --features opencc]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=opencc-env.sh
source "$ROOT/scripts/opencc-env.sh"
export ZFXXGK_OPENCC_BIN=$OPENCC_BIN ZFXXGK_OPENCC_DATA=$OPENCC_DATA
cd "$ROOT" && cargo test "$@" --test t2s -- --nocapture
