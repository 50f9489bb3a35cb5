# SPDX-License-Identifier: MIT
"""The C API's answers, for the SQL extensions' agreement tests.

    python3 capi_answers.py OUTDIR REPO_ROOT CHC_COMMAND [--random N]

Calls libchc's C functions directly (ctypes; $CHC_LIBRARY is the path of
libchc.so.1) and writes CSV files that the
PostgreSQL and SQLite tests load and compare with their own functions'
results, so the SQL functions are never compared with themselves:

  calendars.csv    key, calendar (a built-in name or a landlord calendar's JSON)
  dates.csv        key, start, n, added, to, counted, working: N random rows per calendar
  holidays.csv     key, date, name, kind, source, substitute_for: every holiday 1900-2199
  holidays_json.csv key, json: chc_calendar_holidays_json over 1900-2199, as text
  cases.csv        name, rules, calendar, as_of, case_text, result (or code and message)
  errors.csv       function, a, b, c, code, sqlstate, message: bad calls and what they must give
  sqlite_errors.sql, sqlite_errors.expected
                   the bad calls and bad cases as sqlite3 statements, one a line, and
                   the C API's message each must fail with ("Runtime error near line K: ...")

The SQLSTATE column is the documented mapping of chc error codes
(docs/sql.md), written out here independently of the extensions.
"""
import csv
import ctypes
import glob
import json
import os
import random
import subprocess
import sys

out_dir, repo, chc_command = sys.argv[1], sys.argv[2], sys.argv[3]
random_rows = int(sys.argv[sys.argv.index("--random") + 1]) if "--random" in sys.argv else 100000

lib = ctypes.CDLL(os.environ["CHC_LIBRARY"])
_P, _I32, _SZ = ctypes.c_void_p, ctypes.c_int32, ctypes.c_size_t
for _name, _args in {
        "chc_calendar_builtin": (_P, ctypes.c_char_p), "chc_calendar_from_json": (_P, ctypes.c_char_p, _SZ),
        "chc_calendar_free": (_P,), "chc_day_format": (ctypes.c_char_p, _SZ, _I32),
        "chc_day_parse": (_P, ctypes.c_char_p), "chc_calendar_add_working_days": (_P, _P, _I32, _I32),
        "chc_calendar_count_working_days": (_P, _P, _I32, _I32), "chc_calendar_is_working_day": (_P, _P, _I32),
        "chc_calendar_holidays_json": (_P, _P, _I32, _I32), "chc_ruleset_builtin": (_P, ctypes.c_char_p),
        "chc_ruleset_from_json": (_P, ctypes.c_char_p, _SZ), "chc_ruleset_free": (_P,),
        "chc_evaluate": (_P, _P, _P, ctypes.c_char_p, _SZ, _I32), "chc_string_free": (_P,)}.items():
    getattr(lib, _name).argtypes = _args
lib.chc_last_error.restype = ctypes.c_char_p

CODES = {-1: "CHC_E_NULL", -2: "CHC_E_INVALID", -3: "CHC_E_JSON", -4: "CHC_E_DATE", -5: "CHC_E_RANGE",
         -6: "CHC_E_OVERFLOW", -7: "CHC_E_UNKNOWN_NAME", -8: "CHC_E_NOMEM", -9: "CHC_E_SCHEMA",
         -10: "CHC_E_LIMIT", -11: "CHC_E_INTERNAL"}
# docs/sql.md, "Errors".
SQLSTATE = {"CHC_E_NULL": "22004", "CHC_E_INVALID": "22023", "CHC_E_JSON": "22P02", "CHC_E_DATE": "22007",
            "CHC_E_RANGE": "22008", "CHC_E_OVERFLOW": "22008", "CHC_E_UNKNOWN_NAME": "22023",
            "CHC_E_NOMEM": "53200", "CHC_E_SCHEMA": "22023", "CHC_E_LIMIT": "54000", "CHC_E_INTERNAL": "XX000"}

LANDLORD = {
    "name": "Acme Homes", "base": "england-and-wales",
    "working_week": ["mon", "tue", "wed", "thu", "fri", "sat"],
    "closures": [{"date": "2025-07-04", "name": "Staff training day"},
                 {"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}],
    "extra_bank_holidays": [{"date": "2027-06-07", "name": "A newly announced one-off"}],
    "removed": ["2026-05-04"],
    # Without its own stamp a landlord calendar's data_version hashes the document's bytes,
    # which jsonb rewrites; with one, chc_holidays_json is the same byte for byte.
    "data_version": "acme-2025-11",
}
CALENDARS = [("england-and-wales", "england-and-wales"), ("scotland", "scotland"),
             ("northern-ireland", "northern-ireland"), ("acme", json.dumps(LANDLORD))]

FIRST, LAST = -25567, 84005  # 1900-01-01 and 2199-12-31 as chc days


class Failure(Exception):
    def __init__(self, code):
        self.code = CODES.get(code, str(code))
        self.message = lib.chc_last_error().decode("utf-8")


def call(function, *arguments):
    """Calls a chc function; raises Failure with the C API's code and message."""
    rc = function(*arguments)
    if rc != 0:
        raise Failure(rc)


def make_calendar(spec):
    handle = ctypes.c_void_p()
    if spec[:1] in ('{', '[', '"'):  # a JSON document, as the SQL tests pass it (jsonb)
        data = spec.encode()
        call(lib.chc_calendar_from_json, ctypes.byref(handle), data, len(data))
    else:
        call(lib.chc_calendar_builtin, ctypes.byref(handle), spec.encode())
    return handle


def iso(day):
    buf = ctypes.create_string_buffer(16)
    call(lib.chc_day_format, buf, 16, day)
    return buf.value.decode()


def parse(text):
    day = ctypes.c_int32()
    call(lib.chc_day_parse, ctypes.byref(day), text.encode())
    return day.value


def add(cal, start, n):
    out = ctypes.c_int32()
    call(lib.chc_calendar_add_working_days, ctypes.byref(out), cal, start, n)
    return out.value


def count(cal, a, b):
    out = ctypes.c_int32()
    call(lib.chc_calendar_count_working_days, ctypes.byref(out), cal, a, b)
    return out.value


def working(cal, day):
    out = ctypes.c_int()
    call(lib.chc_calendar_is_working_day, ctypes.byref(out), cal, day)
    return out.value


def writer(name):
    handle = open(os.path.join(out_dir, name), "w", newline="", encoding="utf-8")
    return handle, csv.writer(handle, lineterminator="\n")


def random_dates(cal, rng):
    """Half uniform over 1901-2198, half over 1990-2035 where one-offs and the official list lie."""
    rows = []
    for i in range(random_rows):
        if i % 2:
            start = rng.randint(FIRST + 366, LAST - 366)
        else:
            start = rng.randint(parse("1990-01-01"), parse("2035-12-31"))
        n = rng.choice((rng.randint(-250, 250), rng.randint(0, 25)))
        to = start + rng.randint(-360, 360)
        rows.append((iso(start), n, iso(add(cal, start, n)), iso(to), count(cal, start, to), working(cal, start)))
    return rows


def holidays_of(cal):
    out = ctypes.c_void_p()
    call(lib.chc_calendar_holidays_json, ctypes.byref(out), cal, FIRST, LAST)
    text = ctypes.string_at(out.value).decode("utf-8")
    lib.chc_string_free(out)
    return text, json.loads(text)["holidays"]


def evaluation_row(rules_spec, calendar_spec, as_of, case_text):
    """code, the SQLSTATE it must become ('' when evaluated), and the evaluation or the error message."""
    code, result = evaluation(rules_spec, calendar_spec, as_of, case_text)
    return code, SQLSTATE.get(code, ""), result


def evaluation(rules_spec, calendar_spec, as_of, case_text):
    """('ok', json) or (code, message): chc_evaluate as a CRM calls it."""
    rules = ctypes.c_void_p()
    try:
        if isinstance(rules_spec, dict):
            data = json.dumps(rules_spec).encode()
            call(lib.chc_ruleset_from_json, ctypes.byref(rules), data, len(data))
        else:
            call(lib.chc_ruleset_builtin, ctypes.byref(rules), rules_spec.encode())
        cal = make_calendar(calendar_spec) if calendar_spec else ctypes.c_void_p()
        try:
            data = case_text.encode()
            out = ctypes.c_void_p()
            call(lib.chc_evaluate, ctypes.byref(out), rules, cal, data, len(data), parse(as_of))
            try:
                return "ok", ctypes.string_at(out.value).decode("utf-8")
            finally:
                lib.chc_string_free(out)
        finally:
            lib.chc_calendar_free(cal)
    except Failure as e:
        return e.code, e.message
    finally:
        lib.chc_ruleset_free(rules)


def main():
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20250514)

    f, w = writer("calendars.csv")
    w.writerow(["key", "calendar"])
    w.writerows(CALENDARS)
    f.close()

    dates_file, dates = writer("dates.csv")
    dates.writerow(["key", "start", "n", "added", "to", "counted", "working"])
    hol_file, hol = writer("holidays.csv")
    hol.writerow(["key", "date", "name", "kind", "source", "substitute_for"])
    hj_file, hj = writer("holidays_json.csv")
    hj.writerow(["key", "json"])
    for key, spec in CALENDARS:
        cal = make_calendar(spec)
        for row in random_dates(cal, rng):
            dates.writerow((key,) + row)
        text, holidays = holidays_of(cal)
        hj.writerow((key, text))
        for h in holidays:
            hol.writerow((key, h["date"], h["name"], h["kind"], h["source"], h.get("substitute_for", "")))
        lib.chc_calendar_free(cal)
    for handle in (dates_file, hol_file, hj_file):
        handle.close()

    # The conformance set, then generated registers' cases for breadth.
    f, w = writer("cases.csv")
    w.writerow(["name", "rules", "calendar", "as_of", "case_text", "code", "sqlstate", "result"])
    for path in sorted(glob.glob(os.path.join(repo, "tests", "conformance", "cases", "*.json"))):
        doc = json.load(open(path, encoding="utf-8"))
        case_text = json.dumps(doc["case"], ensure_ascii=False)
        rules = doc["rules"]
        w.writerow([os.path.basename(path), json.dumps(rules) if isinstance(rules, dict) else rules,
                    doc["calendar"] or "", doc["as_of"], case_text,
                    *evaluation_row(rules, doc["calendar"], doc["as_of"], case_text)])
    for path in sorted(glob.glob(os.path.join(repo, "tests", "conformance", "bad", "*.json"))):
        doc = json.load(open(path, encoding="utf-8"))
        w.writerow(["bad/" + os.path.basename(path), doc["rules"], doc["calendar"] or "", doc["as_of"],
                    doc["case_text"], *evaluation_row(doc["rules"], doc["calendar"], doc["as_of"], doc["case_text"])])
    generated = subprocess.run([chc_command, "generate", "--count", "600", "--seed", "11", "--from", "2023-01-01",
                                "--to", "2026-03-31", "--as-of", "2026-04-30"],
                               check=True, capture_output=True, text=True).stdout.splitlines()
    for i, case_text in enumerate(generated):
        rules = ("hoc", "hoc-2024", "hoc-2022", "spso")[i % 4]
        as_of = ("2026-04-30", "2025-06-30", "2024-12-24")[i % 3]
        w.writerow([f"generated/{i:04d}", rules, "", as_of, case_text, *evaluation_row(rules, "", as_of, case_text)])
    f.close()

    # Bad calls of the calendar functions: what the C API says, and the SQLSTATE it must become.
    f, w = writer("errors.csv")
    w.writerow(["function", "a", "b", "c", "code", "sqlstate", "message"])
    bad_calendars = ['{"base": "atlantis"}', '{"name": "no base"}', '{"base": "england-and-wales", "working_week": []}',
                     '{"base": "england-and-wales", "closures": [{"date": "2025-02-30", "name": "x"}]}',
                     '{"base": "england-and-wales", "closures": [{"from": "2025-03-02", "to": "2025-03-01", "name": "x"}]}',
                     '{"base": "england-and-wales", "removed": "2026-05-04"}', '"scotland"', '[]']
    calls = [("add", "1899-12-31", "1", "england-and-wales"), ("add", "2200-01-01", "1", "scotland"),
             ("add", "2199-12-30", "5", "england-and-wales"), ("add", "1900-01-03", "-5", "northern-ireland"),
             ("add", "2024-12-20", "2147483647", "england-and-wales"),
             ("add", "2024-12-20", "-2147483648", "england-and-wales"),
             ("add", "2024-12-20", "5", "narnia"), ("add", "2024-12-20", "5", "England-and-Wales"),
             ("count", "1899-12-31", "2024-01-01", "england-and-wales"),
             ("count", "2024-01-01", "2200-01-01", "scotland"),
             ("working", "1812-06-18", "", "england-and-wales"), ("working", "2024-12-25", "", "")]
    calls += [("add", "2024-12-20", "5", c) for c in bad_calendars]
    calls += [("rules", "hoc-2030", "", ""), ("rules", "HOC", "", ""),
              ("rules", '{"base": "hoc-2024", "targets": {"stage1_response": 30}}', "", ""),
              ("rules", '{"base": "hoc-2024", "colour": "red"}', "", ""), ("rules", '{"name": "no base"}', "", "")]
    for function, a, b, c in calls:
        try:
            if function == "rules":
                code, message = evaluation(json.loads(a) if a.startswith("{") else a, "", "2025-01-01", "{}")
                if code != "ok":
                    w.writerow([function, a, b, c, code, SQLSTATE[code], message])
                    continue
                raise SystemExit(f"capi_answers: rules {a} were expected to fail")
            cal = make_calendar(c)
            try:
                if function == "add":
                    add(cal, parse(a), int(b))
                elif function == "count":
                    count(cal, parse(a), parse(b))
                else:
                    working(cal, parse(a))
            finally:
                lib.chc_calendar_free(cal)
        except Failure as e:
            w.writerow([function, a, b, c, e.code, SQLSTATE[e.code], e.message])
            continue
        raise SystemExit(f"capi_answers: {function}({a}, {b}, {c}) was expected to fail")
    f.close()
    write_sqlite_errors()


def sql_text(value):
    return "'" + value.replace("'", "''") + "'"


def write_sqlite_errors():
    """errors.csv and the bad cases as statements for the sqlite3 command line, with the C API's messages."""
    statements, messages = [], []
    with open(os.path.join(out_dir, "errors.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            function, a, b, c = row["function"], row["a"], row["b"], row["c"]
            if c[:1] in ('[', '"'):
                continue  # JSON that is not an object: SQLite reads only {...} as a calendar document
            if function == "add":
                statement = f"SELECT chc_add_working_days({sql_text(a)}, {b}, {sql_text(c)});"
            elif function == "count":
                statement = f"SELECT chc_count_working_days({sql_text(a)}, {sql_text(b)}, {sql_text(c)});"
            elif function == "working":
                statement = f"SELECT chc_is_working_day({sql_text(a)}, {sql_text(c)});"
            else:
                statement = f"SELECT chc_evaluate('{{}}', {sql_text(a)}, '2025-01-01');"
            statements.append(statement)
            messages.append(row["message"])
    with open(os.path.join(out_dir, "cases.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["code"] == "ok":
                continue
            calendar = sql_text(row["calendar"]) if row["calendar"] else "NULL"
            statements.append(f"SELECT chc_evaluate({sql_text(row['case_text'])}, {sql_text(row['rules'])}, "
                              f"{sql_text(row['as_of'])}, {calendar});")
            messages.append(row["result"])
    line = 1
    with open(os.path.join(out_dir, "sqlite_errors.sql"), "w", encoding="utf-8") as sql, \
            open(os.path.join(out_dir, "sqlite_errors.expected"), "w", encoding="utf-8") as expected:
        sql.write(".load ./libchc_sqlite\n")
        for statement, message in zip(statements, messages):
            line += 1
            sql.write(statement + "\n")
            expected.write(f"Runtime error near line {line}: {message}\n")
            line += statement.count("\n")


main()
