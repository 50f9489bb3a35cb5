// SPDX-License-Identifier: MIT
#include <chc/date.hpp>
#include <chc/error.hpp>

#include <cstdio>
#include <limits>

namespace chc {

const char* weekday_name(Weekday w) noexcept {
  static constexpr const char* names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  const int i = static_cast<int>(w) - 1;
  return (i >= 0 && i < 7) ? names[i] : "?";
}

Date Date::from_ymd(int year, int month, int day) {
  if (month < 1 || month > 12) {
    throw Error(Errc::date, "month " + std::to_string(month) + " is not between 1 and 12");
  }
  if (day < 1 || day > days_in_month(year, month)) {
    throw Error(Errc::date, "day " + std::to_string(day) + " does not exist in " + std::to_string(year) + "-" +
                                (month < 10 ? "0" : "") + std::to_string(month) + " (it has " +
                                std::to_string(days_in_month(year, month)) + " days)");
  }
  const int64_t serial = serial_from_civil(year, month, day);
  if (serial < std::numeric_limits<int32_t>::min() || serial > std::numeric_limits<int32_t>::max()) {
    throw Error(Errc::overflow, "year " + std::to_string(year) + " is too far from 1970 for a 32-bit day count");
  }
  return Date(static_cast<int32_t>(serial));
}

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int digits(std::string_view s, std::size_t at, std::size_t count) {
  int v = 0;
  for (std::size_t i = at; i < at + count; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text.substr(0, 40)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  if (text.size() > 40) out += "...";
  return out + "\"";
}

constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

// "2025-12-02 if you meant 2 December 2025", or empty when y-m-d is no day.
std::string reading(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return {};
  return Date::from_ymd(y, m, d).iso() + " if you meant " + std::to_string(d) + " " + month_names[m - 1] + " " + std::to_string(y);
}

// For text that is a date in another order (02/12/2025, 2/12/2025, 2025/12/02,
// 12-02-2025, 2025-1-5): " (2025-12-02 if you meant 2 December 2025)". Day
// first is the UK reading; when month first also makes a day, both are given.
std::string iso_hint(std::string_view text) {
  int parts[3] = {0, 0, 0}, widths[3] = {0, 0, 0}, count = 0;
  char separator = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      if (count == 0) count = 1;
      if (++widths[count - 1] > 4) return {};
      parts[count - 1] = parts[count - 1] * 10 + (c - '0');
    } else if ((c == '/' || c == '-' || c == '.') && count > 0 && count < 3 && widths[count - 1] > 0 &&
               (separator == 0 || separator == c)) {
      separator = c;
      ++count;
    } else {
      return {};
    }
  }
  if (count != 3 || widths[2] == 0) return {};
  std::string first, second;
  if (widths[0] == 4 && widths[1] <= 2 && widths[2] <= 2) {
    first = reading(parts[0], parts[1], parts[2]);  // year first is always year-month-day
  } else if (widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2) {
    first = reading(parts[2], parts[1], parts[0]);   // day first: the UK reading
    second = reading(parts[2], parts[0], parts[1]);  // month first
    if (first == second) second.clear();
    if (first.empty()) first.swap(second);
    else if (!second.empty()) first += ", the UK reading; " + second;
  }
  return first.empty() ? std::string() : " (" + first + ")";
}
}  // namespace

Date Date::parse(std::string_view iso) {
  const bool shape = iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && is_digit(iso[0]) && is_digit(iso[1]) &&
                     is_digit(iso[2]) && is_digit(iso[3]) && is_digit(iso[5]) && is_digit(iso[6]) &&
                     is_digit(iso[8]) && is_digit(iso[9]);
  if (!shape) throw Error(Errc::date, quoted(iso) + " is not a date in the form YYYY-MM-DD" + iso_hint(iso));
  try {
    return from_ymd(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2));
  } catch (const Error& e) {
    throw Error(e.code(), quoted(iso) + ": " + e.what());
  }
}

std::string Date::iso() const {
  char text[11];
  if (iso_into(text)) return std::string(text, 10);
  const YearMonthDay ymd = civil_from_serial(serial_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+05d-%02d-%02d", ymd.year, ymd.month, ymd.day);
  return buf;
}

}  // namespace chc
