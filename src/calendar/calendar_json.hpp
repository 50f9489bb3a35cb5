// SPDX-License-Identifier: MIT
// JSON forms of calendar answers, shared by the C API and the CLI.
#pragma once

#include <chc/calendar.hpp>

#include <boost/json.hpp>

#include <string>

namespace chc {

boost::json::object holiday_to_json(const Holiday& h);
std::string holidays_json(const Calendar& cal, Date from, Date to);
std::string explain_json(const Calendar& cal, Date from, Date to);
std::string calendar_info_json(const Calendar& cal);

// 64-bit FNV-1a of `text` as 16 hex digits: short, stable content stamps for data versions.
std::string content_hash(std::string_view text);

}  // namespace chc
