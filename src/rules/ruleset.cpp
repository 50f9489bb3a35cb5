// SPDX-License-Identifier: MIT
#include "rules/ruleset_impl.hpp"

#include "core/json_util.hpp"
#include "embedded_data.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <mutex>
#include <set>

namespace chc {

namespace bj = boost::json;

namespace {

constexpr std::size_t max_overlay_bytes = 1u << 20;

std::string optional_string(const bj::object& o, std::string_view key, const std::string& path) {
  const auto* v = json::find(o, key);
  return v ? std::string(json::as_string(*v, json::field(path, key))) : std::string();
}

std::string provision_of(const bj::object& o, std::string_view key, const std::string& path) {
  const auto* v = json::find(o, key);
  if (!v) return {};
  const std::string p = json::field(path, key);
  return std::string(json::as_string(json::require(json::as_object(*v, p), "provision", p), json::field(p, "provision")));
}

DeadlineSpec parse_deadline(const bj::value& v, const std::string& path) {
  const auto& o = json::as_object(v, path);
  DeadlineSpec d;
  d.name = json::as_string(json::require(o, "deadline", path), json::field(path, "deadline"));
  d.working_days = static_cast<int32_t>(json::as_int(json::require(o, "working_days", path), json::field(path, "working_days")));
  d.provision = json::as_string(json::require(o, "provision", path), json::field(path, "provision"));
  const std::string_view from = json::as_string(json::require(o, "from", path), json::field(path, "from"));
  if (from == "received") d.from = DeadlineSpec::From::received;
  else if (from == "acknowledgement") d.from = DeadlineSpec::From::acknowledgement;
  else if (from == "logged") d.from = DeadlineSpec::From::logged;
  else if (from == "escalation") d.from = DeadlineSpec::From::escalation;
  else json::fail(Errc::internal, json::field(path, "from"), "unknown clock start");
  return d;
}

RuleSetData parse_ruleset(std::string_view text, const std::string& what) {
  const bj::value doc = json::parse(text, what);
  const std::string path = what;
  const auto& o = json::as_object(doc, path);
  RuleSetData r;
  r.name = json::as_string(json::require(o, "name", path), "name");
  r.title = json::as_string(json::require(o, "title", path), "title");
  r.version = json::as_string(json::require(o, "version", path), "version");
  r.catalogue = optional_string(o, "catalogue", path);
  r.default_calendar = json::as_string(json::require(o, "default_calendar", path), "default_calendar");
  if (const auto* d = json::find(o, "received_from")) r.received_from = json::as_date(*d, "received_from");
  if (const auto* d = json::find(o, "received_before")) r.received_before = json::as_date(*d, "received_before");
  if (const auto* d = json::find(o, "direct_to_stage2")) r.direct_to_stage2 = json::as_bool(*d, "direct_to_stage2");
  const auto& max = json::as_object(json::require(o, "max_stages", path), "max_stages");
  r.max_stages = static_cast<int>(json::as_int(json::require(max, "stages", "max_stages"), "max_stages.stages"));
  r.max_stages_provision = json::as_string(json::require(max, "provision", "max_stages"), "max_stages.provision");
  if (const auto* t = json::find(o, "time_limit")) {
    const auto& limit = json::as_object(*t, "time_limit");
    r.time_limit_months = static_cast<int>(json::as_int(json::require(limit, "months", "time_limit"), "time_limit.months"));
    r.time_limit_provision = json::as_string(json::require(limit, "provision", "time_limit"), "time_limit.provision");
  }
  r.not_accepted_provision = provision_of(o, "not_accepted", path);
  r.escalation_refused_provision = provision_of(o, "escalation_refused", path);
  r.escalate_after_response_provision = provision_of(o, "escalate_after_response", path);
  r.remedy_provision = provision_of(o, "remedy", path);
  if (const auto* phrases = json::find(o, "self_assessment_phrases")) {
    for (const auto& kv : json::as_object(*phrases, "self_assessment_phrases")) {
      r.self_assessment_phrases[std::string(kv.key())] = json::as_string(kv.value(), "self_assessment_phrases." + std::string(kv.key()));
    }
  }
  const auto& stages = json::as_array(json::require(o, "stages", path), "stages");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const std::string sp = json::element("stages", i);
    const auto& so = json::as_object(stages[i], sp);
    StageSpec s;
    s.stage = static_cast<int>(json::as_int(json::require(so, "stage", sp), json::field(sp, "stage")));
    if (s.stage != static_cast<int>(i) + 1) json::fail(Errc::internal, sp, "stages must be listed in order from 1");
    if (const auto* a = json::find(so, "acknowledgement")) s.acknowledgement = parse_deadline(*a, json::field(sp, "acknowledgement"));
    if (const auto* a = json::find(so, "response")) s.response = parse_deadline(*a, json::field(sp, "response"));
    s.definition_provision = provision_of(so, "definition", sp);
    s.different_handler_provision = provision_of(so, "different_handler", sp);
    if (const auto* e = json::find(so, "extension")) {
      const std::string ep = json::field(sp, "extension");
      const auto& eo = json::as_object(*e, ep);
      ExtensionSpec x;
      if (const auto* l = json::find(eo, "limit")) x.limit = static_cast<int32_t>(json::as_int(*l, json::field(ep, "limit")));
      x.provision = json::as_string(json::require(eo, "provision", ep), json::field(ep, "provision"));
      x.ombudsman_details_provision = optional_string(eo, "ombudsman_details", ep);
      s.extension = x;
    }
    if (const auto* l = json::find(so, "letter")) {
      const std::string lp = json::field(sp, "letter");
      const auto& lo = json::as_object(*l, lp);
      LetterSpec letter;
      letter.provision = json::as_string(json::require(lo, "provision", lp), json::field(lp, "provision"));
      for (const auto& item : json::as_array(json::require(lo, "items", lp), json::field(lp, "items"))) {
        letter.items.emplace_back(json::as_string(item, json::field(lp, "items")));
      }
      s.letter = letter;
    }
    r.stages.push_back(std::move(s));
  }
  return r;
}

const RuleSetData& builtin_data(std::string_view name) {
  static const RuleSetData hoc2024 = parse_ruleset(embedded::ruleset_hoc_2024(), "hoc-2024.json");
  static const RuleSetData hoc2022 = parse_ruleset(embedded::ruleset_hoc_2022(), "hoc-2022.json");
  static const RuleSetData spso = parse_ruleset(embedded::ruleset_spso(), "spso.json");
  if (name == "hoc-2024") return hoc2024;
  if (name == "hoc-2022") return hoc2022;
  if (name == "spso") return spso;
  throw Error(Errc::unknown_name, "unknown rule set \"" + std::string(name) + "\" (built-in rule sets: hoc, hoc-2024, hoc-2022, spso)");
}

std::shared_ptr<const RuleSet::Impl> make_builtin(std::string_view name) {
  auto impl = std::make_shared<RuleSet::Impl>();
  impl->name = std::string(name);
  if (name == "hoc") {
    impl->variants = {builtin_data("hoc-2024"), builtin_data("hoc-2022")};
    impl->title = "Housing Ombudsman Complaint Handling Code (2024 from 1 April 2024, 2022 before)";
    impl->version = impl->variants[0].version + "+" + impl->variants[1].version;
  } else {
    impl->variants = {builtin_data(name)};
    impl->title = impl->variants[0].title;
    impl->version = impl->variants[0].version;
  }
  if (!impl->variants[0].catalogue.empty()) impl->catalogue = provision_catalogue(impl->variants[0].catalogue);
  return impl;
}

// "17:00" -> 1020
int parse_clock(std::string_view text, const std::string& path) {
  const bool shape = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                     std::isdigit(static_cast<unsigned char>(text[1])) && std::isdigit(static_cast<unsigned char>(text[3])) &&
                     std::isdigit(static_cast<unsigned char>(text[4]));
  const int hours = shape ? (text[0] - '0') * 10 + (text[1] - '0') : 99;
  const int minutes = shape ? (text[3] - '0') * 10 + (text[4] - '0') : 99;
  if (!shape || hours > 23 || minutes > 59) json::fail(Errc::schema, path, "\"" + std::string(text) + "\" is not a time of day HH:MM");
  return hours * 60 + minutes;
}

}  // namespace

const RuleSetData& RuleSet::Impl::select(Date received) const {
  for (const RuleSetData& r : variants) {
    if (r.received_from && received < *r.received_from) continue;
    if (r.received_before && received >= *r.received_before) continue;
    return r;
  }
  return variants.front();
}

RuleSet RuleSet::builtin(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Impl>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (const auto it = cache.find(name); it != cache.end()) return RuleSet(it->second);
  if (name != "hoc" && name != "hoc-2024" && name != "hoc-2022" && name != "spso") builtin_data(name);  // throws
  auto impl = make_builtin(name);
  cache.emplace(std::string(name), impl);
  return RuleSet(std::move(impl));
}

std::vector<std::string> RuleSet::builtin_names() { return {"hoc", "hoc-2024", "hoc-2022", "spso"}; }

RuleSet RuleSet::from_json(std::string_view text) {
  if (text.size() > max_overlay_bytes) throw Error(Errc::limit, "rule set overlay is larger than 1 MiB");
  const bj::value doc = json::parse(text, "rule set overlay");
  const std::string path = "overlay";
  const auto& o = json::as_object(doc, path);
  const std::string base(json::as_string(json::require(o, "base", path), json::field(path, "base")));
  const RuleSet base_set = [&] {
    try {
      return RuleSet::builtin(base);
    } catch (const Error& e) {
      json::fail(e.code(), json::field(path, "base"), e.what());
    }
  }();
  auto impl = std::make_shared<Impl>(base_set.impl());
  impl->overlay_name = optional_string(o, "name", path);
  if (impl->overlay_name.empty()) impl->overlay_name = base + "+overlay";
  impl->name = impl->overlay_name;
  for (const auto& kv : o) {
    static const std::set<std::string_view> known = {"name", "base", "targets", "receipt", "description", "version"};
    if (!known.count(std::string_view(kv.key()))) json::fail(Errc::schema, json::field(path, kv.key()), "unknown overlay field");
  }
  if (const auto* t = json::find(o, "targets")) {
    const std::string tp = json::field(path, "targets");
    for (const auto& kv : json::as_object(*t, tp)) {
      const std::string kp = json::field(tp, kv.key());
      const bj::value& value = kv.value().is_object() ? json::require(kv.value().get_object(), "working_days", kp) : kv.value();
      const int64_t days = json::as_int(value, kp);
      if (days < 1) json::fail(Errc::invalid_argument, kp, "a target must be at least 1 working day");
      bool found = false;
      for (RuleSetData& r : impl->variants) {
        for (StageSpec& stage : r.stages) {
          stage.for_each_deadline([&](DeadlineSpec& d) {
            if (d.name != kv.key()) return;
            found = true;
            if (days > d.working_days) {
              json::fail(Errc::invalid_argument, kp,
                         std::to_string(days) + " working days is looser than the Code's " + std::to_string(d.working_days) + " (" +
                             d.provision + (impl->variants.size() > 1 ? ", " + r.name : "") + "); a landlord target may only be stricter");
            }
            d.target = static_cast<int32_t>(days);
          });
        }
      }
      if (!found) json::fail(Errc::schema, kp, "no deadline of that name in " + base);
    }
  }
  if (const auto* rp = json::find(o, "receipt")) {
    const std::string pp = json::field(path, "receipt");
    const auto& ro = json::as_object(*rp, pp);
    ReceiptPolicy policy;
    if (const auto* nw = json::find(ro, "non_working_day")) {
      const std::string_view v = json::as_string(*nw, json::field(pp, "non_working_day"));
      if (v == "next_working_day") policy.next_working_day = true;
      else if (v != "same_day") json::fail(Errc::schema, json::field(pp, "non_working_day"), "expected \"same_day\" or \"next_working_day\"");
    }
    if (const auto* c = json::find(ro, "cutoff")) policy.cutoff_minute = parse_clock(json::as_string(*c, json::field(pp, "cutoff")), json::field(pp, "cutoff"));
    for (RuleSetData& r : impl->variants) r.receipt = policy;
  }
  impl->version = impl->version + "+" + impl->overlay_name;
  return RuleSet(std::move(impl));
}

const std::string& RuleSet::name() const { return impl_->name; }
std::string RuleSet::resolve(Date received) const { return impl_->select(received).name; }
std::string RuleSet::default_calendar() const { return impl_->variants.front().default_calendar; }
const std::vector<Provision>& RuleSet::provisions() const { return impl_->catalogue; }

std::string RuleSet::info_json() const {
  bj::object o;
  o["name"] = impl_->name;
  o["title"] = impl_->title;
  o["version"] = impl_->version;
  bj::array variants;
  for (const RuleSetData& r : impl_->variants) {
    bj::object v;
    v["name"] = r.name;
    v["title"] = r.title;
    v["version"] = r.version;
    v["default_calendar"] = r.default_calendar;
    if (r.received_from) v["received_from"] = r.received_from->iso();
    if (r.received_before) v["received_before"] = r.received_before->iso();
    v["max_stages"] = r.max_stages;
    bj::array deadlines;
    for (const StageSpec& s : r.stages) {
      s.for_each_deadline([&](const DeadlineSpec& d) {
        static constexpr const char* from_names[] = {"received", "acknowledgement", "logged", "escalation"};
        bj::object dj;
        dj["name"] = d.name;
        dj["stage"] = s.stage;
        dj["working_days"] = d.working_days;
        dj["from"] = from_names[static_cast<int>(d.from)];
        dj["provision"] = d.provision;
        if (d.target) dj["target_working_days"] = *d.target;
        if (&d == (s.response ? &*s.response : nullptr) && s.extension) {
          if (s.extension->limit) dj["extension_limit"] = *s.extension->limit;
          else dj["extension_limit"] = nullptr;
        }
        deadlines.push_back(std::move(dj));
      });
    }
    v["deadlines"] = std::move(deadlines);
    bj::object receipt;
    receipt["non_working_day"] = r.receipt.next_working_day ? "next_working_day" : "same_day";
    if (r.receipt.cutoff_minute) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d:%02d", *r.receipt.cutoff_minute / 60 % 24, *r.receipt.cutoff_minute % 60);
      receipt["cutoff"] = buf;
    }
    v["receipt"] = std::move(receipt);
    variants.push_back(std::move(v));
  }
  o["rule_sets"] = std::move(variants);
  return json::serialize(o);
}

std::string RuleSet::provisions_json() const {
  bj::array list;
  for (const Provision& p : impl_->catalogue) {
    bj::object o;
    o["id"] = p.id;
    o["section"] = p.section;
    o["title"] = p.title;
    o["text"] = p.text;
    o["check"] = p.check;
    if (!p.items.empty()) {
      bj::array items;
      for (const auto& [id, text] : p.items) items.push_back(bj::object{{"id", id}, {"text", text}});
      o["items"] = std::move(items);
    }
    list.push_back(std::move(o));
  }
  bj::object o;
  o["rules"] = impl_->name;
  o["catalogue"] = impl_->variants.front().catalogue;
  o["provisions"] = std::move(list);
  return json::serialize(o);
}

}  // namespace chc
