#!/usr/bin/env bash
# Nightly regeneration that never lies: regenerate OUT_DIR and publish what changed since last night.
#
#   scripts/nightly.sh OUT_DIR PUBLISH_DIR [REPORT_OPTION...]
#
# 1. Keeps last night's OUT_DIR as OUT_DIR.prev (a copy made before the report runs).
# 2. Runs `zorgcap report --out OUT_DIR --quiet REPORT_OPTION...`, its errors captured in a log.
#    A failing scenario does not stop the job: its folder keeps the previous run's outputs.
# 3. Always runs `zorgcap diff OUT_DIR.prev OUT_DIR`, also when the report failed.
# 4. Writes PUBLISH_DIR/changes.txt (and changes.json, report.log), each to a temporary file in
#    PUBLISH_DIR first and then renamed over the old one: a reader sees the old file or the new
#    one, never half of one. changes.txt names the failed scenarios and quotes the report's errors
#    above the changes, so a "no changes" never hides a failure.
#
# $ZORGCAP is the zorgcap binary (default: build/zorgcap beside this script).
# Prints nothing when everything succeeded (cron mails any output); on a failure, one line per
# problem on stderr. Exit status: the report's when it failed (1 bad input, 3 I/O), else 3 when the
# diff could not run, else 0 (changes are not a failure), 2 for bad usage.
set -u

if [ $# -lt 2 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,18p' "$0" >&2
  exit 2
fi
out=${1%/}
publish=${2%/}
shift 2
zorgcap=${ZORGCAP:-$(cd "$(dirname "$0")/.." && pwd)/build/zorgcap}
prev=$out.prev
failed=

if ! mkdir -p "$publish"; then
  echo "nightly: cannot create $publish" >&2
  exit 3
fi
work=$(mktemp -d "$publish/.nightly.XXXXXX") || { echo "nightly: cannot write into $publish" >&2; exit 3; }
trap 'rm -rf "$work"' EXIT

# 1. Last night's outputs, before the report replaces them.
have_prev=no
if [ -d "$out" ]; then
  rm -rf "$prev.tmp"
  if cp -a "$out" "$prev.tmp" && rm -rf "$prev" && mv "$prev.tmp" "$prev"; then
    have_prev=yes
  else
    echo "nightly: cannot copy $out to $prev; the diff compares against what $prev held" >&2
    [ -d "$prev" ] && have_prev=yes
  fi
fi
# A folder without scenario outputs yet (the first night) has nothing to compare with.
if [ "$have_prev" = yes ] && ! compgen -G "$prev/*/values.json" >/dev/null; then have_prev=no; fi

# 2. The report; its exit status is kept, not acted on.
"$zorgcap" report --out "$out" --quiet "$@" 2>"$work/report.log" >"$work/report.out"
report_rc=$?

# 3. The diff, whatever the report did.
diff_rc=none
if [ "$have_prev" = yes ]; then
  "$zorgcap" diff "$prev" "$out" >"$work/diff.txt" 2>"$work/diff.err"
  diff_rc=$?
  "$zorgcap" diff "$prev" "$out" --json >"$work/changes.json" 2>/dev/null
fi

# 4. changes.txt: the failures first, then the changes.
{
  echo "zorgcap nightly run of $out, $(date -u '+%Y-%m-%d %H:%M UTC')"
  if [ "$report_rc" -eq 0 ]; then
    echo "report: every scenario written"
  else
    failed=$(sed -n 's/^zorgcap: failed scenarios: //p' "$work/report.log" | tail -n 1)
    echo "REPORT FAILED (zorgcap report exit $report_rc)"
    if [ -n "$failed" ]; then
      echo "failed scenarios: $failed"
      echo "a failed scenario's folder in $out, if it has one, still holds an earlier run's outputs: the changes below do not cover it"
    else
      echo "failed scenarios: see the errors below (nothing may have been written)"
    fi
    echo
    echo "report errors:"
    sed 's/^/  /' "$work/report.log"
  fi
  echo
  case "$diff_rc" in
    none) echo "changes: none to show, there was no previous run in $out to compare with" ;;
    0 | 1) echo "changes since the previous run:"; cat "$work/diff.txt" ;;
    *) echo "DIFF FAILED (zorgcap diff exit $diff_rc):"; sed 's/^/  /' "$work/diff.err" ;;
  esac
} >"$work/changes.txt"

publish_file() {  # publish_file NAME: $work/NAME → $publish/NAME, renamed within one file system
  local tmp
  tmp=$(mktemp "$publish/.$1.XXXXXX") || return 1
  if cp "$work/$1" "$tmp" && mv -f "$tmp" "$publish/$1"; then return 0; fi
  rm -f "$tmp"
  return 1
}
published=yes
publish_file changes.txt || published=no
publish_file report.log || published=no
if [ -s "$work/changes.json" ]; then publish_file changes.json || published=no; else rm -f "$publish/changes.json"; fi

code=0
if [ "$published" = no ]; then
  echo "nightly: cannot publish into $publish" >&2
  code=3
fi
if [ "$diff_rc" != none ] && [ "$diff_rc" -ge 2 ]; then
  echo "nightly: zorgcap diff failed (exit $diff_rc); see $publish/changes.txt" >&2
  code=3
fi
if [ "$report_rc" -ne 0 ]; then
  echo "nightly: zorgcap report failed (exit $report_rc)${failed:+: $failed}; see $publish/changes.txt" >&2
  code=$report_rc
fi
exit "$code"
