// SPDX-License-Identifier: MIT
// Evaluates case records through the C++ API and through the C API, for the
// Python test that checks both against the Python binding on the whole
// conformance set (bindings/python/tests/test_differential.py).
//
// Input, one JSON object per line: {"rules": NAME or overlay, "calendar": NAME or null,
// "as_of": "YYYY-MM-DD", "case_text": "...", "explain": bool, "echo": bool}.
// Output, one line each: {"cxx": ANSWER, "c": ANSWER}, where an ANSWER is
// {"ok": the evaluation} or {"error": code, "message": text}.
#include <chc/chc.h>
#include <chc/calendar.hpp>
#include <chc/evaluate.hpp>
#include <chc/rules.hpp>

#include <boost/json.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace bj = boost::json;

namespace {

bj::value error_answer(int code, const std::string& message) { return bj::object{{"error", code}, {"message", message}}; }

bj::value through_cxx(const bj::object& in) {
  try {
    const auto& r = in.at("rules");
    const chc::RuleSet rules = r.is_string() ? chc::RuleSet::builtin(std::string(r.as_string())) : chc::RuleSet::from_json(bj::serialize(r));
    std::optional<chc::Calendar> cal;
    if (in.at("calendar").is_string()) cal = chc::Calendar::builtin(std::string(in.at("calendar").as_string()));
    const chc::Case c = chc::Case::parse(std::string(in.at("case_text").as_string()));
    const chc::Evaluation e = chc::evaluate(rules, cal ? &*cal : nullptr, c, chc::Date::parse(std::string(in.at("as_of").as_string())));
    chc::EvaluationJsonOptions options;
    options.explain = in.at("explain").as_bool();
    options.echo_case = in.at("echo").as_bool();
    return bj::object{{"ok", bj::parse(chc::to_json(e, options, &c))}};
  } catch (const chc::Error& e) {
    return error_answer(static_cast<int>(e.code()), e.what());
  }
}

bj::value through_c(const bj::object& in) {
  chc_ruleset* rules = nullptr;
  chc_calendar* cal = nullptr;
  char* out = nullptr;
  const auto& r = in.at("rules");
  int rc = r.is_string() ? chc_ruleset_builtin(&rules, r.as_string().c_str())
                         : [&] {
                             const std::string overlay = bj::serialize(r);
                             return chc_ruleset_from_json(&rules, overlay.data(), overlay.size());
                           }();
  if (rc == CHC_OK && in.at("calendar").is_string()) rc = chc_calendar_builtin(&cal, in.at("calendar").as_string().c_str());
  chc_day as_of = 0;
  if (rc == CHC_OK) rc = chc_day_parse(&as_of, in.at("as_of").as_string().c_str());
  if (rc == CHC_OK) {
    chc_evaluate_options options = CHC_EVALUATE_OPTIONS_INIT;
    options.flags = (in.at("explain").as_bool() ? CHC_EVALUATE_EXPLAIN : 0u) | (in.at("echo").as_bool() ? CHC_EVALUATE_ECHO_CASE : 0u);
    const auto& text = in.at("case_text").as_string();
    rc = chc_evaluate_ex(&out, rules, cal, text.data(), text.size(), as_of, &options);
  }
  bj::value answer = rc == CHC_OK ? bj::value(bj::object{{"ok", bj::parse(out)}}) : error_answer(rc, chc_last_error());
  chc_string_free(out);
  chc_calendar_free(cal);
  chc_ruleset_free(rules);
  return answer;
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const bj::object in = bj::parse(line).as_object();
    std::cout << bj::serialize(bj::object{{"cxx", through_cxx(in)}, {"c", through_c(in)}}) << '\n';
  }
  return 0;
}
