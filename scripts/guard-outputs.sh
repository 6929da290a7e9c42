#!/usr/bin/env bash
# Guard for refactorings: every output file of every shipped scenario, in every format, made by the
# current tree's binary must equal the one made by the binary of BASE (a commit, default HEAD~1).
#
#   scripts/guard-outputs.sh [BASE] [--allow PATTERNS_FILE] [--keep DIR]
#
# BASE is checked out with `git worktree` into a cache folder and built there once per commit
# (build/guard/<commit>, or $ZORGCAP_GUARD_CACHE/<commit>). Each side runs with its own inputs/ and templates/, so a change that
# moves a fact from a template into the model is judged by what it prints, not by how.
# PATTERNS_FILE lists, one per line, shell globs of output paths (relative to the run folder, such
# as `*/manifest.json`) that may differ: the differences a change fixes on purpose. Lines starting
# with '#' are comments. Exit 0: nothing else differs; 1: other files differ; 2: usage.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=HEAD~1
allow=
keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --allow) allow=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "guard-outputs: unknown option $1" >&2; exit 2 ;;
    *) base=$1; shift ;;
  esac
done
commit=$(git rev-parse --verify "$base^{commit}")
# shellcheck source=scripts/lib/base-build.sh
. scripts/lib/base-build.sh
base_build "$commit" zorgcap
cache=$base_cache
make --no-print-directory build >/dev/null

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
run() {  # run SIDE SRC_DIR BINARY
  local side=$1 src=$2 bin=$3
  rm -rf "$work/$side"
  (cd "$src" && "$bin" report --inputs inputs --templates templates --out "$work/$side/all" >/dev/null)
  (cd "$src" && "$bin" report --inputs inputs --templates templates --out "$work/$side/mc" \
     --scenario baseline --scenario hoog --montecarlo 2000 --seed 7 >/dev/null)
}
run old "$cache/src" "$cache/build/zorgcap"
run new "$root" "$root/build/zorgcap"

allowed() {
  [ -n "$allow" ] || return 1
  local p line
  p=$1
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2053
    [[ $p == $line ]] && return 0
  done < "$allow"
  return 1
}

status=0
same=0
while IFS= read -r f; do
  rel=${f#"$work/old/"}
  if [ ! -e "$work/new/$rel" ]; then
    echo "missing in new: $rel"; status=1; continue
  fi
  if cmp -s "$f" "$work/new/$rel"; then
    same=$((same + 1))
  elif allowed "$rel"; then
    echo "differs (allowed): $rel"
  else
    echo "DIFFERS: $rel"; status=1
  fi
done < <(find "$work/old" -type f | LC_ALL=C sort)
while IFS= read -r f; do
  rel=${f#"$work/new/"}
  [ -e "$work/old/$rel" ] || { echo "new file: $rel"; allowed "$rel" || status=1; }
done < <(find "$work/new" -type f | LC_ALL=C sort)
echo "guard: $same files identical to $commit; outputs in $work"
exit $status
