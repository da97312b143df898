#!/usr/bin/env bash
# Extraction benchmark: kgex end to end (text in; GraphML, GEXF, JSON-LD, DOT and
# N-Triples out) on a synthetic corpus, for each number of workers given, and in
# the same run `grep -F -o -f GAZETTEER` over the same corpus; prints the
# throughput ratios. With more than one JOBS value it also runs two independent
# `-j 1` processes side by side: the throughput two workers can reach on this
# machine at all (shared caches, memory bandwidth, vCPUs that share a core), the
# reference for the -j speed-up. usage: scripts/bench-extract.sh [MEGABYTES] [JOBS...]
#   scripts/bench-extract.sh 20 1 2     # 20 MB, -j 1 and -j 2
set -euo pipefail
mb=${1:-20}
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(1)
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
# grep reads the files itself, as kgex does: piping them through cat made the reference a
# measure of cat on 22,000 small files (2 s of 2.3 s on 2026-12-02).
read -r g_s _ < <(run grep -F -o -h -r -f "$work/gazetteer.txt" "$work/corpus")
awk -v b="$bytes" -v d="$docs" -v gs="$g_s" 'BEGIN {
  printf "corpus: %.1f MB, %d documents\n", b / 1e6, d
  printf "grep -F -o -f gazetteer: %.2f s, %.2f MB/s\n", gs, b / 1e6 / gs }'
first=""
for j in "${jobs[@]}"; do
  read -r k_s k_kb < <(run "$kgex" extract "$work/corpus" --quiet -j "$j" \
    -o "$work/g.graphml" -o "$work/g.gexf" -o "$work/g.jsonld" -o "$work/g.dot" -o "$work/g.nt")
  first=${first:-$k_s}
  awk -v b="$bytes" -v d="$docs" -v ks="$k_s" -v kk="$k_kb" -v gs="$g_s" -v j="$j" -v k1="$first" 'BEGIN {
    mb = b / 1e6
    printf "kgex -j %d: %.2f s, %.2f MB/s, %.0f documents/s, peak RSS %.0f MB; kgex/grep %.3f; speed-up over the first run %.2f\n",
      j, ks, mb / ks, d / ks, kk / 1024, gs / ks, k1 / ks }'
done
if [ ${#jobs[@]} -gt 1 ]; then
  one() { /usr/bin/time -f "%e" -o "$work/time.$1" "$kgex" extract "$work/corpus" --quiet -j 1 \
    -o "$work/p$1.graphml" -o "$work/p$1.gexf" -o "$work/p$1.jsonld" -o "$work/p$1.dot" -o "$work/p$1.nt" \
    >/dev/null 2>&1; }
  one a & one b; wait
  awk -v a="$(cat "$work/time.a")" -v b="$(cat "$work/time.b")" -v k1="$first" 'BEGIN {
    slow = a > b ? a : b
    printf "two -j 1 processes side by side: %.2f s and %.2f s; together %.2fx the throughput of one\n", a, b, 2 * k1 / slow }'
fi
