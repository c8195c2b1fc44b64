#!/usr/bin/env bash
# Starts the Statement Archive: provisions PostgreSQL, builds, then runs silo and HTTP API in one process.
# The seeds are imported on start when they are not archived yet. Ctrl-C (or SIGTERM) stops it cleanly.
#
#   deploy/run.sh                       # listens on http://127.0.0.1:5080
#   deploy/run.sh -- --some-app-arg     # arguments after -- go to the application
#
# Settings: ARCHIVE_URLS (default http://127.0.0.1:5080), ARCHIVE_POSTGRES (default: provisioned by
# deploy/postgres.sh), ARCHIVE_SEEDS (default: the repository's seeds/), ARCHIVE_SCHEMA, DOTNET_ENVIRONMENT.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

app_args=()
case "${1:-}" in
  "") ;;
  --) shift; app_args=("$@") ;;
  --cluster)
    # Later: --cluster N starts N silos (and the API) against the same PostgreSQL.
    echo "run.sh: --cluster is not yet supported; the archive runs as one process for now" >&2
    exit 2 ;;
  -h | --help)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 0 ;;
  *)
    echo "usage: deploy/run.sh [-- application arguments]" >&2
    exit 2 ;;
esac

source deploy/postgres.sh
export ARCHIVE_POSTGRES
export ARCHIVE_URLS="${ARCHIVE_URLS:-http://127.0.0.1:5080}"
export ARCHIVE_SEEDS="${ARCHIVE_SEEDS:-$repo/seeds}"

echo "run.sh: building src/Archive.Api (Release)" >&2
dotnet build src/Archive.Api -c Release -nologo -v:q -clp:ErrorsOnly >&2

app_dir="$repo/src/Archive.Api/bin/Release/net10.0"
# The working directory stays the repository; settings files next to the assembly are still found.
export ASPNETCORE_CONTENTROOT="${ASPNETCORE_CONTENTROOT:-$app_dir}"
echo "Statement Archive: listening on $ARCHIVE_URLS (seeds: $ARCHIVE_SEEDS); Ctrl-C stops it."
exec dotnet "$app_dir/Archive.Api.dll" "${app_args[@]}"
