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

// The items a response letter may confirm (Code 6.9 / 6.19 a-g), in order.
inline constexpr std::array<const char*, 7> letter_item_names = {"stage", "definition", "decision", "reasons",
                                                                   "remedy", "outstanding_actions", "escalation"};
int letter_item_index(std::string_view name);  // -1 when unknown

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
  std::array<Tri, 7> letter{};  // by letter_item_names
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
};

// Reads a case from JSON text; keep_text keeps a copy of the text in the Impl.
std::shared_ptr<Case::Impl> parse_case(std::string_view json, bool keep_text);

// Documented limits (docs/case-format.md).
inline constexpr std::size_t max_case_bytes = 1u << 20;
inline constexpr std::size_t max_case_events = 10000;

}  // namespace chc
