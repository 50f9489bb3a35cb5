# SPDX-License-Identifier: MIT
# Sourced by the Quick start scripts: installs the Debian packages a step needs.
# As root it runs apt-get itself (updating the package lists first, since a
# fresh machine has none); otherwise it prints the exact command and stops.

# Building the library, the CLI and the tests.
CHC_BUILD_PACKAGES=(g++ cmake ninja-build pkg-config libboost-json1.81-dev libboost-date-time1.81-dev libicu-dev catch2)
# Running every test suite and the benchmark anchors; the packaging tests build
# the Debian packages (debhelper, dh-python), check them (lintian) and read
# the installed man page (man-db); the last line builds and tests the
# PostgreSQL 15 and SQLite extensions (sql/, docs/sql.md).
CHC_TEST_PACKAGES=(python3 python3-numpy python3-pytest python3-pandas python3-mypy python3-venv python3-pip tzdata abigail-tools dpkg-dev file
                   doxygen chromium groff-base build-essential debhelper dh-python lintian man-db
                   make postgresql-15 postgresql-server-dev-15 sqlite3 libsqlite3-dev)
# The reliability suites: libFuzzer harnesses (clang with its sanitizer
# runtimes) and memcheck over the C API tests.
CHC_RELIABILITY_PACKAGES=(clang libclang-rt-14-dev valgrind)

chc_missing_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]}"
}

chc_ensure_packages() {
  local missing
  missing=$(chc_missing_packages "$@")
  [[ -z "$missing" ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "chc needs these Debian packages: $missing" >&2
    echo "Install them as root, then run this again:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends $missing" >&2
    exit 1
  fi
  echo "==> installing Debian packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
}
