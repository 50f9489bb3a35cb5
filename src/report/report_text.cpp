// SPDX-License-Identifier: MIT
// The report's headline figures as plain text, for a terminal.
#include "report/number_format.hpp"
#include "report/report_impl.hpp"

namespace chc {

namespace bj = boost::json;

namespace {

// A count as "1,896", a rate as "158.0", a percentage as "78.1%".
std::string show(const bj::value& v, const char* suffix = "") {
  if (v.is_null()) return "not computed";
  if (v.is_double()) return report_format::fixed(v.get_double(), 1) + suffix;
  if (v.is_int64()) return report_format::count_text(static_cast<double>(v.get_int64())) + suffix;
  if (v.is_uint64()) return report_format::count_text(static_cast<double>(v.get_uint64())) + suffix;
  return bj::serialize(v) + suffix;
}

std::string money(const bj::value& v) {
  return v.is_number() ? report_format::money_text(v.to_number<double>()) : "not computed";
}

}  // namespace

std::string render_text(const bj::object& r) {
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  const auto& head = r.at("report").as_object();
  const std::string landlord(head.at("landlord").as_string());
  line("Complaints report " + std::string(head.at("period").at("label").as_string()) + (landlord.empty() ? "" : ": " + landlord));
  const auto& in = r.at("input").as_object();
  line("  cases: " + show(in.at("cases_read")) + " read, " + show(in.at("cases_accepted")) + " accepted, " + show(in.at("cases_rejected")) +
       " rejected; rule set " + std::string(head.at("rules").as_string()));
  const auto& tsm = r.at("tsm").as_object();
  for (const char* stage : {"stage1", "stage2"}) {
    const auto& c1 = tsm.at("CH01").at(stage);
    const auto& c2 = tsm.at("CH02").at(stage);
    line(std::string("  ") + (stage[5] == '1' ? "stage 1" : "stage 2") + ": CH01 " + show(c1.at("count")) + " complaints, " +
         show(c1.at("per_1000_homes")) + " per 1,000 homes; CH02 " + show(c2.at("percent"), "%") + " of " +
         show(c2.at("responded").at("count")) + " responses within timescale (" + show(c2.at("percent_within_original_timescale"), "%") +
         " within the original timescale)");
  }
  const auto& perf = r.at("performance").as_object();
  line("  escalation rate " + show(perf.at("escalation_rate_percent"), "%") + "; refused " + show(perf.at("refused").at("count")) +
       "; withdrawn " + show(perf.at("withdrawn").at("count")) + "; remedies offered " + show(perf.at("remedies").at("offered").at("count")) +
       " (" + money(perf.at("remedies").at("offered_amount")) + ")");
  std::string summary = "  self-assessment (" + std::string(r.at("self_assessment").at("code").as_string()) + "):";
  for (const auto& s : r.at("self_assessment").at("summary").as_array()) {
    summary += " " + std::string(s.at("comply").as_string()) + " " + show(s.at("count")) + ",";
  }
  summary.pop_back();
  line(summary);
  return out;
}

}  // namespace chc
