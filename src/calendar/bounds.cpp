// SPDX-License-Identifier: MIT
#include "calendar/bounds.hpp"

#include <algorithm>

namespace chc::detail {

namespace {
template <class T>
inline void bounds_loop(const T* p, std::size_t count, T& lo, T& hi) {
  T a = p[0], b = p[0];
  for (std::size_t i = 1; i < count; ++i) {
    a = std::min(a, p[i]);
    b = std::max(b, p[i]);
  }
  lo = a;
  hi = b;
}
}  // namespace

// Not under TSan: the clones' resolver runs while the program is being
// loaded, before the TSan runtime it is instrumented to call is ready.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define CHC_BOUNDS_CLONES __attribute__((target_clones("avx2", "sse4.2", "default")))
#else
#define CHC_BOUNDS_CLONES
#endif

CHC_BOUNDS_CLONES void value_bounds(const int32_t* p, std::size_t count, int32_t& lo, int32_t& hi) {
  bounds_loop(p, count, lo, hi);
}

CHC_BOUNDS_CLONES void value_bounds(const int64_t* p, std::size_t count, int64_t& lo, int64_t& hi) {
  bounds_loop(p, count, lo, hi);
}

}  // namespace chc::detail
