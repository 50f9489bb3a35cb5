#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every source file (C, C++, Python, shell, CMake, and any script with a #!
# line) starts with the project's SPDX line: on line 1, or on line 2 after
# the #! line. The files are those git tracks (plus new ones it does not
# ignore), or every file outside build trees when SOURCE_DIR is no git checkout.
#
# usage: spdx_test.sh SOURCE_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

src=$1
spdx='SPDX-License-Identifier: MIT'

# The files of DIR that must carry the line, one a line, relative to DIR.
source_files() {
  local dir=$1 f first
  {
    if git -C "$dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      git -C "$dir" ls-files --cached --others --exclude-standard
    else
      (cd "$dir" && find . -path ./.git -prune -o -path './build*' -prune -o -path './obj-*' -prune -o -type f -print |
        sed 's#^\./##')
    fi
  } | sort -u | while IFS= read -r f; do
    [[ -f "$dir/$f" ]] || continue
    case "$f" in
      *.c | *.h | *.cpp | *.hpp | *.py | *.sh | *.cmake | *.cmake.in | CMakeLists.txt | */CMakeLists.txt) echo "$f" ;;
      *) first=$(head -c 2 "$dir/$f" | tr -d '\0')
         if [[ "$first" == '#!' ]]; then echo "$f"; fi ;;
    esac
  done
}

# The files of DIR without the line, one a line.
missing_spdx() {
  local dir=$1 f line
  source_files "$dir" | while IFS= read -r f; do
    line=$(head -n 1 "$dir/$f")
    if [[ "$line" == '#!'* ]]; then line=$(sed -n 2p "$dir/$f"); fi
    if [[ "$line" != *"$spdx"* ]]; then echo "$f"; fi
  done
}

step "the check itself: a tree with one file lacking the line, one with it after #!, one with it too late"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '// %s\nint x;\n' "$spdx" >"$probe/good.c"
printf '#!/bin/sh\n# %s\n' "$spdx" >"$probe/script"
printf 'int y;\n' >"$probe/bad.cpp"
printf 'cmake_minimum_required(VERSION 3.25)\n# %s\n' "$spdx" >"$probe/CMakeLists.txt"
printf 'not source\n' >"$probe/notes.md"
got=$(missing_spdx "$probe" | tr '\n' ' ')
[[ "$got" == "CMakeLists.txt bad.cpp " ]] || fail "the check found '$got' in the probe tree, not 'CMakeLists.txt bad.cpp '"

step "every source file of $src starts with '$spdx'"
count=$(source_files "$src" | wc -l)
(( count > 100 )) || fail "only $count source files found in $src"
missing=$(missing_spdx "$src")
[[ -z "$missing" ]] || fail "no '$spdx' line at the top (line 1, or line 2 after #!) of:
$missing"
echo "    $count files"

step "done: every source file has its SPDX line"
