// SPDX-License-Identifier: MIT
// The lifecycle engine: one case's event log, a rule set and a calendar in;
// status, deadlines, provision findings and the next action out.
#include "core/text.hpp"
#include "evaluate/case_impl.hpp"
#include "evaluate/evaluate_impl.hpp"
#include "rules/ruleset_impl.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace chc {

const char* deadline_state_name(DeadlineState s) noexcept {
  switch (s) {
    case DeadlineState::met: return "met";
    case DeadlineState::missed: return "missed";
    case DeadlineState::pending: return "pending";
    case DeadlineState::overdue: return "overdue";
    case DeadlineState::not_applicable: return "not_applicable";
  }
  return "?";
}

const char* finding_result_name(FindingResult r) noexcept {
  switch (r) {
    case FindingResult::pass: return "pass";
    case FindingResult::fail: return "fail";
    case FindingResult::not_applicable: return "not_applicable";
    case FindingResult::unknown: return "unknown";
  }
  return "?";
}

const char* case_status_name(CaseStatus s) noexcept {
  switch (s) {
    case CaseStatus::awaiting_acknowledgement: return "awaiting_acknowledgement";
    case CaseStatus::awaiting_response: return "awaiting_response";
    case CaseStatus::responded: return "responded";
    case CaseStatus::closed: return "closed";
    case CaseStatus::withdrawn: return "withdrawn";
    case CaseStatus::not_accepted: return "not_accepted";
    case CaseStatus::escalation_refused: return "escalation_refused";
  }
  return "?";
}

namespace {

constexpr int max_stage_index = 9;

const char* ordinal_stage(int stage) {
  static constexpr const char* names[] = {"stage 0", "stage 1", "stage 2", "stage 3", "stage 4", "stage 5",
                                          "stage 6", "stage 7", "stage 8", "stage 9"};
  return names[std::clamp(stage, 0, 9)];
}

std::string plural(int32_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }
std::string working_days(int32_t n) { return plural(n, "working day", "working days"); }

std::string normalise_person(std::string_view name) {
  std::string out;
  bool space = false;
  for (const char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// issue_date + months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
Date add_months(Date d, int months) {
  const YearMonthDay ymd = d.ymd();
  const int total = ymd.year * 12 + (ymd.month - 1) + months;
  const int year = total / 12, month = total % 12 + 1;
  return Date(static_cast<int32_t>(serial_from_civil(year, month, std::min(ymd.day, days_in_month(year, month)))));
}

struct StageLog {
  const Event* escalation = nullptr;
  const Event* refused = nullptr;  // the landlord refused the escalation to this stage
  const Event* acknowledged = nullptr;
  const Event* response = nullptr;
  std::vector<const Event*> extensions;
};

struct Remedy {
  const Event* offered;
  const Event* completed = nullptr;
};

class Evaluator {
 public:
  Evaluator(const RuleSetData& rules, const Calendar& cal, const Case::Impl& c, Date as_of, Evaluation& out)
      : rules_(rules), cal_(cal), case_(c), as_of_(as_of), out_(out) {}

  void run() {
    day_zero();
    walk();
    check_log_order_within_stages();
    for (int s = 1; s <= static_cast<int>(rules_.stages.size()); ++s) stage_deadlines(s);
    case_findings();
    status();
    next_action();
    // Findings in Code order (data last), keeping the order within a provision.
    std::vector<std::pair<std::pair<int, int>, std::size_t>> order;
    order.reserve(out_.findings.size());
    for (std::size_t i = 0; i < out_.findings.size(); ++i) order.emplace_back(provision_order(out_.findings[i].provision), i);
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Finding> sorted;
    sorted.reserve(order.size());
    for (const auto& o : order) sorted.push_back(std::move(out_.findings[o.second]));
    out_.findings = std::move(sorted);
  }

 private:
  // "2.3" < "6.9" < "6.10" < spso-* < data
  static std::pair<int, int> provision_order(const std::string& p) {
    if (p == "data") return {1000, 0};
    int major = 0, minor = 0;
    std::size_t i = 0;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') major = major * 10 + (p[i++] - '0');
    if (i == 0 || i >= p.size() || p[i] != '.') return {900, 0};
    while (++i < p.size() && p[i] >= '0' && p[i] <= '9') minor = minor * 10 + (p[i] - '0');
    return {major, minor};
  }

  void finding(const std::string& provision, FindingResult result, std::string message, std::vector<int> events = {}) {
    if (provision.empty()) return;  // the rule set has no provision for this check
    out_.findings.push_back({provision, result, std::move(message), std::move(events)});
  }
  void data_problem(std::string message, std::vector<int> events) {
    finding("data", FindingResult::fail, std::move(message), std::move(events));
  }

  std::string event_label(const Event& e) const {
    return "events[" + std::to_string(e.index) + "] (" + event_type_name(e.type) + ", " + e.date.iso() + ")";
  }

  void day_zero() {
    out_.received = case_.received;
    Date zero = case_.received;
    out_.day_zero_rule = "received";
    if (rules_.receipt.cutoff_minute && case_.received_minute && *case_.received_minute >= *rules_.receipt.cutoff_minute) {
      zero = cal_.next_working_day(case_.received);
      char buf[96];
      std::snprintf(buf, sizeof buf, "received at or after the %02d:%02d cut-off: the next working day", *rules_.receipt.cutoff_minute / 60 % 24,
                    *rules_.receipt.cutoff_minute % 60);
      out_.day_zero_rule = buf;
    } else if (rules_.receipt.next_working_day && !cal_.is_working_day(case_.received)) {
      zero = cal_.add_working_days(case_.received, 0);
      out_.day_zero_rule = "received on a non-working day: the next working day";
    }
    out_.day_zero = zero;
  }

  int stage_of(const Event& e) const { return e.stage.value_or(current_stage_); }

  void walk() {
    const Event* previous = nullptr;
    int future = 0;
    std::vector<int> future_events;
    for (const Event& e : case_.events) {
      if (e.type == EventType::custom) continue;
      if (e.date > as_of_) {
        ++future;
        future_events.push_back(e.index);
        continue;
      }
      if (e.date < case_.received) {
        data_problem(event_label(e) + " is dated before the complaint was received (" + case_.received.iso() + ")", {e.index});
      }
      if (previous && e.date < previous->date) {
        data_problem(event_label(e) + " is logged after " + event_label(*previous) + ": the log is out of date order",
                     {previous->index, e.index});
      }
      previous = &e;
      if (closed_by_ && e.type != EventType::remedy_completed && e.type != EventType::action_completed &&
          e.type != EventType::update_sent && e.type != EventType::remedy_offered && e.type != EventType::action_opened) {
        data_problem(event_label(e) + " comes after the complaint was " +
                         (closed_by_->type == EventType::withdrawn ? "withdrawn" : "not accepted") + " on " + closed_by_->date.iso(),
                     {closed_by_->index, e.index});
      }
      apply(e);
    }
    if (future > 0) {
      finding("data", FindingResult::not_applicable,
              plural(future, "event is", "events are") + " dated after " + as_of_.iso() + " and " + (future == 1 ? "was" : "were") +
                  " left out",
              future_events);
    }
  }

  void apply(const Event& e) {
    switch (e.type) {
      case EventType::escalation_requested: {
        const int target = e.stage.value_or(current_stage_ + 1);
        if (target <= 1) {
          data_problem(event_label(e) + " asks to escalate to stage " + std::to_string(target), {e.index});
          return;
        }
        if (target > rules_.max_stages) {
          finding(rules_.max_stages_provision, FindingResult::fail,
                  "Escalated to " + std::string(ordinal_stage(target)) + " on " + e.date.iso() + ": the Code allows no more than " +
                      std::to_string(rules_.max_stages) + " stages",
                  {e.index});
        }
        StageLog& log = stages_[static_cast<std::size_t>(std::min(target, max_stage_index))];
        if (log.refused) log = StageLog{};  // asked again after a refusal
        if (log.escalation) {
          data_problem(event_label(e) + " is a second request to escalate to " + ordinal_stage(target) + " (the first was on " +
                           log.escalation->date.iso() + ")",
                       {log.escalation->index, e.index});
          return;
        }
        log.escalation = &e;
        const StageLog& below = stages_[static_cast<std::size_t>(std::min(target - 1, max_stage_index))];
        if (!below.response) {
          if (!rules_.escalate_after_response_provision.empty()) {
            finding(rules_.escalate_after_response_provision, FindingResult::fail,
                    std::string("Escalated to ") + ordinal_stage(target) + " on " + e.date.iso() + " before the " +
                        ordinal_stage(target - 1) + " response",
                    {e.index});
          } else if (target == 2 && !below.acknowledged && !rules_.direct_to_stage2) {
            data_problem(event_label(e) + " escalates to stage 2 with no stage 1 acknowledgement or response in the log", {e.index});
          }
        }
        current_stage_ = std::max(current_stage_, target);
        break;
      }
      case EventType::acknowledged:
      case EventType::response:
      case EventType::extension: {
        const int s = stage_of(e);
        StageLog& log = stages_[static_cast<std::size_t>(std::min(s, max_stage_index))];
        if (s >= 2 && !log.escalation && !(s == 2 && rules_.direct_to_stage2)) {
          data_problem(event_label(e) + " belongs to " + ordinal_stage(s) + ", but no escalation to " + ordinal_stage(s) +
                           " was requested before it",
                       {e.index});
        }
        if (e.type == EventType::acknowledged) {
          if (log.acknowledged) {
            data_problem(std::string(ordinal_stage(s)) + " is acknowledged twice: " + event_label(*log.acknowledged) + " and " +
                             event_label(e),
                         {log.acknowledged->index, e.index});
          } else {
            log.acknowledged = &e;
          }
        } else if (e.type == EventType::response) {
          if (log.response) {
            data_problem("two " + std::string(ordinal_stage(s)) + " responses: " + event_label(*log.response) + " and " +
                             event_label(e) + "; the first counts",
                         {log.response->index, e.index});
          } else {
            log.response = &e;
          }
        } else {
          log.extensions.push_back(&e);
        }
        if (s > current_stage_ && e.stage) current_stage_ = s;
        break;
      }
      case EventType::escalation_refused: {
        // It answers the latest request to escalate, if that stage has not started; else an unlogged request.
        StageLog& pending = stages_[static_cast<std::size_t>(std::min(current_stage_, max_stage_index))];
        const bool answers_request = current_stage_ >= 2 && pending.escalation && !pending.acknowledged && !pending.response;
        const int refused_stage = answers_request ? current_stage_ : current_stage_ + 1;
        stages_[static_cast<std::size_t>(std::min(refused_stage, max_stage_index))].refused = &e;
        if (answers_request) current_stage_ = refused_stage - 1;
        refusal_ = &e;
        refused_stage_ = refused_stage;
        break;
      }
      case EventType::not_accepted:
      case EventType::withdrawn:
        if (!closed_by_) closed_by_ = &e;
        break;
      case EventType::remedy_offered: remedies_.push_back({&e}); break;
      case EventType::remedy_completed: {
        Remedy* match = nullptr;
        for (Remedy& r : remedies_) {
          if (r.completed) continue;
          const bool same = !e.ref.empty() ? r.offered->ref == e.ref : (!e.what.empty() ? r.offered->what == e.what : true);
          if (same) {
            match = &r;
            break;
          }
        }
        if (match) match->completed = &e;
        else data_problem(event_label(e) + " completes a remedy that was never offered", {e.index});
        break;
      }
      case EventType::action_opened: actions_.push_back({&e}); break;
      case EventType::action_completed:
        for (Remedy& a : actions_) {
          if (a.completed) continue;
          if (!e.ref.empty() ? a.offered->ref == e.ref : (!e.what.empty() ? a.offered->what == e.what : true)) {
            a.completed = &e;
            break;
          }
        }
        break;
      case EventType::update_sent:
      case EventType::custom: break;
    }
  }

  void check_log_order_within_stages() {
    for (int s = 1; s <= max_stage_index; ++s) {
      const StageLog& log = stages_[static_cast<std::size_t>(s)];
      if (log.response && log.acknowledged && log.response->date < log.acknowledged->date) {
        data_problem("the " + std::string(ordinal_stage(s)) + " response (" + log.response->date.iso() +
                         ") is dated before its acknowledgement (" + log.acknowledged->date.iso() + ")",
                     {log.response->index, log.acknowledged->index});
      }
      if (s >= 2 && log.escalation && log.acknowledged && log.acknowledged->date < log.escalation->date) {
        data_problem("the " + std::string(ordinal_stage(s)) + " acknowledgement (" + log.acknowledged->date.iso() +
                         ") is dated before the escalation request (" + log.escalation->date.iso() + ")",
                     {log.acknowledged->index, log.escalation->index});
      }
    }
  }

  // When a clock whose event never happened stopped running: the case closing,
  // or the complaint moving on (the stage's response, a later stage).
  std::optional<Date> stopped(int stage, bool acknowledgement_clock) const {
    std::optional<Date> at;
    auto earliest = [&](Date d) { at = at ? std::min(*at, d) : d; };
    if (closed_by_) earliest(closed_by_->date);
    const StageLog& log = stages_[static_cast<std::size_t>(stage)];
    if (acknowledgement_clock && log.response) earliest(log.response->date);
    for (int s = stage + 1; s <= max_stage_index; ++s) {
      const StageLog& later = stages_[static_cast<std::size_t>(s)];
      if (later.escalation) earliest(later.escalation->date);
    }
    return at;
  }

  DeadlineState state_of(Date due, const Event* done, std::optional<Date> stop) const {
    if (done) return done->date <= due ? DeadlineState::met : DeadlineState::missed;
    if (stop) return *stop > due ? DeadlineState::missed : DeadlineState::not_applicable;
    return as_of_ > due ? DeadlineState::overdue : DeadlineState::pending;
  }

  void finish_deadline(Deadline& d, const Event* done, std::optional<Date> stop, const DeadlineSpec& spec) {
    d.met = done ? std::optional<Date>(done->date) : std::nullopt;
    d.state = state_of(*d.due, done, stop);
    if (d.state == DeadlineState::pending || d.state == DeadlineState::overdue) {
      d.working_days_remaining = cal_.count_working_days(as_of_, *d.due);
    }
    if (spec.target) {
      Deadline::Target t;
      t.working_days = *spec.target;
      t.due = cal_.add_working_days(*d.from, *spec.target);
      t.state = state_of(t.due, done, stop);
      d.target = t;
    }
  }

  Deadline blank(const DeadlineSpec& spec, int stage) const {
    Deadline d;
    d.name = spec.name;
    d.provision = spec.provision;
    d.stage = stage;
    d.working_days = spec.working_days;
    d.state = DeadlineState::not_applicable;
    return d;
  }

  // The stage started: stage 1 always; a later stage once escalated to (or,
  // in a log without the escalation, once anything happened at it).
  bool started(int s) const {
    if (s == 1) return true;
    const StageLog& log = stages_[static_cast<std::size_t>(s)];
    if (log.refused) return false;
    return log.escalation || log.acknowledged || log.response;
  }

  std::optional<Date> stage_start(int s) const {
    const StageLog& log = stages_[static_cast<std::size_t>(s)];
    if (s == 1) return out_.day_zero;
    if (log.escalation) return log.escalation->date;
    return std::nullopt;
  }

  void stage_deadlines(int s) {
    const StageSpec& spec = *rules_.stage(s);
    const StageLog& log = stages_[static_cast<std::size_t>(s)];
    const bool not_accepted = closed_by_ && closed_by_->type == EventType::not_accepted && s == 1 && !log.acknowledged;
    std::optional<Date> acknowledgement_due;

    if (spec.acknowledgement) {
      const DeadlineSpec& a = *spec.acknowledgement;
      Deadline d = blank(a, s);
      const auto start = stage_start(s);
      if (started(s) && start && !not_accepted) {
        d.from = *start;
        d.from_event = s == 1 ? "received" : "escalation_requested";
        d.due = cal_.add_working_days(*start, a.working_days);
        d.original_due = d.due;
        acknowledgement_due = d.due;
        finish_deadline(d, log.acknowledged, stopped(s, true), a);
        timing_finding(d, a, "Acknowledged", s == 1 ? "receipt" : "the escalation request", log.acknowledged);
      }
      out_.deadlines.push_back(std::move(d));
    }
    if (log.acknowledged && !spec.definition_provision.empty()) {
      const Event& ack = *log.acknowledged;
      const char* lead = ack.definition == Tri::yes  ? "The complaint definition was recorded at the "
                         : ack.definition == Tri::no ? "No complaint definition was recorded at the "
                                                     : "The log does not say whether the complaint was defined at the ";
      const FindingResult result = ack.definition == Tri::yes  ? FindingResult::pass
                                   : ack.definition == Tri::no ? FindingResult::fail
                                                               : FindingResult::unknown;
      finding(spec.definition_provision, result, cat(lead, ordinal_stage(s), " acknowledgement on ", ack.date.iso()), {ack.index});
    }

    if (spec.response) {
      const DeadlineSpec& r = *spec.response;
      Deadline d = blank(r, s);
      std::optional<Date> from;
      switch (r.from) {
        case DeadlineSpec::From::received:
          from = stage_start(s);
          d.from_event = "received";
          break;
        case DeadlineSpec::From::escalation:
          from = stage_start(s);
          d.from_event = "escalation_requested";
          break;
        case DeadlineSpec::From::acknowledgement:
          if (log.acknowledged) {
            from = log.acknowledged->date;
            d.from_event = "acknowledged";
          } else if (acknowledgement_due) {
            from = acknowledgement_due;  // as if acknowledged on the last permitted day
            d.from_event = "acknowledgement_due";
            d.provisional = true;
          }
          break;
        case DeadlineSpec::From::logged:
          if (log.acknowledged) {
            from = log.acknowledged->date;
            d.from_event = "acknowledged";
          } else {
            from = stage_start(s);
            d.from_event = "received";
            d.provisional = !log.response;  // the logging date is assumed to be the receipt date
          }
          break;
      }
      if (started(s) && from && !not_accepted) {
        d.from = *from;
        const Date base_due = cal_.add_working_days(*from, r.working_days);
        d.due = base_due;
        d.original_due = base_due;
        if (spec.extension) d.extension_working_days = extensions(spec, log, base_due, d);
        d.due = cal_.add_working_days(base_due, d.extension_working_days);
        finish_deadline(d, log.response, stopped(s, false), r);
        timing_finding(d, r, "Responded", d.provisional && d.from_event == "acknowledgement_due"
                                              ? "the acknowledgement deadline (not yet acknowledged)"
                                              : (d.from_event == "acknowledged" ? "the acknowledgement" : d.from_event == "received" ? "receipt" : "the escalation request"),
                       log.response);
      }
      out_.deadlines.push_back(std::move(d));
    }
    if (log.response && spec.letter) letter_finding(*spec.letter, *log.response, s);
    if (!spec.different_handler_provision.empty() && (log.acknowledged || log.response)) handler_finding(spec, s);
  }

  // Applies the stage's extensions to a response deadline and reports on
  // each; returns the working days the deadline moves by.
  int32_t extensions(const StageSpec& spec, const StageLog& log, Date base_due, Deadline& d) {
    const ExtensionSpec& x = *spec.extension;
    int32_t requested = 0, allowed = 0;
    Date current_due = base_due;
    for (const Event* e : log.extensions) {
      std::vector<std::string> problems;
      FindingResult result = FindingResult::pass;
      int32_t days = e->working_days.value_or(0);
      if (!e->working_days && e->new_due) days = cal_.count_working_days(current_due, *e->new_due);
      if (e->date > current_due) {
        finding(x.provision, FindingResult::fail,
                "The extension on " + e->date.iso() + " came after the deadline (" + current_due.iso() + ") had passed, so it moves nothing",
                {e->index});
        ombudsman_finding(x, *e);
        continue;
      }
      if (days < 1) {
        data_problem(event_label(*e) + " promises " + (e->new_due ? e->new_due->iso() : std::string("no date")) +
                         ", not after the deadline it extends (" + current_due.iso() + ")",
                     {e->index});
        continue;
      }
      requested += days;
      std::string summary = "Extension of " + working_days(days) + " on " + e->date.iso();
      if (x.limit && requested > *x.limit) {
        if (!e->good_reason.empty()) {
          allowed = requested;
          result = FindingResult::unknown;
          problems.push_back("takes the total to " + working_days(requested) + ", more than the Code's " + std::to_string(*x.limit) +
                             "; the good reason recorded (\"" + e->good_reason + "\") is a judgement chc cannot make");
        } else {
          allowed = std::max(allowed, *x.limit);
          result = FindingResult::fail;
          problems.push_back("takes the total to " + working_days(requested) + ", more than the Code's " + std::to_string(*x.limit) +
                             " without good reason: the deadline moves by " + std::to_string(*x.limit) + " only");
        }
      } else {
        allowed = requested;
      }
      if (e->reason.empty()) {
        result = FindingResult::fail;
        problems.push_back("gives no reason (reasons must be explained to the resident)");
      }
      if (problems.empty()) {
        finding(x.provision, result,
                summary + (x.limit ? " (" + working_days(requested) + " in all, within the Code's " + std::to_string(*x.limit) + ")"
                                   : "") +
                    ", with reasons: \"" + e->reason + "\"",
                {e->index});
      } else {
        std::string message = summary;
        for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; it " : " ") + problems[i];
        finding(x.provision, result, message, {e->index});
      }
      ombudsman_finding(x, *e);
      current_due = cal_.add_working_days(base_due, allowed);
    }
    (void)d;
    return allowed;
  }

  void ombudsman_finding(const ExtensionSpec& x, const Event& e) {
    if (x.ombudsman_details_provision.empty()) return;
    const std::string when = "the extension on " + e.date.iso();
    if (e.ombudsman_details == Tri::yes) {
      finding(x.ombudsman_details_provision, FindingResult::pass, "The Ombudsman's contact details were given with " + when, {e.index});
    } else if (e.ombudsman_details == Tri::no) {
      finding(x.ombudsman_details_provision, FindingResult::fail, "The Ombudsman's contact details were not given with " + when, {e.index});
    } else {
      finding(x.ombudsman_details_provision, FindingResult::unknown,
              "The log does not say whether the Ombudsman's contact details were given with " + when, {e.index});
    }
  }

  void timing_finding(const Deadline& d, const DeadlineSpec& spec, const char* verb, const std::string& counted_from,
                      const Event* done) {
    const std::string limit = d.extension_working_days
                                  ? cat(std::to_string(spec.working_days), " + ", std::to_string(d.extension_working_days), " extension")
                                  : std::to_string(spec.working_days);
    const std::string due = d.due->iso();
    std::vector<int> events;
    if (done) events.push_back(done->index);
    switch (d.state) {
      case DeadlineState::met:
        finding(spec.provision, FindingResult::pass,
                cat(verb, " on ", done->date.iso(), ", ", working_days(cal_.count_working_days(*d.from, done->date)), " after ",
                    counted_from, "; the limit was ", limit, " (due ", due, ")"),
                std::move(events));
        break;
      case DeadlineState::missed:
        if (done) {
          finding(spec.provision, FindingResult::fail,
                  cat(verb, " on ", done->date.iso(), ", ", working_days(cal_.count_working_days(*d.due, done->date)), " late: due ", due,
                      " (", limit, " working days after ", counted_from, ")"),
                  std::move(events));
        } else {
          finding(spec.provision, FindingResult::fail,
                  cat("Never done: due ", due, " (", limit, " working days after ", counted_from, "), and the complaint moved on without it"),
                  std::move(events));
        }
        break;
      case DeadlineState::pending:
        finding(spec.provision, FindingResult::not_applicable,
                cat("Not yet due: due ", due, ", ", working_days(*d.working_days_remaining), " from ", as_of_.iso()), std::move(events));
        break;
      case DeadlineState::overdue:
        finding(spec.provision, FindingResult::fail,
                cat("Overdue: due ", due, " (", limit, " working days after ", counted_from, "), ", working_days(-*d.working_days_remaining),
                    " ago on ", as_of_.iso()),
                std::move(events));
        break;
      case DeadlineState::not_applicable:
        finding(spec.provision, FindingResult::not_applicable, cat("The complaint closed or moved on before this fell due (", due, ")"),
                std::move(events));
        break;
    }
  }

  void letter_finding(const LetterSpec& letter, const Event& response, int stage) {
    auto what = [&] { return cat("The ", ordinal_stage(stage), " response letter (", response.date.iso(), ")"); };
    if (!response.has_letter) {
      finding(letter.provision, FindingResult::unknown, cat(what(), ": its contents were not recorded"), {response.index});
      return;
    }
    static constexpr std::array<const char*, 7> labels = {"the complaint stage", "the complaint definition", "the decision",
                                                          "the reasons", "the remedy", "the outstanding actions", "how to escalate"};
    std::string missing, unknown;
    for (std::size_t i = 0; i < letter.items.size(); ++i) {
      const int k = letter_item_index(letter.items[i]);
      const Tri t = k >= 0 ? response.letter[static_cast<std::size_t>(k)] : Tri::absent;
      if (t == Tri::yes) continue;
      std::string& list = t == Tri::no ? missing : unknown;
      const char letter_id[] = {'(', static_cast<char>('a' + i), ')', ' ', '\0'};
      list.append(list.empty() ? "" : ", ").append(letter_id).append(k >= 0 ? labels[static_cast<std::size_t>(k)] : letter.items[i].c_str());
    }
    if (!missing.empty()) {
      finding(letter.provision, FindingResult::fail, cat(what(), " does not confirm ", missing), {response.index});
    } else if (!unknown.empty()) {
      finding(letter.provision, FindingResult::unknown, cat(what(), ": the log does not say whether it confirms ", unknown), {response.index});
    } else {
      finding(letter.provision, FindingResult::pass, cat(what(), " confirms every item the Code requires"), {response.index});
    }
  }

  // 6.13: the stage 2 handler differs from the stage 1 handler.
  void handler_finding(const StageSpec& spec, int s) {
    const StageLog& here = stages_[static_cast<std::size_t>(s)];
    const StageLog& before = stages_[static_cast<std::size_t>(s - 1)];
    auto handler = [](const StageLog& log) -> const Event* {
      if (log.response && !log.response->handler.empty()) return log.response;
      if (log.acknowledged && !log.acknowledged->handler.empty()) return log.acknowledged;
      return nullptr;
    };
    const Event* now = handler(here);
    const Event* then = handler(before);
    if (!now || !then) {
      finding(spec.different_handler_provision, FindingResult::unknown,
              std::string("The log does not record who handled ") + (!then ? ordinal_stage(s - 1) : ordinal_stage(s)), {});
      return;
    }
    if (normalise_person(now->handler) == normalise_person(then->handler)) {
      finding(spec.different_handler_provision, FindingResult::fail,
              "\"" + now->handler + "\" handled both " + ordinal_stage(s - 1) + " and " + ordinal_stage(s), {then->index, now->index});
    } else {
      finding(spec.different_handler_provision, FindingResult::pass,
              std::string(ordinal_stage(s)) + " was handled by \"" + now->handler + "\", " + ordinal_stage(s - 1) + " by \"" +
                  then->handler + "\"",
              {then->index, now->index});
    }
  }

  void case_findings() {
    if (!rules_.max_stages_provision.empty() && current_stage_ >= 2 && current_stage_ <= rules_.max_stages) {
      bool beyond = false;
      for (int s = rules_.max_stages + 1; s <= max_stage_index; ++s) beyond = beyond || stages_[static_cast<std::size_t>(s)].escalation;
      if (!beyond) {
        finding(rules_.max_stages_provision, FindingResult::pass,
                "The complaint has used " + std::to_string(current_stage_) + " stages; the Code allows no more than " +
                    std::to_string(rules_.max_stages));
      }
    }
    const bool excluded = closed_by_ && closed_by_->type == EventType::not_accepted;
    const std::string& reason = excluded ? closed_by_->reason : std::string();
    const bool time_limit_reason = reason == "over_12_months" || reason == "over_6_months" || reason == "over_time_limit";
    if (!rules_.time_limit_provision.empty()) {
      const std::string limit = std::to_string(rules_.time_limit_months) + "-month";
      if (case_.issue_date) {
        const Date last_day = add_months(*case_.issue_date, rules_.time_limit_months);
        const bool within = case_.received <= last_day;
        const std::string span = cat("received ", case_.received.iso(), ", the issue dated ", case_.issue_date->iso());
        if (excluded && time_limit_reason) {
          finding(rules_.time_limit_provision, within ? FindingResult::fail : FindingResult::pass,
                  within ? "Not accepted as outside the " + limit + " limit, but it was within it (" + span + ")"
                         : "Not accepted as outside the " + limit + " limit, correctly (" + span + ")",
                  {closed_by_->index});
        } else if (!excluded) {
          finding(rules_.time_limit_provision, FindingResult::pass,
                  within ? cat("Raised within the ", limit, " limit (", span, ")")
                         : cat("Accepted outside the ", limit, " limit, using discretion (", span, ")"));
        }
      } else if (excluded && time_limit_reason) {
        finding(rules_.time_limit_provision, FindingResult::unknown,
                "Not accepted as outside the " + limit + " limit, but the log has no issue_date to show it", {closed_by_->index});
      }
    }
    if (excluded && !rules_.not_accepted_provision.empty()) {
      const Event& e = *closed_by_;
      if (e.explanation_given == Tri::no || e.ombudsman_right_given == Tri::no) {
        std::string missing = e.explanation_given == Tri::no ? "the explanation" : "";
        if (e.ombudsman_right_given == Tri::no) missing += (missing.empty() ? "" : " and ") + std::string("the right to go to the Ombudsman");
        finding(rules_.not_accepted_provision, FindingResult::fail, "Not accepted on " + e.date.iso() + " without " + missing, {e.index});
      } else if (e.explanation_given == Tri::yes && e.ombudsman_right_given == Tri::yes) {
        finding(rules_.not_accepted_provision, FindingResult::pass,
                "Not accepted on " + e.date.iso() + " with an explanation and the right to go to the Ombudsman", {e.index});
      } else {
        finding(rules_.not_accepted_provision, FindingResult::unknown,
                "Not accepted on " + e.date.iso() + "; the log does not say whether the explanation and the Ombudsman right were given",
                {e.index});
      }
    }
    if (refusal_ && !rules_.escalation_refused_provision.empty()) {
      if (refusal_->reason.empty()) {
        finding(rules_.escalation_refused_provision, FindingResult::fail,
                "Escalation refused on " + refusal_->date.iso() + " with no reason recorded", {refusal_->index});
      } else {
        finding(rules_.escalation_refused_provision, FindingResult::pass,
                "Escalation refused on " + refusal_->date.iso() + " for a recorded reason: \"" + refusal_->reason + "\"", {refusal_->index});
      }
    }
    if (!rules_.remedy_provision.empty()) {
      for (const Remedy& r : remedies_) {
        const Event& o = *r.offered;
        const std::string what = "The remedy" + (o.what.empty() ? std::string() : " \"" + o.what + "\"") + " offered on " + o.date.iso();
        std::vector<int> events = {o.index};
        if (r.completed) events.push_back(r.completed->index);
        if (!o.due) {
          finding(rules_.remedy_provision, FindingResult::fail, what + " does not say by when it will be done", events);
        } else if (r.completed) {
          finding(rules_.remedy_provision, r.completed->date <= *o.due ? FindingResult::pass : FindingResult::fail,
                  what + " was due by " + o.due->iso() + " and completed on " + r.completed->date.iso(), events);
        } else if (as_of_ > *o.due) {
          finding(rules_.remedy_provision, FindingResult::fail, what + " was due by " + o.due->iso() + " and is not completed", events);
        } else {
          finding(rules_.remedy_provision, FindingResult::not_applicable, what + " is due by " + o.due->iso(), events);
        }
      }
    }
  }

  void status() {
    int s = current_stage_;
    if (closed_by_ && closed_by_->type == EventType::not_accepted) {
      out_.status = CaseStatus::not_accepted;
      out_.stage = stages_[1].acknowledged || current_stage_ > 1 ? current_stage_ : 0;
      return;
    }
    out_.stage = s;
    if (closed_by_) {
      out_.status = CaseStatus::withdrawn;
      return;
    }
    const StageLog& log = stages_[static_cast<std::size_t>(std::min(s, max_stage_index))];
    if (refusal_ && refused_stage_ == s + 1 && stages_[static_cast<std::size_t>(std::min(s + 1, max_stage_index))].refused) {
      out_.status = CaseStatus::escalation_refused;
      return;
    }
    const StageSpec* spec = rules_.stage(s);
    if (log.response) {
      out_.status = s >= rules_.max_stages ? CaseStatus::closed : CaseStatus::responded;
    } else if (log.acknowledged || !spec || !spec->acknowledgement) {
      out_.status = CaseStatus::awaiting_response;
    } else {
      out_.status = CaseStatus::awaiting_acknowledgement;
    }
  }

  void next_action() {
    std::optional<NextAction> best;
    auto consider = [&](std::string action, Date due, const std::string& provision) {
      if (best && best->due <= due) return;
      NextAction a;
      a.action = std::move(action);
      a.due = due;
      a.provision = provision;
      a.working_days_remaining = cal_.count_working_days(as_of_, due);
      a.overdue = as_of_ > due;
      best = std::move(a);
    };
    const bool open = out_.status == CaseStatus::awaiting_acknowledgement || out_.status == CaseStatus::awaiting_response;
    if (open) {
      for (const Deadline& d : out_.deadlines) {
        if (d.stage != out_.stage || !d.due) continue;
        if (d.state != DeadlineState::pending && d.state != DeadlineState::overdue) continue;
        const bool ack = d.name.find("acknowledgement") != std::string::npos;
        consider(std::string(ack ? "acknowledge the " : "issue the ") + ordinal_stage(d.stage) + (ack ? " complaint" : " response"), *d.due,
                 d.provision);
      }
    }
    for (const Remedy& r : remedies_) {
      if (!r.completed && r.offered->due) {
        consider("complete the remedy" + (r.offered->what.empty() ? std::string() : ": " + r.offered->what), *r.offered->due,
                 rules_.remedy_provision);
      }
    }
    for (const Remedy& a : actions_) {
      if (!a.completed && a.offered->due) {
        consider("complete the outstanding action" + (a.offered->what.empty() ? std::string() : ": " + a.offered->what), *a.offered->due,
                 "");
      }
    }
    out_.next_action = std::move(best);
  }

  const RuleSetData& rules_;
  const Calendar& cal_;
  const Case::Impl& case_;
  Date as_of_;
  Evaluation& out_;
  int current_stage_ = 1;
  std::array<StageLog, max_stage_index + 1> stages_{};
  const Event* closed_by_ = nullptr;
  const Event* refusal_ = nullptr;
  int refused_stage_ = 0;
  std::vector<Remedy> remedies_;
  std::vector<Remedy> actions_;
};

}  // namespace

Evaluation evaluate(const RuleSet& rules, const Calendar* calendar, const Case& c, Date as_of) {
  return evaluate_case(rules, calendar, c.impl(), as_of, true);
}

Evaluation evaluate_case(const RuleSet& rules, const Calendar* calendar, const Case::Impl& c, Date as_of, bool keep_calendar) {
  if (as_of < Calendar::first_supported_day() || as_of > Calendar::last_supported_day()) {
    throw Error(Errc::range, "as_of: " + as_of.iso() + " is outside the supported range " + Calendar::first_supported_day().iso() +
                                 " to " + Calendar::last_supported_day().iso());
  }
  const RuleSetData& data = rules.impl().select(c.received);
  Evaluation out;
  out.id_json = c.id_json;
  out.rules = data.name;
  out.rules_requested = rules.name();
  out.rules_version = rules.impl().version;
  out.as_of = as_of;
  // The caller's calendar is used in place: copying it would touch a shared
  // reference count on every case, which threads then fight over.
  std::optional<Calendar> named;
  if (!calendar) {
    const std::string& name = !c.calendar.empty() ? c.calendar : data.default_calendar;
    try {
      named = Calendar::builtin(name);
    } catch (const Error& e) {
      throw Error(e.code(), "case.calendar: " + std::string(e.what()));
    }
    calendar = &*named;
  }
  out.calendar = calendar->name();
  out.calendar_version = calendar->data_version();
  Evaluator(data, *calendar, c, as_of, out).run();
  if (keep_calendar) out.used_calendar = named ? std::move(named) : std::optional<Calendar>(*calendar);
  return out;
}

}  // namespace chc
