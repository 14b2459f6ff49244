<?php

declare(strict_types=1);

namespace Dsgvo;

/**
 * A breach case held by the library (an opaque handle). The stored form is
 * `toJson()`; keep it in a database column and `Dsgvo::loadCase()` it back.
 * The handle is freed with `free()` or when the object goes away.
 */
final class BreachCase
{
    /** @internal use Dsgvo::openCase() or Dsgvo::loadCase() */
    public function __construct(private Dsgvo $dsgvo, private ?\FFI\CData $handle)
    {
    }

    /**
     * Applies a command: ['at' => RFC 3339, 'actor' => ..., 'reason' => ?,
     * 'action' => ['type' => 'notify_authority', ...]]. Returns the new log
     * entry. On failure the case is unchanged. A command dated after `$now`
     * (RFC 3339; default: this server's clock, the library reads none)
     * beyond the tolerance is refused: a mistyped year would lock the case.
     */
    public function apply(array|string $command, int $toleranceSeconds = 300, \DateTimeInterface|string|null $now = null): array
    {
        return $this->dsgvo->decode($this->dsgvo->callOut(
            'dsgvo_case_apply_at',
            [$this->handle(), $this->dsgvo->json($command, 'command'), $toleranceSeconds, $this->dsgvo->instant($now ?? gmdate('Y-m-d\\TH:i:s\\Z'), 'now')],
        ));
    }

    /** The case as stored (`dsgvo.case/2`). */
    public function toJson(): string
    {
        return $this->dsgvo->callOut('dsgvo_case_to_json', [$this->handle()]);
    }

    /**
     * The anchor ['id', 'entries', 'head']: keep it outside the stored case
     * (the register, an audit log) and checkAnchor() it after loading; it
     * finds entries removed from the end or a log rewritten with new hashes.
     */
    public function anchor(): array
    {
        return $this->dsgvo->decode($this->dsgvo->callOut('dsgvo_case_anchor', [$this->handle()]));
    }

    /** Throws DSGVO_STATUS_CASE_BROKEN_CHAIN where this case departs from `$anchor`. */
    public function checkAnchor(array|string $anchor): void
    {
        $this->dsgvo->call('dsgvo_case_check_anchor', [$this->handle(), $this->dsgvo->json($anchor, 'anchor')]);
    }

    /** State, decision, verdict, open duties and the next step at `$now`. */
    public function status(\DateTimeInterface|string $now): array
    {
        return $this->dsgvo->decode($this->dsgvo->callOut(
            'dsgvo_case_status',
            [$this->handle(), $this->dsgvo->instant($now, 'now')],
        ));
    }

    /** Every document for the case: file name => content. */
    public function documents(\DateTimeInterface|string $now, ?string $delayReasons = null): array
    {
        $docs = $this->dsgvo->decode($this->dsgvo->callOut(
            'dsgvo_case_documents',
            [$this->handle(), $this->dsgvo->instant($now, 'now'), $this->dsgvo->optionalText($delayReasons, 'delay_reasons')],
        ));
        return array_column($docs, 'content', 'file_name');
    }

    /**
     * Frees the case; the object forgets its handle, so using it afterwards
     * throws and freeing it again does nothing.
     */
    public function free(): void
    {
        if ($this->handle !== null) {
            $handle = $this->handle;
            $this->handle = null;
            $this->dsgvo->ffi()->dsgvo_case_free($handle);
        }
    }

    public function __destruct()
    {
        $this->free();
    }

    /** The live handle, or a DsgvoException once the case was freed. */
    private function handle(): \FFI\CData
    {
        return $this->handle ?? throw new DsgvoException(
            102,
            'DSGVO_STATUS_INVALID_HANDLE',
            'case: freed already (BreachCase::free)',
        );
    }
}
