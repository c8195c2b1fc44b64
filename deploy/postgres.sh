#!/usr/bin/env bash
# Provisions the PostgreSQL the archive uses and yields ARCHIVE_POSTGRES, an Npgsql connection string.
#
#   source deploy/postgres.sh   # exports ARCHIVE_POSTGRES into the calling shell
#   bash deploy/postgres.sh     # prints the connection string as its last stdout line (diagnostics on stderr)
#
# In order of preference:
#   a. ARCHIVE_POSTGRES already set: used as is (checked with psql when psql is installed);
#   b. a server on 127.0.0.1:5432 where role 'archive' (password 'archive') reaches database 'archive';
#   c. the PostgreSQL installed on this machine: the Debian cluster (root only), else a private server from the
#      installed binaries with its data in .data/pg (or /var/tmp/archive-pg-<hash> when the postgres user cannot
#      reach the repository), listening on 127.0.0.1:5432, or 5433.. when that port is taken;
#   d. `docker compose up -d postgres` where a Docker engine answers;
#   e. as root with apt-get and no PostgreSQL at all: `apt-get install postgresql`, then c; else it fails and says
#      what to install.
# Safe to run again: it creates only what is missing, never drops anything, and restarts only a server it manages
# (c), and only to raise max_connections to 300 (the test suite runs several silos and stores at once).
#
# Settings (all optional):
#   ARCHIVE_PG_MODE=debian    skip a and b: use the Debian cluster (then, if it is not usable, a private server)
#   ARCHIVE_PG_MODE=private   skip a and b and the Debian cluster: use (or create) the private server
#   ARCHIVE_PG_CLUSTER=V/NAME the Debian cluster to use (default: the one on port 5432, else the newest)
#   ARCHIVE_PG_PORT=N         port for a new private server (default: 5432, or the next free one up to 5442)
#   ARCHIVE_PG_DATA=DIR       data directory of the private server (default: .data/pg in the repository)
#   ARCHIVE_PG_WAIT=SECONDS   how long to wait for a server to accept connections (default 60)

# --- sourced: run the provisioning as its own process (so its error handling does not depend on the caller's
# shell options, and nothing leaks into the caller), then export the last line it printed.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  if _archive_pg_out="$(ARCHIVE_POSTGRES="${ARCHIVE_POSTGRES:-}" bash "${BASH_SOURCE[0]}")" && [ -n "$_archive_pg_out" ]; then
    ARCHIVE_POSTGRES="${_archive_pg_out##*$'\n'}"
    export ARCHIVE_POSTGRES
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
USER_NAME=archive
USER_PASSWORD=archive
DATABASE=archive
MIN_CONNECTIONS=300
WAIT="${ARCHIVE_PG_WAIT:-60}"
MODE="${ARCHIVE_PG_MODE:-}"
case "$MODE" in "" | debian | private) ;; *) echo "postgres: ARCHIVE_PG_MODE must be debian or private" >&2; exit 2 ;; esac
IS_ROOT=false
[ "$(id -u)" = 0 ] && IS_ROOT=true

say() { echo "postgres: $*" >&2; }
die() { say "$*"; exit 1; }
connection() { echo "Host=$1;Port=$2;Database=$DATABASE;Username=$USER_NAME;Password=$USER_PASSWORD"; }
finish() { echo "$1" >&3; exit 0; }

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

# Only one provisioning at a time on this machine (two test runs starting together would race on CREATE ROLE).
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/archive-postgres-$(id -u).lock"
  flock -w 300 9 || die "another deploy/postgres.sh has held the lock for 300 s"
fi

have_psql() { psql --version >/dev/null 2>&1; }
# Can role archive reach database archive over TCP? (host port [user password database])
answers() {
  have_psql || return 1
  PGPASSWORD="${4:-$USER_PASSWORD}" PGCONNECT_TIMEOUT=3 \
    psql -X -h "$1" -p "$2" -U "${3:-$USER_NAME}" -d "${5:-$DATABASE}" -tAc 'select 1' >/dev/null 2>&1
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

# Role and database, created only when missing. Arguments: psql connection options for a superuser.
ensure_role_and_db() {
  local -a psql=(as_pg psql -X -q -v ON_ERROR_STOP=1 "$@")
  if [ "$("${psql[@]}" -tAc "select 1 from pg_roles where rolname = '$USER_NAME'")" != 1 ]; then
    say "creating role $USER_NAME"
    "${psql[@]}" -c "create role $USER_NAME login password '$USER_PASSWORD' createdb"
  fi
  if [ "$("${psql[@]}" -tAc "select 1 from pg_database where datname = '$DATABASE'")" != 1 ]; then
    say "creating database $DATABASE owned by $USER_NAME"
    "${psql[@]}" -c "create database $DATABASE owner $USER_NAME"
  fi
}
# max_connections of at least 300, restarting the server when it is lower. Arguments: restart command as one
# string, then psql connection options for a superuser.
ensure_connections() {
  local restart=$1; shift
  local current
  current=$(as_pg psql -X -v ON_ERROR_STOP=1 "$@" -tAc "show max_connections")
  if [ "${current:-0}" -lt "$MIN_CONNECTIONS" ]; then
    say "raising max_connections from $current to $MIN_CONNECTIONS (restarts the server)"
    as_pg psql -X -q -v ON_ERROR_STOP=1 "$@" -c "alter system set max_connections = $MIN_CONNECTIONS"
    eval "$restart"
  fi
}

# ---- a. an explicit connection string -------------------------------------------------------------------------
if [ -n "${ARCHIVE_POSTGRES:-}" ] && [ -z "$MODE" ]; then
  if have_psql; then
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
    login_error=$(psql -X -tAc 'select 1' 2>&1 >/dev/null) \
      || die "ARCHIVE_POSTGRES is set but logging in fails ($described): $login_error"
    say "using ARCHIVE_POSTGRES ($described)"
  else
    say "using ARCHIVE_POSTGRES as given (psql is not installed, so it was not checked)"
  fi
  finish "$ARCHIVE_POSTGRES"
fi

# ---- b. a server that already lets the archive role in ---------------------------------------------------------
if [ -z "$MODE" ] && answers 127.0.0.1 5432; then
  say "using the server on 127.0.0.1:5432"
  finish "$(connection 127.0.0.1 5432)"
fi

# ---- c. the PostgreSQL installed on this machine ---------------------------------------------------------------
find_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  dir=$(pg_config --bindir 2>/dev/null || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  dir=$(command -v initdb 2>/dev/null || true)
  [ -n "$dir" ] && dirname "$dir"
  return 0
}

# The Debian cluster (pg_lsclusters / pg_ctlcluster from postgresql-common); needs root. Fails (returns 1) when it
# is not usable, so that the private server is tried.
debian_cluster() {
  $IS_ROOT && command -v pg_lsclusters >/dev/null && command -v pg_ctlcluster >/dev/null || return 1
  local line version name port status
  if [ -n "${ARCHIVE_PG_CLUSTER:-}" ]; then
    line=$(pg_lsclusters -h 2>/dev/null | awk -v want="$ARCHIVE_PG_CLUSTER" '$1 "/" $2 == want { print; exit }')
    [ -n "$line" ] || { say "no Debian cluster $ARCHIVE_PG_CLUSTER"; return 1; }
  else # the cluster on 5432 if there is one, else the newest
    line=$(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 { print; found = 1; exit } { last = $0 } END { if (!found && last != "") print last }')
    [ -n "$line" ] || { say "no Debian cluster exists"; return 1; }
  fi
  read -r version name port status _ <<<"$line"
  if [[ "$status" != online* ]]; then
    say "starting the Debian cluster $version/$name (port $port)"
    detached pg_ctlcluster "$version" "$name" start || { say "the cluster $version/$name did not start"; return 1; }
  else
    say "using the Debian cluster $version/$name (port $port)"
  fi
  wait_for "the cluster $version/$name" ready 127.0.0.1 "$port" || return 1
  ensure_role_and_db -p "$port" || return 1
  ensure_connections "detached pg_ctlcluster $version $name restart && wait_for 'the cluster $version/$name' ready 127.0.0.1 $port" \
    -p "$port" || return 1
  if ! wait_for "role $USER_NAME on 127.0.0.1:$port" answers 127.0.0.1 "$port"; then
    die "role $USER_NAME exists in cluster $version/$name but cannot log in to database $DATABASE over TCP with password '$USER_PASSWORD'. Fix it, e.g.: runuser -u postgres -- psql -p $port -c \"alter role $USER_NAME login password '$USER_PASSWORD'\" (or set ARCHIVE_POSTGRES)"
  fi
  finish "$(connection 127.0.0.1 "$port")"
}

# A private server of our own, from the installed binaries.
private_server() {
  local bindir=$1 data port log
  if $IS_ROOT && ! id postgres >/dev/null 2>&1; then
    die "running as root, but there is no 'postgres' OS user to run a private server as (initdb refuses root)"
  fi
  data="${ARCHIVE_PG_DATA:-$repo/.data/pg}"
  data=$(realpath -m "$data")
  local fallback
  fallback="/var/tmp/archive-pg-$(printf '%s' "$repo" | sha256sum | cut -c1-12)"
  if [ -z "${ARCHIVE_PG_DATA:-}" ]; then
    if $IS_ROOT && ! runuser -u postgres -- test -x "$repo" 2>/dev/null; then
      say "the postgres user cannot reach $repo; the private data directory is $fallback instead"
      data=$fallback
    elif [ ${#data} -gt 90 ]; then # the server's socket lives in the data directory: keep its path short
      say "$data is too long a path for a socket; the private data directory is $fallback instead"
      data=$fallback
    fi
  fi
  log="$data.log"
  local parent; parent=$(dirname "$data")
  while [ ! -d "$parent" ]; do parent=$(dirname "$parent"); done
  if $IS_ROOT && ! runuser -u postgres -- test -x "$parent" 2>/dev/null; then
    die "the postgres user cannot reach $parent; choose another ARCHIVE_PG_DATA"
  fi

  local marker="# deploy/postgres.sh: a private server for the archive"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating a private PostgreSQL data directory in $data"
    mkdir -p "$data"
    if $IS_ROOT; then chown postgres: "$data"; fi
    chmod 700 "$data"
    # Superuser only through the socket inside the (mode 700) data directory; TCP needs a password.
    local locale=C.UTF-8
    locale -a 2>/dev/null | grep -ixE 'c\.utf-?8' >/dev/null || locale=C
    as_pg "$bindir/initdb" -D "$data" -U postgres -E UTF8 --locale="$locale" \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  fi
  if ! grep -qxF "$marker" "$data/postgresql.conf"; then
    if [ -n "${ARCHIVE_PG_PORT:-}" ]; then
      port=$ARCHIVE_PG_PORT
      port_in_use "$port" && die "ARCHIVE_PG_PORT=$port is already in use"
    else
      port=5432
      while port_in_use "$port"; do
        port=$((port + 1))
        ((port <= 5442)) || die "ports 5432-5442 are all in use; set ARCHIVE_PG_PORT"
      done
    fi
    say "the private server will listen on 127.0.0.1:$port"
    as_pg sh -c 'cat >> "$1"' sh "$data/postgresql.conf" <<EOF

$marker
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = $MIN_CONNECTIONS
EOF
  fi
  port=$(sed -n 's/^port = \([0-9][0-9]*\).*/\1/p' "$data/postgresql.conf" | tail -n 1)
  [ -n "$port" ] || die "no 'port = N' line in $data/postgresql.conf"

  if ready 127.0.0.1 "$port"; then
    say "using the private server in $data (port $port)"
  elif as_pg "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1 && wait_for "the private server (running)" ready 127.0.0.1 "$port"; then
    say "using the private server in $data (port $port), which was starting"
  else
    say "starting the private server on 127.0.0.1:$port (log: $log)"
    touch "$log"
    if $IS_ROOT; then chown postgres: "$log"; fi
    detached as_pg "$bindir/pg_ctl" -D "$data" -l "$log" -w -t "$WAIT" start \
      || die "the private server did not start; see $log"
    wait_for "the private server" ready 127.0.0.1 "$port" || exit 1
  fi
  local -a superuser=(-h "$data" -p "$port" -U postgres -d postgres)
  ensure_role_and_db "${superuser[@]}"
  ensure_connections "detached as_pg '$bindir/pg_ctl' -D '$data' -l '$log' -w -t '$WAIT' restart && wait_for 'the private server' ready 127.0.0.1 $port" \
    "${superuser[@]}"
  wait_for "role $USER_NAME on the private server" answers 127.0.0.1 "$port" || exit 1
  finish "$(connection 127.0.0.1 "$port")"
}

bindir=$(find_bindir)
if [ -n "$bindir" ]; then
  export PATH="$bindir:$PATH" # pg_isready and psql of the same version
  if [ "$MODE" != private ]; then debian_cluster || true; fi # comes back only when the cluster is not usable
  private_server "$bindir"
fi

# ---- d. docker compose ------------------------------------------------------------------------------------------
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  say "starting the postgres service with docker compose"
  if docker compose version >/dev/null 2>&1; then
    (cd "$repo" && detached docker compose up -d --wait --wait-timeout "$WAIT" postgres) || die "docker compose could not start postgres"
  elif command -v docker-compose >/dev/null; then
    (cd "$repo" && detached docker-compose up -d postgres) || die "docker-compose could not start postgres"
  else
    die "docker answers but has no compose command; install the docker compose plugin, or PostgreSQL (apt-get install postgresql)"
  fi
  container_ready() {
    if have_psql; then answers 127.0.0.1 5432; else (cd "$repo" && docker compose exec -T postgres pg_isready -U "$USER_NAME" -d "$DATABASE" -q 2>/dev/null || docker-compose exec -T postgres pg_isready -U "$USER_NAME" -d "$DATABASE" -q); fi
  }
  wait_for "the postgres container" container_ready || exit 1
  finish "$(connection 127.0.0.1 5432)"
fi

# ---- e. install PostgreSQL (root with apt-get), else say what is missing -----------------------------------------
if $IS_ROOT && command -v apt-get >/dev/null; then
  say "no PostgreSQL on this machine: installing the Debian package postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null && apt-get install -y -qq postgresql </dev/null 3>&- 9>&- \
    || die "apt-get install postgresql failed"
  bindir=$(find_bindir)
  [ -n "$bindir" ] || die "postgresql was installed but no initdb was found"
  export PATH="$bindir:$PATH"
  if [ "$MODE" != private ]; then debian_cluster || true; fi
  private_server "$bindir"
fi

die "no PostgreSQL found. Install it (Debian/Ubuntu: sudo apt-get install postgresql), or start a Docker engine (docker compose up -d postgres), or set ARCHIVE_POSTGRES to an Npgsql connection string, e.g. Host=127.0.0.1;Port=5432;Database=archive;Username=archive;Password=archive"
