#!/usr/bin/env bash
# PHP-FPM as production runs it: ffi.enable=preload, the library preloaded
# (ffi.preload) and the wrapper's classes preloaded (opcache.preload). A
# real FastCGI request (tests/php/fastcgi.py) must get a verdict; the same
# request without opcache.preload must fail with a message that names it.
#
#   tests/php/fpm.sh /abs/libdsgvo_ffi.so WORK_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
LIB="$1"
WORK="$2"
FPM=$(command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null | head -n 1 || true)
[ -n "$FPM" ] || { echo "fpm: php-fpm is missing" >&2; exit 1; }
mkdir -p "$WORK"
php dsgvo-ffi/php/bin/install-preload.php "$LIB" "$WORK/dsgvo-preload.h" >/dev/null

# Starts PHP-FPM with the given -d settings, answers one request, stops.
# Prints the body; returns the client's status (0 for HTTP 200).
serve_one() {
  local sock="$WORK/fpm.sock" conf="$WORK/fpm.conf" pid status=0
  rm -f "$sock"
  local as_root=()
  {
    echo "[global]"
    echo "error_log = $WORK/fpm.log"
    echo "daemonize = no"
    echo "[dsgvo]"
    echo "listen = $sock"
    echo "pm = static"
    echo "pm.max_children = 1"
    echo "catch_workers_output = yes"
    if [ "$(id -u)" = 0 ]; then
      echo "user = root"
      echo "group = root"
    fi
  } > "$conf"
  [ "$(id -u)" = 0 ] && as_root=(-R)
  "$FPM" -F "${as_root[@]}" -y "$conf" "$@" &
  pid=$!
  for _ in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.1; done
  [ -S "$sock" ] || { cat "$WORK/fpm.log" >&2; kill "$pid" 2>/dev/null; echo "fpm: PHP-FPM did not start" >&2; return 2; }
  python3 tests/php/fastcgi.py "$sock" "$PWD/tests/php/fpm_triage.php" || status=$?
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  return "$status"
}

user=$(id -un)
documented=(-d ffi.enable=preload -d "ffi.preload=$WORK/dsgvo-preload.h"
  -d opcache.enable=1 -d "opcache.preload=$PWD/dsgvo-ffi/php/preload.php"
  -d "opcache.preload_user=$user")
body=$(serve_one "${documented[@]}") || { echo "$body" >&2; echo "fpm: the documented set-up failed" >&2; exit 1; }
python3 - "$body" <<'PY'
import json, sys
answer = json.loads(sys.argv[1])
assert answer["sapi"] == "fpm-fcgi", answer
assert answer["preloaded"], "the wrapper's classes were not preloaded"
verdict, expected = answer["verdict"], answer["expected"]
assert verdict["risk"] == expected["risk"], (verdict["risk"], expected["risk"])
assert verdict["notify_authority"] == expected["notify_authority"]
print(f"PHP-FPM (FastCGI, ffi.enable=preload): risk {verdict['risk']} as expected")
PY

# Without the preloaded classes PHP refuses FFI; the message says why.
if body=$(serve_one -d ffi.enable=preload -d "ffi.preload=$WORK/dsgvo-preload.h" -d opcache.enable=1); then
  echo "$body" >&2
  echo "fpm: a set-up without opcache.preload answered; it must fail" >&2
  exit 1
fi
python3 - "$body" <<'PY'
import json, sys
answer = json.loads(sys.argv[1])
assert answer["sapi"] == "fpm-fcgi", answer
assert "opcache.preload" in answer["error"], answer["error"]
print("PHP-FPM without opcache.preload: refused, naming opcache.preload")
PY
