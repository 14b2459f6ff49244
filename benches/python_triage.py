"""Per-call cost of ``dsgvo.triage`` and the rate of ``triage_many`` beside
a Python loop over ``triage``. Build the release module first:

    cd dsgvo-py && maturin develop --release && cd ..
    python benches/python_triage.py

Prints medians of 15 batches."""

from __future__ import annotations

import json
import pathlib
import platform
import statistics
import time

import dsgvo

ROOT = pathlib.Path(__file__).resolve().parents[1]
FACTS = json.loads((ROOT / "examples/scenarios/shipping-label.json").read_text())["facts"]
FACTS_JSON = json.dumps(FACTS)


def median_us(call, n: int = 2000) -> float:
    per = []
    for _ in range(15):
        start = time.perf_counter()
        for _ in range(n):
            call()
        per.append((time.perf_counter() - start) / n * 1e6)
    return statistics.median(per)


native = median_us(lambda: dsgvo._dsgvo.triage(FACTS_JSON).to_json())
from_dict = median_us(lambda: dsgvo.triage(FACTS))
from_json = median_us(lambda: dsgvo.triage(FACTS_JSON))
# The verdict's JSON is written only when asked for: what a caller pays who
# reads fields, or stores the verdict.
read_two = median_us(lambda: (lambda v: (v.risk, v.notify_authority))(dsgvo.triage(FACTS)))
stored = median_us(lambda: dsgvo.triage(FACTS).to_json())
batch = [FACTS] * 10_000
start = time.perf_counter()
loop = [dsgvo.triage(f) for f in batch]
loop_s = time.perf_counter() - start
start = time.perf_counter()
many = dsgvo.triage_many(batch)
many_s = time.perf_counter() - start
assert many == loop
print(f"Python {platform.python_version()}, dsgvo {dsgvo.__version__}")
print(f"native _dsgvo.triage (JSON string in and out): {native:6.1f} µs median")
print(f"dsgvo.triage(dict) -> Verdict:                  {from_dict:6.1f} µs median")
print(f"dsgvo.triage(JSON string) -> Verdict:           {from_json:6.1f} µs median")
print(f"dsgvo.triage(dict), then .to_json():            {stored:6.1f} µs median")
print(f"dsgvo.triage(dict), then .risk and .notify_...: {read_two:6.1f} µs median")
print(f"10,000 facts: loop over triage {len(batch) / loop_s:8.0f}/s, triage_many {len(batch) / many_s:8.0f}/s")
