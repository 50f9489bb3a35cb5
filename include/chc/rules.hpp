// SPDX-License-Identifier: MIT
// chc/rules.hpp: complaint-handling rule sets as versioned data.
//
// A RuleSet says which deadlines a complaint has (how many working days,
// counted from which event), the extension limits, what a response letter
// must contain, and which Code provision each comes from. The built-in sets
// are compiled into the library (data/rulesets/); a landlord's stricter
// targets and receipt policy are an overlay loaded from JSON. RuleSets are
// immutable and may be shared between threads.
#pragma once

#include <chc/date.hpp>
#include <chc/error.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chc {

// What a deadline is for; deadlines and next actions carry it, so callers
// never guess from a name.
enum class DeadlineKind : uint8_t { acknowledge, respond, remedy, action };
const char* deadline_kind_name(DeadlineKind k) noexcept;  // "acknowledge", ...

// What a provision check examines. A rule set names a check for each
// provision chc can judge from a case (data/rulesets/*.json, "checks").
enum class CheckKind : uint8_t {
  timing,              // a deadline met, missed, pending or overdue
  extension,           // an extension within the limit, in time, with reasons
  ombudsman_details,   // the Ombudsman's details given with an extension
  letter,              // a response letter confirming the items the Code lists
  handler,             // a later stage handled by a different person
  definition,          // the complaint defined at acknowledgement
  time_limit,          // raised within the time limit, or excluded rightly
  exclusion,           // a complaint not accepted, with the explanation and the Ombudsman right
  escalation_refusal,  // an escalation refused for a recorded reason
  escalation_order,    // escalated only after the stage below responded
  stages,              // no more stages than the procedure allows
  procedure,           // the procedure's shape (judged from the rule set, not from cases)
  remedy,              // a remedy saying by when, completed by then
  data,                // the case's log is inconsistent (not a provision)
};
const char* check_kind_name(CheckKind k) noexcept;  // "timing", ...

// How a clock counts (docs/rulesets.md): its unit, and whether the event day
// is day 0 ("within N days of", "beginning with the day after": the same) or
// day 1 ("beginning with the day of").
enum class ClockUnit : uint8_t { working_days, calendar_days };
enum class Counting : uint8_t { after_event, including_event_day };
const char* clock_unit_name(ClockUnit u) noexcept;
const char* counting_name(Counting c) noexcept;

// One provision of a Code, as its catalogue (data/provisions/) holds it.
struct Provision {
  std::string id;       // "6.2"
  std::string section;  // "6"
  std::string title;    // "Stage 1 acknowledgement"
  std::string text;     // the Code's words
  std::string check;    // "case", "policy" or "evidence": what can show compliance
  std::string obligation;  // "must" or "should" where the Code marks it (2022), else empty
  std::vector<std::pair<std::string, std::string>> items;  // lettered items: {"a", "the complaint stage"}
};

// A section of a Code: {"6", "Complaints stages"}.
struct Section {
  std::string number;
  std::string title;
};

class RuleSet {
 public:
  // Every built-in rule set: one per file of data/rulesets/ ("hoc-2024",
  // "hoc-2022", "hoc" (chooses by the received date), "spso").
  // Throws Error(Errc::unknown_name), suggesting the nearest name.
  static RuleSet builtin(std::string_view name);
  static std::vector<std::string> builtin_names();

  // Either a landlord overlay on a built-in rule set: {"name", "base",
  //   "targets": {"stage1_response": 8, ...},
  //   "receipt": {"non_working_day": "next_working_day", "cutoff": "17:00"}}
  // (a target looser than the Code is an error naming the provision), or a
  // whole rule set ("format": "chc-ruleset/2", docs/rulesets.md) whose
  // "catalogue" names a built-in provision catalogue or holds one.
  static RuleSet from_json(std::string_view json);

  const std::string& name() const;
  // The concrete Code rule set used for a complaint received on `received`
  // ("hoc" gives "hoc-2024" from 2024-04-01, else "hoc-2022").
  std::string resolve(Date received) const;
  std::string default_calendar() const;
  // {"name", "title", "version", "rule_sets": [{deadlines, checks, ...}], "targets", "receipt"}
  std::string info_json() const;
  // The provision catalogue of the Code this rule set encodes (the 2024 Code
  // for "hoc"), and its sections; empty for rule sets without one.
  const std::vector<Provision>& provisions() const;
  const std::vector<Section>& sections() const;
  std::string provisions_json() const;

  class Impl;
  explicit RuleSet(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace chc
