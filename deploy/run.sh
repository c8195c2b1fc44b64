#!/usr/bin/env bash
# Starts the Statement Archive: provisions PostgreSQL, builds, then runs it. The seeds are imported on start when
# they are not archived yet. Ctrl-C (or SIGTERM) stops it cleanly.
#
#   deploy/run.sh                       # one process (silo and HTTP API) on http://127.0.0.1:5080
#   deploy/run.sh --cluster N           # N silo processes + 1 API process on loopback, membership in PostgreSQL
#   deploy/run.sh -- --some-app-arg     # arguments after -- go to the application
#
# Settings: ARCHIVE_URLS (default http://127.0.0.1:5080), ARCHIVE_POSTGRES (default: provisioned by
# deploy/postgres.sh), ARCHIVE_SEEDS (default: the repository's seeds/), ARCHIVE_SCHEMA, DOTNET_ENVIRONMENT;
# with --cluster: ARCHIVE_CLUSTER_ID (default archive), silo i listens on 11110+i (silo) and 30000+i (gateway).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

app_args=()
silos=0
usage() { echo "usage: deploy/run.sh [--cluster N] [-- application arguments]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; app_args=("$@"); break ;;
    --cluster)
      [[ "${2:-}" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: --cluster needs a number of silos (1-99)" >&2; usage; }
      silos=$2; shift 2 ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    *) usage ;;
  esac
done

source deploy/postgres.sh
export ARCHIVE_POSTGRES
export ARCHIVE_URLS="${ARCHIVE_URLS:-http://127.0.0.1:5080}"
export ARCHIVE_SEEDS="${ARCHIVE_SEEDS:-$repo/seeds}"

echo "run.sh: building (Release)" >&2
dotnet build src/Archive.Host -c Release -nologo -v:q -clp:ErrorsOnly >&2
app_dir="$repo/src/Archive.Host/bin/Release/net10.0"
# The working directory stays the repository; settings files next to the assembly are still found.
export ASPNETCORE_CONTENTROOT="${ASPNETCORE_CONTENTROOT:-$app_dir}"

if [ "$silos" -eq 0 ]; then
  echo "Statement Archive: listening on $ARCHIVE_URLS (seeds: $ARCHIVE_SEEDS); Ctrl-C stops it."
  exec dotnet "$app_dir/Archive.Host.dll" "${app_args[@]}"
fi

dotnet build src/Archive.Silo -c Release -nologo -v:q -clp:ErrorsOnly >&2
silo_dll="$repo/src/Archive.Silo/bin/Release/net10.0/Archive.Silo.dll"
export ARCHIVE_CLUSTERING=postgres ARCHIVE_ADVERTISED_IP=127.0.0.1
logs="$repo/.archive/logs"
mkdir -p "$logs"
pids=()
stop() {
  trap - INT TERM EXIT
  [ -n "${api_pid:-}" ] && kill -TERM "$api_pid" 2>/dev/null
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap stop INT TERM EXIT
for i in $(seq 1 "$silos"); do
  ARCHIVE_SILO_PORT=$((11110 + i)) ARCHIVE_GATEWAY_PORT=$((30000 + i)) OTEL_SERVICE_NAME="archive-silo-$i" \
    dotnet "$silo_dll" >"$logs/silo-$i.log" 2>&1 &
  pids+=($!)
  echo "run.sh: silo $i (pid $!) on 127.0.0.1:$((11110 + i)), gateway $((30000 + i)); log $logs/silo-$i.log" >&2
done
echo "Statement Archive: $silos silos + API on $ARCHIVE_URLS (seeds: $ARCHIVE_SEEDS); Ctrl-C stops them all."
dotnet "$app_dir/Archive.Host.dll" "${app_args[@]}" &
api_pid=$!
# Whichever ends first (the API, or Ctrl-C) takes the others down with it.
wait "$api_pid"
