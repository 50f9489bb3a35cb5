// SPDX-License-Identifier: MIT
// Calendar arithmetic throughput: the C++ API, the C batch API and the C
// scalar API (through libchc.so) on the same random workload, with a naive
// day-by-day loop as the in-process anchor.
//
//   bench_calendar [--count N] [--repeat R] [--calendar NAME]
//                  [--workload DIR]   read start.i32 / n.i32 / to.i32 written by bench/numpy_compare.py
//                                     and write add.i32 / count.i32 results back for checking
//
// Prints one line per measurement and a final JSON line for scripts.
#include <chc/calendar.hpp>
#include <chc/chc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

template <class F>
double best_ns_per_op(int repeat, std::size_t ops, F&& f) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = Clock::now();
    f();
    const auto t1 = Clock::now();
    best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(ops));
  }
  return best;
}

std::vector<int32_t> read_i32(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  in.seekg(0, std::ios::end);
  std::vector<int32_t> v(static_cast<std::size_t>(in.tellg()) / sizeof(int32_t));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(int32_t)));
  return v;
}

void write_i32(const std::string& path, const std::vector<int32_t>& v) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(int32_t)));
}

volatile int64_t sink;

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 10'000'000;
  int repeat = 5;
  std::string calendar = "england-and-wales";
  std::string workload;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return std::string(argv[++i]);
    };
    if (a == "--count") count = std::stoul(next());
    else if (a == "--repeat") repeat = std::stoi(next());
    else if (a == "--calendar") calendar = next();
    else if (a == "--workload") workload = next();
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }

  // Construction: the first built-in use parses the embedded data and
  // generates 300 years of holidays; a custom calendar rebuilds the tables.
  const auto c0 = Clock::now();
  const chc::Calendar cal = chc::Calendar::builtin(calendar);
  const auto c1 = Clock::now();
  double rebuild_ms = 1e300;
  for (int r = 0; r < 5; ++r) {
    const auto t0 = Clock::now();
    const auto custom = chc::Calendar::from_json("{\"base\": \"" + calendar + "\"}");
    const auto t1 = Clock::now();
    sink = custom.count_working_days(chc::Date(0), chc::Date(1000));
    rebuild_ms = std::min(rebuild_ms, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  const double first_build_ms = std::chrono::duration<double, std::milli>(c1 - c0).count();

  std::vector<int32_t> start, n, to;
  if (!workload.empty()) {
    start = read_i32(workload + "/start.i32");
    n = read_i32(workload + "/n.i32");
    to = read_i32(workload + "/to.i32");
    count = start.size();
  } else {
    std::mt19937_64 rng(2024);
    const int32_t lo = chc::Date::from_ymd(2000, 1, 1).serial(), hi = chc::Date::from_ymd(2050, 12, 31).serial();
    std::uniform_int_distribution<int32_t> day(lo, hi);
    std::uniform_int_distribution<int32_t> span(0, 40);
    const int32_t choices[] = {5, 10, 20};
    start.resize(count);
    n.resize(count);
    to.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      start[i] = day(rng);
      n[i] = choices[rng() % 3];
      to[i] = start[i] + span(rng);
    }
  }
  std::vector<int32_t> out(count), out_counts(count);

  chc_calendar* ccal = nullptr;
  if (chc_calendar_builtin(&ccal, calendar.c_str()) != CHC_OK) {
    std::fprintf(stderr, "chc_calendar_builtin: %s\n", chc_last_error());
    return 1;
  }

  const auto* start_dates = reinterpret_cast<const chc::Date*>(start.data());
  auto* out_dates = reinterpret_cast<chc::Date*>(out.data());
  const auto* to_dates = reinterpret_cast<const chc::Date*>(to.data());

  const double cxx_add = best_ns_per_op(repeat, count, [&] {
    for (std::size_t i = 0; i < count; ++i) out[i] = cal.add_working_days(chc::Date(start[i]), n[i]).serial();
  });
  const double cxx_span_add = best_ns_per_op(repeat, count, [&] {
    cal.add_working_days(std::span(start_dates, count), std::span<const int32_t>(n), std::span(out_dates, count));
  });
  const double c_batch_add = best_ns_per_op(repeat, count, [&] {
    if (chc_calendar_add_working_days_batch(out.data(), ccal, start.data(), n.data(), count) != CHC_OK) std::abort();
  });
  // The 64-bit forms numpy's datetime64[D] arrays use, on the same inputs.
  std::vector<int64_t> start64(start.begin(), start.end()), n64(n.begin(), n.end()), to64(to.begin(), to.end()),
      out64(count);
  std::vector<int32_t> out_counts64(count);
  const double c_batch64_add = best_ns_per_op(repeat, count, [&] {
    if (chc_calendar_add_working_days_batch64(out64.data(), ccal, start64.data(), n64.data(), count, count) != CHC_OK)
      std::abort();
  });
  if (!std::equal(out.begin(), out.end(), out64.begin())) {
    std::fprintf(stderr, "batch64 add disagrees with the 32-bit batch\n");
    return 1;
  }
  const double c_scalar_add = best_ns_per_op(repeat, count, [&] {
    for (std::size_t i = 0; i < count; ++i) {
      if (chc_calendar_add_working_days(&out[i], ccal, start[i], n[i]) != CHC_OK) std::abort();
    }
  });
  const double cxx_count = best_ns_per_op(repeat, count, [&] {
    for (std::size_t i = 0; i < count; ++i) out_counts[i] = cal.count_working_days(chc::Date(start[i]), chc::Date(to[i]));
  });
  const double c_batch_count = best_ns_per_op(repeat, count, [&] {
    if (chc_calendar_count_working_days_batch(out_counts.data(), ccal, start.data(), to.data(), count) != CHC_OK) std::abort();
  });
  const double c_batch64_count = best_ns_per_op(repeat, count, [&] {
    if (chc_calendar_count_working_days_batch64(out_counts64.data(), ccal, start64.data(), to64.data(), count) != CHC_OK)
      std::abort();
  });
  if (out_counts64 != out_counts) {
    std::fprintf(stderr, "batch64 count disagrees with the 32-bit batch\n");
    return 1;
  }
  const double c_scalar_count = best_ns_per_op(repeat, count, [&] {
    for (std::size_t i = 0; i < count; ++i) {
      if (chc_calendar_count_working_days(&out_counts[i], ccal, start[i], to[i]) != CHC_OK) std::abort();
    }
  });
  (void)to_dates;

  // Anchor: the naive loop a CRM writes (step a day at a time, test each day).
  const std::size_t naive_ops = std::min<std::size_t>(count, 1'000'000);
  const double naive_add = best_ns_per_op(std::min(repeat, 2), naive_ops, [&] {
    int64_t s = 0;
    for (std::size_t i = 0; i < naive_ops; ++i) {
      chc::Date day(start[i]);
      for (int32_t left = n[i]; left > 0;) {
        day = day + 1;
        if (cal.is_working_day(day)) --left;
      }
      s += day.serial();
    }
    sink = s;
  });

  int64_t checksum = 0;
  for (std::size_t i = 0; i < count; ++i) checksum += out[i] * 31 + out_counts[i];
  if (!workload.empty()) {
    write_i32(workload + "/add.i32", out);
    write_i32(workload + "/count.i32", out_counts);
  }
  chc_calendar_free(ccal);

  std::printf("chc calendar benchmark: %zu operations, calendar %s, best of %d runs, one core\n", count, calendar.c_str(), repeat);
  std::printf("  %-44s %8.2f ns/op\n", "add_working_days, C++ API (scalar)", cxx_add);
  std::printf("  %-44s %8.2f ns/op\n", "add_working_days, C++ API (span)", cxx_span_add);
  std::printf("  %-44s %8.2f ns/op\n", "add_working_days, C batch API", c_batch_add);
  std::printf("  %-44s %8.2f ns/op\n", "add_working_days, C batch64 API (int64)", c_batch64_add);
  std::printf("  %-44s %8.2f ns/op\n", "add_working_days, C scalar API (libchc.so)", c_scalar_add);
  std::printf("  %-44s %8.2f ns/op   (%.0fx slower than the C++ API)\n", "add_working_days, naive day-by-day loop", naive_add,
              naive_add / cxx_add);
  std::printf("  %-44s %8.2f ns/op\n", "count_working_days, C++ API (scalar)", cxx_count);
  std::printf("  %-44s %8.2f ns/op\n", "count_working_days, C batch API", c_batch_count);
  std::printf("  %-44s %8.2f ns/op\n", "count_working_days, C batch64 API (int64)", c_batch64_count);
  std::printf("  %-44s %8.2f ns/op\n", "count_working_days, C scalar API (libchc.so)", c_scalar_count);
  std::printf("  %-44s %8.3f ms (first built-in use: %.3f ms)\n", "calendar construction", rebuild_ms, first_build_ms);
  std::printf("  %-44s %8zu bytes\n", "calendar table memory", cal.memory_bytes());
  std::printf(
      "{\"count\":%zu,\"cxx_add_ns\":%.3f,\"cxx_span_add_ns\":%.3f,\"c_batch_add_ns\":%.3f,\"c_batch64_add_ns\":%.3f,"
      "\"c_scalar_add_ns\":%.3f,\"c_batch64_count_ns\":%.3f,"
      "\"naive_add_ns\":%.3f,\"cxx_count_ns\":%.3f,\"c_batch_count_ns\":%.3f,\"c_scalar_count_ns\":%.3f,"
      "\"construction_ms\":%.4f,\"first_build_ms\":%.4f,\"memory_bytes\":%zu,\"checksum\":%lld}\n",
      count, cxx_add, cxx_span_add, c_batch_add, c_batch64_add, c_scalar_add, c_batch64_count, naive_add, cxx_count, c_batch_count, c_scalar_count, rebuild_ms,
      first_build_ms, cal.memory_bytes(), static_cast<long long>(checksum));
  return 0;
}
