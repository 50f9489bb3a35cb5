#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The SQLite extension through the sqlite3 command line (ctest label "sqlite"):
# each sql/sqlite/tests/NAME.sql runs in a fresh in-memory database with the
# extension loaded and its output (errors included, in order) must equal
# sql/sqlite/expected/NAME.out; then every bad call and bad case of the C API's
# answers (capi_answers.py) must fail with the C API's own message.
#
#   sqlite_test.sh REPO MODULE LIBCHC CHC_COMMAND [NAME...]
set -euo pipefail
repo=$1 module=$2 libchc=$3 chc_command=$4
shift 4
work=$(mktemp -d "${TMPDIR:-/tmp}/chc-sqlite.XXXXXX")
trap '[[ -n "${CHC_KEEP_WORK:-}" ]] || rm -rf "$work"' EXIT
CHC_LIBRARY=$libchc /usr/bin/python3 "$repo/sql/tests/capi_answers.py" "$work" "$repo" "$chc_command"
ln -s "$(realpath "$module")" "$work/libchc_sqlite.so"
mkdir -p "$work/results"

names=("$@")
if (( ${#names[@]} == 0 )); then
  for file in "$repo"/sql/sqlite/tests/*.sql; do names+=("$(basename "$file" .sql)"); done
fi
# Unbuffered, so each error appears right after the statement -echo printed.
run_sqlite() { (cd "$work" && stdbuf -o0 -e0 sqlite3 -batch "$@" :memory: 2>&1) || true; }

failed=0
for name in "${names[@]}"; do
  { echo ".load ./libchc_sqlite"; cat "$repo/sql/sqlite/tests/$name.sql"; } | run_sqlite -echo >"$work/results/$name.out"
  if diff -u "$repo/sql/sqlite/expected/$name.out" "$work/results/$name.out" >"$work/results/$name.diff"; then
    echo "ok      $name"
  else
    echo "FAILED  $name"; head -c 20000 "$work/results/$name.diff"; failed=$((failed + 1))
  fi
done
run_sqlite <"$work/sqlite_errors.sql" >"$work/results/errors_agreement.out"
if diff -u "$work/sqlite_errors.expected" "$work/results/errors_agreement.out"; then
  echo "ok      errors_agreement ($(wc -l <"$work/sqlite_errors.expected") bad calls and cases, each with the C API's message)"
else
  echo "FAILED  errors_agreement"; failed=$((failed + 1))
fi
echo "$(( ${#names[@]} + 1 - failed )) passed, $failed failed"
(( failed == 0 ))
