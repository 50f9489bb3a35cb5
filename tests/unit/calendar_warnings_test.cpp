// SPDX-License-Identifier: MIT
// Calendar input that chc could misread: near-miss keys, GOV.UK imports that
// would drop or move a day chc knows, and history before the verified range.
// Expected dates are worked by hand from the calendar, the real GOV.UK copies
// in tests/data/govuk (README there) and the Hansard answers cited.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

using namespace chc;
using chc::test::d;

namespace {

std::string error_of(const std::function<void()>& body, Errc* code = nullptr) {
  try {
    body();
  } catch (const Error& e) {
    if (code) *code = e.code();
    return e.what();
  }
  return "";
}

bool has_warning(const Calendar& cal, const std::string& words) {
  const auto w = cal.info().warnings;
  return std::any_of(w.begin(), w.end(), [&](const std::string& s) { return s.find(words) != std::string::npos; });
}

// The landlord file of issue 12: "closure" for "closures".
const std::string acme_typo =
    R"({"name": "Acme Homes", "base": "england-and-wales",
        "closure": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]})";
const std::string acme_fixed =
    R"({"name": "Acme Homes", "base": "england-and-wales",
        "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]})";

std::string govuk(const char* file) { return test::read_test_file(std::string("govuk/") + file); }

}  // namespace

TEST_CASE("a near-miss key is a warning naming both keys", "[calendar-json][near-miss]") {
  const Calendar typo = Calendar::from_json(acme_typo);
  // The closure is not applied (chc does not guess), but the caller is told:
  // Fri 19 Dec 2025 + 10 working days skipping 25, 26 Dec and 1 Jan is Wed 7 Jan 2026.
  CHECK(typo.add_working_days(d("2025-12-19"), 10) == d("2026-01-07"));
  REQUIRE(typo.info().warnings.size() == 1);
  CHECK(typo.info().warnings[0] == R"(calendar: "closure": did you mean "closures"?)");
  // Corrected, 29-31 December close too: 22, 23, 24 Dec, 2, 5-9, 12 Jan.
  const Calendar fixed = Calendar::from_json(acme_fixed);
  CHECK(fixed.add_working_days(d("2025-12-19"), 10) == d("2026-01-12"));
  CHECK(fixed.info().warnings.empty());
}

TEST_CASE("strict turns a near-miss into a schema error with the same words", "[calendar-json][near-miss][strict]") {
  Errc code = Errc::ok;
  CHECK(error_of([] { Calendar::from_json(acme_typo, Strict::yes); }, &code) == R"(calendar: "closure": did you mean "closures"?)");
  CHECK(code == Errc::schema);
  CHECK(Calendar::from_json(acme_fixed, Strict::yes).add_working_days(d("2025-12-19"), 10) == d("2026-01-12"));
  // An unknown key that is no near-miss is a note; strict makes every warning an error, notes too.
  const Calendar extra = Calendar::from_json(R"({"base": "scotland", "x-crm-id": 7})");
  REQUIRE(extra.info().warnings.size() == 1);
  CHECK(extra.info().warnings[0] == "calendar.x-crm-id: unknown field ignored");
  CHECK(error_of([] { Calendar::from_json(R"({"base": "scotland", "x-crm-id": 7})", Strict::yes); }, &code) ==
        "calendar.x-crm-id: unknown field ignored (strict: every warning is an error)");
  // Unknown keys inside a closure are the format's own allowance: no warning, so strict accepts them.
  CHECK_NOTHROW(Calendar::from_json(R"({"base": "scotland", "closures": [{"date": "2025-07-04", "name": "x", "x-crm-id": 7}]})", Strict::yes));
}

TEST_CASE("case and separator variants are near-misses", "[calendar-json][near-miss]") {
  const Calendar cal = Calendar::from_json(
      R"({"base": "england-and-wales", "Working-Week": ["mon"], "extra bank holidays": [], "DATA_VERSION": "x"})");
  const auto w = cal.info().warnings;
  REQUIRE(w.size() == 3);
  CHECK(w[0] == R"(calendar: "Working-Week": did you mean "working_week"?)");
  CHECK(w[1] == R"(calendar: "extra bank holidays": did you mean "extra_bank_holidays"?)");
  CHECK(w[2] == R"(calendar: "DATA_VERSION": did you mean "data_version"?)");
  CHECK(cal.info().working_week == 0x1f);  // the misspelt working week was not applied
}

TEST_CASE("near-misses inside closures, removed days and GOV.UK documents", "[calendar-json][near-miss]") {
  const Calendar cal = Calendar::from_json(
      R"({"base": "scotland", "closures": [{"date": "2025-07-04", "name": "Staff day", "note": "x", "x-ref": 1}]})");
  REQUIRE(cal.info().warnings.size() == 1);  // "x-ref" is kept quiet: nested unknown keys are allowed
  CHECK(cal.info().warnings[0] == R"(calendar.closures[0]: "note": did you mean "notes"?)");

  Errc code = Errc::ok;
  CHECK(error_of([] { Calendar::from_json(R"({"base": "scotland", "closures": [{"form": "2025-07-01", "to": "2025-07-04", "name": "x"}]})"); },
                 &code) == R"(calendar.closures[0].from: required field is missing ("form": did you mean "from"?))");
  CHECK(code == Errc::schema);
  CHECK(error_of([] { Calendar::from_json(R"({"base": "scotland", "removed": [{"dat": "2026-05-04"}]})"); }) ==
        R"(calendar.removed[0].date: required field is missing ("dat": did you mean "date"?))");
  CHECK(error_of([] { Calendar::from_json(R"({"bse": "scotland"})"); }) ==
        R"(calendar.base: required field is missing ("bse": did you mean "base"?))");

  const std::string doc =
      R"({"scotland": {"division": "scotland", "events": [{"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "buntin": true}]}})";
  const Calendar imported = Calendar::builtin("scotland").with_govuk_import(doc);
  CHECK(has_warning(imported, R"(bank-holidays.json.scotland.events[0]: "buntin": did you mean "bunting"?)"));
  CHECK(error_of([&] { Calendar::builtin("scotland").with_govuk_import(doc, {}, ImportConflicts::keep_newer, Strict::yes); }) ==
        R"(bank-holidays.json.scotland.events[0]: "buntin": did you mean "bunting"?)");
  // A division key in the wrong case: the document "has no scotland", and says which key was meant.
  CHECK(error_of([] { Calendar::builtin("scotland").with_govuk_import(R"({"Scotland": {"events": []}})"); }) ==
        R"(bank-holidays.json: the document has no "scotland" division (it has: Scotland; "Scotland": did you mean "scotland"?))");
}

TEST_CASE("near-miss values are errors that suggest the value meant", "[calendar-json][near-miss]") {
  Errc code = Errc::ok;
  CHECK(error_of([] { Calendar::from_json(R"({"base": "Scotland"})"); }, &code).rfind(R"(calendar.base: "Scotland": did you mean "scotland"?)", 0) == 0);
  CHECK(code == Errc::unknown_name);
  CHECK(error_of([] { Calendar::from_json(R"({"base": "scotland", "working_week": ["mon", "tues", "mnday"]})"); }, &code) ==
        R"(calendar.working_week[1]: "tues": did you mean "tue"?)");
  CHECK(code == Errc::schema);
  CHECK(error_of([] { Calendar::from_json(R"({"base": "scotland", "govuk_conflicts": "file-wins"})"); }) ==
        R"(calendar.govuk_conflicts: "file-wins": did you mean "file_wins"?)");
  // Far from every known value: the old messages stand.
  CHECK(error_of([] { Calendar::from_json(R"({"base": "wales"})"); }) ==
        R"(calendar.base: unknown division "wales" (known: england-and-wales, scotland, northern-ireland))");
}

TEST_CASE("a pre-2026-02-25 copy keeps Scotland's World Cup holiday", "[govuk][conflicts]") {
  const Calendar scotland = Calendar::builtin("scotland");
  const std::string doc = govuk("bank-holidays-2025-08-17.json");
  const Calendar kept = scotland.with_govuk_import(doc);
  CHECK_FALSE(kept.is_working_day(d("2026-06-15")));
  REQUIRE(kept.info().warnings.size() == 1);
  CHECK(kept.info().warnings[0] ==
        "bank-holidays.json: the document would remove 2026-06-15 World Cup bank holiday (scotland, one_off, official), "
        "which it does not list in 2026; kept the calendar's one-off (a copy without it predates its announcement)");
  REQUIRE(kept.info().imports.size() == 1);
  const CalendarInfo info = kept.info();
  const GovukImport& g = info.imports[0];
  CHECK(g.source == "bank-holidays.json");
  CHECK(g.division == "scotland");
  CHECK(g.first_year == 2024);
  CHECK(g.last_year == 2027);
  CHECK(g.days == 36);  // 9 a year for four years
  CHECK(g.conflicts == 1);
  CHECK(g.kept == 1);
  CHECK(g.overridden == 0);
  CHECK(kept.data_version().find("+govuk:2024-2027:") != std::string::npos);
  CHECK(kept.data_version().find(":keep_newer") != std::string::npos);
  // Every other day of 2024-2027 is as before.
  for (int year = 2024; year <= 2027; ++year) CHECK(test::holiday_lines(kept, year) == test::holiday_lines(scotland, year));

  const Calendar file = scotland.with_govuk_import(doc, "govuk-2025-08-17", ImportConflicts::file_wins);
  CHECK(file.is_working_day(d("2026-06-15")));
  CHECK(file.info().imports[0].overridden == 1);
  CHECK(file.data_version() == "govuk-2025-08-17");
  CHECK(has_warning(file, "the document would remove 2026-06-15 World Cup bank holiday"));
  CHECK(has_warning(file, "the document's days used (file_wins)"));

  Errc code = Errc::ok;
  const std::string refused = error_of([&] { scotland.with_govuk_import(doc, {}, ImportConflicts::keep_newer, Strict::yes); }, &code);
  CHECK(code == Errc::schema);
  CHECK(refused.find("the document would remove 2026-06-15 World Cup bank holiday") != std::string::npos);

  // The other divisions of the same copy agree with chc: no conflict, no warning.
  const Calendar ew = Calendar::builtin("england-and-wales").with_govuk_import(doc, {}, ImportConflicts::keep_newer, Strict::yes);
  CHECK(ew.info().warnings.empty());
  CHECK(ew.info().imports[0].conflicts == 0);
}

TEST_CASE("a 2021-22 copy keeps the state funeral and the coronation", "[govuk][conflicts]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const Calendar kept = ew.with_govuk_import(govuk("bank-holidays-2022-01-24.json"));
  CHECK_FALSE(kept.is_working_day(d("2022-09-19")));
  CHECK_FALSE(kept.is_working_day(d("2023-05-08")));
  CHECK(kept.info().imports[0].conflicts == 2);
  CHECK(kept.info().imports[0].kept == 2);
  CHECK(has_warning(kept, "would remove 2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II"));
  CHECK(has_warning(kept, "would remove 2023-05-08 Bank holiday for the coronation of King Charles III"));
  // A complaint received Fri 16 Sep 2022: 5 working days skip Monday 19 September.
  CHECK(kept.add_working_days(d("2022-09-16"), 5) == d("2022-09-26"));
  const Calendar file = ew.with_govuk_import(govuk("bank-holidays-2022-01-24.json"), {}, ImportConflicts::file_wins);
  CHECK(file.add_working_days(d("2022-09-16"), 5) == d("2022-09-23"));
  CHECK(file.is_working_day(d("2023-05-08")));
}

TEST_CASE("a 2019-20 copy leaves the 2020 early May holiday on 8 May, labelled as chc has it", "[govuk][conflicts]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const std::string doc = govuk("bank-holidays-2020-01-23.json");
  const Calendar kept = ew.with_govuk_import(doc);
  CHECK_FALSE(kept.is_working_day(d("2020-05-08")));
  CHECK(kept.is_working_day(d("2020-05-04")));
  const auto reasons = kept.reasons(d("2020-05-08"));
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].name == "Early May bank holiday (VE day)");
  CHECK(reasons[0].kind == DayKind::one_off);
  CHECK(reasons[0].source == HolidaySource::official);
  REQUIRE(kept.info().warnings.size() == 1);
  CHECK(kept.info().warnings[0] ==
        "bank-holidays.json: the document would move 2020-05-08 Early May bank holiday (VE day) (england-and-wales, one_off, "
        "official) to 2020-05-04 (Early May bank holiday); kept the calendar's one-off (a copy without it predates its announcement)");
  // Every other year the copy lists is unchanged.
  for (int year = 2012; year <= 2019; ++year) CHECK(test::holiday_lines(kept, year) == test::holiday_lines(ew, year));

  // The file's word: 4 May, and it is the standing early May holiday, not a one-off.
  const Calendar file = ew.with_govuk_import(doc, {}, ImportConflicts::file_wins);
  CHECK(file.is_working_day(d("2020-05-08")));
  const auto standing = file.reasons(d("2020-05-04"));
  REQUIRE(standing.size() == 1);
  CHECK(standing[0].kind == DayKind::standing);
  CHECK(standing[0].source == HolidaySource::imported);
}

TEST_CASE("an earlier import's one-off survives an older copy, and a newer copy moves a standing day", "[govuk][conflicts]") {
  const std::string newer = R"({"scotland": {"division": "scotland", "events": [
      {"title": "Imagined jubilee", "date": "2027-06-07", "notes": "Extra bank holiday", "bunting": true}]}})";
  // The newer document lists only that day for 2027, so 2027's standing days are its to drop (warned).
  const Calendar first = Calendar::builtin("scotland").with_govuk_import(newer, "newer", ImportConflicts::file_wins);
  CHECK_FALSE(first.is_working_day(d("2027-06-07")));
  const Calendar second = first.with_govuk_import(govuk("bank-holidays-2025-08-17.json"));
  CHECK_FALSE(second.is_working_day(d("2027-06-07")));  // the earlier import's one-off kept
  CHECK_FALSE(second.is_working_day(d("2026-06-15")));
  CHECK(has_warning(second, "would remove 2027-06-07 Imagined jubilee (scotland, one_off, imported)"));
  REQUIRE(second.info().imports.size() == 2);
  CHECK(second.info().imports[0].data_version == "newer");
  CHECK(second.info().imports[1].kept == 2);

  // A document newer than chc that moves a standing holiday (here early May
  // 2030 to a Friday) wins by default: chc's day is the rules' prediction.
  std::string events;
  for (const auto& h : Calendar::builtin("england-and-wales").holidays(d("2030-01-01"), d("2030-12-31"))) {
    if (h.date == d("2030-05-06")) continue;
    events += R"({"title": ")" + h.name + R"(", "date": ")" + h.date.iso() + R"(", "notes": ""},)";
  }
  const std::string moved = R"({"england-and-wales": {"events": [)" + events +
                            R"json({"title": "Early May bank holiday (imagined anniversary)", "date": "2030-05-10", "notes": ""}]}})json";
  const Calendar cal = Calendar::builtin("england-and-wales").with_govuk_import(moved);
  CHECK(cal.is_working_day(d("2030-05-06")));
  CHECK_FALSE(cal.is_working_day(d("2030-05-10")));
  REQUIRE(cal.info().warnings.size() == 1);
  CHECK(cal.info().warnings[0] ==
        "bank-holidays.json: the document would move 2030-05-06 Early May bank holiday (england-and-wales, standing, rules) to "
        "2030-05-10 (Early May bank holiday (imagined anniversary)); the document's days used (the calendar's day is not a one-off)");
  CHECK(error_of([&] { Calendar::builtin("england-and-wales").with_govuk_import(moved, {}, ImportConflicts::keep_newer, Strict::yes); })
            .find("would move 2030-05-06 Early May bank holiday") != std::string::npos);
}

TEST_CASE("the govuk member of a calendar follows the same rules", "[govuk][conflicts][calendar-json]") {
  const std::string doc = govuk("bank-holidays-2025-08-17.json");
  const Calendar kept = Calendar::from_json(R"({"base": "scotland", "govuk": )" + doc + "}");
  CHECK_FALSE(kept.is_working_day(d("2026-06-15")));
  CHECK(has_warning(kept, "calendar.govuk: the document would remove 2026-06-15 World Cup bank holiday"));
  CHECK(kept.info().imports.at(0).source == "calendar.govuk");
  CHECK(kept.info().imports.at(0).data_version == kept.data_version());
  const Calendar file = Calendar::from_json(R"({"base": "scotland", "govuk_conflicts": "file_wins", "govuk": )" + doc + "}");
  CHECK(file.is_working_day(d("2026-06-15")));
  const Calendar flag = Calendar::from_json(R"({"base": "scotland", "govuk": )" + doc + "}", Strict::no, ImportConflicts::file_wins);
  CHECK(flag.is_working_day(d("2026-06-15")));
  CHECK(error_of([&] { Calendar::from_json(R"({"base": "scotland", "govuk": )" + doc + "}", Strict::yes); })
            .rfind("calendar.govuk: the document would remove 2026-06-15", 0) == 0);
}

TEST_CASE("history before the verified range: the Hansard dates, and a warning", "[rules][history]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const Calendar scot = Calendar::builtin("scotland");
  const Calendar ni = Calendar::builtin("northern-ireland");
  // HC Deb 04 March 1964: Whit Monday kept in 1965 (Easter 18 April + 50 = 7 June);
  // the August holiday on the last Monday, 30 August 1965.
  CHECK_FALSE(ew.is_working_day(d("1965-06-07")));
  CHECK(ew.is_working_day(d("1965-05-31")));
  CHECK_FALSE(ew.is_working_day(d("1965-08-30")));
  CHECK(ew.is_working_day(d("1965-08-02")));
  // HC Deb 03 June 1965: 29 May and 28 August 1967; 3 June and 2 September 1968.
  CHECK_FALSE(ew.is_working_day(d("1967-05-29")));
  CHECK_FALSE(ew.is_working_day(d("1967-08-28")));
  CHECK_FALSE(ew.is_working_day(d("1968-06-03")));
  CHECK(ew.is_working_day(d("1968-05-27")));  // the last Monday in May, which the plain rule gives
  CHECK_FALSE(ew.is_working_day(d("1968-09-02")));
  CHECK_FALSE(ni.is_working_day(d("1968-06-03")));
  // ... and in Scotland those spring holidays replace the first Monday in May.
  CHECK(scot.is_working_day(d("1967-05-01")));
  CHECK_FALSE(scot.is_working_day(d("1967-05-29")));
  CHECK(scot.is_working_day(d("1968-05-06")));
  CHECK_FALSE(scot.is_working_day(d("1968-06-03")));
  CHECK_FALSE(scot.is_working_day(d("1968-08-05")));  // Scotland's August holiday stays on the first Monday
  // HC Deb 19 January 1977: Spring Bank Holiday on 6 June and the Silver Jubilee on
  // 7 June in England, Wales and Northern Ireland; not a bank holiday in Scotland.
  for (const Calendar* cal : {&ew, &ni}) {
    CHECK(cal->is_working_day(d("1977-05-30")));
    CHECK_FALSE(cal->is_working_day(d("1977-06-06")));
    CHECK_FALSE(cal->is_working_day(d("1977-06-07")));
  }
  CHECK(scot.is_working_day(d("1977-06-07")));
  CHECK_FALSE(scot.is_working_day(d("1977-05-30")));  // Scotland's spring holiday did not move
  // Each names its source.
  const auto jubilee = ew.reasons(d("1977-06-07"));
  REQUIRE(jubilee.size() == 1);
  CHECK(jubilee[0].reference.rfind("HC Deb 19 January 1977 vol 924 cc191-3W", 0) == 0);
  CHECK(scot.reasons(d("1967-05-29")).at(0).reference.rfind("HC Deb 03 June 1965 vol 713 c250W", 0) == 0);
  CHECK(ew.reasons(d("2024-12-25")).at(0).reference.empty());  // the official list needs no citation

  // The verified range: info says it, and answers reaching before it carry a warning.
  CHECK(ew.info().verified_from == d("1995-01-01"));
  CHECK(ew.range_warnings(d("1995-01-01"), d("2030-01-01")).empty());
  const auto w = ew.range_warnings(d("1995-01-10"), d("1994-12-30"));
  REQUIRE(w.size() == 1);
  CHECK(w[0].rfind("calendar: 1994-12-30 is before 1995-01-01", 0) == 0);
}
