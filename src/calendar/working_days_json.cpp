// SPDX-License-Identifier: MIT
// The JSON answers of add and count (declared in <chc/calendar.hpp>), through the one JsonWriter.
#include <chc/calendar.hpp>

#include "core/json_writer.hpp"

namespace chc {

std::string add_working_days_json(const Calendar& cal, Date start, int32_t n) {
  const Date result = cal.add_working_days(start, n);
  return json_object([&](JsonWriter& w) {
    w.key("calendar").value(cal.name());
    w.key("data_version").value(cal.data_version());
    w.key("start").value(start);
    w.key("n").value(n);
    w.key("result").value(result);
  });
}

std::string count_working_days_json(const Calendar& cal, Date from, Date to) {
  const int32_t count = cal.count_working_days(from, to);
  return json_object([&](JsonWriter& w) {
    w.key("calendar").value(cal.name());
    w.key("data_version").value(cal.data_version());
    w.key("from").value(from);
    w.key("to").value(to);
    w.key("working_days").value(count);
  });
}

}  // namespace chc
