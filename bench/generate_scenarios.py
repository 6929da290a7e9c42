#!/usr/bin/python3
"""Writes COUNT scenario files into INPUTS/scenarios/: every ranged parameter of INPUTS/baseline.yaml
drawn uniformly within its range (seeded, so the same COUNT and SEED give the same files), the others
as in the baseline. Used by bench/batch_bench.sh and scripts/bench.sh.
usage: generate_scenarios.py INPUTS COUNT SEED"""
import random
import re
import sys

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
