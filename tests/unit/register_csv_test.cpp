// SPDX-License-Identifier: MIT
// The flat CSV register reader: what a cell may hold in the integer and yes/no
// columns (a spreadsheet's or pandas' float column writes 10 as "10.0"), and
// read_csv_register's row-by-row answers.
#include <chc/error.hpp>
#include <chc/report.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace bj = boost::json;
using chc::csv_row_to_case;

namespace {

const std::vector<std::string> extension_header = {"id", "received", "stage1_extension_date", "stage1_extension_days",
                                                   "stage1_ombudsman_details"};

// The working_days of the one event, an extension on 2025-06-10.
int64_t extension_days(const std::string& cell, const std::string& details = "") {
  const auto c = bj::parse(csv_row_to_case(extension_header, {"A", "2025-06-02", "2025-06-10", cell, details}, 2));
  return c.at("events").at(0).at("working_days").as_int64();
}

std::string error_of(const std::vector<std::string>& header, const std::vector<std::string>& row) {
  try {
    csv_row_to_case(header, row, 7);
  } catch (const chc::Error& e) {
    CHECK(e.code() == chc::Errc::schema);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("an integer column takes whole-number decimals and refuses fractions", "[report][csv]") {
  CHECK(extension_days("10") == 10);
  CHECK(extension_days("10.0") == 10);
  CHECK(extension_days("10.") == 10);
  CHECK(extension_days("10.000") == 10);
  CHECK(extension_days(" 7.0 ") == 7);  // cells are trimmed
  CHECK(error_of(extension_header, {"A", "2025-06-02", "2025-06-10", "10.5", ""}) ==
        "register line 7, column stage1_extension_days: \"10.5\" is not a whole number of working days");
  for (const char* bad : {"", ".0", "1e1", "-3", "10.01", "ten", "10.0.0", "99999999999999999999"}) {
    CAPTURE(bad);
    CHECK(error_of(extension_header, {"A", "2025-06-02", "2025-06-10", bad, ""}).find("is not a whole number") != std::string::npos);
  }
}

TEST_CASE("a yes/no column takes 1.0 and 0.0 as 1 and 0", "[report][csv]") {
  const auto given = [](const std::string& cell) {
    const auto c = bj::parse(csv_row_to_case(extension_header, {"A", "2025-06-02", "2025-06-10", "5", cell}, 2));
    return c.at("events").at(0).at("ombudsman_details_given").as_bool();
  };
  CHECK(given("1.0"));
  CHECK(given("1"));
  CHECK(given("True"));
  CHECK_FALSE(given("0.0"));
  CHECK_FALSE(given("no"));
  CHECK(error_of(extension_header, {"A", "2025-06-02", "2025-06-10", "5", "2.0"}) ==
        "register line 7, column stage1_ombudsman_details: \"2.0\" is not yes or no");
}

TEST_CASE("read_csv_register gives each data row its case or its reason, with its line", "[report][csv]") {
  std::istringstream in(
      "\xEF\xBB\xBF" "ID,Received,stage1_extension_date,stage1_extension_days\r\n"
      "A,2025-06-02,,\r\n"
      "\r\n"
      "B,2025-06-02,2025-06-10,2.5\r\n"
      "\"C\nD\",2025-06-03,2025-06-10,3.0\r\n");
  std::vector<std::string> rows;
  chc::read_csv_register(in, [&](uint64_t line, std::string_view case_json, std::string_view error) {
    rows.push_back(std::to_string(line) + " " + (error.empty() ? std::string(case_json) : "error: " + std::string(error)));
  });
  REQUIRE(rows.size() == 3);  // the blank line 3 is skipped
  CHECK(rows[0] == R"(2 {"id":"A","received":"2025-06-02","events":[]})");
  CHECK(rows[1] == "4 error: register line 4, column stage1_extension_days: \"2.5\" is not a whole number of working days");
  CHECK(rows[2] == "5 {\"id\":\"C\\nD\",\"received\":\"2025-06-03\",\"events\":[{\"type\":\"extension\",\"date\":\"2025-06-10\","
                   "\"stage\":1,\"working_days\":3}]}");

  std::istringstream header_only("id,received\n");
  int called = 0;
  chc::read_csv_register(header_only, [&](uint64_t, std::string_view, std::string_view) { ++called; });
  CHECK(called == 0);
}
