// SPDX-License-Identifier: MIT
// chc as a SQLite loadable extension (.load libchc_sqlite): the working-day
// functions over ISO date text, chc_evaluate returning JSON text, and the
// table-valued chc_holidays, over the stable C API only (include/chc/chc.h).
// docs/sql.md describes every function.
//
// Calendars and rule sets are cached per connection (handle_cache.h) and
// freed when it closes. A calendar or rule-set argument is a built-in name,
// or a JSON document when it starts with "{".
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <chc/chc.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/handle_cache.h"

#if defined(_WIN32)
#define CHC_SQLITE_EXPORT __declspec(dllexport)
#else
#define CHC_SQLITE_EXPORT __attribute__((visibility("default")))
#endif

/* SQLite's JSON functions take a value with this subtype as JSON, not as text. */
#define CHC_JSON_SUBTYPE 74
#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0
#endif

typedef struct connection_state {
  chc_handle_cache caches[CHC_HANDLE_KINDS];
  int refs; /* one per registration that holds this state */
} connection_state;

static void release_state(void *p) {
  connection_state *state = (connection_state *)p;
  if (--state->refs > 0) return;
  for (int kind = 0; kind < CHC_HANDLE_KINDS; ++kind) chc_handle_cache_clear(&state->caches[kind]);
  sqlite3_free(state);
}

static void free_chc_text(void *text) { chc_string_free((char *)text); }

static void result_chc_error(sqlite3_context *ctx, int code, const char *prefix) {
  if (code == CHC_E_NOMEM) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (prefix != NULL) {
    char *message = sqlite3_mprintf("%s: %s", prefix, chc_last_error());
    sqlite3_result_error(ctx, message != NULL ? message : chc_last_error(), -1);
    sqlite3_free(message);
  } else {
    sqlite3_result_error(ctx, chc_last_error(), -1);
  }
}

static int any_null(int argc, sqlite3_value **argv) {
  for (int i = 0; i < argc; ++i)
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return 1;
  return 0;
}

static int is_json_document(const unsigned char *text) {
  while (*text != '\0' && isspace(*text)) ++text;
  return *text == '{';
}

/* The handle a name or a JSON document ("{...}") gives: a calendar, or a
 * rule set when `rules`; the code of the failure, as chc reports it, else. */
static int handle_lookup(connection_state *state, int rules, const unsigned char *text, size_t len, void **out) {
  int kind = is_json_document(text) ? (rules ? CHC_RULES_JSON : CHC_CALENDAR_JSON)
                                    : (rules ? CHC_RULES_NAMED : CHC_CALENDAR_NAMED);
  return chc_handle_cache_lookup(&state->caches[kind], kind, (const char *)text, len, out);
}

/* The same for an SQL argument; NULL after reporting an error. */
static void *handle_of(sqlite3_context *ctx, sqlite3_value *value, int rules) {
  const unsigned char *text = sqlite3_value_text(value);
  void *handle = NULL;
  int rc;
  if (text == NULL) {
    sqlite3_result_error_nomem(ctx);
    return NULL;
  }
  rc = handle_lookup((connection_state *)sqlite3_user_data(ctx), rules, text, (size_t)sqlite3_value_bytes(value),
                     &handle);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return NULL;
  }
  return handle;
}

static const chc_calendar *calendar_of(sqlite3_context *ctx, sqlite3_value *value) {
  return (const chc_calendar *)handle_of(ctx, value, 0);
}

/* A default when the argument is absent: "england-and-wales" or "hoc". */
static void *default_handle(sqlite3_context *ctx, int rules) {
  const char *name = rules ? "hoc" : "england-and-wales";
  void *handle = NULL;
  int rc = handle_lookup((connection_state *)sqlite3_user_data(ctx), rules, (const unsigned char *)name, strlen(name),
                         &handle);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return NULL;
  }
  return handle;
}

/* An ISO date argument; 0 after reporting an error naming the argument. */
static int day_of(sqlite3_context *ctx, sqlite3_value *value, const char *argument, chc_day *out) {
  const unsigned char *text = sqlite3_value_text(value);
  int rc;
  if (text == NULL) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  rc = chc_day_parse(out, (const char *)text);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, argument);
    return 0;
  }
  return 1;
}

static void result_day(sqlite3_context *ctx, chc_day day) {
  char iso[16];
  if (chc_day_format(iso, sizeof iso, day) != CHC_OK) {
    result_chc_error(ctx, CHC_E_INTERNAL, NULL);
    return;
  }
  sqlite3_result_text(ctx, iso, -1, SQLITE_TRANSIENT);
}

/* The calendar argument at argv[index], or england-and-wales when there is none. */
static const chc_calendar *optional_calendar(sqlite3_context *ctx, int argc, sqlite3_value **argv, int index) {
  return index < argc ? calendar_of(ctx, argv[index]) : (const chc_calendar *)default_handle(ctx, 0);
}

/* chc_add_working_days(start, n [, calendar]) -> 'YYYY-MM-DD' */
static void add_working_days(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const chc_calendar *cal;
  chc_day start, due;
  sqlite3_int64 n;
  int rc;
  if (any_null(argc, argv)) return;
  if (sqlite3_value_numeric_type(argv[1]) != SQLITE_INTEGER) {
    char *message = sqlite3_mprintf("n: expected a whole number of working days, got '%s'", sqlite3_value_text(argv[1]));
    sqlite3_result_error(ctx, message != NULL ? message : "n: expected a whole number of working days", -1);
    sqlite3_free(message);
    return;
  }
  n = sqlite3_value_int64(argv[1]);
  if (n < INT32_MIN || n > INT32_MAX) {
    char *message = sqlite3_mprintf("n: %lld working days lies beyond any 32-bit day number", n);
    sqlite3_result_error(ctx, message != NULL ? message : "n: out of range", -1);
    sqlite3_free(message);
    return;
  }
  if (!day_of(ctx, argv[0], "start", &start) || (cal = optional_calendar(ctx, argc, argv, 2)) == NULL) return;
  rc = chc_calendar_add_working_days(&due, cal, start, (int32_t)n);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  result_day(ctx, due);
}

/* chc_count_working_days(from, to [, calendar]) -> integer */
static void count_working_days(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const chc_calendar *cal;
  chc_day from, to;
  int32_t count;
  int rc;
  if (any_null(argc, argv)) return;
  if (!day_of(ctx, argv[0], "from", &from) || !day_of(ctx, argv[1], "to", &to) ||
      (cal = optional_calendar(ctx, argc, argv, 2)) == NULL)
    return;
  rc = chc_calendar_count_working_days(&count, cal, from, to);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  sqlite3_result_int(ctx, count);
}

/* chc_is_working_day(day [, calendar]) -> 1 or 0 */
static void is_working_day(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const chc_calendar *cal;
  chc_day day;
  int working, rc;
  if (any_null(argc, argv)) return;
  if (!day_of(ctx, argv[0], "day", &day) || (cal = optional_calendar(ctx, argc, argv, 1)) == NULL) return;
  rc = chc_calendar_is_working_day(&working, cal, day);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  sqlite3_result_int(ctx, working);
}

static void result_json(sqlite3_context *ctx, char *json) {
  sqlite3_result_text(ctx, json, -1, free_chc_text);
  sqlite3_result_subtype(ctx, CHC_JSON_SUBTYPE);
}

/* chc_holidays_json(calendar, from, to) -> the C API's JSON */
static void holidays_json(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const chc_calendar *cal;
  chc_day from, to;
  char *json = NULL;
  int rc;
  if (any_null(argc, argv)) return;
  if ((cal = calendar_of(ctx, argv[0])) == NULL || !day_of(ctx, argv[1], "from", &from) ||
      !day_of(ctx, argv[2], "to", &to))
    return;
  rc = chc_calendar_holidays_json(&json, cal, from, to);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  result_json(ctx, json);
}

/* chc_calendar_info([calendar]) -> the C API's JSON */
static void calendar_info(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const chc_calendar *cal;
  char *json = NULL;
  int rc;
  if (any_null(argc, argv) || (cal = optional_calendar(ctx, argc, argv, 0)) == NULL) return;
  rc = chc_calendar_info_json(&json, cal);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  result_json(ctx, json);
}

/* chc_evaluate(case [, rules [, as_of [, calendar]]]) -> the evaluation as JSON text.
 * rules defaults to 'hoc', as_of to today in London; a NULL or absent calendar
 * means the case's own "calendar" field, else the rule set's default. */
static void evaluate(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const chc_ruleset *rules;
  const chc_calendar *cal = NULL;
  const char *case_json;
  chc_day as_of;
  char *json = NULL;
  int rc;
  if (any_null(argc < 3 ? argc : 3, argv)) return;
  rules = (const chc_ruleset *)(argc >= 2 ? handle_of(ctx, argv[1], 1) : default_handle(ctx, 1));
  if (rules == NULL) return;
  if (argc >= 3) {
    if (!day_of(ctx, argv[2], "as_of", &as_of)) return;
  } else if ((rc = chc_today(&as_of)) != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  if (argc >= 4 && sqlite3_value_type(argv[3]) != SQLITE_NULL && (cal = calendar_of(ctx, argv[3])) == NULL) return;
  case_json = (const char *)sqlite3_value_text(argv[0]);
  if (case_json == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  rc = chc_evaluate(&json, rules, cal, case_json, (size_t)sqlite3_value_bytes(argv[0]), as_of);
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  result_json(ctx, json);
}

/* chc_today() -> today's date in Europe/London */
static void today(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  chc_day day;
  int rc = chc_today(&day);
  (void)argc;
  (void)argv;
  if (rc != CHC_OK) {
    result_chc_error(ctx, rc, NULL);
    return;
  }
  result_day(ctx, day);
}

/* chc_version() -> the loaded libchc's version */
static void version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, chc_version(), -1, SQLITE_STATIC);
}

/* ------------------------------------------------------------------------ */
/* chc_holidays(calendar, from, to): a table-valued function with the columns
 * date, name, kind, source, substitute_for. Its rows are the C API's
 * holidays JSON, read back through SQLite's own json_each. */

enum { COLUMN_DATE, COLUMN_NAME, COLUMN_KIND, COLUMN_SOURCE, COLUMN_SUBSTITUTE_FOR, COLUMN_CALENDAR, COLUMN_FROM, COLUMN_TO };
#define HOLIDAY_COLUMNS 5

typedef struct holidays_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  connection_state *state;
} holidays_vtab;

typedef struct holidays_cursor {
  sqlite3_vtab_cursor base;
  sqlite3_stmt *rows; /* json_each over the holidays JSON */
  int eof;
  sqlite3_int64 rowid;
} holidays_cursor;

static int holidays_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
                            char **error) {
  holidays_vtab *vtab;
  int rc;
  (void)argc;
  (void)argv;
  (void)error;
  rc = sqlite3_declare_vtab(db,
                            "CREATE TABLE x(date TEXT, name TEXT, kind TEXT, source TEXT, substitute_for TEXT, "
                            "calendar HIDDEN, \"from\" HIDDEN, \"to\" HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  vtab = (holidays_vtab *)sqlite3_malloc(sizeof *vtab);
  if (vtab == NULL) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof *vtab);
  vtab->db = db;
  vtab->state = (connection_state *)aux;
  *out = &vtab->base;
  return SQLITE_OK;
}

static int holidays_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

/* The three hidden columns must all be given (as the function's arguments). */
static int holidays_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int argument_of[3] = {-1, -1, -1};
  int unusable = 0;
  for (int i = 0; i < info->nConstraint; ++i) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn < COLUMN_CALENDAR || c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable) {
      unusable = 1;
      continue;
    }
    argument_of[c->iColumn - COLUMN_CALENDAR] = i;
  }
  for (int k = 0; k < 3; ++k) {
    if (argument_of[k] >= 0) continue;
    if (unusable) return SQLITE_CONSTRAINT;
    sqlite3_free(vtab->zErrMsg);
    vtab->zErrMsg = sqlite3_mprintf(
        "chc_holidays needs a calendar, a from date and a to date: chc_holidays('england-and-wales', "
        "'2025-01-01', '2025-12-31')");
    return SQLITE_ERROR;
  }
  for (int k = 0; k < 3; ++k) {
    info->aConstraintUsage[argument_of[k]].argvIndex = k + 1;
    info->aConstraintUsage[argument_of[k]].omit = 1;
  }
  info->estimatedCost = 1000;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static int holidays_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  holidays_cursor *cursor = (holidays_cursor *)sqlite3_malloc(sizeof *cursor);
  (void)vtab;
  if (cursor == NULL) return SQLITE_NOMEM;
  memset(cursor, 0, sizeof *cursor);
  cursor->eof = 1;
  *out = &cursor->base;
  return SQLITE_OK;
}

static int holidays_close(sqlite3_vtab_cursor *base) {
  holidays_cursor *cursor = (holidays_cursor *)base;
  sqlite3_finalize(cursor->rows);
  sqlite3_free(cursor);
  return SQLITE_OK;
}

static int holidays_next(sqlite3_vtab_cursor *base) {
  holidays_cursor *cursor = (holidays_cursor *)base;
  int rc = sqlite3_step(cursor->rows);
  ++cursor->rowid;
  if (rc == SQLITE_ROW) return SQLITE_OK;
  cursor->eof = 1;
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int vtab_error(sqlite3_vtab *vtab, int code, const char *prefix) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = prefix != NULL ? sqlite3_mprintf("%s: %s", prefix, chc_last_error())
                                 : sqlite3_mprintf("%s", chc_last_error());
  return code == CHC_E_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
}

static int holidays_filter(sqlite3_vtab_cursor *base, int plan, const char *plan_name, int argc, sqlite3_value **argv) {
  holidays_cursor *cursor = (holidays_cursor *)base;
  holidays_vtab *vtab = (holidays_vtab *)base->pVtab;
  void *cal = NULL;
  chc_day from, to;
  const unsigned char *name;
  char *json = NULL;
  int rc;
  (void)plan;
  (void)plan_name;
  cursor->eof = 1;
  cursor->rowid = 0;
  if (argc != 3 || any_null(argc, argv)) return SQLITE_OK;
  name = sqlite3_value_text(argv[0]);
  if (name == NULL) return SQLITE_NOMEM;
  rc = handle_lookup(vtab->state, 0, name, (size_t)sqlite3_value_bytes(argv[0]), &cal);
  if (rc != CHC_OK) return vtab_error(&vtab->base, rc, NULL);
  if (sqlite3_value_text(argv[1]) == NULL || sqlite3_value_text(argv[2]) == NULL) return SQLITE_NOMEM;
  if ((rc = chc_day_parse(&from, (const char *)sqlite3_value_text(argv[1]))) != CHC_OK)
    return vtab_error(&vtab->base, rc, "from");
  if ((rc = chc_day_parse(&to, (const char *)sqlite3_value_text(argv[2]))) != CHC_OK)
    return vtab_error(&vtab->base, rc, "to");
  if ((rc = chc_calendar_holidays_json(&json, (const chc_calendar *)cal, from, to)) != CHC_OK) return vtab_error(&vtab->base, rc, NULL);
  if (cursor->rows == NULL) {
    rc = sqlite3_prepare_v2(vtab->db,
                            "SELECT json_extract(value, '$.date'), json_extract(value, '$.name'), "
                            "json_extract(value, '$.kind'), json_extract(value, '$.source'), "
                            "json_extract(value, '$.substitute_for') FROM json_each(?1, '$.holidays')",
                            -1, &cursor->rows, NULL);
    if (rc != SQLITE_OK) {
      chc_string_free(json);
      return rc;
    }
  } else {
    sqlite3_reset(cursor->rows);
  }
  rc = sqlite3_bind_text(cursor->rows, 1, json, -1, free_chc_text);
  if (rc != SQLITE_OK) return rc;
  cursor->eof = 0;
  return holidays_next(base);
}

static int holidays_eof(sqlite3_vtab_cursor *base) { return ((holidays_cursor *)base)->eof; }

static int holidays_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int column) {
  holidays_cursor *cursor = (holidays_cursor *)base;
  if (column < HOLIDAY_COLUMNS) sqlite3_result_value(ctx, sqlite3_column_value(cursor->rows, column));
  return SQLITE_OK;
}

static int holidays_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
  *rowid = ((holidays_cursor *)base)->rowid;
  return SQLITE_OK;
}

static sqlite3_module holidays_module = {
    0,                   /* iVersion */
    NULL,                /* xCreate: eponymous only, no CREATE VIRTUAL TABLE */
    holidays_connect,    /* xConnect */
    holidays_best_index, /* xBestIndex */
    holidays_disconnect, /* xDisconnect */
    NULL,                /* xDestroy */
    holidays_open,       /* xOpen */
    holidays_close,      /* xClose */
    holidays_filter,     /* xFilter */
    holidays_next,       /* xNext */
    holidays_eof,        /* xEof */
    holidays_column,     /* xColumn */
    holidays_rowid,      /* xRowid */
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

/* ------------------------------------------------------------------------ */

typedef struct function_spec {
  const char *name;
  int args;
  int deterministic;
  void (*call)(sqlite3_context *, int, sqlite3_value **);
} function_spec;

static const function_spec functions[] = {
    {"chc_add_working_days", 2, 1, add_working_days},
    {"chc_add_working_days", 3, 1, add_working_days},
    {"chc_count_working_days", 2, 1, count_working_days},
    {"chc_count_working_days", 3, 1, count_working_days},
    {"chc_is_working_day", 1, 1, is_working_day},
    {"chc_is_working_day", 2, 1, is_working_day},
    {"chc_holidays_json", 3, 1, holidays_json},
    {"chc_calendar_info", 0, 1, calendar_info},
    {"chc_calendar_info", 1, 1, calendar_info},
    {"chc_evaluate", 1, 0, evaluate}, /* as of today: not deterministic */
    {"chc_evaluate", 2, 0, evaluate},
    {"chc_evaluate", 3, 1, evaluate},
    {"chc_evaluate", 4, 1, evaluate},
    {"chc_today", 0, 0, today},
    {"chc_version", 0, 0, version},
};

/* The entry point SQLite derives from the file name libchc_sqlite.so. */
CHC_SQLITE_EXPORT int sqlite3_chcsqlite_init(sqlite3 *db, char **error, const sqlite3_api_routines *api);
CHC_SQLITE_EXPORT int sqlite3_chcsqlite_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
  connection_state *state;
  int rc;
  SQLITE_EXTENSION_INIT2(api);
  if (chc_abi_version() != CHC_ABI_VERSION) {
    *error = sqlite3_mprintf("chc: the loaded libchc has ABI version %d, but this extension was built for %d",
                             chc_abi_version(), CHC_ABI_VERSION);
    return SQLITE_ERROR;
  }
  state = (connection_state *)sqlite3_malloc(sizeof *state);
  if (state == NULL) return SQLITE_NOMEM;
  chc_handle_caches_init(state->caches);
  state->refs = 1; /* held by this function until every registration has its own */
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; ++i) {
    int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS | (functions[i].deterministic ? SQLITE_DETERMINISTIC : 0);
    if (functions[i].call == evaluate || functions[i].call == holidays_json || functions[i].call == calendar_info)
      flags |= SQLITE_RESULT_SUBTYPE;
    ++state->refs;
    rc = sqlite3_create_function_v2(db, functions[i].name, functions[i].args, flags, state, functions[i].call, NULL,
                                    NULL, release_state);
    if (rc != SQLITE_OK) { /* SQLite has called release_state for this registration */
      release_state(state);
      return rc;
    }
  }
  ++state->refs;
  rc = sqlite3_create_module_v2(db, "chc_holidays", &holidays_module, state, release_state);
  release_state(state);
  return rc;
}
