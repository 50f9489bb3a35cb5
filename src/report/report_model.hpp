// SPDX-License-Identifier: MIT
// The report as typed figures: built once from the tallies and the rule
// set's words, then written out by each renderer (JSON, CSV, HTML, text).
// No renderer reads another's output, and none names a Code's provision:
// titles, stages, reasons and the Ombudsman come from the rule set here.
#pragma once

#include "report/report_impl.hpp"
#include "rules/ruleset_impl.hpp"

#include <optional>
#include <string>
#include <vector>

namespace chc {

// A count and, where they are shown, the ids of the cases behind it.
struct Figure {
  uint64_t count = 0;
  const IdList* ids = nullptr;  // shown when set: always for exceptions, for every figure with drill-down
};

struct Ch01Row {
  int stage = 1;
  Figure received;
  std::optional<int64_t> homes;
  std::optional<double> per_1000_homes;
  std::optional<double> per_1000_lcra_homes, per_1000_lcho_homes;
  bool lcra = false, lcho = false;  // whether those denominators were given
};

struct Ch02Row {
  int stage = 1;
  Figure responded;
  uint64_t within = 0;  // by the chosen reading
  std::optional<double> percent;
  Figure late;
  uint64_t within_original = 0;
  std::optional<double> percent_within_original;
  uint64_t within_with_extension = 0;
  std::optional<double> percent_with_extension;
};

struct StageFigures {
  int stage = 1;
  std::string name;  // the rule set's name for it
  uint64_t received = 0, acknowledged = 0, responded = 0;
  Figure acknowledged_late, extended, late;
  std::optional<int32_t> median_to_acknowledge, p90_to_acknowledge, median_to_respond, p90_to_respond;
  std::vector<std::pair<std::string, uint64_t>> decisions;  // in the rule set's order, then others
};

struct Refusals {
  struct Reason {
    std::string id;
    std::string label;  // the rule set's words for it
    Figure complaints;
  };
  uint64_t total = 0;
  std::vector<Reason> by_reason;
};

struct MonthFigures {
  std::string month;  // "2025-04"
  uint64_t stage1_received = 0, stage1_responded = 0, stage1_within = 0;
  std::optional<double> stage1_percent_within;
  uint64_t stage2_received = 0, stage2_responded = 0, stage2_within = 0;
};

struct AssessmentRow {
  const Provision* provision = nullptr;
  std::string comply;  // "Yes", "Partial", "No", "Noted", "Not assessed"
  std::string evidence;
  std::string commentary;
  std::string source;  // "register", "rules", "evidence", "none"
  bool judged_from_cases = false;
  const ProvisionTally* cases = nullptr;
};

struct ReportModel {
  // About the report.
  std::string title;
  std::string landlord;
  Date from, to;
  std::string period_label;  // "2025/26", or "2025-04-01 to 2025-09-30"
  std::string rules, rules_version, calendar, generated_by;
  const RuleSetData* code = nullptr;     // the Code the self-assessment is against
  const Catalogue* catalogue = nullptr;  // its provisions and sections

  // The register read.
  uint64_t cases_read = 0, cases_accepted = 0, cases_rejected = 0, cases_in_period = 0;
  const std::vector<Rejected>* rejected = nullptr;
  std::vector<std::pair<std::string, uint64_t>> cases_by_rules;
  std::vector<std::string> warnings;
  uint64_t cases_with_warnings = 0;
  Figure data_issues;

  // The regulator's measures (TSM CH01 and CH02 in England).
  RegulatorMeasures measures = RegulatorMeasures::none;
  std::vector<Ch01Row> ch01;
  std::vector<Ch02Row> ch02;
  std::vector<std::string> readings;

  // Performance.
  std::vector<StageFigures> stages;
  std::optional<double> escalation_rate;
  std::vector<std::pair<std::string, uint64_t>> categories;
  Refusals refused;
  Figure withdrawn;
  Figure remedies_offered, remedies_completed, remedies_overdue;
  double remedies_offered_amount = 0, remedies_completed_amount = 0;
  std::vector<std::pair<const char*, Figure>> open_by_age;  // {"0-5", figure}
  std::vector<std::string> performance_notes;
  std::vector<MonthFigures> months;

  // The self-assessment.
  std::string assessment_code;
  std::vector<std::pair<std::string, uint64_t>> assessment_summary;  // {"Yes", n}, in that order
  uint64_t cases_judged_under_code = 0;
  std::string assessment_method;
  std::vector<AssessmentRow> assessment;
};

ReportModel build_model(const Report::Impl& r);
// The report's warnings as it lists them: the evidence file's and a register
// header's, then each case's near-misses with its line ("line 12: ...").
std::vector<std::string> warning_lines(const Report::Impl& r);
std::string render_json(const ReportModel& m);
std::string render_csv(const ReportModel& m);
std::string render_html(const ReportModel& m);
std::string render_text(const ReportModel& m);

// Rounded as the report shows them: percentages and rates to 0.1 and 0.01.
std::optional<double> percent_of(uint64_t part, uint64_t whole);
double percent_share(double part, double whole);

}  // namespace chc
