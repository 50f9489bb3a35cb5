#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The Python binding beside numpy's busday functions, in one run (a benchmark, not a test).

    /usr/bin/python3 bench/python_bench.py [--count 10000000] [--scalar-calls 200000] [--repeat 5]

Adds 5 working days to COUNT random datetime64[D] dates (2000-2050) through chc.Calendar.add_working_days
(the batch C call, conversions included) and through numpy.busday_offset(roll='backward') given the same
bank holidays (Calendar.holidays), checks every answer is identical, and prints ns/element and the ratio.
Then the per-call overhead of one scalar call through ctypes beside numpy's scalar busday_offset, and the
same for count_working_days against numpy.busday_count. The last line is JSON with the figures.
The library is found as `import chc` finds it (CHC_LIBRARY, the install prefix, or build*/ above the package).
"""

import argparse
import json
import os
import sys
import time

import numpy as np

try:
    import chc
except ImportError:  # run from a checkout
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings", "python"))
    import chc


def best_seconds(contenders, repeat):
    """Best time and last result of each function, run in turns so both see the same machine load."""
    best = [float("inf")] * len(contenders)
    results = [None] * len(contenders)
    for _ in range(repeat):
        for i, function in enumerate(contenders):
            started = time.perf_counter()
            results[i] = function()
            best[i] = min(best[i], time.perf_counter() - started)
    return [(seconds, result) for seconds, result in zip(best, results)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000_000)
    parser.add_argument("--scalar-calls", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--calendar", default="england-and-wales")
    parser.add_argument("--n", type=int, default=5)
    args = parser.parse_args()

    rng = np.random.default_rng(2024)
    first, last = np.datetime64("2000-01-01"), np.datetime64("2050-12-31")
    starts = first + rng.integers(0, int((last - first).astype(int)) + 1, size=args.count).astype("timedelta64[D]")
    ends = starts + rng.integers(0, 41, size=args.count).astype("timedelta64[D]")

    with chc.Calendar(args.calendar) as cal:
        # numpy gets the library's own holidays, with a margin for answers that cross into 2051.
        holidays = np.array([h["date"] for h in cal.holidays("1999-01-01", "2052-12-31")], dtype="datetime64[D]")
        busdaycal = np.busdaycalendar(weekmask="1111100", holidays=holidays)

        (chc_add_s, chc_add), (numpy_add_s, numpy_add) = best_seconds([
            lambda: cal.add_working_days(starts, args.n),
            lambda: np.busday_offset(starts, args.n, roll="backward", busdaycal=busdaycal)], args.repeat)
        add_identical = bool(np.array_equal(chc_add, numpy_add))

        # chc counts working days in (from, to]; busday_count counts [begin, end).
        (chc_count_s, chc_count), (numpy_count_s, numpy_count) = best_seconds([
            lambda: cal.count_working_days(starts, ends),
            lambda: np.busday_count(starts + 1, ends + 1, busdaycal=busdaycal)], args.repeat)
        count_identical = bool(np.array_equal(chc_count, numpy_count))

        # Scalar calls: the cost of crossing into C once, with date conversion both ways.
        scalar_dates = starts[:args.scalar_calls]
        as_python_dates = scalar_dates.astype(object).tolist()
        (chc_scalar_s, chc_scalar), (numpy_scalar_s, numpy_scalar) = best_seconds([
            lambda: [cal.add_working_days(d, args.n) for d in as_python_dates],
            lambda: [np.busday_offset(d, args.n, roll="backward", busdaycal=busdaycal) for d in scalar_dates]], 2)
        scalar_identical = chc_scalar == [d.astype(object) for d in numpy_scalar]

    def ns(seconds, operations):
        return seconds * 1e9 / operations

    figures = {
        "count": args.count,
        "chc_add_ns": round(ns(chc_add_s, args.count), 2),
        "numpy_add_ns": round(ns(numpy_add_s, args.count), 2),
        "add_speedup": round(numpy_add_s / chc_add_s, 1),
        "chc_count_ns": round(ns(chc_count_s, args.count), 2),
        "numpy_count_ns": round(ns(numpy_count_s, args.count), 2),
        "count_speedup": round(numpy_count_s / chc_count_s, 1),
        "scalar_calls": len(as_python_dates),
        "chc_scalar_add_ns": round(ns(chc_scalar_s, len(as_python_dates)), 1),
        "numpy_scalar_add_ns": round(ns(numpy_scalar_s, len(as_python_dates)), 1),
        "results_identical": add_identical and count_identical and scalar_identical,
    }

    print(f"chc {chc.library_version()} ({chc.library_path}) vs numpy {np.__version__}, calendar {args.calendar}, "
          f"{args.count:,} random dates 2000-2050, n = {args.n}, best of {args.repeat}")
    print(f"  {'operation':<58} {'seconds':>8} {'ns/element':>11} {'numpy / chc':>12}")
    rows = [
        ("add: chc Calendar.add_working_days(array, n)", chc_add_s, args.count, numpy_add_s),
        ("add: numpy.busday_offset(array, n, roll='backward')", numpy_add_s, args.count, None),
        ("count: chc Calendar.count_working_days(array, array)", chc_count_s, args.count, numpy_count_s),
        ("count: numpy.busday_count(a + 1, b + 1)", numpy_count_s, args.count, None),
        (f"add, one date per call: chc ({len(as_python_dates):,} calls)", chc_scalar_s, len(as_python_dates),
         numpy_scalar_s),
        ("add, one date per call: numpy.busday_offset", numpy_scalar_s, len(as_python_dates), None),
    ]
    for name, seconds, operations, anchor in rows:
        ratio = f"{anchor / seconds:>11.1f}x" if anchor else f"{'':>12}"
        print(f"  {name:<58} {seconds:>8.3f} {ns(seconds, operations):>11.2f} {ratio}")
    print(f"  identical answers: add {'yes' if add_identical else 'NO'}, count {'yes' if count_identical else 'NO'}, "
          f"scalar {'yes' if scalar_identical else 'NO'}; target: chc at least 20x faster than numpy for arrays "
          f"({'met' if figures['add_speedup'] >= 20 else 'NOT met'})")
    print(json.dumps(figures))
    return 0 if figures["results_identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
