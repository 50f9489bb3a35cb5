// SPDX-License-Identifier: MIT
// Calendar::Impl: the immutable tables behind a chc::Calendar.
#pragma once

#include <chc/calendar.hpp>

#include "calendar/divisions.hpp"

#include <array>
#include <climits>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace chc {

// Whether `d` falls on a weekday of `working_week` (bit ISO weekday - 1).
inline bool in_working_week(uint8_t working_week, Date d) {
  return ((static_cast<unsigned>(working_week) >> (static_cast<unsigned>(d.weekday()) - 1u)) & 1u) != 0;
}

// What a calendar is made of; Impl::build turns it into tables, and
// Impl::spec() gives it back so a GOV.UK import can rebuild a calendar with
// the same landlord layers.
struct CalendarSpec {
  std::string name;
  std::string base;
  std::string data_version;
  Date official_through;
  uint8_t working_week = 0x1f;  // Monday to Friday
  std::vector<detail::BankHoliday> bank_holidays;  // by date
  // When set, the bank-holiday layer is this calendar's instead of bank_holidays
  // (its interned records are reused: building a landlord calendar stays cheap).
  std::shared_ptr<const Calendar::Impl> bank_holidays_from;
  std::vector<detail::BankHoliday> closures;       // landlord closures and extra bank holidays, by date
  std::vector<Date> removed;                       // days made working whatever the layers below say; sorted
  std::vector<std::string> warnings;
  std::vector<GovukImport> imports;
};

class Calendar::Impl {
 public:
  static std::shared_ptr<const Impl> build(CalendarSpec spec);

  CalendarSpec spec() const;
  const std::string& name() const { return name_; }
  const std::string& data_version() const { return data_version_; }
  CalendarInfo info() const;
  uint8_t working_week() const { return working_week_; }

  // Table index of a day; the day must be in range.
  static int32_t index(Date day) { return day.serial() - Calendar::first_supported_day().serial(); }
  static constexpr int32_t day_count =
      Calendar::last_supported_day().serial() - Calendar::first_supported_day().serial() + 1;

  // before(i): working days in [first, first + i), so day i is worked when
  // before(i + 1) > before(i); day(k): the serial of the k-th working day.
  detail::DayTables tables() const {
    return {before_base_.data(), before_offset_.data(), day_base_.data(), day_offset_.data(), total_working_days_};
  }
  int32_t total_working_days() const { return total_working_days_; }

  static constexpr int32_t no_date = INT32_MIN;
  struct Record {
    int32_t date;
    int32_t substitute_for;  // a substitute: the weekend date it replaces; else no_date
    int32_t substituted_by;  // a weekend standing date: the substitute day; else no_date
    uint16_t name;           // index into strings_
    uint16_t notes;
    uint16_t reference;
    DayKind kind;
    HolidaySource source;
  };
  // Non-working-day records (bank holidays and closures, minus removed days), by date.
  const std::vector<Record>& records() const { return records_; }
  // Index of the first record dated on or after 1 January of first year + i.
  const std::array<int32_t, 301>& year_start() const { return year_start_; }
  Holiday to_holiday(const Record& r) const;

  std::size_t memory_bytes() const;

 private:
  uint16_t intern(const std::string& s, std::unordered_map<std::string, uint16_t>& index);

  std::string name_;
  std::string base_;
  std::string data_version_;
  Date official_through_;
  uint8_t working_week_ = 0;
  std::vector<Date> removed_;
  std::vector<std::string> warnings_;
  std::vector<GovukImport> imports_;
  std::vector<std::string> strings_;
  std::vector<Record> records_;
  std::vector<Record> removed_records_;  // records on removed days, kept so spec() can rebuild
  std::array<int32_t, 301> year_start_{};
  std::vector<int32_t> before_base_;
  std::vector<uint8_t> before_offset_;
  std::vector<int32_t> day_base_;
  std::vector<uint16_t> day_offset_;
  int32_t total_working_days_ = 0;
};

}  // namespace chc
