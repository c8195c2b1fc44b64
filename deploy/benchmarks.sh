# Sourced by bench.sh and soak.sh (from the repository root): provisions PostgreSQL (exporting ARCHIVE_POSTGRES)
# and builds the API and the benchmark console in Release, or exits with one clear line. $1 names the caller.
script="$1"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# A private server (created by deploy/postgres.sh), never a server someone else runs, unless ARCHIVE_POSTGRES names one.
if [ -z "${ARCHIVE_POSTGRES:-}" ]; then export ARCHIVE_PG_MODE="${ARCHIVE_PG_MODE:-private}"; fi
if ! source deploy/postgres.sh; then
  echo "$script: PostgreSQL could not be provisioned" >&2
  exit 1
fi
export ARCHIVE_POSTGRES

echo "$script: building the API and the benchmarks (Release)" >&2
for project in src/Archive.Host tests/Archive.Benchmarks; do
  dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly >&2 || { echo "$script: building $project failed" >&2; exit 1; }
done

benchmarks=tests/Archive.Benchmarks/bin/Release/net10.0/Archive.Benchmarks.dll
