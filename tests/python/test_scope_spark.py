"""Scoping on Spark (issue 20), the README's `mapInArrow` recipe run in
Spark's local mode: the generated table read by Spark's CSV reader, four
partitions, each scoped in a Python worker, the pickled Scopes collected
and merged — the Scope of one pass over the same rows, and the table's
known truth.

An opt-in step (`./tests/run-all.sh spark`: it installs a Java runtime and
pyspark, 189 MB and 468 MB installed, and Spark's start-up does not fit the CI budget of
the test command), so without ``DSGVO_TEST_SPARK=1`` the module is skipped
and says why; with it, a missing pyspark or Java fails."""

from __future__ import annotations

import functools
import json
import os
import pathlib
import pickle
import sys

import pytest

import dsgvo

if not os.environ.get("DSGVO_TEST_SPARK"):
    pytest.skip("Spark is an opt-in step: ./tests/run-all.sh spark", allow_module_level=True)

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parents[1] / "scope"
TRUTH = json.loads((HERE / "truth.json").read_text())
OPTIONS = {"as_of": TRUTH["as_of"], "key": "customer_id"}


def recipe():
    """The README's function: the Scope of one partition, pickled. Made
    here, as in a driver script, so that Spark sends the function itself to
    its workers (a function of this test module would be sent by name, and
    the workers cannot import the module)."""
    options = dict(OPTIONS, threads=1)  # Spark shares out the work

    def scope_partition(batches):
        scopes = [dsgvo.scope(pa.Table.from_batches([b]), **options) for b in batches]
        if scopes:
            yield pa.RecordBatch.from_pydict({"scope": [pickle.dumps(functools.reduce(dsgvo.Scope.merge, scopes))]})

    return scope_partition


@pytest.fixture(scope="module")
def spark():
    # The workers run the interpreter of this test, where dsgvo is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("dsgvo-scope")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    yield session
    session.stop()


def test_four_partitions_on_spark_give_the_scope_of_one_pass(spark):
    df = spark.read.csv(str(HERE / "orders.csv"), sep=";", header=True).repartition(4)
    assert df.rdd.getNumPartitions() == 4
    rows = df.mapInArrow(recipe(), "scope binary").collect()
    assert len(rows) == 4
    merged = functools.reduce(dsgvo.Scope.merge, (pickle.loads(r.scope) for r in rows))
    frame = pd.read_csv(HERE / "orders.csv", sep=";", dtype=str, keep_default_na=False)
    whole = dsgvo.scope(frame, first_line=2, **OPTIONS)
    assert merged.facts == whole.facts
    assert (merged.records, merged.subjects, merged.minors) == (
        TRUTH["all"]["records"], TRUTH["all"]["subjects"], TRUTH["all"]["minors"])
    assert merged.facts["data_subjects"]["residence"] == TRUTH["all"]["residence"]
    # Column by column the same kinds, evidence and examples; only line
    # numbers of problem rows (none here) could differ between the two.
    assert merged.columns == whole.columns
