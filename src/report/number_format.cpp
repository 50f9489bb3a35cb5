// SPDX-License-Identifier: MIT
#include "report/number_format.hpp"

#include <charconv>
#include <cmath>

namespace chc::report_format {

std::string grouped(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  if (!s.empty() && s[0] == '-') {
    out += '-';
    start = 1;
  }
  std::size_t dot = s.find('.', start);
  if (dot == std::string_view::npos) dot = s.size();
  const std::size_t len = dot - start;
  for (std::size_t i = 0; i < len; ++i) {
    if (i != 0 && (len - i) % 3 == 0) out += ',';
    out += s[start + i];
  }
  out.append(s.substr(dot));
  return out;
}

std::string fixed(double v, int decimals, bool group) {
  if (!std::isfinite(v)) return std::string(kDash);
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, r.ptr);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // no "-0.0"
  return group ? grouped(s) : s;
}

std::string decimal(double v, int min_decimals) {
  if (!std::isfinite(v)) return std::string(kDash);
  if (v == 0) v = 0;  // no "-0"
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  std::string s(buf, r.ptr);
  std::size_t dot = s.find('.');
  if (min_decimals > 0) {
    if (dot == std::string::npos) {
      dot = s.size();
      s += '.';
    }
    const std::size_t have = s.size() - dot - 1;
    if (have < static_cast<std::size_t>(min_decimals)) s.append(static_cast<std::size_t>(min_decimals) - have, '0');
  }
  return grouped(s);
}

std::string count_text(double v) { return v == std::floor(v) && std::fabs(v) < 9e15 ? fixed(v, 0) : decimal(v, 0); }
std::string money_text(double v) {
  if (!std::isfinite(v)) return std::string(kDash);
  const std::string s = fixed(v, 2);
  return s[0] == '-' ? "-" + std::string(kPound) + s.substr(1) : std::string(kPound) + s;
}

}  // namespace chc::report_format
