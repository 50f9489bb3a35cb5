// SPDX-License-Identifier: MIT
#include <chc/date.hpp>
#include <chc/error.hpp>

#include <catch2/catch.hpp>

#include <vector>

#include <chrono>
#include <climits>
#include <string>
#include <vector>

using chc::Date;
using chc::Errc;

namespace {
// Written out here rather than taken from the library.
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_length(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : len[m - 1];
}
Errc code_of(void (*f)()) {
  try {
    f();
  } catch (const chc::Error& e) {
    return e.code();
  }
  return Errc::ok;
}
}  // namespace

TEST_CASE("serial days match a day-by-day walk from 1600 to 2400", "[date]") {
  // Start the walk at 1970-01-01 (serial 0, a Thursday) and go both ways.
  int y = 1970, m = 1, dd = 1, weekday = 4;
  for (int32_t serial = 0; y <= 2400; ++serial) {
    const Date date = Date::from_ymd(y, m, dd);
    REQUIRE(date.serial() == serial);
    REQUIRE(date.ymd() == chc::YearMonthDay{y, m, dd});
    REQUIRE(static_cast<int>(date.weekday()) == weekday);
    weekday = weekday % 7 + 1;
    if (++dd > month_length(y, m)) {
      dd = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
  y = 1969, m = 12, dd = 31, weekday = 3;
  for (int32_t serial = -1; y >= 1600; --serial) {
    REQUIRE(Date::from_ymd(y, m, dd).serial() == serial);
    REQUIRE(Date(serial).ymd() == chc::YearMonthDay{y, m, dd});
    REQUIRE(static_cast<int>(Date(serial).weekday()) == weekday);
    weekday = weekday == 1 ? 7 : weekday - 1;
    if (--dd < 1) {
      if (--m < 1) {
        m = 12;
        --y;
      }
      dd = month_length(y, m);
    }
  }
}

TEST_CASE("the 32-bit civil date agrees with the 64-bit form at its edges and throughout int32", "[date]") {
  // The walk above fixes 1600-2400; beyond it, the two independent forms must
  // agree, and serial_from_civil must invert both, on each side of where the
  // fast form hands over (-12,699,422 and 2^30 - 12,699,422) and across int32.
  constexpr int64_t low = -12699422, high = (int64_t{1} << 30) - 12699422;
  std::vector<int64_t> serials;
  for (const int64_t edge : {low, high, int64_t{INT32_MIN}, int64_t{INT32_MAX}, int64_t{0}}) {
    for (int64_t k = -800; k <= 800; ++k) serials.push_back(edge + k);
  }
  for (int64_t z = INT32_MIN; z <= INT32_MAX; z += 7919) serials.push_back(z);  // a prime stride: every weekday and month
  for (const int64_t z : serials) {
    const chc::YearMonthDay fast = chc::civil_from_serial(z), wide = chc::detail::civil_from_serial_wide(z);
    INFO("serial " << z);
    REQUIRE(fast == wide);
    REQUIRE(chc::serial_from_civil(fast.year, fast.month, fast.day) == z);
  }
  // Known dates far out, worked by hand: 1 March of year -32800 starts the fast range.
  REQUIRE(chc::civil_from_serial(low) == chc::YearMonthDay{-32800, 3, 1});
  REQUIRE(chc::civil_from_serial(low - 1) == chc::YearMonthDay{-32800, 2, 29});  // -32800 is divisible by 400: a leap year
}

TEST_CASE("ISO text parses strictly and prints back", "[date]") {
  CHECK(Date::parse("2024-12-20").serial() == 20077);
  CHECK(Date::parse("1970-01-01").serial() == 0);
  CHECK(Date::parse("2000-02-29").iso() == "2000-02-29");
  CHECK(Date(20077).iso() == "2024-12-20");
  for (const char* bad : {"tomorrow", "", "2024-1-01", "2024-12-20x", " 2024-12-20", "2024/12/20", "20241220",
                          "2024-12-2O", "+2024-12-20", "2024-12-20T10:00"}) {
    INFO(bad);
    CHECK_THROWS_AS(Date::parse(bad), chc::Error);
  }
  CHECK(code_of([] { Date::parse("2023-02-29"); }) == Errc::date);
  CHECK(code_of([] { Date::parse("2024-13-01"); }) == Errc::date);
  CHECK(code_of([] { Date::parse("2024-00-10"); }) == Errc::date);
  CHECK(code_of([] { Date::parse("2024-04-31"); }) == Errc::date);
  CHECK(code_of([] { Date::parse("1900-02-29"); }) == Errc::date);
  CHECK(code_of([] { Date::parse("tomorrow"); }) == Errc::date);
  try {
    Date::parse("2023-02-29");
  } catch (const chc::Error& e) {
    CHECK(std::string(e.what()).find("2023-02-29") != std::string::npos);
  }
}

TEST_CASE("dates beyond 32 bits overflow instead of wrapping", "[date]") {
  CHECK(code_of([] { Date::from_ymd(7000000, 1, 1); }) == Errc::overflow);
  CHECK(code_of([] { Date::from_ymd(-7000000, 1, 1); }) == Errc::overflow);
  for (const int32_t serial : {INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1}) {
    const auto ymd = Date(serial).ymd();
    CHECK(Date::from_ymd(ymd.year, ymd.month, ymd.day).serial() == serial);
  }
  CHECK(Date(-1).iso() == "1969-12-31");
  CHECK(Date::from_ymd(-1, 12, 31).iso() == "-0001-12-31");
}

namespace {
std::string parse_error(const char* text) {
  try {
    Date::parse(text);
  } catch (const chc::Error& e) {
    return e.what();
  }
  return "(parsed)";
}
}  // namespace

TEST_CASE("a date written in another order says how to write it", "[date]") {
  // Day first is the UK reading; 2 December 2025 and 12 February 2025 both exist.
  CHECK(parse_error("02/12/2025") ==
        "\"02/12/2025\" is not a date in the form YYYY-MM-DD (2025-12-02 if you meant 2 December 2025, the UK reading; "
        "2025-02-12 if you meant 12 February 2025)");
  CHECK(parse_error("12-02-2025") ==
        "\"12-02-2025\" is not a date in the form YYYY-MM-DD (2025-02-12 if you meant 12 February 2025, the UK reading; "
        "2025-12-02 if you meant 2 December 2025)");
  // Only one reading makes a day: there is no month 13, and 02/02 reads the same both ways.
  CHECK(parse_error("13/2/2025") == "\"13/2/2025\" is not a date in the form YYYY-MM-DD (2025-02-13 if you meant 13 February 2025)");
  CHECK(parse_error("2/13/2025") == "\"2/13/2025\" is not a date in the form YYYY-MM-DD (2025-02-13 if you meant 13 February 2025)");
  CHECK(parse_error("02.02.2024") == "\"02.02.2024\" is not a date in the form YYYY-MM-DD (2024-02-02 if you meant 2 February 2024)");
  // Year first is year-month-day whatever the separator or padding.
  CHECK(parse_error("2025/12/02") == "\"2025/12/02\" is not a date in the form YYYY-MM-DD (2025-12-02 if you meant 2 December 2025)");
  CHECK(parse_error("2025-1-5") == "\"2025-1-5\" is not a date in the form YYYY-MM-DD (2025-01-05 if you meant 5 January 2025)");
  // No hint when no reading is a day, or the text is not three numbers.
  for (const char* plain : {"31/02/2025", "2025/02/30", "tomorrow", "02/12/25", "2/12-2025", "20241220", "2024-12-20T10:00", "1/2/3/2025"}) {
    INFO(plain);
    CHECK(parse_error(plain) == "\"" + std::string(plain) + "\" is not a date in the form YYYY-MM-DD");
  }
  CHECK(code_of([] { Date::parse("02/12/2025"); }) == Errc::date);
}

TEST_CASE("timestamps become Europe/London dates through the public API", "[date]") {
  // 23:30 UTC is 00:30 the next day in summer (BST, UTC+1) and the same day in winter (GMT).
  CHECK(chc::london_date("2025-06-13T23:30:00Z") == Date::parse("2025-06-14"));
  CHECK(chc::london_date("2025-01-13T23:30:00Z") == Date::parse("2025-01-13"));
  CHECK(chc::london_date("2025-06-14T00:30:00+01:00") == Date::parse("2025-06-14"));
  CHECK(chc::london_date("2025-06-14") == Date::parse("2025-06-14"));
  CHECK(code_of([] { chc::london_date("2025-06-14T00:30:00"); }) == Errc::date);
  // Today in London is today's UTC date or the day after (never more than an hour apart).
  const auto utc_today = [] {
    return static_cast<int32_t>(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count());
  };
  const int32_t before = utc_today(), london = chc::london_today().serial(), after = utc_today();
  CHECK(london >= before);
  CHECK(london <= after + 1);
}
