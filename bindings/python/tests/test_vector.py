# SPDX-License-Identifier: MIT
"""Array calls through the batch functions, checked against numpy's busday functions fed the official list.

numpy.busday_offset(start, n, roll='backward') is the n-th business day after start for n >= 1 (a
non-working start rolls back first, and no business day lies between it and start); roll='forward' gives
the |n|-th before for n <= -1. busday_count counts [begin, end), so chc's (from, to] is busday_count(a+1, b+1).
"""

from datetime import date, datetime, timedelta, timezone

import pytest

from conftest import DIVISIONS

COUNT = 100_000


@pytest.fixture(scope="module")
def random_days(numpy):
    """100,000 random days in 2013-2027 (results stay inside the official list's 2012-2028)."""
    rng = numpy.random.default_rng(20240401)
    first, last = numpy.datetime64("2013-01-01"), numpy.datetime64("2027-12-31")
    offsets = rng.integers(0, int((last - first).astype(int)) + 1, size=COUNT)
    return first + offsets.astype("timedelta64[D]"), rng


@pytest.mark.parametrize("division", DIVISIONS)
@pytest.mark.parametrize("n", [5, 10, 20])
def test_add_equals_numpy_busday_offset(chc, numpy, busdaycal, random_days, division, n):
    starts, _ = random_days
    with chc.Calendar(division) as cal:
        got = cal.add_working_days(starts, n)
    assert got.dtype == numpy.dtype("datetime64[D]") and got.shape == starts.shape
    expected = numpy.busday_offset(starts, n, roll="backward", busdaycal=busdaycal[division])
    numpy.testing.assert_array_equal(got, expected)


def test_backwards_equals_numpy_rolling_forward(chc, numpy, busdaycal, random_days, england):
    starts, rng = random_days
    n = rng.choice(numpy.array([-20, -10, -5, -1]), size=COUNT)
    expected = numpy.busday_offset(starts, n, roll="forward", busdaycal=busdaycal["england-and-wales"])
    numpy.testing.assert_array_equal(england.add_working_days(starts, n), expected)


def test_array_n_equals_scalar_calls(chc, numpy, random_days, england):
    starts, rng = random_days
    n = rng.choice(numpy.array([5, 10, 20], dtype=numpy.int64), size=COUNT)
    got = england.add_working_days(starts, n)
    scalar = numpy.array([england.add_working_days(s, int(k)) for s, k in zip(starts.tolist(), n.tolist())],
                         dtype="datetime64[D]")
    numpy.testing.assert_array_equal(got, scalar)


@pytest.mark.parametrize("division", DIVISIONS)
def test_count_equals_numpy_busday_count(chc, numpy, busdaycal, random_days, division):
    starts, rng = random_days
    ends = starts + rng.integers(-40, 41, size=COUNT).astype("timedelta64[D]")
    with chc.Calendar(division) as cal:
        got = cal.count_working_days(starts, ends)
        assert got.dtype == numpy.int32
        numpy.testing.assert_array_equal(got, numpy.busday_count(starts + 1, ends + 1,
                                                                 busdaycal=busdaycal[division]))
        some = range(0, COUNT, 97)
        assert [cal.count_working_days(starts[i], ends[i]) for i in some] == [int(got[i]) for i in some]


def test_round_trip_count_of_add_is_n(chc, numpy, random_days, england):
    starts, rng = random_days
    n = rng.integers(1, 300, size=COUNT)
    numpy.testing.assert_array_equal(england.count_working_days(starts, england.add_working_days(starts, n)), n)


def test_broadcasting_and_shapes(chc, numpy, england):
    starts = numpy.array(["2024-12-20", "2025-01-01"], dtype="datetime64[D]")
    # A column of n against a row of starts gives a 2-D answer; worked by hand on england-and-wales.
    got = england.add_working_days(starts, numpy.array([[1], [5]]))
    assert got.shape == (2, 2)
    assert got.tolist() == england.add_working_days(starts.astype(object), numpy.array([[1], [5]])).tolist()
    assert [[str(d) for d in row] for row in got] == [["2024-12-23", "2025-01-02"], ["2024-12-31", "2025-01-08"]]
    # A single date with an array of n, and counts against one date.
    assert england.add_working_days("2024-12-20", numpy.array([1, 2, 3])).astype(str).tolist() == [
        "2024-12-23", "2024-12-24", "2024-12-27"]
    assert england.count_working_days(starts, "2025-01-31").tolist() == [27, 22]
    assert england.count_working_days(starts.reshape(2, 1), starts).tolist() == [[0, 5], [-5, 0]]
    empty = numpy.array([], dtype="datetime64[D]")
    assert england.add_working_days(empty, 5).shape == (0,)
    assert england.count_working_days(empty, empty).dtype == numpy.int32
    with pytest.raises(ValueError):
        england.add_working_days(starts, numpy.array([1, 2, 3]))


def test_other_date_arrays_convert(chc, numpy, england):
    expected = ["2024-12-31", "2025-01-08"]
    for given in (numpy.array(["2024-12-20T09:30", "2025-01-01T23:59"], dtype="datetime64[ns]"),
                  ["2024-12-20", "2025-01-01"],
                  numpy.array(["2024-12-20", "2025-01-01"], dtype=object).astype("datetime64[D]").astype(object),
                  numpy.array(["2024-12-20", "2025-01-01"])):
        assert england.add_working_days(given, 5).astype(str).tolist() == expected
    with pytest.raises(TypeError, match="start: expected an array of dates"):
        england.add_working_days(numpy.array([20077, 20089]), 5)
    with pytest.raises(chc.DateError, match=r'^start\[1\]: "2023-02-29": day 29 does not exist in 2023-02'):
        england.add_working_days(numpy.array(["2024-12-20", "2023-02-29"]), 5)
    with pytest.raises(TypeError, match="n: expected an integer array"):
        england.add_working_days(numpy.array(["2024-12-20"], dtype="datetime64[D]"), numpy.array([1.5]))


def test_pandas_series(chc, england):
    pandas = pytest.importorskip("pandas")
    received = pandas.to_datetime(pandas.Series(["2024-12-20", "2025-01-01"]))
    assert england.add_working_days(received, 5).astype(str).tolist() == ["2024-12-31", "2025-01-08"]


def test_errors_name_the_element(chc, numpy, england):
    starts = numpy.array(["2024-12-20"] * 5, dtype="datetime64[D]")
    starts[3] = numpy.datetime64("1899-12-31")
    with pytest.raises(chc.RangeError, match=r"^start\[3\]: 1899-12-31 is outside the supported range"):
        england.add_working_days(starts, 5)
    with pytest.raises(chc.RangeError, match=r"^from\[1, 1\]: "):
        england.count_working_days(starts[:4].reshape(2, 2), "2025-01-01")
    starts[3] = numpy.datetime64("NaT")
    with pytest.raises(chc.DateError, match=r"^from\[3\]: NaT is not a date"):
        england.count_working_days(starts, "2025-01-01")  # a count has no NaT (numpy.busday_count raises too)
    far = numpy.array(["2024-12-20", "2024-12-20"], dtype="datetime64[D]")
    far[1] = numpy.datetime64(2 ** 33, "D")
    with pytest.raises(chc.RangeError, match=r"^to\[1\]: day number 8589934592 is outside the supported range"):
        england.count_working_days("2024-01-01", far)
    with pytest.raises(chc.DayOverflowError, match=r"^n\[2\]: 4294967296 working days from 2024-12-20 lies beyond"):
        england.add_working_days(far[:1], numpy.array([1, 2, 2 ** 32]))
    with pytest.raises(chc.DayOverflowError, match=r"^n\[1\]: "):
        england.add_working_days(far[:1], numpy.array([1, 2 ** 31 - 1]))
    with pytest.raises(chc.DayOverflowError, match=r"^n\[1\]: 18446744073709551615 does not fit in 32 bits"):
        england.add_working_days(far[:1], numpy.array([1, 2 ** 64 - 1], dtype=numpy.uint64))
    with pytest.raises(chc.DayOverflowError, match=r"^n: 4294967296 does not fit in 32 bits"):
        england.add_working_days(far, 2 ** 32)
    # A scalar n whose answer leaves the range for one element names that element.
    near_end = numpy.array(["2199-01-01", "2199-12-30"], dtype="datetime64[D]")
    with pytest.raises(chc.RangeError, match=r"^n\[1\]: 5 working days from 2199-12-30 falls outside"):
        england.add_working_days(near_end, 5)


def test_large_arrays_name_the_callers_index_and_write_nothing(chc, numpy, england):
    starts = numpy.full(300_000, numpy.datetime64("2024-12-20"))
    bad = 200_007
    starts[bad] = numpy.datetime64("2200-01-01")
    with pytest.raises(chc.RangeError, match=rf"^start\[{bad}\]: 2200-01-01"):
        england.add_working_days(starts, 5)
    grid = starts.reshape(600, 500)
    with pytest.raises(chc.RangeError, match=rf"^start\[{bad // 500}, {bad % 500}\]: 2200-01-01"):
        england.add_working_days(grid, 5)
    starts[bad] = numpy.datetime64("2024-12-20")
    assert (england.add_working_days(starts, 5) == numpy.datetime64("2024-12-31")).all()
    assert (england.count_working_days(starts, starts + 11) == 5).all()  # 21 Dec 2024 to 31 Dec: 5 working days


def test_non_contiguous_and_read_only_inputs(chc, numpy, england):
    days = numpy.arange(numpy.datetime64("2024-12-01"), numpy.datetime64("2025-02-01"))
    every_third = days[::3]
    expected = [england.add_working_days(d, 5) for d in every_third.astype(object)]
    assert england.add_working_days(every_third, 5).astype(object).tolist() == expected
    frozen = every_third.copy()
    frozen.flags.writeable = False
    assert england.add_working_days(frozen, numpy.full(frozen.shape, 5, numpy.int16)).astype(object).tolist() == expected
    assert not frozen.flags.writeable


# ---------------------------------------------------------------------------------------------------------------
# Arrays read by chc's own rules (chc/_dates.py), never numpy's parser; worked by hand. 2025-06-13 is a Friday,
# 2025-06-14 a Saturday, 2025-01-14 a Tuesday; London is on BST (UTC+1) from 30 March to 26 October 2025.

def test_timestamp_text_is_its_london_date_not_numpys_utc(chc, england):
    # numpy reads "2025-06-14T00:30:00+01:00" as 23:30 UTC on the 13th; in London it is Saturday the 14th, so
    # adding 0 working days gives Monday the 16th.
    assert england.add_working_days(["2025-06-14T00:30:00+01:00"], 0).astype(str).tolist() == ["2025-06-16"]
    got = england.add_working_days(["2025-06-12T23:30:00Z", "2025-01-14T23:30:00Z", "2025-06-13"], 0)
    assert got.astype(str).tolist() == ["2025-06-13", "2025-01-14", "2025-06-13"]


@pytest.mark.parametrize("partial", ["2025", "2025-06", "2025-06-1", "25-06-01", "2025-06-12T10:00"])
def test_partial_dates_and_zoneless_times_are_refused_with_the_index(chc, england, partial):
    # numpy would make "2025" 2025-01-01 and "2025-06" 2025-06-01.
    with pytest.raises(chc.DateError, match=rf'^start\[1\]: "{partial}" is not a date'):
        england.add_working_days(["2025-06-02", partial], 0)


def test_month_and_year_arrays_are_refused(chc, numpy, england):
    with pytest.raises(chc.DateError, match=r"^start: datetime64\[M\] holds months, not days"):
        england.add_working_days(numpy.array(["2025-06"], "datetime64[M]"), 0)
    with pytest.raises(chc.DateError, match=r"^to: datetime64\[Y\] holds years, not days"):
        england.count_working_days("2025-01-01", numpy.array(["2025"], "datetime64[Y]"))


def test_errors_name_the_element_whatever_the_input(chc, numpy, england):
    with pytest.raises(chc.DateError, match=r'^start\[2\]: "2025-02-30": day 30 does not exist in 2025-02'):
        england.add_working_days(["2025-06-02", "2025-06-03", "2025-02-30"], 1)
    with pytest.raises(chc.DateError, match=r'^start\[1, 0\]: "2025-02-30": day 30'):
        england.add_working_days(numpy.array([["2025-06-02"], ["2025-02-30"]]), 1)
    with pytest.raises(TypeError, match=r"^start\[1\]: expected a datetime.date"):
        england.add_working_days([date(2025, 6, 2), 20000], 1)
    with pytest.raises(chc.RangeError, match=r"^start\[1\]: 1899-12-31 is outside the supported range"):
        england.add_working_days(["2025-06-02", "1899-12-31", None], 1)


def test_nat_in_gives_nat_out(chc, numpy, busdaycal, england):
    starts = numpy.array(["2024-12-20", "NaT", "2025-01-01", "NaT"], "datetime64[D]")
    expected = numpy.busday_offset(starts, 5, roll="backward", busdaycal=busdaycal["england-and-wales"])
    assert numpy.isnat(expected).tolist() == [False, True, False, True]  # numpy passes NaT through too
    numpy.testing.assert_array_equal(england.add_working_days(starts, 5), expected)
    # A NaT's own n is never used (this one would overflow), and a 2-D answer keeps its NaTs where they were.
    got = england.add_working_days(starts, numpy.array([5, 2 ** 31 - 1, 5, 0]))
    assert got.astype(str).tolist() == ["2024-12-31", "NaT", "2025-01-08", "NaT"]
    assert england.add_working_days(starts.reshape(2, 2), 5).astype(str).tolist() == [
        ["2024-12-31", "NaT"], ["2025-01-08", "NaT"]]
    # Missing values in a list: None, NaN, NaT, "" and "NaT".
    listed = england.add_working_days([None, "2024-12-20", float("nan"), numpy.datetime64("NaT"), "", "NaT"], 5)
    assert listed.astype(str).tolist() == ["NaT", "2024-12-31", "NaT", "NaT", "NaT", "NaT"]
    # NaT does not hide a bad element after it.
    starts[3] = numpy.datetime64("2200-01-01")
    with pytest.raises(chc.RangeError, match=r"^start\[3\]: 2200-01-01 is outside the supported range"):
        england.add_working_days(starts, 5)


def test_naive_times_are_london_local_dates_never_utc(chc, numpy, england):
    # 23:30 on Thursday 12 June is the 12th in London; read as UTC it would be the 13th (00:30 BST).
    times = numpy.array(["2025-06-12T23:30", "2025-01-14T23:59:59"], "datetime64[s]")
    assert england.add_working_days(times, 0).astype(str).tolist() == ["2025-06-12", "2025-01-14"]
    assert england.add_working_days(times.astype("datetime64[ns]"), 0).astype(str).tolist() == [
        "2025-06-12", "2025-01-14"]


def test_aware_pandas_data_is_converted_to_london(chc, england):
    pandas = pytest.importorskip("pandas")
    utc = pandas.Series(pandas.to_datetime(["2025-06-12T23:30:00Z", "2025-01-14T23:30:00Z", None], utc=True),
                        index=["a", "b", "c"], name="received")
    got = england.add_working_days(utc, 0)
    assert isinstance(got, pandas.Series) and got.index.tolist() == ["a", "b", "c"] and got.name == "received"
    assert got.dt.strftime("%Y-%m-%d").tolist()[:2] == ["2025-06-13", "2025-01-14"] and pandas.isna(got["c"])
    # Aware Timestamps of different zones (an object column): each through libchc.
    mixed = [pandas.Timestamp("2025-06-12T23:30", tz="UTC"), pandas.Timestamp("2025-06-13T00:30", tz="Europe/London")]
    assert england.add_working_days(mixed, 0).astype(str).tolist() == ["2025-06-13", "2025-06-13"]


def test_the_pandas_route_agrees_with_the_library_over_the_clock_changes(chc, numpy):
    # Aware arrays are converted by pandas (its time-zone database); single values by libchc (ICU). Every 20
    # minutes of the days either side of each clock change 2000-2030, both must give the same London dates.
    pandas = pytest.importorskip("pandas")
    from chc._dates import day_array
    instants = []
    for year in range(2000, 2031):
        for month in (3, 10):
            last_sunday = max(date(year, month, d) for d in range(25, 32) if date(year, month, d).weekday() == 6)
            first = datetime(last_sunday.year, last_sunday.month, last_sunday.day, tzinfo=timezone.utc) - timedelta(days=1)
            instants += [first + timedelta(minutes=20 * i) for i in range(3 * 72)]
    series = pandas.Series(pandas.to_datetime(instants, utc=True))
    by_library = [chc.to_day(chc.timestamp_to_date(t.isoformat())) for t in instants]
    assert day_array(series, "t").tolist() == by_library
    assert len(set(by_library)) > 3 * 62 - 10  # the instants cover three London dates around each change


def test_a_series_in_gives_a_series_out(chc, numpy, england):
    pandas = pytest.importorskip("pandas")
    received = pandas.Series(pandas.to_datetime(["2024-12-20", "2025-01-01", None]), index=[10, 20, 30], name="received")
    due = england.add_working_days(received, 5)
    assert isinstance(due, pandas.Series) and due.index.tolist() == [10, 20, 30] and due.name == "received"
    assert due.dt.strftime("%Y-%m-%d").tolist()[:2] == ["2024-12-31", "2025-01-08"] and pandas.isna(due[30])
    # A count has no NaT: pandas' nullable Int32 gives <NA> there; without NaT it is a plain int32 Series.
    counts = england.count_working_days(received, due)
    assert str(counts.dtype) == "Int32" and counts.index.tolist() == [10, 20, 30]
    assert counts.tolist()[:2] == [5, 5] and counts.isna().tolist() == [False, False, True]
    whole = england.count_working_days(received[:2], due[:2])
    assert whole.dtype == numpy.int32 and whole.tolist() == [5, 5]
    with pytest.raises(ValueError, match="different indexes"):
        england.count_working_days(received, due.reset_index(drop=True))
    assert isinstance(england.add_working_days(received.to_numpy(), 5), numpy.ndarray)  # numpy in, numpy out


def test_fast_paths_take_no_copy_and_no_python_loop(chc, numpy, monkeypatch):
    from chc import _dates
    days = numpy.arange(numpy.datetime64("2000-01-01"), numpy.datetime64("2030-01-01"))
    assert numpy.shares_memory(_dates.day_array(days, "start"), days)  # datetime64[D]: the caller's memory
    # Exactly-ISO strings are parsed by numpy at once: the one-by-one reader must not run.
    monkeypatch.setattr(_dates, "_day_number", lambda value: pytest.fail(f"read {value!r} one by one"))
    numpy.testing.assert_array_equal(_dates.day_array(days.astype(str), "start"), days.view(numpy.int64))
    numpy.testing.assert_array_equal(_dates.day_array(days.astype("datetime64[s]"), "start"), days.view(numpy.int64))
