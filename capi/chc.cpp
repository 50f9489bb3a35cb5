// SPDX-License-Identifier: MIT
// The C ABI over the C++ API: argument checks, handle wrapping, and one place
// where every exception becomes an error code and a thread-local message.
#include <chc/chc.h>

#include <chc/calendar.hpp>
#include <chc/evaluate.hpp>
#include <chc/report.hpp>
#include <chc/rules.hpp>


#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <new>
#include <streambuf>
#include <string>
#include <type_traits>

// Every handle starts with a tag naming its type, so a handle of the wrong
// type (easy to pass through ctypes' void pointers) is an error, not undefined
// behaviour. Freeing clears the tag; that catches many uses after free in
// practice, but reading freed memory stays undefined and is never promised.
static_assert(std::string_view(CHC_VERSION_STRING) == CHC_LIBRARY_VERSION, "chc.h's CHC_VERSION_STRING must be the project's version");

// The first published size of each versioned options struct. Callers built
// against it pass it for ever; a field appended later is read only when
// `size` reaches past its offset, so these sizes never change.
constexpr uint32_t evaluate_options_v1_size = offsetof(chc_evaluate_options, flags) + sizeof(uint32_t);
constexpr uint32_t report_options_v1_size = offsetof(chc_report_options, compliance_threshold) + sizeof(double);
static_assert(evaluate_options_v1_size == 8, "chc_evaluate_options v1 is 8 bytes everywhere");
static_assert(sizeof(void*) != 8 || report_options_v1_size == 72, "chc_report_options v1 is 72 bytes on LP64 platforms");

namespace {
constexpr uint64_t tag_of(const char (&name)[9]) {
  uint64_t tag = 0;
  for (int i = 0; i < 8; ++i) tag = tag << 8 | static_cast<unsigned char>(name[i]);
  return tag;
}
}  // namespace

struct chc_calendar {
  static constexpr uint64_t live_tag = tag_of("chc:cal ");
  static constexpr const char* type_name = "chc_calendar";
  uint64_t tag = live_tag;
  chc::Calendar cal;
};

struct chc_ruleset {
  static constexpr uint64_t live_tag = tag_of("chc:rule");
  static constexpr const char* type_name = "chc_ruleset";
  uint64_t tag = live_tag;
  chc::RuleSet rules;
};

struct chc_report {
  static constexpr uint64_t live_tag = tag_of("chc:rep ");
  static constexpr const char* type_name = "chc_report";
  uint64_t tag = live_tag;
  chc::Report report;
  bool finished = false;
};

namespace {

static_assert(sizeof(chc_day) == sizeof(int32_t));
static_assert(sizeof(chc::Date) == sizeof(chc_day) && std::is_standard_layout_v<chc::Date>, "chc::Date holds exactly a chc_day");
static_assert(CHC_E_INTERNAL == static_cast<int>(chc::Errc::internal), "C and C++ error codes must agree");

thread_local std::string last_error_message = "no error";

int fail(int code, const char* message) noexcept {
  try {
    last_error_message = message;
  } catch (...) {
    // Keep the previous message rather than throw out of a C function.
  }
  return code;
}

template <class F>
int guarded(F&& body) noexcept {
  try {
    body();
    return CHC_OK;
  } catch (const chc::Error& e) {
    return fail(static_cast<int>(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    return fail(CHC_E_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    try {
      return fail(CHC_E_INTERNAL, (std::string("internal error: ") + e.what()).c_str());
    } catch (...) {
      return fail(CHC_E_INTERNAL, "internal error");
    }
  } catch (...) {
    return fail(CHC_E_INTERNAL, "internal error: unknown exception");
  }
}

#define CHC_REQUIRE(arg)                                                \
  do {                                                                  \
    if ((arg) == nullptr) return fail(CHC_E_NULL, #arg " is NULL");     \
  } while (0)

// The tag at the start of whatever `p` points to, read as bytes so a handle of
// another type is read without aliasing trouble; 0 when `p` cannot be a handle
// (the first page, or not aligned as operator new aligns).
uint64_t tag_at(const void* p) noexcept {
  const auto address = reinterpret_cast<std::uintptr_t>(p);
  if (address < 4096 || address % __STDCPP_DEFAULT_NEW_ALIGNMENT__ != 0) return 0;
  uint64_t tag;
  std::memcpy(&tag, p, sizeof tag);
  return tag;
}

template <class Handle>
bool is_live(const Handle* h) noexcept {
  return tag_at(h) == Handle::live_tag;
}

// CHC_E_INVALID with a message saying what the pointer held instead.
template <class Handle>
int not_a_handle(const char* arg, const Handle* h) noexcept {
  const uint64_t tag = tag_at(h);
  const char* found = tag == chc_calendar::live_tag  ? "a chc_calendar"
                      : tag == chc_ruleset::live_tag ? "a chc_ruleset"
                      : tag == chc_report::live_tag  ? "a chc_report"
                      : reinterpret_cast<std::uintptr_t>(h) < 4096 ? "the first page of memory (a small integer?)"
                      : reinterpret_cast<std::uintptr_t>(h) % __STDCPP_DEFAULT_NEW_ALIGNMENT__ != 0
                          ? "a misaligned address (inside some other object?)"
                          : "no live chc handle (freed, or never one)";
  char message[200];
  std::snprintf(message, sizeof message, "%s: not a %s handle; it points to %s", arg, Handle::type_name, found);
  return fail(CHC_E_INVALID, message);
}

#define CHC_REQUIRE_HANDLE(arg)                                          \
  do {                                                                   \
    if ((arg) == nullptr) return fail(CHC_E_NULL, #arg " is NULL");      \
    if (!is_live(arg)) return not_a_handle(#arg, arg);                   \
  } while (0)

// An optional handle: NULL is allowed, anything else must be live.
#define CHC_OPTIONAL_HANDLE(arg)                                         \
  do {                                                                   \
    if ((arg) != nullptr && !is_live(arg)) return not_a_handle(#arg, arg); \
  } while (0)

// Frees a live handle; ignores anything else, since a free function has no
// error to return and guessing would corrupt the heap.
template <class Handle>
void free_handle(Handle* h) noexcept {
  if (h == nullptr || !is_live(h)) return;
  h->tag = 0;
  delete h;
}

// A malloc'd copy, so chc_string_free is plain free() on our side of the ABI.
char* copy_out(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size() + 1);
  return p;
}

// Reads the caller's bytes in place: an istream without a copy.
class MemoryStreamBuffer : public std::streambuf {
 public:
  MemoryStreamBuffer(const char* text, size_t len) {
    char* begin = const_cast<char*>(text);  // only ever read: a get area has no const form
    setg(begin, begin, begin + len);
  }
};

chc_calendar* wrap(chc::Calendar cal) { return new chc_calendar{chc_calendar::live_tag, std::move(cal)}; }

chc::Strict strictness(uint32_t flags) { return (flags & CHC_STRICT) ? chc::Strict::yes : chc::Strict::no; }
chc::ImportConflicts import_conflicts(uint32_t flags) {
  return (flags & CHC_IMPORT_FILE_WINS) ? chc::ImportConflicts::file_wins : chc::ImportConflicts::keep_newer;
}

// The array forms, for 32- and 64-bit day numbers. n holds n_count values: count, or 1 for all.
template <class Day, class Step>
int add_batch(Day* out, const chc_calendar* cal, const Day* start, const Step* n, size_t n_count, size_t count) {
  CHC_REQUIRE_HANDLE(cal);
  if (count == 0) return CHC_OK;
  CHC_REQUIRE(out);
  CHC_REQUIRE(start);
  CHC_REQUIRE(n);
  if (n_count != count && n_count != 1) {
    const std::string message =
        "n_count: " + std::to_string(n_count) + " must be count (" + std::to_string(count) + ") or 1";
    return fail(CHC_E_INVALID, message.c_str());
  }
  return guarded([&] {
    if constexpr (std::is_same_v<Day, chc_day>) {
      // chc::Date is a chc_day in a class (static_assert above): the same bytes.
      cal->cal.add_working_days(std::span<const chc::Date>(reinterpret_cast<const chc::Date*>(start), count), std::span<const Step>(n, n_count),
                                std::span<chc::Date>(reinterpret_cast<chc::Date*>(out), count));
    } else {
      cal->cal.add_working_days(std::span<const Day>(start, count), std::span<const Step>(n, n_count), std::span<Day>(out, count));
    }
  });
}

template <class Day>
int count_batch(int32_t* out, const chc_calendar* cal, const Day* from, const Day* to, size_t count) {
  CHC_REQUIRE_HANDLE(cal);
  if (count == 0) return CHC_OK;
  CHC_REQUIRE(out);
  CHC_REQUIRE(from);
  CHC_REQUIRE(to);
  return guarded([&] {
    if constexpr (std::is_same_v<Day, chc_day>) {
      cal->cal.count_working_days(std::span<const chc::Date>(reinterpret_cast<const chc::Date*>(from), count),
                                  std::span<const chc::Date>(reinterpret_cast<const chc::Date*>(to), count), std::span<int32_t>(out, count));
    } else {
      cal->cal.count_working_days(std::span<const Day>(from, count), std::span<const Day>(to, count), std::span<int32_t>(out, count));
    }
  });
}

}  // namespace

extern "C" {

const char* chc_version(void) { return CHC_VERSION_STRING; }
int chc_abi_version(void) { return CHC_ABI_VERSION; }
const char* chc_last_error(void) { return last_error_message.c_str(); }
const char* chc_strerror(int code) { return chc::errc_message(static_cast<chc::Errc>(code)); }
void chc_string_free(char* s) { std::free(s); }

int chc_day_from_ymd(chc_day* out, int y, int m, int d) {
  CHC_REQUIRE(out);
  return guarded([&] { *out = chc::Date::from_ymd(y, m, d).serial(); });
}

int chc_day_to_ymd(chc_day day, int* y, int* m, int* d) {
  CHC_REQUIRE(y);
  CHC_REQUIRE(m);
  CHC_REQUIRE(d);
  const chc::YearMonthDay ymd = chc::Date(day).ymd();
  *y = ymd.year;
  *m = ymd.month;
  *d = ymd.day;
  return CHC_OK;
}

int chc_day_parse(chc_day* out, const char* iso_date) {
  CHC_REQUIRE(out);
  CHC_REQUIRE(iso_date);
  return guarded([&] { *out = chc::Date::parse(iso_date).serial(); });
}

int chc_day_format(char* buf, size_t size, chc_day day) {
  CHC_REQUIRE(buf);
  if (size >= 11) {
    char text[11];
    if (chc::Date(day).iso_into(text)) {  // the everyday case, without a string
      std::memcpy(buf, text, sizeof text);
      return CHC_OK;
    }
  }
  return guarded([&] {
    const std::string text = chc::Date(day).iso();
    if (text.size() + 1 > size) {
      throw chc::Error(chc::Errc::limit, "size: " + std::to_string(size) + " bytes cannot hold \"" + text + "\" and its NUL");
    }
    std::memcpy(buf, text.c_str(), text.size() + 1);
  });
}

int chc_day_weekday(int* out, chc_day day) {
  CHC_REQUIRE(out);
  *out = static_cast<int>(chc::Date(day).weekday());
  return CHC_OK;
}

int chc_calendar_builtin(chc_calendar** out, const char* name) {
  CHC_REQUIRE(out);
  CHC_REQUIRE(name);
  return guarded([&] { *out = wrap(chc::Calendar::builtin(name)); });
}

int chc_calendar_from_json(chc_calendar** out, const char* json, size_t len) { return chc_calendar_from_json_ex(out, json, len, 0); }

int chc_calendar_from_json_ex(chc_calendar** out, const char* json, size_t len, uint32_t flags) {
  CHC_REQUIRE(out);
  CHC_REQUIRE(json);
  if (flags & ~(CHC_STRICT | CHC_IMPORT_FILE_WINS)) return fail(CHC_E_INVALID, "flags: unknown flag bits");
  return guarded([&] {
    *out = wrap(chc::Calendar::from_json(std::string_view(json, len), strictness(flags), import_conflicts(flags)));
  });
}

int chc_calendar_import_govuk(chc_calendar** out, const chc_calendar* base, const char* json, size_t len,
                              const char* data_version) {
  return chc_calendar_import_govuk_ex(out, base, json, len, data_version, 0);
}

int chc_calendar_import_govuk_ex(chc_calendar** out, const chc_calendar* base, const char* json, size_t len,
                                 const char* data_version, uint32_t flags) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(base);
  CHC_REQUIRE(json);
  if (flags & ~(CHC_STRICT | CHC_IMPORT_FILE_WINS)) return fail(CHC_E_INVALID, "flags: unknown flag bits");
  return guarded([&] {
    *out = wrap(base->cal.with_govuk_import(std::string_view(json, len), data_version ? data_version : "",
                                            import_conflicts(flags), strictness(flags)));
  });
}

void chc_calendar_free(chc_calendar* cal) { free_handle(cal); }

int chc_calendar_is_working_day(int* out, const chc_calendar* cal, chc_day day) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = cal->cal.is_working_day(chc::Date(day)) ? 1 : 0; });
}

int chc_calendar_add_working_days(chc_day* out, const chc_calendar* cal, chc_day start, int32_t n) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = cal->cal.add_working_days(chc::Date(start), n).serial(); });
}

int chc_calendar_count_working_days(int32_t* out, const chc_calendar* cal, chc_day from, chc_day to) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = cal->cal.count_working_days(chc::Date(from), chc::Date(to)); });
}

int chc_calendar_next_working_day(chc_day* out, const chc_calendar* cal, chc_day day) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = cal->cal.next_working_day(chc::Date(day)).serial(); });
}

int chc_calendar_previous_working_day(chc_day* out, const chc_calendar* cal, chc_day day) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = cal->cal.previous_working_day(chc::Date(day)).serial(); });
}

int chc_calendar_add_working_days_batch(chc_day* out, const chc_calendar* cal, const chc_day* start, const int32_t* n,
                                        size_t count) {
  return add_batch(out, cal, start, n, count, count);
}

int chc_calendar_count_working_days_batch(int32_t* out, const chc_calendar* cal, const chc_day* from, const chc_day* to,
                                          size_t count) {
  return count_batch(out, cal, from, to, count);
}

int chc_calendar_add_working_days_batch64(int64_t* out, const chc_calendar* cal, const int64_t* start, const int64_t* n,
                                          size_t n_count, size_t count) {
  return add_batch(out, cal, start, n, n_count, count);
}

int chc_calendar_count_working_days_batch64(int32_t* out, const chc_calendar* cal, const int64_t* from, const int64_t* to,
                                            size_t count) {
  return count_batch(out, cal, from, to, count);
}

int chc_calendar_holidays_json(char** out, const chc_calendar* cal, chc_day from, chc_day to) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = copy_out(chc::holidays_json(cal->cal, chc::Date(from), chc::Date(to))); });
}

int chc_calendar_explain_json(char** out, const chc_calendar* cal, chc_day from, chc_day to) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = copy_out(chc::explain_json(cal->cal, chc::Date(from), chc::Date(to))); });
}

int chc_calendar_info_json(char** out, const chc_calendar* cal) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(cal);
  return guarded([&] { *out = copy_out(chc::calendar_info_json(cal->cal)); });
}

int chc_timestamp_to_day(chc_day* out, const char* text) {
  CHC_REQUIRE(out);
  CHC_REQUIRE(text);
  return guarded([&] { *out = chc::london_date(text).serial(); });
}

int chc_today(chc_day* out) {
  CHC_REQUIRE(out);
  return guarded([&] { *out = chc::london_today().serial(); });
}

int chc_ruleset_builtin(chc_ruleset** out, const char* name) {
  CHC_REQUIRE(out);
  CHC_REQUIRE(name);
  return guarded([&] { *out = new chc_ruleset{chc_ruleset::live_tag, chc::RuleSet::builtin(name)}; });
}

int chc_ruleset_from_json(chc_ruleset** out, const char* json, size_t len) {
  CHC_REQUIRE(out);
  CHC_REQUIRE(json);
  return guarded([&] { *out = new chc_ruleset{chc_ruleset::live_tag, chc::RuleSet::from_json(std::string_view(json, len))}; });
}

void chc_ruleset_free(chc_ruleset* rules) { free_handle(rules); }

int chc_ruleset_info_json(char** out, const chc_ruleset* rules) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(rules);
  return guarded([&] { *out = copy_out(rules->rules.info_json()); });
}

int chc_ruleset_provisions_json(char** out, const chc_ruleset* rules) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(rules);
  return guarded([&] { *out = copy_out(rules->rules.provisions_json()); });
}

int chc_evaluate(char** out_json, const chc_ruleset* rules, const chc_calendar* cal, const char* case_json, size_t len,
                 chc_day as_of) {
  return chc_evaluate_ex(out_json, rules, cal, case_json, len, as_of, nullptr);
}

int chc_evaluate_ex(char** out_json, const chc_ruleset* rules, const chc_calendar* cal, const char* case_json, size_t len,
                    chc_day as_of, const chc_evaluate_options* options) {
  CHC_REQUIRE(out_json);
  CHC_REQUIRE_HANDLE(rules);
  CHC_OPTIONAL_HANDLE(cal);
  CHC_REQUIRE(case_json);
  chc::EvaluationJsonOptions json_options;
  if (options) {
    if (options->size < evaluate_options_v1_size) {
      return fail(CHC_E_INVALID, "options->size: smaller than the first chc_evaluate_options (8 bytes)");
    }
    if (options->flags & ~(CHC_EVALUATE_EXPLAIN | CHC_EVALUATE_ECHO_CASE | CHC_STRICT)) {
      return fail(CHC_E_INVALID, "options->flags: unknown flag bits");
    }
    json_options.explain = (options->flags & CHC_EVALUATE_EXPLAIN) != 0;
    json_options.echo_case = (options->flags & CHC_EVALUATE_ECHO_CASE) != 0;
    json_options.strict = strictness(options->flags);
  }
  return guarded([&] {
    *out_json = copy_out(chc::evaluate_json(rules->rules, cal ? &cal->cal : nullptr, std::string_view(case_json, len),
                                            chc::Date(as_of), json_options));
  });
}

int chc_case_normalize(char** out_json, const char* case_json, size_t len) {
  CHC_REQUIRE(out_json);
  CHC_REQUIRE(case_json);
  return guarded([&] { *out_json = copy_out(chc::Case::parse(std::string_view(case_json, len)).normalized_json()); });
}

int chc_cases_from_csv(char** out_json, const char* text, size_t len) {
  CHC_REQUIRE(out_json);
  if (len != 0) CHC_REQUIRE(text);
  return guarded([&] {
    MemoryStreamBuffer buffer(len == 0 ? "" : text, len);
    std::istream in(&buffer);
    const std::string json = chc::csv_register_json(in);
    *out_json = copy_out(json);
  });
}

int chc_report_begin(chc_report** out, const chc_ruleset* rules, const chc_calendar* cal, const chc_report_options* options) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(rules);
  CHC_OPTIONAL_HANDLE(cal);
  CHC_REQUIRE(options);
  if (options->size < report_options_v1_size) {
    return fail(CHC_E_INVALID, "options->size: smaller than the first chc_report_options (use CHC_REPORT_OPTIONS_INIT)");
  }
  if (options->from == 0 && options->to == 0) {
    return fail(CHC_E_INVALID, "options->from, options->to: the period is required (CHC_REPORT_OPTIONS_INIT leaves it unset)");
  }
  constexpr uint32_t known_flags =
      CHC_REPORT_EXTENSIONS_ORIGINAL_ONLY | CHC_REPORT_EXCLUDE_WITHDRAWN | CHC_REPORT_INCLUDE_NOT_ACCEPTED | CHC_REPORT_DRILL_DOWN | CHC_STRICT;
  if (options->flags & ~known_flags) return fail(CHC_E_INVALID, "options->flags: unknown flag bits");
  return guarded([&] {
    chc::ReportOptions o;
    o.from = chc::Date(options->from);
    o.to = chc::Date(options->to);
    // 0 is "not given"; a negative count reaches the report's own check.
    if (options->homes != 0) o.homes = options->homes;
    if (options->homes_lcra != 0) o.homes_lcra = options->homes_lcra;
    if (options->homes_lcho != 0) o.homes_lcho = options->homes_lcho;
    if (options->landlord) o.landlord = options->landlord;
    if (options->evidence_json) o.evidence_json.assign(options->evidence_json, options->evidence_len);
    if (options->compliance_threshold != 0) o.compliance_threshold = options->compliance_threshold;
    o.extensions_count_as_within = !(options->flags & CHC_REPORT_EXTENSIONS_ORIGINAL_ONLY);
    o.withdrawn_in_ch01 = !(options->flags & CHC_REPORT_EXCLUDE_WITHDRAWN);
    o.not_accepted_in_ch01 = (options->flags & CHC_REPORT_INCLUDE_NOT_ACCEPTED) != 0;
    o.drill_down = (options->flags & CHC_REPORT_DRILL_DOWN) != 0;
    o.strict = strictness(options->flags);
    *out = new chc_report{chc_report::live_tag, chc::Report(rules->rules, cal ? &cal->cal : nullptr, std::move(o)), false};
  });
}

int chc_report_add_case(chc_report* report, const char* case_json, size_t len) {
  CHC_REQUIRE_HANDLE(report);
  CHC_REQUIRE(case_json);
  if (report->finished) return fail(CHC_E_INVALID, "report: cases added after chc_report_finish");
  int code = CHC_OK;
  const int rc = guarded([&] { code = static_cast<int>(report->report.add_case(std::string_view(case_json, len))); });
  if (rc != CHC_OK) return rc;
  if (code != CHC_OK) {
    std::string message;
    try {
      message = "case rejected (the report lists it): " + report->report.last_rejection();
    } catch (...) {
      return fail(code, "case rejected; the report lists it with its reason");
    }
    return fail(code, message.c_str());
  }
  return CHC_OK;
}

int chc_report_add_ndjson(chc_report* report, const char* text, size_t len) {
  CHC_REQUIRE_HANDLE(report);
  if (len == 0) return CHC_OK;
  CHC_REQUIRE(text);
  if (report->finished) return fail(CHC_E_INVALID, "report: cases added after chc_report_finish");
  return guarded([&] { report->report.add_ndjson(std::string_view(text, len)); });
}

int chc_report_add_csv(chc_report* report, const char* text, size_t len) {
  CHC_REQUIRE_HANDLE(report);
  if (len == 0) return CHC_OK;
  CHC_REQUIRE(text);
  if (report->finished) return fail(CHC_E_INVALID, "report: cases added after chc_report_finish");
  return guarded([&] {
    MemoryStreamBuffer buffer(text, len);
    std::istream in(&buffer);
    report->report.add_csv(in);
  });
}

int chc_report_finish(char** out, chc_report* report, int format) {
  CHC_REQUIRE(out);
  CHC_REQUIRE_HANDLE(report);
  if (format != CHC_REPORT_JSON && format != CHC_REPORT_CSV && format != CHC_REPORT_HTML) {
    return fail(CHC_E_INVALID, "format: not CHC_REPORT_JSON, CHC_REPORT_CSV or CHC_REPORT_HTML");
  }
  return guarded([&] {
    report->finished = true;
    report->report.finish();
    *out = copy_out(format == CHC_REPORT_HTML ? report->report.html() : format == CHC_REPORT_CSV ? report->report.csv() : report->report.json());
  });
}

void chc_report_free(chc_report* report) { free_handle(report); }

}  // extern "C"
