#!/bin/sh
# explore.html benchmarks (issue 14), printed, not asserted: file size, first render and the
# recompute after one edit in headless Chromium (Performance API, measured by the page itself with
# #…&dump&bench=KEY:VALUE: seven edits of KEY, each from the page as loaded, timed from the new value
# to the last rewritten cell, Herkomst entry and chart). Three page loads; the median is printed.
# Usage: scripts/bench-explore.sh [ZORGCAP]   (default build/zorgcap)
set -eu
zorgcap=${1:-build/zorgcap}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$zorgcap" report --scenario baseline --format explore --out "$tmp/out" --quiet
page="$tmp/out/baseline/explore.html"
echo "explore.html size: $(wc -c < "$page") bytes (target <= 1048576)"
for run in 1 2 3; do
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --user-data-dir="$tmp/profile$run" --dump-dom "file://$page#dump&bench=huisarts.vs.overname:0.75" 2>/dev/null |
    python3 -c 'import html,json,re,sys; print(re.search(r"<pre id=\"explore-dump\">(.*?)</pre>",sys.stdin.read(),re.S).group(1))' \
    > "$tmp/dump$run.json"
done
python3 - "$tmp"/dump1.json "$tmp"/dump2.json "$tmp"/dump3.json <<'PY'
import html, json, statistics, sys
d = [json.loads(html.unescape(open(f).read())) for f in sys.argv[1:]]
med = lambda xs: statistics.median(xs)
t = [x["timing"] for x in d]
edits = [r for x in d for r in x["bench"]["runs"]]
last = d[-1]["bench"]["last"]
print("first render: %.1f ms script (target <= 200); %.1f ms from the first byte of the page, parsing included"
      % (med([x["script_ms"] for x in t]), med([x["first_render_ms"] for x in t])))
print("recompute after one edit: %.1f ms median, %.1f ms slowest of %d (target <= 16); one edit of huisarts.vs.overname "
      "recomputes %d quantities, %d cells (%d rewritten), %d Herkomst entries" %
      (med(edits), max(edits), len(edits), last["quantities"], last["cells"], last["rewritten"], last["entries"]))
print("graph for recomputing, built once when the page is idle: %.1f ms" % med([x["graph_ms"] for x in t]))
PY
