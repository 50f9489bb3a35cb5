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
// The event a deadline's clock actually counted from.
enum class ClockEvent { received, acknowledged, acknowledgement_due, escalation_requested };

const char* deadline_state_name(DeadlineState s) noexcept;
const char* finding_result_name(FindingResult r) noexcept;
const char* case_status_name(CaseStatus s) noexcept;
const char* clock_event_name(ClockEvent e) noexcept;

struct Deadline {
  std::string name;        // "stage1_response"
  DeadlineKind kind = DeadlineKind::respond;
  std::string provision;   // "6.3"
  int stage = 1;
  std::optional<Date> from;  // day 0 of this clock; none while the stage has not started
  std::optional<ClockEvent> from_event;
  int32_t working_days = 0;  // the clock's length, in `unit`
  ClockUnit unit = ClockUnit::working_days;
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

// What exactly a finding found, beyond its kind and result: the facts the
// message is worded from, so callers switch on these, never on the words.
enum class FindingDetail : uint8_t {
  none,
  // extension
  extension_after_deadline,  // given after the deadline had passed: it moves nothing
  extension_checked,         // see over_limit, good_reason and reason_given
  // letter
  letter_not_recorded, letter_items_missing, letter_items_not_recorded, letter_complete,
  // handler
  handler_not_recorded, handler_same, handler_different,
  // time_limit
  within_time_limit, accepted_outside_time_limit, excluded_within_time_limit, excluded_outside_time_limit, excluded_without_issue_date,
  // stages
  stages_within, escalated_beyond_limit, event_beyond_limit,
  // escalation_order
  escalated_before_response,
  // remedy
  remedy_without_due_date, remedy_completed, remedy_overdue, remedy_pending,
  // data: the log contradicts itself
  event_before_receipt, events_out_of_order, event_after_closing, events_after_as_of, escalation_below_stage_2,
  second_escalation_request, escalation_without_stage_1, event_without_escalation, acknowledged_twice, responded_twice,
  remedy_never_offered, response_before_acknowledgement, acknowledgement_before_escalation, extension_not_after_deadline,
};
const char* finding_detail_name(FindingDetail d) noexcept;

// An event a finding rests on, as the message names it.
struct EventFact {
  int index = 0;           // in the case's events array
  const char* type = "";   // "acknowledged"
  Date date;
};

struct FindingFacts {
  FindingDetail detail = FindingDetail::none;
  int stage = 0;                              // the stage concerned (0: the complaint as a whole)
  std::optional<DeadlineKind> deadline;       // timing: which deadline
  DeadlineState state = DeadlineState::not_applicable;  // timing
  std::optional<ClockEvent> counted_from;     // timing
  ClockUnit unit = ClockUnit::working_days;   // timing, extension
  Counting counting = Counting::after_event;  // timing: whether the event day was day 1
  std::optional<Date> date;                   // when the event happened
  std::optional<Date> due;                    // the deadline (timing, extension), a remedy's due date
  std::optional<Date> since;                  // timing: day 0; time_limit: the issue date; data: the receipt
  std::optional<int32_t> count;               // timing: units taken, late by or left; extension: its length; stages: the stage reached; data: events left out
  std::optional<int32_t> limit;               // timing: the clock's length; extension: the cap; stages: the most allowed; time_limit: months
  std::optional<int32_t> total;               // extension: the stage's total so far; stages: stages used
  int32_t extension = 0;                      // timing: the extension within the Code
  std::optional<bool> given;                  // definition; ombudsman details; exclusion: the explanation
  std::optional<bool> ombudsman_right;        // exclusion: the right to go to the Ombudsman told
  bool over_limit = false;                    // extension: beyond the cap
  bool reason_given = true;                   // extension: reasons recorded
  std::vector<std::string> items;             // letter: the item ids missing or not recorded
  std::vector<std::string> unrecorded_items;  // letter: with items missing, those also not recorded
  std::string text;                           // what the log says: a reason, handler, remedy, good reason
  std::string other_text;                     // handler: the earlier stage's handler
  std::optional<EventFact> first, second;     // data: the events concerned; after_closing: the closing event first
};

struct Finding {
  std::string provision;  // "6.2", or "data" for an inconsistent log
  CheckKind kind = CheckKind::data;
  FindingResult result = FindingResult::unknown;
  FindingFacts facts;
  std::string message;    // one line a complaints officer understands, worded from kind and facts
  std::vector<int> events;  // indexes into the case's events
};

struct NextAction {
  std::string action;  // "issue the stage 1 response"
  DeadlineKind kind = DeadlineKind::respond;
  int stage = 0;       // 0 for remedies and actions
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
  std::vector<std::optional<Date>> stage_started;  // [s]: the day stage s began (stage 1: day 0), if it did
  std::vector<Deadline> deadlines;
  std::vector<Finding> findings;
  std::optional<NextAction> next_action;
  // Input chc read but may have misread, each naming both words:
  // `case.events[2]: "stge": did you mean "stage"?` (the key was not read).
  std::vector<std::string> warnings;
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
// Strict::yes makes every warning an error (Errc::schema, the warning's words).
Evaluation evaluate(const RuleSet& rules, const Calendar* calendar, const Case& c, Date as_of, Strict strict = Strict::no);

struct EvaluationJsonOptions {
  bool explain = false;    // add each deadline's skipped days ("skipped")
  bool echo_case = false;  // add the case record as given ("case")
  Strict strict = Strict::no;  // every warning an error (CHC_STRICT)
};
// `echo` is the case to echo when options.echo_case is set.
std::string to_json(const Evaluation& e, const EvaluationJsonOptions& options = {}, const Case* echo = nullptr);

// Parse, evaluate and write the JSON in one call: the same text as
// to_json(evaluate(...)) and the C API's chc_evaluate, by the fast path.
// Throws as Case::parse and evaluate do.
std::string evaluate_json(const RuleSet& rules, const Calendar* calendar, std::string_view case_json, Date as_of,
                          const EvaluationJsonOptions& options = {});

}  // namespace chc
