#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the API reference (cmake --build BUILD --target docs) and checks the
# HTML: an index page and a page for chc.h that lists the C functions.
# Exits 77 (ctest: skipped) when Doxygen was not found at configure time.
#
# usage: docs_test.sh BUILD_DIR CMAKE HAVE_DOCS_TARGET(0|1)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

build=$1 cmake=$2 have_docs=$3
if [[ "$have_docs" != 1 ]]; then
  echo "SKIPPED: doxygen was not found when $build was configured, so there is no 'docs' target"
  echo "(install the Debian package doxygen and re-run cmake)"
  exit 77
fi
html=$build/docs/html

step "cmake --build $build --target docs"
rm -rf "$html"
run "$cmake" --build "$build" --target docs

step "$html/index.html exists and is the README"
[[ -f "$html/index.html" ]] || fail "no $html/index.html"
grep -q 'complaint handling rules' "$html/index.html" || fail "index.html is not the README's main page"

step "the page for chc.h documents chc_calendar_add_working_days"
page=$(grep -l 'chc.h File Reference' "$html"/*.html | head -n 1 || true)
[[ -n "$page" ]] || fail "no 'chc.h File Reference' page in $html"
grep -q 'chc_calendar_add_working_days' "$page" || fail "$page does not mention chc_calendar_add_working_days"
echo "    $page"

step "done: API reference in $html"
