#!/usr/bin/env php
<?php

/**
 * Writes the preload header for production PHP (PHP-FPM/Apache), where the
 * default `ffi.enable=preload` forbids FFI::cdef:
 *
 *   php bin/install-preload.php /abs/path/libdsgvo_ffi.so /etc/php/dsgvo-preload.h
 *
 * then set `ffi.preload=/etc/php/dsgvo-preload.h` in php.ini and use
 * `Dsgvo\Dsgvo::fromScope()`. FFI_LIB must be absolute: a relative path
 * resolves against the worker's working directory and fails.
 */

declare(strict_types=1);

[$self, $library, $target] = $argv + [null, null, null];
if ($library === null || $target === null) {
    fwrite(STDERR, "usage: {$self} /abs/path/libdsgvo_ffi.so /path/dsgvo-preload.h\n");
    exit(2);
}
$real = realpath($library);
if ($real === false || !is_file($real)) {
    fwrite(STDERR, "install-preload: {$library} does not exist\n");
    exit(2);
}
$header = @file_get_contents(__DIR__ . '/../../../include/dsgvo_php.h');
if ($header === false) {
    fwrite(STDERR, "install-preload: include/dsgvo_php.h not found beside the package\n");
    exit(2);
}
$preload = "#define FFI_SCOPE \"DSGVO\"\n#define FFI_LIB \"" . addcslashes($real, "\"\\") . "\"\n" . $header;
if (@file_put_contents($target, $preload) === false) {
    fwrite(STDERR, "install-preload: cannot write {$target}\n");
    exit(2);
}
echo "wrote {$target}: set ffi.preload={$target} and use Dsgvo\\Dsgvo::fromScope()\n";
