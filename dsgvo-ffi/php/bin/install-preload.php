#!/usr/bin/env php
<?php

/**
 * Writes the preload header for production PHP (PHP-FPM/Apache), where the
 * default `ffi.enable=preload` forbids FFI::cdef:
 *
 *   php bin/install-preload.php /abs/path/libdsgvo_ffi.so /etc/php/dsgvo-preload.h [dsgvo_php.h]
 *
 * then set `ffi.preload=/etc/php/dsgvo-preload.h` and
 * `opcache.preload=/path/vendor/dsgvo/dsgvo-ffi/preload.php` in php.ini and
 * use `Dsgvo\Dsgvo::fromScope()`. The header is the one given, else
 * `dsgvo_php.h` beside the library, else this package's copy. FFI_LIB must be absolute: a relative path
 * resolves against the worker's working directory and fails.
 */

declare(strict_types=1);

[$self, $library, $target, $headerFile] = $argv + [null, null, null, null];
if ($library === null || $target === null) {
    fwrite(STDERR, "usage: {$self} /abs/path/libdsgvo_ffi.so /path/dsgvo-preload.h [dsgvo_php.h]\n");
    exit(2);
}
$real = realpath($library);
if ($real === false || !is_file($real)) {
    fwrite(STDERR, "install-preload: {$library} does not exist\n");
    exit(2);
}
// The header: as given, else beside the library, else the package's own copy.
$headerFile ??= is_file(dirname($real) . '/dsgvo_php.h')
    ? dirname($real) . '/dsgvo_php.h'
    : dirname(__DIR__) . '/dsgvo_php.h';
$header = @file_get_contents($headerFile);
if ($header === false) {
    fwrite(STDERR, "install-preload: cannot read the header {$headerFile}\n");
    exit(2);
}
$preload = "#define FFI_SCOPE \"DSGVO\"\n#define FFI_LIB \"" . addcslashes($real, "\"\\") . "\"\n" . $header;
if (@file_put_contents($target, $preload) === false) {
    fwrite(STDERR, "install-preload: cannot write {$target}\n");
    exit(2);
}
echo "wrote {$target}: set ffi.preload={$target} and opcache.preload=" . dirname(__DIR__)
    . "/preload.php, then use Dsgvo\\Dsgvo::fromScope()\n";
