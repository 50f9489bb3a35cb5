#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every fuzz harness (docs/reliability.md).
#
#   bash fuzz/run.sh                 each harness for 60 s, two at a time (what CI does)
#   CHC_FUZZ_SECONDS=14400 bash fuzz/run.sh date case   chosen harnesses for four hours each
#
# Builds the fuzz preset (clang, ASan, UBSan) first. Corpora grow in
# build/fuzzers/corpus/<harness>/ and are kept between runs; a failing input is
# saved as build/fuzzers/crashes/<harness>/crash-* and the script fails. Turn it
# into a regression test by copying it to fuzz/regressions/<harness>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${CHC_FUZZ_SECONDS:-60}"
jobs="${CHC_FUZZ_JOBS:-2}"
all=(date calendar_json govuk case overlay register capi_sequence)
harnesses=("${@:-${all[@]}}")

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
/usr/bin/python3 fuzz/make_seeds.py build/fuzzers/seeds >/dev/null

run_one() {
  local name="$1" corpus="build/fuzzers/corpus/$1" crashes="build/fuzzers/crashes/$1"
  mkdir -p "$corpus" "$crashes"
  # Known failures (fuzz/regressions) seed the corpus too, so a fix is re-checked every run.
  if ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
      "build/fuzzers/fuzz/fuzz_$name" "$corpus" "build/fuzzers/seeds/$name" "fuzz/regressions/$name" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"build/fuzzers/$name.log" 2>&1; then
    echo "fuzz_$name: $(grep -E '^stat::number_of_executed_units' "build/fuzzers/$name.log" | awk '{print $2}') runs, no failure" \
         "($(find "$corpus" -type f | wc -l) inputs in the corpus)"
  else
    echo "fuzz_$name: FAILED; see build/fuzzers/$name.log and $crashes/"
    grep -E "ERROR|property broken|runtime error|SUMMARY" "build/fuzzers/$name.log" | head -5
    return 1
  fi
}

status=0
pids=()
names=()
for name in "${harnesses[@]}"; do
  run_one "$name" &
  pids+=($!)
  names+=("$name")
  if (( ${#pids[@]} >= jobs )); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
