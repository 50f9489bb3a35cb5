-- SPDX-License-Identifier: MIT
-- Driven by bench_postgres.sh (psql variables rows, repeat, data). Prints the figures.
CREATE EXTENSION chc;
SET work_mem = '256MB';
SET max_parallel_workers_per_gather = 0;
\set official :data '/official.csv'
\set cases_file :data '/cases.ndjson'

-- The rows: start dates 2015-01-01..2027-12-31, 1 to 30 working days.
CREATE TABLE bench_rows AS
SELECT g AS id, date '2015-01-01' + ((g::bigint * 7919) % 4748)::int AS start, 1 + (g * 31) % 30 AS n,
       ((g::bigint * 104729) % 200)::int AS span
FROM generate_series(1, :rows) AS g;

-- The anchor, as a DBA builds it from the official list: every day 2012-2028
-- with its running count of working days, and the working days numbered.
CREATE TABLE official (division text, date date, title text, notes text);
COPY official FROM :'official' WITH (FORMAT csv, HEADER true);
CREATE TABLE calendar AS
SELECT d::date AS day,
       count(*) FILTER (WHERE extract(isodow FROM d) < 6 AND h.date IS NULL) OVER (ORDER BY d) AS working_upto
FROM generate_series(date '2012-01-01', date '2028-12-31', interval '1 day') AS d
LEFT JOIN official h ON h.date = d::date AND h.division = 'england-and-wales';
ALTER TABLE calendar ADD PRIMARY KEY (day);
CREATE TABLE working_days AS
SELECT row_number() OVER (ORDER BY day)::int AS rn, day FROM calendar c
WHERE extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM official h WHERE h.date = c.day AND h.division = 'england-and-wales');
ALTER TABLE working_days ADD PRIMARY KEY (rn);
ANALYZE bench_rows; ANALYZE calendar; ANALYZE working_days;

CREATE VIEW anchor_add AS
SELECT r.id, w.day AS due FROM bench_rows r JOIN calendar c ON c.day = r.start JOIN working_days w ON w.rn = c.working_upto + r.n;
CREATE VIEW anchor_count AS
SELECT r.id, e.working_upto - s.working_upto AS working
FROM bench_rows r JOIN calendar s ON s.day = r.start JOIN calendar e ON e.day = r.start + r.span;

CREATE FUNCTION pg_temp.best_ms(query text, repeat int) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE
  best double precision;
  started timestamptz;
  result text;
BEGIN
  FOR i IN 1 .. repeat LOOP
    started := clock_timestamp();
    EXECUTE query INTO result;
    best := least(best, extract(epoch FROM clock_timestamp() - started) * 1000);
  END LOOP;
  RETURN best;
END $$;

CREATE TABLE bench_results (what text, anchor_ms double precision, ms double precision);
-- The floor both share: reading the rows and summing a date expression.
INSERT INTO bench_results
SELECT 'floor', NULL, pg_temp.best_ms('SELECT sum(start - date ''2000-01-01'' + n) FROM bench_rows', :repeat);
INSERT INTO bench_results
SELECT 'add', pg_temp.best_ms('SELECT sum(due - date ''2000-01-01'') FROM anchor_add', :repeat),
       pg_temp.best_ms('SELECT sum(chc_add_working_days(start, n) - date ''2000-01-01'') FROM bench_rows', :repeat);
INSERT INTO bench_results
SELECT 'count', pg_temp.best_ms('SELECT sum(working) FROM anchor_count', :repeat),
       pg_temp.best_ms('SELECT sum(chc_count_working_days(start, start + span)) FROM bench_rows', :repeat);

\pset format unaligned
\pset tuples_only on
SELECT format('chc_add_working_days, %s rows:  calendar-table join %s ms, chc %s ms: %sx faster', :rows,
              round(anchor_ms::numeric), round(ms::numeric), round((anchor_ms / ms)::numeric, 1)) FROM bench_results WHERE what = 'add';
SELECT format('  answers identical: %s of %s', count(*) FILTER (WHERE a.due = chc_add_working_days(r.start, r.n)), count(*))
FROM bench_rows r LEFT JOIN anchor_add a USING (id);
SELECT format('  both read the rows: the same scan with date arithmetic instead takes %s ms; over it the join adds %s ms, chc %s ms',
              round(f.ms::numeric), round((b.anchor_ms - f.ms)::numeric), round(greatest(b.ms - f.ms, 0)::numeric))
FROM bench_results b, bench_results f WHERE b.what = 'add' AND f.what = 'floor';
SELECT format('chc_count_working_days, %s rows: calendar-table join %s ms, chc %s ms: %sx faster', :rows,
              round(anchor_ms::numeric), round(ms::numeric), round((anchor_ms / ms)::numeric, 1)) FROM bench_results WHERE what = 'count';
SELECT format('  answers identical: %s of %s', count(*) FILTER (WHERE a.working = chc_count_working_days(r.start, r.start + r.span)), count(*))
FROM bench_rows r LEFT JOIN anchor_count a USING (id);

-- Case records, one a line as chc generate prints them (no byte is special to COPY here).
CREATE TABLE bench_cases (id bigserial PRIMARY KEY, doc jsonb NOT NULL);
COPY bench_cases (doc) FROM :'cases_file' WITH (FORMAT csv, QUOTE e'\x01', DELIMITER e'\x02');
INSERT INTO bench_results
SELECT 'evaluate', NULL, pg_temp.best_ms('SELECT count(chc_evaluate(doc, ''hoc'', date ''2026-04-30'')) FROM bench_cases', :repeat);
