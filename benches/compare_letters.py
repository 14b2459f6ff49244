"""Bulk Art. 34 letters from Python, side by side: the library
(``dsgvo.write_letters`` for a print run, and ``dsgvo.letters`` streaming
``Letter`` objects, both rendered in Rust) against the same template
rendered with Jinja2 (what a Python team would write) and a floor that only
writes the same bytes. Every run writes each letter followed by a form feed
to /dev/null through a buffered file.

    python benches/compare_letters.py [N]        (default 800,000)

The Jinja2 run uses the library's own German text template and a context
holding the same values (the advice and consequences are read from the
library's letter for the first recipient); the first letters are checked to
be identical, so both sides do the same work."""

from __future__ import annotations

import json
import pathlib
import sys
import time

import jinja2

import dsgvo

ROOT = pathlib.Path(__file__).resolve().parents[1]
N = int(sys.argv[1]) if len(sys.argv) > 1 else 800_000
facts = json.loads((ROOT / "examples/scenarios/shipping-label.json").read_text())["facts"]
facts["data_subjects"]["count"] = N


def recipients():
    for i in range(N):
        yield {"name": f"Kundin Nr. {i}", "salutation": "Sehr geehrte Frau", "email": f"kundin{i}@example.de"}


def section(letter: str, title: str) -> list[str]:
    lines = letter.split(title, 1)[1].split("\n\n", 1)[0].strip().splitlines()
    return [line[2:] for line in lines if line.startswith("- ")]


first = next(dsgvo.letters(facts, recipients())).content
controller = facts["controller"]
contact = controller.get("contact", {})
context = {
    "breach": {
        "controller": {
            "name": controller["name"],
            "contact_name": contact.get("name"),
            "contact_email": contact.get("email"),
            "contact_phone": contact.get("phone"),
        },
        "confidentiality": "confidentiality" in facts["types"],
        "integrity": "integrity" in facts["types"],
        "summary": facts.get("summary"),
        "title": facts.get("title"),
        "aware_at": first.split("Wir haben davon am ", 1)[1].split(" erfahren.", 1)[0],
        "consequences": section(first, "Was kann das für Sie bedeuten?"),
        "measures_taken": facts.get("measures_taken", []),
        "measures_proposed": facts.get("measures_proposed", []),
    },
    "advice": section(first, "Was Sie jetzt tun können:"),
}
affected = section(first, "Welche Ihrer Daten sind betroffen?")
env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
template = env.from_string((ROOT / "dsgvo-core/templates/de/letter.txt").read_text())


def jinja_letters():
    for r in recipients():
        yield template.render(
            recipient={"greeting": f"{r['salutation']} {r['name']},", "affected": affected}, **context
        )


check = next(jinja_letters())
same = check == first
print(f"Jinja2 letter identical to the library's: {same}")
if not same:
    import difflib

    print("".join(difflib.unified_diff(first.splitlines(True), check.splitlines(True))))
    sys.exit(1)


def run(name: str, letters) -> float:
    start = time.perf_counter()
    total = 0
    with open("/dev/null", "w", encoding="utf-8", buffering=1 << 20) as out:
        for text in letters:
            total += out.write(text)
            total += out.write("\f")
    seconds = time.perf_counter() - start
    print(f"{name:<44} {seconds:8.2f} s  {N / seconds:10.0f} letters/s  {total / 2**20:8.0f} MiB")
    return seconds


print(f"{N:,} letters, Python {sys.version.split()[0]}, dsgvo {dsgvo.__version__}, jinja2 {jinja2.__version__}")
floor = run("floor: write the same bytes", (first for _ in range(N)))
start = time.perf_counter()
with open("/dev/null", "wb", buffering=1 << 20) as out:
    written = dsgvo.write_letters(facts, recipients(), out, layout="print")
bulk = time.perf_counter() - start
assert written == N
print(f"{'dsgvo.write_letters (Rust, print layout)':<44} {bulk:8.2f} s  {N / bulk:10.0f} letters/s")
library = run("dsgvo.letters (Letter objects, streamed)", (l.content for l in dsgvo.letters(facts, recipients())))
jinja = run("Jinja2, same template and values", jinja_letters())
print(f"write_letters is {jinja / bulk:.1f}x faster than Jinja2 ({bulk / floor:.1f}x the floor); "
      f"letters is {jinja / library:.1f}x faster")
