# SPDX-License-Identifier: MIT
"""Array calls through the batch functions, checked against numpy's busday functions fed the official list.

numpy.busday_offset(start, n, roll='backward') is the n-th business day after start for n >= 1 (a
non-working start rolls back first, and no business day lies between it and start); roll='forward' gives
the |n|-th before for n <= -1. busday_count counts [begin, end), so chc's (from, to] is busday_count(a+1, b+1).
"""

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
    with pytest.raises(chc.DateError, match="start: "):
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
    with pytest.raises(chc.DateError, match=r"^start\[3\]: NaT is not a date"):
        england.add_working_days(starts, 5)
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
