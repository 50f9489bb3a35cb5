// SPDX-License-Identifier: MIT
#include "calendar/divisions.hpp"

#include "calendar/easter.hpp"
#include "core/csv.hpp"
#include "core/json_util.hpp"
#include "embedded_data.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <climits>
#include <map>
#include <sstream>

namespace chc::detail {
namespace {

namespace greg = boost::gregorian;

struct Rule {
  enum class Type { fixed, easter, nth_weekday };
  std::string name;
  Type type = Type::fixed;
  int month = 0;
  int day = 0;
  int easter_offset = 0;
  greg::greg_weekday::weekday_enum weekday = greg::Monday;
  int nth = 0;  // 1..4, or -1 for the last
  int offset = 0;
  // On a weekend: stay (none), take the next free weekday (next_free), or take
  // the next weekday even from a fixed-date holiday, which then moves on (displace).
  enum class Substitute { none, next_free, displace } substitute = Substitute::none;
  int from = INT_MIN;
  int until = INT_MAX;
  std::string source;  // where the rule is documented, when the data names it
};

struct OneOff {
  Date date;
  std::string name;
  std::string notes;
  std::optional<Date> replaces;
  std::vector<std::string> divisions;  // empty: every division
  std::string source;
};

struct Division {
  std::string name;
  std::string title;
  std::vector<Rule> rules;
  std::vector<ListedHoliday> official;  // by date
};

struct Data {
  std::string data_version;
  int rules_checked_from = 0;
  std::vector<Division> divisions;
  std::vector<OneOff> one_offs;
  std::vector<std::string> names;
  Date official_through;
};

greg::greg_weekday::weekday_enum parse_weekday(std::string_view name, const std::string& path) {
  static constexpr std::pair<std::string_view, greg::greg_weekday::weekday_enum> names[] = {
      {"monday", greg::Monday},   {"tuesday", greg::Tuesday}, {"wednesday", greg::Wednesday}, {"thursday", greg::Thursday},
      {"friday", greg::Friday},   {"saturday", greg::Saturday}, {"sunday", greg::Sunday}};
  for (const auto& [n, w] : names) {
    if (n == name) return w;
  }
  json::fail(Errc::internal, path, "unknown weekday");
}

Rule parse_rule(const json::bj::value& v, const std::string& path) {
  const auto& o = json::as_object(v, path);
  Rule r;
  r.name = json::as_string(json::require(o, "name", path), json::field(path, "name"));
  if (const auto* d = json::find(o, "date")) {
    const std::string_view md = json::as_string(*d, json::field(path, "date"));
    if (md.size() != 5 || md[2] != '-') json::fail(Errc::internal, json::field(path, "date"), "expected MM-DD");
    r.type = Rule::Type::fixed;
    r.month = (md[0] - '0') * 10 + (md[1] - '0');
    r.day = (md[3] - '0') * 10 + (md[4] - '0');
  } else if (const auto* e = json::find(o, "easter")) {
    r.type = Rule::Type::easter;
    r.easter_offset = static_cast<int>(json::as_int(*e, json::field(path, "easter")));
  } else {
    r.type = Rule::Type::nth_weekday;
    r.month = static_cast<int>(json::as_int(json::require(o, "month", path), json::field(path, "month")));
    r.weekday = parse_weekday(json::as_string(json::require(o, "weekday", path), json::field(path, "weekday")),
                              json::field(path, "weekday"));
    r.nth = static_cast<int>(json::as_int(json::require(o, "nth", path), json::field(path, "nth")));
  }
  if (const auto* x = json::find(o, "offset")) r.offset = static_cast<int>(json::as_int(*x, json::field(path, "offset")));
  if (const auto* x = json::find(o, "substitute")) {
    if (x->is_string() && x->get_string() == "displace") {
      r.substitute = Rule::Substitute::displace;
    } else if (json::as_bool(*x, json::field(path, "substitute"))) {
      r.substitute = Rule::Substitute::next_free;
    }
  }
  if (const auto* x = json::find(o, "from")) r.from = static_cast<int>(json::as_int(*x, json::field(path, "from")));
  if (const auto* x = json::find(o, "until")) r.until = static_cast<int>(json::as_int(*x, json::field(path, "until")));
  if (const auto* x = json::find(o, "source")) r.source = json::as_string(*x, json::field(path, "source"));
  return r;
}

Data load() {
  Data data;
  const auto doc = json::parse(embedded::divisions_json(), "divisions.json");
  const auto& root = json::as_object(doc, "divisions.json");
  data.data_version = json::as_string(json::require(root, "data_version", "divisions.json"), "data_version");
  data.rules_checked_from = static_cast<int>(json::as_int(json::require(root, "rules_checked_from", ""), "rules_checked_from"));
  const auto& divisions = json::as_array(json::require(root, "divisions", ""), "divisions");
  for (std::size_t i = 0; i < divisions.size(); ++i) {
    const std::string path = json::element("divisions", i);
    const auto& o = json::as_object(divisions[i], path);
    Division d;
    d.name = json::as_string(json::require(o, "name", path), json::field(path, "name"));
    d.title = json::as_string(json::require(o, "title", path), json::field(path, "title"));
    const auto& rules = json::as_array(json::require(o, "rules", path), json::field(path, "rules"));
    for (std::size_t j = 0; j < rules.size(); ++j) d.rules.push_back(parse_rule(rules[j], json::element(json::field(path, "rules"), j)));
    data.names.push_back(d.name);
    data.divisions.push_back(std::move(d));
  }
  const auto& one_offs = json::as_array(json::require(root, "one_offs", ""), "one_offs");
  for (std::size_t i = 0; i < one_offs.size(); ++i) {
    const std::string path = json::element("one_offs", i);
    const auto& o = json::as_object(one_offs[i], path);
    OneOff x;
    x.date = json::as_date(json::require(o, "date", path), json::field(path, "date"));
    x.name = json::as_string(json::require(o, "name", path), json::field(path, "name"));
    if (const auto* n = json::find(o, "notes")) x.notes = json::as_string(*n, json::field(path, "notes"));
    if (const auto* r = json::find(o, "replaces")) x.replaces = json::as_date(*r, json::field(path, "replaces"));
    if (const auto* r = json::find(o, "source")) x.source = json::as_string(*r, json::field(path, "source"));
    if (const auto* ds = json::find(o, "divisions")) {
      for (const auto& dv : json::as_array(*ds, json::field(path, "divisions"))) {
        x.divisions.emplace_back(json::as_string(dv, json::field(path, "divisions")));
      }
    }
    data.one_offs.push_back(std::move(x));
  }

  std::istringstream text{std::string(embedded::official_csv())};
  CsvReader csv(text);
  std::vector<std::string> row;
  uint64_t line = 0;
  csv.next(row, line);  // the header
  while (csv.next(row, line)) {
    if (row.size() == 1 && row[0].empty()) continue;
    if (row.size() != 4) throw Error(Errc::internal, "bank-holidays-official.csv line " + std::to_string(line) + ": expected 4 fields");
    auto it = std::find_if(data.divisions.begin(), data.divisions.end(), [&](const Division& d) { return d.name == row[0]; });
    if (it == data.divisions.end()) throw Error(Errc::internal, "bank-holidays-official.csv: unknown division " + row[0]);
    const Date date = Date::parse(row[1]);
    it->official.push_back({date, row[2], row[3]});
    data.official_through = std::max(data.official_through, Date::from_ymd(date.year(), 12, 31));
  }
  for (auto& d : data.divisions) {
    std::sort(d.official.begin(), d.official.end(), [](const ListedHoliday& a, const ListedHoliday& b) { return a.date < b.date; });
  }
  return data;
}

const Data& data() {
  static const Data instance = load();
  return instance;
}

const Division& division(std::string_view name) {
  for (const auto& d : data().divisions) {
    if (d.name == name) return d;
  }
  std::string known;
  for (const auto& n : data().names) known += (known.empty() ? "" : ", ") + n;
  throw Error(Errc::unknown_name, "unknown calendar \"" + std::string(name) + "\" (built-in calendars: " + known + ")");
}

Date to_date(const greg::date& d) {
  return Date(static_cast<int32_t>((d - greg::date(1970, 1, 1)).days()));
}

std::optional<Date> rule_date(const Rule& r, int year) {
  if (year < r.from || year > r.until) return std::nullopt;
  const auto y = static_cast<unsigned short>(year);
  switch (r.type) {
    case Rule::Type::fixed:
      return Date(static_cast<int32_t>(serial_from_civil(year, r.month, r.day)));
    case Rule::Type::easter:
      return easter_sunday(year) + r.easter_offset;
    case Rule::Type::nth_weekday: {
      const auto month = static_cast<unsigned short>(r.month);
      const greg::date d =
          r.nth < 0 ? greg::last_day_of_the_week_in_month(r.weekday, month).get_date(y)
                    : greg::nth_day_of_the_week_in_month(static_cast<greg::nth_day_of_the_week_in_month::week_num>(r.nth),
                                                         r.weekday, month)
                          .get_date(y);
      return to_date(d) + r.offset;
    }
  }
  return std::nullopt;
}

bool applies_to(const OneOff& x, std::string_view division_name) {
  return x.divisions.empty() || std::find(x.divisions.begin(), x.divisions.end(), division_name) != x.divisions.end();
}

}  // namespace

const std::vector<std::string>& division_names() { return data().names; }

bool is_division(std::string_view name) {
  const auto& names = data().names;
  return std::find(names.begin(), names.end(), name) != names.end();
}

const std::string& builtin_data_version() { return data().data_version; }
Date builtin_official_through() { return data().official_through; }
int rules_checked_from() { return data().rules_checked_from; }
Date verified_from() { return Date::from_ymd(data().rules_checked_from, 1, 1); }

const std::vector<ListedHoliday>& official_list(std::string_view name) { return division(name).official; }

std::vector<BankHoliday> rule_holidays(std::string_view division_name, int year, bool one_offs) {
  const Division& div = division(division_name);
  struct Placed {
    BankHoliday holiday;
    Rule::Substitute substitute;
    bool fixed_date;  // a standing fixed-date holiday, which a displacing substitute may push on
  };
  std::vector<Placed> placed;
  std::vector<Placed> on_weekend;
  for (const Rule& r : div.rules) {
    const auto d = rule_date(r, year);
    if (!d) continue;
    Placed p{{*d, DayKind::standing, HolidaySource::rules, r.name, {}, {}, {}, r.source}, r.substitute, r.type == Rule::Type::fixed};
    (r.substitute != Rule::Substitute::none && d->is_weekend() ? on_weekend : placed).push_back(std::move(p));
  }
  for (const OneOff& x : data().one_offs) {
    if (!one_offs || x.date.year() != year || !applies_to(x, division_name)) continue;
    if (x.replaces) {
      std::erase_if(placed, [&](const Placed& p) { return p.holiday.date == *x.replaces; });
    }
    placed.push_back({{x.date, DayKind::one_off, HolidaySource::rules, x.name, x.notes, {}, x.replaces, x.source},
                      Rule::Substitute::none, false});
  }
  std::stable_sort(on_weekend.begin(), on_weekend.end(),
                   [](const Placed& a, const Placed& b) { return a.holiday.date < b.holiday.date; });
  // Weekend dates in date order each take the next weekday not already a bank holiday.
  for (std::size_t next = 0; next < on_weekend.size(); ++next) {
    Placed p = on_weekend[next];
    Date candidate = p.holiday.date + 1;
    while (true) {
      if (candidate.is_weekend()) {
        candidate = candidate + 1;
        continue;
      }
      const auto taken = std::find_if(placed.begin(), placed.end(), [&](const Placed& q) { return q.holiday.date == candidate; });
      if (taken == placed.end()) break;
      if (p.substitute == Rule::Substitute::displace && taken->fixed_date && taken->holiday.kind == DayKind::standing) {
        Placed pushed = std::move(*taken);
        placed.erase(taken);
        pushed.substitute = Rule::Substitute::next_free;
        on_weekend.insert(on_weekend.begin() + static_cast<std::ptrdiff_t>(next) + 1, std::move(pushed));
        break;
      }
      candidate = candidate + 1;
    }
    p.holiday.substitute_for = p.holiday.date;
    p.holiday.date = candidate;
    p.holiday.kind = DayKind::substitute;
    p.holiday.notes = "Substitute day";
    placed.push_back(std::move(p));
  }
  std::vector<BankHoliday> out;
  out.reserve(placed.size());
  for (auto& p : placed) out.push_back(std::move(p.holiday));
  std::stable_sort(out.begin(), out.end(), [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return out;
}

std::vector<BankHoliday> classify_listed(std::string_view division_name, int year, const std::vector<ListedHoliday>& listed,
                                         HolidaySource source) {
  const auto generated = rule_holidays(division_name, year);
  std::vector<BankHoliday> standing;  // the rules without one-offs, computed only when needed
  std::vector<BankHoliday> out;
  out.reserve(listed.size());
  auto on = [](const std::vector<BankHoliday>& list, Date date) {
    return std::find_if(list.begin(), list.end(), [&](const BankHoliday& g) { return g.date == date; });
  };
  for (const ListedHoliday& l : listed) {
    BankHoliday h{l.date, DayKind::one_off, source, l.title, l.notes, {}, {}, {}};
    if (const auto match = on(generated, l.date); match != generated.end()) {
      h.kind = match->kind;
      h.substitute_for = match->substitute_for;
      h.moved_from = match->moved_from;
    } else {
      // A list giving a holiday its standing date where a one-off moved it
      // (an older copy than the announcement) lists a standing day, not a one-off.
      if (standing.empty()) standing = rule_holidays(division_name, year, false);
      if (const auto plain = on(standing, l.date); plain != standing.end()) {
        h.kind = plain->kind;
        h.substitute_for = plain->substitute_for;
      } else if (l.notes.find("Substitute") != std::string::npos) {
        h.kind = DayKind::substitute;
      }
    }
    out.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(), [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return out;
}

std::vector<BankHoliday> builtin_bank_holidays(std::string_view division_name) {
  const Division& div = division(division_name);
  std::map<int, std::vector<ListedHoliday>> official_by_year;
  for (const ListedHoliday& l : div.official) official_by_year[l.date.year()].push_back(l);
  std::vector<BankHoliday> all;
  all.reserve(3200);
  const int first_year = Calendar::first_supported_day().year();
  const int last_year = Calendar::last_supported_day().year();
  for (int year = first_year; year <= last_year; ++year) {
    const auto it = official_by_year.find(year);
    auto holidays = it != official_by_year.end() ? classify_listed(division_name, year, it->second, HolidaySource::official)
                                                 : rule_holidays(division_name, year);
    for (auto& h : holidays) all.push_back(std::move(h));
  }
  return all;
}

}  // namespace chc::detail
