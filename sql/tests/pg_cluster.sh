# SPDX-License-Identifier: MIT
# Sourced by the PostgreSQL test and benchmark: a throwaway PostgreSQL 15
# cluster in a temporary directory, Unix socket only, with the chc extension
# installed privately (docs/sql.md, "How the tests find the extension").
#
#   chc_pg_start WORK STAGE LIBCHC   start a cluster in WORK (an empty directory);
#                                    STAGE is the DESTDIR of `make install` of
#                                    sql/postgres, LIBCHC the libchc.so.1 to load
#   chc_pg_stop                      stop it (the caller traps EXIT with it)
#   chc_psql ARGS...                 psql connected to it (PGHOST etc. are exported)
#
# PostgreSQL 15 finds extensions only in its share directory, which it works
# out from where its own executable lies. So the cluster runs a copy of the
# postgres executable placed inside STAGE, beside the installed extension,
# with every other file of the system installation linked in. Nothing is
# written outside WORK. As root, the server runs as the "postgres" account
# (PostgreSQL refuses to run as root), which Debian's postgresql-common creates.

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}

# Links every entry of $1 missing from $2 into $2, merging directories both have.
chc_pg_overlay() {
  local from=$1 to=$2 entry name
  mkdir -p "$to"
  for entry in "$from"/*; do
    name=$(basename "$entry")
    if [[ -d "$entry" && -d "$to/$name" && ! -L "$to/$name" ]]; then
      chc_pg_overlay "$entry" "$to/$name"
    elif [[ ! -e "$to/$name" ]]; then
      ln -s "$entry" "$to/$name"
    fi
  done
}

# Runs from the work directory: the postgres account may not enter the caller's.
chc_pg_as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$CHC_PG_WORK" && runuser -u postgres -- env LD_LIBRARY_PATH="$CHC_PG_WORK/lib" "$@")
  else
    (cd "$CHC_PG_WORK" && env LD_LIBRARY_PATH="$CHC_PG_WORK/lib" "$@")
  fi
}

chc_pg_start() {
  local work=$1 stage=$2 libchc=$3 bindir sharedir pkglibdir
  bindir=$("$PG_CONFIG" --bindir)
  sharedir=$("$PG_CONFIG" --sharedir)
  pkglibdir=$("$PG_CONFIG" --pkglibdir)
  CHC_PG_WORK=$work
  CHC_PG_BINDIR=$bindir
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "pg_cluster: running as root needs the postgres account (Debian package postgresql-common)" >&2
    return 1
  fi
  # The private installation: the copied server beside the staged extension.
  mkdir -p "$stage$bindir" "$work/lib"
  cp "$bindir/postgres" "$stage$bindir/postgres"
  chc_pg_overlay "$sharedir" "$stage$sharedir"
  chc_pg_overlay "$pkglibdir" "$stage$pkglibdir"
  cp -L "$libchc" "$work/lib/"
  chmod 755 "$work"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$work"; fi

  chc_pg_as_server "$bindir/initdb" -D "$work/data" -U chc --auth=trust -E UTF8 --locale=C --no-sync \
    >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; return 1; }
  cat >>"$work/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$work'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_parallel_workers_per_gather = 0
CONF
  chc_pg_as_server "$bindir/pg_ctl" -D "$work/data" -p "$stage$bindir/postgres" -l "$work/server.log" -w -t 60 start \
    >/dev/null || { cat "$work/server.log" >&2; return 1; }
  export PGHOST=$work PGPORT=5432 PGUSER=chc PGDATABASE=postgres
}

chc_pg_stop() {
  if [[ -n "${CHC_PG_WORK:-}" && -f "$CHC_PG_WORK/data/postmaster.pid" ]]; then
    chc_pg_as_server "$CHC_PG_BINDIR/pg_ctl" -D "$CHC_PG_WORK/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

chc_psql() {
  "$CHC_PG_BINDIR/psql" -X -v ON_ERROR_STOP=1 "$@"
}
