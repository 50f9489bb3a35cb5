#include "evaluate/case_impl.hpp"

#include "core/json_util.hpp"
#include "core/london_time.hpp"

#include <cstring>

namespace chc {

namespace bj = boost::json;

const char* event_type_name(EventType t) noexcept {
  switch (t) {
    case EventType::acknowledged: return "acknowledged";
    case EventType::extension: return "extension";
    case EventType::response: return "response";
    case EventType::escalation_requested: return "escalation_requested";
    case EventType::escalation_refused: return "escalation_refused";
    case EventType::not_accepted: return "not_accepted";
    case EventType::withdrawn: return "withdrawn";
    case EventType::remedy_offered: return "remedy_offered";
    case EventType::remedy_completed: return "remedy_completed";
    case EventType::action_opened: return "action_opened";
    case EventType::action_completed: return "action_completed";
    case EventType::update_sent: return "update_sent";
    case EventType::custom: return "custom";
  }
  return "?";
}

int letter_item_index(std::string_view name) {
  for (std::size_t i = 0; i < letter_item_names.size(); ++i) {
    if (name == letter_item_names[i]) return static_cast<int>(i);
  }
  return -1;
}

namespace {

constexpr EventType known_types[] = {
    EventType::acknowledged,     EventType::extension,      EventType::response,         EventType::escalation_requested,
    EventType::escalation_refused, EventType::not_accepted, EventType::withdrawn,        EventType::remedy_offered,
    EventType::remedy_completed, EventType::action_opened,  EventType::action_completed, EventType::update_sent};

std::string field(const std::string& path, std::string_view key) { return json::field(path, key); }

LocalMoment moment(const bj::value& v, const std::string& path) {
  const std::string_view text = json::as_string(v, path);
  LocalMoment m;
  try {
    m = parse_london_moment(text);
  } catch (const Error& e) {
    json::fail(e.code(), path, e.what());
  }
  if (m.date < Calendar::first_supported_day() || m.date > Calendar::last_supported_day()) {
    json::fail(Errc::range, path, m.date.iso() + " is outside the supported range " + Calendar::first_supported_day().iso() +
                                      " to " + Calendar::last_supported_day().iso());
  }
  return m;
}

std::string text_of(const bj::object& o, std::string_view key, const std::string& path) {
  const auto* v = json::find(o, key);
  if (!v) return {};
  if (v->is_string()) return std::string(v->get_string());
  if (v->is_int64() || v->is_uint64()) return bj::serialize(*v);  // handler or id given as a number
  json::fail(Errc::schema, field(path, key), "expected a string, found " + json::type_name(*v));
}

Tri tri(const bj::object& o, std::string_view key, const std::string& path) {
  const auto* v = json::find(o, key);
  if (!v) return Tri::absent;
  return json::as_bool(*v, field(path, key)) ? Tri::yes : Tri::no;
}

std::optional<Date> date_field(const bj::object& o, std::string_view key, const std::string& path) {
  const auto* v = json::find(o, key);
  if (!v) return std::nullopt;
  return moment(*v, field(path, key)).date;
}

void read_letter(Event& e, const bj::value& v, const std::string& path) {
  e.has_letter = true;
  if (v.is_array()) {
    // A list of the items present: everything else is missing.
    e.letter.fill(Tri::no);
    const auto& items = v.get_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string ip = json::element(path, i);
      const int k = letter_item_index(json::as_string(items[i], ip));
      if (k < 0) json::fail(Errc::schema, ip, "unknown letter item (known: stage, definition, decision, reasons, remedy, outstanding_actions, escalation)");
      e.letter[static_cast<std::size_t>(k)] = Tri::yes;
    }
    return;
  }
  const auto& o = json::as_object(v, path);
  for (const auto& kv : o) {
    const int k = letter_item_index(kv.key());
    if (k < 0) continue;  // a CRM's own letter fields are kept, not read
    e.letter[static_cast<std::size_t>(k)] = json::as_bool(kv.value(), field(path, kv.key())) ? Tri::yes : Tri::no;
  }
}

Event read_event(const bj::value& v, int index, const std::string& path) {
  const auto& o = json::as_object(v, path);
  Event e;
  e.index = index;
  const std::string_view type = json::as_string(json::require(o, "type", path), field(path, "type"));
  bool known = false;
  for (EventType t : known_types) {
    if (type == event_type_name(t)) {
      e.type = t;
      known = true;
    }
  }
  if (!known) {
    if (type.size() > 2 && type.substr(0, 2) == "x-") {
      e.type = EventType::custom;
    } else {
      json::fail(Errc::schema, field(path, "type"),
                 "unknown event type \"" + std::string(type) +
                     "\" (known: acknowledged, extension, response, escalation_requested, escalation_refused, not_accepted, "
                     "withdrawn, remedy_offered, remedy_completed, action_opened, action_completed, update_sent; a CRM's own "
                     "types start with \"x-\")");
    }
  }
  e.date = moment(json::require(o, "date", path), field(path, "date")).date;
  if (e.type == EventType::custom) return e;
  if (const auto* s = json::find(o, "stage")) {
    const int64_t stage = json::as_int(*s, field(path, "stage"));
    if (stage < 1 || stage > 3) json::fail(Errc::schema, field(path, "stage"), "a stage is 1, 2 or 3");
    e.stage = static_cast<int>(stage);
  }
  e.handler = text_of(o, "handler", path);
  if (const auto* d = json::find(o, "definition")) {
    if (d->is_bool()) e.definition = d->get_bool() ? Tri::yes : Tri::no;
    else e.definition = json::as_string(*d, field(path, "definition")).empty() ? Tri::no : Tri::yes;
  }
  if (const auto* w = json::find(o, "working_days")) {
    const int64_t days = json::as_int(*w, field(path, "working_days"));
    if (days < 1 || days > 100000) json::fail(Errc::schema, field(path, "working_days"), "an extension is a positive number of working days");
    e.working_days = static_cast<int32_t>(days);
  }
  e.new_due = date_field(o, "new_due", path);
  if (e.type == EventType::extension && !e.working_days && !e.new_due) {
    json::fail(Errc::schema, path, "an extension needs \"working_days\" or \"new_due\"");
  }
  e.reason = text_of(o, "reason", path);
  e.ombudsman_details = tri(o, "ombudsman_details_given", path);
  e.good_reason = text_of(o, "good_reason", path);
  e.decision = text_of(o, "decision", path);
  if (const auto* l = json::find(o, "letter")) read_letter(e, *l, field(path, "letter"));
  if (e.type == EventType::not_accepted && json::find(o, "reason")) {
    static constexpr const char* reasons[] = {"over_12_months", "over_6_months", "over_time_limit", "legal_proceedings",
                                              "previously_considered", "other"};
    if (std::none_of(std::begin(reasons), std::end(reasons), [&](const char* r) { return e.reason == r; })) {
      json::fail(Errc::schema, field(path, "reason"),
                 "\"" + e.reason + "\" is not an exclusion (use over_12_months, legal_proceedings, previously_considered or other)");
    }
  }
  e.explanation_given = tri(o, "explanation_given", path);
  e.ombudsman_right_given = tri(o, "ombudsman_right_given", path);
  e.ref = text_of(o, "id", path);
  e.what = text_of(o, "what", path);
  if (const auto* a = json::find(o, "amount")) {
    if (!a->is_number()) json::fail(Errc::schema, field(path, "amount"), "expected a number, found " + json::type_name(*a));
    const double amount = a->to_number<double>();
    if (!(amount >= 0) || amount > 1e12) json::fail(Errc::schema, field(path, "amount"), "an amount is a number of pounds, 0 or more");
    e.amount = amount;
  }
  e.due = date_field(o, "due", path);
  return e;
}

}  // namespace

std::shared_ptr<Case::Impl> parse_case(std::string_view text, boost::json::storage_ptr storage) {
  if (text.size() > max_case_bytes) {
    throw Error(Errc::limit, "case JSON is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(max_case_bytes));
  }
  // Constructed in place: assigning a value across memory resources would copy it.
  auto impl = std::make_shared<Case::Impl>(json::parse(text, "case JSON", std::move(storage)));
  const std::string path = "case";
  const auto& o = json::as_object(impl->doc, path);
  const auto& id = json::require(o, "id", path);
  if (id.is_string()) {
    if (id.get_string().empty()) json::fail(Errc::schema, field(path, "id"), "must not be empty");
  } else if (!id.is_int64() && !id.is_uint64()) {
    json::fail(Errc::schema, field(path, "id"), "expected a string or a whole number, found " + json::type_name(id));
  }
  impl->id_json = bj::serialize(id);
  const LocalMoment received = moment(json::require(o, "received", path), field(path, "received"));
  impl->received = received.date;
  impl->received_minute = received.minute;
  impl->issue_date = date_field(o, "issue_date", path);
  impl->calendar = text_of(o, "calendar", path);
  impl->category = text_of(o, "category", path);
  const auto& events = json::as_array(json::require(o, "events", path), field(path, "events"));
  if (events.size() > max_case_events) {
    json::fail(Errc::limit, field(path, "events"), std::to_string(events.size()) + " events; the limit is " + std::to_string(max_case_events));
  }
  impl->events.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    impl->events.push_back(read_event(events[i], static_cast<int>(i), json::element(field(path, "events"), i)));
  }
  return impl;
}

Case Case::parse(std::string_view json) { return Case(parse_case(json)); }
const std::string& Case::id_json() const { return impl_->id_json; }
std::string Case::json() const { return bj::serialize(impl_->doc); }

std::string Case::normalized_json() const {
  // A copy of the document with each timestamp's London date beside it, under
  // chc_-prefixed keys (reserved for chc; docs/case-format.md).
  bj::value doc = impl_->doc;
  auto& o = doc.get_object();
  if (const auto* r = json::find(o, "received"); r && r->is_string() && r->get_string().size() != 10) {
    o["chc_received_date"] = impl_->received.iso();
  }
  auto& events = o["events"].get_array();
  for (std::size_t i = 0; i < events.size(); ++i) {
    auto& e = events[i].get_object();
    if (const auto* d = json::find(e, "date"); d && d->is_string() && d->get_string().size() != 10) {
      e["chc_local_date"] = impl_->events[i].date.iso();
    }
  }
  return bj::serialize(doc);
}

}  // namespace chc
