#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs inside a throwaway root made by deb_install_test.sh, with the .debs in
# /chc-test/debs and the consumers' sources beside this file. Everything is
# found where a Debian system puts it: no CMAKE_PREFIX_PATH, PKG_CONFIG_PATH,
# LD_LIBRARY_PATH or CHC_LIBRARY. Programs to hand on go in /chc-test/out.
#
# usage: in_root.sh full|runtime
set -euo pipefail
# shellcheck source=tests/packaging/lib.sh
source /chc-test/lib.sh

mode=$1
want=2024-12-31
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
libdir=/usr/lib/$multiarch
out=/chc-test/out
cd /chc-test/home

step "a root without chc: no package, no library, no Python module, no pkg-config file, no page"
if dpkg-query -W -f='${Package} ${Status}\n' 'libchc*' 'chc' 'chc-doc' 'python3-chc' 2>/dev/null | grep -q ' installed$'; then
  fail "a chc package is already installed"
fi
if ldconfig -p | grep -q 'libchc\.so'; then fail "ldconfig already knows a libchc: $(ldconfig -p | grep libchc)"; fi
if /usr/bin/python3 -c 'import chc' 2>/dev/null; then fail "python3 already imports a chc"; fi
if pkg-config --exists chc 2>/dev/null; then fail "pkg-config already finds a chc.pc"; fi
if man -w chc >/dev/null 2>&1; then fail "man already finds a chc page: $(man -w chc)"; fi

# The package that owns the file a program loads as NAME (dpkg -S), e.g. libchc1.
loaded_from_package() {
  local path
  path=$(resolved_path "$1" "$2")
  [[ -n "$path" ]] || fail "$1 cannot load $2: $(ldd "$1")"
  dpkg-query -S "$(readlink -f "$path")" | cut -d: -f1
}

if [[ $mode == runtime ]]; then
  step "dpkg -i libchc1 alone: its dependencies are already satisfied here"
  run dpkg -i /chc-test/debs/libchc1_*.deb
  dpkg-query -W -f='    ${Package} ${Version} ${Status}\n' libchc1
  for pkg in libchc-dev chc python3-chc chc-doc; do
    if dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q ' installed$'; then fail "$pkg got installed too"; fi
  done

  step "a program built against libchc-dev (in root 1) loads libchc.so.1 from libchc1 (ldconfig ran by trigger)"
  ldconfig -p | grep -qE "libchc\.so\.1 .*=> (/usr)?/lib/$multiarch/libchc\.so\.1$" || fail "ldconfig's cache has no libchc.so.1"
  [[ "$(loaded_from_package /chc-test/pc_shared_consumer libchc.so.1)" == libchc1 ]] ||
    fail "libchc.so.1 is not loaded from the libchc1 package"
  expect_output "$want" /chc-test/pc_shared_consumer

  step "dpkg -i python3-chc on top: import chc finds the installed libchc.so.1"
  run dpkg -i /chc-test/debs/python3-chc_*.deb
  expect_output "$want libchc.so.1" /usr/bin/python3 -c '
import chc
with chc.Calendar("england-and-wales") as cal:
    print(cal.add_working_days("2024-12-20", 5).isoformat(), chc.library_path.rsplit("/", 1)[-1])'
  step "done: libchc1 alone serves programs built against it"
  exit 0
fi

step "dpkg -i every package (libchc1 libchc-dev chc python3-chc chc-doc)"
run dpkg -i /chc-test/debs/*.deb
dpkg-query -W -f='    ${Package} ${Version} ${Status}\n' libchc1 libchc-dev chc python3-chc chc-doc

step "the chc command"
expect_output "$want" chc add 2024-12-20 5

step "libsqlite3-mod-chc: sqlite3 loads the installed extension"
if command -v sqlite3 >/dev/null; then
  expect_output "$want" sqlite3 :memory: ".load $libdir/sqlite3/libchc_sqlite" "SELECT chc_add_working_days('2024-12-20', 5);"
else
  fail "no sqlite3 in the root (scripts/packages.sh installs it)"
fi

# --- CMake ---------------------------------------------------------------------
step "CMake: a C and C++ project finds chc in $libdir/cmake/chc with no hints"
run cmake -S /chc-test/consumer -B cmake-consumer -G Ninja -DCMAKE_BUILD_TYPE=Release
found=$(sed -n 's/^chc_DIR:PATH=//p' cmake-consumer/CMakeCache.txt)
[[ "$found" == "$libdir/cmake/chc" ]] || fail "find_package found chc in '$found', not $libdir/cmake/chc"
run cmake --build cmake-consumer

step "CMake: the C program on chc::chc loads libchc.so.1 from libchc1"
[[ "$(loaded_from_package cmake-consumer/c_consumer libchc.so.1)" == libchc1 ]] || fail "not libchc1's library"
expect_output "$want" cmake-consumer/c_consumer

step "CMake: the C++ program on chc::chc_static has no libchc dependency"
if needed_libs cmake-consumer/cxx_static_consumer | grep -q '^libchc'; then fail "it depends on a shared libchc"; fi
expect_output "$want" cmake-consumer/cxx_static_consumer

step "CMake: a C-only project (LANGUAGES C) links chc::chc and chc::chc_static"
run cmake -S /chc-test/consumer_c -B cmake-c-consumer -G Ninja -DCMAKE_BUILD_TYPE=Release
run cmake --build cmake-c-consumer
[[ "$(loaded_from_package cmake-c-consumer/c_shared_consumer libchc.so.1)" == libchc1 ]] || fail "not libchc1's library"
expect_output "$want" cmake-c-consumer/c_shared_consumer
if needed_libs cmake-c-consumer/c_static_consumer | grep -q '^libchc'; then fail "c_static_consumer depends on a shared libchc"; fi
expect_output "$want" cmake-c-consumer/c_static_consumer

# --- pkg-config ----------------------------------------------------------------
src=/chc-test/consumer/consumer.c
step "pkg-config: chc.pc names system directories, which pkg-config drops"
expect_output "0.1.0" pkg-config --modversion chc
[[ "$(pkg-config --variable=includedir chc)" == /usr/include ]] ||
  fail "includedir is '$(pkg-config --variable=includedir chc)', not /usr/include"
[[ "$(pkg-config --variable=libdir chc)" == "$libdir" ]] || fail "libdir is '$(pkg-config --variable=libdir chc)', not $libdir"
# pkg-config's output with its trailing blank dropped.
pc() { local flags; flags=$(pkg-config "$@") || fail "pkg-config $* failed"; echo "${flags%"${flags##*[! ]}"}"; }
cflags=$(pc --cflags chc) libs=$(pc --libs chc)
static_cflags=$(pc --static --cflags chc) static_libs=$(pc --static --libs chc)
echo "    --cflags: '$cflags'  --libs: '$libs'"
echo "    --static --cflags: '$static_cflags'  --static --libs: '$static_libs'"
if grep -qE -- '(^| )-[IL]' <<<"$cflags $libs $static_cflags $static_libs"; then
  fail "pkg-config prints a -I or -L: the system directories were not recognised"
fi
[[ "$libs" == -lchc ]] || fail "pkg-config --libs chc is '$libs', not -lchc"
for l in -lchc -licui18n -licuuc -lstdc++; do
  grep -qw -- "$l" <<<"$static_libs" || fail "pkg-config --static --libs chc lacks $l"
done
grep -qw -- -DCHC_STATIC <<<"$static_cflags" || fail "pkg-config --static --cflags chc lacks -DCHC_STATIC"

step "pkg-config: cc consumer.c \$(pkg-config --cflags --libs chc) runs with no LD_LIBRARY_PATH"
# shellcheck disable=SC2086
run cc -std=c99 -Wall -Wextra -Werror -o pc_shared_consumer "$src" $cflags $libs
[[ "$(loaded_from_package pc_shared_consumer libchc.so.1)" == libchc1 ]] || fail "not libchc1's library"
expect_output "$want" ./pc_shared_consumer
cp pc_shared_consumer "$out/"

step "pkg-config --static: a C program (cc, not c++) linked with libchc.a, ICU and the C++ runtime"
# -l:libchc.a picks the archive although libchc.so sits beside it.
# shellcheck disable=SC2046,SC2086
run cc -std=c99 -Wall -Wextra -Werror -o pc_static_consumer "$src" $static_cflags \
  $(sed -E 's/(^| )-lchc( |$)/\1-l:libchc.a\2/' <<<"$static_libs")
if needed_libs pc_static_consumer | grep -q '^libchc'; then fail "the static build depends on a shared libchc"; fi
expect_output "$want" ./pc_static_consumer

# --- Python --------------------------------------------------------------------
step "python3: import chc from python3-chc, loading libchc1's library"
expect_output "/usr/lib/python3/dist-packages/chc $want 0.1.0" /usr/bin/python3 -c '
import os, chc
with chc.Calendar("england-and-wales") as cal:
    due = cal.add_working_days("2024-12-20", 5)
print(os.path.dirname(chc.__file__), due.isoformat(), chc.library_version())'
loaded=$(/usr/bin/python3 -c '
import chc
print(sorted({line.split()[-1] for line in open("/proc/self/maps") if "/libchc.so" in line})[0])')
[[ "$(dpkg-query -S "$(readlink -f "$loaded")" | cut -d: -f1)" == libchc1 ]] || fail "python3 loaded $loaded, not libchc1's"
echo "    loaded $loaded"

# --- man -----------------------------------------------------------------------
step "man chc"
dpkg -L chc | grep -q '^/usr/share/man/man1/chc\.1\.gz$' || fail "the chc package ships no usr/share/man/man1/chc.1.gz"
page=$(man -w chc) || fail "man -w chc finds no page"
[[ "$page" == /usr/share/man/man1/chc.1.gz ]] || fail "man -w chc gives $page"
text=$(MANPAGER=cat MANWIDTH=80 man chc 2>&1) || fail "man chc failed: $text"
grep -q '^NAME' <<<"$text" || fail "man chc shows no NAME section"
grep -qE '^ +chc ' <<<"$text" || fail "man chc's NAME section does not name chc"
echo "    $(man -w chc): $(grep -A1 '^NAME' <<<"$text" | tail -n 1 | sed 's/^ *//')"

# --- what libchc-dev's dependencies are for --------------------------------------
step "without libicu-dev, find_package(chc) names ICU and the package to install"
run dpkg --purge --force-depends libicu-dev
rm -rf cmake-no-icu
if msg=$(cmake -S /chc-test/consumer_c -B cmake-no-icu -G Ninja 2>&1); then fail "configured without ICU"; fi
# CMake wraps the message: one line, single spaces.
msg=$(tr -s ' \n' '  ' <<<"$msg")
grep -q 'chc::chc_static needs ICU' <<<"$msg" || fail "the message does not name ICU: $msg"
grep -q 'apt-get install libicu-dev' <<<"$msg" || fail "the message does not name libicu-dev: $msg"
echo "    $(grep -o 'chc::chc_static needs ICU[^;]*' <<<"$msg")"

step "done: every package installed and used"
