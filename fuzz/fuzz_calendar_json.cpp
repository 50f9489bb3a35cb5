// SPDX-License-Identifier: MIT
// Landlord calendar JSON (docs/calendars.md) on any bytes; a calendar that
// builds keeps every arithmetic identity.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string json = in.ConsumeRandomLengthString(1 << 16);
  chc_calendar* cal = nullptr;
  if (fuzz::checked(chc_calendar_from_json(&cal, json.data(), json.size()), "chc_calendar_from_json") == CHC_OK) {
    // Strict builds too, or refuses a near-miss or an import conflict with CHC_E_SCHEMA.
    chc_calendar* strict = nullptr;
    const int strict_rc = chc_calendar_from_json_ex(&strict, json.data(), json.size(), CHC_STRICT);
    fuzz::require(strict_rc == CHC_OK || strict_rc == CHC_E_SCHEMA, "strict refuses only with CHC_E_SCHEMA", chc_last_error());
    chc_calendar_free(strict);
    fuzz::exercise_calendar(cal, in);
  } else {
    fuzz::require(cal == nullptr, "a failed from_json leaves *out alone");
  }
  chc_calendar_free(cal);
  return 0;
}
