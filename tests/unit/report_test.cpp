// SPDX-License-Identifier: MIT
// Report figures on a small register worked out by hand (england-and-wales,
// reporting year 2025/26, 1,000 homes). The cases:
//   A received 2025-03-20 (the year before), acknowledged Fri 03-21, answered
//     Wed 04-02: due 04-04 (10 working days after 03-21) -> CH02 2025/26, in time.
//   B received Thu 05-01, acknowledged 05-02, answered 05-30: due 05-19 (5 May is
//     a bank holiday) -> late.
//   C received 06-02, acknowledged Tue 06-03, extended on 06-10 by 10 with reasons
//     and the Ombudsman's details, answered 06-25: original due 06-17, extended
//     to 07-01 -> in time only with the extension.
//   D received 07-01, not accepted 07-03 (over 12 months) -> not in CH01.
//   E received 08-01, acknowledged 08-04, withdrawn 08-06 -> in CH01, not CH02.
//   F received Wed 2026-03-26, acknowledged 03-26 -> open at the year end,
//     4 working days old (26, 27, 30, 31 March).
//   G received 09-01, acknowledged 09-02, answered 09-10 (in time), escalated
//     Mon 09-22, stage 2 acknowledged 09-24, answered 10-10: due 10-22 -> in time.
//   H received 2026-04-02, after the year -> counted nowhere.
#include <chc/report.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace bj = boost::json;
using namespace chc;

namespace {

const char* const register_lines[] = {
    R"({"id":"A","received":"2025-03-20","events":[{"type":"acknowledged","date":"2025-03-21","definition":true},{"type":"response","date":"2025-04-02"}]})",
    R"({"id":"B","received":"2025-05-01","events":[{"type":"acknowledged","date":"2025-05-02","definition":true},{"type":"response","date":"2025-05-30"}]})",
    R"({"id":"C","received":"2025-06-02","events":[{"type":"acknowledged","date":"2025-06-03","definition":true},{"type":"extension","date":"2025-06-10","working_days":10,"reason":"Survey","ombudsman_details_given":true},{"type":"response","date":"2025-06-25"}]})",
    R"({"id":"D","received":"2025-07-01","events":[{"type":"not_accepted","date":"2025-07-03","reason":"over_12_months","explanation_given":true,"ombudsman_right_given":true}]})",
    R"({"id":"E","received":"2025-08-01","events":[{"type":"acknowledged","date":"2025-08-04","definition":true},{"type":"withdrawn","date":"2025-08-06"}]})",
    R"({"id":"F","received":"2026-03-25","events":[{"type":"acknowledged","date":"2026-03-26","definition":true}]})",
    R"({"id":"G","received":"2025-09-01","events":[{"type":"acknowledged","date":"2025-09-02","handler":"X","definition":true},{"type":"response","date":"2025-09-10","handler":"X"},{"type":"escalation_requested","date":"2025-09-22"},{"type":"acknowledged","date":"2025-09-24","stage":2,"handler":"Y","definition":true},{"type":"response","date":"2025-10-10","stage":2,"handler":"Y"}]})",
    R"({"id":"H","received":"2026-04-02","events":[]})",
};

bj::object report_of(ReportOptions options, const std::string& extra = "") {
  options.homes = 1000;
  const Calendar cal = Calendar::builtin("england-and-wales");
  Report report(RuleSet::builtin("hoc"), &cal, options);
  std::string text;
  for (const char* line : register_lines) text += std::string(line) + "\n";
  report.add_ndjson(text + extra);
  return bj::parse(report.json()).as_object();
}

double number(const bj::value& v) { return v.to_number<double>(); }

}  // namespace

TEST_CASE("TSM CH01 and CH02 on a hand-worked register", "[report]") {
  const auto r = report_of(reporting_year(2025));
  const auto& ch01 = r.at("tsm").at("CH01");
  CHECK(ch01.at("stage1").at("count") == 5);  // B C E F G
  CHECK(number(ch01.at("stage1").at("per_1000_homes")) == 5.0);
  CHECK(ch01.at("stage2").at("count") == 1);  // G
  const auto& ch02 = r.at("tsm").at("CH02");
  CHECK(ch02.at("stage1").at("responded").at("count") == 4);  // A B C G
  CHECK(ch02.at("stage1").at("within_timescale") == 3);       // A C G
  CHECK(number(ch02.at("stage1").at("percent")) == 75.0);
  CHECK(ch02.at("stage1").at("within_original_timescale") == 2);  // A G
  CHECK(ch02.at("stage1").at("late").at("ids") == bj::array{"B"});
  CHECK(ch02.at("stage2").at("responded").at("count") == 1);
  CHECK(number(ch02.at("stage2").at("percent")) == 100.0);
  CHECK(r.at("input").at("cases_accepted") == 8);
  CHECK(r.at("report").at("period").at("label") == "2025/26");
}

TEST_CASE("report numbers are written as people write them", "[report]") {
  // 3 of 4 within timescale is 75 percent: "75", not boost::json's "7.5E1".
  const Calendar cal = Calendar::builtin("england-and-wales");
  ReportOptions options = reporting_year(2025);
  options.homes = 3000;
  Report report(RuleSet::builtin("hoc"), &cal, options);
  for (const char* line : register_lines) report.add_case(line);
  const std::string json = report.json();
  CHECK_THAT(json, Catch::Contains(R"("percent":75,)"));
  CHECK_THAT(json, Catch::Contains(R"("per_1000_homes":1.67})"));  // 5 per 3,000 homes, to 2 places
  CHECK_THAT(report.csv(), Catch::Contains("CH02,stage1,,,,4,3,75\r\n"));
  CHECK(json.find("E1") == std::string::npos);
}

TEST_CASE("the CH01 and CH02 readings the options choose", "[report]") {
  ReportOptions original = reporting_year(2025);
  original.extensions_count_as_within = false;
  CHECK(number(report_of(original).at("tsm").at("CH02").at("stage1").at("percent")) == 50.0);
  ReportOptions no_withdrawn = reporting_year(2025);
  no_withdrawn.withdrawn_in_ch01 = false;
  CHECK(report_of(no_withdrawn).at("tsm").at("CH01").at("stage1").at("count") == 4);
  ReportOptions with_excluded = reporting_year(2025);
  with_excluded.not_accepted_in_ch01 = true;
  CHECK(report_of(with_excluded).at("tsm").at("CH01").at("stage1").at("count") == 6);
  // The year before sees A received, and not its response.
  const auto before = report_of(reporting_year(2024));
  CHECK(before.at("tsm").at("CH01").at("stage1").at("count") == 1);
  CHECK(before.at("tsm").at("CH02").at("stage1").at("responded").at("count") == 0);
}

TEST_CASE("performance figures on the hand-worked register", "[report]") {
  const auto r = report_of(reporting_year(2025));
  const auto& p = r.at("performance");
  CHECK(number(p.at("escalation_rate_percent")) == 25.0);  // 1 escalation per 4 stage 1 responses
  CHECK(p.at("withdrawn").at("count") == 1);
  CHECK(p.at("refused").at("by_reason").at("over_12_months").at("ids") == bj::array{"D"});
  const auto& open = p.at("open_at_period_end_by_age").as_array();
  CHECK(open.at(0).at("working_days") == "0-5");
  CHECK(open.at(0).at("ids") == bj::array{"F"});
  for (std::size_t i = 1; i < open.size(); ++i) CHECK(open.at(i).at("count") == 0);
  const auto& stage1 = p.at("stages").at(0);
  // Days from receipt to acknowledgement in the year: B 1, C 1, E 1, F 1, G 1.
  CHECK(stage1.at("median_working_days_to_acknowledge") == 1);
  CHECK(stage1.at("extended").at("count") == 1);
  // Receipt to response: A 9 (from 2025-03-20: 21, 24-28, 31, 1, 2 April), B 19 (5 and 26 May are bank
  // holidays), C 17, G 7; the 90th percentile of four values is the largest.
  CHECK(stage1.at("median_working_days_to_respond") == 9);
  CHECK(stage1.at("p90_working_days_to_respond") == 19);
  const auto& april = r.at("monthly").at(0);
  CHECK(april.at("month") == "2025-04");
  CHECK(april.at("stage1_responded") == 1);
  CHECK(april.at("stage1_within") == 1);
  CHECK(r.at("monthly").as_array().size() == 12);
}

TEST_CASE("the self-assessment rows for case-checked provisions", "[report]") {
  const auto r = report_of(reporting_year(2025));
  const auto& rows = r.at("self_assessment").at("rows").as_array();
  auto row = [&](const char* id) -> const bj::object& {
    for (const auto& x : rows) {
      if (x.at("provision") == id) return x.as_object();
    }
    throw std::runtime_error(id);
  };
  // 6.3 among complaints received in the year: C and G met it, B did not (E withdrawn, F pending).
  CHECK(row("6.3").at("comply") == "No");
  CHECK(row("6.3").at("cases").at("pass") == 2);
  CHECK(row("6.3").at("cases").at("fail") == 1);
  CHECK(row("6.3").at("cases").at("fail_ids") == bj::array{"B"});
  CHECK_THAT(std::string(row("6.3").at("evidence").as_string()), Catch::StartsWith("2 of 3 stage 1 responses within the Code timescale"));
  CHECK(row("6.2").at("comply") == "Yes");  // B C E F G all acknowledged within 5 working days
  CHECK(row("6.13").at("comply") == "Yes");
  CHECK(row("4.1").at("comply") == "Not assessed");
  CHECK(row("4.1").at("evidence") == "No evidence provided");
  CHECK(r.at("self_assessment").at("provisions") == 72);
}

TEST_CASE("the evidence file fills the provisions cases cannot show", "[report]") {
  ReportOptions options = reporting_year(2025);
  options.evidence_json = R"({"landlord": "Example Homes", "provisions": {
      "4.1": {"comply": "yes", "evidence": "Complaints team of three", "commentary": "Reviewed yearly"},
      "6.3": {"comply": "Yes", "evidence": "Policy section 8"},
      "9.9": {"comply": "no"}}})";
  const auto r = report_of(options);
  const auto& rows = r.at("self_assessment").at("rows").as_array();
  for (const auto& x : rows) {
    if (x.at("provision") == "4.1") {
      CHECK(x.at("comply") == "Yes");
      CHECK(x.at("source") == "evidence");
      CHECK(x.at("commentary") == "Reviewed yearly");
    }
    if (x.at("provision") == "6.3") {
      CHECK(x.at("comply") == "No");  // the register outweighs the declaration, and says so
      CHECK_THAT(std::string(x.at("commentary").as_string()), Catch::Contains("declared \"Yes\""));
    }
  }
  CHECK(r.at("report").at("landlord") == "Example Homes");
  CHECK(r.at("input").at("warnings").at(0).as_string().find("9.9") != bj::string::npos);
  ReportOptions bad = reporting_year(2025);
  bad.evidence_json = R"({"provisions": {"4.1": {"comply": "maybe"}}})";
  CHECK_THROWS_WITH(report_of(bad), Catch::Contains("evidence.provisions.4.1.comply"));
}

TEST_CASE("bad lines are reported with their line numbers and every good line counts", "[report]") {
  const auto r = report_of(reporting_year(2025), "{not json}\n\n{\"id\":\"Z\",\"received\":\"2025-02-30\",\"events\":[]}\n");
  CHECK(r.at("input").at("cases_accepted") == 8);
  CHECK(r.at("input").at("cases_rejected") == 2);
  const auto& rejected = r.at("input").at("rejected").as_array();
  CHECK(rejected.at(0).at("line") == 9);
  CHECK(rejected.at(1).at("line") == 11);  // line 10 is blank
  CHECK_THAT(std::string(rejected.at(1).at("reason").as_string()), Catch::Contains("case.received"));
  CHECK(r.at("tsm").at("CH01").at("stage1").at("count") == 5);
}

TEST_CASE("chunked, streamed and threaded input give the same report", "[report]") {
  const bj::value expected = report_of(reporting_year(2025));
  std::string text;
  for (const char* line : register_lines) text += std::string(line) + "\n";
  const Calendar cal = Calendar::builtin("england-and-wales");
  ReportOptions options = reporting_year(2025);
  options.homes = 1000;
  {
    Report chunked(RuleSet::builtin("hoc"), &cal, options);
    for (std::size_t i = 0; i < text.size(); i += 7) chunked.add_ndjson(std::string_view(text).substr(i, 7));
    CHECK(bj::parse(chunked.json()) == expected);
  }
  for (unsigned threads : {1u, 2u, 4u}) {
    options.threads = threads;
    Report streamed(RuleSet::builtin("hoc"), &cal, options);
    std::istringstream in(text.substr(0, text.size() - 1));  // the last line without its newline
    streamed.add_ndjson(in);
    CHECK(bj::parse(streamed.json()) == expected);
  }
}

TEST_CASE("a CSV register gives the same figures as its case records", "[report]") {
  const std::string csv =
      "id,received,stage1_acknowledged,stage1_definition,stage1_extension_date,stage1_extension_days,stage1_extension_reason,"
      "stage1_ombudsman_details,stage1_responded,escalation_requested,stage2_acknowledged,stage2_handler,stage2_responded,"
      "not_accepted,not_accepted_reason,not_accepted_explanation_given,not_accepted_ombudsman_right_given,withdrawn,stage1_handler,crm_note\r\n"
      "A,2025-03-20,2025-03-21,yes,,,,,2025-04-02,,,,,,,,,,,\r\n"
      "B,2025-05-01,2025-05-02,yes,,,,,2025-05-30,,,,,,,,,,,\"kept, with a comma\"\r\n"
      "C,2025-06-02,2025-06-03,yes,2025-06-10,10,Survey,yes,2025-06-25,,,,,,,,,,,\r\n"
      "D,2025-07-01,,,,,,,,,,,,2025-07-03,over_12_months,yes,yes,,,\r\n"
      "E,2025-08-01,2025-08-04,yes,,,,,,,,,,,,,,2025-08-06,,\r\n"
      "F,2026-03-25,2026-03-26,yes,,,,,,,,,,,,,,,,\r\n"
      "G,2025-09-01,2025-09-02,yes,,,,,2025-09-10,2025-09-22,2025-09-24,Y,2025-10-10,,,,,,X,\r\n"
      "H,2026-04-02,,,,,,,,,,,,,,,,,,\r\n"
      "I,2025-13-01,,,,,,,,,,,,,,,,,,\r\n";
  const Calendar cal = Calendar::builtin("england-and-wales");
  ReportOptions options = reporting_year(2025);
  options.homes = 1000;
  Report report(RuleSet::builtin("hoc"), &cal, options);
  std::istringstream in(csv);
  report.add_csv(in);
  const auto r = bj::parse(report.json()).as_object();
  CHECK(r.at("tsm") == report_of(reporting_year(2025)).at("tsm"));
  CHECK(r.at("input").at("cases_rejected") == 1);
  CHECK(r.at("input").at("rejected").at(0).at("line") == 10);
  // Unknown columns are kept in the case record.
  const std::string b = csv_row_to_case({"id", "received", "crm_note"}, {"B", "2025-05-01", "kept, with a comma"}, 3);
  CHECK(bj::parse(b).at("crm_note") == "kept, with a comma");
}

// The self-assessment row of every case-checked provision, against the
// conformance set's hand-worked findings: a report over one case, for the
// period from its receipt to its as-of day, must count each finding the case
// expects (pass or fail) in that provision's row.
TEST_CASE("self-assessment rows agree with the conformance set's findings", "[report][conformance]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(CHC_TEST_DATA_DIR).parent_path() / "conformance" / "cases";
  int checked = 0;
  std::set<std::string> provisions_seen;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const bj::object test = bj::parse(text.str()).as_object();
    if (!test.at("rules").is_string()) continue;  // overlays: targets are not in the self-assessment counts
    const std::string rules_name(test.at("rules").as_string());
    const bj::object& c = test.at("case").as_object();
    const Date received = Date::parse(std::string(c.at("received").as_string()).substr(0, 10));
    if (rules_name != "hoc-2024" && !(rules_name == "hoc" && received >= Date::parse("2024-04-01"))) continue;
    ReportOptions options;
    options.from = received - 1;  // a timestamp may fall on the next London day
    options.to = Date::parse(std::string(test.at("as_of").as_string()));
    std::optional<Calendar> cal;
    if (test.contains("calendar") && test.at("calendar").is_string()) cal = Calendar::builtin(std::string(test.at("calendar").as_string()));
    Report report(RuleSet::builtin(rules_name), cal ? &*cal : nullptr, options);
    REQUIRE(report.add_case(bj::serialize(c)) == Errc::ok);
    const auto out = bj::parse(report.json()).as_object();
    std::map<std::string, const bj::object*> rows;
    for (const auto& row : out.at("self_assessment").at("rows").as_array()) rows[std::string(row.at("provision").as_string())] = &row.as_object();
    if (!test.at("expected").as_object().contains("findings")) continue;
    for (const auto& f : test.at("expected").at("findings").as_array()) {
      const std::string p(f.at("provision").as_string());
      const std::string result(f.at("result").as_string());
      if (p == "data" || (result != "pass" && result != "fail") || !rows.count(p)) continue;
      INFO(entry.path().filename().string() << " " << p << " " << result);
      const bj::object& row = *rows.at(p);
      REQUIRE(row.contains("cases"));
      CHECK(row.at("cases").at(result).to_number<int64_t>() >= 1);
      if (result == "fail") CHECK(row.at("comply") != "Yes");
      provisions_seen.insert(p);
      ++checked;
    }
  }
  CHECK(checked >= 80);
  // Every provision chc checks case by case is exercised by some hand-worked case.
  for (const char* p : {"2.3", "2.4", "5.3", "5.6", "5.11", "6.2", "6.3", "6.4", "6.5", "6.9", "6.11", "6.13", "6.14", "6.15", "6.16", "6.19", "7.3"}) {
    INFO(p);
    CHECK(provisions_seen.count(p) == 1);
  }
}

TEST_CASE("case ids in the drill-down are the ids the CRM sent, escaped once", "[report]") {
  // Late like B (due 2025-05-19, answered 05-30); its id holds a quote, a backslash and a non-ASCII letter.
  const std::string id = "Q\"7\\b\xC3\xA9";
  const std::string line = R"({"id":"Q\"7\\b\u00e9","received":"2025-05-01","events":[{"type":"acknowledged","date":"2025-05-02","definition":true},{"type":"response","date":"2025-05-30"}]})";
  const auto r = report_of(reporting_year(2025), line + "\n");
  const auto& late = r.at("tsm").at("CH02").at("stage1").at("late").at("ids").as_array();
  REQUIRE(late.size() == 2);
  CHECK(late[0] == "B");
  CHECK(late[1] == bj::string(id));
}
