# SPDX-License-Identifier: MIT
"""chc inside SQLite beside the SQL an analyst would write, in the same run
(docs/sql.md, "Performance"):

 1. chc_add_working_days over ROWS rows (start dates 2015-2027, 1 to 30
    working days) versus a calendar table: every day 2012-2028 with its running
    count of working days, the working days numbered, two indexed joins. The
    anchor's working days come from the official GOV.UK list
    (tests/data/bank-holidays-official.csv), not from chc; answers identical.
 2. chc_count_working_days over the same rows and tables.
 3. chc_evaluate over CASES generated case records versus reading them out,
    evaluating each through the C API (ctypes) and writing the answers back.

    /usr/bin/python3 bench/sql/bench_sqlite.py [BUILD_DIR] [--rows N] [--cases N] [--repeat N]

BUILD_DIR defaults to build/release. Timings are the best of --repeat runs.
"""
import csv
import ctypes
import os
import sqlite3
import subprocess
import sys
import time

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
args = sys.argv[1:]
options = {"--rows": 1000000, "--cases": 100000, "--repeat": 3}
build = os.path.join(repo, "build", "release")
while args:
    if args[0] in options:
        options[args[0]] = int(args[1])
        args = args[2:]
    else:
        build = os.path.abspath(args.pop(0))
rows, cases, repeat = options["--rows"], options["--cases"], options["--repeat"]

db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(os.path.join(build, "libchc_sqlite"))
version = db.execute("SELECT chc_version()").fetchone()[0]
print(f"chc {version} in SQLite {sqlite3.sqlite_version}, {os.cpu_count()} cores; {rows} rows, {cases} cases, "
      f"best of {repeat}")


def best_ms(query):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        db.execute(query).fetchall()
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best


db.executescript(f"""
CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, start TEXT, n INTEGER, finish TEXT);
WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {rows})
INSERT INTO bench_rows SELECT i, date('2015-01-01', '+' || ((i * 7919) % 4748) || ' days'), 1 + (i * 31) % 30,
                              date('2015-01-01', '+' || ((i * 7919) % 4748 + (i * 104729) % 200) || ' days') FROM g;
CREATE TABLE official (division TEXT, date TEXT, title TEXT, notes TEXT);
""")
with open(os.path.join(repo, "tests", "data", "bank-holidays-official.csv"), encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    next(reader)
    db.executemany("INSERT INTO official VALUES (?, ?, ?, ?)", reader)
# The anchor: the days 2012-2028, a running count of working days (Monday to
# Friday, not an official bank holiday), and the working days numbered.
db.executescript("""
CREATE TABLE calendar (day TEXT PRIMARY KEY, working INTEGER, working_upto INTEGER) WITHOUT ROWID;
WITH RECURSIVE d(day) AS (SELECT '2012-01-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2028-12-31'),
     flagged AS (SELECT day, strftime('%w', day) NOT IN ('0', '6') AND NOT EXISTS
                   (SELECT 1 FROM official o WHERE o.date = d.day AND o.division = 'england-and-wales') AS working FROM d)
INSERT INTO calendar SELECT day, working, sum(working) OVER (ORDER BY day) FROM flagged;
CREATE TABLE working_days (rn INTEGER PRIMARY KEY, day TEXT);
INSERT INTO working_days SELECT working_upto, day FROM calendar WHERE working;
ANALYZE;
""")
anchor_add = ("SELECT r.id, w.day AS due FROM bench_rows r JOIN calendar c ON c.day = r.start "
              "JOIN working_days w ON w.rn = c.working_upto + r.n")
anchor_count = ("SELECT r.id, e.working_upto - s.working_upto AS working FROM bench_rows r "
                "JOIN calendar s ON s.day = r.start JOIN calendar e ON e.day = r.finish")

floor = best_ms("SELECT max(start) FROM bench_rows")
for name, anchor, ours, check in (
        ("chc_add_working_days", f"SELECT max(due) FROM ({anchor_add})",
         "SELECT max(chc_add_working_days(start, n)) FROM bench_rows",
         f"SELECT count(*), sum(a.due IS chc_add_working_days(r.start, r.n)) FROM bench_rows r "
         f"LEFT JOIN ({anchor_add}) a USING (id)"),
        ("chc_count_working_days", f"SELECT max(working) FROM ({anchor_count})",
         "SELECT max(chc_count_working_days(start, finish)) FROM bench_rows",
         f"SELECT count(*), sum(a.working IS chc_count_working_days(r.start, r.finish)) FROM bench_rows r "
         f"LEFT JOIN ({anchor_count}) a USING (id)")):
    anchor_ms, ms = best_ms(anchor), best_ms(ours)
    total, same = db.execute(check).fetchone()
    print(f"{name}, {rows} rows: calendar-table join {anchor_ms:.0f} ms, chc {ms:.0f} ms: {anchor_ms / ms:.1f}x faster")
    print(f"  answers identical: {same} of {total}")
print(f"  both read the rows: the scan alone (max(start)) takes {floor:.0f} ms")

# Evaluation: in SQL, and out through the C API and back.
generated = subprocess.run([os.path.join(build, "bin", "chc"), "generate", "--count", str(cases), "--seed", "7",
                            "--from", "2024-04-01", "--to", "2026-03-31", "--as-of", "2026-04-30"],
                           check=True, capture_output=True, text=True).stdout.splitlines()
db.execute("CREATE TABLE bench_cases (id INTEGER PRIMARY KEY, doc TEXT)")
db.executemany("INSERT INTO bench_cases (doc) VALUES (?)", ((doc,) for doc in generated))
in_sql = best_ms("SELECT count(chc_evaluate(doc, 'hoc', '2026-04-30')) FROM bench_cases")

lib = ctypes.CDLL(os.path.join(build, "libchc.so.1"))
P = ctypes.c_void_p
lib.chc_ruleset_builtin.argtypes = (P, ctypes.c_char_p)
lib.chc_evaluate.argtypes = (P, P, P, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int32)
lib.chc_string_free.argtypes = (P,)
lib.chc_day_parse.argtypes = (P, ctypes.c_char_p)
rules, as_of, out = P(), ctypes.c_int32(), P()
assert lib.chc_ruleset_builtin(ctypes.byref(rules), b"hoc") == 0
assert lib.chc_day_parse(ctypes.byref(as_of), b"2026-04-30") == 0
best = None
for _ in range(repeat):
    db.execute("DROP TABLE IF EXISTS roundtrip")
    db.execute("CREATE TABLE roundtrip (id INTEGER PRIMARY KEY, evaluation TEXT)")
    started = time.perf_counter()
    answers = []
    for case_id, doc in db.execute("SELECT id, doc FROM bench_cases"):
        data = doc.encode()
        assert lib.chc_evaluate(ctypes.byref(out), rules, None, data, len(data), as_of.value) == 0
        answers.append((case_id, ctypes.string_at(out.value).decode()))
        lib.chc_string_free(out)
    db.executemany("INSERT INTO roundtrip VALUES (?, ?)", answers)
    elapsed = (time.perf_counter() - started) * 1000
    best = elapsed if best is None else min(best, elapsed)
total, same = db.execute("SELECT count(*), sum(r.evaluation IS chc_evaluate(c.doc, 'hoc', '2026-04-30')) "
                         "FROM bench_cases c LEFT JOIN roundtrip r USING (id)").fetchone()
print(f"chc_evaluate, {cases} cases: in SQL {in_sql:.0f} ms ({cases / in_sql * 1000:.0f} cases/s); out through the "
      f"C API and back {best:.0f} ms; in SQL is {best / in_sql:.1f}x faster")
print(f"  answers identical: {same} of {total}")
