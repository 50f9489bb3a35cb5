// SPDX-License-Identifier: MIT
// Reading a case record: one SAX pass over the JSON text (no document tree),
// capturing the fields chc reads and skipping every other field whole. The
// text itself is kept for echo and normalisation, so nothing the CRM sent is
// lost.
#include "evaluate/case_impl.hpp"

#include <chc/near_miss.hpp>

#include "core/enum_names.hpp"
#include "core/json_util.hpp"
#include "core/json_writer.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace chc {

namespace bj = boost::json;

namespace {
// One table: EventType's values in order, "custom" (a CRM's own "x-..." type) last.
constexpr auto event_types = enum_names<EventType>("acknowledged", "extension", "response", "escalation_requested", "escalation_refused",
                                                   "not_accepted", "withdrawn", "remedy_offered", "remedy_completed", "action_opened",
                                                   "action_completed", "update_sent", "custom");
}  // namespace

const char* event_type_name(EventType t) noexcept { return event_types(t); }

namespace {

// A value chc reads, as the parser delivered it.
struct Scalar {
  enum class Kind : uint8_t { absent, null, string, int64, uint64, number, boolean, object, array };
  Kind kind = Kind::absent;
  std::string text;  // strings, and the literal text of numbers
  int64_t i = 0;
  double d = 0;
  bool b = false;

  bool present() const { return kind != Kind::absent && kind != Kind::null; }
  std::string type_name() const { return kind_name(kind); }
  static std::string kind_name(Kind kind) { return kind_article(kind); }
  static const char* kind_article(Kind kind) {
    switch (kind) {
      case Kind::absent:
      case Kind::null: return "null";
      case Kind::string: return "a string";
      case Kind::int64:
      case Kind::uint64: return "an integer";
      case Kind::number: return "a number";
      case Kind::boolean: return "a boolean";
      case Kind::object: return "an object";
      case Kind::array: return "an array";
    }
    return "a value";
  }
};

// The fields of a case and of an event that chc reads (docs/case-format.md).
enum class RootField { id, received, issue_date, calendar, category, events, count };
constexpr std::array<std::string_view, 6> root_names = {"id", "received", "issue_date", "calendar", "category", "events"};

enum class EventField {
  type, date, stage, handler, definition, working_days, new_due, reason, ombudsman_details_given, good_reason, decision,
  letter, explanation_given, ombudsman_right_given, id, what, amount, due, count
};
constexpr std::array<std::string_view, 18> event_names = {
    "type",   "date",     "stage",  "handler",           "definition",            "working_days", "new_due", "reason", "ombudsman_details_given",
    "good_reason", "decision", "letter", "explanation_given", "ombudsman_right_given", "id",           "what",    "amount", "due"};

// The field an unknown key nearly names, or empty. CRM registers repeat the
// same few fields of their own in every case, so each thread remembers its
// answers: the edit distance is paid once per key, not once per case.
struct KeyHash {
  using is_transparent = void;  // looked up by string_view: no string built per key
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};

template <std::size_t N>
std::string_view nearly(const std::array<std::string_view, N>& names, std::string_view key) {
  if (key.size() > 2 && (key.compare(0, 2, "x-") == 0 || key.compare(0, 4, "chc_") == 0)) return {};  // a CRM's own or chc's own
  thread_local std::unordered_map<std::string, std::string_view, KeyHash, std::equal_to<>> cache;
  if (const auto it = cache.find(key); it != cache.end()) return it->second;  // no string built for the lookup
  std::string_view meant;
  if (const auto guess = near_miss(key, std::vector<std::string_view>(names.begin(), names.end()))) {
    meant = *std::find(names.begin(), names.end(), *guess);
  }
  if (cache.size() > 4096) cache.clear();
  cache.emplace(std::string(key), meant);
  return meant;
}

template <std::size_t N>
int field_index(const std::array<std::string_view, N>& names, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    // Length and first letter rule out almost every name before a full compare.
    if (names[i].size() == key.size() && names[i][0] == key[0] && std::memcmp(names[i].data(), key.data(), key.size()) == 0) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// "case.events[3].date" (or "case.received" for event -1), rendered only when
// an error names it, by the one path renderer (json::Path).
struct LazyPath {
  int event = -1;
  std::string_view key;
  std::string str() const {
    const json::Path root("case");
    if (event < 0) return key.empty() ? root.str() : root.key(key).str();
    const json::Path events = root.key("events");
    const json::Path at = events.index(static_cast<std::size_t>(event));
    return key.empty() ? at.str() : at.key(key).str();
  }
};

[[noreturn]] void fail(Errc code, const std::string& path, std::string_view message) { throw Error(code, cat(path, ": ", message)); }
[[noreturn]] void fail(Errc code, const LazyPath& path, std::string_view message) { fail(code, path.str(), message); }

template <class P>
LocalMoment moment(const Scalar& v, const P& path) {
  if (v.kind != Scalar::Kind::string) fail(Errc::schema, path, "expected a string, found " + v.type_name());
  LocalMoment m;
  try {
    m = parse_london_moment(v.text);
  } catch (const Error& e) {
    fail(e.code(), path, e.what());
  }
  if (m.date < Calendar::first_supported_day() || m.date > Calendar::last_supported_day()) {
    fail(Errc::range, path, cat(m.date.iso(), " is outside the supported range ", Calendar::first_supported_day().iso(), " to ",
                                Calendar::last_supported_day().iso()));
  }
  return m;
}

// A string, or a whole number given where a string belongs (handlers, ids).
template <class P>
std::string text_value(const Scalar& v, const P& path) {
  if (v.kind == Scalar::Kind::string || v.kind == Scalar::Kind::int64 || v.kind == Scalar::Kind::uint64) return v.text;
  fail(Errc::schema, path, "expected a string, found " + v.type_name());
}

template <class P>
Tri tri(const Scalar& v, const P& path) {
  if (v.kind != Scalar::Kind::boolean) fail(Errc::schema, path, "expected true or false, found " + v.type_name());
  return v.b ? Tri::yes : Tri::no;
}

template <class P>
int64_t integer(const Scalar& v, const P& path) {
  if (v.kind == Scalar::Kind::int64) return v.i;
  if (v.kind == Scalar::Kind::uint64) fail(Errc::overflow, path, "integer too large");
  if (v.kind == Scalar::Kind::number) {
    int64_t whole = 0;
    switch (json::to_whole_number(v.d, whole)) {
      case json::WholeNumber::ok: return whole;
      case json::WholeNumber::too_large: fail(Errc::overflow, path, "integer too large: " + v.text);
      case json::WholeNumber::fraction: fail(Errc::schema, path, "expected a whole number, found " + v.text);
    }
  }
  fail(Errc::schema, path, "expected an integer, found " + v.type_name());
}

// What a letter said, as the parser met it.
struct LetterCapture {
  Scalar::Kind kind = Scalar::Kind::absent;  // object, array, or another (wrong) kind
  std::vector<LetterItem> items;
  std::string bad_item_path;  // set on the first invalid entry
  std::string bad_item_message;
  Errc bad_item_code = Errc::ok;
};

struct EventCapture {
  std::array<Scalar, static_cast<std::size_t>(EventField::count)> fields;
  LetterCapture letter;
  const Scalar& operator[](EventField f) const { return fields[static_cast<std::size_t>(f)]; }
  // Ready for the next event, keeping the strings' storage.
  void reset() {
    for (Scalar& f : fields) f.kind = Scalar::Kind::absent;
    letter.kind = Scalar::Kind::absent;
    letter.items.clear();
    letter.bad_item_code = Errc::ok;
  }
};

EventType event_type(const Scalar& v, const LazyPath& path) {
  if (v.kind != Scalar::Kind::string) fail(Errc::schema, path, "expected a string, found " + v.type_name());
  if (const auto t = event_types.parse(v.text); t && *t != EventType::custom) return *t;
  if (v.text.size() > 2 && v.text.compare(0, 2, "x-") == 0) return EventType::custom;
  const std::vector<std::string_view> known(event_types.names.begin(), event_types.names.end() - 1);
  std::string list;
  for (const std::string_view k : known) list += cat(list.empty() ? "" : ", ", k);
  fail(Errc::schema, path,
       cat("unknown event type \"", v.text, "\"", did_you_mean_suffix(v.text, known), " (known: ", list,
           "; a CRM's own types start with \"x-\")"));
}

// Checks one event's captured fields and fills in the case's Event, in place
// (an Event holds a dozen strings: a move costs). Paths for messages are only
// built when something is wrong.
void finish_event(Event& e, EventCapture& c, int index, const std::vector<Case::Impl::NearMiss>& near_misses) {
  e.index = index;
  const LazyPath path{index, {}};
  auto at = [&](EventField f) { return LazyPath{index, event_names[static_cast<std::size_t>(f)]}; };
  // "required field is missing", with the key of the event that was probably meant for it.
  auto missing = [&](EventField f) {
    const std::string where = LazyPath{index, {}}.str();
    for (const auto& m : near_misses) {
      if (m.where == where && m.meant == event_names[static_cast<std::size_t>(f)]) {
        return cat("required field is missing (", did_you_mean(m.key, m.meant), ")");
      }
    }
    return std::string("required field is missing");
  };
  if (!c[EventField::type].present()) fail(Errc::schema, at(EventField::type), missing(EventField::type));
  e.type = event_type(c[EventField::type], at(EventField::type));
  if (!c[EventField::date].present()) fail(Errc::schema, at(EventField::date), missing(EventField::date));
  e.date = moment(c[EventField::date], at(EventField::date)).date;
  if (e.type == EventType::custom) return;
  for (std::size_t f = 0; f < c.fields.size(); ++f) {
    const Scalar& v = c.fields[f];
    const auto field = static_cast<EventField>(f);
    if (!v.present() || field == EventField::type || field == EventField::date) continue;
    const LazyPath path_f{index, event_names[f]};
    switch (field) {
      case EventField::stage: {
        const int64_t stage = integer(v, path_f);
        if (stage < 1 || stage > max_event_stage) fail(Errc::schema, path_f, cat("a stage is a number from 1 to ", std::to_string(max_event_stage)));
        e.stage = static_cast<int>(stage);
        break;
      }
      case EventField::handler: e.handler = text_value(v, path_f); break;
      case EventField::definition:
        if (v.kind == Scalar::Kind::boolean) e.definition = v.b ? Tri::yes : Tri::no;
        else if (v.kind == Scalar::Kind::string) e.definition = v.text.empty() ? Tri::no : Tri::yes;
        else fail(Errc::schema, path_f, "expected a string or true/false, found " + v.type_name());
        break;
      case EventField::working_days: {
        const int64_t days = integer(v, path_f);
        if (days < 1 || days > 100000) fail(Errc::schema, path_f, "an extension is a positive number of working days");
        e.working_days = static_cast<int32_t>(days);
        break;
      }
      case EventField::new_due: e.new_due = moment(v, path_f).date; break;
      case EventField::reason: e.reason = text_value(v, path_f); break;
      case EventField::ombudsman_details_given: e.ombudsman_details = tri(v, path_f); break;
      case EventField::good_reason: e.good_reason = text_value(v, path_f); break;
      case EventField::decision: e.decision = text_value(v, path_f); break;
      case EventField::letter:
        if (c.letter.kind != Scalar::Kind::object && c.letter.kind != Scalar::Kind::array) {
          fail(Errc::schema, path_f, "expected an object or an array, found " + v.type_name());
        }
        if (c.letter.bad_item_code != Errc::ok) fail(c.letter.bad_item_code, c.letter.bad_item_path, c.letter.bad_item_message);
        e.has_letter = true;
        e.letter_is_list = c.letter.kind == Scalar::Kind::array;
        e.letter = std::move(c.letter.items);
        break;
      case EventField::explanation_given: e.explanation_given = tri(v, path_f); break;
      case EventField::ombudsman_right_given: e.ombudsman_right_given = tri(v, path_f); break;
      case EventField::id: e.ref = text_value(v, path_f); break;
      case EventField::what: e.what = text_value(v, path_f); break;
      case EventField::amount:
        if (v.kind != Scalar::Kind::int64 && v.kind != Scalar::Kind::uint64 && v.kind != Scalar::Kind::number) {
          fail(Errc::schema, path_f, "expected a number, found " + v.type_name());
        }
        if (!(v.d >= 0) || v.d > 1e12) fail(Errc::schema, path_f, "an amount is a number of pounds, 0 or more");
        e.amount = v.d;
        break;
      case EventField::due: e.due = moment(v, path_f).date; break;
      case EventField::type:
      case EventField::date:
      case EventField::count: break;
    }
  }
  if (e.type == EventType::extension && !e.working_days && !e.new_due) {
    fail(Errc::schema, path, "an extension needs \"working_days\" or \"new_due\"");
  }
}

// The SAX handler. A stack of frames says where the parser is; a value lands
// in the field its frame and key name, or is skipped with everything under it.
class CaseReader {
 public:
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

  explicit CaseReader(Case::Impl& c) : case_(c) {}

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_comment_part(bj::string_view, boost::system::error_code&) { return true; }
  bool on_comment(bj::string_view, boost::system::error_code&) { return true; }

  bool on_object_begin(boost::system::error_code&) {
    open(Scalar::Kind::object);
    return true;
  }
  bool on_object_end(std::size_t, boost::system::error_code&) {
    close();
    return true;
  }
  bool on_array_begin(boost::system::error_code&) {
    open(Scalar::Kind::array);
    return true;
  }
  bool on_array_end(std::size_t, boost::system::error_code&) {
    close();
    return true;
  }
  bool on_key_part(bj::string_view s, std::size_t, boost::system::error_code&) {
    part_.append(s.data(), s.size());
    return true;
  }
  bool on_key(bj::string_view s, std::size_t, boost::system::error_code&) {
    Frame& f = stack_.back();
    std::string_view key(s.data(), s.size());
    if (!part_.empty()) key = part_.append(s.data(), s.size());
    // Resolved now, so no key is copied: the field it names, or -1.
    switch (f.role) {
      case Role::root:
        f.field = field_index(root_names, key);
        if (f.field < 0) note_near_miss(root_names, key, "case");
        break;
      case Role::event:
        f.field = key.empty() ? -1 : field_index(event_names, key);
        if (f.field < 0 && !key.empty()) note_near_miss(event_names, key, {});
        break;
      case Role::letter_object: letter_key(key); break;
      default: break;
    }
    if (f.field >= 0 && (f.role == Role::root || f.role == Role::event)) {
      // A field chc reads, given twice: JSON leaves which one counts to the reader, and a
      // statutory record must not depend on that (unknown fields may repeat; echo keeps them).
      const uint64_t bit = uint64_t{1} << f.field;
      if (f.seen & bit) fail(Errc::schema, duplicate_path(f, key), "appears twice; which one counts would be a guess");
      f.seen |= bit;
    }
    part_.clear();
    return true;
  }
  bool on_string_part(bj::string_view s, std::size_t, boost::system::error_code&) {
    part_.append(s.data(), s.size());
    return true;
  }
  bool on_string(bj::string_view s, std::size_t, boost::system::error_code&) {
    check_scalar_position(Scalar::Kind::string);
    Scalar* slot = target();
    if (slot) {
      slot->kind = Scalar::Kind::string;
      slot->text = part_;
      slot->text.append(s.data(), s.size());
    } else if (stack_.back().role == Role::letter_array) {
      letter_list_item(part_.empty() ? std::string_view(s.data(), s.size()) : std::string_view(part_.append(s.data(), s.size())));
    } else {
      letter_value(Scalar::Kind::string, false);
    }
    part_.clear();
    after_value();
    return true;
  }
  bool on_number_part(bj::string_view s, boost::system::error_code&) {
    part_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(int64_t i, bj::string_view s, boost::system::error_code&) {
    return number(Scalar::Kind::int64, i, static_cast<double>(i), s);
  }
  bool on_uint64(uint64_t u, bj::string_view s, boost::system::error_code&) {
    return number(Scalar::Kind::uint64, 0, static_cast<double>(u), s);
  }
  bool on_double(double d, bj::string_view s, boost::system::error_code&) { return number(Scalar::Kind::number, 0, d, s); }
  bool on_bool(bool b, boost::system::error_code&) {
    check_scalar_position(Scalar::Kind::boolean);
    if (Scalar* slot = target()) {
      slot->kind = Scalar::Kind::boolean;
      slot->b = b;
    } else {
      letter_value(Scalar::Kind::boolean, b);
    }
    after_value();
    return true;
  }
  bool on_null(boost::system::error_code&) {
    check_scalar_position(Scalar::Kind::null);
    if (Scalar* slot = target()) slot->kind = Scalar::Kind::null;
    else letter_value(Scalar::Kind::null, false);
    after_value();
    return true;
  }

  void finish() {
    const std::string path = "case";
    const auto& id = root_[static_cast<std::size_t>(RootField::id)];
    if (!id.present()) fail(Errc::schema, "case.id", missing("case", "id"));
    if (id.kind == Scalar::Kind::string) {
      if (id.text.empty()) fail(Errc::schema, "case.id", "must not be empty");
      std::string quoted;
      JsonWriter(quoted).value(id.text);
      case_.id_json = std::move(quoted);
    } else if (id.kind == Scalar::Kind::int64 || id.kind == Scalar::Kind::uint64) {
      case_.id_json = id.text;
    } else {
      fail(Errc::schema, "case.id", "expected a string or a whole number, found " + id.type_name());
    }
    case_.id = id.text;
    const auto& received = root_[static_cast<std::size_t>(RootField::received)];
    if (!received.present()) fail(Errc::schema, "case.received", missing("case", "received"));
    const LocalMoment m = moment(received, "case.received");
    case_.received = m.date;
    case_.received_minute = m.minute;
    if (const auto& v = root_[static_cast<std::size_t>(RootField::issue_date)]; v.present()) {
      case_.issue_date = moment(v, "case.issue_date").date;
    }
    if (const auto& v = root_[static_cast<std::size_t>(RootField::calendar)]; v.present()) case_.calendar = text_value(v, "case.calendar");
    if (const auto& v = root_[static_cast<std::size_t>(RootField::category)]; v.present()) case_.category = text_value(v, "case.category");
    const auto& events = root_[static_cast<std::size_t>(RootField::events)];
    if (!events.present()) fail(Errc::schema, "case.events", missing("case", "events"));
    if (events.kind != Scalar::Kind::array) fail(Errc::schema, "case.events", "expected an array, found " + events.type_name());
  }

 private:
  // "required field is missing", saying which key of the record was probably meant for it.
  std::string missing(std::string_view where, std::string_view field) const {
    for (const auto& m : case_.near_misses) {
      if (m.where == where && m.meant == field) return cat("required field is missing (", did_you_mean(m.key, m.meant), ")");
    }
    return "required field is missing";
  }

  enum class Role : uint8_t { root, events, event, letter_object, letter_array, skip };
  struct Frame {
    Role role;
    std::size_t index = 0;  // arrays: the position of the next element
    int field = -1;         // objects: the member being read, as a RootField, EventField or letter item; -1 for others
    uint64_t seen = 0;      // objects: the fields read so far, by index
  };

  std::string duplicate_path(const Frame& f, std::string_view key) const {
    if (f.role == Role::root) return cat("case.", key);
    if (f.role == Role::event) return cat(event_path(), ".", key);
    return cat(event_path(), ".letter.", key);
  }

  // Where the value about to be read goes (null: not a captured field).
  Scalar* target() {
    if (stack_.empty()) return nullptr;
    const Frame& f = stack_.back();
    switch (f.role) {
      case Role::root: return f.field < 0 ? nullptr : &root_[static_cast<std::size_t>(f.field)];
      case Role::event: return f.field < 0 ? nullptr : &event_.fields[static_cast<std::size_t>(f.field)];
      default: return nullptr;
    }
  }

  // A scalar where an object is required: the document itself, or an event.
  void check_scalar_position(Scalar::Kind kind) const {
    if (stack_.empty()) fail(Errc::schema, "case", "expected an object, found " + Scalar::kind_name(kind));
    if (stack_.back().role == Role::events) [[unlikely]] {
      fail(Errc::schema, cat("case.events[", std::to_string(stack_.back().index), "]"), "expected an object, found " + Scalar::kind_name(kind));
    }
  }

  std::string event_path() const { return cat("case.events[", std::to_string(event_index_), "]"); }

  template <std::size_t N>
  void note_near_miss(const std::array<std::string_view, N>& names, std::string_view key, std::string_view where) {
    const std::string_view meant = nearly(names, key);
    if (!meant.empty()) case_.near_misses.push_back({where.empty() ? event_path() : std::string(where), std::string(key), std::string(meant)});
  }

  void open(Scalar::Kind kind) {
    if (stack_.empty()) {
      if (kind != Scalar::Kind::object) fail(Errc::schema, "case", "expected an object, found an array");
      stack_.push_back(Frame{Role::root, 0, -1, 0});
      return;
    }
    Frame& parent = stack_.back();
    Role role = Role::skip;
    if (parent.role == Role::root && parent.field == static_cast<int>(RootField::events) && kind == Scalar::Kind::array) {
      role = Role::events;
    } else if (parent.role == Role::events) {
      if (kind != Scalar::Kind::object) fail(Errc::schema, cat("case.events[", std::to_string(parent.index), "]"), "expected an object, found an array");
      if (parent.index >= max_case_events) {
        fail(Errc::limit, "case.events", cat("more than ", std::to_string(max_case_events), " events; the limit is ", std::to_string(max_case_events)));
      }
      role = Role::event;
      event_.reset();
      event_index_ = static_cast<int>(parent.index);
    } else if (parent.role == Role::letter_array) {
      note_letter_error(cat(event_path(), ".letter[", std::to_string(parent.index), "]"),
                        kind == Scalar::Kind::object ? "expected a string, found an object" : "expected a string, found an array");
    } else if (parent.role == Role::event && parent.field == static_cast<int>(EventField::letter)) {
      role = kind == Scalar::Kind::object ? Role::letter_object : Role::letter_array;
      event_.letter.kind = kind;
      event_.fields[static_cast<std::size_t>(EventField::letter)].kind = kind;
      event_.letter.items.reserve(8);  // a Code's letter lists about seven items: one allocation, not four
    } else if (Scalar* slot = target(); slot && parent.role != Role::skip) {
      slot->kind = kind;  // a container where a scalar belongs: reported when the field is checked
    }
    stack_.push_back(Frame{role, 0, -1, 0});
  }

  void close() {
    const Role role = stack_.back().role;
    stack_.pop_back();
    if (role == Role::event) finish_event(case_.events.emplace_back(), event_, event_index_, case_.near_misses);  // an error discards the case
    if (role == Role::events) root_[static_cast<std::size_t>(RootField::events)].kind = Scalar::Kind::array;
    if (!stack_.empty()) after_value();
  }

  void after_value() {
    if (!stack_.empty() && (stack_.back().role == Role::events || stack_.back().role == Role::letter_array)) ++stack_.back().index;
  }

  bool number(Scalar::Kind kind, int64_t i, double d, bj::string_view s) {
    check_scalar_position(kind);
    if (Scalar* slot = target()) {
      slot->kind = kind;
      slot->i = i;
      slot->d = d;
      slot->text = part_;
      slot->text.append(s.data(), s.size());
    } else {
      letter_value(kind, false);
    }
    part_.clear();
    after_value();
    return true;
  }

  // A value inside a letter object (true/false per item) or array (item names).
  void letter_value(Scalar::Kind kind, bool b) {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    LetterCapture& letter = event_.letter;
    if (f.role == Role::letter_object) {
      // Any member may be an item; one that is not true or false is an
      // error only if the rule set's letter check reads it.
      LetterItem& item = letter.items.back();
      item.value = kind == Scalar::Kind::boolean ? (b ? Tri::yes : Tri::no) : Tri::absent;
      item.found = kind == Scalar::Kind::boolean ? "" : Scalar::kind_article(kind);
    } else if (f.role == Role::letter_array) {
      note_letter_error(cat(event_path(), ".letter[", std::to_string(f.index), "]"), "expected a string, found " + Scalar::kind_name(kind));
    }
  }

  void letter_list_item(std::string_view name) {
    LetterItem& item = event_.letter.items.emplace_back();
    item.id.assign(name.data(), name.size());
    item.value = Tri::yes;
  }

  // A member of the letter object: given twice is an error, as for every field chc reads.
  void letter_key(std::string_view key) {
    for (const LetterItem& item : event_.letter.items) {
      // Sizes first: a letter's items are compared with each other, and most differ in length.
      if (item.id.size() == key.size() && std::memcmp(item.id.data(), key.data(), key.size()) == 0) {
        fail(Errc::schema, cat(event_path(), ".letter.", key), "appears twice; which one counts would be a guess");
      }
    }
    LetterItem& item = event_.letter.items.emplace_back();
    item.id.assign(key.data(), key.size());
    item.found = "an object or an array";
  }

  void note_letter_error(std::string path, std::string message) {
    LetterCapture& letter = event_.letter;
    if (letter.bad_item_code != Errc::ok) return;
    letter.bad_item_code = Errc::schema;
    letter.bad_item_path = std::move(path);
    letter.bad_item_message = std::move(message);
  }

  Case::Impl& case_;
  std::vector<Frame> stack_;
  std::array<Scalar, static_cast<std::size_t>(RootField::count)> root_;
  EventCapture event_;
  int event_index_ = 0;
  std::string part_;  // a key, string or number the parser delivered in pieces
};

}  // namespace

std::shared_ptr<Case::Impl> parse_case(std::string_view text, bool keep_text) {
  if (text.size() > max_case_bytes) {
    throw Error(Errc::limit, cat("case JSON is ", std::to_string(text.size()), " bytes; the limit is ", std::to_string(max_case_bytes)));
  }
  auto impl = std::make_shared<Case::Impl>();
  impl->events.reserve(8);  // most cases hold a handful of events: no regrowth, no moves
  bj::parse_options options;
  options.max_depth = json::max_depth;
  bj::basic_parser<CaseReader> parser(options, *impl);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = bj::error::extra_data;
  if (ec) json::throw_parse_error(text, consumed, ec, "case JSON");
  parser.handler().finish();
  if (keep_text) impl->text.assign(text.data(), text.size());
  return impl;
}

Case Case::parse(std::string_view json) { return Case(parse_case(json, true)); }
const std::string& Case::id_json() const { return impl_->id_json; }
std::string Case::json() const { return impl_->text; }

namespace {

// Positions in a document already parsed successfully (so well-formed, and
// nested no deeper than json::max_depth): what normalizing needs to edit the
// text in place rather than re-serialise it, which would reformat numbers,
// round big integers and drop repeated unknown keys.
class Positions {
 public:
  explicit Positions(std::string_view text) : t_(text) {}

  struct Member {
    std::string key;  // decoded
    std::size_t value_begin, value_end;
  };

  std::size_t skip_space(std::size_t i) const {
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t' || t_[i] == '\n' || t_[i] == '\r')) ++i;
    return i;
  }
  // The end (one past) of the value starting at i.
  std::size_t skip_value(std::size_t i) const {
    const char c = t_[i];
    if (c == '"') return skip_string(i);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      i = skip_space(i + 1);
      while (t_[i] != close) {
        if (c == '{') {
          i = skip_space(skip_string(i));  // the key
          i = skip_space(i + 1);           // past ':'
        }
        i = skip_space(skip_value(i));
        if (t_[i] == ',') i = skip_space(i + 1);
      }
      return i + 1;
    }
    while (i < t_.size() && t_[i] != ',' && t_[i] != '}' && t_[i] != ']' && t_[i] != ' ' && t_[i] != '\t' &&
           t_[i] != '\n' && t_[i] != '\r')
      ++i;  // a number, true, false or null
    return i;
  }
  std::size_t skip_string(std::size_t i) const {
    for (++i; t_[i] != '"'; ++i) {
      if (t_[i] == '\\') ++i;
    }
    return i + 1;
  }
  // The members of the object starting at `open`, and the position of its '}'.
  std::vector<Member> members(std::size_t open, std::size_t& close) const {
    std::vector<Member> out;
    std::size_t i = skip_space(open + 1);
    while (t_[i] != '}') {
      const std::size_t key_end = skip_string(i);
      std::string key = decode(i, key_end);
      i = skip_space(skip_space(key_end) + 1);  // past ':'
      const std::size_t value_end = skip_value(i);
      out.push_back({std::move(key), i, value_end});
      i = skip_space(value_end);
      if (t_[i] == ',') i = skip_space(i + 1);
    }
    close = i;
    return out;
  }
  // The starts of the elements of the array starting at `open`.
  std::vector<std::size_t> elements(std::size_t open) const {
    std::vector<std::size_t> out;
    std::size_t i = skip_space(open + 1);
    while (t_[i] != ']') {
      out.push_back(i);
      i = skip_space(skip_value(i));
      if (t_[i] == ',') i = skip_space(i + 1);
    }
    return out;
  }
  // A string token's text (escapes decoded when there are any).
  std::string decode(std::size_t begin, std::size_t end) const {
    const std::string_view token = t_.substr(begin, end - begin);
    if (token.find('\\') == std::string_view::npos) return std::string(token.substr(1, token.size() - 2));
    return std::string(bj::parse(token).get_string());
  }
  char at(std::size_t i) const { return t_[i]; }

 private:
  std::string_view t_;
};

struct Edit {
  std::size_t begin, end;  // the bytes replaced ([begin, begin) for an insertion)
  std::string text;
};

// Sets `key` to the date string in the object at `open`: every existing
// member of that name has its value replaced, or the member is added last.
void set_member(const Positions& p, std::size_t open, std::string_view key, Date date, std::vector<Edit>& edits) {
  std::size_t close = 0;
  const auto members = p.members(open, close);
  const std::string value = cat("\"", date.iso(), "\"");
  bool found = false;
  for (const auto& m : members) {
    if (m.key == key) {
      edits.push_back({m.value_begin, m.value_end, value});
      found = true;
    }
  }
  if (!found) edits.push_back({close, close, cat(members.empty() ? "" : ",", "\"", key, "\":", value)});
}

// Whether the member `key` of the object at `open` is a string other than a plain YYYY-MM-DD date.
bool holds_timestamp(const Positions& p, std::size_t open, std::string_view key) {
  std::size_t close = 0;
  for (const auto& m : p.members(open, close)) {
    if (m.key == key && p.at(m.value_begin) == '"' && p.decode(m.value_begin, m.value_end).size() != 10) return true;
  }
  return false;
}

}  // namespace

std::string Case::normalized_json() const {
  // The document as given, byte for byte, with each timestamp's London date
  // beside it under chc_-prefixed keys (reserved for chc; docs/case-format.md).
  const std::string& text = impl_->text;
  const Positions p(text);
  const std::size_t root = p.skip_space(0);
  std::vector<Edit> edits;
  if (holds_timestamp(p, root, "received")) set_member(p, root, "chc_received_date", impl_->received, edits);
  std::size_t close = 0;
  for (const auto& m : p.members(root, close)) {
    if (m.key != "events") continue;  // a case record has one (a repeat is rejected when it is read)
    const auto events = p.elements(m.value_begin);
    for (std::size_t i = 0; i < events.size() && i < impl_->events.size(); ++i) {
      if (holds_timestamp(p, events[i], "date")) set_member(p, events[i], "chc_local_date", impl_->events[i].date, edits);
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size() + 40 * edits.size());
  std::size_t at = 0;
  for (const Edit& e : edits) {
    out.append(text, at, e.begin - at);
    out += e.text;
    at = e.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

}  // namespace chc
