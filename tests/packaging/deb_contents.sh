#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What each Debian package holds and declares: files in the multiarch
# directory, the -dev package's dependencies, the symbols file, ldconfig by
# trigger (no maintainer scripts), the Python package's files.
#
# usage: deb_contents.sh DEBS_DIR SOURCE_DIR (DEBS_DIR written by deb_build.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

debs=$1 src=$2
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
upstream=${version%-*}
lib=usr/lib/$multiarch

# The regular files and links of a package, one a line, without the leading "./".
files_of() {
  dpkg-deb -c "$(deb_of "$debs" "$version" "$1")" | awk '$1 !~ /^d/ { print $6 }' | sed 's#^\./##' | sort
}
field_of() { dpkg-deb -f "$(deb_of "$debs" "$version" "$1")" "$2"; }
# Every path must be in the package.
expect_files() {
  local pkg=$1 have path
  shift
  have=$(files_of "$pkg")
  for path in "$@"; do
    grep -qxF "$path" <<<"$have" || fail "$pkg has no $path; it has:
$have"
  done
}
# No path of the package matches the extended regular expression.
expect_no_files() {
  local pkg=$1 pattern=$2 found
  found=$(files_of "$pkg" | grep -E "$pattern" || true)
  [[ -z "$found" ]] || fail "$pkg should not hold: $found"
}

for pkg in $(sed -n 's/^Package: //p' "$src/debian/control"); do
  step "$pkg: files"
  files_of "$pkg" | sed 's/^/    /'
  expect_files "$pkg" "usr/share/doc/$pkg/copyright" "usr/share/doc/$pkg/changelog.Debian.gz"
  cmp -s <(dpkg-deb --fsys-tarfile "$(deb_of "$debs" "$version" "$pkg")" | tar -xOf - "./usr/share/doc/$pkg/copyright") "$src/debian/copyright" ||
    fail "$pkg's copyright file is not debian/copyright"
done

step "libchc1: only the shared library, in the multiarch directory"
expect_files libchc1 "$lib/libchc.so.1" "$lib/libchc.so.1.1.0"
expect_no_files libchc1 '^usr/(include|bin)/|\.so$|\.a$|cmake|pkgconfig'
[[ "$(field_of libchc1 Multi-Arch)" == same ]] || fail "libchc1 is not Multi-Arch: same"
echo "    Depends: $(field_of libchc1 Depends)"

step "libchc1: ldconfig by trigger, no maintainer scripts; a symbols file"
control=$(dpkg-deb --ctrl-tarfile "$(deb_of "$debs" "$version" libchc1)" | tar -tf - | sed 's#^\./##' | grep -v '^$' | sort)
echo "    control members: $(tr '\n' ' ' <<<"$control")"
if grep -qE '^(preinst|postinst|prerm|postrm)$' <<<"$control"; then
  fail "libchc1 has maintainer scripts: $(grep -E '^(pre|post)' <<<"$control" | tr '\n' ' ')"
fi
dpkg-deb -I "$(deb_of "$debs" "$version" libchc1)" triggers | grep -qx 'activate-noawait ldconfig' || fail "libchc1 does not activate the ldconfig trigger"
symbols=$(dpkg-deb -I "$(deb_of "$debs" "$version" libchc1)" symbols)
# Every function chc.h declares, with the version it first appeared in (none before this one).
declared=$(grep -oE '^CHC_API [^(]*\b(chc_[a-z0-9_]+)\(' "$src/include/chc/chc.h" | grep -oE 'chc_[a-z0-9_]+\($' | tr -d '(' | sort)
listed=$(sed -n 's/^ \(chc_[a-z0-9_]*\)@CHC_1 .*/\1/p' <<<"$symbols" | sort)
[[ "$declared" == "$listed" ]] || fail "the symbols file and chc.h differ:
$(diff <(echo "$declared") <(echo "$listed"))"
if awk '/^ / { print $2 }' <<<"$symbols" | grep -vxE '[0-9]+\.[0-9]+\.[0-9]+'; then
  fail "a symbol's version is not an upstream version"
fi
echo "    $(wc -l <<<"$listed") chc_* symbols, each with its first version"

step "libchc-dev: headers, libchc.a, the libchc.so link, CMake package and chc.pc"
headers=()
for h in "$src"/include/chc/*.h "$src"/include/chc/*.hpp; do headers+=("usr/include/chc/$(basename "$h")"); done
expect_files libchc-dev "${headers[@]}" "$lib/libchc.a" "$lib/libchc.so" "$lib/pkgconfig/chc.pc" \
  "$lib/cmake/chc/chcConfig.cmake" "$lib/cmake/chc/chcConfigVersion.cmake" "$lib/cmake/chc/chcTargets.cmake" \
  "$lib/cmake/chc/chcStaticTargets.cmake"
expect_no_files libchc-dev '^usr/lib/(pkgconfig|cmake|libchc)|libchc\.so\.'
depends=$(field_of libchc-dev Depends)
echo "    Depends: $depends"
grep -qF "libchc1 (= $version)" <<<"$depends" || fail "libchc-dev does not depend on libchc1 (= $version)"
grep -qE '(^|, )libicu-dev(,|$)' <<<"$depends" || fail "libchc-dev does not depend on libicu-dev (libchc.a needs ICU)"
grep -qE '(^|, )libstdc\+\+-[0-9]+-dev \| libstdc\+\+-dev(,|$)' <<<"$depends" ||
  fail "libchc-dev does not depend on the C++ runtime's development files (libchc.a needs -lstdc++)"
if grep -qi boost <<<"$depends"; then fail "libchc-dev depends on Boost, which its headers and libchc.a never need"; fi
if grep -rqE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]boost/' "$src/include/chc"; then
  fail "a public header includes Boost: libchc-dev would need to depend on it"
fi

step "chc: the command, self-contained"
expect_files chc usr/bin/chc
expect_no_files chc '^usr/lib/'
echo "    Depends: $(field_of chc Depends)"

step "python3-chc: every file of bindings/python/chc, in the Debian Python path; needs libchc1"
py=()
while IFS= read -r f; do py+=("usr/lib/python3/dist-packages/chc/${f#"$src/bindings/python/chc/"}"); done \
  < <(find "$src/bindings/python/chc" -type f ! -name '*.pyc' ! -path '*/__pycache__/*' | sort)
expect_files python3-chc "${py[@]}"
expect_no_files python3-chc '\.pyc$|__pycache__'
depends=$(field_of python3-chc Depends)
echo "    Depends: $depends"
grep -qF "libchc1 (>= $upstream)" <<<"$depends" || fail "python3-chc does not depend on libchc1 (>= $upstream)"
grep -qE '(^|, )python3(:any)?( |,|$)' <<<"$depends" || fail "python3-chc does not depend on python3"

step "chc-doc: the API reference and the guides"
expect_files chc-doc usr/share/doc/chc/html/index.html usr/share/doc/chc/README.md usr/share/doc/chc/docs/packaging.md \
  usr/share/doc-base/chc-doc.chc

step "postgresql-15-chc: the extension where PostgreSQL 15 looks; pinned to its libchc1"
expect_files postgresql-15-chc usr/lib/postgresql/15/lib/chc.so usr/share/postgresql/15/extension/chc.control \
  usr/share/postgresql/15/extension/chc--0.1.0.sql
depends=$(field_of postgresql-15-chc Depends)
echo "    Depends: $depends"
grep -qF "libchc1 (= $version)" <<<"$depends" || fail "postgresql-15-chc does not depend on libchc1 (= $version)"
grep -qE '(^|, )postgresql-15(,|$)' <<<"$depends" || fail "postgresql-15-chc does not depend on postgresql-15"

step "libsqlite3-mod-chc: the loadable SQLite extension; pinned to its libchc1"
expect_files libsqlite3-mod-chc "$lib/sqlite3/libchc_sqlite.so"
grep -qF "libchc1 (= $version)" <<<"$(field_of libsqlite3-mod-chc Depends)" || fail "libsqlite3-mod-chc does not depend on libchc1 (= $version)"

step "done: every package holds what it should"
