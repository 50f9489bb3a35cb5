// SPDX-License-Identifier: MIT
// The one place a finding or a next action becomes English: from its kind
// and facts, in the words of its rule set (stage names, the Ombudsman, the
// letter items). Callers switch on kinds and facts, never on these words.
#pragma once

#include <chc/evaluate.hpp>

#include "rules/ruleset_impl.hpp"

#include <string>

namespace chc {

// "stage 1", or the rule set's name for the stage.
std::string stage_name(const RuleSetData& rules, int stage);
// The finding's message, appended to `out` (a buffer reused across findings).
void describe(std::string& out, const Finding& f, const RuleSetData& rules, Date as_of);
// "issue the stage 1 response", "complete the remedy: new fence".
std::string describe_action(DeadlineKind kind, int stage, const std::string& what, const RuleSetData& rules);

}  // namespace chc
