// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

namespace chc::detail {

// The smallest and largest of p[0..count), count >= 1. Built for several
// instruction sets and chosen at load time: baseline x86-64 has no packed
// 32-bit min/max (nor 64-bit compares), and this pass is a third of a batch
// call's time without them.
void value_bounds(const int32_t* p, std::size_t count, int32_t& lo, int32_t& hi);
void value_bounds(const int64_t* p, std::size_t count, int64_t& lo, int64_t& hi);

}  // namespace chc::detail
