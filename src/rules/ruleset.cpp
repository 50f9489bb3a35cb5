// SPDX-License-Identifier: MIT
// Rule sets as data: the chc-ruleset/2 reader (docs/rulesets.md), the
// built-in table (one entry per file of data/rulesets/), and overlays.
#include "rules/ruleset_impl.hpp"

#include <chc/near_miss.hpp>

#include "core/enum_names.hpp"
#include "core/json_util.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "embedded_data.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <mutex>
#include <set>

namespace chc {

namespace bj = boost::json;

namespace {

constexpr auto deadline_kinds = enum_names<DeadlineKind>("acknowledge", "respond", "remedy", "action");
constexpr auto check_kinds = enum_names<CheckKind>("timing", "extension", "ombudsman_details", "letter", "handler", "definition",
                                                   "time_limit", "exclusion", "escalation_refusal", "escalation_order", "stages",
                                                   "procedure", "remedy", "data");
constexpr auto clock_units = enum_names<ClockUnit>("working_days", "calendar_days");
constexpr auto countings = enum_names<Counting>("after_event", "including_event_day");
constexpr auto clock_starts = enum_names<ClockStart>("received", "acknowledged", "logged", "escalation_requested");
constexpr auto measures = enum_names<RegulatorMeasures>("none", "tsm");

constexpr std::string_view ruleset_format = "chc-ruleset/2";
constexpr std::size_t max_ruleset_bytes = 1u << 20;

// An enum read from data by its one table of names.
template <class Table>
auto parse_name(const Table& table, const bj::value& v, const json::Path& path) {
  const std::string_view text = json::as_string(v, path);
  if (const auto e = table.parse(text)) return *e;
  const std::vector<std::string_view> known(table.names.begin(), table.names.end());
  json::fail(Errc::schema, path, cat("\"", text, "\" is not one of ", table.choices(), did_you_mean_suffix(text, known)));
}

std::string string_or_empty(const bj::object& o, std::string_view key, const json::Path& path) {
  const auto* v = json::find(o, key);
  return v ? std::string(json::as_string(*v, path.key(key))) : std::string();
}

std::string required_string(const bj::object& o, std::string_view key, const json::Path& path) {
  return std::string(json::as_string(json::require(o, key, path), path.key(key)));
}

int32_t required_count(const bj::object& o, std::string_view key, const json::Path& path, int64_t least) {
  const int64_t n = json::as_int(json::require(o, key, path), path.key(key));
  if (n < least || n > 100000) json::fail(Errc::schema, path.key(key), cat(std::to_string(n), " is out of range"));
  return static_cast<int32_t>(n);
}

std::vector<Vocabulary::Term> parse_terms(const bj::object& o, std::string_view key, const json::Path& path, bool reasons) {
  std::vector<Vocabulary::Term> out;
  const auto* list = json::find(o, key);
  if (!list) return out;
  const json::Path lp = path.key(key);
  const auto& array = json::as_array(*list, lp);
  for (std::size_t i = 0; i < array.size(); ++i) {
    const json::Path ip = lp.index(i);
    const auto& t = json::as_object(array[i], ip);
    if (reasons) json::only_keys(t, ip, {"id", "label", "time_limit"});
    else json::only_keys(t, ip, {"id", "label"});
    Vocabulary::Term term{required_string(t, "id", ip), required_string(t, "label", ip)};
    if (const auto* tl = json::find(t, "time_limit")) term.time_limit = json::as_bool(*tl, ip.key("time_limit"));
    if (Vocabulary::find(out, term.id)) json::fail(Errc::schema, ip.key("id"), cat("\"", term.id, "\" is listed twice"));
    out.push_back(std::move(term));
  }
  return out;
}

StageSpec parse_stage(const bj::value& v, const json::Path& sp, std::size_t index, std::set<std::string, std::less<>>& names) {
  const auto& so = json::as_object(v, sp);
  json::only_keys(so, sp, {"stage", "name", "title", "optional", "clocks"});
  StageSpec s;
  s.stage = required_count(so, "stage", sp, 1);
  if (s.stage != static_cast<int>(index) + 1) json::fail(Errc::schema, sp.key("stage"), "stages must be listed in order from 1");
  s.name = required_string(so, "name", sp);
  s.title = string_or_empty(so, "title", sp);
  if (const auto* o = json::find(so, "optional")) s.optional = json::as_bool(*o, sp.key("optional"));
  const json::Path cp = sp.key("clocks");
  const auto& clocks = json::as_array(json::require(so, "clocks", sp), cp);
  for (std::size_t i = 0; i < clocks.size(); ++i) {
    const json::Path kp = cp.index(i);
    const auto& co = json::as_object(clocks[i], kp);
    json::only_keys(co, kp, {"deadline", "kind", "starts", "length", "unit", "counting"});
    ClockSpec c;
    c.name = required_string(co, "deadline", kp);
    if (!names.insert(c.name).second) json::fail(Errc::schema, kp.key("deadline"), cat("a second deadline named \"", c.name, "\""));
    c.kind = parse_name(deadline_kinds, json::require(co, "kind", kp), kp.key("kind"));
    if (c.kind != DeadlineKind::acknowledge && c.kind != DeadlineKind::respond) {
      json::fail(Errc::schema, kp.key("kind"), "a stage's clocks are \"acknowledge\" or \"respond\"");
    }
    if (s.clock(c.kind)) json::fail(Errc::schema, kp.key("kind"), cat("a second \"", deadline_kinds(c.kind), "\" clock at ", s.name));
    c.starts = parse_name(clock_starts, json::require(co, "starts", kp), kp.key("starts"));
    if (c.starts == ClockStart::received && s.stage != 1) {
      json::fail(Errc::schema, kp.key("starts"), "only stage 1 starts at the receipt; later stages start at \"escalation_requested\"");
    }
    if (c.starts == ClockStart::escalation_requested && s.stage == 1) {
      json::fail(Errc::schema, kp.key("starts"), "stage 1 has no escalation request; it starts at \"received\"");
    }
    c.length = required_count(co, "length", kp, 1);
    if (const auto* u = json::find(co, "unit")) c.unit = parse_name(clock_units, *u, kp.key("unit"));
    if (const auto* n = json::find(co, "counting")) c.counting = parse_name(countings, *n, kp.key("counting"));
    s.clocks.push_back(std::move(c));
  }
  return s;
}

// A whole rule set; `code` is the error for bad data (internal for built-ins).
struct Parsed {
  RuleSetData data;
  std::vector<std::string> variants;  // a composite ("hoc"): the rule sets it chooses between
  std::string catalogue_name;
  std::optional<Catalogue> inline_catalogue;
};

ClockSpec* find_clock(RuleSetData& r, std::string_view name, StageSpec** stage = nullptr) {
  for (StageSpec& s : r.stages) {
    for (ClockSpec& c : s.clocks) {
      if (c.name == name) {
        if (stage) *stage = &s;
        return &c;
      }
    }
  }
  return nullptr;
}

void parse_checks(const bj::array& checks, const json::Path& cp, RuleSetData& r) {
  std::set<CheckKind> once;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const json::Path kp = cp.index(i);
    const auto& co = json::as_object(checks[i], kp);
    CheckSpec check;
    check.provision = required_string(co, "provision", kp);
    check.kind = parse_name(check_kinds, json::require(co, "check", kp), kp.key("check"));
    check.counts = string_or_empty(co, "counts", kp);
    auto stage_of = [&](int least) -> StageSpec& {
      const int n = required_count(co, "stage", kp, least);
      if (n > static_cast<int>(r.stages.size())) json::fail(Errc::schema, kp.key("stage"), cat("there is no stage ", std::to_string(n)));
      return r.stages[static_cast<std::size_t>(n - 1)];
    };
    auto clock_of = [&]() -> ClockSpec& {
      const std::string name = required_string(co, "deadline", kp);
      ClockSpec* c = find_clock(r, name);
      if (!c) json::fail(Errc::schema, kp.key("deadline"), cat("no clock is named \"", name, "\""));
      return *c;
    };
    auto case_level = [&](std::string& provision) {
      if (!once.insert(check.kind).second) json::fail(Errc::schema, kp.key("check"), cat("a second \"", check_kinds(check.kind), "\" check"));
      provision = check.provision;
    };
    switch (check.kind) {
      case CheckKind::timing: {
        json::only_keys(co, kp, {"provision", "check", "counts", "deadline"});
        ClockSpec& c = clock_of();
        if (!c.provision.empty()) json::fail(Errc::schema, kp.key("deadline"), cat("\"", c.name, "\" has a timing check already"));
        c.provision = check.provision;
        break;
      }
      case CheckKind::extension: {
        json::only_keys(co, kp, {"provision", "check", "counts", "deadline", "limit"});
        ClockSpec& c = clock_of();
        if (c.kind != DeadlineKind::respond) json::fail(Errc::schema, kp.key("deadline"), "only a response clock can be extended");
        if (c.extension) json::fail(Errc::schema, kp.key("deadline"), cat("\"", c.name, "\" has an extension check already"));
        ExtensionSpec x;
        x.provision = check.provision;
        const auto limit = co.find("limit");
        if (limit == co.end()) json::fail(Errc::schema, kp.key("limit"), "required field is missing (null: no fixed limit)");
        if (!limit->value().is_null()) x.limit = required_count(co, "limit", kp, 0);
        c.extension = x;
        break;
      }
      case CheckKind::ombudsman_details: {
        json::only_keys(co, kp, {"provision", "check", "counts", "deadline"});
        ClockSpec& c = clock_of();
        if (!c.extension) json::fail(Errc::schema, kp.key("deadline"), cat("\"", c.name, "\" has no extension check before this one"));
        c.extension->ombudsman_details_provision = check.provision;
        break;
      }
      case CheckKind::letter: {
        json::only_keys(co, kp, {"provision", "check", "counts", "stage", "items"});
        StageSpec& s = stage_of(1);
        if (s.letter) json::fail(Errc::schema, kp.key("stage"), cat(s.name, " has a letter check already"));
        LetterSpec letter;
        letter.provision = check.provision;
        const json::Path ip = kp.key("items");
        const auto& items = json::as_array(json::require(co, "items", kp), ip);
        for (std::size_t k = 0; k < items.size(); ++k) {
          const std::string item(json::as_string(items[k], ip.index(k)));
          if (!Vocabulary::find(r.words.letter_items, item)) {
            json::fail(Errc::schema, ip.index(k), cat("\"", item, "\" is not in vocabulary.letter_items"));
          }
          letter.items.push_back(item);
        }
        s.letter = std::move(letter);
        break;
      }
      case CheckKind::handler: {
        json::only_keys(co, kp, {"provision", "check", "counts", "stage"});
        StageSpec& s = stage_of(2);
        s.different_handler_provision = check.provision;
        break;
      }
      case CheckKind::definition: {
        json::only_keys(co, kp, {"provision", "check", "counts", "stage"});
        stage_of(1).definition_provisions.push_back(check.provision);
        break;
      }
      case CheckKind::time_limit:
        json::only_keys(co, kp, {"provision", "check", "counts", "months"});
        case_level(r.time_limit_provision);
        r.time_limit_months = required_count(co, "months", kp, 1);
        break;
      case CheckKind::stages:
        json::only_keys(co, kp, {"provision", "check", "counts", "max"});
        case_level(r.max_stages_provision);
        r.max_stages = required_count(co, "max", kp, 1);
        break;
      case CheckKind::exclusion:
      case CheckKind::escalation_refusal:
      case CheckKind::escalation_order:
      case CheckKind::procedure:
      case CheckKind::remedy: {
        json::only_keys(co, kp, {"provision", "check", "counts"});
        std::string& target = check.kind == CheckKind::exclusion            ? r.not_accepted_provision
                              : check.kind == CheckKind::escalation_refusal ? r.escalation_refused_provision
                              : check.kind == CheckKind::escalation_order   ? r.escalate_after_response_provision
                              : check.kind == CheckKind::procedure          ? r.procedure_provision
                                                                            : r.remedy_provision;
        case_level(target);
        break;
      }
      case CheckKind::data: json::fail(Errc::schema, kp.key("check"), "\"data\" is not a check a rule set can name");
    }
    r.checks.push_back(std::move(check));
  }
}

Parsed parse_ruleset(std::string_view text, const std::string& what, Errc code) {
  if (text.size() > max_ruleset_bytes) throw Error(Errc::limit, what + ": a rule set is at most 1 MiB");
  try {
    const bj::value doc = json::parse(text, what);
    const json::Path path("");
    const auto& o = json::as_object(doc, path);
    const std::string format = required_string(o, "format", path);
    if (format != ruleset_format) {
      json::fail(Errc::schema, path.key("format"), cat("\"", format, "\" is not a rule-set format chc reads (\"", ruleset_format, "\")"));
    }
    Parsed p;
    RuleSetData& r = p.data;
    r.name = required_string(o, "name", path);
    r.title = required_string(o, "title", path);
    if (const auto* list = json::find(o, "select_by_received")) {
      json::only_keys(o, path, {"format", "name", "title", "description", "select_by_received"});
      const json::Path lp = path.key("select_by_received");
      const auto& a = json::as_array(*list, lp);
      for (std::size_t i = 0; i < a.size(); ++i) p.variants.emplace_back(json::as_string(a[i], lp.index(i)));
      if (p.variants.empty()) json::fail(Errc::schema, lp, "lists no rule set");
      return p;
    }
    json::only_keys(o, path, {"format", "name", "title", "code_name", "short_name", "description", "version", "catalogue", "received_from",
                              "received_before", "default_calendar", "ombudsman", "annual_report", "regulator_measures", "direct_to_stage2", "stages",
                              "checks", "vocabulary"});
    r.version = required_string(o, "version", path);
    r.default_calendar = required_string(o, "default_calendar", path);
    r.words.code_name = string_or_empty(o, "code_name", path);
    if (r.words.code_name.empty()) r.words.code_name = "the procedure";
    r.words.code_short = string_or_empty(o, "short_name", path);
    if (r.words.code_short.empty()) r.words.code_short = r.words.code_name;
    if (const auto* d = json::find(o, "received_from")) r.received_from = json::as_date(*d, path.key("received_from"));
    if (const auto* d = json::find(o, "received_before")) r.received_before = json::as_date(*d, path.key("received_before"));
    if (const auto* d = json::find(o, "direct_to_stage2")) r.direct_to_stage2 = json::as_bool(*d, path.key("direct_to_stage2"));
    if (const auto* m = json::find(o, "regulator_measures")) r.regulator_measures = parse_name(measures, *m, path.key("regulator_measures"));
    if (const auto* c = json::find(o, "catalogue")) {
      if (c->is_object()) {
        p.inline_catalogue = catalogue_from(*c, what + ".catalogue");
        p.catalogue_name = p.inline_catalogue->code;
      } else {
        p.catalogue_name = json::as_string(*c, path.key("catalogue"));
      }
      r.catalogue = p.catalogue_name;
    }
    const json::Path op = path.key("ombudsman");
    const auto& ombudsman = json::as_object(json::require(o, "ombudsman", path), op);
    json::only_keys(ombudsman, op, {"name", "title", "contact"});
    r.words.ombudsman_name = required_string(ombudsman, "name", op);
    r.words.ombudsman_title = required_string(ombudsman, "title", op);
    r.words.ombudsman_contact = string_or_empty(ombudsman, "contact", op);
    if (const auto* a = json::find(o, "annual_report")) {
      const json::Path ap = path.key("annual_report");
      const auto& ao = json::as_object(*a, ap);
      json::only_keys(ao, ap, {"title", "performance_provision", "self_assessment_note"});
      r.words.report_title = required_string(ao, "title", ap);
      r.words.performance_provision = string_or_empty(ao, "performance_provision", ap);
      r.words.self_assessment_note = string_or_empty(ao, "self_assessment_note", ap);
    }
    if (r.words.report_title.empty()) r.words.report_title = "Annual complaints performance report";
    if (const auto* v = json::find(o, "vocabulary")) {
      const json::Path vp = path.key("vocabulary");
      const auto& vo = json::as_object(*v, vp);
      json::only_keys(vo, vp, {"letter_items", "exclusion_reasons", "decisions"});
      r.words.letter_items = parse_terms(vo, "letter_items", vp, false);
      r.words.exclusion_reasons = parse_terms(vo, "exclusion_reasons", vp, true);
      r.words.decisions = parse_terms(vo, "decisions", vp, false);
    }
    std::set<std::string, std::less<>> names;
    const json::Path sp = path.key("stages");
    const auto& stages = json::as_array(json::require(o, "stages", path), sp);
    if (stages.empty()) json::fail(Errc::schema, sp, "a procedure has at least one stage");
    for (std::size_t i = 0; i < stages.size(); ++i) r.stages.push_back(parse_stage(stages[i], sp.index(i), i, names));
    parse_checks(json::as_array(json::require(o, "checks", path), path.key("checks")), path.key("checks"), r);
    for (const StageSpec& s : r.stages) {
      for (const ClockSpec& c : s.clocks) {
        if (c.provision.empty()) json::fail(Errc::schema, path.key("checks"), cat("no timing check names the clock \"", c.name, "\""));
      }
    }
    for (std::size_t i = 0; i < r.checks.size(); ++i) {
      const std::string& provision = r.checks[i].provision;
      if (std::none_of(r.ranks.begin(), r.ranks.end(), [&](const auto& k) { return k.provision == provision; })) {
        r.ranks.push_back({RuleSetData::short_key(provision), provision, i});
      }
    }
    if (r.max_stages == 0) r.max_stages = static_cast<int>(r.stages.size());
    if (static_cast<int>(r.stages.size()) > r.max_stages) {
      json::fail(Errc::schema, sp, cat("defines ", std::to_string(r.stages.size()), " stages; its stages check allows ", std::to_string(r.max_stages)));
    }
    return p;
  } catch (const Error& e) {
    if (code == Errc::internal) throw Error(Errc::internal, cat("built-in rule set ", what, ": ", e.what()));
    throw;
  }
}

// Every provision a check names is in the Code's catalogue.
void check_against_catalogue(const RuleSetData& r, const Catalogue& catalogue, const std::string& what, Errc code) {
  if (catalogue.provisions.empty()) return;
  for (const CheckSpec& c : r.checks) {
    if (!catalogue.find(c.provision)) {
      throw Error(code, cat(what, ": checks: provision \"", c.provision, "\" is not in the catalogue \"", catalogue.code, "\""));
    }
  }
}

struct Builtins {
  std::map<std::string, Parsed, std::less<>> sets;  // by name
  std::vector<std::string> names;                  // composites first, then by name
};

const Builtins& builtins() {
  static const Builtins table = [] {
    Builtins b;
    for (const embedded::File& f : embedded::rulesets()) {
      Parsed p = parse_ruleset(f.text(), std::string(f.name) + ".json", Errc::internal);
      if (p.data.name != f.name) throw Error(Errc::internal, cat("data/rulesets/", f.name, ".json names itself \"", p.data.name, "\""));
      b.names.push_back(p.data.name);
      b.sets.emplace(p.data.name, std::move(p));
    }
    // Each composite, then the Codes it chooses between in its order, then the rest.
    std::vector<std::string> ordered;
    auto add = [&](const std::string& n) {
      if (std::find(ordered.begin(), ordered.end(), n) == ordered.end()) ordered.push_back(n);
    };
    for (const std::string& n : b.names) {
      if (b.sets.at(n).variants.empty()) continue;
      add(n);
      for (const std::string& v : b.sets.at(n).variants) add(v);
    }
    for (const std::string& n : b.names) add(n);
    b.names = std::move(ordered);
    return b;
  }();
  return table;
}

[[noreturn]] void unknown_rule_set(std::string_view name) {
  const auto& names = builtins().names;
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) list += cat(i ? ", " : "", names[i]);
  throw Error(Errc::unknown_name, cat("unknown rule set \"", name, "\"", did_you_mean_suffix(name, {names.begin(), names.end()}),
                                      " (built-in rule sets: ", list, ")"));
}

std::shared_ptr<const Catalogue> empty_catalogue() {
  static const auto none = std::make_shared<const Catalogue>();
  return none;
}

std::shared_ptr<const Catalogue> catalogue_of(const Parsed& p, const std::string& what, Errc code) {
  std::shared_ptr<const Catalogue> catalogue = empty_catalogue();
  if (p.inline_catalogue) catalogue = std::make_shared<const Catalogue>(*p.inline_catalogue);
  else if (!p.catalogue_name.empty()) catalogue = builtin_catalogue(p.catalogue_name);
  check_against_catalogue(p.data, *catalogue, what, code);
  return catalogue;
}

std::shared_ptr<const RuleSet::Impl> make_builtin(std::string_view name) {
  const Builtins& b = builtins();
  const auto it = b.sets.find(name);
  if (it == b.sets.end()) unknown_rule_set(name);
  auto impl = std::make_shared<RuleSet::Impl>();
  impl->name = std::string(name);
  impl->title = it->second.data.title;
  if (it->second.variants.empty()) {
    impl->variants = {it->second.data};
    impl->version = it->second.data.version;
    impl->catalogue = catalogue_of(it->second, std::string(name), Errc::internal);
  } else {
    for (const std::string& v : it->second.variants) {
      const auto member = b.sets.find(v);
      if (member == b.sets.end() || !member->second.variants.empty()) {
        throw Error(Errc::internal, cat("built-in rule set ", name, ": \"", v, "\" is not a built-in Code"));
      }
      impl->variants.push_back(member->second.data);
      impl->version += cat(impl->version.empty() ? "" : "+", member->second.data.version);
    }
    impl->catalogue = catalogue_of(b.sets.at(it->second.variants.front()), it->second.variants.front(), Errc::internal);
  }
  return impl;
}

// "17:00" -> 1020
int parse_clock(std::string_view text, const json::Path& path) {
  const bool shape = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                     std::isdigit(static_cast<unsigned char>(text[1])) && std::isdigit(static_cast<unsigned char>(text[3])) &&
                     std::isdigit(static_cast<unsigned char>(text[4]));
  const int hours = shape ? (text[0] - '0') * 10 + (text[1] - '0') : 99;
  const int minutes = shape ? (text[3] - '0') * 10 + (text[4] - '0') : 99;
  if (!shape || hours > 23 || minutes > 59) json::fail(Errc::schema, path, cat("\"", text, "\" is not a time of day HH:MM"));
  return hours * 60 + minutes;
}

RuleSet overlay_from_json(const bj::object& o) {
  const json::Path path("overlay");
  json::only_keys(o, path, {"name", "base", "targets", "receipt", "description", "version"});
  const std::string base = required_string(o, "base", path);
  const RuleSet base_set = [&] {
    try {
      return RuleSet::builtin(base);
    } catch (const Error& e) {
      json::fail(e.code(), path.key("base"), e.what());
    }
  }();
  auto impl = std::make_shared<RuleSet::Impl>(base_set.impl());
  impl->overlay_name = string_or_empty(o, "name", path);
  if (impl->overlay_name.empty()) impl->overlay_name = base + "+overlay";
  impl->name = impl->overlay_name;
  if (const auto* t = json::find(o, "targets")) {
    const json::Path tp = path.key("targets");
    for (const auto& kv : json::as_object(*t, tp)) {
      const json::Path kp = tp.key(kv.key());
      const bj::value& value = kv.value().is_object() ? json::require(kv.value().get_object(), "working_days", kp) : kv.value();
      const int64_t days = json::as_int(value, kp);
      if (days < 1) json::fail(Errc::invalid_argument, kp, "a target must be at least 1 working day");
      bool found = false;
      std::vector<std::string_view> names;
      for (RuleSetData& r : impl->variants) {
        for (StageSpec& stage : r.stages) {
          for (ClockSpec& c : stage.clocks) {
            names.push_back(c.name);
            if (c.name != kv.key()) continue;
            found = true;
            if (days > c.length) {
              json::fail(Errc::invalid_argument, kp,
                         cat(std::to_string(days), " working days is looser than the Code's ", std::to_string(c.length), " (", c.provision,
                             impl->variants.size() > 1 ? ", " + r.name : std::string(), "); a landlord target may only be stricter"));
            }
            c.target = static_cast<int32_t>(days);
          }
        }
      }
      if (!found) {
        json::fail(Errc::schema, kp, cat("no deadline of that name in ", base, did_you_mean_suffix(kv.key(), names)));
      }
    }
  }
  if (const auto* rp = json::find(o, "receipt")) {
    const json::Path pp = path.key("receipt");
    const auto& ro = json::as_object(*rp, pp);
    json::only_keys(ro, pp, {"non_working_day", "cutoff"});
    ReceiptPolicy policy;
    if (const auto* nw = json::find(ro, "non_working_day")) {
      const std::string_view v = json::as_string(*nw, pp.key("non_working_day"));
      if (v == "next_working_day") policy.next_working_day = true;
      else if (v != "same_day") json::fail(Errc::schema, pp.key("non_working_day"), "expected \"same_day\" or \"next_working_day\"");
    }
    if (const auto* c = json::find(ro, "cutoff")) policy.cutoff_minute = parse_clock(json::as_string(*c, pp.key("cutoff")), pp.key("cutoff"));
    for (RuleSetData& r : impl->variants) r.receipt = policy;
  }
  impl->version = impl->version + "+" + impl->overlay_name;
  return RuleSet(std::move(impl));
}

}  // namespace

const char* deadline_kind_name(DeadlineKind k) noexcept { return deadline_kinds(k); }
const char* check_kind_name(CheckKind k) noexcept { return check_kinds(k); }
const char* clock_unit_name(ClockUnit u) noexcept { return clock_units(u); }
const char* counting_name(Counting c) noexcept { return countings(c); }
const char* clock_start_name(ClockStart s) noexcept { return clock_starts(s); }
const char* regulator_measures_name(RegulatorMeasures m) noexcept { return measures(m); }

Date ClockSpec::due(const Calendar& cal, Date from, int32_t n) const {
  // "Beginning with the day of" the event: day 1 is the event day itself,
  // which is the after-event count from the day before.
  const Date zero = counting == Counting::including_event_day ? from - 1 : from;
  return unit == ClockUnit::working_days ? cal.add_working_days(zero, n) : zero + n;
}

int32_t ClockSpec::elapsed(const Calendar& cal, Date from, Date to) const {
  const Date zero = counting == Counting::including_event_day ? from - 1 : from;
  return unit == ClockUnit::working_days ? cal.count_working_days(zero, to) : to - zero;
}

std::vector<const CheckSpec*> RuleSetData::checks_of(std::string_view provision) const {
  std::vector<const CheckSpec*> out;
  for (const CheckSpec& c : checks) {
    if (c.provision == provision) out.push_back(&c);
  }
  return out;
}

// Where the rule set first lists a check of this provision: findings are ordered by it.
std::size_t RuleSetData::rank(std::string_view provision) const {
  const uint64_t key = short_key(provision);  // 0: too long to be a key, so compared as text
  for (const Rank& r : ranks) {
    if (key ? r.key == key : r.provision == provision) return r.index;
  }
  return checks.size();
}

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
  auto impl = make_builtin(name);
  cache.emplace(std::string(name), impl);
  return RuleSet(std::move(impl));
}

std::vector<std::string> RuleSet::builtin_names() { return builtins().names; }

RuleSet RuleSet::from_json(std::string_view text) {
  if (text.size() > max_ruleset_bytes) throw Error(Errc::limit, "rule set JSON is larger than 1 MiB");
  const bj::value doc = json::parse(text, "rule set");
  const auto& o = json::as_object(doc, "rule set");
  if (!o.contains("format") || o.contains("base")) return overlay_from_json(o);
  Parsed p = parse_ruleset(text, "rule set", Errc::schema);
  if (!p.variants.empty()) throw Error(Errc::schema, "rule set: select_by_received is for built-in rule sets only");
  auto impl = std::make_shared<Impl>();
  impl->name = p.data.name;
  impl->title = p.data.title;
  impl->version = p.data.version;
  impl->catalogue = catalogue_of(p, "rule set", Errc::schema);
  impl->variants = {std::move(p.data)};
  return RuleSet(std::move(impl));
}

const std::string& RuleSet::name() const { return impl_->name; }
std::string RuleSet::resolve(Date received) const { return impl_->select(received).name; }
std::string RuleSet::default_calendar() const { return impl_->variants.front().default_calendar; }
const std::vector<Provision>& RuleSet::provisions() const { return impl_->catalogue->provisions; }
const std::vector<Section>& RuleSet::sections() const { return impl_->catalogue->sections; }

std::string RuleSet::info_json() const {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("name").value(impl_->name);
  w.key("title").value(impl_->title);
  w.key("version").value(impl_->version);
  w.key("rule_sets").begin_array();
  for (const RuleSetData& r : impl_->variants) {
    w.begin_object();
    w.key("name").value(r.name);
    w.key("title").value(r.title);
    w.key("version").value(r.version);
    w.key("default_calendar").value(r.default_calendar);
    if (r.received_from) w.key("received_from").value(*r.received_from);
    if (r.received_before) w.key("received_before").value(*r.received_before);
    w.key("max_stages").value(r.max_stages);
    w.key("ombudsman").begin_object();
    w.key("name").value(r.words.ombudsman_name);
    w.key("title").value(r.words.ombudsman_title);
    w.key("contact").value(r.words.ombudsman_contact);
    w.end_object();
    w.key("stages").begin_array();
    for (const StageSpec& s : r.stages) {
      w.begin_object();
      w.key("stage").value(s.stage);
      w.key("name").value(s.name);
      if (!s.title.empty()) w.key("title").value(s.title);
      w.key("optional").value(s.optional);
      w.end_object();
    }
    w.end_array();
    w.key("deadlines").begin_array();
    r.for_each_clock([&](const StageSpec& s, const ClockSpec& c) {
      w.begin_object();
      w.key("name").value(c.name);
      w.key("kind").value(deadline_kind_name(c.kind));
      w.key("stage").value(s.stage);
      w.key("working_days").value(c.length);  // the length, in `unit`
      w.key("unit").value(clock_unit_name(c.unit));
      w.key("counting").value(counting_name(c.counting));
      w.key("from").value(clock_start_name(c.starts));
      w.key("provision").value(c.provision);
      if (c.target) w.key("target_working_days").value(*c.target);
      if (c.extension) {
        w.key("extension_limit");
        c.extension->limit ? w.value(*c.extension->limit) : w.null();
      }
      w.end_object();
    });
    w.end_array();
    w.key("checks").begin_array();
    for (const CheckSpec& c : r.checks) {
      w.begin_object();
      w.key("provision").value(c.provision);
      w.key("check").value(check_kind_name(c.kind));
      w.end_object();
    }
    w.end_array();
    w.key("receipt").begin_object();
    w.key("non_working_day").value(r.receipt.next_working_day ? "next_working_day" : "same_day");
    if (r.receipt.cutoff_minute) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d:%02d", *r.receipt.cutoff_minute / 60 % 24, *r.receipt.cutoff_minute % 60);
      w.key("cutoff").value(std::string_view(buf));
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

std::string RuleSet::provisions_json() const {
  std::string out;
  JsonWriter w(out);
  const Catalogue& c = *impl_->catalogue;
  w.begin_object();
  w.key("rules").value(impl_->name);
  w.key("catalogue").value(c.code);
  write_sections(w, c);
  w.key("provisions").begin_array();
  for (const Provision& p : c.provisions) {
    w.begin_object();
    w.key("id").value(p.id);
    w.key("section").value(p.section);
    w.key("title").value(p.title);
    w.key("text").value(p.text);
    w.key("check").value(p.check);
    if (!p.obligation.empty()) w.key("obligation").value(p.obligation);
    if (!p.items.empty()) {
      w.key("items").begin_array();
      for (const auto& [id, text] : p.items) {
        w.begin_object();
        w.key("id").value(id);
        w.key("text").value(text);
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

}  // namespace chc
