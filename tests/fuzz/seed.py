#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into corpus/<target>/.

Seeds are valid inputs of each door (from tests/cases, the built-in
templates and documents the library itself writes); the fuzzer mutates
them into everything else. Needs the `dsgvo` Python package (tests/run-all.sh
builds it into .venv). Run: .venv/bin/python tests/fuzz/seed.py
"""
import hashlib
import json
import pathlib

import dsgvo

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASES = ROOT / "tests" / "cases"


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = HERE / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


facts_list = [json.load(open(p))["facts"] for p in sorted(CASES.glob("*.json"))]
for facts in facts_list:
    put("triage", json.dumps(facts))
FACTS = facts_list[0]

for options in ['{}', '{"language":"en"}', '{"policy":"notify_always","deadline_rule":"exact"}',
                '{"language":"de","policy":"standard"}']:
    put("options", options)

C = '{"at":"2026-11-20T%s+01:00","actor":"DSB","action":%s}'
scripts = [
    [C % ("09:30:00", '{"type":"assess"}'),
     C % ("10:00:00", '{"type":"notify_authority","phase":"initial"}'),
     C % ("10:30:00", '{"type":"inform_subjects","people":2500}'),
     C % ("11:00:00", '{"type":"close"}')],
    [C % ("09:30:00", '{"type":"assess","options":{"language":"en"}}'),
     C % ("09:40:00", '{"type":"document_only"}')],
    [C % ("09:30:00", '{"type":"assess"}'),
     '{"at":"2026-11-20T09:35:00+01:00","actor":"GF","reason":"Begruendung","action":'
     '{"type":"override_decision","notify_authority":false,"notify_data_subjects":false}}',
     C % ("09:40:00", '{"type":"exempt_subjects","exemption":"encrypted"}'),
     C % ("09:50:00", '{"type":"record_authority_order","order":{"type":"require_communication"}}')],
]
for script in scripts:
    put("case_commands", "\n".join(script))
    for facts in facts_list[:4]:
        aware = facts["aware_at"]
        case = dsgvo.Case.open("2026-017", facts, aware, "DSB")
        for line in script:
            cmd = json.loads(line)
            # Commands at the awareness time plus a few minutes each.
            cmd["at"] = aware
            try:
                case.apply(cmd)
            except dsgvo.DsgvoError:
                pass
        put("case_file", bytes([15]) + case.to_json().encode())

checklist = dsgvo.TomChecklist.baseline("Beispiel Shop GmbH")
put("tom", b"\x00" + checklist.to_json().encode())
first = json.loads(checklist.to_json())["items"][0]["id"]
put("tom", b"\x02" + "\0".join([checklist.to_json(), first, '{"action":"plan"}', "2026-11-20", "DSB"]).encode())
put("tom", b"\x03" + "\0".join([checklist.to_json(), '{"reference":"2026-017"}', json.dumps([first]),
                                 "2026-11-20", "DSB"]).encode())
put("tom", b"\x01" + (ROOT / "dsgvo-core/tests/fixtures/tom-kleiner-shop.md").read_bytes() + b"\0normal")

names = sorted(p.relative_to(ROOT / "dsgvo-core/templates").as_posix()
               for p in (ROOT / "dsgvo-core/templates").rglob("*.*"))
for i, name in enumerate(names):
    put("templates", bytes([i]) + (ROOT / "dsgvo-core/templates" / name).read_bytes())

put("c_strings", b"\x00" + "\0".join(["2026-017", json.dumps(FACTS), FACTS["aware_at"], "DSB"]).encode())
put("c_strings", b'\x01{"german":true,"persons_processing_automatically":20}\0en')
put("c_strings", b"\x02de\0\x00\x00\x00\x01")
put("c_strings", b"\x03[]\0csv")
