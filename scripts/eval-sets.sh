#!/usr/bin/env bash
# Prints the total scores of each evaluation set: dev, heldout, the two shared corpus articles
# (when ../shared/gold is there) and each set under tests/data/eval/open and
# tests/data/eval/blind. Blind sets print their total line only: nobody reads their texts,
# gold files or per-document scores (tests/data/eval/README.md).
# Usage: scripts/eval-sets.sh [KGEX]   (default build/kgex)
set -euo pipefail
cd "$(dirname "$0")/.."
kgex=${1:-build/kgex}
eval_dir=tests/data/eval
total() { "$kgex" eval "$@" 2>/dev/null | grep '^TOTAL' | sed 's/^TOTAL: //' || true; }
printf '%-8s %s\n' dev "$(total "$eval_dir"/dev/*.gold.json)"
printf '%-8s %s\n' heldout "$(total "$eval_dir"/heldout/*.gold.json)"
shared=../shared
if [ -d "$shared/gold" ]; then
  printf '%-8s %s\n' shared "$(total --texts "$shared/corpus" "$shared"/gold/*.gold.json)"
fi
for kind in open blind; do
  for set in "$eval_dir/$kind"/*/; do
    [ -d "$set" ] || continue
    printf '%-8s %s\n' "$(basename "$set")" "$(total "$set"*.gold.json)"
  done
done
