// SPDX-License-Identifier: MIT
// Concurrency stress (run under TSan by the tsan preset; docs/reliability.md).
//
// 16 threads start together and share one calendar and one rule set, as a
// CRM's worker pool does: each first asks for the built-ins (racing on their
// one-time construction), builds a landlord calendar and a GOV.UK import on
// the shared base, then evaluates every case of a generated register, builds
// a report from its own slice, and runs calendar arithmetic and JSON answers.
// Every answer must equal the one computed on the main thread before the
// threads started; each thread's chc_last_error() must be its own.
#include <chc/chc.h>
#include <chc/report.hpp>
#include <chc/generator.hpp>

#include <atomic>
#include <barrier>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kThreads = 16;
constexpr int kCases = 600;
std::atomic<int> failures{0};

void expect(bool ok, const char* what, int thread) {
  if (!ok) {
    ++failures;
    std::fprintf(stderr, "thread %d: %s (chc_last_error: %s)\n", thread, what, chc_last_error());
  }
}

std::string take(char* s) {
  std::string out = s ? s : "";
  chc_string_free(s);
  return out;
}

std::string evaluate(const chc_ruleset* rules, const chc_calendar* cal, const std::string& c) {
  char* out = nullptr;
  chc_evaluate_options options = CHC_EVALUATE_OPTIONS_INIT;
  options.flags = CHC_EVALUATE_EXPLAIN | CHC_EVALUATE_ECHO_CASE;
  if (chc_evaluate_ex(&out, rules, cal, c.data(), c.size(), 20573 /* 2026-04-30 */, &options) != CHC_OK) return "error";
  return take(out);
}

std::string report_json(const chc_ruleset* rules, const chc_calendar* cal, const std::vector<std::string>& cases, int first,
                        int step) {
  chc_report_options options = CHC_REPORT_OPTIONS_INIT;
  options.from = 20179;  // 2025-04-01
  options.to = 20543;    // 2026-03-31
  options.homes = 12000;
  chc_report* report = nullptr;
  if (chc_report_begin(&report, rules, cal, &options) != CHC_OK) return "error";
  for (std::size_t i = static_cast<std::size_t>(first); i < cases.size(); i += static_cast<std::size_t>(step)) {
    chc_report_add_case(report, cases[i].data(), cases[i].size());
  }
  char* out = nullptr;
  const int rc = chc_report_finish(&out, report, CHC_REPORT_JSON);
  chc_report_free(report);
  return rc == CHC_OK ? take(out) : "error";
}

}  // namespace

int main() {
  // The register and every expected answer, computed once, single-threaded.
  chc::CaseGeneratorOptions generate;
  generate.seed = 11;
  chc::CaseGenerator generator(generate);
  std::vector<std::string> cases(kCases);
  for (auto& c : cases) generator.next(c);
  chc_calendar* shared_cal = nullptr;
  chc_ruleset* shared_rules = nullptr;
  if (chc_calendar_builtin(&shared_cal, "england-and-wales") != CHC_OK || chc_ruleset_builtin(&shared_rules, "hoc") != CHC_OK) {
    std::fprintf(stderr, "built-ins: %s\n", chc_last_error());
    return 1;
  }
  std::vector<std::string> expected(kCases);
  for (int i = 0; i < kCases; ++i) expected[static_cast<std::size_t>(i)] = evaluate(shared_rules, shared_cal, cases[static_cast<std::size_t>(i)]);
  std::vector<std::string> expected_reports(kThreads);
  for (int t = 0; t < kThreads; ++t) expected_reports[static_cast<std::size_t>(t)] = report_json(shared_rules, shared_cal, cases, t, kThreads);
  const char* const divisions[] = {"england-and-wales", "scotland", "northern-ireland"};
  std::string expected_holidays[3];
  for (int d = 0; d < 3; ++d) {
    chc_calendar* cal = nullptr;
    chc_calendar_builtin(&cal, divisions[d]);
    char* out = nullptr;
    chc_calendar_holidays_json(&out, cal, 20089, 21549);  // 2025-01-01 .. 2028-12-31
    expected_holidays[d] = take(out);
    chc_calendar_free(cal);
  }
  const std::string landlord_json =
      R"({"base":"england-and-wales","closures":[{"from":"2025-12-29","to":"2025-12-31","name":"Christmas shutdown"}]})";
  const std::string govuk =
      R"({"england-and-wales":{"division":"england-and-wales","events":[{"title":"Extra","date":"2027-06-07","notes":"","bunting":true}]}})";

  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      // Built-ins requested by many threads at once.
      chc_calendar* mine = nullptr;
      chc_ruleset* rules = nullptr;
      expect(chc_calendar_builtin(&mine, divisions[t % 3]) == CHC_OK, "calendar_builtin", t);
      expect(chc_ruleset_builtin(&rules, t % 2 ? "hoc" : "hoc-2024") == CHC_OK, "ruleset_builtin", t);
      char* out = nullptr;
      expect(chc_calendar_holidays_json(&out, mine, 20089, 21549) == CHC_OK && take(out) == expected_holidays[t % 3],
             "holidays equal the main thread's", t);
      // Calendars derived from the shared base, concurrently.
      chc_calendar *landlord = nullptr, *imported = nullptr;
      expect(chc_calendar_from_json(&landlord, landlord_json.data(), landlord_json.size()) == CHC_OK, "from_json", t);
      expect(chc_calendar_import_govuk(&imported, shared_cal, govuk.data(), govuk.size(), nullptr) == CHC_OK, "import", t);
      int working = -1;
      expect(chc_calendar_is_working_day(&working, landlord, 20451) == CHC_OK && working == 0, "closure 2025-12-29", t);
      expect(chc_calendar_is_working_day(&working, imported, 20976) == CHC_OK && working == 0, "imported 2027-06-07", t);
      // Every case on the shared rule set and calendar.
      for (int round = 0; round < 2; ++round) {
        for (int i = (t * 37) % kCases, n = 0; n < kCases; ++n, i = (i + 1) % kCases) {
          if (evaluate(shared_rules, shared_cal, cases[static_cast<std::size_t>(i)]) != expected[static_cast<std::size_t>(i)]) {
            expect(false, "evaluation differs from the main thread's", t);
            break;
          }
        }
      }
      expect(report_json(shared_rules, shared_cal, cases, t, kThreads) == expected_reports[static_cast<std::size_t>(t)],
             "report equals the main thread's", t);
      // Arithmetic on the shared calendar, batch and scalar.
      std::vector<chc_day> starts(2000), results(2000);
      std::vector<int32_t> steps(2000);
      for (int i = 0; i < 2000; ++i) {
        starts[static_cast<std::size_t>(i)] = 18000 + i * 3 + t;
        steps[static_cast<std::size_t>(i)] = (i % 41) - 20;
      }
      expect(chc_calendar_add_working_days_batch(results.data(), shared_cal, starts.data(), steps.data(), 2000) == CHC_OK, "batch", t);
      for (int i = 0; i < 2000; i += 7) {
        chc_day one = 0;
        chc_calendar_add_working_days(&one, shared_cal, starts[static_cast<std::size_t>(i)], steps[static_cast<std::size_t>(i)]);
        if (one != results[static_cast<std::size_t>(i)]) expect(false, "batch != scalar", t);
      }
      // The last error is per thread.
      const std::string bad = "2023-02-" + std::to_string(29 + t % 2);
      chc_day day = 0;
      expect(chc_day_parse(&day, bad.c_str()) == CHC_E_DATE, "a bad date fails", t);
      std::this_thread::yield();
      expect(std::strstr(chc_last_error(), bad.c_str()) != nullptr, "chc_last_error names this thread's own date", t);
      chc_calendar_free(landlord);
      chc_calendar_free(imported);
      chc_calendar_free(mine);
      chc_ruleset_free(rules);
    });
  }
  for (auto& th : threads) th.join();

  // The C++ report's own worker threads on the shared rule set.
  {
    std::string ndjson;
    for (const auto& c : cases) ndjson += c + "\n";
    chc::ReportOptions options = chc::reporting_year(2025);
    options.homes = 12000;
    std::string results[2];
    for (unsigned threads_used : {1u, 4u}) {
      options.threads = threads_used;
      chc::Report report(chc::RuleSet::builtin("hoc"), nullptr, options);
      std::istringstream in(ndjson);
      report.add_ndjson(in);
      results[threads_used == 1 ? 0 : 1] = report.json();
    }
    expect(results[0] == results[1], "a report on 4 worker threads equals one on 1", -1);
  }
  chc_calendar_free(shared_cal);
  chc_ruleset_free(shared_rules);
  std::printf("stress: %d threads x %d cases x 2 rounds, %d failures\n", kThreads, kCases, failures.load());
  return failures == 0 ? 0 : 1;
}
