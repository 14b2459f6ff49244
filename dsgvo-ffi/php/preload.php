<?php

/**
 * For opcache.preload under PHP-FPM or Apache: with `ffi.enable=preload`
 * (their default), PHP allows FFI only in preloaded code, so the wrapper's
 * classes are preloaded here. php.ini:
 *
 *   ffi.enable=preload
 *   ffi.preload=/etc/php/dsgvo-preload.h   ; from bin/install-preload.php
 *   opcache.preload=/path/vendor/dsgvo/dsgvo-ffi/preload.php
 *   opcache.preload_user=www-data          ; needed when PHP starts as root
 */

declare(strict_types=1);

require_once __DIR__ . '/src/DsgvoException.php';
require_once __DIR__ . '/src/BreachCase.php';
require_once __DIR__ . '/src/Dsgvo.php';
