#!/usr/bin/env bash
# Provisions the PostgreSQL the archive uses, and exports ARCHIVE_POSTGRES (an Npgsql connection string).
#   source deploy/postgres.sh   # exports ARCHIVE_POSTGRES into the calling shell
#   bash deploy/postgres.sh     # prints the connection string as its last line
# In order: ARCHIVE_POSTGRES if set; a server on 127.0.0.1:5432 where role 'archive' can log in; the PostgreSQL
# installed on this machine (the Debian cluster, else the binaries with a private data directory); docker compose;
# else it stops and says what to install. Safe to run again: it creates only what is missing and never drops data.

_archive_pg() {
  local repo; repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local user=archive password=archive database=archive
  local default="Host=127.0.0.1;Port=5432;Database=$database;Username=$user;Password=$password"
  say() { echo "postgres: $*" >&2; }

  answers() { # host port
    command -v psql >/dev/null || return 1
    PGPASSWORD=$password PGCONNECT_TIMEOUT=3 psql -h "$1" -p "$2" -U $user -d $database -tAc 'select 1' >/dev/null 2>&1
  }
  wait_ready() { # host port what
    local deadline=$((SECONDS + 60))
    until pg_isready -h "$1" -p "$2" -q 2>/dev/null; do
      (( SECONDS < deadline )) || { say "$3 did not become ready within 60 s"; return 1; }
      sleep 0.5
    done
  }
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  ensure_role_and_db() { # psql args for a superuser connection
    local exists
    exists=$(as_postgres psql "$@" -tAc "select 1 from pg_roles where rolname='$user'")
    [ "$exists" = 1 ] || as_postgres psql "$@" -qc "create role $user login password '$password' createdb" >/dev/null
    exists=$(as_postgres psql "$@" -tAc "select 1 from pg_database where datname='$database'")
    [ "$exists" = 1 ] || as_postgres psql "$@" -qc "create database $database owner $user" >/dev/null
  }
  # The test suite runs several silos and stores at once; a server we run gets room for them.
  ensure_connections() { # restart-command, then psql args
    local restart=$1; shift
    local current; current=$(as_postgres psql "$@" -tAc "show max_connections")
    if [ "${current:-0}" -lt 300 ]; then
      as_postgres psql "$@" -qc "alter system set max_connections = 300" >/dev/null
      say "raising max_connections from $current to 300 (restart)"
      eval "$restart"
    fi
  }

  # 1. an explicit connection string
  if [ -n "${ARCHIVE_POSTGRES:-}" ]; then
    say "using ARCHIVE_POSTGRES"
    echo "$ARCHIVE_POSTGRES"; return 0
  fi

  # 2. a server already answering with the archive role
  if answers 127.0.0.1 5432; then
    say "using the server on 127.0.0.1:5432"
    echo "$default"; return 0
  fi

  # 3. the PostgreSQL installed here (installed first if this is a root Debian machine without one)
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! docker info >/dev/null 2>&1; then
    say "installing PostgreSQL from the Debian packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -n "$bindir" ]; then
    export PATH="$bindir:$PATH"
    local cluster
    cluster=$(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 { print $1 " " $2; exit }')
    if [ -n "$cluster" ] && [ "$(id -u)" = 0 ] && [ "${ARCHIVE_PG_MODE:-}" != private ]; then
      # shellcheck disable=SC2086
      set -- $cluster
      say "using the Debian cluster $1/$2"
      pg_ctlcluster "$1" "$2" start 2>/dev/null || true
      wait_ready 127.0.0.1 5432 "cluster $1/$2" || return 1
      ensure_role_and_db -p 5432
      ensure_connections "pg_ctlcluster $1 $2 restart && wait_ready 127.0.0.1 5432 'cluster $1/$2'" -p 5432
      echo "$default"; return 0
    fi

    # a private server: data under the repo (or under /var/tmp when the postgres user cannot reach the repo)
    local data="$repo/.data/pg" port=5432
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$repo" 2>/dev/null; then
      data="/var/tmp/archive-pg-$(echo "$repo" | sha256sum | cut -c1-12)"
      say "the postgres user cannot reach $repo; keeping the data in $data"
    fi
    [ -f "$data/port" ] && port=$(cat "$data/port")
    if ! pg_isready -h 127.0.0.1 -p "$port" -q 2>/dev/null || [ ! -f "$data/PG_VERSION" ]; then
      if [ ! -f "$data/PG_VERSION" ]; then
        (pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || ss -ltn 2>/dev/null | grep -q ':5432 ') && port=5433
        say "creating a private data directory in $data (port $port)"
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$data" && chmod 700 "$data"
        as_postgres "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
        echo "$port" > "$data/port.tmp" && mv "$data/port.tmp" "$data/port"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$data/port"
        printf "listen_addresses = '127.0.0.1'\nport = %s\nmax_connections = 300\nunix_socket_directories = '%s'\n" "$port" "$data" >> "$data/postgresql.conf"
      fi
      say "starting the private server on port $port"
      as_postgres "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
    fi
    wait_ready 127.0.0.1 "$port" "the private server" || return 1
    ensure_role_and_db -h 127.0.0.1 -p "$port" -U postgres -d postgres
    echo "Host=127.0.0.1;Port=$port;Database=$database;Username=$user;Password=$password"; return 0
  fi

  # 4. docker compose, where a Docker engine answers
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    say "starting the postgres service with docker compose"
    (cd "$repo" && docker compose up -d --wait postgres) >&2 || return 1
    echo "$default"; return 0
  fi

  say "no PostgreSQL found. Install it (Debian/Ubuntu: apt-get install postgresql), start Docker, or set ARCHIVE_POSTGRES to a connection string."
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  _archive_pg | tail -n 1
else
  ARCHIVE_POSTGRES="$(_archive_pg | tail -n 1)" && [ -n "$ARCHIVE_POSTGRES" ] || { echo "postgres: provisioning failed" >&2; return 1; }
  export ARCHIVE_POSTGRES
fi
