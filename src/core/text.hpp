// SPDX-License-Identifier: MIT
// Building messages without a reallocation per '+'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chc {

// The concatenation of `parts` (anything convertible to std::string_view),
// allocated once at its final length.
template <class... Parts>
std::string cat(const Parts&... parts) {
  const std::string_view views[] = {std::string_view(parts)...};
  std::size_t length = 0;
  for (const std::string_view v : views) length += v.size();
  std::string out;
  out.reserve(length);
  for (const std::string_view v : views) out.append(v);
  return out;
}

// The first of `items` whose `id` is `id`, looking from `next` on and round
// to the start, or nullptr; `next` moves past the one found. Lists written in
// a known order (a letter's items in the Code's order) are each found at once.
template <class Item>
const Item* find_id_from(const std::vector<Item>& items, std::string_view id, std::size_t& next) {
  const std::size_t n = items.size();
  std::size_t at = next < n ? next : 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (items[at].id == id) {
      next = at + 1;
      return &items[at];
    }
    if (++at == n) at = 0;
  }
  return nullptr;
}

// Appends `parts` to `out`, growing it at most once: messages written
// straight into a reused buffer.
template <class... Parts>
void cat_into(std::string& out, const Parts&... parts) {
  const std::string_view views[] = {std::string_view(parts)...};
  std::size_t length = out.size();
  for (const std::string_view v : views) length += v.size();
  out.reserve(length);
  for (const std::string_view v : views) out.append(v);
}

// The length (1 to 4) of the well-formed UTF-8 sequence starting at s[at]
// (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), or 0.
// The one UTF-8 rule: valid_utf8, utf8_sanitized and the HTML escaper use it.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + at;
  const std::size_t left = s.size() - at;
  const unsigned char c = *p;
  if (c < 0x80) return 1;
  std::size_t extra;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    extra = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    extra = 2;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    extra = 3;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (left <= extra) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (std::size_t i = 2; i <= extra; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return extra + 1;
}

// Whether `s` is well-formed UTF-8, as every text chc writes out must be.
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// `s` with each byte that is not part of well-formed UTF-8 replaced by
// U+FFFD, so text quoting bad input can go into JSON, CSV or HTML output.
std::string utf8_sanitized(std::string_view s);

}  // namespace chc
