-- SPDX-License-Identifier: MIT
-- The SQL functions agree with the C API: capi_answers.py called libchc's C
-- functions on 100,000 random dates and offsets per calendar, every holiday of
-- 1900-2199, the conformance set and 600 generated cases, and wrote the
-- answers to CSV files; here each row is recomputed in SQL and compared.
-- Every mismatch count must be 0 (the first mismatches would be listed).
SET datestyle = ISO, YMD;
\getenv answers CHC_TEST_ANSWERS
\set calendars_csv :answers '/calendars.csv'
\set dates_csv :answers '/dates.csv'
\set holidays_csv :answers '/holidays.csv'
\set holidays_json_csv :answers '/holidays_json.csv'
\set cases_csv :answers '/cases.csv'
CREATE TEMP TABLE calendars (key text PRIMARY KEY, calendar text);
COPY calendars FROM :'calendars_csv' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE dates (key text, start date, n int, added date, "to" date, counted int, working int);
COPY dates FROM :'dates_csv' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE holidays (key text, date date, name text, kind text, source text, substitute_for date);
COPY holidays FROM :'holidays_csv' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE holidays_json (key text, json text);
COPY holidays_json FROM :'holidays_json_csv' WITH (FORMAT csv, HEADER true);
CREATE TEMP TABLE cases (name text, rules text, calendar text, as_of date, case_text text, code text,
                         sqlstate text, result text);
COPY cases FROM :'cases_csv' WITH (FORMAT csv, HEADER true);

-- Built-in calendars by name, the landlord calendar as jsonb.
CREATE TEMP VIEW sql_dates AS
SELECT d.*,
       CASE WHEN c.calendar LIKE '{%' THEN chc_add_working_days(d.start, d.n, c.calendar::jsonb)
            ELSE chc_add_working_days(d.start, d.n, c.calendar) END AS sql_added,
       CASE WHEN c.calendar LIKE '{%' THEN chc_count_working_days(d.start, d."to", c.calendar::jsonb)
            ELSE chc_count_working_days(d.start, d."to", c.calendar) END AS sql_counted,
       CASE WHEN c.calendar LIKE '{%' THEN chc_is_working_day(d.start, c.calendar::jsonb)
            ELSE chc_is_working_day(d.start, c.calendar) END AS sql_working
FROM dates d JOIN calendars c USING (key);
CREATE TEMP TABLE date_results AS SELECT * FROM sql_dates;
SELECT key, count(*) AS rows,
       count(*) FILTER (WHERE sql_added IS DISTINCT FROM added) AS add_mismatches,
       count(*) FILTER (WHERE sql_counted IS DISTINCT FROM counted) AS count_mismatches,
       count(*) FILTER (WHERE sql_working IS DISTINCT FROM (working = 1)) AS working_mismatches,
       count(DISTINCT extract(year FROM start)) AS years
FROM date_results GROUP BY key ORDER BY key;
SELECT * FROM date_results
WHERE sql_added IS DISTINCT FROM added OR sql_counted IS DISTINCT FROM counted
   OR sql_working IS DISTINCT FROM (working = 1)
LIMIT 5;

-- Every holiday of 1900-2199, as rows (both ways) and as the C API's JSON.
CREATE TEMP TABLE sql_holidays AS
SELECT c.key, h.* FROM calendars c,
  LATERAL (SELECT * FROM chc_holidays(c.calendar, '1900-01-01', '2199-12-31') WHERE c.calendar NOT LIKE '{%'
           UNION ALL
           SELECT * FROM chc_holidays(c.calendar::jsonb, '1900-01-01', '2199-12-31') WHERE c.calendar LIKE '{%') AS h;
SELECT key, count(*) AS holidays,
       (SELECT count(*) FROM (SELECT * FROM holidays h WHERE h.key = c.key
                              EXCEPT ALL SELECT * FROM sql_holidays s WHERE s.key = c.key) x) AS missing_in_sql,
       (SELECT count(*) FROM (SELECT * FROM sql_holidays s WHERE s.key = c.key
                              EXCEPT ALL SELECT * FROM holidays h WHERE h.key = c.key) x) AS extra_in_sql
FROM holidays c GROUP BY key ORDER BY key;
SELECT j.key, CASE WHEN c.calendar LIKE '{%' THEN chc_holidays_json(c.calendar::jsonb, '1900-01-01', '2199-12-31')
                   ELSE chc_holidays_json(c.calendar, '1900-01-01', '2199-12-31') END = j.json::jsonb AS same_json
FROM holidays_json j JOIN calendars c USING (key) ORDER BY 1;

-- Evaluations: the whole JSON answer, compared as jsonb.
CREATE FUNCTION pg_temp.sql_evaluate(c cases) RETURNS jsonb LANGUAGE sql AS $$
  SELECT CASE WHEN c.rules LIKE '{%'
              THEN chc_evaluate(c.case_text::jsonb, c.rules::jsonb, c.as_of, NULLIF(c.calendar, ''))
              ELSE chc_evaluate(c.case_text::jsonb, c.rules, c.as_of, NULLIF(c.calendar, '')) END $$;
SELECT CASE WHEN name LIKE 'generated/%' THEN 'generated' ELSE 'conformance' END AS cases,
       count(*) > 50 AS compared,
       count(*) FILTER (WHERE pg_temp.sql_evaluate(c) IS DISTINCT FROM result::jsonb) AS mismatches,
       count(DISTINCT result::jsonb->>'status') > 4 AS varied
FROM cases c WHERE code = 'ok' GROUP BY 1 ORDER BY 1;
SELECT name, pg_temp.sql_evaluate(c) AS sql, result FROM cases c
WHERE code = 'ok' AND pg_temp.sql_evaluate(c) IS DISTINCT FROM result::jsonb LIMIT 3;

-- The conformance set's bad inputs: the SQLSTATE of the C API's code and its
-- message; text that is not JSON at all is refused by jsonb itself (22P02).
CREATE FUNCTION pg_temp.fails(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE query;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
CREATE TEMP TABLE bad_results AS
SELECT name, code, sqlstate, result AS message,
       pg_temp.fails(format('SELECT %L::jsonb', case_text)) <> 'no error' AS not_jsonb,
       pg_temp.fails(format('SELECT pg_temp.sql_evaluate(c) FROM cases c WHERE name = %L', name)) AS sql_error
FROM cases WHERE code <> 'ok';
SELECT code, sqlstate, not_jsonb,
       bool_and(CASE WHEN not_jsonb THEN left(sql_error, 5) = '22P02'
                     ELSE sql_error = sqlstate || ' ' || message END) AS all_agree
FROM bad_results GROUP BY 1, 2, 3 ORDER BY 1, 3;
SELECT name, sql_error, sqlstate || ' ' || message AS c_api FROM bad_results
WHERE NOT not_jsonb AND sql_error <> sqlstate || ' ' || message;
