-- SPDX-License-Identifier: MIT
-- The SQLite functions agree with the C API: capi_answers.py's answers for
-- 100,000 random dates per calendar, every holiday 1900-2199, the
-- conformance set and 600 generated cases (the CSV files in the working
-- directory), recomputed here. Every mismatch count must be 0.
CREATE TABLE calendars (key TEXT PRIMARY KEY, calendar TEXT);
CREATE TABLE dates (key TEXT, start TEXT, n INTEGER, added TEXT, "to" TEXT, counted INTEGER, working INTEGER);
CREATE TABLE holidays (key TEXT, date TEXT, name TEXT, kind TEXT, source TEXT, substitute_for TEXT);
CREATE TABLE holidays_json (key TEXT, json TEXT);
CREATE TABLE cases (name TEXT, rules TEXT, calendar TEXT, as_of TEXT, case_text TEXT, code TEXT, sqlstate TEXT, result TEXT);
.import --csv --skip 1 calendars.csv calendars
.import --csv --skip 1 dates.csv dates
.import --csv --skip 1 holidays.csv holidays
.import --csv --skip 1 holidays_json.csv holidays_json
.import --csv --skip 1 cases.csv cases
.mode box
SELECT key, count(*) AS rows,
       sum(chc_add_working_days(start, n, calendar) IS NOT added) AS add_mismatches,
       sum(chc_count_working_days(start, "to", calendar) IS NOT counted) AS count_mismatches,
       sum(chc_is_working_day(start, calendar) IS NOT working) AS working_mismatches
FROM dates JOIN calendars USING (key) GROUP BY key ORDER BY key;
SELECT c.key,
       (SELECT count(*) FROM holidays h WHERE h.key = c.key) AS holidays,
       (SELECT count(*) FROM (SELECT date, name, kind, source, substitute_for FROM holidays h WHERE h.key = c.key
                              EXCEPT SELECT date, name, kind, source, coalesce(substitute_for, '')
                                     FROM chc_holidays(c.calendar, '1900-01-01', '2199-12-31'))) AS missing,
       (SELECT count(*) FROM (SELECT date, name, kind, source, coalesce(substitute_for, '')
                              FROM chc_holidays(c.calendar, '1900-01-01', '2199-12-31')
                              EXCEPT SELECT date, name, kind, source, substitute_for FROM holidays h WHERE h.key = c.key)) AS extra,
       (SELECT count(*) FROM chc_holidays(c.calendar, '1900-01-01', '2199-12-31')) AS rows,
       chc_holidays_json(c.calendar, '1900-01-01', '2199-12-31') = j.json AS same_json
FROM calendars c JOIN holidays_json j USING (key) ORDER BY 1;
-- Evaluations: the whole JSON text, byte for byte.
SELECT CASE WHEN name LIKE 'generated/%' THEN 'generated' ELSE 'conformance' END AS cases, count(*) > 50 AS compared,
       sum(chc_evaluate(case_text, rules, as_of, nullif(calendar, '')) IS NOT result) AS mismatches
FROM cases WHERE code = 'ok' GROUP BY 1 ORDER BY 1;
