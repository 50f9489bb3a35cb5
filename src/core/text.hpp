// Building messages without a reallocation per '+'.
#pragma once

#include <string>
#include <string_view>

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

}  // namespace chc
