// Array forms of add and count, shared by the C++ span API and the C batch API.
//
// Both validate the whole input before writing anything, so a failing call
// leaves `out` untouched. Validation is one pass of min/max: add is monotone
// in start and in n, so if the extreme pairs land inside the table every pair
// does, and the main loop then runs without a branch per element.
#pragma once

#include "calendar/bounds.hpp"
#include "calendar/calendar_impl.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace chc::detail {

void check_day(Date day, const char* what);
[[noreturn]] void throw_add_beyond(const Calendar::Impl& cal, Date start, int64_t n, const std::string& what);

// out[i] = add(start[i], n[i]). `out` may be the very array `start` or `n`.
inline void add_working_days_batch(const Calendar::Impl& c, std::size_t count, const int32_t* start, const int32_t* n,
                                   int32_t* out) {
  if (count == 0) return;
  int32_t s_min, s_max, n_min, n_max;
  int32_bounds(start, count, s_min, s_max);
  int32_bounds(n, count, n_min, n_max);
  const detail::DayTables t = c.tables();
  const int32_t first = Calendar::first_supported_day().serial();
  const int32_t last = Calendar::last_supported_day().serial();
  auto position = [&](int32_t s, int32_t k) {
    const int64_t i = static_cast<int64_t>(s) - first;
    return k > 0 ? static_cast<int64_t>(t.before(i + 1)) + k : static_cast<int64_t>(t.before(i)) + k + 1;
  };
  const bool all_ok = s_min >= first && s_max <= last && position(s_min, n_min) >= 1 && position(s_max, n_max) <= t.total;
  if (!all_ok) [[unlikely]] {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string at = "[" + std::to_string(i) + "]";
      check_day(Date(start[i]), ("start" + at).c_str());
      const int64_t k = position(start[i], n[i]);
      if (k < 1 || k > t.total) throw_add_beyond(c, Date(start[i]), n[i], "n" + at);
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const int32_t k = n[i];
    const int64_t day = static_cast<int64_t>(start[i]) - first;
    out[i] = t.day(k > 0 ? t.before(day + 1) + k : t.before(day) + k + 1);
  }
}

// out[i] = count(from[i], to[i]).
inline void count_working_days_batch(const Calendar::Impl& c, std::size_t count, const int32_t* from, const int32_t* to,
                                     int32_t* out) {
  if (count == 0) return;
  int32_t from_lo, from_hi, to_lo, to_hi;
  int32_bounds(from, count, from_lo, from_hi);
  int32_bounds(to, count, to_lo, to_hi);
  const int32_t first = Calendar::first_supported_day().serial();
  const int32_t last = Calendar::last_supported_day().serial();
  if (std::min(from_lo, to_lo) < first || std::max(from_hi, to_hi) > last) [[unlikely]] {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string at = "[" + std::to_string(i) + "]";
      check_day(Date(from[i]), ("from" + at).c_str());
      check_day(Date(to[i]), ("to" + at).c_str());
    }
  }
  const detail::DayTables t = c.tables();
  const int64_t shift = 1 - static_cast<int64_t>(first);
  for (std::size_t i = 0; i < count; ++i) out[i] = t.before(to[i] + shift) - t.before(from[i] + shift);
}

}  // namespace chc::detail
