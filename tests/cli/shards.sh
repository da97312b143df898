#!/bin/sh
# Extracting shards in parallel and merging them gives exactly the graph of one
# run over everything; so does any -j. Usage: shards.sh KGEX WORKDIR TEXT_DIR...
set -e
kgex=$1 dir=$2
shift 2
rm -rf "$dir" && mkdir -p "$dir/shards"
find "$@" -name '*.txt' | sort > "$dir/all.list"
# One run over the whole corpus, with one and with two workers.
xargs "$kgex" extract -q -j 1 -o "$dir/whole.jsonld" < "$dir/all.list"
xargs "$kgex" extract -q -j 2 -o "$dir/whole-j2.jsonld" < "$dir/all.list"
cmp "$dir/whole.jsonld" "$dir/whole-j2.jsonld"
# Shards of three files, extracted two at a time, then merged in either order.
split -l 3 "$dir/all.list" "$dir/shards/part-"
ls "$dir"/shards/part-* | xargs -P 2 -I{} sh -c "xargs '$kgex' extract -q -o {}.jsonld < {}"
"$kgex" merge "$dir"/shards/part-*.jsonld -o "$dir/merged.jsonld" 2>/dev/null
ls -r "$dir"/shards/part-*.jsonld | xargs "$kgex" merge -o "$dir/merged-reverse.jsonld" 2>/dev/null
cmp "$dir/whole.jsonld" "$dir/merged.jsonld"
cmp "$dir/whole.jsonld" "$dir/merged-reverse.jsonld"
echo "shards identical: $(ls "$dir"/shards/part-*.jsonld | wc -l) shards"
