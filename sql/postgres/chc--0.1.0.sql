-- SPDX-License-Identifier: MIT
-- chc 0.1.0 for PostgreSQL: every function over the C library libchc (docs/sql.md).
\echo Use "CREATE EXTENSION chc" to load this file. \quit

-- Working days. The event day is day 0: chc_add_working_days(start, n) for
-- n >= 1 is the n-th working day strictly after start; chc_count_working_days
-- counts the working days d with "from" < d <= "to". A calendar is a built-in
-- name or a landlord calendar as jsonb (docs/calendars.md). IMMUTABLE: the
-- answers depend only on the arguments and on this version's calendar data
-- (docs/sql.md, "When a new bank holiday is announced").

CREATE FUNCTION chc_add_working_days(start date, n integer, calendar text DEFAULT 'england-and-wales')
  RETURNS date AS 'MODULE_PATHNAME', 'chc_pg_add_working_days'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_add_working_days(start date, n integer, calendar jsonb)
  RETURNS date AS 'MODULE_PATHNAME', 'chc_pg_add_working_days_json'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION chc_count_working_days("from" date, "to" date, calendar text DEFAULT 'england-and-wales')
  RETURNS integer AS 'MODULE_PATHNAME', 'chc_pg_count_working_days'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_count_working_days("from" date, "to" date, calendar jsonb)
  RETURNS integer AS 'MODULE_PATHNAME', 'chc_pg_count_working_days_json'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION chc_is_working_day(day date, calendar text DEFAULT 'england-and-wales')
  RETURNS boolean AS 'MODULE_PATHNAME', 'chc_pg_is_working_day'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_is_working_day(day date, calendar jsonb)
  RETURNS boolean AS 'MODULE_PATHNAME', 'chc_pg_is_working_day_json'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Bank holidays and closures with "from" <= date <= "to": the C API's JSON
-- (chc_holidays_json) and the same as rows (chc_holidays).

CREATE FUNCTION chc_holidays_json(calendar text, "from" date, "to" date)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_holidays_json'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_holidays_json(calendar jsonb, "from" date, "to" date)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_holidays_json_json'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION chc_holidays(calendar text, "from" date, "to" date)
  RETURNS TABLE (date date, name text, kind text, source text, substitute_for date)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (h->>'date')::date, h->>'name', h->>'kind', h->>'source', (h->>'substitute_for')::date
        FROM jsonb_array_elements(@extschema@.chc_holidays_json($1, $2, $3)->'holidays') AS h $$;
CREATE FUNCTION chc_holidays(calendar jsonb, "from" date, "to" date)
  RETURNS TABLE (date date, name text, kind text, source text, substitute_for date)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (h->>'date')::date, h->>'name', h->>'kind', h->>'source', (h->>'substitute_for')::date
        FROM jsonb_array_elements(@extschema@.chc_holidays_json($1, $2, $3)->'holidays') AS h $$;

-- A calendar's name, base, data_version, official_through, ... (the C API's chc_calendar_info_json).
CREATE FUNCTION chc_calendar_info(calendar text DEFAULT 'england-and-wales')
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_calendar_info'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_calendar_info(calendar jsonb)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_calendar_info_json'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Today's date in Europe/London at the start of the transaction (current_date
-- follows the session's TimeZone; chc's days are London's).
CREATE FUNCTION chc_today() RETURNS date AS 'MODULE_PATHNAME', 'chc_pg_today'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- The version of the loaded libchc (its calendar data and rule sets).
CREATE FUNCTION chc_version() RETURNS text AS 'MODULE_PATHNAME', 'chc_pg_version'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- A case record evaluated under a rule set (a built-in name, or a landlord
-- overlay as jsonb) as of a day: the C API's evaluation as jsonb
-- (docs/evaluation.md). A NULL calendar, or none, means the case's own
-- "calendar" field, else the rule set's default.

CREATE FUNCTION chc_evaluate("case" jsonb, rules text DEFAULT 'hoc', as_of date DEFAULT chc_today())
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_evaluate'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_evaluate("case" jsonb, rules text, as_of date, calendar text)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_evaluate_cal'
  LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION chc_evaluate("case" jsonb, rules text, as_of date, calendar jsonb)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_evaluate_caljson'
  LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION chc_evaluate("case" jsonb, rules jsonb, as_of date DEFAULT chc_today())
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_evaluate_overlay'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION chc_evaluate("case" jsonb, rules jsonb, as_of date, calendar text)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_evaluate_overlay_cal'
  LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION chc_evaluate("case" jsonb, rules jsonb, as_of date, calendar jsonb)
  RETURNS jsonb AS 'MODULE_PATHNAME', 'chc_pg_evaluate_overlay_caljson'
  LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
