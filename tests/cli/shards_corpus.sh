#!/bin/sh
# Shards of a generated corpus, extracted apart and merged with `kgex merge`, give exactly the
# bytes of one run over the whole corpus: split at several points, and in three parts merged in
# every order and as trees, through JSON-LD and GraphML alike.
# Usage: shards_corpus.sh KGEX PYTHON MAKE_CORPUS WORKDIR MEGABYTES SEED
set -e
kgex=$1 python=$2 make_corpus=$3 dir=$4 megabytes=$5 seed=$6
rm -rf "$dir" && mkdir -p "$dir/parts"
"$python" "$make_corpus" "$dir/corpus" "$megabytes" "$seed" > /dev/null
find "$dir/corpus" -name '*.txt' | sort > "$dir/all.list"
documents=$(wc -l < "$dir/all.list")
xargs "$kgex" extract -q -j 2 -o "$dir/whole.jsonld" -o "$dir/whole.graphml" < "$dir/all.list"
compared=0
same() {
  cmp "$dir/whole.${2##*.}" "$2" || { echo "differs from one run: $1" >&2; exit 1; }
  compared=$((compared + 1))
}
merge() {
  out=$1
  shift
  "$kgex" merge "$@" -o "$out" 2> /dev/null
}
# extract FIRST LAST OUT: documents FIRST to LAST (1-based) of the sorted list.
extract() {
  sed -n "$1,$2p" "$dir/all.list" | xargs "$kgex" extract -q -j 2 -o "$3"
}
# Two shards at several split points, merged in both orders.
for at in 1 $((documents / 7)) $((documents / 2)) $((documents - 1)); do
  p="$dir/parts/split$at"
  extract 1 "$at" "$p-a.jsonld"
  extract $((at + 1)) "$documents" "$p-b.jsonld"
  merge "$p-ab.jsonld" "$p-a.jsonld" "$p-b.jsonld"
  merge "$p-ba.jsonld" "$p-b.jsonld" "$p-a.jsonld"
  same "split at $at" "$p-ab.jsonld"
  same "split at $at, reversed" "$p-ba.jsonld"
done
# Three shards, one of them GraphML, merged flat in several orders and as trees whose inner
# merges are written to either format.
third=$((documents / 3))
p="$dir/parts/three"
extract 1 "$third" "$p-a.jsonld"
extract $((third + 1)) $((2 * third)) "$p-b.graphml"
extract $((2 * third + 1)) "$documents" "$p-c.jsonld"
merge "$p-abc.jsonld" "$p-a.jsonld" "$p-b.graphml" "$p-c.jsonld"
merge "$p-cba.jsonld" "$p-c.jsonld" "$p-b.graphml" "$p-a.jsonld"
merge "$p-bac.graphml" "$p-b.graphml" "$p-a.jsonld" "$p-c.jsonld"
merge "$p-ab.graphml" "$p-a.jsonld" "$p-b.graphml"
merge "$p-ab-c.jsonld" "$p-ab.graphml" "$p-c.jsonld"
merge "$p-bc.jsonld" "$p-b.graphml" "$p-c.jsonld"
merge "$p-a-bc.jsonld" "$p-a.jsonld" "$p-bc.jsonld"
merge "$p-ca.jsonld" "$p-c.jsonld" "$p-a.jsonld"
merge "$p-ca-b.graphml" "$p-ca.jsonld" "$p-b.graphml"
for merged in abc.jsonld cba.jsonld bac.graphml ab-c.jsonld a-bc.jsonld ca-b.graphml; do
  same "three shards, $merged" "$p-$merged"
done
echo "generated corpus shards identical: $documents documents, $compared merges"
