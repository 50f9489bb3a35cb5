-- SPDX-License-Identifier: MIT
-- Bad arguments: each statement fails with chc's message (SQLITE_ERROR) and
-- the session carries on. Every C API error is checked against the C API's
-- own message by the generated errors_agreement test; these are examples.
SELECT chc_add_working_days('2024-12-20', 5, 'narnia');
SELECT chc_add_working_days('1899-12-31', 1);
SELECT chc_add_working_days('2024-12-20', 2147483647);
SELECT chc_add_working_days('2024-12-20', 3000000000);
SELECT chc_add_working_days('2024-12-20', 5.5);
SELECT chc_add_working_days('20/12/2024', 5);
SELECT chc_count_working_days('2024-12-20', '2024-02-30');
SELECT chc_is_working_day('2024-12-20 10:00:00');
SELECT chc_add_working_days('2024-12-20', 5, '{"base": "atlantis"}');
SELECT chc_add_working_days('2024-12-20', 5, '{"base": ');
SELECT chc_evaluate('{"id": "x", "received": "2025-02-30"}', 'hoc', '2025-03-01');
SELECT chc_evaluate('{"id": "x", "received": ', 'hoc', '2025-03-01');
SELECT chc_evaluate('{"id": "x", "received": "2025-01-06", "events": []}', 'hoc-2030', '2025-03-01');
SELECT chc_evaluate('{"id": "x", "received": "2025-01-06", "events": []}', 'hoc', 'soon');
SELECT * FROM chc_holidays('scotland', '2026-01-01', 'soon');
SELECT * FROM chc_holidays('narnia', '2026-01-01', '2026-12-31');
SELECT chc_add_working_days('2024-12-20', 5);
