// SPDX-License-Identifier: MIT
#include "calendar/calendar_json.hpp"

#include "calendar/calendar_impl.hpp"
#include "calendar/divisions.hpp"
#include "core/json_util.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"

#include <chc/near_miss.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace chc {

namespace bj = boost::json;

namespace {

// Documented limits (docs/calendars.md): a calendar JSON document describes at
// most this many closure or removed days in all.
constexpr std::size_t max_listed_days = 110000;
constexpr std::size_t max_calendar_json_bytes = 16u << 20;

using Keys = std::vector<std::string_view>;
// The keys of each object the calendar format has (docs/calendars.md).
const Keys calendar_keys = {"name",    "base",  "working_week", "closures",    "extra_bank_holidays",
                            "removed", "govuk", "data_version", "description", "govuk_conflicts"};
const Keys named_day_keys = {"date", "from", "to", "name", "notes"};
const Keys removed_keys = {"date", "name", "notes"};
const Keys govuk_division_keys = {"division", "events"};
const Keys govuk_event_keys = {"title", "date", "notes", "bunting"};

// Input chc reads but may have misread (a near-miss key, an import conflict):
// a warning, or under Strict::yes Error(Errc::schema) with the same words.
struct Reader {
  Strict strict;
  std::vector<std::string>& warnings;
  void misread(std::string message) const {
    if (strict == Strict::yes) throw Error(Errc::schema, message);
    warnings.push_back(std::move(message));
  }
};

// Strict means every warning is an error: the first one left after reading is raised.
void refuse_under_strict(Strict strict, const std::vector<std::string>& warnings) {
  if (strict == Strict::yes && !warnings.empty()) throw Error(Errc::schema, warnings.front() + " (strict: every warning is an error)");
}

bool is_known(std::string_view key, const Keys& known) { return std::find(known.begin(), known.end(), key) != known.end(); }

// Each key of `o` that is nearly a known one ("closure") is a misread naming
// both; any other unknown key is noted when `note_unknown` (the top level) and
// otherwise left alone, as the format allows.
void check_keys(const bj::object& o, const Keys& known, const std::string& where, const Reader& reader, bool note_unknown) {
  for (const auto& kv : o) {
    const std::string_view key = kv.key();
    if (is_known(key, known)) continue;
    if (const auto meant = near_miss(key, known)) {
      reader.misread(did_you_mean(key, *meant, where));
    } else if (note_unknown) {
      reader.warnings.push_back(json::field(where, key) + ": unknown field ignored");
    }
  }
}

// A required member; when it is missing beside a near-miss of it, the error says so.
const bj::value& require_key(const bj::object& o, std::string_view key, const std::string& path, const Keys& known) {
  if (const auto* v = json::find(o, key)) return *v;
  for (const auto& kv : o) {
    if (near_miss(kv.key(), known) == key) {
      json::fail(Errc::schema, json::field(path, key), "required field is missing (" + did_you_mean(kv.key(), key) + ")");
    }
  }
  return json::require(o, key, path);
}

uint8_t parse_working_week(const bj::value& v, const std::string& path) {
  static const Keys names = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun"};
  uint8_t mask = 0;
  const auto& days = json::as_array(v, path);
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string item_path = json::element(path, i);
    const std::string_view text = json::as_string(days[i], item_path);
    std::string name(text);
    std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
      if (const auto meant = near_miss(text, names)) json::fail(Errc::schema, item_path, did_you_mean(text, *meant));
      json::fail(Errc::schema, item_path, "\"" + name + "\" is not a weekday (use monday..sunday or mon..sun)");
    }
    mask = static_cast<uint8_t>(mask | (1u << ((found - names.begin()) % 7)));
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
                      std::size_t& budget, const Reader& reader) {
  const auto& items = json::as_array(v, path);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_path = json::element(path, i);
    const auto& o = json::as_object(items[i], item_path);
    check_keys(o, named_day_keys, item_path, reader, false);
    const std::string name(json::as_string(require_key(o, "name", item_path, named_day_keys), json::field(item_path, "name")));
    if (name.empty()) json::fail(Errc::schema, json::field(item_path, "name"), "must not be empty");
    const std::string notes = optional_string(o, "notes", item_path);
    Date from, to;
    if (const auto* d = json::find(o, "date")) {
      from = to = in_range_date(*d, json::field(item_path, "date"));
    } else {
      from = in_range_date(require_key(o, "from", item_path, named_day_keys), json::field(item_path, "from"));
      to = in_range_date(require_key(o, "to", item_path, named_day_keys), json::field(item_path, "to"));
      if (to < from) json::fail(Errc::invalid_argument, json::field(item_path, "to"), to.iso() + " is before from " + from.iso());
    }
    const auto days = static_cast<std::size_t>(to - from) + 1;
    if (days > budget) json::fail(Errc::limit, item_path, "calendar lists more than " + std::to_string(max_listed_days) + " days");
    budget -= days;
    for (Date d = from; d <= to; d = d + 1) {
      out.push_back({d, kind, HolidaySource::landlord, name, notes, std::nullopt, std::nullopt, {}});
    }
  }
}

ImportConflicts parse_conflicts(const bj::value& v, const std::string& path) {
  static const Keys names = {"keep_newer", "file_wins"};
  const std::string_view text = json::as_string(v, path);
  if (text == names[0]) return ImportConflicts::keep_newer;
  if (text == names[1]) return ImportConflicts::file_wins;
  if (const auto meant = near_miss(text, names)) json::fail(Errc::schema, path, did_you_mean(text, *meant));
  json::fail(Errc::schema, path, "\"" + std::string(text) + "\" is not keep_newer or file_wins");
}

// "early may bank holiday" for "Early May bank holiday (VE day)": how a
// document and chc name the same holiday when one of them has moved it.
std::string holiday_identity(std::string_view title) {
  std::string out(title.substr(0, title.find('(')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

bool same_holiday(const detail::BankHoliday& a, const detail::BankHoliday& b) {
  return (a.moved_from && *a.moved_from == b.date) || (b.moved_from && *b.moved_from == a.date) ||
         holiday_identity(a.name) == holiday_identity(b.name);
}

std::string describe(const detail::BankHoliday& h, std::string_view division) {
  return cat(h.date.iso(), " ", h.name, " (", division, ", ", day_kind_name(h.kind), ", ", holiday_source_name(h.source), ")");
}

const char* policy_name(ImportConflicts policy) { return policy == ImportConflicts::file_wins ? "file_wins" : "keep_newer"; }

// Merges a GOV.UK document into `spec`'s bank holidays: each year it lists for
// the base division takes the document's days, except where the document would
// remove or move a day the calendar has (a conflict), which `policy` decides.
GovukImport merge_govuk(CalendarSpec& spec, const bj::value& doc, const std::string& path, ImportConflicts policy,
                        const Reader& reader) {
  const auto& root = json::as_object(doc, path);
  const auto& divisions = detail::division_names();
  const Keys division_keys(divisions.begin(), divisions.end());
  check_keys(root, division_keys, path, reader, false);
  const auto* entry = json::find(root, spec.base);
  if (!entry) {
    std::string present;
    std::string hint;
    for (const auto& kv : root) {
      present += (present.empty() ? "" : ", ") + std::string(kv.key());
      if (near_miss(kv.key(), {spec.base}) && hint.empty()) hint = "; " + did_you_mean(kv.key(), spec.base);
    }
    json::fail(Errc::schema, path, "the document has no \"" + spec.base + "\" division (it has: " +
                                       (present.empty() ? "nothing" : present) + hint + ")");
  }
  const std::string entry_path = json::field(path, spec.base);
  const auto& entry_object = json::as_object(*entry, entry_path);
  check_keys(entry_object, govuk_division_keys, entry_path, reader, false);
  const std::string events_path = json::field(entry_path, "events");
  const auto& events = json::as_array(require_key(entry_object, "events", entry_path, govuk_division_keys), events_path);
  std::map<int, std::vector<detail::ListedHoliday>> by_year;
  std::set<std::pair<int32_t, std::string>> seen;
  GovukImport record;
  record.source = path;
  record.division = spec.base;
  record.policy = policy;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string item_path = json::element(events_path, i);
    const auto& o = json::as_object(events[i], item_path);
    check_keys(o, govuk_event_keys, item_path, reader, false);
    const Date date = json::as_date(require_key(o, "date", item_path, govuk_event_keys), json::field(item_path, "date"));
    std::string title(json::as_string(require_key(o, "title", item_path, govuk_event_keys), json::field(item_path, "title")));
    std::string notes = optional_string(o, "notes", item_path);
    if (date < Calendar::first_supported_day() || date > Calendar::last_supported_day()) {
      reader.warnings.push_back(item_path + ": " + date.iso() + " is outside the supported range and was ignored");
      continue;
    }
    // A repeated entry counts once (a set, so a document of 16 MiB in one year stays linear-time).
    if (seen.emplace(date.serial(), title).second) by_year[date.year()].push_back({date, std::move(title), std::move(notes)});
  }
  if (by_year.empty()) json::fail(Errc::schema, events_path, "the document lists no bank holidays for " + spec.base);
  record.first_year = by_year.begin()->first;
  record.last_year = by_year.rbegin()->first;

  std::map<int, std::vector<detail::BankHoliday>> had;  // the calendar's days in the document's years
  for (auto& h : spec.bank_holidays) {
    if (by_year.count(h.date.year())) had[h.date.year()].push_back(std::move(h));
  }
  std::erase_if(spec.bank_holidays, [&](const detail::BankHoliday& h) { return by_year.count(h.date.year()) != 0; });
  std::vector<std::string> conflicts;  // described without their resolution, for a strict refusal
  std::vector<std::string> resolved;
  for (auto& [year, listed] : by_year) {
    std::sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    record.days += listed.size();
    auto incoming = detail::classify_listed(spec.base, year, listed, HolidaySource::imported);
    const auto& before = had[year];
    auto listed_on = [](const std::vector<detail::BankHoliday>& list, Date d) {
      return std::any_of(list.begin(), list.end(), [&](const detail::BankHoliday& h) { return h.date == d; });
    };
    std::vector<bool> dropped(incoming.size(), false), paired(incoming.size(), false);
    for (const auto& h : before) {
      if (listed_on(incoming, h.date)) continue;
      // The document's own day for this holiday, on a date the calendar does not have: a move.
      std::size_t counterpart = incoming.size();
      for (std::size_t i = 0; i < incoming.size() && counterpart == incoming.size(); ++i) {
        if (!paired[i] && !listed_on(before, incoming[i].date) && same_holiday(h, incoming[i])) counterpart = i;
      }
      std::string what = counterpart == incoming.size()
                             ? cat("the document would remove ", describe(h, spec.base), ", which it does not list in ", std::to_string(year))
                             : cat("the document would move ", describe(h, spec.base), " to ", incoming[counterpart].date.iso(), " (",
                                   incoming[counterpart].name, ")");
      ++record.conflicts;
      // A document without a one-off the calendar has predates its announcement.
      const bool keep = policy == ImportConflicts::keep_newer && h.kind == DayKind::one_off;
      if (counterpart != incoming.size()) paired[counterpart] = true;
      if (keep) {
        ++record.kept;
        if (counterpart != incoming.size()) dropped[counterpart] = true;
        spec.bank_holidays.push_back(h);
      } else {
        ++record.overridden;
      }
      resolved.push_back(cat(path, ": ", what,
                             keep ? "; kept the calendar's one-off (a copy without it predates its announcement)"
                                  : policy == ImportConflicts::file_wins ? "; the document's days used (file_wins)"
                                                                         : "; the document's days used (the calendar's day is not a one-off)"));
      conflicts.push_back(std::move(what));
    }
    for (std::size_t i = 0; i < incoming.size(); ++i) {
      if (!dropped[i]) spec.bank_holidays.push_back(std::move(incoming[i]));
    }
  }
  if (!conflicts.empty() && reader.strict == Strict::yes) {
    std::string all;
    for (const auto& c : conflicts) all += (all.empty() ? "" : "; ") + c;
    throw Error(Errc::schema, cat(path, ": ", all, " (strict: a GOV.UK import may not remove or move a day the calendar has)"));
  }
  for (auto& w : resolved) reader.warnings.push_back(std::move(w));
  std::stable_sort(spec.bank_holidays.begin(), spec.bank_holidays.end(),
                   [](const detail::BankHoliday& a, const detail::BankHoliday& b) { return a.date < b.date; });
  spec.official_through = std::max(spec.official_through, Date::from_ymd(record.last_year, 12, 31));
  return record;
}

// The stamp a document's import adds to a data version: its years, its content, and how conflicts went.
std::string import_stamp(const GovukImport& record, std::string_view text) {
  std::string stamp = cat("govuk:", std::to_string(record.first_year), "-", std::to_string(record.last_year), ":",
                          content_hash(text).substr(0, 12));
  if (record.conflicts) stamp += cat(":", policy_name(record.policy));
  return stamp;
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

Calendar Calendar::from_json(std::string_view text, Strict strict, ImportConflicts conflicts) {
  if (text.size() > max_calendar_json_bytes) {
    throw Error(Errc::limit, "calendar JSON is " + std::to_string(text.size()) + " bytes; the limit is " +
                                 std::to_string(max_calendar_json_bytes));
  }
  const bj::value doc = json::parse(text, "calendar JSON");
  const std::string root_path = "calendar";
  const auto& o = json::as_object(doc, root_path);
  std::vector<std::string> warnings;
  const Reader reader{strict, warnings};
  check_keys(o, calendar_keys, root_path, reader, true);
  const std::string base_path = json::field(root_path, "base");
  const std::string_view base = json::as_string(require_key(o, "base", root_path, calendar_keys), base_path);
  if (!detail::is_division(base)) {
    std::string known;
    for (const auto& n : detail::division_names()) known += (known.empty() ? "" : ", ") + n;
    const auto& names = detail::division_names();
    if (const auto meant = near_miss(base, Keys(names.begin(), names.end()))) {
      json::fail(Errc::unknown_name, base_path, did_you_mean(base, *meant) + " (not a division; known: " + known + ")");
    }
    json::fail(Errc::unknown_name, base_path, "unknown division \"" + std::string(base) + "\" (known: " + known + ")");
  }
  if (const auto* c = json::find(o, "govuk_conflicts"); c && parse_conflicts(*c, json::field(root_path, "govuk_conflicts")) == ImportConflicts::file_wins) {
    conflicts = ImportConflicts::file_wins;
  }
  const Calendar base_calendar = Calendar::builtin(base);
  CalendarSpec spec;
  std::optional<GovukImport> imported;
  if (const auto* govuk = json::find(o, "govuk")) {
    spec = base_calendar.impl().spec();
    imported = merge_govuk(spec, *govuk, json::field(root_path, "govuk"), conflicts, reader);
  } else {
    spec.base = std::string(base);
    spec.data_version = base_calendar.data_version();
    spec.official_through = base_calendar.info().official_through;
    spec.bank_holidays_from = base_calendar.shared_impl();
  }
  spec.name = optional_string(o, "name", root_path);
  if (spec.name.empty()) spec.name = std::string(base) + "+custom";
  if (const auto* w = json::find(o, "working_week")) spec.working_week = parse_working_week(*w, json::field(root_path, "working_week"));
  std::size_t budget = max_listed_days;
  if (const auto* c = json::find(o, "closures")) {
    parse_named_days(*c, json::field(root_path, "closures"), DayKind::landlord_closure, spec.closures, budget, reader);
  }
  if (const auto* c = json::find(o, "extra_bank_holidays")) {
    parse_named_days(*c, json::field(root_path, "extra_bank_holidays"), DayKind::one_off, spec.closures, budget, reader);
  }
  if (const auto* r = json::find(o, "removed")) {
    const std::string path = json::field(root_path, "removed");
    const auto& items = json::as_array(*r, path);
    if (items.size() > budget) json::fail(Errc::limit, path, "calendar lists more than " + std::to_string(max_listed_days) + " days");
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_path = json::element(path, i);
      const bj::value& item = items[i];
      if (!item.is_object()) {
        spec.removed.push_back(in_range_date(item, item_path));
        continue;
      }
      check_keys(item.get_object(), removed_keys, item_path, reader, false);
      spec.removed.push_back(in_range_date(require_key(item.get_object(), "date", item_path, removed_keys), json::field(item_path, "date")));
    }
  }
  for (const auto& c : spec.closures) {
    if (!in_working_week(spec.working_week, c.date)) {
      warnings.push_back("closure \"" + c.name + "\" on " + c.date.iso() + " falls outside the working week and changes nothing");
    }
  }
  const std::string version = optional_string(o, "data_version", root_path);
  std::string derived = spec.data_version + "+" + spec.name + ":" + content_hash(text).substr(0, 12);
  if (imported && imported->conflicts) derived += cat(":", policy_name(imported->policy));
  spec.data_version = !version.empty() ? version : derived;
  if (imported) {
    imported->data_version = spec.data_version;
    spec.imports.push_back(std::move(*imported));
  }
  refuse_under_strict(strict, warnings);
  for (auto& w : warnings) spec.warnings.push_back(std::move(w));
  return Calendar(Impl::build(std::move(spec)));
}

Calendar Calendar::with_govuk_import(std::string_view govuk_json, std::string_view data_version, ImportConflicts conflicts,
                                     Strict strict) const {
  if (govuk_json.size() > max_calendar_json_bytes) {
    throw Error(Errc::limit, "bank-holidays.json is " + std::to_string(govuk_json.size()) + " bytes; the limit is " +
                                 std::to_string(max_calendar_json_bytes));
  }
  if (!valid_utf8(data_version)) throw Error(Errc::invalid_argument, "data_version: not valid UTF-8");
  if (data_version.size() > 256) throw Error(Errc::limit, "data_version: longer than 256 bytes");
  const bj::value doc = json::parse(govuk_json, "bank-holidays.json");
  CalendarSpec spec = impl_->spec();
  std::vector<std::string> warnings;
  GovukImport record = merge_govuk(spec, doc, "bank-holidays.json", conflicts, Reader{strict, warnings});
  record.data_version = !data_version.empty() ? std::string(data_version) : import_stamp(record, govuk_json);
  spec.data_version = !data_version.empty() ? std::string(data_version) : spec.data_version + "+" + record.data_version;
  spec.imports.push_back(std::move(record));
  refuse_under_strict(strict, warnings);
  for (auto& w : warnings) spec.warnings.push_back(std::move(w));
  return Calendar(Impl::build(std::move(spec)));
}

namespace {

// A holiday's members, inside an object already open (explain lists reasons without the date).
void write_holiday_members(JsonWriter& w, const Holiday& h, bool with_date) {
  if (with_date) {
    w.key("date").value(h.date);
    w.key("weekday").value(weekday_name(h.date.weekday()));
  }
  w.key("name").value(h.name);
  w.key("kind").value(day_kind_name(h.kind));
  w.key("source").value(holiday_source_name(h.source));
  if (!h.notes.empty()) w.key("notes").value(h.notes);
  if (h.substitute_for) w.key("substitute_for").value(*h.substitute_for);
  if (h.substituted_by) w.key("substituted_by").value(*h.substituted_by);
  if (!h.reference.empty()) w.key("reference").value(h.reference);
}

void write_strings(JsonWriter& w, const std::vector<std::string>& strings) {
  w.begin_array();
  for (const auto& s : strings) w.value(s);
  w.end_array();
}

// {"calendar", "data_version", "from", "to", "warnings", ... (left open)
void write_header(JsonWriter& w, const Calendar& cal, Date from, Date to) {
  w.begin_object();
  w.key("calendar").value(cal.name());
  w.key("data_version").value(cal.data_version());
  w.key("from").value(from);
  w.key("to").value(to);
  w.key("warnings");
  write_strings(w, cal.range_warnings(from, to));
}

}  // namespace

std::string holidays_json(const Calendar& cal, Date from, Date to) {
  std::string out;
  JsonWriter w(out);
  write_header(w, cal, from, to);
  w.key("holidays").begin_array();
  for (const Holiday& h : cal.holidays(from, to)) {
    w.begin_object();
    write_holiday_members(w, h, true);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

std::string explain_json(const Calendar& cal, Date from, Date to) {
  std::string out;
  JsonWriter w(out);
  write_header(w, cal, from, to);
  w.key("working_days").value(static_cast<int64_t>(cal.count_working_days(from, to)));
  w.key("skipped").begin_array();
  for (const NonWorkingDay& d : cal.explain(from, to)) {
    w.begin_object();
    w.key("date").value(d.date);
    w.key("weekday").value(weekday_name(d.date.weekday()));
    w.key("reasons").begin_array();
    for (const Holiday& h : d.reasons) {
      w.begin_object();
      write_holiday_members(w, h, false);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

std::string calendar_info_json(const Calendar& cal) {
  const CalendarInfo info = cal.info();
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("name").value(info.name);
  w.key("base").value(info.base);
  w.key("data_version").value(info.data_version);
  w.key("official_through").value(info.official_through);
  w.key("rules_checked_from").value(detail::rules_checked_from());
  w.key("verified_from").value(info.verified_from);
  w.key("first_day").value(info.first_day);
  w.key("last_day").value(info.last_day);
  w.key("working_week").begin_array();
  for (int d = 0; d < 7; ++d) {
    if ((info.working_week >> d) & 1u) w.value(weekday_name(static_cast<Weekday>(d + 1)));
  }
  w.end_array();
  w.key("warnings");
  write_strings(w, info.warnings);
  w.key("imports").begin_array();
  for (const GovukImport& g : info.imports) {
    w.begin_object();
    w.key("source").value(g.source);
    w.key("division").value(g.division);
    w.key("first_year").value(static_cast<int64_t>(g.first_year));
    w.key("last_year").value(static_cast<int64_t>(g.last_year));
    w.key("data_version").value(g.data_version);
    w.key("days").value(static_cast<int64_t>(g.days));
    w.key("conflicts").value(static_cast<int64_t>(g.conflicts));
    w.key("kept").value(static_cast<int64_t>(g.kept));
    w.key("overridden").value(static_cast<int64_t>(g.overridden));
    w.key("policy").value(policy_name(g.policy));
    w.end_object();
  }
  w.end_array();
  w.key("memory_bytes").value(static_cast<int64_t>(cal.memory_bytes()));
  w.end_object();
  w.finish();
  return out;
}

}  // namespace chc
