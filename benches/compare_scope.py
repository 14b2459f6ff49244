"""Scoping side by side (issue 20): the same CSV table scoped by

- the pandas code a data team would write without this library (read_csv,
  a regular expression per column and kind, ``nunique`` on the key, ages
  from the birth-date column, ``value_counts`` of the countries);
- ``dsgvo.scope`` on the pandas DataFrame of that CSV (through
  ``pyarrow.Table.from_pandas``), on one thread and on the default threads
  (the machine's cores);
- ``dsgvo.scope`` on a pyarrow Table of it, the same two ways;
- the Rust CSV reader (the release build of the ``scope`` example, as a
  process, reading the file).

Each is run ``RUNS`` times (the environment's ``RUNS``, default 5: on a
shared host a passing neighbour moves a median of three); the median is
printed. Reading the
CSV into pandas or pyarrow is timed apart from scoping. The table comes
from ``SCOPE_WRITE=FILE cargo bench --bench scope`` (fake people only).

Usage: benches/compare_scope.sh [ROWS], or
    python benches/compare_scope.py TABLE.csv target/release/examples/scope
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

import pandas as pd
import pyarrow.csv as pacsv

import dsgvo

RUNS = int(os.environ.get("RUNS", "5"))
AS_OF = dt.date(2026, 11, 20)

# What a careful analyst would check per column: loose patterns, no check
# digits (the library validates mod 97, Luhn and dates on top).
PATTERNS: Dict[str, str] = {
    "email": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$",
    "phone": r"^(\+|00|0)[1-9][0-9 /-]{6,}$",
    "iban": r"^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,30}$",
    "card": r"^[0-9 ]{13,23}$",
    "masked_card": r"^[*Xx• ]{4,}[0-9]{4}$",
    "date": r"^([0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})",
    "country": r"^[A-Z]{2}$",
    "ip": r"^[0-9]{1,3}(\.[0-9]{1,3}){3}$",
    "hash": r"^(\$2[aby]\$|\$argon2|[0-9a-f]{32}$)",
}


def pandas_scope(df: pd.DataFrame) -> Dict[str, Any]:
    """The equivalent pandas code: kinds by regex share, people, minors, countries."""
    kinds = {}
    for column in df.columns:
        values = df[column][df[column] != ""]
        shares = {k: values.str.match(p).mean() if len(values) else 0.0 for k, p in PATTERNS.items()}
        best = max(shares, key=lambda k: shares[k])
        kinds[column] = best if shares[best] >= 0.8 else "other"
    born = pd.to_datetime(df["date_of_birth"], format="%d.%m.%Y", errors="coerce")
    cutoff = pd.Timestamp(AS_OF.replace(year=AS_OF.year - 18))
    minors = df.loc[born > cutoff, "customer_id"].nunique()
    return {
        "records": len(df),
        "subjects": df["customer_id"].nunique(),
        "minors": minors,
        "residence": sorted(df["billing_country"].value_counts().index),
        "kinds": kinds,
    }


def timed(what: str, run: Callable[[], Any]) -> Any:
    times: List[float] = []
    result = None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    print(f"{what:<58} median {statistics.median(times):7.3f} s  "
          f"(min {min(times):.3f}, max {max(times):.3f}; {RUNS} runs)")
    return result


def main() -> None:
    table, example = sys.argv[1], sys.argv[2]
    df = timed("pandas.read_csv (dtype=str), for both pandas rows", lambda: pd.read_csv(
        table, sep=";", dtype=str, keep_default_na=False))
    arrow = timed("pyarrow.csv.read_csv", lambda: pacsv.read_csv(
        table, parse_options=pacsv.ParseOptions(delimiter=";"),
        convert_options=pacsv.ConvertOptions(column_types={c: "string" for c in df.columns})))
    print(f"-- {len(df):,} rows x {len(df.columns)} columns")
    baseline = timed("pandas code: regex per column and kind, nunique", lambda: pandas_scope(df))
    cores = min(os.cpu_count() or 1, 8)
    by_frame = timed("dsgvo.scope(pandas DataFrame), one thread", lambda: dsgvo.scope(
        df, as_of=AS_OF, key="customer_id", first_line=2, threads=1))
    timed(f"dsgvo.scope(pandas DataFrame), {cores} threads (the default)", lambda: dsgvo.scope(
        df, as_of=AS_OF, key="customer_id", first_line=2))
    by_arrow = timed("dsgvo.scope(pyarrow Table), one thread", lambda: dsgvo.scope(
        arrow, as_of=AS_OF, key="customer_id", first_line=2, threads=1))
    on_threads = timed(f"dsgvo.scope(pyarrow Table), {cores} threads (the default)", lambda: dsgvo.scope(
        arrow, as_of=AS_OF, key="customer_id", first_line=2))
    timed("Rust CSV reader (scope example, release, a process)", lambda: subprocess.run(
        [example, "--key", "customer_id", "--as-of", AS_OF.isoformat(), table],
        check=True, capture_output=True))
    assert by_frame == by_arrow == on_threads, "both Python paths give the same scope, on any threads"
    print(f"-- people: pandas {baseline['subjects']:,}, dsgvo {by_frame.subjects:,}; "
          f"minors: pandas {baseline['minors']:,}, dsgvo {by_frame.minors:,}")
    kinds = {c["header"]: c["kind"] for c in by_frame.columns}
    print("-- kinds (pandas regex / dsgvo):",
          ", ".join(f"{c} {baseline['kinds'][c]}/{kinds[c]}" for c in df.columns))


if __name__ == "__main__":
    main()
