#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The chc command as a user runs it: outputs, JSON and exit codes.
set -u
chc="$1"
failures=0

expect() {  # expect <exit code> <text that must appear in stdout+stderr> -- <args...>
  local want_code="$1" want_text="$2"
  shift 3
  local output code
  output=$("$chc" "$@" 2>&1)
  code=$?
  if [[ "$code" != "$want_code" ]] || [[ "$output" != *"$want_text"* ]]; then
    echo "FAIL: chc $* -> exit $code (wanted $want_code), output:"
    echo "$output" | head -20
    echo "  (wanted to find: $want_text)"
    failures=$((failures + 1))
  fi
}

expect 0 "2024-12-31" -- add 2024-12-20 5 --calendar england-and-wales
expect 0 "2025-01-03" -- add 2024-12-31 1 --calendar scotland
expect 0 "2024-12-25 Wed  Christmas Day" -- add 2024-12-20 5 --explain
expect 0 "5" -- count 2024-12-20 2024-12-31
expect 0 "-5" -- count 2024-12-31 2024-12-20
expect 0 '"working_days":5' -- explain 2024-12-20 2024-12-31 --json
expect 0 "2026-06-15 Mon  World Cup bank holiday" -- holidays --calendar scotland --from 2026-01-01 --to 2026-12-31
expect 0 '"date":"2026-07-13"' -- holidays --calendar northern-ireland --year 2026 --json
expect 0 "official through: 2028-12-31" -- info --calendar scotland
expect 0 "northern-ireland" -- calendars
expect 0 "Commands:" -- --help
expect 0 "chc 0.1.0" -- --version
expect 2 "2023-02-29" -- add 2023-02-29 5
expect 2 "is not a date" -- add tomorrow 5
expect 2 "not a whole number" -- add 2024-12-20 five
expect 2 "unknown calendar" -- add 2024-12-20 5 --calendar wales
expect 2 "outside the supported range" -- add 1850-01-01 5
expect 2 "does not fit in 32 bits" -- add 2024-01-01 99999999999
expect 2 "unknown command" -- frobnicate
expect 2 "has no option --year" -- add 2024-12-20 5 --year 2024
expect 2 "usage: chc add DATE N" -- add 2024-12-20
expect 2 "needs a value" -- holidays --calendar
expect 2 "cannot read" -- holidays --year 2024 --calendar-file /nonexistent.json

tmp=$(mktemp)
echo '{"base": "england-and-wales", "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Shutdown"}]}' > "$tmp"
expect 0 "2026-01-02" -- add 2025-12-24 1 --calendar-file "$tmp"
echo '{"base": "england-and-wales", "closures": [{"date": "2025-02-30", "name": "x"}]}' > "$tmp"
expect 2 "closures[0].date" -- add 2025-12-24 1 --calendar-file "$tmp"
rm -f "$tmp"

if [[ $failures -ne 0 ]]; then
  echo "$failures CLI check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
