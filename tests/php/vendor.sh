#!/usr/bin/env bash
# The composer package as a shop installs it: `composer install` from a
# path repository into vendor/ (a copy, no repository around it), the
# library in a directory of its own without a header beside it. Dsgvo::load
# and bin/install-preload.php must find the package's own header.
#
#   tests/php/vendor.sh /abs/libdsgvo_ffi.so WORK_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
LIB="$1"
WORK="$2"
rm -rf "$WORK"
mkdir -p "$WORK/shop" "$WORK/lib"
cp "$LIB" "$WORK/lib/"
cat > "$WORK/shop/composer.json" <<JSON
{
  "name": "example/shop",
  "repositories": [
    { "type": "path", "url": "$PWD/dsgvo-ffi/php", "options": { "symlink": false } },
    { "packagist.org": false }
  ],
  "require": { "dsgvo/dsgvo-ffi": "*@dev" }
}
JSON
(cd "$WORK/shop" && COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_HOME="$WORK/composer-home" \
  composer install --no-interaction --no-progress --quiet)
test ! -L "$WORK/shop/vendor/dsgvo/dsgvo-ffi" || { echo "vendor: the package is a symlink, not a copy" >&2; exit 1; }
cat > "$WORK/shop/triage.php" <<'PHP'
<?php
declare(strict_types=1);
require __DIR__ . '/vendor/autoload.php';
$dsgvo = Dsgvo\Dsgvo::load($argv[1]);
$facts = json_decode(file_get_contents($argv[2]), true)['facts'];
echo $dsgvo->triage($facts)['risk'], "\n";
PHP
risk=$(php -d ffi.enable=1 "$WORK/shop/triage.php" "$WORK/lib/libdsgvo_ffi.so" "$PWD/tests/cases/shipping-label.json")
[ "$risk" = unlikely ] || { echo "vendor: triage from vendor/ gave \"$risk\"" >&2; exit 1; }
php "$WORK/shop/vendor/bin/install-preload.php" "$WORK/lib/libdsgvo_ffi.so" "$WORK/preload.h" >/dev/null
grep -q 'dsgvo_triage' "$WORK/preload.h"
echo "composer package from vendor/: triage ok, preload header written"
