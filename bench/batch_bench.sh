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
/usr/bin/python3 - "$work/inputs" "$COUNT" "$SEED" <<'PY'
import random, re, sys
inputs, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = open(f"{inputs}/baseline.yaml", encoding="utf-8").read()
# The ranged parameters: a key line followed (within its block) by min: and max: lines.
ranges = []
for m in re.finditer(r"^  ([a-z0-9_.]+):\n((?:    .*\n)+)", text, re.M):
    lo = re.search(r"^    min: (\S+)$", m.group(2), re.M)
    hi = re.search(r"^    max: (\S+)$", m.group(2), re.M)
    if lo and hi:
        ranges.append((m.group(1), float(lo.group(1)), float(hi.group(1))))
rng = random.Random(seed)
for i in range(count):
    lines = [f"scenario: bench-{i:04d}", "extends: baseline", "description: benchmark draw", "parameters:"]
    for key, lo, hi in ranges:
        lines += [f"  {key}:", f"    value: {rng.uniform(lo, hi):.6f}", "    assumption: \"benchmark: uniform draw within the report's range\""]
    open(f"{inputs}/scenarios/bench-{i:04d}.yaml", "w", encoding="utf-8").write("\n".join(lines) + "\n")
print(f"generated {count} scenarios drawing {len(ranges)} ranged parameters each")
PY
start=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/rss" "$BIN" report --inputs "$work/inputs" --out "$work/out" --jobs 2 --format html,pdf,json >/dev/null
end=$(date +%s%N)
reports=$(find "$work/out" -mindepth 1 -maxdepth 1 -type d | wc -l)
awk -v s="$start" -v e="$end" -v n="$reports" -v rss="$(cat "$work/rss")" 'BEGIN {
  t = (e - s) / 1e9
  printf "%d reports (HTML + PDF + JSON) in %.1f s with --jobs 2: %.1f reports per second, peak memory %.1f MB\n", n, t, n / t, rss / 1024 }'
