#!/usr/bin/env bash
# Quick start, command 2: build with warnings as errors and run every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
chc_ensure_packages "${CHC_BUILD_PACKAGES[@]}" "${CHC_TEST_PACKAGES[@]}"

echo "==> building (cmake --preset ci: warnings are errors)"
cmake --preset ci >/dev/null
cmake --build --preset ci

echo "==> running every test suite (ctest --preset ci)"
ctest --preset ci
