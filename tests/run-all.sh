#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, Rust unit/integration/doc
# tests (including the calibration cases in ../shared/cases through the
# triage example) and the documentation build. Installs what it needs itself.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/cases ]; then
  echo "run-all: ../shared/ (spec, cases, reference data) must lie beside this repository" >&2
  exit 1
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "run-all: cargo is missing; install Rust (https://rustup.rs) first" >&2
  exit 1
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    echo "== installing $component"
    rustup component add "$component"
  fi
done
# pyo3 (dsgvo-py) needs a Python 3.9+ interpreter at build time.
if ! command -v python3 >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing python3"
    apt-get update -qq && apt-get install -y -qq python3 >/dev/null
  else
    echo "run-all: python3 is missing (needed to build dsgvo-py)" >&2
    exit 1
  fi
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo doc (warnings denied)"
RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --no-deps --locked --quiet

echo "== cargo test --workspace"
cargo test --workspace --locked
