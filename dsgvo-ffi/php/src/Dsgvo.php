<?php

declare(strict_types=1);

namespace Dsgvo;

/**
 * The dsgvo library through PHP FFI: GDPR breach triage, documents, the
 * breach case and its register, TOM checklists. JSON goes in as arrays (or
 * JSON strings) and comes back as arrays; every status other than DSGVO_OK
 * becomes a DsgvoException; every string the library returns is freed.
 *
 * Two ways to load it:
 *  - `Dsgvo::load('/abs/libdsgvo_ffi.so')` needs `ffi.enable=1` (CLI has it);
 *  - under PHP-FPM/Apache, where `ffi.enable=preload` is the default,
 *    preload the header written by bin/install-preload.php
 *    (`ffi.preload=/path/dsgvo-preload.h`) and these classes
 *    (`opcache.preload=/path/vendor/dsgvo/dsgvo-ffi/preload.php`), then call
 *    `Dsgvo::fromScope()`.
 *
 * Output is decision support, not legal advice.
 */
final class Dsgvo
{
    /** The ABI version this wrapper speaks. */
    public const ABI_VERSION = 1;

    private function __construct(private \FFI $ffi)
    {
        $abi = $ffi->dsgvo_abi_version();
        if ($abi !== self::ABI_VERSION) {
            throw new \RuntimeException("dsgvo: the library speaks ABI {$abi}, this wrapper ABI " . self::ABI_VERSION);
        }
    }

    /**
     * Loads the library with `FFI::cdef` (needs `ffi.enable=1`, as on the
     * CLI). The header is `$header`, else `dsgvo_php.h` beside the library,
     * else the copy this package carries.
     */
    public static function load(string $library, ?string $header = null): self
    {
        $header ??= self::header($library);
        $declarations = @file_get_contents($header);
        if ($declarations === false) {
            throw new \RuntimeException("dsgvo: cannot read the header {$header}");
        }
        return new self(\FFI::cdef($declarations, $library));
    }

    /** @internal The header for `$library`: beside it, else the package's own. */
    public static function header(string $library): string
    {
        $beside = dirname($library) . '/dsgvo_php.h';
        return is_file($beside) ? $beside : dirname(__DIR__) . '/dsgvo_php.h';
    }

    /**
     * Uses the library preloaded with `ffi.preload` (see
     * bin/install-preload.php). Under PHP-FPM or Apache with
     * `ffi.enable=preload`, these classes must be preloaded as well
     * (`opcache.preload` = this package's `preload.php`); otherwise PHP
     * refuses FFI here, and the exception says which settings are missing.
     */
    public static function fromScope(string $scope = 'DSGVO'): self
    {
        try {
            return new self(\FFI::scope($scope));
        } catch (\FFI\Exception $e) {
            $preloaded = ini_get('opcache.preload') ?: '(not set)';
            throw new \RuntimeException(
                "dsgvo: FFI scope {$scope} is not usable here ({$e->getMessage()}). With ffi.enable="
                . (ini_get('ffi.enable') ?: '?') . ", set ffi.preload to the header written by"
                . " bin/install-preload.php and opcache.preload to this package's preload.php"
                . " (opcache.preload_user when PHP runs as root); opcache.preload is {$preloaded}.",
                0,
                $e,
            );
        }
    }

    /** @internal */
    public function ffi(): \FFI
    {
        return $this->ffi;
    }

    public function version(): string
    {
        return $this->ffi->dsgvo_version();
    }

    public function abiVersion(): int
    {
        return $this->ffi->dsgvo_abi_version();
    }

    /** Triage: the verdict for breach facts (`dsgvo.breach-facts/1`). */
    public function triage(array|string|object $facts, array|string|null $options = null): array
    {
        return $this->decode($this->callOut('dsgvo_triage', [
            $this->json($facts, 'facts'),
            $options === null ? null : $this->json($options, 'options'),
        ]));
    }

    /** Every document for a breach: file name => content. */
    public function documents(array|string|object $facts, \DateTimeInterface|string $now, array|string|null $options = null, ?string $delayReasons = null): array
    {
        $docs = $this->decode($this->callOut('dsgvo_documents', [
            $this->json($facts, 'facts'),
            $options === null ? null : $this->json($options, 'options'),
            $this->instant($now, 'now'),
            $this->optionalText($delayReasons, 'delay_reasons'),
        ]));
        return array_column($docs, 'content', 'file_name');
    }

    /**
     * Personalised Art. 34 letters, streamed: recipients (['name',
     * 'salutation'?, 'email'?, 'affected'?] each, from any iterable) are
     * written in batches of `$batch`, so memory stays bounded whatever
     * their number. Yields ['name', 'email', 'content'] per recipient; a bad
     * recipient throws, naming its place in the whole list.
     *
     * @return \Generator<int, array{name: string, email: ?string, content: string}>
     */
    public function letters(array|string $facts, iterable $recipients, string $format = 'text', array|string|null $options = null, int $batch = 1000): \Generator
    {
        foreach ($this->letterBlocks($facts, $recipients, $format, 'jsonl', $options, $batch) as $block) {
            foreach (explode("\n", rtrim($block, "\n")) as $line) {
                yield $this->decode($line);
            }
        }
    }

    /**
     * The same letters written straight to `$out` (a stream) as JSON lines
     * (`'jsonl'`, for a mail queue) or one after another with a form feed
     * (`'print'`); returns how many were written.
     *
     * @param resource $out
     */
    public function writeLetters(array|string $facts, iterable $recipients, $out, string $format = 'text', string $layout = 'jsonl', array|string|null $options = null, int $batch = 1000): int
    {
        if (!is_resource($out) || get_resource_type($out) !== 'stream') {
            throw new DsgvoException(103, 'DSGVO_STATUS_INVALID_ARGUMENT', 'out: expected an open stream (fopen), found ' . get_debug_type($out));
        }
        $written = 0;
        foreach ($this->letterBlocks($facts, $recipients, $format, $layout, $options, $batch) as $n => $block) {
            // A stream that takes less than the block would lose letters
            // without a word: say so, with how many were written before.
            $taken = @fwrite($out, $block);
            if ($taken !== strlen($block)) {
                throw new DsgvoException(103, 'DSGVO_STATUS_INVALID_ARGUMENT', "out: the stream did not take the letters after the first {$written} (read-only or full?)");
            }
            $written += $n;
        }
        return $written;
    }

    /** @return \Generator<int, string> the block of each batch, keyed by its number of letters */
    private function letterBlocks(array|string $facts, iterable $recipients, string $format, string $layout, array|string|null $options, int $batch): \Generator
    {
        $run = $this->ffi->new('dsgvo_letter_run*');
        $this->check($this->ffi->dsgvo_letter_run_new(
            $this->json($facts, 'facts'),
            $options === null ? null : $this->json($options, 'options'),
            $this->text($format, 'format'),
            \FFI::addr($run),
        ));
        try {
            $start = 0;
            $chunk = [];
            $flush = function () use (&$chunk, &$start, $run, $layout): array {
                $n = count($chunk);
                $block = $this->callOut('dsgvo_letter_run_write', [$run, $this->json($chunk, 'recipients'), $start, $this->text($layout, 'layout')]);
                $start += $n;
                $chunk = [];
                return [$n, $block];
            };
            foreach ($recipients as $recipient) {
                $chunk[] = $recipient;
                if (count($chunk) >= max(1, $batch)) {
                    [$n, $block] = $flush();
                    yield $n => $block;
                }
            }
            if ($chunk !== []) {
                [$n, $block] = $flush();
                yield $n => $block;
            }
        } finally {
            $this->ffi->dsgvo_letter_run_free($run);
        }
    }

    /**
     * Scopes a table (issue 20): `$rows` is any iterable of rows — arrays by
     * header (WooCommerce-style order arrays; nested arrays such as
     * `billing` are flattened to `billing.email`) or lists of cells with
     * `$headers` — pushed in batches of `$batch`, so memory stays bounded.
     * `$options`: `['as_of' => 'YYYY-MM-DD', 'key' => column?, 'window' =>
     * ['column' => ..., 'from' => RFC 3339, 'until' => RFC 3339]?,
     * 'overrides' => [column => kind]?]`. Returns the scope
     * (`dsgvo.scope/1`): the facts for the notification, every column with
     * its kind and masked examples, counts — no value of the table.
     *
     * @param iterable<array<mixed>> $rows
     * @param array<string, mixed> $options
     * @param list<string>|null $headers
     * @return array<string, mixed>
     */
    public function scope(iterable $rows, array $options, ?array $headers = null, int $batch = 1000): array
    {
        return $this->withScope($options, $headers, function ($scope) use ($rows, $batch): array {
            $this->pushRows($scope, $rows, $batch);
            return $this->decode($this->callOut('dsgvo_scope_report', [$scope]));
        });
    }

    /**
     * The Art. 34 recipients of the same rows (options as scope()): each
     * affected person once, with the name and e-mail address the rows hold
     * and the categories of their own data; `['recipients' => [...],
     * 'unreachable' => [...], 'malformed' => [...]]`. The rows are read
     * twice (to decide what the columns hold, then for the people), so
     * they must be an array, not a generator. `recipients` goes to
     * letters() as it is. Holds names and addresses: never log it.
     */
    public function recipients(array $rows, array $options, ?array $headers = null, int $batch = 1000): array
    {
        return $this->withScope($options, $headers, function ($scope) use ($rows, $batch): array {
            $this->pushRows($scope, $rows, $batch);
            $this->call('dsgvo_scope_start_recipients', [$scope]);
            $this->pushRows($scope, $rows, $batch);
            return $this->decode($this->callOut('dsgvo_scope_recipients', [$scope]));
        });
    }

    /** Runs $use with a new scoping run, freed afterwards. */
    private function withScope(array $options, ?array $headers, callable $use): array
    {
        $scope = $this->ffi->new('dsgvo_scope*');
        $this->check($this->ffi->dsgvo_scope_new(
            $this->json($options, 'options'),
            $headers === null ? null : $this->json(array_values($headers), 'headers'),
            \FFI::addr($scope),
        ));
        try {
            return $use($scope);
        } finally {
            $this->ffi->dsgvo_scope_free($scope);
        }
    }

    /** Pushes $rows in batches of $batch, numbered from line 1. */
    private function pushRows($scope, iterable $rows, int $batch): void
    {
        $line = 1;
        $chunk = [];
        foreach ($rows as $row) {
            $chunk[] = $row;
            if (count($chunk) >= max(1, $batch)) {
                $this->call('dsgvo_scope_push', [$scope, $this->json($chunk, 'rows'), $line]);
                $line += count($chunk);
                $chunk = [];
            }
        }
        if ($chunk !== []) {
            $this->call('dsgvo_scope_push', [$scope, $this->json($chunk, 'rows'), $line]);
        }
    }

    /** Opens a breach case with the facts known at detection. */
    public function openCase(string $id, array|string|object $facts, \DateTimeInterface|string $at, string $actor): BreachCase
    {
        return $this->caseOut('dsgvo_case_open', [
            $this->text($id, 'id'),
            $this->json($facts, 'facts'),
            $this->instant($at, 'at'),
            $this->text($actor, 'actor'),
        ]);
    }

    /** Loads and verifies a stored case (hash chain, back-dating, rules). */
    public function loadCase(string $stored, int $toleranceSeconds = 300): BreachCase
    {
        return $this->caseOut('dsgvo_case_load', [$this->text($stored, 'case'), $toleranceSeconds]);
    }

    /**
     * The Art. 33(5) register of stored cases (each a `dsgvo.case/2` string):
     * 'csv' and 'markdown' as text, 'json' (rows) and 'figures' as arrays.
     */
    public function register(array $storedCases, string $format = 'csv', int $toleranceSeconds = 300): string|array
    {
        $array = '[' . implode(',', array_map(fn ($c) => $this->text($c, 'case'), $storedCases)) . ']';
        $out = $this->callOut('dsgvo_register_export', [$array, $toleranceSeconds, $this->text($format, 'format')]);
        return in_array($format, ['json', 'figures'], true) ? $this->decode($out) : $out;
    }

    /** Imports a TOM document (text or Markdown) into a checklist. */
    public function tomImport(string $document, string $organisation, string $protectionNeed = 'normal'): array
    {
        return $this->decode($this->callOut('dsgvo_tom_import', [
            $this->text($document, 'document'),
            $this->text($organisation, 'organisation'),
            $this->text($protectionNeed, 'protection_need'),
        ]));
    }

    /** Evaluates a checklist on `$today` (YYYY-MM-DD). */
    public function tomEvaluate(array|string $checklist, \DateTimeInterface|string $today, string $lang = 'de'): array
    {
        return $this->decode($this->callOut('dsgvo_tom_evaluate', [
            $this->json($checklist, 'checklist'),
            $this->day($today, 'today'),
            $this->text($lang, 'lang'),
        ]));
    }

    /** Applies an item action; returns the changed checklist. */
    public function tomApply(array|string $checklist, string $itemId, array|string $action, \DateTimeInterface|string $on, string $actor): array
    {
        return $this->decode($this->callOut('dsgvo_tom_apply', [
            $this->json($checklist, 'checklist'),
            $this->text($itemId, 'item_id'),
            $this->json($action, 'action'),
            $this->day($on, 'on'),
            $this->text($actor, 'actor'),
        ]));
    }

    /** Records a breach that showed measures to have failed; returns the changed checklist. */
    public function tomRecordBreach(array|string $checklist, array $breach, array $failed, \DateTimeInterface|string $on, string $actor, string $lang = 'de'): array
    {
        return $this->decode($this->callOut('dsgvo_tom_record_breach', [
            $this->json($checklist, 'checklist'),
            $this->json($breach, 'breach'),
            $this->json($failed, 'failed'),
            $this->day($on, 'on'),
            $this->text($actor, 'actor'),
            $this->text($lang, 'lang'),
        ]));
    }

    /** The TOM document ('markdown' or 'html'). */
    public function tomDocument(array|string $checklist, \DateTimeInterface|string $today, string $lang = 'de', string $format = 'markdown'): string
    {
        return $this->callOut('dsgvo_tom_document', [
            $this->json($checklist, 'checklist'),
            $this->day($today, 'today'),
            $this->text($lang, 'lang'),
            $this->text($format, 'format'),
        ]);
    }

    /** The embedded directory of supervisory authorities. */
    public function authorities(): array
    {
        return $this->decode($this->callOut('dsgvo_authorities', []));
    }

    /** Whether a data protection officer must be designated (Art. 37 GDPR, § 38 BDSG). */
    public function dpoDuty(array $facts, string $lang = 'de'): array
    {
        return $this->decode($this->callOut('dsgvo_dpo_duty', [$this->json($facts, 'dpo_facts'), $this->text($lang, 'lang')]));
    }

    /** The Art. 83(4) and (5) fine ceilings; null turnover = unknown. */
    public function fineCeilings(?int $turnoverEur, string $lang = 'de'): array
    {
        return $this->decode($this->callOut('dsgvo_fine_ceilings', [$turnoverEur ?? -1, $this->text($lang, 'lang')]));
    }

    /**
     * The Art. 83 ceilings on the undertaking's (group's) turnover:
     * `undertaking_turnover_cents`, `own_turnover_cents`, `part_of_group`,
     * each optional; unknown gives lower bounds (`bound: at_least`).
     */
    public function fineCeilingsFor(array $facts, string $lang = 'de'): array
    {
        return $this->decode($this->callOut('dsgvo_fine_ceilings_for', [$this->json($facts, 'fine_facts'), $this->text($lang, 'lang')]));
    }

    /**
     * Calls `$function` with `$args` and a trailing `char **` out-parameter;
     * returns the string and frees it.
     *
     * @internal
     */
    public function callOut(string $function, array $args): string
    {
        $out = $this->ffi->new('char*');
        $status = $this->ffi->$function(...[...$args, \FFI::addr($out)]);
        $this->check($status);
        if (\FFI::isNull($out)) {
            return '';
        }
        try {
            return \FFI::string($out);
        } finally {
            $this->ffi->dsgvo_string_free($out);
        }
    }

    /**
     * Calls `$function` with `$args` (no out-parameter).
     *
     * @internal
     */
    public function call(string $function, array $args): void
    {
        $this->check($this->ffi->$function(...$args));
    }

    private function caseOut(string $function, array $args): BreachCase
    {
        $handle = $this->ffi->new('dsgvo_case*');
        $status = $this->ffi->$function(...[...$args, \FFI::addr($handle)]);
        $this->check($status);
        return new BreachCase($this, $handle);
    }

    private function check(int $status): void
    {
        if ($status !== 0) {
            throw new DsgvoException($status, $this->ffi->dsgvo_status_name($status), $this->ffi->dsgvo_last_error());
        }
    }

    /**
     * A string argument: PHP strings may hold NUL bytes, which C would cut
     * off silently; refuse them instead.
     *
     * @internal
     */
    public function text(string $value, string $name): string
    {
        if (str_contains($value, "\0")) {
            throw new DsgvoException(103, 'DSGVO_STATUS_INVALID_ARGUMENT', "{$name}: contains a NUL byte");
        }
        return $value;
    }

    /**
     * A point in time: RFC 3339 text as it is, or a `DateTimeInterface`
     * written with its offset.
     *
     * @internal
     */
    public function instant(\DateTimeInterface|string $value, string $name): string
    {
        return is_string($value) ? $this->text($value, $name) : $value->format('Y-m-d\\TH:i:sP');
    }

    /**
     * A calendar day: `YYYY-MM-DD` text as it is, or the day of a
     * `DateTimeInterface` in its own time zone.
     *
     * @internal
     */
    public function day(\DateTimeInterface|string $value, string $name): string
    {
        return is_string($value) ? $this->text($value, $name) : $value->format('Y-m-d');
    }

    /** @internal */
    public function optionalText(?string $value, string $name): ?string
    {
        return $value === null ? null : $this->text($value, $name);
    }

    /**
     * JSON for an argument: arrays are encoded (objects stay objects),
     * strings pass as they are.
     *
     * @internal
     */
    public function json(array|string|object $value, string $name): string
    {
        if (is_string($value)) {
            return $this->text($value, $name);
        }
        if (is_object($value) && !($value instanceof \stdClass) && !($value instanceof \JsonSerializable)) {
            throw new DsgvoException(103, 'DSGVO_STATUS_INVALID_ARGUMENT', "{$name}: expected an array, JSON text or a plain object, found " . get_debug_type($value));
        }
        try {
            $json = json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            // Every failure of the library arrives as a DsgvoException.
            [$status, $statusName] = $e->getCode() === JSON_ERROR_UTF8
                ? [101, 'DSGVO_STATUS_INVALID_UTF8']
                : [103, 'DSGVO_STATUS_INVALID_ARGUMENT'];
            throw new DsgvoException($status, $statusName, "{$name}: {$e->getMessage()}");
        }
        return $json === '[]' && is_array($value) && !array_is_list($value) ? '{}' : $json;
    }

    /** @internal */
    public function decode(string $json): array
    {
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
    }
}
