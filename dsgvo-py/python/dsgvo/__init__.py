"""dsgvo — GDPR (DSGVO) personal data breaches: triage (Art. 33/34),
documents, the breach case and its Art. 33(5) register, TOM checklists
(Art. 32), the DPO duty and fine ceilings.

Every result is decision support, not legal advice. Data crosses as the
library's versioned JSON; the classes here wrap it (``to_dict()``,
``to_json()``, ``from_json()``, pickling through the JSON form).

>>> import dsgvo
>>> verdict = dsgvo.triage({"schema": "dsgvo.breach-facts/1", "role": "controller",
...     "controller": {"name": "Shop", "country": "DE", "region": "DE-BY", "established_in_eu": True},
...     "aware_at": "2026-11-20T09:15:00+01:00", "types": ["confidentiality"], "cause": "hacking",
...     "malicious": True, "data_categories": ["identity", "contact", "payment_card"],
...     "data_subjects": {"count": 2500, "categories": ["customers"]},
...     "confidentiality": {"recipients": "unknown", "exfiltrated": "yes"}})
>>> verdict.risk
<RiskLevel.HIGH: 'high'>
"""

from __future__ import annotations

import copy
import datetime as _dt
import enum
import itertools
import json
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Protocol, Tuple, Type, TypeVar, Union

from . import _dsgvo, _errors
from ._base import *  # noqa: F401,F403  (the exception classes)
from ._codes import *  # noqa: F401,F403
from ._errors import DsgvoError, NaiveDatetimeError
from ._scope import Recipients, Scope, recipients, scope

__version__: str = _dsgvo.__version__

for _name, _number in _dsgvo.error_codes():
    setattr(_errors.BY_CODE[_name], "number", _number)

JsonInput = Union[Mapping[str, Any], str, bytes, "Record"]


class _Deferred(Protocol):
    """A native value that writes its JSON, or its Python data, on demand."""

    def to_json(self) -> str: ...

    def to_dict(self) -> Dict[str, Any]: ...

    def field(self, name: str) -> Any: ...

_R = TypeVar("_R", bound="Record")


def _object(text: str) -> Dict[str, Any]:
    """A JSON object from the library."""
    value: Dict[str, Any] = json.loads(text)
    return value


def _rows(text: str) -> List[Dict[str, Any]]:
    """A JSON array of objects from the library."""
    value: List[Dict[str, Any]] = json.loads(text)
    return value


class _StrEnum(str, enum.Enum):
    def __str__(self) -> str:
        return str(self.value)


class RiskLevel(_StrEnum):
    UNLIKELY = "unlikely"
    RISK = "risk"
    HIGH = "high"


class Policy(_StrEnum):
    RISK_BASED = "risk_based"
    NOTIFY_ALWAYS = "notify_always"


class DeadlineRule(_StrEnum):
    EXACT_72H = "exact_72h"
    REGULATION_1182_71 = "regulation_1182_71"


class Language(_StrEnum):
    DE = "de"
    EN = "en"


class CaseState(_StrEnum):
    DETECTED = "detected"
    ASSESSED = "assessed"
    AUTHORITY_NOTIFIED = "authority_notified"
    DOCUMENTED_ONLY = "documented_only"
    SUBJECTS_INFORMED = "subjects_informed"
    SUBJECTS_EXEMPT = "subjects_exempt"
    PUBLIC_COMMUNICATION = "public_communication"
    CLOSED = "closed"
    NOT_A_BREACH = "not_a_breach"


class ProtectionNeed(_StrEnum):
    NORMAL = "normal"
    HIGH = "high"
    VERY_HIGH = "very_high"


_IMMUTABLE = frozenset({str, int, float, bool, type(None)})


def _copy(value: Any) -> Any:
    """A value a caller may change without changing the record: immutable
    values as they are (most fields; no deepcopy per access), others copied."""
    return value if type(value) in _IMMUTABLE else copy.deepcopy(value)


class Record:
    """A value of the library: its JSON form, read-only, with attribute access.

    The JSON text from the library is decoded on first use, and a verdict
    stays the library's own value until a field is read (that field only) or
    its JSON is asked for, so a caller who only passes a result on (to a
    database, a queue, another process) does not pay for building Python
    objects."""

    __slots__ = ("_text", "_parsed")
    _text: Union[str, "_Deferred", None]
    _parsed: Optional[Dict[str, Any]]
    _enums: Dict[str, type] = {}

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_text", None)
        object.__setattr__(self, "_parsed", dict(data))

    @classmethod
    def _owning(cls: Type[_R], data: Dict[str, Any]) -> _R:
        """A record that takes ``data`` (fresh from the library) without a copy."""
        record = cls.__new__(cls)
        object.__setattr__(record, "_text", None)
        object.__setattr__(record, "_parsed", data)
        return record

    @classmethod
    def from_json(cls: Type[_R], text: str) -> _R:
        record = cls.__new__(cls)
        object.__setattr__(record, "_text", text)
        object.__setattr__(record, "_parsed", None)
        return record

    @classmethod
    def _deferred(cls: Type[_R], source: "_Deferred") -> _R:
        """A record whose JSON the native module writes only when asked
        (a verdict that is only passed on costs no conversion)."""
        record = cls.__new__(cls)
        object.__setattr__(record, "_text", source)
        object.__setattr__(record, "_parsed", None)
        return record

    def _json_text(self) -> Optional[str]:
        text = self._text
        if text is not None and not isinstance(text, str):
            text = text.to_json()
            object.__setattr__(self, "_text", text)
        return text

    @property
    def _data(self) -> Dict[str, Any]:
        parsed = self._parsed
        if parsed is None:
            text = self._text
            parsed = _object(text or "") if text is None or isinstance(text, str) else text.to_dict()
            object.__setattr__(self, "_parsed", parsed)
        return parsed

    @classmethod
    def from_dict(cls: Type[_R], data: Mapping[str, Any]) -> _R:
        return cls(copy.deepcopy(dict(data)))

    def to_dict(self) -> Dict[str, Any]:
        return copy.deepcopy(self._data)

    def to_json(self, indent: Optional[int] = None) -> str:
        text = self._json_text() if indent is None else None
        if text is not None:
            return text
        return json.dumps(self._data, ensure_ascii=False, indent=indent)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        source = self._text
        native: Optional[_Deferred] = None
        if self._parsed is None and source is not None and not isinstance(source, str):
            native = source
        try:
            # One field from the native value, made anew for this caller.
            value = native.field(name) if native is not None else self._data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None
        kind = self._enums.get(name)
        if kind is not None and value is not None:
            return kind(value)
        return value if native is not None else _copy(value)

    def __getitem__(self, key: str) -> Any:
        return _copy(self._data[key])

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data

    def __hash__(self) -> int:
        return hash(json.dumps(self._data, sort_keys=True))

    def __reduce__(self) -> Tuple[Callable[[str], "Record"], Tuple[str]]:
        return (type(self).from_json, (self.to_json(),))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._summary()})"

    def _summary(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in list(self._data.items())[:4]) + ", …"


class BreachFacts(Record):
    """Breach facts (``dsgvo.breach-facts/1``), validated."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        # Validated once, naming the field of any problem; kept as the
        # library writes the facts (an aware datetime as RFC 3339 text), so
        # they triage, pickle and serialise like any other facts.
        super().__init__(_object(_dsgvo.facts_check(dict(data))))

    @classmethod
    def from_json(cls, text: str) -> "BreachFacts":
        return cls(_object(text))

    def _summary(self) -> str:
        return f"cause={self._data.get('cause')!r}, aware_at={self._data.get('aware_at')!r}"


class Verdict(Record):
    """The verdict of a triage (decision support, not legal advice)."""

    _enums = {"risk": RiskLevel, "language": Language}

    if TYPE_CHECKING:  # the fields every verdict has, typed for mypy
        schema: str
        policy: str
        deadline_rule: str
        risk: RiskLevel
        notify_authority: bool
        notify_data_subjects: bool
        public_communication: bool
        inform_controller: bool
        authority_deadline: Optional[str]
        severity: Dict[str, Any]
        assessment: Dict[str, Any]
        exemptions: List[str]
        harms: List[str]
        authorities: List[Dict[str, Any]]
        duties: List[Dict[str, Any]]
        reasons: List[Dict[str, Any]]
        open_questions: List[str]
        language: Language
        disclaimer: str

    def _summary(self) -> str:
        d = self._data
        return (f"risk={d['risk']!r}, notify_authority={d['notify_authority']}, "
                f"notify_data_subjects={d['notify_data_subjects']}, deadline={d.get('authority_deadline')!r}")


class CaseStatus(Record):
    """Where a case stands at a given time: state, duties, next step."""

    _enums = {"state": CaseState}

    def _summary(self) -> str:
        return f"id={self._data['id']!r}, state={self._data['state']!r}"


class TomChecklist(Record):
    """A TOM checklist (``dsgvo.tom-checklist/1``), validated."""

    _enums = {"protection_need": ProtectionNeed}

    def __init__(self, data: Mapping[str, Any]) -> None:
        checked = _object(_dsgvo.tom_check(json.dumps(dict(data), ensure_ascii=False)))
        super().__init__(checked)

    @classmethod
    def from_json(cls, text: str) -> "TomChecklist":
        return super().from_json(_dsgvo.tom_check(text))

    def _summary(self) -> str:
        return f"organisation={self._data['organisation']!r}, items={len(self._data['items'])}"

    def evaluate(self, today: _dt.date, language: Union[Language, str] = Language.DE) -> "TomEvaluation":
        return TomEvaluation.from_json(_dsgvo.tom_evaluate(self.to_json(), _date(today), str(language)))

    def apply(self, item_id: str, action: Mapping[str, Any], on: _dt.date, actor: str) -> "TomChecklist":
        """The checklist after ``action`` on item ``item_id`` (this one is unchanged)."""
        return TomChecklist.from_json(_dsgvo.tom_apply(self.to_json(), item_id, json.dumps(dict(action)), _date(on), actor))

    def record_breach(self, breach: Mapping[str, Any], failed: Iterable[Mapping[str, Any]], on: _dt.date,
                      actor: str, language: Union[Language, str] = Language.DE) -> "TomChecklist":
        """The checklist after a breach showed ``failed`` measures to have failed."""
        return TomChecklist.from_json(_dsgvo.tom_record_breach(
            self.to_json(), json.dumps(dict(breach)), json.dumps([dict(f) for f in failed]), _date(on), actor, str(language)))

    def document(self, today: _dt.date, language: Union[Language, str] = Language.DE, format: str = "markdown") -> str:
        return _dsgvo.tom_document(self.to_json(), _date(today), str(language), format)

    @classmethod
    def baseline(cls, organisation: str, protection_need: Union[ProtectionNeed, str] = ProtectionNeed.NORMAL,
                 language: Union[Language, str] = Language.DE) -> "TomChecklist":
        return cls.from_json(_dsgvo.tom_baseline(organisation, str(protection_need), str(language)))

    @classmethod
    def import_document(cls, text: str, organisation: str,
                        protection_need: Union[ProtectionNeed, str] = ProtectionNeed.NORMAL) -> "TomImport":
        return TomImport.from_json(_dsgvo.tom_import(text, organisation, str(protection_need)))


class TomImport(Record):
    """An imported TOM document: the checklist, the headings read, the preamble."""

    @property
    def checklist(self) -> TomChecklist:
        return TomChecklist(self._data["checklist"])

    def _summary(self) -> str:
        return f"sections={len(self._data['sections'])}, items={len(self._data['checklist']['items'])}"


class TomEvaluation(Record):
    """A checklist evaluated on one day (``dsgvo.tom-evaluation/1``)."""

    def _summary(self) -> str:
        d = self._data
        return f"today={d['today']!r}, gaps={len(d['gaps'])}, lint={len(d['lint'])}, overdue={len(d['overdue_reviews'])}"


class DpoDuty(Record):
    """Whether a data protection officer must be designated, explained."""


class FineCeilings(Record):
    """The Art. 83(4) and (5) ceilings, explained."""


class Letter(Record):
    """A personalised Art. 34 letter."""

    # Read directly, not through ``Record.__getattr__``: a bulk run reads
    # them once per letter.
    @property
    def name(self) -> str:
        """The recipient's name as written in the letter."""
        return self._data["name"]  # type: ignore[no-any-return]

    @property
    def email(self) -> Optional[str]:
        """The recipient's e-mail address, if given."""
        return self._data["email"]  # type: ignore[no-any-return]

    @property
    def content(self) -> str:
        """The letter's text or HTML."""
        return self._data["content"]  # type: ignore[no-any-return]

    def _summary(self) -> str:
        return f"name={self._data['name']!r}, email={self._data['email']!r}"


def _json(value: JsonInput, what: str) -> str:
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return json.dumps(_plain(value, what), ensure_ascii=False)
    return _other(value, what)


def _plain(value: Any, path: str) -> Any:
    """JSON data from Python data: datetimes and dates as ISO 8601 text,
    each problem named by its path (``facts.aware_at``)."""
    if isinstance(value, Mapping):
        return {k: _plain(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, _dt.datetime):
        return _time(value, path)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"{path}: a {type(value).__name__} is not JSON")


def _arg(value: JsonInput, what: str) -> Any:
    """A JSON argument for the native module: text, or a dict it converts
    itself (faster than json.dumps; aware datetimes allowed)."""
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, (str, dict)):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    return _other(value, what)


def _other(value: Any, what: str) -> str:
    """JSON as UTF-8 bytes, or the error for anything else."""
    if value is None:
        raise NullArgumentError(f"{what}: must not be None", what)
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as e:
            raise InvalidUtf8Error(f"{what}: not valid UTF-8 (at byte {e.start})", what) from None
    raise TypeError(f"{what}: expected a dict, a JSON string or bytes, or a dsgvo object, not {type(value).__name__}")


def _time(value: Union[_dt.datetime, str], what: str) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, _dt.datetime):
        raise TypeError(f"{what}: expected a timezone-aware datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{what}: {value.isoformat()} has no timezone; pass an aware datetime, "
            "e.g. datetime(2026, 11, 20, 9, 15, tzinfo=timezone.utc)", what)
    return value.isoformat()


def _date(value: Union[_dt.date, str]) -> str:
    if isinstance(value, _dt.datetime):
        raise TypeError("expected a date (datetime.date), not a datetime")
    return value if isinstance(value, str) else value.isoformat()


def _options(options: Optional[JsonInput], policy: Any, deadline_rule: Any, language: Any) -> Optional[str]:
    merged: Dict[str, Any] = json.loads(_json(options, "options")) if options is not None else {}
    for key, value in (("policy", policy), ("deadline_rule", deadline_rule), ("language", language)):
        if value is not None:
            merged[key] = str(value)
    return json.dumps(merged) if merged else None


def triage(facts: JsonInput, *, policy: Union[Policy, str, None] = None,
           deadline_rule: Union[DeadlineRule, str, None] = None,
           language: Union[Language, str, None] = None, options: Optional[JsonInput] = None) -> Verdict:
    """Triages a breach: risk, Art. 33/34 duties, deadline, authority, reasons."""
    opts = _options(options, policy, deadline_rule, language)
    return Verdict._deferred(_dsgvo.triage(_arg(facts, "facts"), opts))


def triage_many(facts: Iterable[JsonInput], *, policy: Union[Policy, str, None] = None,
                deadline_rule: Union[DeadlineRule, str, None] = None,
                language: Union[Language, str, None] = None,
                options: Optional[JsonInput] = None) -> List[Verdict]:
    """Triages many breaches in one call, without the GIL."""
    opts = _options(options, policy, deadline_rule, language)
    args = [_arg(f, "facts") for f in facts]
    return [Verdict._deferred(v) for v in _dsgvo.triage_many(args, opts)]


def documents(facts: JsonInput, now: Union[_dt.datetime, str], *, options: Optional[JsonInput] = None,
              delay_reasons: Optional[str] = None) -> Dict[str, str]:
    """Every document for a breach, file name -> content."""
    pairs = _dsgvo.documents(_json(facts, "facts"), _time(now, "now"), _options(options, None, None, None), delay_reasons)
    return dict(pairs)


def letters(facts: JsonInput, recipients: Iterable[Mapping[str, Any]], *, format: str = "text",
            options: Optional[JsonInput] = None, batch: int = 4096) -> Iterator[Letter]:
    """Personalised Art. 34 letters, streamed: recipients are read and
    letters written in batches, each on the host's cores without the GIL, so
    memory does not grow with the number of recipients."""
    run = _dsgvo.LetterRun(_arg(facts, "facts"), format, _options(options, None, None, None))
    for start, chunk in _batches(recipients, batch):
        for name, email, content in run.render(chunk, start):
            yield Letter._owning({"name": name, "email": email, "content": content})


def _batches(recipients: Iterable[Mapping[str, Any]], batch: int) -> Iterator[Tuple[int, List[Dict[str, Any]]]]:
    """The recipients in lists of ``batch`` dicts, with the index of each list's first."""
    it = iter(recipients)
    start = 0
    while True:
        chunk = [r if isinstance(r, dict) else dict(r) for r in itertools.islice(it, batch)]
        if not chunk:
            return
        yield start, chunk
        start += len(chunk)


def write_letters(facts: JsonInput, recipients: Iterable[Mapping[str, Any]], out: Any, *, format: str = "text",
                  layout: str = "jsonl", options: Optional[JsonInput] = None, batch: int = 4096) -> int:
    """Personalised Art. 34 letters written straight to ``out`` (a binary
    file, anything with ``write(bytes)``) as UTF-8, for bulk runs: no Python
    object per letter. ``layout="jsonl"``: one ``{"name", "email",
    "content"}`` object per line (for a mail queue); ``"print"``: the letters
    one after another, each ended by a form feed (for a print run). Returns
    the number of letters; on a bad recipient, the batches before it have
    been written and the error names its index."""
    if layout not in ("jsonl", "print"):
        raise _errors.InvalidArgumentError(f'layout: "{layout}"; use "jsonl" or "print"', "layout")
    run = _dsgvo.LetterRun(_arg(facts, "facts"), format, _options(options, None, None, None))
    written = 0
    for start, chunk in _batches(recipients, batch):
        out.write(run.render_bytes(chunk, start, layout))
        written = start + len(chunk)
    return written


def report(facts: JsonInput, *, options: Optional[JsonInput] = None) -> str:
    """The text report the ``triage`` command prints."""
    return _dsgvo.report(_json(facts, "facts"), _options(options, None, None, None))


class Case:
    """A breach case: an append-only, hash-chained log whose replay gives the
    state and the duties. Store ``to_json()``; ``Case.load()`` verifies it."""

    __slots__ = ("_native",)

    def __init__(self, native: Any) -> None:
        self._native = native

    @classmethod
    def open(cls, id: str, facts: JsonInput, at: Union[_dt.datetime, str], actor: str) -> "Case":
        return cls(_dsgvo.Case.open(id, _json(facts, "facts"), _time(at, "at"), actor))

    @classmethod
    def load(cls, stored: str, tolerance: _dt.timedelta = _dt.timedelta(minutes=5)) -> "Case":
        return cls(_dsgvo.Case.load(stored, int(tolerance.total_seconds())))

    def apply(self, command: Mapping[str, Any], tolerance: _dt.timedelta = _dt.timedelta(minutes=5),
              now: Union[_dt.datetime, str, None] = None) -> Dict[str, Any]:
        """Applies ``{"at", "actor", "reason"?, "action": {"type", ...}}``; returns the new entry.
        ``at`` may be an aware datetime. A command dated after ``now`` (default:
        this computer's clock; the core reads none) beyond the tolerance is
        refused: a mistyped year would otherwise lock the case."""
        cmd = _plain(command, "command")
        at = _time(now if now is not None else _dt.datetime.now(_dt.timezone.utc), "now")
        return _object(self._native.apply(json.dumps(cmd, ensure_ascii=False), int(tolerance.total_seconds()), at))

    def anchor(self) -> Dict[str, Any]:
        """``{"id", "entries", "head"}``: keep it outside the stored case (the
        register, an audit log) and ``check_anchor`` it after loading; it finds
        entries removed from the end or a log rewritten with new hashes."""
        return _object(self._native.anchor())

    def check_anchor(self, anchor: Union[Mapping[str, Any], str]) -> None:
        """Raises ``CaseBrokenChainError`` where this case departs from ``anchor``."""
        self._native.check_anchor(anchor if isinstance(anchor, str) else json.dumps(dict(anchor)))

    def status(self, now: Union[_dt.datetime, str]) -> CaseStatus:
        return CaseStatus.from_json(self._native.status(_time(now, "now")))

    def documents(self, now: Union[_dt.datetime, str], delay_reasons: Optional[str] = None) -> Dict[str, str]:
        return dict(self._native.documents(_time(now, "now"), delay_reasons))

    def to_json(self) -> str:
        text: str = self._native.to_json()
        return text

    def to_dict(self) -> Dict[str, Any]:
        return _object(self.to_json())

    @classmethod
    def from_json(cls, stored: str) -> "Case":
        return cls.load(stored)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Case) and other.to_json() == self.to_json()

    def __reduce__(self) -> Tuple[Callable[[str], "Case"], Tuple[str]]:
        return (Case.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        d = self.to_dict()
        return f"Case(id={d['id']!r}, entries={len(d['entries'])})"


def register_rows(cases: Iterable[Union[Case, str]], tolerance: _dt.timedelta = _dt.timedelta(minutes=5)) -> List[Dict[str, Any]]:
    """The Art. 33(5) register as a list of row dicts (``pandas.DataFrame(rows)``)."""
    return _rows(_register(cases, tolerance, "json"))


def register_figures(cases: Iterable[Union[Case, str]], tolerance: _dt.timedelta = _dt.timedelta(minutes=5)) -> Dict[str, Any]:
    """What a DPO reports: breaches per year, notified vs documented only, …"""
    return _object(_register(cases, tolerance, "figures"))


def register_csv(cases: Iterable[Union[Case, str]], tolerance: _dt.timedelta = _dt.timedelta(minutes=5)) -> str:
    return _register(cases, tolerance, "csv")


def register_markdown(cases: Iterable[Union[Case, str]], tolerance: _dt.timedelta = _dt.timedelta(minutes=5)) -> str:
    return _register(cases, tolerance, "markdown")


def _register(cases: Iterable[Union[Case, str]], tolerance: _dt.timedelta, fmt: str) -> str:
    stored = [c.to_json() if isinstance(c, Case) else c for c in cases]
    return _dsgvo.register_export(stored, int(tolerance.total_seconds()), fmt)


def failed_measures(facts: JsonInput, language: Union[Language, str] = Language.DE) -> List[Dict[str, Any]]:
    """The TOM measures the breach facts show to have failed."""
    return _rows(_dsgvo.tom_failed_measures(_json(facts, "facts"), str(language)))


def authorities() -> List[Dict[str, Any]]:
    """The embedded directory of supervisory authorities."""
    rows: List[Dict[str, Any]] = _object(_dsgvo.authorities())["authorities"]
    return rows


def dpo_duty(facts: Mapping[str, Any], language: Union[Language, str] = Language.DE) -> DpoDuty:
    """Whether a DPO must be designated (Art. 37 GDPR, § 38 BDSG)."""
    return DpoDuty.from_json(_dsgvo.dpo(json.dumps(dict(facts)), str(language)))


def fine_ceilings(turnover_eur: Optional[int], language: Union[Language, str] = Language.DE) -> FineCeilings:
    """The Art. 83(4) and (5) fine ceilings; ``None`` = turnover unknown."""
    if turnover_eur is not None and turnover_eur < 0:
        raise _errors.InvalidArgumentError(f"turnover_eur: {turnover_eur} is negative", "turnover_eur")
    return FineCeilings.from_json(_dsgvo.fines(turnover_eur, str(language)))


def fine_ceilings_for(facts: Mapping[str, Any], language: Union[Language, str] = Language.DE) -> FineCeilings:
    """The Art. 83 ceilings on the undertaking's turnover.

    ``facts``: ``undertaking_turnover_cents`` (the group's, where the entity
    belongs to one), ``own_turnover_cents``, ``part_of_group`` — each may be
    left out (unknown). An unknown undertaking turnover gives lower bounds
    (``bound == "at_least"``); contradicting turnovers raise
    ``InconsistentError`` naming the field.
    """
    return FineCeilings.from_json(_dsgvo.fines_for(json.dumps(dict(facts)), str(language)))
