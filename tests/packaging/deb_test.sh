#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb from the current build with CPack, checks its control data
# and contents, unpacks it with dpkg-deb -x and runs what it holds: the chc
# command and a C program compiled against the unpacked headers and library.
# It never installs the package on this machine.
#
# usage: deb_test.sh BUILD_DIR WORK_DIR CPACK CC VERSION SONAME_FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

build=$1 work=$2 cpack=$3 cc=$4 version=$5 soname_file=$6
make_work_dir "$work"
want=2024-12-31
unset PKG_CONFIG_PATH LD_LIBRARY_PATH CPATH C_INCLUDE_PATH LIBRARY_PATH

step "tools: dpkg-deb, dpkg-shlibdeps (Debian package dpkg-dev) and file"
for tool in dpkg-deb dpkg-shlibdeps file; do
  command -v "$tool" >/dev/null || fail "$tool not found: install the Debian packages dpkg-dev and file (apt-get install dpkg-dev file)"
done

step "cpack -G DEB (output in $work)"
run "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work"
arch=$(dpkg --print-architecture)
deb=$work/chc_${version}_${arch}.deb
[[ -f "$deb" ]] || fail "no $(basename "$deb") in $work: $(ls "$work")"
echo "    $(basename "$deb") ($(stat -c %s "$deb") bytes)"

step "dpkg-deb -I: control fields, Depends from dpkg-shlibdeps"
info=$(dpkg-deb -I "$deb")
field() { sed -n "s/^ $1: //p" <<<"$info"; }
[[ "$(field Package)" == chc ]] || fail "Package is '$(field Package)', not chc"
[[ "$(field Version)" == "$version" ]] || fail "Version is '$(field Version)', not $version"
[[ "$(field Section)" == libs ]] || fail "Section is '$(field Section)', not libs"
[[ -n "$(field Maintainer)" ]] || fail "no Maintainer"
[[ -n "$(field Description)" ]] || fail "no Description"
depends=$(field Depends)
echo "    Depends: $depends"
for pkg in 'libicu[0-9]+' libstdc\\+\\+6 libc6 libgcc-s1; do
  grep -qE "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg: '$depends' (is dpkg-shlibdeps installed?)"
done

step "dpkg-deb -c: the library, the command and the C header under usr/"
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for path in "\./usr/lib/(.*/)?$soname_file" '\./usr/bin/chc' '\./usr/include/chc/chc\.h' \
            '\./usr/lib/(.*/)?libchc\.a' '\./usr/lib/(.*/)?cmake/chc/chcConfig\.cmake' '\./usr/lib/(.*/)?pkgconfig/chc\.pc'; do
  grep -qE "^$path$" <<<"$contents" || fail "the package has no $path"
done
libpath=$(grep -E "^\./usr/lib/(.*/)?$soname_file$" <<<"$contents")
libdir=$(dirname "${libpath#./}")
echo "    usr/bin/chc, usr/include/chc/chc.h, $libdir/$soname_file, ..."

step "dpkg-deb -x, then run the unpacked usr/bin/chc"
root=$work/root
run dpkg-deb -x "$deb" "$root"
expect_output "$want" "$root/usr/bin/chc" add 2024-12-20 5

step "a C program compiled against the unpacked headers and library"
run "$cc" -std=c99 -Wall -Wextra -Werror -o "$work/consumer" "$here/consumer/consumer.c" \
  -I"$root/usr/include" -L"$root/$libdir" -lchc -Wl,-rpath,"$root/$libdir"
[[ "$(resolved_path "$work/consumer" "$soname_file")" -ef "$root/$libdir/$soname_file" ]] ||
  fail "the consumer loads '$(resolved_path "$work/consumer" "$soname_file")', not the unpacked library"
expect_output "$want" "$work/consumer"

step "the unpacked chc.pc is relocatable: pkg-config finds the unpacked tree"
export PKG_CONFIG_PATH=$root/$libdir/pkgconfig
[[ "$(pkg-config --variable=libdir chc)" -ef "$root/$libdir" ]] ||
  fail "chc.pc libdir is '$(pkg-config --variable=libdir chc)', not $root/$libdir"
# shellcheck disable=SC2046
run "$cc" -std=c99 -o "$work/pc_consumer" "$here/consumer/consumer.c" $(pkg-config --cflags --libs chc)
expect_output "$want" env LD_LIBRARY_PATH="$(pkg-config --variable=libdir chc)" "$work/pc_consumer"

step "done: $(basename "$deb") is well formed and works unpacked"
