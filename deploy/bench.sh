#!/usr/bin/env bash
# Benchmarks the archive against a raw PostgreSQL baseline measured in the same run, and reports every figure with
# its target: bench-results.json (one entry per figure) and bench-results.md in the repository root, and the
# markdown table on stdout.
#
#   deploy/bench.sh            # full sizes (1M statements for the read figures; tens of minutes)
#   deploy/bench.sh --quick    # smaller sizes; under 5 minutes on 2 cores
#   deploy/bench.sh --quick --only R,P1   # some groups only: R, P1, M1, P6, HTTP (P2-P5, P7), MEM
#   deploy/bench.sh --quick --profile P1  # also a CPU-sampling trace of scenario P1 (bench-traces/P1.nettrace) and
#                                         # its top frames by CPU (bench-traces/P1.top.txt), with dotnet-trace
#
# A missed target is printed as FAIL and does not change the exit code; only a crashed scenario (or a failed build)
# exits non-zero. Settings: BENCH_REPETITIONS (default 3; the figure is the median). Also: --keep (leave the
# benchmark's schemas in PostgreSQL), --scale FACTOR (every size times FACTOR), -h/--help (this text),
# --reads SCHEMA (only the P4 reads, against a schema an earlier run with the same sizes and --keep left).
set -euo pipefail

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
profiled=""
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    -h | --help) usage; exit 0 ;;
    --quick | --keep) ;;
    --only | --profile | --scale | --repository | --reads)
      next=$((i + 1))
      [ -n "${!next:-}" ] || { echo "bench.sh: ${!i} needs a value" >&2; usage >&2; exit 2; }
      [ "${!i}" = "--profile" ] && profiled="${!next}"
      i=$next ;;
    *) echo "bench.sh: unknown option '${!i}'" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."

source deploy/benchmarks.sh bench.sh

status=0
dotnet "$benchmarks" --repetitions "${BENCH_REPETITIONS:-3}" "$@" || status=$?

# The traced scenarios' top frames, exclusive (where the CPU was) and inclusive (what it was spent under).
if [ -n "$profiled" ]; then
  dotnet tool restore >/dev/null || { echo "bench.sh: dotnet tool restore failed; the traces are in bench-traces/" >&2; exit "$status"; }
  for name in ${profiled//,/ }; do
    trace="bench-traces/$name.nettrace"
    [ -f "$trace" ] || { echo "bench.sh: no trace of $name" >&2; continue; }
    { echo "# $name: top frames by exclusive CPU samples"; dotnet tool run dotnet-trace report "$trace" topN -n 30
      echo; echo "# $name: top frames by inclusive CPU samples"; dotnet tool run dotnet-trace report "$trace" topN -n 40 --inclusive
    } > "bench-traces/$name.top.txt" 2>&1 || echo "bench.sh: dotnet-trace report failed for $name (see bench-traces/$name.top.txt)" >&2
    echo "bench.sh: $name's top frames: bench-traces/$name.top.txt" >&2
  done
fi
exit "$status"
