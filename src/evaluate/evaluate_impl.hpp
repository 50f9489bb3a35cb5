// SPDX-License-Identifier: MIT
#pragma once

#include "evaluate/case_impl.hpp"
#include "rules/ruleset_impl.hpp"

#include <chc/evaluate.hpp>

#include <string>

namespace chc {

// keep_calendar: set Evaluation::used_calendar (needed to explain due dates later).
// word: write each finding's message and the next action's words; a report,
// which reads only kinds and facts, skips that work.
Evaluation evaluate_case(const RuleSet& rules, const Calendar* calendar, const Case::Impl& c, Date as_of, bool keep_calendar,
                         bool word = true, Strict strict = Strict::no);

// The next action's words, for an evaluation made with word = false.
void word_next_action(Evaluation& e, const RuleSetData& rules);

// The evaluation as JSON. With `word`, each finding's message is worded from
// its facts as it is written, into one reused buffer, rather than stored first.
std::string evaluation_json(const Evaluation& e, const EvaluationJsonOptions& options, const Case* echo, const RuleSetData* word);

// evaluate_json (<chc/evaluate.hpp>) parses, evaluates and serialises in one
// go, with the case's JSON held in a short-lived arena: the fast path for the
// C API, the CLI and reports.

}  // namespace chc
