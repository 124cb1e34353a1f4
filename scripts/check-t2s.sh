#!/usr/bin/env bash
# Check the compiled-in t2s conversion against the real OpenCC 1.4.2 command-line tool
# (PyPI package, installed under target/ by scripts/opencc-env.sh) on every seed and
# corpus text of the shared folder (../shared or $ZFXXGK_SHARED), as it is and
# converted to traditional, and on a 2 MB generated sample (the test
# `shared_texts_match_the_opencc_tool` of tests/t2s.rs, ignored by a plain cargo test).
#
# usage: scripts/check-t2s.sh [cargo test options, e.g. --features opencc]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=opencc-env.sh
source "$ROOT/scripts/opencc-env.sh"
export ZFXXGK_OPENCC_BIN=$OPENCC_BIN ZFXXGK_OPENCC_DATA=$OPENCC_DATA
cd "$ROOT" && cargo test "$@" --test t2s -- --include-ignored --nocapture
