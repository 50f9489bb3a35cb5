// SPDX-License-Identifier: MIT
// JSON forms of calendar answers, shared by the C API and the CLI.
#pragma once

#include <chc/calendar.hpp>

#include <string>
#include <string_view>

namespace chc {

// holidays_json, explain_json and calendar_info_json are declared in <chc/calendar.hpp>.

// 64-bit FNV-1a of `text` as 16 hex digits: short, stable content stamps for data versions.
std::string content_hash(std::string_view text);

}  // namespace chc
