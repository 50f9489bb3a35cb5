#include "calendar/bounds.hpp"

#include <algorithm>

namespace chc::detail {

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "sse4.1", "default")))
#endif
void int32_bounds(const int32_t* p, std::size_t count, int32_t& lo, int32_t& hi) {
  int32_t a = p[0], b = p[0];
  for (std::size_t i = 1; i < count; ++i) {
    a = std::min(a, p[i]);
    b = std::max(b, p[i]);
  }
  lo = a;
  hi = b;
}

}  // namespace chc::detail
