// SPDX-License-Identifier: MIT
// The report end to end on a generated register of 2,000,000 cases (about a
// year of complaints for the whole English social housing sector): write the
// register to a file, then time `Report::add_ndjson(file)` + the JSON and HTML
// renderings on 1 and on 2 threads, with the peak resident memory. The anchor,
// in the same run: reading the same file line by line into Boost.JSON DOMs on
// one thread, with no evaluation and no counting, the least any NDJSON report does.
//
//   bench_report [--count N] [--file PATH] [--keep]
#include <chc/report.hpp>
#include <chc/generator.hpp>

#include <boost/json.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 2'000'000;
  std::string path = (std::filesystem::temp_directory_path() / "chc-bench-register.ndjson").string();
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--count") && i + 1 < argc) count = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--file") && i + 1 < argc) path = argv[++i];
    else if (!std::strcmp(argv[i], "--keep")) keep = true;
  }
  using Clock = std::chrono::steady_clock;
  const auto g0 = Clock::now();
  {
    chc::CaseGeneratorOptions options;
    options.seed = 2025;
    options.first_received = chc::Date::parse("2025-01-01");
    options.last_received = chc::Date::parse("2026-03-31");
    options.as_of = chc::Date::parse("2026-04-30");
    chc::CaseGenerator gen(options);
    std::ofstream out(path, std::ios::binary);
    std::string line;
    for (std::size_t i = 0; i < count; ++i) {
      line.clear();
      gen.next(line);
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
  const auto g1 = Clock::now();
  const auto bytes = std::filesystem::file_size(path);
  const long rss_after_generation = peak_rss_kb();
  std::printf("chc report benchmark: %zu cases, %.0f MB of NDJSON (generated in %.1f s)\n", count, static_cast<double>(bytes) / 1e6,
              std::chrono::duration<double>(g1 - g0).count());

  const chc::RuleSet rules = chc::RuleSet::builtin("hoc");
  double seconds[3] = {};
  std::size_t json_size = 0, html_size = 0;
  for (unsigned threads : {1u, 2u}) {
    chc::ReportOptions options = chc::reporting_year(2025);
    options.homes = 4'400'000;
    options.threads = threads;
    const auto t0 = Clock::now();
    chc::Report report(rules, nullptr, options);
    std::ifstream in(path, std::ios::binary);
    report.add_ndjson(in);
    const std::string json = report.json();
    const std::string html = report.html();
    const auto t1 = Clock::now();
    seconds[threads] = std::chrono::duration<double>(t1 - t0).count();
    json_size = json.size();
    html_size = html.size();
    std::printf("  %u thread%s: %6.2f s end to end (%.0f cases/s), %llu cases accepted, %llu rejected\n", threads, threads > 1 ? "s" : " ",
                seconds[threads], static_cast<double>(count) / seconds[threads], static_cast<unsigned long long>(report.cases_accepted()),
                static_cast<unsigned long long>(report.cases_rejected()));
  }
  {
    const auto a0 = Clock::now();
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::size_t parsed = 0;
    while (std::getline(in, line)) parsed += boost::json::parse(line).is_object();
    seconds[0] = std::chrono::duration<double>(Clock::now() - a0).count();
    std::printf("  anchor, 1 thread: %6.2f s to read the same lines into Boost.JSON DOMs (%zu objects), no evaluation; chc's report takes %.2fx as long\n",
                seconds[0], parsed, seconds[1] / seconds[0]);
  }
  const long rss_peak = peak_rss_kb();
  std::printf("  report sizes: JSON %zu bytes, HTML %zu bytes\n", json_size, html_size);
  std::printf("  peak resident memory: %ld MiB (%ld MiB before reporting: the generator)\n", rss_peak / 1024, rss_after_generation / 1024);
  std::printf("{\"cases\":%zu,\"seconds_1_thread\":%.3f,\"seconds_2_threads\":%.3f,\"anchor_seconds\":%.3f,\"peak_rss_kb\":%ld}\n", count,
              seconds[1], seconds[2], seconds[0], rss_peak);
  if (!keep) std::filesystem::remove(path);
  return 0;
}
