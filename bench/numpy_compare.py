#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""chc's working-day arithmetic beside numpy's busday functions, in one run.

Generates one workload (random starts 2000-2050, n drawn from {5, 10, 20},
count windows of 0-40 days), has bench_calendar time the library on it, times
numpy.busday_offset (roll='backward') and numpy.busday_count on the same
arrays with the same bank holidays, checks that every answer agrees, and
prints ns/op side by side with the ratios.

    /usr/bin/python3 bench/numpy_compare.py [--build-dir build] [--count 10000000]

numpy comes from Debian (python3-numpy); run it with /usr/bin/python3.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

EPOCH = np.datetime64("1970-01-01", "D")


def best_ns_per_op(fn, ops, repeat):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e9 / ops, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--count", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--calendar", default="england-and-wales")
    args = parser.parse_args()

    bench = os.path.join(args.build_dir, "bin", "bench_calendar")
    cli = os.path.join(args.build_dir, "bin", "chc")
    for path in (bench, cli):
        if not os.access(path, os.X_OK):
            sys.exit(f"numpy_compare: {path} not found; build first (cmake --build {args.build_dir})")

    rng = np.random.default_rng(2024)
    lo = int((np.datetime64("2000-01-01") - EPOCH).astype(int))
    hi = int((np.datetime64("2050-12-31") - EPOCH).astype(int))
    start = rng.integers(lo, hi + 1, size=args.count, dtype=np.int32)
    n = rng.choice(np.array([5, 10, 20], dtype=np.int32), size=args.count)
    to = (start + rng.integers(0, 41, size=args.count, dtype=np.int32)).astype(np.int32)

    # The same bank holidays numpy is given: the library's own list, 1999-2053.
    listed = json.loads(subprocess.run(
        [cli, "holidays", "--calendar", args.calendar, "--from", "1999-01-01", "--to", "2053-12-31", "--json"],
        check=True, capture_output=True, text=True).stdout)
    holidays = np.array([h["date"] for h in listed["holidays"]], dtype="datetime64[D]")
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=holidays)

    with tempfile.TemporaryDirectory() as work:
        for name, array in (("start", start), ("n", n), ("to", to)):
            array.astype("<i4").tofile(os.path.join(work, f"{name}.i32"))
        run = subprocess.run([bench, "--workload", work, "--repeat", str(args.repeat), "--calendar", args.calendar],
                             check=True, capture_output=True, text=True)
        lib = json.loads(run.stdout.strip().splitlines()[-1])
        lib_add = np.fromfile(os.path.join(work, "add.i32"), dtype="<i4")
        lib_count = np.fromfile(os.path.join(work, "count.i32"), dtype="<i4")

    start_dates = start.astype("datetime64[D]")
    to_dates = to.astype("datetime64[D]")
    numpy_add_ns, numpy_add = best_ns_per_op(
        lambda: np.busday_offset(start_dates, n, roll="backward", busdaycal=busdaycal), args.count, args.repeat)
    # chc counts working days in (from, to]; busday_count counts [begin, end).
    numpy_count_ns, numpy_count = best_ns_per_op(
        lambda: np.busday_count(start_dates + 1, to_dates + 1, busdaycal=busdaycal), args.count, args.repeat)
    scalar_ops = 100_000
    numpy_scalar_ns, _ = best_ns_per_op(
        lambda: [np.busday_offset(start_dates[i], n[i], roll="backward", busdaycal=busdaycal) for i in range(scalar_ops)],
        scalar_ops, 1)

    add_agrees = np.array_equal((numpy_add - EPOCH).astype(np.int64), lib_add.astype(np.int64))
    count_agrees = np.array_equal(numpy_count.astype(np.int64), lib_count.astype(np.int64))

    print(f"chc vs numpy {np.__version__}: {args.count:,} operations, calendar {args.calendar}, "
          f"starts 2000-2050, n in {{5, 10, 20}}, best of {args.repeat}, one core")
    print(f"  {'operation':<48} {'ns/op':>8} {'numpy / chc':>12}")
    rows = [
        ("add: chc C++ API (scalar calls)", lib["cxx_add_ns"], numpy_add_ns),
        ("add: chc C batch API", lib["c_batch_add_ns"], numpy_add_ns),
        ("add: chc C scalar API (libchc.so)", lib["c_scalar_add_ns"], numpy_add_ns),
        ("add: numpy.busday_offset (vectorised)", numpy_add_ns, None),
        ("add: numpy.busday_offset (one call per date)", numpy_scalar_ns, None),
        ("count: chc C++ API (scalar calls)", lib["cxx_count_ns"], numpy_count_ns),
        ("count: chc C batch API", lib["c_batch_count_ns"], numpy_count_ns),
        ("count: numpy.busday_count (vectorised)", numpy_count_ns, None),
    ]
    for name, ns, anchor in rows:
        ratio = f"{anchor / ns:>11.1f}x" if anchor else f"{'':>12}"
        print(f"  {name:<48} {ns:>8.2f} {ratio}")
    print(f"  results identical to numpy: add {'yes' if add_agrees else 'NO'}, count {'yes' if count_agrees else 'NO'}")
    print(f"  calendar construction {lib['construction_ms']:.3f} ms, table memory {lib['memory_bytes']:,} bytes")
    print(json.dumps({"numpy_add_ns": round(numpy_add_ns, 3), "numpy_count_ns": round(numpy_count_ns, 3),
                      "numpy_scalar_add_ns": round(numpy_scalar_ns, 1),
                      "batch_add_speedup": round(numpy_add_ns / lib["c_batch_add_ns"], 1),
                      "cxx_add_speedup": round(numpy_add_ns / lib["cxx_add_ns"], 1),
                      "batch_count_speedup": round(numpy_count_ns / lib["c_batch_count_ns"], 1),
                      "results_identical": bool(add_agrees and count_agrees)}))
    return 0 if add_agrees and count_agrees else 1


if __name__ == "__main__":
    sys.exit(main())
