#!/usr/bin/env bash
# Soak: the real API (co-hosting its silo) under a sustained, moderate mixed load for MINUTES — writers recording,
# verifying and amending statements, searches, timeline and statement reads, change-feed readers — with the API's
# memory (RSS, GC heap), threads, PostgreSQL connections, events appended, projection lag and per-operation latency
# sampled every 10 s. Not part of deploy/test.sh. Writes soak-results.json and soak-results.md in the repository root.
#
#   deploy/soak.sh 30                                   # 30 minutes at 50 writes/s and 50 reads/s
#   deploy/soak.sh 10 --writes-per-second 20 --keep     # other rates; keep the schema afterwards
#
# Options after MINUTES: --writes-per-second N (50), --reads-per-second N (50), --actors N (200), --feed-readers N (2),
# --sample-seconds N (10), --warmup-seconds N (60, excluded from the memory verdict), --keep (do not drop the schema).
#
# Exit 0: the run completed, memory stayed flat, no request failed and every feed reader saw every event exactly once
# in order. Exit 1: memory grew, a request failed, a feed reader missed or repeated an event, or the run crashed.
# Exit 2: usage (MINUTES missing, not a number, or too short for a warm-up and three samples).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }
[ $# -ge 1 ] || usage
minutes="$1"; shift
[[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "soak.sh: MINUTES must be a number, not '$minutes'" >&2; usage; }

source deploy/benchmarks.sh soak.sh

exec dotnet "$benchmarks" --soak "$minutes" "$@"
