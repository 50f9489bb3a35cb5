// SPDX-License-Identifier: MIT
// Case records (docs/case-format.md) on any bytes, through chc_evaluate_ex
// and chc_case_normalize. Properties: every answer is well-formed JSON; the
// echoed case is the input, unchanged in meaning; normalizing keeps every
// field and the evaluation of the normalized case is the same.
#include "fuzz_support.hpp"

namespace {

const chc_ruleset* rules(int which) {
  static chc_ruleset* sets[4] = {};
  static const char* const names[4] = {"hoc", "hoc-2024", "hoc-2022", "spso"};
  if (!sets[which] && chc_ruleset_builtin(&sets[which], names[which]) != CHC_OK) std::abort();
  return sets[which];
}

boost::json::value without_chc_fields(boost::json::value v) {
  if (!v.is_object()) return v;
  auto& o = v.as_object();
  o.erase("chc_received_date");
  if (auto* events = o.if_contains("events"); events && events->is_array()) {
    for (auto& e : events->as_array()) {
      if (e.is_object()) e.as_object().erase("chc_local_date");
    }
  }
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const int which = in.ConsumeIntegralInRange(0, 3);
  const chc_day as_of = in.ConsumeIntegralInRange<chc_day>(-30000, 90000);
  const std::string text = in.ConsumeRemainingBytesAsString();

  chc_evaluate_options options = CHC_EVALUATE_OPTIONS_INIT;
  options.flags = CHC_EVALUATE_EXPLAIN | CHC_EVALUATE_ECHO_CASE;
  fuzz::Owned answer;
  const int rc = fuzz::checked(chc_evaluate_ex(answer.out(), rules(which), nullptr, text.data(), text.size(), as_of, &options),
                               "chc_evaluate_ex");
  if (rc != CHC_OK) {
    fuzz::require(answer.text == nullptr, "a failed evaluation writes nothing");
    return 0;
  }
  const auto result = fuzz::parse_output(answer.text, "evaluation JSON");
  const auto input = boost::json::parse(text);  // evaluation succeeded, so the input is JSON
  fuzz::require(result.at("case") == input, "the echoed case is the input", answer.text);

  fuzz::Owned normalized;
  fuzz::require(chc_case_normalize(normalized.out(), text.data(), text.size()) == CHC_OK, "a case that evaluates normalizes");
  const auto normal = fuzz::parse_output(normalized.text, "normalized case");
  // Keys starting chc_ are chc's (docs/case-format.md): it writes them beside timestamps, replacing any the
  // input held, and leaves them alone otherwise; every other field must come back unchanged.
  fuzz::require(without_chc_fields(normal) == without_chc_fields(input), "normalizing keeps every field", normalized.text);

  fuzz::Owned again;
  fuzz::require(chc_evaluate_ex(again.out(), rules(which), nullptr, normalized.text, std::strlen(normalized.text), as_of,
                                &options) == CHC_OK,
                "the normalized case evaluates", normalized.text);
  auto first = result.as_object(), second = fuzz::parse_output(again.text, "evaluation JSON").as_object();
  first.erase("case");
  second.erase("case");
  fuzz::require(first == second, "the normalized case evaluates the same", again.text);
  return 0;
}
