// SPDX-License-Identifier: MIT
// Synthetic complaint registers: realistic mixes of stages, extensions,
// breaches, exclusions, withdrawals and remedies, generated deterministically
// from a seed. Used by the benchmarks, the sample register in examples/data
// and `chc generate`. Not part of the library.
#pragma once

#include <chc/calendar.hpp>

#include <cstdint>
#include <random>
#include <string>

namespace chc::generator {

struct Options {
  uint64_t seed = 1;
  Date first_received = Date::parse("2024-04-01");
  Date last_received = Date::parse("2026-03-31");
  Date as_of = Date::parse("2026-04-30");  // events after this day are not generated
  std::string calendar = "england-and-wales";
  std::string id_prefix = "C-";
};

class Generator {
 public:
  explicit Generator(const Options& options);
  // Appends one case record (one line of JSON, no newline) to `out`.
  void next(std::string& out);
  uint64_t count() const { return count_; }

 private:
  Options options_;
  Calendar calendar_;
  std::mt19937_64 rng_;
  uint64_t count_ = 0;
};

}  // namespace chc::generator
