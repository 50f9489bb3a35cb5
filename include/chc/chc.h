// SPDX-License-Identifier: MIT
/**
 * @file chc.h
 * @brief The stable C interface of chc.
 *
 * chc.h: the stable C interface of chc.
 *
 * chc encodes the rules UK social landlords follow when they handle
 * complaints: working-day calendars for England and Wales, Scotland and
 * Northern Ireland, and (in later parts of this header) the Housing
 * Ombudsman's Complaint Handling Code.
 *
 * This header is the whole binary contract: a function, type or constant not
 * declared here is not part of the ABI. It is C99 and compiles as C++.
 *
 * Conventions
 *  - Functions are named chc_<noun>_<verb>. Output parameters come first.
 *  - Every function that can fail returns int: CHC_OK (0) on success or a
 *    negative CHC_E_* code. Codes are never renumbered. On failure nothing is
 *    written to the output parameters, and chc_last_error() describes the
 *    problem, naming the bad argument or JSON field.
 *  - Objects are opaque and come in create/free pairs; every *_free accepts NULL.
 *    A handle of the wrong type (a chc_ruleset passed as a chc_calendar, as
 *    ctypes' void pointers allow) or a pointer that cannot be a handle (below
 *    4096, or misaligned) gives CHC_E_INVALID naming the argument, and a
 *    *_free given one does nothing. Using a handle after freeing it is
 *    undefined: chc clears a handle's tag when it frees it, which catches
 *    most such uses, but no library can promise to detect them.
 *  - Sizes are limited (docs/limits.md) and inputs over a limit give
 *    CHC_E_LIMIT, never unbounded memory. docs/bad-input.md lists what every
 *    kind of bad input gets.
 *  - Strings the library returns through char **out are allocated by chc and
 *    must be released with chc_string_free(), never with free().
 *  - No C++ exception ever crosses this interface.
 *  - Dates are chc_day values: days since 1970-01-01, proleptic Gregorian.
 *
 * Thread safety
 *  - A chc_calendar is immutable once built: share it between any number of
 *    threads without locking. Freeing it while another thread uses it is
 *    the caller's error.
 *  - chc_last_error() is per thread.
 */
#ifndef CHC_CHC_H
#define CHC_CHC_H

#include <stddef.h>
#include <stdint.h>

#if defined(CHC_STATIC)
#define CHC_API
#elif defined(_WIN32)
#if defined(CHC_BUILDING_LIBRARY)
#define CHC_API __declspec(dllexport)
#else
#define CHC_API __declspec(dllimport)
#endif
#else
#define CHC_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Versions                                                                 */

#define CHC_VERSION_MAJOR 0
#define CHC_VERSION_MINOR 1
#define CHC_VERSION_PATCH 0
#define CHC_VERSION_STRING "0.1.0"
/** The ABI major version: the SONAME is libchc.so.<CHC_ABI_VERSION>. */
#define CHC_ABI_VERSION 1

/** The library's version string ("0.1.0"). Static storage; never free it. */
CHC_API const char *chc_version(void);
/** The ABI major version of the loaded library. Compare it with
 * CHC_ABI_VERSION to detect a header/library mismatch. */
CHC_API int chc_abi_version(void);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

#define CHC_OK 0
#define CHC_E_NULL (-1)         /* a required pointer argument was NULL */
#define CHC_E_INVALID (-2)      /* an argument had an unusable value */
#define CHC_E_JSON (-3)         /* text is not well-formed JSON (or not UTF-8) */
#define CHC_E_DATE (-4)         /* a date is malformed ("tomorrow") or does not exist (2023-02-29) */
#define CHC_E_RANGE (-5)        /* a day lies outside 1900-01-01..2199-12-31 */
#define CHC_E_OVERFLOW (-6)     /* a result would not fit in 32 bits */
#define CHC_E_UNKNOWN_NAME (-7) /* no built-in calendar or rule set has that name */
#define CHC_E_NOMEM (-8)        /* memory allocation failed */
#define CHC_E_SCHEMA (-9)       /* JSON is well-formed but a field is missing or has the wrong type */
#define CHC_E_LIMIT (-10)       /* input exceeds a documented size limit */
#define CHC_E_INTERNAL (-11)    /* a bug in chc; please report it with chc_last_error() */

/* Accepted in every flags argument (chc_evaluate_options, chc_report_options
 * and the *_ex readers): each warning about input chc read but may have
 * misread (a key one letter away from a known one, a GOV.UK import that would
 * drop a day chc knows) becomes an error, CHC_E_SCHEMA, instead. */
#define CHC_STRICT 0x40000000u

/** A message describing the last error on this thread, naming the bad
 * argument or field. Only meaningful right after a call returned an error;
 * never NULL. Owned by chc and valid until the next failing call on this thread. */
CHC_API const char *chc_last_error(void);
/** A static description of an error code ("invalid date"). Never NULL. */
CHC_API const char *chc_strerror(int code);
/** Releases a string chc returned through a char **out parameter. NULL is fine. */
CHC_API void chc_string_free(char *s);

/* ------------------------------------------------------------------------ */
/* Days                                                                     */

/** Days since 1970-01-01 in the proleptic Gregorian calendar (0 is 1970-01-01). */
typedef int32_t chc_day;

/** *out = the day y-m-d.
 * Errors: CHC_E_NULL (out), CHC_E_DATE (the date does not exist, e.g. 2023-02-29),
 * CHC_E_OVERFLOW (too far from 1970 for 32 bits). Thread-safe. */
CHC_API int chc_day_from_ymd(chc_day *out, int y, int m, int d);
/** Year, month (1-12) and day (1-31) of `day`. Every chc_day converts.
 * Errors: CHC_E_NULL (y, m or d). Thread-safe. */
CHC_API int chc_day_to_ymd(chc_day day, int *y, int *m, int *d);
/** Parses exactly "YYYY-MM-DD" (NUL-terminated).
 * Errors: CHC_E_NULL (out, iso_date), CHC_E_DATE (anything else: "tomorrow",
 * "2024-13-01", "2023-02-29"). Thread-safe. */
CHC_API int chc_day_parse(chc_day *out, const char *iso_date);
/** Writes "YYYY-MM-DD" and a NUL into the caller's buf, which must hold at
 * least 11 bytes for years 0-9999 (16 bytes covers every chc_day).
 * Errors: CHC_E_NULL (buf), CHC_E_LIMIT (buf too small; nothing written). Thread-safe. */
CHC_API int chc_day_format(char *buf, size_t size, chc_day day);
/** ISO weekday of `day`: 1 is Monday, 7 is Sunday. Errors: CHC_E_NULL (out). Thread-safe. */
CHC_API int chc_day_weekday(int *out, chc_day day);

/* ------------------------------------------------------------------------ */
/* Calendars                                                                */

/** A working-day calendar: which days from 1900-01-01 to 2199-12-31 are
 * working days and why the others are not. Immutable and thread-safe. */
typedef struct chc_calendar chc_calendar;

/** The built-in divisions: "england-and-wales", "scotland",
 * "northern-ireland". Each carries the standing rules, substitute days, every
 * one-off since 1995 and the official GOV.UK list for 2012-2028, compiled in.
 * Ownership: *out belongs to the caller; free it with chc_calendar_free().
 * Errors: CHC_E_NULL (out, name), CHC_E_UNKNOWN_NAME (any other name; the
 * message lists the known ones). Thread-safe. */
CHC_API int chc_calendar_builtin(chc_calendar **out, const char *name);

/** A calendar from JSON (UTF-8, `len` bytes; need not be NUL-terminated):
 *   {"name": "Acme Homes", "base": "england-and-wales",
 *    "working_week": ["mon", "tue", "wed", "thu", "fri"],
 *    "closures": [{"date": "2025-12-29", "name": "Office closure"},
 *                 {"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}],
 *    "extra_bank_holidays": [{"date": "2027-06-07", "name": "..."}],
 *    "removed": ["2026-05-04"],
 *    "govuk": { ...a GOV.UK bank-holidays.json document... },
 *    "data_version": "acme-2025-11"}
 * Only "base" is required. "govuk" replaces the bank holidays of exactly the
 * years the document lists for the base division and keeps every other year,
 * with the conflict rule of chc_calendar_import_govuk_ex.
 * A key nearly a known one ("closure", "Working-Week") is a warning naming
 * both (`calendar: "closure": did you mean "closures"?`); other unknown
 * fields are ignored. Both are reported in chc_calendar_info_json()'s
 * "warnings"; chc_calendar_from_json_ex with CHC_STRICT refuses near-misses.
 * Ownership: *out belongs to the caller; free it with chc_calendar_free().
 * Errors: CHC_E_NULL (out, json), CHC_E_JSON, CHC_E_SCHEMA, CHC_E_DATE, CHC_E_RANGE,
 * CHC_E_UNKNOWN_NAME, CHC_E_INVALID (an empty working week, a closure ending
 * before it starts), CHC_E_LIMIT (documents over 16 MiB, over 110,000 listed
 * days, JSON nested over 64 levels). */
CHC_API int chc_calendar_from_json(chc_calendar **out, const char *json, size_t len);

/* A flag of chc_calendar_import_govuk_ex and chc_calendar_from_json_ex: where
 * a GOV.UK document would remove or move a day the calendar already has, the
 * document's days are used (by default the calendar's one-offs are kept). */
#define CHC_IMPORT_FILE_WINS 0x1u

/** chc_calendar_from_json with `flags`: CHC_STRICT makes each warning about
 * input chc may have misread (a near-miss key, a conflict of the "govuk"
 * import) CHC_E_SCHEMA with the warning's words; CHC_IMPORT_FILE_WINS as for
 * chc_calendar_import_govuk_ex. Errors: as chc_calendar_from_json, and
 * CHC_E_INVALID for any other flag bit. */
CHC_API int chc_calendar_from_json_ex(chc_calendar **out, const char *json, size_t len, uint32_t flags);

/** A new calendar: `base` with a GOV.UK bank-holidays.json document merged in
 * (the same rule as the "govuk" field above). `data_version` may be NULL.
 * `base` is not changed and may be freed independently.
 * Ownership: *out belongs to the caller; free it with chc_calendar_free().
 * Errors: as chc_calendar_from_json, CHC_E_SCHEMA when the document has no
 * entry for the base division, CHC_E_INVALID (data_version not UTF-8) and
 * CHC_E_LIMIT (data_version over 256 bytes). */
CHC_API int chc_calendar_import_govuk(chc_calendar **out, const chc_calendar *base, const char *json, size_t len,
                                      const char *data_version);

/** chc_calendar_import_govuk with `flags`. A day `base` has in a year the
 * document lists that the document would remove or move (an older copy
 * without a one-off chc knows, such as Scotland's 15 June 2026) is a
 * conflict: each is a warning in chc_calendar_info_json()'s "warnings",
 * counted in its "imports". By default the calendar's one-offs win (a copy
 * without one predates its announcement) and the document wins for standing
 * and substitute days; CHC_IMPORT_FILE_WINS takes the document's days for
 * every conflict; CHC_STRICT makes any conflict (and any near-miss key)
 * CHC_E_SCHEMA listing the days. chc_calendar_import_govuk is this with flags 0.
 * Errors: as chc_calendar_import_govuk, and CHC_E_INVALID for any other flag bit. */
CHC_API int chc_calendar_import_govuk_ex(chc_calendar **out, const chc_calendar *base, const char *json, size_t len,
                                         const char *data_version, uint32_t flags);

/** Releases a calendar. NULL is fine. No other thread may still be using it. */
CHC_API void chc_calendar_free(chc_calendar *cal);

/** *out = 1 if `day` is a working day, else 0.
 * Errors: CHC_E_NULL (out, cal), CHC_E_RANGE. Thread-safe. */
CHC_API int chc_calendar_is_working_day(int *out, const chc_calendar *cal, chc_day day);
/** *out = the working day `n` working days from `start`.
 * Counting convention (every function in this group):
 *  - add_working_days(start, n), n >= 1: the n-th working day strictly after
 *    `start`, whatever `start` is: the event day is day 0. Example:
 *    england-and-wales, start 2024-12-20 (Friday), n = 5 gives 2024-12-31.
 *  - n <= -1: the |n|-th working day strictly before `start`.
 *  - n = 0: `start` if it is a working day, else the next working day.
 *  - count_working_days(from, to): the number of working days d with
 *    from < d <= to; negative when to < from (it is -count(to, from)).
 *  So count(a, add(a, n)) == n for every n >= 1.
 * Days outside 1900-01-01..2199-12-31 give CHC_E_RANGE. A result beyond that
 * range gives CHC_E_RANGE, or CHC_E_OVERFLOW when it would lie beyond any
 * 32-bit day number (extrapolating the calendar's average spacing of working
 * days, as with n = INT32_MAX). Each call is O(1).
 * Errors of add, count, next, previous and the array forms: CHC_E_NULL (out, cal), CHC_E_RANGE,
 * CHC_E_OVERFLOW. Thread-safe: any number of threads may share one calendar. */
CHC_API int chc_calendar_add_working_days(chc_day *out, const chc_calendar *cal, chc_day start, int32_t n);
/** *out = the number of working days d with from < d <= to (see above). */
CHC_API int chc_calendar_count_working_days(int32_t *out, const chc_calendar *cal, chc_day from, chc_day to);
/** The first working day strictly after / strictly before `day`. */
CHC_API int chc_calendar_next_working_day(chc_day *out, const chc_calendar *cal, chc_day day);
CHC_API int chc_calendar_previous_working_day(chc_day *out, const chc_calendar *cal, chc_day day);

/** Array forms: out[i] = add(start[i], n[i]) / count(from[i], to[i]) for
 * i < count. All or nothing: on error `out` is untouched and
 * chc_last_error() names the first bad index ("start[42]: ..."). The arrays
 * may be NULL only when count is 0. `out` may be the very same array as an
 * input (results replace inputs in place) but must not otherwise overlap one. */
CHC_API int chc_calendar_add_working_days_batch(chc_day *out, const chc_calendar *cal, const chc_day *start,
                                                const int32_t *n, size_t count);
CHC_API int chc_calendar_count_working_days_batch(int32_t *out, const chc_calendar *cal, const chc_day *from,
                                                  const chc_day *to, size_t count);

/** The array forms over 64-bit day numbers (days since 1970-01-01), the
 * layout of numpy's datetime64[D] and of many column stores, so such callers
 * pass their arrays as they are. Day numbers outside the supported range,
 * however large, are CHC_E_RANGE naming the index; n values beyond 32 bits are
 * CHC_E_OVERFLOW. add: n holds n_count values, either count (one per start) or
 * 1 (the same n for every start; any other n_count is CHC_E_INVALID); the
 * answers are always inside the supported range, and `out` may be the very
 * same array as `start` or `n`. count: the answers always fit 32 bits (at most
 * 109,573 in magnitude), so `out` is int32_t. All or nothing, as above. */
CHC_API int chc_calendar_add_working_days_batch64(int64_t *out, const chc_calendar *cal, const int64_t *start,
                                                  const int64_t *n, size_t n_count, size_t count);
CHC_API int chc_calendar_count_working_days_batch64(int32_t *out, const chc_calendar *cal, const int64_t *from,
                                                    const int64_t *to, size_t count);

/** JSON answers. Ownership: *out is allocated by chc; free it with
 * chc_string_free(). Errors: CHC_E_NULL (out, cal), CHC_E_RANGE.
 * holidays_json: bank holidays and closures with from <= date <= to:
 *   {"calendar": ..., "data_version": ..., "from": ..., "to": ...,
 *    "holidays": [{"date": "2024-12-25", "weekday": "Wednesday", "name": "Christmas Day",
 *                  "kind": "standing", "source": "official"}, ...]}
 *   kind is standing, substitute, one_off or landlord_closure; source is
 *   rules, official, imported or landlord; optional "notes",
 *   "substitute_for" (the weekend date a substitute replaces) and
 *   "reference" (where chc's data sources the day, e.g. a Hansard answer).
 *   Both answers carry "warnings": one when the range reaches before the
 *   calendar's "verified_from" (1995-01-01), where the bank holidays are chc's
 *   reading of the rules and the sourced history, not a published list.
 * explain_json: every non-working day d with from < d <= to (the days a
 *   deadline counted from `from` skips), each with all its reasons:
 *   {..., "working_days": 5, "skipped": [{"date": "2024-12-21", "weekday": "Saturday",
 *      "reasons": [{"name": "Saturday", "kind": "weekend", "source": "rules"}]}, ...]}
 *   When to < from it explains (to, from]. */
CHC_API int chc_calendar_holidays_json(char **out, const chc_calendar *cal, chc_day from, chc_day to);
CHC_API int chc_calendar_explain_json(char **out, const chc_calendar *cal, chc_day from, chc_day to);
/** {"name", "base", "data_version", "official_through", "rules_checked_from",
 *  "verified_from", "first_day", "last_day", "working_week", "warnings",
 *  "imports", "memory_bytes"}. "imports" lists each GOV.UK document merged in:
 *  {"source", "division", "first_year", "last_year", "data_version", "days",
 *   "conflicts", "kept", "overridden", "policy": "keep_newer" or "file_wins"}. */
CHC_API int chc_calendar_info_json(char **out, const chc_calendar *cal);

/* ------------------------------------------------------------------------ */
/* Timestamps                                                               */

/** *out = the Europe/London date of `text`: a "YYYY-MM-DD" date as it is, or
 * an RFC 3339 timestamp ("2025-06-13T23:30:00Z" is 2025-06-14 in London)
 * converted with ICU's zone data (GMT or BST as in force at that instant).
 * Errors: CHC_E_NULL (out, text), CHC_E_DATE (anything else). Thread-safe. */
CHC_API int chc_timestamp_to_day(chc_day *out, const char *text);
/** *out = today's date in Europe/London. Errors: CHC_E_NULL (out). Thread-safe. */
CHC_API int chc_today(chc_day *out);

/* ------------------------------------------------------------------------ */
/* Rule sets                                                                */

/** A complaint-handling rule set: deadlines, extension limits, letter
 * contents, each tied to its Code provision. Immutable and thread-safe. */
typedef struct chc_ruleset chc_ruleset;

/** "hoc-2024" (Housing Ombudsman Complaint Handling Code 2024), "hoc-2022",
 * "hoc" (2024 for complaints received from 2024-04-01, else 2022), "spso"
 * (Scotland's model procedure).
 * Ownership: *out belongs to the caller; free it with chc_ruleset_free().
 * Errors: CHC_E_NULL (out, name), CHC_E_UNKNOWN_NAME. Thread-safe. */
CHC_API int chc_ruleset_builtin(chc_ruleset **out, const char *name);
/** A landlord overlay (docs/evaluation.md):
 *   {"name": "Acme", "base": "hoc-2024", "targets": {"stage2_acknowledgement": 2},
 *    "receipt": {"non_working_day": "next_working_day", "cutoff": "17:00"}}
 * Targets are reported beside the Code's limits, never instead of them; a
 * target looser than the Code gives CHC_E_INVALID naming the provision.
 * Ownership: *out belongs to the caller; free it with chc_ruleset_free().
 * Errors: CHC_E_NULL (out, json), CHC_E_JSON, CHC_E_SCHEMA (a missing base,
 * an unknown field or target), CHC_E_UNKNOWN_NAME (base), CHC_E_INVALID. */
CHC_API int chc_ruleset_from_json(chc_ruleset **out, const char *json, size_t len);
/** Releases a rule set. NULL is fine. No other thread may still be using it. */
CHC_API void chc_ruleset_free(chc_ruleset *rules);
/** {"name", "title", "version", "rule_sets": [{"name", "deadlines": [...], "receipt"}]}.
 * Ownership: free *out with chc_string_free(). Errors: CHC_E_NULL (out, rules). */
CHC_API int chc_ruleset_info_json(char **out, const chc_ruleset *rules);
/** The Code's provision catalogue: {"rules", "catalogue", "provisions":
 * [{"id", "section", "title", "text", "check", "items"}]}; "check" is case,
 * policy or evidence. Ownership: free *out with chc_string_free().
 * Errors: CHC_E_NULL (out, rules). */
CHC_API int chc_ruleset_provisions_json(char **out, const chc_ruleset *rules);

/* ------------------------------------------------------------------------ */
/* Evaluation                                                               */

/** Evaluates one case record (docs/case-format.md; UTF-8 JSON, `len` bytes)
 * as of `as_of`. `cal` may be NULL: the case's "calendar" field is used,
 * else the rule set's default calendar. *out_json (free with
 * chc_string_free) holds {"id", "rules", "status", "stage", "deadlines":
 * [{"name", "provision", "due", "met", "state", "provisional", ...}],
 * "findings": [{"provision", "result", "message", "events"}],
 * "next_action"} (docs/evaluation.md). The case is never changed.
 * Ownership: *out_json is allocated by chc; free it with chc_string_free().
 * Thread-safe: call it from any number of threads with shared rules and calendar.
 * Errors: CHC_E_NULL (out_json, rules, case_json), CHC_E_JSON, CHC_E_SCHEMA, CHC_E_DATE, CHC_E_RANGE, CHC_E_LIMIT
 * (cases over 1 MiB or 10,000 events), CHC_E_UNKNOWN_NAME (the case names an
 * unknown calendar), each naming the field ("case.events[3].date: ..."). */
CHC_API int chc_evaluate(char **out_json, const chc_ruleset *rules, const chc_calendar *cal, const char *case_json,
                         size_t len, chc_day as_of);

#define CHC_EVALUATE_EXPLAIN 1u   /* add each deadline's skipped days ("skipped") */
#define CHC_EVALUATE_ECHO_CASE 2u /* add the case record as given ("case"), unknown fields included */

/* The size field of an options struct, cast without upsetting C++'s -Wold-style-cast. */
#ifdef __cplusplus
#define CHC_SIZE32_(n) static_cast<uint32_t>(n)
#else
#define CHC_SIZE32_(n) ((uint32_t)(n))
#endif

/** Options for chc_evaluate_ex. Set `size` to sizeof(chc_evaluate_options)
 * (CHC_EVALUATE_OPTIONS_INIT does): fields are only ever appended, and chc
 * reads only the fields `size` covers. */
typedef struct chc_evaluate_options {
  uint32_t size;
  uint32_t flags; /* CHC_EVALUATE_* bits */
} chc_evaluate_options;
#define CHC_EVALUATE_OPTIONS_INIT {CHC_SIZE32_(sizeof(chc_evaluate_options)), 0u}

/** chc_evaluate with options (NULL means the defaults). Errors: as
 * chc_evaluate, and CHC_E_INVALID for a `size` smaller than the first
 * version's (8 bytes) or an unknown flag. */
CHC_API int chc_evaluate_ex(char **out_json, const chc_ruleset *rules, const chc_calendar *cal, const char *case_json,
                            size_t len, chc_day as_of, const chc_evaluate_options *options);

/** The case record with every date checked and each timestamp's London date
 * added beside it ("chc_received_date", "chc_local_date"); every other field,
 * known or not, unchanged. Ownership: free *out_json with chc_string_free().
 * Errors: as chc_evaluate's for the case record. Thread-safe. */
CHC_API int chc_case_normalize(char **out_json, const char *case_json, size_t len);
/** The case records of a flat CSV register (header row first, the columns of
 * docs/reporting.md), each row read exactly as chc_report_add_csv reads it:
 * *out_json = {"rows": [{"line": 2, "case": {...}}, {"line": 3, "error": "..."}],
 * "warnings": [...]} (header columns nearly one of chc's, each naming both),
 * one entry per data row in order (blank rows skipped); a row that cannot be a
 * case record has "error" (the reason a report would give) instead of "case".
 * The cases are not yet checked: evaluate each with chc_evaluate.
 * Ownership: free *out_json with chc_string_free(). Errors: CHC_E_NULL
 * (out_json; text when len > 0), CHC_E_LIMIT (a header row over 1 MiB),
 * CHC_E_SCHEMA (a header chc cannot read: a required column missing, a column
 * given twice). Thread-safe. */
CHC_API int chc_cases_from_csv(char **out_json, const char *text, size_t len);

/* ------------------------------------------------------------------------ */
/* Reports                                                                  */

/** A report being built from a complaint register: Tenant Satisfaction
 * Measures CH01 and CH02, the annual performance figures (Code 8.1(b)) and
 * the provision-by-provision self-assessment (docs/reporting.md). Cases are
 * added one at a time (or as chunks of newline-delimited JSON), so a CRM never
 * builds one giant string, and memory stays flat whatever the register's size.
 * Thread safety: one thread at a time per report; different reports are
 * independent. */
typedef struct chc_report chc_report;

#define CHC_REPORT_EXTENSIONS_ORIGINAL_ONLY 1u /* CH02: only responses within the original timescale count */
#define CHC_REPORT_EXCLUDE_WITHDRAWN 2u        /* CH01: leave out complaints later withdrawn */
#define CHC_REPORT_INCLUDE_NOT_ACCEPTED 4u     /* CH01: count complaints not accepted under section 2 */
#define CHC_REPORT_DRILL_DOWN 8u               /* keep the case ids behind every figure, not only the exceptions */

/** Options for chc_report_begin. Set `size` with CHC_REPORT_OPTIONS_INIT;
 * fields are only ever appended, and chc reads only the fields `size`
 * covers (the first version ends at compliance_threshold: 72 bytes on LP64). `from` and `to` (inclusive) are required:
 * a TSM reporting year is 1 April to 31 March. Counts of homes are 0 when not
 * given. `landlord` and `evidence_json` may be NULL; the strings are copied. */
typedef struct chc_report_options {
  uint32_t size;
  uint32_t flags;              /* CHC_REPORT_* bits */
  chc_day from;
  chc_day to;
  int64_t homes;               /* CH01's denominator: homes owned at the period's end */
  int64_t homes_lcra;          /* low-cost rental accommodation, if reported separately */
  int64_t homes_lcho;          /* low-cost home ownership, if reported separately */
  const char *landlord;        /* NUL-terminated, for the title */
  const char *evidence_json;   /* the landlord's evidence file (UTF-8 JSON, evidence_len bytes) */
  size_t evidence_len;
  double compliance_threshold; /* "Partial" at or above this pass rate; 0 means the default 0.9 */
} chc_report_options;
#define CHC_REPORT_OPTIONS_INIT {CHC_SIZE32_(sizeof(chc_report_options)), 0u, 0, 0, 0, 0, 0, NULL, NULL, 0, 0.0}

#define CHC_REPORT_JSON 0 /* the figures as JSON (docs/reporting.md) */
#define CHC_REPORT_CSV 1  /* titled tables for spreadsheets */
#define CHC_REPORT_HTML 2 /* a self-contained page for the governing body and the website */

/** Starts a report. `cal` may be NULL (each case's "calendar", else the rule
 * set's default). `rules` and `cal` must outlive the report.
 * Ownership: *out belongs to the caller; free it with chc_report_free().
 * Errors: CHC_E_NULL (out, rules, options), CHC_E_INVALID (a size smaller
 * than the first version's, unknown flags, no period given, a period ending
 * before it starts), CHC_E_RANGE, CHC_E_JSON / CHC_E_SCHEMA
 * (the evidence file, naming the field). */
CHC_API int chc_report_begin(chc_report **out, const chc_ruleset *rules, const chc_calendar *cal,
                             const chc_report_options *options);
/** Adds one case record. A case that cannot be read is counted as rejected,
 * with its reason, and the report carries on: the return value is its error
 * code (CHC_OK when accepted) and chc_last_error() says why.
 * Errors: CHC_E_NULL (report, case_json), CHC_E_INVALID (after finish), or
 * the case's own error (CHC_E_JSON, CHC_E_SCHEMA, CHC_E_DATE, ...). */
CHC_API int chc_report_add_case(chc_report *report, const char *case_json, size_t len);
/** Adds newline-delimited case records: a chunk of any size (it may end in
 * the middle of a line; the rest of that line is awaited). Bad lines are
 * counted as rejected with their line numbers. Errors: CHC_E_NULL, CHC_E_INVALID (after finish). */
CHC_API int chc_report_add_ndjson(chc_report *report, const char *text, size_t len);
/** Adds a whole flat CSV register, its header row first (the columns of
 * docs/reporting.md; a spreadsheet's byte-order mark is fine). Bad rows are
 * counted as rejected with their line numbers. Errors: CHC_E_NULL, CHC_E_INVALID (after finish). */
CHC_API int chc_report_add_csv(chc_report *report, const char *text, size_t len);
/** Ends the input (the first call) and renders the report as `format`
 * (CHC_REPORT_JSON, _CSV or _HTML); it may be called again for another format.
 * Ownership: free *out with chc_string_free(). Errors: CHC_E_NULL, CHC_E_INVALID (format). */
CHC_API int chc_report_finish(char **out, chc_report *report, int format);
/** Releases a report. NULL is fine. */
CHC_API void chc_report_free(chc_report *report);

#ifdef __cplusplus
}
#endif

#endif /* CHC_CHC_H */
