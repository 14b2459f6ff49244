#!/usr/bin/env bash
# Runs every fuzz target (or those named) with libFuzzer under
# AddressSanitizer, each for FUZZ_SECONDS (default 5) or FUZZ_RUNS
# executions, whichever comes first, starting from the corpus in
# tests/fuzz/corpus/<target>. New inputs go to FUZZ_WORK (default a
# temporary directory), not into the repository; `FUZZ_MERGE=1` merges the
# ones that add coverage into the corpus afterwards. A crash, hang (> 10 s),
# leak or panic fails the run and leaves the input under
# tests/fuzz/artifacts/<target>/.
#
#   tests/fuzz/run.sh                        # the short run of tests/run-all.sh
#   FUZZ_SECONDS=1800 FUZZ_RUNS=10000000 tests/fuzz/run.sh triage
#
# Needs a nightly toolchain (for -Zsanitizer) and cargo-fuzz; installs both
# through rustup and cargo when missing.
set -euo pipefail
cd "$(dirname "$0")"

SECONDS_EACH="${FUZZ_SECONDS:-5}"
RUNS="${FUZZ_RUNS:--1}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(triage options case_file case_commands tom templates c_strings scope)
fi

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "== installing the nightly toolchain (for cargo-fuzz)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

WORK="${FUZZ_WORK:-$(mktemp -d)}"
echo "== fuzz: building the targets (nightly, AddressSanitizer)"
if ! cargo +nightly fuzz build --fuzz-dir . >"$WORK/build.log" 2>&1; then
  tail -40 "$WORK/build.log" >&2
  exit 1
fi
for t in "${TARGETS[@]}"; do
  mkdir -p "$WORK/$t" "artifacts/$t"
  log="$WORK/$t.log"
  if ! cargo +nightly fuzz run --fuzz-dir . "$t" "$WORK/$t" "corpus/$t" -- \
      -max_total_time="$SECONDS_EACH" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $t FAILED; the input is in tests/fuzz/artifacts/$t/" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz: $t: $runs executions in ≤ ${SECONDS_EACH} s, peak RSS $rss MB, no crash, hang or leak"
  if [ -n "${FUZZ_MERGE:-}" ]; then
    cargo +nightly fuzz run --fuzz-dir . "$t" "corpus/$t" "$WORK/$t" -- -merge=1 >/dev/null 2>&1
  fi
done
