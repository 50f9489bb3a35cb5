// SPDX-License-Identifier: MIT
// chc/error.hpp: the one exception type of the C++ API.
//
// Every failure in the C++ API throws chc::Error carrying an Errc whose value is
// the C API's error code (CHC_E_*), so the C shim maps exceptions to codes
// without a table and the two never drift apart.
#pragma once

#include <stdexcept>
#include <string>

namespace chc {

// Values are part of the C ABI (include/chc/chc.h): never renumber, only append.
enum class Errc : int {
  ok = 0,
  null_argument = -1,     // a required pointer was NULL
  invalid_argument = -2,  // an argument had an unusable value
  json = -3,              // text is not well-formed JSON
  date = -4,              // a date is malformed or does not exist (2023-02-29)
  range = -5,             // a day lies outside the supported range
  overflow = -6,          // a result does not fit in 32 bits
  unknown_name = -7,      // no calendar or rule set has that name
  no_memory = -8,         // allocation failed
  schema = -9,            // JSON is well-formed but a field is missing or mistyped
  limit = -10,            // input exceeds a documented size limit
  internal = -11,         // a bug in chc: please report it
};

// How a reader treats input it can read but may have misread (a near-miss
// key, an import that would drop a known day): Strict::no reports a warning
// and carries on, Strict::yes throws Error(Errc::schema) with the same words.
enum class Strict : bool { no = false, yes = true };

// A short, static description of an error code ("date out of supported range").
const char* errc_message(Errc code) noexcept;

namespace detail {
// `message` made safe to show anywhere: invalid UTF-8 (a message may quote
// bad input) becomes U+FFFD, and very long quotes are cut.
std::string printable_message(const std::string& message);
}  // namespace detail

class Error : public std::runtime_error {
 public:
  Error(Errc code, const std::string& message) : std::runtime_error(detail::printable_message(message)), code_(code) {}
  Errc code() const noexcept { return code_; }

 private:
  Errc code_;
};

}  // namespace chc
