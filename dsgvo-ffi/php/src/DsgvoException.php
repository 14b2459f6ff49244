<?php

declare(strict_types=1);

namespace Dsgvo;

/**
 * A call into the library failed: `status` is the library's fixed status
 * number (see include/dsgvo.h), `statusName` its name, the message says
 * what was wrong and names the field.
 */
final class DsgvoException extends \RuntimeException
{
    public function __construct(
        public readonly int $status,
        public readonly string $statusName,
        string $message,
    ) {
        parent::__construct("{$statusName}: {$message}", $status);
    }
}
