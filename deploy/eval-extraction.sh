#!/usr/bin/env bash
# Measures the candidate-statement extractor on the labelled set (tests/Archive.Extraction.Tests/Data): recall,
# precision, exact-span F1, speaker, said-on and kind accuracy per shape and overall, development and held-out
# splits apart, and milliseconds per 1,000 words. Not part of deploy/test.sh; the extraction tests run a floor
# check on the development split instead.
#
#   deploy/eval-extraction.sh           # both splits, speed as the median of 20 passes
#   deploy/eval-extraction.sh --fast    # the development split only, one timing pass
#   deploy/eval-extraction.sh --show seed-000   # a development document's candidates beside its labels
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
project=tests/Archive.Extraction.Eval/Archive.Extraction.Eval.csproj
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly >"$log" 2>&1; then cat "$log" >&2; exit 1; fi
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tests || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%d)"
dotnet tests/Archive.Extraction.Eval/bin/Release/net10.0/Archive.Extraction.Eval.dll "$@"
