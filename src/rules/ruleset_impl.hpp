// SPDX-License-Identifier: MIT
// RuleSet::Impl: rule sets read from data/rulesets/*.json (format
// chc-ruleset/2, docs/rulesets.md), their provision catalogues, and overlays.
// Everything a Code says (its clocks, limits, provisions, words) lives here
// as data; the evaluator and the report read it and name no provision.
#pragma once

#include <chc/calendar.hpp>
#include <chc/rules.hpp>

#include "core/text.hpp"

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chc {

// The event a clock's rule counts from.
enum class ClockStart : uint8_t {
  received,              // stage 1: the complaint's receipt (its day 0)
  acknowledged,          // the stage's acknowledgement; until it is logged, the acknowledgement deadline (provisional)
  logged,                // the acknowledgement if logged, else the receipt (provisional)
  escalation_requested,  // stage 2 and later: the request to escalate to this stage
};
const char* clock_start_name(ClockStart s) noexcept;

struct ExtensionSpec {
  std::optional<int32_t> limit;  // extra time allowed without good reason; none: no fixed limit
  std::string provision;
  std::string ombudsman_details_provision;  // empty: the Code asks for no Ombudsman details
};

// One deadline of a stage: how long, in what unit, counted from what.
struct ClockSpec {
  std::string name;  // "stage1_response"
  DeadlineKind kind = DeadlineKind::respond;
  ClockStart starts = ClockStart::received;
  ClockUnit unit = ClockUnit::working_days;
  Counting counting = Counting::after_event;
  int32_t length = 0;
  std::string provision;               // the timing check's provision
  std::optional<ExtensionSpec> extension;
  std::optional<int32_t> target;       // a landlord overlay's stricter target

  // The last day of `n` units counted from `from` by this clock's rule.
  Date due(const Calendar& cal, Date from, int32_t n) const;
  // The units from `from` to `to` as this clock counts them (`to` inclusive).
  int32_t elapsed(const Calendar& cal, Date from, Date to) const;
};

struct LetterSpec {
  std::string provision;
  std::vector<std::string> items;  // letter item ids in the Code's order (a, b, ...)
};

struct StageSpec {
  int stage = 1;
  std::string name;   // "stage 1"
  std::string title;  // "Frontline response", or empty
  bool optional = false;
  std::vector<ClockSpec> clocks;
  std::vector<std::string> definition_provisions;
  std::optional<LetterSpec> letter;
  std::string different_handler_provision;

  const ClockSpec* clock(DeadlineKind kind) const {
    for (const ClockSpec& c : clocks) {
      if (c.kind == kind) return &c;
    }
    return nullptr;
  }
};

// One entry of the rule set's "checks": which check judges a provision.
struct CheckSpec {
  std::string provision;
  CheckKind kind = CheckKind::data;
  std::string counts;  // what its findings count, for the self-assessment ("stage 1 complaints acknowledged within 5 working days")
};

struct ReceiptPolicy {
  bool next_working_day = false;     // a receipt on a non-working day counts from the next working day
  std::optional<int> cutoff_minute;  // receipts at or after this local time count from the next working day
};

// The words a Code uses, for messages and reports.
struct Vocabulary {
  struct Term {
    std::string id;
    std::string label;
    bool time_limit = false;  // exclusion reasons: the time limit is why
  };
  std::string code_name;   // "the Complaint Handling Code"
  std::string code_short;  // "the Code", as messages say it
  std::string ombudsman_name;     // "the Housing Ombudsman"
  std::string ombudsman_title;    // "Housing Ombudsman Service"
  std::string ombudsman_contact;  // address, telephone, web
  std::string report_title;               // "Annual complaints performance and service improvement report"
  std::string performance_provision;      // where the Code asks for the annual figures ("8.1"), or empty
  std::string self_assessment_note;       // what the Code says of publishing the self-assessment, or empty
  std::vector<Term> letter_items;
  std::vector<Term> exclusion_reasons;
  std::vector<Term> decisions;

  static const Term* find(const std::vector<Term>& terms, std::string_view id) {
    std::size_t from_start = 0;
    return find_id_from(terms, id, from_start);
  }
};

// The regulator's measures a report computes for this Code's landlords.
enum class RegulatorMeasures : uint8_t { none, tsm };
const char* regulator_measures_name(RegulatorMeasures m) noexcept;

// One concrete rule set (a Code, possibly with a landlord's overlay applied).
struct RuleSetData {
  std::string name;
  std::string title;
  std::string version;
  std::string catalogue;  // provision catalogue name, or empty
  std::string default_calendar;
  std::optional<Date> received_from;
  std::optional<Date> received_before;
  RegulatorMeasures regulator_measures = RegulatorMeasures::none;
  bool direct_to_stage2 = false;
  std::vector<StageSpec> stages;  // stages[0] is stage 1
  std::vector<CheckSpec> checks;  // in the file's order
  Vocabulary words;
  ReceiptPolicy receipt;

  // Case-level checks, from "checks" (empty provision: the Code has none).
  int max_stages = 0;
  std::string max_stages_provision;
  std::string procedure_provision;
  int time_limit_months = 0;
  std::string time_limit_provision;
  std::string not_accepted_provision;
  std::string escalation_refused_provision;
  std::string escalate_after_response_provision;
  std::string remedy_provision;

  const StageSpec* stage(int n) const {
    return n >= 1 && n <= static_cast<int>(stages.size()) ? &stages[static_cast<std::size_t>(n - 1)] : nullptr;
  }
  template <class F>
  void for_each_clock(F&& f) const {
    for (const StageSpec& s : stages) {
      for (const ClockSpec& c : s.clocks) f(s, c);
    }
  }
  // The check kinds judging `provision` (one provision may be judged by two, as 2022's 5.1).
  std::vector<const CheckSpec*> checks_of(std::string_view provision) const;
  // Where findings of `provision` come in the Code's order (its first check's
  // place in `checks`); checks.size() for any other, as data findings.
  std::size_t rank(std::string_view provision) const;
  // Filled once the checks are read. Provisions are short ("6.13"): up to
  // seven bytes, one is kept as an integer (its bytes and length), so ranking
  // a finding, which every finding needs, compares integers, not strings.
  struct Rank {
    uint64_t key;          // short_key(provision), or 0 for a longer one
    std::string provision;
    std::size_t index;
  };
  std::vector<Rank> ranks;
  static uint64_t short_key(std::string_view provision) noexcept {
    if (provision.size() > 7) return 0;
    uint64_t key = uint64_t{provision.size()} << 56;
    for (std::size_t i = 0; i < provision.size(); ++i) key |= uint64_t{static_cast<unsigned char>(provision[i])} << (8 * i);
    return key;
  }
};

// A Code's provision catalogue (data/provisions/*.json).
struct Catalogue {
  std::string code;
  std::string title;
  std::vector<Section> sections;
  std::vector<Provision> provisions;
  const Provision* find(std::string_view id) const;
  const Section* section(std::string_view number) const;
};

class RuleSet::Impl {
 public:
  std::string name;
  std::string title;
  std::string version;
  std::string overlay_name;           // set for overlays
  std::vector<RuleSetData> variants;  // one, or for "hoc" the 2024 then the 2022 Code
  std::shared_ptr<const Catalogue> catalogue;  // of variants.front(); never null

  const RuleSetData& select(Date received) const;
};

// The provision catalogue compiled in under `name` ("hoc-2024"), read once;
// Errc::unknown_name when there is none.
std::shared_ptr<const Catalogue> builtin_catalogue(std::string_view name);
class JsonWriter;
// "sections": [{"number", "title"}, ...], as provisions and report JSON both give them.
void write_sections(JsonWriter& w, const Catalogue& c);

// A catalogue document (data/provisions format), checked; as text or already parsed.
Catalogue parse_catalogue(std::string_view text, const std::string& what);
Catalogue catalogue_from(const boost::json::value& doc, const std::string& what);

}  // namespace chc
