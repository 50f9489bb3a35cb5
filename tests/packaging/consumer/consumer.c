// SPDX-License-Identifier: MIT
/* A C consumer of the installed chc: only <chc/chc.h> and libchc.
 * Prints the acknowledgement deadline of a complaint received on Friday
 * 20 December 2024 (5 working days, england-and-wales) and exits 0 only if
 * it is 2024-12-31 and the library's ABI matches the header. */
#include <chc/chc.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  chc_calendar *cal = NULL;
  chc_day received = 0, due = 0;
  char text[16];
  if (chc_abi_version() != CHC_ABI_VERSION) {
    fprintf(stderr, "consumer: ABI %d, header says %d\n", chc_abi_version(), CHC_ABI_VERSION);
    return 1;
  }
  if (chc_calendar_builtin(&cal, "england-and-wales") != CHC_OK || chc_day_parse(&received, "2024-12-20") != CHC_OK ||
      chc_calendar_add_working_days(&due, cal, received, 5) != CHC_OK ||
      chc_day_format(text, sizeof text, due) != CHC_OK) {
    fprintf(stderr, "consumer: chc: %s\n", chc_last_error());
    chc_calendar_free(cal);
    return 1;
  }
  chc_calendar_free(cal);
  printf("%s\n", text);
  return strcmp(text, "2024-12-31") == 0 ? 0 : 1;
}
