// SPDX-License-Identifier: MIT
// Test helpers: the official list read from tests/data at run time (never the
// compiled-in copy), and an independent working-day predicate built from it.
#pragma once

#include <chc/calendar.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace chc::test {

struct ListedDay {
  std::string date;
  std::string title;
  std::string notes;
};

// division -> rows of tests/data/bank-holidays-official.csv, in file order.
const std::map<std::string, std::vector<ListedDay>>& official_csv();
std::set<int32_t> official_days(const std::string& division);

Date d(const char* iso);
std::string read_test_file(const std::string& name);

// "YYYY-MM-DD Name" lines for a calendar's holidays in a year.
std::vector<std::string> holiday_lines(const Calendar& cal, int year);

}  // namespace chc::test
