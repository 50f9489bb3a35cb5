// SPDX-License-Identifier: MIT
// The report's figures, built from the tallies in the words of the rule set,
// and their JSON (docs/reporting.md) through the one JSON writer.
#include "report/report_model.hpp"

#include "core/json_writer.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chc {

namespace {

double round1(double v) { return std::round(v * 10.0) / 10.0; }

std::optional<double> per_thousand(uint64_t count, const std::optional<int64_t>& homes) {
  if (!homes || *homes <= 0) return std::nullopt;
  return std::round(1000.0 * 100.0 * static_cast<double>(count) / static_cast<double>(*homes)) / 100.0;
}

std::string month_label(int key) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", key / 12, key % 12 + 1);
  return buf;
}

std::string period_label(const ReportOptions& o) {
  const YearMonthDay f = o.from.ymd(), t = o.to.ymd();
  if (f.month == 4 && f.day == 1 && t.month == 3 && t.day == 31 && t.year == f.year + 1) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d/%02d", f.year, (f.year + 1) % 100);
    return buf;
  }
  return o.from.iso() + " to " + o.to.iso();
}

// "stage 1 up to 10, stage 2 up to 20 working days", per Code when a rule set holds two.
std::string extension_caps(const RuleSet::Impl& rules) {
  std::string out;
  for (const RuleSetData& r : rules.variants) {
    std::string caps;
    r.for_each_clock([&](const StageSpec& s, const ClockSpec& c) {
      if (!c.extension) return;
      const char* unit = c.unit == ClockUnit::working_days ? " working days" : " calendar days";
      caps += cat(caps.empty() ? "" : ", ", s.name,
                  c.extension->limit ? cat(" up to ", std::to_string(*c.extension->limit), unit) : " with no fixed limit");
    });
    if (caps.empty()) caps = "no extensions";
    out += cat(out.empty() ? "" : "; ", rules.variants.size() > 1 ? cat(r.title, ": ") : std::string(), caps);
  }
  return out;
}

// " (section 2)": where the Code sets out its exclusions, when its catalogue says.
std::string exclusions_section(const RuleSet::Impl& rules) {
  const RuleSetData& code = rules.variants.front();
  const Provision* p = code.not_accepted_provision.empty() ? nullptr : rules.catalogue->find(code.not_accepted_provision);
  return p ? cat(" (section ", p->section, ")") : std::string();
}

std::vector<std::string> readings(const Report::Impl& r) {
  const ReportOptions& o = r.options;
  const std::string& code = r.rules.impl().variants.front().words.code_short;
  std::vector<std::string> out;
  out.push_back(o.extensions_count_as_within
                    ? cat("CH02 counts a response inside a compliant extension under ", code, " (", extension_caps(r.rules.impl()),
                          ", given before the deadline with reasons) as within timescale; the regulator's rule is unconfirmed, so the "
                          "figure within the original timescale is given too.")
                    : cat("CH02 counts only responses within the original timescale of ", code,
                          "; the figure with compliant extensions is given too."));
  out.emplace_back(o.withdrawn_in_ch01 ? "CH01 counts complaints withdrawn after receipt as received."
                                       : "CH01 leaves out complaints later withdrawn.");
  out.push_back(o.not_accepted_in_ch01 ? cat("CH01 counts complaints not accepted under the exclusions of ", code, ".")
                                       : cat("CH01 leaves out complaints not accepted under the exclusions of ", code,
                                             exclusions_section(r.rules.impl()), "."));
  out.emplace_back("CH02 counts responses issued in the period, whenever the complaint was received; a complaint withdrawn before a "
                   "response is not in CH02.");
  if (!o.homes) out.emplace_back("No number of homes was given, so CH01 per 1,000 homes is not computed.");
  if (r.rules.impl().variants.front().regulator_measures != RegulatorMeasures::tsm) {
    out.emplace_back("The Tenant Satisfaction Measures apply to landlords in England; these figures are computed the same way for "
                     "comparison.");
  }
  return out;
}

Figure figure(const Tally& t, bool with_ids) { return Figure{t.count, with_ids ? &t.ids : nullptr}; }

std::vector<StageFigures> stage_figures(const Report::Impl& r) {
  const Accumulator& a = r.total;
  const RuleSetData& code = r.rules.impl().variants.front();
  const bool keep = r.options.drill_down;
  std::vector<StageFigures> out;
  for (int s = 1; s <= max_event_stage; ++s) {
    const StageTallies& st = a.stages[static_cast<std::size_t>(s)];
    // The Code's stages, and a stage of another Code the register used (2022's third).
    if (s > static_cast<int>(code.stages.size()) && st.received.count + st.responded.count == 0) continue;
    StageFigures f;
    f.stage = s;
    const RuleSetData* named = s <= static_cast<int>(code.stages.size()) ? &code : nullptr;
    for (const RuleSetData& v : r.rules.impl().variants) {
      if (!named && s <= static_cast<int>(v.stages.size())) named = &v;
    }
    f.name = named ? named->stages[static_cast<std::size_t>(s - 1)].name : cat("stage ", std::to_string(s));
    f.received = st.received.count;
    f.acknowledged = st.acknowledged.count;
    f.responded = st.responded.count;
    f.acknowledged_late = figure(st.acknowledged_late, true);
    f.extended = figure(st.extended, keep);
    f.late = figure(st.late, true);
    f.median_to_acknowledge = st.days_to_acknowledge.percentile(0.5);
    f.p90_to_acknowledge = st.days_to_acknowledge.percentile(0.9);
    f.median_to_respond = st.days_to_respond.percentile(0.5);
    f.p90_to_respond = st.days_to_respond.percentile(0.9);
    for (const Vocabulary::Term& d : code.words.decisions) {
      if (const auto it = st.decisions.find(d.id); it != st.decisions.end()) f.decisions.emplace_back(d.id, it->second);
    }
    for (const auto& [k, v] : st.decisions) {
      if (!Vocabulary::find(code.words.decisions, k)) f.decisions.emplace_back(k, v);
    }
    out.push_back(std::move(f));
  }
  return out;
}

void self_assessment(const Report::Impl& r, ReportModel& m) {
  const Accumulator& a = r.total;
  const RuleSetData& code = r.rules.impl().variants.front();
  std::map<std::string, uint64_t> counts = {{"Yes", 0}, {"Partial", 0}, {"No", 0}, {"Not assessed", 0}, {"Noted", 0}};
  m.cases_judged_under_code = a.cases_by_rules.count(r.catalogue_code) ? a.cases_by_rules.at(r.catalogue_code) : 0;
  for (const Provision& p : r.rules.provisions()) {
    AssessmentRow row;
    row.provision = &p;
    row.comply = "Not assessed";
    row.source = "none";
    const std::vector<const CheckSpec*> checks = code.checks_of(p.id);

    // From the register: provisions chc judged on the cases received in the period.
    const auto tally = a.provisions.find(p.id);
    if (tally != a.provisions.end() && tally->second.pass.count + tally->second.fail.count > 0) {
      const ProvisionTally& t = tally->second;
      const uint64_t judged = t.pass.count + t.fail.count;
      const double rate = static_cast<double>(t.pass.count) / static_cast<double>(judged);
      row.comply = t.fail.count == 0 ? "Yes" : rate >= r.options.compliance_threshold ? "Partial" : "No";
      std::string phrase = "findings met the provision";
      for (const CheckSpec* c : checks) {
        if (!c->counts.empty()) {
          phrase = c->counts;
          break;
        }
      }
      row.evidence = cat(std::to_string(t.pass.count), " of ", std::to_string(judged), " ", phrase, " (",
                         std::to_string(static_cast<long long>(std::llround(100.0 * rate))), "%), complaints received ", m.period_label);
      if (t.fail.count > 0) {
        std::vector<std::string_view> ids = t.fail.ids.sorted();
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::string list;
        for (std::size_t i = 0; i < ids.size() && i < 10; ++i) list += cat(i ? ", " : "", ids[i]);
        row.evidence += cat("; not met: ", list, ids.size() > 10 ? cat(" and ", std::to_string(ids.size() - 10), " more") : std::string());
      }
      if (t.unknown.count > 0) row.evidence += cat("; ", std::to_string(t.unknown.count), " more could not be judged from the log");
      row.source = "register";
      row.judged_from_cases = true;
      row.cases = &t;
    } else if (std::any_of(checks.begin(), checks.end(),
                           [](const CheckSpec* c) { return c->kind == CheckKind::stages || c->kind == CheckKind::procedure; })) {
      // From the rule set: the procedure's shape.
      row.comply = static_cast<int>(code.stages.size()) <= code.max_stages ? "Yes" : "No";
      row.evidence = cat("The rule set ", code.name, " has ", std::to_string(code.stages.size()), " stages and no others");
      row.source = "rules";
    }
    // Landlord targets stricter than the Code, beside the provision they tighten.
    code.for_each_clock([&](const StageSpec&, const ClockSpec& c) {
      if (c.provision == p.id && c.target) {
        row.commentary = cat("Landlord target: ", std::to_string(*c.target), " working days (", code.words.code_short, " allows ",
                             std::to_string(c.length), ").");
      }
    });
    // From the evidence file.
    if (const auto given = r.evidence.find(p.id); given != r.evidence.end()) {
      const Report::Impl::Evidence& e = given->second;
      if (row.source == "none") {
        row.comply = e.comply;
        row.evidence = e.evidence;
        row.source = "evidence";
      } else {
        if (!e.evidence.empty()) row.evidence += cat(". Landlord's evidence: ", e.evidence);
        if (e.comply != row.comply) {
          row.commentary += cat(row.commentary.empty() ? "" : " ", "The landlord declared \"", e.comply, "\"; the register shows \"", row.comply, "\".");
        }
      }
      if (!e.commentary.empty()) row.commentary += cat(row.commentary.empty() ? "" : " ", e.commentary);
    }
    if (row.source == "none") {
      row.evidence = p.check == "case" ? "No case in the register could show this and no evidence was provided" : "No evidence provided";
    }
    counts[row.comply]++;
    m.assessment.push_back(std::move(row));
  }
  for (const char* k : {"Yes", "Partial", "No", "Noted", "Not assessed"}) m.assessment_summary.emplace_back(k, counts[k]);
  m.assessment_code = r.catalogue_code;
  m.assessment_method = cat("Provisions chc checks case by case are judged from the complaints received in the period under ", r.catalogue_code,
                            ": \"Yes\" when every judged finding met the provision, \"Partial\" when at least ",
                            std::to_string(static_cast<int>(std::lround(r.options.compliance_threshold * 100))),
                            "% did, \"No\" below that. The others come from the rule set or the landlord's evidence file; where neither "
                            "says anything the row is \"Not assessed\", never assumed.");
}

}  // namespace

std::optional<double> percent_of(uint64_t part, uint64_t whole) {
  if (whole == 0) return std::nullopt;
  return round1(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

double percent_share(double part, double whole) { return whole > 0 ? round1(100.0 * part / whole) : 0.0; }

std::vector<std::string> warning_lines(const Report::Impl& r) {
  std::vector<std::string> out = r.warnings;
  for (const Rejected& w : r.total.warned) out.push_back(cat("line ", std::to_string(w.line), ": ", w.reason));
  if (r.total.warned.size() == max_rejected_listed) out.push_back("(the first warnings only: each case's are in its evaluation)");
  return out;
}

ReportModel build_model(const Report::Impl& r) {
  const Accumulator& a = r.total;
  const ReportOptions& o = r.options;
  const bool keep = o.drill_down;
  const RuleSetData& code = r.rules.impl().variants.front();
  ReportModel m;
  m.title = "Complaints performance and self-assessment";
  m.landlord = o.landlord;
  m.from = o.from;
  m.to = o.to;
  m.period_label = period_label(o);
  m.rules = r.rules.name();
  m.rules_version = r.rules.impl().version;
  m.calendar = r.calendar ? r.calendar->name() : cat("per case (", r.rules.default_calendar(), " by default)");
  m.generated_by = cat("chc ", CHC_LIBRARY_VERSION);
  m.code = &code;
  m.catalogue = r.rules.impl().catalogue.get();

  m.cases_read = a.cases_read;
  m.cases_accepted = a.cases_accepted;
  m.cases_rejected = a.cases_rejected;
  m.cases_in_period = a.cases_touching_period;
  m.rejected = &a.rejected;
  m.cases_by_rules.assign(a.cases_by_rules.begin(), a.cases_by_rules.end());
  m.warnings = warning_lines(r);
  m.cases_with_warnings = a.cases_with_warnings;
  m.data_issues = figure(a.data_issues, true);

  m.measures = code.regulator_measures;
  for (int s = 1; s <= 2; ++s) {  // the TSM measure stages 1 and 2
    const StageTallies& st = a.stages[static_cast<std::size_t>(s)];
    Ch01Row c1;
    c1.stage = s;
    c1.received = figure(st.received, keep);
    c1.homes = o.homes;
    c1.per_1000_homes = per_thousand(st.received.count, o.homes);
    c1.lcra = o.homes_lcra.has_value();
    c1.lcho = o.homes_lcho.has_value();
    c1.per_1000_lcra_homes = per_thousand(st.received.count, o.homes_lcra);
    c1.per_1000_lcho_homes = per_thousand(st.received.count, o.homes_lcho);
    m.ch01.push_back(c1);
    Ch02Row c2;
    c2.stage = s;
    c2.responded = figure(st.responded, keep);
    c2.within = o.extensions_count_as_within ? st.within.count : st.within_original.count;
    c2.percent = percent_of(c2.within, st.responded.count);
    c2.late = figure(st.late, true);
    c2.within_original = st.within_original.count;
    c2.percent_within_original = percent_of(st.within_original.count, st.responded.count);
    c2.within_with_extension = st.within.count;
    c2.percent_with_extension = percent_of(st.within.count, st.responded.count);
    m.ch02.push_back(c2);
  }
  m.readings = readings(r);

  m.stages = stage_figures(r);
  m.escalation_rate = percent_of(a.stages[2].received.count, a.stages[1].responded.count);
  m.categories.assign(a.categories.begin(), a.categories.end());
  for (const auto& [reason, tally] : a.refused_by_reason) {
    const Vocabulary::Term* term = Vocabulary::find(code.words.exclusion_reasons, reason);
    m.refused.by_reason.push_back({reason, term ? term->label : reason, figure(tally, true)});
    m.refused.total += tally.count;
  }
  m.withdrawn = figure(a.withdrawn, keep);
  m.remedies_offered = figure(a.remedies_offered, keep);
  m.remedies_completed = figure(a.remedies_completed, keep);
  m.remedies_overdue = figure(a.remedies_overdue, true);
  m.remedies_offered_amount = std::round(a.remedies_offered_amount * 100.0) / 100.0;
  m.remedies_completed_amount = std::round(a.remedies_completed_amount * 100.0) / 100.0;
  static constexpr const char* buckets[] = {"0-5", "6-10", "11-20", "21-40", "41+"};
  for (std::size_t i = 0; i < a.open_by_age.size(); ++i) m.open_by_age.emplace_back(buckets[i], figure(a.open_by_age[i], true));
  m.performance_notes = {"Working days to acknowledge and to respond count from receipt (stage 1) or the escalation request (later stages).",
                         "Open cases are aged in working days since their current stage began, as of the period's last day."};

  for (int key = o.from.ymd().year * 12 + o.from.ymd().month - 1; key <= o.to.ymd().year * 12 + o.to.ymd().month - 1; ++key) {
    const auto it = a.months.find(key);
    const MonthTallies t = it != a.months.end() ? it->second : MonthTallies{};
    m.months.push_back({month_label(key), t.stage1_received, t.stage1_responded, t.stage1_within, percent_of(t.stage1_within, t.stage1_responded),
                        t.stage2_received, t.stage2_responded, t.stage2_within});
  }
  self_assessment(r, m);
  return m;
}

// ---------------------------------------------------------------------------
// JSON (docs/reporting.md): the fields callers read, in a stable order.

namespace {

void write_ids(JsonWriter& w, const IdList& ids) {
  w.key("ids").begin_array();
  for (const std::string_view id : ids.sorted()) w.value(id);
  w.end_array();
}

// {"count": n} plus "ids" where they are shown; `more` adds members.
template <class More>
void write_figure(JsonWriter& w, const Figure& f, More&& more) {
  w.begin_object();
  w.key("count").value(static_cast<int64_t>(f.count));
  if (f.ids) write_ids(w, *f.ids);
  more();
  w.end_object();
}
void write_figure(JsonWriter& w, const Figure& f) {
  write_figure(w, f, [] {});
}

template <class T>
void write_optional(JsonWriter& w, const std::optional<T>& v) {
  if (!v) w.null();
  else if constexpr (std::is_floating_point_v<T>) w.value(static_cast<double>(*v));
  else w.value(static_cast<int64_t>(*v));
}

void write_strings(JsonWriter& w, const std::vector<std::string>& list) {
  w.begin_array();
  for (const std::string& s : list) w.value(s);
  w.end_array();
}

std::string stage_key(int stage) { return cat("stage", std::to_string(stage)); }

}  // namespace

std::string render_json(const ReportModel& m) {
  std::string out;
  out.reserve(64 * 1024);
  JsonWriter w(out);
  w.begin_object();
  w.key("report").begin_object();
  w.key("title").value(m.title);
  w.key("landlord").value(m.landlord);
  w.key("period").begin_object();
  w.key("from").value(m.from);
  w.key("to").value(m.to);
  w.key("label").value(m.period_label);
  w.end_object();
  w.key("rules").value(m.rules);
  w.key("rules_version").value(m.rules_version);
  w.key("calendar").value(m.calendar);
  w.key("as_of").value(m.to);
  w.key("generated_by").value(m.generated_by);
  w.key("code").begin_object();
  w.key("title").value(m.code->title);
  w.key("name").value(m.code->words.code_name);
  w.key("ombudsman").value(m.code->words.ombudsman_title);
  w.key("ombudsman_contact").value(m.code->words.ombudsman_contact);
  w.key("regulator_measures").value(regulator_measures_name(m.measures));
  w.end_object();
  w.end_object();

  w.key("input").begin_object();
  w.key("cases_read").value(static_cast<int64_t>(m.cases_read));
  w.key("cases_accepted").value(static_cast<int64_t>(m.cases_accepted));
  w.key("cases_rejected").value(static_cast<int64_t>(m.cases_rejected));
  w.key("rejected").begin_array();
  for (const Rejected& r : *m.rejected) {
    w.begin_object();
    w.key("line").value(static_cast<int64_t>(r.line));
    w.key("reason").value(r.reason);
    w.end_object();
  }
  w.end_array();
  w.key("cases_in_period").value(static_cast<int64_t>(m.cases_in_period));
  w.key("cases_by_rules").begin_object();
  for (const auto& [k, v] : m.cases_by_rules) w.key(std::string_view(k)).value(static_cast<int64_t>(v));
  w.end_object();
  w.key("warnings");
  write_strings(w, m.warnings);
  w.key("cases_with_warnings").value(static_cast<int64_t>(m.cases_with_warnings));
  w.end_object();

  w.key("tsm").begin_object();
  w.key("CH01").begin_object();
  for (const Ch01Row& c : m.ch01) {
    w.key(std::string_view(stage_key(c.stage)));
    write_figure(w, c.received, [&] {
      w.key("homes");
      write_optional(w, c.homes);
      w.key("per_1000_homes");
      write_optional(w, c.per_1000_homes);
      if (c.lcra) write_optional(w.key("per_1000_lcra_homes"), c.per_1000_lcra_homes);
      if (c.lcho) write_optional(w.key("per_1000_lcho_homes"), c.per_1000_lcho_homes);
    });
  }
  w.end_object();
  w.key("CH02").begin_object();
  for (const Ch02Row& c : m.ch02) {
    w.key(std::string_view(stage_key(c.stage))).begin_object();
    w.key("responded");
    write_figure(w, c.responded);
    w.key("within_timescale").value(static_cast<int64_t>(c.within));
    write_optional(w.key("percent"), c.percent);
    w.key("late");
    write_figure(w, c.late);
    w.key("within_original_timescale").value(static_cast<int64_t>(c.within_original));
    write_optional(w.key("percent_within_original_timescale"), c.percent_within_original);
    w.key("within_with_code_compliant_extension").value(static_cast<int64_t>(c.within_with_extension));
    write_optional(w.key("percent_with_code_compliant_extension"), c.percent_with_extension);
    w.end_object();
  }
  w.end_object();
  w.key("readings");
  write_strings(w, m.readings);
  w.end_object();

  w.key("performance").begin_object();
  w.key("stages").begin_array();
  for (const StageFigures& s : m.stages) {
    w.begin_object();
    w.key("stage").value(s.stage);
    w.key("name").value(s.name);
    w.key("received").value(static_cast<int64_t>(s.received));
    w.key("acknowledged").value(static_cast<int64_t>(s.acknowledged));
    w.key("acknowledged_late");
    write_figure(w, s.acknowledged_late);
    w.key("responded").value(static_cast<int64_t>(s.responded));
    w.key("extended");
    write_figure(w, s.extended);
    write_optional(w.key("median_working_days_to_acknowledge"), s.median_to_acknowledge);
    write_optional(w.key("p90_working_days_to_acknowledge"), s.p90_to_acknowledge);
    write_optional(w.key("median_working_days_to_respond"), s.median_to_respond);
    write_optional(w.key("p90_working_days_to_respond"), s.p90_to_respond);
    w.key("decisions").begin_object();
    for (const auto& [k, v] : s.decisions) w.key(std::string_view(k)).value(static_cast<int64_t>(v));
    w.end_object();
    w.end_object();
  }
  w.end_array();
  write_optional(w.key("escalation_rate_percent"), m.escalation_rate);
  w.key("categories").begin_object();
  for (const auto& [k, v] : m.categories) w.key(std::string_view(k)).value(static_cast<int64_t>(v));
  w.end_object();
  w.key("refused").begin_object();
  w.key("count").value(static_cast<int64_t>(m.refused.total));
  w.key("by_reason").begin_object();
  for (const Refusals::Reason& reason : m.refused.by_reason) {
    w.key(std::string_view(reason.id));
    write_figure(w, reason.complaints, [&] { w.key("label").value(reason.label); });
  }
  w.end_object();
  w.end_object();
  w.key("withdrawn");
  write_figure(w, m.withdrawn);
  w.key("remedies").begin_object();
  w.key("offered");
  write_figure(w, m.remedies_offered);
  w.key("offered_amount").value(m.remedies_offered_amount);
  w.key("completed");
  write_figure(w, m.remedies_completed);
  w.key("completed_amount").value(m.remedies_completed_amount);
  w.key("overdue");
  write_figure(w, m.remedies_overdue);
  w.end_object();
  w.key("open_at_period_end_by_age").begin_array();
  for (const auto& band : m.open_by_age) write_figure(w, band.second, [&] { w.key("working_days").value(band.first); });
  w.end_array();
  w.key("notes");
  write_strings(w, m.performance_notes);
  w.end_object();

  w.key("monthly").begin_array();
  for (const MonthFigures& t : m.months) {
    w.begin_object();
    w.key("month").value(t.month);
    w.key("stage1_received").value(static_cast<int64_t>(t.stage1_received));
    w.key("stage1_responded").value(static_cast<int64_t>(t.stage1_responded));
    w.key("stage1_within").value(static_cast<int64_t>(t.stage1_within));
    write_optional(w.key("stage1_percent_within"), t.stage1_percent_within);
    w.key("stage2_received").value(static_cast<int64_t>(t.stage2_received));
    w.key("stage2_responded").value(static_cast<int64_t>(t.stage2_responded));
    w.key("stage2_within").value(static_cast<int64_t>(t.stage2_within));
    w.end_object();
  }
  w.end_array();
  w.key("data_issues");
  write_figure(w, m.data_issues);

  w.key("self_assessment").begin_object();
  w.key("code").value(m.assessment_code);
  w.key("provisions").value(static_cast<int64_t>(m.assessment.size()));
  w.key("summary").begin_array();
  for (const auto& [comply, n] : m.assessment_summary) {
    w.begin_object();
    w.key("comply").value(comply);
    w.key("count").value(static_cast<int64_t>(n));
    w.key("percent").value(percent_share(static_cast<double>(n), static_cast<double>(m.assessment.size())));
    w.end_object();
  }
  w.end_array();
  w.key("cases_judged_under_code").value(static_cast<int64_t>(m.cases_judged_under_code));
  w.key("method").value(m.assessment_method);
  write_sections(w, *m.catalogue);
  w.key("rows").begin_array();
  for (const AssessmentRow& row : m.assessment) {
    const Provision& p = *row.provision;
    w.begin_object();
    w.key("provision").value(p.id);
    w.key("section").value(p.section);
    w.key("title").value(p.title);
    w.key("requirement").value(p.text);
    w.key("check").value(p.check);
    if (row.cases) {
      const ProvisionTally& t = *row.cases;
      w.key("cases").begin_object();
      w.key("pass").value(static_cast<int64_t>(t.pass.count));
      w.key("fail").value(static_cast<int64_t>(t.fail.count));
      w.key("unknown").value(static_cast<int64_t>(t.unknown.count));
      w.key("not_applicable").value(static_cast<int64_t>(t.not_applicable.count));
      w.key("fail_ids").begin_array();
      for (const std::string_view id : t.fail.ids.sorted()) w.value(id);
      w.end_array();
      w.key("unknown_ids").begin_array();
      for (const std::string_view id : t.unknown.ids.sorted()) w.value(id);
      w.end_array();
      w.end_object();
    }
    w.key("comply").value(row.comply);
    w.key("evidence").value(row.evidence);
    w.key("commentary").value(row.commentary);
    w.key("source").value(row.source);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();
  w.finish();
  return out;
}

}  // namespace chc
