// SPDX-License-Identifier: MIT
// GOV.UK bank-holidays.json imports on any bytes, over a built-in division;
// an import that succeeds never loses a year the document does not cover,
// under any conflict policy.
#include "fuzz_support.hpp"

namespace {
const chc_calendar* base() {
  static chc_calendar* cal = [] {
    chc_calendar* c = nullptr;
    if (chc_calendar_builtin(&c, "england-and-wales") != CHC_OK) std::abort();
    return c;
  }();
  return cal;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string version = in.ConsumeRandomLengthString(32);
  const std::string json = in.ConsumeRemainingBytesAsString();
  chc_calendar* imported = nullptr;
  const int rc = fuzz::checked(chc_calendar_import_govuk(&imported, base(), json.data(), json.size(), version.c_str()),
                               "chc_calendar_import_govuk");
  if (rc == CHC_OK) {
    // 1977's holidays are in no GOV.UK document's years unless it lists 1977
    // (spelled out: no backslash could hide it in an escape).
    if (json.find("1977") == std::string::npos && json.find('\\') == std::string::npos) {
      fuzz::Owned before, after;
      fuzz::require(chc_calendar_holidays_json(before.out(), base(), 2557, 2921) == CHC_OK, "base 1977");
      fuzz::require(chc_calendar_holidays_json(after.out(), imported, 2557, 2921) == CHC_OK, "imported 1977");
      const auto b = fuzz::parse_output(before.text, "holidays"), a = fuzz::parse_output(after.text, "holidays");
      fuzz::require(b.at("holidays") == a.at("holidays"), "an import keeps the years it does not list", after.text);
    }
    // The other policies on the same document: file_wins builds whenever the
    // default does; strict builds, or refuses what it may have misread with CHC_E_SCHEMA.
    chc_calendar* file_wins = nullptr;
    chc_calendar* strict = nullptr;
    fuzz::require(chc_calendar_import_govuk_ex(&file_wins, base(), json.data(), json.size(), version.c_str(),
                                               CHC_IMPORT_FILE_WINS) == CHC_OK,
                  "file_wins builds whenever the default does", chc_last_error());
    const int strict_rc = chc_calendar_import_govuk_ex(&strict, base(), json.data(), json.size(), version.c_str(), CHC_STRICT);
    fuzz::require(strict_rc == CHC_OK || strict_rc == CHC_E_SCHEMA, "strict refuses only with CHC_E_SCHEMA", chc_last_error());
    chc_calendar_free(file_wins);
    chc_calendar_free(strict);
    FuzzedDataProvider rest(data, size);
    fuzz::exercise_calendar(imported, rest);
  } else {
    fuzz::require(imported == nullptr, "a failed import leaves *out alone");
  }
  chc_calendar_free(imported);
  return 0;
}
