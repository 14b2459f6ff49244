"""Tables through the Arrow PyCapsule stream interface (issue 20): read in
place, each typed cell the text the row path gives the same Python value
(`rows.rs`), so a table scoped through Arrow and the same table as dicts
give equal Scopes — examples, evidence and counts alike. The reference is
Python's own formatting of the values (``to_pylist``), never our output.

The test command installs pandas, pyarrow and polars and sets
``DSGVO_TEST_ALL=1`` (a missing package fails instead of skipping)."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import os
import pickle
import random

import pytest

import dsgvo
from dsgvo import InvalidArgumentError

if os.environ.get("DSGVO_TEST_ALL"):
    import pandas as pd
    import polars as pl
    import pyarrow as pa
else:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")

AS_OF = "2026-11-20"


def typed_table() -> "pa.Table":
    berlin = dt.timezone(dt.timedelta(hours=1))
    n = 12
    return pa.table({
        "id": pa.array(range(100, 100 + n), pa.int64()),
        "small": pa.array([i % 3 for i in range(n)], pa.uint8()),
        "email": pa.array([f"kunde{i % 5}@example.org" if i % 4 else None for i in range(n)]),
        "large": pa.array([f"Erika Muster {i}" for i in range(n)], pa.large_string()),
        "view": pa.array(["DE", "AT", None, "FR"] * 3, pa.string_view()),
        "country": pa.array(["DE", "AT", "DE", None] * 3).dictionary_encode(),
        "total": pa.array([1.5, 100.0, float("nan"), None, 1e16, 1.5e-05, 0.1, -0.0, 2.25, 3.0, 1e-4, 7.0]),
        "ratio": pa.array([0.1, 0.5, 1.0, 2.5] * 3, pa.float32()),
        "paid": pa.array([True, False, None, True] * 3),
        "date_of_birth": pa.array([dt.date(2010, 5, 1), dt.date(1980, 1, 31), None, dt.date(2008, 11, 21)] * 3, pa.date32()),
        "ordered": pa.array([dt.datetime(2026, 11, 5, 10, 3, i) for i in range(n)], pa.timestamp("s")),
        "ordered_us": pa.array([dt.datetime(2026, 11, 5, 10, 3, 0, i * 1000) for i in range(n)], pa.timestamp("us")),
        "paid_at": pa.array([dt.datetime(2026, 11, 5, 23, 30, tzinfo=dt.timezone.utc)] * n,
                            pa.timestamp("us", tz="UTC")),
        "local": pa.array([dt.datetime(2026, 11, 5, 9, 0, tzinfo=berlin)] * n, pa.timestamp("ms", tz="+01:00")),
        "berlin": pa.array([dt.datetime(2026, 7, 5, 9, 0, tzinfo=dt.timezone.utc)] * n,
                           pa.timestamp("us", tz="Europe/Berlin")),
        "price": pa.array([decimal.Decimal("1.50"), decimal.Decimal("-20.00"), None, decimal.Decimal("0.01")] * 3,
                          pa.decimal128(10, 2)),
        "slot": pa.array([dt.time(8, 15), dt.time(23, 59, 59, 5), None, dt.time(0, 0)] * 3, pa.time64("us")),
        "nothing": pa.nulls(n),
    })


def as_rows(table: "pa.Table") -> list:
    """The same table as Python dicts, cells as Python objects."""
    return table.to_pylist()


def test_typed_columns_give_the_scope_of_the_same_rows_as_dicts():
    table = typed_table()
    by_arrow = dsgvo.scope(table, as_of=AS_OF, key="email")
    by_rows = dsgvo.scope(as_rows(table), as_of=AS_OF, key="email")
    assert by_arrow.to_dict() == by_rows.to_dict()
    assert by_arrow == by_rows
    columns = {c["header"]: c for c in by_arrow.columns}
    assert columns["email"]["kind"] == "email"
    assert columns["date_of_birth"]["evidence"] == {"date": 9}
    # Under 18 on 2026-11-20: born 2010-05-01 (rows 0, 4, 8: no e-mail, each
    # row a person) and 2008-11-21 (rows 3, 7, 11: kunde3, kunde2, kunde1).
    assert by_arrow.minors == 6


def test_batches_of_a_stream_number_their_lines_on():
    table = typed_table()
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=5))
    by_stream = dsgvo.scope(reader, as_of=AS_OF, key="email", first_line=2)
    assert by_stream == dsgvo.scope(table, as_of=AS_OF, key="email", first_line=2)
    assert by_stream.records == 12


def test_a_pandas_frame_goes_through_arrow_without_its_index():
    frame = pd.DataFrame({"email": ["erika@example.org", "max@example.at", "erika@example.org"],
                          "date_of_birth": pd.to_datetime(["2010-05-01", "1980-01-31", "2010-05-01"]),
                          "total": [1.5, float("nan"), 3.0]},
                         index=[7, 3, 9])
    by_frame = dsgvo.scope(frame, as_of=AS_OF, key="email")
    rows = [dict(zip(frame.columns, r)) for r in frame.itertuples(index=False, name=None)]
    assert by_frame == dsgvo.scope(rows, as_of=AS_OF, key="email")
    assert [c["header"] for c in by_frame.columns] == ["email", "date_of_birth", "total"]
    assert (by_frame.records, by_frame.subjects, by_frame.minors) == (3, 2, 1)


def test_a_polars_frame_is_read_through_its_own_stream():
    """polars exports strings as string views and categoricals as dictionaries."""
    frame = pl.DataFrame({
        "email": ["erika@example.org", "max@example.at", None, "ERIKA@example.org"],
        "date_of_birth": [dt.date(2010, 5, 1), dt.date(1980, 1, 31), None, dt.date(2010, 5, 1)],
        "country": pl.Series(["DE", "AT", "DE", "DE"], dtype=pl.Categorical),
        "ordered": [dt.datetime(2026, 11, 5, 10, 3, 0, 1000 * i, tzinfo=dt.timezone.utc) for i in range(4)],
        "total": [1.5, None, float("nan"), 3.0],
        "paid": [True, False, None, True],
    })
    by_polars = dsgvo.scope(frame, as_of=AS_OF, key="email")
    assert by_polars == dsgvo.scope(frame.to_dicts(), as_of=AS_OF, key="email")
    # Erika (twice, 16 on the day), Max, and a row without a key.
    assert (by_polars.records, by_polars.subjects, by_polars.minors) == (4, 3, 1)
    assert by_polars.facts["data_subjects"]["residence"] == ["AT", "DE"]


def test_floats_are_written_as_python_writes_them():
    values = [1.5, 100.0, -0.0, 0.1, 1e16, 1.5e-05, 1e-4, 123456789012345.6, math.inf, 2.0 ** 60, 5e-324]
    by_arrow = dsgvo.scope(pa.table({"v": values}), as_of=AS_OF)
    by_rows = dsgvo.scope([{"v": v} for v in values], as_of=AS_OF)
    assert by_arrow == by_rows


def test_any_number_of_threads_gives_the_scope_of_one():
    n = 20_000
    table = pa.table({
        "customer_id": pa.array([i * 7919 % 3001 for i in range(n)], pa.int64()),
        "email": [f"kunde{i * 7919 % 3001}@example.org" for i in range(n)],
        "date_of_birth": pa.array([dt.date(1950 + i % 70, 1 + i % 12, 1 + i % 28) for i in range(n)], pa.date32()),
        "total": [i / 7 for i in range(n)],
        "country": ["DE", "AT", "Frankreich", ""] * (n // 4),
    })
    # Many small batches: the threads' shares cross the batches' bounds.
    batched = pa.Table.from_batches(table.to_batches(max_chunksize=999))
    one = dsgvo.scope(batched, as_of=AS_OF, key="customer_id", threads=1)
    assert (one.records, one.subjects) == (n, 3001)
    for threads in (2, 3, 8):
        many = dsgvo.scope(batched, as_of=AS_OF, key="customer_id", threads=threads)
        assert many == one and pickle.dumps(many) == pickle.dumps(one), threads
    for wrong in (0, -1):
        with pytest.raises(InvalidArgumentError, match="threads: at least 1"):
            dsgvo.scope(table, as_of=AS_OF, threads=wrong)


RANDOM = random.Random(20261204)


def test_integers_dates_and_times_are_written_as_python_writes_them():
    # A recipient's name is the cell's text: each typed value, by itself.
    values = {
        pa.int64(): [-9223372036854775808, -5, 0, 7, 10, 1234567890123, 9223372036854775807],
        pa.int8(): [-128, -1, 0, 127],
        pa.uint64(): [0, 9, 18446744073709551615],
        pa.date32(): [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(2026, 11, 3), dt.date(9999, 1, 9)],
        pa.timestamp("s"): [dt.datetime(2026, 11, 5, 0, 0, 0), dt.datetime(1971, 12, 24, 9, 5, 7),
                            dt.datetime(2026, 1, 2, 23, 59, 59)],
        # Floats as repr() writes them: plain from 1e-4 to below 1e16, the
        # shortest digits that read back, whatever their size.
        pa.float64(): [1.5, 100.0, -0.0, 0.1, 1e16, 9999999999999998.0, 1.5e-05, 1e-4, 0.00011, 2.0 ** 60,
                       5e-324, math.inf, -math.inf, 1 / 3, 2 / 3 * 1e10, -123.456]
        + [RANDOM.uniform(-1e6, 1e6) for _ in range(200)]
        + [RANDOM.lognormvariate(0, 20) for _ in range(200)],
        pa.float32(): [0.1, 0.5, 16777217.0, 3.4e38, 1e-7],
    }
    for kind, cells in values.items():
        table = pa.table({"name": pa.array(cells, kind),
                          "email": [f"kunde{i}@example.org" for i in range(len(cells))]})
        people = dsgvo.recipients(table, as_of=AS_OF, key="email")
        if kind == pa.float32():  # Python reads a float32 as the double it is
            cells = pa.array(cells, kind).to_pylist()
        expected = [c.isoformat() if isinstance(c, (dt.date, dt.datetime)) else str(c) for c in cells]
        assert [r["name"] for r in people] == expected, kind


def test_the_recipients_read_an_arrow_table_twice():
    table = pa.table({"name": ["Erika Muster", "Max Probe", "Erika Muster"],
                      "email": ["erika@example.org", "max@example.at", "ERIKA@example.org"],
                      "iban": ["DE89370400440532013000", None, "DE89370400440532013000"]})
    people = dsgvo.recipients(table, as_of=AS_OF, key="email")
    assert [(r["name"], r["affected"]) for r in people] == [
        ("Erika Muster", ["identity", "contact", "bank_account"]), ("Max Probe", ["identity", "contact"])]


def test_a_column_without_text_is_named():
    table = pa.table({"email": ["erika@example.org"], "tags": pa.array([["a", "b"]])})
    with pytest.raises(InvalidArgumentError) as e:
        dsgvo.scope(table, as_of=AS_OF)
    assert '"tags"' in str(e.value) and "cast it to text" in str(e.value)
    assert "erika" not in str(e.value)
