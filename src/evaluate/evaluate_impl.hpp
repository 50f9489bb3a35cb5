// SPDX-License-Identifier: MIT
#pragma once

#include "evaluate/case_impl.hpp"

#include <chc/evaluate.hpp>

#include <string>

namespace chc {

// keep_calendar: set Evaluation::used_calendar (needed to explain due dates later).
// word: write each finding's message and the next action's words; a report,
// which reads only kinds and facts, skips that work.
Evaluation evaluate_case(const RuleSet& rules, const Calendar* calendar, const Case::Impl& c, Date as_of, bool keep_calendar,
                         bool word = true, Strict strict = Strict::no);

// evaluate_json (<chc/evaluate.hpp>) parses, evaluates and serialises in one
// go, with the case's JSON held in a short-lived arena: the fast path for the
// C API, the CLI and reports.

}  // namespace chc
