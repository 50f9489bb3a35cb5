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

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chc {

// One provision of a Code, as its catalogue (data/provisions/) holds it.
struct Provision {
  std::string id;       // "6.2"
  std::string section;  // "6"
  std::string title;    // "Stage 1 acknowledgement"
  std::string text;     // the Code's words
  std::string check;    // "case", "policy" or "evidence": what can show compliance
  std::vector<std::pair<std::string, std::string>> items;  // lettered items: {"a", "the complaint stage"}
};

class RuleSet {
 public:
  // "hoc-2024", "hoc-2022", "hoc" (chooses by the received date), "spso".
  // Throws Error(Errc::unknown_name).
  static RuleSet builtin(std::string_view name);
  static std::vector<std::string> builtin_names();

  // A landlord overlay: {"name", "base", "targets": {"stage1_response": 8, ...},
  //   "receipt": {"non_working_day": "next_working_day", "cutoff": "17:00"}}.
  // A target looser than the Code is an error naming the provision.
  static RuleSet from_json(std::string_view json);

  const std::string& name() const;
  // The concrete Code rule set used for a complaint received on `received`
  // ("hoc" gives "hoc-2024" from 2024-04-01, else "hoc-2022").
  std::string resolve(Date received) const;
  std::string default_calendar() const;
  // {"name", "title", "version", "rule_sets": [{deadlines...}], "targets", "receipt"}
  std::string info_json() const;
  // The provision catalogue of the Code this rule set encodes (the 2024 Code
  // for "hoc"); empty for rule sets without one.
  const std::vector<Provision>& provisions() const;
  std::string provisions_json() const;

  class Impl;
  explicit RuleSet(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace chc
