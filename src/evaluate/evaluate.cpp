// SPDX-License-Identifier: MIT
// The lifecycle engine: one case's event log, a rule set and a calendar in;
// status, deadlines, typed provision findings and the next action out. The
// rule set's data says which provision each check judges; nothing here names
// a provision of a particular Code, and wording.cpp turns the facts into words.
#include <chc/near_miss.hpp>

#include "core/enum_names.hpp"
#include "core/text.hpp"
#include "evaluate/case_impl.hpp"
#include "evaluate/evaluate_impl.hpp"
#include "evaluate/wording.hpp"
#include "rules/ruleset_impl.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace chc {

namespace {
constexpr auto deadline_states = enum_names<DeadlineState>("met", "missed", "pending", "overdue", "not_applicable");
constexpr auto finding_results = enum_names<FindingResult>("pass", "fail", "not_applicable", "unknown");
constexpr auto case_statuses = enum_names<CaseStatus>("awaiting_acknowledgement", "awaiting_response", "responded", "closed", "withdrawn",
                                                      "not_accepted", "escalation_refused");
constexpr auto clock_events = enum_names<ClockEvent>("received", "acknowledged", "acknowledgement_due", "escalation_requested");
constexpr auto finding_details = enum_names<FindingDetail>(
    "none", "extension_after_deadline", "extension_checked", "letter_not_recorded", "letter_items_missing", "letter_items_not_recorded",
    "letter_complete", "handler_not_recorded", "handler_same", "handler_different", "within_time_limit", "accepted_outside_time_limit",
    "excluded_within_time_limit", "excluded_outside_time_limit", "excluded_without_issue_date", "stages_within", "escalated_beyond_limit",
    "event_beyond_limit", "escalated_before_response", "remedy_without_due_date", "remedy_completed", "remedy_overdue", "remedy_pending",
    "event_before_receipt", "events_out_of_order", "event_after_closing", "events_after_as_of", "escalation_below_stage_2",
    "second_escalation_request", "escalation_without_stage_1", "event_without_escalation", "acknowledged_twice", "responded_twice",
    "remedy_never_offered", "response_before_acknowledgement", "acknowledgement_before_escalation", "extension_not_after_deadline");
}  // namespace

const char* deadline_state_name(DeadlineState s) noexcept { return deadline_states(s); }
const char* finding_result_name(FindingResult r) noexcept { return finding_results(r); }
const char* case_status_name(CaseStatus s) noexcept { return case_statuses(s); }
const char* clock_event_name(ClockEvent e) noexcept { return clock_events(e); }
const char* finding_detail_name(FindingDetail d) noexcept { return finding_details(d); }

namespace {

constexpr int max_stage_index = max_event_stage;

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

EventFact fact(const Event& e) { return EventFact{e.index, event_type_name(e.type), e.date}; }
std::optional<bool> known(Tri t) { return t == Tri::absent ? std::nullopt : std::optional<bool>(t == Tri::yes); }

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
      : rules_(rules), cal_(cal), case_(c), as_of_(as_of), out_(out), defined_stages_(static_cast<int>(rules.stages.size())) {}

  void run() {
    out_.findings.reserve(16);
    out_.deadlines.reserve(2 * static_cast<std::size_t>(defined_stages_) + 2);  // each stage's two clocks, and room for a remedy
    for (const auto& m : case_.near_misses) out_.warnings.push_back(did_you_mean(m.key, m.meant, m.where));
    check_vocabulary();
    day_zero();
    walk();
    check_log_order_within_stages();
    for (int s = 1; s <= defined_stages_; ++s) stage_deadlines(s);
    case_findings();
    follow_up_deadlines();
    status();
    next_action();
    out_.stage_started.assign(static_cast<std::size_t>(defined_stages_) + 1, std::nullopt);
    for (int s = 1; s <= defined_stages_; ++s) {
      if (started(s)) out_.stage_started[static_cast<std::size_t>(s)] = stage_start(s);
    }
    order_findings();
  }

 private:
  // Findings in the order the rule set lists its checks (the Code's order),
  // data last, and in log order within a provision. A case has a handful:
  // their ranks and order live on the stack, and an insertion sort allocates nothing.
  void order_findings() {
    std::vector<Finding>& f = out_.findings;
    const std::size_t n = f.size();
    constexpr std::size_t few = 32;
    std::size_t on_stack[2 * few];
    std::vector<std::size_t> on_heap;
    std::size_t* rank = on_stack;
    if (n > few) {
      on_heap.resize(2 * n);
      rank = on_heap.data();
    }
    std::size_t* order = rank + n;  // order[k]: the finding that belongs at k
    bool in_order = true;
    for (std::size_t i = 0; i < n; ++i) {
      rank[i] = f[i].kind == CheckKind::data ? rules_.checks.size() : rules_.rank(f[i].provision);
      in_order = in_order && (i == 0 || rank[i - 1] <= rank[i]);
      order[i] = i;
    }
    if (in_order) return;
    const auto before = [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; };
    if (n <= few) {
      for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = i; j > 0 && before(order[j], order[j - 1]); --j) std::swap(order[j], order[j - 1]);
      }
    } else {
      std::stable_sort(order, order + n, before);
    }
    // Moved into place along each cycle of the permutation: no second vector.
    for (std::size_t start = 0; start < n; ++start) {
      if (order[start] == start) continue;
      Finding held = std::move(f[start]);
      std::size_t k = start;
      while (order[k] != start) {
        const std::size_t from = order[k];
        f[k] = std::move(f[from]);
        order[k] = k;
        k = from;
      }
      f[k] = std::move(held);
      order[k] = k;
    }
  }

  // A finding for a provision the rule set checks (none when it has no such check).
  FindingFacts& finding(const std::string& provision, CheckKind kind, FindingResult result, std::vector<int> events = {}) {
    if (provision.empty()) {
      scratch_ = FindingFacts{};
      return scratch_;
    }
    Finding& f = out_.findings.emplace_back();
    f.provision = provision;
    f.kind = kind;
    f.result = result;
    f.events = std::move(events);
    return f.facts;
  }
  FindingFacts& data_problem(FindingDetail detail, std::vector<int> events, FindingResult result = FindingResult::fail) {
    FindingFacts& f = finding("data", CheckKind::data, result, std::move(events));
    f.detail = detail;
    return f;
  }

  // Words the case uses that only the rule set can check: exclusion reasons and letter items.
  void check_vocabulary() {
    for (const Event& e : case_.events) {
      if (e.type == EventType::not_accepted && !e.reason.empty() && !Vocabulary::find(rules_.words.exclusion_reasons, e.reason)) {
        throw Error(Errc::schema, cat("case.events[", std::to_string(e.index), "].reason: \"", e.reason, "\" is not an exclusion under ",
                                      rules_.name, unknown_term(e.reason, rules_.words.exclusion_reasons, "use")));
      }
      if (e.has_letter && !e.letter_is_list) {
        // The object form may carry a CRM's own fields; one nearly naming an item is a misread.
        std::size_t next = 0;
        for (const LetterItem& item : e.letter) {
          if (find_id_from(rules_.words.letter_items, item.id, next)) continue;
          std::vector<std::string_view> ids;
          for (const auto& t : rules_.words.letter_items) ids.push_back(t.id);
          if (const auto meant = near_miss(item.id, ids)) {
            out_.warnings.push_back(did_you_mean(item.id, *meant, cat("case.events[", std::to_string(e.index), "].letter")));
          }
        }
      }
      if (e.has_letter && e.letter_is_list) {
        std::size_t next = 0;
        for (std::size_t k = 0; k < e.letter.size(); ++k) {
          if (find_id_from(rules_.words.letter_items, e.letter[k].id, next)) continue;
          throw Error(Errc::schema, cat("case.events[", std::to_string(e.index), "].letter[", std::to_string(k), "]: unknown letter item \"",
                                        e.letter[k].id, "\"", unknown_term(e.letter[k].id, rules_.words.letter_items, "known:")));
        }
      }
    }
  }

  // "; did you mean ...? (use a, b, c)": the words the rule set knows.
  static std::string unknown_term(std::string_view word, const std::vector<Vocabulary::Term>& terms, const char* lead) {
    std::vector<std::string_view> ids;
    std::string list;
    for (const auto& t : terms) {
      ids.push_back(t.id);
      list += cat(list.empty() ? "" : ", ", t.id);
    }
    return cat(did_you_mean_suffix(word, ids), " (", lead, " ", list, ")");
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

  StageLog& log_of(int stage) { return stages_[static_cast<std::size_t>(std::clamp(stage, 0, max_stage_index))]; }
  const StageLog& log_of(int stage) const { return stages_[static_cast<std::size_t>(std::clamp(stage, 0, max_stage_index))]; }

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
        FindingFacts& f = data_problem(FindingDetail::event_before_receipt, {e.index});
        f.first = fact(e);
        f.since = case_.received;
      }
      if (previous && e.date < previous->date) {
        FindingFacts& f = data_problem(FindingDetail::events_out_of_order, {previous->index, e.index});
        f.first = fact(*previous);
        f.second = fact(e);
      }
      previous = &e;
      if (closed_by_ && e.type != EventType::remedy_completed && e.type != EventType::action_completed &&
          e.type != EventType::update_sent && e.type != EventType::remedy_offered && e.type != EventType::action_opened) {
        FindingFacts& f = data_problem(FindingDetail::event_after_closing, {closed_by_->index, e.index});
        f.first = fact(*closed_by_);
        f.second = fact(e);
      }
      apply(e);
    }
    if (future > 0) {
      FindingFacts& f = data_problem(FindingDetail::events_after_as_of, future_events, FindingResult::not_applicable);
      f.count = future;
      f.date = as_of_;
    }
  }

  // An event at a stage the procedure does not have. Under a stages check it
  // fails that provision (once per stage); a rule set without one still says so.
  bool beyond_procedure(const Event& e, int stage, FindingDetail detail) {
    if (stage <= defined_stages_) return false;
    if (beyond_reported_ & (1u << std::min(stage, 31))) return true;
    beyond_reported_ |= 1u << std::min(stage, 31);
    if (rules_.max_stages_provision.empty()) {
      FindingFacts& f = data_problem(FindingDetail::event_without_escalation, {e.index});
      f.first = fact(e);
      f.stage = stage;
      return true;
    }
    FindingFacts& f = finding(rules_.max_stages_provision, CheckKind::stages, FindingResult::fail, {e.index});
    f.detail = detail;
    f.stage = stage;
    f.date = e.date;
    f.first = fact(e);
    f.limit = rules_.max_stages;
    return true;
  }

  void apply(const Event& e) {
    switch (e.type) {
      case EventType::escalation_requested: {
        const int target = e.stage.value_or(current_stage_ + 1);
        if (target <= 1) {
          FindingFacts& f = data_problem(FindingDetail::escalation_below_stage_2, {e.index});
          f.first = fact(e);
          f.stage = target;
          return;
        }
        // 5.3 (2024), 5.17 (2022): more stages than the procedure allows.
        if (beyond_procedure(e, target, FindingDetail::escalated_beyond_limit)) return;
        StageLog& log = log_of(target);
        if (log.refused) log = StageLog{};  // asked again after a refusal
        if (log.escalation) {
          FindingFacts& f = data_problem(FindingDetail::second_escalation_request, {log.escalation->index, e.index});
          f.first = fact(*log.escalation);
          f.second = fact(e);
          f.stage = target;
          return;
        }
        log.escalation = &e;
        const StageLog& below = log_of(target - 1);
        if (!below.response) {
          if (!rules_.escalate_after_response_provision.empty()) {
            FindingFacts& f = finding(rules_.escalate_after_response_provision, CheckKind::escalation_order, FindingResult::fail, {e.index});
            f.detail = FindingDetail::escalated_before_response;
            f.stage = target;
            f.date = e.date;
          } else if (target == 2 && !below.acknowledged && !rules_.direct_to_stage2) {
            FindingFacts& f = data_problem(FindingDetail::escalation_without_stage_1, {e.index});
            f.first = fact(e);
            f.stage = target;
          }
        }
        current_stage_ = std::max(current_stage_, target);
        break;
      }
      case EventType::acknowledged:
      case EventType::response:
      case EventType::extension: {
        const int s = stage_of(e);
        if (beyond_procedure(e, s, FindingDetail::event_beyond_limit)) return;
        StageLog& log = log_of(s);
        if (s >= 2 && !log.escalation && !(s == 2 && rules_.direct_to_stage2)) {
          FindingFacts& f = data_problem(FindingDetail::event_without_escalation, {e.index});
          f.first = fact(e);
          f.stage = s;
        }
        if (e.type == EventType::acknowledged) {
          if (log.acknowledged) {
            FindingFacts& f = data_problem(FindingDetail::acknowledged_twice, {log.acknowledged->index, e.index});
            f.first = fact(*log.acknowledged);
            f.second = fact(e);
            f.stage = s;
          } else {
            log.acknowledged = &e;
          }
        } else if (e.type == EventType::response) {
          if (log.response) {
            FindingFacts& f = data_problem(FindingDetail::responded_twice, {log.response->index, e.index});
            f.first = fact(*log.response);
            f.second = fact(e);
            f.stage = s;
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
        StageLog& pending = log_of(current_stage_);
        const bool answers_request = current_stage_ >= 2 && pending.escalation && !pending.acknowledged && !pending.response;
        const int refused_stage = answers_request ? current_stage_ : current_stage_ + 1;
        log_of(refused_stage).refused = &e;
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
        if (match) {
          match->completed = &e;
        } else {
          data_problem(FindingDetail::remedy_never_offered, {e.index}).first = fact(e);
        }
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
      const StageLog& log = log_of(s);
      if (log.response && log.acknowledged && log.response->date < log.acknowledged->date) {
        FindingFacts& f = data_problem(FindingDetail::response_before_acknowledgement, {log.response->index, log.acknowledged->index});
        f.first = fact(*log.response);
        f.second = fact(*log.acknowledged);
        f.stage = s;
      }
      if (s >= 2 && log.escalation && log.acknowledged && log.acknowledged->date < log.escalation->date) {
        FindingFacts& f = data_problem(FindingDetail::acknowledgement_before_escalation, {log.acknowledged->index, log.escalation->index});
        f.first = fact(*log.acknowledged);
        f.second = fact(*log.escalation);
        f.stage = s;
      }
    }
  }

  // When a clock whose event never happened stopped running: the case closing,
  // or the complaint moving on (the stage's response, a later stage).
  std::optional<Date> stopped(int stage, bool acknowledgement_clock) const {
    std::optional<Date> at;
    auto earliest = [&](Date d) { at = at ? std::min(*at, d) : d; };
    if (closed_by_) earliest(closed_by_->date);
    const StageLog& log = log_of(stage);
    if (acknowledgement_clock && log.response) earliest(log.response->date);
    for (int s = stage + 1; s <= max_stage_index; ++s) {
      if (log_of(s).escalation) earliest(log_of(s).escalation->date);
    }
    return at;
  }

  DeadlineState state_of(Date due, const Event* done, std::optional<Date> stop) const {
    if (done) return done->date <= due ? DeadlineState::met : DeadlineState::missed;
    if (stop) return *stop > due ? DeadlineState::missed : DeadlineState::not_applicable;
    return as_of_ > due ? DeadlineState::overdue : DeadlineState::pending;
  }

  void finish_deadline(Deadline& d, const Event* done, std::optional<Date> stop, const ClockSpec& clock) {
    d.met = done ? std::optional<Date>(done->date) : std::nullopt;
    d.state = state_of(*d.due, done, stop);
    if (d.state == DeadlineState::pending || d.state == DeadlineState::overdue) {
      d.working_days_remaining = clock.unit == ClockUnit::working_days ? cal_.count_working_days(as_of_, *d.due) : *d.due - as_of_;
    }
    if (clock.target) {
      Deadline::Target t;
      t.working_days = *clock.target;
      t.due = clock.due(cal_, *d.from, *clock.target);
      t.state = state_of(t.due, done, stop);
      d.target = t;
    }
  }

  // A stage's deadline, not yet counted, made in place in the evaluation (a Deadline's move costs).
  Deadline& blank(const ClockSpec& clock, int stage) {
    Deadline& d = out_.deadlines.emplace_back();
    d.name = clock.name;
    d.kind = clock.kind;
    d.provision = clock.provision;
    d.stage = stage;
    d.working_days = clock.length;
    d.unit = clock.unit;
    d.state = DeadlineState::not_applicable;
    return d;
  }

  // The stage started: stage 1 always; a later stage once escalated to (or,
  // in a log without the escalation, once anything happened at it).
  bool started(int s) const {
    if (s == 1) return true;
    const StageLog& log = log_of(s);
    if (log.refused) return false;
    return log.escalation || log.acknowledged || log.response;
  }

  std::optional<Date> stage_start(int s) const {
    if (s == 1) return out_.day_zero;
    if (const StageLog& log = log_of(s); log.escalation) return log.escalation->date;
    return std::nullopt;
  }

  ClockEvent start_event(int s) const { return s == 1 ? ClockEvent::received : ClockEvent::escalation_requested; }

  void stage_deadlines(int s) {
    const StageSpec& spec = *rules_.stage(s);
    const StageLog& log = log_of(s);
    const bool not_accepted = closed_by_ && closed_by_->type == EventType::not_accepted && s == 1 && !log.acknowledged;
    std::optional<Date> acknowledgement_due;

    if (const ClockSpec* a = spec.clock(DeadlineKind::acknowledge)) {
      Deadline& d = blank(*a, s);
      const auto start = stage_start(s);
      if (started(s) && start && !not_accepted) {
        d.from = *start;
        d.from_event = start_event(s);
        d.due = a->due(cal_, *start, a->length);
        d.original_due = d.due;
        acknowledgement_due = d.due;
        finish_deadline(d, log.acknowledged, stopped(s, true), *a);
        timing_finding(d, *a, log.acknowledged);
      }
    }
    // 5.6 (2024): the complaint defined when it is acknowledged at each stage.
    if (log.acknowledged) {
      const Event& ack = *log.acknowledged;
      const FindingResult result = ack.definition == Tri::yes  ? FindingResult::pass
                                   : ack.definition == Tri::no ? FindingResult::fail
                                                               : FindingResult::unknown;
      for (const std::string& provision : spec.definition_provisions) {
        FindingFacts& f = finding(provision, CheckKind::definition, result, {ack.index});
        f.stage = s;
        f.date = ack.date;
        f.given = known(ack.definition);
      }
    }

    if (const ClockSpec* r = spec.clock(DeadlineKind::respond)) {
      Deadline& d = blank(*r, s);
      std::optional<Date> from;
      switch (r->starts) {
        case ClockStart::received:
        case ClockStart::escalation_requested:
          from = stage_start(s);
          d.from_event = start_event(s);
          break;
        case ClockStart::acknowledged:
          if (log.acknowledged) {
            from = log.acknowledged->date;
            d.from_event = ClockEvent::acknowledged;
          } else if (acknowledgement_due) {
            from = acknowledgement_due;  // as if acknowledged on the last permitted day
            d.from_event = ClockEvent::acknowledgement_due;
            d.provisional = true;
          }
          break;
        case ClockStart::logged:
          if (log.acknowledged) {
            from = log.acknowledged->date;
            d.from_event = ClockEvent::acknowledged;
          } else {
            from = stage_start(s);
            d.from_event = start_event(s);
            d.provisional = !log.response;  // the logging date is assumed to be the receipt date
          }
          break;
      }
      if (started(s) && from && !not_accepted) {
        d.from = *from;
        const Date base_due = r->due(cal_, *from, r->length);
        d.due = base_due;
        d.original_due = base_due;
        if (r->extension) d.extension_working_days = extensions(*r, log, base_due);
        // An extension adds units after the original last day, whatever the clock's counting.
        d.due = r->unit == ClockUnit::working_days ? cal_.add_working_days(base_due, d.extension_working_days)
                                                   : base_due + d.extension_working_days;
        finish_deadline(d, log.response, stopped(s, false), *r);
        timing_finding(d, *r, log.response);
      } else {
        d.from_event.reset();
      }
    }
    if (log.response && spec.letter) letter_finding(*spec.letter, *log.response, s);
    if (!spec.different_handler_provision.empty() && (log.acknowledged || log.response)) handler_finding(spec, s);
  }

  // Applies the stage's extensions to a response deadline and reports on
  // each; returns the units the deadline moves by.
  int32_t extensions(const ClockSpec& clock, const StageLog& log, Date base_due) {
    const ExtensionSpec& x = *clock.extension;
    int32_t requested = 0, allowed = 0;
    Date current_due = base_due;
    auto moved = [&](int32_t n) { return clock.unit == ClockUnit::working_days ? cal_.add_working_days(base_due, n) : base_due + n; };
    for (const Event* e : log.extensions) {
      int32_t days = e->working_days.value_or(0);
      if (!e->working_days && e->new_due) {
        days = clock.unit == ClockUnit::working_days ? cal_.count_working_days(current_due, *e->new_due) : *e->new_due - current_due;
      }
      if (e->date > current_due) {
        FindingFacts& f = finding(x.provision, CheckKind::extension, FindingResult::fail, {e->index});
        f.detail = FindingDetail::extension_after_deadline;
        f.date = e->date;
        f.due = current_due;
        ombudsman_finding(x, *e);
        continue;
      }
      if (days < 1) {
        FindingFacts& f = data_problem(FindingDetail::extension_not_after_deadline, {e->index});
        f.first = fact(*e);
        f.date = e->new_due;
        f.due = current_due;
        continue;
      }
      requested += days;
      FindingResult result = FindingResult::pass;
      const bool over = x.limit && requested > *x.limit;
      if (over) {
        if (!e->good_reason.empty()) {
          allowed = requested;
          result = FindingResult::unknown;  // a good reason is a judgement chc cannot make
        } else {
          allowed = std::max(allowed, *x.limit);
          result = FindingResult::fail;
        }
      } else {
        allowed = requested;
      }
      if (e->reason.empty()) result = FindingResult::fail;
      FindingFacts& f = finding(x.provision, CheckKind::extension, result, {e->index});
      f.detail = FindingDetail::extension_checked;
      f.unit = clock.unit;
      f.date = e->date;
      f.due = current_due;
      f.count = days;
      f.total = requested;
      f.limit = x.limit;
      f.over_limit = over;
      f.reason_given = !e->reason.empty();
      f.text = e->reason;
      f.other_text = over ? e->good_reason : std::string();
      ombudsman_finding(x, *e);
      current_due = moved(allowed);
    }
    return allowed;
  }

  // 6.5 / 6.16 (2024): the Ombudsman's contact details with an extension.
  void ombudsman_finding(const ExtensionSpec& x, const Event& e) {
    if (x.ombudsman_details_provision.empty()) return;
    const FindingResult result = e.ombudsman_details == Tri::yes  ? FindingResult::pass
                                 : e.ombudsman_details == Tri::no ? FindingResult::fail
                                                                  : FindingResult::unknown;
    FindingFacts& f = finding(x.ombudsman_details_provision, CheckKind::ombudsman_details, result, {e.index});
    f.date = e.date;
    f.given = known(e.ombudsman_details);
  }

  void timing_finding(const Deadline& d, const ClockSpec& clock, const Event* done) {
    std::vector<int> events;
    if (done) events.push_back(done->index);
    const FindingResult result = d.state == DeadlineState::met       ? FindingResult::pass
                                 : d.state == DeadlineState::pending ? FindingResult::not_applicable
                                 : d.state == DeadlineState::not_applicable ? FindingResult::not_applicable
                                                                            : FindingResult::fail;
    FindingFacts& f = finding(clock.provision, CheckKind::timing, result, std::move(events));
    f.stage = d.stage;
    f.deadline = clock.kind;
    f.state = d.state;
    f.counted_from = d.from_event;
    f.unit = clock.unit;
    f.counting = clock.counting;
    f.due = d.due;
    f.since = d.from;
    f.limit = clock.length;
    f.extension = d.extension_working_days;
    switch (d.state) {
      case DeadlineState::met:
        f.date = done->date;
        f.count = clock.elapsed(cal_, *d.from, done->date);
        break;
      case DeadlineState::missed:
        if (done) {
          f.date = done->date;
          f.count = clock.unit == ClockUnit::working_days ? cal_.count_working_days(*d.due, done->date) : done->date - *d.due;
        }
        break;
      case DeadlineState::pending:
      case DeadlineState::overdue: f.count = d.working_days_remaining; break;
      case DeadlineState::not_applicable: break;
    }
  }

  // What a response letter says of one of the rule set's items. `next`: where
  // to look first, as the letter usually lists its items in the rule set's order.
  static Tri letter_says(const Event& response, const std::string& item, std::size_t& next) {
    const LetterItem* i = find_id_from(response.letter, item, next);
    if (!i) return response.letter_is_list ? Tri::no : Tri::absent;
    if (i->value == Tri::absent) {
      throw Error(Errc::schema, cat("case.events[", std::to_string(response.index), "].letter.", item, ": expected true or false, found ", i->found));
    }
    return i->value;
  }

  // 6.9 / 6.19 (2024): the response letter confirms each item the Code lists.
  void letter_finding(const LetterSpec& letter, const Event& response, int stage) {
    std::vector<std::string> missing, unrecorded;
    if (response.has_letter) {
      std::size_t next = 0;
      for (const std::string& item : letter.items) {
        const Tri t = letter_says(response, item, next);
        if (t == Tri::no) missing.push_back(item);
        else if (t == Tri::absent) unrecorded.push_back(item);
      }
    }
    const FindingResult result = !response.has_letter  ? FindingResult::unknown
                                 : !missing.empty()    ? FindingResult::fail
                                 : !unrecorded.empty() ? FindingResult::unknown
                                                       : FindingResult::pass;
    FindingFacts& f = finding(letter.provision, CheckKind::letter, result, {response.index});
    f.stage = stage;
    f.date = response.date;
    f.detail = !response.has_letter  ? FindingDetail::letter_not_recorded
               : !missing.empty()    ? FindingDetail::letter_items_missing
               : !unrecorded.empty() ? FindingDetail::letter_items_not_recorded
                                     : FindingDetail::letter_complete;
    f.unrecorded_items = missing.empty() ? std::vector<std::string>() : unrecorded;
    f.items = !missing.empty() ? std::move(missing) : std::move(unrecorded);
  }

  // 6.13 (2024): the stage 2 handler differs from the stage 1 handler.
  void handler_finding(const StageSpec& spec, int s) {
    auto handler = [](const StageLog& log) -> const Event* {
      if (log.response && !log.response->handler.empty()) return log.response;
      if (log.acknowledged && !log.acknowledged->handler.empty()) return log.acknowledged;
      return nullptr;
    };
    const Event* now = handler(log_of(s));
    const Event* then = handler(log_of(s - 1));
    std::vector<int> events;
    if (now && then) events = {then->index, now->index};
    const bool same = now && then && normalise_person(now->handler) == normalise_person(then->handler);
    const FindingResult result = !now || !then ? FindingResult::unknown : same ? FindingResult::fail : FindingResult::pass;
    FindingFacts& f = finding(spec.different_handler_provision, CheckKind::handler, result, std::move(events));
    f.stage = s;
    f.detail = !now || !then ? FindingDetail::handler_not_recorded : same ? FindingDetail::handler_same : FindingDetail::handler_different;
    f.text = now ? now->handler : std::string();
    f.other_text = then ? then->handler : std::string();
  }

  void case_findings() {
    if (!rules_.max_stages_provision.empty() && current_stage_ >= 2 && !beyond_reported_) {
      FindingFacts& f = finding(rules_.max_stages_provision, CheckKind::stages, FindingResult::pass);
      f.detail = FindingDetail::stages_within;
      f.total = current_stage_;
      f.limit = rules_.max_stages;
    }
    const bool excluded = closed_by_ && closed_by_->type == EventType::not_accepted;
    const Vocabulary::Term* reason = excluded ? Vocabulary::find(rules_.words.exclusion_reasons, closed_by_->reason) : nullptr;
    const bool time_limit_reason = reason && reason->time_limit;
    if (!rules_.time_limit_provision.empty()) {
      auto time_limit = [&](FindingResult result, FindingDetail detail, std::vector<int> events) {
        FindingFacts& f = finding(rules_.time_limit_provision, CheckKind::time_limit, result, std::move(events));
        f.detail = detail;
        f.limit = rules_.time_limit_months;
        f.date = case_.received;
        f.since = case_.issue_date;
      };
      if (case_.issue_date) {
        const bool within = case_.received <= add_months(*case_.issue_date, rules_.time_limit_months);
        if (excluded && time_limit_reason) {
          time_limit(within ? FindingResult::fail : FindingResult::pass,
                     within ? FindingDetail::excluded_within_time_limit : FindingDetail::excluded_outside_time_limit, {closed_by_->index});
        } else if (!excluded) {
          time_limit(FindingResult::pass, within ? FindingDetail::within_time_limit : FindingDetail::accepted_outside_time_limit, {});
        }
      } else if (excluded && time_limit_reason) {
        time_limit(FindingResult::unknown, FindingDetail::excluded_without_issue_date, {closed_by_->index});
      }
    }
    if (excluded) {
      const Event& e = *closed_by_;
      const FindingResult result = e.explanation_given == Tri::no || e.ombudsman_right_given == Tri::no     ? FindingResult::fail
                                   : e.explanation_given == Tri::yes && e.ombudsman_right_given == Tri::yes ? FindingResult::pass
                                                                                                            : FindingResult::unknown;
      FindingFacts& f = finding(rules_.not_accepted_provision, CheckKind::exclusion, result, {e.index});
      f.date = e.date;
      f.given = known(e.explanation_given);
      f.ombudsman_right = known(e.ombudsman_right_given);
      f.text = e.reason;
    }
    if (refusal_) {
      FindingFacts& f = finding(rules_.escalation_refused_provision, CheckKind::escalation_refusal,
                                refusal_->reason.empty() ? FindingResult::fail : FindingResult::pass, {refusal_->index});
      f.date = refusal_->date;
      f.stage = refused_stage_;
      f.text = refusal_->reason;
    }
    // 7.3 (2024): a remedy says what and by when, and is completed by then.
    for (const Remedy& r : remedies_) {
      const Event& o = *r.offered;
      std::vector<int> events = {o.index};
      if (r.completed) events.push_back(r.completed->index);
      FindingResult result = FindingResult::not_applicable;
      FindingDetail detail = FindingDetail::remedy_pending;
      if (!o.due) {
        result = FindingResult::fail;
        detail = FindingDetail::remedy_without_due_date;
      } else if (r.completed) {
        result = r.completed->date <= *o.due ? FindingResult::pass : FindingResult::fail;
        detail = FindingDetail::remedy_completed;
      } else if (as_of_ > *o.due) {
        result = FindingResult::fail;
        detail = FindingDetail::remedy_overdue;
      }
      FindingFacts& f = finding(rules_.remedy_provision, CheckKind::remedy, result, std::move(events));
      f.detail = detail;
      f.date = o.date;
      f.due = o.due;
      f.text = o.what;
      f.first = fact(o);
      if (r.completed) f.second = fact(*r.completed);
    }
  }

  void status() {
    const int s = std::min(current_stage_, defined_stages_);
    if (closed_by_ && closed_by_->type == EventType::not_accepted) {
      out_.status = CaseStatus::not_accepted;
      out_.stage = stages_[1].acknowledged || s > 1 ? s : 0;
      return;
    }
    out_.stage = s;
    if (closed_by_) {
      out_.status = CaseStatus::withdrawn;
      return;
    }
    const StageLog& log = log_of(s);
    if (refusal_ && refused_stage_ == s + 1 && log_of(s + 1).refused) {
      out_.status = CaseStatus::escalation_refused;
      return;
    }
    const StageSpec* spec = rules_.stage(s);
    if (log.response) {
      out_.status = s >= defined_stages_ ? CaseStatus::closed : CaseStatus::responded;
    } else if (log.acknowledged || !spec || !spec->clock(DeadlineKind::acknowledge)) {
      out_.status = CaseStatus::awaiting_response;
    } else {
      out_.status = CaseStatus::awaiting_acknowledgement;
    }
  }

  // Remedies and outstanding actions with a date are deadlines too, whatever
  // the rule set checks: their state is a fact of the log (7.3 judges it in 2024).
  void follow_up_deadlines() {
    auto add = [&](const Remedy& r, DeadlineKind kind, const std::string& provision) {
      const Event& o = *r.offered;
      if (!o.due) return;
      Deadline& d = out_.deadlines.emplace_back();
      d.name = deadline_kind_name(kind);
      d.kind = kind;
      d.provision = provision;
      d.stage = 0;
      d.from = o.date;
      d.working_days = o.due >= o.date ? cal_.count_working_days(o.date, *o.due) : 0;
      d.due = o.due;
      d.original_due = o.due;
      d.met = r.completed ? std::optional<Date>(r.completed->date) : std::nullopt;
      d.state = state_of(*o.due, r.completed, std::nullopt);
      if (d.state == DeadlineState::pending || d.state == DeadlineState::overdue) d.working_days_remaining = cal_.count_working_days(as_of_, *o.due);
    };
    for (const Remedy& r : remedies_) add(r, DeadlineKind::remedy, rules_.remedy_provision);
    for (const Remedy& a : actions_) add(a, DeadlineKind::action, {});
  }

  void next_action() {
    std::optional<NextAction> best;
    auto consider = [&](DeadlineKind kind, int stage, const std::string& what, Date due, const std::string& provision) {
      if (best && best->due <= due) return;
      NextAction a;
      a.kind = kind;
      a.stage = stage;
      a.action = what;  // worded with the rest
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
        consider(d.kind, d.stage, {}, *d.due, d.provision);
      }
    }
    for (const Remedy& r : remedies_) {
      if (!r.completed && r.offered->due) consider(DeadlineKind::remedy, 0, r.offered->what, *r.offered->due, rules_.remedy_provision);
    }
    for (const Remedy& a : actions_) {
      if (!a.completed && a.offered->due) consider(DeadlineKind::action, 0, a.offered->what, *a.offered->due, "");
    }
    out_.next_action = std::move(best);
  }

  const RuleSetData& rules_;
  const Calendar& cal_;
  const Case::Impl& case_;
  Date as_of_;
  Evaluation& out_;
  int defined_stages_;
  int current_stage_ = 1;
  std::array<StageLog, max_stage_index + 1> stages_{};
  const Event* closed_by_ = nullptr;
  const Event* refusal_ = nullptr;
  int refused_stage_ = 0;
  uint32_t beyond_reported_ = 0;  // stages beyond the procedure already reported, by bit
  std::vector<Remedy> remedies_;
  std::vector<Remedy> actions_;
  FindingFacts scratch_;  // facts of a check the rule set does not make: written, then dropped
};

}  // namespace

Evaluation evaluate(const RuleSet& rules, const Calendar* calendar, const Case& c, Date as_of, Strict strict) {
  return evaluate_case(rules, calendar, c.impl(), as_of, true, true, strict);
}

void word_next_action(Evaluation& e, const RuleSetData& rules) {
  if (e.next_action) e.next_action->action = describe_action(e.next_action->kind, e.next_action->stage, e.next_action->action, rules);
}

namespace {
void word_evaluation(Evaluation& e, const RuleSetData& rules) {
  for (Finding& f : e.findings) describe(f.message, f, rules, e.as_of);
  word_next_action(e, rules);
}
}  // namespace

Evaluation evaluate_case(const RuleSet& rules, const Calendar* calendar, const Case::Impl& c, Date as_of, bool keep_calendar, bool word,
                         Strict strict) {
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
  if (strict == Strict::yes && !out.warnings.empty()) throw Error(Errc::schema, out.warnings.front() + " (strict: every warning is an error)");
  if (word) word_evaluation(out, data);
  if (keep_calendar) out.used_calendar = named ? std::move(named) : std::optional<Calendar>(*calendar);
  return out;
}

}  // namespace chc
