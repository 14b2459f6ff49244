#!/usr/bin/env bash
# Side-by-side comparisons in one run (issue 8): bulk letters (library in
# Rust, library from Python, Jinja2 in Python, a byte-writing floor) and
# triage from PHP (library through FFI against rules in plain PHP arrays).
# Takes about two minutes on 2 cores. Usage: benches/compare.sh [LETTERS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-800000}"

echo "== building (release)"
cargo build --release -p dsgvo-ffi --quiet
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" jinja2
(cd dsgvo-py && VIRTUAL_ENV="$PWD/../.venv" CARGO_TARGET_DIR="$PWD/../target/py" \
  ../.venv/bin/maturin develop --release -q)

echo
echo "== bulk letters in Rust (document::letters, letters_parallel), $N recipients"
LETTERS_MAX="$N" cargo bench --quiet --bench letters 2>/dev/null | awk -v n="$N" 'NR == 1 || $1 == n'

echo
echo "== bulk letters from Python: library vs Jinja2 vs floor, $N recipients"
.venv/bin/python benches/compare_letters.py "$N"

echo
echo "== triage from PHP: library through FFI vs plain PHP rules"
php -d ffi.enable=1 benches/compare_php.php target/release/libdsgvo_ffi.so

echo
echo "== triage through the C ABI from C"
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["facts"], open(sys.argv[2], "w"))' \
  examples/scenarios/shipping-label.json "$BUILD/facts.json"
gcc -O2 -std=c11 -Wall -Wextra -Werror -o "$BUILD/c_triage" benches/c_triage.c \
  -Ltarget/release -ldsgvo_ffi -Wl,-rpath,"$PWD/target/release"
"$BUILD/c_triage" "$BUILD/facts.json"
