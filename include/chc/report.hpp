// SPDX-License-Identifier: MIT
// chc/report.hpp: a landlord's complaint register turned into the published
// figures: Tenant Satisfaction Measures CH01 and CH02, the annual complaints
// performance figures (Code 8.1(b)) and the provision-by-provision
// self-assessment, each figure traceable to the cases behind it.
//
// Cases stream in one at a time (or as newline-delimited JSON, or as rows of
// a flat CSV register); memory stays flat whatever the register's size, apart
// from the case ids kept for drill-down. Each case is evaluated as of the
// period's last day (docs/evaluation.md) and counted by the dates of its
// events, so a complaint received in one year and answered in the next
// counts in CH01 of the first and CH02 of the second.
#pragma once

#include <chc/calendar.hpp>
#include <chc/date.hpp>
#include <chc/rules.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace chc {

struct ReportOptions {
  Date from;  // the period, inclusive: a TSM reporting year runs 1 April to 31 March
  Date to;
  std::string landlord;               // shown in the report's title
  std::optional<int64_t> homes;       // CH01's denominator: homes owned at the year end
  std::optional<int64_t> homes_lcra;  // low-cost rental accommodation, when reported separately
  std::optional<int64_t> homes_lcho;  // low-cost home ownership, when reported separately
  // CH02 reading (domain.md marks the regulator's rule unconfirmed): a
  // response inside a Code-compliant extension counts as within timescale
  // (the default), or only responses within the original timescale count.
  bool extensions_count_as_within = true;
  bool withdrawn_in_ch01 = true;       // a complaint withdrawn after receipt still counts as received
  bool not_accepted_in_ch01 = false;   // a complaint excluded under section 2 is not a stage 1 complaint
  double compliance_threshold = 0.9;   // case-checked provisions: "Partial" at or above this pass rate, "No" below
  bool drill_down = false;             // keep the case ids behind every figure, not only the exceptions
  std::string evidence_json;           // the landlord's evidence file (docs/reporting.md), or empty
  unsigned threads = 1;                // for add_ndjson: worker threads evaluating cases
  // Strict::yes: every warning is an error. A case with a near-miss key is
  // rejected with it, a register header with one is refused, and so is an
  // evidence file naming a provision the Code does not have.
  Strict strict = Strict::no;
};

// Options for a reporting year: 1 April `first_year` to 31 March the year after.
ReportOptions reporting_year(int first_year);

class Report {
 public:
  // `calendar` may be null: each case's "calendar" field, else the rule set's default.
  // Throws Error(Errc::json | schema | invalid_argument) for a bad evidence file or period.
  Report(const RuleSet& rules, const Calendar* calendar, ReportOptions options);
  ~Report();
  Report(Report&&) noexcept;
  Report& operator=(Report&&) noexcept;

  // Adds one case record. A case that cannot be read is not an exception: it
  // is counted as rejected, with `line` (0 when unknown) and the reason, and
  // the report carries on; the return value is the error code (Errc::ok when accepted).
  Errc add_case(std::string_view case_json, uint64_t line = 0);
  // Why add_case last rejected a case (empty when none was).
  const std::string& last_rejection() const;
  // Newline-delimited case records, in chunks of any size (a chunk may end
  // mid-line; the rest of the line is awaited). Blank lines are skipped.
  void add_ndjson(std::string_view chunk);
  // A whole stream of newline-delimited records, evaluated on options.threads threads.
  void add_ndjson(std::istream& in);
  // A flat CSV register (docs/reporting.md): each row becomes a case record.
  void add_csv(std::istream& in);

  // Ends the input and builds the report (idempotent). The renderers call it.
  void finish();
  std::string json() const;
  std::string csv() const;
  std::string html() const;
  std::string text() const;  // the headline figures, for a terminal

  uint64_t cases_read() const;  // every case or line given: accepted + rejected
  uint64_t cases_accepted() const;
  uint64_t cases_rejected() const;
  // What the report read but may have misread, as its JSON lists them
  // (input.warnings): the evidence file's, a register header's, and the
  // first cases' near-miss keys with their lines. Complete after finish().
  std::vector<std::string> warnings() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// One CSV register row (header names -> values) as a case record.
std::string csv_row_to_case(const std::vector<std::string>& header, const std::vector<std::string>& row, uint64_t line);
// Each data row of a CSV register, header row first, as Report::add_csv reads
// it: `row(line, case_json, "")`, or `row(line, "", reason)` for a row that
// cannot be a case record. Blank rows are skipped. A header column nearly one
// of chc's goes to `warn` before any row is read. Throws Error(limit) for a
// header row over the case size limit, Error(schema) for a header chc cannot
// read (a required column missing, a column given twice).
void read_csv_register(std::istream& in,
                       const std::function<void(uint64_t line, std::string_view case_json, std::string_view error)>& row,
                       const std::function<void(std::string_view warning)>& warn = {});
// The same as JSON: {"rows": [{"line": 2, "case": {...}}, {"line": 3, "error": "..."}],
// "warnings": [...]} (chc_cases_from_csv).
std::string csv_register_json(std::istream& in);

}  // namespace chc
