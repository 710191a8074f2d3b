#!/usr/bin/env bash
# Builds the libFuzzer binary (every parser of outside input, -sanitize=fuzzer,address), replays
# every input a fuzzer ever found crashing or hanging (Fuzz/regressions/TARGET/*, each run once
# through its target: a regression fails the script), then runs each target for SECONDS (default
# 10) from its seed corpus (Fuzz/corpus/TARGET, copied to a work directory so the committed seeds
# stay as they are), printing the executions per target. A crash leaves its input in
# Fuzz/crashes/ and the script fails; keep it as Fuzz/regressions/TARGET/NAME once fixed.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# FUZZ_RUNS=N stops each target after N executions (SECONDS still bounds it); FUZZ_SKIP_BUILD=1
# uses the binary already built; FUZZ_MAX_LEN (8192) bounds the input size; FUZZ_SEED=N fixes
# libFuzzer's seed and Swift's hashing (SWIFT_DETERMINISTIC_HASHING), so a target tries the same
# inputs in the same order on every run, cut where SECONDS (or FUZZ_RUNS) ends it: the smoke pass
# of `make test` uses 1, and CI meets no input that a local run as long or longer did not try,
# give or take the machines' speed. Unset, each run explores anew.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; shift || true
build=.build-fuzz
if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  DANECHECK_FUZZ=1 swift build --build-path "$build" --product danecheck-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing >&2
fi
binary="$build/debug/danecheck-fuzz"
# A seeded run hashes as every run with that seed does (Swift seeds its hashing per process).
if [ -n "${FUZZ_SEED:-}" ]; then export SWIFT_DETERMINISTIC_HASHING=1; fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(ls Fuzz/corpus)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p Fuzz/crashes
status=0
for dir in Fuzz/regressions/*/; do
  target=$(basename "$dir")
  [ -d "Fuzz/corpus/$target" ] || { echo "fuzz: Fuzz/regressions/$target names no target" >&2; status=1; continue; }
  mapfile -t inputs < <(find "$dir" -type f | sort)
  [ ${#inputs[@]} -gt 0 ] || continue
  if SWIFT_BACKTRACE=enable=no DANECHECK_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 "$binary" -timeout=5 -rss_limit_mb=2048 \
       "${inputs[@]}" > "$work/replay-$target.log" 2>&1; then
    echo "regressions $target: ${#inputs[@]} replayed"
  else
    echo "regressions $target: FAILED" >&2; tail -40 "$work/replay-$target.log" >&2; status=1
  fi
done
printf '%-16s %12s %10s %s\n' target executions exec/s result
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  cp -r "Fuzz/corpus/$target/." "$work/$target/" 2>/dev/null || true
  dict=()
  [ -f "Fuzz/dict/$target.dict" ] && dict=(-dict="Fuzz/dict/$target.dict")
  log="$work/$target.log"
  if SWIFT_BACKTRACE=enable=no DANECHECK_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 "$binary" "$work/$target" "${dict[@]}" \
       -max_total_time="$seconds" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} ${FUZZ_SEED:+-seed=$FUZZ_SEED} -timeout=5 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-8192}" -print_final_stats=1 \
       -artifact_prefix="Fuzz/crashes/$target-" > "$log" 2>&1; then
    result=ok
  else
    result="FAILED (see Fuzz/crashes/$target-*)"; status=1
    tail -40 "$log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  printf '%-16s %12s %10s %s\n' "$target" "${runs:-?}" "${rate:-?}" "$result"
done
exit $status
