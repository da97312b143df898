#!/usr/bin/env bash
# Start-up benchmark (issue #7: under 50 ms): kgex extract over the two shared corpus articles,
# start to finish, four outputs, RUNS times for each binary given. With two binaries (the old
# build and the new) the runs alternate, so that both see the same load. Each run is one
# `perf stat` of wall time (duration_time), CPU time (task-clock) and minor page faults; the
# script prints each binary's medians and ranges, then its instructions under callgrind (the
# figure that does not depend on the load; skipped without valgrind or with CALLGRIND=0).
# usage: scripts/bench-startup.sh [RUNS] KGEX [KGEX...]
#   scripts/bench-startup.sh 25 /tmp/kgex-main build/kgex
set -euo pipefail
runs=25
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
  runs=$1
  shift
fi
[ $# -ge 1 ] || { echo "usage: $0 [RUNS] KGEX [KGEX...]" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf: not installed" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus=${CORPUS:-$root/../shared/corpus}
inputs=("$corpus"/*)
[ -e "${inputs[0]}" ] || { echo "no articles in $corpus (set CORPUS)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(extract "${inputs[@]}" -q -o "$work/g.graphml" -o "$work/g.gexf" -o "$work/g.jsonld"
  -o "$work/g.dot")
for ((r = 0; r < runs; ++r)); do
  for ((b = 1; b <= $#; ++b)); do
    perf stat -x, -e duration_time,task-clock,minor-faults -o "$work/stat" -- "${!b}" "${args[@]}"
    # duration_time is in ns, task-clock in ms.
    awk -F, -v b="$b" '$3 == "duration_time" { wall = $1 / 1e6 } $3 == "task-clock" { cpu = $1 }
      $3 == "minor-faults" { faults = $1 } END { print wall, cpu, faults >> ("'"$work"'/runs." b) }' \
      "$work/stat"
  done
done
echo "$runs runs each, alternating; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((b = 1; b <= $#; ++b)); do
  stats=$(for col in 1 2 3; do
    cut -d' ' -f$col "$work/runs.$b" | sort -g | awk -v f="$([ $col = 3 ] && echo %.0f || echo %.1f)" \
      '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf f " (" f "-" f ")|", m, v[1], v[NR] }'
  done)
  IFS='|' read -r wall cpu faults <<<"$stats"
  instructions=""
  if [ "${CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null; then
    instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "${!b}" "${args[@]}" 2>&1 |
      awk '/Collected/ { printf "; %.1f M instructions", $NF / 1e6 }')
  fi
  echo "${!b}: median (range) wall $wall ms, CPU (task-clock) $cpu ms, minor faults $faults$instructions"
done
