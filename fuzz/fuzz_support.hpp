// SPDX-License-Identifier: MIT
// Shared by the libFuzzer harnesses (docs/reliability.md). Each harness
// feeds one input surface through the C API, as a CRM would, and checks the
// properties every answer must have; a broken property aborts, which
// libFuzzer reports like a crash, with the input that caused it.
#pragma once

#include <chc/chc.h>

#include <boost/json.hpp>
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "property broken: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void require(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// Every return code is CHC_OK or one of the documented CHC_E_* codes, and a
// failure leaves a message; CHC_E_INTERNAL is a bug by definition.
inline int checked(int rc, const char* call) {
  require(rc == CHC_OK || (rc <= CHC_E_NULL && rc > CHC_E_INTERNAL), call, chc_last_error());
  if (rc != CHC_OK) require(chc_last_error() != nullptr && chc_last_error()[0] != '\0', "an error without a message");
  return rc;
}

// Text chc produced: well-formed JSON (which also means valid UTF-8).
inline boost::json::value parse_output(const char* text, const char* what) {
  require(text != nullptr, what, "NULL output on success");
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  require(!ec, what, text);
  return v;
}

// Takes ownership of a library string: freed when this goes out of scope.
struct Owned {
  char* text = nullptr;
  ~Owned() { chc_string_free(text); }
  char** out() { return &text; }
};

}  // namespace fuzz

namespace fuzz {

// The arithmetic identities every calendar keeps, at days the input picks
// (inside the supported range and a little beyond it).
inline void exercise_calendar(const chc_calendar* cal, FuzzedDataProvider& in) {
  constexpr chc_day first = -25567, last = 84005;  // 1900-01-01, 2199-12-31
  Owned info;
  if (checked(chc_calendar_info_json(info.out(), cal), "chc_calendar_info_json") == CHC_OK) {
    parse_output(info.text, "info JSON");
  }
  for (int round = 0; round < 4 && in.remaining_bytes() > 0; ++round) {
    const chc_day a = in.ConsumeIntegralInRange<chc_day>(first - 10, last + 10);
    const int32_t n = in.ConsumeIntegralInRange<int32_t>(-400, 400);
    int working = -1;
    const int rc = checked(chc_calendar_is_working_day(&working, cal, a), "is_working_day");
    require((rc == CHC_OK) == (a >= first && a <= last), "is_working_day answers exactly inside the range");
    chc_day b = 0;
    if (checked(chc_calendar_add_working_days(&b, cal, a, n), "add_working_days") == CHC_OK) {
      int32_t back = 0;
      require(chc_calendar_count_working_days(&back, cal, a, b) == CHC_OK, "count after add");
      if (n >= 1) require(back == n, "count(a, add(a, n)) == n for n >= 1");
      // n <= -1: b is the |n|-th working day before a, so (b, a] holds |n| - 1 of them, and a if it works.
      if (n <= -1) require(back == n + 1 - working, "count(a, add(a, n)) == n + 1 - is_working(a) for n <= -1");
      int b_working = 0;
      require(chc_calendar_is_working_day(&b_working, cal, b) == CHC_OK && b_working == 1, "add lands on a working day");
      chc_day batch_out = 0;
      require(chc_calendar_add_working_days_batch(&batch_out, cal, &a, &n, 1) == CHC_OK && batch_out == b, "batch == scalar");
      const int64_t a64 = a, n64 = n;
      int64_t out64 = 0;
      require(chc_calendar_add_working_days_batch64(&out64, cal, &a64, &n64, 1, 1) == CHC_OK && out64 == b,
              "batch64 == scalar");
    }
    chc_day next = 0;
    if (checked(chc_calendar_next_working_day(&next, cal, a), "next_working_day") == CHC_OK) require(next > a, "next > day");
    chc_day previous = 0;
    if (checked(chc_calendar_previous_working_day(&previous, cal, a), "previous_working_day") == CHC_OK) {
      require(previous < a, "previous < day");
    }
    const chc_day to = a + in.ConsumeIntegralInRange<chc_day>(-40, 400);
    Owned holidays, explain;
    if (checked(chc_calendar_holidays_json(holidays.out(), cal, a, to), "holidays_json") == CHC_OK) {
      parse_output(holidays.text, "holidays JSON");
    }
    if (checked(chc_calendar_explain_json(explain.out(), cal, a, to), "explain_json") == CHC_OK) {
      parse_output(explain.text, "explain JSON");
    }
  }
}

}  // namespace fuzz
