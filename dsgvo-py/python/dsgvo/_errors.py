"""The exceptions of dsgvo: one class per error code of the core, named as
the C ABI's statuses (``e.code == "DSGVO_STATUS_UNKNOWN_VALUE"``). Input
errors are also ``ValueError`` and carry the field path."""

from __future__ import annotations

from typing import Dict, Optional, Tuple, Type


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


class InternalError(DsgvoError):
    """A bug in the library was caught; please report it."""


class NullArgumentError(InvalidInputError, TypeError):
    """A required argument was None (also a ``TypeError``)."""


class InvalidUtf8Error(InvalidInputError):
    """A string is not valid UTF-8."""


class InvalidHandleError(DsgvoError):
    """A freed or foreign handle."""


class InvalidArgumentError(InvalidInputError):
    """An argument outside its allowed values."""


class NaiveDatetimeError(InvalidArgumentError):
    """A datetime without a timezone."""


class JsonSyntaxError(InvalidInputError):
    """The text is not JSON."""


class JsonTooLargeError(InvalidInputError):
    """The JSON is too large."""


class JsonTooDeepError(InvalidInputError):
    """The JSON nests too deeply."""


class MissingFieldError(InvalidInputError):
    """A required field is missing."""


class UnknownFieldError(InvalidInputError):
    """A field the contract does not define."""


class WrongTypeError(InvalidInputError):
    """A value of the wrong JSON type."""


class UnknownValueError(InvalidInputError):
    """A string that is not an allowed value."""


class UnsupportedSchemaError(InvalidInputError):
    """An unknown schema or version."""


class TimestampWithoutOffsetError(InvalidInputError):
    """A timestamp without UTC offset."""


class InvalidValueError(InvalidInputError):
    """A value out of range or malformed."""


class InconsistentError(InvalidInputError):
    """Two fields contradict each other."""


class CaseRefusedError(CaseError):
    """The case's rules refuse the action in its state."""


class CaseBackdatedError(CaseError):
    """The action is back-dated beyond the tolerance."""


class CaseInvalidCommandError(CaseError):
    """A malformed command."""


class CaseBrokenChainError(CaseError):
    """A stored case failed verification."""


class CaseNotAssessedError(CaseError):
    """The case has no assessment yet."""


class CaseDecisionChangedError(CaseError):
    """This library would decide differently."""


class TemplateError(DocumentError):
    """A template failed to parse or render."""


class DelayReasonsRequiredError(DocumentError):
    """A late notification needs reasons."""


class SupplementWithoutReferenceError(DocumentError):
    """A supplement needs the reference."""


class NowBeforeAwarenessError(DocumentError):
    """now lies before the awareness."""


class InvalidRecipientError(DocumentError):
    """A letter's recipient is invalid."""


class TomRefusedError(TomError):
    """The item's state refuses the action."""


class TomInvalidActionError(TomError):
    """A field of the action is invalid."""


class TomUnknownItemError(TomError):
    """No item has this id."""


class TomDuplicateItemError(TomError):
    """An item with this id exists."""



#: code name -> exception class (every code of the core has one; tested).
BY_CODE: Dict[str, Type[DsgvoError]] = {
    "DSGVO_STATUS_NULL_ARGUMENT": NullArgumentError,
    "DSGVO_STATUS_INVALID_UTF8": InvalidUtf8Error,
    "DSGVO_STATUS_INVALID_HANDLE": InvalidHandleError,
    "DSGVO_STATUS_INVALID_ARGUMENT": InvalidArgumentError,
    "DSGVO_STATUS_JSON_SYNTAX": JsonSyntaxError,
    "DSGVO_STATUS_JSON_TOO_LARGE": JsonTooLargeError,
    "DSGVO_STATUS_JSON_TOO_DEEP": JsonTooDeepError,
    "DSGVO_STATUS_MISSING_FIELD": MissingFieldError,
    "DSGVO_STATUS_UNKNOWN_FIELD": UnknownFieldError,
    "DSGVO_STATUS_WRONG_TYPE": WrongTypeError,
    "DSGVO_STATUS_UNKNOWN_VALUE": UnknownValueError,
    "DSGVO_STATUS_UNSUPPORTED_SCHEMA": UnsupportedSchemaError,
    "DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET": TimestampWithoutOffsetError,
    "DSGVO_STATUS_INVALID_VALUE": InvalidValueError,
    "DSGVO_STATUS_INCONSISTENT": InconsistentError,
    "DSGVO_STATUS_CASE_REFUSED": CaseRefusedError,
    "DSGVO_STATUS_CASE_BACKDATED": CaseBackdatedError,
    "DSGVO_STATUS_CASE_INVALID_COMMAND": CaseInvalidCommandError,
    "DSGVO_STATUS_CASE_BROKEN_CHAIN": CaseBrokenChainError,
    "DSGVO_STATUS_CASE_NOT_ASSESSED": CaseNotAssessedError,
    "DSGVO_STATUS_CASE_DECISION_CHANGED": CaseDecisionChangedError,
    "DSGVO_STATUS_DOCUMENT_TEMPLATE": TemplateError,
    "DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED": DelayReasonsRequiredError,
    "DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE": SupplementWithoutReferenceError,
    "DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS": NowBeforeAwarenessError,
    "DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT": InvalidRecipientError,
    "DSGVO_STATUS_TOM_REFUSED": TomRefusedError,
    "DSGVO_STATUS_TOM_INVALID_ACTION": TomInvalidActionError,
    "DSGVO_STATUS_TOM_UNKNOWN_ITEM": TomUnknownItemError,
    "DSGVO_STATUS_TOM_DUPLICATE_ITEM": TomDuplicateItemError,
    "DSGVO_STATUS_PANIC": InternalError,
}
__all__ = [
    "BY_CODE",
    "DsgvoError",
    "InvalidInputError",
    "CaseError",
    "DocumentError",
    "TomError",
    "InternalError",
    "NullArgumentError",
    "InvalidUtf8Error",
    "InvalidHandleError",
    "InvalidArgumentError",
    "NaiveDatetimeError",
    "JsonSyntaxError",
    "JsonTooLargeError",
    "JsonTooDeepError",
    "MissingFieldError",
    "UnknownFieldError",
    "WrongTypeError",
    "UnknownValueError",
    "UnsupportedSchemaError",
    "TimestampWithoutOffsetError",
    "InvalidValueError",
    "InconsistentError",
    "CaseRefusedError",
    "CaseBackdatedError",
    "CaseInvalidCommandError",
    "CaseBrokenChainError",
    "CaseNotAssessedError",
    "CaseDecisionChangedError",
    "TemplateError",
    "DelayReasonsRequiredError",
    "SupplementWithoutReferenceError",
    "NowBeforeAwarenessError",
    "InvalidRecipientError",
    "TomRefusedError",
    "TomInvalidActionError",
    "TomUnknownItemError",
    "TomDuplicateItemError",
]

for _code, _cls in BY_CODE.items():
    _cls.code = _code


def error_for(code: str, number: int, message: str, path: Optional[str],
              class_name: Optional[str] = None) -> DsgvoError:
    """Called by the native module to build the exception for a failure;
    ``class_name`` picks a more specific class (``NaiveDatetimeError``)."""
    cls = globals().get(class_name) if class_name else None
    if not (isinstance(cls, type) and issubclass(cls, BY_CODE.get(code, DsgvoError))):
        cls = BY_CODE.get(code, DsgvoError)
    err = cls(message, path)
    err.number = number
    return err
