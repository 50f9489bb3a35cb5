// SPDX-License-Identifier: MIT
// Every official date 2012-2028, read at test time from tests/data (a copy
// kept apart from the compiled-in data/calendars list).
#include "test_support.hpp"

#include "calendar/divisions.hpp"

#include <catch2/catch.hpp>

using namespace chc;
using chc::test::d;

TEST_CASE("built-in calendars list exactly the official holidays 2012-2028", "[official]") {
  for (const auto& [division, rows] : test::official_csv()) {
    INFO(division);
    const Calendar cal = Calendar::builtin(division);
    const auto holidays = cal.holidays(d("2012-01-01"), d("2028-12-31"));
    REQUIRE(holidays.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      INFO(rows[i].date << " " << rows[i].title);
      CHECK(holidays[i].date.iso() == rows[i].date);
      CHECK(holidays[i].name == rows[i].title);
      CHECK(holidays[i].notes == rows[i].notes);
      CHECK(holidays[i].source == HolidaySource::official);
      CHECK(holidays[i].kind != DayKind::weekend);
      CHECK(holidays[i].kind != DayKind::landlord_closure);
    }
  }
}

TEST_CASE("the standing rules and one-offs reproduce every official year", "[official][rules]") {
  for (const auto& [division, rows] : test::official_csv()) {
    for (int year = 2012; year <= 2028; ++year) {
      std::vector<std::string> expected;
      for (const auto& row : rows) {
        if (row.date.compare(0, 4, std::to_string(year)) == 0) expected.push_back(row.date + " " + row.title);
      }
      std::vector<std::string> generated;
      for (const auto& h : detail::rule_holidays(division, year)) generated.push_back(h.date.iso() + " " + h.name);
      INFO(division << " " << year);
      CHECK(generated == expected);
    }
  }
}

TEST_CASE("every day 2012-2028 is a working day exactly when it is a weekday not in the list", "[official]") {
  for (const auto& [division, rows] : test::official_csv()) {
    const auto listed = test::official_days(division);
    const Calendar cal = Calendar::builtin(division);
    for (Date day = d("2012-01-01"); day <= d("2028-12-31"); day = day + 1) {
      // 1970-01-01 (serial 0) was a Thursday: serial + 3 mod 7 is 0 on Mondays.
      const int64_t monday_based = ((static_cast<int64_t>(day.serial()) + 3) % 7 + 7) % 7;
      const bool expected = monday_based < 5 && listed.count(day.serial()) == 0;
      if (cal.is_working_day(day) != expected) FAIL(division << " " << day.iso());
    }
  }
}

TEST_CASE("substitute days carry the weekend date they replace", "[official]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const auto xmas = ew.holidays(d("2022-12-25"), d("2022-12-27"));
  REQUIRE(xmas.size() == 2);
  CHECK(xmas[0].date == d("2022-12-26"));
  CHECK(xmas[0].kind == DayKind::standing);  // Boxing Day stays on Monday 26
  CHECK(xmas[1].date == d("2022-12-27"));
  CHECK(xmas[1].kind == DayKind::substitute);  // Christmas moves to Tuesday 27
  REQUIRE(xmas[1].substitute_for);
  CHECK(*xmas[1].substitute_for == d("2022-12-25"));

  const auto funeral = ew.holidays(d("2022-09-19"), d("2022-09-19"));
  REQUIRE(funeral.size() == 1);
  CHECK(funeral[0].kind == DayKind::one_off);
  CHECK(funeral[0].name == "Bank Holiday for the State Funeral of Queen Elizabeth II");

  // GOV.UK marks the moved 2012 Spring holiday "Substitute day" in England and Wales only.
  CHECK(ew.holidays(d("2012-06-04"), d("2012-06-04"))[0].notes == "Substitute day");
  CHECK(Calendar::builtin("northern-ireland").holidays(d("2012-06-04"), d("2012-06-04"))[0].notes.empty());
}

TEST_CASE("calendars report their data version and official coverage", "[official]") {
  for (const auto& name : Calendar::builtin_names()) {
    const CalendarInfo info = Calendar::builtin(name).info();
    CHECK(info.official_through == d("2028-12-31"));
    CHECK(info.data_version == "uk-bank-holidays/2026-08-21");
    CHECK(info.first_day == d("1900-01-01"));
    CHECK(info.last_day == d("2199-12-31"));
    CHECK(Calendar::builtin(name).memory_bytes() < (1u << 20));
  }
  CHECK(Calendar::builtin_names() == std::vector<std::string>{"england-and-wales", "scotland", "northern-ireland"});
}
