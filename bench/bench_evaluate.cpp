// SPDX-License-Identifier: MIT
// Evaluation throughput end to end from JSON text, through the C API
// (chc_evaluate: parse, evaluate, serialise), on one core and on two threads,
// over 1,000,000 generated cases of a realistic mix; resident memory before
// and after shows it stays flat. The anchor, in the same run: Boost.JSON
// reading each case into a DOM and writing it back, the least any JSON-in,
// JSON-out evaluator does (chc writes about four times as many bytes as it reads).
//
//   bench_evaluate [--count N] [--threads T]
#include <chc/chc.h>
#include <chc/generator.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field)));
  }
  return -1;
}

struct Counts {
  std::map<std::string, long> status;
  long fails = 0;
  std::size_t bytes = 0;  // written by chc_evaluate
};

void tally(const char* json, Counts& c) {
  c.bytes += std::strlen(json);
  const char* s = std::strstr(json, "\"status\":\"");
  if (s) {
    s += 10;
    c.status[std::string(s, std::strchr(s, '"'))]++;
  }
  for (const char* f = json; (f = std::strstr(f, "\"result\":\"fail\"")); ++f) c.fails++;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 1'000'000;
  unsigned threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--count")) count = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads")) threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }

  chc::CaseGeneratorOptions options;
  options.seed = 42;
  chc::CaseGenerator gen(options);
  std::string texts;
  std::vector<std::size_t> offsets{0};
  texts.reserve(count * 700);
  for (std::size_t i = 0; i < count; ++i) {
    gen.next(texts);
    offsets.push_back(texts.size());
  }
  chc_ruleset* rules = nullptr;
  chc_calendar* cal = nullptr;
  chc_day as_of = 0;
  if (chc_ruleset_builtin(&rules, "hoc") || chc_calendar_builtin(&cal, "england-and-wales") || chc_day_parse(&as_of, "2026-04-30")) {
    std::fprintf(stderr, "setup: %s\n", chc_last_error());
    return 1;
  }
  const long rss_before = status_kb("VmRSS:");

  auto run = [&](std::size_t begin, std::size_t end, Counts* counts) {
    for (std::size_t i = begin; i < end; ++i) {
      char* out = nullptr;
      if (chc_evaluate(&out, rules, cal, texts.data() + offsets[i], offsets[i + 1] - offsets[i], as_of) != CHC_OK) {
        std::fprintf(stderr, "case %zu: %s\n", i, chc_last_error());
        std::exit(1);
      }
      if (counts) tally(out, *counts);
      chc_string_free(out);
    }
  };

  Counts counts;
  const std::size_t warm_up = std::min<std::size_t>(count, 20000);
  run(0, warm_up, &counts);  // warm up, and show the mix and the output size

  // One thread, chc and the anchor (parse to a DOM and serialise, no
  // evaluation) taking turns over the same slices, so a noisy neighbour on a
  // shared machine slows both alike and the ratio stays honest.
  using seconds = std::chrono::duration<double>;
  seconds chc_time{}, anchor_time{};
  std::size_t anchor_bytes = 0;
  constexpr std::size_t slices = 10;
  for (std::size_t s = 0; s < slices; ++s) {
    const std::size_t begin = count * s / slices, end = count * (s + 1) / slices;
    const auto c0 = std::chrono::steady_clock::now();
    run(begin, end, nullptr);
    const auto c1 = std::chrono::steady_clock::now();
    for (std::size_t i = begin; i < end; ++i) {
      const boost::json::value v = boost::json::parse(boost::json::string_view(texts.data() + offsets[i], offsets[i + 1] - offsets[i]));
      anchor_bytes += boost::json::serialize(v).size();
    }
    const auto c2 = std::chrono::steady_clock::now();
    chc_time += c1 - c0;
    anchor_time += c2 - c1;
  }
  const long rss_after_one = status_kb("VmRSS:");
  const auto t1 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] { run(count * t / threads, count * (t + 1) / threads, nullptr); });
  }
  for (auto& th : pool) th.join();
  const auto t2 = std::chrono::steady_clock::now();
  const long rss_after_threads = status_kb("VmRSS:");

  const double one = static_cast<double>(count) / chc_time.count();
  const double anchor = static_cast<double>(count) / anchor_time.count();
  const double many = static_cast<double>(count) / std::chrono::duration<double>(t2 - t1).count();
  std::printf("chc evaluation benchmark: %zu generated cases (%.0f bytes of JSON each on average), rule set hoc, as of 2026-04-30\n",
              count, static_cast<double>(texts.size()) / static_cast<double>(count));
  std::printf("  mix of the first %ld cases:", [&] { long n = 0; for (auto& [k, v] : counts.status) n += v; return n; }());
  for (const auto& [k, v] : counts.status) std::printf(" %s %ld,", k.c_str(), v);
  std::printf(" failed findings %ld\n", counts.fails);
  std::printf("  chc_evaluate, 1 thread:   %10.0f cases/s  (%.2f us/case)\n", one, 1e6 / one);
  std::printf("  chc_evaluate, %u threads:  %10.0f cases/s  (%.2fx one thread)\n", threads, many, many / one);
  std::printf("  anchor, Boost.JSON parse + serialise of each case (no evaluation), 1 thread: %10.0f cases/s  (%.2f us/case; chc takes %.2fx as long)\n",
              anchor, 1e6 / anchor, anchor / one);
  std::printf("  bytes per case: %.0f read, %.0f written by chc_evaluate (first %zu cases), %.0f by the anchor\n",
              static_cast<double>(texts.size()) / static_cast<double>(count), static_cast<double>(counts.bytes) / static_cast<double>(warm_up),
              warm_up, static_cast<double>(anchor_bytes) / static_cast<double>(count));
  std::printf("  resident memory: %ld KiB with the cases loaded, %ld KiB after 1 thread, %ld KiB after %u threads\n", rss_before,
              rss_after_one, rss_after_threads, threads);
  std::printf("{\"cases\":%zu,\"cases_per_s_1\":%.0f,\"cases_per_s_threads\":%.0f,\"threads\":%u,\"anchor_cases_per_s\":%.0f,\"rss_kb_before\":%ld,\"rss_kb_after\":%ld}\n",
              count, one, many, threads, anchor, rss_before, rss_after_threads);
  chc_ruleset_free(rules);
  chc_calendar_free(cal);
  return 0;
}
