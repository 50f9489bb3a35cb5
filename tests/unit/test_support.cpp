// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chc::test {

std::string read_test_file(const std::string& name) {
  std::ifstream in(std::string(CHC_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open test data " + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {
// A deliberately plain CSV reader (quoted fields may hold commas).
std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      cells.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else if (c != '\r') {
      cells.back() += c;
    }
  }
  return cells;
}
}  // namespace

const std::map<std::string, std::vector<ListedDay>>& official_csv() {
  static const auto rows = [] {
    std::map<std::string, std::vector<ListedDay>> out;
    std::istringstream in(read_test_file("bank-holidays-official.csv"));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto cells = split_csv_line(line);
      if (cells.size() != 4) throw std::runtime_error("bad CSV line: " + line);
      out[cells[0]].push_back({cells[1], cells[2], cells[3]});
    }
    return out;
  }();
  return rows;
}

std::set<int32_t> official_days(const std::string& division) {
  std::set<int32_t> days;
  for (const auto& row : official_csv().at(division)) days.insert(Date::parse(row.date).serial());
  return days;
}

Date d(const char* iso) { return Date::parse(iso); }

std::vector<std::string> holiday_lines(const Calendar& cal, int year) {
  std::vector<std::string> lines;
  for (const auto& h : cal.holidays(Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31))) {
    lines.push_back(h.date.iso() + " " + h.name);
  }
  return lines;
}

}  // namespace chc::test
