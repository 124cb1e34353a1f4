#!/usr/bin/env bash
# Source this file: it makes sure OpenCC 1.4 (the PyPI package `opencc`, which ships the
# C++ command-line tool and the compiled dictionaries) is installed in a virtual
# environment under target/, and exports
#   OPENCC_BIN   the C++ `opencc` binary (not the Python wrapper on PATH)
#   OPENCC_DICT  the C++ `opencc_dict` binary
#   OPENCC_DATA  the directory of its configurations (t2s.json) and .ocd2 dictionaries
#   OPENCC_T2S   "$OPENCC_DATA/t2s.json"
# Override the version with OPENCC_PYPI_VERSION (default 1.4.2, the version the compiled-in
# tables come from) and the place with OPENCC_VENV.
OPENCC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPENCC_PYPI_VERSION=${OPENCC_PYPI_VERSION:-1.4.2}
OPENCC_VENV=${OPENCC_VENV:-$OPENCC_ROOT/target/opencc-$OPENCC_PYPI_VERSION}
if [[ ! -x "$OPENCC_VENV/bin/python" ]]; then
    python3 -m venv "$OPENCC_VENV" >&2
fi
if ! "$OPENCC_VENV/bin/python" -c "import opencc" 2>/dev/null; then
    "$OPENCC_VENV/bin/pip" install --quiet "opencc==$OPENCC_PYPI_VERSION" >&2
fi
_opencc_pkg=$("$OPENCC_VENV/bin/python" -c 'import os, opencc; print(os.path.dirname(opencc.__file__))')
export OPENCC_BIN="$_opencc_pkg/clib/bin/opencc"
export OPENCC_DICT="$_opencc_pkg/clib/bin/opencc_dict"
export OPENCC_DATA="$_opencc_pkg/clib/share/opencc"
export OPENCC_T2S="$OPENCC_DATA/t2s.json"
unset _opencc_pkg
if [[ ! -x "$OPENCC_BIN" || ! -f "$OPENCC_T2S" ]]; then
    echo "OpenCC $OPENCC_PYPI_VERSION from PyPI has no C++ binary or t2s.json at $OPENCC_DATA" >&2
    return 1 2>/dev/null || exit 1
fi
