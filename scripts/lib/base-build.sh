# Sourced by scripts/guard-outputs.sh and scripts/bench.sh: the binaries of another commit, built once
# per commit in a cached work tree.
#
#   base_build COMMIT TARGET...   sets base_cache to the cache folder of COMMIT
#
# The cache folder is build/guard/<commit> (or $ZORGCAP_GUARD_CACHE/<commit>) below the repository
# root (the current directory). It holds src/ (a detached `git worktree` of COMMIT) and build/. A
# target already built is not built again; a target COMMIT does not have is skipped (the caller checks
# for its binary). ccache is used when installed; ZORGCAP_BASE_JOBS sets the build's jobs (1).
base_build() {
  local commit=$1 target
  shift
  base_cache=${ZORGCAP_GUARD_CACHE:-$(pwd)/build/guard}/$commit
  if [ ! -d "$base_cache/src" ] || [ ! -f "$base_cache/build/CMakeCache.txt" ]; then
    rm -rf "$base_cache"
    mkdir -p "$base_cache"
    git worktree add --detach "$base_cache/src" "$commit" >/dev/null
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$base_cache/src" -B "$base_cache/build" "${launcher[@]}" >/dev/null
  fi
  for target in "$@"; do
    [ -x "$base_cache/build/$target" ] && continue
    cmake --build "$base_cache/build" -j "${ZORGCAP_BASE_JOBS:-1}" --target "$target" >/dev/null 2>&1 ||
      [ "$target" != zorgcap ] || { echo "cannot build zorgcap at $commit" >&2; return 1; }
  done
}
