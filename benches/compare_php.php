<?php

/**
 * Triage from PHP, side by side: the library through FFI (raw and through
 * the Dsgvo wrapper) against the in-plugin alternative, decision rules in
 * plain PHP arrays. The plain-PHP side is a stand-in for timing only: the
 * ENISA main path (DPC x EI + CB, bands, Art. 33/34 duties) without the
 * library's other rules, exemptions, deadlines, authorities or reasons. It
 * shows whether the FFI crossing is the bottleneck.
 *
 *   php -d ffi.enable=1 benches/compare_php.php [LIB]
 */

declare(strict_types=1);

spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'Dsgvo\\')) {
        require __DIR__ . '/../dsgvo-ffi/php/src/' . substr($class, 6) . '.php';
    }
});

function plain_php_triage(array $f): array
{
    static $dpc = ['identity' => 1, 'contact' => 1, 'order' => 1, 'behavioural' => 2,
        'payment_card' => 3, 'bank_account' => 3, 'credentials' => 3, 'health' => 4];
    static $ei = ['negligible' => 0.25, 'limited' => 0.5, 'significant' => 0.75, 'maximum' => 1.0];
    $base = 1;
    foreach ($f['data_categories'] as $c) {
        $base = max($base, $dpc[$c] ?? 1);
    }
    $score = $base * ($ei[$f['identifiability'] ?? 'maximum'] ?? 1.0);
    $conf = $f['confidentiality'] ?? null;
    if ($conf !== null) {
        $score += ($conf['recipients'] ?? 'unknown') === 'known' ? 0.25 : 0.5;
        if (($f['malicious'] ?? false) === true) {
            $score += 0.5;
        }
    }
    $band = $score < 2 ? 'low' : ($score < 3 ? 'medium' : ($score < 4 ? 'high' : 'very_high'));
    $risk = ['low' => 'unlikely', 'medium' => 'risk', 'high' => 'high', 'very_high' => 'high'][$band];
    return [
        'risk' => $risk,
        'severity' => ['score' => $score, 'band' => $band],
        'notify_authority' => $risk !== 'unlikely',
        'notify_data_subjects' => $risk === 'high',
        'duties' => [['duty' => 'document']],
    ];
}

function median_us(callable $call, int $n = 2000): float
{
    $per = [];
    for ($b = 0; $b < 15; $b++) {
        $t = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $call();
        }
        $per[] = (hrtime(true) - $t) / $n / 1000;
    }
    sort($per);
    return $per[7];
}

$lib = $argv[1] ?? __DIR__ . '/../target/release/libdsgvo_ffi.so';
$dsgvo = Dsgvo\Dsgvo::load(realpath($lib) ?: $lib);
$ffi = $dsgvo->ffi();
$facts = json_decode(file_get_contents(__DIR__ . '/../examples/scenarios/shipping-label.json'), true)['facts'];
$json = json_encode($facts, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);

$plainRisk = plain_php_triage($facts)['risk'];
$libRisk = $dsgvo->triage($facts)['risk'];
printf("PHP %s, library %s; risk: library %s, plain PHP %s\n", PHP_VERSION, $dsgvo->version(), $libRisk, $plainRisk);
$plain = median_us(fn () => plain_php_triage($facts));
$plainJson = median_us(fn () => json_encode(plain_php_triage(json_decode($json, true))));
$raw = median_us(function () use ($ffi, $json) {
    $out = $ffi->new('char*');
    $ffi->dsgvo_triage($json, null, FFI::addr($out));
    $s = FFI::string($out);
    $ffi->dsgvo_string_free($out);
    return $s;
});
$wrapped = median_us(fn () => $dsgvo->triage($facts));
printf("%-58s %7.2f µs\n", 'plain PHP rules (stand-in), array in, array out', $plain);
printf("%-58s %7.2f µs\n", 'plain PHP rules (stand-in), JSON in, JSON out', $plainJson);
printf("%-58s %7.2f µs\n", 'library via raw FFI, JSON in, JSON out (full verdict)', $raw);
printf("%-58s %7.2f µs\n", 'library via Dsgvo\\Dsgvo, array in, array out (full verdict)', $wrapped);
