# SPDX-License-Identifier: MIT
"""Thread safety smoke: threads sharing one Calendar, and chc_last_error() kept per thread."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

THREADS = 8


def test_threads_share_one_calendar(chc, england):
    starts = [date(2013, 1, 1) + timedelta(days=i) for i in range(0, 5000, 7)]
    expected = [england.add_working_days(s, 10) for s in starts]

    def work(seed):
        for _ in range(5):
            assert [england.add_working_days(s, 10) for s in starts] == expected
            assert england.explain("2024-12-20", "2024-12-31")["working_days"] == 5
        return seed

    with ThreadPoolExecutor(THREADS) as pool:
        assert sorted(pool.map(work, range(THREADS))) == list(range(THREADS))


def test_threads_share_one_calendar_for_arrays(chc, numpy, england):
    starts = numpy.datetime64("2013-01-01") + (numpy.arange(5000 * 40) % 5000).astype("timedelta64[D]")
    expected = england.add_working_days(starts, 20)

    def work(_):
        return bool((england.add_working_days(starts, 20) == expected).all())

    with ThreadPoolExecutor(THREADS) as pool:
        assert all(pool.map(work, range(THREADS * 2)))


def test_error_messages_stay_on_their_thread(chc, england):
    def fail_repeatedly(kind):
        for i in range(500):
            if kind == "date":
                with pytest.raises(chc.DateError, match='"tomorrow"'):
                    england.add_working_days("tomorrow", 1)
            else:
                with pytest.raises(chc.RangeError, match="1850-01-01 is outside"):
                    england.add_working_days("1850-01-01", 1)
        return kind

    with ThreadPoolExecutor(THREADS) as pool:
        assert sorted(pool.map(fail_repeatedly, ["date", "range"] * (THREADS // 2))) == \
            ["date"] * (THREADS // 2) + ["range"] * (THREADS // 2)


def test_evaluate_from_threads(chc):
    case = {"id": "T", "received": "2024-12-20", "events": []}

    def work(_):
        # Fri 2024-12-20 + 5 -> Tue 2024-12-31 (as in the calendar tests).
        due = {d["name"]: d["due"] for d in chc.evaluate(case, as_of="2025-01-06")["deadlines"]}
        return due["stage1_acknowledgement"]

    with ThreadPoolExecutor(THREADS) as pool:
        assert set(pool.map(work, range(200))) == {"2024-12-31"}
