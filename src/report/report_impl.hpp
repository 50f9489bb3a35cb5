// SPDX-License-Identifier: MIT
// Report internals: per-thread tallies that merge, and the report built from them.
#pragma once

#include <chc/report.hpp>

#include "evaluate/evaluate_impl.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace chc {

// Working days, counted exactly up to 399 (a last bin for 400 and over):
// medians and percentiles without keeping a value per case.
struct DayHistogram {
  std::array<uint64_t, 401> bins{};
  uint64_t count = 0;
  void add(int32_t days) {
    ++bins[static_cast<std::size_t>(std::clamp(days, 0, 400))];
    ++count;
  }
  void merge(const DayHistogram& o) {
    for (std::size_t i = 0; i < bins.size(); ++i) bins[i] += o.bins[i];
    count += o.count;
  }
  // The smallest value v with at least fraction p of the values <= v (none when empty).
  std::optional<int32_t> percentile(double p) const;
};

// Case ids packed end to end in one buffer: a kept id costs its bytes and an
// offset, not a std::string each (32 bytes and often a heap block), which is
// what a 2,000,000-case report's drill-down memory is made of.
class IdList {
 public:
  void push_back(std::string_view id) {
    bytes_.append(id);
    ends_.push_back(bytes_.size());
  }
  void append(const IdList& o) {
    const std::size_t base = bytes_.size();
    bytes_ += o.bytes_;
    ends_.reserve(ends_.size() + o.ends_.size());
    for (const std::size_t e : o.ends_) ends_.push_back(base + e);
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  // The ids in byte order, viewing this list's storage.
  std::vector<std::string_view> sorted() const {
    std::vector<std::string_view> out;
    out.reserve(size());
    for (std::size_t i = 0; i < size(); ++i) out.push_back((*this)[i]);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::string bytes_;
  std::vector<std::size_t> ends_;
};

// A count and, where kept, the ids of the cases behind it.
struct Tally {
  uint64_t count = 0;
  IdList ids;
  void add(std::string_view id, bool keep) {
    ++count;
    if (keep) ids.push_back(id);
  }
  void merge(Tally&& o) {
    count += o.count;
    ids.append(o.ids);
  }
};

struct StageTallies {
  Tally received;        // CH01: complaints received at this stage in the period
  Tally acknowledged;    // acknowledged in the period
  Tally acknowledged_late;
  Tally responded;       // CH02's denominator: responses issued in the period
  Tally within;          // responded within the Code's timescale (with a Code-compliant extension)
  Tally within_original;  // ... within the original timescale
  Tally late;            // responded, not within (by the chosen reading)
  Tally extended;        // responses in the period that had an extension
  DayHistogram days_to_acknowledge;  // working days from receipt (or the escalation request)
  DayHistogram days_to_respond;      // working days from receipt (or the escalation request)
  std::map<std::string, uint64_t> decisions;
};

struct ProvisionTally {
  Tally pass, fail, unknown, not_applicable;
};

struct MonthTallies {
  uint64_t stage1_received = 0, stage1_responded = 0, stage1_within = 0;
  uint64_t stage2_received = 0, stage2_responded = 0, stage2_within = 0;
};

struct Rejected {
  uint64_t line;
  std::string reason;
};

// Everything one thread counted; tallies from several threads merge.
struct Accumulator {
  uint64_t cases_read = 0, cases_accepted = 0, cases_rejected = 0;
  uint64_t cases_touching_period = 0;
  std::vector<Rejected> rejected;  // the first max_rejected_listed, by line
  uint64_t cases_with_warnings = 0;
  std::vector<Rejected> warned;  // near-miss keys of the first cases with any, by line (max_rejected_listed)
  std::string last_rejection;      // the latest reason, for a caller adding one case at a time
  std::array<StageTallies, max_event_stage + 1> stages;  // by stage number, from 1
  std::map<std::string, uint64_t> categories;
  std::map<std::string, Tally> refused_by_reason;
  Tally withdrawn;
  Tally remedies_offered, remedies_completed, remedies_overdue;
  double remedies_offered_amount = 0, remedies_completed_amount = 0;
  std::array<Tally, 5> open_by_age;  // 0-5, 6-10, 11-20, 21-40, 41+ working days at the period's end
  std::map<int, MonthTallies> months;  // year * 12 + month - 1
  std::map<std::string, ProvisionTally> provisions;  // findings of cases judged under the self-assessment's Code
  std::map<std::string, uint64_t> cases_by_rules;
  Tally data_issues;

  void merge(Accumulator&& o);
  // Counts a line or case that could not be read, listing it while the list has room.
  void reject(uint64_t line, std::string reason);
};

inline constexpr std::size_t max_rejected_listed = 1000;
// A landlord's evidence file: statements per provision, far below this.
inline constexpr std::size_t max_evidence_bytes = 4u << 20;

class Report::Impl {
 public:
  Impl(const RuleSet& rules, const Calendar* calendar, ReportOptions options);

  // Reads, evaluates and counts one case into `acc`; never throws for bad input.
  Errc add(std::string_view json, uint64_t line, Accumulator& acc, std::map<std::string, Calendar, std::less<>>& calendars) const;
  void finish();

  RuleSet rules;
  std::optional<Calendar> calendar;
  ReportOptions options;
  std::string catalogue_code;  // the Code of the self-assessment ("hoc-2024")
  struct Evidence {
    std::string comply;  // "Yes", "No", "Partial" or "Noted"
    std::string evidence;
    std::string commentary;
  };
  std::map<std::string, Evidence, std::less<>> evidence;  // by provision
  std::vector<std::string> warnings;  // the evidence file's and a register header's (cases' are in the accumulators)
  // Input read but perhaps misread: recorded, or under options.strict an error.
  void warn(std::string message);

  Accumulator total;
  std::map<std::string, Calendar, std::less<>> calendars;  // the single-threaded path's cache
  std::string pending_line;  // add_ndjson: a line split across chunks
  uint64_t lines = 0;
  bool finished = false;
};

}  // namespace chc
