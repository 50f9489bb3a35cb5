// SPDX-License-Identifier: MIT
// RuleSet::Impl: rule sets parsed from data/rulesets/*.json, and overlays.
#pragma once

#include <chc/rules.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chc {

struct DeadlineSpec {
  enum class From { received, acknowledgement, logged, escalation };
  std::string name;        // "stage1_response"
  int32_t working_days = 0;
  From from = From::received;
  std::string provision;
  std::optional<int32_t> target;  // a landlord overlay's stricter target
};

struct ExtensionSpec {
  std::optional<int32_t> limit;  // working days allowed without good reason; none: no fixed limit
  std::string provision;
  std::string ombudsman_details_provision;  // empty: the Code asks for no Ombudsman details
};

struct LetterSpec {
  std::string provision;
  std::vector<std::string> items;  // "stage", "definition", ... in the Code's order (a, b, ...)
};

struct StageSpec {
  int stage = 1;
  std::optional<DeadlineSpec> acknowledgement;
  std::string definition_provision;
  std::optional<DeadlineSpec> response;
  std::optional<ExtensionSpec> extension;
  std::optional<LetterSpec> letter;
  std::string different_handler_provision;

  // The stage's deadlines in order: acknowledgement, then response.
  template <class F>
  void for_each_deadline(F&& f) {
    if (acknowledgement) f(*acknowledgement);
    if (response) f(*response);
  }
  template <class F>
  void for_each_deadline(F&& f) const {
    if (acknowledgement) f(*acknowledgement);
    if (response) f(*response);
  }
};

struct ReceiptPolicy {
  bool next_working_day = false;      // a receipt on a non-working day counts from the next working day
  std::optional<int> cutoff_minute;   // receipts at or after this local time count from the next working day
};

// One concrete rule set (a Code, possibly with a landlord's overlay applied).
struct RuleSetData {
  std::string name;
  std::string title;
  std::string version;
  std::string catalogue;  // provision catalogue name, or empty
  std::string default_calendar;
  std::optional<Date> received_from;
  std::optional<Date> received_before;
  int max_stages = 2;
  std::string max_stages_provision;
  int time_limit_months = 0;
  std::string time_limit_provision;
  std::string not_accepted_provision;
  std::string escalation_refused_provision;
  std::string escalate_after_response_provision;
  std::string remedy_provision;
  bool direct_to_stage2 = false;
  std::vector<StageSpec> stages;  // stages[0] is stage 1
  ReceiptPolicy receipt;
  // How a report's self-assessment names what a provision's findings count
  // ("stage 1 complaints acknowledged within 5 working days").
  std::map<std::string, std::string> self_assessment_phrases;

  const StageSpec* stage(int n) const {
    return n >= 1 && n <= static_cast<int>(stages.size()) ? &stages[static_cast<std::size_t>(n - 1)] : nullptr;
  }
};

class RuleSet::Impl {
 public:
  std::string name;
  std::string title;
  std::string version;
  std::string overlay_name;  // set for overlays
  std::vector<RuleSetData> variants;  // one, or for "hoc" the 2024 then the 2022 Code
  std::vector<Provision> catalogue;

  const RuleSetData& select(Date received) const;
};

// The provision catalogue compiled in under `name` ("hoc-2024"), parsed once.
const std::vector<Provision>& provision_catalogue(const std::string& name);

}  // namespace chc
