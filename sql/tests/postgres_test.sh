#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The PostgreSQL extension against a real server (ctest label "postgres"):
# installs the built extension into a private tree (make install DESTDIR=),
# starts a throwaway cluster (pg_cluster.sh), computes the C API's answers
# (capi_answers.py) and runs the pg_regress files sql/postgres/sql/*.sql
# against sql/postgres/expected/*.out.
#
#   postgres_test.sh REPO EXTENSION_BUILD_DIR LIBCHC CHC_COMMAND [TEST...]
set -euo pipefail
repo=$1 ext_build=$2 libchc=$3 chc_command=$4
shift 4
tests=("$@")
if (( ${#tests[@]} == 0 )); then
  tests=($(sed -n 's/^REGRESS = //p' "$repo/sql/postgres/Makefile"))
fi
source "$repo/sql/tests/pg_cluster.sh"
pgxs_dir=$(dirname "$("$PG_CONFIG" --pgxs)")

work=$(mktemp -d "${TMPDIR:-/tmp}/chc-pg.XXXXXX")
cleanup() { chc_pg_stop; [[ -n "${CHC_KEEP_WORK:-}" ]] || rm -rf "$work"; }
trap cleanup EXIT

make -s -C "$ext_build" -f "$repo/sql/postgres/Makefile" PG_CONFIG="$PG_CONFIG" \
  CHC_LIBDIR="$(dirname "$libchc")" install DESTDIR="$work/stage" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }
CHC_LIBRARY=$libchc /usr/bin/python3 "$repo/sql/tests/capi_answers.py" "$work/answers" "$repo" "$chc_command"
chc_pg_start "$work" "$work/stage" "$libchc"

export CHC_TEST_ANSWERS=$work/answers
status=0
"$pgxs_dir/../../src/test/regress/pg_regress" --inputdir="$repo/sql/postgres" --outputdir="$work/regress" \
  --load-extension=chc --bindir="$CHC_PG_BINDIR" --host="$PGHOST" --port="$PGPORT" --user=chc --dbname=chc_regression \
  "${tests[@]}" || status=$?
if (( status != 0 )); then
  [[ -f "$work/regress/regression.diffs" ]] && head -c 20000 "$work/regress/regression.diffs"
  echo "server log:"; tail -n 30 "$work/server.log"
fi
exit $status
