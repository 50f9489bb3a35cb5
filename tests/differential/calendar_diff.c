// SPDX-License-Identifier: MIT
/*
 * calendar_diff.c: chc's add and count against a brute-force walk over an
 * independent model of the bank holidays, on 10,000,000 random inputs.
 *
 * The model (tests/capi/holiday_model.h) is written from the 1971 Act's
 * rules and the announced one-offs: England and Wales from 1995, Scotland
 * and Northern Ireland from 2029; for 2012-2028 in Scotland and Northern
 * Ireland, whose one-offs the model does not know, GOV.UK's official list
 * (tests/data/bank-holidays-official.csv) stands in. A walk steps one day at
 * a time; chc answers through the scalar, 32-bit batch and 64-bit batch
 * calls, and every answer must match, including a range error where the
 * walk leaves 2199-12-31.
 *
 *   calendar_diff CSV [inputs]     (default 10,000,000)
 */
#include "holiday_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 4096

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t next_random(void) { /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ull;
}
static long uniform(long lo, long hi) { return lo + (long)(next_random() % (uint64_t)(hi - lo + 1)); }

static const char *const names[3] = {"england-and-wales", "scotland", "northern-ireland"};

/* wk[i]: 1 when model day `first + i` is a working day. */
static signed char *model_table(int division, const char *csv_path, chc_day first, chc_day last) {
  const long n = (long)(last - first + 1);
  signed char *wk = (signed char *)malloc((size_t)n);
  char line[1024];
  FILE *csv;
  int y;
  long i;
  if (!wk) return NULL;
  for (i = 0; i < n; ++i) wk[i] = (signed char)!t_is_weekend((chc_day)(first + i));
  for (y = division == EW ? 1995 : 2029; y <= 2199; ++y) {
    hset h;
    int k;
    t_bank_holidays(&h, division, y);
    for (k = 0; k < h.n; ++k) {
      if (h.day[k] >= first && h.day[k] <= last) wk[h.day[k] - first] = 0;
    }
  }
  if (division != EW) {
    csv = fopen(csv_path, "r");
    if (!csv) {
      fprintf(stderr, "cannot open %s\n", csv_path);
      exit(2);
    }
    while (fgets(line, sizeof line, csv)) {
      int yy, mm, dd;
      const size_t len = strlen(names[division]);
      if (strncmp(line, names[division], len) != 0 || line[len] != ',') continue;
      if (sscanf(line + len + 1, "%4d-%2d-%2d", &yy, &mm, &dd) == 3 && yy <= 2028) {
        const chc_day d = D(yy, mm, dd);
        if (d >= first && d <= last) wk[d - first] = 0;
      }
    }
    fclose(csv);
  }
  return wk;
}

/* The walk: add(start, n) as chc defines it; CHC_E_RANGE when it leaves [first, last]. */
static int walk_add(const signed char *wk, long count, long start, long n, long *out) {
  long i = start, found = 0;
  if (n >= 1) {
    while (found < n) {
      if (++i >= count) return CHC_E_RANGE;
      found += wk[i];
    }
  } else if (n == 0) {
    while (!wk[i]) {
      if (++i >= count) return CHC_E_RANGE;
    }
  } else {
    while (found < -n) {
      if (--i < 0) return CHC_E_RANGE;
      found += wk[i];
    }
  }
  *out = i;
  return CHC_OK;
}

static long walk_count(const signed char *wk, long from, long to) {
  long c = 0, d;
  if (to >= from) {
    for (d = from + 1; d <= to; ++d) c += wk[d];
  } else {
    for (d = to + 1; d <= from; ++d) c -= wk[d];
  }
  return c;
}

int main(int argc, char **argv) {
  const long total = argc > 2 ? atol(argv[2]) : 10000000L;
  const chc_day last = D(2199, 12, 31);
  long mismatches = 0, range_errors = 0, done = 0;
  int division;
  if (argc < 2) {
    fprintf(stderr, "usage: calendar_diff bank-holidays-official.csv [inputs]\n");
    return 2;
  }
  for (division = 0; division < 3; ++division) {
    const chc_day first = division == EW ? D(1995, 1, 1) : D(2012, 1, 1);
    const long count = (long)(last - first + 1);
    const long inputs = division == EW ? total - 2 * (total / 3) : total / 3;
    signed char *wk = model_table(division, argv[1], first, last);
    chc_calendar *cal = NULL;
    static chc_day starts[BLOCK], ends[BLOCK], batch_out[BLOCK];
    static int32_t steps[BLOCK], counts[BLOCK];
    static int64_t starts64[BLOCK], steps64[BLOCK], out64[BLOCK];
    static long expect_add[BLOCK], expect_count[BLOCK];
    static int expect_rc[BLOCK];
    long done_here = 0;
    if (!wk || chc_calendar_builtin(&cal, names[division]) != CHC_OK) {
      fprintf(stderr, "setup failed: %s\n", chc_last_error());
      return 2;
    }
    while (done_here < inputs) {
      const long block = inputs - done_here < BLOCK ? inputs - done_here : BLOCK;
      int all_ok = 1;
      long i;
      for (i = 0; i < block; ++i) {
        /* Starts from 700 days into the model (no walk of 400 working days back leaves it) to the very
           end of the range (walks forward may leave it: a range error); n mostly small, sometimes large. */
        const long s = uniform(700, count - 1);
        const long n = next_random() % 10 ? uniform(-30, 30) : uniform(-400, 400);
        long e = s + uniform(-200, 200);
        if (e >= count) e = count - 1;
        starts[i] = (chc_day)(first + s);
        steps[i] = (int32_t)n;
        ends[i] = (chc_day)(first + e);
        expect_rc[i] = walk_add(wk, count, s, n, &expect_add[i]);
        expect_count[i] = walk_count(wk, s, e);
        if (expect_rc[i] != CHC_OK) all_ok = 0;
      }
      for (i = 0; i < block; ++i) {
        chc_day got = 0;
        int32_t c = 0;
        const int rc = chc_calendar_add_working_days(&got, cal, starts[i], steps[i]);
        if (rc != expect_rc[i] || (rc == CHC_OK && got != first + expect_add[i])) {
          if (mismatches++ < 10)
            fprintf(stderr, "%s add(%d, %d): chc %d (rc %d), walk %ld (rc %d)\n", names[division], starts[i], steps[i], got, rc,
                    first + expect_add[i], expect_rc[i]);
        }
        range_errors += rc == CHC_E_RANGE;
        if (chc_calendar_count_working_days(&c, cal, starts[i], ends[i]) != CHC_OK || c != expect_count[i]) {
          if (mismatches++ < 10) fprintf(stderr, "%s count(%d, %d): chc %d, walk %ld\n", names[division], starts[i], ends[i], c, expect_count[i]);
        }
      }
      /* The array forms on the same inputs (whole blocks answer only when every element does). */
      if (all_ok) {
        if (chc_calendar_add_working_days_batch(batch_out, cal, starts, steps, (size_t)block) != CHC_OK) ++mismatches;
        for (i = 0; i < block; ++i) {
          starts64[i] = starts[i];
          steps64[i] = steps[i];
        }
        if (chc_calendar_add_working_days_batch64(out64, cal, starts64, steps64, (size_t)block, (size_t)block) != CHC_OK) ++mismatches;
        for (i = 0; i < block; ++i) {
          if (batch_out[i] != first + expect_add[i] || out64[i] != first + expect_add[i]) {
            if (mismatches++ < 10) fprintf(stderr, "%s batch add[%ld] differs\n", names[division], i);
          }
        }
      } else if (chc_calendar_add_working_days_batch(batch_out, cal, starts, steps, (size_t)block) != CHC_E_RANGE) {
        if (mismatches++ < 10) fprintf(stderr, "%s batch with a range error did not fail\n", names[division]);
      }
      if (chc_calendar_count_working_days_batch(counts, cal, starts, ends, (size_t)block) != CHC_OK) ++mismatches;
      for (i = 0; i < block; ++i) {
        if (counts[i] != expect_count[i] && mismatches++ < 10) fprintf(stderr, "%s batch count[%ld] differs\n", names[division], i);
      }
      done_here += block;
    }
    done += done_here;
    chc_calendar_free(cal);
    free(wk);
  }
  printf("calendar_diff: %ld random inputs (add and count, three divisions, scalar and batch), %ld answers beyond 2199 "
         "(range errors, as the walk says), %ld mismatches\n",
         done, range_errors, mismatches);
  return mismatches == 0 && done == total ? 0 : 1;
}
