// SPDX-License-Identifier: MIT
// Case::Impl: a case record read into typed events, with the document kept.
#pragma once

#include <chc/evaluate.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace chc {

enum class EventType {
  acknowledged,
  extension,
  response,
  escalation_requested,
  escalation_refused,
  not_accepted,
  withdrawn,
  remedy_offered,
  remedy_completed,
  action_opened,
  action_completed,
  update_sent,
  custom,  // a CRM's own "x-..." type: kept, ignored
};
const char* event_type_name(EventType t) noexcept;

// A yes/no field that may also be absent.
enum class Tri : uint8_t { absent, no, yes };

// The highest stage an event may name; a rule set allows fewer (the
// evaluator fails an event beyond its stages check).
inline constexpr int max_event_stage = 9;

// One item of a response letter as the log records it: {"stage": true} in
// the object form, or a name in the list form. Which items a letter must
// confirm is the rule set's (its letter check), not the reader's.
struct LetterItem {
  std::string id;
  Tri value = Tri::absent;   // absent: given, but not as true or false (`found` says as what)
  const char* found = "";    // "a string", "an object", ... when value is absent
};

struct Event {
  EventType type = EventType::custom;
  int index = 0;  // position in the case's events array
  Date date;
  std::optional<int> stage;
  std::string handler;
  Tri definition = Tri::absent;
  std::optional<int32_t> working_days;
  std::optional<Date> new_due;
  std::string reason;
  Tri ombudsman_details = Tri::absent;
  std::string good_reason;
  std::string decision;
  bool has_letter = false;
  bool letter_is_list = false;  // the list form names the items confirmed: any other is not
  std::vector<LetterItem> letter;
  Tri explanation_given = Tri::absent;
  Tri ombudsman_right_given = Tri::absent;
  std::string ref;   // "id" of a remedy or action
  std::string what;
  std::optional<double> amount;
  std::optional<Date> due;
};

class Case::Impl {
 public:
  std::string text;  // the record as given (kept by Case::parse, for echo and normalisation)
  std::string id_json;
  std::string id;  // the id as text: a string id unescaped, a numeric id as written
  Date received;
  std::optional<int> received_minute;  // local time of day, when received was a timestamp
  std::optional<Date> issue_date;
  std::string calendar;
  std::string category;
  std::vector<Event> events;
  // Keys that are not chc's but nearly are ("recieved", "stge"): the case is
  // read without them, and the caller is told (Evaluation::warnings).
  struct NearMiss {
    std::string where;  // "case", "case.events[2]"
    std::string key;
    std::string meant;
  };
  std::vector<NearMiss> near_misses;
};

// Reads a case from JSON text; keep_text keeps a copy of the text in the Impl.
std::shared_ptr<Case::Impl> parse_case(std::string_view json, bool keep_text);

// Documented limits (docs/case-format.md).
inline constexpr std::size_t max_case_bytes = 1u << 20;
inline constexpr std::size_t max_case_events = 10000;

}  // namespace chc
