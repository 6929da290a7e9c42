#!/bin/sh
# explore.html benchmarks (issue 14), printed, not asserted: file size, first render and one full
# recompute in headless Chromium (Performance API, measured by the page itself with #…&dump).
# Usage: scripts/bench-explore.sh [ZORGCAP]   (default build/zorgcap)
set -eu
zorgcap=${1:-build/zorgcap}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$zorgcap" report --scenario baseline --format explore --out "$tmp/out" --quiet
page="$tmp/out/baseline/explore.html"
echo "explore.html size: $(wc -c < "$page") bytes (target <= 1048576)"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --user-data-dir="$tmp/profile" --dump-dom "file://$page#set=huisarts.vs.overname@min:0.4;huisarts.vs.overname@max:0.7&dump" 2>/dev/null |
  python3 -c 'import html,json,re,sys; d=json.loads(html.unescape(re.search(r"<pre id=\"explore-dump\">(.*?)</pre>",sys.stdin.read(),re.S).group(1))); print("first render: %.1f ms (target <= 200)\nrecompute: %.1f ms (target <= 16)" % (d["first_render_ms"], d["recompute_ms"]))'
