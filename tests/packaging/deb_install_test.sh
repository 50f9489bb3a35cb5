#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages with dpkg into throwaway roots and uses them
# there as a vendor would (tests/packaging/in_root.sh does the using):
#   1. every package: C consumers built with CMake (a C and C++ project and a
#      C-only one, shared and static) and with pkg-config (shared and static),
#      `import chc` in Debian's python3, `man chc`, and find_package(chc)'s
#      message once libicu-dev is gone;
#   2. libchc1 alone: a program built in root 1 loads it; then python3-chc
#      on top of it imports.
# Each root is a chroot into an overlay of this machine's own root, so dpkg
# checks the packages' Depends against the real package database and runs
# the real triggers (ldconfig, man-db), no network is needed, and nothing
# reaches this machine: every write lands in the overlay's upper layer, a
# tmpfs. /work, /tmp, /home, /root, /opt, /usr/local and the source and
# build trees are hidden, so only the packages can supply chc. The mounts
# live in a private mount namespace (unshare) and vanish with it.
#
# usage: deb_install_test.sh DEBS_DIR WORK_DIR SOURCE_DIR BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/packaging/lib.sh
source "$here/lib.sh"

debs=$1 work=$2 src=$3 build=$4

if [[ $(id -u) -ne 0 ]]; then
  echo "SKIPPED: installing packages into a chroot needs root (mount, chroot)"
  exit 77
fi
make_work_dir "$work"
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)

step "tools: unshare, chroot, dpkg"
for tool in unshare chroot dpkg mount; do command -v "$tool" >/dev/null || fail "$tool not found"; done


# new_root NAME PACKAGE...: what goes into the root's /chc-test: the .debs
# to install, the consumers' sources, in_root.sh and lib.sh.
new_root() {
  local name=$1 pkg
  shift
  mkdir -p "$work/$name/stage/debs" "$work/$name/out" "$work/$name/mnt"
  for pkg in "$@"; do cp "$(deb_of "$debs" "$version" "$pkg")" "$work/$name/stage/debs/"; done
  cp -r "$here/consumer" "$here/consumer_c" "$here/in_root.sh" "$here/lib.sh" "$work/$name/stage/"
}

# in_root NAME MODE: in a private mount namespace, an overlay of / whose
# upper layer is a tmpfs (so it works even where / is itself an overlay);
# runs in_root.sh MODE there with a clean environment, then copies the
# root's /chc-test/out back to WORK_DIR/NAME/out.
in_root() {
  local name=$1 mode=$2
  local hidden=(/work /tmp /home /root /opt /usr/local "$src" "$build" "$work")
  # shellcheck disable=SC2016  # expanded by the inner shell
  unshare --mount --propagation private bash -euo pipefail -c '
    base=$1 mode=$2
    shift 2
    mount -t tmpfs -o size=2g chc-test "$base/mnt"
    mkdir -p "$base/mnt/upper/chc-test/out" "$base/mnt/upper/chc-test/home" "$base/mnt/work" "$base/mnt/root"
    cp -a "$base/stage/." "$base/mnt/upper/chc-test/"
    root=$base/mnt/root
    mount -t overlay overlay -o "lowerdir=/,upperdir=$base/mnt/upper,workdir=$base/mnt/work" "$root"
    for dir in "$@"; do
      if [[ -d "$root$dir" ]]; then mount -t tmpfs -o size=64m hidden "$root$dir"; fi
    done
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    status=0
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/chc-test/home LANG=C.UTF-8 \
      TERM=dumb /bin/bash /chc-test/in_root.sh "$mode" || status=$?
    cp -a "$root/chc-test/out/." "$base/out/"
    exit "$status"
  ' in_root "$work/$name" "$mode" "${hidden[@]}"
}

step "root 1: every package"
new_root full libchc1 libchc-dev chc python3-chc chc-doc libsqlite3-mod-chc
in_root full full || fail "in root 1 (every package): see the step above"

step "root 2: libchc1 alone, then python3-chc"
new_root runtime libchc1 python3-chc
# A program root 1 built against the installed headers and libchc.so.
cp "$work/full/out/pc_shared_consumer" "$work/runtime/stage/" || fail "root 1 left no pc_shared_consumer"
in_root runtime runtime || fail "in root 2 (libchc1 alone): see the step above"

step "done: the packages install and work"
