// SPDX-License-Identifier: MIT
// Complaint registers on any bytes: NDJSON in chunks of any size, or a flat
// CSV register, with options and an evidence file from the input. Every
// format renders; the JSON is well-formed and its counts add up; CSV and
// HTML are valid UTF-8.
#include "fuzz_support.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <string>

namespace {

const chc_ruleset* hoc() {
  static chc_ruleset* rules = [] {
    chc_ruleset* r = nullptr;
    if (chc_ruleset_builtin(&r, "hoc") != CHC_OK) std::abort();
    return r;
  }();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const bool csv = in.ConsumeBool();
  const size_t chunk = in.ConsumeIntegralInRange<size_t>(1, 300);
  chc_report_options options = CHC_REPORT_OPTIONS_INIT;
  options.flags = in.ConsumeIntegralInRange<uint32_t>(0, 15) | (in.ConsumeBool() ? CHC_STRICT : 0u);
  options.from = in.ConsumeIntegralInRange<chc_day>(19000, 21000);
  options.to = options.from + in.ConsumeIntegralInRange<chc_day>(-2, 800);
  options.homes = in.ConsumeIntegralInRange<int64_t>(-1, 100000);
  const std::string landlord = in.ConsumeRandomLengthString(40);
  options.landlord = landlord.c_str();
  const std::string evidence = in.ConsumeBool() ? in.ConsumeRandomLengthString(2000) : std::string();
  if (!evidence.empty()) {
    options.evidence_json = evidence.data();
    options.evidence_len = evidence.size();
  }
  const std::string text = in.ConsumeRemainingBytesAsString();

  chc_report* report = nullptr;
  if (fuzz::checked(chc_report_begin(&report, hoc(), nullptr, &options), "chc_report_begin") != CHC_OK) {
    fuzz::require(report == nullptr, "a failed begin leaves *out alone");
    return 0;
  }
  if (csv) {
    // A header chc cannot read (a column twice, a required one missing; under
    // strict a near-miss column) is refused whole, and the report carries on.
    const int added = chc_report_add_csv(report, text.data(), text.size());
    fuzz::require(added == CHC_OK || ((added == CHC_E_SCHEMA || added == CHC_E_LIMIT) &&
                                      std::string_view(chc_last_error()).find("header") != std::string_view::npos),
                  "add_csv", chc_last_error());
  } else {
    for (size_t i = 0; i < text.size(); i += chunk) {
      fuzz::require(chc_report_add_ndjson(report, text.data() + i, std::min(chunk, text.size() - i)) == CHC_OK, "add_ndjson");
    }
  }
  fuzz::Owned json, csv_out, html;
  fuzz::require(chc_report_finish(json.out(), report, CHC_REPORT_JSON) == CHC_OK, "finish JSON", chc_last_error());
  const auto r = fuzz::parse_output(json.text, "report JSON");
  const auto& input = r.at("input");
  fuzz::require(input.at("cases_read").to_number<uint64_t>() ==
                    input.at("cases_accepted").to_number<uint64_t>() + input.at("cases_rejected").to_number<uint64_t>(),
                "read == accepted + rejected", json.text);
  if (!csv) {
    const uint64_t lines = static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    fuzz::require(input.at("cases_read").to_number<uint64_t>() <= lines, "no more cases than lines");
  }
  fuzz::require(chc_report_finish(csv_out.out(), report, CHC_REPORT_CSV) == CHC_OK, "finish CSV", chc_last_error());
  fuzz::require(chc::valid_utf8(csv_out.text), "CSV is UTF-8");
  fuzz::require(chc_report_finish(html.out(), report, CHC_REPORT_HTML) == CHC_OK, "finish HTML", chc_last_error());
  fuzz::require(chc::valid_utf8(html.text), "HTML is UTF-8");
  chc_report_free(report);
  return 0;
}
