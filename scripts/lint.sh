#!/usr/bin/env bash
# clang-tidy (checks in .clang-tidy) and cppcheck over kgex's own sources, then the
# number of findings per file. Exit 1 when there is any finding.
# Usage: scripts/lint.sh BUILD   (BUILD has compile_commands.json: any configured build)
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BUILD" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "$1" && pwd)"
[ -f "$build/compile_commands.json" ] || { echo "lint: $build/compile_commands.json is missing" >&2; exit 2; }
out="$build/lint"
rm -rf "$out" && mkdir -p "$out/tidy"
cd "$root"
dirs=(core extractor graph exporters cli tests/fuzz)
mapfile -t sources < <(find "${dirs[@]}" -name '*.cpp' | sort)
# One clang-tidy per file, as many at a time as there are cores. GCC-only warning
# flags in the compile commands are not clang-tidy findings.
printf '%s\n' "${sources[@]}" | nice xargs -P "$(nproc)" -I{} sh -c \
  'clang-tidy -p "$1" --quiet --extra-arg=-Wno-unknown-warning-option "$2" > "$3/tidy/$(echo "$2" | tr / _).log" 2>/dev/null' \
  _ "$build" {} "$out"
# A header's finding is reported once per file that includes it: keep each once.
cat "$out"/tidy/*.log | grep -E '^/.*: (warning|error): .*\[[a-z0-9.,-]+\]$' | sed "s|^$root/||" |
  sort -u > "$out/clang-tidy.txt"
# Left out: useStlAlgorithm (asks for std::find_if/transform over every plain loop) and
# shadowFunction (a local named like an accessor, `entity` beside entity(), is the style here).
# False positives are suppressed where they occur (// cppcheck-suppress ID).
nice cppcheck --quiet --std=c++20 --language=c++ --enable=warning,style,performance,portability \
  --inline-suppr --suppress=missingIncludeSystem --suppress=missingInclude --suppress=unusedFunction \
  --suppress=useStlAlgorithm --suppress=shadowFunction \
  -I . --template='{file}:{line}:{column}: {severity}: {message} [{id}]' "${dirs[@]}" \
  2> "$out/cppcheck.txt" > /dev/null
for tool in clang-tidy cppcheck; do
  n=$(wc -l < "$out/$tool.txt")
  echo "$tool: $n findings ($out/$tool.txt)"
  cut -d: -f1 "$out/$tool.txt" | sort | uniq -c | sort -rn | sed 's/^/  /'
done
[ ! -s "$out/clang-tidy.txt" ] && [ ! -s "$out/cppcheck.txt" ]
