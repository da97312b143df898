#!/usr/bin/env bash
# make run: extract the example articles into graph files and render the DOT graph.
# Usage: scripts/run-examples.sh KGEX_BINARY EXAMPLES_DIR OUT_DIR
set -euo pipefail
kgex=$1 examples=$2 out=$3
mkdir -p "$out"
summary=$("$kgex" extract "$examples" \
  -o "$out/graph.graphml" -o "$out/graph.gexf" -o "$out/graph.jsonld" -o "$out/graph.dot" 2>&1)
dot -Tsvg "$out/graph.dot" -o "$out/graph.svg"
echo "wrote:"
for f in graph.graphml graph.gexf graph.jsonld graph.dot graph.svg; do
  printf '  %s/%s (%s bytes)\n' "$out" "$f" "$(wc -c <"$out/$f")"
done
echo "${summary#kgex: }"
