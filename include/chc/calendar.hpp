// SPDX-License-Identifier: MIT
// chc/calendar.hpp: working-day calendars.
//
// A Calendar knows, for every day from 1900-01-01 to 2199-12-31, whether it is
// a working day and, if not, why. It is built once (from a built-in division,
// or from JSON describing a landlord's own closures) and is then immutable:
// copies share the same tables and may be used from any number of threads.
//
// Counting convention (the one the Complaint Handling Code's "within N working
// days of X" needs, and the one every function below follows):
//
//   add_working_days(start, n), n >= 1: the n-th working day strictly after
//       start, whatever start is. The event day is day 0, so a complaint
//       received on Friday 20 December 2024 with 5 working days to acknowledge
//       is due on Tuesday 31 December 2024 (Christmas, Boxing Day and the
//       weekends are skipped).
//   add_working_days(start, n), n <= -1: the |n|-th working day strictly before start.
//   add_working_days(start, 0): start if it is a working day, else the next one.
//   count_working_days(from, to): the number of working days d with
//       from < d <= to; negative (-(count(to, from))) when to < from.
//
// Identities: count(a, add(a, n)) == n for every n >= 1 and every a, and for
// every n when a is a working day; count(a, b) + count(b, c) == count(a, c);
// count(a, b) == -count(b, a).
//
// Every operation is O(1): a few reads of precomputed tables (a running count
// of working days and its inverse). Days outside the
// supported range throw Error(Errc::range); so do results beyond it, or
// Error(Errc::overflow) when they would lie beyond any 32-bit day number.
#pragma once

#include <chc/date.hpp>
#include <chc/error.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chc {

// Why a day is not a working day. Values are stable (they appear in JSON by name).
enum class DayKind : uint8_t {
  standing,          // a bank holiday on its standing date (Good Friday, 25 December, ...)
  substitute,        // a bank holiday moved off a weekend ("Substitute day")
  one_off,           // a one-off or moved bank holiday (jubilees, state funeral, VE day)
  weekend,           // outside the calendar's working week
  landlord_closure,  // a closure the landlord declared (not a bank holiday)
};
const char* day_kind_name(DayKind kind) noexcept;  // "standing", "substitute", ...

// Where a holiday record came from.
enum class HolidaySource : uint8_t {
  rules,     // generated from the division's standing rules and one-off table
  official,  // the official GOV.UK list compiled into chc
  imported,  // a GOV.UK bank-holidays.json document imported at run time
  landlord,  // the landlord's calendar JSON
};
const char* holiday_source_name(HolidaySource source) noexcept;  // "rules", "official", ...

// One reason a day is not a working day.
struct Holiday {
  Date date;
  DayKind kind;
  HolidaySource source;
  std::string name;                    // "Boxing Day", "Office closure"
  std::string notes;                   // the official notes, if any ("Substitute day")
  std::optional<Date> substitute_for;  // a substitute day: the weekend date it replaces
  std::optional<Date> substituted_by;  // a holiday's weekend date: the substitute day observed instead
  std::string reference;               // where chc's data documents it ("HC Deb 19 January 1977 ..."), if it does
};

// A non-working day and every reason for it (a landlord closure can fall on a
// bank holiday; a weekend can be the standing date of a substituted holiday).
struct NonWorkingDay {
  Date date;
  std::vector<Holiday> reasons;  // never empty; the first is the main reason
};

// Who wins when a GOV.UK document would remove or move a day the calendar
// already has (docs/calendars.md, "GOV.UK import"): keep_newer keeps the
// calendar's one-offs (a copy without them predates their announcement) and
// takes the document's word on standing days; file_wins takes the document's
// days for every year it lists.
enum class ImportConflicts : uint8_t { keep_newer, file_wins };

// What one GOV.UK import did (CalendarInfo::imports, "imports" in the info JSON).
struct GovukImport {
  std::string source;        // "bank-holidays.json" (with_govuk_import) or "calendar.govuk"
  std::string division;
  int first_year = 0;        // the years the document lists for the division
  int last_year = 0;
  std::string data_version;  // the version given for the document, or one derived from its content
  std::size_t days = 0;      // the division's listed days read
  std::size_t conflicts = 0; // days the calendar had that the document would remove or move
  std::size_t kept = 0;      // of those, the calendar's day was kept
  std::size_t overridden = 0;  // of those, the document's version was used
  ImportConflicts policy = ImportConflicts::keep_newer;
};

struct CalendarInfo {
  std::string name;            // "england-and-wales", or the custom calendar's name
  std::string base;            // the division it builds on
  std::string data_version;    // identifies the holiday data (stamped on deadlines)
  Date official_through;       // last day covered by official (or imported) data
  Date first_day;              // 1900-01-01
  Date last_day;               // 2199-12-31
  uint8_t working_week = 0;    // bit (ISO weekday - 1) set for working weekdays
  std::vector<std::string> warnings;  // near-miss keys, unknown keys, import conflicts, closures on weekends
  Date verified_from;          // bank holidays before this day are not verified against a published list
  std::vector<GovukImport> imports;   // GOV.UK documents merged in, oldest first
};

namespace detail {
// A read-only view of a calendar's compact tables (built by Calendar::Impl).
// Table day i is first_supported_day() + i. Counts and serials are stored as
// small offsets from a 32-bit base per block of 64 entries, which keeps a
// calendar's tables near 270 KB and the hot calls at two loads each.
struct DayTables {
  const int32_t* before_base = nullptr;     // per block of 64 table days
  const uint8_t* before_offset = nullptr;   // per table day, plus one past the last
  const int32_t* day_base = nullptr;        // per block of 64 positions
  const uint16_t* day_offset = nullptr;     // per position 0..total
  int32_t total = 0;                        // working days in the table

  // Working days d with first <= d < first + i, for 0 <= i <= day count.
  int32_t before(int64_t i) const { return before_base[i >> 6] + before_offset[i]; }
  // Serial of the k-th working day, for 1 <= k <= total.
  int32_t day(int64_t k) const { return day_base[k >> 6] + day_offset[k]; }
};
}  // namespace detail

class Calendar {
 public:
  static constexpr Date first_supported_day() noexcept { return Date(static_cast<int32_t>(serial_from_civil(1900, 1, 1))); }
  static constexpr Date last_supported_day() noexcept { return Date(static_cast<int32_t>(serial_from_civil(2199, 12, 31))); }

  // The built-in divisions: "england-and-wales", "scotland", "northern-ireland".
  // Throws Error(Errc::unknown_name). Cheap after the first call per division.
  static Calendar builtin(std::string_view division);
  static std::vector<std::string> builtin_names();

  // A calendar described by JSON (see docs/calendars.md):
  //   {"name": ..., "base": "england-and-wales", "working_week": ["mon", ...],
  //    "closures": [{"date": "2025-12-29", "name": "Office closure"},
  //                 {"from": "2025-12-29", "to": "2025-12-31", "name": ...}],
  //    "removed": ["2026-05-04"], "govuk": {<a GOV.UK bank-holidays.json document>},
  //    "data_version": "..."}
  // A key that is nearly a known one ("closure", "Working-Week") is a warning
  // in info().warnings naming both; under Strict::yes it, and every import
  // conflict of "govuk", is Error(Errc::schema) with the same words instead.
  // `conflicts` (or "govuk_conflicts": "file_wins") decides import conflicts.
  // Throws Error(Errc::json | schema | date | range | unknown_name).
  static Calendar from_json(std::string_view json, Strict strict = Strict::no,
                            ImportConflicts conflicts = ImportConflicts::keep_newer);

  // A copy of this calendar with a GOV.UK bank-holidays.json document merged in:
  // each year the document covers for this calendar's division takes the
  // document's days; every other year is kept as it was (the live feed
  // has dropped old years before; chc never forgets them). A day the
  // calendar has in those years that the document would remove or move is a
  // conflict: each is a warning in info().warnings (Error(Errc::schema) under
  // Strict::yes), resolved by `conflicts`, and counted in info().imports.
  Calendar with_govuk_import(std::string_view govuk_json, std::string_view data_version = {},
                             ImportConflicts conflicts = ImportConflicts::keep_newer, Strict strict = Strict::no) const;

  // Inline: the tables are read through pointers the Calendar holds, so the
  // hot calls cost a couple of loads and never a function call.
  bool is_working_day(Date day) const {
    const int64_t i = table_index(day, "day");
    return tables_.before(i + 1) > tables_.before(i);
  }
  Date add_working_days(Date start, int32_t n) const {
    const int64_t i = table_index(start, "start");
    // n >= 1 counts from the working days up to and including start; n <= 0
    // from those strictly before it, so n = 0 lands on start or the next working day.
    const int64_t k = n > 0 ? tables_.before(i + 1) + static_cast<int64_t>(n) : tables_.before(i) + static_cast<int64_t>(n) + 1;
    if (k < 1 || k > tables_.total) [[unlikely]]
      throw_beyond(start, n);
    return Date(tables_.day(k));
  }
  int32_t count_working_days(Date from, Date to) const {
    return tables_.before(table_index(to, "to") + 1) - tables_.before(table_index(from, "from") + 1);
  }
  Date next_working_day(Date day) const { return add_working_days(day, 1); }      // strictly after
  Date previous_working_day(Date day) const { return add_working_days(day, -1); }  // strictly before

  // Array forms, for whole columns at once: out[i] = add_working_days(start[i],
  // n[i]), with `n` either as long as `start` or one value for every start.
  // Either every element succeeds and `out` is written, or the call throws
  // and `out` is untouched; `out` may be the very array `start`. Sizes that
  // do not fit are Errc::invalid_argument. The 64-bit forms take day numbers
  // (days since 1970-01-01) as numpy's datetime64[D] holds them, no copy needed.
  void add_working_days(std::span<const Date> start, std::span<const int32_t> n, std::span<Date> out) const;
  void add_working_days(std::span<const int64_t> start, std::span<const int64_t> n, std::span<int64_t> out) const;
  void count_working_days(std::span<const Date> from, std::span<const Date> to, std::span<int32_t> out) const;
  void count_working_days(std::span<const int64_t> from, std::span<const int64_t> to, std::span<int32_t> out) const;

  // Holidays and landlord closures (not weekends) with from <= date <= to, by date.
  std::vector<Holiday> holidays(Date from, Date to) const;
  // Every non-working day d with from < d <= to (the days a deadline counted
  // from `from` skips), weekends included, with its reasons.
  std::vector<NonWorkingDay> explain(Date from, Date to) const;
  // The reasons `day` is not a working day (empty for a working day).
  std::vector<Holiday> reasons(Date day) const;
  // What a caller should know about answers between `from` and `to` (either
  // order): a warning when they reach before info().verified_from, where the
  // bank holidays are chc's best reading of the rules and the sourced
  // history, not a published list. Empty otherwise.
  std::vector<std::string> range_warnings(Date from, Date to) const;

  CalendarInfo info() const;
  const std::string& name() const;
  const std::string& data_version() const;
  // Bytes held by this calendar's tables (shared between copies).
  std::size_t memory_bytes() const;

  class Impl;
  explicit Calendar(std::shared_ptr<const Impl> impl);
  const Impl& impl() const { return *impl_; }
  const std::shared_ptr<const Impl>& shared_impl() const { return impl_; }

 private:
  int64_t table_index(Date day, const char* what) const {
    const int64_t i = static_cast<int64_t>(day.serial()) - first_supported_day().serial();
    if (i < 0 || i > last_supported_day().serial() - first_supported_day().serial()) [[unlikely]]
      throw_out_of_range(day, what);
    return i;
  }
  [[noreturn]] static void throw_out_of_range(Date day, const char* what);
  [[noreturn]] void throw_beyond(Date start, int32_t n) const;

  std::shared_ptr<const Impl> impl_;
  detail::DayTables tables_;  // a view of impl_'s tables
};

// JSON answers: the text the C API and the chc command print (docs/calendars.md).
// Each throws as the call it answers does.
//   holidays_json            {"calendar", "data_version", "from", "to", "holidays": [...]}
//   explain_json             {"calendar", "data_version", "from", "to", "working_days", "skipped": [...]}
//   add_working_days_json    {"calendar", "data_version", "start", "n", "result"}
//   count_working_days_json  {"calendar", "data_version", "from", "to", "working_days"}
//   calendar_info_json       CalendarInfo's fields, "rules_checked_from" and "memory_bytes"
std::string holidays_json(const Calendar& cal, Date from, Date to);
std::string explain_json(const Calendar& cal, Date from, Date to);
std::string add_working_days_json(const Calendar& cal, Date start, int32_t n);
std::string count_working_days_json(const Calendar& cal, Date from, Date to);
std::string calendar_info_json(const Calendar& cal);

}  // namespace chc
