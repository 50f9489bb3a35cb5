// SPDX-License-Identifier: MIT
#include "evaluate/wording.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace chc {

namespace {

std::string plural(int32_t n, const char* one, const char* many) { return cat(std::to_string(n), " ", n == 1 ? one : many); }

std::string units(int32_t n, ClockUnit unit) {
  return unit == ClockUnit::working_days ? plural(n, "working day", "working days") : plural(n, "calendar day", "calendar days");
}
const char* unit_words(ClockUnit unit) { return unit == ClockUnit::working_days ? "working days" : "calendar days"; }

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string("?"); }

std::string event_label(const std::optional<EventFact>& e) {
  if (!e) return "an event";
  return cat("events[", std::to_string(e->index), "] (", e->type, ", ", e->date.iso(), ")");
}

// What a clock counted from, as a message names it.
std::string counted_from(const FindingFacts& f) {
  switch (f.counted_from.value_or(ClockEvent::received)) {
    case ClockEvent::received: return "receipt";
    case ClockEvent::acknowledged: return "the acknowledgement";
    case ClockEvent::acknowledgement_due: return "the acknowledgement deadline (not yet acknowledged)";
    case ClockEvent::escalation_requested: return "the escalation request";
  }
  return "?";
}

std::string timing(const Finding& f, Date as_of) {
  const FindingFacts& x = f.facts;
  const char* verb = x.deadline == DeadlineKind::acknowledge ? "Acknowledged" : "Responded";
  const std::string limit = x.extension ? cat(std::to_string(x.limit.value_or(0)), " + ", std::to_string(x.extension), " extension")
                                        : std::to_string(x.limit.value_or(0));
  const std::string due = iso(x.due), from = counted_from(x);
  // "after receipt", or "beginning with the day of receipt" when the event day is day 1.
  const bool day_one = x.counting == Counting::including_event_day;
  const std::string since = day_one ? cat("beginning with the day of ", from) : cat("after ", from);
  const std::string window = cat(limit, " ", unit_words(x.unit), " ", since);
  const int32_t n = x.count.value_or(0);
  switch (x.state) {
    case DeadlineState::met:
      return cat(verb, " on ", iso(x.date), ", ", units(n, x.unit), " ", day_one ? cat("counting the day of ", from) : since,
                 "; the limit was ", limit, " (due ", due, ")");
    case DeadlineState::missed:
      if (x.date) return cat(verb, " on ", iso(x.date), ", ", units(n, x.unit), " late: due ", due, " (", window, ")");
      return cat("Never done: due ", due, " (", window, "), and the complaint moved on without it");
    case DeadlineState::pending: return cat("Not yet due: due ", due, ", ", units(n, x.unit), " from ", as_of.iso());
    case DeadlineState::overdue: return cat("Overdue: due ", due, " (", window, "), ", units(-n, x.unit), " ago on ", as_of.iso());
    case DeadlineState::not_applicable: return cat("The complaint closed or moved on before this fell due (", due, ")");
  }
  return {};
}

std::string extension(const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  if (x.detail == FindingDetail::extension_after_deadline) {
    return cat("The extension on ", iso(x.date), " came after the deadline (", iso(x.due), ") had passed, so it moves nothing");
  }
  const std::string summary = cat("Extension of ", units(x.count.value_or(0), x.unit), " on ", iso(x.date));
  const std::string code = rules.words.code_short + "'s";
  std::vector<std::string> problems;
  if (x.over_limit) {
    const std::string total = cat("takes the total to ", units(x.total.value_or(0), x.unit), ", more than ", code, " ",
                                  std::to_string(x.limit.value_or(0)));
    problems.push_back(!x.other_text.empty()
                           ? cat(total, "; the good reason recorded (\"", x.other_text, "\") is a judgement chc cannot make")
                           : cat(total, " without good reason: the deadline moves by ", std::to_string(x.limit.value_or(0)), " only"));
  }
  if (!x.reason_given) problems.emplace_back("gives no reason (reasons must be explained to the resident)");
  if (problems.empty()) {
    return cat(summary,
               x.limit ? cat(" (", units(x.total.value_or(0), x.unit), " in all, within ", code, " ", std::to_string(*x.limit), ")")
                       : std::string(),
               ", with reasons: \"", x.text, "\"");
  }
  std::string message = summary;
  for (std::size_t i = 0; i < problems.size(); ++i) message += cat(i ? "; it " : " ", problems[i]);
  return message;
}

std::string letter(const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string what = cat("The ", stage_name(rules, x.stage), " response letter (", iso(x.date), ")");
  const StageSpec* stage = rules.stage(x.stage);
  auto list = [&](const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
      std::size_t position = 0;
      if (stage && stage->letter) {
        const auto& items = stage->letter->items;
        position = static_cast<std::size_t>(std::find(items.begin(), items.end(), id) - items.begin());
      }
      const Vocabulary::Term* term = Vocabulary::find(rules.words.letter_items, id);
      const char letter_id[] = {'(', static_cast<char>('a' + position % 26), ')', ' ', '\0'};
      out.append(out.empty() ? "" : ", ").append(letter_id).append(term ? term->label : id);
    }
    return out;
  };
  switch (x.detail) {
    case FindingDetail::letter_not_recorded: return cat(what, ": its contents were not recorded");
    case FindingDetail::letter_items_missing: return cat(what, " does not confirm ", list(x.items));
    case FindingDetail::letter_items_not_recorded: return cat(what, ": the log does not say whether it confirms ", list(x.items));
    default: return cat(what, " confirms every item ", rules.words.code_short, " requires");
  }
}

std::string handler(const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string now = stage_name(rules, x.stage), then = stage_name(rules, x.stage - 1);
  switch (x.detail) {
    case FindingDetail::handler_not_recorded: return cat("The log does not record who handled ", x.other_text.empty() ? then : now);
    case FindingDetail::handler_same: return cat("\"", x.text, "\" handled both ", then, " and ", now);
    default: return cat(now, " was handled by \"", x.text, "\", ", then, " by \"", x.other_text, "\"");
  }
}

std::string time_limit(const Finding& f) {
  const FindingFacts& x = f.facts;
  const std::string limit = cat(std::to_string(x.limit.value_or(0)), "-month");
  const std::string span = cat("received ", iso(x.date), ", the issue dated ", iso(x.since));
  switch (x.detail) {
    case FindingDetail::excluded_within_time_limit: return cat("Not accepted as outside the ", limit, " limit, but it was within it (", span, ")");
    case FindingDetail::excluded_outside_time_limit: return cat("Not accepted as outside the ", limit, " limit, correctly (", span, ")");
    case FindingDetail::within_time_limit: return cat("Raised within the ", limit, " limit (", span, ")");
    case FindingDetail::accepted_outside_time_limit: return cat("Accepted outside the ", limit, " limit, using discretion (", span, ")");
    default: return cat("Not accepted as outside the ", limit, " limit, but the log has no issue_date to show it");
  }
}

std::string exclusion(const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string right = cat("the right to go to ", rules.words.ombudsman_name);
  if (x.given == false || x.ombudsman_right == false) {
    std::string missing = x.given == false ? "the explanation" : "";
    if (x.ombudsman_right == false) missing += cat(missing.empty() ? "" : " and ", right);
    return cat("Not accepted on ", iso(x.date), " without ", missing);
  }
  if (x.given == true && x.ombudsman_right == true) return cat("Not accepted on ", iso(x.date), " with an explanation and ", right);
  return cat("Not accepted on ", iso(x.date), "; the log does not say whether the explanation and ", right, " were given");
}

std::string stages(const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string allows = cat(rules.words.code_short, " allows no more than ", std::to_string(x.limit.value_or(0)));
  switch (x.detail) {
    case FindingDetail::escalated_beyond_limit:
      return cat("Escalated to ", stage_name(rules, x.stage), " on ", iso(x.date), ": ", allows, " stages");
    case FindingDetail::event_beyond_limit:
      return cat(event_label(x.first), " belongs to ", stage_name(rules, x.stage), ": ", allows, " stages");
    default: return cat("The complaint has used ", std::to_string(x.total.value_or(0)), " stages; ", allows);
  }
}

std::string remedy(const Finding& f) {
  const FindingFacts& x = f.facts;
  const std::string what = cat("The remedy", x.text.empty() ? std::string() : cat(" \"", x.text, "\""), " offered on ", iso(x.date));
  switch (x.detail) {
    case FindingDetail::remedy_without_due_date: return cat(what, " does not say by when it will be done");
    case FindingDetail::remedy_completed: return cat(what, " was due by ", iso(x.due), " and completed on ", x.second ? x.second->date.iso() : "?");
    case FindingDetail::remedy_overdue: return cat(what, " was due by ", iso(x.due), " and is not completed");
    default: return cat(what, " is due by ", iso(x.due));
  }
}

std::string data(const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string stage = stage_name(rules, x.stage);
  switch (x.detail) {
    case FindingDetail::event_before_receipt: return cat(event_label(x.first), " is dated before the complaint was received (", iso(x.since), ")");
    case FindingDetail::events_out_of_order:
      return cat(event_label(x.second), " is logged after ", event_label(x.first), ": the log is out of date order");
    case FindingDetail::event_after_closing:
      return cat(event_label(x.second), " comes after the complaint was ",
                 x.first && std::string_view(x.first->type) == "withdrawn" ? "withdrawn" : "not accepted", " on ",
                 x.first ? x.first->date.iso() : "?");
    case FindingDetail::events_after_as_of: {
      const int32_t n = x.count.value_or(0);
      return cat(plural(n, "event is", "events are"), " dated after ", iso(x.date), " and ", n == 1 ? "was" : "were", " left out");
    }
    case FindingDetail::escalation_below_stage_2: return cat(event_label(x.first), " asks to escalate to stage ", std::to_string(x.stage));
    case FindingDetail::second_escalation_request:
      return cat(event_label(x.second), " is a second request to escalate to ", stage, " (the first was on ",
                 x.first ? x.first->date.iso() : "?", ")");
    case FindingDetail::escalation_without_stage_1:
      return cat(event_label(x.first), " escalates to ", stage, " with no ", stage_name(rules, x.stage - 1),
                 " acknowledgement or response in the log");
    case FindingDetail::event_without_escalation:
      return cat(event_label(x.first), " belongs to ", stage, ", but no escalation to ", stage, " was requested before it");
    case FindingDetail::acknowledged_twice:
      return cat(stage, " is acknowledged twice: ", event_label(x.first), " and ", event_label(x.second));
    case FindingDetail::responded_twice:
      return cat("two ", stage, " responses: ", event_label(x.first), " and ", event_label(x.second), "; the first counts");
    case FindingDetail::remedy_never_offered: return cat(event_label(x.first), " completes a remedy that was never offered");
    case FindingDetail::response_before_acknowledgement:
      return cat("the ", stage, " response (", x.first ? x.first->date.iso() : "?", ") is dated before its acknowledgement (",
                 x.second ? x.second->date.iso() : "?", ")");
    case FindingDetail::acknowledgement_before_escalation:
      return cat("the ", stage, " acknowledgement (", x.first ? x.first->date.iso() : "?", ") is dated before the escalation request (",
                 x.second ? x.second->date.iso() : "?", ")");
    case FindingDetail::extension_not_after_deadline:
      return cat(event_label(x.first), " promises ", x.date ? x.date->iso() : std::string("no date"), ", not after the deadline it extends (",
                 iso(x.due), ")");
    default: return "the log is inconsistent";
  }
}

}  // namespace

std::string stage_name(const RuleSetData& rules, int stage) {
  if (const StageSpec* s = rules.stage(stage)) return s->name;
  return cat("stage ", std::to_string(stage));
}

std::string describe(const Finding& f, const RuleSetData& rules, Date as_of) {
  const FindingFacts& x = f.facts;
  switch (f.kind) {
    case CheckKind::timing: return timing(f, as_of);
    case CheckKind::extension: return extension(f, rules);
    case CheckKind::ombudsman_details: {
      const std::string who = capitalised(rules.words.ombudsman_name) + "'s contact details";
      const std::string when = cat("the extension on ", iso(x.date));
      if (x.given == true) return cat(who, " were given with ", when);
      if (x.given == false) return cat(who, " were not given with ", when);
      return cat("The log does not say whether ", rules.words.ombudsman_name, "'s contact details were given with ", when);
    }
    case CheckKind::letter: return letter(f, rules);
    case CheckKind::handler: return handler(f, rules);
    case CheckKind::definition: {
      const char* lead = x.given == true    ? "The complaint definition was recorded at the "
                         : x.given == false ? "No complaint definition was recorded at the "
                                            : "The log does not say whether the complaint was defined at the ";
      return cat(lead, stage_name(rules, x.stage), " acknowledgement on ", iso(x.date));
    }
    case CheckKind::time_limit: return time_limit(f);
    case CheckKind::exclusion: return exclusion(f, rules);
    case CheckKind::escalation_refusal:
      return x.text.empty() ? cat("Escalation refused on ", iso(x.date), " with no reason recorded")
                            : cat("Escalation refused on ", iso(x.date), " for a recorded reason: \"", x.text, "\"");
    case CheckKind::escalation_order:
      return cat("Escalated to ", stage_name(rules, x.stage), " on ", iso(x.date), " before the ", stage_name(rules, x.stage - 1), " response");
    case CheckKind::stages: return stages(f, rules);
    case CheckKind::procedure: return cat("The rule set ", rules.name, " has ", std::to_string(rules.stages.size()), " stages and no others");
    case CheckKind::remedy: return remedy(f);
    case CheckKind::data: return data(f, rules);
  }
  return {};
}

std::string describe_action(DeadlineKind kind, int stage, const std::string& what, const RuleSetData& rules) {
  switch (kind) {
    case DeadlineKind::acknowledge: return cat("acknowledge the ", stage_name(rules, stage), " complaint");
    case DeadlineKind::respond: return cat("issue the ", stage_name(rules, stage), " response");
    case DeadlineKind::remedy: return cat("complete the remedy", what.empty() ? std::string() : cat(": ", what));
    case DeadlineKind::action: return cat("complete the outstanding action", what.empty() ? std::string() : cat(": ", what));
  }
  return {};
}

}  // namespace chc
