#!/usr/bin/env bash
# `make bench`: every performance figure of zorgcap in one go, for this tree's binary and, beside it,
# the binary of BASE (default HEAD~1, built once in a cached work tree as scripts/guard-outputs.sh
# does), so that a regression shows.
#
#   scripts/bench.sh [BASE]
#
# 1. One hyperfine run (whole processes, baseline scenario): zorgcap HTML + PDF, every format, and
#    HTML + PDF with --montecarlo 100000, for both binaries, and the ReportLab and Typst peers when
#    they are installed beside the repository (../shared/bench/peers/, or $ZORGCAP_PEERS). Without
#    them the zorgcap figures are printed with a note that the peers are absent.
# 2. Peak memory (getrusage) of one report.
# 3. Full-model evaluations per second of the sampling path (zorgcap_bench).
# 4. A batch of generated scenarios (bench/generate_scenarios.py), HTML + PDF + JSON, --jobs 2: reports
#    per second, and how the cost grows from 10 to 100 to $ZORGCAP_BENCH_BATCH (1000) scenarios.
# 5. How a report's cost grows with 10k, 100k and 1M Monte Carlo draws.
#
# The machine may be shared: compare figures of one run with each other (ratios), not with another
# run's. Environment: ZORGCAP_BENCH_RUNS (hyperfine runs per command, 10), ZORGCAP_BENCH_BATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=HEAD~1
case "${1:-}" in
  -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
  -*) echo "bench: unknown option $1" >&2; exit 2 ;;
  ?*) base=$1 ;;
esac
runs=${ZORGCAP_BENCH_RUNS:-10}
batch=${ZORGCAP_BENCH_BATCH:-1000}
peers=${ZORGCAP_PEERS:-$root/../shared/bench/peers}
python=/usr/bin/python3
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

# shellcheck source=scripts/lib/base-build.sh
. scripts/lib/base-build.sh
commit=$(git rev-parse --verify "$base^{commit}")
short=$(git rev-parse --short "$commit")
echo "== building this tree and $short (cached in build/guard/)"
make --no-print-directory build >/dev/null
cmake --build build -j 1 --target zorgcap_bench >/dev/null 2>&1 || true
base_build "$commit" zorgcap zorgcap_bench

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# side NAME: the source folder and build folder of "new" (this tree) or "old" (BASE).
src_of() { if [ "$1" = new ]; then echo "$root"; else echo "$base_cache/src"; fi; }
bin_of() { if [ "$1" = new ]; then echo "$root/build"; else echo "$base_cache/build"; fi; }
report_cmd() {  # report_cmd SIDE OUT ARGS...: a whole `zorgcap report` with that side's inputs
  local side=$1 out=$2
  shift 2
  local src
  src=$(src_of "$side")
  echo "$(bin_of "$side")/zorgcap report --inputs $src/inputs --templates $src/templates --out $work/$out $*"
}

# ---- 1. whole processes, in one hyperfine run
cmds=()
for side in new old; do
  label=$([ "$side" = new ] && echo "this tree" || echo "$short")
  cmds+=(-n "zorgcap $label: HTML + PDF" "$(report_cmd "$side" "$side-hp" --scenario baseline --format html,pdf)")
  cmds+=(-n "zorgcap $label: every format" "$(report_cmd "$side" "$side-all" --scenario baseline)")
  cmds+=(-n "zorgcap $label: HTML + PDF, --montecarlo 100000"
         "$(report_cmd "$side" "$side-mc" --scenario baseline --format html,pdf --montecarlo 100000)")
done
peer_note=""
if [ -f "$peers/python_reportlab.py" ] && [ -f "$peers/typst_compile.py" ] && [ -f "$peers/tables.json" ]; then
  for peer in python_reportlab typst_compile; do
    cmd="$python $peers/$peer.py $peers/tables.json $work/peer-$peer"
    if $cmd >/dev/null 2>&1; then
      cmds+=(-n "peer: $peer" "$cmd")
    else
      peer_note+="peer $peer is installed but does not run (run $peers/setup.sh as root); "
    fi
  done
else
  peer_note="the peers are absent (no $peers/): only zorgcap's figures are shown; "
fi
echo "== whole processes, baseline scenario, $runs runs each ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
hyperfine -N --warmup 1 --runs "$runs" --style none --export-json "$work/wall.json" "${cmds[@]}" >/dev/null
$python - "$work/wall.json" "$short" "$peer_note" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
short, note = sys.argv[2], sys.argv[3]
med = lambda name: res[name]["median"] if name in res else None
# CPU time (user + system, mean) beside the wall time: on a shared machine the wall time of a
# process that uses a second thread depends on whether another process holds that core.
cpu = lambda name: res[name]["user"] + res[name]["system"] if name in res else None
print(f"{'':52} {'median':>9} {'mean ± sd':>18} {'cpu':>9}")
for name, r in res.items():
    print(f"{name:52} {r['median']*1000:7.1f}ms {r['mean']*1000:9.1f} ± {r['stddev']*1000:5.1f}ms {cpu(name)*1000:7.1f}ms")
for side in ("this tree", short):
    hp, allf, mc = (med(f"zorgcap {side}: {k}") for k in ("HTML + PDF", "every format", "HTML + PDF, --montecarlo 100000"))
    line = f"zorgcap {side}: every format / HTML + PDF = {allf / hp:.2f} (goal ≤ 1.5); --montecarlo 100000 adds {(mc - hp) * 1000:.0f} ms (goal ≤ 150)"
    rl, ty = med("peer: python_reportlab"), med("peer: typst_compile")
    if rl:
        hp_cpu, rl_cpu = cpu(f"zorgcap {side}: HTML + PDF"), cpu("peer: python_reportlab")
        line += f"; ReportLab / zorgcap HTML + PDF = {rl / hp:.1f}× wall, {rl_cpu / hp_cpu:.1f}× cpu (goal ≥ 20)"
    if ty: line += f"; Typst / zorgcap = {ty / hp:.1f}×"
    print(line)
if note: print("note: " + note.rstrip("; "))
PY

# ---- 2. peak memory of one report
rss() {  # rss CMD...: peak resident set size of the command, in MiB
  $python -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f}")' "$@"
}
echo "== peak memory of one report (baseline), MiB (goal ≤ 20)"
printf '%-30s %12s %12s\n' "" "this tree" "$short"
for what in "HTML + PDF|--format html,pdf" "every format|"; do
  # shellcheck disable=SC2086
  printf '%-30s %12s %12s\n' "${what%%|*}" "$(rss $(report_cmd new rss-new --scenario baseline ${what#*|}))" \
    "$(rss $(report_cmd old rss-old --scenario baseline ${what#*|}))"
done

# ---- 3. the sampling path
evals() {  # evals SIDE: full-model evaluations per second (zorgcap_bench), or n/a
  local b
  b=$(bin_of "$1")/zorgcap_bench
  [ -x "$b" ] || { echo n/a; return; }
  (cd "$(src_of "$1")" && "$b" --benchmark_filter=BM_EvaluateSamplingPath --benchmark_format=json 2>/dev/null) |
    $python -c 'import json, sys
rate = json.load(sys.stdin)["benchmarks"][0]["evaluations_per_second"]
print(f"{rate:,.0f}")' 2>/dev/null || echo n/a
}
echo "== sampling path: full-model evaluations per second, one core (goal ≥ 1,000,000)"
printf '%-30s %12s %12s\n' "" "this tree" "$short"
printf '%-30s %12s %12s\n' "evaluations/s" "$(evals new)" "$(evals old)"

# ---- 4. batches of generated scenarios, and 5. Monte Carlo draws: how the cost grows
seconds() {  # seconds CMD...: wall time of one run
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null
  e=$(date +%s%N)
  echo $(((e - s) / 1000))e-6
}
fastest() {  # fastest RUNS CMD...: the shortest wall time of RUNS runs (the least disturbed by others)
  local n=$1 i best=
  shift
  for ((i = 0; i < n; i++)); do best+=" $(seconds "$@")"; done
  echo "$best" | tr ' ' '\n' | sed '/^$/d' | sort -g | head -n 1
}
batch_run() {  # batch_run SIDE N: seconds for N generated scenarios (+ the baseline), HTML + PDF + JSON
  local side=$1 n=$2 in=$work/in-$1-$2
  rm -rf "$in" "$work/out-$side-$n"
  cp -r "$(src_of "$side")/inputs" "$in"
  rm -f "$in"/scenarios/*.yaml
  $python bench/generate_scenarios.py "$in" "$n" 1 >/dev/null
  seconds "$(bin_of "$side")/zorgcap" report --inputs "$in" --templates "$(src_of "$side")/templates" \
    --out "$work/out-$side-$n" --jobs 2 --format html,pdf,json
  rm -rf "$in" "$work/out-$side-$n"
}
echo "== batch: generated scenarios + the baseline, HTML + PDF + JSON, --jobs 2 (goal ≥ 100 reports/s)"
printf '%-12s %14s %14s %12s %14s %14s %12s\n' scenarios "this tree: s" "reports/s" "ms/report" "$short: s" "reports/s" "ms/report"
for n in 10 100 "$batch"; do
  tn=$(batch_run new "$n")
  to=$(batch_run old "$n")
  awk -v n="$((n + 1))" -v a="$tn" -v b="$to" 'BEGIN {
    printf "%-12d %14.2f %14.1f %12.2f %14.2f %14.1f %12.2f\n", n - 1, a, n / a, 1000 * a / n, b, n / b, 1000 * b / n }'
done
echo "== Monte Carlo: one report (baseline, JSON) with N draws, minus the same report without (fastest of 5 runs; 1M: 1 run)"
printf '%-12s %14s %12s %14s %12s\n' draws "this tree: s" "µs/draw" "$short: s" "µs/draw"
declare -A zero
for side in new old; do zero[$side]=$(fastest 5 $(report_cmd "$side" "mc0-$side" --scenario baseline --format json)); done
for n in 10000 100000 1000000; do
  r=$((n < 1000000 ? 5 : 1))
  tn=$(fastest "$r" $(report_cmd new "mc-new" --scenario baseline --format json --montecarlo "$n"))
  to=$(fastest "$r" $(report_cmd old "mc-old" --scenario baseline --format json --montecarlo "$n"))
  awk -v n="$n" -v a="$tn" -v a0="${zero[new]}" -v b="$to" -v b0="${zero[old]}" 'BEGIN {
    printf "%-12d %14.3f %12.2f %14.3f %12.2f\n", n, a - a0, 1e6 * (a - a0) / n, b - b0, 1e6 * (b - b0) / n }'
done
echo "(growth is linear when ms/report and µs/draw stay level down each column)"
