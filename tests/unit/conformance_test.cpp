// SPDX-License-Identifier: MIT
// Runs the published conformance set (tests/conformance): hand-worked cases
// whose expected deadlines and findings were written down independently of
// the engine. Only the keys a case asserts are compared.
#include "evaluate/evaluate_impl.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

namespace bj = boost::json;
namespace fs = std::filesystem;
using namespace chc;

namespace {

const fs::path conformance_dir = fs::path(CHC_TEST_DATA_DIR).parent_path() / "conformance";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> files(const char* sub) {
  std::vector<fs::path> out;
  if (!fs::exists(conformance_dir / sub)) return out;
  for (const auto& entry : fs::directory_iterator(conformance_dir / sub)) {
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

RuleSet rules_of(const bj::value& v) { return v.is_string() ? RuleSet::builtin(v.get_string()) : RuleSet::from_json(bj::serialize(v)); }

std::optional<Calendar> calendar_of(const bj::object& c) {
  const auto it = c.find("calendar");
  if (it == c.end() || it->value().is_null()) return std::nullopt;
  return Calendar::builtin(it->value().get_string());
}

// Every key of `expected` must equal the same key of `actual` (recursively for objects).
void compare(const bj::value& expected, const bj::value& actual, const std::string& path, std::vector<std::string>& diffs) {
  if (expected.is_object() && actual.is_object()) {
    for (const auto& kv : expected.get_object()) {
      const auto it = actual.get_object().find(kv.key());
      if (it == actual.get_object().end()) {
        diffs.push_back(path + "." + std::string(kv.key()) + ": missing, expected " + bj::serialize(kv.value()));
      } else {
        compare(kv.value(), it->value(), path + "." + std::string(kv.key()), diffs);
      }
    }
    return;
  }
  const bool both_numbers = expected.is_number() && actual.is_number();
  if (both_numbers ? expected.to_number<double>() != actual.to_number<double>() : expected != actual) {
    diffs.push_back(path + ": expected " + bj::serialize(expected) + ", got " + bj::serialize(actual));
  }
}

std::vector<std::string> check_case(const bj::object& test, const bj::object& out) {
  std::vector<std::string> diffs;
  const auto& expected = test.at("expected").as_object();
  for (const char* key : {"status", "stage", "day_zero"}) {
    if (const auto it = expected.find(key); it != expected.end()) compare(it->value(), out.at(key), key, diffs);
  }
  if (const auto it = expected.find("deadlines"); it != expected.end()) {
    for (const auto& kv : it->value().as_object()) {
      const auto& list = out.at("deadlines").as_array();
      const auto found = std::find_if(list.begin(), list.end(), [&](const bj::value& d) { return d.at("name") == kv.key(); });
      if (found == list.end()) diffs.push_back("deadlines." + std::string(kv.key()) + ": not in the output");
      else compare(kv.value(), *found, "deadlines." + std::string(kv.key()), diffs);
    }
  }
  const auto& findings = out.at("findings").as_array();
  if (const auto it = expected.find("findings"); it != expected.end()) {
    std::vector<bool> used(findings.size());
    for (const auto& want : it->value().as_array()) {
      bool matched = false;
      for (std::size_t i = 0; i < findings.size() && !matched; ++i) {
        if (!used[i] && findings[i].at("provision") == want.at("provision") && findings[i].at("result") == want.at("result")) {
          used[i] = matched = true;
        }
      }
      if (!matched) diffs.push_back("findings: no " + bj::serialize(want));
    }
  }
  if (const auto it = expected.find("findings_absent"); it != expected.end()) {
    for (const auto& p : it->value().as_array()) {
      for (const auto& f : findings) {
        if (f.at("provision") == p && (f.at("result") == "pass" || f.at("result") == "fail")) {
          diffs.push_back("findings: expected no pass/fail for " + bj::serialize(p) + ", got " + bj::serialize(f));
        }
      }
    }
  }
  if (const auto it = expected.find("next_action"); it != expected.end()) {
    if (it->value().is_null() != out.at("next_action").is_null()) {
      diffs.push_back("next_action: expected " + bj::serialize(it->value()) + ", got " + bj::serialize(out.at("next_action")));
    } else if (!it->value().is_null()) {
      compare(it->value(), out.at("next_action"), "next_action", diffs);
    }
  }
  return diffs;
}

}  // namespace

TEST_CASE("the conformance cases evaluate as worked out by hand", "[conformance]") {
  const auto cases = files("cases");
  REQUIRE(cases.size() >= 40);
  int failed = 0;
  for (const fs::path& file : cases) {
    const bj::object test = bj::parse(read(file)).as_object();
    std::vector<std::string> diffs;
    try {
      const RuleSet rules = rules_of(test.at("rules"));
      const auto cal = calendar_of(test);
      const std::string out = evaluate_json(rules, cal ? &*cal : nullptr, bj::serialize(test.at("case")),
                                            Date::parse(test.at("as_of").as_string()));
      diffs = check_case(test, bj::parse(out).as_object());
    } catch (const std::exception& e) {
      diffs.push_back(std::string("threw: ") + e.what());
    }
    if (!diffs.empty()) {
      ++failed;
      std::string message = file.filename().string() + ":";
      for (const auto& d : diffs) message += "\n    " + d;
      UNSCOPED_INFO(message);
    }
  }
  CHECK(failed == 0);
}

TEST_CASE("the conformance set's bad inputs are rejected with the field named", "[conformance]") {
  const auto cases = files("bad");
  REQUIRE(cases.size() >= 10);
  for (const fs::path& file : cases) {
    const bj::object test = bj::parse(read(file)).as_object();
    const auto& expected = test.at("expected_error").as_object();
    INFO(file.filename().string());
    try {
      const RuleSet rules = rules_of(test.at("rules"));
      const auto cal = calendar_of(test);
      evaluate_json(rules, cal ? &*cal : nullptr, std::string(test.at("case_text").as_string()),
                    Date::parse(test.at("as_of").as_string()));
      FAIL("accepted");
    } catch (const Error& e) {
      static const std::map<std::string, Errc> codes = {{"CHC_E_JSON", Errc::json},     {"CHC_E_SCHEMA", Errc::schema},
                                                        {"CHC_E_DATE", Errc::date},     {"CHC_E_LIMIT", Errc::limit},
                                                        {"CHC_E_RANGE", Errc::range},   {"CHC_E_INVALID", Errc::invalid_argument}};
      CHECK(e.code() == codes.at(std::string(expected.at("code").as_string())));
      CHECK_THAT(e.what(), Catch::Contains(std::string(expected.at("field").as_string())));
    }
  }
}
