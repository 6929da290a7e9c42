#!/usr/bin/env bash
# Fuzzes zorgcap's input readers (yaml::parse, load_inputs, load_table_templates) with libFuzzer
# for SECONDS (default 60); see fuzz/README.md. Not part of `make test`.
#
#   bench/fuzz.sh [SECONDS]
#
# Builds build-fuzz/ with clang and ZORGCAP_FUZZ=ON (one job), fuzzes one process over a working
# corpus (build-fuzz/fuzz-work/corpus, seeded from fuzz/corpus/ and kept between runs), prints
# the statistics, copies any crash, hang, leak or out-of-memory input to fuzz/crashes/ and exits
# non-zero if there was one. Environment: ZORGCAP_FUZZ_BUILD (build folder), ZORGCAP_FUZZ_MAX_LEN
# (largest input in bytes, default 40000: the shipped baseline.yaml is about 30 KB).
set -euo pipefail

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds == 0)); then
  echo "usage: bench/fuzz.sh [SECONDS]   (default 60)" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${ZORGCAP_FUZZ_BUILD:-$root/build-fuzz}
max_len=${ZORGCAP_FUZZ_MAX_LEN:-40000}
work=$build/fuzz-work
crashes=$root/fuzz/crashes

# The project's Debian packages, and clang with libFuzzer (installed if missing, as root).
make -C "$root" --no-print-directory deps
"$root/scripts/install-deps.sh" clang libclang-rt-14-dev

mkdir -p "$work"
echo "== configuring $build (clang, ZORGCAP_FUZZ=ON)"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DZORGCAP_FUZZ=ON >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; exit 2; }
echo "== building zorgcap_input_loader_fuzz (-j1)"
cmake --build "$build" -j1 --target zorgcap_input_loader_fuzz >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log" >&2; exit 2; }

mkdir -p "$work/corpus"
# The target's temporary folders go under $work/tmp (TMPDIR), so one left by a killed run is
# removed here.
rm -rf "$work/artifacts" "$work/tmp"
mkdir -p "$work/artifacts" "$work/tmp"
cp "$root"/fuzz/corpus/* "$work/corpus/"
log=$work/fuzz-0.log
rm -f "$log"

echo "== fuzzing for ${seconds}s (one job, -max_len=$max_len, -timeout=10); log: $log"
status=0
# -jobs=1 runs one worker process whose output goes to fuzz-0.log in the current folder.
(cd "$work" && TMPDIR="$work/tmp" "$build/zorgcap_input_loader_fuzz" -jobs=1 -workers=1 -max_total_time="$seconds" \
  -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/fuzz-driver.log" 2>&1) || status=$?

# libFuzzer's final statistics (absent if the run ended in a crash: then the last status line).
final_stat() { grep -m1 "^stat::$1:" "$log" 2>/dev/null | awk '{print $2}'; }
last=$(grep -E '^#[0-9]+' "$log" 2>/dev/null | tail -n 1 || true)
executions=$(final_stat number_of_executed_units)
exec_per_s=$(final_stat average_exec_per_sec)
echo "== results"
echo "seconds:    $seconds"
echo "executions: ${executions:-$(sed -nE 's/^#([0-9]+).*/\1 (until the crash)/p' <<<"$last")}"
echo "exec/s:     ${exec_per_s:-$(sed -nE 's/.*exec\/s: ([0-9]+).*/\1/p' <<<"$last")}"
echo "coverage:   $(sed -nE 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([^ ]+).*/\1 edges, \2 features, corpus \3/p' <<<"$last")"
echo "new units:  $(final_stat new_units_added)"
echo "slowest:    $(final_stat slowest_unit_time_sec) s"
echo "peak RSS:   $(final_stat peak_rss_mb) MB"

shopt -s nullglob
found=("$work"/artifacts/{crash,timeout,leak,oom}-*)
echo "crashes:    ${#found[@]}"
if ((${#found[@]})); then
  mkdir -p "$crashes"
  cp "${found[@]}" "$crashes/"
  for f in "${found[@]}"; do echo "  fuzz/crashes/$(basename "$f")"; done
  grep -m1 -A 30 -E '^==[0-9]+==ERROR|^ALARM|runtime error|input_loader_fuzz:' "$log" >&2 || true
  echo "reproduce: $build/zorgcap_input_loader_fuzz fuzz/crashes/FILE" >&2
  exit 1
fi
if ((status != 0)); then
  echo "fuzz.sh: libFuzzer exited with status $status; see $log and $work/fuzz-driver.log" >&2
  exit 1
fi
