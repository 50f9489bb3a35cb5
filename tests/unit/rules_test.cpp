// SPDX-License-Identifier: MIT
// Years outside the official list come from the rules. Each expectation below
// was worked out by hand: Easter from published tables, weekdays from a
// perpetual calendar, substitutes by the GOV.UK rule (next weekday that is not
// already a bank holiday, weekend dates taken in date order).
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace chc;
using chc::test::d;
using Lines = std::vector<std::string>;

namespace {
Lines year_of(const char* division, int year) { return test::holiday_lines(Calendar::builtin(division), year); }
}  // namespace

TEST_CASE("England and Wales one-off years", "[rules][one-off]") {
  // 1995: Early May moved to Monday 8 May for VE Day's 50th anniversary; 1 January a Sunday.
  CHECK(year_of("england-and-wales", 1995) ==
        Lines{"1995-01-02 New Year’s Day", "1995-04-14 Good Friday", "1995-04-17 Easter Monday",
              "1995-05-08 Early May bank holiday (VE day)", "1995-05-29 Spring bank holiday", "1995-08-28 Summer bank holiday",
              "1995-12-25 Christmas Day", "1995-12-26 Boxing Day"});
  // 1999: Christmas on a Saturday (Mon 27, Tue 28) and the Millennium holiday on Friday 31.
  CHECK(year_of("england-and-wales", 1999) ==
        Lines{"1999-01-01 New Year’s Day", "1999-04-02 Good Friday", "1999-04-05 Easter Monday",
              "1999-05-03 Early May bank holiday", "1999-05-31 Spring bank holiday", "1999-08-30 Summer bank holiday",
              "1999-12-27 Christmas Day", "1999-12-28 Boxing Day", "1999-12-31 Millennium celebrations"});
  // 2000: 1 January a Saturday, so Monday 3 January (a normal substitute, not a one-off).
  CHECK(year_of("england-and-wales", 2000).front() == "2000-01-03 New Year’s Day");
  // 2002: Golden Jubilee on Monday 3 June, Spring holiday moved to Tuesday 4 June.
  CHECK(year_of("england-and-wales", 2002) ==
        Lines{"2002-01-01 New Year’s Day", "2002-03-29 Good Friday", "2002-04-01 Easter Monday",
              "2002-05-06 Early May bank holiday", "2002-06-03 Golden Jubilee of Queen Elizabeth II",
              "2002-06-04 Spring bank holiday", "2002-08-26 Summer bank holiday", "2002-12-25 Christmas Day",
              "2002-12-26 Boxing Day"});
  // 2011: the Royal Wedding; 1 January a Saturday; Christmas a Sunday (Boxing Day stays Monday 26).
  CHECK(year_of("england-and-wales", 2011) ==
        Lines{"2011-01-03 New Year’s Day", "2011-04-22 Good Friday", "2011-04-25 Easter Monday",
              "2011-04-29 Wedding of Prince William and Catherine Middleton", "2011-05-02 Early May bank holiday",
              "2011-05-30 Spring bank holiday", "2011-08-29 Summer bank holiday", "2011-12-26 Boxing Day",
              "2011-12-27 Christmas Day"});
  // 1977: the Spring bank holiday moved to Monday 6 June for the Silver
  // Jubilee holiday on Tuesday 7 June (HC Deb 19 January 1977 vol 924 cc191-3W).
  CHECK(year_of("england-and-wales", 1977) ==
        Lines{"1977-01-03 New Year’s Day", "1977-04-08 Good Friday", "1977-04-11 Easter Monday",
              "1977-06-06 Spring bank holiday", "1977-06-07 Silver Jubilee of Queen Elizabeth II",
              "1977-08-29 Summer bank holiday", "1977-12-26 Boxing Day", "1977-12-27 Christmas Day"});
}

TEST_CASE("one-offs reach the right divisions", "[rules][one-off]") {
  for (const char* division : {"england-and-wales", "scotland", "northern-ireland"}) {
    const Calendar cal = Calendar::builtin(division);
    INFO(division);
    CHECK_FALSE(cal.is_working_day(d("1999-12-31")));
    CHECK_FALSE(cal.is_working_day(d("2002-06-03")));
    CHECK_FALSE(cal.is_working_day(d("2002-06-04")));
    CHECK(cal.is_working_day(d("2002-05-27")));  // the Spring holiday moved away
    CHECK_FALSE(cal.is_working_day(d("2011-04-29")));
    CHECK_FALSE(cal.is_working_day(d("1995-05-08")));
    CHECK(cal.is_working_day(d("1995-05-01")));
    CHECK_FALSE(cal.is_working_day(d("1981-07-29")));
  }
  CHECK_FALSE(Calendar::builtin("scotland").is_working_day(d("2026-06-15")));
  CHECK(Calendar::builtin("england-and-wales").is_working_day(d("2026-06-15")));
  CHECK(Calendar::builtin("northern-ireland").is_working_day(d("2026-06-15")));
}

TEST_CASE("Scotland: 1 and 2 January and St Andrew's Day and August", "[rules][substitute]") {
  // 2000: 1 Jan Saturday, 2 Jan Sunday: Monday 3 and Tuesday 4.
  const Lines y2000 = year_of("scotland", 2000);
  CHECK(Lines(y2000.begin(), y2000.begin() + 2) == Lines{"2000-01-03 New Year’s Day", "2000-01-04 2nd January"});
  CHECK(year_of("scotland", 2030) ==
        Lines{"2030-01-01 New Year’s Day", "2030-01-02 2nd January", "2030-04-19 Good Friday",
              "2030-05-06 Early May bank holiday", "2030-05-27 Spring bank holiday", "2030-08-05 Summer bank holiday",
              "2030-12-02 St Andrew’s Day", "2030-12-25 Christmas Day", "2030-12-26 Boxing Day"});
  CHECK(year_of("scotland", 2031)[6] == "2031-12-01 St Andrew’s Day");  // 30 Nov a Sunday
  // 2033: 1 Jan Saturday -> Mon 3, 2 Jan Sunday -> Tue 4; Christmas Sunday -> Tue 27.
  CHECK(year_of("scotland", 2033) ==
        Lines{"2033-01-03 New Year’s Day", "2033-01-04 2nd January", "2033-04-15 Good Friday",
              "2033-05-02 Early May bank holiday", "2033-05-30 Spring bank holiday", "2033-08-01 Summer bank holiday",
              "2033-11-30 St Andrew’s Day", "2033-12-26 Boxing Day", "2033-12-27 Christmas Day"});
  // 1 January on a Sunday: in 2012 and 2017 the 2nd stayed on Monday and New
  // Year's Day moved to Tuesday; the 2023 proclamation put New Year's Day on
  // Monday and the 2nd on Tuesday, and chc follows the latest practice.
  const Lines y2017 = year_of("scotland", 2017);
  CHECK(Lines(y2017.begin(), y2017.begin() + 2) == Lines{"2017-01-02 2nd January", "2017-01-03 New Year’s Day"});
  const Lines y2034 = year_of("scotland", 2034);
  CHECK(Lines(y2034.begin(), y2034.begin() + 2) == Lines{"2034-01-02 New Year’s Day", "2034-01-03 2nd January"});
  const auto jan2 = Calendar::builtin("scotland").reasons(d("2034-01-02"));
  REQUIRE(jan2.size() == 2);
  CHECK(jan2[0].kind == DayKind::substitute);
  CHECK(jan2[1].name == "2nd January");
  CHECK(*jan2[1].substituted_by == d("2034-01-03"));
  // 2038: 1 Jan Friday, 2 Jan Saturday -> Monday 4; Christmas Saturday.
  CHECK(year_of("scotland", 2038) ==
        Lines{"2038-01-01 New Year’s Day", "2038-01-04 2nd January", "2038-04-23 Good Friday",
              "2038-05-03 Early May bank holiday", "2038-05-31 Spring bank holiday", "2038-08-02 Summer bank holiday",
              "2038-11-30 St Andrew’s Day", "2038-12-27 Christmas Day", "2038-12-28 Boxing Day"});
  // Scotland's summer holiday is the first Monday of August, and there is no Easter Monday.
  CHECK(Calendar::builtin("scotland").is_working_day(d("2030-08-26")));
  CHECK(Calendar::builtin("scotland").is_working_day(d("2030-04-22")));
}

TEST_CASE("Christmas on a Saturday or a Sunday", "[rules][substitute]") {
  // 2032: Christmas Saturday: Christmas Monday 27, Boxing Day Tuesday 28.
  CHECK(year_of("england-and-wales", 2032) ==
        Lines{"2032-01-01 New Year’s Day", "2032-03-26 Good Friday", "2032-03-29 Easter Monday",
              "2032-05-03 Early May bank holiday", "2032-05-31 Spring bank holiday", "2032-08-30 Summer bank holiday",
              "2032-12-27 Christmas Day", "2032-12-28 Boxing Day"});
  // 2033: Christmas Sunday: Boxing Day stays Monday 26, Christmas moves to Tuesday 27.
  CHECK(year_of("england-and-wales", 2033) ==
        Lines{"2033-01-03 New Year’s Day", "2033-04-15 Good Friday", "2033-04-18 Easter Monday",
              "2033-05-02 Early May bank holiday", "2033-05-30 Spring bank holiday", "2033-08-29 Summer bank holiday",
              "2033-12-26 Boxing Day", "2033-12-27 Christmas Day"});
  // 2037: Christmas Friday, Boxing Day Saturday -> Monday 28.
  const Lines ni2037 = year_of("northern-ireland", 2037);
  CHECK(ni2037.back() == "2037-12-28 Boxing Day");
}

TEST_CASE("Northern Ireland: St Patrick's Day and the Twelfth", "[rules][substitute]") {
  CHECK(year_of("northern-ireland", 2029) ==
        Lines{"2029-01-01 New Year’s Day", "2029-03-19 St Patrick’s Day", "2029-03-30 Good Friday",
              "2029-04-02 Easter Monday", "2029-05-07 Early May bank holiday", "2029-05-28 Spring bank holiday",
              "2029-07-12 Battle of the Boyne (Orangemen’s Day)", "2029-08-27 Summer bank holiday",
              "2029-12-25 Christmas Day", "2029-12-26 Boxing Day"});
  CHECK(year_of("northern-ireland", 2030)[1] == "2030-03-18 St Patrick’s Day");  // 17 March a Sunday
  CHECK(year_of("northern-ireland", 2031)[6] == "2031-07-14 Battle of the Boyne (Orangemen’s Day)");  // Saturday
  CHECK(year_of("northern-ireland", 2037) ==
        Lines{"2037-01-01 New Year’s Day", "2037-03-17 St Patrick’s Day", "2037-04-03 Good Friday",
              "2037-04-06 Easter Monday", "2037-05-04 Early May bank holiday", "2037-05-25 Spring bank holiday",
              "2037-07-13 Battle of the Boyne (Orangemen’s Day)", "2037-08-31 Summer bank holiday",
              "2037-12-25 Christmas Day", "2037-12-28 Boxing Day"});
  // Neither is a holiday anywhere else.
  CHECK(Calendar::builtin("england-and-wales").is_working_day(d("2037-07-13")));
  CHECK(Calendar::builtin("scotland").is_working_day(d("2029-03-19")));
}

TEST_CASE("history before the modern rules", "[rules][history]") {
  // No New Year's Day bank holiday in England before 1974; no Early May before 1978.
  CHECK(Calendar::builtin("england-and-wales").is_working_day(d("1973-01-01")));
  CHECK_FALSE(Calendar::builtin("england-and-wales").is_working_day(d("1974-01-01")));
  CHECK(Calendar::builtin("england-and-wales").is_working_day(d("1977-05-02")));
  CHECK_FALSE(Calendar::builtin("england-and-wales").is_working_day(d("1978-05-01")));
  // Whit Monday (Easter + 50) until 1964: Easter 1954 was 18 April.
  CHECK_FALSE(Calendar::builtin("england-and-wales").is_working_day(d("1954-06-07")));
  // St Andrew's Day only from 2007.
  CHECK(Calendar::builtin("scotland").is_working_day(d("2006-11-30")));
  CHECK_FALSE(Calendar::builtin("scotland").is_working_day(d("2007-11-30")));
}

TEST_CASE("explain names the holiday on a weekend and its substitute", "[rules][explain]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const auto days = ew.explain(d("2032-12-24"), d("2032-12-29"));
  // Saturday 25, Sunday 26, Monday 27 (Christmas), Tuesday 28 (Boxing Day).
  REQUIRE(days.size() == 4);
  CHECK(days[0].date == d("2032-12-25"));
  REQUIRE(days[0].reasons.size() == 2);
  CHECK(days[0].reasons[0].kind == DayKind::weekend);
  CHECK(days[0].reasons[1].name == "Christmas Day");
  CHECK(*days[0].reasons[1].substituted_by == d("2032-12-27"));
  CHECK(days[2].reasons.size() == 1);
  CHECK(days[2].reasons[0].kind == DayKind::substitute);
  CHECK(*days[2].reasons[0].substitute_for == d("2032-12-25"));
  CHECK(ew.count_working_days(d("2032-12-24"), d("2032-12-29")) == 1);
  // Reversed bounds explain the same interval.
  CHECK(ew.explain(d("2032-12-29"), d("2032-12-24")).size() == 4);
  CHECK(ew.reasons(d("2032-12-29")).empty());
}
