#!/usr/bin/env bash
# Generates COUNT scenario files (every ranged parameter drawn uniformly within its range, the
# others as in the baseline) and runs them all with --jobs 2, writing HTML, PDF and JSON.
# Prints reports per second and peak memory. Usage: bench/batch_bench.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/zorgcap}
COUNT=${1:-1000}
SEED=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r inputs "$work/inputs"
rm -f "$work/inputs/scenarios/"*.yaml
/usr/bin/python3 bench/generate_scenarios.py "$work/inputs" "$COUNT" "$SEED"
start=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/rss" "$BIN" report --inputs "$work/inputs" --out "$work/out" --jobs 2 --format html,pdf,json >/dev/null
end=$(date +%s%N)
reports=$(find "$work/out" -mindepth 1 -maxdepth 1 -type d | wc -l)
awk -v s="$start" -v e="$end" -v n="$reports" -v rss="$(cat "$work/rss")" 'BEGIN {
  t = (e - s) / 1e9
  printf "%d reports (HTML + PDF + JSON) in %.1f s with --jobs 2: %.1f reports per second, peak memory %.1f MB\n", n, t, n / t, rss / 1024 }'
