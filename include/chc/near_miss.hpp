// SPDX-License-Identifier: MIT
// chc/near_miss.hpp: "did you mean ...?" for keys, columns, names and options.
//
// Input that is almost right is worse than input that is wrong: a calendar
// file with "closure" for "closures" would otherwise be read without its
// closures. Every reader in chc (calendar and overlay JSON, case records,
// register CSV headers, evidence files) and the chc command ask this one
// function whether an unknown word was meant as a known one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chc {

// The known word `word` most probably stands for, or none. A word matches a
// known one when they differ only in letter case or separators ('-', '_',
// ' ', '.'), or are within a small edit distance of each other (for words of
// one or two characters only a letter left out, "ad" for "add"; one edit for
// up to 5 characters, two for longer ones; a swap of neighbours is one edit). None when nothing is that close, when `word` is itself known,
// or when two known words are equally close (an ambiguous guess helps nobody).
std::optional<std::string> near_miss(std::string_view word, const std::vector<std::string_view>& known);

// `; did you mean "closures"?` when `word` is a near miss of a known word,
// else empty: the tail of an error that names an unknown word.
std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string_view>& known);

// `"closure": did you mean "closures"?`, prefixed with "where: " when given.
std::string did_you_mean(std::string_view word, std::string_view suggestion, std::string_view where = {});

}  // namespace chc
