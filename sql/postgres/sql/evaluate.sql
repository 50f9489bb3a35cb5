-- SPDX-License-Identifier: MIT
-- chc_evaluate on case records whose answers were worked out by hand
-- (the same rules as tests/conformance; the comments show the counting).
-- Only fields the evaluator's output keeps stable are shown: status, stage,
-- deadline names, due dates and states.
SET datestyle = ISO, YMD;
CREATE TABLE complaints (id text PRIMARY KEY, doc jsonb NOT NULL);
INSERT INTO complaints VALUES
  -- Received Fri 2025-03-07 18:45 London (17:45Z, GMT), acknowledged Mon 10th:
  -- acknowledgement due Fri 14th (met); response 10 working days after the
  -- acknowledgement, Mon 24th.
  ('C-1042', '{"id": "C-1042", "received": "2025-03-07T17:45:00Z", "calendar": "england-and-wales",
               "events": [{"type": "acknowledged", "date": "2025-03-10", "stage": 1, "handler": "J. Smith"}],
               "crm_reference": "kept as it is"}'),
  -- Received Mon 3rd, never acknowledged: acknowledgement due Mon 10th, so as
  -- of Mon 24th it is overdue by count(24th, 10th) = -10; the response clock
  -- runs provisionally from the 10th: due Mon 24th.
  ('C-2001', '{"id": "C-2001", "received": "2025-03-03", "events": []}'),
  -- Received Tue 18th, acknowledged Wed 19th: response due Wed 2 April.
  ('C-3001', '{"id": "C-3001", "received": "2025-03-18",
               "events": [{"type": "acknowledged", "date": "2025-03-19", "stage": 1, "handler": "A. Jones"}]}');

SELECT id, e->>'status' AS status, (e->>'stage')::int AS stage, d->>'name' AS deadline,
       d->>'due' AS due, d->>'state' AS state, (d->>'provisional')::boolean AS provisional,
       (d->>'working_days_remaining')::int AS remaining
FROM complaints, chc_evaluate(doc, 'hoc', '2025-03-24') AS e, jsonb_array_elements(e->'deadlines') AS d
WHERE d->>'state' <> 'not_applicable'
ORDER BY id, d->>'name';

-- Overdue today (as of Monday 2025-03-24): open deadlines past their due day.
SELECT c.id, d->>'name' AS deadline, (d->>'due')::date AS due,
       -(d->>'working_days_remaining')::int AS working_days_late
FROM complaints c, jsonb_array_elements(chc_evaluate(c.doc, 'hoc', '2025-03-24')->'deadlines') AS d
WHERE d->>'state' = 'overdue'
ORDER BY due, c.id;
-- Due this week: pending deadlines due from today to Friday 28th.
SELECT c.id, d->>'name' AS deadline, (d->>'due')::date AS due
FROM complaints c, jsonb_array_elements(chc_evaluate(c.doc, 'hoc', '2025-03-24')->'deadlines') AS d
WHERE d->>'state' = 'pending'
  AND (d->>'due')::date BETWEEN date '2025-03-24' AND date_trunc('week', date '2025-03-24')::date + 4
ORDER BY due, c.id;

-- A landlord overlay as jsonb: an 8-working-day target beside the Code's 10,
-- due Thu 20 March for C-1042 (11th..14th, 17th..20th).
SELECT d->>'name' AS deadline, d->>'due' AS code_due, d->'target'->>'due' AS target_due
FROM complaints,
     chc_evaluate(doc, '{"name": "Acme", "base": "hoc-2024", "targets": {"stage1_response": 8}}'::jsonb, '2025-03-20') AS e,
     jsonb_path_query(e, '$.deadlines[*] ? (@.name == "stage1_response")') AS d
WHERE id = 'C-1042';
-- A landlord calendar closed on 31 March and 1 April moves C-3001's response
-- from 2 April to Fri 4 April.
SELECT d->>'name' AS deadline, d->>'due' AS due
FROM complaints,
     jsonb_array_elements(chc_evaluate(doc, 'hoc', '2025-03-24', '{"base": "england-and-wales",
       "closures": [{"from": "2025-03-31", "to": "2025-04-01", "name": "Office move"}]}'::jsonb)->'deadlines') AS d
WHERE id = 'C-3001' AND d->>'name' = 'stage1_response';
-- A NULL calendar means the case's own, as no calendar does; NULL case, rules or as_of give NULL.
SELECT chc_evaluate(doc, 'hoc', '2025-03-24', NULL::text) = chc_evaluate(doc, 'hoc', '2025-03-24') AS null_calendar,
       chc_evaluate(NULL, 'hoc', '2025-03-24') IS NULL AS null_case,
       chc_evaluate(doc, NULL::text, '2025-03-24', 'scotland') IS NULL AS null_rules,
       chc_evaluate(doc, 'hoc', NULL, NULL::jsonb) IS NULL AS null_as_of
FROM complaints WHERE id = 'C-2001';
-- The rule set defaults to hoc (by the received date), as_of to chc_today().
SELECT chc_evaluate(doc) = chc_evaluate(doc, 'hoc', chc_today()) AS defaults,
       chc_evaluate(doc, 'hoc-2024') = chc_evaluate(doc, 'hoc-2024', chc_today()) AS today
FROM complaints WHERE id = 'C-1042';
DROP TABLE complaints;
