#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian packages as a distribution or a vendor's packaging team
# would: `dpkg-buildpackage -us -uc -b` (debhelper, debian/) in a copy of the
# source tree, so the tree under test is never written to. Leaves the .debs,
# the .changes and build.log in WORK_DIR for the packaging.deb_* tests, and
# removes the copy once the build succeeds.
#
# usage: deb_build.sh SOURCE_DIR WORK_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

src=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
CHC_STEP="(setup)"
trap 'status=$?; [[ $status -eq 0 ]] || echo "FAILED at step: $CHC_STEP (exit $status; kept for inspection: $work)" >&2' EXIT

step "tools: dpkg-buildpackage, debhelper, dh_python3"
for tool in dpkg-buildpackage dh dh_python3; do
  command -v "$tool" >/dev/null ||
    fail "$tool not found: install the Debian packages dpkg-dev debhelper dh-python (scripts/packages.sh lists them)"
done

version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
upstream=${version%-*}
copy=$work/chc-$upstream

step "copy the source tree to $copy (what git tracks, plus new files it does not ignore)"
mkdir -p "$copy"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked files deleted in the work tree are not copied.
  (cd "$src" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do if [[ -e "$f" ]]; then printf '%s\0' "$f"; fi; done |
    tar --null -T - -cf -) | tar -xf - -C "$copy"
else
  tar -C "$src" --exclude=./.git --exclude='./build*' --exclude='./obj-*' -cf - . | tar -xf - -C "$copy"
fi
[[ -x "$copy/debian/rules" ]] || fail "no executable debian/rules in the copy"

step "dpkg-buildpackage -us -uc -b (DEB_BUILD_OPTIONS=nocheck parallel=2; log: $work/build.log)"
started=$SECONDS
if ! (cd "$copy" && DEB_BUILD_OPTIONS="nocheck parallel=2" dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log" >&2
  fail "dpkg-buildpackage failed (whole log: $work/build.log)"
fi
echo "    built in $(( SECONDS - started )) s"

step "the .changes lists every package of debian/control"
arch=$(dpkg --print-architecture)
changes=$work/chc_${version}_${arch}.changes
[[ -f "$changes" ]] || fail "no $(basename "$changes") in $work"
for pkg in $(sed -n 's/^Package: //p' "$src/debian/control"); do
  compgen -G "$work/${pkg}_${version}_*.deb" >/dev/null || fail "no .deb for $pkg in $work"
  echo "    $(basename "$(compgen -G "$work/${pkg}_${version}_*.deb")")"
done

rm -rf "$copy"
step "done: packages in $work"
