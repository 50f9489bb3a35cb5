// SPDX-License-Identifier: MIT
// Numbers as people in the UK write them, through ICU's NumberFormatter
// (en-GB): grouping, fixed or shortest decimals, pounds. Formatters are
// built once and are immutable, so renderers on any thread share them.
#include "report/number_format.hpp"

#include <unicode/currunit.h>
#include <unicode/numberformatter.h>

#include <array>
#include <algorithm>
#include <cmath>

namespace chc::report_format {

namespace {

namespace nf = icu::number;

nf::LocalizedNumberFormatter base(bool group) {
  return nf::NumberFormatter::withLocale(icu::Locale::getUK())
      .grouping(group ? UNUM_GROUPING_AUTO : UNUM_GROUPING_OFF)
      .sign(UNUM_SIGN_NEGATIVE);  // no "-0.0"
}

std::string format(const nf::LocalizedNumberFormatter& f, double v) {
  if (!std::isfinite(v)) return std::string(kDash);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = f.formatDouble(v, status).toString(status);
  if (U_FAILURE(status)) return std::string(kDash);
  std::string out;
  text.toUTF8String(out);
  return out;
}

constexpr int max_decimals = 6;

const nf::LocalizedNumberFormatter& fixed_formatter(int decimals, bool group) {
  static const auto table = [] {
    std::array<std::array<nf::LocalizedNumberFormatter, max_decimals + 1>, 2> t;
    for (int g = 0; g < 2; ++g) {
      for (int d = 0; d <= max_decimals; ++d) t[static_cast<std::size_t>(g)][static_cast<std::size_t>(d)] = base(g == 1).precision(nf::Precision::fixedFraction(d));
    }
    return t;
  }();
  return table[group ? 1 : 0][static_cast<std::size_t>(std::clamp(decimals, 0, max_decimals))];
}

const nf::LocalizedNumberFormatter& shortest_formatter(int min_decimals) {
  static const auto table = [] {
    std::array<nf::LocalizedNumberFormatter, max_decimals + 1> t;
    for (int d = 0; d <= max_decimals; ++d) t[static_cast<std::size_t>(d)] = base(true).precision(nf::Precision::minFraction(d));
    return t;
  }();
  return table[static_cast<std::size_t>(std::clamp(min_decimals, 0, max_decimals))];
}

const nf::LocalizedNumberFormatter& pounds() {
  static const nf::LocalizedNumberFormatter f = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::CurrencyUnit gbp(u"GBP", status);
    return base(true).unit(gbp).precision(nf::Precision::fixedFraction(2));
  }();
  return f;
}

}  // namespace

std::string fixed(double v, int decimals, bool group) { return format(fixed_formatter(decimals, group), v); }
std::string decimal(double v, int min_decimals) { return format(shortest_formatter(min_decimals), v); }
std::string count_text(double v) { return v == std::floor(v) && std::fabs(v) < 9e15 ? fixed(v, 0) : decimal(v, 0); }
std::string money_text(double v) { return format(pounds(), v); }

}  // namespace chc::report_format
