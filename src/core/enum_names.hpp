// SPDX-License-Identifier: MIT
// One table of names per enum: the same table writes an enum into JSON and
// reads it back from data, so a name can never be spelt two ways.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chc {

template <class Enum, std::size_t N>
struct EnumNames {
  std::array<const char*, N> names;  // by the enum's value, 0 to N - 1

  const char* operator()(Enum e) const noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < N ? names[i] : "?";
  }
  std::optional<Enum> parse(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < N; ++i) {
      if (name == names[i]) return static_cast<Enum>(i);
    }
    return std::nullopt;
  }
  // "\"a\", \"b\" or \"c\"", for messages naming what is allowed.
  std::string choices() const {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
      if (i) out += i + 1 == N ? " or " : ", ";
      out.append("\"").append(names[i]).append("\"");
    }
    return out;
  }
};

template <class Enum, class... Names>
constexpr EnumNames<Enum, sizeof...(Names)> enum_names(Names... names) {
  return {{names...}};
}

}  // namespace chc
