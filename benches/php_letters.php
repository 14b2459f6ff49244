<?php

/**
 * 100,000 personalised Art. 34 letters from PHP, streamed to a file through
 * the library's letter run (batches of 1,000), side by side with what a
 * plugin does today: one fixed text with the name put in by str_replace
 * (no affected data, no advice from the facts, no escaping). Time and peak
 * memory of the PHP process.
 *
 *   php -d ffi.enable=1 benches/php_letters.php [LIB] [COUNT]
 */

declare(strict_types=1);

spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'Dsgvo\\')) {
        require __DIR__ . '/../dsgvo-ffi/php/src/' . substr($class, 6) . '.php';
    }
});

$lib = $argv[1] ?? __DIR__ . '/../target/release/libdsgvo_ffi.so';
$count = (int) ($argv[2] ?? 100000);
$dsgvo = Dsgvo\Dsgvo::load(realpath($lib));
$facts = json_decode(file_get_contents(__DIR__ . '/../tests/cases/shipping-label.json'), true)['facts'];
$people = function () use ($count): Generator {
    for ($i = 0; $i < $count; $i++) {
        yield ['name' => "Kundin {$i}", 'email' => "kundin{$i}@example.org"];
    }
};

$measure = function (string $label, callable $run) use ($count): void {
    $out = fopen('php://temp/maxmemory:0', 'w+');
    gc_collect_cycles();
    memory_reset_peak_usage();
    $t = hrtime(true);
    $n = $run($out);
    $seconds = (hrtime(true) - $t) / 1e9;
    $bytes = ftell($out);
    fclose($out);
    printf("%-46s %7d letters in %.2f s (%.1f µs each), %5.1f MB written, peak PHP memory %.1f MiB\n",
        $label, $n, $seconds, $seconds / max(1, $n) * 1e6, $bytes / 1e6, memory_get_peak_usage() / 1048576);
};

$measure('library, writeLetters (text, jsonl)', fn ($out) => $dsgvo->writeLetters($facts, $people(), $out));
$measure('library, letters() generator (text)', function ($out) use ($dsgvo, $facts, $people): int {
    $n = 0;
    foreach ($dsgvo->letters($facts, $people()) as $letter) {
        fwrite($out, $letter['content']);
        $n++;
    }
    return $n;
});
$template = "Guten Tag {name},\n\nbei uns gab es einen Vorfall, der Ihre Daten betrifft.\n";
$measure('plugin today: str_replace into one text', function ($out) use ($people, $template): int {
    $n = 0;
    foreach ($people() as $p) {
        fwrite($out, str_replace('{name}', $p['name'], $template));
        $n++;
    }
    return $n;
});
