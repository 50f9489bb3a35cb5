// SPDX-License-Identifier: MIT
/*
 * evaluate_test.c: the rule-set and evaluation part of the C interface, from
 * C99: ownership, NULL and bad arguments, the options struct, and a worked
 * case whose deadlines were computed by hand from the England and Wales
 * calendar.
 */
#include <chc/chc.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

static const char *worked_case =
    "{\"id\": \"C-1\", \"received\": \"2024-12-20\", \"crm\": {\"keep\": [1, 2]}, \"events\": ["
    "{\"type\": \"acknowledged\", \"date\": \"2024-12-23\", \"handler\": \"A. Khan\", \"definition\": true},"
    "{\"type\": \"x-call\", \"date\": \"2024-12-24\"}]}";

static chc_day day(const char *iso) {
  chc_day d = 0;
  if (chc_day_parse(&d, iso) != CHC_OK) fprintf(stderr, "bad test date %s\n", iso);
  return d;
}

int main(void) {
  chc_ruleset *hoc = NULL, *overlay = NULL, *bad = (chc_ruleset *)0x1;
  chc_calendar *ew = NULL;
  char *out = NULL;
  chc_day d = -1;

  CHECK(chc_ruleset_builtin(&hoc, "hoc") == CHC_OK && hoc != NULL);
  CHECK(chc_calendar_builtin(&ew, "england-and-wales") == CHC_OK);
  CHECK(chc_ruleset_builtin(&bad, "hoc-2099") == CHC_E_UNKNOWN_NAME && bad == (chc_ruleset *)0x1);
  CHECK(strstr(chc_last_error(), "hoc-2099") != NULL);
  CHECK(chc_ruleset_builtin(NULL, "hoc") == CHC_E_NULL);
  CHECK(chc_ruleset_builtin(&bad, NULL) == CHC_E_NULL);

  /* Received Friday 2024-12-20: acknowledgement due 5 working days later on
     Tuesday 2024-12-31 (skipping the weekends and 25-26 December); acknowledged
     Monday 2024-12-23, so the response is due 10 working days after it:
     24, 27, 30, 31 Dec, 2, 3, 6, 7, 8, 9 Jan -> 2025-01-09. */
  CHECK(chc_evaluate(&out, hoc, ew, worked_case, strlen(worked_case), day("2025-01-06")) == CHC_OK);
  if (out) {
    CHECK(strstr(out, "\"rules\":\"hoc-2024\"") != NULL);
    CHECK(strstr(out, "\"status\":\"awaiting_response\"") != NULL);
    CHECK(strstr(out, "\"name\":\"stage1_acknowledgement\"") != NULL);
    CHECK(strstr(out, "\"due\":\"2024-12-31\",\"original_due\":\"2024-12-31\",\"met\":\"2024-12-23\",\"state\":\"met\"") != NULL);
    CHECK(strstr(out, "\"due\":\"2025-01-09\",\"original_due\":\"2025-01-09\",\"met\":null,\"state\":\"pending\"") != NULL);
    CHECK(strstr(out, "\"working_days_remaining\":3") != NULL); /* 7, 8, 9 January */
    CHECK(strstr(out, "\"case\"") == NULL);
    chc_string_free(out);
    out = NULL;
  }
  /* A NULL calendar: the rule set's default (england-and-wales) gives the same dates. */
  CHECK(chc_evaluate(&out, hoc, NULL, worked_case, strlen(worked_case), day("2025-01-06")) == CHC_OK);
  if (out) CHECK(strstr(out, "\"due\":\"2025-01-09\"") != NULL);
  chc_string_free(out);
  out = NULL;

  /* Options: explain adds skipped days; echo gives the record back unchanged. */
  {
    chc_evaluate_options options = CHC_EVALUATE_OPTIONS_INIT;
    options.flags = CHC_EVALUATE_EXPLAIN | CHC_EVALUATE_ECHO_CASE;
    CHECK(chc_evaluate_ex(&out, hoc, ew, worked_case, strlen(worked_case), day("2025-01-06"), &options) == CHC_OK);
    if (out) {
      CHECK(strstr(out, "\"skipped\"") != NULL);
      CHECK(strstr(out, "\"date\":\"2024-12-25\"") != NULL);
      CHECK(strstr(out, "\"crm\": {\"keep\": [1, 2]}") != NULL);
      chc_string_free(out);
      out = NULL;
    }
    options.flags = 0x80u;
    CHECK(chc_evaluate_ex(&out, hoc, ew, worked_case, strlen(worked_case), day("2025-01-06"), &options) == CHC_E_INVALID);
    CHECK(strstr(chc_last_error(), "flags") != NULL);
    options.flags = 0;
    options.size = 4;
    CHECK(chc_evaluate_ex(&out, hoc, ew, worked_case, strlen(worked_case), day("2025-01-06"), &options) == CHC_E_INVALID);
    CHECK(out == NULL);
  }

  /* Bad arguments: nothing written, the message names the problem. */
  CHECK(chc_evaluate(NULL, hoc, ew, worked_case, strlen(worked_case), 0) == CHC_E_NULL);
  CHECK(chc_evaluate(&out, NULL, ew, worked_case, strlen(worked_case), 0) == CHC_E_NULL);
  CHECK(chc_evaluate(&out, hoc, ew, NULL, 0, 0) == CHC_E_NULL);
  CHECK(chc_evaluate(&out, hoc, ew, "{", 1, day("2025-01-06")) == CHC_E_JSON && out == NULL);
  CHECK(chc_evaluate(&out, hoc, ew, worked_case, 20, day("2025-01-06")) == CHC_E_JSON && out == NULL);
  {
    const char *bad_date = "{\"id\": \"C\", \"received\": \"2025-02-30\", \"events\": []}";
    CHECK(chc_evaluate(&out, hoc, ew, bad_date, strlen(bad_date), day("2025-03-06")) == CHC_E_DATE && out == NULL);
    CHECK(strstr(chc_last_error(), "case.received") != NULL);
  }
  CHECK(chc_evaluate(&out, hoc, ew, worked_case, strlen(worked_case), -1000000) == CHC_E_RANGE && out == NULL);

  /* Overlays: stricter accepted, looser rejected naming the provision. */
  {
    const char *strict = "{\"name\": \"Acme\", \"base\": \"hoc-2024\", \"targets\": {\"stage1_response\": 8}}";
    const char *loose = "{\"base\": \"hoc-2024\", \"targets\": {\"stage1_response\": 12}}";
    CHECK(chc_ruleset_from_json(&overlay, strict, strlen(strict)) == CHC_OK);
    CHECK(chc_ruleset_from_json(&bad, loose, strlen(loose)) == CHC_E_INVALID);
    CHECK(strstr(chc_last_error(), "6.3") != NULL);
    if (overlay) {
      /* Target: 8 working days after 2024-12-23 -> 2025-01-07. */
      CHECK(chc_evaluate(&out, overlay, ew, worked_case, strlen(worked_case), day("2025-01-06")) == CHC_OK);
      if (out) CHECK(strstr(out, "\"target\":{\"working_days\":8,\"due\":\"2025-01-07\",\"state\":\"pending\"}") != NULL);
      chc_string_free(out);
      out = NULL;
      CHECK(chc_ruleset_info_json(&out, overlay) == CHC_OK && out && strstr(out, "\"target_working_days\":8"));
      chc_string_free(out);
      out = NULL;
    }
  }

  /* The catalogue: 72 provisions of the 2024 Code. */
  CHECK(chc_ruleset_provisions_json(&out, hoc) == CHC_OK);
  if (out) {
    long count = 0;
    for (const char *p = out; (p = strstr(p, "\"section\":")) != NULL; ++p) ++count;
    CHECK(count == 72);
    CHECK(strstr(out, "\"id\":\"6.13\"") != NULL);
    chc_string_free(out);
    out = NULL;
  }

  /* Normalising keeps every byte of the record and adds the London date of a timestamp. */
  {
    const char *stamped = "{\"id\": 7, \"received\": \"2025-06-13T23:30:00Z\", \"x\": {\"y\": null}, \"events\": []}";
    CHECK(chc_case_normalize(&out, stamped, strlen(stamped)) == CHC_OK);
    if (out) {
      CHECK(strcmp(out, "{\"id\": 7, \"received\": \"2025-06-13T23:30:00Z\", \"x\": {\"y\": null}, \"events\": []"
                        ",\"chc_received_date\":\"2025-06-14\"}") == 0);
      chc_string_free(out);
      out = NULL;
    }
  }

  /* Timestamps and today. */
  CHECK(chc_timestamp_to_day(&d, "2025-06-13T23:30:00Z") == CHC_OK && d == day("2025-06-14"));
  CHECK(chc_timestamp_to_day(&d, "2025-01-13T23:30:00Z") == CHC_OK && d == day("2025-01-13"));
  CHECK(chc_timestamp_to_day(&d, "teatime") == CHC_E_DATE);
  CHECK(chc_today(&d) == CHC_OK && d > day("2024-01-01"));

  chc_ruleset_free(NULL);
  chc_ruleset_free(hoc);
  chc_ruleset_free(overlay);
  chc_calendar_free(ew);
  printf("%ld checks, %ld failed\n", checks, failures);
  return failures ? 1 : 0;
}
