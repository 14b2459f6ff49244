"""Scoping through the Python door (issue 20): the generated table of fake
customers gives its known truth, the same report as Rust's CSV reader;
parts merge to the whole; a Scope pickles; bad input raises the class of
its code and names the column."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib
import pickle
import subprocess

import pytest

import dsgvo

HERE = pathlib.Path(__file__).resolve().parents[1] / "scope"
TRUTH = json.loads((HERE / "truth.json").read_text())
AS_OF = dt.date.fromisoformat(TRUTH["as_of"])


def rows():
    with open(HERE / "orders.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=";"))


def counts(s: dsgvo.Scope) -> dict:
    return {"records": s.records, "subjects": s.subjects, "minors": s.minors,
            "residence": s.facts["data_subjects"]["residence"]}


def test_the_generated_table_gives_its_truth():
    s = dsgvo.scope(rows(), as_of=AS_OF, key="customer_id", batch=333)
    assert counts(s) == TRUTH["all"]
    assert s.facts["data_categories"] == TRUTH["categories"]
    assert {c["header"]: c["kind"] for c in s.columns} == TRUTH["kinds"]
    w = TRUTH["window"]
    tz = dt.timezone(dt.timedelta(hours=1))
    windowed = dsgvo.scope(rows(), as_of=AS_OF, key="customer_id", window={
        "column": "order_date",
        "from": dt.datetime(2026, 11, 10, tzinfo=tz),
        "until": w["until"],
    })
    assert counts(windowed) == {k: w[k] for k in ("records", "subjects", "minors", "residence")}


def test_the_report_equals_the_rust_readers():
    """Rows as dicts and as sequences give the report Rust's CSV reader gives."""
    out = subprocess.run(
        ["cargo", "run", "-q", "--example", "scope", "--", "--key", "customer_id",
         "--as-of", TRUTH["as_of"], str(HERE / "orders.csv")],
        check=True, capture_output=True, text=True, cwd=HERE.parents[1])
    rust = json.loads(out.stdout)
    table = rows()
    by_dict = dsgvo.scope(table, as_of=AS_OF, key="customer_id")
    header = list(table[0])
    by_cells = dsgvo.scope([list(r.values()) for r in table], headers=header, as_of=AS_OF,
                           key="customer_id", first_line=2)
    assert by_dict.to_dict() == rust
    assert by_cells.to_dict() == rust


def test_parts_merge_to_the_whole_and_a_scope_pickles():
    table = rows()
    whole = dsgvo.scope(table, as_of=AS_OF, key="customer_id")
    parts = [dsgvo.scope(table[i:i + 500], as_of=AS_OF, key="customer_id", first_line=i + 1)
             for i in range(0, len(table), 500)]
    merged = parts[0]
    for p in parts[1:]:
        merged = merged.merge(p)
    assert merged == whole
    back = pickle.loads(pickle.dumps(merged))
    assert back == whole and back.to_dict() == whole.to_dict()
    assert "<table>" in whole._repr_html_() and "@example.org" not in whole._repr_html_()
    assert "@example.org" not in whole.to_json()


def test_python_values_become_the_cells_json_would_give():
    tz = dt.timezone.utc
    s = dsgvo.scope([
        {"id": 1, "paid": True, "total": 12.5, "at": dt.datetime(2026, 11, 19, 8, 0, tzinfo=tz),
         "born": dt.date(2012, 5, 1), "note": None, "billing": {"email": "a@example.org"}},
        {"id": 2, "paid": False, "total": float("nan"), "at": None, "born": None, "note": ["x"],
         "billing": {"email": "b@example.org"}},
        "not a row",
    ], as_of=AS_OF, key="billing.email", overrides={"born": "birth_date"})
    d = s.to_dict()
    assert (d["records"], d["subjects"], d["minors"]) == (2, 2, 1)
    assert d["malformed"] == {"count": 1, "lines": [3]}
    col = {c["header"]: c for c in d["columns"]}
    assert col["total"]["non_empty"] == 1          # NaN is a missing value
    assert col["at"]["evidence"] == {"date": 1}
    assert col["billing.email"]["kind"] == "email"


def test_bad_input_raises_the_class_of_its_code_naming_the_column():
    with pytest.raises(dsgvo.ScopeMissingColumnError, match="key column `kundennr`"):
        dsgvo.scope(rows()[:3], as_of=AS_OF, key="kundennr")
    with pytest.raises(dsgvo.ScopeEmptyError):
        dsgvo.scope([[1, 2]], as_of=AS_OF)
    with pytest.raises(dsgvo.ScopeDuplicateColumnError):
        dsgvo.scope([[1, 2]], headers=["a", "a"], as_of=AS_OF)
    with pytest.raises(dsgvo.ScopeWindowNotDatesError, match="billing_email"):
        dsgvo.scope(rows()[:3], as_of=AS_OF, window={"column": "billing_email", "from": "2026-11-01T00:00:00Z"})
    with pytest.raises(dsgvo.NaiveDatetimeError):
        dsgvo.scope(rows()[:3], as_of=AS_OF, window={"column": "order_date", "from": dt.datetime(2026, 11, 1)})
    with pytest.raises(dsgvo.UnknownValueError):
        dsgvo.scope(rows()[:3], as_of=AS_OF, overrides={"sku": "shoe_size"})
    a = dsgvo.scope(rows()[:3], as_of=AS_OF, key="customer_id")
    b = dsgvo.scope(rows()[:3], as_of=AS_OF, key="order_id")
    with pytest.raises(dsgvo.ScopeMismatchError):
        a.merge(b)
    with pytest.raises(dsgvo.InvalidArgumentError, match="count twice"):
        a.merge(a)


def test_the_same_table_gives_each_affected_person_one_letter(tmp_path):
    """Art. 34(1): every affected person once, with their own categories;
    the list goes to the letters as it is."""
    table = rows()
    r = dsgvo.recipients(table, as_of=AS_OF, key="customer_id", first_line=2)
    assert len(r) == TRUTH["all"]["subjects"]
    assert r.unreachable == {"count": 0, "lines": []} and r.malformed["count"] == 0
    assert len({p["email"].lower() for p in r}) == len(r)
    assert "@" not in repr(r) and "Kunde" not in repr(r)
    windowed = dsgvo.recipients(table, as_of=AS_OF, key="customer_id", window={
        "column": "order_date", "from": TRUTH["window"]["from"], "until": TRUTH["window"]["until"]})
    assert len(windowed) == TRUTH["window"]["subjects"]
    # The workflow: the scope's facts go into the breach's facts, then the
    # letters (which refuse a recipient with data the breach does not name).
    facts = json.loads((HERE.parent / "cases" / "shipping-label.json").read_text())["facts"]
    facts["data_categories"] = dsgvo.scope(table, as_of=AS_OF, key="customer_id").facts["data_categories"]
    out = tmp_path / "letters.jsonl"
    with open(out, "wb") as f:
        assert dsgvo.write_letters(facts, windowed, f) == len(windowed)
    first = json.loads(out.read_text().splitlines()[0])
    assert first["name"] == windowed.recipients[0]["name"] and first["name"] in first["content"]


def test_recipients_read_the_table_twice_and_say_who_cannot_be_reached():
    with pytest.raises(dsgvo.InvalidArgumentError, match="read only once"):
        dsgvo.recipients(iter(rows()), as_of=AS_OF, key="customer_id")
    r = dsgvo.recipients([{"id": 1, "name": "Erika Muster", "iban": "DE89370400440532013000"},
                          {"id": 2, "name": "", "iban": ""}], as_of=AS_OF, key="id")
    assert r.recipients == [{"name": "Erika Muster", "affected": ["identity", "bank_account"]}]
    assert r.unreachable == {"count": 1, "lines": [2]}
