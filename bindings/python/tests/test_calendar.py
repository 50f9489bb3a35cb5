# SPDX-License-Identifier: MIT
"""Calendar: worked values, the official list, landlord calendars, errors and handle lifetime.

Every expected date was worked out by hand from the GOV.UK list (tests/data/bank-holidays-official.csv)."""

import gc
from datetime import date

import pytest

from conftest import DIVISIONS, official_holidays


def test_worked_deadlines(chc, england):
    # Fri 2024-12-20 + 5: skip 21-22 weekend, 25-26 Christmas, 28-29 weekend; 23, 24, 27, 30, 31.
    assert england.add_working_days("2024-12-20", 5) == date(2024, 12, 31)
    assert england.count_working_days("2024-12-20", "2024-12-31") == 5
    assert england.count_working_days("2024-12-31", "2024-12-20") == -5
    # Backwards: the working days before 31 December are 30, 27, 24, 23, 20.
    assert england.add_working_days("2024-12-31", -5) == date(2024, 12, 20)
    # n = 0: the day itself if working, else the next working day (Sat 21 -> Mon 23).
    assert england.add_working_days("2024-12-20", 0) == date(2024, 12, 20)
    assert england.add_working_days("2024-12-21", 0) == date(2024, 12, 23)
    assert england.next_working_day("2024-12-24") == date(2024, 12, 27)
    assert england.previous_working_day("2024-12-27") == date(2024, 12, 24)
    assert england.next_working_day("2024-12-20") == date(2024, 12, 23)


def test_divisions_differ_where_the_law_does(chc):
    with chc.Calendar("scotland") as scotland, chc.Calendar("northern-ireland") as ni, \
            chc.Calendar("england-and-wales") as england:
        # 2 January is a Scottish bank holiday only.
        assert not scotland.is_working_day("2025-01-02")
        assert england.is_working_day("2025-01-02")
        # The Twelfth fell on Saturday 12 July 2025: Monday 14 July is the substitute, in Northern Ireland only.
        assert not ni.is_working_day(date(2025, 7, 14))
        assert england.is_working_day(date(2025, 7, 14))
        # Tue 2024-12-31 + 10 in Scotland: skip 1-2 January; 3, 6-10, 13-16.
        assert scotland.add_working_days("2024-12-31", 10) == date(2025, 1, 16)
        assert england.add_working_days("2024-12-31", 10) == date(2025, 1, 15)


def test_substitute_days_and_their_reasons(england):
    # Boxing Day 2026 is a Saturday: Monday 28 December is its substitute.
    listed = {h["date"]: h for h in england.holidays("2026-12-01", "2026-12-31")}
    assert sorted(listed) == [date(2026, 12, 25), date(2026, 12, 28)]
    assert listed[date(2026, 12, 28)]["kind"] == "substitute"
    assert listed[date(2026, 12, 28)]["substitute_for"] == date(2026, 12, 26)
    assert listed[date(2026, 12, 25)]["name"] == "Christmas Day"


@pytest.mark.parametrize("division", DIVISIONS)
def test_holidays_are_the_official_list(chc, division):
    with chc.Calendar(division) as cal:
        listed = [h["date"].isoformat() for h in cal.holidays("2012-01-01", "2028-12-31")]
    assert listed == official_holidays(division)


def test_explain_lists_each_skipped_day_with_its_reasons(england):
    explained = england.explain("2024-12-20", "2024-12-31")
    assert explained["working_days"] == 5
    assert [d["date"] for d in explained["skipped"]] == [
        date(2024, 12, 21), date(2024, 12, 22), date(2024, 12, 25), date(2024, 12, 26), date(2024, 12, 28),
        date(2024, 12, 29)]
    assert explained["skipped"][2]["reasons"][0]["name"] == "Christmas Day"
    assert explained["skipped"][0]["reasons"][0]["kind"] == "weekend"


def test_info(england):
    info = england.info()
    assert info["name"] == "england-and-wales"
    assert (info["first_day"], info["last_day"]) == (date(1900, 1, 1), date(2199, 12, 31))
    assert info["official_through"] == date(2028, 12, 31)
    assert info["working_week"] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert repr(england) == "<chc.Calendar 'england-and-wales'>"


def test_landlord_calendar_from_json(chc):
    shutdown = {"name": "Acme Homes", "base": "england-and-wales", "data_version": "acme-1",
                "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}],
                "crm_extra": "ignored but reported"}
    with pytest.warns(chc.ChcWarning, match=r"^calendar.crm_extra: unknown field ignored$"):
        acme = chc.Calendar.from_json(shutdown)
    with acme:
        # Wed 2025-12-24 + 1: 25-26 Christmas (Thu, Fri), 27-28 weekend, 29-31 shutdown, 1 Jan holiday -> Fri 2 Jan.
        assert acme.add_working_days("2025-12-24", 1) == date(2026, 1, 2)
        kinds = {h["date"]: h["kind"] for h in acme.holidays("2025-12-29", "2025-12-31")}
        assert kinds == {date(2025, 12, 29): "landlord_closure", date(2025, 12, 30): "landlord_closure",
                         date(2025, 12, 31): "landlord_closure"}
        info = acme.info()
        assert info["name"] == "Acme Homes" and info["data_version"] == "acme-1"
        assert any("crm_extra" in warning for warning in info["warnings"])
    # JSON text works the same, and a six-day week makes Saturdays working days.
    with chc.Calendar.from_json('{"base": "scotland", "working_week": ["mon","tue","wed","thu","fri","sat"]}') as six:
        assert six.is_working_day("2025-01-04")
        assert not six.is_working_day("2025-01-02")


def test_govuk_import_replaces_the_listed_years_only(chc):
    document = {"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "Extra bank holiday", "date": "2027-06-07", "notes": "", "bunting": True}]}}
    # A document listing 2027 without its standing days would remove them: the import says so, day by day.
    with pytest.warns(chc.ChcWarning, match="the document would remove 2027-01-01 New Year"), \
            chc.Calendar.from_govuk("england-and-wales", document, data_version="test-import") as imported:
        assert not imported.is_working_day("2027-06-07")
        # 2027 is listed, so its other holidays go: Monday 27 December 2027 (Christmas substitute) now works.
        assert imported.is_working_day("2027-12-27")
        # 2026 is not listed and keeps Christmas.
        assert not imported.is_working_day("2026-12-25")
        assert imported.info()["data_version"] == "test-import"
    with chc.Calendar("england-and-wales") as base:
        with pytest.warns(chc.ChcWarning, match="would remove"), chc.Calendar.from_govuk(base, document) as imported:
            assert not imported.is_working_day("2027-06-07")
        assert not base.is_working_day("2027-12-27")  # the base is never changed


@pytest.mark.parametrize("document, error, fragment", [
    ('{"base": "england-and-wales",', "JSONError", "malformed JSON"),
    ({"name": "no base"}, "SchemaError", "base"),
    ({"base": "wales"}, "UnknownNameError", "wales"),
    ({"base": "scotland", "working_week": []}, "InvalidError", "working_week"),
    ({"base": "scotland", "closures": [{"from": "2025-12-31", "to": "2025-12-29", "name": "x"}]}, "InvalidError",
     "closures[0]"),
    ({"base": "scotland", "closures": [{"date": "2025-02-30", "name": "x"}]}, "DateError", "closures[0].date"),
    ({"base": "scotland", "closures": [{"date": "1850-02-03", "name": "x"}]}, "RangeError", "closures[0]"),
])
def test_bad_calendar_documents(chc, document, error, fragment):
    with pytest.raises(getattr(chc, error)) as caught:
        chc.Calendar.from_json(document)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_unknown_names(chc):
    for name in ("England", "wales", "", "england-and-wales "):
        with pytest.raises(chc.UnknownNameError, match="unknown calendar") as caught:
            chc.Calendar(name)
        assert isinstance(caught.value, LookupError) and isinstance(caught.value, ValueError)
        assert caught.value.code == -7
    with pytest.raises(chc.UnknownNameError, match="spsoo"):
        chc.RuleSet("spsoo")
    with pytest.raises(TypeError, match="name"):
        chc.Calendar(None)


def test_out_of_range_days_name_the_argument(chc, england):
    with pytest.raises(chc.RangeError, match=r"^start: 1899-12-31 is outside the supported range"):
        england.add_working_days("1899-12-31", 5)
    with pytest.raises(chc.RangeError, match=r"^to: 2200-01-01"):
        england.count_working_days("2024-01-01", "2200-01-01")
    with pytest.raises(chc.RangeError, match=r"^day: "):
        england.is_working_day("2200-01-01")
    with pytest.raises(chc.RangeError, match=r"^from: "):
        england.holidays("1800-01-01", "2024-01-01")
    # A result beyond 2199-12-31 is a range error too (Tue 2199-12-31 is the last day).
    with pytest.raises(chc.RangeError, match="outside the supported range"):
        england.add_working_days("2199-12-30", 5)


def test_n_beyond_32_bits(chc, england):
    with pytest.raises(chc.DayOverflowError, match="^n: ") as caught:
        england.add_working_days("2024-01-01", 2 ** 31 - 1)  # chc: no 32-bit day is that far
    assert isinstance(caught.value, OverflowError) and caught.value.code == -6
    with pytest.raises(chc.DayOverflowError, match="^n: 2147483648 does not fit in 32 bits"):
        england.add_working_days("2024-01-01", 2 ** 31)  # caught before ctypes could wrap it
    with pytest.raises(TypeError):
        england.add_working_days("2024-01-01", 5.0)


def test_closed_handles_raise_and_never_crash(chc):
    cal = chc.Calendar("england-and-wales")
    cal.close()
    cal.close()  # twice is fine
    assert cal.closed and repr(cal) == "<chc.Calendar (closed)>"
    for call in (lambda: cal.is_working_day("2024-01-01"), lambda: cal.add_working_days("2024-01-01", 1),
                 lambda: cal.info(), lambda: cal.holidays("2024-01-01", "2024-12-31"),
                 lambda: chc.evaluate({"id": "x", "received": "2025-01-06", "events": []}, as_of="2025-01-06",
                                      calendar=cal)):
        with pytest.raises(chc.ClosedError, match="this Calendar is closed") as caught:
            call()
        assert isinstance(caught.value, ValueError)
    with pytest.raises(chc.ClosedError):
        with cal:
            pass
    rules = chc.RuleSet("hoc")
    rules.close()
    with pytest.raises(chc.ClosedError, match="this RuleSet is closed"):
        rules.provisions()
    with pytest.raises(chc.ClosedError):
        chc.evaluate({"id": "x", "received": "2025-01-06", "events": []}, as_of="2025-01-06", rules=rules)


def test_context_managers_close(chc):
    with chc.Calendar("scotland") as cal, chc.RuleSet("spso") as rules:
        assert not cal.closed and not rules.closed
    assert cal.closed and rules.closed
    with pytest.raises(chc.UnknownNameError):
        with chc.Calendar("england-and-wales") as kept:
            raise chc.UnknownNameError(-7, "raised inside the block")
    assert kept.closed


def test_garbage_collection_frees(chc):
    # __del__ is the fallback; thousands of dropped calendars must neither leak handles nor crash.
    for _ in range(2000):
        chc.Calendar.from_json({"base": "england-and-wales", "closures": [{"date": "2025-01-02", "name": "x"}]})
    gc.collect()
    holder = [chc.Calendar("scotland")]
    holder.clear()
    gc.collect()
