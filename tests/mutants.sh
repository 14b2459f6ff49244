#!/usr/bin/env bash
# Mutation testing (cargo-mutants): does a test fail when a rule changes?
#
#   tests/mutants.sh            the time-boxed gate of the test command: a
#                               fixed sixth of the mutants of the sampled
#                               decision files below, against the tests
#                               that pin them
#   MUTANTS_SAMPLE=all tests/mutants.sh   every mutant of those files
#   MUTANTS_FULL=1 tests/mutants.sh   every decision module (hours; the
#                               figures in tests/README.md come from it);
#                               MUTANTS_MODULES="clock risk" for some
#
# A surviving (missed) mutant fails the gate: kill it with a test that
# derives its expectation from the law, or list it in .cargo/mutants.toml
# with the reason it is equivalent.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=27.1.0

if ! cargo mutants --version 2>/dev/null | grep -q "$VERSION"; then
  echo "mutants: installing cargo-mutants $VERSION from crates.io"
  cargo install cargo-mutants --version "$VERSION" --locked --quiet
fi

if [ -n "${MUTANTS_FULL:-}" ]; then
  # Every decision module (or the modules in MUTANTS_MODULES, e.g.
  # "clock duty warning.rs risk"), against the tests of the core and the
  # calibration cases of the root package. Two tests that only render large
  # documents (seconds each, no decision in them) are skipped.
  files=()
  for f in ${MUTANTS_MODULES:-risk duty clock authority case tom dpo.rs fine.rs warning.rs}; do
    files+=(-f "$f" -f "$f/**")
  done
  exec cargo mutants -p dsgvo-core --test-package dsgvo-core --test-package dsgvo \
    "${files[@]}" --baseline skip --timeout 120 --output target/mutants-full \
    -- --lib --tests -- --skip the_tom_document --skip a_runaway
fi

# The sample: the DPO and fine rules, against the tests that pin them
# (tests/dpo_fine.rs). A fixed sixth (every sixth mutant, round robin)
# keeps the step at about two minutes on two cores; the whole set of both
# files is run with MUTANTS_SAMPLE=all (tests/README.md has the figures).
# --in-place mutates the checked-out files (restored after each mutant) and
# reuses the build of `cargo test`, instead of building a copy from scratch.
# The test target goes to every cargo call (-C): arguments after `--` would
# reach only `cargo test`, and each mutant's build would compile every test
# binary of the core.
shard=(--shard 0/6 --sharding round-robin)
[ "${MUTANTS_SAMPLE:-}" = all ] && shard=()
cargo mutants -p dsgvo-core -f dpo.rs -f fine.rs "${shard[@]}" \
  --baseline skip --timeout 120 --in-place --output target/mutants-gate \
  -C --test=dpo_fine
