// SPDX-License-Identifier: MIT
/* check.h: the CHECK macro of the small C API test programs (one per file). */
#ifndef CHC_TESTS_CHECK_H
#define CHC_TESTS_CHECK_H

#include <chc/chc.h>

#include <stdio.h>

static long checks = 0, failures = 0;

/* Counts a failed condition and prints it with chc's last error message. */
#define CHECK(cond)                                                                                              \
  do {                                                                                                           \
    ++checks;                                                                                                    \
    if (!(cond)) {                                                                                               \
      ++failures;                                                                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n    chc_last_error(): %s\n", __FILE__, __LINE__, #cond, chc_last_error()); \
    }                                                                                                            \
  } while (0)

#endif
