#!/usr/bin/env bash
# Scaling benchmark: kgex -j 1 end to end on a JSON Lines corpus of MEGABYTES and
# on one FACTOR times larger (same generator, same seed), then the time ratio
# (linear is FACTOR) and the peak RSS of each run.
# usage: scripts/bench-scale.sh [MEGABYTES] [FACTOR]     e.g. scripts/bench-scale.sh 100 10
set -euo pipefail
mb=${1:-10} factor=${2:-10}
kgex=${KGEX:-build/kgex}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big=$(awk -v m="$mb" -v f="$factor" 'BEGIN { print m * f }')
declare -A secs rss
for size in "$mb" "$big"; do
  /usr/bin/python3 bench/make_corpus.py "$work/c.jsonl" "$size" 1 >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" "$kgex" extract --jsonl "$work/c.jsonl" --quiet -j 1 \
    -o "$work/g.graphml" -o "$work/g.jsonld" >/dev/null 2>&1
  read -r secs[$size] rss[$size] < "$work/time"
  awk -v s="${secs[$size]}" -v k="${rss[$size]}" -v m="$size" \
    'BEGIN { printf "%g MB: %.2f s, %.2f MB/s, peak RSS %.0f MB\n", m, s, m / s, k / 1024 }'
  rm -f "$work/c.jsonl"
done
awk -v a="${secs[$mb]}" -v b="${secs[$big]}" -v f="$factor" \
  'BEGIN { printf "%gx the corpus took %.2fx the time (linear: %g)\n", f, b / a, f }'
