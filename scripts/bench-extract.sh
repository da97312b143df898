#!/usr/bin/env bash
# Extraction benchmark: kgex end to end (text in, all export files out) on a
# synthetic corpus, against `grep -F -o -f GAZETTEER` over the same corpus in
# the same run. usage: scripts/bench-extract.sh [MEGABYTES] [JOBS]
set -euo pipefail
mb=${1:-20} jobs=${2:-1}
kgex=${KGEX:-build/kgex}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 bench/make_corpus.py "$work/corpus" "$mb" 1 >/dev/null
bytes=$(cat "$work"/corpus/*.txt | wc -c)
docs=$(ls "$work/corpus" | wc -l)
/usr/bin/python3 -c "
import json,glob
for p in glob.glob('rules/tech/gazetteer/*.json'):
    for e in json.load(open(p)).get('gazetteer', []):
        for n in [e['name']] + e.get('aliases', []):
            print(n)" > "$work/gazetteer.txt"
run() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }
read -r k_s k_kb < <(run "$kgex" extract "$work/corpus" -q -j "$jobs" \
  -o "$work/g.graphml" -o "$work/g.gexf" -o "$work/g.jsonld" -o "$work/g.dot" -o "$work/g.nt")
read -r g_s g_kb < <(run sh -c "cat '$work'/corpus/*.txt | grep -F -o -f '$work/gazetteer.txt'")
awk -v b="$bytes" -v d="$docs" -v ks="$k_s" -v kk="$k_kb" -v gs="$g_s" -v j="$jobs" 'BEGIN {
  mb = b / 1e6
  printf "corpus: %.1f MB, %d documents; kgex -j %d\n", mb, d, j
  printf "kgex: %.2f s, %.2f MB/s, %.0f documents/s, peak RSS %.0f MB\n", ks, mb / ks, d / ks, kk / 1024
  printf "grep -F -o -f gazetteer: %.2f s, %.2f MB/s\n", gs, mb / gs
  printf "kgex/grep throughput ratio: %.3f\n", gs / ks }'
