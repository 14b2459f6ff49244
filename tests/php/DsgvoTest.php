<?php

declare(strict_types=1);

use Dsgvo\Dsgvo;
use Dsgvo\DsgvoException;
use PHPUnit\Framework\TestCase;

final class DsgvoTest extends TestCase
{
    private static Dsgvo $dsgvo;

    public static function setUpBeforeClass(): void
    {
        self::$dsgvo = Dsgvo::load(dsgvo_library());
    }

    private static function facts(array $patch = []): array
    {
        return array_replace_recursive([
            'schema' => 'dsgvo.breach-facts/1',
            'role' => 'controller',
            'controller' => ['name' => 'Beispiel Shop GmbH', 'country' => 'DE', 'region' => 'DE-BY', 'established_in_eu' => true],
            'aware_at' => '2026-11-20T09:15:00+01:00',
            'types' => ['confidentiality'],
            'cause' => 'hacking',
            'malicious' => true,
            'data_categories' => ['identity', 'contact', 'payment_card'],
            'data_subjects' => ['count' => 2500, 'categories' => ['customers']],
            'confidentiality' => ['recipients' => 'unknown', 'exfiltrated' => 'yes'],
            'reference' => '2026-017',
        ], $patch);
    }

    private function expectStatus(string $name, callable $call, string $inMessage = ''): void
    {
        try {
            $call();
            $this->fail("expected {$name}");
        } catch (DsgvoException $e) {
            $this->assertSame($name, $e->statusName, $e->getMessage());
            if ($inMessage !== '') {
                $this->assertStringContainsString($inMessage, $e->getMessage());
            }
        }
    }

    public function testVersions(): void
    {
        $this->assertSame(1, self::$dsgvo->abiVersion());
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', self::$dsgvo->version());
    }

    public function testTheCalibrationCasesGiveTheSameVerdictsAsInRust(): void
    {
        $files = glob(__DIR__ . '/../cases/*.json');
        $this->assertGreaterThanOrEqual(9, count($files));
        foreach ($files as $file) {
            $case = json_decode(file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
            $facts = json_encode($case['facts'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
            $options = isset($case['options']) ? json_encode($case['options']) : null;
            $verdict = self::$dsgvo->triage($facts, $options);
            foreach ($case['expected'] as $key => $want) {
                $got = match ($key) {
                    'document' => in_array('document', array_column($verdict['duties'], 'duty'), true),
                    'authority_ids' => array_column($verdict['authorities'], 'id'),
                    'warning_codes' => array_column($verdict['warnings'] ?? [], 'code'),
                    default => $verdict[$key],
                };
                $this->assertSame($want, $got, basename($file) . ": {$key}");
            }
            // The whole verdict, field for field, as the Rust library gives it.
            $rust = __DIR__ . '/../../target/debug/examples/triage';
            $this->assertFileExists($rust, 'run cargo test --workspace first');
            $out = shell_exec(escapeshellarg($rust) . ' --json ' . escapeshellarg($file));
            $this->assertSame(json_decode($out, true, 512, JSON_THROW_ON_ERROR), $verdict, basename($file) . ': whole verdict');
        }
    }

    public function testDocumentsAndTheDelayRule(): void
    {
        $docs = self::$dsgvo->documents(self::facts(), '2026-11-21T09:15:00+01:00');
        $this->assertArrayHasKey('notification.de.md', $docs);
        $this->expectStatus('DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED', fn () => self::$dsgvo->documents(self::facts(), '2026-11-25T09:15:00+01:00'));
        $late = self::$dsgvo->documents(self::facts(), '2026-11-25T09:15:00+01:00', null, 'Forensik dauerte an');
        $this->assertStringContainsString('Forensik dauerte an', $late['notification.de.md']);
    }

    public function testTheCaseLifecycleThroughHandles(): void
    {
        $case = self::$dsgvo->openCase('2026-017', self::facts(), '2026-11-20T09:20:00+01:00', 'DSB');
        $entry = $case->apply(['at' => '2026-11-20T09:30:00+01:00', 'actor' => 'DSB', 'action' => ['type' => 'assess']]);
        $this->assertSame('assessed', $entry['event']['event']);
        $this->expectStatus('DSGVO_STATUS_CASE_REFUSED', fn () => $case->apply(['at' => '2026-11-20T09:40:00+01:00', 'actor' => 'DSB', 'action' => ['type' => 'close']]), 'close');
        $status = $case->status('2026-11-21T09:00:00+01:00');
        $this->assertSame('assessed', $status['state']);
        $this->assertNotEmpty($status['open_duties']);
        $stored = $case->toJson();
        $again = self::$dsgvo->loadCase($stored);
        $this->assertSame($stored, $again->toJson());
        $this->expectStatus('DSGVO_STATUS_CASE_BROKEN_CHAIN', fn () => self::$dsgvo->loadCase(str_replace('Beispiel', 'beispiel', $stored)), 'entry 0');
        $csv = self::$dsgvo->register([$stored], 'csv');
        $this->assertStringContainsString('2026-017', $csv);
        $this->assertSame(1, self::$dsgvo->register([$stored], 'figures')['breaches']);
        $case->free();
        $this->expectStatus('DSGVO_STATUS_INVALID_HANDLE', fn () => $case->toJson());
    }

    /**
     * Issue 19 item 5: Art. 34 letters at the PHP door, streamed in batches;
     * the letter is the one Rust writes (its golden file), and a bad
     * recipient is named by its place in the whole list.
     */
    public function testLettersStreamInBatchesAndEqualRustsLetter(): void
    {
        $case = json_decode(file_get_contents(__DIR__ . '/../cases/shipping-label.json'), true, 512, JSON_THROW_ON_ERROR);
        $golden = file_get_contents(__DIR__ . '/../../dsgvo-core/tests/golden/shipping-label/letter-sample.de.txt');
        $letters = iterator_to_array(self::$dsgvo->letters($case['facts'], [['name' => 'Erika Mustermann']]), false);
        $this->assertCount(1, $letters);
        $this->assertSame($golden, $letters[0]['content']);

        $people = (function (): \Generator {
            for ($i = 0; $i < 2500; $i++) {
                yield ['name' => "Kundin {$i}", 'email' => "kundin{$i}@example.org"];
            }
        })();
        $n = 0;
        foreach (self::$dsgvo->letters($case['facts'], $people, 'html', null, 700) as $i => $letter) {
            $this->assertSame("Kundin {$n}", $letter['name']);
            $n++;
        }
        $this->assertSame(2500, $n);

        $bad = array_map(fn ($i) => ['name' => "Kundin {$i}"], range(0, 1999));
        $bad[1500] = ['name' => "Erika\r\nBcc: x@example.org"];
        $this->expectStatus('DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT', fn () => iterator_to_array(self::$dsgvo->letters($case['facts'], $bad, 'text', null, 400)), 'recipients[1500].name');
        $out = fopen('php://memory', 'w+');
        $this->assertSame(3, self::$dsgvo->writeLetters($case['facts'], [['name' => 'A'], ['name' => 'B'], ['name' => 'C']], $out, 'text', 'print', null, 2));
        rewind($out);
        $this->assertSame(3, substr_count(stream_get_contents($out), "\f"));
        // Issue 19 item 13: no TypeError from inside the wrapper, and no
        // letter lost to a stream that does not take it.
        $three = [['name' => 'A'], ['name' => 'B'], ['name' => 'C']];
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => self::$dsgvo->writeLetters($case['facts'], $three, 'letters.txt'), 'out: expected an open stream');
        $readOnly = fopen('php://memory', 'r');
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => self::$dsgvo->writeLetters($case['facts'], $three, $readOnly, 'text', 'print', null, 2), 'after the first 0');
        fclose($out);
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => self::$dsgvo->writeLetters($case['facts'], $three, $out), 'out: expected an open stream');
    }

    /**
     * Issue 20: scoping at the PHP door. The generated table of fake
     * customers gives its known truth and the report Rust's CSV reader
     * gives; WooCommerce-style nested order arrays are flattened; bad
     * input is a DsgvoException naming the column.
     */
    public function testScopeGivesTheTruthOfTheGeneratedTable(): void
    {
        $dir = __DIR__ . '/../scope';
        $truth = json_decode(file_get_contents("{$dir}/truth.json"), true, 512, JSON_THROW_ON_ERROR);
        $rows = (function () use ($dir): \Generator {
            $f = fopen("{$dir}/orders.csv", 'r');
            $header = fgetcsv($f, null, ';', '"', '');
            while (($cells = fgetcsv($f, null, ';', '"', '')) !== false) {
                yield array_combine($header, $cells);
            }
            fclose($f);
        })();
        $scope = self::$dsgvo->scope($rows, ['as_of' => $truth['as_of'], 'key' => 'customer_id'], null, 300);
        $this->assertSame($truth['all'], [
            'records' => $scope['records'],
            'subjects' => $scope['subjects'],
            'minors' => $scope['minors'],
            'residence' => $scope['facts']['data_subjects']['residence'],
        ]);
        $this->assertSame($truth['categories'], $scope['facts']['data_categories']);
        $this->assertStringNotContainsString('@example.org', json_encode($scope));

        $orders = [
            ['id' => 1, 'billing' => ['first_name' => 'Erika', 'email' => 'erika@example.org', 'country' => 'DE'], 'total' => '12.50'],
            ['id' => 2, 'billing' => ['first_name' => 'Max', 'email' => 'ERIKA@example.org', 'country' => 'AT'], 'total' => '8.00'],
        ];
        $woo = self::$dsgvo->scope($orders, ['as_of' => '2026-11-20', 'key' => 'billing.email']);
        $this->assertSame([2, 1], [$woo['records'], $woo['subjects']]);
        $kinds = array_column($woo['columns'], 'kind', 'header');
        $this->assertSame('email', $kinds['billing.email']);
        $this->assertSame(['AT', 'DE'], $woo['facts']['data_subjects']['residence']);

        $this->expectStatus('DSGVO_STATUS_SCOPE_MISSING_COLUMN', fn () => self::$dsgvo->scope($orders, ['as_of' => '2026-11-20', 'key' => 'kundennr']), 'key column `kundennr`');
        $this->expectStatus('DSGVO_STATUS_SCOPE_EMPTY', fn () => self::$dsgvo->scope([[1, 2]], ['as_of' => '2026-11-20']), 'first row must be an object');
        $this->expectStatus('DSGVO_STATUS_MISSING_FIELD', fn () => self::$dsgvo->scope($orders, ['key' => 'id']), 'as_of');
    }

    /** Issue 20 item 3: the same orders give each affected person one letter, with their own data. */
    public function testTheSameOrdersGiveTheRecipientsOfTheLetters(): void
    {
        $orders = [
            ['id' => 1, 'billing' => ['first_name' => 'Erika', 'last_name' => 'Muster', 'email' => 'erika@example.org', 'country' => 'DE']],
            ['id' => 2, 'billing' => ['first_name' => '', 'last_name' => '', 'email' => 'ERIKA@example.org', 'country' => 'AT']],
            ['id' => 3, 'billing' => ['first_name' => '', 'last_name' => '', 'email' => '', 'country' => 'AT']],
        ];
        $r = self::$dsgvo->recipients($orders, ['as_of' => '2026-11-20', 'key' => 'billing.email']);
        $this->assertSame([
            ['name' => 'Erika Muster', 'email' => 'erika@example.org', 'affected' => ['identity', 'contact']],
        ], $r['recipients']);
        // Order 3 has no e-mail address: a person of its own, who cannot be written to.
        $this->assertSame(['count' => 1, 'lines' => [3]], $r['unreachable']);
        $letters = iterator_to_array(self::$dsgvo->letters(self::facts(), $r['recipients']), false);
        $this->assertCount(1, $letters);
        $this->assertStringContainsString('Erika Muster', $letters[0]['content']);
    }

    /** Issue 19 item 13: data PHP cannot encode is a DsgvoException, not a JsonException. */
    public function testUnencodableDataIsADsgvoException(): void
    {
        $this->expectStatus('DSGVO_STATUS_INVALID_UTF8', fn () => self::$dsgvo->triage(self::facts(['summary' => "caf\xe9"])), 'facts');
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => self::$dsgvo->triage(self::facts(['summary' => NAN])), 'facts');
        // Times as PHP holds them, facts as json_decode() without `true`
        // gives them; an object that is no data is a DsgvoException.
        $facts = json_decode(json_encode(self::facts()));
        $this->assertSame(self::$dsgvo->triage(self::facts()), self::$dsgvo->triage($facts));
        $at = new \DateTimeImmutable('2026-11-21T09:15:00+01:00');
        $this->assertEquals(self::$dsgvo->documents(self::facts(), '2026-11-21T09:15:00+01:00'), self::$dsgvo->documents($facts, $at));
        $case = self::$dsgvo->openCase('T', self::facts(), new \DateTime('2026-11-20T09:20:00+01:00'), 'DSB');
        $this->assertSame('detected', $case->status($at)['state']);
        $case->free();
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => self::$dsgvo->triage(new \DateTime()), 'facts: expected an array, JSON text or a plain object');
    }

    /** Issue 19 item 3: a freed case never reaches a case opened after it. */
    public function testAFreedCaseNeverReachesTheNextOne(): void
    {
        $a = self::$dsgvo->openCase('A', self::facts(), '2026-11-20T09:20:00+01:00', 'DSB');
        $a->free();
        $b = self::$dsgvo->openCase('B', self::facts(), '2026-11-20T09:20:00+01:00', 'DSB');
        $this->expectStatus('DSGVO_STATUS_INVALID_HANDLE', fn () => $a->apply(['at' => '2026-11-20T09:30:00+01:00', 'actor' => 'DSB', 'action' => ['type' => 'assess']]), 'freed already');
        $a->free();
        unset($a);
        $this->assertSame('B', json_decode($b->toJson(), true)['id']);
        $this->assertCount(1, json_decode($b->toJson(), true)['entries']);
        $b->free();
    }

    public function testTomsThroughTheDoor(): void
    {
        $doc = "# Zugriffskontrolle\n- Die Integrität unserer Mitarbeiter steht außer Frage.\n- Rollen- und Berechtigungskonzept\n";
        $report = self::$dsgvo->tomImport($doc, 'Beispiel Shop GmbH');
        $checklist = $report['checklist'];
        $evaluation = self::$dsgvo->tomEvaluate($checklist, '2026-11-22');
        // The belief is kept as a non-measure with its reason, never as a measure.
        $this->assertContains('belief_not_measure', array_column($evaluation['non_measures'], 'code'));
        $this->assertCount(1, $checklist['items']);
        $checklist = self::$dsgvo->tomRecordBreach($checklist, ['reference' => '2026-017'], [['measure' => 'encryption_at_rest', 'finding' => 'Laptop unverschlüsselt']], '2026-11-20', 'DSB');
        $this->assertSame('deficient', end($checklist['items'])['state']['status']);
        $checklist = self::$dsgvo->tomApply($checklist, 'data_access.1', ['action' => 'assign_owner', 'owner' => 'IT'], '2026-11-21', 'DSB');
        $this->assertStringContainsString('mangelhaft', self::$dsgvo->tomDocument($checklist, '2026-11-22', 'de', 'html'));
        $this->expectStatus('DSGVO_STATUS_TOM_REFUSED', fn () => self::$dsgvo->tomApply($checklist, 'data_access.1', ['action' => 'implement'], '2026-11-21', 'DSB'));
    }

    public function testReferenceDataDpoAndFines(): void
    {
        $this->assertNotEmpty(self::$dsgvo->authorities()['authorities']);
        $this->assertTrue(self::$dsgvo->dpoDuty(['german' => true, 'persons_processing_automatically' => 20], 'en')['required']);
        $this->assertSame(80000000, self::$dsgvo->fineCeilings(2000000000, 'en')['art83_5_eur']);
        // C-383/23 ILVA: the group's turnover sets the ceiling.
        $ilva = self::$dsgvo->fineCeilingsFor(['undertaking_turnover_cents' => 88100000000, 'own_turnover_cents' => 24100000000], 'en');
        $this->assertSame(['cents' => 1762000000, 'bound' => 'exact'], $ilva['art83_4']);
    }

    public function testBadInputGetsAStatusAndAMessageNamingTheProblem(): void
    {
        $d = self::$dsgvo;
        $this->expectStatus('DSGVO_STATUS_JSON_SYNTAX', fn () => $d->triage('{"schema": "dsgvo.breach-facts/1",'));
        $this->expectStatus('DSGVO_STATUS_JSON_TOO_LARGE', fn () => $d->triage(str_repeat(' ', 2 << 20)));
        $this->expectStatus('DSGVO_STATUS_INVALID_UTF8', fn () => $d->triage("{\"schema\": \"\xff\"}"));
        $this->expectStatus('DSGVO_STATUS_UNKNOWN_VALUE', fn () => $d->triage(self::facts(['cause' => 'aliens'])), 'cause');
        $this->expectStatus('DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET', fn () => $d->triage(self::facts(['aware_at' => '2026-11-20T09:15:00'])), 'aware_at');
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => $d->triage("{\"a\":\"x\0y\"}"), 'NUL');
        $this->expectStatus('DSGVO_STATUS_INVALID_ARGUMENT', fn () => $d->tomEvaluate(['schema' => 'dsgvo.tom-checklist/1', 'organisation' => 'S', 'protection_need' => 'normal', 'items' => []], '2026-13-01'));
        // NULL where the library needs a value, through the raw FFI.
        $out = $d->ffi()->new('char*');
        $this->assertSame(100, $d->ffi()->dsgvo_triage(null, null, FFI::addr($out)));
        $this->assertStringContainsString('facts_json', $d->ffi()->dsgvo_last_error());
        $this->assertTrue(FFI::isNull($out));
    }

    /**
     * Measures the resident set, so it does not run under valgrind, which
     * checks every allocation itself.
     *
     * @group rss
     */
    public function testNothingLeaksOverManyCalls(): void
    {
        $facts = json_encode(self::facts());
        $rss = function (): int {
            preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m);
            return (int) $m[1];
        };
        for ($i = 0; $i < 500; $i++) {
            self::$dsgvo->triage($facts);
        }
        $before = $rss();
        for ($i = 0; $i < 5000; $i++) {
            self::$dsgvo->triage($facts);
            try {
                self::$dsgvo->triage('{');
            } catch (DsgvoException) {
            }
            $case = self::$dsgvo->openCase('c', $facts, '2026-11-20T09:20:00+01:00', 'DSB');
            $case->free();
        }
        $grown = $rss() - $before;
        $this->assertLessThan(4096, $grown, "RSS grew by {$grown} KiB over 5,000 rounds");
    }
}
