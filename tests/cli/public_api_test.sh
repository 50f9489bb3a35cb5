#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The chc command is a client of the public API only (it is the proof that the
# C++ API is complete): every file in examples/cli includes only <chc/...>
# headers, the standard library and its own files; it links only
# chc::chc_static; and it builds as a project of its own against an installed
# chc (cmake --install into a temporary prefix, then find_package(chc)).
#
# usage: public_api_test.sh SOURCE_DIR BUILD_DIR WORK_DIR CMAKE CXX
set -euo pipefail
source_dir=$1 build=$2 work=$3 cmake=$4 cxx=$5
# shellcheck source=tests/packaging/lib.sh
source "$source_dir/tests/packaging/lib.sh"
make_work_dir "$work"
cli=$source_dir/examples/cli
prefix=$work/prefix
unset CMAKE_PREFIX_PATH CPATH CPLUS_INCLUDE_PATH LIBRARY_PATH chc_DIR

step "examples/cli includes only <chc/...>, standard headers and its own files"
while IFS= read -r line; do
  file=${line%%:*}
  header=$(sed -E 's/^[^#]*#[[:space:]]*include[[:space:]]*//' <<<"${line#*:}")
  case "$header" in
    \<chc/*\>) ;;
    \<[a-z_]*\>) ;;  # the standard library: no directory, no extension
    \"*\")
      [[ -f "$cli/${header//\"/}" ]] || fail "$file includes $header, which is not a file of examples/cli" ;;
    *) fail "$file includes $header" ;;
  esac
done < <(grep -HE '^[[:space:]]*#[[:space:]]*include' "$cli"/*.cpp "$cli"/*.hpp | sed "s|^$cli/||")
echo "    $(grep -hE '^[[:space:]]*#[[:space:]]*include' "$cli"/*.cpp "$cli"/*.hpp | wc -l) includes checked"

step "examples/cli/CMakeLists.txt links only chc::chc_static and adds no include directory"
links=$(grep -E 'target_link_libraries' "$cli/CMakeLists.txt")
[[ "$links" == "target_link_libraries(chc_cli PRIVATE chc::chc_static)" ]] || fail "the CLI links: $links"
if grep -nE 'include_directories|/src|PROJECT_SOURCE_DIR|Boost' "$cli/CMakeLists.txt"; then
  fail "the CLI's CMakeLists.txt reaches beyond the public API"
fi

step "the C shim includes only chc.h, <chc/...> and the standard library; nothing in src/ includes chc.h"
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$source_dir/capi/chc.cpp"; then
  fail "capi/chc.cpp includes an internal header: the C shim is a client of the public C++ API"
fi
if grep -rnE '#[[:space:]]*include[[:space:]]*[<"]chc/chc\.h[>"]' "$source_dir/src"; then
  fail "src/ includes chc.h: the engine does not know the C ABI"
fi

step "install the build: cmake --install $build --prefix $prefix"
run "$cmake" --install "$build" --prefix "$prefix"
[[ -x "$prefix/bin/chc" ]] || fail "bin/chc is not installed"
[[ -s "$prefix/share/man/man1/chc.1" ]] || fail "share/man/man1/chc.1 is not installed"
echo "    bin/chc, share/man/man1/chc.1"

step "man chc works from the installed tree"
MANPATH=$prefix/share/man man -w chc | grep -qx "$prefix/share/man/man1/chc.1" || fail "man -w chc does not find the installed page"
MANWIDTH=80 MANPATH=$prefix/share/man man chc 2>/dev/null | grep -q "chc - UK social-housing complaint rules" || fail "man chc shows no NAME line"

step "configure examples/cli on its own against the installed chc (find_package(chc))"
run "$cmake" -S "$cli" -B "$work/cli-build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror -Wno-restrict" -DCMAKE_INSTALL_PREFIX="$work/cli-prefix"
found=$(sed -n 's/^chc_DIR:PATH=//p' "$work/cli-build/CMakeCache.txt")
[[ "$found" == "$prefix/"*"/cmake/chc" ]] || fail "find_package found chc in '$found', not under $prefix"
if grep -q "$source_dir/include\|$source_dir/src" "$work/cli-build/build.ninja"; then
  fail "the standalone build reads headers from the source tree"
fi

# (-Wno-restrict: GCC 12 bug 105329, as in cmake/ChcWarnings.cmake.)
step "build it (warnings are errors) and install it"
run "$cmake" --build "$work/cli-build"
run "$cmake" --install "$work/cli-build"
exe=$work/cli-build/bin/chc
if needed_libs "$exe" | grep -q '^libchc'; then fail "the standalone chc depends on a shared libchc"; fi
[[ -s "$work/cli-prefix/share/man/man1/chc.1" ]] || fail "the standalone build installs no manual page"

step "the standalone chc answers as the one built in the tree"
expect_output "2024-12-31" "$exe" add 2024-12-20 5
cmp -s "$work/cli-build/man/chc.1" "$prefix/share/man/man1/chc.1" || fail "the standalone build wrote a different manual page"
for args in "--help" "report --help" "check $source_dir/examples/data/complaint.json --as-of 2025-05-01 --json"; do
  # shellcheck disable=SC2086
  cmp -s <("$exe" $args) <("$prefix/bin/chc" $args) || fail "chc $args differs between the two builds"
done
echo "    chc --help, report --help, check --json: the same"

step "done: the chc command needs only the installed public API"
