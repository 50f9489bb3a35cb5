// SPDX-License-Identifier: MIT
// Landlord rule-set overlays on any bytes; an overlay that loads describes
// itself as JSON, and a worked case evaluates under it to well-formed JSON.
#include "fuzz_support.hpp"

namespace {
const char kCase[] =
    R"({"id":"C-1","received":"2024-12-20","events":[{"type":"acknowledged","date":"2024-12-23","definition":true}]})";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chc_ruleset* rules = nullptr;
  const int rc = fuzz::checked(chc_ruleset_from_json(&rules, reinterpret_cast<const char*>(data), size), "chc_ruleset_from_json");
  if (rc != CHC_OK) {
    fuzz::require(rules == nullptr, "a failed overlay leaves *out alone");
    return 0;
  }
  fuzz::Owned info, provisions, answer;
  fuzz::require(chc_ruleset_info_json(info.out(), rules) == CHC_OK, "info");
  fuzz::parse_output(info.text, "rule set info");
  fuzz::require(chc_ruleset_provisions_json(provisions.out(), rules) == CHC_OK, "provisions");
  fuzz::parse_output(provisions.text, "provisions");
  if (fuzz::checked(chc_evaluate(answer.out(), rules, nullptr, kCase, sizeof kCase - 1, 20101), "evaluate") == CHC_OK) {
    fuzz::parse_output(answer.text, "evaluation");
  }
  chc_ruleset_free(rules);
  return 0;
}
