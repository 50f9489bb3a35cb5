// SPDX-License-Identifier: MIT
// RFC 3339 timestamps to Europe/London local dates, through ICU's zone data.
#pragma once

#include <chc/date.hpp>

#include <optional>
#include <string_view>

namespace chc {

struct LocalMoment {
  Date date;                     // the Europe/London calendar date
  std::optional<int> minute;     // local minutes after midnight, when the input had a time
};

// "YYYY-MM-DD" (a date, no time) or an RFC 3339 timestamp
// ("2025-03-07T17:45:00Z", "2025-03-07T18:45:00.250+01:00"). A timestamp is
// converted to the local date and time in Europe/London (GMT or BST, as ICU's
// zone data says for that instant). Throws Error(Errc::date) naming the text.
LocalMoment parse_london_moment(std::string_view text);
// london_today() and london_date() are declared in <chc/date.hpp>.

}  // namespace chc
