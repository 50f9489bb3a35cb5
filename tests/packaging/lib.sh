# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Sourced by the packaging tests: named steps that fail loudly.
#   step "what is being checked"   announce a step (its name is repeated on failure)
#   run CMD...                     run a command; on failure print its output and stop
#   fail "why"                     stop with the current step's name and a reason
#   expect_output "2024-12-31" CMD...  run CMD; its stdout must be exactly the text

CHC_STEP="(setup)"
CHC_WORK=""

step() {
  CHC_STEP="$*"
  echo "==> $CHC_STEP"
}

fail() {
  echo >&2
  echo "FAILED at step: $CHC_STEP" >&2
  echo "  $*" >&2
  exit 1
}

run() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "command failed: $*"
  fi
  rm -f "$log"
}

expect_output() {
  local want=$1 got
  shift
  if ! got=$("$@" 2>&1); then
    printf '%s\n' "$got" >&2
    fail "command failed: $*"
  fi
  [[ "$got" == "$want" ]] || fail "expected '$want' from: $*
  got: $got"
  echo "    $* -> $got"
}

# A fresh work directory; removed when the script succeeds, kept when it fails.
make_work_dir() {
  CHC_WORK=$1
  rm -rf "$CHC_WORK"
  mkdir -p "$CHC_WORK"
  # shellcheck disable=SC2154  # status is assigned inside the trap
  trap 'status=$?; if [[ $status -eq 0 ]]; then rm -rf "$CHC_WORK"; else echo "FAILED at step: $CHC_STEP (exit $status; work directory kept for inspection: $CHC_WORK)" >&2; fi' EXIT
}

# The NEEDED entries of an ELF file, one a line.
needed_libs() {
  readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
}

# Where the dynamic loader finds a library for an executable (ldd), e.g. "libchc.so.1".
resolved_path() {
  ldd "$1" | awk -v lib="$2" '$1 == lib { print $3 }'
}

# The .deb of PACKAGE at VERSION in DIR (written by deb_build.sh).
deb_of() {
  local dir=$1 version=$2 pkg=$3 deb
  deb=$(compgen -G "$dir/${pkg}_${version}_*.deb" || true)
  [[ -n "$deb" ]] || fail "no .deb for $pkg $version in $dir: did packaging.deb_build pass?"
  echo "$deb"
}
