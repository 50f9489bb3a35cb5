# SPDX-License-Identifier: MIT
"""Calendar input chc could misread, from Python through the raw C ABI: issue 12's examples.

A near-miss key in a landlord calendar, real older GOV.UK copies (tests/data/govuk) that would drop or move a
day chc knows, and history before the verified range. Dates are worked by hand (comments). This file uses
ctypes directly, not the package's wrappers, so it tests the library whatever the wrappers do with warnings.
"""

import ctypes
import json
from ctypes import POINTER, byref, c_char_p, c_int, c_int32, c_size_t, c_uint32, c_void_p

import pytest

from conftest import REPOSITORY

CHC_STRICT = 0x40000000
CHC_IMPORT_FILE_WINS = 0x1
CHC_E_SCHEMA = -9
COPIES = REPOSITORY / "tests" / "data" / "govuk"

ACME = {"name": "Acme Homes", "base": "england-and-wales"}
SHUTDOWN = [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]


class Lib:
    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        v = c_void_p
        for name, restype, argtypes in (
                ("chc_last_error", c_char_p, ()),
                ("chc_day_parse", c_int, (POINTER(c_int32), c_char_p)),
                ("chc_calendar_builtin", c_int, (POINTER(v), c_char_p)),
                ("chc_calendar_from_json_ex", c_int, (POINTER(v), c_char_p, c_size_t, c_uint32)),
                ("chc_calendar_import_govuk_ex", c_int, (POINTER(v), v, c_char_p, c_size_t, c_char_p, c_uint32)),
                ("chc_calendar_free", None, (v,)),
                ("chc_calendar_is_working_day", c_int, (POINTER(c_int), v, c_int32)),
                ("chc_calendar_add_working_days", c_int, (POINTER(c_int32), v, c_int32, c_int32)),
                ("chc_calendar_info_json", c_int, (POINTER(v), v)),
                ("chc_calendar_explain_json", c_int, (POINTER(v), v, c_int32, c_int32)),
                ("chc_string_free", None, (v,))):
            function = getattr(self.lib, name)
            function.restype, function.argtypes = restype, argtypes

    def day(self, iso):
        out = c_int32()
        assert self.lib.chc_day_parse(byref(out), iso.encode()) == 0
        return out.value

    def iso(self, serial):
        import datetime
        return (datetime.date(1970, 1, 1) + datetime.timedelta(days=serial)).isoformat()

    def error(self):
        return self.lib.chc_last_error().decode()

    def text(self, function, *arguments):
        out = c_void_p()
        assert getattr(self.lib, function)(byref(out), *arguments) == 0, self.error()
        try:
            return json.loads(ctypes.string_at(out.value).decode())
        finally:
            self.lib.chc_string_free(out)


class Calendar:
    """A calendar handle from the raw ABI: (code, calendar or None)."""

    def __init__(self, lib, handle):
        self.lib, self.handle = lib, handle

    def __del__(self):
        self.lib.lib.chc_calendar_free(self.handle)

    def working(self, iso):
        out = c_int()
        assert self.lib.lib.chc_calendar_is_working_day(byref(out), self.handle, self.lib.day(iso)) == 0
        return bool(out.value)

    def add(self, iso, n):
        out = c_int32()
        assert self.lib.lib.chc_calendar_add_working_days(byref(out), self.handle, self.lib.day(iso), n) == 0
        return self.lib.iso(out.value)

    def info(self):
        return self.lib.text("chc_calendar_info_json", self.handle)


@pytest.fixture(scope="module")
def lib(chc):
    return Lib(chc.library_path)


def from_json(lib, document, flags=0):
    text = json.dumps(document).encode()
    out = c_void_p()
    code = lib.lib.chc_calendar_from_json_ex(byref(out), text, len(text), flags)
    return code, Calendar(lib, out) if code == 0 else lib.error()


def builtin(lib, name):
    out = c_void_p()
    assert lib.lib.chc_calendar_builtin(byref(out), name.encode()) == 0
    return Calendar(lib, out)


def imported(lib, base, copy, flags=0, version=None):
    text = (COPIES / copy).read_bytes()
    out = c_void_p()
    code = lib.lib.chc_calendar_import_govuk_ex(byref(out), base.handle, text, len(text), version, flags)
    return code, Calendar(lib, out) if code == 0 else lib.error()


def test_a_misspelt_closures_key_warns_and_strict_refuses(lib):
    code, typo = from_json(lib, dict(ACME, closure=SHUTDOWN))
    assert code == 0
    # The closure is not applied: Fri 19 Dec 2025 + 10 skips 25, 26 Dec and 1 Jan only.
    assert typo.add("2025-12-19", 10) == "2026-01-07"
    assert typo.info()["warnings"] == ['calendar: "closure": did you mean "closures"?']
    code, message = from_json(lib, dict(ACME, closure=SHUTDOWN), CHC_STRICT)
    assert (code, message) == (CHC_E_SCHEMA, 'calendar: "closure": did you mean "closures"?')
    # Spelt right, 29-31 December close as well: 2026-01-12.
    code, fixed = from_json(lib, dict(ACME, closures=SHUTDOWN), CHC_STRICT)
    assert code == 0 and fixed.add("2025-12-19", 10) == "2026-01-12" and fixed.info()["warnings"] == []


def test_unknown_keys_that_are_no_near_miss_are_notes_and_strict_refuses_them(lib):
    code, cal = from_json(lib, dict(ACME, closures=[dict(SHUTDOWN[0], crm_ref="X-1")], **{"x-crm-id": 7}), 0)
    assert code == 0
    assert cal.info()["warnings"] == ["calendar.x-crm-id: unknown field ignored"]
    code, _ = from_json(lib, dict(ACME, **{"x-crm-id": 7}), CHC_STRICT)
    assert code == -9
    code, _ = from_json(lib, dict(ACME, closures=[dict(SHUTDOWN[0], crm_ref="X-1")]), CHC_STRICT)
    assert code == 0  # keys inside a closure are the format's own allowance


def test_a_copy_from_before_2026_02_25_keeps_scotlands_15_june_2026(lib):
    scotland = builtin(lib, "scotland")
    code, kept = imported(lib, scotland, "bank-holidays-2025-08-17.json")
    assert code == 0 and not kept.working("2026-06-15")
    info = kept.info()
    assert info["imports"] == [{"source": "bank-holidays.json", "division": "scotland", "first_year": 2024,
                                "last_year": 2027, "data_version": info["imports"][0]["data_version"], "days": 36,
                                "conflicts": 1, "kept": 1, "overridden": 0, "policy": "keep_newer"}]
    assert info["imports"][0]["data_version"].startswith("govuk:2024-2027:")
    assert len(info["warnings"]) == 1 and "would remove 2026-06-15 World Cup bank holiday" in info["warnings"][0]
    code, file_wins = imported(lib, scotland, "bank-holidays-2025-08-17.json", CHC_IMPORT_FILE_WINS, b"copy-2025-08")
    assert code == 0 and file_wins.working("2026-06-15") and file_wins.info()["data_version"] == "copy-2025-08"
    code, message = imported(lib, scotland, "bank-holidays-2025-08-17.json", CHC_STRICT)
    assert code == CHC_E_SCHEMA and "would remove 2026-06-15 World Cup bank holiday" in message


def test_a_2021_22_copy_keeps_the_state_funeral_and_the_coronation(lib):
    code, kept = imported(lib, builtin(lib, "england-and-wales"), "bank-holidays-2022-01-24.json")
    assert code == 0 and not kept.working("2022-09-19") and not kept.working("2023-05-08")
    # Fri 16 Sep 2022 + 5 working days, Monday 19 skipped: Mon 26 Sep.
    assert kept.add("2022-09-16", 5) == "2022-09-26"
    assert kept.info()["imports"][0]["kept"] == 2


def test_a_2019_20_copy_leaves_early_may_2020_on_the_8th(lib):
    england = builtin(lib, "england-and-wales")
    code, kept = imported(lib, england, "bank-holidays-2020-01-23.json")
    assert code == 0 and not kept.working("2020-05-08") and kept.working("2020-05-04")
    assert "would move 2020-05-08 Early May bank holiday (VE day)" in kept.info()["warnings"][0]
    code, file_wins = imported(lib, england, "bank-holidays-2020-01-23.json", CHC_IMPORT_FILE_WINS)
    assert code == 0 and file_wins.working("2020-05-08") and not file_wins.working("2020-05-04")


def test_history_before_the_verified_range_is_sourced_and_flagged(lib):
    england = builtin(lib, "england-and-wales")
    assert england.info()["verified_from"] == "1995-01-01"
    # HC Deb 19 January 1977: Spring Bank Holiday Monday 6 June, Silver Jubilee Tuesday 7 June.
    assert england.working("1977-05-30") and not england.working("1977-06-06") and not england.working("1977-06-07")
    assert builtin(lib, "scotland").working("1977-06-07")
    answer = lib.text("chc_calendar_explain_json", england.handle, lib.day("1977-06-03"), lib.day("1977-06-08"))
    assert answer["working_days"] == 1
    assert answer["warnings"][0].startswith("calendar: 1977-06-03 is before 1995-01-01")
    jubilee = [r for d in answer["skipped"] if d["date"] == "1977-06-07" for r in d["reasons"]]
    assert jubilee[0]["reference"].startswith("HC Deb 19 January 1977 vol 924 cc191-3W")
