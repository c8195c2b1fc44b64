#!/usr/bin/env bash
# Benchmarks the archive against a raw PostgreSQL baseline measured in the same run, and reports every figure with
# its target: bench-results.json (one entry per figure) and bench-results.md in the repository root, and the
# markdown table on stdout.
#
#   deploy/bench.sh            # full sizes (1M statements for the read figures; tens of minutes)
#   deploy/bench.sh --quick    # smaller sizes; under 5 minutes on 2 cores
#   deploy/bench.sh --quick --only R,P1   # some groups only: R, P1, P6, HTTP (P2-P5, P7), MEM
#
# A missed target is printed as FAIL and does not change the exit code; only a crashed scenario (or a failed build)
# exits non-zero. Settings: BENCH_REPETITIONS (default 3; the figure is the median).
set -euo pipefail
cd "$(dirname "$0")/.."

source deploy/benchmarks.sh bench.sh

exec dotnet "$benchmarks" \
  --repetitions "${BENCH_REPETITIONS:-3}" "$@"
