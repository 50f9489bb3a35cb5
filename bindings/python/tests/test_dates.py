# SPDX-License-Identifier: MIT
"""Day conversion: to_day/from_day against the C functions, every accepted date type, and bad dates."""

import ctypes
import random
from datetime import date, datetime, timedelta, timezone

import pytest


def c_format(lib, day):
    buf = ctypes.create_string_buffer(16)
    lib.chc_day_format(buf, len(buf), day)
    return buf.value.decode()


def c_from_ymd(lib, y, m, d):
    out = ctypes.c_int32()
    lib.chc_day_from_ymd(ctypes.byref(out), y, m, d)
    return out.value


def test_epoch_and_worked_days(chc):
    assert chc.to_day(date(1970, 1, 1)) == 0
    assert chc.to_day(date(1969, 12, 31)) == -1
    # 2024-12-20: 54 years of 365 days plus 13 leap days (1972..2020) plus 354 days into 2024 (leap).
    assert chc.to_day("2024-12-20") == 54 * 365 + 13 + 354
    assert chc.from_day(54 * 365 + 13 + 354) == date(2024, 12, 20)


def test_matches_the_c_functions_over_the_supported_range(chc):
    lib = chc._lib
    rng = random.Random(7)
    days = [rng.randint(chc.to_day("1900-01-01"), chc.to_day("2199-12-31")) for _ in range(5000)]
    days += [-25567, -1, 0, 1, 11016, 47482, 84005]  # 1900-01-01, the epoch, 2000-02-29, 2100-01-01, 2199-12-31
    for day in days:
        as_date = chc.from_day(day)
        assert as_date.isoformat() == c_format(lib, day)
        assert chc.to_day(as_date) == c_from_ymd(lib, as_date.year, as_date.month, as_date.day) == day
        assert chc.to_day(as_date.isoformat()) == day


def test_accepted_types_all_give_the_same_day(chc, numpy):
    expected = chc.to_day(date(2025, 3, 7))
    assert chc.to_day(datetime(2025, 3, 7, 23, 59)) == expected
    assert chc.to_day(datetime(2025, 3, 7, 23, 30, tzinfo=timezone.utc)) == expected  # London is on GMT in March
    assert chc.to_day("2025-03-07") == expected
    assert chc.to_day(numpy.datetime64("2025-03-07")) == expected
    assert chc.to_day(numpy.datetime64("2025-03-07T18:45:00.123456789")) == expected
    assert chc.to_day(numpy.datetime64("1969-12-31T23:00", "m")) == -1  # floors, not truncates toward 1970


def test_returned_dates_are_plain_dates(chc, england):
    due = england.add_working_days(datetime(2024, 12, 20, 9, 30), 5)
    assert type(due) is date and due == date(2024, 12, 31)


@pytest.mark.parametrize("text, fragment", [
    ("2023-02-29", "day 29 does not exist in 2023-02"),
    ("tomorrow", '"tomorrow" is not a date'),
    ("2024-1-01", "YYYY-MM-DD"),
    ("2024-13-01", "2024-13-01"),
    ("", "YYYY-MM-DD"),
])
def test_bad_date_text_is_a_date_error_naming_the_argument(chc, england, text, fragment):
    with pytest.raises(chc.DateError) as caught:
        england.add_working_days(text, 5)
    assert isinstance(caught.value, ValueError)
    assert caught.value.code == -4
    assert str(caught.value).startswith("start: ") and fragment in str(caught.value)
    with pytest.raises(chc.DateError, match=r"^to: "):
        england.count_working_days("2024-01-01", text)


def test_nul_inside_date_text_is_refused_not_truncated(chc):
    with pytest.raises(chc.InvalidError, match="NUL"):
        chc.to_day("2024-01-01\0junk")


@pytest.mark.parametrize("value", [20000, 2024.5, None, b"2024-01-01", (2024, 1, 1)])
def test_other_types_are_type_errors(chc, value):
    with pytest.raises(TypeError, match="day: expected a datetime.date"):
        chc.to_day(value, "day")


def test_not_a_time_and_beyond_32_bits(chc, numpy):
    with pytest.raises(chc.DateError, match="as_of: NaT"):
        chc.to_day(numpy.datetime64("NaT"), "as_of")
    with pytest.raises(chc.RangeError, match="beyond any 32-bit day number"):
        chc.to_day(numpy.datetime64(2 ** 40, "D"))


def test_from_day_outside_python_dates(chc):
    assert chc.from_day(chc.to_day("9999-12-31")) == date(9999, 12, 31)
    with pytest.raises(chc.RangeError, match="outside datetime.date"):
        chc.from_day(chc.to_day("9999-12-31") + 1)
    with pytest.raises(chc.RangeError):
        chc.from_day(-(2 ** 31))


def test_timestamps_become_london_dates(chc):
    assert chc.timestamp_to_date("2025-06-13T23:30:00Z") == date(2025, 6, 14)  # BST: 00:30 on the 14th
    assert chc.timestamp_to_date("2025-01-13T23:30:00Z") == date(2025, 1, 13)  # GMT
    assert chc.timestamp_to_date("2025-10-26T23:30:00Z") == date(2025, 10, 26)  # after the clocks went back
    with pytest.raises(chc.DateError, match='"soon"'):
        chc.timestamp_to_date("soon")


def test_today_is_londons_date(chc):
    # London is UTC+0 or +1: today there is today or tomorrow in UTC terms, never anything else.
    utc_now = datetime.now(timezone.utc)
    assert chc.today() in {utc_now.date(), (utc_now + timedelta(hours=1)).date()}


# One value read by chc's rules (chc/_dates.py): worked by hand. 2025-06-13 is a Friday; London is on BST
# (UTC+1) from 30 March to 26 October 2025.

def test_an_aware_time_is_its_london_date(chc):
    bst = timezone(timedelta(hours=1))
    assert chc.to_day(datetime(2025, 6, 12, 23, 30, tzinfo=timezone.utc)) == chc.to_day("2025-06-13")
    assert chc.to_day(datetime(2025, 6, 13, 0, 30, tzinfo=bst)) == chc.to_day("2025-06-13")
    assert chc.to_day(datetime(2025, 6, 13, 22, 59, tzinfo=timezone.utc)) == chc.to_day("2025-06-13")
    assert chc.to_day(datetime(2025, 10, 26, 23, 30, tzinfo=timezone.utc)) == chc.to_day("2025-10-26")  # GMT again


def test_a_naive_time_is_london_local_time(chc):
    # Never read as UTC: 23:30 on the 12th is the 12th, whatever the season.
    assert chc.to_day(datetime(2025, 6, 12, 23, 30)) == chc.to_day("2025-06-12")
    assert chc.to_day(datetime(2025, 1, 12, 23, 30)) == chc.to_day("2025-01-12")


def test_rfc3339_text_is_its_london_date(chc, england):
    assert chc.to_day("2025-06-12T23:30:00Z") == chc.to_day("2025-06-13")
    assert chc.to_day("2025-06-14T00:30:00+01:00") == chc.to_day("2025-06-14")
    assert england.add_working_days("2025-06-12T23:30:00Z", 1) == date(2025, 6, 16)  # Fri 13th + 1: Mon 16th
    with pytest.raises(chc.DateError, match=r'^start: "2025-06-12T23:30:00" is not a date .*expected a time zone'):
        england.add_working_days("2025-06-12T23:30:00", 1)  # no offset: once a year ambiguous, so refused


@pytest.mark.parametrize("text", ["2025", "2025-06", "2025-6-1", "20250601"])
def test_partial_dates_are_refused(chc, text):
    with pytest.raises(chc.DateError, match=rf'^start: "{text}" is not a date'):
        chc.to_day(text, "start")


def test_pandas_values(chc):
    pandas = pytest.importorskip("pandas")
    assert chc.to_day(pandas.Timestamp("2025-06-12 23:30")) == chc.to_day("2025-06-12")  # naive: London local
    assert chc.to_day(pandas.Timestamp("2025-06-12 23:30", tz="UTC")) == chc.to_day("2025-06-13")
    assert chc.to_day(pandas.Timestamp("2025-06-13 00:30", tz="Europe/London")) == chc.to_day("2025-06-13")
    with pytest.raises(chc.DateError, match="^received: NaT is not a date"):
        chc.to_day(pandas.NaT, "received")


def test_numpy_months_years_and_weeks_are_not_days(chc, numpy):
    for value, unit in ((numpy.datetime64("2025-06"), "M"), (numpy.datetime64("2025"), "Y"),
                        (numpy.datetime64("2025-06-12", "W"), "W")):
        with pytest.raises(chc.DateError, match=rf"^day: .* is datetime64\[{unit}\]: (months|years|weeks), not days"):
            chc.to_day(value, "day")
