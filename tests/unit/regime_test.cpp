// SPDX-License-Identifier: MIT
// A regime is data: tests/data/rulesets/test-panel-2026.json is a made-up
// two-stage procedure (its own provision numbers, stage names, caps, words
// and catalogue) that no code names. Loaded as it is, it must evaluate and
// report correctly. Every date below is worked out by hand on the
// england-and-wales calendar; the clocks are:
//   fr_acknowledge  2 working days after receipt
//   fr_decision     7 calendar days beginning with the day of receipt (day 1)
//   pr_acknowledge  3 working days beginning with the day of the escalation request
//   pr_decision     15 working days after the panel acknowledgement (+ up to 5)
#include <chc/evaluate.hpp>
#include <chc/report.hpp>

#include "test_support.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace bj = boost::json;
using namespace chc;

namespace {

std::string panel_json() {
  std::ifstream in(std::string(CHC_TEST_DATA_DIR) + "/rulesets/test-panel-2026.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const RuleSet& panel() {
  static const RuleSet rules = RuleSet::from_json(panel_json());
  return rules;
}

// T1 received Fri 2025-12-19.
//   fr_acknowledge: Mon 12-22 (1), Tue 12-23 (2): due 12-23; acknowledged 12-23: met.
//   fr_decision: day 1 Fri 12-19 ... day 7 Thu 12-25 (calendar days: Christmas counts): due 12-25;
//     decided Mon 12-29: missed, 4 calendar days late.
//   escalated Mon 2026-01-05; pr_acknowledge: day 1 01-05, 01-06 (2), Wed 01-07 (3): due 01-07; met 01-07.
//   pr_decision: 15 working days after Wed 01-07: 08, 09, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, Wed 01-28;
//     extended on 01-20 by 5 with reasons: 29, 30, 02-02, 02-03, Wed 02-04; decided 02-03: met (not within the original).
//   letter: the outcome, not how to appeal: R2.4 fails on (b).
//   remedy offered 02-03, due 02-10, not done by 2026-03-31: R5.1 fails, overdue.
const char* const t1 =
    R"({"id":"T1","received":"2025-12-19","events":[)"
    R"({"type":"acknowledged","date":"2025-12-23","handler":"A. One"},)"
    R"({"type":"response","date":"2025-12-29","handler":"A. One","decision":"rejected","letter":{"outcome":true,"appeal":false}},)"
    R"({"type":"escalation_requested","date":"2026-01-05"},)"
    R"({"type":"acknowledged","date":"2026-01-07","stage":2,"handler":"B. Two"},)"
    R"({"type":"extension","date":"2026-01-20","stage":2,"working_days":5,"reason":"Site visit","ombudsman_details_given":true},)"
    R"({"type":"response","date":"2026-02-03","stage":2,"handler":"B. Two","decision":"upheld"},)"
    R"({"type":"remedy_offered","date":"2026-02-03","what":"repaint hall","due":"2026-02-10","amount":50}]})";
// T2 received Sat 2026-01-10, nothing since: fr_acknowledge due Tue 01-13 (Mon 12 (1), Tue 13 (2));
//   fr_decision due Fri 01-16 (day 1 Sat 01-10 ... day 7 Fri 01-16). Open at 2026-03-31 since 01-10:
//   working days (01-10, 03-31]: January 15, February 20, March 22: 57, in the 41+ band.
const char* const t2 = R"({"id":"T2","received":"2026-01-10","events":[]})";
// T3 received 2026-02-02 about an issue of 2025-10-01 (four months: outside three), not accepted
//   as "late" with the explanation and the Adjudicator right given: R1.1 and R1.2 pass.
const char* const t3 =
    R"({"id":"T3","received":"2026-02-02","issue_date":"2025-10-01","events":[)"
    R"({"type":"not_accepted","date":"2026-02-03","reason":"late","explanation_given":true,"ombudsman_right_given":true}]})";
// T4 received Mon 2025-06-02: fr_decision day 1 06-02 ... day 7 Sun 06-08; decided 06-05: met.
//   Escalated Mon 06-09; pr_acknowledge due Wed 06-11 (06-09 is day 1); acknowledged 06-09.
//   pr_decision: 15 working days after 06-09: 10..13 (4), 16..20 (9), 23..27 (14), Mon 06-30; decided 06-20: met.
//   Then asks for a third stage on 06-23: R4.1 fails.
const char* const t4 =
    R"({"id":"T4","received":"2025-06-02","events":[)"
    R"({"type":"acknowledged","date":"2025-06-03","handler":"A. One"},)"
    R"({"type":"response","date":"2025-06-05","handler":"A. One","letter":["outcome","appeal"]},)"
    R"({"type":"escalation_requested","date":"2025-06-09"},)"
    R"({"type":"acknowledged","date":"2025-06-09","stage":2,"handler":"C. Three"},)"
    R"({"type":"response","date":"2025-06-20","stage":2,"handler":"C. Three"},)"
    R"({"type":"escalation_requested","date":"2025-06-23","stage":3}]})";

const Deadline& deadline(const Evaluation& e, const std::string& name) {
  for (const Deadline& d : e.deadlines) {
    if (d.name == name) return d;
  }
  FAIL("no deadline " << name);
  throw;
}

const Finding& finding(const Evaluation& e, const std::string& provision) {
  for (const Finding& f : e.findings) {
    if (f.provision == provision) return f;
  }
  FAIL("no finding for " << provision);
  throw;
}

Date d(const char* iso) { return Date::parse(iso); }

}  // namespace

TEST_CASE("a rule set given only as data loads with its own words and catalogue", "[regime]") {
  const RuleSet& rules = panel();
  CHECK(rules.name() == "test-panel-2026");
  CHECK(rules.default_calendar() == "england-and-wales");
  REQUIRE(rules.provisions().size() == 14);
  CHECK(rules.provisions()[3].text == "A first review is decided within seven days beginning with the day of receipt.");
  REQUIRE(rules.sections().size() == 6);
  CHECK(rules.sections()[1].title == "First review");
  const bj::object info = bj::parse(rules.info_json()).as_object();
  const auto& deadlines = info.at("rule_sets").at(0).at("deadlines").as_array();
  REQUIRE(deadlines.size() == 4);
  CHECK(deadlines[1].at("unit") == "calendar_days");
  CHECK(deadlines[1].at("counting") == "including_event_day");
  CHECK(deadlines[1].at("provision") == "R2.2");
  CHECK(deadlines[1].at("extension_limit") == 7);
}

TEST_CASE("the data-only regime's clocks count as its data says", "[regime]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const Evaluation e = evaluate(panel(), &ew, Case::parse(t1), d("2026-03-31"));
  CHECK(e.rules == "test-panel-2026");
  CHECK(e.status == CaseStatus::closed);
  CHECK(e.stage == 2);
  CHECK(deadline(e, "fr_acknowledge").due == d("2025-12-23"));
  CHECK(deadline(e, "fr_acknowledge").state == DeadlineState::met);
  const Deadline& decision = deadline(e, "fr_decision");
  CHECK(decision.kind == DeadlineKind::respond);
  CHECK(decision.unit == ClockUnit::calendar_days);
  CHECK(decision.due == d("2025-12-25"));
  CHECK(decision.state == DeadlineState::missed);
  CHECK(deadline(e, "pr_acknowledge").due == d("2026-01-07"));
  CHECK(deadline(e, "pr_acknowledge").state == DeadlineState::met);
  const Deadline& panel_decision = deadline(e, "pr_decision");
  CHECK(panel_decision.original_due == d("2026-01-28"));
  CHECK(panel_decision.due == d("2026-02-04"));
  CHECK(panel_decision.extension_working_days == 5);
  CHECK(panel_decision.state == DeadlineState::met);

  const Finding& late = finding(e, "R2.2");
  CHECK(late.kind == CheckKind::timing);
  CHECK(late.result == FindingResult::fail);
  CHECK(late.facts.count == 4);
  CHECK(late.message == "Responded on 2025-12-29, 4 calendar days late: due 2025-12-25 (7 calendar days beginning with the day of receipt)");
  const Finding& letter = finding(e, "R2.4");
  CHECK(letter.result == FindingResult::fail);
  CHECK(letter.facts.items == std::vector<std::string>{"appeal"});
  CHECK(letter.message == "The first review response letter (2025-12-29) does not confirm (b) how to appeal to the panel");
  CHECK(finding(e, "R3.3").result == FindingResult::pass);
  CHECK(finding(e, "R3.3").message ==
        "Extension of 5 working days on 2026-01-20 (5 working days in all, within the Procedure's 5), with reasons: \"Site visit\"");
  CHECK(finding(e, "R3.4").message == "The Panel Adjudicator's contact details were given with the extension on 2026-01-20");
  CHECK(finding(e, "R3.5").message == "panel review was handled by \"B. Two\", first review by \"A. One\"");
  const Finding& remedy = finding(e, "R5.1");
  CHECK(remedy.kind == CheckKind::remedy);
  CHECK(remedy.facts.detail == FindingDetail::remedy_overdue);
}

TEST_CASE("an open case, an exclusion and a third stage under the data-only regime", "[regime]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  const Evaluation open = evaluate(panel(), &ew, Case::parse(t2), d("2026-01-20"));
  CHECK(open.status == CaseStatus::awaiting_acknowledgement);
  CHECK(deadline(open, "fr_acknowledge").due == d("2026-01-13"));
  CHECK(deadline(open, "fr_acknowledge").state == DeadlineState::overdue);
  CHECK(deadline(open, "fr_decision").due == d("2026-01-16"));
  REQUIRE(open.next_action);
  CHECK(open.next_action->kind == DeadlineKind::acknowledge);
  CHECK(open.next_action->action == "acknowledge the first review complaint");
  CHECK(open.next_action->provision == "R2.1");

  const Evaluation excluded = evaluate(panel(), &ew, Case::parse(t3), d("2026-03-31"));
  CHECK(excluded.status == CaseStatus::not_accepted);
  CHECK(finding(excluded, "R1.1").result == FindingResult::pass);
  CHECK(finding(excluded, "R1.1").facts.detail == FindingDetail::excluded_outside_time_limit);
  CHECK(finding(excluded, "R1.2").message == "Not accepted on 2026-02-03 with an explanation and the right to go to the Panel Adjudicator");

  const Evaluation third = evaluate(panel(), &ew, Case::parse(t4), d("2026-03-31"));
  CHECK(third.stage == 2);
  CHECK(third.status == CaseStatus::closed);
  CHECK(deadline(third, "fr_decision").due == d("2025-06-08"));
  CHECK(deadline(third, "pr_acknowledge").due == d("2025-06-11"));
  CHECK(deadline(third, "pr_decision").due == d("2025-06-30"));
  const Finding& stages = finding(third, "R4.1");
  CHECK(stages.result == FindingResult::fail);
  CHECK(stages.message == "Escalated to stage 3 on 2025-06-23: the Procedure allows no more than 2 stages");

  // The Code's vocabulary is the rule set's: a reason it does not list is refused with its words.
  CHECK_THROWS_WITH(evaluate(panel(), &ew, Case::parse(R"({"id":"X","received":"2026-02-02","events":[{"type":"not_accepted","date":"2026-02-03","reason":"lat"}]})"),
                             d("2026-03-31")),
                    Catch::Contains("\"lat\" is not an exclusion under test-panel-2026; did you mean \"late\"? (use late, court)"));
}

TEST_CASE("the data-only regime's report speaks its words", "[regime][report]") {
  const Calendar ew = Calendar::builtin("england-and-wales");
  ReportOptions options = reporting_year(2025);
  options.homes = 100;
  Report report(panel(), &ew, options);
  for (const char* line : {t1, t2, t3, t4}) REQUIRE(report.add_case(line) == Errc::ok);
  const bj::object r = bj::parse(report.json()).as_object();
  const auto& ch01 = r.at("tsm").at("CH01").as_object();
  CHECK(ch01.at("stage1").at("count") == 3);  // T1, T2, T4 (T3 not accepted)
  CHECK(ch01.at("stage2").at("count") == 2);  // T1 01-05, T4 06-09
  const auto& ch02 = r.at("tsm").at("CH02").as_object();
  CHECK(ch02.at("stage1").at("responded").at("count") == 2);  // T1 late, T4 on time
  CHECK(ch02.at("stage1").at("percent") == 50);
  CHECK(ch02.at("stage2").at("within_timescale") == 2);        // T1 with its extension, T4
  CHECK(ch02.at("stage2").at("within_original_timescale") == 1);
  const auto& perf = r.at("performance").as_object();
  CHECK(perf.at("remedies").at("overdue").at("count") == 1);
  CHECK(perf.at("refused").at("by_reason").at("late").at("label") == "Raised more than three months after the event");
  CHECK(perf.at("stages").at(1).at("name") == "panel review");
  CHECK(perf.at("open_at_period_end_by_age").at(4).at("count") == 1);  // T2, 57 working days
  const auto& readings = r.at("tsm").at("readings").as_array();
  CHECK_THAT(std::string(readings.at(0).as_string()),
             Catch::Contains("(first review up to 7 calendar days, panel review up to 5 working days,"));
  CHECK(r.at("report").at("code").at("ombudsman") == "Test Panel Adjudication Service");

  const auto& sa = r.at("self_assessment").as_object();
  CHECK(sa.at("code") == "test-panel-2026");
  CHECK(sa.at("sections").at(5).at("title") == "Reporting");
  bool seen = false;
  for (const auto& row : sa.at("rows").as_array()) {
    if (row.at("provision") != "R2.2") continue;
    seen = true;  // T4 on time; T1 late and T2 overdue at 2026-03-31: 1 of 3 is below 90%
    CHECK(row.at("comply") == "No");
    CHECK(row.at("cases").at("pass") == 1);
    CHECK(row.at("cases").at("fail") == 2);
    CHECK(row.at("title") == "First review decision");
  }
  CHECK(seen);

  const std::string html = report.html();
  CHECK_THAT(html, Catch::Contains("Annual panel complaints report"));
  CHECK_THAT(html, Catch::Contains("Section 2: First review"));
  CHECK_THAT(html, Catch::Contains("Self-assessment against the Test Panel Procedure"));
  CHECK_THAT(html, Catch::Contains("asks landlords to report (R9.1)"));
  CHECK_THAT(html, Catch::Contains("Test Panel Adjudication Service, 1 Example Street, Testtown TT1 1TT"));
  CHECK_THAT(html, Catch::Contains("Raised more than three months after the event"));
  CHECK_THAT(html, Catch::Contains("Complaint volumes and timeliness"));
  CHECK(html.find("Housing Ombudsman") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("The Tenant Satisfaction Measures apply to landlords in England"));
}
