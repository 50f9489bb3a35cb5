// SPDX-License-Identifier: MIT
/*
 * report_test.c: the report part of the C interface, from C99: options and
 * their errors, cases one at a time and as NDJSON chunks, rejected cases with
 * their reasons, the three formats, and the figures of a register worked out
 * by hand (the same eight cases as tests/unit/report_test.cpp; England and
 * Wales, reporting year 2025/26, 1,000 homes):
 *   CH01 stage 1: B C E F G received in the year -> 5, 5 per 1,000 homes
 *   CH02 stage 1: A B C G answered in the year, B late -> 3 of 4, 75 percent;
 *     C was answered inside its extension, so within the original timescale
 *     only A and G -> 50 percent
 *   withdrawn E left out of CH01 -> 4; D (not accepted) counted in -> 6
 */
#include <chc/chc.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define CHECK_CONTAINS(text, needle)                                                   \
  do {                                                                                 \
    CHECK((text) != NULL && strstr((text), (needle)) != NULL);                         \
    if ((text) != NULL && strstr((text), (needle)) == NULL)                            \
      fprintf(stderr, "    expected to find: %s\n", (needle));                          \
  } while (0)

static const char *const register_lines[] = {
    "{\"id\":\"A\",\"received\":\"2025-03-20\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-03-21\",\"definition\":true},{\"type\":\"response\",\"date\":\"2025-04-02\"}]}",
    "{\"id\":\"B\",\"received\":\"2025-05-01\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-05-02\",\"definition\":true},{\"type\":\"response\",\"date\":\"2025-05-30\"}]}",
    "{\"id\":\"C\",\"received\":\"2025-06-02\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-06-03\",\"definition\":true},{\"type\":\"extension\",\"date\":\"2025-06-10\",\"working_days\":10,\"reason\":\"Survey\",\"ombudsman_details_given\":true},{\"type\":\"response\",\"date\":\"2025-06-25\"}]}",
    "{\"id\":\"D\",\"received\":\"2025-07-01\",\"events\":[{\"type\":\"not_accepted\",\"date\":\"2025-07-03\",\"reason\":\"over_12_months\",\"explanation_given\":true,\"ombudsman_right_given\":true}]}",
    "{\"id\":\"E\",\"received\":\"2025-08-01\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-08-04\",\"definition\":true},{\"type\":\"withdrawn\",\"date\":\"2025-08-06\"}]}",
    "{\"id\":\"F\",\"received\":\"2026-03-25\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2026-03-26\",\"definition\":true}]}",
    "{\"id\":\"G\",\"received\":\"2025-09-01\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-09-02\",\"handler\":\"X\",\"definition\":true},{\"type\":\"response\",\"date\":\"2025-09-10\",\"handler\":\"X\"},{\"type\":\"escalation_requested\",\"date\":\"2025-09-22\"},{\"type\":\"acknowledged\",\"date\":\"2025-09-24\",\"stage\":2,\"handler\":\"Y\",\"definition\":true},{\"type\":\"response\",\"date\":\"2025-10-10\",\"stage\":2,\"handler\":\"Y\"}]}",
    "{\"id\":\"H\",\"received\":\"2026-04-02\",\"events\":[]}",
};
#define REGISTER_SIZE (sizeof register_lines / sizeof register_lines[0])

static chc_day day(const char *iso) {
  chc_day d = 0;
  if (chc_day_parse(&d, iso) != CHC_OK) fprintf(stderr, "bad test date %s\n", iso);
  return d;
}

static chc_report_options year_2025(uint32_t flags) {
  chc_report_options options = CHC_REPORT_OPTIONS_INIT;
  options.flags = flags;
  options.from = day("2025-04-01");
  options.to = day("2026-03-31");
  options.homes = 1000;
  return options;
}

/* The JSON report of the register with `flags`, its cases added one at a time. */
static char *report_json(const chc_ruleset *rules, const chc_calendar *cal, uint32_t flags) {
  chc_report *report = NULL;
  const chc_report_options options = year_2025(flags);
  char *out = NULL;
  size_t i;
  CHECK(chc_report_begin(&report, rules, cal, &options) == CHC_OK);
  for (i = 0; i < REGISTER_SIZE; ++i) CHECK(chc_report_add_case(report, register_lines[i], strlen(register_lines[i])) == CHC_OK);
  CHECK(chc_report_finish(&out, report, CHC_REPORT_JSON) == CHC_OK);
  chc_report_free(report);
  return out;
}

static void test_figures(const chc_ruleset *hoc, const chc_calendar *ew) {
  char *json = report_json(hoc, ew, 0);
  CHECK_CONTAINS(json, "\"CH01\":{\"stage1\":{\"count\":5,\"homes\":1000,\"per_1000_homes\":5}");
  CHECK_CONTAINS(json, "\"responded\":{\"count\":4},\"within_timescale\":3,\"percent\":75,\"late\":{\"count\":1,\"ids\":[\"B\"]}");
  CHECK_CONTAINS(json, "\"within_original_timescale\":2,\"percent_within_original_timescale\":50");
  CHECK_CONTAINS(json, "\"cases_read\":8,\"cases_accepted\":8,\"cases_rejected\":0");
  CHECK_CONTAINS(json, "\"label\":\"2025/26\"");
  chc_string_free(json);

  json = report_json(hoc, ew, CHC_REPORT_EXTENSIONS_ORIGINAL_ONLY);
  CHECK_CONTAINS(json, "\"within_timescale\":2,\"percent\":50");
  chc_string_free(json);
  json = report_json(hoc, ew, CHC_REPORT_EXCLUDE_WITHDRAWN);
  CHECK_CONTAINS(json, "\"CH01\":{\"stage1\":{\"count\":4,");
  chc_string_free(json);
  json = report_json(hoc, ew, CHC_REPORT_INCLUDE_NOT_ACCEPTED);
  CHECK_CONTAINS(json, "\"CH01\":{\"stage1\":{\"count\":6,");
  chc_string_free(json);
  /* No calendar given: each case's own, else the rule set's default (England and Wales). */
  json = report_json(hoc, NULL, 0);
  CHECK_CONTAINS(json, "\"percent\":75,");
  chc_string_free(json);
}

static void test_ndjson_chunks_and_rejections(const chc_ruleset *hoc, const chc_calendar *ew) {
  char text[4096] = "";
  char *json = NULL, *csv = NULL, *html = NULL;
  chc_report *report = NULL;
  const chc_report_options options = year_2025(0);
  size_t i, len;
  for (i = 0; i < REGISTER_SIZE; ++i) {
    strcat(text, register_lines[i]);
    strcat(text, "\n");
  }
  /* Line 9 is not JSON; line 10 is blank; line 11 has a date that does not exist; no final newline. */
  strcat(text, "{\"id\": \"broken\"\n\n{\"id\":\"Z\",\"received\":\"2025-02-30\",\"events\":[]}");
  len = strlen(text);
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_OK);
  for (i = 0; i < len; i += 5) CHECK(chc_report_add_ndjson(report, text + i, len - i < 5 ? len - i : 5) == CHC_OK);
  CHECK(chc_report_add_ndjson(report, NULL, 0) == CHC_OK);
  CHECK(chc_report_finish(&json, report, CHC_REPORT_JSON) == CHC_OK);
  CHECK_CONTAINS(json, "\"cases_read\":10,\"cases_accepted\":8,\"cases_rejected\":2");
  CHECK_CONTAINS(json, "{\"line\":9,");
  CHECK_CONTAINS(json, "{\"line\":11,");
  CHECK_CONTAINS(json, "\"percent\":75,");
  /* Finish again, in the other formats. */
  CHECK(chc_report_finish(&csv, report, CHC_REPORT_CSV) == CHC_OK);
  CHECK_CONTAINS(csv, "CH02,stage1,,,,4,3,75\r\n");
  CHECK(chc_report_finish(&html, report, CHC_REPORT_HTML) == CHC_OK);
  CHECK(html != NULL && strncmp(html, "<!DOCTYPE html>", 15) == 0);
  /* Nothing more may be added once finished. */
  CHECK(chc_report_add_case(report, register_lines[0], strlen(register_lines[0])) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "after chc_report_finish");
  CHECK(chc_report_add_ndjson(report, "\n", 1) == CHC_E_INVALID);
  chc_string_free(json);
  chc_string_free(csv);
  chc_string_free(html);
  chc_report_free(report);

  /* One bad case at a time: its own error code and reason; the report carries on. */
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_OK);
  CHECK(chc_report_add_case(report, "{\"id\": 1", 8) == CHC_E_JSON);
  CHECK_CONTAINS(chc_last_error(), "case rejected");
  CHECK(chc_report_add_case(report, "{\"id\":\"Z\",\"received\":\"2025-02-30\",\"events\":[]}", 46) == CHC_E_DATE);
  CHECK_CONTAINS(chc_last_error(), "2025-02-30");
  CHECK(chc_report_add_case(report, "{\"id\":\"Y\",\"events\":[]}", 22) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "received");
  CHECK(chc_report_add_case(report, register_lines[1], strlen(register_lines[1])) == CHC_OK);
  CHECK(chc_report_finish(&json, report, CHC_REPORT_JSON) == CHC_OK);
  CHECK_CONTAINS(json, "\"cases_read\":4,\"cases_accepted\":1,\"cases_rejected\":3");
  chc_string_free(json);
  chc_report_free(report);
}

static void test_csv_register(const chc_ruleset *hoc, const chc_calendar *ew) {
  /* Cases A and B of the register as CSV rows (with a byte-order mark, CRLF and
   * a column chc does not know), then a row whose date does not exist:
   * A answered in time, B late -> 1 of 2 within timescale, 50 percent. */
  static const char csv[] =
      "\xEF\xBB\xBFid,received,stage1_acknowledged,stage1_definition,stage1_responded,crm_team\r\n"
      "A,2025-03-20,2025-03-21,yes,2025-04-02,North\r\n"
      "B,2025-05-01,2025-05-02,yes,2025-05-30,South\r\n"
      "Z,2025-02-30,,,,South\r\n";
  chc_report *report = NULL;
  const chc_report_options options = year_2025(0);
  char *json = NULL;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_OK);
  CHECK(chc_report_add_csv(report, csv, strlen(csv)) == CHC_OK);
  CHECK(chc_report_add_csv(report, NULL, 0) == CHC_OK);
  CHECK(chc_report_add_csv(NULL, csv, 1) == CHC_E_NULL);
  CHECK(chc_report_add_csv(report, NULL, 1) == CHC_E_NULL);
  CHECK(chc_report_finish(&json, report, CHC_REPORT_JSON) == CHC_OK);
  CHECK_CONTAINS(json, "\"cases_read\":3,\"cases_accepted\":2,\"cases_rejected\":1");
  CHECK_CONTAINS(json, "{\"line\":4,");
  CHECK_CONTAINS(json, "\"responded\":{\"count\":2},\"within_timescale\":1,\"percent\":50,");
  CHECK(chc_report_add_csv(report, csv, strlen(csv)) == CHC_E_INVALID);
  chc_string_free(json);
  chc_report_free(report);
}

static void test_cases_from_csv(void) {
  /* The rows of a register as case records, each as chc_report_add_csv reads it:
   * row 3's "2.5" is no whole number of working days, row 4's "10.0" is 10. */
  static const char csv[] =
      "id,received,stage1_extension_date,stage1_extension_days,crm_team\r\n"
      "A,2025-06-02,,,North\r\n"
      "B,2025-06-02,2025-06-10,2.5,South\r\n"
      "C,2025-06-03,2025-06-10,10.0,\r\n";
  char *json = (char *)(void *)&checks;
  CHECK(chc_cases_from_csv(&json, csv, strlen(csv)) == CHC_OK);
  CHECK_CONTAINS(json, "{\"rows\":[{\"line\":2,\"case\":{\"id\":\"A\",\"received\":\"2025-06-02\",\"events\":[],\"crm_team\":\"North\"}},");
  CHECK_CONTAINS(json, "{\"line\":3,\"error\":\"register line 3, column stage1_extension_days: \\\"2.5\\\" is not a whole number");
  CHECK_CONTAINS(json, "{\"line\":4,\"case\":{\"id\":\"C\",\"received\":\"2025-06-03\",\"events\":[{\"type\":\"extension\","
                       "\"date\":\"2025-06-10\",\"stage\":1,\"working_days\":10}],\"crm_team\":\"\"}}],\"warnings\":[]}");
  chc_string_free(json);
  json = NULL;
  CHECK(chc_cases_from_csv(&json, NULL, 0) == CHC_OK);
  CHECK(json != NULL && strcmp(json, "{\"rows\":[],\"warnings\":[]}") == 0);
  chc_string_free(json);
  json = (char *)(void *)&checks;
  CHECK(chc_cases_from_csv(&json, NULL, 1) == CHC_E_NULL);
  CHECK(json == (char *)(void *)&checks); /* nothing written on failure */
  CHECK(chc_cases_from_csv(NULL, csv, strlen(csv)) == CHC_E_NULL);
}

static void test_bad_arguments(const chc_ruleset *hoc, const chc_calendar *ew) {
  chc_report *const sentinel = (chc_report *)(void *)&checks;
  chc_report *report = sentinel;
  chc_report_options options = year_2025(0);
  char *out = (char *)(void *)&failures;
  static const char invalid_utf8[] = {'R', 'V', 'H', (char)0xC3, (char)0x28, 0};

  CHECK(chc_report_begin(NULL, hoc, ew, &options) == CHC_E_NULL);
  CHECK_CONTAINS(chc_last_error(), "out");
  CHECK(chc_report_begin(&report, NULL, ew, &options) == CHC_E_NULL);
  CHECK_CONTAINS(chc_last_error(), "rules");
  CHECK(chc_report_begin(&report, hoc, ew, NULL) == CHC_E_NULL);
  CHECK_CONTAINS(chc_last_error(), "options");
  options.size = 8;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "options->size");
  options = year_2025(64u);
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "flags");
  options = year_2025(0);
  options.to = day("2025-03-31");
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "report period");
  options = year_2025(0);
  options.to = day("2200-01-01");
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_RANGE);
  options = year_2025(0);
  options.homes = -1000;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "homes: -1000 is negative");
  options = year_2025(0);
  options.homes_lcho = -1;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "homes_lcho");
  options = year_2025(0);
  options.compliance_threshold = 1.5;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "compliance_threshold");
  options = year_2025(0);
  options.landlord = invalid_utf8;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "landlord: not valid UTF-8");
  options = year_2025(0);
  options.evidence_json = "{\"provisions\": [1, 2";
  options.evidence_len = strlen(options.evidence_json);
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_JSON);
  CHECK_CONTAINS(chc_last_error(), "evidence");
  options.evidence_json = "{\"provisions\": {\"6.2\": {\"comply\": \"maybe\"}}}";
  options.evidence_len = strlen(options.evidence_json);
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "evidence.provisions.6.2.comply");
  CHECK(report == sentinel); /* every failure left *out alone */

  options = year_2025(0);
  report = NULL;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_OK);
  CHECK(chc_report_add_case(NULL, "{}", 2) == CHC_E_NULL);
  CHECK(chc_report_add_case(report, NULL, 2) == CHC_E_NULL);
  CHECK_CONTAINS(chc_last_error(), "case_json");
  CHECK(chc_report_add_ndjson(NULL, "\n", 1) == CHC_E_NULL);
  CHECK(chc_report_add_ndjson(report, NULL, 1) == CHC_E_NULL);
  CHECK(chc_report_finish(NULL, report, CHC_REPORT_JSON) == CHC_E_NULL);
  CHECK(chc_report_finish(&out, NULL, CHC_REPORT_JSON) == CHC_E_NULL);
  CHECK(chc_report_finish(&out, report, 3) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "format");
  CHECK(out == (char *)(void *)&failures);
  chc_report_free(report);
  chc_report_free(NULL);
}

/* The options struct's promise: a caller built against its first version,
 * which passes that version's size, keeps working whatever is appended.
 * The first version ends with compliance_threshold (72 bytes on LP64). */
static void test_first_version_options(const chc_ruleset *hoc, const chc_calendar *ew) {
  const uint32_t first_size = (uint32_t)(offsetof(chc_report_options, compliance_threshold) + sizeof(double));
  chc_report_options options = year_2025(0);
  chc_report *report = NULL;
  if (sizeof(void *) == 8) CHECK(first_size == 72);
  options.size = first_size;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_OK);
  chc_report_free(report);
  report = NULL;
  options.size = first_size - 1;
  CHECK(chc_report_begin(&report, hoc, ew, &options) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "options->size");
  CHECK(report == NULL);

  /* The defaults alone leave the required period unset: an error, not a 1970 report. */
  const chc_report_options defaults = CHC_REPORT_OPTIONS_INIT;
  CHECK(chc_report_begin(&report, hoc, ew, &defaults) == CHC_E_INVALID);
  CHECK_CONTAINS(chc_last_error(), "options->from, options->to: the period is required");
  CHECK(report == NULL);

  chc_evaluate_options evaluate = CHC_EVALUATE_OPTIONS_INIT;
  char *json = NULL;
  static const char case_json[] = "{\"id\":\"A\",\"received\":\"2025-06-02\",\"events\":[]}";
  evaluate.size = 8; /* the first chc_evaluate_options */
  CHECK(chc_evaluate_ex(&json, hoc, ew, case_json, sizeof case_json - 1, 20250, &evaluate) == CHC_OK);
  chc_string_free(json);
  evaluate.size = 7;
  CHECK(chc_evaluate_ex(&json, hoc, ew, case_json, sizeof case_json - 1, 20250, &evaluate) == CHC_E_INVALID);
}

int main(void) {
  chc_ruleset *hoc = NULL;
  chc_calendar *ew = NULL;
  if (chc_ruleset_builtin(&hoc, "hoc") != CHC_OK || chc_calendar_builtin(&ew, "england-and-wales") != CHC_OK) {
    fprintf(stderr, "cannot load the built-ins: %s\n", chc_last_error());
    return 1;
  }
  test_figures(hoc, ew);
  test_ndjson_chunks_and_rejections(hoc, ew);
  test_csv_register(hoc, ew);
  test_cases_from_csv();
  test_bad_arguments(hoc, ew);
  test_first_version_options(hoc, ew);
  chc_calendar_free(ew);
  chc_ruleset_free(hoc);
  printf("report_test: %ld checks, %ld failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
