#!/usr/bin/env bash
# Provisions PostgreSQL, builds, runs every test project, and prints "N passed, N failed" as its last line.
# Extra arguments go to `dotnet test` (e.g. --filter-class, --project tests/Archive.Domain.Tests/...).
set -euo pipefail
cd "$(dirname "$0")/.."

source deploy/postgres.sh
export ARCHIVE_POSTGRES

results="${TEST_RESULTS:-$(mktemp -d)}"
mkdir -p "$results"
log="$results/dotnet-test.log"

echo "build: dotnet build Archive.sln -c Release" >&2
if ! dotnet build Archive.sln -c Release -nologo -clp:ErrorsOnly > "$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
timeout "${TEST_TIMEOUT:-25m}" dotnet test --solution Archive.sln -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?
# MTP prints one summary for the whole run: total / failed / succeeded / skipped.
read -r passed failed skipped < <(awk '
  /^[[:space:]]*failed:/    { f = $2 }
  /^[[:space:]]*succeeded:/ { p = $2 }
  /^[[:space:]]*skipped:/   { s = $2 }
  END { print (p == "" ? 0 : p), (f == "" ? 0 : f), (s == "" ? 0 : s) }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi     # a crash or time-out counts as a failure
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi    # running no test is not a pass
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
