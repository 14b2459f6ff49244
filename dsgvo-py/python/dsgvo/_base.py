"""The base classes of dsgvo's exceptions: one per area of the core's error
codes. The class per code is generated into ``_codes.py``."""

from __future__ import annotations

from typing import List, Optional, Tuple, Type


class DsgvoError(Exception):
    """Every failure of the library."""

    code: str = "DSGVO_STATUS_UNKNOWN"
    number: int = 0

    def __init__(self, message: str, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __reduce__(self) -> Tuple[Type["DsgvoError"], Tuple[str, Optional[str]]]:  # across processes too
        return (type(self), (self.message, self.path))


class InvalidInputError(DsgvoError, ValueError):
    """The input is not valid (JSON, a field, an argument); ``path`` names the field."""


class CaseError(DsgvoError):
    """The breach case refused a command or failed verification."""


class DocumentError(DsgvoError):
    """A document could not be produced."""


class TomError(DsgvoError):
    """A TOM checklist operation was refused."""


__all__: List[str] = ["DsgvoError", "InvalidInputError", "CaseError", "DocumentError", "TomError"]
