<?php

/**
 * One triage call through PHP FFI, raw and through the Dsgvo wrapper
 * (array in, array out). Prints the median of 15 batches of 2,000 calls.
 *
 *   cargo build --release -p dsgvo-ffi
 *   php -d ffi.enable=1 benches/ffi_php.php [LIB]
 */

declare(strict_types=1);

spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'Dsgvo\\')) {
        require __DIR__ . '/../dsgvo-ffi/php/src/' . substr($class, 6) . '.php';
    }
});

$lib = $argv[1] ?? __DIR__ . '/../target/release/libdsgvo_ffi.so';
$dsgvo = Dsgvo\Dsgvo::load(realpath($lib) ?: $lib);
$ffi = $dsgvo->ffi();
$case = json_decode(file_get_contents(__DIR__ . '/../examples/scenarios/shipping-label.json'), true);
$facts = $case['facts'];
$json = json_encode($facts, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);

function median_us(callable $call): float
{
    $per = [];
    for ($batch = 0; $batch < 15; $batch++) {
        $t = hrtime(true);
        for ($i = 0; $i < 2000; $i++) {
            $call();
        }
        $per[] = (hrtime(true) - $t) / 2000 / 1000;
    }
    sort($per);
    return $per[7];
}

$raw = median_us(function () use ($ffi, $json) {
    $out = $ffi->new('char*');
    $ffi->dsgvo_triage($json, null, FFI::addr($out));
    $s = FFI::string($out);
    $ffi->dsgvo_string_free($out);
    return $s;
});
$wrapped = median_us(fn () => $dsgvo->triage($facts));
printf("PHP %s, library %s\n", PHP_VERSION, $dsgvo->version());
printf("triage via raw FFI (JSON string in, string out): %6.1f µs median\n", $raw);
printf("triage via Dsgvo wrapper (array in, array out):  %6.1f µs median\n", $wrapped);
