-- SPDX-License-Identifier: MIT
-- chc_holidays, a table-valued function; rows checked against the official list.
-- Scotland 2026: 2nd January, the World Cup one-off, St Andrew's Day, Boxing Day on Monday 28th.
SELECT * FROM chc_holidays('scotland', '2026-01-01', '2026-12-31');
-- A landlord calendar's closures are rows too.
SELECT date, name, kind, source FROM chc_holidays('{"base": "northern-ireland",
  "closures": [{"from": "2026-12-29", "to": "2026-12-31", "name": "Shutdown"}]}', '2026-07-01', '2026-12-31');
-- Bank holidays inside each complaint's response window, as a join.
SELECT c.id, h.date, h.name
FROM (SELECT 'A' AS id, '2025-04-16' AS received UNION ALL SELECT 'B', '2025-05-01') AS c,
     chc_holidays('england-and-wales', c.received, chc_add_working_days(c.received, 10)) AS h
ORDER BY 1, 2;
SELECT count(*) FROM chc_holidays('england-and-wales', '2025-06-01', '2025-08-24');
-- The C API's JSON as it is, usable with SQLite's JSON functions.
SELECT json_extract(j, '$.calendar'), json_array_length(j, '$.holidays')
FROM (SELECT chc_holidays_json('northern-ireland', '2025-01-01', '2025-12-31') AS j);
-- Every argument is required.
SELECT * FROM chc_holidays('scotland', '2026-01-01');
