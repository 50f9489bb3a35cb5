// SPDX-License-Identifier: MIT
#include "core/london_time.hpp"

#include <chc/error.hpp>

#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <cmath>
#include <memory>
#include <string>

namespace chc {

namespace {

const icu::TimeZone& london() {
  // One zone per thread: ICU zones are cheap to query but not documented as
  // safe to share across threads.
  thread_local const std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/London"));
  return *zone;
}

// Local offset from UTC, in milliseconds, at a UTC instant.
int64_t london_offset_ms(double utc_ms) {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  london().getOffset(utc_ms, false, raw, dst, status);
  if (U_FAILURE(status)) throw Error(Errc::internal, std::string("ICU Europe/London offset: ") + u_errorName(status));
  return static_cast<int64_t>(raw) + dst;
}

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int number(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

[[noreturn]] void bad(std::string_view text, const char* why) {
  std::string shown(text.substr(0, 40));
  throw Error(Errc::date, "\"" + shown + (text.size() > 40 ? "...\"" : "\"") + " is not a date (YYYY-MM-DD) or an RFC 3339 timestamp: " + why);
}

}  // namespace

LocalMoment parse_london_moment(std::string_view text) {
  if (text.size() == 10) return {Date::parse(text), std::nullopt};
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) bad(text, "expected a 'T' after the date");
  const Date day = Date::parse(text.substr(0, 10));
  if (text.size() < 19 || !digits(text, 11, 2) || text[13] != ':' || !digits(text, 14, 2) || text[16] != ':' || !digits(text, 17, 2)) {
    bad(text, "expected HH:MM:SS");
  }
  const int hour = number(text, 11, 2), minute = number(text, 14, 2), second = number(text, 17, 2);
  if (hour > 23 || minute > 59 || second > 60) bad(text, "time of day out of range");
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) bad(text, "expected digits after '.'");
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    if (!digits(text, at + 1, 2) || at + 3 >= text.size() || text[at + 3] != ':' || !digits(text, at + 4, 2)) {
      bad(text, "expected a UTC offset +HH:MM");
    }
    const int oh = number(text, at + 1, 2), om = number(text, at + 4, 2);
    if (oh > 23 || om > 59) bad(text, "UTC offset out of range");
    offset_minutes = (text[at] == '-' ? -1 : 1) * (oh * 60 + om);
    at += 6;
  } else {
    // A local time without a zone is ambiguous once a year (the hour the clocks go back).
    bad(text, "expected a time zone (Z or +HH:MM)");
  }
  if (at != text.size()) bad(text, "unexpected text after the time zone");
  const int64_t utc_seconds = static_cast<int64_t>(day.serial()) * 86400 + hour * 3600 + minute * 60 + std::min(second, 59) -
                              static_cast<int64_t>(offset_minutes) * 60;
  const int64_t local_ms = utc_seconds * 1000 + london_offset_ms(static_cast<double>(utc_seconds) * 1000.0);
  const int64_t local_minutes = local_ms / 60000 - (local_ms % 60000 < 0 ? 1 : 0);
  const int64_t local_day = local_minutes / 1440 - (local_minutes % 1440 < 0 ? 1 : 0);
  if (local_day < INT32_MIN || local_day > INT32_MAX) throw Error(Errc::overflow, "timestamp too far from 1970");
  return {Date(static_cast<int32_t>(local_day)), static_cast<int>(local_minutes - local_day * 1440)};
}

Date london_date(std::string_view date_or_timestamp) { return parse_london_moment(date_or_timestamp).date; }

Date london_today() {
  const double now_ms = ucal_getNow();
  const double local_ms = now_ms + static_cast<double>(london_offset_ms(now_ms));
  return Date(static_cast<int32_t>(std::floor(local_ms / 86400000.0)));
}

}  // namespace chc
