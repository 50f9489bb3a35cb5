// SPDX-License-Identifier: MIT
/* Input chc could misread, from C (docs/bad-input.md, "Near-misses"): a
 * case's, a register's or an evidence file's key nearly one of chc's is a
 * warning naming both in the answer's JSON ("warnings", the report's
 * "input.warnings"), and CHC_STRICT makes it CHC_E_SCHEMA with the same
 * words; a required key misspelt, or a register header chc cannot read, is
 * an error naming what was meant. The JSON is checked as text: a warning's
 * quotes are escaped there. */
#include <chc/chc.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define CHECK_CONTAINS(text, needle)                                                   \
  do {                                                                                 \
    CHECK((text) != NULL && strstr((text), (needle)) != NULL);                         \
    if ((text) != NULL && strstr((text), (needle)) == NULL)                            \
      fprintf(stderr, "    expected to find: %s\n    in: %.400s\n", (needle), (text)); \
  } while (0)

static const char stge[] = "{\"id\":\"C1\",\"received\":\"2025-06-02\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-06-03\",\"stge\":1}]}";

static int evaluate(char **out, const chc_ruleset *rules, const char *json, uint32_t flags) {
  chc_evaluate_options options = CHC_EVALUATE_OPTIONS_INIT;
  options.flags = flags;
  return chc_evaluate_ex(out, rules, NULL, json, strlen(json), 20500, &options);
}

static void test_cases(const chc_ruleset *hoc) {
  char *out = NULL;
  CHECK(evaluate(&out, hoc, stge, 0) == CHC_OK);
  CHECK_CONTAINS(out, "\"warnings\":[\"case.events[0]: \\\"stge\\\": did you mean \\\"stage\\\"?\"]");
  chc_string_free(out);
  out = NULL;
  CHECK(evaluate(&out, hoc, stge, CHC_STRICT) == CHC_E_SCHEMA);
  CHECK(out == NULL);
  CHECK_CONTAINS(chc_last_error(), "case.events[0]: \"stge\": did you mean \"stage\"? (strict: every warning is an error)");

  /* A clean case has an empty list, whatever the flags. */
  static const char clean[] = "{\"id\":\"C2\",\"received\":\"2025-06-02\",\"x-crm-colour\":\"red\",\"events\":[]}";
  CHECK(evaluate(&out, hoc, clean, CHC_STRICT) == CHC_OK);
  CHECK_CONTAINS(out, "\"warnings\":[]");
  chc_string_free(out);

  static const char recieved[] = "{\"id\":\"C1\",\"recieved\":\"2025-06-02\",\"events\":[]}";
  CHECK(evaluate(&out, hoc, recieved, 0) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "case.received: required field is missing (\"recieved\": did you mean \"received\"?)");
  static const char respnse[] = "{\"id\":\"C1\",\"received\":\"2025-06-02\",\"events\":[{\"type\":\"respnse\",\"date\":\"2025-06-03\"}]}";
  CHECK(evaluate(&out, hoc, respnse, 0) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "unknown event type \"respnse\"; did you mean \"response\"?");
  static const char reason[] =
      "{\"id\":\"C1\",\"received\":\"2025-06-02\",\"events\":[{\"type\":\"not_accepted\",\"date\":\"2025-06-03\",\"reason\":\"over_12_month\"}]}";
  CHECK(evaluate(&out, hoc, reason, 0) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "\"over_12_month\" is not an exclusion under hoc-2024; did you mean \"over_12_months\"?");
  static const char letter[] =
      "{\"id\":\"C1\",\"received\":\"2025-06-02\",\"events\":[{\"type\":\"acknowledged\",\"date\":\"2025-06-03\"},"
      "{\"type\":\"response\",\"date\":\"2025-06-10\",\"letter\":{\"stage\":true,\"outstanding_action\":true}}]}";
  CHECK(evaluate(&out, hoc, letter, 0) == CHC_OK);
  CHECK_CONTAINS(out, "case.events[1].letter: \\\"outstanding_action\\\": did you mean \\\"outstanding_actions\\\"?");
  chc_string_free(out);
}

static chc_report_options year_2025(uint32_t flags) {
  chc_report_options options = CHC_REPORT_OPTIONS_INIT;
  options.flags = flags;
  options.from = 20179; /* 2025-04-01 */
  options.to = 20543;   /* 2026-03-31 */
  return options;
}

/* Adds `csv` to a fresh report; its add code, and *json the report when it finished. */
static int report_csv(char **json, const chc_ruleset *hoc, const char *csv, uint32_t flags) {
  chc_report *report = NULL;
  const chc_report_options options = year_2025(flags);
  *json = NULL;
  if (chc_report_begin(&report, hoc, NULL, &options) != CHC_OK) return -100;
  const int code = chc_report_add_csv(report, csv, strlen(csv));
  if (code == CHC_OK) CHECK(chc_report_finish(json, report, CHC_REPORT_JSON) == CHC_OK);
  chc_report_free(report);
  return code;
}

static void test_registers(const chc_ruleset *hoc) {
  char *json = NULL;
  static const char acknowleged[] = "id,received,stage1_acknowleged\nA1,2025-06-02,2025-06-03\n";
  CHECK(report_csv(&json, hoc, acknowleged, 0) == CHC_OK);
  CHECK_CONTAINS(json, "register CSV header: \\\"stage1_acknowleged\\\": did you mean \\\"stage1_acknowledged\\\"?");
  CHECK_CONTAINS(json, "\"cases_read\":1,\"cases_accepted\":1");
  chc_string_free(json);
  CHECK(report_csv(&json, hoc, acknowleged, CHC_STRICT) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "did you mean \"stage1_acknowledged\"? (strict: every warning is an error)");
  CHECK(report_csv(&json, hoc, "id,recieved\nA1,2025-06-02\n", 0) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "register CSV header: no \"received\" column, which every register needs (\"recieved\": did you mean \"received\"?)");
  CHECK(report_csv(&json, hoc, "id,received,Received\nA1,2025-06-02,2025-06-03\n", 0) == CHC_E_SCHEMA);
  CHECK_CONTAINS(chc_last_error(), "register CSV header: column \"received\" appears twice (columns 2 and 3)");

  /* A register line with a near-miss counts, and says so with its line; strict rejects it. */
  chc_report *report = NULL;
  chc_report_options options = year_2025(0);
  char line[256];
  snprintf(line, sizeof line, "%s\n", stge);
  CHECK(chc_report_begin(&report, hoc, NULL, &options) == CHC_OK);
  CHECK(chc_report_add_ndjson(report, line, strlen(line)) == CHC_OK);
  CHECK(chc_report_finish(&json, report, CHC_REPORT_JSON) == CHC_OK);
  CHECK_CONTAINS(json, "line 1: case.events[0]: \\\"stge\\\": did you mean \\\"stage\\\"?");
  CHECK_CONTAINS(json, "\"cases_with_warnings\":1");
  chc_string_free(json);
  chc_report_free(report);
  options = year_2025(CHC_STRICT);
  CHECK(chc_report_begin(&report, hoc, NULL, &options) == CHC_OK);
  CHECK(chc_report_add_ndjson(report, line, strlen(line)) == CHC_OK);
  CHECK(chc_report_finish(&json, report, CHC_REPORT_JSON) == CHC_OK);
  CHECK_CONTAINS(json, "\"cases_read\":1,\"cases_accepted\":0,\"cases_rejected\":1");
  CHECK_CONTAINS(json, "(strict: every warning is an error)");
  chc_string_free(json);
  chc_report_free(report);

  /* The evidence file's near-miss; under strict the report refuses to begin. */
  static const char evidence[] = "{\"provisions\": {\"4.1\": {\"comply\": \"yes\", \"evidance\": \"Complaints officer named\"}}}";
  options = year_2025(0);
  options.evidence_json = evidence;
  options.evidence_len = strlen(evidence);
  CHECK(chc_report_begin(&report, hoc, NULL, &options) == CHC_OK);
  CHECK(chc_report_finish(&json, report, CHC_REPORT_JSON) == CHC_OK);
  CHECK_CONTAINS(json, "evidence.provisions.4.1: \\\"evidance\\\": did you mean \\\"evidence\\\"?");
  chc_string_free(json);
  chc_report_free(report);
  report = NULL;
  options.flags = CHC_STRICT;
  CHECK(chc_report_begin(&report, hoc, NULL, &options) == CHC_E_SCHEMA);
  CHECK(report == NULL);
}

int main(void) {
  chc_ruleset *hoc = NULL;
  if (chc_ruleset_builtin(&hoc, "hoc-2024") != CHC_OK) {
    fprintf(stderr, "cannot load hoc-2024: %s\n", chc_last_error());
    return 1;
  }
  test_cases(hoc);
  test_registers(hoc);
  chc_ruleset_free(hoc);
  printf("warnings_test: %ld checks, %ld failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
