// SPDX-License-Identifier: MIT
// The public answers the chc command prints (and the C API or Python can
// return): add/count JSON, evaluate_json, and the case generator's checks.
#include "test_support.hpp"

#include <chc/evaluate.hpp>
#include <chc/generator.hpp>
#include <chc/rules.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <string>

using namespace chc;
using chc::test::d;

namespace {

Errc generator_error(const CaseGeneratorOptions& options) {
  try {
    CaseGenerator generator(options);
  } catch (const Error& e) {
    return e.code();
  }
  return Errc::ok;
}

}  // namespace

TEST_CASE("add and count answer as JSON, names escaped", "[public]") {
  const Calendar cal = Calendar::from_json(
      R"({"name": "Acme \"North\" Homes\\Lettings", "base": "england-and-wales",
          "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Shutdown"}]})");
  // 2025-12-24 + 1: 25 and 26 December, the weekend, the closure and 1 January are skipped.
  const auto add = boost::json::parse(add_working_days_json(cal, d("2025-12-24"), 1)).as_object();
  CHECK(add.at("calendar").as_string() == "Acme \"North\" Homes\\Lettings");
  CHECK(add.at("data_version").as_string() == cal.data_version());
  CHECK(add.at("start").as_string() == "2025-12-24");
  CHECK(add.at("n").as_int64() == 1);
  CHECK(add.at("result").as_string() == "2026-01-02");
  CHECK(add.size() == 5);
  const auto count = boost::json::parse(count_working_days_json(cal, d("2025-12-24"), d("2026-01-05"))).as_object();
  CHECK(count.at("calendar").as_string() == "Acme \"North\" Homes\\Lettings");
  CHECK(count.at("from").as_string() == "2025-12-24");
  CHECK(count.at("to").as_string() == "2026-01-05");
  CHECK(count.at("working_days").as_int64() == 2);  // 2 and 5 January
  CHECK(count.size() == 5);
  const Calendar england = Calendar::builtin("england-and-wales");
  CHECK(add_working_days_json(england, d("2024-12-20"), 5) ==
        R"({"calendar":"england-and-wales","data_version":")" + england.data_version() +
            R"(","start":"2024-12-20","n":5,"result":"2024-12-31"})");
  CHECK_THROWS_AS(add_working_days_json(england, d("1850-01-01"), 1), Error);
  CHECK_THROWS_AS(count_working_days_json(england, d("2024-01-01"), d("2300-01-01")), Error);
}

TEST_CASE("evaluate_json is the evaluation's JSON in one call", "[public]") {
  const std::string text = test::read_test_file("../../examples/data/complaint.json");
  const RuleSet rules = RuleSet::builtin("hoc");
  const auto answer = boost::json::parse(evaluate_json(rules, nullptr, text, d("2025-05-01"))).as_object();
  // docs/evaluation.md's example complaint: the stage 2 response is due 2025-05-22.
  CHECK(answer.at("status").as_string() == "awaiting_response");
  CHECK(answer.at("next_action").at("due").as_string() == "2025-05-22");
  CHECK(evaluate_json(rules, nullptr, text, d("2025-05-01")) == to_json(evaluate(rules, nullptr, Case::parse(text), d("2025-05-01"))));
  CHECK_THROWS_AS(evaluate_json(rules, nullptr, "{", d("2025-05-01")), Error);
}

TEST_CASE("the case generator checks its options", "[public]") {
  CaseGeneratorOptions options;
  CHECK(generator_error(options) == Errc::ok);
  options.calendar = "atlantis";
  CHECK(generator_error(options) == Errc::unknown_name);
  options = {};
  options.last_received = options.first_received - 1;
  CHECK(generator_error(options) == Errc::invalid_argument);
  options = {};
  options.first_received = d("1850-01-01");
  CHECK(generator_error(options) == Errc::range);
  // Ids count from 1 after the prefix; the same seed gives the same records.
  options = {};
  options.id_prefix = "X-";
  CaseGenerator a(options), b(options);
  std::string first, again;
  a.next(first);
  b.next(again);
  CHECK(first == again);
  CHECK(boost::json::parse(first).at("id").as_string() == "X-1");
  CHECK(a.count() == 1);
}
