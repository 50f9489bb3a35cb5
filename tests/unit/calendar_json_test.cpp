// SPDX-License-Identifier: MIT
// Custom calendars from JSON and GOV.UK bank-holidays.json import.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace chc;
using chc::test::d;

namespace {

Errc code_of(const std::string& json) {
  try {
    Calendar::from_json(json);
  } catch (const Error& e) {
    return e.code();
  }
  return Errc::ok;
}

std::string message_of(const std::string& json) {
  try {
    Calendar::from_json(json);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// A GOV.UK-format document for `division` holding the test CSV's rows of the given years.
std::string govuk_document(const std::string& division, int first_year, int last_year, const std::string& extra_event = "") {
  std::string events;
  for (const auto& row : test::official_csv().at(division)) {
    const int year = std::stoi(row.date.substr(0, 4));
    if (year < first_year || year > last_year) continue;
    if (!events.empty()) events += ",";
    events += R"({"title":")" + row.title + R"(","date":")" + row.date + R"(","notes":")" + row.notes + R"(","bunting":true})";
  }
  if (!extra_event.empty()) events += "," + extra_event;
  return R"({")" + division + R"(":{"division":")" + division + R"(","events":[)" + events + "]}}";
}

}  // namespace

TEST_CASE("landlord closures and removed days", "[calendar-json]") {
  const Calendar cal = Calendar::from_json(R"({
    "name": "Acme Homes", "base": "england-and-wales",
    "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"},
                 {"date": "2025-07-04", "name": "Staff day"}],
    "removed": ["2025-05-05"]})");
  CHECK(cal.name() == "Acme Homes");
  // 24 Dec 2025 (Wed) + 1: 25, 26 bank holidays, 27-28 weekend, 29-31 closed, 1 Jan bank holiday.
  CHECK(cal.add_working_days(d("2025-12-24"), 1) == d("2026-01-02"));
  CHECK_FALSE(cal.is_working_day(d("2025-07-04")));
  CHECK(cal.is_working_day(d("2025-05-05")));  // Early May bank holiday worked
  const auto reasons = cal.reasons(d("2025-12-30"));
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].kind == DayKind::landlord_closure);
  CHECK(reasons[0].name == "Christmas shutdown");
  CHECK(reasons[0].source == HolidaySource::landlord);
  CHECK(cal.holidays(d("2025-05-05"), d("2025-05-05")).empty());
  // The built-in calendar is untouched.
  CHECK(Calendar::builtin("england-and-wales").is_working_day(d("2025-12-30")));
  CHECK_FALSE(Calendar::builtin("england-and-wales").is_working_day(d("2025-05-05")));
  CHECK(cal.data_version().rfind("uk-bank-holidays/2026-08-21+Acme Homes:", 0) == 0);
}

TEST_CASE("a closure on a bank holiday keeps both reasons with the bank holiday first", "[calendar-json]") {
  const Calendar cal = Calendar::from_json(
      R"({"base": "scotland", "closures": [{"from": "2025-12-24", "to": "2025-12-26", "name": "Shutdown"}]})");
  const auto reasons = cal.reasons(d("2025-12-25"));
  REQUIRE(reasons.size() == 2);
  CHECK(reasons[0].name == "Christmas Day");
  CHECK(reasons[1].name == "Shutdown");
  const auto listed = cal.holidays(d("2025-12-24"), d("2025-12-26"));
  CHECK(listed.size() == 5);  // 24 closure; 25 and 26 both a bank holiday and a closure
}

TEST_CASE("custom working weeks", "[calendar-json]") {
  const Calendar four_day = Calendar::from_json(R"({"base": "england-and-wales", "working_week": ["Mon", "tue", "WED", "thursday"]})");
  CHECK_FALSE(four_day.is_working_day(d("2025-06-13")));  // a Friday
  CHECK(four_day.add_working_days(d("2025-06-12"), 1) == d("2025-06-16"));
  // A landlord working Saturdays is closed on a Saturday Christmas as well as on the substitute Monday.
  const Calendar six_day = Calendar::from_json(
      R"({"base": "england-and-wales", "working_week": ["mon","tue","wed","thu","fri","sat"]})");
  CHECK(six_day.is_working_day(d("2027-12-18")));
  CHECK_FALSE(six_day.is_working_day(d("2027-12-25")));
  CHECK_FALSE(six_day.is_working_day(d("2027-12-27")));
  CHECK(six_day.holidays(d("2027-12-25"), d("2027-12-25")).size() == 1);
  CHECK(Calendar::builtin("england-and-wales").holidays(d("2027-12-25"), d("2027-12-26")).empty());
}

TEST_CASE("extra bank holidays announced after release", "[calendar-json]") {
  const Calendar cal = Calendar::from_json(
      R"({"base": "northern-ireland", "extra_bank_holidays": [{"date": "2031-06-06", "name": "Example one-off"}], "data_version": "ni-2031a"})");
  CHECK_FALSE(cal.is_working_day(d("2031-06-06")));
  CHECK(cal.reasons(d("2031-06-06"))[0].kind == DayKind::one_off);
  CHECK(cal.data_version() == "ni-2031a");
}

TEST_CASE("unknown fields are reported and not fatal", "[calendar-json]") {
  const Calendar cal = Calendar::from_json(R"({"base": "scotland", "closure": [], "x-crm-id": 7})");
  const auto warnings = cal.info().warnings;
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("closure") != std::string::npos);
}

TEST_CASE("bad calendar JSON is rejected with the field named", "[calendar-json][errors]") {
  CHECK(code_of("") == Errc::json);
  CHECK(code_of("{") == Errc::json);
  CHECK(code_of("[1,2]") == Errc::schema);
  CHECK(code_of("{}") == Errc::schema);
  CHECK(message_of("{}").find("base") != std::string::npos);
  CHECK(code_of(R"({"base": 5})") == Errc::schema);
  CHECK(code_of(R"({"base": "wales"})") == Errc::unknown_name);
  CHECK(message_of(R"({"base": "wales"})").find("england-and-wales") != std::string::npos);
  CHECK(code_of(R"({"base": "scotland", "closures": [{"date": "2025-02-30", "name": "x"}]})") == Errc::date);
  CHECK(message_of(R"({"base": "scotland", "closures": [{"date": "2025-02-30", "name": "x"}]})").find("closures[0].date") !=
        std::string::npos);
  CHECK(code_of(R"({"base": "scotland", "closures": [{"date": "2025-02-03"}]})") == Errc::schema);
  CHECK(code_of(R"({"base": "scotland", "closures": [{"from": "2025-02-03", "to": "2025-02-01", "name": "x"}]})") ==
        Errc::invalid_argument);
  CHECK(code_of(R"({"base": "scotland", "closures": [{"date": "1850-02-03", "name": "x"}]})") == Errc::range);
  CHECK(code_of(R"({"base": "scotland", "working_week": []})") == Errc::invalid_argument);
  CHECK(code_of(R"({"base": "scotland", "working_week": ["funday"]})") == Errc::schema);
  CHECK(code_of(R"({"base": "scotland", "removed": [20250101]})") == Errc::schema);
  CHECK(code_of(R"({"base": "scotland", "closures": [{"from": "1900-01-01", "to": "2199-12-31", "name": "x"}, {"from": "1900-01-01", "to": "2199-12-31", "name": "y"}]})") ==
        Errc::limit);
  CHECK(code_of(std::string(100, '[') + std::string(100, ']')) == Errc::limit);
  CHECK(code_of("{\"base\": \"scotland\", \"name\": \"\xff\"}") == Errc::json);  // not UTF-8
  CHECK(message_of("{\n  \"base\": \"scotland\",\n  oops\n}").find("line 3") != std::string::npos);
}

TEST_CASE("GOV.UK import replaces the years it covers and keeps every other year", "[calendar-json][govuk]") {
  const Calendar base = Calendar::builtin("england-and-wales");
  // Like the August 2025 live feed: it no longer lists years before 2024, and
  // here it announces an extra 2027 holiday.
  const std::string doc = govuk_document("england-and-wales", 2024, 2027,
                                         R"({"title":"Imagined extra holiday","date":"2027-06-07","notes":"Extra bank holiday"})");
  const Calendar imported = base.with_govuk_import(doc);
  for (int year = 2012; year <= 2026; ++year) {
    INFO(year);
    CHECK(test::holiday_lines(imported, year) == test::holiday_lines(base, year));
  }
  CHECK_FALSE(imported.is_working_day(d("2027-06-07")));
  CHECK(base.is_working_day(d("2027-06-07")));
  const auto extra = imported.reasons(d("2027-06-07"));
  REQUIRE(extra.size() == 1);
  CHECK(extra[0].kind == DayKind::one_off);
  CHECK(extra[0].source == HolidaySource::imported);
  CHECK(imported.holidays(d("2027-12-27"), d("2027-12-27"))[0].kind == DayKind::substitute);
  CHECK(imported.data_version() != base.data_version());
  CHECK(imported.info().official_through == d("2028-12-31"));  // compiled-in data already reaches 2028

  // A feed reaching further moves official_through on; a year it lists replaces the rules entirely.
  const Calendar later = base.with_govuk_import(
      R"({"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year’s Day","date":"2030-01-01","notes":""}]}})",
      "test-2030");
  CHECK(later.info().official_through == d("2030-12-31"));
  CHECK(later.data_version() == "test-2030");
  CHECK(later.is_working_day(d("2030-12-25")));  // the document covers 2030 and does not list Christmas
  CHECK_FALSE(later.is_working_day(d("2031-12-25")));

  // Import also works inside a calendar document.
  const Calendar in_json = Calendar::from_json(R"({"base": "england-and-wales", "govuk": )" + doc + "}");
  CHECK_FALSE(in_json.is_working_day(d("2027-06-07")));
}

TEST_CASE("bad GOV.UK documents", "[calendar-json][govuk][errors]") {
  const Calendar base = Calendar::builtin("scotland");
  auto code = [&](const std::string& doc) {
    try {
      base.with_govuk_import(doc);
    } catch (const Error& e) {
      return e.code();
    }
    return Errc::ok;
  };
  CHECK(code("{}") == Errc::schema);  // no scotland division
  CHECK(code(govuk_document("england-and-wales", 2024, 2024)) == Errc::schema);
  CHECK(code(R"({"scotland":{"events":[]}})") == Errc::schema);
  CHECK(code(R"({"scotland":{"events":[{"title":"x","date":"2024-02-30"}]}})") == Errc::date);
  CHECK(code(R"({"scotland":{"events":[{"date":"2024-02-03"}]}})") == Errc::schema);
  CHECK(code(R"({"scotland":{"events":"no"}})") == Errc::schema);
  CHECK(code("not json") == Errc::json);
}
