// SPDX-License-Identifier: MIT
#include <chc/near_miss.hpp>

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace chc {

namespace {

// Words longer than this are never near misses of chc's keys (all far shorter).
constexpr std::size_t max_word = 64;

bool separator(char c) { return c == '-' || c == '_' || c == ' ' || c == '.'; }

// Lower case without separators, into `out`: "Stage1_Acknowledged" and
// "stage1-acknowledged" fold alike. The folded length, or max_word + 1 when too long.
std::size_t fold(std::string_view s, std::array<char, max_word>& out) {
  std::size_t n = 0;
  for (const char c : s) {
    if (separator(c)) continue;
    if (n == max_word) return max_word + 1;
    out[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return n;
}

// Optimal string alignment distance (Levenshtein plus swaps of neighbours),
// giving up once it exceeds `limit`; on the stack, since words are short.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::array<std::size_t, max_word + 1> rows[3];
  auto* before = &rows[0];
  auto* previous = &rows[1];
  auto* current = &rows[2];
  for (std::size_t j = 0; j <= m; ++j) (*previous)[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    (*current)[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({(*previous)[j] + 1, (*current)[j - 1] + 1, (*previous)[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, (*before)[j - 2] + 1);
      (*current)[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return (*previous)[m];
}

}  // namespace

std::optional<std::string> near_miss(std::string_view word, const std::vector<std::string_view>& known) {
  if (word.empty()) return std::nullopt;
  if (std::find(known.begin(), known.end(), word) != known.end()) return std::nullopt;
  std::array<char, max_word> wbuf, kbuf;
  const std::size_t wn = fold(word, wbuf);
  if (wn == 0 || wn > max_word) return std::nullopt;
  const std::string_view w(wbuf.data(), wn);
  const std::size_t limit = wn <= 5 ? 1 : 2;
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  bool tied = false;
  for (const std::string_view k : known) {
    const std::size_t kn = fold(k, kbuf);
    if (kn > max_word || (kn > wn ? kn - wn : wn - kn) > limit) continue;
    const std::string_view f(kbuf.data(), kn);
    // A word of one or two letters is too short to guess a changed letter
    // ("ix" is not "id"); only a letter left out counts ("ad" for "add").
    const std::size_t allowed = wn <= 2 && kn != wn + 1 ? 0 : limit;
    std::size_t d = f == w ? 0 : distance(w, f, limit);
    if (d > allowed) continue;
    if (d < best_distance) {
      best = k;
      best_distance = d;
      tied = false;
    } else if (d == best_distance && best && *best != k) {
      tied = true;
    }
  }
  if (!best || tied) return std::nullopt;
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
