<?php

// Run as production PHP runs: php -d ffi.enable=preload -d ffi.preload=HEADER
// with the header written by dsgvo-ffi/php/bin/install-preload.php.

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

$dsgvo = Dsgvo\Dsgvo::fromScope('DSGVO');
$case = json_decode(file_get_contents(__DIR__ . '/../cases/shipping-label.json'), true, 512, JSON_THROW_ON_ERROR);
$verdict = $dsgvo->triage($case['facts']);
if ($verdict['risk'] !== $case['expected']['risk']) {
    fwrite(STDERR, "preload: risk {$verdict['risk']}, expected {$case['expected']['risk']}\n");
    exit(1);
}
echo "PHP preload (ffi.enable=preload, FFI::scope): triage ok, library {$dsgvo->version()}\n";
