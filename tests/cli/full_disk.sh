#!/bin/sh
# A write that fails leaves the previous output intact: kgex writes into a 64 KB
# tmpfs that fills up, and into a read-only one, each mounted in a private mount
# namespace (needs root or unprivileged user namespaces; otherwise prints
# "tmpfs unavailable" and CTest counts the test as skipped).
# Usage: full_disk.sh KGEX WORKDIR TEXT_FILE TEXT_DIR
kgex=$1 dir=$2 small=$3 big=$4
rm -rf "$dir" && mkdir -p "$dir/full" "$dir/ro"
if ! unshare -m --map-root-user true 2>/dev/null && ! unshare -m true 2>/dev/null; then
  echo "tmpfs unavailable"; exit 0
fi
user=""
unshare -m true 2>/dev/null || user="--map-root-user"
exec unshare -m $user sh -c '
  kgex=$1 dir=$2 small=$3 big=$4
  mount -t tmpfs -o size=64k tmpfs "$dir/full" 2>/dev/null || { echo "tmpfs unavailable"; exit 0; }
  "$kgex" extract -q "$small" -o "$dir/full/graph.jsonld" || exit 1
  cp "$dir/full/graph.jsonld" "$dir/before.jsonld"
  # Leave about 8 KB free: the graph of TEXT_DIR is far larger.
  dd if=/dev/zero of="$dir/full/filler" bs=1k count=52 2>/dev/null
  "$kgex" extract -q "$big" -o "$dir/full/graph.jsonld" 2>&1
  echo "full: exit=$?"
  cmp -s "$dir/before.jsonld" "$dir/full/graph.jsonld" && echo "full: previous file intact"
  echo "full: files left: $(ls -A "$dir/full" | tr "\n" " ")"
  mount -t tmpfs -o ro,size=64k tmpfs "$dir/ro" || exit 1
  "$kgex" extract -q "$small" -o "$dir/ro/graph.jsonld" 2>&1
  echo "read-only: exit=$?"
' sh "$kgex" "$dir" "$small" "$big"
