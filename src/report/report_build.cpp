// SPDX-License-Identifier: MIT
// The report's figures as one JSON document; the CSV and HTML renderers read it.
#include "report/report_impl.hpp"

#include "core/json_util.hpp"
#include "core/text.hpp"
#include "rules/ruleset_impl.hpp"

#include <cmath>
#include <cstdio>

namespace chc {

namespace bj = boost::json;

namespace {

double round1(double v) { return std::round(v * 10.0) / 10.0; }

bj::value percent(uint64_t part, uint64_t whole) {
  if (whole == 0) return nullptr;
  return round1(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

bj::value per_thousand(uint64_t count, const std::optional<int64_t>& homes) {
  if (!homes || *homes <= 0) return nullptr;
  return std::round(1000.0 * 100.0 * static_cast<double>(count) / static_cast<double>(*homes)) / 100.0;
}

bj::array ids_of(const Tally& t) {
  bj::array out;
  out.reserve(t.ids.size());
  for (const std::string_view id : t.ids.sorted()) out.emplace_back(id);
  return out;
}

// {"count": n} plus "ids" when they were kept (always for exceptions; every figure with drill-down).
bj::object figure(const Tally& t, bool with_ids) {
  bj::object o;
  o["count"] = t.count;
  if (with_ids) o["ids"] = ids_of(t);
  return o;
}

bj::value optional_days(std::optional<int32_t> v) {
  if (!v) return nullptr;
  return *v;
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
      caps += cat(caps.empty() ? "" : ", ", s.name, c.extension->limit ? cat(" up to ", std::to_string(*c.extension->limit)) : " with no fixed limit");
    });
    if (caps.empty()) caps = "no extensions";
    else caps += " working days";
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

}  // namespace

bj::object Report::Impl::build() const {
  const Accumulator& a = total;
  const ReportOptions& o = options;
  const bool keep = o.drill_down;
  bj::object out;

  bj::object head;
  head["title"] = "Complaints performance and self-assessment";
  head["landlord"] = o.landlord;
  head["period"] = bj::object{{"from", o.from.iso()}, {"to", o.to.iso()}, {"label", period_label(o)}};
  head["rules"] = rules.name();
  head["rules_version"] = rules.impl().version;
  head["calendar"] = calendar ? calendar->name() : std::string("per case (") + rules.default_calendar() + " by default)";
  head["as_of"] = o.to.iso();
  head["generated_by"] = std::string("chc ") + CHC_LIBRARY_VERSION;
  out["report"] = std::move(head);

  bj::object input;
  input["cases_read"] = a.cases_read;
  input["cases_accepted"] = a.cases_accepted;
  input["cases_rejected"] = a.cases_rejected;
  bj::array rejected;
  for (const Rejected& r : a.rejected) rejected.push_back(bj::object{{"line", r.line}, {"reason", r.reason}});
  input["rejected"] = std::move(rejected);
  input["cases_in_period"] = a.cases_touching_period;
  bj::object by_rules;
  for (const auto& [k, v] : a.cases_by_rules) by_rules[k] = v;
  input["cases_by_rules"] = std::move(by_rules);
  bj::array warnings;
  for (const auto& w : evidence_warnings) warnings.emplace_back(w);
  input["warnings"] = std::move(warnings);
  out["input"] = std::move(input);

  // Tenant Satisfaction Measures.
  bj::object tsm;
  bj::object ch01;
  for (int s = 1; s <= 2; ++s) {
    const StageTallies& st = a.stages[static_cast<std::size_t>(s)];
    bj::object row = figure(st.received, keep);
    row["homes"] = o.homes ? bj::value(*o.homes) : bj::value(nullptr);
    row["per_1000_homes"] = per_thousand(st.received.count, o.homes);
    if (o.homes_lcra) row["per_1000_lcra_homes"] = per_thousand(st.received.count, o.homes_lcra);
    if (o.homes_lcho) row["per_1000_lcho_homes"] = per_thousand(st.received.count, o.homes_lcho);
    ch01[s == 1 ? "stage1" : "stage2"] = std::move(row);
  }
  bj::object ch02;
  for (int s = 1; s <= 2; ++s) {
    const StageTallies& st = a.stages[static_cast<std::size_t>(s)];
    const uint64_t within = o.extensions_count_as_within ? st.within.count : st.within_original.count;
    bj::object row;
    row["responded"] = figure(st.responded, keep);
    row["within_timescale"] = within;
    row["percent"] = percent(within, st.responded.count);
    row["late"] = figure(st.late, true);
    row["within_original_timescale"] = st.within_original.count;
    row["percent_within_original_timescale"] = percent(st.within_original.count, st.responded.count);
    row["within_with_code_compliant_extension"] = st.within.count;
    row["percent_with_code_compliant_extension"] = percent(st.within.count, st.responded.count);
    ch02[s == 1 ? "stage1" : "stage2"] = std::move(row);
  }
  tsm["CH01"] = std::move(ch01);
  tsm["CH02"] = std::move(ch02);
  bj::array readings;
  readings.emplace_back(o.extensions_count_as_within
                            ? cat("CH02 counts a response inside a Code-compliant extension (", extension_caps(rules.impl()),
                                  ", given before the deadline with reasons) as within timescale; the regulator's rule is unconfirmed, so the "
                                  "figure within the original timescale is given too.")
                            : "CH02 counts only responses within the original Code timescale; the figure with Code-compliant extensions "
                              "is given too.");
  readings.emplace_back(o.withdrawn_in_ch01 ? "CH01 counts complaints withdrawn after receipt as received."
                                            : "CH01 leaves out complaints later withdrawn.");
  readings.emplace_back(o.not_accepted_in_ch01 ? "CH01 counts complaints not accepted under the Code's exclusions."
                                               : cat("CH01 leaves out complaints not accepted under the Code's exclusions",
                                                     exclusions_section(rules.impl()), "."));
  readings.emplace_back("CH02 counts responses issued in the period, whenever the complaint was received; a complaint withdrawn before a "
                        "response is not in CH02.");
  if (!o.homes) readings.emplace_back("No number of homes was given, so CH01 per 1,000 homes is not computed.");
  tsm["readings"] = std::move(readings);
  out["tsm"] = std::move(tsm);

  // Performance (Code 8.1(b)).
  bj::object perf;
  bj::array stages;
  for (int s = 1; s <= 2; ++s) {
    const StageTallies& st = a.stages[static_cast<std::size_t>(s)];
    bj::object row;
    row["stage"] = s;
    row["received"] = st.received.count;
    row["acknowledged"] = st.acknowledged.count;
    row["acknowledged_late"] = figure(st.acknowledged_late, true);
    row["responded"] = st.responded.count;
    row["extended"] = figure(st.extended, keep);
    row["median_working_days_to_acknowledge"] = optional_days(st.days_to_acknowledge.percentile(0.5));
    row["p90_working_days_to_acknowledge"] = optional_days(st.days_to_acknowledge.percentile(0.9));
    row["median_working_days_to_respond"] = optional_days(st.days_to_respond.percentile(0.5));
    row["p90_working_days_to_respond"] = optional_days(st.days_to_respond.percentile(0.9));
    bj::object decisions;
    for (const auto& [k, v] : st.decisions) decisions[k] = v;
    row["decisions"] = std::move(decisions);
    stages.push_back(std::move(row));
  }
  perf["stages"] = std::move(stages);
  perf["escalation_rate_percent"] = percent(a.stages[2].received.count, a.stages[1].responded.count);
  bj::object categories;
  for (const auto& [k, v] : a.categories) categories[k] = v;
  perf["categories"] = std::move(categories);
  bj::object refused;
  uint64_t refused_total = 0;
  for (const auto& [k, v] : a.refused_by_reason) {
    refused[k] = figure(v, true);
    refused_total += v.count;
  }
  perf["refused"] = bj::object{{"count", refused_total}, {"by_reason", std::move(refused)}};
  perf["withdrawn"] = figure(a.withdrawn, keep);
  bj::object remedies;
  remedies["offered"] = figure(a.remedies_offered, keep);
  remedies["offered_amount"] = std::round(a.remedies_offered_amount * 100.0) / 100.0;
  remedies["completed"] = figure(a.remedies_completed, keep);
  remedies["completed_amount"] = std::round(a.remedies_completed_amount * 100.0) / 100.0;
  remedies["overdue"] = figure(a.remedies_overdue, true);
  perf["remedies"] = std::move(remedies);
  bj::array open;
  static constexpr const char* buckets[] = {"0-5", "6-10", "11-20", "21-40", "41+"};
  for (std::size_t i = 0; i < a.open_by_age.size(); ++i) {
    bj::object row = figure(a.open_by_age[i], true);
    row["working_days"] = buckets[i];
    open.push_back(std::move(row));
  }
  perf["open_at_period_end_by_age"] = std::move(open);
  perf["notes"] = bj::array{"Working days to acknowledge and to respond count from receipt (stage 1) or the escalation request (stage 2).",
                            "Open cases are aged in working days since their current stage began, as of the period's last day."};
  out["performance"] = std::move(perf);

  bj::array months;
  for (int key = o.from.ymd().year * 12 + o.from.ymd().month - 1; key <= o.to.ymd().year * 12 + o.to.ymd().month - 1; ++key) {
    const auto it = a.months.find(key);
    const MonthTallies m = it != a.months.end() ? it->second : MonthTallies{};
    months.push_back(bj::object{{"month", month_label(key)},
                                {"stage1_received", m.stage1_received},
                                {"stage1_responded", m.stage1_responded},
                                {"stage1_within", m.stage1_within},
                                {"stage1_percent_within", percent(m.stage1_within, m.stage1_responded)},
                                {"stage2_received", m.stage2_received},
                                {"stage2_responded", m.stage2_responded},
                                {"stage2_within", m.stage2_within}});
  }
  out["monthly"] = std::move(months);
  out["data_issues"] = figure(a.data_issues, true);
  out["self_assessment"] = self_assessment(*this);
  return out;
}

bj::object self_assessment(const Report::Impl& r) {
  namespace bj = boost::json;
  const Accumulator& a = r.total;
  const RuleSetData& code = r.rules.impl().variants.front();
  std::map<std::string, std::size_t> counts = {{"Yes", 0}, {"Partial", 0}, {"No", 0}, {"Not assessed", 0}, {"Noted", 0}};
  bj::array rows;
  const auto judged_under = a.cases_by_rules.count(r.catalogue_code) ? a.cases_by_rules.at(r.catalogue_code) : 0;
  for (const Provision& p : r.rules.provisions()) {
    bj::object row;
    row["provision"] = p.id;
    row["section"] = p.section;
    row["title"] = p.title;
    row["requirement"] = p.text;
    row["check"] = p.check;
    std::string comply = "Not assessed";
    std::string evidence;
    std::string commentary;
    std::string source = "none";

    // From the register: provisions chc judged on the cases received in the period.
    const std::vector<const CheckSpec*> checks = code.checks_of(p.id);
    const auto tally = a.provisions.find(p.id);
    if (tally != a.provisions.end() && tally->second.pass.count + tally->second.fail.count > 0) {
      const ProvisionTally& t = tally->second;
      const uint64_t judged = t.pass.count + t.fail.count;
      const double rate = static_cast<double>(t.pass.count) / static_cast<double>(judged);
      comply = t.fail.count == 0 ? "Yes" : rate >= r.options.compliance_threshold ? "Partial" : "No";
      std::string phrase = "findings met the provision";
      for (const CheckSpec* c : code.checks_of(p.id)) {
        if (!c->counts.empty()) {
          phrase = c->counts;
          break;
        }
      }
      evidence = cat(std::to_string(t.pass.count), " of ", std::to_string(judged), " ", phrase, " (",
                     std::to_string(static_cast<long long>(std::llround(100.0 * rate))), "%), complaints received ", period_label(r.options));
      if (t.fail.count > 0) {
        std::vector<std::string_view> ids = t.fail.ids.sorted();
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::string list;
        for (std::size_t i = 0; i < ids.size() && i < 10; ++i) list += cat(i ? ", " : "", ids[i]);
        evidence += cat("; not met: ", list, ids.size() > 10 ? cat(" and ", std::to_string(ids.size() - 10), " more") : std::string());
      }
      if (t.unknown.count > 0) evidence += cat("; ", std::to_string(t.unknown.count), " more could not be judged from the log");
      source = "register";
      // Member by member: an initializer list would copy the id arrays.
      bj::object cases;
      cases["pass"] = t.pass.count;
      cases["fail"] = t.fail.count;
      cases["unknown"] = t.unknown.count;
      cases["not_applicable"] = t.not_applicable.count;
      cases["fail_ids"] = ids_of(t.fail);
      cases["unknown_ids"] = ids_of(t.unknown);
      row["cases"] = std::move(cases);
    } else if (std::any_of(checks.begin(), checks.end(),
                           [](const CheckSpec* c) { return c->kind == CheckKind::stages || c->kind == CheckKind::procedure; })) {
      // From the rule set: the procedure's shape.
      comply = static_cast<int>(code.stages.size()) <= code.max_stages ? "Yes" : "No";
      evidence = cat("The rule set ", code.name, " has ", std::to_string(code.max_stages), " stages and no others");
      source = "rules";
    }
    // Landlord targets stricter than the Code, beside the provision they tighten.
    code.for_each_clock([&](const StageSpec&, const ClockSpec& c) {
      if (c.provision == p.id && c.target) {
        commentary = cat("Landlord target: ", std::to_string(*c.target), " working days (", code.words.code_short, " allows ",
                         std::to_string(c.length), ").");
      }
    });
    // From the evidence file.
    const bj::value* given = json::find(r.evidence, p.id);
    if (given && given->is_object()) {
      const auto& e = given->get_object();
      std::string answer(e.at("comply").as_string());
      std::transform(answer.begin(), answer.end(), answer.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
      const std::string declared = answer == "yes" ? "Yes" : answer == "no" ? "No" : answer == "partial" ? "Partial" : "Noted";
      const std::string text = e.contains("evidence") && e.at("evidence").is_string() ? std::string(e.at("evidence").as_string()) : "";
      const std::string note = e.contains("commentary") && e.at("commentary").is_string() ? std::string(e.at("commentary").as_string()) : "";
      if (source == "none") {
        comply = declared;
        evidence = text;
        source = "evidence";
      } else {
        if (!text.empty()) evidence += cat(". Landlord's evidence: ", text);
        if (declared != comply) commentary += cat(commentary.empty() ? "" : " ", "The landlord declared \"", declared, "\"; the register shows \"", comply, "\".");
      }
      if (!note.empty()) commentary += cat(commentary.empty() ? "" : " ", note);
    }
    if (source == "none") {
      evidence = p.check == "case" ? "No case in the register could show this and no evidence was provided"
                                   : "No evidence provided";
    }
    counts[comply]++;
    row["comply"] = comply;
    row["evidence"] = evidence;
    row["commentary"] = commentary;
    row["source"] = source;
    rows.push_back(std::move(row));
  }
  const std::size_t total = rows.size();
  bj::array summary;
  for (const char* k : {"Yes", "Partial", "No", "Noted", "Not assessed"}) {
    summary.push_back(bj::object{{"comply", k}, {"count", counts[k]},
                                 {"percent", total ? round1(100.0 * static_cast<double>(counts[k]) / static_cast<double>(total)) : 0.0}});
  }
  bj::object out;
  out["code"] = r.catalogue_code;
  out["provisions"] = total;
  out["summary"] = std::move(summary);
  out["cases_judged_under_code"] = judged_under;
  out["method"] = cat("Provisions chc checks case by case are judged from the complaints received in the period under ", r.catalogue_code,
                      ": \"Yes\" when every judged finding met the provision, \"Partial\" when at least ",
                      std::to_string(static_cast<int>(std::lround(r.options.compliance_threshold * 100))),
                      "% did, \"No\" below that. The others come from the rule set or the landlord's evidence file; where neither "
                      "says anything the row is \"Not assessed\", never assumed.");
  out["rows"] = std::move(rows);
  return out;
}

}  // namespace chc
