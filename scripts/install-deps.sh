#!/usr/bin/env bash
# Installs the Debian packages kgex needs to build, test and render, only those
# missing; silent when everything is present.
# Usage: scripts/install-deps.sh [build|test|run|fuzz|lint]
set -euo pipefail
build=(cmake make g++ pkg-config libicu-dev libboost-graph-dev libpugixml-dev rapidjson-dev
       doctest-dev libcli11-dev)
render=(graphviz fonts-nanum)
test=(python3 python3-rdflib python3-networkx python3-igraph libxml2-utils valgrind)
# libFuzzer comes with clang's runtime libraries.
fuzz=(clang libclang-rt-14-dev)
lint=(clang-tidy cppcheck)
want=("${build[@]}")
case "${1:-build}" in
  build) ;;
  run) want+=("${render[@]}") ;;
  test) want+=("${render[@]}" "${test[@]}" "${fuzz[@]}" "${lint[@]}") ;;
  fuzz) want+=("${fuzz[@]}") ;;
  lint) want+=("${lint[@]}") ;;
  *) echo "usage: $0 [build|test|run|fuzz|lint]" >&2; exit 2 ;;
esac
# Node.js for the client tests: Debian's packages only when no node/npm is on the PATH
# (a machine may already have its own Node.js, which Debian's npm would conflict with).
if [ "${1:-build}" = test ]; then
  command -v node >/dev/null 2>&1 || want+=(nodejs)
  command -v npm >/dev/null 2>&1 || want+=(npm)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
  { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
