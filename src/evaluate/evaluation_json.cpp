// SPDX-License-Identifier: MIT
#include "core/json_writer.hpp"
#include "evaluate/evaluate_impl.hpp"
#include "evaluate/wording.hpp"

#include <boost/json.hpp>

#include <array>

namespace chc {

namespace {

void write_deadline(JsonWriter& w, const Deadline& d, const EvaluationJsonOptions& options, const Evaluation& e) {
  w.begin_object();
  w.key("name").value(d.name);
  w.key("kind").value(deadline_kind_name(d.kind));
  w.key("provision").value(d.provision);
  w.key("stage").value(d.stage);
  w.key("from");
  d.from ? w.value(*d.from) : w.null();
  w.key("from_event");
  d.from_event ? w.value(clock_event_name(*d.from_event)) : w.null();
  w.key("working_days").value(static_cast<int64_t>(d.working_days));
  if (d.unit != ClockUnit::working_days) w.key("unit").value(clock_unit_name(d.unit));
  w.key("extension_working_days").value(static_cast<int64_t>(d.extension_working_days));
  w.key("due");
  d.due ? w.value(*d.due) : w.null();
  w.key("original_due");
  d.original_due ? w.value(*d.original_due) : w.null();
  w.key("met");
  d.met ? w.value(*d.met) : w.null();
  w.key("state").value(deadline_state_name(d.state));
  w.key("provisional").value(d.provisional);
  w.key("working_days_remaining");
  d.working_days_remaining ? w.value(static_cast<int64_t>(*d.working_days_remaining)) : w.null();
  if (d.target) {
    w.key("target").begin_object();
    w.key("working_days").value(static_cast<int64_t>(d.target->working_days));
    w.key("due").value(d.target->due);
    w.key("state").value(deadline_state_name(d.target->state));
    w.end_object();
  }
  if (options.explain && d.from && d.due && e.used_calendar) {
    w.key("skipped").begin_array();
    for (const NonWorkingDay& day : e.used_calendar->explain(*d.from, *d.due)) {
      w.begin_object();
      w.key("date").value(day.date);
      w.key("weekday").value(weekday_name(day.date.weekday()));
      w.key("reasons").begin_array();
      for (const Holiday& h : day.reasons) {
        w.begin_object();
        w.key("name").value(h.name);
        w.key("kind").value(day_kind_name(h.kind));
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

}  // namespace

std::string to_json(const Evaluation& e, const EvaluationJsonOptions& options, const Case* echo) {
  return evaluation_json(e, options, echo, nullptr);
}

std::string evaluation_json(const Evaluation& e, const EvaluationJsonOptions& options, const Case* echo, const RuleSetData* word) {
  std::string out;
  std::string message;
  out.reserve(4096);
  JsonWriter w(out);
  w.begin_object();
  w.key("id").raw(e.id_json);
  w.key("rules").value(e.rules);
  if (e.rules_requested != e.rules) w.key("rules_requested").value(e.rules_requested);
  w.key("rules_version").value(e.rules_version);
  w.key("calendar").value(e.calendar);
  w.key("calendar_version").value(e.calendar_version);
  w.key("as_of").value(e.as_of);
  w.key("received").value(e.received);
  w.key("day_zero").value(e.day_zero);
  w.key("day_zero_rule").value(e.day_zero_rule);
  w.key("status").value(case_status_name(e.status));
  w.key("stage").value(e.stage);
  w.key("deadlines").begin_array();
  for (const Deadline& d : e.deadlines) write_deadline(w, d, options, e);
  w.end_array();
  w.key("findings").begin_array();
  for (const Finding& f : e.findings) {
    w.begin_object();
    w.key("provision").value(f.provision);
    w.key("kind").value(check_kind_name(f.kind));
    w.key("result").value(finding_result_name(f.result));
    if (word) {
      message.clear();
      describe(message, f, *word, e.as_of);
      w.key("message").value(message);
    } else {
      w.key("message").value(f.message);
    }
    w.key("events").begin_array();
    for (const int i : f.events) w.value(i);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("next_action");
  if (e.next_action) {
    const NextAction& a = *e.next_action;
    w.begin_object();
    w.key("action").value(a.action);
    w.key("kind").value(deadline_kind_name(a.kind));
    w.key("due").value(a.due);
    w.key("provision");
    a.provision.empty() ? w.null() : w.value(a.provision);
    w.key("working_days_remaining").value(static_cast<int64_t>(a.working_days_remaining));
    w.key("overdue").value(a.overdue);
    w.end_object();
  } else {
    w.null();
  }
  w.key("warnings").begin_array();
  for (const std::string& warning : e.warnings) w.value(warning);
  w.end_array();
  if (options.echo_case && echo) w.key("case").raw(echo->json());
  w.end_object();
  w.finish();
  return out;
}

std::string evaluate_json(const RuleSet& rules, const Calendar* calendar, std::string_view case_json, Date as_of,
                          const EvaluationJsonOptions& options) {
  const auto impl = parse_case(case_json, options.echo_case);
  Evaluation e = evaluate_case(rules, calendar, *impl, as_of, options.explain, false, options.strict);
  const RuleSetData& words = rules.impl().select(impl->received);
  word_next_action(e, words);
  if (options.echo_case) {
    const Case echo(impl);
    return evaluation_json(e, options, &echo, &words);
  }
  return evaluation_json(e, options, nullptr, &words);
}

}  // namespace chc
