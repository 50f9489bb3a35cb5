#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the current build into a temporary prefix and builds consumers
# against the installed tree only: (a) CMake projects with find_package(chc
# CONFIG) (a C program on chc::chc, a C++ program on chc::chc_static, and a
# LANGUAGES C project on both), (b) C programs built with pkg-config (shared
# with LD_LIBRARY_PATH, shared with an rpath, and static). The prefix is not
# /usr, so chc.pc is the relocatable one. Every step says what it checks; the
# first failure stops.
#
# usage: install_test.sh BUILD_DIR WORK_DIR CMAKE CC CXX LIBDIR VERSION LIB_FILE SONAME_FILE LINK_FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

build=$1 work=$2 cmake=$3 cc=$4 cxx=$5 libdir=$6 version=$7 lib_file=$8 soname_file=$9 link_file=${10}
make_work_dir "$work"
prefix=$work/prefix
lib=$prefix/$libdir
want=2024-12-31
# Nothing from the environment may point at another chc.
unset CMAKE_PREFIX_PATH PKG_CONFIG_PATH LD_LIBRARY_PATH CPATH C_INCLUDE_PATH CPLUS_INCLUDE_PATH LIBRARY_PATH chc_DIR

step "install the build tree: cmake --install $build --prefix $prefix"
run "$cmake" --install "$build" --prefix "$prefix"

step "installed layout under $prefix"
for f in "$here"/../../include/chc/*.h "$here"/../../include/chc/*.hpp; do
  [[ -f "$prefix/include/chc/$(basename "$f")" ]] || fail "header not installed: include/chc/$(basename "$f")"
done
[[ -f "$lib/$lib_file" && ! -L "$lib/$lib_file" ]] || fail "missing $libdir/$lib_file"
[[ "$(readlink "$lib/$soname_file")" == "$lib_file" ]] || fail "$libdir/$soname_file is not a link to $lib_file"
[[ "$(readlink "$lib/$link_file")" == "$soname_file" ]] || fail "$libdir/$link_file is not a link to $soname_file"
[[ -f "$lib/libchc.a" ]] || fail "missing $libdir/libchc.a"
[[ -x "$prefix/bin/chc" ]] || fail "missing bin/chc"
for f in chcConfig.cmake chcConfigVersion.cmake chcTargets.cmake; do
  [[ -f "$lib/cmake/chc/$f" ]] || fail "missing $libdir/cmake/chc/$f"
done
[[ -f "$lib/pkgconfig/chc.pc" ]] || fail "missing $libdir/pkgconfig/chc.pc"
[[ -f "$prefix/share/doc/chc/README.md" ]] || fail "missing share/doc/chc/README.md"
compgen -G "$prefix/share/doc/chc/docs/*.md" >/dev/null || fail "missing share/doc/chc/docs/*.md"
echo "    include/chc, $libdir/{$lib_file,$soname_file,$link_file,libchc.a}, bin/chc, $libdir/cmake/chc, $libdir/pkgconfig/chc.pc, share/doc/chc"

step "consumers need no Boost: neither the installed headers nor the exported targets mention it"
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]boost/' "$prefix"/include/chc/*; then
  fail "an installed header includes Boost"
fi
if grep -n 'Boost' "$lib"/cmake/chc/*.cmake; then
  fail "the exported CMake targets refer to Boost"
fi

step "libchc.so: SONAME $soname_file, no build-tree RPATH/RUNPATH, only chc_* exported"
dyn=$(readelf -d "$lib/$lib_file")
grep -q "(SONAME).*\[$soname_file\]" <<<"$dyn" || fail "SONAME is not $soname_file"
if grep -E '\((RPATH|RUNPATH)\)' <<<"$dyn"; then fail "the installed library keeps an RPATH/RUNPATH"; fi
others=$(nm -D --defined-only "$lib/$lib_file" | awk '$2 ~ /^[TDBRVW]$/ && $3 !~ /^chc_/ { print $3 }' | grep -v '^CHC_1$' || true)
[[ -z "$others" ]] || fail "libchc.so exports more than chc_*: $(echo "$others" | tr "\n" " " | head -c 300)"

step "installed chc command"
expect_output "$want" "$prefix/bin/chc" add 2024-12-20 5

# --- (a) CMake: find_package(chc CONFIG) ------------------------------------
step "CMake consumer: configure with CMAKE_PREFIX_PATH=$prefix (find_package(chc CONFIG), Ninja)"
run "$cmake" -S "$here/consumer" -B "$work/cmake-consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release
found=$(sed -n 's/^chc_DIR:PATH=//p' "$work/cmake-consumer/CMakeCache.txt")
[[ "$found" == "$lib/cmake/chc" ]] || fail "find_package found chc in '$found', not in $lib/cmake/chc"

step "CMake consumer: build (C on chc::chc, C++ on chc::chc_static)"
run "$cmake" --build "$work/cmake-consumer"

step "CMake consumer: the C program runs against the installed libchc.so.1"
c_exe=$work/cmake-consumer/c_consumer
needed_libs "$c_exe" | grep -qx "$soname_file" || fail "c_consumer does not link $soname_file"
[[ "$(resolved_path "$c_exe" "$soname_file")" -ef "$lib/$soname_file" ]] ||
  fail "c_consumer loads $soname_file from '$(resolved_path "$c_exe" "$soname_file")', not from $lib"
expect_output "$want" "$c_exe"

step "CMake consumer: the C++ program is linked statically with libchc.a"
cxx_exe=$work/cmake-consumer/cxx_static_consumer
if needed_libs "$cxx_exe" | grep -q '^libchc'; then fail "cxx_static_consumer depends on a shared libchc"; fi
needed_libs "$cxx_exe" | grep -q '^libicuuc' || fail "cxx_static_consumer does not link ICU (uc)"
expect_output "$want" "$cxx_exe"

step "CMake: a C-only project (LANGUAGES C) links chc::chc and chc::chc_static"
run "$cmake" -S "$here/consumer_c" -B "$work/cmake-c-consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=Release
run "$cmake" --build "$work/cmake-c-consumer"
if needed_libs "$work/cmake-c-consumer/c_static_consumer" | grep -q '^libchc'; then
  fail "c_static_consumer depends on a shared libchc"
fi
expect_output "$want" "$work/cmake-c-consumer/c_shared_consumer"
expect_output "$want" "$work/cmake-c-consumer/c_static_consumer"

# --- (b) pkg-config ------------------------------------------------------------
export PKG_CONFIG_PATH=$lib/pkgconfig
src=$here/consumer/consumer.c

step "pkg-config: chc.pc is found and relocatable (PKG_CONFIG_PATH=$PKG_CONFIG_PATH)"
expect_output "$version" pkg-config --modversion chc
pc_libdir=$(pkg-config --variable=libdir chc)
[[ "$pc_libdir" -ef "$lib" ]] || fail "chc.pc libdir is '$pc_libdir', not $lib"
echo "    pkg-config --cflags --libs chc: $(pkg-config --cflags --libs chc)"
static_libs=$(pkg-config --static --libs chc)
echo "    pkg-config --static --libs chc: $static_libs"
for l in -licuuc -licui18n -lstdc++; do
  grep -qw -- "$l" <<<"$static_libs" || fail "pkg-config --static --libs chc lacks $l"
done

step "pkg-config: cc consumer.c \$(pkg-config --cflags --libs chc), run with LD_LIBRARY_PATH"
# shellcheck disable=SC2046
run "$cc" -std=c99 -Wall -Wextra -Werror -o "$work/pc_consumer" "$src" $(pkg-config --cflags --libs chc)
[[ "$(LD_LIBRARY_PATH=$pc_libdir resolved_path "$work/pc_consumer" "$soname_file")" -ef "$lib/$soname_file" ]] ||
  fail "with LD_LIBRARY_PATH=$pc_libdir the loader does not pick the installed $soname_file"
expect_output "$want" env LD_LIBRARY_PATH="$pc_libdir" "$work/pc_consumer"

step "pkg-config: the same with an rpath (-Wl,-rpath,\$(pkg-config --variable=libdir chc)), no LD_LIBRARY_PATH"
# shellcheck disable=SC2046
run "$cc" -std=c99 -Wall -Wextra -Werror -o "$work/pc_consumer_rpath" "$src" $(pkg-config --cflags --libs chc) \
  -Wl,-rpath,"$pc_libdir"
[[ "$(resolved_path "$work/pc_consumer_rpath" "$soname_file")" -ef "$lib/$soname_file" ]] ||
  fail "the rpath build does not load $pc_libdir/$soname_file"
expect_output "$want" "$work/pc_consumer_rpath"

step "pkg-config --static: a C program linked with libchc.a, ICU and the C++ runtime"
# -l:libchc.a picks the archive although libchc.so sits beside it.
# shellcheck disable=SC2046
run "$cc" -std=c99 -Wall -Wextra -Werror -o "$work/pc_consumer_static" "$src" $(pkg-config --static --cflags chc) \
  $(sed -E 's/(^| )-lchc( |$)/\1-l:libchc.a\2/' <<<"$static_libs")
if needed_libs "$work/pc_consumer_static" | grep -q '^libchc'; then fail "the static build depends on a shared libchc"; fi
expect_output "$want" "$work/pc_consumer_static"

step "done: the installed tree works with CMake and pkg-config"
