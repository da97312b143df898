#!/usr/bin/env bash
# Runs each libFuzzer target of a KGEX_FUZZ build for SECONDS, one after the other,
# at low priority. New inputs go to BUILD/fuzz-corpus/<target> (the seeds in
# tests/fuzz/corpus/<target> are read, never written); crashes, leaks and
# timeouts go to BUILD/fuzz-artifacts/<target>/ and fail the run: copy each into
# tests/fuzz/regressions/<target>/ so CTest replays it from then on.
# Usage: scripts/fuzz.sh BUILD SECONDS [TARGET...]   (targets: text rule_pack graphml jsonld)
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BUILD SECONDS [TARGET...]" >&2; exit 2; }
build=$1 seconds=$2
shift 2
src="$(cd "$(dirname "$0")/.." && pwd)/tests/fuzz"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text rule_pack graphml jsonld)
failed=0
for t in "${targets[@]}"; do
  exe="$build/fuzz/fuzz_$t"
  [ -x "$exe" ] || { echo "fuzz: $exe is missing (configure with -DKGEX_FUZZ=ON)" >&2; exit 2; }
  corpus="$build/fuzz-corpus/$t" artifacts="$build/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-$t.log"
  dict=()
  [ -f "$src/dict/$t.dict" ] && dict=(-dict="$src/dict/$t.dict")
  # A slow input (over 10 s) counts as a failure, as does a run over 2 GB.
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$src/../../cmake/lsan-suppressions.txt" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nice "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" \
    "$corpus" "$src/corpus/$t" > "$log" 2>&1
  status=$?
  summary=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1)
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "fuzz_$t: ${seconds}s, ${execs:-?} executions; ${summary:-no progress line}"
  if [ $status -ne 0 ] || [ -n "$(ls -A "$artifacts")" ]; then
    echo "fuzz_$t: FAILED (exit $status); see $log and $artifacts/" >&2
    grep -m 3 -E 'ERROR|SUMMARY|deadly signal|timeout' "$log" >&2
    failed=1
  fi
done
exit $failed
