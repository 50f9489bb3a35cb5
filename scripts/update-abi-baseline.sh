#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Records the current libchc ABI as the baseline tests/abi compares against.
# Run after a deliberate, compatible change (new functions); an incompatible
# change also needs CHC_ABI_VERSION bumped (docs/abi.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
cmake --build "$build" --target chc
abidw --headers-dir include/chc --drop-private-types --no-corpus-path --out-file abi/libchc.so.1.abi "$build/libchc.so.1"
echo "wrote abi/libchc.so.1.abi"
