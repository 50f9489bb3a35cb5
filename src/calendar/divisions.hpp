// SPDX-License-Identifier: MIT
// The built-in divisions: standing rules, substitute days and one-offs from
// data/calendars/divisions.json, and the official list of
// data/calendars/bank-holidays-official.csv, both compiled into the library.
#pragma once

#include <chc/calendar.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chc::detail {

// A bank holiday as the rules or a list give it, before it is interned into a calendar.
struct BankHoliday {
  Date date;
  DayKind kind = DayKind::standing;
  HolidaySource source = HolidaySource::rules;
  std::string name;
  std::string notes;
  std::optional<Date> substitute_for;
  std::optional<Date> moved_from;  // a one-off that moved a standing holiday: its standing date
  std::string reference;           // where the data names its source (a Hansard answer, ...)
};

// An entry of an official list (the compiled-in CSV, or an imported GOV.UK document).
struct ListedHoliday {
  Date date;
  std::string title;
  std::string notes;
};

const std::vector<std::string>& division_names();
bool is_division(std::string_view name);
const std::string& builtin_data_version();
Date builtin_official_through();
int rules_checked_from();
// 1 January of rules_checked_from: days before it are not verified against a published list.
Date verified_from();

// The bank holidays the rules and the one-off table give `division` in `year`
// (observed dates, sorted); without the one-offs, what the standing rules
// alone give. Throws Error(Errc::unknown_name).
std::vector<BankHoliday> rule_holidays(std::string_view division, int year, bool one_offs = true);

// `listed` (one year of an official list) with each entry's kind,
// substitute_for and moved_from taken from the rules when the rules give the
// same date; a date only the standing rules give (the standing date of a
// holiday a one-off moved) is standing, not a one-off.
std::vector<BankHoliday> classify_listed(std::string_view division, int year, const std::vector<ListedHoliday>& listed,
                                         HolidaySource source);

// Every bank holiday of a built-in division from 1900 to 2199: the official
// list's years as published, every other year from the rules.
std::vector<BankHoliday> builtin_bank_holidays(std::string_view division);

// The compiled-in official list for one division, by date.
const std::vector<ListedHoliday>& official_list(std::string_view division);

}  // namespace chc::detail
