// SPDX-License-Identifier: MIT
#include "calendar/calendar_json.hpp"

#include "calendar/calendar_impl.hpp"
#include "calendar/divisions.hpp"
#include "core/json_util.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace chc {

namespace bj = boost::json;

namespace {

// Documented limits (docs/calendars.md): a calendar JSON document describes at
// most this many closure or removed days in all.
constexpr std::size_t max_listed_days = 110000;
constexpr std::size_t max_calendar_json_bytes = 16u << 20;

const std::set<std::string_view> known_keys = {"name", "base", "working_week", "closures", "extra_bank_holidays",
                                               "removed", "govuk", "data_version", "description"};

uint8_t parse_working_week(const bj::value& v, const std::string& path) {
  static constexpr std::string_view names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  uint8_t mask = 0;
  const auto& days = json::as_array(v, path);
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string item_path = json::element(path, i);
    std::string name(json::as_string(days[i], item_path));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    int found = -1;
    for (int d = 0; d < 7; ++d) {
      const auto full = names[d];
      if (name == full || (name.size() == 3 && full.substr(0, 3) == name)) found = d;
    }
    if (found < 0) json::fail(Errc::schema, item_path, "\"" + name + "\" is not a weekday (use monday..sunday or mon..sun)");
    mask = static_cast<uint8_t>(mask | (1u << found));
  }
  if (mask == 0) json::fail(Errc::invalid_argument, path, "a working week needs at least one day");
  return mask;
}

Date in_range_date(const bj::value& v, const std::string& path) {
  const Date d = json::as_date(v, path);
  if (d < Calendar::first_supported_day() || d > Calendar::last_supported_day()) {
    json::fail(Errc::range, path, d.iso() + " is outside the supported range " + Calendar::first_supported_day().iso() + " to " +
                                      Calendar::last_supported_day().iso());
  }
  return d;
}

std::string optional_string(const bj::object& o, std::string_view key, const std::string& path) {
  const auto* v = json::find(o, key);
  return v ? std::string(json::as_string(*v, json::field(path, key))) : std::string();
}

// closures / extra_bank_holidays: [{"date", "name"} | {"from", "to", "name"}]
void parse_named_days(const bj::value& v, const std::string& path, DayKind kind, std::vector<detail::BankHoliday>& out,
                      std::size_t& budget) {
  const auto& items = json::as_array(v, path);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_path = json::element(path, i);
    const auto& o = json::as_object(items[i], item_path);
    const std::string name(json::as_string(json::require(o, "name", item_path), json::field(item_path, "name")));
    if (name.empty()) json::fail(Errc::schema, json::field(item_path, "name"), "must not be empty");
    const std::string notes = optional_string(o, "notes", item_path);
    Date from, to;
    if (const auto* d = json::find(o, "date")) {
      from = to = in_range_date(*d, json::field(item_path, "date"));
    } else {
      from = in_range_date(json::require(o, "from", item_path), json::field(item_path, "from"));
      to = in_range_date(json::require(o, "to", item_path), json::field(item_path, "to"));
      if (to < from) json::fail(Errc::invalid_argument, json::field(item_path, "to"), to.iso() + " is before from " + from.iso());
    }
    const auto days = static_cast<std::size_t>(to - from) + 1;
    if (days > budget) json::fail(Errc::limit, item_path, "calendar lists more than " + std::to_string(max_listed_days) + " days");
    budget -= days;
    for (Date d = from; d <= to; d = d + 1) {
      out.push_back({d, kind, HolidaySource::landlord, name, notes, std::nullopt});
    }
  }
}

void merge_govuk(CalendarSpec& spec, const bj::value& doc, const std::string& path) {
  const auto& root = json::as_object(doc, path);
  const auto* entry = json::find(root, spec.base);
  if (!entry) {
    std::string present;
    for (const auto& kv : root) present += (present.empty() ? "" : ", ") + std::string(kv.key());
    json::fail(Errc::schema, path, "the document has no \"" + spec.base + "\" division (it has: " +
                                       (present.empty() ? "nothing" : present) + ")");
  }
  const std::string entry_path = json::field(path, spec.base);
  const auto& events =
      json::as_array(json::require(json::as_object(*entry, entry_path), "events", entry_path), json::field(entry_path, "events"));
  const std::string events_path = json::field(entry_path, "events");
  std::map<int, std::vector<detail::ListedHoliday>> by_year;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string item_path = json::element(events_path, i);
    const auto& o = json::as_object(events[i], item_path);
    const Date date = json::as_date(json::require(o, "date", item_path), json::field(item_path, "date"));
    std::string title(json::as_string(json::require(o, "title", item_path), json::field(item_path, "title")));
    std::string notes = optional_string(o, "notes", item_path);
    if (date < Calendar::first_supported_day() || date > Calendar::last_supported_day()) {
      spec.warnings.push_back(item_path + ": " + date.iso() + " is outside the supported range and was ignored");
      continue;
    }
    auto& year = by_year[date.year()];
    const bool duplicate = std::any_of(year.begin(), year.end(), [&](const auto& l) { return l.date == date && l.title == title; });
    if (!duplicate) year.push_back({date, std::move(title), std::move(notes)});
  }
  if (by_year.empty()) json::fail(Errc::schema, events_path, "the document lists no bank holidays for " + spec.base);
  // Replace exactly the years the document covers; every other year stays.
  std::erase_if(spec.bank_holidays, [&](const detail::BankHoliday& h) { return by_year.count(h.date.year()) != 0; });
  for (auto& [year, listed] : by_year) {
    std::sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    for (auto& h : detail::classify_listed(spec.base, year, listed, HolidaySource::imported)) spec.bank_holidays.push_back(std::move(h));
  }
  std::stable_sort(spec.bank_holidays.begin(), spec.bank_holidays.end(),
                   [](const detail::BankHoliday& a, const detail::BankHoliday& b) { return a.date < b.date; });
  spec.official_through = std::max(spec.official_through, Date::from_ymd(by_year.rbegin()->first, 12, 31));
}

}  // namespace

std::string content_hash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Calendar Calendar::from_json(std::string_view text) {
  if (text.size() > max_calendar_json_bytes) {
    throw Error(Errc::limit, "calendar JSON is " + std::to_string(text.size()) + " bytes; the limit is " +
                                 std::to_string(max_calendar_json_bytes));
  }
  const bj::value doc = json::parse(text, "calendar JSON");
  const std::string root_path = "calendar";
  const auto& o = json::as_object(doc, root_path);
  const std::string base(json::as_string(json::require(o, "base", root_path), json::field(root_path, "base")));
  if (!detail::is_division(base)) {
    std::string known;
    for (const auto& n : detail::division_names()) known += (known.empty() ? "" : ", ") + n;
    json::fail(Errc::unknown_name, json::field(root_path, "base"), "unknown division \"" + base + "\" (known: " + known + ")");
  }
  const Calendar base_calendar = Calendar::builtin(base);
  CalendarSpec spec;
  const auto* govuk = json::find(o, "govuk");
  if (govuk) {
    spec = base_calendar.impl().spec();
    merge_govuk(spec, *govuk, json::field(root_path, "govuk"));
  } else {
    spec.base = base;
    spec.data_version = base_calendar.data_version();
    spec.official_through = base_calendar.info().official_through;
    spec.bank_holidays_from = base_calendar.shared_impl();
  }
  spec.name = optional_string(o, "name", root_path);
  if (spec.name.empty()) spec.name = base + "+custom";
  for (const auto& kv : o) {
    if (!known_keys.count(std::string_view(kv.key()))) {
      spec.warnings.push_back("calendar." + std::string(kv.key()) + ": unknown field ignored");
    }
  }
  if (const auto* w = json::find(o, "working_week")) spec.working_week = parse_working_week(*w, json::field(root_path, "working_week"));
  std::size_t budget = max_listed_days;
  if (const auto* c = json::find(o, "closures")) {
    parse_named_days(*c, json::field(root_path, "closures"), DayKind::landlord_closure, spec.closures, budget);
  }
  if (const auto* c = json::find(o, "extra_bank_holidays")) {
    parse_named_days(*c, json::field(root_path, "extra_bank_holidays"), DayKind::one_off, spec.closures, budget);
  }
  if (const auto* r = json::find(o, "removed")) {
    const std::string path = json::field(root_path, "removed");
    const auto& items = json::as_array(*r, path);
    if (items.size() > budget) json::fail(Errc::limit, path, "calendar lists more than " + std::to_string(max_listed_days) + " days");
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_path = json::element(path, i);
      const bj::value& item = items[i];
      spec.removed.push_back(item.is_object() ? in_range_date(json::require(item.get_object(), "date", item_path), json::field(item_path, "date"))
                                              : in_range_date(item, item_path));
    }
  }
  for (const auto& c : spec.closures) {
    if (!in_working_week(spec.working_week, c.date)) {
      spec.warnings.push_back("closure \"" + c.name + "\" on " + c.date.iso() + " falls outside the working week and changes nothing");
    }
  }
  const std::string version = optional_string(o, "data_version", root_path);
  spec.data_version = !version.empty() ? version : spec.data_version + "+" + spec.name + ":" + content_hash(text).substr(0, 12);
  return Calendar(Impl::build(std::move(spec)));
}

Calendar Calendar::with_govuk_import(std::string_view govuk_json, std::string_view data_version) const {
  if (govuk_json.size() > max_calendar_json_bytes) {
    throw Error(Errc::limit, "bank-holidays.json is " + std::to_string(govuk_json.size()) + " bytes; the limit is " +
                                 std::to_string(max_calendar_json_bytes));
  }
  if (!valid_utf8(data_version)) throw Error(Errc::invalid_argument, "data_version: not valid UTF-8");
  if (data_version.size() > 256) throw Error(Errc::limit, "data_version: longer than 256 bytes");
  const bj::value doc = json::parse(govuk_json, "bank-holidays.json");
  CalendarSpec spec = impl_->spec();
  merge_govuk(spec, doc, "bank-holidays.json");
  spec.data_version = !data_version.empty() ? std::string(data_version)
                                            : spec.data_version + "+govuk:" + content_hash(govuk_json).substr(0, 12);
  return Calendar(Impl::build(std::move(spec)));
}

bj::object holiday_to_json(const Holiday& h) {
  bj::object o;
  o["date"] = h.date.iso();
  o["weekday"] = weekday_name(h.date.weekday());
  o["name"] = h.name;
  o["kind"] = day_kind_name(h.kind);
  o["source"] = holiday_source_name(h.source);
  if (!h.notes.empty()) o["notes"] = h.notes;
  if (h.substitute_for) o["substitute_for"] = h.substitute_for->iso();
  if (h.substituted_by) o["substituted_by"] = h.substituted_by->iso();
  return o;
}

namespace {
bj::object header(const Calendar& cal, Date from, Date to) {
  bj::object o;
  o["calendar"] = cal.name();
  o["data_version"] = cal.data_version();
  o["from"] = from.iso();
  o["to"] = to.iso();
  return o;
}
}  // namespace

std::string holidays_json(const Calendar& cal, Date from, Date to) {
  bj::array list;
  for (const Holiday& h : cal.holidays(from, to)) list.push_back(holiday_to_json(h));
  bj::object o = header(cal, from, to);
  o["holidays"] = std::move(list);
  return json::serialize(o);
}

std::string explain_json(const Calendar& cal, Date from, Date to) {
  bj::array skipped;
  for (const NonWorkingDay& d : cal.explain(from, to)) {
    bj::array reasons;
    for (const Holiday& h : d.reasons) {
      bj::object r = holiday_to_json(h);
      r.erase("date");
      r.erase("weekday");
      reasons.push_back(std::move(r));
    }
    bj::object day;
    day["date"] = d.date.iso();
    day["weekday"] = weekday_name(d.date.weekday());
    day["reasons"] = std::move(reasons);
    skipped.push_back(std::move(day));
  }
  bj::object o = header(cal, from, to);
  o["working_days"] = cal.count_working_days(from, to);
  o["skipped"] = std::move(skipped);
  return json::serialize(o);
}

std::string calendar_info_json(const Calendar& cal) {
  const CalendarInfo info = cal.info();
  bj::object o;
  o["name"] = info.name;
  o["base"] = info.base;
  o["data_version"] = info.data_version;
  o["official_through"] = info.official_through.iso();
  o["rules_checked_from"] = detail::rules_checked_from();
  o["first_day"] = info.first_day.iso();
  o["last_day"] = info.last_day.iso();
  bj::array week;
  for (int d = 0; d < 7; ++d) {
    if ((info.working_week >> d) & 1u) week.push_back(bj::string(weekday_name(static_cast<Weekday>(d + 1))));
  }
  o["working_week"] = std::move(week);
  bj::array warnings;
  for (const auto& w : info.warnings) warnings.push_back(bj::string(w));
  o["warnings"] = std::move(warnings);
  o["memory_bytes"] = cal.memory_bytes();
  return json::serialize(o);
}

}  // namespace chc
