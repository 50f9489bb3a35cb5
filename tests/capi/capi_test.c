// SPDX-License-Identifier: MIT
/*
 * capi_test.c: checks the C interface of chc (include/chc/chc.h) from C99.
 *
 * Every expected value here is worked out independently of the library: by
 * hand from the real UK calendars, or by a brute-force model written in this
 * file (a day-by-day y/m/d walk, a hand-written leap-year rule, an Easter
 * computus and the bank-holiday rules of each division).
 *
 * Output: one line per failed check (file:line, the expression, and
 * chc_last_error()), then a summary. Exit status 1 if any check failed.
 */
#define _POSIX_C_SOURCE 200809L

#include <chc/chc.h>

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The CHECK macro                                                          */

static long g_checks = 0;
static long g_failures = 0;

static void check_impl(int ok, const char *expr, const char *file, int line) {
  ++g_checks;
  if (ok) return;
  ++g_failures;
  if (g_failures <= 200) {
    fprintf(stderr, "%s:%d: CHECK failed: %s\n    chc_last_error(): %s\n", file, line, expr, chc_last_error());
  }
}

#define CHECK(cond) check_impl((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/* Evaluates `call` once and checks its return code; prints both codes on failure. */
#define CHECK_RC(call, expected)                                                                     \
  do {                                                                                               \
    const int rc_actual_ = (call);                                                                   \
    const int rc_expected_ = (expected);                                                             \
    if (rc_actual_ != rc_expected_) {                                                                \
      fprintf(stderr, "%s:%d: returned %d, expected %d\n", __FILE__, __LINE__, rc_actual_, rc_expected_); \
    }                                                                                                \
    check_impl(rc_actual_ == rc_expected_, #call " == " #expected, __FILE__, __LINE__);              \
  } while (0)

/* Checks two integers are equal and prints both on failure. */
#define CHECK_EQ(actual, expected)                                                                   \
  do {                                                                                               \
    const long long eq_a_ = (long long)(actual);                                                     \
    const long long eq_e_ = (long long)(expected);                                                   \
    if (eq_a_ != eq_e_) fprintf(stderr, "%s:%d: got %lld, expected %lld\n", __FILE__, __LINE__, eq_a_, eq_e_); \
    check_impl(eq_a_ == eq_e_, #actual " == " #expected, __FILE__, __LINE__);                        \
  } while (0)

/* The last error contains `text`. */
#define CHECK_MSG(text)                                                                              \
  check_impl(strstr(chc_last_error(), (text)) != NULL, "chc_last_error() contains \"" text "\"", __FILE__, __LINE__)

/* For loops: count mismatches, report the first few, then CHECK(bad == 0). */
#define REPORT_BAD(bad, ...)                  \
  do {                                        \
    if ((bad)++ < 5) {                        \
      fprintf(stderr, "    mismatch: ");      \
      fprintf(stderr, __VA_ARGS__);           \
      fprintf(stderr, "\n");                  \
    }                                         \
  } while (0)

#include "holiday_model.h"

/* ------------------------------------------------------------------------ */
/* Helpers over the library                                                 */

#define SENT_DAY ((chc_day)-987654321)
#define SENT_INT (-777777)

static union {
  long double ld;
  void *p;
  long long ll;
} sentinel_storage;
#define SENT_CAL ((chc_calendar *)(void *)&sentinel_storage)

static char sentinel_char;
#define SENT_STR (&sentinel_char)

static const char *const division_names[3] = {"england-and-wales", "scotland", "northern-ireland"};

/* `word` occurs in `text` delimited by characters that are not [A-Za-z0-9_]. */
static int is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int names_word(const char *text, const char *word) {
  const size_t len = strlen(word);
  const char *p = text;
  while ((p = strstr(p, word)) != NULL) {
    const int left_ok = (p == text) || !is_ident_char(p[-1]);
    const int right_ok = !is_ident_char(p[len]);
    if (left_ok && right_ok) return 1;
    ++p;
  }
  return 0;
}

/* A CHC_E_NULL return that names `param`. */
#define CHECK_NULL_ARG(call, param)                                                                   \
  do {                                                                                                \
    CHECK_RC(call, CHC_E_NULL);                                                                       \
    check_impl(names_word(chc_last_error(), (param)), "message of " #call " names " param, __FILE__, __LINE__); \
  } while (0)

static int count_occurrences(const char *text, const char *needle) {
  int n = 0;
  const char *p = text;
  const size_t len = strlen(needle);
  while ((p = strstr(p, needle)) != NULL) {
    ++n;
    p += len;
  }
  return n;
}

/* is_working_day, or -1 (and a failed check) on error. */
static int working(const chc_calendar *cal, chc_day d) {
  int v = SENT_INT;
  const int rc = chc_calendar_is_working_day(&v, cal, d);
  if (rc != CHC_OK) return -1;
  return v;
}

static chc_day add_days(const chc_calendar *cal, chc_day start, int32_t n) {
  chc_day out = SENT_DAY;
  if (chc_calendar_add_working_days(&out, cal, start, n) != CHC_OK) return SENT_DAY;
  return out;
}

static int32_t count_days(const chc_calendar *cal, chc_day from, chc_day to) {
  int32_t out = SENT_INT;
  if (chc_calendar_count_working_days(&out, cal, from, to) != CHC_OK) return SENT_INT;
  return out;
}

static chc_calendar *builtin(const char *name) {
  chc_calendar *cal = NULL;
  const int rc = chc_calendar_builtin(&cal, name);
  if (rc != CHC_OK || cal == NULL) {
    fprintf(stderr, "cannot load built-in calendar %s: %s\n", name, chc_last_error());
    exit(2);
  }
  return cal;
}

static chc_calendar *from_json(const char *json) {
  chc_calendar *cal = SENT_CAL;
  const int rc = chc_calendar_from_json(&cal, json, strlen(json));
  if (rc != CHC_OK) {
    fprintf(stderr, "from_json failed (%d: %s) for %s\n", rc, chc_last_error(), json);
    return NULL;
  }
  return cal;
}

static chc_day FIRST_DAY, LAST_DAY; /* 1900-01-01 and 2199-12-31 */

/* ------------------------------------------------------------------------ */
/* Versions and errors                                                      */

static void test_versions_and_errors(void) {
  static const int codes[] = {CHC_E_NULL,  CHC_E_INVALID,      CHC_E_JSON,  CHC_E_DATE,   CHC_E_RANGE,   CHC_E_OVERFLOW,
                              CHC_E_UNKNOWN_NAME, CHC_E_NOMEM, CHC_E_SCHEMA, CHC_E_LIMIT, CHC_E_INTERNAL};
  const size_t ncodes = sizeof codes / sizeof codes[0];
  static const int unknown[] = {1, 42, -12, -100, INT_MIN, INT_MAX};
  size_t i, j;

  CHECK(chc_version() != NULL);
  CHECK(strcmp(chc_version(), CHC_VERSION_STRING) == 0);
  CHECK(strcmp(CHC_VERSION_STRING, "0.1.0") == 0);
  CHECK_EQ(chc_abi_version(), CHC_ABI_VERSION);
  CHECK(chc_last_error() != NULL);

  /* The codes themselves are the documented numbers. */
  CHECK_EQ(CHC_OK, 0);
  CHECK_EQ(CHC_E_NULL, -1);
  CHECK_EQ(CHC_E_INTERNAL, -11);
  for (i = 0; i < ncodes; ++i) CHECK_EQ(codes[i], -(int)(i + 1));

  for (i = 0; i < ncodes; ++i) {
    const char *s = chc_strerror(codes[i]);
    CHECK(s != NULL && s[0] != '\0');
    if (s == NULL) continue;
    for (j = 0; j < i; ++j) {
      const char *t = chc_strerror(codes[j]);
      CHECK(t != NULL && strcmp(s, t) != 0);
    }
  }
  CHECK(chc_strerror(CHC_OK) != NULL);
  for (i = 0; i < sizeof unknown / sizeof unknown[0]; ++i) {
    const char *s = chc_strerror(unknown[i]);
    CHECK(s != NULL && s[0] != '\0');
  }

  /* Freeing NULL is fine. */
  chc_string_free(NULL);
  chc_calendar_free(NULL);
  CHECK(1);
}

/* ------------------------------------------------------------------------ */
/* Days                                                                     */

static void test_day_basics(void) {
  chc_day out;
  int w;
  int y, m, d;
  char buf[64];

  out = SENT_DAY;
  CHECK_RC(chc_day_from_ymd(&out, 1970, 1, 1), CHC_OK);
  CHECK_EQ(out, 0);
  CHECK_EQ(D(1970, 1, 1), 0);
  CHECK_EQ(D(1970, 1, 2), 1);
  CHECK_EQ(D(1969, 12, 31), -1);
  CHECK_EQ(D(2000, 1, 1), 10957); /* 30 years, 7 of them leap: 30*365 + 7 */

  out = SENT_DAY;
  CHECK_RC(chc_day_from_ymd(&out, 2000, 2, 29), CHC_OK);
  CHECK_EQ(out, D(2000, 2, 29));
  CHECK_RC(chc_day_from_ymd(&out, 2400, 2, 29), CHC_OK);
  CHECK_EQ(out, D(2400, 2, 29));

  /* Days that do not exist: CHC_E_DATE, and *out keeps its sentinel. */
  {
    static const int bad[][3] = {{2023, 2, 29}, {2024, 13, 1}, {2024, 0, 10}, {2024, 4, 31}, {1900, 2, 29},
                                 {2100, 2, 29}, {2024, 1, 0},  {2024, 1, 32}, {2024, -1, 1}, {2024, 6, -5},
                                 {2024, INT_MAX, 1}, {2024, 1, INT_MIN}, {7000000, 2, 30}};
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
      out = SENT_DAY;
      CHECK_RC(chc_day_from_ymd(&out, bad[i][0], bad[i][1], bad[i][2]), CHC_E_DATE);
      CHECK_EQ(out, SENT_DAY);
    }
  }

  /* Dates that exist but are too far from 1970 for 32 bits. */
  {
    static const int far[][3] = {{7000000, 1, 1}, {-7000000, 1, 1}, {INT_MAX, 12, 31}, {INT_MIN + 1, 1, 1}, {6000000, 6, 15}};
    size_t i;
    for (i = 0; i < sizeof far / sizeof far[0]; ++i) {
      out = SENT_DAY;
      CHECK_RC(chc_day_from_ymd(&out, far[i][0], far[i][1], far[i][2]), CHC_E_OVERFLOW);
      CHECK_EQ(out, SENT_DAY);
    }
  }

  /* The extreme chc_day values convert, and the day beyond each is an overflow. */
  {
    static const chc_day extremes[2] = {INT32_MIN, INT32_MAX};
    int k;
    for (k = 0; k < 2; ++k) {
      long ly;
      int lm, ld;
      y = m = d = SENT_INT;
      CHECK_RC(chc_day_to_ymd(extremes[k], &y, &m, &d), CHC_OK);
      CHECK(m >= 1 && m <= 12 && d >= 1 && d <= t_month_days(y, m));
      out = SENT_DAY;
      CHECK_RC(chc_day_from_ymd(&out, y, m, d), CHC_OK);
      CHECK_EQ(out, extremes[k]);
      ly = y;
      lm = m;
      ld = d;
      if (k == 0) {
        t_prev_ymd(&ly, &lm, &ld);
      } else {
        t_next_ymd(&ly, &lm, &ld);
      }
      out = SENT_DAY;
      CHECK_RC(chc_day_from_ymd(&out, (int)ly, lm, ld), CHC_E_OVERFLOW);
      CHECK_EQ(out, SENT_DAY);
      /* The year is about 5.88 million years from 1970 either way. */
      CHECK(k == 0 ? (y < -5800000 && y > -5900000) : (y > 5800000 && y < 5900000));
      memset(buf, 'Z', sizeof buf);
      CHECK_RC(chc_day_format(buf, 16, extremes[k]), CHC_OK);
      CHECK(memchr(buf, '\0', 16) != NULL);
      w = SENT_INT;
      CHECK_RC(chc_day_weekday(&w, extremes[k]), CHC_OK);
      CHECK_EQ(w, t_weekday(extremes[k]));
    }
  }

  /* Weekday of Friday 20 December 2024. */
  w = SENT_INT;
  CHECK_RC(chc_day_weekday(&w, D(2024, 12, 20)), CHC_OK);
  CHECK_EQ(w, 5);
  CHECK_EQ(t_weekday(D(2024, 12, 20)), 5);
  CHECK_RC(chc_day_weekday(&w, 0), CHC_OK);
  CHECK_EQ(w, 4); /* 1970-01-01 was a Thursday */
  CHECK_RC(chc_day_weekday(&w, -1), CHC_OK);
  CHECK_EQ(w, 3);
  CHECK_RC(chc_day_weekday(&w, D(1900, 1, 1)), CHC_OK);
  CHECK_EQ(w, 1); /* 1 January 1900 was a Monday */
}

static void test_day_walk(void) {
  /* Every day 1899-12-01..2200-01-31: a y/m/d walk and a weekday cycle kept by
   * the test, against from_ymd, to_ymd, weekday, format and parse. */
  long y = 1899;
  int m = 12, d = 1;
  long serial = t_serial(1899, 12, 1);
  int weekday = 5; /* 1 December 1899 was a Friday */
  const long end = t_serial(2200, 1, 31);
  long days = 0, bad_from = 0, bad_to = 0, bad_wd = 0, bad_fmt = 0, bad_parse = 0;
  char expect[64], buf[32];

  CHECK_EQ(t_weekday(serial), weekday);
  CHECK_EQ(serial, -25598);
  for (; serial <= end; ++serial) {
    chc_day out = SENT_DAY;
    int gy = SENT_INT, gm = SENT_INT, gd = SENT_INT, gw = SENT_INT;
    ++days;
    if (chc_day_from_ymd(&out, (int)y, m, d) != CHC_OK || out != serial) {
      REPORT_BAD(bad_from, "from_ymd(%ld-%02d-%02d) = %ld, expected %ld", y, m, d, (long)out, serial);
    }
    if (chc_day_to_ymd((chc_day)serial, &gy, &gm, &gd) != CHC_OK || gy != y || gm != m || gd != d) {
      REPORT_BAD(bad_to, "to_ymd(%ld) = %d-%d-%d, expected %ld-%d-%d", serial, gy, gm, gd, y, m, d);
    }
    if (chc_day_weekday(&gw, (chc_day)serial) != CHC_OK || gw != weekday) {
      REPORT_BAD(bad_wd, "weekday(%ld-%02d-%02d) = %d, expected %d", y, m, d, gw, weekday);
    }
    snprintf(expect, sizeof expect, "%04ld-%02d-%02d", y, m, d);
    memset(buf, 'Z', sizeof buf);
    if (chc_day_format(buf, 11, (chc_day)serial) != CHC_OK || strcmp(buf, expect) != 0) {
      buf[sizeof buf - 1] = '\0';
      REPORT_BAD(bad_fmt, "format(%ld) = \"%s\", expected \"%s\"", serial, buf, expect);
    }
    out = SENT_DAY;
    if (chc_day_parse(&out, expect) != CHC_OK || out != serial) {
      REPORT_BAD(bad_parse, "parse(\"%s\") = %ld, expected %ld", expect, (long)out, serial);
    }
    t_next_ymd(&y, &m, &d);
    weekday = weekday == 7 ? 1 : weekday + 1;
  }
  /* December 1899, then 1900-2199 (300 * 365 days plus 73 leap days: 75
   * multiples of 4 less 1900 and 2100), then January 2200. */
  CHECK_EQ(days, 31 + 300 * 365 + 73 + 31);
  CHECK(bad_from == 0);
  CHECK(bad_to == 0);
  CHECK(bad_wd == 0);
  CHECK(bad_fmt == 0);
  CHECK(bad_parse == 0);
}

static void test_parse_format(void) {
  chc_day out;
  char buf[32];
  size_t i;
  static const char *const rejected[] = {"tomorrow",    "2024-1-01",   "2024-12-20x", "",           " 2024-12-20",
                                         "2023-02-29",  "2024-12-20 ", "2024/12/20",  "2024-12-2",  "+024-12-20",
                                         "2024-02-30",  "2024-00-10",  "2024-13-01",  "20241220",   "2024-12-20T00:00",
                                         "-024-12-20", "2024-12--1",  "2024-1a-01", "24-12-20"};

  out = SENT_DAY;
  CHECK_RC(chc_day_parse(&out, "2024-12-20"), CHC_OK);
  CHECK_EQ(out, D(2024, 12, 20));
  CHECK_RC(chc_day_parse(&out, "1970-01-01"), CHC_OK);
  CHECK_EQ(out, 0);
  CHECK_RC(chc_day_parse(&out, "9999-12-31"), CHC_OK);
  CHECK_EQ(out, D(9999, 12, 31));
  CHECK_RC(chc_day_parse(&out, "2000-02-29"), CHC_OK);
  CHECK_EQ(out, D(2000, 2, 29));

  for (i = 0; i < sizeof rejected / sizeof rejected[0]; ++i) {
    out = SENT_DAY;
    CHECK_RC(chc_day_parse(&out, rejected[i]), CHC_E_DATE);
    CHECK_EQ(out, SENT_DAY);
    if (out != SENT_DAY) fprintf(stderr, "    (input \"%s\")\n", rejected[i]);
  }
  CHECK_RC(chc_day_parse(&out, "tomorrow"), CHC_E_DATE);
  CHECK_MSG("tomorrow");
  CHECK_RC(chc_day_parse(&out, "2023-02-29"), CHC_E_DATE);
  CHECK_MSG("2023-02-29");

  /* format: 11 bytes hold "YYYY-MM-DD" and its NUL; fewer is CHC_E_LIMIT and writes nothing. */
  memset(buf, 'Z', sizeof buf);
  CHECK_RC(chc_day_format(buf, 11, D(2024, 12, 20)), CHC_OK);
  CHECK(strcmp(buf, "2024-12-20") == 0);
  CHECK(buf[11] == 'Z'); /* nothing written past the NUL */
  {
    static const size_t small[] = {0, 1, 5, 10};
    size_t k;
    for (i = 0; i < sizeof small / sizeof small[0]; ++i) {
      int untouched = 1;
      memset(buf, 'Z', sizeof buf);
      CHECK_RC(chc_day_format(buf, small[i], D(2024, 12, 20)), CHC_E_LIMIT);
      for (k = 0; k < sizeof buf; ++k) untouched &= buf[k] == 'Z';
      CHECK(untouched);
    }
  }
  /* Round trip parse -> format -> parse. */
  out = SENT_DAY;
  CHECK_RC(chc_day_parse(&out, "1900-01-01"), CHC_OK);
  memset(buf, 0, sizeof buf);
  CHECK_RC(chc_day_format(buf, sizeof buf, out), CHC_OK);
  CHECK(strcmp(buf, "1900-01-01") == 0);
  CHECK_RC(chc_day_format(buf, sizeof buf, D(1, 1, 1)), CHC_OK);
  CHECK(strcmp(buf, "0001-01-01") == 0);
  CHECK_RC(chc_day_format(buf, sizeof buf, D(9999, 12, 31)), CHC_OK);
  CHECK(strcmp(buf, "9999-12-31") == 0);
  /* A five-digit year needs more than 11 bytes; 16 always suffice. */
  memset(buf, 'Z', sizeof buf);
  CHECK_RC(chc_day_format(buf, 11, D(10000, 1, 1)), CHC_E_LIMIT);
  CHECK(buf[0] == 'Z');
  CHECK_RC(chc_day_format(buf, 16, D(10000, 1, 1)), CHC_OK);
  CHECK(strstr(buf, "10000-01-01") != NULL);
}

/* ------------------------------------------------------------------------ */
/* NULL arguments                                                           */

static void test_null_arguments(const chc_calendar *ew) {
  chc_day day = SENT_DAY;
  int iv = SENT_INT, y = SENT_INT, m = SENT_INT, d = SENT_INT;
  int32_t cnt = SENT_INT;
  chc_calendar *cal = SENT_CAL;
  char *str = SENT_STR;
  static const char json[] = "{\"base\":\"england-and-wales\"}";
  static const char govuk[] =
      "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":"
      "[{\"title\":\"Test holiday\",\"date\":\"2030-06-10\",\"notes\":\"\",\"bunting\":true}]}}";
  chc_day start[3], out[3];
  int32_t n[3], counts[3];
  int i;

  CHECK_NULL_ARG(chc_day_from_ymd(NULL, 2024, 1, 1), "out");

  CHECK_NULL_ARG(chc_day_to_ymd(0, NULL, &m, &d), "y");
  CHECK(m == SENT_INT && d == SENT_INT);
  CHECK_NULL_ARG(chc_day_to_ymd(0, &y, NULL, &d), "m");
  CHECK(y == SENT_INT && d == SENT_INT);
  CHECK_NULL_ARG(chc_day_to_ymd(0, &y, &m, NULL), "d");
  CHECK(y == SENT_INT && m == SENT_INT);

  CHECK_NULL_ARG(chc_day_parse(NULL, "2024-12-20"), "out");
  CHECK_NULL_ARG(chc_day_parse(&day, NULL), "iso_date");
  CHECK_EQ(day, SENT_DAY);

  CHECK_NULL_ARG(chc_day_format(NULL, 16, 0), "buf");
  CHECK_NULL_ARG(chc_day_format(NULL, 0, 0), "buf");
  CHECK_NULL_ARG(chc_day_weekday(NULL, 0), "out");

  CHECK_NULL_ARG(chc_calendar_builtin(NULL, "scotland"), "out");
  CHECK_NULL_ARG(chc_calendar_builtin(&cal, NULL), "name");
  CHECK(cal == SENT_CAL);

  CHECK_NULL_ARG(chc_calendar_from_json(NULL, json, strlen(json)), "out");
  CHECK_NULL_ARG(chc_calendar_from_json(&cal, NULL, 10), "json");
  CHECK_NULL_ARG(chc_calendar_from_json(&cal, NULL, 0), "json");
  CHECK(cal == SENT_CAL);

  CHECK_NULL_ARG(chc_calendar_import_govuk(NULL, ew, govuk, strlen(govuk), NULL), "out");
  CHECK_NULL_ARG(chc_calendar_import_govuk(&cal, NULL, govuk, strlen(govuk), NULL), "base");
  CHECK_NULL_ARG(chc_calendar_import_govuk(&cal, ew, NULL, 10, NULL), "json");
  CHECK(cal == SENT_CAL);

  CHECK_NULL_ARG(chc_calendar_is_working_day(NULL, ew, 0), "out");
  CHECK_NULL_ARG(chc_calendar_is_working_day(&iv, NULL, 0), "cal");
  CHECK_EQ(iv, SENT_INT);

  CHECK_NULL_ARG(chc_calendar_add_working_days(NULL, ew, 0, 1), "out");
  CHECK_NULL_ARG(chc_calendar_add_working_days(&day, NULL, 0, 1), "cal");
  CHECK_EQ(day, SENT_DAY);
  CHECK_NULL_ARG(chc_calendar_count_working_days(NULL, ew, 0, 10), "out");
  CHECK_NULL_ARG(chc_calendar_count_working_days(&cnt, NULL, 0, 10), "cal");
  CHECK_EQ(cnt, SENT_INT);
  CHECK_NULL_ARG(chc_calendar_next_working_day(NULL, ew, 0), "out");
  CHECK_NULL_ARG(chc_calendar_next_working_day(&day, NULL, 0), "cal");
  CHECK_EQ(day, SENT_DAY);
  CHECK_NULL_ARG(chc_calendar_previous_working_day(NULL, ew, 0), "out");
  CHECK_NULL_ARG(chc_calendar_previous_working_day(&day, NULL, 0), "cal");
  CHECK_EQ(day, SENT_DAY);

  for (i = 0; i < 3; ++i) {
    start[i] = D(2024, 12, 20) + i;
    n[i] = i + 1;
    out[i] = SENT_DAY;
    counts[i] = SENT_INT;
  }
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch(NULL, ew, start, n, 3), "out");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch(out, NULL, start, n, 3), "cal");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch(out, ew, NULL, n, 3), "start");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch(out, ew, start, NULL, 3), "n");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch(out, NULL, NULL, NULL, 0), "cal");
  CHECK(out[0] == SENT_DAY && out[1] == SENT_DAY && out[2] == SENT_DAY);
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch(NULL, ew, start, start, 3), "out");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch(counts, NULL, start, start, 3), "cal");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch(counts, ew, NULL, start, 3), "from");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch(counts, ew, start, NULL, 3), "to");
  CHECK(counts[0] == SENT_INT && counts[1] == SENT_INT && counts[2] == SENT_INT);

  CHECK_NULL_ARG(chc_calendar_holidays_json(NULL, ew, D(2024, 1, 1), D(2024, 12, 31)), "out");
  CHECK_NULL_ARG(chc_calendar_holidays_json(&str, NULL, D(2024, 1, 1), D(2024, 12, 31)), "cal");
  CHECK(str == SENT_STR);
  CHECK_NULL_ARG(chc_calendar_explain_json(NULL, ew, D(2024, 1, 1), D(2024, 12, 31)), "out");
  CHECK_NULL_ARG(chc_calendar_explain_json(&str, NULL, D(2024, 1, 1), D(2024, 12, 31)), "cal");
  CHECK(str == SENT_STR);
  CHECK_NULL_ARG(chc_calendar_info_json(NULL, ew), "out");
  CHECK_NULL_ARG(chc_calendar_info_json(&str, NULL), "cal");
  CHECK(str == SENT_STR);
}

/* ------------------------------------------------------------------------ */
/* Built-in calendars                                                       */

static void test_builtin_names(void) {
  static const char *const bad[] = {"England-and-Wales", "", "wales", "uk", "england-and-wales ", "england", "Scotland",
                                    "england_and_wales", "northern ireland"};
  size_t i;
  int k;
  for (k = 0; k < 3; ++k) {
    chc_calendar *cal = SENT_CAL;
    CHECK_RC(chc_calendar_builtin(&cal, division_names[k]), CHC_OK);
    CHECK(cal != NULL && cal != SENT_CAL);
    if (cal != SENT_CAL) chc_calendar_free(cal);
  }
  for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
    chc_calendar *cal = SENT_CAL;
    CHECK_RC(chc_calendar_builtin(&cal, bad[i]), CHC_E_UNKNOWN_NAME);
    CHECK(cal == SENT_CAL);
    CHECK_MSG("england-and-wales");
    CHECK_MSG("scotland");
    CHECK_MSG("northern-ireland");
  }
  /* Two handles of the same division are independent objects. */
  {
    chc_calendar *a = builtin("scotland"), *b = builtin("scotland");
    chc_calendar_free(a);
    CHECK_EQ(working(b, D(2025, 1, 2)), 0);
    chc_calendar_free(b);
  }
}

static void test_worked_values(const chc_calendar *ew, const chc_calendar *scot, const chc_calendar *ni) {
  chc_day out;
  int32_t c;

  /* England and Wales, Christmas 2024: 25 (Wed) and 26 (Thu) are bank holidays. */
  CHECK_EQ(add_days(ew, D(2024, 12, 20), 5), D(2024, 12, 31));
  CHECK_EQ(add_days(ew, D(2024, 12, 21), 5), D(2024, 12, 31)); /* from Saturday: 23, 24, 27, 30, 31 */
  CHECK_EQ(add_days(ew, D(2024, 12, 20), 1), D(2024, 12, 23));
  CHECK_EQ(add_days(ew, D(2024, 12, 20), 2), D(2024, 12, 24));
  CHECK_EQ(add_days(ew, D(2024, 12, 20), 3), D(2024, 12, 27));
  CHECK_EQ(add_days(ew, D(2024, 12, 24), 1), D(2024, 12, 27));
  CHECK_EQ(add_days(ew, D(2024, 12, 20), 6), D(2025, 1, 2)); /* 1 January 2025 is a holiday */
  CHECK_EQ(add_days(ew, D(2024, 12, 21), 0), D(2024, 12, 23)); /* n = 0 on a Saturday: Monday */
  CHECK_EQ(add_days(ew, D(2024, 12, 22), 0), D(2024, 12, 23));
  CHECK_EQ(add_days(ew, D(2024, 12, 20), 0), D(2024, 12, 20)); /* a working day is its own n = 0 */
  CHECK_EQ(add_days(ew, D(2024, 12, 25), 0), D(2024, 12, 27));
  CHECK_EQ(add_days(ew, D(2024, 12, 30), -1), D(2024, 12, 27)); /* Monday -1: Friday */
  CHECK_EQ(add_days(ew, D(2025, 1, 6), -1), D(2025, 1, 3));
  CHECK_EQ(add_days(ew, D(2024, 4, 2), -1), D(2024, 3, 28));    /* Tuesday after Easter: Maundy Thursday */
  CHECK_EQ(add_days(ew, D(2024, 4, 1), -1), D(2024, 3, 28));    /* Easter Monday -1 */
  CHECK_EQ(add_days(ew, D(2024, 12, 31), -5), D(2024, 12, 20));
  CHECK_EQ(add_days(ew, D(2024, 12, 27), -1), D(2024, 12, 24));
  CHECK_EQ(add_days(ew, D(2024, 12, 21), -1), D(2024, 12, 20)); /* Saturday -1: Friday */

  CHECK_EQ(count_days(ew, D(2024, 12, 20), D(2024, 12, 31)), 5);
  CHECK_EQ(count_days(ew, D(2024, 12, 31), D(2024, 12, 20)), -5);
  CHECK_EQ(count_days(ew, D(2024, 12, 20), D(2024, 12, 20)), 0);
  CHECK_EQ(count_days(ew, D(2024, 12, 25), D(2024, 12, 25)), 0);
  CHECK_EQ(count_days(ew, D(2024, 12, 21), D(2024, 12, 31)), 5);
  CHECK_EQ(count_days(ew, D(2024, 12, 24), D(2024, 12, 26)), 0);
  CHECK_EQ(count_days(ew, D(2024, 12, 23), D(2024, 12, 24)), 1);
  /* 2024 had 366 days, 104 weekend days and 8 weekday bank holidays. */
  CHECK_EQ(count_days(ew, D(2023, 12, 31), D(2024, 12, 31)), 366 - 104 - 8);

  CHECK_EQ(working(ew, D(2024, 12, 25)), 0);
  CHECK_EQ(working(ew, D(2024, 12, 26)), 0);
  CHECK_EQ(working(ew, D(2024, 12, 24)), 1);
  CHECK_EQ(working(ew, D(2024, 12, 21)), 0);
  CHECK_EQ(working(ew, D(2024, 3, 29)), 0);

  /* Scotland. */
  CHECK_EQ(working(scot, D(2025, 1, 2)), 0);
  CHECK_EQ(working(ew, D(2025, 1, 2)), 1);
  CHECK_EQ(working(scot, D(2026, 6, 15)), 0); /* World Cup bank holiday */
  CHECK_EQ(working(ew, D(2026, 6, 15)), 1);
  CHECK_EQ(working(ni, D(2026, 6, 15)), 1);
  CHECK_EQ(working(scot, D(2025, 8, 4)), 0);
  CHECK_EQ(working(ew, D(2025, 8, 4)), 1);
  CHECK_EQ(working(scot, D(2025, 8, 25)), 1);
  CHECK_EQ(working(ew, D(2025, 8, 25)), 0);
  CHECK_EQ(working(scot, D(2025, 4, 21)), 1); /* no Easter Monday in Scotland */
  CHECK_EQ(working(ew, D(2025, 4, 21)), 0);
  CHECK_EQ(working(scot, D(2025, 12, 1)), 0); /* St Andrew's Day (Sunday 30 Nov) substitute */
  CHECK_EQ(working(scot, D(2024, 12, 2)), 0); /* St Andrew's Day (Saturday 30 Nov) substitute */

  /* Northern Ireland. */
  CHECK_EQ(working(ni, D(2025, 3, 17)), 0);
  CHECK_EQ(working(ew, D(2025, 3, 17)), 1);
  CHECK_EQ(working(ni, D(2025, 7, 14)), 0); /* 12 July 2025 is a Saturday */
  CHECK_EQ(working(ni, D(2025, 7, 11)), 1);
  CHECK_EQ(working(ni, D(2025, 7, 15)), 1);
  CHECK_EQ(working(ew, D(2025, 7, 14)), 1);
  CHECK_EQ(working(ni, D(2024, 3, 18)), 0); /* 17 March 2024 was a Sunday */
  CHECK_EQ(add_days(ni, D(2025, 7, 11), 1), D(2025, 7, 15));

  /* Next and previous around bank-holiday weekends. */
  out = SENT_DAY;
  CHECK_RC(chc_calendar_next_working_day(&out, ew, D(2025, 4, 17)), CHC_OK); /* Maundy Thursday 2025 */
  CHECK_EQ(out, D(2025, 4, 22));
  CHECK_RC(chc_calendar_previous_working_day(&out, ew, D(2025, 4, 22)), CHC_OK);
  CHECK_EQ(out, D(2025, 4, 17));
  CHECK_RC(chc_calendar_next_working_day(&out, scot, D(2025, 4, 17)), CHC_OK);
  CHECK_EQ(out, D(2025, 4, 21));
  CHECK_RC(chc_calendar_next_working_day(&out, ew, D(2025, 8, 22)), CHC_OK);
  CHECK_EQ(out, D(2025, 8, 26));
  CHECK_RC(chc_calendar_previous_working_day(&out, ew, D(2025, 8, 26)), CHC_OK);
  CHECK_EQ(out, D(2025, 8, 22));
  CHECK_RC(chc_calendar_next_working_day(&out, scot, D(2025, 8, 1)), CHC_OK);
  CHECK_EQ(out, D(2025, 8, 5));
  CHECK_RC(chc_calendar_next_working_day(&out, ew, D(2025, 8, 1)), CHC_OK);
  CHECK_EQ(out, D(2025, 8, 4));
  CHECK_RC(chc_calendar_next_working_day(&out, ni, D(2025, 7, 11)), CHC_OK);
  CHECK_EQ(out, D(2025, 7, 15));
  CHECK_RC(chc_calendar_previous_working_day(&out, ni, D(2025, 7, 15)), CHC_OK);
  CHECK_EQ(out, D(2025, 7, 11));
  /* Next of a working day is strictly after it. */
  CHECK_RC(chc_calendar_next_working_day(&out, ew, D(2024, 12, 23)), CHC_OK);
  CHECK_EQ(out, D(2024, 12, 24));
  CHECK_RC(chc_calendar_previous_working_day(&out, ew, D(2024, 12, 24)), CHC_OK);
  CHECK_EQ(out, D(2024, 12, 23));
  /* Scotland, New Year 2022 on a Saturday: the 3rd and 4th are substitutes. */
  CHECK_RC(chc_calendar_next_working_day(&out, scot, D(2021, 12, 31)), CHC_OK);
  CHECK_EQ(out, D(2022, 1, 5));
  CHECK_RC(chc_calendar_next_working_day(&out, ew, D(2021, 12, 31)), CHC_OK);
  CHECK_EQ(out, D(2022, 1, 4));

  c = SENT_INT;
  CHECK_RC(chc_calendar_count_working_days(&c, scot, D(2024, 12, 20), D(2024, 12, 31)), CHC_OK);
  CHECK_EQ(c, 5);
}

static void test_range(const chc_calendar *ew) {
  static const chc_day outside[] = {INT32_MIN, -1000000, 0, 0, INT32_MAX, 1000000};
  chc_day out;
  int iv;
  int32_t c;
  size_t i;
  chc_day bad[6];
  char *s;

  memcpy(bad, outside, sizeof bad);
  bad[2] = D(1899, 12, 31);
  bad[3] = D(2200, 1, 1);

  CHECK_EQ(FIRST_DAY, D(1900, 1, 1));
  CHECK_EQ(LAST_DAY, D(2199, 12, 31));
  CHECK(working(ew, FIRST_DAY) >= 0);
  CHECK(working(ew, LAST_DAY) >= 0);
  CHECK(count_days(ew, FIRST_DAY, LAST_DAY) > 0);

  for (i = 0; i < 6; ++i) {
    iv = SENT_INT;
    CHECK_RC(chc_calendar_is_working_day(&iv, ew, bad[i]), CHC_E_RANGE);
    CHECK_EQ(iv, SENT_INT);
    out = SENT_DAY;
    CHECK_RC(chc_calendar_add_working_days(&out, ew, bad[i], 1), CHC_E_RANGE);
    CHECK_EQ(out, SENT_DAY);
    CHECK_RC(chc_calendar_add_working_days(&out, ew, bad[i], 0), CHC_E_RANGE);
    CHECK_RC(chc_calendar_add_working_days(&out, ew, bad[i], -1), CHC_E_RANGE);
    CHECK_EQ(out, SENT_DAY);
    CHECK_RC(chc_calendar_next_working_day(&out, ew, bad[i]), CHC_E_RANGE);
    CHECK_RC(chc_calendar_previous_working_day(&out, ew, bad[i]), CHC_E_RANGE);
    CHECK_EQ(out, SENT_DAY);
    c = SENT_INT;
    CHECK_RC(chc_calendar_count_working_days(&c, ew, bad[i], D(2000, 1, 1)), CHC_E_RANGE);
    CHECK(names_word(chc_last_error(), "from"));
    CHECK_RC(chc_calendar_count_working_days(&c, ew, D(2000, 1, 1), bad[i]), CHC_E_RANGE);
    CHECK(names_word(chc_last_error(), "to"));
    CHECK_RC(chc_calendar_count_working_days(&c, ew, bad[i], bad[i]), CHC_E_RANGE);
    CHECK_EQ(c, SENT_INT);
    s = SENT_STR;
    CHECK_RC(chc_calendar_holidays_json(&s, ew, bad[i], D(2000, 1, 1)), CHC_E_RANGE);
    CHECK_RC(chc_calendar_holidays_json(&s, ew, D(2000, 1, 1), bad[i]), CHC_E_RANGE);
    CHECK_RC(chc_calendar_explain_json(&s, ew, bad[i], D(2000, 1, 1)), CHC_E_RANGE);
    CHECK_RC(chc_calendar_explain_json(&s, ew, D(2000, 1, 1), bad[i]), CHC_E_RANGE);
    CHECK(s == SENT_STR);
  }
  CHECK_RC(chc_calendar_add_working_days(&out, ew, D(1899, 12, 31), 1), CHC_E_RANGE);
  CHECK_MSG("1899-12-31");

  /* Results beyond the range. */
  out = SENT_DAY;
  CHECK_RC(chc_calendar_add_working_days(&out, ew, D(2199, 12, 20), 50), CHC_E_RANGE);
  CHECK_EQ(out, SENT_DAY);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, D(1900, 1, 10), -50), CHC_E_RANGE);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, LAST_DAY, 1), CHC_E_RANGE);
  CHECK_RC(chc_calendar_next_working_day(&out, ew, LAST_DAY), CHC_E_RANGE);
  CHECK_RC(chc_calendar_previous_working_day(&out, ew, FIRST_DAY), CHC_E_RANGE);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, FIRST_DAY, -1), CHC_E_RANGE);
  CHECK_EQ(out, SENT_DAY);
  /* 2199-12-31 is a Tuesday and not a holiday; 1900-01-01 a Monday (New Year's Day became a holiday in 1974). */
  CHECK_RC(chc_calendar_add_working_days(&out, ew, LAST_DAY, 0), CHC_OK);
  CHECK_EQ(out, LAST_DAY);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, FIRST_DAY, 0), CHC_OK);
  CHECK_EQ(out, FIRST_DAY);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, LAST_DAY, -1), CHC_OK);
  CHECK_EQ(out, D(2199, 12, 30));
  /* The last working days of 2199: Christmas is a Wednesday, Boxing Day a Thursday. */
  CHECK_RC(chc_calendar_add_working_days(&out, ew, D(2199, 12, 24), 3), CHC_OK);
  CHECK_EQ(out, D(2199, 12, 31));
  out = SENT_DAY;
  CHECK_RC(chc_calendar_add_working_days(&out, ew, D(2199, 12, 24), 4), CHC_E_RANGE);
  CHECK_EQ(out, SENT_DAY);

  /* Overflow: the result would lie beyond any 32-bit day number (chc.h: at
   * the calendar's average rate of working days, as with n = INT32_MAX). */
  out = SENT_DAY;
  CHECK_RC(chc_calendar_add_working_days(&out, ew, 0, INT32_MAX), CHC_E_OVERFLOW);
  CHECK_EQ(out, SENT_DAY);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, 0, INT32_MIN), CHC_E_OVERFLOW);
  CHECK_EQ(out, SENT_DAY);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, 1, INT32_MAX), CHC_E_OVERFLOW);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, -1, INT32_MIN), CHC_E_OVERFLOW);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, LAST_DAY, INT32_MAX), CHC_E_OVERFLOW);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, FIRST_DAY, INT32_MIN), CHC_E_OVERFLOW);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, LAST_DAY, INT32_MIN), CHC_E_OVERFLOW);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, FIRST_DAY, INT32_MAX), CHC_E_OVERFLOW);
  CHECK_EQ(out, SENT_DAY);
  /* Neither error ever writes *out. */
  CHECK_RC(chc_calendar_add_working_days(&out, ew, 0, 1000000), CHC_E_RANGE);
  CHECK_EQ(out, SENT_DAY);
}

/* ------------------------------------------------------------------------ */
/* Brute force: the whole table against an independent model                */

#define NDAYS_MAX 110000

/* wk[i] = is_working_day(FIRST_DAY + i); returns the number of days. */
static long load_working(const chc_calendar *cal, signed char *wk) {
  const long ndays = (long)LAST_DAY - FIRST_DAY + 1;
  long i, bad = 0;
  for (i = 0; i < ndays; ++i) {
    const int v = working(cal, (chc_day)(FIRST_DAY + i));
    if (v != 0 && v != 1) REPORT_BAD(bad, "is_working_day(%ld) failed", (long)(FIRST_DAY + i));
    wk[i] = (signed char)v;
  }
  CHECK(bad == 0);
  return ndays;
}

/* The model's answer for add: walks wk. Returns 0 and sets *res, or CHC_E_RANGE. */
static int naive_add(const signed char *wk, long ndays, long start_index, int n, long *res) {
  long i = start_index;
  int found = 0;
  if (n >= 1) {
    while (found < n) {
      if (++i >= ndays) return CHC_E_RANGE;
      found += wk[i] == 1;
    }
  } else if (n == 0) {
    while (wk[i] != 1) {
      if (++i >= ndays) return CHC_E_RANGE;
    }
  } else {
    while (found < -n) {
      if (--i < 0) return CHC_E_RANGE;
      found += wk[i] == 1;
    }
  }
  *res = i;
  return CHC_OK;
}

static void test_model(int division, const signed char *wk, int first_year, int last_year) {
  long bad = 0;
  int y;
  hset h;
  for (y = first_year; y <= last_year; ++y) {
    chc_day day;
    t_bank_holidays(&h, division, y);
    for (day = D(y, 1, 1); day <= D(y, 12, 31); ++day) {
      const int expect = !t_is_weekend(day) && !hset_has(&h, day);
      if (wk[day - FIRST_DAY] != expect) {
        char buf[16] = "";
        chc_day_format(buf, sizeof buf, day);
        REPORT_BAD(bad, "%s %s: is_working_day = %d, model says %d", division_names[division], buf, wk[day - FIRST_DAY], expect);
      }
    }
  }
  CHECK(bad == 0);
}

static void test_consistency(const chc_calendar *cal, const signed char *wk, long ndays, const char *name) {
  /* add(start, n) for every day of the range and n in -7..7 against a walk;
   * count against a running total; count(a, add(a, n)) == n for n >= 1. */
  long *prefix = (long *)malloc((size_t)(ndays + 1) * sizeof(long));
  long i, bad_add = 0, bad_count = 0, bad_identity = 0, bad_next = 0;
  int n;
  uint32_t lcg = 2024u;
  if (prefix == NULL) {
    CHECK(prefix != NULL);
    return;
  }
  prefix[0] = 0;
  for (i = 0; i < ndays; ++i) prefix[i + 1] = prefix[i] + (wk[i] == 1);

  for (i = 0; i < ndays; ++i) {
    const chc_day start = (chc_day)(FIRST_DAY + i);
    chc_day nx = SENT_DAY, pv = SENT_DAY;
    long expect_index;
    int rc_next, rc_prev, rc_exp;
    for (n = -7; n <= 7; ++n) {
      chc_day out = SENT_DAY;
      const int rc = chc_calendar_add_working_days(&out, cal, start, n);
      const int rc_expect = naive_add(wk, ndays, i, n, &expect_index);
      if (rc != rc_expect || (rc == CHC_OK && out != FIRST_DAY + expect_index) || (rc != CHC_OK && out != SENT_DAY)) {
        REPORT_BAD(bad_add, "%s add(%ld, %d): rc %d out %ld, expected rc %d out %ld", name, (long)start, n, rc, (long)out,
                   rc_expect, rc_expect == CHC_OK ? (long)(FIRST_DAY + expect_index) : (long)SENT_DAY);
      }
      if (n >= 1 && rc == CHC_OK) {
        const int32_t c = count_days(cal, start, out);
        if (c != n) REPORT_BAD(bad_identity, "%s count(%ld, add(%ld, %d)) = %ld", name, (long)start, (long)start, n, (long)c);
      }
    }
    rc_next = chc_calendar_next_working_day(&nx, cal, start);
    rc_exp = naive_add(wk, ndays, i, 1, &expect_index);
    if (rc_next != rc_exp || (rc_exp == CHC_OK && nx != FIRST_DAY + expect_index)) {
      REPORT_BAD(bad_next, "%s next(%ld): rc %d out %ld", name, (long)start, rc_next, (long)nx);
    }
    rc_prev = chc_calendar_previous_working_day(&pv, cal, start);
    rc_exp = naive_add(wk, ndays, i, -1, &expect_index);
    if (rc_prev != rc_exp || (rc_exp == CHC_OK && pv != FIRST_DAY + expect_index)) {
      REPORT_BAD(bad_next, "%s previous(%ld): rc %d out %ld", name, (long)start, rc_prev, (long)pv);
    }
    /* count over short spans, both directions. */
    for (n = -12; n <= 12; n += 3) {
      const long j = i + n;
      if (j < 0 || j >= ndays) continue;
      {
        const int32_t c = count_days(cal, start, (chc_day)(FIRST_DAY + j));
        const long expect = prefix[j + 1] - prefix[i + 1];
        if (c != expect) REPORT_BAD(bad_count, "%s count(%ld, %ld) = %ld, expected %ld", name, (long)start, (long)(FIRST_DAY + j), (long)c, expect);
      }
    }
  }
  /* count over random long spans. */
  for (i = 0; i < 20000; ++i) {
    long a, b;
    int32_t c;
    lcg = lcg * 1664525u + 1013904223u;
    a = (long)((lcg >> 4) % (uint32_t)ndays);
    lcg = lcg * 1664525u + 1013904223u;
    b = (long)((lcg >> 4) % (uint32_t)ndays);
    c = count_days(cal, (chc_day)(FIRST_DAY + a), (chc_day)(FIRST_DAY + b));
    if (c != prefix[b + 1] - prefix[a + 1]) REPORT_BAD(bad_count, "%s count(%ld, %ld) = %ld", name, FIRST_DAY + a, FIRST_DAY + b, (long)c);
  }
  {
    int32_t c = count_days(cal, FIRST_DAY - 0, LAST_DAY);
    CHECK_EQ(c, prefix[ndays] - prefix[1]);
  }
  CHECK(bad_add == 0);
  CHECK(bad_identity == 0);
  CHECK(bad_next == 0);
  CHECK(bad_count == 0);
  free(prefix);
}

/* CHC_E_RANGE or CHC_E_OVERFLOW for a result beyond the table depends on where
 * it would lie at the calendar's average number of days per working day,
 * which the test works out from its own count of the working days. */
static void test_overflow_threshold(const chc_calendar *cal, const signed char *wk, long ndays, const char *name) {
  long i, total = 0;
  double days_per_working_day, limit_up, limit_down;
  const chc_day start = D(2000, 1, 1);
  chc_day out;
  int32_t n;
  for (i = 0; i < ndays; ++i) total += wk[i] == 1;
  CHECK(total > 0);
  if (total <= 0) return;
  days_per_working_day = (double)ndays / (double)total;
  limit_up = ((double)INT32_MAX - (double)start) / days_per_working_day;   /* n beyond this: overflow */
  limit_down = ((double)INT32_MIN - (double)start) / days_per_working_day; /* n below this: overflow */

  n = (int32_t)(limit_up * 0.97);
  out = SENT_DAY;
  CHECK_RC(chc_calendar_add_working_days(&out, cal, start, n), CHC_E_RANGE);
  if (out != SENT_DAY) fprintf(stderr, "    %s\n", name);
  CHECK_EQ(out, SENT_DAY);
  n = limit_up * 1.03 >= (double)INT32_MAX ? INT32_MAX : (int32_t)(limit_up * 1.03);
  CHECK_RC(chc_calendar_add_working_days(&out, cal, start, n), CHC_E_OVERFLOW);
  n = (int32_t)(limit_down * 0.97);
  CHECK_RC(chc_calendar_add_working_days(&out, cal, start, n), CHC_E_RANGE);
  n = limit_down * 1.03 <= (double)INT32_MIN ? INT32_MIN : (int32_t)(limit_down * 1.03);
  CHECK_RC(chc_calendar_add_working_days(&out, cal, start, n), CHC_E_OVERFLOW);
  CHECK_EQ(out, SENT_DAY);
  /* The batch form agrees. */
  {
    chc_day s[2], o[2];
    int32_t k[2];
    s[0] = s[1] = start;
    k[0] = 1;
    k[1] = (int32_t)(limit_up * 0.97);
    o[0] = o[1] = SENT_DAY;
    CHECK_RC(chc_calendar_add_working_days_batch(o, cal, s, k, 2), CHC_E_RANGE);
    CHECK_MSG("[1]");
    k[1] = (int32_t)(limit_up * 1.03 >= (double)INT32_MAX ? INT32_MAX : (int32_t)(limit_up * 1.03));
    CHECK_RC(chc_calendar_add_working_days_batch(o, cal, s, k, 2), CHC_E_OVERFLOW);
    CHECK_MSG("[1]");
    CHECK(o[0] == SENT_DAY && o[1] == SENT_DAY);
  }
}

/* ------------------------------------------------------------------------ */
/* Batch                                                                    */

static uint32_t g_lcg = 12345u;
static uint32_t lcg_next(void) {
  g_lcg = g_lcg * 1664525u + 1013904223u;
  return g_lcg >> 8;
}

#define BATCH_N 10000

static void test_batch(const chc_calendar *cal, const char *name) {
  static chc_day start[BATCH_N], out[BATCH_N], alias[BATCH_N], to[BATCH_N];
  static int32_t n[BATCH_N], counts[BATCH_N], alias32[BATCH_N];
  const chc_day lo = D(2000, 1, 1), hi = D(2050, 12, 31);
  long i, bad = 0, bad_alias = 0;

  for (i = 0; i < BATCH_N; ++i) {
    start[i] = lo + (chc_day)(lcg_next() % (uint32_t)(hi - lo + 1));
    n[i] = (int32_t)(lcg_next() % 61u) - 30;
    to[i] = lo + (chc_day)(lcg_next() % (uint32_t)(hi - lo + 1));
    out[i] = SENT_DAY;
    counts[i] = SENT_INT;
  }
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, BATCH_N), CHC_OK);
  for (i = 0; i < BATCH_N; ++i) {
    const chc_day expect = add_days(cal, start[i], n[i]);
    if (expect == SENT_DAY || out[i] != expect) REPORT_BAD(bad, "%s batch add[%ld] (%ld, %ld) = %ld, scalar %ld", name, i, (long)start[i], (long)n[i], (long)out[i], (long)expect);
  }
  CHECK(bad == 0);
  bad = 0;
  CHECK_RC(chc_calendar_count_working_days_batch(counts, cal, start, to, BATCH_N), CHC_OK);
  for (i = 0; i < BATCH_N; ++i) {
    const int32_t expect = count_days(cal, start[i], to[i]);
    if (expect == SENT_INT || counts[i] != expect) REPORT_BAD(bad, "%s batch count[%ld] = %ld, scalar %ld", name, i, (long)counts[i], (long)expect);
  }
  CHECK(bad == 0);

  /* out may be the very array of an input. */
  memcpy(alias, start, sizeof alias);
  CHECK_RC(chc_calendar_add_working_days_batch(alias, cal, alias, n, BATCH_N), CHC_OK);
  for (i = 0; i < BATCH_N; ++i) {
    if (alias[i] != out[i]) REPORT_BAD(bad_alias, "add out==start [%ld]", i);
  }
  memcpy(alias32, n, sizeof alias32);
  CHECK_RC(chc_calendar_add_working_days_batch(alias32, cal, start, alias32, BATCH_N), CHC_OK);
  for (i = 0; i < BATCH_N; ++i) {
    if (alias32[i] != out[i]) REPORT_BAD(bad_alias, "add out==n [%ld]", i);
  }
  memcpy(alias, start, sizeof alias);
  CHECK_RC(chc_calendar_count_working_days_batch(alias, cal, alias, to, BATCH_N), CHC_OK);
  for (i = 0; i < BATCH_N; ++i) {
    if (alias[i] != counts[i]) REPORT_BAD(bad_alias, "count out==from [%ld]", i);
  }
  memcpy(alias, to, sizeof alias);
  CHECK_RC(chc_calendar_count_working_days_batch(alias, cal, start, alias, BATCH_N), CHC_OK);
  for (i = 0; i < BATCH_N; ++i) {
    if (alias[i] != counts[i]) REPORT_BAD(bad_alias, "count out==to [%ld]", i);
  }
  CHECK(bad_alias == 0);
}

/* The 64-bit array forms against the walk over wk: random starts over the
 * whole range (answers beyond it must be CHC_E_RANGE), n per element and n
 * broadcast, count against the walk, and the all-or-nothing errors. */
#define BATCH64_N 20000
static void test_batch64(const chc_calendar *cal, const signed char *wk, long ndays, const char *name) {
  static int64_t start[BATCH64_N], n[BATCH64_N], out[BATCH64_N], to[BATCH64_N];
  static int32_t counts[BATCH64_N];
  long i, bad = 0;
  int64_t one_n;
  for (i = 0; i < BATCH64_N; ++i) {
    /* Keep starts 100 days inside the range so n in -30..30 always answers. */
    start[i] = FIRST_DAY + 100 + (int64_t)(lcg_next() % (uint32_t)(ndays - 200));
    n[i] = (int64_t)(lcg_next() % 61u) - 30;
    to[i] = start[i] + (int64_t)(lcg_next() % 81u) - 40;
    out[i] = counts[i] = -1;
  }
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, BATCH64_N, BATCH64_N), CHC_OK);
  for (i = 0; i < BATCH64_N; ++i) {
    long expect = -1;
    const int rc = naive_add(wk, ndays, (long)(start[i] - FIRST_DAY), (int)n[i], &expect);
    if (rc != CHC_OK || out[i] != expect + FIRST_DAY)
      REPORT_BAD(bad, "%s batch64 add[%ld] (%lld, %lld) = %lld, walk %ld", name, i, (long long)start[i], (long long)n[i],
                 (long long)out[i], expect + FIRST_DAY);
  }
  CHECK(bad == 0);
  /* One n for every start (n_count 1); then out written over the very array holding n. */
  one_n = 7;
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, &one_n, 1, BATCH64_N), CHC_OK);
  for (i = 0; i < BATCH64_N; ++i) {
    long expect = -1;
    naive_add(wk, ndays, (long)(start[i] - FIRST_DAY), 7, &expect);
    if (out[i] != expect + FIRST_DAY) REPORT_BAD(bad, "%s batch64 add n=7 [%ld]", name, i);
  }
  {
    int64_t s[3], k = -3;
    s[0] = D(2025, 1, 2);
    s[1] = D(2025, 1, 6);
    s[2] = D(2025, 1, 7);
    CHECK_RC(chc_calendar_add_working_days_batch64(&k, cal, s, &k, 1, 1), CHC_OK);
    CHECK_EQ(k, add_days(cal, s[0], -3));
  }
  CHECK(bad == 0);
  CHECK_RC(chc_calendar_count_working_days_batch64(counts, cal, start, to, BATCH64_N), CHC_OK);
  for (i = 0; i < BATCH64_N; ++i) {
    /* Working days d with from < d <= to, negated when to < from: a walk. */
    long expect = 0, d;
    const long a = (long)(start[i] - FIRST_DAY), b = (long)(to[i] - FIRST_DAY);
    if (b >= a) {
      for (d = a + 1; d <= b; ++d) expect += wk[d];
    } else {
      for (d = b + 1; d <= a; ++d) expect -= wk[d];
    }
    if (counts[i] != expect) REPORT_BAD(bad, "%s batch64 count[%ld] = %lld, walk %ld", name, i, (long long)counts[i], expect);
  }
  CHECK(bad == 0);
}

static void test_batch64_errors(const chc_calendar *cal) {
  int64_t start[10], n[10], out[10], to[10];
  int32_t counts[10];
  int i, untouched;
#define RESET_BATCH64()                 \
  for (i = 0; i < 10; ++i) {            \
    start[i] = D(2024, 12, 16) + i;     \
    to[i] = D(2025, 1, 31) - i;         \
    n[i] = (i % 5) - 2;                 \
    out[i] = -42;                       \
    counts[i] = -42;                    \
  }
#define ALL_UNTOUCHED64()                                    \
  do {                                                       \
    untouched = 1;                                           \
    for (i = 0; i < 10; ++i) untouched &= out[i] == -42 && counts[i] == -42; \
    CHECK(untouched);                                        \
  } while (0)
  CHECK_RC(chc_calendar_add_working_days_batch64(NULL, cal, NULL, NULL, 0, 0), CHC_OK);
  CHECK_RC(chc_calendar_count_working_days_batch64(NULL, cal, NULL, NULL, 0), CHC_OK);
  RESET_BATCH64();
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch64(NULL, cal, start, n, 10, 10), "out");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch64(out, NULL, start, n, 10, 10), "cal");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch64(out, cal, NULL, n, 10, 10), "start");
  CHECK_NULL_ARG(chc_calendar_add_working_days_batch64(out, cal, start, NULL, 10, 10), "n");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch64(NULL, cal, start, to, 10), "out");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch64(counts, NULL, start, to, 10), "cal");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch64(counts, cal, NULL, to, 10), "from");
  CHECK_NULL_ARG(chc_calendar_count_working_days_batch64(counts, cal, start, NULL, 10), "to");
  ALL_UNTOUCHED64();
  /* n_count must be count or 1. */
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 2, 10), CHC_E_INVALID);
  CHECK_MSG("n_count");
  ALL_UNTOUCHED64();
  /* A day number far beyond 32 bits, at index 5. */
  start[5] = (int64_t)1 << 40;
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 10, 10), CHC_E_RANGE);
  CHECK_MSG("start[5]");
  CHECK_MSG("1099511627776");
  ALL_UNTOUCHED64();
  RESET_BATCH64();
  start[5] = -((int64_t)1 << 40);
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 10, 10), CHC_E_RANGE);
  CHECK_MSG("start[5]");
  ALL_UNTOUCHED64();
  RESET_BATCH64();
  start[5] = D(2200, 1, 1);
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 10, 10), CHC_E_RANGE);
  CHECK_MSG("start[5]");
  ALL_UNTOUCHED64();
  /* n beyond 32 bits, and n whose answer leaves the range. */
  RESET_BATCH64();
  n[6] = (int64_t)INT32_MAX + 1;
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 10, 10), CHC_E_OVERFLOW);
  CHECK_MSG("n[6]");
  ALL_UNTOUCHED64();
  RESET_BATCH64();
  n[6] = INT64_MIN;
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 10, 10), CHC_E_OVERFLOW);
  CHECK_MSG("n[6]");
  ALL_UNTOUCHED64();
  RESET_BATCH64();
  n[6] = 100000;
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 10, 10), CHC_E_RANGE);
  CHECK_MSG("n[6]");
  ALL_UNTOUCHED64();
  /* A broadcast n that fails names n[0]. */
  RESET_BATCH64();
  n[0] = -100000;
  CHECK_RC(chc_calendar_add_working_days_batch64(out, cal, start, n, 1, 10), CHC_E_RANGE);
  CHECK_MSG("n[0]");
  ALL_UNTOUCHED64();
  /* count: from and to named. */
  RESET_BATCH64();
  start[8] = INT64_MAX;
  CHECK_RC(chc_calendar_count_working_days_batch64(counts, cal, start, to, 10), CHC_E_RANGE);
  CHECK_MSG("from[8]");
  ALL_UNTOUCHED64();
  RESET_BATCH64();
  to[9] = D(1899, 12, 31);
  CHECK_RC(chc_calendar_count_working_days_batch64(counts, cal, start, to, 10), CHC_E_RANGE);
  CHECK_MSG("to[9]");
  ALL_UNTOUCHED64();
#undef RESET_BATCH64
#undef ALL_UNTOUCHED64
}

static void test_batch_errors(const chc_calendar *cal) {
  chc_day start[10], out[10], to[10];
  int32_t n[10], counts[10];
  int i, untouched;

  /* count == 0: NULL arrays are fine. */
  CHECK_RC(chc_calendar_add_working_days_batch(NULL, cal, NULL, NULL, 0), CHC_OK);
  CHECK_RC(chc_calendar_count_working_days_batch(NULL, cal, NULL, NULL, 0), CHC_OK);

#define RESET_BATCH()                          \
  for (i = 0; i < 10; ++i) {                   \
    start[i] = D(2024, 12, 16) + i;            \
    to[i] = D(2025, 1, 31) - i;                \
    n[i] = (i % 5) - 2;                        \
    out[i] = SENT_DAY;                         \
    counts[i] = SENT_INT;                      \
  }
#define ALL_SENTINEL()                                                              \
  do {                                                                              \
    untouched = 1;                                                                  \
    for (i = 0; i < 10; ++i) untouched &= out[i] == SENT_DAY && counts[i] == SENT_INT; \
    CHECK(untouched);                                                               \
  } while (0)

  /* An out-of-range start at index 7 of 10. */
  RESET_BATCH();
  start[7] = D(1899, 12, 31);
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, 10), CHC_E_RANGE);
  CHECK_MSG("[7]");
  CHECK_MSG("start");
  ALL_SENTINEL();
  RESET_BATCH();
  start[7] = D(2200, 1, 1);
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, 10), CHC_E_RANGE);
  CHECK_MSG("[7]");
  ALL_SENTINEL();
  /* A result beyond the range at index 7. */
  RESET_BATCH();
  n[7] = 1000000;
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, 10), CHC_E_RANGE);
  CHECK_MSG("[7]");
  ALL_SENTINEL();
  RESET_BATCH();
  n[7] = -1000000;
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, 10), CHC_E_RANGE);
  CHECK_MSG("[7]");
  ALL_SENTINEL();
  RESET_BATCH();
  start[7] = LAST_DAY;
  n[7] = INT32_MAX;
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, 10), CHC_E_OVERFLOW);
  CHECK_MSG("[7]");
  ALL_SENTINEL();
  /* Two bad elements: the first is named. */
  RESET_BATCH();
  start[3] = D(1899, 12, 31);
  start[7] = D(1899, 12, 31);
  CHECK_RC(chc_calendar_add_working_days_batch(out, cal, start, n, 10), CHC_E_RANGE);
  CHECK_MSG("[3]");
  CHECK(strstr(chc_last_error(), "[7]") == NULL);
  ALL_SENTINEL();
  /* Same for count. */
  RESET_BATCH();
  start[7] = D(1899, 12, 31);
  CHECK_RC(chc_calendar_count_working_days_batch(counts, cal, start, to, 10), CHC_E_RANGE);
  CHECK_MSG("[7]");
  CHECK_MSG("from");
  ALL_SENTINEL();
  RESET_BATCH();
  to[7] = D(2200, 1, 1);
  CHECK_RC(chc_calendar_count_working_days_batch(counts, cal, start, to, 10), CHC_E_RANGE);
  CHECK_MSG("[7]");
  CHECK_MSG("to");
  ALL_SENTINEL();
  /* In-place failure leaves the input array as it was. */
  RESET_BATCH();
  start[7] = D(1899, 12, 31);
  {
    chc_day copy[10];
    memcpy(copy, start, sizeof copy);
    CHECK_RC(chc_calendar_add_working_days_batch(start, cal, start, n, 10), CHC_E_RANGE);
    CHECK(memcmp(copy, start, sizeof copy) == 0);
  }

  /* Elements that are each valid although the extremes of start and n, taken
   * from different elements, would leave the range: every element answers. */
  {
    chc_day s[4], o[4];
    int32_t k[4];
    s[0] = FIRST_DAY;
    k[0] = 0;
    s[1] = D(2199, 12, 30);
    k[1] = -30;
    s[2] = D(1900, 1, 2);
    k[2] = 30;
    s[3] = D(2199, 12, 1);
    k[3] = 5;
    for (i = 0; i < 4; ++i) o[i] = SENT_DAY;
    CHECK_RC(chc_calendar_add_working_days_batch(o, cal, s, k, 4), CHC_OK);
    for (i = 0; i < 4; ++i) CHECK_EQ(o[i], add_days(cal, s[i], k[i]));
  }
  /* One element: the range edges. */
  {
    chc_day s = LAST_DAY, o = SENT_DAY;
    int32_t k = 0;
    CHECK_RC(chc_calendar_add_working_days_batch(&o, cal, &s, &k, 1), CHC_OK);
    CHECK_EQ(o, LAST_DAY);
    k = 1;
    o = SENT_DAY;
    CHECK_RC(chc_calendar_add_working_days_batch(&o, cal, &s, &k, 1), CHC_E_RANGE);
    CHECK_EQ(o, SENT_DAY);
    s = FIRST_DAY;
    k = -1;
    CHECK_RC(chc_calendar_add_working_days_batch(&o, cal, &s, &k, 1), CHC_E_RANGE);
    CHECK_EQ(o, SENT_DAY);
  }
#undef RESET_BATCH
#undef ALL_SENTINEL
}

/* ------------------------------------------------------------------------ */
/* JSON answers                                                             */

static void test_json_answers(const chc_calendar *ew) {
  static const char *const dates2024[] = {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
                                          "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"};
  char *s = SENT_STR;
  size_t i;

  CHECK_RC(chc_calendar_holidays_json(&s, ew, D(2024, 1, 1), D(2024, 12, 31)), CHC_OK);
  CHECK(s != NULL && s != SENT_STR);
  if (s != NULL && s != SENT_STR) {
    for (i = 0; i < 8; ++i) {
      char quoted[16];
      snprintf(quoted, sizeof quoted, "\"%s\"", dates2024[i]);
      CHECK(strstr(s, quoted) != NULL);
    }
    CHECK_EQ(count_occurrences(s, "\"date\""), 8);
    CHECK(strstr(s, "Christmas Day") != NULL);
    CHECK(strstr(s, "\"holidays\"") != NULL);
    CHECK(strstr(s, "\"2024-12-21\"") == NULL); /* a Saturday: not a holiday */
    CHECK(strstr(s, "\"2024-01-02\"") == NULL);
    chc_string_free(s);
  }

  /* A weekend alone: no holidays at all. */
  s = SENT_STR;
  CHECK_RC(chc_calendar_holidays_json(&s, ew, D(2024, 12, 21), D(2024, 12, 22)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    CHECK_EQ(count_occurrences(s, "\"date\""), 0);
    CHECK(strstr(s, "\"holidays\"") != NULL);
    chc_string_free(s);
  }
  /* from > to: an empty list, not an error. */
  s = SENT_STR;
  CHECK_RC(chc_calendar_holidays_json(&s, ew, D(2024, 12, 31), D(2024, 1, 1)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    CHECK_EQ(count_occurrences(s, "\"date\""), 0);
    chc_string_free(s);
  }
  /* Substitute days: Christmas 2027 is a Saturday, Boxing Day a Sunday. */
  s = SENT_STR;
  CHECK_RC(chc_calendar_holidays_json(&s, ew, D(2027, 12, 27), D(2027, 12, 28)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    CHECK(strstr(s, "\"2027-12-27\"") != NULL);
    CHECK(strstr(s, "\"2027-12-28\"") != NULL);
    CHECK(strstr(s, "substitute") != NULL);
    CHECK(strstr(s, "\"substitute_for\":\"2027-12-25\"") != NULL);
    CHECK(strstr(s, "\"substitute_for\":\"2027-12-26\"") != NULL);
    chc_string_free(s);
  }
  /* explain gives every reason: Saturday 25 December 2027 is both a weekend day
   * and Christmas Day (observed on the 27th). */
  s = SENT_STR;
  CHECK_RC(chc_calendar_explain_json(&s, ew, D(2027, 12, 24), D(2027, 12, 28)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    const char *entry = strstr(s, "\"date\":\"2027-12-25\"");
    CHECK(strstr(s, "\"working_days\":0") != NULL);
    CHECK_EQ(count_occurrences(s, "\"reasons\""), 4);
    CHECK(entry != NULL);
    if (entry != NULL) {
      char one[1024];
      const char *next = strstr(entry + 1, "\"date\":");
      size_t len = next != NULL ? (size_t)(next - entry) : strlen(entry);
      if (len >= sizeof one) len = sizeof one - 1;
      memcpy(one, entry, len);
      one[len] = '\0';
      CHECK(strstr(one, "Christmas") != NULL);
      CHECK(strstr(one, "\"weekend\"") != NULL);
    }
    chc_string_free(s);
  }

  s = SENT_STR;
  CHECK_RC(chc_calendar_explain_json(&s, ew, D(2024, 12, 20), D(2024, 12, 31)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    CHECK(strstr(s, "\"working_days\":5") != NULL);
    CHECK(strstr(s, "\"2024-12-25\"") != NULL);
    CHECK(strstr(s, "\"2024-12-26\"") != NULL);
    CHECK(strstr(s, "\"2024-12-21\"") != NULL);
    CHECK(strstr(s, "\"skipped\"") != NULL);
    CHECK(strstr(s, "Saturday") != NULL);
    /* skipped: 21, 22, 25, 26, 28, 29 December. */
    CHECK_EQ(count_occurrences(s, "\"reasons\""), 6);
    CHECK(strstr(s, "\"2024-12-23\"") == NULL);
    chc_string_free(s);
  }
  s = SENT_STR;
  CHECK_RC(chc_calendar_explain_json(&s, ew, D(2024, 12, 31), D(2024, 12, 20)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    CHECK(strstr(s, "\"working_days\":-5") != NULL);
    CHECK(strstr(s, "\"2024-12-25\"") != NULL);
    CHECK_EQ(count_occurrences(s, "\"reasons\""), 6);
    chc_string_free(s);
  }
  s = SENT_STR;
  CHECK_RC(chc_calendar_explain_json(&s, ew, D(2024, 12, 23), D(2024, 12, 24)), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    CHECK(strstr(s, "\"working_days\":1") != NULL);
    CHECK_EQ(count_occurrences(s, "\"reasons\""), 0);
    chc_string_free(s);
  }

  s = SENT_STR;
  CHECK_RC(chc_calendar_info_json(&s, ew), CHC_OK);
  if (s != NULL && s != SENT_STR) {
    static const char *const keys[] = {"\"name\"", "\"base\"", "\"data_version\"", "\"official_through\"",
                                       "\"rules_checked_from\"", "\"first_day\"", "\"last_day\"", "\"working_week\"",
                                       "\"warnings\"", "\"memory_bytes\""};
    for (i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
      if (strstr(s, keys[i]) == NULL) fprintf(stderr, "    info_json lacks %s\n", keys[i]);
      CHECK(strstr(s, keys[i]) != NULL);
    }
    CHECK(strstr(s, "\"england-and-wales\"") != NULL);
    CHECK(strstr(s, "\"1900-01-01\"") != NULL);
    CHECK(strstr(s, "\"2199-12-31\"") != NULL);
    chc_string_free(s);
  }
}

/* ------------------------------------------------------------------------ */
/* Custom calendars                                                         */

static void expect_json_error(const char *json, size_t len, int code, const char *field, int line) {
  chc_calendar *cal = SENT_CAL;
  const int rc = chc_calendar_from_json(&cal, json, len);
  if (rc != code) fprintf(stderr, "%s:%d: from_json returned %d, expected %d, for: %.*s\n", __FILE__, line, rc, code, (int)len, json);
  check_impl(rc == code, "from_json error code", __FILE__, line);
  check_impl(cal == SENT_CAL, "from_json leaves *out alone on failure", __FILE__, line);
  if (rc == CHC_OK && cal != SENT_CAL) chc_calendar_free(cal);
  if (field != NULL) {
    if (strstr(chc_last_error(), field) == NULL) fprintf(stderr, "%s:%d: message lacks \"%s\"\n", __FILE__, line, field);
    check_impl(strstr(chc_last_error(), field) != NULL, "from_json error names the field", __FILE__, line);
  }
}
#define EXPECT_JSON_ERROR(json, code, field) expect_json_error((json), strlen(json), (code), (field), __LINE__)

static void test_custom_calendars(const chc_calendar *ew) {
  chc_calendar *cal;
  char *s;

  /* A closure 2025-12-29..31: from Christmas Eve the next working day is 2 January 2026. */
  cal = from_json("{\"name\":\"Acme Homes\",\"base\":\"england-and-wales\",\"closures\":"
                  "[{\"from\":\"2025-12-29\",\"to\":\"2025-12-31\",\"name\":\"Christmas shutdown\"}]}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    CHECK_EQ(add_days(cal, D(2025, 12, 24), 1), D(2026, 1, 2));
    CHECK_EQ(add_days(ew, D(2025, 12, 24), 1), D(2025, 12, 29));
    CHECK_EQ(working(cal, D(2025, 12, 29)), 0);
    CHECK_EQ(working(cal, D(2025, 12, 31)), 0);
    CHECK_EQ(working(cal, D(2026, 1, 1)), 0);
    CHECK_EQ(working(cal, D(2026, 1, 2)), 1);
    CHECK_EQ(working(cal, D(2025, 12, 23)), 1);
    CHECK_EQ(count_days(cal, D(2025, 12, 24), D(2026, 1, 2)), 1);
    s = SENT_STR;
    CHECK_RC(chc_calendar_holidays_json(&s, cal, D(2025, 12, 25), D(2026, 1, 1)), CHC_OK);
    if (s != SENT_STR && s != NULL) {
      CHECK(strstr(s, "Christmas shutdown") != NULL);
      CHECK(strstr(s, "landlord_closure") != NULL);
      CHECK(strstr(s, "\"2025-12-30\"") != NULL);
      chc_string_free(s);
    }
    s = SENT_STR;
    CHECK_RC(chc_calendar_info_json(&s, cal), CHC_OK);
    if (s != SENT_STR && s != NULL) {
      CHECK(strstr(s, "Acme Homes") != NULL);
      chc_string_free(s);
    }
    chc_calendar_free(cal);
  }
  /* The single-date form. */
  cal = from_json("{\"base\":\"england-and-wales\",\"closures\":[{\"date\":\"2025-12-29\",\"name\":\"Office closure\"}]}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    CHECK_EQ(working(cal, D(2025, 12, 29)), 0);
    CHECK_EQ(working(cal, D(2025, 12, 30)), 1);
    CHECK_EQ(add_days(cal, D(2025, 12, 24), 1), D(2025, 12, 30));
    chc_calendar_free(cal);
  }

  /* Removed: Boxing Day 2025 (a Friday) becomes a working day. */
  cal = from_json("{\"base\":\"england-and-wales\",\"removed\":[\"2025-12-26\"]}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    CHECK_EQ(working(cal, D(2025, 12, 26)), 1);
    CHECK_EQ(working(cal, D(2025, 12, 25)), 0);
    CHECK_EQ(working(ew, D(2025, 12, 26)), 0);
    CHECK_EQ(add_days(cal, D(2025, 12, 24), 1), D(2025, 12, 26));
    CHECK_EQ(count_days(cal, D(2025, 12, 24), D(2025, 12, 31)), 4);
    chc_calendar_free(cal);
  }

  /* A four-day week: every Friday is a non-working day, Monday-Thursday as before. */
  cal = from_json("{\"base\":\"england-and-wales\",\"working_week\":[\"mon\",\"tue\",\"wed\",\"thu\"]}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    chc_day d;
    long bad = 0;
    for (d = D(2025, 1, 1); d <= D(2026, 12, 31); ++d) {
      const int wd = t_weekday(d);
      const int expect = wd <= 4 ? working(ew, d) : 0;
      if (working(cal, d) != expect) REPORT_BAD(bad, "four-day week, day %ld", (long)d);
    }
    CHECK(bad == 0);
    CHECK_EQ(working(cal, D(2025, 1, 3)), 0);
    CHECK_EQ(add_days(cal, D(2025, 1, 2), 1), D(2025, 1, 6));
    CHECK_EQ(add_days(cal, D(2024, 12, 20), 5), D(2025, 1, 2)); /* 23, 24, 30, 31 Dec, 2 Jan */
    chc_calendar_free(cal);
  }
  /* Full weekday names work too. */
  cal = from_json("{\"base\":\"scotland\",\"working_week\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\",\"saturday\"]}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    CHECK_EQ(working(cal, D(2024, 12, 21)), 1); /* a Saturday */
    CHECK_EQ(working(cal, D(2024, 12, 22)), 0);
    CHECK_EQ(working(cal, D(2025, 1, 2)), 0);
    chc_calendar_free(cal);
  }
  /* An extra bank holiday. */
  cal = from_json("{\"base\":\"northern-ireland\",\"extra_bank_holidays\":[{\"date\":\"2027-06-07\",\"name\":\"Extra\"}]}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    CHECK_EQ(working(cal, D(2027, 6, 7)), 0);
    CHECK_EQ(working(cal, D(2027, 6, 8)), 1);
    CHECK_EQ(working(cal, D(2025, 7, 14)), 0);
    chc_calendar_free(cal);
  }
  /* data_version and unknown fields show up in info_json. */
  cal = from_json("{\"base\":\"england-and-wales\",\"data_version\":\"acme-2025-11\",\"colour_of_door\":\"red\"}");
  CHECK(cal != NULL);
  if (cal != NULL) {
    s = SENT_STR;
    CHECK_RC(chc_calendar_info_json(&s, cal), CHC_OK);
    if (s != SENT_STR && s != NULL) {
      CHECK(strstr(s, "acme-2025-11") != NULL);
      CHECK(strstr(s, "colour_of_door") != NULL);
      chc_string_free(s);
    }
    CHECK_EQ(working(cal, D(2024, 12, 25)), 0);
    chc_calendar_free(cal);
  }

  /* Malformed and invalid documents. */
  EXPECT_JSON_ERROR("{", CHC_E_JSON, NULL);
  EXPECT_JSON_ERROR("", CHC_E_JSON, NULL);
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",}", CHC_E_JSON, NULL);
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\"} {}", CHC_E_JSON, NULL);
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"name\":\"\xff\xfe\"}", CHC_E_JSON, NULL);
  EXPECT_JSON_ERROR("[1,2]", CHC_E_SCHEMA, NULL);
  EXPECT_JSON_ERROR("\"england-and-wales\"", CHC_E_SCHEMA, NULL);
  EXPECT_JSON_ERROR("{\"base\": 5}", CHC_E_SCHEMA, "base");
  EXPECT_JSON_ERROR("{}", CHC_E_SCHEMA, "base");
  EXPECT_JSON_ERROR("{\"name\":\"x\"}", CHC_E_SCHEMA, "base");
  EXPECT_JSON_ERROR("{\"base\":\"wales\"}", CHC_E_UNKNOWN_NAME, "base");
  EXPECT_JSON_ERROR("{\"base\":\"wales\"}", CHC_E_UNKNOWN_NAME, "england-and-wales");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"closures\":[{\"date\":\"2025-02-30\",\"name\":\"x\"}]}", CHC_E_DATE,
                    "closures[0].date");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"closures\":[{\"date\":\"2025-12-29\",\"name\":\"a\"},"
                    "{\"date\":\"tomorrow\",\"name\":\"b\"}]}",
                    CHC_E_DATE, "closures[1].date");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"closures\":[{\"date\":\"1899-12-31\",\"name\":\"x\"}]}", CHC_E_RANGE,
                    "closures[0].date");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"closures\":[{\"date\":\"2025-12-29\"}]}", CHC_E_SCHEMA,
                    "closures[0].name");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"closures\":{\"date\":\"2025-12-29\",\"name\":\"x\"}}", CHC_E_SCHEMA,
                    "closures");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"removed\":[\"2025-13-01\"]}", CHC_E_DATE, "removed[0]");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"removed\":[20251226]}", CHC_E_SCHEMA, "removed[0]");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"working_week\":[\"mon\",\"funday\"]}", CHC_E_SCHEMA, "working_week[1]");
  EXPECT_JSON_ERROR("{\"base\":\"england-and-wales\",\"working_week\":\"mon\"}", CHC_E_SCHEMA, "working_week");
  /* Errors the header lists for from_json do not include CHC_E_INVALID; an empty
   * week or a closure ending before it starts must still fail and name the field. */
  {
    chc_calendar *c2 = SENT_CAL;
    const char *j1 = "{\"base\":\"england-and-wales\",\"working_week\":[]}";
    const char *j2 = "{\"base\":\"england-and-wales\",\"closures\":[{\"from\":\"2025-12-31\",\"to\":\"2025-12-29\",\"name\":\"x\"}]}";
    CHECK(chc_calendar_from_json(&c2, j1, strlen(j1)) < 0);
    CHECK(c2 == SENT_CAL);
    CHECK_MSG("working_week");
    CHECK(chc_calendar_from_json(&c2, j2, strlen(j2)) < 0);
    CHECK(c2 == SENT_CAL);
    CHECK_MSG("closures[0]");
  }

  /* len is honoured: a prefix that cuts the document is malformed ... */
  {
    const char *full = "{\"base\":\"scotland\"}";
    const size_t len = strlen(full);
    expect_json_error(full, len - 1, CHC_E_JSON, NULL, __LINE__);
    expect_json_error(full, 9, CHC_E_JSON, NULL, __LINE__);
    expect_json_error(full, 0, CHC_E_JSON, NULL, __LINE__);
  }
  /* ... and bytes after len are never read: trailing garbage, or no NUL at all. */
  {
    const char *text = "{\"base\":\"scotland\"}GARBAGE{[";
    char exact[19];
    chc_calendar *c2 = SENT_CAL;
    CHECK_EQ(strlen("{\"base\":\"scotland\"}"), sizeof exact);
    CHECK_RC(chc_calendar_from_json(&c2, text, sizeof exact), CHC_OK);
    if (c2 != SENT_CAL) {
      CHECK_EQ(working(c2, D(2025, 1, 2)), 0); /* it is Scotland */
      chc_calendar_free(c2);
    }
    memcpy(exact, text, sizeof exact); /* not NUL-terminated */
    c2 = SENT_CAL;
    CHECK_RC(chc_calendar_from_json(&c2, exact, sizeof exact), CHC_OK);
    if (c2 != SENT_CAL) {
      CHECK_EQ(working(c2, D(2025, 8, 4)), 0);
      chc_calendar_free(c2);
    }
  }
}

/* Larger and odder inputs: whole-range answers, size limits, deep nesting,
 * a calendar with no working day at all, names that need escaping. */
static void test_edges(const chc_calendar *ew) {
  char *s;
  long expected_holidays = 0;
  int y;
  hset h;

  /* Every bank holiday 1995-2199 in one answer: as many as the model has. */
  for (y = 1995; y <= 2199; ++y) {
    t_bank_holidays(&h, EW, y);
    expected_holidays += h.n;
  }
  s = SENT_STR;
  CHECK_RC(chc_calendar_holidays_json(&s, ew, D(1995, 1, 1), LAST_DAY), CHC_OK);
  if (s != SENT_STR && s != NULL) {
    CHECK_EQ(count_occurrences(s, "\"date\""), expected_holidays);
    chc_string_free(s);
  }
  /* explain over the whole range. */
  s = SENT_STR;
  CHECK_RC(chc_calendar_explain_json(&s, ew, FIRST_DAY, LAST_DAY), CHC_OK);
  if (s != SENT_STR && s != NULL) {
    char expect[64];
    const int32_t working_days = count_days(ew, FIRST_DAY, LAST_DAY);
    snprintf(expect, sizeof expect, "\"working_days\":%ld", (long)working_days);
    CHECK(strstr(s, expect) != NULL);
    CHECK_EQ(count_occurrences(s, "\"reasons\""), (long)LAST_DAY - FIRST_DAY - working_days);
    chc_string_free(s);
  }

  /* Documents over 16 MiB: CHC_E_LIMIT, even when the JSON itself is fine. */
  {
    const size_t big = (16u << 20) + 64u;
    char *doc = (char *)malloc(big);
    CHECK(doc != NULL);
    if (doc != NULL) {
      chc_calendar *cal = SENT_CAL;
      static const char body[] = "{\"base\":\"england-and-wales\"}";
      memset(doc, ' ', big);
      memcpy(doc, body, sizeof body - 1);
      CHECK_RC(chc_calendar_from_json(&cal, doc, big), CHC_E_LIMIT);
      CHECK(cal == SENT_CAL);
      CHECK_RC(chc_calendar_import_govuk(&cal, ew, doc, big, NULL), CHC_E_LIMIT);
      CHECK(cal == SENT_CAL);
      /* Exactly 16 MiB is allowed. */
      CHECK_RC(chc_calendar_from_json(&cal, doc, (size_t)16u << 20), CHC_OK);
      if (cal != SENT_CAL) chc_calendar_free(cal);
      free(doc);
    }
  }
  /* Deep nesting fails cleanly. */
  {
    const size_t depth = 200000;
    char *doc = (char *)malloc(2 * depth + 64);
    CHECK(doc != NULL);
    if (doc != NULL) {
      chc_calendar *cal = SENT_CAL;
      size_t k, len = 0;
      const char *head = "{\"base\":\"england-and-wales\",\"x\":";
      memcpy(doc, head, strlen(head));
      len = strlen(head);
      for (k = 0; k < depth; ++k) doc[len++] = '[';
      for (k = 0; k < depth; ++k) doc[len++] = ']';
      doc[len++] = '}';
      CHECK(chc_calendar_from_json(&cal, doc, len) < 0);
      CHECK(cal == SENT_CAL);
      free(doc);
    }
  }
  /* A calendar closed every day: no add has an answer, count is 0. */
  {
    chc_calendar *closed = from_json("{\"base\":\"england-and-wales\",\"closures\":"
                                     "[{\"from\":\"1900-01-01\",\"to\":\"2199-12-31\",\"name\":\"Closed\"}]}");
    CHECK(closed != NULL);
    if (closed != NULL) {
      chc_day out = SENT_DAY;
      int rc;
      CHECK_EQ(working(closed, D(2024, 12, 20)), 0);
      CHECK_EQ(count_days(closed, FIRST_DAY, LAST_DAY), 0);
      rc = chc_calendar_add_working_days(&out, closed, D(2000, 1, 1), 0);
      CHECK(rc == CHC_E_RANGE || rc == CHC_E_OVERFLOW);
      rc = chc_calendar_add_working_days(&out, closed, D(2000, 1, 1), 1);
      CHECK(rc == CHC_E_RANGE || rc == CHC_E_OVERFLOW);
      rc = chc_calendar_add_working_days(&out, closed, D(2000, 1, 1), -1);
      CHECK(rc == CHC_E_RANGE || rc == CHC_E_OVERFLOW);
      rc = chc_calendar_next_working_day(&out, closed, D(2000, 1, 1));
      CHECK(rc == CHC_E_RANGE || rc == CHC_E_OVERFLOW);
      CHECK_EQ(out, SENT_DAY);
      s = SENT_STR;
      CHECK_RC(chc_calendar_info_json(&s, closed), CHC_OK);
      if (s != SENT_STR && s != NULL) chc_string_free(s);
      chc_calendar_free(closed);
    }
  }
  /* Names that need escaping come back escaped. */
  {
    chc_calendar *cal = from_json("{\"base\":\"england-and-wales\",\"closures\":"
                                  "[{\"date\":\"2025-06-02\",\"name\":\"Say \\\"hi\\\" \\\\ \\u00e9\"}]}");
    CHECK(cal != NULL);
    if (cal != NULL) {
      s = SENT_STR;
      CHECK_RC(chc_calendar_holidays_json(&s, cal, D(2025, 6, 2), D(2025, 6, 2)), CHC_OK);
      if (s != SENT_STR && s != NULL) {
        CHECK(strstr(s, "Say \\\"hi\\\" \\\\ ") != NULL);
        CHECK(strstr(s, "\xc3\xa9") != NULL || strstr(s, "\\u00e9") != NULL);
        chc_string_free(s);
      }
      chc_calendar_free(cal);
    }
  }
}

/* ------------------------------------------------------------------------ */
/* GOV.UK import                                                            */

static const char govuk_2030[] =
    "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":"
    "[{\"title\":\"Test holiday\",\"date\":\"2030-06-10\",\"notes\":\"\",\"bunting\":true}]}}";

static void test_import(const chc_calendar *ew, const chc_calendar *scot) {
  chc_calendar *imp = SENT_CAL;
  char *s;

  CHECK_RC(chc_calendar_import_govuk(&imp, ew, govuk_2030, strlen(govuk_2030), "test-import-1"), CHC_OK);
  CHECK(imp != SENT_CAL && imp != NULL);
  if (imp != SENT_CAL && imp != NULL) {
    chc_day d;
    long bad = 0;
    CHECK_EQ(t_weekday(D(2030, 6, 10)), 1);
    CHECK_EQ(t_weekday(D(2030, 12, 25)), 3);
    CHECK_EQ(working(imp, D(2030, 6, 10)), 0);
    /* The document covers 2030 and lists only 10 June: every other 2030 holiday is gone. */
    CHECK_EQ(working(imp, D(2030, 12, 25)), 1);
    CHECK_EQ(working(imp, D(2030, 12, 26)), 1);
    CHECK_EQ(working(imp, D(2030, 1, 1)), 1);
    for (d = D(2030, 1, 1); d <= D(2030, 12, 31); ++d) {
      const int expect = !t_is_weekend(d) && d != D(2030, 6, 10);
      if (working(imp, d) != expect) REPORT_BAD(bad, "imported 2030: day %ld", (long)d);
    }
    CHECK(bad == 0);
    /* Other years are unchanged. */
    CHECK_EQ(working(imp, D(2024, 12, 25)), 0);
    CHECK_EQ(working(imp, D(2029, 12, 25)), 0);
    CHECK_EQ(working(imp, D(2031, 12, 25)), 0);
    bad = 0;
    for (d = D(2020, 1, 1); d <= D(2040, 12, 31); ++d) {
      if (d >= D(2030, 1, 1) && d <= D(2030, 12, 31)) continue;
      if (working(imp, d) != working(ew, d)) REPORT_BAD(bad, "import changed day %ld", (long)d);
    }
    CHECK(bad == 0);
    CHECK_EQ(add_days(imp, D(2030, 6, 7), 1), D(2030, 6, 11));
    /* The base calendar is untouched. */
    CHECK_EQ(working(ew, D(2030, 6, 10)), 1);
    CHECK_EQ(working(ew, D(2030, 12, 25)), 0);

    s = SENT_STR;
    CHECK_RC(chc_calendar_info_json(&s, imp), CHC_OK);
    if (s != SENT_STR && s != NULL) {
      CHECK(strstr(s, "test-import-1") != NULL);
      CHECK(strstr(s, "\"official_through\":\"2030-12-31\"") != NULL);
      chc_string_free(s);
    }
    s = SENT_STR;
    CHECK_RC(chc_calendar_holidays_json(&s, imp, D(2030, 1, 1), D(2030, 12, 31)), CHC_OK);
    if (s != SENT_STR && s != NULL) {
      CHECK(strstr(s, "Test holiday") != NULL);
      CHECK(strstr(s, "\"imported\"") != NULL);
      CHECK_EQ(count_occurrences(s, "\"date\""), 1);
      chc_string_free(s);
    }
    chc_calendar_free(imp);
  }

  /* data_version may be NULL. */
  imp = SENT_CAL;
  CHECK_RC(chc_calendar_import_govuk(&imp, ew, govuk_2030, strlen(govuk_2030), NULL), CHC_OK);
  if (imp != SENT_CAL && imp != NULL) {
    CHECK_EQ(working(imp, D(2030, 6, 10)), 0);
    chc_calendar_free(imp);
  }

  /* Importing into a custom calendar keeps its closures. */
  {
    chc_calendar *custom = from_json(
        "{\"base\":\"england-and-wales\",\"closures\":[{\"date\":\"2030-06-11\",\"name\":\"Staff day\"}]}");
    CHECK(custom != NULL);
    if (custom != NULL) {
      imp = SENT_CAL;
      CHECK_RC(chc_calendar_import_govuk(&imp, custom, govuk_2030, strlen(govuk_2030), NULL), CHC_OK);
      if (imp != SENT_CAL && imp != NULL) {
        CHECK_EQ(working(imp, D(2030, 6, 10)), 0);
        CHECK_EQ(working(imp, D(2030, 6, 11)), 0);
        CHECK_EQ(working(imp, D(2030, 6, 12)), 1);
        CHECK_EQ(working(imp, D(2030, 12, 25)), 1);
        chc_calendar_free(imp);
      }
      chc_calendar_free(custom);
    }
  }
  /* The same document through from_json's "govuk" field. */
  {
    char json[1024];
    chc_calendar *cal;
    snprintf(json, sizeof json, "{\"base\":\"england-and-wales\",\"govuk\":%s}", govuk_2030);
    cal = from_json(json);
    CHECK(cal != NULL);
    if (cal != NULL) {
      CHECK_EQ(working(cal, D(2030, 6, 10)), 0);
      CHECK_EQ(working(cal, D(2030, 12, 25)), 1);
      CHECK_EQ(working(cal, D(2024, 12, 25)), 0);
      chc_calendar_free(cal);
    }
  }

  /* A document without the base division. */
  {
    static const char other[] =
        "{\"scotland\":{\"division\":\"scotland\",\"events\":"
        "[{\"title\":\"Test holiday\",\"date\":\"2030-06-10\",\"notes\":\"\",\"bunting\":true}]}}";
    static const char bad_date[] =
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":"
        "[{\"title\":\"Test holiday\",\"date\":\"2030-02-30\",\"notes\":\"\",\"bunting\":true}]}}";
    imp = SENT_CAL;
    CHECK_RC(chc_calendar_import_govuk(&imp, ew, other, strlen(other), NULL), CHC_E_SCHEMA);
    CHECK(imp == SENT_CAL);
    CHECK_MSG("england-and-wales");
    CHECK_RC(chc_calendar_import_govuk(&imp, ew, "{}", 2, NULL), CHC_E_SCHEMA);
    CHECK_RC(chc_calendar_import_govuk(&imp, ew, "{", 1, NULL), CHC_E_JSON);
    CHECK_RC(chc_calendar_import_govuk(&imp, ew, govuk_2030, strlen(govuk_2030) - 1, NULL), CHC_E_JSON);
    CHECK_RC(chc_calendar_import_govuk(&imp, ew, "[]", 2, NULL), CHC_E_SCHEMA);
    CHECK_RC(chc_calendar_import_govuk(&imp, ew, bad_date, strlen(bad_date), NULL), CHC_E_DATE);
    CHECK_MSG("events[0].date");
    CHECK(imp == SENT_CAL);
    /* The Scotland document suits the Scotland calendar. */
    CHECK_RC(chc_calendar_import_govuk(&imp, scot, other, strlen(other), NULL), CHC_OK);
    if (imp != SENT_CAL && imp != NULL) {
      CHECK_EQ(working(imp, D(2030, 6, 10)), 0);
      CHECK_EQ(working(imp, D(2030, 1, 2)), 1); /* 2 January 2030 is a Wednesday, not listed */
      CHECK_EQ(working(imp, D(2029, 1, 2)), 0);
      chc_calendar_free(imp);
    }
  }
}

/* chc_last_error() stays valid, and unchanged, until the next failing call. */
static void test_last_error_lifetime(const chc_calendar *ew) {
  chc_day out = SENT_DAY;
  const char *before;
  char copy[256];
  char *s = NULL;
  chc_calendar *cal = NULL;
  int iv;

  CHECK_RC(chc_day_parse(&out, "not-a-date-at-all"), CHC_E_DATE);
  before = chc_last_error();
  snprintf(copy, sizeof copy, "%s", before);
  CHECK(strstr(copy, "not-a-date-at-all") != NULL);
  /* Successful calls of every kind. */
  CHECK_RC(chc_day_parse(&out, "2024-12-20"), CHC_OK);
  CHECK_RC(chc_calendar_is_working_day(&iv, ew, out), CHC_OK);
  CHECK_RC(chc_calendar_add_working_days(&out, ew, out, 5), CHC_OK);
  CHECK_RC(chc_calendar_builtin(&cal, "scotland"), CHC_OK);
  chc_calendar_free(cal);
  cal = NULL;
  {
    static const char json[] = "{\"base\":\"england-and-wales\"}";
    CHECK_RC(chc_calendar_from_json(&cal, json, strlen(json)), CHC_OK);
  }
  chc_calendar_free(cal);
  CHECK_RC(chc_calendar_info_json(&s, ew), CHC_OK);
  chc_string_free(s);
  CHECK(strcmp(before, copy) == 0);
  CHECK(strcmp(chc_last_error(), copy) == 0);
}

/* ------------------------------------------------------------------------ */
/* Threads                                                                  */

#define THREAD_ROUNDS 200

static pthread_barrier_t g_barrier;

struct error_thread {
  int which;
  int wrong_code;
  int wrong_message;
};

static void *error_thread_main(void *p) {
  struct error_thread *t = (struct error_thread *)p;
  int r;
  for (r = 0; r < THREAD_ROUNDS; ++r) {
    const char *msg;
    int rc;
    if (t->which == 0) {
      chc_day out = SENT_DAY;
      rc = chc_day_parse(&out, "tomorrow");
      if (rc != CHC_E_DATE) ++t->wrong_code;
    } else {
      chc_calendar *cal = SENT_CAL;
      rc = chc_calendar_builtin(&cal, "wales");
      if (rc != CHC_E_UNKNOWN_NAME) ++t->wrong_code;
    }
    pthread_barrier_wait(&g_barrier); /* both threads have failed */
    msg = chc_last_error();
    if (t->which == 0) {
      if (strstr(msg, "tomorrow") == NULL || strstr(msg, "\"wales\"") != NULL) ++t->wrong_message;
    } else {
      if (strstr(msg, "\"wales\"") == NULL || strstr(msg, "tomorrow") != NULL) ++t->wrong_message;
    }
    pthread_barrier_wait(&g_barrier); /* both have read their message */
  }
  return NULL;
}

struct shared_thread {
  const chc_calendar *cal;
  const chc_day *start;
  const int32_t *n;
  const chc_day *expect;
  int count;
  int wrong;
};

static void *shared_thread_main(void *p) {
  struct shared_thread *t = (struct shared_thread *)p;
  int r, i;
  for (r = 0; r < 20; ++r) {
    for (i = 0; i < t->count; ++i) {
      chc_day out = SENT_DAY;
      if (chc_calendar_add_working_days(&out, t->cal, t->start[i], t->n[i]) != CHC_OK || out != t->expect[i]) ++t->wrong;
    }
  }
  /* Loading built-ins concurrently is safe too. */
  for (r = 0; r < 20; ++r) {
    chc_calendar *c = NULL;
    if (chc_calendar_builtin(&c, division_names[r % 3]) != CHC_OK) {
      ++t->wrong;
    } else {
      if (working(c, D(2024, 12, 25)) != 0) ++t->wrong;
      chc_calendar_free(c);
    }
  }
  return NULL;
}

static void test_threads(const chc_calendar *ew) {
  pthread_t th[4];
  struct error_thread et[2];
  struct shared_thread st[4];
  static chc_day start[2000], expect[2000];
  static int32_t n[2000];
  chc_day out;
  int i;

  /* This thread's own error survives whatever the others do. */
  out = SENT_DAY;
  CHECK_RC(chc_day_parse(&out, "main-thread-error"), CHC_E_DATE);

  CHECK_EQ(pthread_barrier_init(&g_barrier, NULL, 2), 0);
  for (i = 0; i < 2; ++i) {
    et[i].which = i;
    et[i].wrong_code = 0;
    et[i].wrong_message = 0;
    CHECK_EQ(pthread_create(&th[i], NULL, error_thread_main, &et[i]), 0);
  }
  for (i = 0; i < 2; ++i) CHECK_EQ(pthread_join(th[i], NULL), 0);
  pthread_barrier_destroy(&g_barrier);
  for (i = 0; i < 2; ++i) {
    CHECK_EQ(et[i].wrong_code, 0);
    CHECK_EQ(et[i].wrong_message, 0);
  }
  CHECK_MSG("main-thread-error");

  /* One calendar shared by four threads without locking. */
  for (i = 0; i < 2000; ++i) {
    start[i] = D(2010, 1, 1) + (chc_day)(lcg_next() % 8000u);
    n[i] = (int32_t)(lcg_next() % 41u) - 20;
    expect[i] = add_days(ew, start[i], n[i]);
  }
  for (i = 0; i < 4; ++i) {
    st[i].cal = ew;
    st[i].start = start;
    st[i].n = n;
    st[i].expect = expect;
    st[i].count = 2000;
    st[i].wrong = 0;
    CHECK_EQ(pthread_create(&th[i], NULL, shared_thread_main, &st[i]), 0);
  }
  for (i = 0; i < 4; ++i) CHECK_EQ(pthread_join(th[i], NULL), 0);
  for (i = 0; i < 4; ++i) CHECK_EQ(st[i].wrong, 0);
}

/* ------------------------------------------------------------------------ */

int main(void) {
  chc_calendar *ew, *scot, *ni;
  chc_calendar *cals[3];
  signed char *wk;
  long ndays;
  int k;

  FIRST_DAY = D(1900, 1, 1);
  LAST_DAY = D(2199, 12, 31);

  /* The test's own arithmetic, against known facts. */
  CHECK_EQ(FIRST_DAY, -25567);
  CHECK_EQ(LAST_DAY, 84005);
  CHECK_EQ(t_easter(2024), D(2024, 3, 31));
  CHECK_EQ(t_easter(2025), D(2025, 4, 20));
  CHECK_EQ(t_easter(2019), D(2019, 4, 21));
  CHECK_EQ(t_easter(2011), D(2011, 4, 24));
  CHECK_EQ(t_easter(2008), D(2008, 3, 23));
  CHECK_EQ(t_easter(2038), D(2038, 4, 25));
  CHECK_EQ(t_easter(2000), D(2000, 4, 23));
  CHECK_EQ(t_weekday(D(2199, 12, 31)), 2);

  test_versions_and_errors();
  test_day_basics();
  test_day_walk();
  test_parse_format();
  test_builtin_names();

  ew = builtin("england-and-wales");
  scot = builtin("scotland");
  ni = builtin("northern-ireland");
  cals[EW] = ew;
  cals[SCOT] = scot;
  cals[NI] = ni;

  test_null_arguments(ew);
  test_worked_values(ew, scot, ni);
  test_range(ew);

  wk = (signed char *)malloc(NDAYS_MAX);
  if (wk == NULL) return 2;
  for (k = 0; k < 3; ++k) {
    ndays = load_working(cals[k], wk);
    CHECK_EQ(ndays, 109573);
    if (k == EW) {
      test_model(EW, wk, 1995, 2199);
    } else {
      test_model(k, wk, 2029, 2199);
    }
    test_consistency(cals[k], wk, ndays, division_names[k]);
    test_overflow_threshold(cals[k], wk, ndays, division_names[k]);
    test_batch(cals[k], division_names[k]);
    test_batch64(cals[k], wk, ndays, division_names[k]);
  }
  {
    /* A four-day week has fewer working days, so the threshold moves. */
    chc_calendar *four = from_json("{\"base\":\"england-and-wales\",\"working_week\":[\"mon\",\"tue\",\"wed\",\"thu\"]}");
    CHECK(four != NULL);
    if (four != NULL) {
      ndays = load_working(four, wk);
      test_consistency(four, wk, ndays, "four-day week");
      test_overflow_threshold(four, wk, ndays, "four-day week");
      chc_calendar_free(four);
    }
  }
  free(wk);
  test_batch_errors(ew);
  test_batch64_errors(ew);
  test_json_answers(ew);
  test_custom_calendars(ew);
  test_edges(ew);
  test_last_error_lifetime(ew);
  test_import(ew, scot);
  test_threads(ew);

  chc_calendar_free(ew);
  chc_calendar_free(scot);
  chc_calendar_free(ni);

  printf("capi_test: %ld checks, %ld failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
