#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# chc inside PostgreSQL 15 beside the SQL a DBA would write, in the same run,
# on a throwaway cluster (sql/tests/pg_cluster.sh; docs/sql.md, "Performance"):
#
#  1. chc_add_working_days over ROWS rows (start dates 2015-2027, 1 to 30
#     working days) versus the calendar-table anchor: a table of every day with
#     its running count of working days, a table of working days numbered in
#     order, and two joins. The anchor's working days come from the official
#     GOV.UK list (tests/data/bank-holidays-official.csv), not from chc, and
#     every answer must be identical.
#  2. chc_count_working_days over the same rows versus the same tables.
#  3. chc_evaluate over CASES generated case records (chc generate) versus the
#     round trip a vendor does today: COPY the documents out, evaluate each
#     through the C API (ctypes), COPY the answers back; answers identical.
#
#   bash bench/sql/bench_postgres.sh [BUILD_DIR] [--rows N] [--cases N] [--repeat N]
#
# BUILD_DIR defaults to build/release (cmake --preset release && cmake --build --preset release).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build/release
rows=1000000 cases=100000 repeat=3
while (( $# )); do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -*) echo "usage: bench_postgres.sh [BUILD_DIR] [--rows N] [--cases N] [--repeat N]" >&2; exit 2 ;;
    *) build=$(cd "$1" && pwd); shift ;;
  esac
done
source "$repo/sql/tests/pg_cluster.sh"
for needed in "$build/sql/postgres/chc.so" "$build/libchc.so.1" "$build/bin/chc"; do
  [[ -e "$needed" ]] || { echo "bench_postgres: $needed is missing: build $build first" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/chc-pgbench.XXXXXX")
trap 'chc_pg_stop; rm -rf "$work"' EXIT
make -s -C "$build/sql/postgres" -f "$repo/sql/postgres/Makefile" PG_CONFIG="$PG_CONFIG" CHC_LIBDIR="$build" \
  install DESTDIR="$work/stage" >/dev/null
mkdir -p "$work/data.in"
cp "$repo/tests/data/bank-holidays-official.csv" "$work/data.in/official.csv"
"$build/bin/chc" generate --count "$cases" --seed 7 --from 2024-04-01 --to 2026-03-31 --as-of 2026-04-30 \
  >"$work/data.in/cases.ndjson"
chc_pg_start "$work" "$work/stage" "$build/libchc.so.1"

echo "$("$build/bin/chc" --version 2>/dev/null | head -1 || true) in $("$PG_CONFIG" --version), $(nproc) cores; $rows rows, $cases cases, best of $repeat"
chc_psql -q -d postgres -v rows="$rows" -v repeat="$repeat" -v data="$work/data.in" -f "$repo/bench/sql/bench_postgres.sql"

# 3. The round trip: out with COPY, through the C API, back with COPY.
out=$work/roundtrip
mkdir -p "$out"
t0=$(date +%s.%N)
chc_psql -q -d postgres -c "COPY (SELECT id, doc FROM bench_cases ORDER BY id) TO STDOUT (FORMAT csv)" >"$out/cases.csv"
t1=$(date +%s.%N)
CHC_LIBRARY=$build/libchc.so.1 /usr/bin/python3 "$repo/bench/sql/evaluate_csv.py" <"$out/cases.csv" >"$out/results.csv"
t2=$(date +%s.%N)
chc_psql -q -d postgres -c "CREATE TABLE roundtrip (id bigint PRIMARY KEY, evaluation jsonb)" \
  -c "COPY roundtrip FROM STDIN (FORMAT csv)" <"$out/results.csv"
t3=$(date +%s.%N)
chc_psql -At -d postgres -v cases="$cases" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" <<'SQL'
\set export '(:t1 - :t0)'
\set evaluate '(:t2 - :t1)'
\set import '(:t3 - :t2)'
SELECT format('chc_evaluate, %s cases:   in SQL %s ms (%s cases/s)', :cases, round(ms::numeric), round((:cases / ms * 1000)::numeric))
FROM bench_results WHERE what = 'evaluate';
SELECT format('  the round trip %s ms: COPY out %s ms, the C API %s ms (%s cases/s), COPY back %s ms; in SQL is %sx faster',
              round((:export + :evaluate + :import) * 1000), round(:export * 1000), round(:evaluate * 1000),
              round(:cases / :evaluate), round(:import * 1000), round(((:export + :evaluate + :import) * 1000 / ms)::numeric, 1))
FROM bench_results WHERE what = 'evaluate';
SELECT format('  answers identical: %s of %s', count(*) FILTER (WHERE r.evaluation = chc_evaluate(c.doc, 'hoc', date '2026-04-30')), count(*))
FROM bench_cases c JOIN roundtrip r USING (id);
SQL
