#!/usr/bin/env bash
# Scoping side by side (issue 20) in one run: the pandas code a data team
# would write, dsgvo.scope on a pandas DataFrame and on a pyarrow Table,
# and the Rust CSV reader, on one generated table of ROWS rows x 12 columns
# (default 1,000,000; fake people). Usage: benches/compare_scope.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
TABLE="$(mktemp -d)/orders.csv"
trap 'rm -rf "$(dirname "$TABLE")"' EXIT

echo "== building (release)"
cargo build --release --example scope --quiet
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pandas>=2" "pyarrow>=14"
(cd dsgvo-py && VIRTUAL_ENV="$PWD/../.venv" CARGO_TARGET_DIR="$PWD/../target/py" \
  ../.venv/bin/maturin develop --release -q)

echo "== the table and the Rust benchmark (read_csv + report in one process)"
SCOPE_ROWS="$ROWS" SCOPE_WRITE="$TABLE" cargo bench --quiet --bench scope 2>/dev/null

echo "== side by side, $ROWS rows"
.venv/bin/python benches/compare_scope.py "$TABLE" target/release/examples/scope
