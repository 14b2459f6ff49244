#!/usr/bin/env python3
"""Writes the scoping test data set: fake customers of a fake shop, never
real data, with the truth the scoping must recover (issue 20).

    python3 tests/scope/make_people.py    # rewrites orders.csv and truth.json

Names are drawn from short lists, e-mail addresses use the reserved domain
example.org (RFC 2606), card numbers are the schemes' test numbers, IBANs
are built with their own check digits. The seed is fixed, so the files are
the same on every run; `dsgvo-core/tests/scope.rs` reads them.
"""
import csv
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261203
PEOPLE = 700
ORDERS = 2000
AS_OF = (2026, 11, 20)

FIRST = ["Erika", "Max", "Anna", "Jonas", "Lea", "Paul", "Mia", "Felix", "Emma", "Lukas"]
LAST = ["Mustermann", "Musterfrau", "Beispiel", "Probe", "Test", "Muster", "Schmidt", "Meyer"]
COUNTRIES = ["DE", "DE", "DE", "AT", "AT", "FR", "NL"]
CARDS = ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"]


def iban_de(account):
    bban = f"37040044{account:010d}"
    digits = "".join(str(int(c, 36)) for c in bban + "DE00")
    check = 98 - int(digits) % 97
    return f"DE{check:02d}{bban}"


def main():
    rng = random.Random(SEED)
    people = []
    for i in range(PEOPLE):
        year = rng.choice([rng.randint(1950, 2005), rng.randint(2009, 2012)])
        born = (year, rng.randint(1, 12), rng.randint(1, 28))
        people.append({
            "id": 10000 + i,
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "email": f"kunde{i}@example.org",
            "born": born,
            "country": rng.choice(COUNTRIES),
            "iban": iban_de(rng.randint(1, 10**9)),
        })
    rows = []
    for n in range(ORDERS):
        p = people[n % PEOPLE] if n < PEOPLE else rng.choice(people)
        day = rng.randint(1, 30)
        rows.append({
            "order_id": 500000 + n,
            "customer_id": p["id"],
            "billing_email": p["email"].upper() if n % 7 == 0 else p["email"],
            "billing_first_name": p["name"],
            "billing_country": p["country"],
            "date_of_birth": "%02d.%02d.%04d" % (p["born"][2], p["born"][1], p["born"][0]),
            "iban": p["iban"],
            "card_last4": "**** **** **** " + rng.choice(CARDS)[-4:],
            "order_date": "2026-11-%02d 10:%02d:00" % (day, n % 60),
            "order_total": "%d.%02d" % (rng.randint(5, 300), rng.randint(0, 99)),
            "customer_note": rng.choice(["", "", "Bitte beim Nachbarn abgeben, falls niemand zu Hause ist."]),
            "sku": f"SKU-{rng.randint(100, 999)}",
        })
    with open(HERE / "orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter=";")
        w.writeheader()
        w.writerows(rows)

    def minor(born):
        y, m, d = born
        age = AS_OF[0] - y - ((AS_OF[1], AS_OF[2]) < (m, d))
        return age < 18

    def truth(selected):
        ids = {r["customer_id"] for r in selected}
        chosen = [p for p in people if p["id"] in ids]
        return {
            "records": len(selected),
            "subjects": len(ids),
            "minors": sum(1 for p in chosen if minor(p["born"])),
            "residence": sorted({p["country"] for p in chosen}),
        }

    in_window = [r for r in rows if "2026-11-10" <= r["order_date"][:10] < "2026-11-20"]
    out = {
        "as_of": "%04d-%02d-%02d" % AS_OF,
        "all": truth(rows),
        "window": {"from": "2026-11-10T00:00:00+01:00", "until": "2026-11-20T00:00:00+01:00", **truth(in_window)},
        "categories": ["identity", "contact", "order", "communications", "financial", "bank_account"],
        "kinds": {
            "order_id": "order", "customer_id": "customer_id", "billing_email": "email",
            "billing_first_name": "name", "billing_country": "country", "date_of_birth": "birth_date",
            "iban": "iban", "card_last4": "masked_card", "order_date": "order", "order_total": "order",
            "customer_note": "free_text", "sku": "other",
        },
    }
    (HERE / "truth.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
