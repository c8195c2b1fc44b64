# Sourced by deploy/postgres.sh (not run on its own): the servers that script creates and may therefore start,
# restart and reconfigure (a private server from the installed binaries, a compose container), and the installation
# of PostgreSQL itself. Uses postgres.sh's settings and helpers (say, die, as_pg, detached, wait_for, finish, ...).

# Marks a data directory as created by this script; nothing else ever gets started or changed by it.
MARK=archive-private-server
# How an earlier version of this script marked its data directories (inside postgresql.conf).
LEGACY_MARK="# deploy/postgres.sh: a private server for the archive"

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

# Ports of the Debian clusters, running or not: a stopped cluster still starts on its port at the next boot.
debian_ports() { if command -v pg_lsclusters >/dev/null; then pg_lsclusters -h 2>/dev/null | awk '{ print $3 }'; fi; }
port_claimed() { port_in_use "$1" || debian_ports | grep -qxF "$1"; }

# A port for our server: ARCHIVE_PG_PORT, else the first from 5433 that nobody uses or claims (5432 is left to the
# machine's own server).
free_port() {
  if [ -n "${ARCHIVE_PG_PORT:-}" ]; then
    [[ "$ARCHIVE_PG_PORT" =~ ^[0-9]+$ ]] || die "ARCHIVE_PG_PORT must be a port number"
    port_in_use "$ARCHIVE_PG_PORT" && die "ARCHIVE_PG_PORT=$ARCHIVE_PG_PORT is already in use"
    echo "$ARCHIVE_PG_PORT"
    return
  fi
  local port
  for ((port = 5433; port <= 5499; port++)); do
    port_claimed "$port" || { echo "$port"; return; }
  done
  die "ports 5433-5499 are all in use or belong to Debian clusters; set ARCHIVE_PG_PORT"
}

private_data_dir() {
  local data fallback
  data=$(realpath -m "${ARCHIVE_PG_DATA:-$repo/.data/pg}")
  fallback="/var/tmp/archive-pg-$(printf '%s' "$repo" | sha256sum | cut -c1-12)"
  if [ -z "${ARCHIVE_PG_DATA:-}" ]; then
    if $IS_ROOT && ! runuser -u postgres -- test -x "$repo" 2>/dev/null; then
      data=$fallback # the postgres user cannot reach the repository
    elif [ ${#data} -gt 90 ]; then # the server's socket lives in the data directory: keep its path short
      data=$fallback
    fi
  fi
  echo "$data"
}

# Creates (initdb) or adopts the private server's data directory; refuses one this script did not create.
private_data_ready() {
  local data=$1 bindir=$2
  if [ -e "$data" ] && ! { [ -r "$data" ] && [ -x "$data" ]; }; then die "cannot read $data; choose another ARCHIVE_PG_DATA"; fi
  if [ -f "$data/PG_VERSION" ]; then
    if [ ! -f "$data/$MARK" ]; then
      grep -qxF "$LEGACY_MARK" "$data/postgresql.conf" 2>/dev/null \
        || die "$data holds a PostgreSQL data directory that this script did not create (no $MARK file in it), so it is left as it is. Set ARCHIVE_PG_DATA to another directory, or remove $data if an interrupted first run left it"
      private_mark "$data"
    fi
    return
  fi
  if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then
    die "$data is neither empty nor a PostgreSQL data directory, so it is left as it is; choose another ARCHIVE_PG_DATA"
  fi
  local parent; parent=$(dirname "$data")
  while [ ! -d "$parent" ]; do parent=$(dirname "$parent"); done
  if $IS_ROOT && ! runuser -u postgres -- test -x "$parent" 2>/dev/null; then
    die "the postgres user cannot reach $parent; choose another ARCHIVE_PG_DATA"
  fi
  mkdir -p "$data"
  if $IS_ROOT; then chown postgres: "$data"; fi
  chmod 700 "$data"
  # Superuser only through the socket inside the (mode 700) data directory; TCP needs a password.
  local locale=C.UTF-8
  locale -a 2>/dev/null | grep -ixE 'c\.utf-?8' >/dev/null || locale=C
  as_pg "$bindir/initdb" -D "$data" -U postgres -E UTF8 --locale="$locale" \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  private_mark "$data"
}

private_mark() {
  as_pg sh -c 'printf "%s\n" "$2" >"$1"' sh "$1/$MARK" \
    "Created by deploy/postgres.sh of $repo, which may start, restart and reconfigure this server (and no other)."
}

private_port() { sed -n 's/^port = \([0-9][0-9]*\).*/\1/p' "$1/postgresql.conf" | tail -n 1; }

# A private server of our own, from the installed binaries. Ends the script.
private_server() {
  local bindir=$1 data log port how connections
  if $IS_ROOT && ! id postgres >/dev/null 2>&1; then
    die "running as root, but there is no 'postgres' OS user to run a private server as (initdb refuses root)"
  fi
  data=$(private_data_dir)
  log="$data.log"
  how="created by this script earlier"
  [ -f "$data/PG_VERSION" ] || how="created by this script just now"
  private_data_ready "$data" "$bindir"
  # The binaries of the data directory's own major version, when an upgrade installed newer ones beside them.
  local version; version=$(cat "$data/PG_VERSION")
  if [ -x "/usr/lib/postgresql/$version/bin/pg_ctl" ]; then bindir="/usr/lib/postgresql/$version/bin"; fi
  export PATH="$bindir:$PATH" # pg_isready and psql of the same version

  port=$(private_port "$data")
  if [ -z "$port" ]; then
    port=$(free_port)
    as_pg sh -c 'cat >>"$1"' sh "$data/postgresql.conf" <<EOF

# deploy/postgres.sh: settings of the archive's private server
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = $MIN_CONNECTIONS
EOF
  fi

  if as_pg "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    wait_for "the private server in $data" ready 127.0.0.1 "$port" || exit 1
    [[ "$how" == *earlier ]] && how="$how; running"
  else
    # (a port given in ARCHIVE_PG_PORT is kept even when a Debian cluster claims it: the user chose it)
    if port_in_use "$port" || { [ "$port" != "${ARCHIVE_PG_PORT:-}" ] && debian_ports | grep -qxF "$port"; }; then
      local taken=$port
      port=$(free_port)
      as_pg sed -i "s/^port = [0-9][0-9]*/port = $port/" "$data/postgresql.conf"
      how="$how; moved from port $taken, which another server uses or claims"
    fi
    touch "$log"
    if $IS_ROOT; then chown postgres: "$log"; fi
    detached as_pg "$bindir/pg_ctl" -D "$data" -l "$log" -w -t "$WAIT" start \
      || die "the private server in $data did not start; see $log"
    wait_for "the private server in $data" ready 127.0.0.1 "$port" || exit 1
    [[ "$how" == *earlier* ]] && how="$how; started it"
  fi

  local -a psql=(as_pg psql -X -q -tA -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres -d postgres)
  install_rum "$version"
  # Role and database when missing (as the superuser, through the socket), then the setting in force.
  connections=$("${psql[@]}" <<SQL
select 'create role $USER_NAME login password ''$USER_PASSWORD'' createdb' where not exists (select from pg_roles where rolname = '$USER_NAME') \gexec
select 'create database $DATABASE owner $USER_NAME' where not exists (select from pg_database where datname = '$DATABASE') \gexec
show max_connections
SQL
  )
  if [ "$connections" -lt "$MIN_CONNECTIONS" ]; then
    "${psql[@]}" -c "alter system set max_connections = $MIN_CONNECTIONS" >/dev/null
    detached as_pg "$bindir/pg_ctl" -D "$data" -l "$log" -w -t "$WAIT" restart \
      || die "the private server in $data did not restart; see $log"
    wait_for "the private server in $data" ready 127.0.0.1 "$port" || exit 1
    how="$how; raised max_connections from $connections (restarted it)"
    connections=$("${psql[@]}" -c "show max_connections")
  fi
  wait_for "role $USER_NAME on the private server" answers 127.0.0.1 "$port" || exit 1
  # Search's RUM index needs the extension in the database, and creating it needs a superuser (the archive's role is not).
  if [ -f "$(pg_sharedir "$bindir")/extension/rum.control" ]; then
    as_pg psql -X -q -tA -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres -d "$DATABASE" >/dev/null <<'SQL' \
      || say "could not create the RUM extension in database $DATABASE: searches will rank every match"
select 'create extension rum' where not exists (select from pg_extension where extname = 'rum') \gexec
SQL
  fi
  say "using private server $data on 127.0.0.1:$port ($how; max_connections $connections)"
  finish "$(connection 127.0.0.1 "$port")" "$connections"
}

# The compose service postgres, in a container this script created (its id is kept in .data). Ends the script.
compose_server() {
  local -a compose
  if docker compose version >/dev/null 2>&1; then compose=(docker compose)
  elif command -v docker-compose >/dev/null; then compose=(docker-compose)
  else die "docker answers but has no compose command; install the docker compose plugin, or PostgreSQL (apt-get install postgresql-15)"
  fi
  local record="$repo/.data/compose-postgres.id" container how connections
  container_id() {
    (cd "$repo" && { "${compose[@]}" ps -a -q postgres 2>/dev/null || "${compose[@]}" ps -q postgres 2>/dev/null; }) </dev/null \
      | sed -n 1p || true
  }
  container=$(container_id)
  if [ -z "$container" ]; then
    port_in_use 5432 && die "the compose service postgres publishes 127.0.0.1:5432, which another server uses; set ARCHIVE_POSTGRES to use that server instead"
    local out
    out=$(cd "$repo" && "${compose[@]}" up -d --no-recreate postgres 2>&1 </dev/null 3>&- 9>&-) \
      || die "docker compose could not start postgres: $out"
    container=$(container_id)
    [ -n "$container" ] || die "docker compose started postgres, but no container of it is listed"
    mkdir -p "$repo/.data"
    echo "$container" >"$record"
    how="created by this script just now"
  elif [ "$container" = "$(cat "$record" 2>/dev/null)" ]; then
    how="created by this script earlier; running"
    if [ "$(docker inspect -f '{{.State.Running}}' "$container")" != true ]; then
      detached docker start "$container" || die "the postgres container $container did not start"
      how="created by this script earlier; started it"
    fi
  else
    die "a container of the compose service postgres ($container) exists that this script did not create, so it is left as it is. Start it yourself (docker compose start postgres) and set ARCHIVE_POSTGRES=$(connection 127.0.0.1 5432)"
  fi
  container_psql() { (cd "$repo" && "${compose[@]}" exec -T postgres psql -X -U "$USER_NAME" -d "$DATABASE" -tAc "$1" </dev/null); }
  container_ready() { if have_psql; then answers 127.0.0.1 5432; else container_psql 'select 1' >/dev/null 2>&1; fi; }
  wait_for "the postgres container" container_ready || exit 1
  if have_psql; then connections=$(max_connections_of 127.0.0.1 5432); else connections=$(container_psql 'show max_connections' || true); fi
  say "using private server: compose container ${container:0:12} on 127.0.0.1:5432 ($how; max_connections ${connections:-unknown})"
  finish "$(connection 127.0.0.1 5432)" "$connections"
}

online_clusters() { if command -v pg_lsclusters >/dev/null; then pg_lsclusters -h 2>/dev/null | awk '$4 == "online" { print $1, $2 }'; fi; }

# Installs PostgreSQL 15 (else the distribution's default). Debian's package creates and starts a cluster: that
# cluster is stopped again, as nothing ran before, and left installed for its owner to start.
install_postgresql() {
  local package=postgresql-15 before version name
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null 3>&- 9>&- || die "apt-get update failed"
  apt-cache show postgresql-15 >/dev/null 2>&1 || package=postgresql
  before=$(online_clusters)
  say "no PostgreSQL on this machine: installing the Debian package $package"
  apt-get install -y -qq "$package" </dev/null 3>&- 9>&- || die "apt-get install $package failed"
  while read -r version name; do
    [ -n "$version" ] || continue
    grep -qxF "$version $name" <<<"$before" && continue
    say "stopping the Debian cluster $version/$name, which installing $package started: it stays installed and stopped, and is not used"
    detached pg_ctlcluster "$version" "$name" stop || say "the Debian cluster $version/$name did not stop; stop it with: pg_ctlcluster $version $name stop"
  done < <(online_clusters)
}

pg_sharedir() { "$1/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$(basename "$(dirname "$1")")"; }

# The RUM extension (search reads its best matches in rank order from a RUM index; without it every match is
# ranked). Installed with apt when root and missing, but only a build that the installed server takes as it is:
# Debian's newest build may require a newer server package, and upgrading it under running servers makes every new
# backend of theirs fail to load any extension library until they are restarted — servers this script did not start.
install_rum() {
  local major=$1 package candidate version plan
  package="postgresql-$major-rum"
  [ -f "/usr/share/postgresql/$major/extension/rum.control" ] && return 0
  if ! $IS_ROOT || ! command -v apt-get >/dev/null; then
    say "the RUM extension is not installed (Debian: apt-get install $package as root); searches will rank every match"
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  # bounded like test.sh's own installs: a slow mirror costs search ranking, never the run
  if [ -z "$(apt-cache madison "$package" 2>/dev/null)" ]; then timeout 300 apt-get update -qq </dev/null 3>&- 9>&- || true; fi
  candidate=""
  for version in $(apt-cache madison "$package" 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }'); do
    # a build that installs alone: nothing upgraded, nothing else installed
    plan=$(apt-get install -s --no-install-recommends "$package=$version" 2>/dev/null </dev/null 3>&- 9>&-) || continue
    if [ "$(grep -c '^Inst ' <<<"$plan")" = 1 ] && grep -q "^Inst $package " <<<"$plan"; then candidate=$version; break; fi
  done
  if [ -z "$candidate" ]; then
    say "no build of $package installs without upgrading the PostgreSQL server package, which would break running servers until they restart; not installed: searches will rank every match (install it yourself, then restart the servers)"
    return 0
  fi
  say "installing the RUM extension for search ranking: $package $candidate"
  timeout 600 apt-get install -y -qq --no-install-recommends "$package=$candidate" </dev/null >/dev/null 3>&- 9>&- \
    || say "apt-get install $package=$candidate failed or took over 10 minutes; searches will rank every match"
}
