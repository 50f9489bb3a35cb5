#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Seed corpora for the fuzz harnesses, made from the repository's own data:

    /usr/bin/python3 fuzz/make_seeds.py OUTPUT_DIR

case: every case of the conformance set (tests/conformance), good and bad; register: the sample register
(examples/data) as NDJSON and CSV; govuk: GOV.UK documents built from the official list; calendar_json,
overlay, date, capi_sequence: the documented examples and edge values. Harnesses read their options from
the end of the input (libFuzzer's FuzzedDataProvider), so each seed carries a trailer that decodes to
sensible options: a seed the harness rejects on its first check would teach the fuzzer nothing.
"""

import csv
import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EPOCH = datetime.date(1970, 1, 1)


def day(iso):
    return (datetime.date.fromisoformat(iso) - EPOCH).days


def trailer(*fields):
    """Bytes that FuzzedDataProvider.ConsumeIntegralInRange decodes, in order, to the given offsets.

    Each field is (range, offset): the harness asks for a value in [min, min + range] and gets min + offset.
    The provider reads integrals from the end of the input backwards, most significant byte first."""
    consumed = b""
    for span, offset in fields:
        size = (span.bit_length() + 7) // 8
        consumed += offset.to_bytes(size, "big")
    return consumed[::-1]


def write(directory, name, data):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def conformance_cases():
    for folder in ("cases", "bad"):
        for path in sorted((ROOT / "tests" / "conformance" / folder).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            text = record.get("case_text")
            if text is None:
                text = json.dumps(record["case"], ensure_ascii=False)
            yield path.stem, text, record.get("as_of", "2025-06-30"), record.get("rules", "hoc")


def main():
    out = Path(sys.argv[1])
    rule_sets = ["hoc", "hoc-2024", "hoc-2022", "spso"]

    # case: which rule set (0-3), as_of (-30000..90000), then the case text.
    for name, text, as_of, rules in conformance_cases():
        which = rule_sets.index(rules) if rules in rule_sets else 0
        write(out / "case", name, text.encode("utf-8") + trailer((3, which), (120000, day(as_of) + 30000)))

    # register: csv?, chunk size, flags, from, to - from, homes; landlord; evidence?; the register.
    lines = (ROOT / "examples" / "data" / "register.ndjson").read_text(encoding="utf-8").splitlines(keepends=True)
    register_csv = (ROOT / "examples" / "data" / "register.csv").read_bytes()
    year = day("2025-04-01") - 19000
    for name, body, is_csv, chunk in (("ndjson-200", "".join(lines[:200]).encode(), 0, 64),
                                      ("ndjson-20-chunks-of-7", "".join(lines[:20]).encode(), 0, 6),
                                      ("csv", register_csv, 1, 1)):
        options = trailer((255, is_csv), (299, chunk), (15, 0), (2000, year), (802, 367), (100001, 12001), (255, 0))
        write(out / "register", name, b"Riverside Vale Homes\\n" + body + options)
    evidence = (ROOT / "examples" / "data" / "evidence.json").read_bytes().replace(b"\\", b"")
    write(out / "register", "ndjson-with-evidence",
          b"Riverside\\n" + evidence + b"\\n" + "".join(lines[:50]).encode()
          + trailer((255, 0), (299, 100), (15, 8), (2000, year), (802, 364), (100001, 5001), (255, 1)))

    # govuk: a version string, then GOV.UK documents for a few years of each division.
    official = list(csv.DictReader(open(ROOT / "data" / "calendars" / "bank-holidays-official.csv", encoding="utf-8")))
    for first, last in ((2024, 2026), (2012, 2028), (2020, 2020)):
        document = {}
        for division in ("england-and-wales", "scotland", "northern-ireland"):
            events = [{"title": r["title"], "date": r["date"], "notes": r["notes"], "bunting": True}
                      for r in official if r["division"] == division and first <= int(r["date"][:4]) <= last]
            document[division] = {"division": division, "events": events}
        write(out / "govuk", f"official-{first}-{last}", b"govuk-seed\\n" + json.dumps(document, ensure_ascii=False).encode())

    # calendar_json: the documented example and variants, then bytes for the arithmetic rounds.
    rounds = trailer((110035, 45000), (800, 405), (110035, 60000), (800, 395), (440, 100))
    documents = [
        {"name": "Acme Homes", "base": "england-and-wales", "working_week": ["mon", "tue", "wed", "thu", "fri"],
         "closures": [{"date": "2025-07-04", "name": "Staff training day"},
                      {"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}],
         "extra_bank_holidays": [{"date": "2027-06-07", "name": "A newly announced one-off"}],
         "removed": ["2026-05-04"], "data_version": "acme-2025-11"},
        {"base": "scotland", "working_week": ["Monday", "Tuesday", "Wednesday", "Thursday"]},
        {"base": "northern-ireland", "working_week": ["sat", "sun"], "closures": [{"from": "1900-01-01", "to": "1900-03-01", "name": "x"}]},
        {"base": "england-and-wales", "govuk": json.loads((out / "govuk" / "official-2024-2026").read_bytes()[12:])},
        {"base": "england-and-wales", "unknown_field": {"kept": [1, 2.5, "x"]}},
    ]
    for i, document in enumerate(documents):
        write(out / "calendar_json", f"doc-{i}", json.dumps(document, ensure_ascii=False).encode() + b"\\x" + rounds)

    # overlay: the documented overlays.
    overlays = [
        {"name": "St Mungo's", "base": "hoc-2024", "targets": {"stage2_acknowledgement": 2, "stage1_response": 8},
         "receipt": {"non_working_day": "next_working_day", "cutoff": "16:00"}},
        {"name": "Loose", "base": "hoc-2024", "targets": {"stage1_response": 12}},
        {"name": "Scottish", "base": "spso", "targets": {}},
        {"name": "Old", "base": "hoc-2022", "receipt": {"cutoff": "23:59"}},
    ]
    for i, overlay in enumerate(overlays):
        write(out / "overlay", f"overlay-{i}", json.dumps(overlay))

    # date: edge values of every date form chc reads.
    for i, text in enumerate(["2024-12-20", "1900-01-01", "2199-12-31", "2023-02-29", "2024-02-29", "2025-13-01",
                              "2025-03-07T17:45:00Z", "2025-06-13T23:30:00+01:00", "2025-03-30T01:30:00Z",
                              "2025-10-26T01:30:00.123456Z", " 2024-12-20", "20241220", "-0001-01-01"]):
        write(out / "date", f"date-{i}", text.encode() + trailer((2**32 - 1, 2024), (2**32 - 1, 12), (2**32 - 1, 20)))

    # capi_sequence: byte patterns that walk the operations.
    write(out / "capi_sequence", "every-op", bytes(range(256)) * 4)
    write(out / "capi_sequence", "descending", bytes(reversed(range(256))) * 4)
    print(f"seeds written to {out}")


if __name__ == "__main__":
    main()
