# SPDX-License-Identifier: MIT
"""The bad-input matrix: every row of docs/bad-input.md is run here against the raw C ABI.

The document is the contract: each row names an input surface, a kind of badness, the CHC_E_* code and words the
message must contain. This file holds only the inputs (one function per row id) and fails when a row has no input,
an input has no row, or the library answers differently from the document. Handles cross as plain void pointers,
as any ctypes caller would pass them, so type confusion reaches the library instead of stopping in ctypes.
"""

import contextlib
import ctypes
import json
import re
from ctypes import POINTER, byref, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint32, c_void_p

import pytest

from conftest import REPOSITORY

MATRIX = REPOSITORY / "docs" / "bad-input.md"
CODES = {"CHC_OK": 0, "CHC_E_NULL": -1, "CHC_E_INVALID": -2, "CHC_E_JSON": -3, "CHC_E_DATE": -4, "CHC_E_RANGE": -5,
         "CHC_E_OVERFLOW": -6, "CHC_E_UNKNOWN_NAME": -7, "CHC_E_NOMEM": -8, "CHC_E_SCHEMA": -9, "CHC_E_LIMIT": -10,
         "CHC_E_INTERNAL": -11}
CHC_STRICT = 0x40000000
CHC_IMPORT_FILE_WINS = 0x1
MB = 1 << 20
HUNDRED_MB = 100 * MB


class ReportOptions(ctypes.Structure):
    # Mirrors chc_report_options in include/chc/chc.h (written out here, not taken from the package).
    _fields_ = [("size", c_uint32), ("flags", c_uint32), ("from_", c_int32), ("to", c_int32), ("homes", c_int64),
                ("homes_lcra", c_int64), ("homes_lcho", c_int64), ("landlord", c_char_p),
                ("evidence_json", c_char_p), ("evidence_len", c_size_t), ("compliance_threshold", ctypes.c_double)]


def report_options(**fields):
    options = ReportOptions(size=ctypes.sizeof(ReportOptions), from_=20179, to=20543)  # 2025-04-01..2026-03-31
    for name, value in fields.items():
        setattr(options, name, value)
    return options


class EvaluateOptions(ctypes.Structure):
    _fields_ = [("size", c_uint32), ("flags", c_uint32)]


class Raw:
    """libchc with every handle as void*, and no error checking: each call gives back its code."""

    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        v, i32, sz, s = c_void_p, c_int32, c_size_t, c_char_p
        prototypes = {
            "chc_last_error": (c_char_p, ()),
            "chc_day_parse": (c_int, (POINTER(c_int32), s)),
            "chc_day_format": (c_int, (v, sz, i32)),
            "chc_timestamp_to_day": (c_int, (POINTER(c_int32), s)),
            "chc_calendar_builtin": (c_int, (POINTER(v), s)),
            "chc_calendar_from_json": (c_int, (POINTER(v), s, sz)),
            "chc_calendar_import_govuk": (c_int, (POINTER(v), v, s, sz, s)),
            "chc_calendar_from_json_ex": (c_int, (POINTER(v), s, sz, c_uint32)),
            "chc_calendar_import_govuk_ex": (c_int, (POINTER(v), v, s, sz, s, c_uint32)),
            "chc_calendar_free": (None, (v,)),
            "chc_calendar_is_working_day": (c_int, (POINTER(c_int), v, i32)),
            "chc_calendar_add_working_days": (c_int, (POINTER(c_int32), v, i32, i32)),
            "chc_calendar_count_working_days": (c_int, (POINTER(c_int32), v, i32, i32)),
            "chc_calendar_add_working_days_batch": (c_int, (v, v, v, v, sz)),
            "chc_calendar_add_working_days_batch64": (c_int, (v, v, v, v, sz, sz)),
            "chc_calendar_holidays_json": (c_int, (POINTER(v), v, i32, i32)),
            "chc_calendar_info_json": (c_int, (POINTER(v), v)),
            "chc_ruleset_builtin": (c_int, (POINTER(v), s)),
            "chc_ruleset_from_json": (c_int, (POINTER(v), s, sz)),
            "chc_ruleset_free": (None, (v,)),
            "chc_ruleset_info_json": (c_int, (POINTER(v), v)),
            "chc_evaluate": (c_int, (POINTER(v), v, v, s, sz, i32)),
            "chc_evaluate_ex": (c_int, (POINTER(v), v, v, s, sz, i32, POINTER(EvaluateOptions))),
            "chc_case_normalize": (c_int, (POINTER(v), s, sz)),
            "chc_cases_from_csv": (c_int, (POINTER(v), s, sz)),
            "chc_report_begin": (c_int, (POINTER(v), v, v, POINTER(ReportOptions))),
            "chc_report_add_case": (c_int, (v, s, sz)),
            "chc_report_add_ndjson": (c_int, (v, s, sz)),
            "chc_report_add_csv": (c_int, (v, s, sz)),
            "chc_report_finish": (c_int, (POINTER(v), v, c_int)),
            "chc_report_free": (None, (v,)),
            "chc_string_free": (None, (v,)),
        }
        for name, (restype, argtypes) in prototypes.items():
            function = getattr(self.lib, name)
            function.restype, function.argtypes = restype, argtypes

    def __getattr__(self, name):
        return getattr(self.lib, name)

    def error(self):
        return self.lib.chc_last_error().decode("utf-8")

    def handle(self, maker, *arguments):
        out = c_void_p()
        assert getattr(self.lib, maker)(byref(out), *arguments) == 0, self.error()
        return out

    def text(self, function, *arguments):
        """(code, message): the returned text on success (freed here), chc_last_error() on failure."""
        out = c_void_p()
        code = getattr(self.lib, function)(byref(out), *arguments)
        if code != 0:
            assert not out.value, "a failing call wrote its output"
            return code, self.error()
        text = ctypes.string_at(out.value).decode("utf-8")
        self.lib.chc_string_free(out)
        return code, text


@pytest.fixture(scope="module")
def raw(chc):
    return Raw(chc.library_path)


@pytest.fixture(scope="module")
def england(raw):
    cal = raw.handle("chc_calendar_builtin", b"england-and-wales")
    yield cal
    raw.chc_calendar_free(cal)


@pytest.fixture(scope="module")
def code2024(raw):
    rules = raw.handle("chc_ruleset_builtin", b"hoc-2024")
    yield rules
    raw.chc_ruleset_free(rules)


# ---------------------------------------------------------------------------------------------------------------
# The inputs, one per row. Each returns (code, message): the message is chc_last_error() after a failure, or for
# rows where bad input is reported rather than refused (a register's bad lines) the text the report gives.

ROWS = {}


def row(name):
    def register(function):
        assert name not in ROWS, name
        ROWS[name] = function
        return function
    return register


def parse_day(raw, text):
    out = c_int32(-12345)
    code = raw.chc_day_parse(byref(out), text)
    if code != 0:
        assert out.value == -12345, "a failing chc_day_parse wrote its output"
    return code, raw.error() if code else str(out.value)


def from_json(raw, maker, text):
    out = c_void_p()
    code = getattr(raw, maker)(byref(out), text, len(text))
    assert not out.value or code == 0
    if code == 0:
        (raw.chc_calendar_free if "calendar" in maker else raw.chc_ruleset_free)(out)
        return code, ""
    return code, raw.error()


def calendar_json(raw, text):
    return from_json(raw, "chc_calendar_from_json", text)


def overlay_json(raw, text):
    return from_json(raw, "chc_ruleset_from_json", text)


def govuk(raw, england, text, version=b"test"):
    out = c_void_p()
    code = raw.chc_calendar_import_govuk(byref(out), england, text, len(text), version)
    if code == 0:
        raw.chc_calendar_free(out)
        return code, ""
    return code, raw.error()


def warnings_of(raw, code, out):
    """(code, the calendar's warnings one a line) for a calendar just made, freed here; chc_last_error() on failure."""
    if code != 0:
        assert not out.value, "a failing call wrote its output"
        return code, raw.error()
    try:
        info_code, info = raw.text("chc_calendar_info_json", out)
        assert info_code == 0, info
        return code, "\n".join(json.loads(info)["warnings"])
    finally:
        raw.chc_calendar_free(out)


def calendar_warnings(raw, text, flags=0):
    out = c_void_p()
    return warnings_of(raw, raw.chc_calendar_from_json_ex(byref(out), text, len(text), flags), out)


def govuk_warnings(raw, base, text, flags=0):
    out = c_void_p()
    return warnings_of(raw, raw.chc_calendar_import_govuk_ex(byref(out), base, text, len(text), None, flags), out)


def govuk_copy(name):
    """A real older GOV.UK bank-holidays.json kept in tests/data/govuk (see the README there)."""
    return (REPOSITORY / "tests" / "data" / "govuk" / name).read_bytes()


def evaluate(raw, code2024, text, as_of=20500):
    if isinstance(text, dict):
        text = json.dumps(text).encode()
    return raw.text("chc_evaluate", code2024, None, text, len(text), as_of)


def deep(n, inner=b"1"):
    return b"[" * n + inner + b"]" * n


def govuk_doc(events):
    return json.dumps({"england-and-wales": {"division": "england-and-wales", "events": events}}).encode()


CASE = {"id": "C1", "received": "2025-06-02", "events": []}


def case_with(**fields):
    return dict(CASE, **fields)


@contextlib.contextmanager
def fresh_report(raw, code2024):
    report = c_void_p()
    options = report_options()
    assert raw.chc_report_begin(byref(report), code2024, None, byref(options)) == 0, raw.error()
    try:
        yield report
    finally:
        raw.chc_report_free(report)


def report_of(raw, code2024, add, text):
    """Adds a register to a fresh report; (code of the add, the report's rejected lines and counts as JSON)."""
    with fresh_report(raw, code2024) as report:
        added = getattr(raw, add)(report, text, len(text))
        if added != 0:
            return added, raw.error()
        code, out = raw.text("chc_report_finish", report, 0)
        assert code == 0, out
        data = json.loads(out)["input"]
        return 0, json.dumps({"read": data["cases_read"], "rejected": data["rejected"]})


def good_line(n):
    return json.dumps({"id": f"G{n}", "received": "2025-06-02", "events": []})


# Date text ------------------------------------------------------------------------------------------------------

@row("date-truncated")
def _(raw): return parse_day(raw, b"2024-12-")

@row("date-wrong-type")
def _(raw): return parse_day(raw, b"tomorrow")

@row("date-not-a-day")
def _(raw): return parse_day(raw, b"2023-02-29")

@row("date-invalid-utf8")
def _(raw): return parse_day(raw, b"2024-\xff\xfe-01")

@row("date-huge-year")
def _(raw): return parse_day(raw, b"99999999999999999999-01-01")

@row("date-outside-calendar-range")
def _(raw, england):
    code, day = parse_day(raw, b"1899-12-31")
    assert code == 0 and day == str(-25568)  # plain date arithmetic: any year 0000-9999
    out = c_int(7)
    return raw.chc_calendar_is_working_day(byref(out), england, int(day)), raw.error()

@row("date-100mb")
def _(raw): return parse_day(raw, b"2" * HUNDRED_MB)

@row("timestamp-no-offset")
def _(raw):
    out = c_int32()
    code = raw.chc_timestamp_to_day(byref(out), b"2024-03-31T01:30:00")
    return code, raw.error()

@row("timestamp-bad-offset")
def _(raw):
    out = c_int32()
    code = raw.chc_timestamp_to_day(byref(out), b"2024-03-31T01:30:00+25:00")
    return code, raw.error()

# Day numbers ----------------------------------------------------------------------------------------------------

@row("day-out-of-range")
def _(raw, england):
    out = c_int32()
    return raw.chc_calendar_add_working_days(byref(out), england, 2 ** 31 - 1, 1), raw.error()

@row("day-step-huge")
def _(raw, england):
    out = c_int32()
    return raw.chc_calendar_add_working_days(byref(out), england, 20000, 2 ** 31 - 1), raw.error()

@row("day-format-small-buffer")
def _(raw):
    buffer = ctypes.create_string_buffer(b"untouched", 10)
    code = raw.chc_day_format(buffer, 10, 20000)
    assert buffer.value == b"untouched"
    return code, raw.error()

@row("holidays-range-reversed")
def _(raw, england):
    return raw.text("chc_calendar_holidays_json", england, 20100, 20000)

@row("batch-n-count")
def _(raw, england):
    days = (c_int64 * 3)(20000, 20001, 20002)
    steps = (c_int64 * 2)(1, 2)
    out = (c_int64 * 3)()
    return raw.chc_calendar_add_working_days_batch64(out, england, days, steps, 2, 3), raw.error()

@row("batch-null-array")
def _(raw, england):
    out = (c_int32 * 3)()
    return raw.chc_calendar_add_working_days_batch(out, england, None, None, 3), raw.error()

@row("batch-day-out-of-range")
def _(raw, england):
    days = (c_int32 * 3)(20000, 2 ** 31 - 1, 20002)
    steps = (c_int32 * 3)(1, 1, 1)
    out = (c_int32 * 3)(7, 7, 7)
    code = raw.chc_calendar_add_working_days_batch(out, england, days, steps, 3)
    assert list(out) == [7, 7, 7], "a failing batch wrote part of its output"
    return code, raw.error()

# Calendar JSON --------------------------------------------------------------------------------------------------

@row("calendar-truncated")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "closures": [')

@row("calendar-not-json")
def _(raw): return calendar_json(raw, b"base=england-and-wales")

@row("calendar-empty")
def _(raw): return calendar_json(raw, b"")

@row("calendar-wrong-type")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "closures": {"date": "2025-07-04"}}')

@row("calendar-unknown-base")
def _(raw): return calendar_json(raw, b'{"base": "wales"}')

@row("calendar-invalid-utf8")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "closures": [{"date": "2025-07-04", "name": "\xc3\x28"}]}')

@row("calendar-huge-number")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "closures": [{"date": 1e400, "name": "x"}]}')

@row("calendar-date-out-of-range")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "closures": [{"date": "2300-01-01", "name": "x"}]}')

@row("calendar-not-a-day")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "closures": [{"date": "2025-02-30", "name": "x"}]}')

@row("calendar-deep")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "x": ' + deep(100_000) + b"}")

@row("calendar-100mb")
def _(raw): return calendar_json(raw, b'{"base": "england-and-wales", "note": "' + b"x" * HUNDRED_MB + b'"}')

@row("calendar-too-many-days")
def _(raw):
    everything = b'{"from": "1900-01-01", "to": "2199-12-31", "name": "closed"}'  # 109,572 days
    return calendar_json(raw, b'{"base": "england-and-wales", "closures": [' + everything + b", " + everything + b"]}")

@row("calendar-flags-unknown")
def _(raw): return calendar_warnings(raw, b'{"base": "england-and-wales"}', 1 << 5)

# GOV.UK import --------------------------------------------------------------------------------------------------

@row("govuk-truncated")
def _(raw, england): return govuk(raw, england, govuk_doc([{"title": "x", "date": "2030-01-01"}])[:-20])

@row("govuk-wrong-type")
def _(raw, england): return govuk(raw, england, b'{"england-and-wales": {"division": "england-and-wales", "events": {}}}')

@row("govuk-invalid-utf8")
def _(raw, england):
    return govuk(raw, england, b'{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "\xff", "date": "2030-01-01"}]}}')

@row("govuk-version-invalid-utf8")
def _(raw, england): return govuk(raw, england, govuk_doc([]), b"v\xff1")

@row("govuk-version-too-long")
def _(raw, england): return govuk(raw, england, govuk_doc([]), b"v" * 300)

@row("govuk-date-out-of-range")
def _(raw, england):
    text = govuk_doc([{"title": "Far", "date": "2500-01-01"}, {"title": "Near", "date": "2030-01-01"}])
    out = c_void_p()
    code = raw.chc_calendar_import_govuk(byref(out), england, text, len(text), b"v")
    if code != 0:
        return code, raw.error()
    try:
        return raw.text("chc_calendar_info_json", out)
    finally:
        raw.chc_calendar_free(out)

@row("govuk-deep")
def _(raw, england): return govuk(raw, england, b'{"england-and-wales": ' + deep(100_000) + b"}")

@row("govuk-100mb")
def _(raw, england):
    return govuk(raw, england, govuk_doc([{"title": "x" * HUNDRED_MB, "date": "2030-01-01"}]))

@row("govuk-null-base")
def _(raw):
    out = c_void_p()
    text = govuk_doc([])
    return raw.chc_calendar_import_govuk(byref(out), None, text, len(text), b"v"), raw.error()

@pytest.fixture(scope="module")
def scotland(raw):
    cal = raw.handle("chc_calendar_builtin", b"scotland")
    yield cal
    raw.chc_calendar_free(cal)

@row("govuk-conflict-kept")
def _(raw, scotland): return govuk_warnings(raw, scotland, govuk_copy("bank-holidays-2025-08-17.json"))

@row("govuk-conflict-file-wins")
def _(raw, scotland):
    return govuk_warnings(raw, scotland, govuk_copy("bank-holidays-2025-08-17.json"), CHC_IMPORT_FILE_WINS)

@row("govuk-conflict-strict")
def _(raw, scotland): return govuk_warnings(raw, scotland, govuk_copy("bank-holidays-2025-08-17.json"), CHC_STRICT)

@row("govuk-flags-unknown")
def _(raw, england): return govuk_warnings(raw, england, govuk_doc([]), 1 << 5)

# Rule-set overlay -----------------------------------------------------------------------------------------------

@row("overlay-truncated")
def _(raw): return overlay_json(raw, b'{"base": "hoc-2024", "name": "Acme"')

@row("overlay-wrong-type")
def _(raw): return overlay_json(raw, b'{"base": "hoc-2024", "name": 7}')

@row("overlay-unknown-base")
def _(raw): return overlay_json(raw, b'{"base": "hoc-2031", "name": "Acme"}')

@row("overlay-invalid-utf8")
def _(raw): return overlay_json(raw, b'{"base": "hoc-2024", "name": "Acme \xe2\x82"}')

@row("overlay-huge-number")
def _(raw):
    return overlay_json(raw, b'{"base": "hoc-2024", "name": "Acme", "targets": {"stage1_response": 1e30}}')

@row("overlay-deep")
def _(raw): return overlay_json(raw, b'{"base": "hoc-2024", "x": ' + deep(100_000) + b"}")

@row("overlay-100mb")
def _(raw): return overlay_json(raw, b'{"base": "hoc-2024", "name": "' + b"x" * HUNDRED_MB + b'"}')

# Case JSON (chc_evaluate) ---------------------------------------------------------------------------------------

@row("case-truncated")
def _(raw, code2024): return evaluate(raw, code2024, b'{"id": "C1", "received": "2025-06-02", "events": [')

@row("case-wrong-type")
def _(raw, code2024): return evaluate(raw, code2024, case_with(events={"type": "acknowledged"}))

@row("case-missing-field")
def _(raw, code2024): return evaluate(raw, code2024, {"id": "C1", "events": []})

@row("case-invalid-utf8")
def _(raw, code2024): return evaluate(raw, code2024, b'{"id": "C1", "received": "2025-06-02", "crm_note": "\xed\xa0\x80", "events": []}')

@row("case-huge-number")
def _(raw, code2024):
    return evaluate(raw, code2024, case_with(events=[{"type": "extension", "date": "2025-06-05", "stage": 1,
                                                      "working_days": 1e30, "reason": "x"}]))

@row("case-huge-integer")
def _(raw, code2024):
    return evaluate(raw, code2024, b'{"id": "C1", "received": "2025-06-02", "events": [{"type": "extension", '
                                   b'"date": "2025-06-05", "stage": 1, "working_days": 99999999999999999999999, "reason": "x"}]}')

@row("case-date-out-of-range")
def _(raw, code2024): return evaluate(raw, code2024, case_with(received="2300-06-02"))

@row("case-not-a-day")
def _(raw, code2024): return evaluate(raw, code2024, case_with(received="2025-13-01"))

@row("case-deep")
def _(raw, code2024):
    return evaluate(raw, code2024, b'{"id": "C1", "received": "2025-06-02", "events": [], "crm": ' + deep(100_000) + b"}")

@row("case-over-1mib")
def _(raw, code2024): return evaluate(raw, code2024, case_with(crm_note="x" * MB))

@row("case-100mb")
def _(raw, code2024): return evaluate(raw, code2024, case_with(crm_note="x" * HUNDRED_MB))

@row("case-too-many-events")
def _(raw, code2024):
    events = [{"type": "update_sent", "date": "2025-06-03"}] * 10_001
    return evaluate(raw, code2024, case_with(events=events))

@row("case-duplicate-key")
def _(raw, code2024): return evaluate(raw, code2024, b'{"id": "C1", "received": "2025-06-02", "received": "2025-06-09", "events": []}')

@row("case-unknown-calendar")
def _(raw, code2024): return evaluate(raw, code2024, case_with(calendar="atlantis"))

@row("case-as-of-out-of-range")
def _(raw, code2024): return evaluate(raw, code2024, case_with(), as_of=2 ** 31 - 1)

@row("case-unknown-fields-kept")
def _(raw, code2024):
    text = b'{"id": "C1", "crm": {"flags": [1, 2.50, "\\u00e9"], "owner": null}, "received": "2025-06-02", "events": []}'
    code, normalized = raw.text("chc_case_normalize", text, len(text))
    assert json.loads(normalized)["crm"] == {"flags": [1, 2.5, "\u00e9"], "owner": None}
    assert b'[1, 2.50, "\\u00e9"]' in normalized.encode()  # kept as written, not reformatted
    return code, "kept"

@row("case-input-unchanged")
def _(raw, code2024):
    text = b'{"id": "C1", "received": "2025-06-02", "crm": {"x": 1.50}, "events": [{"type": "acknowledged", "stage": 1, "date": "2025-06-03"}]}'
    buffer = ctypes.create_string_buffer(text, len(text))
    code, answer = raw.text("chc_evaluate", code2024, None, buffer, len(text), 20500)
    assert buffer.raw == text, "chc_evaluate changed the caller's bytes"
    return code, answer

# Registers (reports) --------------------------------------------------------------------------------------------

@row("ndjson-bad-lines")
def _(raw, code2024):
    text = "\n".join([good_line(1), '{"id": "B1", "received": "2025-06-3"', good_line(2), "not json", good_line(3)])
    return report_of(raw, code2024, "chc_report_add_ndjson", text.encode())

@row("ndjson-100mb-line")
def _(raw, code2024):
    text = (good_line(1) + "\n" + '{"id": "B1", "note": "' + "x" * HUNDRED_MB + '"}\n' + good_line(2) + "\n").encode()
    return report_of(raw, code2024, "chc_report_add_ndjson", text)

@row("ndjson-invalid-utf8")
def _(raw, code2024):
    text = good_line(1).encode() + b'\n{"id": "\xff\xfe", "received": "2025-06-02", "events": []}\n'
    return report_of(raw, code2024, "chc_report_add_ndjson", text)

@row("register-input-unchanged")
def _(raw, code2024):
    text = ("\n".join([good_line(1), "not json", good_line(2)]) + "\n").encode()
    buffer = ctypes.create_string_buffer(text, len(text))
    result = report_of(raw, code2024, "chc_report_add_ndjson", buffer)
    assert buffer.raw == text, "a report changed the caller's bytes"
    return result

@row("csv-bad-row")
def _(raw, code2024):
    text = b"id,received,stage1_responded\nA1,2025-06-02,2025-06-10\nA2,02/06/2025,\nA3,2025-06-02,\n"
    return report_of(raw, code2024, "chc_report_add_csv", text)

@row("csv-unclosed-quote")
def _(raw, code2024):
    text = b'id,received,notes\nA1,2025-06-02,fine\nA2,2025-06-02,"never closed\n' + b"x" * (2 * MB) + b"\n"
    return report_of(raw, code2024, "chc_report_add_csv", text)

@row("csv-header-too-long")
def _(raw, code2024):
    return report_of(raw, code2024, "chc_report_add_csv", b"id,received," + b"x" * (2 * MB) + b"\nA1,2025-06-02,\n")

@row("csv-float-days")
def _(raw, code2024):
    text = (b"id,received,stage1_extension_date,stage1_extension_days\n"
            b"A1,2025-06-02,2025-06-05,10.0\nA2,2025-06-02,2025-06-05,10.5\n")
    return report_of(raw, code2024, "chc_report_add_csv", text)

@row("cases-from-csv-bad-row")
def _(raw):
    text = (b"id,received,stage1_extension_date,stage1_extension_days\n"
            b"A,2025-06-02,,\nB,2025-06-02,2025-06-05,2.5\nC,2025-06-02,2025-06-05,3\n")
    return raw.text("chc_cases_from_csv", text, len(text))

@row("report-add-case-rejected")
def _(raw, code2024):
    with fresh_report(raw, code2024) as report:
        text = b'{"id": "R1", "received": "2025-02-30", "events": []}'
        return raw.chc_report_add_case(report, text, len(text)), raw.error()

@row("report-evidence-truncated")
def _(raw, code2024):
    evidence = b'{"provisions": {"1.2": '
    options = report_options(evidence_json=evidence, evidence_len=len(evidence))
    return raw.text("chc_report_begin", code2024, None, byref(options))

@row("report-evidence-too-large")
def _(raw, code2024):
    evidence = b'{"provisions": {}, "note": "' + b"x" * (5 * MB) + b'"}'
    options = report_options(evidence_json=evidence, evidence_len=len(evidence))
    return raw.text("chc_report_begin", code2024, None, byref(options))

@row("report-options-size")
def _(raw, code2024):
    options = report_options(size=8)
    return raw.text("chc_report_begin", code2024, None, byref(options))

@row("report-options-flags")
def _(raw, code2024):
    options = report_options(flags=1 << 29)
    return raw.text("chc_report_begin", code2024, None, byref(options))

@row("report-options-negative-homes")
def _(raw, code2024):
    options = report_options(homes=-5)
    return raw.text("chc_report_begin", code2024, None, byref(options))

@row("report-options-landlord-utf8")
def _(raw, code2024):
    options = report_options(landlord=b"Acme \xff Homes")
    return raw.text("chc_report_begin", code2024, None, byref(options))

@row("report-after-finish")
def _(raw, code2024):
    with fresh_report(raw, code2024) as report:
        assert raw.text("chc_report_finish", report, 0)[0] == 0
        text = good_line(1).encode()
        return raw.chc_report_add_ndjson(report, text, len(text)), raw.error()

@row("report-format")
def _(raw, code2024):
    with fresh_report(raw, code2024) as report:
        return raw.text("chc_report_finish", report, 7)

# Near-misses ----------------------------------------------------------------------------------------------------

ACME_TYPO = (b'{"name": "Acme Homes", "base": "england-and-wales",'
             b' "closure": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]}')
BUNTIN = json.dumps({"england-and-wales": {"events": [{"title": "New Year", "date": "2031-01-01", "buntin": True}]}}).encode()

@row("near-miss-calendar-key")
def _(raw): return calendar_warnings(raw, ACME_TYPO)

@row("near-miss-calendar-key-strict")
def _(raw): return calendar_warnings(raw, ACME_TYPO, CHC_STRICT)

@row("near-miss-calendar-case")
def _(raw): return calendar_warnings(raw, b'{"base": "scotland", "Working_Week": ["mon"]}')

@row("near-miss-calendar-nested")
def _(raw):
    return calendar_warnings(raw, b'{"base": "scotland", "closures": [{"date": "2025-07-04", "name": "x", "note": "y"}]}')

@row("near-miss-calendar-required")
def _(raw):
    return calendar_warnings(raw, b'{"base": "scotland", "closures": [{"form": "2025-07-01", "to": "2025-07-04", "name": "x"}]}')

@row("near-miss-calendar-base")
def _(raw): return calendar_warnings(raw, b'{"base": "Scotland"}')

@row("near-miss-calendar-weekday")
def _(raw): return calendar_warnings(raw, b'{"base": "scotland", "working_week": ["mnday"]}')

@row("near-miss-govuk-event")
def _(raw, england): return govuk_warnings(raw, england, BUNTIN)

@row("near-miss-govuk-event-strict")
def _(raw, england): return govuk_warnings(raw, england, BUNTIN, CHC_STRICT)

# Near-misses in case records, registers and evidence files: warnings in the answers, errors under CHC_STRICT.

def evaluation_warnings(raw, code2024, case, flags=0):
    """(code, the evaluation's warnings one a line); chc_last_error() on failure."""
    text = json.dumps(case).encode()
    options = EvaluateOptions(size=ctypes.sizeof(EvaluateOptions), flags=flags)
    code, out = raw.text("chc_evaluate_ex", code2024, None, text, len(text), 20500, byref(options))
    return (code, "\n".join(json.loads(out)["warnings"])) if code == 0 else (code, out)


def report_warnings(raw, code2024, add, text, flags=0, evidence=None):
    """(code, the report's input.warnings one a line) for a register; chc_last_error() when refused."""
    report = c_void_p()
    options = report_options(flags=flags)
    if evidence is not None:
        options.evidence_json, options.evidence_len = evidence, len(evidence)
    code = raw.chc_report_begin(byref(report), code2024, None, byref(options))
    if code != 0:
        return code, raw.error()
    try:
        added = getattr(raw, add)(report, text, len(text))
        if added != 0:
            return added, raw.error()
        finished, out = raw.text("chc_report_finish", report, 0)
        assert finished == 0, out
        return 0, "\n".join(json.loads(out)["input"]["warnings"])
    finally:
        raw.chc_report_free(report)


STGE = case_with(events=[{"type": "acknowledged", "date": "2025-06-03", "stge": 1}])
LETTER = case_with(events=[{"type": "acknowledged", "date": "2025-06-03"},
                           {"type": "response", "date": "2025-06-10",
                            "letter": {"stage": True, "definition": True, "decision": True, "reasons": True, "remedy": True,
                                       "outstanding_action": True, "escalation": True}}])
ACKNOWLEGED = b"id,received,stage1_acknowleged\nA1,2025-06-02,2025-06-03\n"

@row("near-miss-case-key")
def _(raw, code2024): return evaluation_warnings(raw, code2024, STGE)

@row("near-miss-case-key-strict")
def _(raw, code2024): return evaluation_warnings(raw, code2024, STGE, CHC_STRICT)

@row("near-miss-case-required")
def _(raw, code2024): return evaluate(raw, code2024, {"id": "C1", "recieved": "2025-06-02", "events": []})

@row("near-miss-event-type")
def _(raw, code2024): return evaluate(raw, code2024, case_with(events=[{"type": "respnse", "date": "2025-06-03"}]))

@row("near-miss-letter-item")
def _(raw, code2024): return evaluation_warnings(raw, code2024, LETTER)

@row("near-miss-exclusion-reason")
def _(raw, code2024):
    return evaluate(raw, code2024, case_with(events=[{"type": "not_accepted", "date": "2025-06-03", "reason": "over_12_month"}]))

@row("near-miss-csv-column")
def _(raw, code2024): return report_warnings(raw, code2024, "chc_report_add_csv", ACKNOWLEGED)

@row("near-miss-csv-column-strict")
def _(raw, code2024): return report_warnings(raw, code2024, "chc_report_add_csv", ACKNOWLEGED, CHC_STRICT)

@row("near-miss-register-line")
def _(raw, code2024): return report_warnings(raw, code2024, "chc_report_add_ndjson", json.dumps(STGE).encode() + b"\n")

@row("near-miss-evidence-key")
def _(raw, code2024):
    evidence = b'{"provisions": {"4.1": {"comply": "yes", "evidance": "Complaints officer named"}}}'
    return report_warnings(raw, code2024, "chc_report_add_ndjson", b"", evidence=evidence)

@row("csv-missing-column")
def _(raw, code2024): return report_warnings(raw, code2024, "chc_report_add_csv", b"id,recieved\nA1,2025-06-02\n")

@row("csv-duplicate-column")
def _(raw, code2024): return report_warnings(raw, code2024, "chc_report_add_csv", b"id,received,Received\nA1,2025-06-02,2025-06-03\n")

@row("report-options-no-period")
def _(raw, code2024):
    options = report_options(from_=0, to=0)
    return raw.text("chc_report_begin", code2024, None, byref(options))

# Python arrays (the package, not the raw ABI) ---------------------------------------------------------------------

def python_call(function, *arguments):
    """(code, message) of a package call: the chc.Error's code and text, or CHC_OK and the answer as text."""
    try:
        answer = function(*arguments)
    except Exception as e:  # a chc.Error carries its code; anything else fails the row's code check
        return getattr(e, "code", None), str(e)
    return 0, str(answer.astype(str).tolist() if hasattr(answer, "astype") else answer)


@pytest.fixture(scope="module")
def package_calendar(chc):
    with chc.Calendar("england-and-wales") as cal:
        yield cal


@row("py-array-partial-date")
def _(package_calendar): return python_call(package_calendar.add_working_days, ["2025-06-02", "2025-06"], 1)

@row("py-array-year")
def _(package_calendar): return python_call(package_calendar.add_working_days, ["2025"], 1)

@row("py-array-not-a-day")
def _(package_calendar):
    return python_call(package_calendar.add_working_days, ["2025-06-02", "2025-06-03", "2025-02-30"], 1)

@row("py-array-zoneless-time")
def _(package_calendar): return python_call(package_calendar.add_working_days, ["2025-06-12T10:00:00"], 1)

@row("py-array-months")
def _(package_calendar, numpy):
    return python_call(package_calendar.add_working_days, numpy.array(["2025-06"], "datetime64[M]"), 1)

@row("py-array-nat-count")
def _(package_calendar, numpy):
    days = numpy.array(["2024-12-20", "NaT", "2025-01-01"], "datetime64[D]")
    return python_call(package_calendar.count_working_days, days, "2025-01-31")

@row("py-array-nat-add")
def _(package_calendar, numpy):
    days = numpy.array(["2024-12-20", "NaT", "2025-01-01"], "datetime64[D]")
    return python_call(package_calendar.add_working_days, days, 5)

# Pointers and handles -------------------------------------------------------------------------------------------

@row("null-output")
def _(raw, england): return raw.chc_calendar_add_working_days(None, england, 20000, 1), raw.error()

@row("null-handle")
def _(raw):
    out = c_int32()
    return raw.chc_calendar_add_working_days(byref(out), None, 20000, 1), raw.error()

@row("null-text")
def _(raw): return parse_day(raw, None)

@row("handle-wrong-type")
def _(raw, code2024):
    out = c_int32()
    return raw.chc_calendar_add_working_days(byref(out), code2024, 20000, 1), raw.error()

@row("handle-swapped")
def _(raw, england, code2024):
    text = json.dumps(CASE).encode()
    return raw.text("chc_evaluate", england, code2024, text, len(text), 20500)

@row("handle-small-integer")
def _(raw):
    return raw.text("chc_ruleset_info_json", c_void_p(1))

@row("handle-misaligned")
def _(raw, england):
    out = c_int32()
    return raw.chc_calendar_add_working_days(byref(out), c_void_p(england.value + 1), 20000, 1), raw.error()

@row("free-wrong-type")
def _(raw, england, code2024):
    raw.chc_calendar_free(code2024)  # ignored: freeing it as a calendar would corrupt the heap
    raw.chc_ruleset_free(england)
    raw.chc_report_free(c_void_p(8))
    code, info = raw.text("chc_ruleset_info_json", code2024)
    out = c_int32()
    assert raw.chc_calendar_add_working_days(byref(out), england, 20000, 1) == 0 and out.value == 20003  # Fri to Mon
    return code, "both handles still work" if json.loads(info) else "lost"


# ---------------------------------------------------------------------------------------------------------------
# The document's rows.

ROW_LINE = re.compile(r"^\|\s*`(?P<id>[a-z0-9-]+)`\s*\|(?P<cells>.*)\|\s*$")


def matrix_rows():
    rows = {}
    for line in MATRIX.read_text(encoding="utf-8").splitlines():
        match = ROW_LINE.match(line)
        if not match:
            continue
        cells = [cell.strip() for cell in match["cells"].split("|")]
        # Row | surface | badness | input | code | message contains
        code_cell, message_cell = cells[-2], cells[-1]
        code = re.fullmatch(r"`(CHC_\w+)`", code_cell)
        assert code, f"{match['id']}: the code column holds {code_cell!r}"
        quoted = re.findall(r"`([^`]+)`", message_cell)
        assert quoted, f"{match['id']}: the message column quotes nothing"
        assert match["id"] not in rows, f"{match['id']} appears twice"
        rows[match["id"]] = (CODES[code[1]], quoted)
    return rows


DOCUMENTED = matrix_rows()


def test_every_row_has_an_input_and_every_input_a_row():
    assert sorted(set(DOCUMENTED) - set(ROWS)) == [], "rows in docs/bad-input.md with no input here"
    assert sorted(set(ROWS) - set(DOCUMENTED)) == [], "inputs here with no row in docs/bad-input.md"
    assert len(DOCUMENTED) >= 80


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_row(name, request, raw):
    function = ROWS[name]
    names = function.__code__.co_varnames[:function.__code__.co_argcount]
    arguments = [raw if n == "raw" else request.getfixturevalue(n) for n in names]
    code, message = function(*arguments)
    expected_code, fragments = DOCUMENTED[name]
    assert code == expected_code, f"{name}: code {code}, message {message[:300]!r}"
    assert len(message) < 8192, f"{name}: a {len(message)}-byte message"
    for fragment in fragments:
        assert fragment in message, f"{name}: {fragment!r} not in {message[:600]!r}"
