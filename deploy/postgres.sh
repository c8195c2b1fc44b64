#!/usr/bin/env bash
# Provisions the PostgreSQL the archive uses and yields ARCHIVE_POSTGRES, an Npgsql connection string.
#
#   source deploy/postgres.sh   # exports ARCHIVE_POSTGRES (and ARCHIVE_PG_MAX_CONNECTIONS) into the calling shell
#   bash deploy/postgres.sh     # prints the connection string as its last stdout line (diagnostics on stderr)
#
# It prints one line saying what it chose, e.g.
#   postgres: using existing server 127.0.0.1:5432 as it is (max_connections 100)
#   postgres: using private server /repo/.data/pg on 127.0.0.1:5433 (created by this script just now; max_connections 300)
# (a private server reused says "created by this script earlier; running", or "...; started it").
#
# The one rule: a server this script did not create is never reconfigured, restarted, started or stopped (no
# `alter system`, no role or database created in it), whether it is a Debian cluster, a server on 5432 or a Docker
# container. Such a server is either used exactly as it is, or left alone. In order of preference:
#   a. ARCHIVE_POSTGRES already set: used as it is (checked with psql when psql is installed);
#   b. a server on 127.0.0.1:5432 where role 'archive' (password 'archive') reaches database 'archive': used as it is;
#   c. a private server of its own from the installed binaries (/usr/lib/postgresql/*/bin): data in .data/pg (or
#      /var/tmp/archive-pg-<hash> when the postgres user cannot reach the repository, or the path is too long for a
#      socket), run as the postgres OS user when root, listening on 127.0.0.1 only, on the first port from 5433 that
#      is free and not configured for a Debian cluster (a stopped cluster still owns its port), max_connections 300
#      (the test suite runs several silos and stores at once). The file archive-private-server in its data directory
#      marks it as created here; only such a server is started, restarted (to raise max_connections), moved to another
#      port (when its own is taken while it is stopped) or given role and database. A data directory without that mark
#      is refused. A second run reuses the server, starting it when it is stopped; it is never stopped by this script.
#   d. no binaries, a Docker engine: the compose service postgres, but only in a container this script created (its
#      id is kept in .data/compose-postgres.id); an existing container it did not create is left as it is;
#   e. root with apt-get and no PostgreSQL at all: installs postgresql-15 (else postgresql) and stops again the Debian
#      cluster that the installation created and started (nothing ran before it; the package stays installed, its
#      cluster stopped and unused), then c. Otherwise it fails and says what to install.
# The chosen server's max_connections is exported as ARCHIVE_PG_MAX_CONNECTIONS (empty when unknown), so that
# deploy/test.sh can size its parallelism to a server used as it is. deploy/test.sh and the benchmarks ask for the
# private server (ARCHIVE_PG_MODE=private) unless ARCHIVE_POSTGRES is set; deploy/run.sh follows the order above.
# Nothing is ever dropped, and only one provisioning runs at a time (a lock in $TMPDIR).
#
# Settings (all optional):
#   ARCHIVE_PG_MODE=private   skip a and b: use (or create) the private server
#   ARCHIVE_PG_PORT=N         port for a new private server, or one whose port was taken (default: the first free
#                             one from 5433)
#   ARCHIVE_PG_DATA=DIR       data directory of the private server (default: .data/pg in the repository)
#   ARCHIVE_PG_WAIT=SECONDS   how long to wait for a server to accept connections (default 60)

# --- sourced: run the provisioning as its own process (so its error handling does not depend on the caller's
# shell options, and nothing leaks into the caller), then export the lines it printed last.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  if _archive_pg_out="$(ARCHIVE_POSTGRES="${ARCHIVE_POSTGRES:-}" _ARCHIVE_PG_SOURCED=1 bash "${BASH_SOURCE[0]}")" \
    && [ -n "$_archive_pg_out" ]; then
    ARCHIVE_POSTGRES="${_archive_pg_out##*$'\n'}"
    _archive_pg_out="${_archive_pg_out%"$ARCHIVE_POSTGRES"}"
    _archive_pg_out="${_archive_pg_out%$'\n'}"
    ARCHIVE_PG_MAX_CONNECTIONS=""
    case "${_archive_pg_out##*$'\n'}" in max_connections=*) ARCHIVE_PG_MAX_CONNECTIONS="${_archive_pg_out##*=}" ;; esac
    export ARCHIVE_POSTGRES ARCHIVE_PG_MAX_CONNECTIONS
    unset _archive_pg_out
    return 0
  fi
  unset _archive_pg_out
  echo "postgres: provisioning failed (see above)" >&2
  return 1
fi

# --- executed
set -euo pipefail
exec 3>&1 1>&2 # fd 3 is the real stdout, reserved for the connection string; everything else goes to stderr

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/deploy/postgres-owned.sh"
USER_NAME=archive
USER_PASSWORD=archive
DATABASE=archive
MIN_CONNECTIONS=300
WAIT="${ARCHIVE_PG_WAIT:-60}"
MODE="${ARCHIVE_PG_MODE:-}"
case "$MODE" in
  "" | private) ;;
  debian)
    echo "postgres: ARCHIVE_PG_MODE=debian is no more: this script does not start or change a Debian cluster. Create role $USER_NAME and database $DATABASE in it yourself and set ARCHIVE_POSTGRES, or leave ARCHIVE_PG_MODE unset" >&2
    exit 2 ;;
  *) echo "postgres: ARCHIVE_PG_MODE must be private (or unset)" >&2; exit 2 ;;
esac
IS_ROOT=false
[ "$(id -u)" = 0 ] && IS_ROOT=true

say() { echo "postgres: $*" >&2; }
die() { say "$*"; exit 1; }
connection() { echo "Host=$1;Port=$2;Database=$DATABASE;Username=$USER_NAME;Password=$USER_PASSWORD"; }
# The connection string, preceded (for the sourcing shell only) by the server's max_connections when known.
finish() {
  if [ -n "${_ARCHIVE_PG_SOURCED:-}" ] && [[ "${2:-}" =~ ^[0-9]+$ ]]; then echo "max_connections=$2" >&3; fi
  echo "$1" >&3
  exit 0
}

# Runs a command as the PostgreSQL OS user when we are root (initdb and pg_ctl refuse to run as root), else as us.
# (From /, which that user can always enter; every path given to it is absolute.)
as_pg() {
  if ! $IS_ROOT; then "$@"
  elif command -v runuser >/dev/null; then (cd / && runuser -u postgres -- "$@")
  else (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}
# Starts something that leaves a server behind: the server must not hold our stdout, stderr or lock open.
detached() { "$@" </dev/null >/dev/null 3>&- 9>&-; }

# Only one provisioning at a time on this machine (two test runs starting together would race for a port).
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/archive-postgres-$(id -u).lock"
  flock -w 300 9 || die "another deploy/postgres.sh has held the lock for 300 s"
fi

have_psql() { psql --version >/dev/null 2>&1; }
# Can role archive reach database archive over TCP? (host port)
answers() {
  have_psql || return 1
  PGPASSWORD="$USER_PASSWORD" PGCONNECT_TIMEOUT=3 \
    psql -X -h "$1" -p "$2" -U "$USER_NAME" -d "$DATABASE" -tAc 'select 1' >/dev/null 2>&1
}
# The server's max_connections as role archive sees it (any role may read it), or nothing. (host port)
max_connections_of() {
  have_psql || return 0
  PGPASSWORD="$USER_PASSWORD" PGCONNECT_TIMEOUT=3 \
    psql -X -h "$1" -p "$2" -U "$USER_NAME" -d "$DATABASE" -tAc 'show max_connections' 2>/dev/null || true
}
# Polls until the check passes or the deadline passes. (what, command...)
wait_for() {
  local what=$1; shift
  local deadline=$((SECONDS + WAIT))
  until "$@"; do
    ((SECONDS < deadline)) || { say "$what did not answer within $WAIT s"; return 1; }
    sleep 0.5
  done
}
ready() { pg_isready -h "$1" -p "$2" -q; }
port_in_use() { (exec 5<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- a. an explicit connection string: used as it is ------------------------------------------------------------
if [ -n "${ARCHIVE_POSTGRES:-}" ] && [ -z "$MODE" ]; then
  if ! have_psql; then
    say "using existing server as it is (from ARCHIVE_POSTGRES; psql is not installed, so it was not checked; max_connections unknown)"
    finish "$ARCHIVE_POSTGRES"
  fi
  # Npgsql keywords (case-insensitive, spaces ignored) mapped to libpq's environment.
  host=localhost port=5432 user="" password="" database=""
  IFS=';' read -ra parts <<<"$ARCHIVE_POSTGRES"
  for part in "${parts[@]}"; do
    [[ "$part" == *=* ]] || continue
    key="${part%%=*}"; key="${key// /}"; key="${key,,}"
    value="${part#*=}"; value="${value#"${value%%[![:space:]]*}"}"; value="${value%"${value##*[![:space:]]}"}"
    [[ "$value" == \"*\" || "$value" == \'*\' ]] && value="${value:1:${#value}-2}"
    case "$key" in
      host|server) host=$value ;;
      port) port=$value ;;
      username|userid|user|uid) user=$value ;;
      password|pwd|psw) password=$value ;;
      database|db) database=$value ;;
    esac
  done
  export PGHOST="$host" PGPORT="$port" PGUSER="${user:-$(id -un)}" PGPASSWORD="$password" \
    PGDATABASE="${database:-${user:-$(id -un)}}" PGCONNECT_TIMEOUT=3
  described="host $host, port $port, database ${database:-?}, user ${user:-?}"
  # Wait for the server to accept connections, then log in once (a refused login will not get better).
  if pg_isready --version >/dev/null 2>&1; then
    wait_for "the server in ARCHIVE_POSTGRES ($described)" pg_isready -q \
      || die "ARCHIVE_POSTGRES is set but its server does not answer; fix it or unset it to provision a local server"
  fi
  connections=$(psql -X -tAc 'show max_connections' 2>&1) \
    || die "ARCHIVE_POSTGRES is set but logging in fails ($described): $connections"
  say "using existing server $host:$port as it is (from ARCHIVE_POSTGRES; max_connections $connections)"
  finish "$ARCHIVE_POSTGRES" "$connections"
fi

# ---- b. a server that already lets the archive role in: used as it is ------------------------------------------
if [ -z "$MODE" ] && answers 127.0.0.1 5432; then
  connections=$(max_connections_of 127.0.0.1 5432)
  say "using existing server 127.0.0.1:5432 as it is (max_connections ${connections:-unknown})"
  finish "$(connection 127.0.0.1 5432)" "$connections"
fi

# ---- c. a private server from the installed binaries -------------------------------------------------------------
bindir=$(find_bindir)
if [ -n "$bindir" ]; then private_server "$bindir"; fi

# ---- d. docker compose, in a container of its own ---------------------------------------------------------------
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then compose_server; fi

# ---- e. install PostgreSQL (root with apt-get), else say what is missing -----------------------------------------
if $IS_ROOT && command -v apt-get >/dev/null; then
  install_postgresql
  bindir=$(find_bindir)
  [ -n "$bindir" ] || die "PostgreSQL was installed but no initdb was found"
  private_server "$bindir"
fi

die "no PostgreSQL found. Install it (Debian/Ubuntu: sudo apt-get install postgresql-15), or start a Docker engine, or set ARCHIVE_POSTGRES to an Npgsql connection string, e.g. Host=127.0.0.1;Port=5432;Database=archive;Username=archive;Password=archive"
