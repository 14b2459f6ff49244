"""The calibration cases in tests/cases through the C ABI: each case's
facts go through `test_ffi triage FILE`; the verdict must have the case's
expected values (as tests/calibration.rs checks them through Rust) and be
the whole verdict the Rust library gives (the `triage` example, `--json`),
field for field."""

import json
import pathlib
import subprocess
import sys
import tempfile

binary, cases_dir, rust = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
cases = sorted(cases_dir.glob("*.json"))
assert len(cases) >= 9, f"expected the calibration cases in {cases_dir}"
wrong = []
for case in cases:
    spec = json.loads(case.read_text())
    files = []
    for part in ("facts", "options"):
        if part in spec:
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(spec[part], f)
            files.append(f.name)
    out = subprocess.run([binary, "triage", *files], capture_output=True, text=True)
    for name in files:
        pathlib.Path(name).unlink()
    if out.returncode != 0:
        wrong.append(f"{case.name}: {out.stderr.strip()}")
        continue
    verdict = json.loads(out.stdout)
    reference = subprocess.run([rust, "--json", str(case)], capture_output=True, text=True)
    if reference.returncode != 0:
        wrong.append(f"{case.name}: the Rust example failed: {reference.stderr.strip()}")
    elif json.loads(reference.stdout) != verdict:
        wrong.append(f"{case.name}: the C verdict differs from the Rust verdict")
    for key, want in spec["expected"].items():
        if key == "document":
            got = any(d["duty"] == "document" for d in verdict["duties"])
        elif key == "authority_ids":
            got = [a["id"] for a in verdict["authorities"]]
        elif key == "warning_codes":
            got = [w["code"] for w in verdict.get("warnings", [])]
        else:
            got = verdict.get(key)
        if got != want:
            wrong.append(f"{case.name}: {key} = {got!r}, expected {want!r}")
if wrong:
    sys.exit("\n".join(wrong))
print(f"C ABI: {len(cases)} calibration cases give their expected verdicts, each the whole Rust verdict")
