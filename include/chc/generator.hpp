// SPDX-License-Identifier: MIT
// chc/generator.hpp: synthetic complaint registers for trials and benchmarks.
//
// A CaseGenerator writes case records (docs/case-format.md) with a realistic
// mix of stages, extensions, breaches, exclusions, withdrawals and remedies,
// deterministically from a seed: the same options give the same records, byte
// for byte, on every platform (std::mt19937_64 is fully specified). Residents'
// data never needs to leave a landlord to try chc at scale. `chc generate`
// prints them; examples/data/register.ndjson is 4,000 of them.
#pragma once

#include <chc/calendar.hpp>

#include <cstdint>
#include <random>
#include <string>

namespace chc {

struct CaseGeneratorOptions {
  uint64_t seed = 1;
  Date first_received = Date::parse("2024-04-01");  // received dates are spread evenly over this range
  Date last_received = Date::parse("2026-03-31");
  Date as_of = Date::parse("2026-04-30");  // events after this day are not generated
  std::string calendar = "england-and-wales";
  std::string id_prefix = "C-";  // ids are the prefix and 1, 2, 3, ...
};

class CaseGenerator {
 public:
  // Throws Error(Errc::unknown_name) for an unknown calendar, Error(Errc::invalid_argument)
  // when last_received is before first_received, Error(Errc::range) for dates
  // outside the calendar's supported range.
  explicit CaseGenerator(const CaseGeneratorOptions& options);
  // Appends one case record (one line of JSON, no newline) to `out`.
  void next(std::string& out);
  uint64_t count() const { return count_; }  // records generated so far

 private:
  CaseGeneratorOptions options_;
  Calendar calendar_;
  std::mt19937_64 rng_;
  uint64_t count_ = 0;
};

}  // namespace chc
