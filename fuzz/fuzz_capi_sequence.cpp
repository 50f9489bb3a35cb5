// SPDX-License-Identifier: MIT
// C API call sequences: handles created, used and freed in the orders and
// with the arguments the input picks (NULL included wherever the ABI takes a
// pointer), within the contract every caller must keep: no handle is used
// after it is freed, and a report's rule set and calendar outlive it. Nothing
// may crash, leak or answer with an undocumented code.
#include "fuzz_support.hpp"

#include <array>
#include <string>

namespace {

constexpr int kSlots = 3;

const char* const kNames[] = {"england-and-wales", "scotland", "northern-ireland", "hoc", "hoc-2024", "hoc-2022", "spso",
                              "", "Scotland", "england-and-wales ", "hoc-2099", nullptr};
const char* const kCalendarDocs[] = {
    R"({"base":"england-and-wales","closures":[{"from":"2025-12-29","to":"2025-12-31","name":"Office closure"}]})",
    R"({"base":"scotland","working_week":["mon","tue","wed","thu"],"removed":["2026-01-02"]})",
    R"({"base":"northern-ireland","govuk":{"northern-ireland":{"division":"northern-ireland","events":[]}}})",
    R"({"base":"nowhere"})", "{", "[]"};
const char* const kGovuk[] = {
    R"({"england-and-wales":{"division":"england-and-wales","events":[{"title":"Extra","date":"2027-06-07","notes":"","bunting":true}]}})",
    R"({"scotland":{"division":"scotland","events":[]}})", "null", "{\"england-and-wales\":{\"events\":[{\"date\":\"2027-02-30\"}]}}"};
const char* const kOverlays[] = {
    R"({"name":"A","base":"hoc-2024","targets":{"stage1_acknowledgement":3}})",
    R"({"name":"B","base":"hoc-2024","receipt":{"non_working_day":"next_working_day"}})",
    R"({"name":"C","base":"hoc-2024","targets":{"stage1_response":30}})", "{}"};
const char* const kCases[] = {
    R"({"id":"C-1","received":"2024-12-20","events":[{"type":"acknowledged","date":"2024-12-23","definition":true}]})",
    R"({"id":"C-2","received":"2025-03-07T17:45:00Z","events":[{"type":"acknowledged","date":"2025-03-10"},{"type":"response","date":"2025-03-21"},{"type":"escalation_requested","date":"2025-04-01"}]})",
    R"({"id":"C-3","received":"2023-02-29","events":[]})", R"({"id":3})", "", "\xff\xfe"};

struct State {
  std::array<chc_calendar*, kSlots> calendars{};
  std::array<chc_ruleset*, kSlots> rulesets{};
  std::array<chc_report*, kSlots> reports{};
  std::array<int, kSlots> report_calendar{}, report_rules{};  // the slots each report borrows (-1: none)
  std::array<char*, kSlots> strings{};

  ~State() {
    for (auto*& r : reports) chc_report_free(r);
    for (auto*& c : calendars) chc_calendar_free(c);
    for (auto*& r : rulesets) chc_ruleset_free(r);
    for (auto*& s : strings) chc_string_free(s);
  }
  // Frees the reports that borrow calendar or rule set `slot`, as a careful caller does first.
  void release_borrowers(bool calendar, int slot) {
    for (int i = 0; i < kSlots; ++i) {
      if (reports[i] && (calendar ? report_calendar[i] : report_rules[i]) == slot) {
        chc_report_free(reports[i]);
        reports[i] = nullptr;
      }
    }
  }
  void keep_string(int slot, char* s) {
    chc_string_free(strings[slot]);
    strings[slot] = s;
  }
};

template <class T>
T pick(FuzzedDataProvider& in, const T* items, size_t count) {
  return items[in.ConsumeIntegralInRange<size_t>(0, count - 1)];
}
#define PICK(in, array) pick(in, array, sizeof(array) / sizeof(array[0]))

// A string argument: one of the known ones, or bytes from the input.
std::string text_argument(FuzzedDataProvider& in, const char* const* known, size_t count) {
  if (in.ConsumeBool()) {
    const char* s = known[in.ConsumeIntegralInRange<size_t>(0, count - 1)];
    return s ? s : "";
  }
  return in.ConsumeRandomLengthString(200);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  State st;
  for (int step = 0; step < 64 && in.remaining_bytes() > 0; ++step) {
    const int slot = in.ConsumeIntegralInRange(0, kSlots - 1);
    const int other = in.ConsumeIntegralInRange(0, kSlots - 1);
    const bool null_out = in.ConsumeIntegralInRange(0, 15) == 0;  // now and then, a NULL out-parameter
    switch (in.ConsumeIntegralInRange(0, 18)) {
      case 0: {  // calendar_builtin over an occupied slot frees the old one first
        st.release_borrowers(true, slot);
        chc_calendar_free(st.calendars[slot]);
        st.calendars[slot] = nullptr;
        fuzz::checked(chc_calendar_builtin(null_out ? nullptr : &st.calendars[slot], PICK(in, kNames)), "calendar_builtin");
        break;
      }
      case 1: {
        st.release_borrowers(true, slot);
        chc_calendar_free(st.calendars[slot]);
        st.calendars[slot] = nullptr;
        const std::string doc = text_argument(in, kCalendarDocs, std::size(kCalendarDocs));
        fuzz::checked(chc_calendar_from_json(&st.calendars[slot], doc.data(), doc.size()), "calendar_from_json");
        break;
      }
      case 2: {
        if (slot == other) break;
        st.release_borrowers(true, slot);
        chc_calendar_free(st.calendars[slot]);
        st.calendars[slot] = nullptr;
        const std::string doc = text_argument(in, kGovuk, std::size(kGovuk));
        fuzz::checked(chc_calendar_import_govuk(&st.calendars[slot], st.calendars[other], doc.data(), doc.size(),
                                                in.ConsumeBool() ? nullptr : "fuzz"),
                      "calendar_import_govuk");
        break;
      }
      case 3:
        st.release_borrowers(true, slot);
        chc_calendar_free(st.calendars[slot]);
        st.calendars[slot] = nullptr;
        break;
      case 4: {  // any calendar call, the calendar possibly NULL
        const chc_calendar* cal = st.calendars[slot];
        const chc_day a = in.ConsumeIntegral<chc_day>(), b = in.ConsumeIntegralInRange<chc_day>(-30000, 90000);
        const int32_t n = in.ConsumeIntegral<int32_t>();
        chc_day day = 0;
        int32_t count = 0;
        int flag = 0;
        char* s = nullptr;
        switch (in.ConsumeIntegralInRange(0, 8)) {
          case 0: fuzz::checked(chc_calendar_is_working_day(null_out ? nullptr : &flag, cal, a), "is_working_day"); break;
          case 1: fuzz::checked(chc_calendar_add_working_days(null_out ? nullptr : &day, cal, b, n % 1000), "add"); break;
          case 2: fuzz::checked(chc_calendar_count_working_days(null_out ? nullptr : &count, cal, a, b), "count"); break;
          case 3: fuzz::checked(chc_calendar_next_working_day(null_out ? nullptr : &day, cal, a), "next"); break;
          case 4: fuzz::checked(chc_calendar_previous_working_day(&day, cal, b), "previous"); break;
          case 5:
            if (fuzz::checked(chc_calendar_holidays_json(null_out ? nullptr : &s, cal, b, b + (n & 1023)), "holidays") == CHC_OK)
              st.keep_string(other, s);
            break;
          case 6:
            if (fuzz::checked(chc_calendar_explain_json(&s, cal, a, b), "explain") == CHC_OK) st.keep_string(other, s);
            break;
          case 7:
            if (fuzz::checked(chc_calendar_info_json(&s, cal), "info") == CHC_OK) st.keep_string(other, s);
            break;
          case 8: {
            chc_day starts[3] = {a, b, b + 1}, out[3];
            int32_t steps[3] = {n, 1, -1};
            const size_t k = in.ConsumeIntegralInRange<size_t>(0, 3);
            fuzz::checked(chc_calendar_add_working_days_batch(null_out ? nullptr : out, cal, starts, steps, k), "batch");
            int64_t starts64[3] = {a, b, int64_t{b} << in.ConsumeIntegralInRange(0, 40)}, steps64 = n, out64[3];
            fuzz::checked(chc_calendar_add_working_days_batch64(out64, cal, starts64, &steps64, in.ConsumeIntegralInRange<size_t>(0, 4), k),
                          "batch64");
            break;
          }
        }
        break;
      }
      case 5:
        st.release_borrowers(false, slot);
        chc_ruleset_free(st.rulesets[slot]);
        st.rulesets[slot] = nullptr;
        fuzz::checked(chc_ruleset_builtin(null_out ? nullptr : &st.rulesets[slot], PICK(in, kNames)), "ruleset_builtin");
        break;
      case 6: {
        st.release_borrowers(false, slot);
        chc_ruleset_free(st.rulesets[slot]);
        st.rulesets[slot] = nullptr;
        const std::string doc = text_argument(in, kOverlays, std::size(kOverlays));
        fuzz::checked(chc_ruleset_from_json(&st.rulesets[slot], doc.data(), doc.size()), "ruleset_from_json");
        break;
      }
      case 7:
        st.release_borrowers(false, slot);
        chc_ruleset_free(st.rulesets[slot]);
        st.rulesets[slot] = nullptr;
        break;
      case 8: {
        const std::string c = text_argument(in, kCases, std::size(kCases));
        chc_evaluate_options options = CHC_EVALUATE_OPTIONS_INIT;
        options.size = in.ConsumeBool() ? options.size : in.ConsumeIntegralInRange<uint32_t>(0, 64);
        options.flags = in.ConsumeIntegralInRange<uint32_t>(0, 7);
        char* s = nullptr;
        if (fuzz::checked(chc_evaluate_ex(null_out ? nullptr : &s, st.rulesets[slot], st.calendars[other], c.data(), c.size(),
                                          in.ConsumeIntegralInRange<chc_day>(-30000, 90000), in.ConsumeBool() ? nullptr : &options),
                          "evaluate_ex") == CHC_OK) {
          st.keep_string(slot, s);
        }
        break;
      }
      case 9: {
        chc_report_free(st.reports[slot]);
        st.reports[slot] = nullptr;
        chc_report_options options = CHC_REPORT_OPTIONS_INIT;
        options.size = in.ConsumeIntegralInRange(0, 3) ? options.size : in.ConsumeIntegralInRange<uint32_t>(0, 200);
        options.flags = in.ConsumeIntegralInRange<uint32_t>(0, 31);
        options.from = in.ConsumeIntegralInRange<chc_day>(-30000, 90000);
        options.to = options.from + in.ConsumeIntegralInRange<chc_day>(-5, 800);
        options.homes = in.ConsumeIntegralInRange<int64_t>(-2, 2);
        options.compliance_threshold = in.ConsumeFloatingPoint<double>();
        const bool with_calendar = in.ConsumeBool();
        if (fuzz::checked(chc_report_begin(null_out ? nullptr : &st.reports[slot], st.rulesets[other],
                                           with_calendar ? st.calendars[other] : nullptr, in.ConsumeBool() ? nullptr : &options),
                          "report_begin") == CHC_OK) {
          st.report_rules[slot] = other;
          st.report_calendar[slot] = with_calendar ? other : -1;
        }
        break;
      }
      case 10: {
        const std::string c = text_argument(in, kCases, std::size(kCases));
        switch (in.ConsumeIntegralInRange(0, 2)) {
          case 0: fuzz::checked(chc_report_add_case(st.reports[slot], c.data(), c.size()), "report_add_case"); break;
          case 1: fuzz::checked(chc_report_add_ndjson(st.reports[slot], c.data(), c.size()), "report_add_ndjson"); break;
          case 2: fuzz::checked(chc_report_add_csv(st.reports[slot], c.data(), c.size()), "report_add_csv"); break;
        }
        break;
      }
      case 11: {
        char* s = nullptr;
        if (fuzz::checked(chc_report_finish(null_out ? nullptr : &s, st.reports[slot], in.ConsumeIntegralInRange(-1, 3)),
                          "report_finish") == CHC_OK) {
          st.keep_string(other, s);
        }
        break;
      }
      case 12:
        chc_report_free(st.reports[slot]);
        st.reports[slot] = nullptr;
        break;
      case 13:
        st.keep_string(slot, nullptr);
        break;
      case 14: {
        chc_day day = 0;
        int y = 0, m = 0, d = 0;
        fuzz::checked(chc_day_from_ymd(null_out ? nullptr : &day, in.ConsumeIntegral<int>(), in.ConsumeIntegral<int>(),
                                       in.ConsumeIntegral<int>()),
                      "day_from_ymd");
        fuzz::checked(chc_day_to_ymd(in.ConsumeIntegral<chc_day>(), &y, null_out ? nullptr : &m, &d), "day_to_ymd");
        const std::string text = in.ConsumeRandomLengthString(40);
        fuzz::checked(chc_day_parse(null_out ? nullptr : &day, text.c_str()), "day_parse");
        fuzz::checked(chc_timestamp_to_day(&day, in.ConsumeBool() ? nullptr : text.c_str()), "timestamp_to_day");
        break;
      }
      case 15: {
        fuzz::require(chc_strerror(in.ConsumeIntegral<int>()) != nullptr, "strerror is never NULL");
        fuzz::require(chc_version() != nullptr && chc_last_error() != nullptr, "version and last_error");
        chc_string_free(nullptr);
        break;
      }
      case 16: {
        char* s = nullptr;
        const std::string c = text_argument(in, kCases, std::size(kCases));
        if (fuzz::checked(chc_case_normalize(&s, in.ConsumeBool() ? nullptr : c.data(), c.size()), "case_normalize") == CHC_OK)
          st.keep_string(slot, s);
        break;
      }
      case 17: {
        char* s = nullptr;
        if (fuzz::checked(in.ConsumeBool() ? chc_ruleset_info_json(&s, st.rulesets[slot])
                                           : chc_ruleset_provisions_json(&s, st.rulesets[slot]),
                          "ruleset_json") == CHC_OK)
          st.keep_string(other, s);
        break;
      }
      case 18: {  // a live handle of one type passed as another, as ctypes' void pointers allow
        void* const live[] = {st.calendars[slot], st.rulesets[slot], st.reports[slot]};
        const int from = in.ConsumeIntegralInRange(0, 2), to = (from + in.ConsumeIntegralInRange(1, 2)) % 3;
        if (live[from] == nullptr) break;
        char* s = nullptr;
        chc_day day = 0;
        int rc = CHC_OK;
        if (to == 0) rc = chc_calendar_next_working_day(&day, static_cast<const chc_calendar*>(live[from]), 20000);
        if (to == 1) rc = chc_ruleset_info_json(&s, static_cast<const chc_ruleset*>(live[from]));
        if (to == 2) rc = chc_report_add_ndjson(static_cast<chc_report*>(live[from]), "{}\n", 3);
        fuzz::require(rc == CHC_E_INVALID && s == nullptr, "a handle of the wrong type is CHC_E_INVALID", chc_last_error());
        // The free functions ignore it; the handle stays usable (the State frees it later).
        if (to == 0) chc_calendar_free(static_cast<chc_calendar*>(live[from]));
        if (to == 1) chc_ruleset_free(static_cast<chc_ruleset*>(live[from]));
        if (to == 2) chc_report_free(static_cast<chc_report*>(live[from]));
        break;
      }
    }
  }
  return 0;
}
