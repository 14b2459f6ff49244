#!/usr/bin/env bash
# Runs every test of the project and installs what it needs itself:
# formatting, lints, Rust unit/integration/doc tests (including the
# calibration cases in tests/cases through the triage example), the
# documentation build, mutation testing, the C, PHP and Python doors, fuzzing
# and Miri.
#
#   tests/run-all.sh                 everything (what .ci/run calls)
#   tests/run-all.sh c python        only the named parts, in the given order
#
# Parts: rust, mutants, c, php, python, fuzz, miri. Each part builds what it
# needs, so any one runs alone on a fresh clone. One more part runs only
# when named: spark (a Java runtime and pyspark, 189 and 468 MB installed, and Spark's
# start-up do not fit the CI budget of the whole run).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step says how many seconds into the run it starts.
step() { echo "== [${SECONDS} s] $*"; }
PARTS=(rust mutants c php python fuzz miri)
if [ $# -gt 0 ]; then
  for part in "$@"; do
    case " ${PARTS[*]} spark " in
      *" $part "*) ;;
      *) echo "run-all: unknown part \"$part\"; the parts are: ${PARTS[*]} spark" >&2; exit 2 ;;
    esac
  done
  PARTS=("$@")
fi

apt_install() {
  # Installs Debian packages when running as root with apt; otherwise says
  # what is missing.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "installing $*"
    if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "run-all: please install: $*" >&2
    exit 1
  fi
}

if ! command -v cargo >/dev/null 2>&1; then
  echo "run-all: cargo is missing; install Rust (https://rustup.rs) first" >&2
  exit 1
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    step "installing $component"
    rustup component add "$component"
  fi
done
# pyo3 (dsgvo-py) needs a Python 3.9+ interpreter at build time.
command -v python3 >/dev/null 2>&1 || apt_install python3
LIBDIR="$PWD/target/debug"
CFLAGS="-std=c11 -Wall -Wextra -Werror -pedantic -g"
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT

part_rust() {
step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

MSRV=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
step "MSRV: the libraries build with Rust $MSRV (rust-version in Cargo.toml)"
rustup toolchain install "$MSRV" --profile minimal >/dev/null 2>&1 \
  || { echo "run-all: cannot install Rust $MSRV" >&2; exit 1; }
CARGO_TARGET_DIR=target/msrv cargo +"$MSRV" check --locked --quiet \
  -p dsgvo-core -p dsgvo-ffi -p dsgvo-py --lib

step "the core without its optional features (tzdb, documents) builds clean"
# The Directive's summer-time rule that replaces the database is tested
# against it in "cargo test" (clock::zone); this checks that the library
# builds without them, warnings denied (the tests without the features:
# cargo test -p dsgvo-core --no-default-features --lib --tests).
cargo clippy -p dsgvo-core --no-default-features --lib --locked -- -D warnings

step "cargo doc (warnings denied)"
RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --no-deps --locked --quiet

step "cargo test --workspace"
cargo test --workspace --locked

}

part_mutants() {
step "mutation testing: a fixed sample of the decision rules (cargo-mutants; a surviving mutant fails)"
tests/mutants.sh
}

# --- C ABI: the C tests, under AddressSanitizer/UBSan and valgrind --------
part_c() {
command -v gcc >/dev/null 2>&1 || apt_install gcc libc6-dev
command -v valgrind >/dev/null 2>&1 || apt_install valgrind
step "C ABI: build the library, the triage example and the C tests"
cargo build -p dsgvo-ffi --locked --quiet
cargo build --example triage --locked --quiet
gcc $CFLAGS -o "$BUILD/test_ffi" tests/c/test_ffi.c -L"$LIBDIR" -ldsgvo_ffi -Wl,-rpath,"$LIBDIR"
gcc $CFLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
  -o "$BUILD/test_ffi_asan" tests/c/test_ffi.c -L"$LIBDIR" -ldsgvo_ffi -Wl,-rpath,"$LIBDIR"

step "C ABI: tests"
"$BUILD/test_ffi"
step "C ABI: tests under AddressSanitizer and UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 "$BUILD/test_ffi_asan"
step "C ABI: tests under valgrind (definite leaks and errors fail)"
valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=9 "$BUILD/test_ffi" >/dev/null
step "C ABI: 8 threads at once give the single-threaded results"
gcc $CFLAGS -pthread -o "$BUILD/test_threads" tests/c/test_threads.c -L"$LIBDIR" -ldsgvo_ffi -Wl,-rpath,"$LIBDIR"
"$BUILD/test_threads" 2000
step "C ABI: the bad-input matrix (plain, ASan/UBSan, valgrind)"
gcc $CFLAGS -o "$BUILD/test_bad_input" tests/c/test_bad_input.c -L"$LIBDIR" -ldsgvo_ffi -Wl,-rpath,"$LIBDIR"
gcc $CFLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
  -o "$BUILD/test_bad_input_asan" tests/c/test_bad_input.c -L"$LIBDIR" -ldsgvo_ffi -Wl,-rpath,"$LIBDIR"
diff <(python3 -c 'import json; [print(r["id"]) for r in json.load(open("tests/bad_input.json"))["rows"]]') \
  <("$BUILD/test_bad_input" --ids) || { echo "run-all: the C matrix and tests/bad_input.json differ" >&2; exit 1; }
"$BUILD/test_bad_input"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 "$BUILD/test_bad_input_asan" >/dev/null
valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=9 "$BUILD/test_bad_input" >/dev/null
step "C ABI: the header from C++ (extern \"C\" guard), linked statically with -lm"
command -v g++ >/dev/null 2>&1 || apt_install g++
g++ -std=c++17 -Wall -Wextra -Werror -Iinclude -o "$BUILD/test_cpp" tests/c/test_cpp.cpp \
  target/debug/libdsgvo_ffi.a -lm
"$BUILD/test_cpp"
step "C ABI: calibration cases"
python3 tests/c/calibration.py "$BUILD/test_ffi" tests/cases target/debug/examples/triage
}

# --- PHP: the wrapper through FFI, PHPUnit, and the preload set-up --------
part_php() {
command -v php >/dev/null 2>&1 || apt_install php-cli
command -v phpunit >/dev/null 2>&1 || apt_install phpunit
php -r 'exit(extension_loaded("FFI") ? 0 : 1);' || { echo "run-all: the PHP FFI extension is missing" >&2; exit 1; }
step "PHP: build the library"
cargo build -p dsgvo-ffi --locked --quiet
export DSGVO_LIB="$LIBDIR/libdsgvo_ffi.so"
step "PHP: PHPUnit (ffi.enable=1)"
php -d ffi.enable=1 "$(command -v phpunit)" -c tests/php/phpunit.xml
step "PHP: PHPUnit and the example under valgrind (no error; no leak from the library)"
# PHP 8.2 and PHPUnit leave a few blocks at exit even in a test that never
# calls the library, so leak records count only when a frame is ours. The
# two tests that measure the resident set (group rss) run only natively.
USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 valgrind -q --error-exitcode=9 --leak-check=full \
  --show-leak-kinds=definite --errors-for-leak-kinds=none --log-file="$BUILD/vg-phpunit.log" \
  php -d ffi.enable=1 -d pcre.jit=0 "$(command -v phpunit)" -c tests/php/phpunit.xml \
  --exclude-group rss >"$BUILD/phpunit-valgrind.out" 2>&1 || { cat "$BUILD/phpunit-valgrind.out" "$BUILD/vg-phpunit.log" >&2; exit 1; }
USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 valgrind -q --error-exitcode=9 --leak-check=full \
  --show-leak-kinds=definite --errors-for-leak-kinds=none --log-file="$BUILD/vg-php-example.log" \
  php -d ffi.enable=1 -d pcre.jit=0 dsgvo-ffi/php/examples/triage.php tests/cases/shipping-label.json \
  "$BUILD/vg-documents" 2026-11-21T09:00:00+01:00 "$DSGVO_LIB" >/dev/null
if grep -q 'dsgvo' "$BUILD/vg-phpunit.log" "$BUILD/vg-php-example.log"; then
  cat "$BUILD/vg-phpunit.log" "$BUILD/vg-php-example.log" >&2
  echo "run-all: valgrind found a leak from the library in PHP" >&2
  exit 1
fi
step "PHP: production set-up under PHP-FPM, a real FastCGI request (ffi.enable=preload)"
command -v php-fpm >/dev/null 2>&1 || ls /usr/sbin/php-fpm* >/dev/null 2>&1 || apt_install php-fpm
tests/php/fpm.sh "$DSGVO_LIB" "$BUILD/fpm"
step "PHP: the composer package from vendor/ (its own header, no repository around it)"
command -v composer >/dev/null 2>&1 || apt_install composer
tests/php/vendor.sh "$DSGVO_LIB" "$BUILD/vendor-check"
step "PHP: example"
php -d ffi.enable=1 dsgvo-ffi/php/examples/triage.php tests/cases/shipping-label.json "$BUILD/documents" \
  2026-11-21T09:00:00+01:00 "$DSGVO_LIB" >/dev/null
test -s "$BUILD/documents/notification.de.md"
}

# --- Python: the module built with maturin into a venv, pytest, stub check --
# The venv with the test tools and the packages named, and the module built
# into it.
python_module() {
python3 -c "import ensurepip" 2>/dev/null || apt_install python3-venv
if [ ! -x .venv/bin/python ]; then
  step "creating .venv"
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7" "$@"
step "Python: build the module (maturin develop)"
(cd dsgvo-py && VIRTUAL_ENV="$PWD/../.venv" CARGO_TARGET_DIR="$PWD/../target/py" \
  ../.venv/bin/maturin develop -q --locked)
}

part_python() {
# What data teams scope with: a pandas or polars DataFrame, a pyarrow Table,
# and a Dask DataFrame on a local cluster (tests/python/test_scope_arrow.py,
# test_scope_dask.py; DSGVO_TEST_ALL=1 makes a missing package a failure
# there, not a skip).
python_module "mypy>=1.8" "pandas>=2" "pyarrow>=14" "polars>=1.0" "dask[dataframe,distributed]>=2024.1"
step "Python: pytest (with pandas, pyarrow, polars and Dask on a local cluster)"
DSGVO_TEST_ALL=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/python
step "Python: the stubs match the native module (mypy.stubtest); the package type-checks (mypy --strict)"
(cd dsgvo-py/python && ../../.venv/bin/python -m mypy.stubtest dsgvo._dsgvo &&
  ../../.venv/bin/python -m mypy --strict --no-incremental -p dsgvo)
}

# --- Spark (only when named): the README's mapInArrow recipe in local mode --
part_spark() {
command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless
python_module "pandas>=2" "pyarrow>=14" "pyspark>=4.0,<4.1"
step "Spark: four partitions in local mode give the Scope of one pass (tests/python/test_scope_spark.py)"
DSGVO_TEST_SPARK=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/python/test_scope_spark.py
}

# --- Hardening: a short fuzz run and Miri (both on nightly) -----------------
part_fuzz() {
step "fuzz: every target for 5 s from its corpus (ASan; a crash, hang, leak or panic fails)"
tests/fuzz/run.sh
}

part_miri() {
step "Miri: the dsgvo-ffi unit tests (every pointer use checked)"
if rustup component add --toolchain nightly miri rust-src >/dev/null 2>&1; then
  cargo +nightly miri test -p dsgvo-ffi --lib --locked -q
else
  echo "run-all: the nightly Miri component cannot be installed here; Miri skipped" \
    "(the same unit tests ran natively in the rust part)" >&2
fi
}

for part in "${PARTS[@]}"; do
  "part_$part"
done
if [ $# -eq 0 ]; then
  step "all tests passed"
else
  step "passed: $*"
fi
