// SPDX-License-Identifier: MIT
// chc inside PostgreSQL: working-day arithmetic, bank holidays and complaint
// evaluation as SQL functions, over the stable C API only (include/chc/chc.h).
// docs/sql.md describes every function.
//
// Rules kept here: ereport() unwinds by longjmp, so no chc handle or string
// is ever held when it is called (handles go straight into a cache that owns
// them, strings are copied into palloc'd memory and freed first). Calendars
// and rule sets are cached for the life of the backend (handle_cache.h).
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"
#include "utils/memutils.h"
#include "access/xact.h"

#include <time.h>

#include <chc/chc.h>

#include "../common/handle_cache.h"

PG_MODULE_MAGIC;

void _PG_init(void);

/* PostgreSQL counts days from 2000-01-01, chc from 1970-01-01. */
#define CHC_PG_DAY_OFFSET (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE)

/* Per backend, one cache per kind (handle_cache.h), set up in _PG_init. */
static chc_handle_cache caches[CHC_HANDLE_KINDS];

void _PG_init(void) {
  chc_handle_caches_init(caches);
  if (chc_abi_version() != CHC_ABI_VERSION)
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("chc: the loaded libchc has ABI version %d, but this extension was built for %d",
                           chc_abi_version(), CHC_ABI_VERSION)));
}

/* The SQLSTATE of each chc error code (the table in docs/sql.md). */
static int sqlstate_of(int code) {
  switch (code) {
    case CHC_E_NULL: return ERRCODE_NULL_VALUE_NOT_ALLOWED;            /* 22004 */
    case CHC_E_INVALID: return ERRCODE_INVALID_PARAMETER_VALUE;        /* 22023 */
    case CHC_E_JSON: return ERRCODE_INVALID_TEXT_REPRESENTATION;       /* 22P02 */
    case CHC_E_DATE: return ERRCODE_INVALID_DATETIME_FORMAT;           /* 22007 */
    case CHC_E_RANGE: return ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;      /* 22008 */
    case CHC_E_OVERFLOW: return ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;   /* 22008 */
    case CHC_E_UNKNOWN_NAME: return ERRCODE_INVALID_PARAMETER_VALUE;   /* 22023 */
    case CHC_E_NOMEM: return ERRCODE_OUT_OF_MEMORY;                    /* 53200 */
    case CHC_E_SCHEMA: return ERRCODE_INVALID_PARAMETER_VALUE;         /* 22023 */
    case CHC_E_LIMIT: return ERRCODE_PROGRAM_LIMIT_EXCEEDED;           /* 54000 */
    default: return ERRCODE_INTERNAL_ERROR;                            /* XX000 */
  }
}

static void raise_chc_error(int code) pg_attribute_noreturn();
static void raise_chc_error(int code) {
  ereport(ERROR, (errcode(sqlstate_of(code)), errmsg("%s", chc_last_error())));
}

static chc_day day_from_pg(DateADT date, const char *argument) {
  if (DATE_NOT_FINITE(date))
    ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                    errmsg("%s: %s is outside the supported range 1900-01-01 to 2199-12-31", argument,
                           DATE_IS_NOBEGIN(date) ? "-infinity" : "infinity")));
  /* Every finite PostgreSQL date (4713 BC to 5874897 AD) fits chc_day after the shift. */
  return (chc_day)(date + CHC_PG_DAY_OFFSET);
}

static DateADT day_to_pg(chc_day day) { return (DateADT)(day - CHC_PG_DAY_OFFSET); }

/* A palloc'd copy of a chc string; chc's copy is freed either way. */
static char *take_chc_string(char *text) {
  size_t len = strlen(text);
  char *copy = palloc_extended(len + 1, MCXT_ALLOC_NO_OOM);
  if (copy != NULL) memcpy(copy, text, len + 1);
  chc_string_free(text);
  if (copy == NULL) ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
  return copy;
}

static Datum jsonb_from_chc(char *json) {
  return DirectFunctionCall1(jsonb_in, CStringGetDatum(take_chc_string(json)));
}

/* Handles, by name (text) or by JSON document (jsonb), cached. */

/* Handles, by name (text) or by JSON document (jsonb, keyed by its binary
 * form, so the text form is made only to build one). */

static void *handle_named(int kind, text *name) {
  const char *bytes = VARDATA_ANY(name);
  size_t len = VARSIZE_ANY_EXHDR(name);
  void *handle = chc_handle_cache_find(&caches[kind], bytes, len);
  int rc;
  if (handle != NULL) return handle;
  rc = chc_handle_cache_build(&caches[kind], kind, bytes, len, text_to_cstring(name), len, &handle);
  if (rc != CHC_OK) raise_chc_error(rc);
  return handle;
}

static void *handle_from_jsonb(int kind, Jsonb *doc) {
  const char *bytes = VARDATA(doc);
  size_t len = VARSIZE(doc) - VARHDRSZ;
  void *handle = chc_handle_cache_find(&caches[kind], bytes, len);
  char *json;
  int rc;
  if (handle != NULL) return handle;
  json = JsonbToCString(NULL, &doc->root, VARSIZE(doc));
  rc = chc_handle_cache_build(&caches[kind], kind, bytes, len, json, strlen(json), &handle);
  if (rc != CHC_OK) raise_chc_error(rc);
  return handle;
}

/* Each SQL signature has its own C entry point (no reliance on fn_expr), and
 * the calendar argument is always the last one. */
#define CALENDAR_BY_NAME(argument) ((const chc_calendar *)handle_named(CHC_CALENDAR_NAMED, PG_GETARG_TEXT_PP(argument)))
#define CALENDAR_BY_JSON(argument) ((const chc_calendar *)handle_from_jsonb(CHC_CALENDAR_JSON, PG_GETARG_JSONB_P(argument)))
#define RULES_BY_NAME(argument) ((const chc_ruleset *)handle_named(CHC_RULES_NAMED, PG_GETARG_TEXT_PP(argument)))
#define RULES_BY_JSON(argument) ((const chc_ruleset *)handle_from_jsonb(CHC_RULES_JSON, PG_GETARG_JSONB_P(argument)))

/* Working days */

static Datum add_working_days(FunctionCallInfo fcinfo, const chc_calendar *cal) {
  chc_day start = day_from_pg(PG_GETARG_DATEADT(0), "start");
  chc_day due;
  int rc = chc_calendar_add_working_days(&due, cal, start, PG_GETARG_INT32(1));
  if (rc != CHC_OK) raise_chc_error(rc);
  PG_RETURN_DATEADT(day_to_pg(due));
}

static Datum count_working_days(FunctionCallInfo fcinfo, const chc_calendar *cal) {
  chc_day from = day_from_pg(PG_GETARG_DATEADT(0), "from");
  chc_day to = day_from_pg(PG_GETARG_DATEADT(1), "to");
  int32_t count;
  int rc = chc_calendar_count_working_days(&count, cal, from, to);
  if (rc != CHC_OK) raise_chc_error(rc);
  PG_RETURN_INT32(count);
}

static Datum is_working_day(FunctionCallInfo fcinfo, const chc_calendar *cal) {
  chc_day day = day_from_pg(PG_GETARG_DATEADT(0), "day");
  int working;
  int rc = chc_calendar_is_working_day(&working, cal, day);
  if (rc != CHC_OK) raise_chc_error(rc);
  PG_RETURN_BOOL(working != 0);
}

static Datum holidays_json(FunctionCallInfo fcinfo, const chc_calendar *cal) {
  chc_day from = day_from_pg(PG_GETARG_DATEADT(1), "from");
  chc_day to = day_from_pg(PG_GETARG_DATEADT(2), "to");
  char *json = NULL;
  int rc = chc_calendar_holidays_json(&json, cal, from, to);
  if (rc != CHC_OK) raise_chc_error(rc);
  return jsonb_from_chc(json);
}

static Datum calendar_info(const chc_calendar *cal) {
  char *json = NULL;
  int rc = chc_calendar_info_json(&json, cal);
  if (rc != CHC_OK) raise_chc_error(rc);
  return jsonb_from_chc(json);
}

#define CHC_PG_FUNCTION(sql_name, body)        \
  PG_FUNCTION_INFO_V1(sql_name);               \
  Datum sql_name(PG_FUNCTION_ARGS);            \
  Datum sql_name(PG_FUNCTION_ARGS) { return body; }

CHC_PG_FUNCTION(chc_pg_add_working_days, add_working_days(fcinfo, CALENDAR_BY_NAME(2)))
CHC_PG_FUNCTION(chc_pg_add_working_days_json, add_working_days(fcinfo, CALENDAR_BY_JSON(2)))
CHC_PG_FUNCTION(chc_pg_count_working_days, count_working_days(fcinfo, CALENDAR_BY_NAME(2)))
CHC_PG_FUNCTION(chc_pg_count_working_days_json, count_working_days(fcinfo, CALENDAR_BY_JSON(2)))
CHC_PG_FUNCTION(chc_pg_is_working_day, is_working_day(fcinfo, CALENDAR_BY_NAME(1)))
CHC_PG_FUNCTION(chc_pg_is_working_day_json, is_working_day(fcinfo, CALENDAR_BY_JSON(1)))
CHC_PG_FUNCTION(chc_pg_holidays_json, holidays_json(fcinfo, CALENDAR_BY_NAME(0)))
CHC_PG_FUNCTION(chc_pg_holidays_json_json, holidays_json(fcinfo, CALENDAR_BY_JSON(0)))
CHC_PG_FUNCTION(chc_pg_calendar_info, calendar_info(CALENDAR_BY_NAME(0)))
CHC_PG_FUNCTION(chc_pg_calendar_info_json, calendar_info(CALENDAR_BY_JSON(0)))

/* Evaluation: chc_evaluate(case jsonb, rules, as_of date [, calendar]).
 * NULL case, rules or as_of gives NULL; a NULL calendar means the case's own
 * "calendar" field, else the rule set's default, as in the C API. */

static Datum evaluate(FunctionCallInfo fcinfo, const chc_ruleset *rules, int calendar_kind) {
  const chc_calendar *cal = NULL;
  chc_day as_of = day_from_pg(PG_GETARG_DATEADT(2), "as_of");
  Jsonb *doc = PG_GETARG_JSONB_P(0);
  char *case_json, *out = NULL;
  int rc;
  if (calendar_kind != 0 && !PG_ARGISNULL(3)) cal = calendar_kind == 1 ? CALENDAR_BY_NAME(3) : CALENDAR_BY_JSON(3);
  case_json = JsonbToCString(NULL, &doc->root, VARSIZE(doc));
  rc = chc_evaluate(&out, rules, cal, case_json, strlen(case_json), as_of);
  if (rc != CHC_OK) raise_chc_error(rc);
  pfree(case_json);
  PG_RETURN_DATUM(jsonb_from_chc(out));
}

#define CHC_PG_EVALUATE(sql_name, rules, calendar_kind)                           \
  PG_FUNCTION_INFO_V1(sql_name);                                                  \
  Datum sql_name(PG_FUNCTION_ARGS);                                               \
  Datum sql_name(PG_FUNCTION_ARGS) {                                              \
    if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2)) PG_RETURN_NULL(); \
    return evaluate(fcinfo, rules, calendar_kind);                                \
  }

CHC_PG_EVALUATE(chc_pg_evaluate, RULES_BY_NAME(1), 0)
CHC_PG_EVALUATE(chc_pg_evaluate_cal, RULES_BY_NAME(1), 1)
CHC_PG_EVALUATE(chc_pg_evaluate_caljson, RULES_BY_NAME(1), 2)
CHC_PG_EVALUATE(chc_pg_evaluate_overlay, RULES_BY_JSON(1), 0)
CHC_PG_EVALUATE(chc_pg_evaluate_overlay_cal, RULES_BY_JSON(1), 1)
CHC_PG_EVALUATE(chc_pg_evaluate_overlay_caljson, RULES_BY_JSON(1), 2)

/* Versions and today */

PG_FUNCTION_INFO_V1(chc_pg_version);
Datum chc_pg_version(PG_FUNCTION_ARGS);
Datum chc_pg_version(PG_FUNCTION_ARGS) { PG_RETURN_TEXT_P(cstring_to_text(chc_version())); }

/* The Europe/London date at the start of the transaction: like current_date,
 * constant within a transaction, but in chc's time zone whatever TimeZone says. */
PG_FUNCTION_INFO_V1(chc_pg_today);
Datum chc_pg_today(PG_FUNCTION_ARGS);
Datum chc_pg_today(PG_FUNCTION_ARGS) {
  pg_time_t seconds = timestamptz_to_time_t(GetCurrentTransactionStartTimestamp());
  time_t unix_seconds = (time_t)seconds;
  struct tm utc;
  char stamp[64];
  chc_day day;
  int rc;
  if (gmtime_r(&unix_seconds, &utc) == NULL || strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0)
    ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("chc_today: the clock is out of range")));
  rc = chc_timestamp_to_day(&day, stamp);
  if (rc != CHC_OK) raise_chc_error(rc);
  PG_RETURN_DATEADT(day_to_pg(day));
}
