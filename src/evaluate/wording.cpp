// SPDX-License-Identifier: MIT
#include "evaluate/wording.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <charconv>

namespace chc {

namespace {

// Short text on the stack: every message names numbers and dates, and none needs a string of its own.
struct Short {
  char text[48];
  std::size_t size = 0;
  operator std::string_view() const { return {text, size}; }  // NOLINT: cat() takes it as text
  Short& operator<<(std::string_view v) {
    const std::size_t n = std::min(v.size(), sizeof text - size);
    std::copy(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), text + size);
    size += n;
    return *this;
  }
  Short& operator<<(int64_t n) {
    size = static_cast<std::size_t>(std::to_chars(text + size, text + sizeof text, n).ptr - text);
    return *this;
  }
};

Short plural(int32_t n, const char* one, const char* many) { return Short{} << n << " " << (n == 1 ? one : many); }

Short units(int32_t n, ClockUnit unit) {
  return unit == ClockUnit::working_days ? plural(n, "working day", "working days") : plural(n, "calendar day", "calendar days");
}
const char* unit_words(ClockUnit unit) { return unit == ClockUnit::working_days ? "working days" : "calendar days"; }

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A date as text, written in place: messages name several each.
struct Iso {
  char text[16];
  std::size_t size = 0;
  operator std::string_view() const { return {text, size}; }  // NOLINT: cat() takes it as text
};
Iso iso(Date d) {
  Iso out;
  if (d.iso_digits(out.text)) {
    out.size = 10;
  } else {
    const std::string wide = d.iso();  // a year outside 0-9999: at most 15 characters
    out.size = std::min(wide.size(), sizeof out.text);
    std::copy(wide.begin(), wide.begin() + static_cast<std::ptrdiff_t>(out.size), out.text);
  }
  return out;
}
Iso iso(const std::optional<Date>& d) {
  if (d) return iso(*d);
  Iso none;
  none.text[0] = '?';
  none.size = 1;
  return none;
}
Iso date_of(const std::optional<EventFact>& e) { return e ? iso(e->date) : iso(std::optional<Date>()); }

std::string event_label(const std::optional<EventFact>& e) {
  if (!e) return "an event";
  return cat("events[", std::to_string(e->index), "] (", e->type, ", ", iso(e->date), ")");
}

// What a clock counted from, as a message names it.
const char* counted_from(const FindingFacts& f) {
  switch (f.counted_from.value_or(ClockEvent::received)) {
    case ClockEvent::received: return "receipt";
    case ClockEvent::acknowledged: return "the acknowledgement";
    case ClockEvent::acknowledgement_due: return "the acknowledgement deadline (not yet acknowledged)";
    case ClockEvent::escalation_requested: return "the escalation request";
  }
  return "?";
}

void timing(std::string& out, const Finding& f, Date as_of) {
  const FindingFacts& x = f.facts;
  const char* verb = x.deadline == DeadlineKind::acknowledge ? "Acknowledged" : "Responded";
  Short limit;
  limit << x.limit.value_or(0);
  if (x.extension) limit << " + " << x.extension << " extension";
  const Iso due = iso(x.due);
  const char* from = counted_from(x);
  // "after receipt", or "beginning with the day of receipt" when the event day is day 1.
  const bool day_one = x.counting == Counting::including_event_day;
  const char* since = day_one ? "beginning with the day of " : "after ";
  const char* unit = unit_words(x.unit);
  const int32_t n = x.count.value_or(0);
  switch (x.state) {
    case DeadlineState::met:
      return cat_into(out, verb, " on ", iso(x.date), ", ", units(n, x.unit), " ", day_one ? "counting the day of " : since, from, "; the limit was ",
                 limit, " (due ", due, ")");
    case DeadlineState::missed:
      if (x.date) return cat_into(out, verb, " on ", iso(x.date), ", ", units(n, x.unit), " late: due ", due, " (", limit, " ", unit, " ", since, from, ")");
      return cat_into(out, "Never done: due ", due, " (", limit, " ", unit, " ", since, from, "), and the complaint moved on without it");
    case DeadlineState::pending: return cat_into(out, "Not yet due: due ", due, ", ", units(n, x.unit), " from ", iso(as_of));
    case DeadlineState::overdue:
      return cat_into(out, "Overdue: due ", due, " (", limit, " ", unit, " ", since, from, "), ", units(-n, x.unit), " ago on ", iso(as_of));
    case DeadlineState::not_applicable: return cat_into(out, "The complaint closed or moved on before this fell due (", due, ")");
  }
}

void extension(std::string& out, const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  if (x.detail == FindingDetail::extension_after_deadline) {
    return cat_into(out, "The extension on ", iso(x.date), " came after the deadline (", iso(x.due), ") had passed, so it moves nothing");
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
    return cat_into(out, summary,
               x.limit ? cat(" (", units(x.total.value_or(0), x.unit), " in all, within ", code, " ", std::to_string(*x.limit), ")")
                       : std::string(),
               ", with reasons: \"", x.text, "\"");
  }
  cat_into(out, summary);
  for (std::size_t i = 0; i < problems.size(); ++i) cat_into(out, i ? "; it " : " ", problems[i]);
}

void letter(std::string& out, const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string what = cat("The ", stage_name(rules, x.stage), " response letter (", iso(x.date), ")");
  const StageSpec* stage = rules.stage(x.stage);
  auto list = [&](const std::vector<std::string>& ids) {
    std::string text;
    for (const std::string& id : ids) {
      std::size_t position = 0;
      if (stage && stage->letter) {
        const auto& items = stage->letter->items;
        position = static_cast<std::size_t>(std::find(items.begin(), items.end(), id) - items.begin());
      }
      const Vocabulary::Term* term = Vocabulary::find(rules.words.letter_items, id);
      const char letter_id[] = {'(', static_cast<char>('a' + position % 26), ')', ' ', '\0'};
      text.append(text.empty() ? "" : ", ").append(letter_id).append(term ? term->label : id);
    }
    return text;
  };
  switch (x.detail) {
    case FindingDetail::letter_not_recorded: return cat_into(out, what, ": its contents were not recorded");
    case FindingDetail::letter_items_missing: return cat_into(out, what, " does not confirm ", list(x.items));
    case FindingDetail::letter_items_not_recorded: return cat_into(out, what, ": the log does not say whether it confirms ", list(x.items));
    default: return cat_into(out, what, " confirms every item ", rules.words.code_short, " requires");
  }
}

void handler(std::string& out, const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string now = stage_name(rules, x.stage), then = stage_name(rules, x.stage - 1);
  switch (x.detail) {
    case FindingDetail::handler_not_recorded: return cat_into(out, "The log does not record who handled ", x.other_text.empty() ? then : now);
    case FindingDetail::handler_same: return cat_into(out, "\"", x.text, "\" handled both ", then, " and ", now);
    default: return cat_into(out, now, " was handled by \"", x.text, "\", ", then, " by \"", x.other_text, "\"");
  }
}

void time_limit(std::string& out, const Finding& f) {
  const FindingFacts& x = f.facts;
  const std::string limit = cat(std::to_string(x.limit.value_or(0)), "-month");
  const std::string span = cat("received ", iso(x.date), ", the issue dated ", iso(x.since));
  switch (x.detail) {
    case FindingDetail::excluded_within_time_limit: return cat_into(out, "Not accepted as outside the ", limit, " limit, but it was within it (", span, ")");
    case FindingDetail::excluded_outside_time_limit: return cat_into(out, "Not accepted as outside the ", limit, " limit, correctly (", span, ")");
    case FindingDetail::within_time_limit: return cat_into(out, "Raised within the ", limit, " limit (", span, ")");
    case FindingDetail::accepted_outside_time_limit: return cat_into(out, "Accepted outside the ", limit, " limit, using discretion (", span, ")");
    default: return cat_into(out, "Not accepted as outside the ", limit, " limit, but the log has no issue_date to show it");
  }
}

void exclusion(std::string& out, const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string right = cat("the right to go to ", rules.words.ombudsman_name);
  if (x.given == false || x.ombudsman_right == false) {
    std::string missing = x.given == false ? "the explanation" : "";
    if (x.ombudsman_right == false) missing += cat(missing.empty() ? "" : " and ", right);
    return cat_into(out, "Not accepted on ", iso(x.date), " without ", missing);
  }
  if (x.given == true && x.ombudsman_right == true) return cat_into(out, "Not accepted on ", iso(x.date), " with an explanation and ", right);
  return cat_into(out, "Not accepted on ", iso(x.date), "; the log does not say whether the explanation and ", right, " were given");
}

void stages(std::string& out, const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string allows = cat(rules.words.code_short, " allows no more than ", std::to_string(x.limit.value_or(0)));
  switch (x.detail) {
    case FindingDetail::escalated_beyond_limit:
      return cat_into(out, "Escalated to ", stage_name(rules, x.stage), " on ", iso(x.date), ": ", allows, " stages");
    case FindingDetail::event_beyond_limit:
      return cat_into(out, event_label(x.first), " belongs to ", stage_name(rules, x.stage), ": ", allows, " stages");
    default: return cat_into(out, "The complaint has used ", std::to_string(x.total.value_or(0)), " stages; ", allows);
  }
}

void remedy(std::string& out, const Finding& f) {
  const FindingFacts& x = f.facts;
  const std::string what = cat("The remedy", x.text.empty() ? std::string() : cat(" \"", x.text, "\""), " offered on ", iso(x.date));
  switch (x.detail) {
    case FindingDetail::remedy_without_due_date: return cat_into(out, what, " does not say by when it will be done");
    case FindingDetail::remedy_completed: return cat_into(out, what, " was due by ", iso(x.due), " and completed on ", date_of(x.second));
    case FindingDetail::remedy_overdue: return cat_into(out, what, " was due by ", iso(x.due), " and is not completed");
    default: return cat_into(out, what, " is due by ", iso(x.due));
  }
}

void data(std::string& out, const Finding& f, const RuleSetData& rules) {
  const FindingFacts& x = f.facts;
  const std::string stage = stage_name(rules, x.stage);
  switch (x.detail) {
    case FindingDetail::event_before_receipt: return cat_into(out, event_label(x.first), " is dated before the complaint was received (", iso(x.since), ")");
    case FindingDetail::events_out_of_order:
      return cat_into(out, event_label(x.second), " is logged after ", event_label(x.first), ": the log is out of date order");
    case FindingDetail::event_after_closing:
      return cat_into(out, event_label(x.second), " comes after the complaint was ",
                 x.first && std::string_view(x.first->type) == "withdrawn" ? "withdrawn" : "not accepted", " on ",
                 date_of(x.first));
    case FindingDetail::events_after_as_of: {
      const int32_t n = x.count.value_or(0);
      return cat_into(out, plural(n, "event is", "events are"), " dated after ", iso(x.date), " and ", n == 1 ? "was" : "were", " left out");
    }
    case FindingDetail::escalation_below_stage_2: return cat_into(out, event_label(x.first), " asks to escalate to stage ", std::to_string(x.stage));
    case FindingDetail::second_escalation_request:
      return cat_into(out, event_label(x.second), " is a second request to escalate to ", stage, " (the first was on ",
                 date_of(x.first), ")");
    case FindingDetail::escalation_without_stage_1:
      return cat_into(out, event_label(x.first), " escalates to ", stage, " with no ", stage_name(rules, x.stage - 1),
                 " acknowledgement or response in the log");
    case FindingDetail::event_without_escalation:
      return cat_into(out, event_label(x.first), " belongs to ", stage, ", but no escalation to ", stage, " was requested before it");
    case FindingDetail::acknowledged_twice:
      return cat_into(out, stage, " is acknowledged twice: ", event_label(x.first), " and ", event_label(x.second));
    case FindingDetail::responded_twice:
      return cat_into(out, "two ", stage, " responses: ", event_label(x.first), " and ", event_label(x.second), "; the first counts");
    case FindingDetail::remedy_never_offered: return cat_into(out, event_label(x.first), " completes a remedy that was never offered");
    case FindingDetail::response_before_acknowledgement:
      return cat_into(out, "the ", stage, " response (", date_of(x.first), ") is dated before its acknowledgement (",
                 date_of(x.second), ")");
    case FindingDetail::acknowledgement_before_escalation:
      return cat_into(out, "the ", stage, " acknowledgement (", date_of(x.first), ") is dated before the escalation request (",
                 date_of(x.second), ")");
    case FindingDetail::extension_not_after_deadline:
      return cat_into(out, event_label(x.first), " promises ", x.date ? x.date->iso() : std::string("no date"), ", not after the deadline it extends (",
                 iso(x.due), ")");
    default: return cat_into(out, "the log is inconsistent");
  }
}

}  // namespace

std::string stage_name(const RuleSetData& rules, int stage) {
  if (const StageSpec* s = rules.stage(stage)) return s->name;
  return cat("stage ", std::to_string(stage));
}

void describe(std::string& out, const Finding& f, const RuleSetData& rules, Date as_of) {
  const FindingFacts& x = f.facts;
  switch (f.kind) {
    case CheckKind::timing: return timing(out, f, as_of);
    case CheckKind::extension: return extension(out, f, rules);
    case CheckKind::ombudsman_details: {
      const std::string who = capitalised(rules.words.ombudsman_name) + "'s contact details";
      const std::string when = cat("the extension on ", iso(x.date));
      if (x.given == true) return cat_into(out, who, " were given with ", when);
      if (x.given == false) return cat_into(out, who, " were not given with ", when);
      return cat_into(out, "The log does not say whether ", rules.words.ombudsman_name, "'s contact details were given with ", when);
    }
    case CheckKind::letter: return letter(out, f, rules);
    case CheckKind::handler: return handler(out, f, rules);
    case CheckKind::definition: {
      const char* lead = x.given == true    ? "The complaint definition was recorded at the "
                         : x.given == false ? "No complaint definition was recorded at the "
                                            : "The log does not say whether the complaint was defined at the ";
      return cat_into(out, lead, stage_name(rules, x.stage), " acknowledgement on ", iso(x.date));
    }
    case CheckKind::time_limit: return time_limit(out, f);
    case CheckKind::exclusion: return exclusion(out, f, rules);
    case CheckKind::escalation_refusal:
      if (x.text.empty()) return cat_into(out, "Escalation refused on ", iso(x.date), " with no reason recorded");
      return cat_into(out, "Escalation refused on ", iso(x.date), " for a recorded reason: \"", x.text, "\"");
    case CheckKind::escalation_order:
      return cat_into(out, "Escalated to ", stage_name(rules, x.stage), " on ", iso(x.date), " before the ", stage_name(rules, x.stage - 1), " response");
    case CheckKind::stages: return stages(out, f, rules);
    case CheckKind::procedure: return cat_into(out, "The rule set ", rules.name, " has ", std::to_string(rules.stages.size()), " stages and no others");
    case CheckKind::remedy: return remedy(out, f);
    case CheckKind::data: return data(out, f, rules);
  }
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
