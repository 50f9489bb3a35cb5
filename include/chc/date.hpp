// SPDX-License-Identifier: MIT
// chc/date.hpp: civil dates as a serial day count.
//
// A chc::Date is the number of days since 1970-01-01 in the proleptic Gregorian
// calendar, the same number the C API passes as chc_day. It has no time of day
// and no time zone: a complaint received at 23:30 BST on 31 March is a 31 March
// date, decided once (with ICU) when the timestamp is read, never re-derived.
//
// Any int32 serial is a valid Date (years about -5.8 to +5.8 million).
// Construction from text or from year/month/day validates and throws chc::Error:
//   Errc::date      the text is not YYYY-MM-DD, or the day does not exist (2023-02-29)
//   Errc::overflow  the date exists but its serial does not fit in 32 bits
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace chc {

struct YearMonthDay {
  int year;
  int month;  // 1..12
  int day;    // 1..31
  friend constexpr bool operator==(const YearMonthDay&, const YearMonthDay&) = default;
};

// ISO weekday numbers: Monday is 1, Sunday is 7.
enum class Weekday : int { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

const char* weekday_name(Weekday w) noexcept;  // "Monday" ...

constexpr bool is_leap_year(int64_t y) noexcept { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr int days_in_month(int64_t y, int m) noexcept {
  constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap_year(y)) ? 29 : lengths[m - 1];
}

// Serial day of a civil date, for any valid y/m/d (no range check). The era
// arithmetic (400-year cycles starting 1 March) keeps it branch-light.
constexpr int64_t serial_from_civil(int64_t y, int m, int d) noexcept {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;                                   // [0, 399]
  const int64_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

namespace detail {
// Any serial day: the era arithmetic in 64 bits.
constexpr YearMonthDay civil_from_serial_wide(int64_t z) noexcept {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;                                                  // [0, 146096]
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const int64_t mp = (5 * day_of_year + 2) / 153;                                                // [0, 11]
  const int d = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(year_of_era + era * 400 + (m <= 2)), m, d};
}
}  // namespace detail

// The civil date of a serial day. Years -32,800 to about 2.9 million take
// Neri and Schneider's 32-bit form (Euclidean affine functions: unsigned
// multiplies and shifts, no signed division), about twice as fast, since
// every date chc writes goes through here; the rest take the 64-bit form.
constexpr YearMonthDay civil_from_serial(int64_t z) noexcept {
  constexpr int64_t shift_eras = 82;  // 400-year eras added so the count is never negative
  const int64_t n64 = z + 719468 + 146097 * shift_eras;  // days since 1 March of year -32800
  if (n64 < 0 || n64 >= (int64_t{1} << 30)) return detail::civil_from_serial_wide(z);
  const uint32_t n1 = 4 * static_cast<uint32_t>(n64) + 3;
  const uint32_t century = n1 / 146097;
  const uint32_t day_of_century = n1 % 146097 / 4;
  const uint64_t p2 = uint64_t{2939745} * (4 * day_of_century + 3);
  const uint32_t year_of_century = static_cast<uint32_t>(p2 >> 32);
  const uint32_t day_of_year = static_cast<uint32_t>(p2) / 2939745 / 4;  // from 1 March
  const uint32_t n3 = 2141 * day_of_year + 197913;
  const uint32_t january_or_february = day_of_year >= 306;
  const uint32_t month = (n3 >> 16) - 12 * january_or_february;
  const uint32_t day = (n3 & 0xFFFF) / 2141 + 1;
  const int64_t year = int64_t{100} * century + year_of_century + january_or_february - 400 * shift_eras;
  return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

class Date {
 public:
  constexpr Date() noexcept = default;  // 1970-01-01
  constexpr explicit Date(int32_t serial) noexcept : serial_(serial) {}

  // Throws Error(Errc::date) for a day that does not exist, Error(Errc::overflow)
  // when the serial does not fit in int32.
  static Date from_ymd(int year, int month, int day);
  // Exactly "YYYY-MM-DD" (four-digit year 0000-9999). Throws Error(Errc::date).
  static Date parse(std::string_view iso);

  constexpr int32_t serial() const noexcept { return serial_; }
  constexpr YearMonthDay ymd() const noexcept { return civil_from_serial(serial_); }
  constexpr int year() const noexcept { return ymd().year; }
  constexpr Weekday weekday() const noexcept {
    // 1970-01-01 was a Thursday (ISO 4).
    const int64_t w = (static_cast<int64_t>(serial_) + 3) % 7;
    return static_cast<Weekday>((w < 0 ? w + 7 : w) + 1);
  }
  constexpr bool is_weekend() const noexcept { return weekday() >= Weekday::saturday; }
  // "YYYY-MM-DD" for years 0-9999, otherwise a signed year ("-0001-01-01", "+12345-01-01").
  std::string iso() const;
  // "YYYY-MM-DD" and a NUL into `out`, without allocating; false (nothing
  // written) for a year outside 0-9999. The hot paths' form of iso().
  bool iso_into(char (&out)[11]) const noexcept {
    if (!iso_digits(out)) return false;
    out[10] = '\0';
    return true;
  }
  // The ten characters alone, straight into a larger buffer (a JSON token, a
  // message), so nothing is copied twice.
  bool iso_digits(char* out) const noexcept {
    const YearMonthDay ymd = civil_from_serial(serial_);
    if (ymd.year < 0 || ymd.year > 9999) return false;
    const auto digit = [](int v) { return static_cast<char>('0' + v); };
    out[0] = digit(ymd.year / 1000);
    out[1] = digit(ymd.year / 100 % 10);
    out[2] = digit(ymd.year / 10 % 10);
    out[3] = digit(ymd.year % 10);
    out[4] = '-';
    out[5] = digit(ymd.month / 10);
    out[6] = digit(ymd.month % 10);
    out[7] = '-';
    out[8] = digit(ymd.day / 10);
    out[9] = digit(ymd.day % 10);
    return true;
  }

  constexpr Date operator+(int32_t days) const noexcept { return Date(serial_ + days); }
  constexpr Date operator-(int32_t days) const noexcept { return Date(serial_ - days); }
  constexpr int32_t operator-(Date other) const noexcept { return serial_ - other.serial_; }
  friend constexpr auto operator<=>(Date, Date) noexcept = default;

 private:
  int32_t serial_ = 0;
};

// Dates in Europe/London (GMT or BST, by ICU's zone data), whatever the
// machine's time zone, as the C API's chc_today and chc_timestamp_to_day.
Date london_today();
// "YYYY-MM-DD" as that day, or an RFC 3339 timestamp as its London date
// ("2025-06-13T23:30:00Z" is 2025-06-14, 00:30 BST). Throws Error(Errc::date) naming the text.
Date london_date(std::string_view date_or_timestamp);

}  // namespace chc
