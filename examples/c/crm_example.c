// SPDX-License-Identifier: MIT
/*
 * crm_example.c: how a CRM written in C uses chc through its stable ABI.
 *
 * It loads the England and Wales calendar and the Housing Ombudsman rule set,
 * evaluates one complaint read from a file (or a built-in example), prints
 * the due dates, and shows what a bad input looks like. Every call's return
 * code is checked; every object and string is released.
 *
 *   crm_example [case.json] [as-of YYYY-MM-DD]
 */
#include <chc/chc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *example_case =
    "{\"id\": \"CRM-77\", \"received\": \"2024-12-20T16:05:00Z\", \"events\": ["
    "{\"type\": \"acknowledged\", \"date\": \"2024-12-23\", \"handler\": \"P. Patel\", \"definition\": true}]}";

/* Prints the failing call and chc's message; returns 1 for main to exit with. */
static int report(const char *call, int rc) {
  fprintf(stderr, "%s failed: %s (%s)\n", call, chc_strerror(rc), chc_last_error());
  return 1;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *text = NULL;
  size_t cap = 0, used = 0, got;
  do {
    if (used + 4096 > cap) {
      char *bigger = realloc(text, cap = used + 65536);
      if (!bigger) {
        free(text);
        fclose(f);
        return NULL;
      }
      text = bigger;
    }
    got = fread(text + used, 1, 4096, f);
    used += got;
  } while (got > 0);
  fclose(f);
  *len = used;
  return text;
}

int main(int argc, char **argv) {
  int status = 0, rc;
  chc_calendar *cal = NULL;
  chc_ruleset *rules = NULL;
  char *file_text = NULL, *evaluation = NULL, *explanation = NULL;
  const char *case_json = example_case;
  size_t case_len = strlen(example_case);
  chc_day as_of, received, due;
  char due_text[16];

  if (chc_abi_version() != CHC_ABI_VERSION) {
    fprintf(stderr, "libchc ABI %d, but this program was built for %d\n", chc_abi_version(), CHC_ABI_VERSION);
    return 1;
  }
  if (argc > 1) {
    file_text = read_file(argv[1], &case_len);
    if (!file_text) {
      fprintf(stderr, "cannot read %s\n", argv[1]);
      return 1;
    }
    case_json = file_text;
  }
  if ((rc = chc_day_parse(&as_of, argc > 2 ? argv[2] : "2025-01-06")) != CHC_OK) return report("chc_day_parse", rc);
  if ((rc = chc_calendar_builtin(&cal, "england-and-wales")) != CHC_OK) {
    status = report("chc_calendar_builtin", rc);
    goto done;
  }
  if ((rc = chc_ruleset_builtin(&rules, "hoc")) != CHC_OK) {
    status = report("chc_ruleset_builtin", rc);
    goto done;
  }

  /* Working-day arithmetic: 5 working days to acknowledge (Code 6.2). */
  if ((rc = chc_day_parse(&received, "2024-12-20")) != CHC_OK ||
      (rc = chc_calendar_add_working_days(&due, cal, received, 5)) != CHC_OK ||
      (rc = chc_day_format(due_text, sizeof due_text, due)) != CHC_OK) {
    status = report("working-day arithmetic", rc);
    goto done;
  }
  printf("received 2024-12-20: acknowledge by %s\n", due_text);
  if ((rc = chc_calendar_explain_json(&explanation, cal, received, due)) != CHC_OK) {
    status = report("chc_calendar_explain_json", rc);
    goto done;
  }
  printf("days skipped: %s\n", explanation);

  /* The whole complaint under the Code. */
  if ((rc = chc_evaluate(&evaluation, rules, cal, case_json, case_len, as_of)) != CHC_OK) {
    status = report("chc_evaluate", rc);
    goto done;
  }
  printf("evaluation: %s\n", evaluation);

  /* Bad input is an error code and a message naming the field, never a crash. */
  {
    char *unused = NULL;
    const char *bad = "{\"id\": \"X\", \"received\": \"2025-02-30\", \"events\": []}";
    rc = chc_evaluate(&unused, rules, cal, bad, strlen(bad), as_of);
    printf("a bad case: %s: %s\n", chc_strerror(rc), chc_last_error());
    if (rc == CHC_OK || unused != NULL) status = 1;
  }

done:
  chc_string_free(evaluation);
  chc_string_free(explanation);
  chc_ruleset_free(rules);
  chc_calendar_free(cal);
  free(file_text);
  return status;
}
