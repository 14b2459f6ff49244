<?php

// The page a shop's plugin would serve, answered by PHP-FPM: the library
// from the preloaded FFI scope. The wrapper's classes come from
// dsgvo-ffi/php/preload.php when opcache preloads it, else from the
// autoloader, as composer's would load them.

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

header('Content-Type: application/json');
try {
    $dsgvo = Dsgvo\Dsgvo::fromScope();
    $case = json_decode(file_get_contents(__DIR__ . '/../cases/shipping-label.json'), true, 512, JSON_THROW_ON_ERROR);
    $preloaded = opcache_get_status(false)['preload_statistics']['classes'] ?? [];
    echo json_encode([
        'sapi' => PHP_SAPI,
        'preloaded' => in_array('Dsgvo\\Dsgvo', $preloaded, true),
        'verdict' => $dsgvo->triage($case['facts']),
        'expected' => $case['expected'],
    ]);
} catch (Throwable $e) {
    http_response_code(500);
    echo json_encode(['sapi' => PHP_SAPI, 'error' => $e->getMessage()]);
}
