// SPDX-License-Identifier: MIT
// "Did you mean": the one near-miss rule every reader and the chc command use.
#include <chc/near_miss.hpp>

#include <catch2/catch.hpp>

namespace {
const std::vector<std::string_view> calendar_keys = {"base", "name", "closures", "removed", "working_week", "extra_holidays", "data_version"};
}

TEST_CASE("a key one edit away from a known one is a near miss") {
  CHECK(chc::near_miss("closure", calendar_keys) == "closures");  // deletion
  CHECK(chc::near_miss("bse", calendar_keys) == "base");          // deletion in a short word
  CHECK(chc::near_miss("closurez", calendar_keys) == "closures");  // substitution
  CHECK(chc::near_miss("colsures", calendar_keys) == "closures");  // neighbours swapped
}

TEST_CASE("case and separators do not count as differences") {
  CHECK(chc::near_miss("Working-Week", calendar_keys) == "working_week");
  CHECK(chc::near_miss("workingweek", calendar_keys) == "working_week");
  CHECK(chc::near_miss("EXTRA HOLIDAYS", calendar_keys) == "extra_holidays");
}

TEST_CASE("long words allow two edits, short words one") {
  const std::vector<std::string_view> columns = {"id", "received", "stage1_acknowledged", "stage1_response"};
  CHECK(chc::near_miss("stage1_acknowleged", columns) == "stage1_acknowledged");  // one deletion
  CHECK(chc::near_miss("stage1_acknowlegd", columns) == "stage1_acknowledged");   // two deletions
  CHECK(chc::near_miss("recieved", columns) == "received");                       // a swap
  CHECK_FALSE(chc::near_miss("ix", {"id"}).has_value());                          // two letters: case and separators only
  CHECK(chc::near_miss("I-D", {"id"}) == "id");
  CHECK(chc::near_miss("ad", {"add", "count", "explain"}) == "add");             // a letter left out
  CHECK_FALSE(chc::near_miss("ab", {"id", "add"}).has_value());                   // "ab": neither a case variant nor a deletion
}

TEST_CASE("no guess for a known word, a far word or a tie") {
  CHECK_FALSE(chc::near_miss("closures", calendar_keys).has_value());
  CHECK_FALSE(chc::near_miss("x-crm-colour", calendar_keys).has_value());
  CHECK_FALSE(chc::near_miss("", calendar_keys).has_value());
  CHECK_FALSE(chc::near_miss("ab", {"aa", "bb"}).has_value());  // equally close to both
}

TEST_CASE("the message names both words") {
  CHECK(chc::did_you_mean("closure", "closures") == "\"closure\": did you mean \"closures\"?");
  CHECK(chc::did_you_mean("closure", "closures", "calendar") == "calendar: \"closure\": did you mean \"closures\"?");
}
