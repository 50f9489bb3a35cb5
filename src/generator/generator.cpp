// SPDX-License-Identifier: MIT
#include <chc/generator.hpp>

#include "core/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>
#include <vector>

namespace chc {

namespace {

constexpr std::array<const char*, 7> categories = {"repairs", "damp and mould", "anti-social behaviour", "customer service",
                                                   "rent and charges", "estate services", "neighbourhood"};
constexpr std::array<int, 7> category_weights = {40, 15, 8, 14, 9, 8, 6};
constexpr std::array<const char*, 12> handlers = {"A. Khan",  "B. Okafor", "C. Murphy", "D. Evans", "E. Nowak",   "F. Campbell",
                                                  "G. Patel", "H. Jones",  "I. Wright", "J. Smith", "K. Lewis", "L. Ahmed"};
constexpr std::array<const char*, 5> remedies = {"Compensation for delay", "Goodwill payment", "Repair completed and apology",
                                                 "Rent account credit", "Decoration allowance"};

}  // namespace

CaseGenerator::CaseGenerator(const CaseGeneratorOptions& options)
    : options_(options), calendar_(Calendar::builtin(options.calendar)), rng_(options.seed) {
  if (options.last_received < options.first_received) {
    throw Error(Errc::invalid_argument, "last_received: " + options.last_received.iso() + " is before first_received " +
                                            options.first_received.iso());
  }
  for (const auto& [what, day] : {std::pair{"first_received", options.first_received}, {"last_received", options.last_received}}) {
    if (day < Calendar::first_supported_day() || day > Calendar::last_supported_day()) {
      throw Error(Errc::range, std::string(what) + ": " + day.iso() + " is outside the supported range " +
                                   Calendar::first_supported_day().iso() + " to " + Calendar::last_supported_day().iso());
    }
  }
}

void CaseGenerator::next(std::string& out) {
  auto chance = [&](int percent) { return static_cast<int>(rng_() % 100) < percent; };
  auto between = [&](int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<uint64_t>(hi - lo + 1)); };
  const Calendar& cal = calendar_;
  const Date as_of = options_.as_of;
  ++count_;

  const auto span = static_cast<uint64_t>(options_.last_received - options_.first_received + 1);
  const Date received = options_.first_received + static_cast<int32_t>(rng_() % span);
  int weight = between(1, 100), category = 0;
  while (weight > category_weights[static_cast<std::size_t>(category)]) weight -= category_weights[static_cast<std::size_t>(category++)];
  const char* handler1 = handlers[rng_() % handlers.size()];
  const char* handler2 = chance(4) ? handler1 : handlers[rng_() % handlers.size()];

  JsonWriter w(out);
  w.begin_object();
  w.key("id").value(options_.id_prefix + std::to_string(count_));
  if (chance(35)) {
    char stamp[40];
    const int minute = between(7 * 60, 21 * 60);
    const YearMonthDay ymd = received.ymd();
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:00Z", ymd.year, ymd.month, ymd.day, minute / 60 % 24, minute % 60);
    w.key("received").value(stamp);
  } else {
    w.key("received").value(received);
  }
  if (chance(80)) w.key("issue_date").value(received - between(0, chance(5) ? 500 : 200));
  w.key("category").value(categories[static_cast<std::size_t>(category)]);
  w.key("channel").value(chance(50) ? "phone" : (chance(60) ? "web" : "email"));
  // Events are built as they happen, then written in date order up to as_of.
  struct Pending {
    Date date;
    std::string json;
  };
  std::vector<Pending> events;
  auto event = [&](const char* type, Date date, auto&& fields) {
    events.push_back({date, json_object([&](JsonWriter& e) {
                        e.key("type").value(type);
                        e.key("date").value(date);
                        fields(e);
                      })});
  };
  auto none = [](JsonWriter&) {};

  if (chance(4)) {  // not accepted: an exclusion
    event("not_accepted", cal.add_working_days(received, between(1, 6)), [&](JsonWriter& e) {
      static constexpr std::array<const char*, 4> reasons = {"over_12_months", "legal_proceedings", "previously_considered", "other"};
      e.key("reason").value(reasons[rng_() % reasons.size()]);
      e.key("explanation_given").value(!chance(5));
      e.key("ombudsman_right_given").value(!chance(8));
    });
  } else {
    const int withdraw_at = chance(3) ? between(1, 4) : 0;
    Date stage_start = received;
    for (int stage = 1; stage <= 2; ++stage) {
      if (withdraw_at == stage * 2 - 1) {
        event("withdrawn", cal.add_working_days(stage_start, between(1, 4)), none);
        break;
      }
      const Date ack = cal.add_working_days(stage_start, chance(90) ? between(1, 5) : between(6, 12));
      event("acknowledged", ack, [&](JsonWriter& e) {
        e.key("stage").value(stage);
        e.key("handler").value(stage == 1 ? handler1 : handler2);
        e.key("definition").value(!chance(6));
      });
      const int limit = stage == 1 ? 10 : 20;
      int extension = 0;
      if (chance(stage == 1 ? 15 : 12)) {
        extension = chance(80) ? between(3, limit) : between(limit + 1, limit + 10);
        event("extension", cal.add_working_days(ack, between(2, limit - 1)), [&](JsonWriter& e) {
          e.key("stage").value(stage);
          e.key("working_days").value(extension);
          if (!chance(7)) e.key("reason").value("Awaiting a contractor's report");
          e.key("ombudsman_details_given").value(!chance(10));
        });
      }
      if (withdraw_at == stage * 2) {
        event("withdrawn", cal.add_working_days(ack, between(1, limit)), none);
        break;
      }
      const int taken = chance(78) ? between(3, limit + std::min(extension, limit)) : between(limit + 1, limit * 2 + 5);
      const Date response = cal.add_working_days(ack, taken);
      const int decision = between(1, 100);
      event("response", response, [&](JsonWriter& e) {
        e.key("stage").value(stage);
        e.key("handler").value(stage == 1 ? handler1 : handler2);
        e.key("decision").value(decision <= 35 ? "upheld" : decision <= 65 ? "partly_upheld" : "not_upheld");
        e.key("letter").begin_object();
        for (const char* item : {"stage", "definition", "decision", "reasons", "remedy", "outstanding_actions", "escalation"}) {
          e.key(item).value(!chance(3));
        }
        e.end_object();
      });
      if (decision <= 65 && chance(45)) {
        const Date due = cal.add_working_days(response, between(5, 20));
        const std::string id = "R" + std::to_string(stage);
        const bool dated = !chance(5);
        event("remedy_offered", response, [&](JsonWriter& e) {
          e.key("id").value(id);
          e.key("what").value(remedies[rng_() % remedies.size()]);
          e.key("amount").value(static_cast<int64_t>(between(1, 40) * 25));
          if (dated) e.key("due").value(due);
        });
        const int outcome = between(1, 100);
        if (outcome <= 95) {
          const Date done = outcome <= 85 ? cal.add_working_days(response, between(2, std::max(2, cal.count_working_days(response, due))))
                                          : cal.add_working_days(due, between(1, 15));
          event("remedy_completed", done, [&](JsonWriter& e) { e.key("id").value(id); });
        }
      }
      if (stage == 2 || !chance(20)) break;
      stage_start = cal.add_working_days(response, between(1, 30));
      event("escalation_requested", stage_start, none);
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const Pending& a, const Pending& b) { return a.date < b.date; });
  w.key("events").begin_array();
  for (const Pending& p : events) {
    if (p.date <= as_of) w.raw(p.json);
  }
  w.end_array();
  w.key("crm_ref").value(static_cast<int64_t>(rng_() % 1000000));
  w.end_object();
  w.finish();
}

}  // namespace chc
