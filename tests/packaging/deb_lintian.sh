#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# lintian on the .changes of the package build, which checks it and every
# .deb it lists. Any error fails, and so does any warning not allowed below
# (debian/*.lintian-overrides hold the rest, each with its reason).
#
# usage: deb_lintian.sh DEBS_DIR (written by deb_build.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

debs=$1

step "tools: lintian"
command -v lintian >/dev/null || fail "lintian not found: apt-get install lintian (scripts/packages.sh lists it)"
changes=$(compgen -G "$debs/chc_*.changes" || true)
[[ -n "$changes" ]] || fail "no chc_*.changes in $debs: did packaging.deb_build pass?"

# Warnings that cannot be fixed here, each with why.
allowed=()
step "lintian --pedantic --info --show-overrides $(basename "$changes")"
# lintian exits non-zero on errors; the tags below decide.
out=$(lintian --pedantic --info --show-overrides "$changes" 2>&1 | grep -v 'running with root privileges' || true)
printf '%s\n' "$out" | sed 's/^/    /'
tags=$(grep -E '^[EWIPXO]: ' <<<"$out" || true)
for pkg in $(sed -n 's/^Package: //p' "$here/../../debian/control"); do
  echo "    $pkg: $(grep -cE "^[EW]: $pkg( \(|:)" <<<"$tags" || true) errors and warnings"
done

step "no lintian errors"
errors=$(grep '^E: ' <<<"$tags" || true)
[[ -z "$errors" ]] || fail "lintian errors:
$errors"

step "no lintian warnings but the allowed ones"
unexpected=$(grep '^W: ' <<<"$tags" | grep -vxF -f <(printf '%s\n' "${allowed[@]}" "") || true)
[[ -z "$unexpected" ]] || fail "lintian warnings (fix them, or override one with a comment saying why in debian/<package>.lintian-overrides):
$unexpected"

step "done: lintian is clean"
