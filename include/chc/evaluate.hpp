// SPDX-License-Identifier: MIT
// chc/evaluate.hpp: one complaint's standing under a rule set.
//
// evaluate() reads a case record (docs/case-format.md) and answers, as of a
// given day: the status and stage, every deadline with the provision it comes
// from, each provision met or broken with a one-line reason, and the next
// action due (docs/evaluation.md). It never changes the case, keeps no state
// between calls, and is safe to call from many threads at once.
#pragma once

#include <chc/calendar.hpp>
#include <chc/date.hpp>
#include <chc/rules.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chc {

enum class DeadlineState { met, missed, pending, overdue, not_applicable };
enum class FindingResult { pass, fail, not_applicable, unknown };
enum class CaseStatus { awaiting_acknowledgement, awaiting_response, responded, closed, withdrawn, not_accepted, escalation_refused };

const char* deadline_state_name(DeadlineState s) noexcept;
const char* finding_result_name(FindingResult r) noexcept;
const char* case_status_name(CaseStatus s) noexcept;

struct Deadline {
  std::string name;        // "stage1_response"
  std::string provision;   // "6.3"
  int stage = 1;
  std::optional<Date> from;  // day 0 of this clock; none while the stage has not started
  std::string from_event;    // "received", "acknowledged", "acknowledgement_due", "escalation_requested", ...
  int32_t working_days = 0;
  int32_t extension_working_days = 0;  // the part of any extension the Code allows
  std::optional<Date> due;
  std::optional<Date> original_due;  // the due date before any extension
  std::optional<Date> met;  // the day the event happened, if it has
  DeadlineState state = DeadlineState::pending;
  bool provisional = false;  // counted from another deadline because its event is not logged yet
  std::optional<int32_t> working_days_remaining;  // count(as_of, due) while pending or overdue
  struct Target {
    int32_t working_days = 0;
    Date due;
    DeadlineState state = DeadlineState::pending;
  };
  std::optional<Target> target;  // a landlord's stricter target, beside the Code's limit
};

struct Finding {
  std::string provision;  // "6.2", or "data" for an inconsistent log
  FindingResult result = FindingResult::unknown;
  std::string message;    // one line a complaints officer understands
  std::vector<int> events;  // indexes into the case's events
};

struct NextAction {
  std::string action;  // "issue the stage 1 response"
  Date due;
  std::string provision;
  int32_t working_days_remaining = 0;
  bool overdue = false;
};

struct Evaluation {
  std::string id_json;  // the case's id, as JSON (a string or a number)
  std::string rules;    // the concrete rule set used ("hoc-2024")
  std::string rules_requested;
  std::string rules_version;
  std::string calendar;
  std::string calendar_version;
  Date as_of;
  Date received;
  Date day_zero;
  std::string day_zero_rule;  // "received", "next working day after a non-working day", "after the 17:00 cut-off"
  CaseStatus status = CaseStatus::awaiting_acknowledgement;
  int stage = 1;
  std::vector<Deadline> deadlines;
  std::vector<Finding> findings;
  std::optional<NextAction> next_action;
  std::optional<Calendar> used_calendar;  // for explaining due dates
};

// A parsed case record. Keeps the document as given, so every field chc
// does not know survives normalized_json() and the echo in an evaluation.
class Case {
 public:
  // Throws Error(Errc::json | schema | date | limit) naming the field.
  static Case parse(std::string_view json);
  const std::string& id_json() const;
  // The record with every date and timestamp checked, each timestamp's
  // Europe/London date added beside it ("chc_received_date", events'
  // "chc_local_date"), and every other field, known or not, unchanged.
  std::string normalized_json() const;
  // The record exactly as given: its original text.
  std::string json() const;

  class Impl;
  explicit Case(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

// `calendar` may be null: the case's "calendar" field is used, else the rule
// set's default calendar.
Evaluation evaluate(const RuleSet& rules, const Calendar* calendar, const Case& c, Date as_of);

struct EvaluationJsonOptions {
  bool explain = false;    // add each deadline's skipped days ("skipped")
  bool echo_case = false;  // add the case record as given ("case")
};
// `echo` is the case to echo when options.echo_case is set.
std::string to_json(const Evaluation& e, const EvaluationJsonOptions& options = {}, const Case* echo = nullptr);

// Parse, evaluate and write the JSON in one call: the same text as
// to_json(evaluate(...)) and the C API's chc_evaluate, by the fast path.
// Throws as Case::parse and evaluate do.
std::string evaluate_json(const RuleSet& rules, const Calendar* calendar, std::string_view case_json, Date as_of,
                          const EvaluationJsonOptions& options = {});

}  // namespace chc
