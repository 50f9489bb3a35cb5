// SPDX-License-Identifier: MIT
// add_working_days and count_working_days against brute-force day-by-day
// loops written here, on at least 100,000 random pairs per division.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <climits>
#include <random>
#include <thread>

using namespace chc;
using chc::test::d;

namespace {

// Working-day predicate from the official CSV alone: Monday to Friday and not listed.
struct OfficialPredicate {
  std::set<int32_t> listed;
  bool operator()(int32_t serial) const {
    const int64_t monday_based = ((static_cast<int64_t>(serial) + 3) % 7 + 7) % 7;
    return monday_based < 5 && listed.count(serial) == 0;
  }
};

template <class Working>
int32_t brute_add(const Working& working, int32_t start, int32_t n) {
  int32_t day = start;
  if (n == 0) {
    while (!working(day)) ++day;
    return day;
  }
  const int32_t step = n > 0 ? 1 : -1;
  for (int32_t left = n > 0 ? n : -n; left > 0;) {
    day += step;
    if (working(day)) --left;
  }
  return day;
}

template <class Working>
int32_t brute_count(const Working& working, int32_t from, int32_t to) {
  int32_t count = 0;
  for (int32_t day = std::min(from, to) + 1; day <= std::max(from, to); ++day) count += working(day) ? 1 : 0;
  return to >= from ? count : -count;
}

}  // namespace

TEST_CASE("add and count match a brute-force loop over the official list", "[arithmetic]") {
  std::mt19937_64 rng(20241220);
  const int32_t lo = d("2012-06-01").serial(), hi = d("2028-09-30").serial();
  std::uniform_int_distribution<int32_t> start_dist(lo, hi);
  std::uniform_int_distribution<int32_t> n_dist(-40, 40);
  for (const char* division : {"england-and-wales", "scotland", "northern-ireland"}) {
    INFO(division);
    const OfficialPredicate working{test::official_days(division)};
    const Calendar cal = Calendar::builtin(division);
    for (int i = 0; i < 100000; ++i) {
      const int32_t start = start_dist(rng);
      const int32_t n = n_dist(rng);
      const int32_t expected = brute_add(working, start, n);
      if (cal.add_working_days(Date(start), n).serial() != expected) {
        FAIL("add(" << Date(start).iso() << ", " << n << ") expected " << Date(expected).iso());
      }
      const int32_t other = start + n_dist(rng) * 2;
      if (cal.count_working_days(Date(start), Date(other)) != brute_count(working, start, other)) {
        FAIL("count(" << Date(start).iso() << ", " << Date(other).iso() << ")");
      }
    }
  }
}

TEST_CASE("add and count match a brute-force loop across the whole supported range", "[arithmetic]") {
  std::mt19937_64 rng(1995);
  const int32_t lo = Calendar::first_supported_day().serial() + 600;
  const int32_t hi = Calendar::last_supported_day().serial() - 600;
  std::uniform_int_distribution<int32_t> start_dist(lo, hi);
  std::uniform_int_distribution<int32_t> n_dist(-300, 300);
  for (const char* division : {"england-and-wales", "scotland", "northern-ireland"}) {
    INFO(division);
    const Calendar cal = Calendar::builtin(division);
    const auto working = [&](int32_t s) { return cal.is_working_day(Date(s)); };
    for (int i = 0; i < 100000; ++i) {
      const int32_t start = start_dist(rng);
      const int32_t n = n_dist(rng);
      if (cal.add_working_days(Date(start), n).serial() != brute_add(working, start, n)) {
        FAIL("add(" << Date(start).iso() << ", " << n << ")");
      }
      const int32_t other = start + n;
      if (cal.count_working_days(Date(start), Date(other)) != brute_count(working, start, other)) {
        FAIL("count(" << Date(start).iso() << ", " << Date(other).iso() << ")");
      }
    }
  }
}

TEST_CASE("the counting identities hold", "[arithmetic]") {
  std::mt19937_64 rng(7);
  const Calendar cal = Calendar::builtin("england-and-wales");
  std::uniform_int_distribution<int32_t> day_dist(d("1950-01-01").serial(), d("2150-01-01").serial());
  std::uniform_int_distribution<int32_t> n_dist(-500, 500);
  for (int i = 0; i < 100000; ++i) {
    const Date a(day_dist(rng)), b(day_dist(rng)), c(day_dist(rng));
    const int32_t n = n_dist(rng);
    const Date sum = cal.add_working_days(a, n);
    if (n >= 1 || cal.is_working_day(a)) REQUIRE(cal.count_working_days(a, sum) == n);
    REQUIRE(cal.count_working_days(a, b) + cal.count_working_days(b, c) == cal.count_working_days(a, c));
    REQUIRE(cal.count_working_days(a, b) == -cal.count_working_days(b, a));
    REQUIRE(cal.is_working_day(cal.add_working_days(a, n)));
    // n = 0 is a itself on a working day, else the next working day.
    REQUIRE(cal.add_working_days(a, 0) == (cal.is_working_day(a) ? a : cal.next_working_day(a)));
  }
}

TEST_CASE("worked deadlines", "[arithmetic]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  // Friday 20 December 2024 + 5: skip 21-22, 25-26 and 28-29 December.
  CHECK(ew.add_working_days(d("2024-12-20"), 5) == d("2024-12-31"));
  // A Saturday receipt counts from the Saturday itself (day 0).
  CHECK(ew.add_working_days(d("2024-12-21"), 5) == d("2024-12-31"));
  CHECK(ew.add_working_days(d("2024-12-21"), 0) == d("2024-12-23"));
  CHECK(ew.add_working_days(d("2024-12-23"), -1) == d("2024-12-20"));
  CHECK(ew.add_working_days(d("2024-12-21"), -1) == d("2024-12-20"));
  CHECK(ew.add_working_days(d("2025-04-17"), 1) == d("2025-04-22"));  // Easter: Good Friday and Easter Monday
  CHECK(ew.count_working_days(d("2024-12-20"), d("2024-12-31")) == 5);
  CHECK(ew.count_working_days(d("2024-12-31"), d("2024-12-20")) == -5);
  CHECK(ew.count_working_days(d("2024-12-20"), d("2024-12-20")) == 0);
  // Scotland: 1 and 2 January; Northern Ireland: 17 March.
  CHECK(Calendar::builtin("scotland").add_working_days(d("2024-12-31"), 1) == d("2025-01-03"));
  CHECK(Calendar::builtin("england-and-wales").add_working_days(d("2024-12-31"), 1) == d("2025-01-02"));
  CHECK(Calendar::builtin("northern-ireland").add_working_days(d("2025-03-14"), 1) == d("2025-03-18"));
}

TEST_CASE("out-of-range days and overflow are errors and never wrong answers", "[arithmetic][errors]") {
  const Calendar cal = Calendar::builtin("scotland");
  auto code = [](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return Errc::ok;
  };
  CHECK(code([&] { cal.is_working_day(d("1899-12-31")); }) == Errc::range);
  CHECK(code([&] { cal.is_working_day(d("2200-01-01")); }) == Errc::range);
  CHECK(code([&] { cal.add_working_days(d("1899-12-31"), 1); }) == Errc::range);
  CHECK(code([&] { cal.add_working_days(d("2199-12-20"), 50); }) == Errc::range);
  CHECK(code([&] { cal.add_working_days(d("1900-01-05"), -50); }) == Errc::range);
  CHECK(code([&] { cal.add_working_days(Date(0), INT32_MAX); }) == Errc::overflow);
  CHECK(code([&] { cal.add_working_days(Date(0), INT32_MIN); }) == Errc::overflow);
  CHECK(code([&] { cal.count_working_days(d("2000-01-01"), Date(INT32_MAX)); }) == Errc::range);
  CHECK(code([&] { cal.holidays(Date(INT32_MIN), d("2000-01-01")); }) == Errc::range);
  // The first and last working days of the range are reachable.
  CHECK(cal.add_working_days(d("2199-12-30"), 1) == d("2199-12-31"));  // a Tuesday
  try {
    cal.add_working_days(d("2199-12-20"), 50);
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("2199-12-31") != std::string::npos);
  }
}

TEST_CASE("array forms equal the scalar forms and are all-or-nothing", "[arithmetic][batch]") {
  const Calendar cal = Calendar::builtin("northern-ireland");
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int32_t> day_dist(d("2000-01-01").serial(), d("2050-12-31").serial());
  std::uniform_int_distribution<int32_t> n_dist(-30, 30);
  std::vector<Date> start(50000), to(50000), out(50000);
  std::vector<int32_t> n(50000), counts(50000);
  for (std::size_t i = 0; i < start.size(); ++i) {
    start[i] = Date(day_dist(rng));
    to[i] = Date(day_dist(rng));
    n[i] = n_dist(rng);
  }
  cal.add_working_days(start, n, out);
  cal.count_working_days(start, to, counts);
  for (std::size_t i = 0; i < start.size(); ++i) {
    REQUIRE(out[i] == cal.add_working_days(start[i], n[i]));
    REQUIRE(counts[i] == cal.count_working_days(start[i], to[i]));
  }
  // One bad element: an error naming it, and nothing written.
  std::vector<Date> sentinel(start.size(), Date(-99));
  start[7] = d("1850-01-01");
  try {
    cal.add_working_days(start, n, sentinel);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Errc::range);
    CHECK(std::string(e.what()).find("start[7]") != std::string::npos);
  }
  CHECK(std::all_of(sentinel.begin(), sentinel.end(), [](Date x) { return x == Date(-99); }));
  start[7] = d("2199-12-01");
  n[7] = 40;
  CHECK_THROWS_AS(cal.add_working_days(start, n, sentinel), Error);
  CHECK(std::all_of(sentinel.begin(), sentinel.end(), [](Date x) { return x == Date(-99); }));
  std::vector<Date> shorter(3);
  CHECK_THROWS_AS(cal.add_working_days(start, n, shorter), Error);
}

TEST_CASE("one calendar shared by many threads gives the same answers", "[arithmetic][threads]") {
  const Calendar cal = Calendar::builtin("england-and-wales");
  std::vector<int64_t> sums(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < sums.size(); ++t) {
    threads.emplace_back([&, t] {
      int64_t sum = 0;
      for (int32_t i = 0; i < 200000; ++i) {
        sum += cal.add_working_days(Date(10000 + i % 20000), i % 21 - 10).serial();
        sum += Calendar::builtin("scotland").count_working_days(Date(10000), Date(10000 + i % 20000));
      }
      sums[t] = sum;
    });
  }
  for (auto& th : threads) th.join();
  for (const int64_t s : sums) CHECK(s == sums[0]);
}
