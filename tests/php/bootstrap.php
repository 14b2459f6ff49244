<?php

declare(strict_types=1);

// The wrapper without composer: the classes are few.
spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'Dsgvo\\')) {
        require __DIR__ . '/../../dsgvo-ffi/php/src/' . substr($class, 6) . '.php';
    }
});

function dsgvo_library(): string
{
    $lib = getenv('DSGVO_LIB') ?: __DIR__ . '/../../target/debug/libdsgvo_ffi.so';
    if (!is_file($lib)) {
        throw new RuntimeException("{$lib} not built: run cargo build -p dsgvo-ffi");
    }
    return realpath($lib);
}
