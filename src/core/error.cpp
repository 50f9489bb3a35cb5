// SPDX-License-Identifier: MIT
#include <chc/error.hpp>

#include "core/text.hpp"

namespace chc {

std::string utf8_sanitized(std::string_view s) {
  if (valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

namespace detail {
std::string printable_message(const std::string& message) {
  constexpr std::size_t max_bytes = 4096;  // a message quoting a huge input quotes the start of it
  if (message.size() <= max_bytes && valid_utf8(message)) return message;
  std::string out = utf8_sanitized(std::string_view(message).substr(0, max_bytes));
  if (message.size() > max_bytes) {
    // The cut may have split a character: the sanitizer turned its start into U+FFFD, which is fine.
    out += "... (" + std::to_string(message.size()) + " bytes in all)";
  }
  return out;
}
}  // namespace detail

const char* errc_message(Errc code) noexcept {
  switch (code) {
    case Errc::ok: return "success";
    case Errc::null_argument: return "a required pointer argument was NULL";
    case Errc::invalid_argument: return "invalid argument";
    case Errc::json: return "malformed JSON";
    case Errc::date: return "invalid date";
    case Errc::range: return "day outside the supported range (1900-01-01 to 2199-12-31)";
    case Errc::overflow: return "result does not fit in 32 bits";
    case Errc::unknown_name: return "unknown name";
    case Errc::no_memory: return "out of memory";
    case Errc::schema: return "JSON field missing or of the wrong type";
    case Errc::limit: return "input exceeds a documented size limit";
    case Errc::internal: return "internal error in chc";
  }
  return "unknown error code";
}

}  // namespace chc
