// SPDX-License-Identifier: MIT
// Numbers as a report shows them to people (ICU, en-GB): thousands grouped,
// a fixed number of decimals, money in pounds; the one number format of the
// HTML and text renderers.
#pragma once

#include <string>
#include <string_view>

namespace chc::report_format {

inline constexpr std::string_view kDash = "\xE2\x80\x93";  // –, for a figure that is not computed
inline constexpr std::string_view kPound = "\xC2\xA3";      // £

// `v` with exactly `decimals` decimals, grouped unless `group` is false.
std::string fixed(double v, int decimals, bool group = true);
// `v` exactly as the JSON holds it (shortest round trip), with at least `min_decimals`, grouped.
std::string decimal(double v, int min_decimals);
// A count: whole numbers without decimals, grouped.
std::string count_text(double v);
// "£1,234.50", "-£3.00".
std::string money_text(double v);

}  // namespace chc::report_format
