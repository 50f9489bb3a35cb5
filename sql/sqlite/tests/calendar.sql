-- SPDX-License-Identifier: MIT
-- The working-day functions on ISO date text, on worked examples checked by
-- hand against the official GOV.UK list (tests/data/bank-holidays-official.csv).
-- Friday 2024-12-20 + 5: weekends 21-22 and 28-29, holidays 25-26: Tuesday 31st.
SELECT chc_add_working_days('2024-12-20', 5), chc_add_working_days('2024-12-20', 5, 'england-and-wales');
-- Scotland: 1 and 2 January 2025 are holidays: Thursday 2025-01-16.
SELECT chc_add_working_days('2024-12-31', 10, 'scotland');
-- n = 0: the start if it works, else the next working day; -1: the working day before.
SELECT chc_add_working_days('2024-12-25', 0), chc_add_working_days('2024-12-24', 0), chc_add_working_days('2024-12-27', -1);
-- Working days d with from < d <= to.
SELECT chc_count_working_days('2024-12-20', '2024-12-31'), chc_count_working_days('2024-12-31', '2024-12-20');
-- Christmas 2026 is a Friday: Boxing Day moves to Monday 28th; Scotland's 2nd January 2027 to Monday 4th.
WITH RECURSIVE d(day) AS (SELECT '2026-12-24' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2027-01-05')
SELECT day, chc_is_working_day(day), chc_is_working_day(day, 'scotland'), chc_is_working_day(day, 'northern-ireland') FROM d;
-- A landlord calendar as JSON text: closed 29-31 December 2025, so Wednesday
-- 24th + 1 is Friday 2 January 2026 (1 January is a holiday).
SELECT chc_add_working_days('2025-12-24', 1),
       chc_add_working_days('2025-12-24', 1, '{"base": "england-and-wales",
         "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]}');
-- Saturdays worked: Saturday 27th.
SELECT chc_add_working_days('2025-12-24', 1, '{"base": "england-and-wales", "working_week": ["mon", "tue", "wed", "thu", "fri", "sat"]}');
-- Any NULL argument gives NULL; n may be integer text, as SQLite's affinity allows.
SELECT chc_add_working_days(NULL, 5) IS NULL, chc_count_working_days('2024-12-20', NULL) IS NULL,
       chc_is_working_day('2024-12-20', NULL) IS NULL, chc_add_working_days('2024-12-20', '5');
-- Deterministic: usable in a generated column and an index on an expression.
CREATE TABLE complaints (id INTEGER PRIMARY KEY, received TEXT NOT NULL,
                         acknowledge_by TEXT GENERATED ALWAYS AS (chc_add_working_days(received, 5)) STORED);
CREATE INDEX complaints_response_due ON complaints (chc_add_working_days(received, 10));
INSERT INTO complaints (id, received) VALUES (1, '2024-12-20'), (2, '2025-04-17'), (3, '2025-05-02');
-- Good Friday and Easter Monday 2025: Monday 28 April; Early May bank holiday: Monday 12 May.
SELECT id, received, acknowledge_by FROM complaints ORDER BY id;
EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE chc_add_working_days(received, 10) < '2025-01-10';
SELECT id FROM complaints WHERE chc_add_working_days(received, 10) < '2025-01-10';
-- The extension and library versions, a calendar's data.
SELECT chc_version() IS NOT NULL, json_extract(chc_calendar_info('scotland'), '$.name'),
       json_extract(chc_calendar_info(), '$.name');
