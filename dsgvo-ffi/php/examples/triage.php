<?php

/**
 * Triages a breach and writes its documents:
 *
 *   php -d ffi.enable=1 dsgvo-ffi/php/examples/triage.php FACTS.json OUT_DIR [NOW] [LIB]
 *
 * FACTS.json holds `dsgvo.breach-facts/1` (or a calibration case with a
 * "facts" key); NOW (RFC 3339) is when the notification is made (default:
 * now); LIB the library (default: target/release, then target/debug).
 */

declare(strict_types=1);

spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'Dsgvo\\')) {
        require __DIR__ . '/../src/' . substr($class, 6) . '.php';
    }
});

[$self, $factsFile, $outDir, $now, $lib] = $argv + [null, null, null, null, null];
if ($factsFile === null || $outDir === null) {
    fwrite(STDERR, "usage: {$self} FACTS.json OUT_DIR [NOW] [LIB]\n");
    exit(2);
}
$root = __DIR__ . '/../../..';
$lib ??= is_file("{$root}/target/release/libdsgvo_ffi.so") ? "{$root}/target/release/libdsgvo_ffi.so" : "{$root}/target/debug/libdsgvo_ffi.so";
$now ??= (new DateTimeImmutable('now', new DateTimeZone('UTC')))->format(DATE_RFC3339);

$input = json_decode(file_get_contents($factsFile), true, 512, JSON_THROW_ON_ERROR);
$facts = $input['facts'] ?? $input;

try {
    $dsgvo = Dsgvo\Dsgvo::load(realpath($lib) ?: $lib);
    $verdict = $dsgvo->triage($facts);
    $docs = $dsgvo->documents($facts, $now, null, $input['delay_reasons'] ?? null);
} catch (Dsgvo\DsgvoException $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}
if (!is_dir($outDir) && !mkdir($outDir, 0777, true)) {
    fwrite(STDERR, "cannot create {$outDir}\n");
    exit(1);
}
foreach ($docs as $name => $content) {
    file_put_contents("{$outDir}/{$name}", $content);
}
printf("risk: %s; notify authority: %s; inform data subjects: %s\n",
    $verdict['risk'], $verdict['notify_authority'] ? 'yes' : 'no', $verdict['notify_data_subjects'] ? 'yes' : 'no');
printf("%d documents written to %s\n%s\n", count($docs), $outDir, $verdict['disclaimer']);
