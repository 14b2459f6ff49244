"""``python -m dsgvo triage FILE [--json] [--lang de|en] [--policy P]`` —
the Rust ``triage`` example for Python: FILE holds breach facts or a case
file (``{"facts": …, "options": …}``). Bad input exits with code 2 and one
line naming the field."""

from __future__ import annotations

import argparse
import json
import sys

import dsgvo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dsgvo")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("triage", help="triage a breach")
    t.add_argument("file")
    t.add_argument("--json", action="store_true", help="print the verdict JSON")
    t.add_argument("--lang", choices=["de", "en"])
    t.add_argument("--policy", choices=["risk_based", "notify_always"])
    t.add_argument("--deadline-rule", choices=["exact_72h", "regulation_1182_71"])
    args = parser.parse_args(argv)
    try:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        print(f"triage: {e}", file=sys.stderr)
        return 2
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    facts, options = text, None
    if isinstance(data, dict) and "facts" in data:
        facts, options = data["facts"], data.get("options")
    try:
        opts = dict(options or {})
        for key, value in (("language", args.lang), ("policy", args.policy), ("deadline_rule", args.deadline_rule)):
            if value:
                opts[key] = value
        if args.json:
            print(dsgvo.triage(facts, options=opts or None).to_json(indent=2))
        else:
            print(dsgvo.report(facts, options=opts or None))
    except dsgvo.DsgvoError as e:
        print(f"triage: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
