// SPDX-License-Identifier: MIT
// The report's headline figures as plain text, for a terminal.
#include "report/number_format.hpp"
#include "report/report_model.hpp"

#include "core/text.hpp"

namespace chc {

using namespace report_format;

namespace {

std::string count(uint64_t n) { return count_text(static_cast<double>(n)); }
std::string rate(const std::optional<double>& v, const char* suffix = "") { return v ? cat(fixed(*v, 1), suffix) : std::string("not computed"); }
std::string complaints(uint64_t n) { return cat(count(n), n == 1 ? " complaint" : " complaints"); }
std::string responses(uint64_t n) { return cat(count(n), n == 1 ? " response" : " responses"); }

}  // namespace

std::string render_text(const ReportModel& m) {
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line(cat("Complaints report ", m.period_label, m.landlord.empty() ? std::string() : cat(": ", m.landlord)));
  line(cat("  cases: ", count(m.cases_read), " read, ", count(m.cases_accepted), " accepted, ", count(m.cases_rejected), " rejected; rule set ",
           m.rules));
  const bool tsm = m.measures == RegulatorMeasures::tsm;
  for (std::size_t i = 0; i < m.ch01.size() && i < m.ch02.size(); ++i) {
    const Ch01Row& c1 = m.ch01[i];
    const Ch02Row& c2 = m.ch02[i];
    line(cat("  stage ", std::to_string(c1.stage), ": ", tsm ? "CH01 " : "", complaints(c1.received.count), ", ", rate(c1.per_1000_homes),
             " per 1,000 homes; ", tsm ? "CH02 " : "", rate(c2.percent, "%"), " of ", responses(c2.responded.count),
             " within timescale (", rate(c2.percent_within_original, "%"), " within the original timescale)"));
  }
  line(cat("  escalation rate ", rate(m.escalation_rate, "%"), "; refused ", count(m.refused.total), "; withdrawn ", count(m.withdrawn.count),
           "; remedies offered ", count(m.remedies_offered.count), " (", money_text(m.remedies_offered_amount), ")"));
  std::string summary = cat("  self-assessment (", m.assessment_code, "):");
  for (const auto& [comply, n] : m.assessment_summary) summary += cat(" ", comply, " ", count(n), ",");
  summary.pop_back();
  line(summary);
  return out;
}

}  // namespace chc
