"""The exceptions of dsgvo: one class per error code of the core, named as
the C ABI's statuses (``e.code == "DSGVO_STATUS_UNKNOWN_VALUE"``). Input
errors are also ``ValueError`` and carry the field path. The classes per code
are generated from the core's list (``_codes.py``); this module adds what is
Python's own."""

from __future__ import annotations

from typing import List, Optional

from . import _base, _codes
from ._base import *  # noqa: F401,F403
from ._base import DsgvoError
from ._codes import *  # noqa: F401,F403
from ._codes import BY_CODE, InvalidArgumentError


class NaiveDatetimeError(InvalidArgumentError):
    """A datetime without a timezone."""


__all__: List[str] = ["NaiveDatetimeError"]
__all__ += _base.__all__
__all__ += _codes.__all__


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
