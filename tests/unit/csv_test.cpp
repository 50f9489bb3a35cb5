// SPDX-License-Identifier: MIT
// The CSV reader every register goes through: RFC 4180 quoting, and the record
// limit that keeps an unclosed quote from holding the rest of a file in memory.
#include "core/csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

struct Record {
  std::vector<std::string> fields;
  uint64_t line;
  bool oversized;
};

std::vector<Record> read_all(const std::string& text, std::size_t limit = SIZE_MAX) {
  std::istringstream in(text);
  chc::CsvReader csv(in, limit);
  std::vector<Record> out;
  std::vector<std::string> fields;
  uint64_t line = 0;
  while (csv.next(fields, line)) out.push_back({fields, line, csv.oversized()});
  return out;
}

}  // namespace

TEST_CASE("CSV quoting: commas, doubled quotes and line breaks inside quotes", "[csv]") {
  const auto records = read_all("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\nlast");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"two\nlines", "x"});
  CHECK(records[1].line == 2);
  CHECK(records[2].fields == std::vector<std::string>{"last"});
  CHECK(records[2].line == 4);  // the quoted line break moved it down one
}

TEST_CASE("an oversized record is skipped whole and the next one keeps its line number", "[csv][limits]") {
  // Record 2 holds 30 bytes with a quoted line break inside; the limit is 16.
  const std::string text = "id,note\nA1,\"0123456789\n0123456789,\"\"x\"\"\"\nA2,fine\n";
  const auto records = read_all(text, 16);
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == std::vector<std::string>{"id", "note"});
  CHECK_FALSE(records[0].oversized);
  CHECK(records[1].oversized);
  CHECK(records[1].fields.empty());
  CHECK(records[1].line == 2);
  CHECK(records[2].fields == std::vector<std::string>{"A2", "fine"});
  CHECK(records[2].line == 4);
  CHECK_FALSE(records[2].oversized);
}

TEST_CASE("an unclosed quote costs one record, however long the rest of the input", "[csv][limits]") {
  std::string text = "A1,ok\nA2,\"never closed\n";
  for (int i = 0; i < 1000; ++i) text += "B,row\n";
  const auto records = read_all(text, 64);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == std::vector<std::string>{"A1", "ok"});
  CHECK(records[1].oversized);
  CHECK(records[1].line == 2);
}

TEST_CASE("a record exactly at the limit is read", "[csv][limits]") {
  // "abc,def\n" is 8 bytes with its line end.
  const auto records = read_all("abc,def\nx\n", 8);
  REQUIRE(records.size() == 2);
  CHECK_FALSE(records[0].oversized);
  CHECK(records[0].fields == std::vector<std::string>{"abc", "def"});
}
