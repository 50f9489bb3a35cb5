-- SPDX-License-Identifier: MIT
-- chc_holidays as rows. Expected rows checked against the official GOV.UK
-- list (tests/data/bank-holidays-official.csv).
SET datestyle = ISO, YMD;

-- Scotland 2026: 2nd January, St Andrew's Day, the World Cup one-off, and
-- Boxing Day (a Saturday) moved to Monday 28 December.
SELECT * FROM chc_holidays('scotland', '2026-01-01', '2026-12-31');
-- Both ends are inclusive.
SELECT date, name FROM chc_holidays('england-and-wales', '2025-12-25', '2025-12-26');
-- A landlord calendar: its closures are rows too, kind landlord_closure.
SELECT * FROM chc_holidays('{"base": "northern-ireland",
  "closures": [{"from": "2026-12-29", "to": "2026-12-31", "name": "Shutdown"}]}'::jsonb, '2026-07-01', '2026-12-31');
-- Nothing in a range with no holidays; an empty range when to < from.
SELECT count(*) FROM chc_holidays('england-and-wales', '2025-06-01', '2025-08-24');
SELECT count(*) FROM chc_holidays('england-and-wales', '2025-12-31', '2025-01-01');
-- The C API's JSON as it is.
SELECT j->>'calendar' AS calendar, j->>'from' AS "from", jsonb_array_length(j->'holidays') AS holidays
FROM chc_holidays_json('northern-ireland', '2025-01-01', '2025-12-31') AS j;
-- A join a complaints team would write: bank holidays inside each complaint's response window.
SELECT c.id, h.date, h.name
FROM (VALUES ('A', date '2025-04-16'), ('B', date '2025-05-01')) AS c(id, received)
CROSS JOIN LATERAL chc_holidays('england-and-wales', c.received, chc_add_working_days(c.received, 10)) AS h
ORDER BY 1, 2;
