// SPDX-License-Identifier: MIT
/*
 * holiday_model.h: an independent model of the UK bank holidays and of
 * calendar arithmetic, written from the Banking and Financial Dealings Act
 * 1971 rules and the announced one-offs without calling chc. The C API test
 * (capi_test.c) and the 10,000,000-input differential check
 * (tests/differential/calendar_diff.c) compare chc against it.
 */
#ifndef CHC_TESTS_HOLIDAY_MODEL_H
#define CHC_TESTS_HOLIDAY_MODEL_H

#include <chc/chc.h>

static int t_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int t_month_days(long y, int m) {
  static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && t_leap(y)) ? 29 : lengths[m - 1];
}

/* Days since 1970-01-01, by summing year and month lengths. */
static long t_serial(long y, int m, int d) {
  long s = 0, yy;
  int mm;
  if (y >= 1970) {
    for (yy = 1970; yy < y; ++yy) s += t_leap(yy) ? 366 : 365;
  } else {
    for (yy = y; yy < 1970; ++yy) s -= t_leap(yy) ? 366 : 365;
  }
  for (mm = 1; mm < m; ++mm) s += t_month_days(y, mm);
  return s + d - 1;
}

/* D(2024, 12, 20): the chc_day of a date, computed by the test. */
static chc_day D(int y, int m, int d) { return (chc_day)t_serial(y, m, d); }

/* ISO weekday (1 Monday .. 7 Sunday); 1970-01-01 was a Thursday. */
static int t_weekday(long serial) {
  const long w = ((serial % 7) + 7) % 7; /* 0 = Thursday */
  return (int)((w + 3) % 7) + 1;
}

static void t_next_ymd(long *y, int *m, int *d) {
  if (*d < t_month_days(*y, *m)) {
    ++*d;
  } else if (*m < 12) {
    ++*m;
    *d = 1;
  } else {
    ++*y;
    *m = 1;
    *d = 1;
  }
}

static void t_prev_ymd(long *y, int *m, int *d) {
  if (*d > 1) {
    --*d;
  } else if (*m > 1) {
    --*m;
    *d = t_month_days(*y, *m);
  } else {
    --*y;
    *m = 12;
    *d = 31;
  }
}

/* Easter Sunday (Gregorian; the anonymous algorithm of Nature 1876 / Butcher). */
static chc_day t_easter(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
  return D(year, month, day);
}

static chc_day t_first_monday(int y, int m) {
  chc_day d = D(y, m, 1);
  while (t_weekday(d) != 1) ++d;
  return d;
}

static chc_day t_last_monday(int y, int m) {
  chc_day d = D(y, m, t_month_days(y, m));
  while (t_weekday(d) != 1) --d;
  return d;
}

static int t_is_weekend(chc_day d) { return t_weekday(d) >= 6; }

/* A year's set of bank holidays. */
typedef struct {
  int n;
  chc_day day[32];
} hset;

static int hset_has(const hset *s, chc_day d) {
  int i;
  for (i = 0; i < s->n; ++i) {
    if (s->day[i] == d) return 1;
  }
  return 0;
}

static void hset_add(hset *s, chc_day d) {
  if (!hset_has(s, d) && s->n < 32) s->day[s->n++] = d;
}

static void hset_remove(hset *s, chc_day d) {
  int i;
  for (i = 0; i < s->n; ++i) {
    if (s->day[i] == d) {
      s->day[i] = s->day[--s->n];
      return;
    }
  }
}

/* Substitution: `fixed` (ascending) are dates that move off a weekend. Those on a
 * weekday are holidays where they fall; those on a weekend, in date order, take
 * the next weekday that is not already a bank holiday. */
static void substitute_fixed(hset *s, const chc_day *fixed, int n) {
  int i;
  for (i = 0; i < n; ++i) {
    if (!t_is_weekend(fixed[i])) hset_add(s, fixed[i]);
  }
  for (i = 0; i < n; ++i) {
    chc_day c;
    if (!t_is_weekend(fixed[i])) continue;
    c = fixed[i] + 1;
    while (t_is_weekend(c) || hset_has(s, c)) ++c;
    hset_add(s, c);
  }
}

enum { EW = 0, SCOT = 1, NI = 2 };

/* Bank holidays of England and Wales (1995 onwards), Scotland and Northern
 * Ireland (2029 onwards, where no one-off is known), written from the
 * Banking and Financial Dealings Act 1971 rules and the announced one-offs. */
static void t_bank_holidays(hset *s, int division, int y) {
  const chc_day easter = t_easter(y);
  chc_day fixed[4];
  s->n = 0;
  hset_add(s, easter - 2);               /* Good Friday */
  if (division != SCOT) hset_add(s, easter + 1); /* Easter Monday */
  hset_add(s, t_first_monday(y, 5));     /* Early May */
  hset_add(s, t_last_monday(y, 5));      /* Spring */
  hset_add(s, division == SCOT ? t_first_monday(y, 8) : t_last_monday(y, 8)); /* Summer */
  if (division == EW) {
    /* One-offs and moved days, England and Wales. */
    if (y == 1995) { hset_remove(s, D(1995, 5, 1)); hset_add(s, D(1995, 5, 8)); }
    if (y == 1999) hset_add(s, D(1999, 12, 31));
    if (y == 2002) { hset_remove(s, D(2002, 5, 27)); hset_add(s, D(2002, 6, 3)); hset_add(s, D(2002, 6, 4)); }
    if (y == 2011) hset_add(s, D(2011, 4, 29));
    if (y == 2012) { hset_remove(s, D(2012, 5, 28)); hset_add(s, D(2012, 6, 4)); hset_add(s, D(2012, 6, 5)); }
    if (y == 2020) { hset_remove(s, D(2020, 5, 4)); hset_add(s, D(2020, 5, 8)); }
    if (y == 2022) {
      hset_remove(s, D(2022, 5, 30));
      hset_add(s, D(2022, 6, 2));
      hset_add(s, D(2022, 6, 3));
      hset_add(s, D(2022, 9, 19));
    }
    if (y == 2023) hset_add(s, D(2023, 5, 8));
    fixed[0] = D(y, 1, 1);
    substitute_fixed(s, fixed, 1);
  } else if (division == SCOT) {
    fixed[0] = D(y, 1, 1);
    fixed[1] = D(y, 1, 2);
    substitute_fixed(s, fixed, 2);
    fixed[0] = D(y, 11, 30); /* St Andrew's Day */
    substitute_fixed(s, fixed, 1);
  } else {
    fixed[0] = D(y, 1, 1);
    fixed[1] = D(y, 3, 17); /* St Patrick's Day */
    fixed[2] = D(y, 7, 12); /* Battle of the Boyne */
    substitute_fixed(s, fixed, 3);
  }
  fixed[0] = D(y, 12, 25);
  fixed[1] = D(y, 12, 26);
  substitute_fixed(s, fixed, 2);
}

#endif
