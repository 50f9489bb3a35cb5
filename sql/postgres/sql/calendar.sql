-- SPDX-License-Identifier: MIT
-- The working-day functions on worked examples. Every expected date was
-- checked by hand against the official GOV.UK list
-- (tests/data/bank-holidays-official.csv) and a printed calendar.
-- The test database was made with the extension (pg_regress --load-extension): do it again by hand.
DROP EXTENSION chc;
CREATE EXTENSION chc;
SET datestyle = ISO, YMD;

-- Received Friday 2024-12-20, 5 working days: the 21st-22nd and 28th-29th are
-- weekends, the 25th-26th bank holidays, so the 5th is Tuesday 2024-12-31.
SELECT chc_add_working_days('2024-12-20', 5) AS default_calendar,
       chc_add_working_days('2024-12-20', 5, 'england-and-wales') AS named;
-- Scotland: 1 and 2 January 2025 are holidays, so 10 working days after
-- Tuesday 2024-12-31 is Thursday 2025-01-16.
SELECT chc_add_working_days('2024-12-31', 10, 'scotland');
-- n = 0 is the start if it works, else the next working day; -1 the working day before.
SELECT chc_add_working_days('2024-12-25', 0) AS christmas_0,
       chc_add_working_days('2024-12-24', 0) AS eve_0,
       chc_add_working_days('2024-12-27', -1) AS back_1;
-- Working days d with from < d <= to; negative when to < from.
SELECT chc_count_working_days('2024-12-20', '2024-12-31') AS forward,
       chc_count_working_days('2024-12-31', '2024-12-20') AS backward,
       chc_count_working_days('2024-12-20', '2024-12-20') AS same_day;

-- Christmas 2026 is a Friday: Boxing Day moves to Monday 28th everywhere;
-- Scotland's 2nd January 2027 (a Saturday) moves to Monday 4th.
SELECT d::date AS day, to_char(d, 'Dy') AS dow,
       chc_is_working_day(d::date) AS england, chc_is_working_day(d::date, 'scotland') AS scotland,
       chc_is_working_day(d::date, 'northern-ireland') AS ni
FROM generate_series(date '2026-12-24', date '2027-01-05', interval '1 day') AS d;
-- Northern Ireland: St Patrick's Day (Tuesday 2026-03-17) and the Twelfth
-- (Sunday 2026-07-12, substitute Monday 13th).
SELECT chc_is_working_day('2026-03-17', 'northern-ireland') AS st_patrick,
       chc_is_working_day('2026-03-17') AS st_patrick_england,
       chc_is_working_day('2026-07-13', 'northern-ireland') AS twelfth_substitute;

-- A landlord calendar as jsonb: a Christmas shutdown 29-31 December 2025.
-- Wednesday 2025-12-24 + 1: the 25th-26th are holidays, the 27th-28th a
-- weekend, the 29th-31st closed and 1 January a holiday: Friday 2026-01-02.
SELECT chc_add_working_days('2025-12-24', 1) AS england,
       chc_add_working_days('2025-12-24', 1, '{"base": "england-and-wales",
         "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]}'::jsonb) AS landlord;
-- Saturdays worked: Saturday 2025-12-27 is the first working day after the 24th.
SELECT chc_add_working_days('2025-12-24', 1, '{"base": "england-and-wales",
         "working_week": ["mon", "tue", "wed", "thu", "fri", "sat"]}'::jsonb) AS saturdays,
       chc_count_working_days('2025-12-19', '2025-12-31', '{"base": "scotland",
         "removed": ["2025-12-26"]}'::jsonb) AS boxing_day_worked,
       chc_is_working_day('2027-06-07', '{"base": "england-and-wales",
         "extra_bank_holidays": [{"date": "2027-06-07", "name": "A new one-off"}]}'::jsonb) AS announced;

-- STRICT: a NULL argument gives NULL.
SELECT chc_add_working_days(NULL, 5) IS NULL AS null_start,
       chc_count_working_days('2024-12-20', NULL) IS NULL AS null_to,
       chc_is_working_day('2024-12-20', NULL::text) IS NULL AS null_calendar;

-- IMMUTABLE: usable in a generated column and an expression index.
CREATE TABLE complaints (id int PRIMARY KEY, received date NOT NULL,
                         acknowledge_by date GENERATED ALWAYS AS (chc_add_working_days(received, 5)) STORED);
CREATE INDEX complaints_response_due ON complaints (chc_add_working_days(received, 10));
INSERT INTO complaints (id, received) VALUES (1, '2024-12-20'), (2, '2025-04-17'), (3, '2025-05-02');
-- 2025-04-17 Thursday: Good Friday 18th, Easter Monday 21st: the 5th working day is Monday 28th.
-- 2025-05-02 Friday: Early May bank holiday Monday 5th: the 5th working day is Monday 12th.
SELECT id, received, acknowledge_by FROM complaints ORDER BY id;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM complaints WHERE chc_add_working_days(received, 10) < date '2025-01-10';
SELECT id FROM complaints WHERE chc_add_working_days(received, 10) < date '2025-01-10';
RESET enable_seqscan;
DROP TABLE complaints;

-- The declared properties of every function.
SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS function,
       p.provolatile AS volatility, p.proparallel AS parallel, p.proisstrict AS strict
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'chc'
ORDER BY 1;
SELECT chc_version() = extversion AS library_matches_extension FROM pg_extension WHERE extname = 'chc';
SELECT chc_calendar_info('scotland')->>'name' AS name, chc_calendar_info('scotland') ? 'data_version' AS has_data_version;
