// SPDX-License-Identifier: MIT
// A report speaks the Code it is run under: for each built-in rule set, its
// section titles, provision texts, extension caps, Ombudsman and remedy
// figures, on the bundled register and on a register worked out by hand.
// The expected words are the Codes' own (data/provisions quote them); the
// overdue remedies of the bundled register are counted here by brute force
// from its events, never by asking chc.
#include <chc/report.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace bj = boost::json;
using namespace chc;

namespace {

std::string bundled_register() {
  std::ifstream in(std::string(CHC_EXAMPLES_DATA_DIR) + "/register.ndjson");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Run {
  bj::object json;
  std::string html;
};

Run report(const std::string& rules, const std::string& ndjson, ReportOptions options) {
  Report r(RuleSet::builtin(rules), nullptr, std::move(options));
  r.add_ndjson(ndjson);
  return {bj::parse(r.json()).as_object(), r.html()};
}

std::string reading(const bj::object& r) { return std::string(r.at("tsm").at("readings").at(0).as_string()); }

const bj::object& row(const bj::object& r, std::string_view provision) {
  for (const auto& row : r.at("self_assessment").at("rows").as_array()) {
    if (row.at("provision").as_string() == provision) return row.as_object();
  }
  FAIL("no self-assessment row " << provision);
  throw;
}

std::string section_title(const bj::object& r, std::string_view number) {
  for (const auto& s : r.at("self_assessment").at("sections").as_array()) {
    if (s.at("number").as_string() == number) return std::string(s.at("title").as_string());
  }
  return {};
}

// Remedies offered by `as_of` with a due date before it and no completion (by id) by then.
uint64_t overdue_remedies(const std::string& ndjson, const std::string& as_of) {
  uint64_t overdue = 0;
  std::istringstream lines(ndjson);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const bj::object c = bj::parse(line).as_object();
    std::map<std::string, std::string> due, completed;
    for (const auto& e : c.at("events").as_array()) {
      const std::string type(e.at("type").as_string()), date(e.at("date").as_string());
      if (date > as_of) continue;
      if (type == "remedy_offered" && e.as_object().contains("due")) due[std::string(e.at("id").as_string())] = e.at("due").as_string();
      if (type == "remedy_completed") completed[std::string(e.at("id").as_string())] = date;
    }
    for (const auto& [id, d] : due) overdue += d < as_of && !completed.count(id);
  }
  return overdue;
}

}  // namespace

TEST_CASE("each built-in rule set reports the bundled register in its own words", "[report][rules]") {
  const std::string text = bundled_register();
  const uint64_t overdue = overdue_remedies(text, "2026-03-31");
  REQUIRE(overdue > 0);

  SECTION("hoc-2024") {
    const Run r = report("hoc-2024", text, reporting_year(2025));
    CHECK(r.json.at("performance").at("remedies").at("overdue").at("count") == overdue);
    CHECK(r.json.at("self_assessment").at("code") == "hoc-2024");
    CHECK(section_title(r.json, "6") == "Complaints stages");
    CHECK(row(r.json, "6.14").at("requirement") ==
          "Landlords must issue a final response to the stage 2 within 20 working days of the complaint being acknowledged.");
    CHECK_THAT(reading(r.json), Catch::Contains("(stage 1 up to 10 working days, stage 2 up to 20 working days,"));
    CHECK(r.json.at("report").at("code").at("ombudsman") == "Housing Ombudsman Service");
    CHECK_THAT(r.html, Catch::Contains("Section 6: Complaints stages"));
    CHECK_THAT(r.html, Catch::Contains("PO Box 1484"));
  }
  SECTION("hoc-2022") {
    // Today's 0 was the bug: the 2022 Code numbers its remedy provision 6.5, not 7.3.
    const Run r = report("hoc-2022", text, reporting_year(2025));
    CHECK(r.json.at("performance").at("remedies").at("overdue").at("count") == overdue);
    CHECK(r.json.at("self_assessment").at("code") == "hoc-2022");
    CHECK(section_title(r.json, "6") == "Putting things right");
    CHECK(section_title(r.json, "5") == "Complaint stages");
    CHECK_THAT(std::string(row(r.json, "5.1").at("requirement").as_string()),
               Catch::StartsWith("Landlords must respond to the complaint within 10 working days of the complaint being logged."));
    CHECK(row(r.json, "6.5").at("source") == "register");  // the remedy provision, judged from the cases
    CHECK_THAT(reading(r.json), Catch::Contains("(stage 1 up to 10 working days, stage 2 up to 10 working days,"));
    CHECK(row(r.json, "5.17").at("comply") == "Yes");  // three stages at most: the rule set has three
    CHECK_THAT(r.html, Catch::Contains("Section 6: Putting things right"));
    CHECK(r.html.find("Section 6: Complaints stages") == std::string::npos);
  }
  SECTION("hoc, choosing by the received date") {
    const Run r = report("hoc", text, reporting_year(2025));
    CHECK(r.json.at("performance").at("remedies").at("overdue").at("count") == overdue);
    CHECK(r.json.at("self_assessment").at("code") == "hoc-2024");
    CHECK_THAT(reading(r.json), Catch::Contains("Housing Ombudsman Complaint Handling Code 2024: stage 1 up to 10 working days, stage 2 up to 20 "
                                                "working days; Housing Ombudsman Complaint Handling Code 2022: stage 1 up to 10 working days, "
                                                "stage 2 up to 10 working days"));
  }
  SECTION("spso") {
    const Run r = report("spso", text, reporting_year(2025));
    CHECK(r.json.at("performance").at("remedies").at("overdue").at("count") == overdue);
    CHECK(r.json.at("self_assessment").at("code") == "spso");
    CHECK(section_title(r.json, "3") == "Stage 1: frontline response");
    CHECK(row(r.json, "spso-s2-ack").at("requirement") ==
          "A stage 2 complaint is acknowledged within three working days, confirming the points of complaint and the outcome sought.");
    CHECK_THAT(reading(r.json), Catch::Contains("(stage 1 up to 5 working days, stage 2 with no fixed limit,"));
    CHECK(r.json.at("report").at("code").at("ombudsman") == "Scottish Public Services Ombudsman");
    CHECK(r.json.at("report").at("code").at("regulator_measures") == "none");
    CHECK_THAT(r.html, Catch::Contains("Freepost SPSO"));
    CHECK(r.html.find("Housing Ombudsman") == std::string::npos);
  }
}

// A register worked out by hand for the 2022 Code (complaints of 2023/24, england-and-wales):
//   P received Mon 2023-06-05, stage 1 response 2023-06-12 (10 working days after the receipt,
//     as logged: due Mon 06-19): in time; remedy offered 06-12 due 2023-07-14, never completed:
//     overdue at 2024-03-31.
//   Q received Mon 2023-09-04, acknowledged (logged) Tue 09-05, response Wed 09-20: due Tue 09-19
//     (10 working days after 09-05): late by 1; remedy offered 09-20 due 10-20, completed 10-16.
//   R received 2023-11-01, escalated 2023-11-20 before any stage 1 response: 5.11 fails.
TEST_CASE("a hand-worked 2022 register reports its overdue remedy and the 2022 provisions", "[report][rules]") {
  const std::string text =
      R"({"id":"P","received":"2023-06-05","events":[{"type":"response","date":"2023-06-12","stage":1},{"type":"remedy_offered","date":"2023-06-12","id":"R1","what":"Apology and repair","due":"2023-07-14","amount":100}]})"
      "\n"
      R"({"id":"Q","received":"2023-09-04","events":[{"type":"acknowledged","date":"2023-09-05","definition":true},{"type":"response","date":"2023-09-20"},{"type":"remedy_offered","date":"2023-09-20","id":"R1","due":"2023-10-20","amount":40},{"type":"remedy_completed","date":"2023-10-16","id":"R1"}]})"
      "\n"
      R"({"id":"R","received":"2023-11-01","events":[{"type":"acknowledged","date":"2023-11-02"},{"type":"escalation_requested","date":"2023-11-20"}]})"
      "\n";
  ReportOptions options = reporting_year(2023);
  options.drill_down = true;
  const Run r = report("hoc-2022", text, options);
  const auto& remedies = r.json.at("performance").at("remedies").as_object();
  CHECK(remedies.at("overdue").at("count") == 1);
  CHECK(remedies.at("overdue").at("ids").at(0) == "P");
  CHECK(remedies.at("offered").at("count") == 2);
  CHECK(remedies.at("completed").at("count") == 1);
  CHECK(remedies.at("offered_amount").to_number<double>() == 140);
  const auto& s1 = r.json.at("tsm").at("CH02").at("stage1").as_object();
  CHECK(s1.at("responded").at("count") == 2);
  CHECK(s1.at("within_timescale") == 1);
  CHECK(s1.at("late").at("ids").at(0) == "Q");
  CHECK(row(r.json, "6.5").at("cases").at("fail") == 1);  // P's remedy
  CHECK(row(r.json, "6.5").at("cases").at("pass") == 1);  // Q's
  CHECK(row(r.json, "5.11").at("cases").at("fail") == 1);  // R escalated before a stage 1 response
  CHECK(row(r.json, "5.1").at("comply") == "No");          // P in time, Q late: 1 of 2
}

// SPSO, by hand (scotland): S received Mon 2025-06-02, stage 1 response due Mon 06-09 (5 working
// days), answered 06-06; a remedy offered 06-06 due 2025-07-04 and not done by 2026-03-31.
TEST_CASE("a hand-worked SPSO register counts its overdue remedy", "[report][rules]") {
  const std::string text =
      R"({"id":"S","received":"2025-06-02","events":[{"type":"response","date":"2025-06-06","stage":1},{"type":"remedy_offered","date":"2025-06-06","id":"R1","due":"2025-07-04"}]})"
      "\n";
  const Run r = report("spso", text, reporting_year(2025));
  CHECK(r.json.at("performance").at("remedies").at("overdue").at("count") == 1);
  CHECK(r.json.at("tsm").at("CH02").at("stage1").at("within_timescale") == 1);
  CHECK(row(r.json, "spso-s1").at("comply") == "Yes");
}
