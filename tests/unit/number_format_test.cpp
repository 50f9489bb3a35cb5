// SPDX-License-Identifier: MIT
// Numbers in the human formats (HTML, text) as a UK reader writes them.
#include "report/number_format.hpp"

#include <catch2/catch.hpp>

using namespace chc::report_format;

TEST_CASE("counts and decimals are grouped in thousands", "[report][format]") {
  CHECK(count_text(1896) == "1,896");
  CHECK(count_text(4000000) == "4,000,000");
  CHECK(count_text(0) == "0");
  CHECK(fixed(1234567.5, 1) == "1,234,567.5");
  CHECK(fixed(158, 1) == "158.0");
  CHECK(decimal(78.1, 1) == "78.1");
  CHECK(decimal(75, 1) == "75.0");
  CHECK(decimal(1.67, 2) == "1.67");
  CHECK(decimal(12345.25, 0) == "12,345.25");
}

TEST_CASE("no negative zero, and coordinates ungrouped", "[report][format]") {
  CHECK(fixed(-0.04, 1) == "0.0");
  CHECK(fixed(-2.5, 1) == "-2.5");
  CHECK(fixed(12345.67, 1, false) == "12345.7");
}

TEST_CASE("money is in pounds with pence", "[report][format]") {
  CHECK(money_text(365425) == "\xC2\xA3" "365,425.00");
  CHECK(money_text(1234.5) == "\xC2\xA3" "1,234.50");
  CHECK(money_text(-3) == "-\xC2\xA3" "3.00");
  CHECK(money_text(0) == "\xC2\xA3" "0.00");
}
