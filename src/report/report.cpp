// SPDX-License-Identifier: MIT
// The report engine: each case evaluated as of the period's end and counted
// into tallies (by thread, merged at the end), then the figures built.
#include "report/report_impl.hpp"
#include "report/report_model.hpp"

#include <chc/near_miss.hpp>

#include "core/json_util.hpp"
#include "core/text.hpp"
#include "rules/ruleset_impl.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <thread>

namespace chc {

namespace bj = boost::json;

std::optional<int32_t> DayHistogram::percentile(double p) const {
  if (count == 0) return std::nullopt;
  const auto needed = static_cast<uint64_t>(std::ceil(p * static_cast<double>(count)));
  uint64_t seen = 0;
  for (std::size_t i = 0; i < bins.size(); ++i) {
    seen += bins[i];
    if (seen >= std::max<uint64_t>(needed, 1)) return static_cast<int32_t>(i);
  }
  return static_cast<int32_t>(bins.size() - 1);
}

void Accumulator::merge(Accumulator&& o) {
  cases_read += o.cases_read;
  cases_accepted += o.cases_accepted;
  cases_rejected += o.cases_rejected;
  cases_touching_period += o.cases_touching_period;
  for (auto [mine, theirs] : {std::pair{&rejected, &o.rejected}, std::pair{&warned, &o.warned}}) {
    for (auto& r : *theirs) mine->push_back(std::move(r));
    std::stable_sort(mine->begin(), mine->end(), [](const Rejected& a, const Rejected& b) { return a.line < b.line; });
    if (mine->size() > max_rejected_listed) mine->resize(max_rejected_listed);
  }
  cases_with_warnings += o.cases_with_warnings;
  for (std::size_t s = 1; s < stages.size(); ++s) {
    StageTallies& a = stages[s];
    StageTallies& b = o.stages[s];
    for (auto [x, y] : {std::pair{&a.received, &b.received}, {&a.acknowledged, &b.acknowledged}, {&a.acknowledged_late, &b.acknowledged_late},
                        {&a.responded, &b.responded}, {&a.within, &b.within}, {&a.within_original, &b.within_original},
                        {&a.late, &b.late}, {&a.extended, &b.extended}}) {
      x->merge(std::move(*y));
    }
    a.days_to_acknowledge.merge(b.days_to_acknowledge);
    a.days_to_respond.merge(b.days_to_respond);
    for (const auto& [k, v] : b.decisions) a.decisions[k] += v;
  }
  for (const auto& [k, v] : o.categories) categories[k] += v;
  for (auto& [k, v] : o.refused_by_reason) refused_by_reason[k].merge(std::move(v));
  withdrawn.merge(std::move(o.withdrawn));
  remedies_offered.merge(std::move(o.remedies_offered));
  remedies_completed.merge(std::move(o.remedies_completed));
  remedies_overdue.merge(std::move(o.remedies_overdue));
  remedies_offered_amount += o.remedies_offered_amount;
  remedies_completed_amount += o.remedies_completed_amount;
  for (std::size_t i = 0; i < open_by_age.size(); ++i) open_by_age[i].merge(std::move(o.open_by_age[i]));
  for (const auto& [k, m] : o.months) {
    MonthTallies& t = months[k];
    t.stage1_received += m.stage1_received;
    t.stage1_responded += m.stage1_responded;
    t.stage1_within += m.stage1_within;
    t.stage2_received += m.stage2_received;
    t.stage2_responded += m.stage2_responded;
    t.stage2_within += m.stage2_within;
  }
  for (auto& [k, v] : o.provisions) {
    ProvisionTally& t = provisions[k];
    t.pass.merge(std::move(v.pass));
    t.fail.merge(std::move(v.fail));
    t.unknown.merge(std::move(v.unknown));
    t.not_applicable.merge(std::move(v.not_applicable));
  }
  for (const auto& [k, v] : o.cases_by_rules) cases_by_rules[k] += v;
  data_issues.merge(std::move(o.data_issues));
}

ReportOptions reporting_year(int first_year) {
  ReportOptions o;
  o.from = Date::from_ymd(first_year, 4, 1);
  o.to = Date::from_ymd(first_year + 1, 3, 31);
  return o;
}

Report::Impl::Impl(const RuleSet& r, const Calendar* cal, ReportOptions o) : rules(r), options(std::move(o)) {
  if (cal) calendar = *cal;
  if (options.to < options.from) throw Error(Errc::invalid_argument, "report period: " + options.to.iso() + " is before " + options.from.iso());
  if (options.from < Calendar::first_supported_day() || options.to > Calendar::last_supported_day()) {
    throw Error(Errc::range, "report period: outside the supported range");
  }
  if (options.threads == 0) options.threads = 1;
  for (const auto& [name, value] : {std::pair{"homes", options.homes}, std::pair{"homes_lcra", options.homes_lcra},
                                    std::pair{"homes_lcho", options.homes_lcho}}) {
    if (value && *value < 0) throw Error(Errc::invalid_argument, cat(name, ": ", std::to_string(*value), " is negative"));
  }
  // A pass rate: NaN fails both comparisons, so it is refused too.
  if (!(options.compliance_threshold > 0 && options.compliance_threshold <= 1)) {
    throw Error(Errc::invalid_argument, cat("compliance_threshold: ", std::to_string(options.compliance_threshold),
                                            " is not a pass rate in (0, 1]"));
  }
  if (!valid_utf8(options.landlord)) throw Error(Errc::invalid_argument, "landlord: not valid UTF-8");
  catalogue_code = rules.impl().variants.front().catalogue;
  if (!options.evidence_json.empty()) {
    if (options.evidence_json.size() > max_evidence_bytes) {
      throw Error(Errc::limit, cat("evidence JSON is ", std::to_string(options.evidence_json.size()), " bytes; the limit is ",
                                   std::to_string(max_evidence_bytes)));
    }
    const bj::value doc = json::parse(options.evidence_json, "evidence JSON");
    const auto& root = json::as_object(doc, "evidence");
    // Keys nearly the file's own ("provisons", "evidance") would be read as nothing: say so.
    auto near_misses = [&](const bj::object& object, const std::string& where, const std::vector<std::string_view>& known) {
      for (const auto& kv : object) {
        if (std::find(known.begin(), known.end(), std::string_view(kv.key())) != known.end()) continue;
        if (const auto meant = near_miss(kv.key(), known)) warn(did_you_mean(kv.key(), *meant, where));
      }
    };
    near_misses(root, "evidence", {"landlord", "provisions"});
    if (const auto* p = json::find(root, "provisions")) {
      const json::Path pp("evidence.provisions");
      for (const auto& kv : json::as_object(*p, pp)) {
        const json::Path path = pp.key(kv.key());
        const auto& entry = json::as_object(kv.value(), path);
        near_misses(entry, path.str(), {"comply", "evidence", "commentary"});
        std::string comply(json::as_string(json::require(entry, "comply", path), path.key("comply")));
        std::transform(comply.begin(), comply.end(), comply.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
        Evidence e;
        e.comply = comply == "yes" ? "Yes" : comply == "no" ? "No" : comply == "partial" ? "Partial" : comply == "noted" ? "Noted" : "";
        if (e.comply.empty()) json::fail(Errc::schema, path.key("comply"), "\"" + comply + "\" is not yes, no, partial or noted");
        if (const auto* t = json::find(entry, "evidence"); t && t->is_string()) e.evidence = t->get_string();
        if (const auto* t = json::find(entry, "commentary"); t && t->is_string()) e.commentary = t->get_string();
        if (!rules.impl().catalogue->find(kv.key())) {
          warn(path.str() + ": no such provision in " + catalogue_code + "; ignored");
          continue;
        }
        evidence.emplace(std::string(kv.key()), std::move(e));
      }
    }
    if (options.landlord.empty()) {
      if (const auto* l = json::find(root, "landlord")) options.landlord = json::as_string(*l, "evidence.landlord");
    }
  }
}

namespace {

bool in_period(const ReportOptions& o, std::optional<Date> d) { return d && *d >= o.from && *d <= o.to; }

const Deadline* find_deadline(const Evaluation& e, int stage, DeadlineKind kind) {
  for (const Deadline& d : e.deadlines) {
    if (d.stage == stage && d.kind == kind) return &d;
  }
  return nullptr;
}

int month_key(Date d) {
  const YearMonthDay ymd = d.ymd();
  return ymd.year * 12 + ymd.month - 1;
}

}  // namespace

void Report::Impl::warn(std::string message) {
  if (options.strict == Strict::yes) throw Error(Errc::schema, message + " (strict: every warning is an error)");
  warnings.push_back(utf8_sanitized(message));
}

void Accumulator::reject(uint64_t line, std::string reason) {
  reason = utf8_sanitized(reason);  // it may quote the bad line
  ++cases_rejected;
  if (rejected.size() < max_rejected_listed) rejected.push_back({line, reason});
  last_rejection = std::move(reason);
}

Errc Report::Impl::add(std::string_view json, uint64_t line, Accumulator& acc,
                       std::map<std::string, Calendar, std::less<>>& calendars_cache) const {
  ++acc.cases_read;
  std::shared_ptr<Case::Impl> c;
  Evaluation e;
  const Calendar* cal = nullptr;
  try {
    c = parse_case(json, false);
    if (calendar) {
      cal = &*calendar;
    } else {
      const RuleSetData& data = rules.impl().select(c->received);
      const std::string& name = !c->calendar.empty() ? c->calendar : data.default_calendar;
      auto it = calendars_cache.find(name);
      if (it == calendars_cache.end()) it = calendars_cache.emplace(name, Calendar::builtin(name)).first;
      cal = &it->second;
    }
    e = evaluate_case(rules, cal, *c, options.to, false, false, options.strict);
  } catch (const Error& err) {
    acc.reject(line, err.what());
    return err.code();
  } catch (const std::exception& err) {
    acc.reject(line, std::string("internal error: ") + err.what());
    return Errc::internal;
  }
  ++acc.cases_accepted;
  acc.cases_by_rules[e.rules]++;
  if (!e.warnings.empty()) {
    ++acc.cases_with_warnings;
    for (const std::string& w : e.warnings) {
      if (acc.warned.size() < max_rejected_listed) acc.warned.push_back({line, utf8_sanitized(w)});
    }
  }
  const ReportOptions& o = options;
  const bool keep = o.drill_down;
  const std::string& id = c->id;  // unescaped: the report's writers escape it once
  bool touches = false;

  const bool not_accepted = e.status == CaseStatus::not_accepted;
  const bool withdrawn = e.status == CaseStatus::withdrawn;
  // CH01 stage 1: received in the period (exclusions and withdrawals by the chosen reading).
  if (in_period(o, c->received)) {
    touches = true;
    if ((!not_accepted || o.not_accepted_in_ch01) && (!withdrawn || o.withdrawn_in_ch01)) {
      acc.stages[1].received.add(id, keep);
      acc.months[month_key(c->received)].stage1_received++;
      acc.categories[c->category.empty() ? std::string("(none)") : c->category]++;
    }
  }
  for (const Event& ev : c->events) {
    if (!in_period(o, ev.date)) continue;
    if (ev.type == EventType::not_accepted) {
      touches = true;
      acc.refused_by_reason[ev.reason.empty() ? std::string("(not recorded)") : ev.reason].add(id, true);
    } else if (ev.type == EventType::withdrawn) {
      touches = true;
      acc.withdrawn.add(id, keep);
    } else if (ev.type == EventType::remedy_offered) {
      touches = true;
      acc.remedies_offered.add(id, keep);
      acc.remedies_offered_amount += ev.amount.value_or(0.0);
    } else if (ev.type == EventType::remedy_completed) {
      touches = true;
      acc.remedies_completed.add(id, keep);
      for (const Event& offered : c->events) {
        if (offered.type == EventType::remedy_offered && (ev.ref.empty() ? offered.what == ev.what : offered.ref == ev.ref)) {
          acc.remedies_completed_amount += offered.amount.value_or(0.0);
          break;
        }
      }
    } else if (ev.type == EventType::response) {
      const int s = ev.stage.value_or(0);
      if (s >= 1 && s <= max_event_stage && !ev.decision.empty()) acc.stages[static_cast<std::size_t>(s)].decisions[ev.decision]++;
    }
  }
  for (const Deadline& d : e.deadlines) {
    if (d.kind == DeadlineKind::remedy && d.state == DeadlineState::overdue) acc.remedies_overdue.add(id, true);
  }

  const int stages = static_cast<int>(rules.impl().select(c->received).stages.size());
  for (int s = 1; s <= stages; ++s) {
    StageTallies& st = acc.stages[static_cast<std::size_t>(s)];
    const Deadline* ack = find_deadline(e, s, DeadlineKind::acknowledge);
    const Deadline* resp = find_deadline(e, s, DeadlineKind::respond);
    // The stage's start: receipt for stage 1, the escalation request for later stages.
    const auto s_index = static_cast<std::size_t>(s);
    const bool started = s_index < e.stage_started.size() && e.stage_started[s_index];
    const Date start = started ? *e.stage_started[s_index] : e.day_zero;
    if (s >= 2) {
      if (started && start >= o.from && start <= o.to) {
        touches = true;
        st.received.add(id, keep);
        if (s == 2) acc.months[month_key(start)].stage2_received++;
      }
    }
    if (ack && ack->met && in_period(o, ack->met) && ack->from) {
      st.acknowledged.add(id, keep);
      if (ack->state != DeadlineState::met) st.acknowledged_late.add(id, true);
      st.days_to_acknowledge.add(cal->count_working_days(*ack->from, *ack->met));
    }
    if (resp && resp->met && in_period(o, resp->met) && resp->due) {
      touches = true;
      st.responded.add(id, keep);
      const bool within_code = resp->state == DeadlineState::met;
      const bool within_original = resp->original_due && *resp->met <= *resp->original_due;
      const bool within = o.extensions_count_as_within ? within_code : within_original;
      if (within_code) st.within.add(id, keep);
      if (within_original) st.within_original.add(id, keep);
      if (!within) st.late.add(id, true);
      if (resp->extension_working_days > 0) st.extended.add(id, keep);
      if (started) st.days_to_respond.add(cal->count_working_days(start, *resp->met));
      if (s <= 2) {  // the monthly series are of stages 1 and 2
        MonthTallies& m = acc.months[month_key(*resp->met)];
        (s == 1 ? m.stage1_responded : m.stage2_responded)++;
        if (within) (s == 1 ? m.stage1_within : m.stage2_within)++;
      }
    }
  }

  // Open at the period's end: by working days since the current stage began.
  if (e.status == CaseStatus::awaiting_acknowledgement || e.status == CaseStatus::awaiting_response) {
    Date since = e.day_zero;
    bool known = e.stage <= 1;
    for (const Deadline& d : e.deadlines) {
      if (!known && d.stage == e.stage && d.from) {
        since = *d.from;
        known = true;
      }
    }
    if (known && since <= o.to) {
      const int32_t age = cal->count_working_days(since, o.to);
      const std::size_t bucket = age <= 5 ? 0 : age <= 10 ? 1 : age <= 20 ? 2 : age <= 40 ? 3 : 4;
      acc.open_by_age[bucket].add(id, true);
      touches = true;
    }
  }

  // Provision findings for the self-assessment, from cases received in the
  // period and judged under the self-assessment's Code.
  if (in_period(o, c->received) && e.rules == catalogue_code) {
    bool data = false;
    for (const Finding& f : e.findings) {
      if (f.kind == CheckKind::data) {
        data = data || f.result == FindingResult::fail;
        continue;
      }
      ProvisionTally& t = acc.provisions[f.provision];
      switch (f.result) {
        case FindingResult::pass: t.pass.add(id, keep); break;
        case FindingResult::fail: t.fail.add(id, true); break;
        case FindingResult::unknown: t.unknown.add(id, true); break;
        case FindingResult::not_applicable: t.not_applicable.add(id, keep); break;
      }
    }
    if (data) acc.data_issues.add(id, true);
  }
  if (touches) ++acc.cases_touching_period;
  return Errc::ok;
}

void Report::Impl::finish() {
  if (finished) return;
  if (!pending_line.empty()) {
    ++lines;
    std::string line = std::move(pending_line);
    pending_line.clear();
    if (line.find_first_not_of(" \t\r") != std::string::npos) add(line, lines, total, calendars);
  }
  finished = true;
}

// ---------------------------------------------------------------------------

Report::Report(const RuleSet& rules, const Calendar* calendar, ReportOptions options)
    : impl_(std::make_unique<Impl>(rules, calendar, std::move(options))) {}
Report::~Report() = default;
Report::Report(Report&&) noexcept = default;
Report& Report::operator=(Report&&) noexcept = default;

Errc Report::add_case(std::string_view case_json, uint64_t line) {
  if (impl_->finished) throw Error(Errc::invalid_argument, "report: cases added after finish()");
  return impl_->add(case_json, line, impl_->total, impl_->calendars);
}

const std::string& Report::last_rejection() const { return impl_->total.last_rejection; }

void Report::add_ndjson(std::string_view chunk) {
  if (impl_->finished) throw Error(Errc::invalid_argument, "report: cases added after finish()");
  Impl& r = *impl_;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = chunk.find('\n', start);
    if (newline == std::string_view::npos) {
      r.pending_line.append(chunk.substr(start));
      if (r.pending_line.size() > max_case_bytes + 1) {
        // An endless line is rejected when it ends; keep only enough to say so.
        r.pending_line.resize(max_case_bytes + 1);
      }
      return;
    }
    std::string_view line = chunk.substr(start, newline - start);
    std::string joined;
    if (!r.pending_line.empty()) {
      joined = std::move(r.pending_line);
      joined.append(line);
      r.pending_line.clear();
      line = joined;
    }
    ++r.lines;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) r.add(line, r.lines, r.total, r.calendars);
    start = newline + 1;
  }
}

void Report::add_ndjson(std::istream& in) {
  if (impl_->finished) throw Error(Errc::invalid_argument, "report: cases added after finish()");
  Impl& r = *impl_;
  // Blocks of whole lines go to the workers through a bounded queue: the
  // reader never runs more than a few blocks ahead, so memory stays flat.
  struct Block {
    std::string text;
    uint64_t first_line;
  };
  constexpr std::size_t block_bytes = 1u << 20;
  constexpr std::size_t max_queued = 8;
  std::mutex mutex;
  std::condition_variable ready, space;
  std::deque<Block> queue;
  bool done = false;
  const unsigned workers = std::max(1u, r.options.threads);
  std::vector<Accumulator> partial(workers);
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&, w] {
      std::map<std::string, Calendar, std::less<>> cache;
      while (true) {
        Block block;
        {
          std::unique_lock lock(mutex);
          ready.wait(lock, [&] { return !queue.empty() || done; });
          if (queue.empty()) return;
          block = std::move(queue.front());
          queue.pop_front();
        }
        space.notify_one();
        uint64_t line = block.first_line;
        std::string_view text = block.text;
        while (!text.empty()) {
          const std::size_t newline = text.find('\n');
          std::string_view one = text.substr(0, newline);
          text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
          if (!one.empty() && one.back() == '\r') one.remove_suffix(1);
          if (one.find_first_not_of(" \t") != std::string_view::npos) r.add(one, line, partial[w], cache);
          ++line;
        }
      }
    });
  }
  uint64_t next_line = r.lines + 1;
  std::string carry = std::move(r.pending_line);
  r.pending_line.clear();
  std::string buffer(block_bytes, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    std::string_view data(buffer.data(), got);
    const std::size_t last_newline = data.rfind('\n');
    if (last_newline == std::string_view::npos) {
      carry.append(data);
      continue;
    }
    Block block{std::move(carry), next_line};
    block.text.append(data.substr(0, last_newline + 1));
    next_line += static_cast<uint64_t>(std::count(block.text.begin(), block.text.end(), '\n'));
    carry.assign(data.substr(last_newline + 1));
    {
      std::unique_lock lock(mutex);
      space.wait(lock, [&] { return queue.size() < max_queued; });
      queue.push_back(std::move(block));
    }
    ready.notify_one();
  }
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  ready.notify_all();
  for (auto& t : pool) t.join();
  for (auto& p : partial) r.total.merge(std::move(p));
  r.lines = next_line - 1;
  r.pending_line = std::move(carry);  // a last line without a newline: finish() reads it
}

void Report::finish() { impl_->finish(); }

std::string Report::json() const {
  const_cast<Impl&>(*impl_).finish();
  return render_json(build_model(*impl_));
}
std::string Report::csv() const {
  const_cast<Impl&>(*impl_).finish();
  return render_csv(build_model(*impl_));
}
std::string Report::html() const {
  const_cast<Impl&>(*impl_).finish();
  return render_html(build_model(*impl_));
}
std::string Report::text() const {
  const_cast<Impl&>(*impl_).finish();
  return render_text(build_model(*impl_));
}

uint64_t Report::cases_read() const { return impl_->total.cases_read; }
uint64_t Report::cases_accepted() const { return impl_->total.cases_accepted; }
uint64_t Report::cases_rejected() const { return impl_->total.cases_rejected; }

std::vector<std::string> Report::warnings() const { return warning_lines(*impl_); }

}  // namespace chc
