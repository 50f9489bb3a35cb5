#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start, command 2: every test suite, as CI runs it (about 16 minutes on 2 cores).
#
#   bash scripts/test.sh           everything: the release build with warnings as
#                                  errors and all its tests, then the whole suite
#                                  under ASan+UBSan, the 16-thread stress test under
#                                  TSan, and each libFuzzer harness for a minute
#   bash scripts/test.sh --quick   only the first stage (about 5 minutes)
#
# docs/reliability.md says what each stage proves and how to run one alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

quick=0
for argument in "$@"; do
  case "$argument" in
    --quick) quick=1 ;;
    *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
  esac
done

if (( quick )); then
  chc_ensure_packages "${CHC_BUILD_PACKAGES[@]}" "${CHC_TEST_PACKAGES[@]}"
else
  chc_ensure_packages "${CHC_BUILD_PACKAGES[@]}" "${CHC_TEST_PACKAGES[@]}" "${CHC_RELIABILITY_PACKAGES[@]}"
fi

started=$SECONDS
stage() {
  echo
  echo "==> [$(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s] $*"
}

stage "building (cmake --preset ci: warnings are errors)"
cmake --preset ci >/dev/null
cmake --build --preset ci

stage "running every test suite (ctest --preset ci)"
ctest --preset ci

if (( quick )); then
  stage "done (--quick: sanitizers and fuzzers skipped)"
  exit 0
fi

stage "building under ASan+UBSan (cmake --preset asan)"
cmake --preset asan >/dev/null
cmake --build --preset asan

stage "running the test suite under ASan+UBSan (ctest --preset asan)"
ctest --preset asan

stage "building the stress test under TSan (cmake --preset tsan)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan

stage "16 threads sharing one calendar and rule set under TSan (ctest --preset tsan)"
ctest --preset tsan

stage "fuzzing each input surface for ${CHC_FUZZ_SECONDS:-60} s (fuzz/run.sh)"
bash fuzz/run.sh

stage "done: every suite passed"
