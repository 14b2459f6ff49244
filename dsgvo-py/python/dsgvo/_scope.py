"""Scoping: from the shop's own table to the Art. 33(3)(a) facts.

``dsgvo.scope(table, as_of=..., key=...)`` counts the rows of any table —
an iterable of dicts (nested dicts are flattened to ``billing.email``) or
of sequences with ``headers=``, a pandas or polars DataFrame, a pyarrow
Table — in batches, and returns a :class:`Scope`: the facts for the
notification, a report of every column, counts and masked examples only.
Scopes of parts of a table merge (``a.merge(b)``) to exactly the scope of
one pass; a Scope pickles (it carries digests of the keys, not the keys —
still pseudonymous personal data: keep it where the table is).

Decision support: check the columns' kinds, correct them with
``overrides``, before notifying.
"""

from __future__ import annotations

import datetime as _dt
import html
import itertools
import json
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _dsgvo

__all__ = ["Recipients", "Scope", "recipients", "scope"]


class Scope:
    """The scope of a table (or of the parts merged so far)."""

    __slots__ = ("_run", "_report")

    def __init__(self, run: _dsgvo.ScopeRun) -> None:
        self._run = run
        self._report: Optional[Dict[str, Any]] = None

    def to_dict(self) -> Dict[str, Any]:
        """The whole report (``dsgvo.scope/1``) as Python data."""
        if self._report is None:
            report: Dict[str, Any] = json.loads(self._run.report())
            self._report = report
        copy: Dict[str, Any] = json.loads(json.dumps(self._report))  # a copy the caller may change
        return copy

    def to_json(self) -> str:
        return self._run.report()

    @property
    def facts(self) -> Dict[str, Any]:
        """The facts for the notification, in the shape of the breach facts."""
        facts: Dict[str, Any] = self.to_dict()["facts"]
        return facts

    @property
    def columns(self) -> List[Dict[str, Any]]:
        """Every column: kind, category, confidence, how decided, evidence, examples."""
        columns: List[Dict[str, Any]] = self.to_dict()["columns"]
        return columns

    @property
    def records(self) -> int:
        return int(self.to_dict()["records"])

    @property
    def subjects(self) -> int:
        return int(self.to_dict()["subjects"])

    @property
    def minors(self) -> Optional[int]:
        m = self.to_dict().get("minors")
        return None if m is None else int(m)

    def merge(self, other: "Scope") -> "Scope":
        """A new Scope with the rows of both (parts of the same table, scoped with the same options)."""
        if other is self:
            from ._codes import InvalidArgumentError

            raise InvalidArgumentError("other: the same scope (its rows would count twice)", None)
        merged = _dsgvo.ScopeRun.from_state(self._run.state())
        merged.merge(other._run)
        return Scope(merged)

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        return (_from_state, (self._run.state(),))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Scope):
            return NotImplemented
        return self._run.state() == other._run.state()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        d = self.to_dict()
        return f"<Scope records={d['records']} subjects={d['subjects']} minors={d.get('minors')} categories={d['facts']['data_categories']}>"

    def _repr_html_(self) -> str:
        d = self.to_dict()
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(c.get(k, '')))}</td>" for k in ("header", "kind", "category", "confidence", "decided_by", "non_empty"))
            + f"<td>{html.escape(', '.join(c['examples']))}</td></tr>"
            for c in d["columns"]
        )
        head = "".join(f"<th>{h}</th>" for h in ("column", "kind", "category", "confidence %", "decided by", "non-empty", "masked examples"))
        summary = html.escape(f"{d['records']} rows, {d['subjects']} people" + ("" if d.get("minors") is None else f", {d['minors']} minors"))
        return f"<p><b>dsgvo scope</b>: {summary} (decision support)</p><table><tr>{head}</tr>{rows}</table>"


def _from_state(state: str) -> Scope:
    return Scope(_dsgvo.ScopeRun.from_state(state))


def _iso(value: Union[_dt.datetime, _dt.date, str, None], what: str) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime) and value.utcoffset() is None:
        from ._errors import NaiveDatetimeError

        raise NaiveDatetimeError(
            f"{what}: {value.isoformat()} has no timezone; pass an aware datetime", what)
    return value.isoformat()


def _arrow(table: Any) -> Any:
    """`table` as an object with the Arrow PyCapsule stream interface, if it has
    one: pyarrow and polars tables themselves, a pandas DataFrame through
    pyarrow (without its index; None when pyarrow is missing or cannot
    convert a column of mixed objects). No module is imported otherwise."""
    if not hasattr(table, "__arrow_c_stream__"):
        return None
    if hasattr(table, "itertuples"):  # pandas: its own stream would carry the index
        try:
            import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError:
            return None
        try:
            return pyarrow.Table.from_pandas(table, preserve_index=False)
        except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError, pyarrow.ArrowNotImplementedError):
            return None
    return table


def _table_rows(table: Any, headers: Optional[Sequence[str]]) -> Tuple[Optional[List[str]], Iterable[Any]]:
    """The header and the rows of `table` read row by row (no pandas, polars or pyarrow import)."""
    if hasattr(table, "itertuples") and hasattr(table, "columns"):  # pandas
        return [str(c) for c in table.columns], table.itertuples(index=False, name=None)
    if hasattr(table, "iter_rows") and hasattr(table, "columns"):  # polars
        return [str(c) for c in table.columns], table.iter_rows()
    if hasattr(table, "to_batches") and hasattr(table, "column_names"):  # pyarrow
        names = [str(c) for c in table.column_names]
        return names, (tuple(r.values()) for b in table.to_batches() for r in b.to_pylist())
    return (list(headers) if headers is not None else None), table


def _read(run: _dsgvo.ScopeRun, table: Any, headers: Optional[Sequence[str]], first_line: int,
          batch: int, threads: Optional[int]) -> int:
    """Pushes the rows of `table` into `run`: in place through Arrow where the
    table offers it (on `threads` threads), else row by row; the number of
    rows read."""
    arrow = _arrow(table)
    if arrow is not None:
        return run.push_arrow(arrow, first_line, threads)
    names, rows = _table_rows(table, headers)
    if names is not None:
        run.set_header(names)
    return _push(run, rows, first_line, batch)


def _batches(rows: Iterable[Any], size: int) -> Iterator[List[Any]]:
    it = iter(rows)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def _run(table: Any, as_of: Union[_dt.date, str], key: Optional[str], window: Optional[Mapping[str, Any]],
         overrides: Optional[Mapping[str, str]], headers: Optional[Sequence[str]], first_line: int,
         batch: int, threads: Optional[int]) -> Tuple[_dsgvo.ScopeRun, int]:
    """The first pass over `table`: the run and the number of rows read."""
    options: Dict[str, Any] = {"as_of": as_of if isinstance(as_of, str) else as_of.isoformat()}
    if key is not None:
        options["key"] = key
    if window is not None:
        w = dict(window)
        for bound in ("from", "until"):
            if bound in w:
                w[bound] = _iso(w[bound], f"window.{bound}")
        options["window"] = w
    if overrides:
        options["overrides"] = dict(overrides)
    run = _dsgvo.ScopeRun(json.dumps(options))
    return run, _read(run, table, headers, first_line, batch, threads)


def _push(run: _dsgvo.ScopeRun, rows: Iterable[Any], first_line: int, batch: int) -> int:
    """Pushes `rows` in batches, numbered from `first_line`; the rows read."""
    line = first_line
    for chunk in _batches(rows, max(1, batch)):
        line += run.push(chunk, line)
    return line - first_line


def scope(table: Any, *, as_of: Union[_dt.date, str], key: Optional[str] = None,
          window: Optional[Mapping[str, Any]] = None, overrides: Optional[Mapping[str, str]] = None,
          headers: Optional[Sequence[str]] = None, first_line: int = 1, batch: int = 10_000,
          threads: Optional[int] = None) -> Scope:
    """Scopes `table`; see the module documentation.

    `as_of` is the day ages are taken on (dates of birth → minors); `key`
    the column that tells people apart; `window` ``{"column": ..., "from":
    ..., "until": ...}`` (aware datetimes or RFC 3339 text) keeps the rows
    whose date lies in it; `overrides` sets the kind of columns by header;
    `first_line` numbers the first row in reports of malformed rows.
    An Arrow table (pyarrow, polars, pandas through pyarrow) is scoped on
    `threads` threads, the machine's cores (at most 8) when not given;
    the result is the same on any number of them.
    """
    run, _ = _run(table, as_of, key, window, overrides, headers, first_line, batch, threads)
    result = Scope(run)
    result.to_dict()  # a window column without dates fails here, not on first use
    return result


class Recipients:
    """The Art. 34 recipients of a table: each affected person once, with
    the name and e-mail address the table holds and the categories of
    their own data. Iterating gives the recipient dicts the letters take
    (``dsgvo.write_letters(facts, recipients, out)``). Holds personal data:
    its repr shows counts only."""

    __slots__ = ("recipients", "unreachable", "malformed")

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.recipients: List[Dict[str, Any]] = list(data["recipients"])
        #: rows of people with neither name nor e-mail address: ``{"count", "lines"}``
        self.unreachable: Dict[str, Any] = dict(data["unreachable"])
        #: rows that could not be read: ``{"count", "lines"}``
        self.malformed: Dict[str, Any] = dict(data["malformed"])

    def __iter__(self) -> Iterator[Dict[str, Any]]:
        return iter(self.recipients)

    def __len__(self) -> int:
        return len(self.recipients)

    def __repr__(self) -> str:
        return (f"<Recipients {len(self.recipients)} people, {self.unreachable['count']} rows unreachable, "
                f"{self.malformed['count']} malformed>")


def recipients(table: Any, *, as_of: Union[_dt.date, str], key: Optional[str] = None,
               window: Optional[Mapping[str, Any]] = None, overrides: Optional[Mapping[str, str]] = None,
               headers: Optional[Sequence[str]] = None, first_line: int = 1,
               batch: int = 10_000, threads: Optional[int] = None) -> Recipients:
    """The recipients of `table` (options as :func:`scope`): the table is
    read twice — once to decide what its columns hold, once for the
    people — so it must be a table or a list, not an iterator."""
    if hasattr(table, "__next__"):
        from ._codes import InvalidArgumentError

        raise InvalidArgumentError(
            "table: an iterator can be read only once; recipients read the table twice "
            "(pass a list, a DataFrame or an Arrow table)", None)
    run, read = _run(table, as_of, key, window, overrides, headers, first_line, batch, threads)
    run.start_recipients()
    again = _read(run, table, headers, first_line, batch, threads)
    if again != read:
        from ._codes import ScopeMismatchError

        raise ScopeMismatchError(
            f"table: {read} rows in the first pass, {again} in the second; "
            "it changed while it was read", None)
    return Recipients(json.loads(run.recipients()))
