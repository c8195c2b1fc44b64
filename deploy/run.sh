#!/usr/bin/env bash
# Starts the archive: provisions PostgreSQL, builds, and runs silo and HTTP API in one process.
# Imports seeds/ on start when they are not archived yet. Ctrl-C stops it cleanly.
# Settings: ARCHIVE_URLS (default http://127.0.0.1:5080), ARCHIVE_POSTGRES, ARCHIVE_SCHEMA, ARCHIVE_SEEDS.
# Arguments after -- go to the application.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

case "${1:-}" in
  --cluster) echo "run.sh: --cluster is not available yet; the archive runs as one process" >&2; exit 2 ;;
  --) shift ;;
  "") ;;
  *) echo "usage: deploy/run.sh [-- application arguments]" >&2; exit 2 ;;
esac

source deploy/postgres.sh
export ARCHIVE_POSTGRES
export ARCHIVE_URLS="${ARCHIVE_URLS:-http://127.0.0.1:5080}"
export ARCHIVE_SEEDS="${ARCHIVE_SEEDS:-$repo/seeds}"

echo "build: dotnet build src/Archive.Api -c Release" >&2
dotnet build src/Archive.Api -c Release -nologo -clp:ErrorsOnly -v:q >&2

echo "Statement Archive listening on $ARCHIVE_URLS (seeds: $ARCHIVE_SEEDS); Ctrl-C stops it." >&2
cd src/Archive.Api/bin/Release/net10.0
exec dotnet Archive.Api.dll "$@"
