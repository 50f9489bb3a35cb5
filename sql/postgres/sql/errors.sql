-- SPDX-License-Identifier: MIT
-- Bad arguments: each gives the SQLSTATE docs/sql.md documents for its chc
-- error code, with the C API's own message (chc_last_error()).
SET datestyle = ISO, YMD;
CREATE FUNCTION pg_temp.fails(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE query;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- What the C API says for each bad call (capi_answers.py, errors.csv): the
-- same call in SQL must fail with that message and the mapped SQLSTATE.
\getenv answers CHC_TEST_ANSWERS
\set errors_csv :answers '/errors.csv'
CREATE TEMP TABLE c_errors (function text, a text, b text, c text, code text, sqlstate text, message text);
COPY c_errors FROM :'errors_csv' WITH (FORMAT csv, HEADER true, FORCE_NOT_NULL (a, b, c));
CREATE FUNCTION pg_temp.argument(value text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN left(value, 1) IN ('{', '[', '"') THEN quote_literal(value) || '::jsonb' ELSE quote_literal(value) END $$;
SELECT function, a, b, left(c, 28) AS calendar, code, sqlstate,
       pg_temp.fails(CASE function
         WHEN 'add' THEN format('SELECT chc_add_working_days(%L, %L::integer, %s)', a, b, pg_temp.argument(c))
         WHEN 'count' THEN format('SELECT chc_count_working_days(%L, %L, %s)', a, b, pg_temp.argument(c))
         WHEN 'working' THEN format('SELECT chc_is_working_day(%L, %s)', a, pg_temp.argument(c))
         WHEN 'rules' THEN format('SELECT chc_evaluate(''{}''::jsonb, %s, %L)', pg_temp.argument(a), '2025-01-01')
       END) = sqlstate || ' ' || message AS agrees
FROM c_errors ORDER BY function, a, b, c;

-- As a client sees them (psql shows the message; VERBOSITY sqlstate the code).
SELECT chc_add_working_days('2024-12-20', 5, 'narnia');
SELECT chc_count_working_days('1899-12-31', '2024-01-01');
\set VERBOSITY sqlstate
SELECT chc_is_working_day('2200-01-01');
\set VERBOSITY default

-- Infinite dates are outside the supported range too.
SELECT pg_temp.fails($$SELECT chc_add_working_days('infinity', 5)$$);
SELECT pg_temp.fails($$SELECT chc_count_working_days('-infinity', '2024-01-01')$$);
SELECT pg_temp.fails($$SELECT chc_evaluate('{"id": "x", "received": "2025-01-06"}', 'hoc', 'infinity')$$);
-- Malformed JSON never reaches chc: jsonb rejects it with 22P02 itself.
SELECT left(pg_temp.fails($$SELECT chc_add_working_days('2024-12-20', 5, '{"base": '::jsonb)$$), 5) AS sqlstate;
SELECT left(pg_temp.fails($$SELECT chc_evaluate('{"id": "x", "received": ', 'hoc', '2025-01-01')$$), 5) AS sqlstate;
-- A case over chc's limit of 10,000 events: 54000.
SELECT pg_temp.fails(format('SELECT chc_evaluate(%L::jsonb, %L, %L)',
  jsonb_build_object('id', 'big', 'received', '2025-01-06', 'events',
                     (SELECT jsonb_agg(jsonb_build_object('type', 'x-note', 'date', '2025-01-07')) FROM generate_series(1, 10001))),
  'hoc', '2025-02-01'));
-- A bad field in a case: 22007 for a date, 22023 for a wrong type, naming the field.
SELECT pg_temp.fails($$SELECT chc_evaluate('{"id": "x", "received": "2025-02-30"}', 'hoc', '2025-03-01')$$);
SELECT pg_temp.fails($$SELECT chc_evaluate('{"id": "x", "received": "2025-01-06", "events": {}}', 'hoc', '2025-03-01')$$);
-- After every error the session carries on.
SELECT chc_add_working_days('2024-12-20', 5);
