// SPDX-License-Identifier: MIT
/*
 * calendar_warnings_test.c: calendar input chc could misread, through the C
 * ABI from C99: near-miss keys (a warning in chc_calendar_info_json, an error
 * under CHC_STRICT), GOV.UK imports of real older copies that would remove or
 * move a day chc knows, the flags' checks, and history before the verified
 * range. Each docs/bad-input.md "near-miss" row is run here by its id.
 * argv[1] is tests/data. Expected dates are worked by hand (comments).
 */
#include <chc/chc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *data_dir = ".";

static chc_day day(const char *iso) {
  chc_day d = 0;
  if (chc_day_parse(&d, iso) != CHC_OK) fprintf(stderr, "bad test date %s\n", iso);
  return d;
}

static int working(const chc_calendar *cal, const char *iso) {
  int w = -1;
  if (chc_calendar_is_working_day(&w, cal, day(iso)) != CHC_OK) return -1;
  return w;
}

/* The info JSON of `cal` (the caller frees it), or NULL. */
static char *info(const chc_calendar *cal) {
  char *out = NULL;
  if (chc_calendar_info_json(&out, cal) != CHC_OK) return NULL;
  return out;
}

/* Whether `cal`'s info JSON contains `words` (JSON-escaped as chc writes them). */
static int info_has(const chc_calendar *cal, const char *words) {
  char *text = info(cal);
  const int found = text != NULL && strstr(text, words) != NULL;
  if (!found) fprintf(stderr, "    info JSON lacks: %s\n    it is: %.600s\n", words, text ? text : "(none)");
  chc_string_free(text);
  return found;
}

static char *read_file(const char *name, size_t *len) {
  char path[1024];
  FILE *f;
  char *text;
  long size;
  snprintf(path, sizeof path, "%s/%s", data_dir, name);
  f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = malloc((size_t)size + 1);
  if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) exit(2);
  text[size] = '\0';
  fclose(f);
  *len = (size_t)size;
  return text;
}

static const char acme_typo[] =
    "{\"name\": \"Acme Homes\", \"base\": \"england-and-wales\","
    " \"closure\": [{\"from\": \"2025-12-29\", \"to\": \"2025-12-31\", \"name\": \"Christmas shutdown\"}]}";
static const char acme_fixed[] =
    "{\"name\": \"Acme Homes\", \"base\": \"england-and-wales\","
    " \"closures\": [{\"from\": \"2025-12-29\", \"to\": \"2025-12-31\", \"name\": \"Christmas shutdown\"}]}";

/* The docs/bad-input.md "near-miss" rows, by id. */
static void test_near_miss_rows(void) {
  chc_calendar *cal = NULL, *ew = NULL;
  chc_day due = 0;
  size_t len = 0;
  char *doc;

  /* near-miss-calendar-key: a warning; the closures are not applied, so Fri
     2025-12-19 + 10 working days (skipping 25, 26 Dec and 1 Jan) is 2026-01-07. */
  CHECK(chc_calendar_from_json(&cal, acme_typo, strlen(acme_typo)) == CHC_OK);
  CHECK(info_has(cal, "calendar: \\\"closure\\\": did you mean \\\"closures\\\"?"));
  CHECK(chc_calendar_add_working_days(&due, cal, day("2025-12-19"), 10) == CHC_OK && due == day("2026-01-07"));
  chc_calendar_free(cal);
  cal = NULL;
  /* Corrected, 29-31 December close too: 2026-01-12. */
  CHECK(chc_calendar_from_json_ex(&cal, acme_fixed, strlen(acme_fixed), CHC_STRICT) == CHC_OK);
  CHECK(chc_calendar_add_working_days(&due, cal, day("2025-12-19"), 10) == CHC_OK && due == day("2026-01-12"));
  chc_calendar_free(cal);
  cal = NULL;

  /* near-miss-calendar-key-strict */
  CHECK(chc_calendar_from_json_ex(&cal, acme_typo, strlen(acme_typo), CHC_STRICT) == CHC_E_SCHEMA && cal == NULL);
  CHECK(strstr(chc_last_error(), "calendar: \"closure\": did you mean \"closures\"?") != NULL);

  /* near-miss-calendar-case */
  {
    static const char json[] = "{\"base\": \"scotland\", \"Working_Week\": [\"mon\"]}";
    CHECK(chc_calendar_from_json(&cal, json, strlen(json)) == CHC_OK);
    CHECK(info_has(cal, "calendar: \\\"Working_Week\\\": did you mean \\\"working_week\\\"?"));
    chc_calendar_free(cal);
    cal = NULL;
  }
  /* near-miss-calendar-nested */
  {
    static const char json[] =
        "{\"base\": \"scotland\", \"closures\": [{\"date\": \"2025-07-04\", \"name\": \"Staff day\", \"note\": \"x\"}]}";
    CHECK(chc_calendar_from_json(&cal, json, strlen(json)) == CHC_OK);
    CHECK(info_has(cal, "calendar.closures[0]: \\\"note\\\": did you mean \\\"notes\\\"?"));
    chc_calendar_free(cal);
    cal = NULL;
  }
  /* near-miss-calendar-required */
  {
    static const char json[] =
        "{\"base\": \"scotland\", \"closures\": [{\"form\": \"2025-07-01\", \"to\": \"2025-07-04\", \"name\": \"x\"}]}";
    CHECK(chc_calendar_from_json(&cal, json, strlen(json)) == CHC_E_SCHEMA && cal == NULL);
    CHECK(strstr(chc_last_error(), "calendar.closures[0].from: required field is missing (\"form\": did you mean \"from\"?)") != NULL);
  }
  /* near-miss-calendar-base */
  {
    static const char json[] = "{\"base\": \"Scotland\"}";
    CHECK(chc_calendar_from_json(&cal, json, strlen(json)) == CHC_E_UNKNOWN_NAME && cal == NULL);
    CHECK(strstr(chc_last_error(), "calendar.base: \"Scotland\": did you mean \"scotland\"?") != NULL);
  }
  /* near-miss-calendar-weekday */
  {
    static const char json[] = "{\"base\": \"scotland\", \"working_week\": [\"mnday\"]}";
    CHECK(chc_calendar_from_json(&cal, json, strlen(json)) == CHC_E_SCHEMA && cal == NULL);
    CHECK(strstr(chc_last_error(), "calendar.working_week[0]: \"mnday\": did you mean \"monday\"?") != NULL);
  }
  /* near-miss-govuk-event */
  CHECK(chc_calendar_builtin(&ew, "england-and-wales") == CHC_OK);
  {
    static const char json[] =
        "{\"england-and-wales\": {\"events\": [{\"title\": \"New Year\\u2019s Day\", \"date\": \"2031-01-01\", \"buntin\": true}]}}";
    CHECK(chc_calendar_import_govuk(&cal, ew, json, strlen(json), NULL) == CHC_OK);
    CHECK(info_has(cal, "bank-holidays.json.england-and-wales.events[0]: \\\"buntin\\\": did you mean \\\"bunting\\\"?"));
    chc_calendar_free(cal);
    cal = NULL;
    CHECK(chc_calendar_import_govuk_ex(&cal, ew, json, strlen(json), NULL, CHC_STRICT) == CHC_E_SCHEMA && cal == NULL);
    CHECK(strstr(chc_last_error(), "\"buntin\": did you mean \"bunting\"?") != NULL);
  }
  /* govuk-conflict-kept, -file-wins and -strict: a real copy of 2025-08-17. */
  doc = read_file("govuk/bank-holidays-2025-08-17.json", &len);
  {
    chc_calendar *scot = NULL;
    CHECK(chc_calendar_builtin(&scot, "scotland") == CHC_OK);
    CHECK(chc_calendar_import_govuk(&cal, scot, doc, len, NULL) == CHC_OK);
    CHECK(working(cal, "2026-06-15") == 0);
    CHECK(info_has(cal, "the document would remove 2026-06-15 World Cup bank holiday (scotland, one_off, official)"));
    CHECK(info_has(cal, "\"conflicts\":1,\"kept\":1,\"overridden\":0,\"policy\":\"keep_newer\""));
    chc_calendar_free(cal);
    cal = NULL;
    CHECK(chc_calendar_import_govuk_ex(&cal, scot, doc, len, "copy-2025-08-17", CHC_IMPORT_FILE_WINS) == CHC_OK);
    CHECK(working(cal, "2026-06-15") == 1);
    CHECK(info_has(cal, "\"data_version\":\"copy-2025-08-17\""));
    CHECK(info_has(cal, "\"overridden\":1,\"policy\":\"file_wins\""));
    CHECK(info_has(cal, "the document's days used (file_wins)"));
    chc_calendar_free(cal);
    cal = NULL;
    CHECK(chc_calendar_import_govuk_ex(&cal, scot, doc, len, NULL, CHC_STRICT) == CHC_E_SCHEMA && cal == NULL);
    CHECK(strstr(chc_last_error(), "the document would remove 2026-06-15 World Cup bank holiday") != NULL);
    /* England and Wales agree with the copy: no conflict even under strict. */
    CHECK(chc_calendar_import_govuk_ex(&cal, ew, doc, len, NULL, CHC_STRICT) == CHC_OK);
    CHECK(info_has(cal, "\"warnings\":[]"));
    chc_calendar_free(cal);
    cal = NULL;
    chc_calendar_free(scot);
  }
  free(doc);

  /* govuk-flags-unknown and calendar-flags-unknown */
  CHECK(chc_calendar_import_govuk_ex(&cal, ew, "{}", 2, NULL, 0x20u) == CHC_E_INVALID && cal == NULL);
  CHECK(strstr(chc_last_error(), "flags: unknown flag bits") != NULL);
  CHECK(chc_calendar_from_json_ex(&cal, acme_fixed, strlen(acme_fixed), 0x20u) == CHC_E_INVALID && cal == NULL);
  CHECK(strstr(chc_last_error(), "flags: unknown flag bits") != NULL);
  CHECK(chc_calendar_from_json_ex(NULL, acme_fixed, strlen(acme_fixed), 0) == CHC_E_NULL);
  CHECK(chc_calendar_import_govuk_ex(&cal, NULL, "{}", 2, NULL, 0) == CHC_E_NULL);
  chc_calendar_free(ew);
}

/* The other two real copies of docs/calendars.md's examples. */
static void test_older_copies(void) {
  chc_calendar *ew = NULL, *cal = NULL;
  chc_day due = 0;
  size_t len = 0;
  char *doc;
  CHECK(chc_calendar_builtin(&ew, "england-and-wales") == CHC_OK);

  /* 2022-01-24: lacks 19 September 2022 and 8 May 2023. Fri 16 Sep 2022 + 5
     working days skipping Monday 19 is Mon 26 Sep; without it, Fri 23. */
  doc = read_file("govuk/bank-holidays-2022-01-24.json", &len);
  CHECK(chc_calendar_import_govuk(&cal, ew, doc, len, NULL) == CHC_OK);
  CHECK(working(cal, "2022-09-19") == 0 && working(cal, "2023-05-08") == 0);
  CHECK(chc_calendar_add_working_days(&due, cal, day("2022-09-16"), 5) == CHC_OK && due == day("2022-09-26"));
  CHECK(info_has(cal, "\"first_year\":2012,\"last_year\":2023"));
  CHECK(info_has(cal, "\"conflicts\":2,\"kept\":2"));
  chc_calendar_free(cal);
  cal = NULL;
  CHECK(chc_calendar_import_govuk_ex(&cal, ew, doc, len, NULL, CHC_IMPORT_FILE_WINS) == CHC_OK);
  CHECK(chc_calendar_add_working_days(&due, cal, day("2022-09-16"), 5) == CHC_OK && due == day("2022-09-23"));
  chc_calendar_free(cal);
  cal = NULL;
  free(doc);

  /* 2020-01-23: still has the early May holiday on Monday 4 May 2020. */
  doc = read_file("govuk/bank-holidays-2020-01-23.json", &len);
  CHECK(chc_calendar_import_govuk(&cal, ew, doc, len, NULL) == CHC_OK);
  CHECK(working(cal, "2020-05-08") == 0 && working(cal, "2020-05-04") == 1);
  CHECK(info_has(cal, "would move 2020-05-08 Early May bank holiday (VE day) (england-and-wales, one_off, official) to 2020-05-04"));
  {
    char *json = NULL;
    CHECK(chc_calendar_holidays_json(&json, cal, day("2020-05-01"), day("2020-05-31")) == CHC_OK);
    CHECK(json != NULL && strstr(json, "\"date\":\"2020-05-08\"") != NULL && strstr(json, "\"kind\":\"one_off\"") != NULL);
    CHECK(json != NULL && strstr(json, "2020-05-04") == NULL);
    chc_string_free(json);
  }
  chc_calendar_free(cal);
  cal = NULL;
  CHECK(chc_calendar_import_govuk_ex(&cal, ew, doc, len, NULL, CHC_IMPORT_FILE_WINS) == CHC_OK);
  {
    char *json = NULL;
    CHECK(chc_calendar_holidays_json(&json, cal, day("2020-05-04"), day("2020-05-04")) == CHC_OK);
    CHECK(json != NULL && strstr(json, "\"kind\":\"standing\"") != NULL && strstr(json, "\"source\":\"imported\"") != NULL);
    chc_string_free(json);
  }
  chc_calendar_free(cal);
  free(doc);
  chc_calendar_free(ew);
}

static void test_history(void) {
  chc_calendar *ew = NULL, *scot = NULL;
  char *json = NULL;
  CHECK(chc_calendar_builtin(&ew, "england-and-wales") == CHC_OK);
  CHECK(chc_calendar_builtin(&scot, "scotland") == CHC_OK);
  /* HC Deb 19 January 1977: Spring Bank Holiday Monday 6 June, Silver Jubilee
     Tuesday 7 June in England, Wales and Northern Ireland; not in Scotland. */
  CHECK(working(ew, "1977-05-30") == 1 && working(ew, "1977-06-06") == 0 && working(ew, "1977-06-07") == 0);
  CHECK(working(scot, "1977-06-07") == 1);
  /* HC Deb 03 June 1965: 3 June 1968 (Whit Monday); in Scotland in place of 6 May. */
  CHECK(working(ew, "1968-06-03") == 0 && working(ew, "1968-05-27") == 1);
  CHECK(working(scot, "1968-06-03") == 0 && working(scot, "1968-05-06") == 1);
  CHECK(info_has(ew, "\"verified_from\":\"1995-01-01\""));
  /* Fri 3 June 1977 to Wed 8 June: the answer names its source and warns. */
  CHECK(chc_calendar_explain_json(&json, ew, day("1977-06-03"), day("1977-06-08")) == CHC_OK);
  CHECK(json != NULL && strstr(json, "\"working_days\":1") != NULL);
  CHECK(json != NULL && strstr(json, "\"reference\":\"HC Deb 19 January 1977 vol 924 cc191-3W") != NULL);
  CHECK(json != NULL && strstr(json, "calendar: 1977-06-03 is before 1995-01-01") != NULL);
  chc_string_free(json);
  json = NULL;
  CHECK(chc_calendar_explain_json(&json, ew, day("2024-12-20"), day("2024-12-31")) == CHC_OK);
  CHECK(json != NULL && strstr(json, "\"warnings\":[]") != NULL);
  chc_string_free(json);
  chc_calendar_free(ew);
  chc_calendar_free(scot);
}

int main(int argc, char **argv) {
  if (argc > 1) data_dir = argv[1];
  test_near_miss_rows();
  test_older_copies();
  test_history();
  printf("%ld checks, %ld failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
