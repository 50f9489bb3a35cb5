-- SPDX-License-Identifier: MIT
-- chc_evaluate on case records worked out by hand (the comments count the
-- days; the rules of tests/conformance). Only stable fields are shown.
CREATE TABLE complaints (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
INSERT INTO complaints VALUES
  -- Received Fri 2025-03-07 (17:45Z), acknowledged Mon 10th: due Fri 14th (met);
  -- the response 10 working days after the acknowledgement, Mon 24th.
  ('C-1042', '{"id": "C-1042", "received": "2025-03-07T17:45:00Z", "calendar": "england-and-wales",
               "events": [{"type": "acknowledged", "date": "2025-03-10", "stage": 1, "handler": "J. Smith"}]}'),
  -- Received Mon 3rd, never acknowledged: due Mon 10th, overdue by 10 working
  -- days as of Mon 24th; the response clock runs provisionally from the 10th: due 24th.
  ('C-2001', '{"id": "C-2001", "received": "2025-03-03", "events": []}'),
  -- Received Tue 18th, acknowledged Wed 19th: response due Wed 2 April.
  ('C-3001', '{"id": "C-3001", "received": "2025-03-18",
               "events": [{"type": "acknowledged", "date": "2025-03-19", "stage": 1, "handler": "A. Jones"}]}');
.mode box
WITH e AS (SELECT id, chc_evaluate(doc, 'hoc', '2025-03-24') AS j FROM complaints)
SELECT e.id, json_extract(e.j, '$.status') AS status, json_extract(e.j, '$.stage') AS stage,
       json_extract(d.value, '$.name') AS deadline, json_extract(d.value, '$.due') AS due,
       json_extract(d.value, '$.state') AS state, json_extract(d.value, '$.working_days_remaining') AS remaining
FROM e, json_each(e.j, '$.deadlines') d
WHERE json_extract(d.value, '$.state') <> 'not_applicable'
ORDER BY 1, 4;
-- Overdue today (as of Monday 2025-03-24).
SELECT c.id, json_extract(d.value, '$.name') AS deadline, json_extract(d.value, '$.due') AS due,
       -json_extract(d.value, '$.working_days_remaining') AS working_days_late
FROM complaints c, json_each(chc_evaluate(c.doc, 'hoc', '2025-03-24'), '$.deadlines') d
WHERE json_extract(d.value, '$.state') = 'overdue' ORDER BY due, c.id;
-- Due this week: pending deadlines due from today to Friday 28th.
SELECT c.id, json_extract(d.value, '$.name') AS deadline, json_extract(d.value, '$.due') AS due
FROM complaints c, json_each(chc_evaluate(c.doc, 'hoc', '2025-03-24'), '$.deadlines') d
WHERE json_extract(d.value, '$.state') = 'pending'
  AND json_extract(d.value, '$.due') BETWEEN '2025-03-24' AND date('2025-03-24', 'weekday 5')
ORDER BY due, c.id;
-- An overlay as JSON text: an 8-working-day target, due Thu 20 March for C-1042.
SELECT json_extract(d.value, '$.due') AS code_due, json_extract(d.value, '$.target.due') AS target_due
FROM complaints c,
     json_each(chc_evaluate(c.doc, '{"name": "Acme", "base": "hoc-2024", "targets": {"stage1_response": 8}}',
                            '2025-03-20'), '$.deadlines') d
WHERE c.id = 'C-1042' AND json_extract(d.value, '$.name') = 'stage1_response';
-- A landlord calendar closed 31 March - 1 April moves C-3001's response to Fri 4 April.
SELECT json_extract(d.value, '$.due') AS due
FROM complaints c,
     json_each(chc_evaluate(c.doc, 'hoc', '2025-03-24', '{"base": "england-and-wales",
       "closures": [{"from": "2025-03-31", "to": "2025-04-01", "name": "Office move"}]}'), '$.deadlines') d
WHERE c.id = 'C-3001' AND json_extract(d.value, '$.name') = 'stage1_response';
-- A NULL calendar means the case's own; a NULL case, rules or as_of gives NULL;
-- the defaults are rules 'hoc' and as_of today in London (chc_today()).
SELECT chc_evaluate(doc, 'hoc', '2025-03-24', NULL) = chc_evaluate(doc, 'hoc', '2025-03-24') AS null_calendar,
       chc_evaluate(NULL, 'hoc', '2025-03-24') IS NULL AS null_case,
       chc_evaluate(doc, NULL, '2025-03-24') IS NULL AS null_rules,
       chc_evaluate(doc) = chc_evaluate(doc, 'hoc', chc_today()) AS defaults
FROM complaints WHERE id = 'C-2001';
-- The result is JSON to SQLite's JSON functions, not a string inside them.
SELECT json_type(json_object('evaluation', chc_evaluate(doc, 'hoc', '2025-03-24')), '$.evaluation') AS nested_as
FROM complaints WHERE id = 'C-2001';
