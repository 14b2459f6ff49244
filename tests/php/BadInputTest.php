<?php

declare(strict_types=1);

use Dsgvo\Dsgvo;
use Dsgvo\DsgvoException;
use PHPUnit\Framework\TestCase;

/**
 * The bad-input matrix (tests/bad_input.json) through the PHP door: every
 * row throws a DsgvoException with the row's status, hands nothing out,
 * and repeating the matrix does not grow the worker.
 */
final class BadInputTest extends TestCase
{
    private static ?Dsgvo $dsgvo = null;
    private static ?array $table = null;

    private static function dsgvo(): Dsgvo
    {
        return self::$dsgvo ??= Dsgvo::load(dsgvo_library());
    }

    private static function table(): array
    {
        return self::$table ??= json_decode(
            file_get_contents(__DIR__ . '/../bad_input.json'),
            true,
            512,
            JSON_THROW_ON_ERROR,
        );
    }

    private static function json(mixed $value): string
    {
        return json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    }

    private static function merge(array $base, array $patch): array
    {
        foreach ($patch as $k => $v) {
            $isRange = is_array($v) && (array_key_exists('min', $v) || array_key_exists('max', $v));
            $base[$k] = is_array($v) && $v !== [] && is_array($base[$k] ?? null) && !$isRange
                ? self::merge($base[$k], $v)
                : $v;
        }
        return $base;
    }

    /** The input a row describes, as a PHP caller would pass it. */
    private static function build(array $spec): string|array|null
    {
        $facts = self::table()['facts'];
        return match (true) {
            isset($spec['null']) => null,
            isset($spec['text']) => $spec['text'],
            isset($spec['hex']) => hex2bin($spec['hex']),
            isset($spec['facts_truncated_to']) => substr(self::json($facts), 0, $spec['facts_truncated_to']),
            isset($spec['repeat']) => str_repeat($spec['repeat'], $spec['times']),
            isset($spec['facts_padded_to']) => (function () use ($facts, $spec): string {
                $text = self::json($facts);
                return substr($text, 0, -1) . str_repeat(' ', $spec['facts_padded_to'] - strlen($text)) . '}';
            })(),
            isset($spec['facts_patch']) => self::json(self::merge($facts, $spec['facts_patch'])),
            isset($spec['scope']) => $spec['scope'],
            isset($spec['case_tampered']) => (function () use ($facts, $spec): string {
                $stored = self::dsgvo()->openCase('2026-017', $facts, $facts['aware_at'], 'DSB')->toJson();
                $t = $spec['case_tampered'];
                return preg_replace('/' . preg_quote($t['replace'], '/') . '/', $t['with'], $stored, 1);
            })(),
        };
    }

    private static function call(array $row): mixed
    {
        $d = self::dsgvo();
        $x = self::build($row['input']);
        return match ($row['door']) {
            // The wrapper's types refuse null (TypeError); the raw C ABI is
            // where PHP code can pass it.
            'triage' => $x === null
                ? self::raw('dsgvo_triage', [null, null])
                : $d->triage($x),
            'documents' => $d->documents($x, $row['now']),
            'case_load' => $d->loadCase($x),
            // the format names are the core's, at every door
            'register_export' => $d->register([], $x),
            // the anchor after the assessment, the log without it
            'case_anchor' => (function () use ($d, $x): void {
                $facts = self::table()['facts'];
                $full = $d->openCase('2026-017', $facts, $facts['aware_at'], 'DSB');
                $full->apply($x);
                $d->openCase('2026-017', $facts, $facts['aware_at'], 'DSB')->checkAnchor($full->anchor());
            })(),
            'register_twice' => (function () use ($d, $x): string|array {
                $stored = $d->openCase('2026-017', $x, self::table()['facts']['aware_at'], 'DSB')->toJson();
                return $d->register([$stored, $stored], 'csv');
            })(),
            'case_apply' => $d->openCase('2026-017', self::table()['facts'], self::table()['facts']['aware_at'], 'DSB')
                ->apply($x, 300, $row['now']),
            'scope' => $d->scope($x['rows'], $x['options']),
            'recipients' => $d->recipients($x['rows'], $x['options']),
            'case_after_free' => (function () use ($d, $x): array {
                $case = $d->openCase('2026-017', $x, self::table()['facts']['aware_at'], 'DSB');
                $case->free();
                return $case->status('2026-11-22T10:00:00+01:00');
            })(),
        };
    }

    /** A raw FFI call with an out-parameter; checks nothing is handed out. */
    private static function raw(string $function, array $args): string
    {
        $ffi = self::dsgvo()->ffi();
        $out = $ffi->new('char*');
        $status = $ffi->$function(...[...$args, \FFI::addr($out)]);
        if ($status !== 0) {
            if (!\FFI::isNull($out)) {
                throw new LogicException("{$function} handed out a result on failure");
            }
            throw new DsgvoException($status, $ffi->dsgvo_status_name($status), $ffi->dsgvo_last_error());
        }
        $text = \FFI::string($out);
        $ffi->dsgvo_string_free($out);
        return $text;
    }

    public static function rows(): array
    {
        $rows = [];
        foreach (self::table()['rows'] as $row) {
            if (!in_array('php', $row['not_representable'] ?? [], true)) {
                $rows[$row['id']] = [$row];
            }
        }
        return $rows;
    }

    /** @dataProvider rows */
    public function testBadInputGetsItsSpecificError(array $row): void
    {
        try {
            self::call($row);
            $this->fail("{$row['id']}: no error");
        } catch (DsgvoException $e) {
            $this->assertSame($row['status'], $e->statusName, $e->getMessage());
            $this->assertNotSame('', trim($e->getMessage()));
        }
    }

    public function testTheWrapperRefusesNullBeforeTheLibrary(): void
    {
        $this->expectException(TypeError::class);
        self::dsgvo()->triage(null);
    }

    /**
     * Measures the resident set, so it does not run under valgrind, which
     * checks every allocation itself.
     *
     * @group rss
     */
    public function testTheMatrixRepeatedDoesNotGrowTheWorker(): void
    {
        $rss = function (): int {
            preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m);
            return (int) $m[1];
        };
        $rows = array_filter(array_column(self::rows(), 0), fn ($r) => $r['id'] !== 'size_50mb');
        $round = function () use ($rows): void {
            foreach ($rows as $row) {
                try {
                    self::call($row);
                } catch (DsgvoException) {
                }
            }
        };
        $round();
        $before = $rss();
        for ($i = 0; $i < 200; $i++) {
            $round();
        }
        $grown = $rss() - $before;
        $this->assertLessThan(8192, $grown, "RSS grew by {$grown} KiB over 200 rounds of the matrix");
    }
}
