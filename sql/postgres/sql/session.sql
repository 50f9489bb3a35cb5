-- SPDX-License-Identifier: MIT
-- A long session does not leak: the same workload runs once to warm up and
-- then 100,000 times per function; the backend's resident memory (VmRSS) and
-- its PostgreSQL memory contexts must not grow between the two. The workload
-- names built-in calendars, cycles through 12 landlord calendars as jsonb
-- (the per-backend cache holds 8, so some are built and freed again), builds
-- 2,000 distinct ones, evaluates cases with an overlay and a calendar as
-- jsonb, and fails 10,000 times in ways that unwind from inside the extension.
-- A leak of one evaluation's JSON per call would be over 100 MB.
SET datestyle = ISO, YMD;
CREATE FUNCTION pg_temp.rss_kb() RETURNS bigint LANGUAGE sql AS $$
  SELECT (regexp_match(pg_read_file('/proc/self/status'), 'VmRSS:\s+(\d+)'))[1]::bigint $$;
CREATE FUNCTION pg_temp.context_bytes() RETURNS bigint LANGUAGE sql AS $$
  SELECT sum(total_bytes)::bigint FROM pg_backend_memory_contexts $$;
CREATE TEMP TABLE landlord AS
SELECT i, jsonb_build_object('base', 'england-and-wales', 'data_version', 'session-' || i,
         'closures', jsonb_build_array(jsonb_build_object('date', (date '2025-01-06' + i)::text, 'name', 'Closed ' || i))) AS cal
FROM generate_series(0, 1999) AS i;
CREATE TEMP TABLE docs AS
SELECT i, jsonb_build_object('id', 'S-' || i, 'received', (date '2024-04-01' + i % 400)::text, 'x-crm', i,
         'events', jsonb_build_array(jsonb_build_object('type', 'acknowledged', 'date', (date '2024-04-02' + i % 400)::text,
                                                        'stage', 1, 'handler', 'A. Jones'))) AS doc
FROM generate_series(1, 1000) AS i;

CREATE FUNCTION pg_temp.workload(calls int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  total bigint := 0;
  part bigint;
BEGIN
  SELECT count(chc_add_working_days(date '2000-01-01' + g % 50000, g % 30,
                                    (ARRAY['england-and-wales', 'scotland', 'northern-ireland'])[1 + g % 3]))
    INTO part FROM generate_series(1, calls) AS g;
  total := total + part;
  -- 12 landlord calendars, a different one every 500 calls.
  SELECT count(chc_count_working_days(date '2025-01-01', date '2025-01-01' + g % 90,
                                      (ARRAY(SELECT cal FROM landlord WHERE i < 12 ORDER BY i))[1 + (g / 500) % 12]))
    INTO part FROM generate_series(1, calls) AS g;
  total := total + part;
  -- 2,000 calendars, each new: built, cached, evicted, freed.
  SELECT count(chc_is_working_day(date '2025-01-06' + i, cal)) INTO part FROM landlord;
  total := total + part;
  -- Evaluations: by name, with an overlay, with a landlord calendar.
  SELECT count(chc_evaluate(d.doc, 'hoc', date '2025-06-30')) INTO part
    FROM generate_series(1, calls / 3000) AS r, docs AS d;
  total := total + part;
  SELECT count(chc_evaluate(d.doc, '{"name": "Acme", "base": "hoc-2024", "targets": {"stage1_response": 8}}'::jsonb,
                            date '2025-06-30', l.cal)) INTO part
    FROM generate_series(1, calls / 3000) AS r, docs AS d, landlord AS l WHERE l.i = 7;
  total := total + part;
  -- Errors raised from inside the extension, each caught.
  FOR k IN 1 .. calls / 10 LOOP
    BEGIN
      CASE k % 4
        WHEN 0 THEN PERFORM chc_add_working_days('2024-12-20', 5, 'narnia');
        WHEN 1 THEN PERFORM chc_add_working_days('2024-12-20', 5, jsonb_build_object('base', 'atlantis', 'k', k));
        WHEN 2 THEN PERFORM chc_evaluate(jsonb_build_object('id', 'E', 'received', '2025-02-30', 'k', k), 'hoc', '2025-03-01');
        ELSE PERFORM chc_add_working_days('2199-12-30', 5 + k % 5, 'scotland');
      END CASE;
    EXCEPTION WHEN OTHERS THEN
      total := total + 1;
    END;
  END LOOP;
  RETURN total;
END $$;

SELECT pg_temp.workload(100000) AS warm_up_calls;
SELECT pg_temp.rss_kb() AS rss_before, pg_temp.context_bytes() AS contexts_before \gset
SELECT pg_temp.workload(100000) AS calls;
SELECT pg_temp.rss_kb() - :rss_before < 4096 AS rss_flat,
       pg_temp.context_bytes() - :contexts_before < 1048576 AS contexts_flat;
