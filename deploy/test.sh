#!/usr/bin/env bash
# Provisions PostgreSQL, builds the solution, runs every test project, and ends with one line:
#   N passed, N failed, N skipped
# (totals over the TRX reports of all test projects). Exits non-zero when the build fails, a test fails, a test
# project crashes or times out, or no test ran.
#
#   deploy/test.sh                                        # everything
#   deploy/test.sh --filter-class 'Archive.Domain.Tests.*' # extra arguments go to `dotnet test`
#
# Settings: TEST_TIMEOUT (default 25m: a hung run fails instead of running forever),
#           TEST_RESULTS (directory for the TRX reports and logs; default TestResults/test-sh).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
solution=Archive.sln

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

summary() { echo "$1 passed, $2 failed, $3 skipped"; }
# 25m, 90s, 2h or plain seconds, as timeout(1) takes them
timeout_seconds() {
  local value=${1%[smhd]} unit=${1: -1}
  case "$unit" in m) echo $((value * 60)) ;; h) echo $((value * 3600)) ;; d) echo $((value * 86400)) ;; *) echo "$value" ;; esac
}

results="${TEST_RESULTS:-$repo/TestResults/test-sh}"
mkdir -p "$results"
rm -f "$results"/*.trx "$results/build.log" "$results/test.log"

# The suite gets a private server of its own (created by deploy/postgres.sh with room for its connections), never
# a server someone else runs; a server named in ARCHIVE_POSTGRES is used as it is, and the suite sized to it.
if [ -z "${ARCHIVE_POSTGRES:-}" ]; then export ARCHIVE_PG_MODE="${ARCHIVE_PG_MODE:-private}"; fi
if ! source deploy/postgres.sh; then
  echo "test.sh: PostgreSQL could not be provisioned" >&2
  summary 0 1 0
  exit 1
fi
export ARCHIVE_POSTGRES
# The test projects run side by side, each with several silos and stores: together they need up to this many
# connections. A server that allows fewer gets one project at a time.
suite_connections=300
parallel_flags=()
if [[ "${ARCHIVE_PG_MAX_CONNECTIONS:-}" =~ ^[0-9]+$ ]] && [ "$ARCHIVE_PG_MAX_CONNECTIONS" -lt "$suite_connections" ]; then
  echo "test.sh: the server allows $ARCHIVE_PG_MAX_CONNECTIONS connections, fewer than the $suite_connections the test projects use together: running one test project at a time" >&2
  parallel_flags+=(--max-parallel-test-modules 1)
fi

# --- promtool (the /metrics test runs `promtool check metrics`; Debian ships it in the `prometheus` package) ---
if ! command -v promtool >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing promtool (Debian package prometheus)" >&2
  apt_install() { DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1; }
  apt_install || { timeout 300 apt-get update -qq >/dev/null 2>&1 && apt_install; } \
    || echo "test.sh: could not install the prometheus package; the /metrics test will fail" >&2
fi
if command -v promtool >/dev/null 2>&1; then export PROMTOOL="${PROMTOOL:-$(command -v promtool)}"; fi
# --- end promtool ---

# --- chromium (the workspace's browser tests drive Debian's chromium through Playwright, whose own download is not reachable) ---
if [ ! -x "${ARCHIVE_CHROMIUM:-/usr/bin/chromium}" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing chromium (Debian package chromium)" >&2
  chromium_install() { DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium >/dev/null 2>&1; }
  chromium_install || { timeout 300 apt-get update -qq >/dev/null 2>&1 && chromium_install; } \
    || echo "test.sh: could not install the chromium package; the workspace's browser tests will fail" >&2
fi
# --- end chromium ---

# CI leaves no build servers behind; on a developer machine they make the next build faster.
build_flags=()
if [ -n "${CI:-}" ]; then build_flags+=(-nodeReuse:false); fi

echo "test.sh: building $solution (Release)" >&2
if ! dotnet build "$solution" -c Release -nologo -v:q -clp:ErrorsOnly "${build_flags[@]}" >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "test.sh: the build failed"
  summary 0 1 0
  exit 1
fi
if [ -n "${CI:-}" ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi

timeout_after="${TEST_TIMEOUT:-25m}"
# The multi-process cluster tests run after the others, on their own: their silos' membership probes (2 s) and
# failover timings should not compete with every other test project for the machine's cores. The first run
# takes every other project of the solution, through a solution filter made from the solution's own list.
separate=tests/Archive.Cluster.Tests/Archive.Cluster.Tests.csproj
filter="$results/parallel-tests.slnf"
{
  printf '{ "solution": { "path": "%s", "projects": [' "$repo/$solution"
  dotnet sln "$solution" list | grep '\.csproj$' | grep -vxF "$separate" | sed 's|/|\\\\|g; s|.*|"&"|' | paste -sd, -
  printf '] } }\n'
} >"$filter"
echo "test.sh: running the tests (time limit $timeout_after; reports in $results)" >&2
started=$(date +%s)
set +e
timeout -k 30s "$timeout_after" \
  dotnet test --solution "$filter" -c Release --no-build "${parallel_flags[@]}" \
  --results-directory "$results" --report-xunit-trx "$@" 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}
remaining=$(( $(timeout_seconds "$timeout_after") - ($(date +%s) - started) ))
if [ "$status" -ne 124 ] && [ "$status" -ne 137 ] && [ "$remaining" -gt 0 ]; then
  timeout -k 30s "${remaining}s" \
    dotnet test --project "$separate" -c Release --no-build \
    --results-directory "$results" --report-xunit-trx "$@" 2>&1 | tee -a "$results/test.log"
  separate_status=${PIPESTATUS[0]}
  # a filter that selects nothing in this project is not a failure of the run
  if [ "$separate_status" -eq 8 ]; then separate_status=0; fi
  if [ "$status" -eq 0 ] || [ "$status" -eq 8 ]; then status=$separate_status; fi
fi
set -e

# Totals over every TRX report: one UnitTestResult element per test case, its outcome in an attribute.
shopt -s nullglob
trx=("$results"/*.trx)
shopt -u nullglob
read -r passed failed skipped < <(
  if [ ${#trx[@]} -eq 0 ]; then echo "0 0 0"; exit 0; fi
  awk '
    {
      line = $0
      while (match(line, /<UnitTestResult [^>]*>/)) {
        tag = substr(line, RSTART, RLENGTH)
        line = substr(line, RSTART + RLENGTH)
        outcome = match(tag, / outcome="[A-Za-z]*"/) ? substr(tag, RSTART + 10, RLENGTH - 11) : ""
        if (outcome == "Passed") passed++
        else if (outcome == "NotExecuted" || outcome == "Inconclusive" || outcome == "Pending") skipped++
        else failed++ # Failed, Error, Timeout, Aborted, ...
      }
    }
    END { print passed + 0, failed + 0, skipped + 0 }' "${trx[@]}"
)

if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "test.sh: the tests did not finish within $timeout_after (TEST_TIMEOUT) and were stopped"
fi
if [ "$status" -eq 8 ]; then
  echo "test.sh: dotnet test found no test to run (exit code 8)"
elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $status but no report names a failed test (a test project crashed, timed out or could not start): counted as one failure"
  failed=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  echo "test.sh: no test ran: counted as one failure"
  failed=1
fi
echo "test.sh: ${#trx[@]} TRX report(s) in $results" >&2
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
