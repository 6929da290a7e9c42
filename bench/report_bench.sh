#!/usr/bin/env bash
# Times whole `zorgcap report` processes (one scenario), as a user runs them.
# Usage: bench/report_bench.sh [RUNS]   (after `make build`; BIN overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/zorgcap}
RUNS=${1:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

time_runs() {
  local label=$1 runs=$2
  shift 2
  "$BIN" "$@" --out "$out" >/dev/null  # warm the page cache
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$BIN" "$@" --out "$out" >/dev/null; done
  end=$(date +%s%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$runs" 'BEGIN { printf "%-55s %8.1f ms per run (%d runs)\n", l, (e - s) / n / 1e6, n }'
}

echo "zorgcap report, whole process, baseline scenario, on $(nproc) cores"
time_runs "HTML + PDF + JSON + CSV" "$RUNS" report --scenario baseline --format html,pdf,json,csv
time_runs "every format (+ XLSX, LaTeX, Markdown)" "$RUNS" report --scenario baseline
time_runs "HTML + PDF + JSON + CSV, --montecarlo 100000" 3 report --scenario baseline --format html,pdf,json,csv --montecarlo 100000
