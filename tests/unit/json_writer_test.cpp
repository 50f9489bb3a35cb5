// SPDX-License-Identifier: MIT
// JsonWriter against Boost.JSON's parser: whatever bytes go in as a string
// (ASCII with every control character, quotes and backslashes, any length
// around the 8-byte blocks and the stack buffer's size) must parse back to
// exactly those bytes.
#include "core/json_writer.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <random>
#include <string>

namespace bj = boost::json;

TEST_CASE("JsonWriter strings parse back to the same bytes", "[json]") {
  std::mt19937 rng(20241220);
  std::uniform_int_distribution<int> byte(0, 127), length(0, 40), special(0, 3);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = round < 100 ? round : length(rng);
    for (int i = 0; i < n; ++i) {
      // Mostly plain text, often a character that needs escaping.
      const int pick = special(rng);
      s += pick == 0 ? static_cast<char>(byte(rng) % 32) : pick == 1 ? "\"\\"[byte(rng) % 2] : static_cast<char>(32 + byte(rng) % 95);
    }
    std::string out;
    {
      chc::JsonWriter w(out);
      w.begin_array().value(s).value(std::string_view("x")).end_array();
    }
    const bj::value parsed = bj::parse(out);
    REQUIRE(parsed.as_array().size() == 2);
    REQUIRE(std::string(parsed.as_array()[0].as_string()) == s);
  }
}

TEST_CASE("JsonWriter grows past its stack buffer with escapes at every position", "[json]") {
  for (std::size_t size : {3000u, 3071u, 3072u, 3073u, 10000u, 100000u}) {
    std::string s(size, 'a');
    for (std::size_t i = 0; i < size; i += 7) s[i] = i % 2 ? '\x01' : '"';
    std::string out;
    {
      chc::JsonWriter w(out);
      w.begin_object().key("text").value(s).key("n").value(int64_t{-42}).end_object();
    }
    const bj::value parsed = bj::parse(out);
    CHECK(std::string(parsed.at("text").as_string()) == s);
    CHECK(parsed.at("n").as_int64() == -42);
  }
}
