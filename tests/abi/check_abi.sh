#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compares libchc.so with the committed ABI baseline (abi/libchc.so.1.abi)
# using libabigail's abidiff. Incompatible changes (a removed or changed
# function, a changed struct) fail; compatible ones (new functions) pass with
# a note to refresh the baseline. See docs/abi.md.
set -uo pipefail
source_dir="$1"
library="$2"
baseline="$source_dir/abi/libchc.so.1.abi"
for tool in abidw abidiff; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool not installed (Debian package abigail-tools)"
    exit 77
  fi
done
current=$(mktemp --suffix=.abi)
trap 'rm -f "$current"' EXIT
abidw --headers-dir "$source_dir/include/chc" --drop-private-types --no-corpus-path --out-file "$current" "$library" || {
  echo "abidw failed on $library"
  exit 1
}
report=$(abidiff "$baseline" "$current")
status=$?
echo "$report"
if (( status & 3 )); then
  echo "FAIL: abidiff could not compare (status $status)"
  exit 1
fi
# abidiff flags only symbol removals as incompatible on its own; a changed
# parameter or struct layout is "a change to review". For a stable C ABI any
# removed or changed function or variable is a break; only additions are not.
broken=$(echo "$report" | grep -E '^(Functions|Variables) changes summary' | grep -vE ': 0 Removed, 0 Changed' || true)
if (( status & 8 )) || [[ -n "$broken" ]]; then
  echo "FAIL: incompatible ABI change against $baseline (above). Restore the interface, or bump CHC_ABI_VERSION (docs/abi.md)."
  exit 1
fi
if (( status & 4 )); then
  echo "OK: only additions (above). Record them with: bash scripts/update-abi-baseline.sh"
fi
echo "libchc ABI compatible with $baseline"
exit 0
