#!/usr/bin/env bash
# Regenerate src/normalize/convert/t2s_data.rs from OpenCC's own t2s dictionaries.
#
# usage: scripts/gen-t2s.sh     (OPENCC_PYPI_VERSION=1.4.2 by default)
#
# Installs OpenCC from PyPI into target/ (scripts/opencc-env.sh), dumps the compiled
# dictionaries that its t2s.json uses to text with its `opencc_dict`, and writes the
# lookup tables with scripts/gen_t2s.py. The generated file is checked in; the library
# build never runs this.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=opencc-env.sh
source "$ROOT/scripts/opencc-env.sh"
DUMP=$(mktemp -d)
trap 'rm -rf "$DUMP"' EXIT
for d in TSPhrases TSCharacters CJK_Compatibility_Ideographs; do
    "$OPENCC_DICT" -i "$OPENCC_DATA/$d.ocd2" -o "$DUMP/$d.txt" -f ocd2 -t text
done
echo "t2s.json of OpenCC $OPENCC_PYPI_VERSION:" >&2
cat "$OPENCC_T2S" >&2
python3 "$ROOT/scripts/gen_t2s.py" "$OPENCC_PYPI_VERSION" "$DUMP/TSPhrases.txt" \
    "$DUMP/TSCharacters.txt" "$DUMP/CJK_Compatibility_Ideographs.txt" \
    "$ROOT/src/normalize/convert/t2s_data.rs"
# Formatted as `cargo fmt` formats the crate, so that regenerating changes nothing.
rustfmt --edition 2021 "$ROOT/src/normalize/convert/t2s_data.rs"
