"""The bad-input matrix (tests/bad_input.json) through the Python door:
every row raises the exception class of its status, with a message, and
hands nothing out; repeating the matrix does not grow the process."""

from __future__ import annotations

import json
import pathlib
import resource

import pytest

import dsgvo

TABLE = json.loads((pathlib.Path(__file__).resolve().parents[1] / "bad_input.json").read_text())
FACTS = TABLE["facts"]
ROWS = [r for r in TABLE["rows"] if "python" not in r.get("not_representable", [])]


def merge(base: dict, patch: dict) -> dict:
    out = dict(base)
    for k, v in patch.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict) and v and not ("min" in v or "max" in v):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def build(spec: dict):
    """The input a row describes, as a Python caller would pass it."""
    if "null" in spec:
        return None
    if "text" in spec:
        return spec["text"]
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if "facts_truncated_to" in spec:
        return json.dumps(FACTS)[: spec["facts_truncated_to"]]
    if "repeat" in spec:
        return spec["repeat"] * spec["times"]
    if "facts_padded_to" in spec:
        text = json.dumps(FACTS)
        return text[:-1] + " " * (spec["facts_padded_to"] - len(text)) + "}"
    if "facts_patch" in spec:
        return json.dumps(merge(FACTS, spec["facts_patch"]))
    if "scope" in spec:
        return spec["scope"]
    if "case_tampered" in spec:
        case = dsgvo.Case.open("2026-017", FACTS, FACTS["aware_at"], "DSB")
        stored = case.to_json()
        t = spec["case_tampered"]
        assert t["replace"] in stored
        return stored.replace(t["replace"], t["with"], 1)
    raise AssertionError(f"unknown input {spec}")


def call(row: dict):
    x = build(row["input"])
    door = row["door"]
    if door == "triage":
        return dsgvo.triage(x)
    if door == "documents":
        return dsgvo.documents(x, now=row["now"])
    if door == "case_load":
        return dsgvo.Case.load(x)
    if door == "case_anchor":  # the anchor after the assessment, the log without it
        full = dsgvo.Case.open("2026-017", FACTS, FACTS["aware_at"], "DSB")
        full.apply(json.loads(x))
        return dsgvo.Case.open("2026-017", FACTS, FACTS["aware_at"], "DSB").check_anchor(full.anchor())
    if door == "register_twice":
        stored = dsgvo.Case.open("2026-017", json.loads(x), FACTS["aware_at"], "DSB").to_json()
        return dsgvo._dsgvo.register_export([stored, stored], 300, "csv")
    if door == "case_apply":
        case = dsgvo.Case.open("2026-017", FACTS, FACTS["aware_at"], "DSB")
        return case.apply(json.loads(x), now=row["now"])
    if door == "register_export":  # the format names are the core's, at every door
        return dsgvo._dsgvo.register_export([], 300, x)
    if door == "scope":
        return dsgvo.scope(x["rows"], first_line=2, **x["options"])
    if door == "recipients":
        return dsgvo.recipients(x["rows"], first_line=2, **x["options"])
    raise AssertionError(f"no Python door for {door}")


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_bad_input_gets_its_specific_error(row):
    expected = dsgvo.BY_CODE[row["status"]]
    with pytest.raises(dsgvo.DsgvoError) as e:
        call(row)
    assert type(e.value) is expected or isinstance(e.value, expected), (type(e.value), row["status"])
    assert e.value.code == row["status"]
    assert str(e.value).strip()


def test_null_is_also_a_type_error_and_bytes_are_json():
    with pytest.raises(TypeError):
        dsgvo.triage(None)
    assert dsgvo.triage(json.dumps(FACTS).encode()).notify_authority


def test_the_matrix_repeated_does_not_grow_the_process():
    def rss_kib() -> int:
        return int(pathlib.Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() // 1024

    rows = [r for r in ROWS if r["id"] != "size_50mb"]
    for row in rows:  # warm up caches and allocator pools
        with pytest.raises(dsgvo.DsgvoError):
            call(row)
    before = rss_kib()
    for _ in range(200):
        for row in rows:
            with pytest.raises(dsgvo.DsgvoError):
                call(row)
    grown = rss_kib() - before
    assert grown < 8 * 1024, f"RSS grew by {grown} KiB over {200 * len(rows)} failing calls"
