// SPDX-License-Identifier: MIT
#include <chc/near_miss.hpp>

#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace chc {

namespace {

bool separator(char c) { return c == '-' || c == '_' || c == ' ' || c == '.'; }

// Lower case without separators: "Stage1_Acknowledged" and "stage1-acknowledged" fold alike.
std::string folded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (!separator(c)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Optimal string alignment distance (Levenshtein plus swaps of neighbours),
// giving up once it exceeds `limit`: keys are short, so this is cheap.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    before.swap(previous);
    previous.swap(current);
  }
  return previous[m];
}

}  // namespace

std::optional<std::string> near_miss(std::string_view word, const std::vector<std::string_view>& known) {
  if (word.empty()) return std::nullopt;
  if (std::find(known.begin(), known.end(), word) != known.end()) return std::nullopt;
  const std::string w = folded(word);
  if (w.empty()) return std::nullopt;
  const std::size_t limit = w.size() <= 2 ? 1 : w.size() <= 5 ? 1 : 2;
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  bool tied = false;
  for (const std::string_view k : known) {
    const std::string f = folded(k);
    // A word of one or two letters is too short to guess a changed letter
    // ("ix" is not "id"); only a letter left out counts ("ad" for "add").
    const std::size_t allowed = w.size() <= 2 && f.size() != w.size() + 1 ? 0 : limit;
    std::size_t d = f == w ? 0 : distance(w, f, limit);
    if (d > allowed) d = limit + 1;
    if (d < best_distance) {
      best = k;
      best_distance = d;
      tied = false;
    } else if (d == best_distance && d <= limit && best && *best != k) {
      tied = true;
    }
  }
  if (!best || best_distance > limit || tied) return std::nullopt;
  return std::string(*best);
}

std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string_view>& known) {
  const auto guess = near_miss(word, known);
  return guess ? cat("; did you mean \"", *guess, "\"?") : std::string();
}

std::string did_you_mean(std::string_view word, std::string_view suggestion, std::string_view where) {
  return cat(where, where.empty() ? "" : ": ", "\"", word, "\": did you mean \"", suggestion, "\"?");
}

}  // namespace chc
