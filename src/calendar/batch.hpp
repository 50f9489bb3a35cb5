// SPDX-License-Identifier: MIT
// Array forms of add and count, shared by the C++ span API and the C batch
// APIs (32-bit day numbers, and 64-bit ones for callers such as numpy whose
// datetime64[D] arrays are int64 and would otherwise need two copies).
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
#include <limits>
#include <string>

namespace chc::detail {

void check_day(Date day, const char* what);
// check_day for a day number that may not even fit 32 bits.
void check_serial(int64_t serial, const char* what);
[[noreturn]] void throw_add_beyond(const Calendar::Impl& cal, Date start, int64_t n, const std::string& what);

// out[i] = add(start[i], n[i * n_stride]); n_stride is 1, or 0 for one n for
// every start. `out` may be the very array `start` (or `n` when the types match).
template <class Day, class Step>
void add_working_days_batch(const Calendar::Impl& c, std::size_t count, const Day* start, const Step* n,
                            std::size_t n_stride, Day* out) {
  if (count == 0) return;
  Day s_min, s_max;
  Step n_min, n_max;
  value_bounds(start, count, s_min, s_max);
  value_bounds(n, n_stride ? count : 1, n_min, n_max);
  const detail::DayTables t = c.tables();
  const int64_t first = Calendar::first_supported_day().serial();
  const int64_t last = Calendar::last_supported_day().serial();
  constexpr int64_t step_lo = std::numeric_limits<int32_t>::min(), step_hi = std::numeric_limits<int32_t>::max();
  // Table position of the answer; meaningful once start is in range and n fits 32 bits.
  auto position = [&](int64_t s, int64_t k) {
    const int64_t i = s - first;
    return k > 0 ? static_cast<int64_t>(t.before(i + 1)) + k : static_cast<int64_t>(t.before(i)) + k + 1;
  };
  const bool all_ok = s_min >= first && s_max <= last && n_min >= step_lo && n_max <= step_hi &&
                      position(s_min, n_min) >= 1 && position(s_max, n_max) <= t.total;
  if (!all_ok) [[unlikely]] {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string at = "[" + std::to_string(i) + "]";
      check_serial(start[i], ("start" + at).c_str());
      const int64_t k = n[i * n_stride];
      const Date s(static_cast<int32_t>(start[i]));
      if (k < step_lo || k > step_hi) throw_add_beyond(c, s, k, "n" + at);
      const int64_t p = position(start[i], k);
      if (p < 1 || p > t.total) throw_add_beyond(c, s, k, "n" + at);
    }
  }
  auto add = [&](int64_t s, int64_t k) {
    const int64_t day = s - first;
    return t.day(k > 0 ? t.before(day + 1) + k : t.before(day) + k + 1);
  };
  if (n_stride == 0) {
    const int64_t k = n[0];  // read once: `out` may be the array holding it
    for (std::size_t i = 0; i < count; ++i) out[i] = add(start[i], k);
  } else {
    for (std::size_t i = 0; i < count; ++i) out[i] = add(start[i], n[i]);
  }
}

// out[i] = count(from[i], to[i]).
template <class Day, class Count>
void count_working_days_batch(const Calendar::Impl& c, std::size_t count, const Day* from, const Day* to, Count* out) {
  if (count == 0) return;
  Day from_lo, from_hi, to_lo, to_hi;
  value_bounds(from, count, from_lo, from_hi);
  value_bounds(to, count, to_lo, to_hi);
  const int64_t first = Calendar::first_supported_day().serial();
  const int64_t last = Calendar::last_supported_day().serial();
  if (std::min<int64_t>(from_lo, to_lo) < first || std::max<int64_t>(from_hi, to_hi) > last) [[unlikely]] {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string at = "[" + std::to_string(i) + "]";
      check_serial(from[i], ("from" + at).c_str());
      check_serial(to[i], ("to" + at).c_str());
    }
  }
  const detail::DayTables t = c.tables();
  const int64_t shift = 1 - first;
  for (std::size_t i = 0; i < count; ++i) out[i] = t.before(to[i] + shift) - t.before(from[i] + shift);
}

}  // namespace chc::detail
