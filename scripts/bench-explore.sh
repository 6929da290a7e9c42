#!/bin/sh
# explore.html benchmarks (issue 14), printed, not asserted: file size, first render and the
# recompute after one edit in headless Chromium (Performance API, measured by the page itself with
# #…&dump&bench=KEY:VALUE: seven edits of KEY, each from the page as loaded, timed from the new value
# to the last rewritten cell, Herkomst entry and case chart; the tornados follow in the next task and
# are timed apart). Two edits: a narrow one (huisarts.vs.overname) and a wide one (uren_per_week,
# which most tables use). Three page loads each; medians are printed.
# Usage: scripts/bench-explore.sh [ZORGCAP]   (default build/zorgcap)
set -eu
zorgcap=${1:-build/zorgcap}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$zorgcap" report --scenario baseline --format explore --out "$tmp/out" --quiet
page="$tmp/out/baseline/explore.html"
echo "explore.html size: $(wc -c < "$page") bytes (target <= 1048576)"
for edit in huisarts.vs.overname:0.75 uren_per_week:37; do
  for run in 1 2 3; do
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
      --user-data-dir="$tmp/profile-$edit-$run" --dump-dom "file://$page#dump&bench=$edit" 2>/dev/null |
      python3 -c 'import re,sys; print(re.search(r"<pre id=\"explore-dump\">(.*?)</pre>",sys.stdin.read(),re.S).group(1))' \
      > "$tmp/dump-$edit-$run.json"
  done
done
python3 - "$tmp" <<'PY'
import glob, html, json, statistics, sys
med = statistics.median
loads = {}
for f in sorted(glob.glob(sys.argv[1] + "/dump-*.json")):
    loads.setdefault(f.split("/dump-")[1].rsplit("-", 1)[0], []).append(json.loads(html.unescape(open(f).read())))
t = [x["timing"] for d in loads.values() for x in d]
print("first render: %.1f ms script (target <= 200); %.1f ms from the first byte of the page, parsing included"
      % (med([x["script_ms"] for x in t]), med([x["first_render_ms"] for x in t])))
for edit, d in loads.items():
    runs = [r for x in d for r in x["bench"]["runs"]]
    tornado = [r for x in d for r in x["bench"]["tornado_runs"]]
    last = d[-1]["bench"]["last"]
    print("recompute after one edit of %s: %.1f ms median, %.1f ms slowest of %d (target <= 16): %d quantities, "
          "%d cells (%d rewritten), %d Herkomst entries; then the tornados: %.1f ms median"
          % (edit.split(":")[0], med(runs), max(runs), len(runs), last["quantities"], last["cells"], last["rewritten"],
             last["entries"], med(tornado)))
print("graph for recomputing, built once when the page is idle: %.1f ms" % med([x["graph_ms"] for x in t]))
PY
