// SPDX-License-Identifier: MIT
// Evaluation details the conformance set does not pin down: Europe/London
// timestamps, overlays, rule-set choice, the catalogue, unknown fields and
// bad input.
#include "core/london_time.hpp"
#include "evaluate/evaluate_impl.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace bj = boost::json;
using namespace chc;

namespace {
Date d(const char* iso) { return Date::parse(iso); }

Errc code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return Errc::ok;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

bj::object run(const RuleSet& rules, const std::string& json, const char* as_of) {
  return bj::parse(evaluate_json(rules, nullptr, json, d(as_of))).as_object();
}

const bj::object& deadline(const bj::object& out, const char* name) {
  for (const auto& x : out.at("deadlines").as_array()) {
    if (x.at("name") == name) return x.as_object();
  }
  throw std::runtime_error(std::string("no deadline ") + name);
}
}  // namespace

TEST_CASE("timestamps become Europe/London dates across the clock changes", "[evaluate][time]") {
  // BST 2025 ran from 01:00 UTC on Sunday 30 March to 01:00 UTC on Sunday 26 October.
  CHECK(parse_london_moment("2025-03-29T23:30:00Z").date == d("2025-03-29"));
  CHECK(parse_london_moment("2025-03-30T00:30:00Z").date == d("2025-03-30"));
  CHECK(*parse_london_moment("2025-03-30T00:30:00Z").minute == 30);
  CHECK(*parse_london_moment("2025-03-30T01:30:00Z").minute == 2 * 60 + 30);  // 02:30 BST
  CHECK(parse_london_moment("2025-06-13T23:30:00Z").date == d("2025-06-14"));
  CHECK(*parse_london_moment("2025-06-13T23:30:00Z").minute == 30);
  CHECK(parse_london_moment("2025-10-25T23:30:00Z").date == d("2025-10-26"));
  CHECK(parse_london_moment("2025-10-26T23:30:00Z").date == d("2025-10-26"));
  CHECK(parse_london_moment("2025-06-14T00:30:00+01:00").date == d("2025-06-14"));
  CHECK(parse_london_moment("2024-12-31T23:59:59-05:00").date == d("2025-01-01"));
  CHECK(parse_london_moment("2025-06-13T16:15:30.125Z").date == d("2025-06-13"));
  CHECK(*parse_london_moment("2025-06-13T16:15:30.125Z").minute == 17 * 60 + 15);
  CHECK_FALSE(parse_london_moment("2025-06-13").minute.has_value());
  for (const char* bad : {"2025-06-13T25:00:00Z", "2025-06-13T10:00:00", "2025-02-30T10:00:00Z", "2025-06-13T10:00Z",
                          "2025-06-13T10:00:00+0100", "2025-06-13T10:00:00Zjunk", "yesterday"}) {
    INFO(bad);
    CHECK(code_of([&] { parse_london_moment(bad); }) == Errc::date);
  }
}

TEST_CASE("a landlord overlay's receipt policy and cut-off", "[evaluate][overlay]") {
  const RuleSet plain = RuleSet::builtin("hoc-2024");
  const RuleSet policy = RuleSet::from_json(
      R"({"name": "Example Homes", "base": "hoc-2024", "receipt": {"non_working_day": "next_working_day", "cutoff": "17:00"}})");
  // Friday 7 March 2025 at 17:30 GMT: after the cut-off, so day 0 is Monday 10 March.
  const std::string friday_evening = R"({"id": "A", "received": "2025-03-07T17:30:00Z", "events": []})";
  CHECK(run(plain, friday_evening, "2025-03-07").at("day_zero") == "2025-03-07");
  CHECK(deadline(run(plain, friday_evening, "2025-03-07"), "stage1_acknowledgement").at("due") == "2025-03-14");
  const auto out = run(policy, friday_evening, "2025-03-07");
  CHECK(out.at("day_zero") == "2025-03-10");
  CHECK(deadline(out, "stage1_acknowledgement").at("due") == "2025-03-17");
  // 16:59 BST is before the cut-off; a Saturday counts from Monday.
  CHECK(run(policy, R"({"id": "B", "received": "2025-06-13T15:59:00Z", "events": []})", "2025-06-13").at("day_zero") == "2025-06-13");
  CHECK(run(policy, R"({"id": "C", "received": "2025-06-14", "events": []})", "2025-06-14").at("day_zero") == "2025-06-16");
  CHECK(run(plain, R"({"id": "C", "received": "2025-06-14", "events": []})", "2025-06-14").at("day_zero") == "2025-06-14");
}

TEST_CASE("landlord targets are reported beside the Code and may only be stricter", "[evaluate][overlay]") {
  const RuleSet overlay = RuleSet::from_json(R"({"name": "Example", "base": "hoc-2024", "targets": {"stage2_acknowledgement": 2}})");
  const auto out = run(overlay,
                       R"({"id": "T", "received": "2025-05-01", "events": [
                            {"type": "acknowledged", "date": "2025-05-02", "definition": true},
                            {"type": "response", "date": "2025-05-09"},
                            {"type": "escalation_requested", "date": "2025-05-12"},
                            {"type": "acknowledged", "date": "2025-05-15", "stage": 2}]})",
                       "2025-05-20");
  const auto& ack2 = deadline(out, "stage2_acknowledgement");
  CHECK(ack2.at("due") == "2025-05-19");  // the Code's 5 working days stand
  CHECK(ack2.at("state") == "met");
  CHECK(ack2.at("target").at("due") == "2025-05-14");
  CHECK(ack2.at("target").at("state") == "missed");

  CHECK(code_of([] { RuleSet::from_json(R"({"base": "hoc-2024", "targets": {"stage1_response": 12}})"); }) == Errc::invalid_argument);
  CHECK_THAT(message_of([] { RuleSet::from_json(R"({"base": "hoc-2024", "targets": {"stage1_response": 12}})"); }),
             Catch::Contains("6.3") && Catch::Contains("targets.stage1_response"));
  CHECK(code_of([] { RuleSet::from_json(R"({"base": "hoc-2024", "targets": {"stage9_response": 2}})"); }) == Errc::schema);
  CHECK(code_of([] { RuleSet::from_json(R"({"base": "hoc-2024", "targets": {"stage1_response": 0}})"); }) == Errc::invalid_argument);
  CHECK(code_of([] { RuleSet::from_json(R"({"base": "hoc-2099"})"); }) == Errc::unknown_name);
  CHECK(code_of([] { RuleSet::from_json(R"({"base": "hoc-2024", "receipt": {"cutoff": "5pm"}})"); }) == Errc::schema);
  CHECK(code_of([] { RuleSet::from_json(R"({"base": "hoc-2024", "tragets": {}})"); }) == Errc::schema);
  CHECK(code_of([] { RuleSet::from_json("{"); }) == Errc::json);
}

TEST_CASE("hoc chooses the Code by the received date", "[evaluate][rules]") {
  const RuleSet hoc = RuleSet::builtin("hoc");
  CHECK(hoc.resolve(d("2024-03-31")) == "hoc-2022");
  CHECK(hoc.resolve(d("2024-04-01")) == "hoc-2024");
  CHECK(run(hoc, R"({"id": 7, "received": "2024-03-28", "events": []})", "2024-04-02").at("rules") == "hoc-2022");
  CHECK(run(hoc, R"({"id": 7, "received": "2024-04-02", "events": []})", "2024-04-02").at("rules") == "hoc-2024");
  CHECK(RuleSet::builtin("spso").default_calendar() == "scotland");
  CHECK(code_of([] { RuleSet::builtin("hoc-2023"); }) == Errc::unknown_name);
}

TEST_CASE("the 2024 Code's provision catalogue", "[evaluate][rules]") {
  const auto& provisions = RuleSet::builtin("hoc-2024").provisions();
  REQUIRE(provisions.size() == 72);
  CHECK(provisions.front().id == "1.2");
  CHECK(provisions.back().id == "9.8");
  const auto p62 = std::find_if(provisions.begin(), provisions.end(), [](const Provision& p) { return p.id == "6.2"; });
  REQUIRE(p62 != provisions.end());
  CHECK(p62->text ==
        "Complaints must be acknowledged, defined and logged at stage 1 of the complaints procedure within five working days of the "
        "complaint being received.");
  CHECK(p62->check == "case");
  const auto p69 = std::find_if(provisions.begin(), provisions.end(), [](const Provision& p) { return p.id == "6.9"; });
  REQUIRE(p69->items.size() == 7);
  CHECK(p69->items[6].first == "g");
  CHECK(RuleSet::builtin("hoc-2022").provisions().size() == 72);
  const RuleSet spso = RuleSet::builtin("spso");
  REQUIRE(spso.provisions().size() == 8);
  CHECK(spso.provisions().front().id == "spso-stages");
  REQUIRE(spso.sections().size() == 4);
  CHECK(spso.sections()[2].title == "Stage 1: frontline response");
}

TEST_CASE("unknown fields survive and evaluation never changes its input", "[evaluate][roundtrip]") {
  const std::string text = R"({"id": "U-1", "received": "2025-06-13T23:30:00Z", "crm": {"ref": [1, 2, {"deep": null}], "flag": true},
    "events": [{"type": "acknowledged", "date": "2025-06-16T09:00:00+01:00", "x-internal": "keep me", "definition": true},
               {"type": "x-phone-call", "date": "2025-06-17", "minutes": 12.5}],
    "score": 1.25e3})";
  const Case c = Case::parse(text);
  const std::string before = c.json();
  evaluate(RuleSet::builtin("hoc"), nullptr, c, d("2025-06-20"));
  CHECK(c.json() == before);
  CHECK(bj::parse(before) == bj::parse(text));
  bj::object normal = bj::parse(c.normalized_json()).as_object();
  CHECK(normal.at("chc_received_date") == "2025-06-14");
  CHECK(normal.at("events").at(0).at("chc_local_date") == "2025-06-16");
  normal.erase("chc_received_date");
  normal.at("events").as_array()[0].as_object().erase("chc_local_date");
  CHECK(bj::value(normal) == bj::parse(text));
  // Echoed in an evaluation, too.
  EvaluationJsonOptions echo;
  echo.echo_case = true;
  const auto out = bj::parse(evaluate_json(RuleSet::builtin("hoc"), nullptr, text, d("2025-06-20"), echo));
  CHECK(out.at("case") == bj::parse(text));
}

TEST_CASE("normalizing edits the text in place and changes nothing else", "[evaluate][roundtrip]") {
  // Numbers as written (1.50, a 30-digit integer), a repeated unknown key, an
  // escaped key, whitespace: all kept byte for byte. 2025-06-13T23:30:00Z is
  // 14 June in London (BST); 2025-03-10T23:30:00Z is still 10 March (GMT).
  const std::string text =
      "{ \"id\": \"N-1\",\n  \"received\": \"2025-06-13T23:30:00Z\", \"big\": 123456789012345678901234567890,"
      " \"money\": 1.50, \"x\": 1, \"x\": 2, \"r\\u00e9f\": \"\\u00e9\",\n"
      "  \"events\": [ {\"type\": \"acknowledged\", \"date\": \"2025-06-16\"},"
      " {\"type\": \"x-call\", \"date\": \"2025-03-10T23:30:00Z\", \"chc_local_date\": \"stale\"},"
      " {\"type\":\"x-note\",\"date\":\"2025-06-17T08:00:00+01:00\"} ] }";
  const std::string expected =
      "{ \"id\": \"N-1\",\n  \"received\": \"2025-06-13T23:30:00Z\", \"big\": 123456789012345678901234567890,"
      " \"money\": 1.50, \"x\": 1, \"x\": 2, \"r\\u00e9f\": \"\\u00e9\",\n"
      "  \"events\": [ {\"type\": \"acknowledged\", \"date\": \"2025-06-16\"},"
      " {\"type\": \"x-call\", \"date\": \"2025-03-10T23:30:00Z\", \"chc_local_date\": \"2025-03-10\"},"
      " {\"type\":\"x-note\",\"date\":\"2025-06-17T08:00:00+01:00\",\"chc_local_date\":\"2025-06-17\"} ] "
      ",\"chc_received_date\":\"2025-06-14\"}";
  CHECK(Case::parse(text).normalized_json() == expected);
  // Normalizing twice changes nothing more: the dates are replaced, never repeated.
  CHECK(Case::parse(expected).normalized_json() == expected);
  // Plain dates need nothing: the text comes back exactly.
  const std::string plain = R"({"id":7,"received":"2025-06-13","events":[]})";
  CHECK(Case::parse(plain).normalized_json() == plain);
}

TEST_CASE("a field chc reads may not be given twice", "[evaluate][errors]") {
  // JSON leaves duplicate names to the reader; a deadline must not depend on which copy wins.
  const RuleSet rules = RuleSet::builtin("hoc-2024");
  auto message = [&](const std::string& json) { return message_of([&] { evaluate_json(rules, nullptr, json, d("2025-06-20")); }); };
  auto code = [&](const std::string& json) { return code_of([&] { evaluate_json(rules, nullptr, json, d("2025-06-20")); }); };
  CHECK(code(R"({"id":"A","received":"2025-06-13","received":"2025-06-02","events":[]})") == Errc::schema);
  CHECK_THAT(message(R"({"id":"A","received":"2025-06-13","received":"2025-06-02","events":[]})"),
             Catch::StartsWith("case.received: appears twice"));
  CHECK_THAT(message(R"({"id":"A","received":"2025-06-13","events":[],"events":[]})"), Catch::StartsWith("case.events: appears twice"));
  CHECK_THAT(message(R"({"id":"A","received":"2025-06-13","events":[{"type":"acknowledged","date":"2025-06-16","date":"2025-06-30"}]})"),
             Catch::StartsWith("case.events[0].date: appears twice"));
  CHECK_THAT(message(R"({"id":"A","received":"2025-06-13","events":[{"type":"response","date":"2025-06-16","letter":{"stage":true,"stage":false}}]})"),
             Catch::StartsWith("case.events[0].letter.stage: appears twice"));
  // Unknown fields may repeat, and are kept.
  CHECK(code(R"({"id":"A","received":"2025-06-13","x":1,"x":2,"events":[{"type":"x-a","date":"2025-06-16","y":1,"y":1}]})") == Errc::ok);
}

TEST_CASE("bad case records are rejected with the field named", "[evaluate][errors]") {
  const RuleSet rules = RuleSet::builtin("hoc-2024");
  auto code = [&](const std::string& json) { return code_of([&] { evaluate_json(rules, nullptr, json, d("2025-06-20")); }); };
  auto message = [&](const std::string& json) { return message_of([&] { evaluate_json(rules, nullptr, json, d("2025-06-20")); }); };
  CHECK(code("") == Errc::json);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [)") == Errc::json);
  CHECK(code(R"(["not", "an", "object"])") == Errc::schema);
  CHECK(code(R"({"received": "2025-06-13", "events": []})") == Errc::schema);
  CHECK_THAT(message(R"({"received": "2025-06-13", "events": []})"), Catch::Contains("case.id"));
  CHECK(code(R"({"id": "", "received": "2025-06-13", "events": []})") == Errc::schema);
  CHECK(code(R"({"id": "A", "events": []})") == Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-02-30", "events": []})") == Errc::date);
  CHECK(code(R"({"id": "A", "received": "1850-02-03", "events": []})") == Errc::range);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": {}})") == Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "respnse", "date": "2025-06-14"}]})") == Errc::schema);
  CHECK_THAT(message(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "respnse", "date": "2025-06-14"}]})"),
             Catch::Contains("case.events[0].type") && Catch::Contains("respnse"));
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "response"}]})") == Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "extension", "date": "2025-06-14", "working_days": -3}]})") ==
        Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "extension", "date": "2025-06-14", "working_days": "5"}]})") ==
        Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "extension", "date": "2025-06-14"}]})") == Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "not_accepted", "date": "2025-06-14", "reason": "bored"}]})") ==
        Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "response", "date": "2025-06-14", "letter": 7}]})") ==
        Errc::schema);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "calendar": "wales", "events": []})") == Errc::unknown_name);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "events": [{"type": "x-note", "date": "2025-06-14"}]})") == Errc::ok);
  std::string many = R"({"id": "A", "received": "2025-06-13", "events": [)";
  for (int i = 0; i <= 10000; ++i) many += std::string(i ? "," : "") + R"({"type":"update_sent","date":"2025-06-14"})";
  CHECK(code(many + "]}") == Errc::limit);
  CHECK(code(R"({"id": "A", "received": "2025-06-13", "pad": ")" + std::string(1u << 20, 'x') + R"(", "events": []})") == Errc::limit);
  CHECK(code_of([&] { evaluate_json(rules, nullptr, R"({"id": "A", "received": "2025-06-13", "events": []})", d("1850-01-01")); }) ==
        Errc::range);
}

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

TEST_CASE("findings come in the order the rule set lists its checks, data findings last", "[evaluate]") {
  // The order is read here from each rule set's file (the first check of a
  // provision sets its place), not from chc; every case of the bundled
  // register is evaluated, so stages, exclusions and remedies all take part.
  const std::string cases = read_file(std::string(CHC_EXAMPLES_DATA_DIR) + "/register.ndjson");
  const std::string panel = read_file(std::string(CHC_TEST_DATA_DIR) + "/rulesets/test-panel-2026.json");
  struct Under {
    RuleSet rules;
    std::string file;
  };
  const Under runs[] = {{RuleSet::builtin("hoc-2024"), read_file(std::string(CHC_RULESETS_DIR) + "/hoc-2024.json")},
                        {RuleSet::builtin("hoc-2022"), read_file(std::string(CHC_RULESETS_DIR) + "/hoc-2022.json")},
                        {RuleSet::builtin("spso"), read_file(std::string(CHC_RULESETS_DIR) + "/spso.json")},
                        {RuleSet::from_json(panel), panel}};
  const Calendar cal = Calendar::builtin("england-and-wales");
  for (const Under& run : runs) {
    std::map<std::string, std::size_t> place;
    const bj::value file = bj::parse(run.file);
    const bj::array& checks = file.at("checks").as_array();
    for (std::size_t i = 0; i < checks.size(); ++i) place.emplace(std::string(checks[i].at("provision").as_string()), i);
    INFO("rule set " << run.rules.name());
    std::istringstream lines(cases);
    std::string line;
    std::size_t cases_read = 0, cases_evaluated = 0, findings_seen = 0, long_provisions = 0;
    while (std::getline(lines, line)) {
      ++cases_read;
      Evaluation e;
      try {
        e = evaluate(run.rules, &cal, Case::parse(line), Date::parse("2026-04-30"));
      } catch (const Error&) {
        continue;  // words the test regime does not know ("other" is no exclusion there)
      }
      ++cases_evaluated;
      std::size_t last = 0;
      for (const Finding& f : e.findings) {
        const std::size_t at = f.provision == "data" ? checks.size() : place.at(f.provision);
        INFO("case " << e.id_json << ", finding " << f.provision);
        REQUIRE(at >= last);
        last = at;
        ++findings_seen;
        if (f.provision.size() > 7) ++long_provisions;
      }
    }
    REQUIRE(cases_read == 4000);
    REQUIRE(cases_evaluated > 3000);
    REQUIRE(findings_seen > 2 * cases_evaluated);
    if (run.rules.name() == "spso") REQUIRE(long_provisions > 0);  // names like "spso-s1-extension" rank too
  }
}

TEST_CASE("findings keep their log order within a provision, however many a case has", "[evaluate]") {
  // n remedies offered and never completed, each overdue (7.3), and an
  // acknowledgement logged before receipt (a data finding, found first but
  // listed last): 10 takes the small sort, 40 the large one.
  const std::string file = read_file(std::string(CHC_RULESETS_DIR) + "/hoc-2024.json");
  const bj::value parsed = bj::parse(file);
  const bj::array& checks = parsed.at("checks").as_array();
  std::map<std::string, std::size_t> place;
  for (std::size_t i = 0; i < checks.size(); ++i) place.emplace(std::string(checks[i].at("provision").as_string()), i);
  const Calendar cal = Calendar::builtin("england-and-wales");
  for (const int n : {10, 40}) {
    std::string events = R"({"type":"acknowledged","date":"2025-01-02","stage":1},{"type":"response","date":"2025-01-20","stage":1,"decision":"upheld"})";
    for (int i = 0; i < n; ++i) {
      events += R"(,{"type":"remedy_offered","date":"2025-01-20","id":"R)" + std::to_string(i) + R"(","what":"a repair","due":"2025-02-01"})";
    }
    events += R"(,{"type":"acknowledged","date":"2024-12-01","stage":1})";
    const Evaluation e = evaluate(RuleSet::builtin("hoc-2024"), &cal, Case::parse(R"({"id":"many","received":"2025-01-06","events":[)" + events + "]}"),
                                  Date::parse("2025-06-01"));
    INFO(n << " remedies");
    std::size_t last = 0;
    int remedies = 0, previous_event = -1;
    for (const Finding& f : e.findings) {
      const std::size_t at = f.provision == "data" ? checks.size() : place.at(f.provision);
      REQUIRE(at >= last);
      last = at;
      if (f.provision == "7.3") {
        ++remedies;
        REQUIRE(!f.events.empty());
        REQUIRE(f.events.front() > previous_event);  // R0, R1, ... as logged (events 2 to n + 1)
        previous_event = f.events.front();
      }
    }
    REQUIRE(remedies == n);
    REQUIRE(e.findings.back().provision == "data");
  }
}
