// SPDX-License-Identifier: MIT
#pragma once

#include <chc/date.hpp>

namespace chc {

// Western (Gregorian) Easter Sunday of `year` (any year from 1583).
Date easter_sunday(int year);

}  // namespace chc
