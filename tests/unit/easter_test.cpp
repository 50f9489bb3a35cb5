// SPDX-License-Identifier: MIT
#include "calendar/easter.hpp"

#include <catch2/catch.hpp>

TEST_CASE("Easter Sunday matches published dates", "[easter]") {
  // Published Easter Sundays (ecclesiastical tables); the earliest and latest
  // possible (22 March, 25 April) included.
  const char* known[] = {"1900-04-15", "1913-03-23", "1943-04-25", "1954-04-18", "1961-04-02", "1962-04-22",
                         "1967-03-26", "1981-04-19", "1995-04-16", "1999-04-04", "2000-04-23", "2002-03-31",
                         "2008-03-23", "2010-04-04", "2011-04-24", "2024-03-31", "2025-04-20", "2026-04-05",
                         "2029-04-01", "2030-04-21", "2031-04-13", "2032-03-28", "2033-04-17", "2034-04-09",
                         "2035-03-25", "2038-04-25", "2049-04-18", "2099-04-12", "2100-03-28", "2150-04-12",
                         "2199-04-14"};
  for (const char* iso : known) {
    const chc::Date expected = chc::Date::parse(iso);
    INFO(iso);
    CHECK(chc::easter_sunday(expected.year()) == expected);
  }
}
