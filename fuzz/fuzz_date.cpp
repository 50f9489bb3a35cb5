// SPDX-License-Identifier: MIT
// Date text: chc_day_parse and chc_timestamp_to_day on any bytes. A parsed
// day formats back to text that parses to the same day.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);  // NUL-terminated; may hold NULs
  chc_day day = 0;
  if (fuzz::checked(chc_day_parse(&day, text.c_str()), "chc_day_parse") == CHC_OK) {
    char buf[16];
    fuzz::require(chc_day_format(buf, sizeof buf, day) == CHC_OK, "format a parsed day");
    fuzz::require(std::strlen(buf) == 10, "a parsed day formats as YYYY-MM-DD", buf);
    chc_day again = 0;
    fuzz::require(chc_day_parse(&again, buf) == CHC_OK && again == day, "parse(format(d)) == d", buf);
    int y = 0, m = 0, d = 0;
    fuzz::require(chc_day_to_ymd(day, &y, &m, &d) == CHC_OK, "to_ymd");
    chc_day rebuilt = 0;
    fuzz::require(chc_day_from_ymd(&rebuilt, y, m, d) == CHC_OK && rebuilt == day, "from_ymd(to_ymd(d)) == d");
  }
  chc_day local = 0;
  fuzz::checked(chc_timestamp_to_day(&local, text.c_str()), "chc_timestamp_to_day");

  // The numeric forms with whatever integers the input holds.
  FuzzedDataProvider in(data, size);
  const int y = in.ConsumeIntegral<int>(), m = in.ConsumeIntegral<int>(), d = in.ConsumeIntegral<int>();
  if (fuzz::checked(chc_day_from_ymd(&day, y, m, d), "chc_day_from_ymd") == CHC_OK) {
    int y2 = 0, m2 = 0, d2 = 0;
    chc_day_to_ymd(day, &y2, &m2, &d2);
    fuzz::require(y2 == y && m2 == m && d2 == d, "to_ymd(from_ymd(y, m, d)) == (y, m, d)");
  }
  const chc_day any = in.ConsumeIntegral<chc_day>();
  char small[8];
  fuzz::checked(chc_day_format(small, in.ConsumeIntegralInRange<size_t>(0, sizeof small), any), "chc_day_format");
  int weekday = 0;
  fuzz::require(chc_day_weekday(&weekday, any) == CHC_OK && weekday >= 1 && weekday <= 7, "weekday in 1..7");
  return 0;
}
