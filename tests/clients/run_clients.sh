#!/usr/bin/env bash
# The client test: writes a hand-built graph (write_sample.cpp) as JSON-LD,
# converts it with `kgex convert` to every format, and opens each file with
# the programs users load it with: xmllint against schemas/, networkx,
# igraph, rdflib, Graphviz, graphology (Gephi Lite's parsers) and jsonld.js.
# Any client that is missing, cannot be installed, rejects a file or sees
# other counts or values than tests/clients/expected.json fails the test.
#
# usage: run_clients.sh KGEX WRITE_SAMPLE SCHEMAS_DIR WORK_DIR
#
# Debian packages are not installed here (scripts/install-deps.sh test does);
# the pinned npm packages are installed, when missing, into
# ${XDG_CACHE_HOME:-$HOME/.cache}/kgex-clients, never into the repository.
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 KGEX WRITE_SAMPLE SCHEMAS_DIR WORK_DIR" >&2
  exit 2
fi
kgex=$(realpath "$1")
write_sample=$(realpath "$2")
schemas=$(realpath "$3")
work=$(realpath -m "$4")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
py=/usr/bin/python3  # Debian's python sees apt's python3-networkx/-igraph/-rdflib
cache="${XDG_CACHE_HOME:-$HOME/.cache}/kgex-clients"
# The graphology versions Gephi Lite 0.6.x depends on.
npm_packages=(graphology@0.25.4 graphology-types@0.24.8 graphology-graphml@0.5.2
              graphology-gexf@0.13.2 jsonld@9.0.0)

fail() {
  echo "FAIL $*"
  exit 1
}

for tool in xmllint dot gc fc-list node npm "$py"; do
  command -v "$tool" >/dev/null || fail "setup: $tool is missing (run scripts/install-deps.sh test)"
done
"$py" -c 'import networkx, igraph, rdflib' 2>/dev/null ||
  fail "setup: $py cannot import networkx, igraph and rdflib (run scripts/install-deps.sh test)"

npm_installed() {
  local spec name version
  for spec in "${npm_packages[@]}"; do
    name=${spec%@*}
    version=${spec##*@}
    [ "$(node -p "require('$cache/node_modules/$name/package.json').version" 2>/dev/null)" = "$version" ] ||
      return 1
  done
}
if ! npm_installed; then
  echo "installing ${npm_packages[*]} into $cache" >&2
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "${npm_packages[@]}" >&2 ||
    fail "setup: npm could not install ${npm_packages[*]} into $cache"
  npm_installed || fail "setup: $cache/node_modules does not hold ${npm_packages[*]}"
fi

rm -rf "$work"
mkdir -p "$work"
cd "$work"
"$write_sample" sample.jsonld
for ext in graphml gexf dot nt csv; do
  "$kgex" convert --quiet sample.jsonld "sample.$ext"
done
echo "PASS kgex convert: sample.jsonld -> $(ls sample.* | tr '\n' ' ')"

# Round trips through the command line are byte-identical.
"$kgex" convert --quiet sample.graphml back.jsonld
cmp -s sample.jsonld back.jsonld || fail "JSON-LD -> GraphML -> JSON-LD changed the file"
"$kgex" convert --quiet back.jsonld back.graphml
cmp -s sample.graphml back.graphml || fail "GraphML -> JSON-LD -> GraphML changed the file"
echo "PASS round trips: JSON-LD -> GraphML -> JSON-LD -> GraphML, byte-identical"

status=0
xmllint --nonet --noout --schema "$schemas/graphml.xsd" sample.graphml 2>xmllint.err ||
  { cat xmllint.err; fail "xmllint: sample.graphml is not valid against $schemas/graphml.xsd"; }
echo "PASS xmllint-graphml: valid against graphml.xsd"
xmllint --nonet --noout --relaxng "$schemas/gexf-1.3/gexf.rng" sample.gexf 2>xmllint.err ||
  { cat xmllint.err; fail "xmllint: sample.gexf is not valid against $schemas/gexf-1.3/gexf.rng"; }
echo "PASS xmllint-gexf: valid against gexf-1.3/gexf.rng"

for format in svg png; do
  dot -T"$format" sample.dot -o "sample.$format" 2>dot.err || fail "dot -T$format exited with $?"
  [ ! -s dot.err ] || fail "dot -T$format printed on stderr: $(head -c 500 dot.err)"
done
grep -q "샘 올트먼" sample.svg || fail "dot: the SVG lacks the label 샘 올트먼"
[ -n "$(fc-list :lang=ko)" ] || fail "dot: no Korean font, PNG labels would be empty boxes"
read -r dot_nodes dot_edges _ < <(gc -n -e sample.dot)
want=$("$py" -c 'import json,sys; e=json.load(open(sys.argv[1])); print(e["nodes"] + e["dot_legend_nodes"], e["edges"])' "$here/expected.json")
[ "$dot_nodes $dot_edges" = "$want" ] ||
  fail "dot: gc counts $dot_nodes/$dot_edges, expected $want (nodes with legend, edges)"
echo "PASS graphviz: dot -Tsvg/-Tpng silent, gc $dot_nodes/$dot_edges (with legend), Korean font"

"$py" "$here/check_python.py" "$here/expected.json" "$work" || status=1
NODE_PATH="$cache/node_modules" node "$here/check_node.js" "$here/expected.json" "$work" || status=1
exit $status
