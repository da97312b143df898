#!/usr/bin/env bash
# Valgrind memcheck over end-to-end runs of a kgex binary: extraction of examples/ into
# every output format (two threads), a conversion that reads a graph file back, and a
# check of the rule packs in rules/ (builds the JSON schemas). Fails on a non-zero exit,
# any memory error or a definitely/indirectly lost block; prints each run's figures. kgex runs
# on malloc (KGEX_SYSTEM_MALLOC), whose blocks memcheck follows, not on its own small blocks.
# Usage: scripts/valgrind.sh KGEX WORKDIR   (a Release build: make build)
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 KGEX WORKDIR" >&2; exit 2; }
kgex=$1 work=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v valgrind >/dev/null || { echo "valgrind: not installed (scripts/install-deps.sh valgrind)" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"
failed=0
run() {
  local name=$1
  shift
  KGEX_SYSTEM_MALLOC=1 nice valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=99 --log-file="$work/$name.log" "$kgex" "$@" > "$work/$name.out" 2>&1
  local status=$?
  echo "$name: exit $status; $(grep -E 'definitely lost|indirectly lost|ERROR SUMMARY' "$work/$name.log" |
    sed 's/^==[0-9]*== *//' | tr '\n' ';' | tr -s ' ')"
  if [ $status -ne 0 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$work/$name.log"; then
    echo "$name: FAILED; see $work/$name.log" >&2
    failed=1
  fi
}
run extract extract "$root/examples" -j 2 -o "$work/g.jsonld" -o "$work/g.graphml" \
  -o "$work/g.gexf" -o "$work/g.dot" -o "$work/g.nt" -o "$work/g.csv"
run convert convert "$work/g.jsonld" "$work/back.graphml"
run rules-check rules check --no-default-rules "$root/rules/tech"
exit $failed
