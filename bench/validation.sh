#!/usr/bin/env bash
# Local validation's cost: `check` with --validation local versus resolver mode, with the
# sandbox's artificial latency (every DNS answer through 127.53.0.4 costs
# DANECHECK_SANDBOX_DELAY_MS, default 20 ms; every SMTP round trip through 127.0.12.N too).
#
#   make bench-validation     (builds release, starts the sandbox, runs this)
#   bench/validation.sh       (sandbox already running; DANECHECK_BIN to pick a binary)
#
# Prints, for one domain (median of RUNS runs) and for a batch of 200 domains (--concurrency 32):
# wall time and DNS queries sent (from --debug dns) in each mode, and what local mode adds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
bin=${DANECHECK_BIN:-$(swift build -c release --show-bin-path)/danecheck}
resolver=127.53.0.4
anchor=.sandbox/keys/root.ds
one=b1.bench.dane.test

sandbox/sandbox.sh status >/dev/null 2>&1 || { echo "bench: the sandbox is not running (make bench-validation starts it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n 200 .sandbox/smtp/bench-domains.txt > "$work/batch.txt"

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }'; }
ms_of() { local start; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - start) / 1000000 )); }
queries() { "$@" --debug dns 2>&1 >/dev/null | grep -c '^dns: ' || true; }
mode_args() { [ "$1" = local ] && echo "--validation local --trust-anchor $anchor" || echo "--trust-anchor $anchor"; }

"$bin" check --resolver "$resolver" "$one" >/dev/null 2>&1 || true  # warm the resolver's cache
declare -A wall count batch_wall batch_count verdicts
for mode in resolver local; do
  # shellcheck disable=SC2046
  wall[$mode]=$(for _ in $(seq 1 "$runs"); do ms_of "$bin" check --resolver "$resolver" $(mode_args $mode) "$one"; done | median)
  # shellcheck disable=SC2046
  count[$mode]=$(queries "$bin" check --resolver "$resolver" $(mode_args $mode) "$one")
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  "$bin" check --resolver "$resolver" --concurrency 32 $(mode_args $mode) --file "$work/batch.txt" > "$work/$mode.out" 2>/dev/null || true
  batch_wall[$mode]=$(( ($(date +%s%N) - start) / 1000000 ))
  # shellcheck disable=SC2046
  batch_count[$mode]=$(queries "$bin" check --resolver "$resolver" --concurrency 32 $(mode_args $mode) --file "$work/batch.txt")
  verdicts[$mode]=$(grep -c ': authenticated via' "$work/$mode.out" || true)
done

echo "latency: ${DANECHECK_SANDBOX_DELAY_MS:-20} ms per DNS answer and per SMTP round trip"
printf '%-28s %12s %12s %12s\n' "" "resolver" "local" "local adds"
printf '%-28s %9s ms %9s ms %9s ms\n' "one domain: wall (median)" "${wall[resolver]}" "${wall[local]}" \
  "$(awk -v a="${wall[local]}" -v b="${wall[resolver]}" 'BEGIN { printf "%.1f", a - b }')"
printf '%-28s %12s %12s %12s\n' "one domain: DNS queries" "${count[resolver]}" "${count[local]}" "$(( count[local] - count[resolver] ))"
printf '%-28s %9s ms %9s ms %9s ms\n' "200 domains: wall" "${batch_wall[resolver]}" "${batch_wall[local]}" "$(( batch_wall[local] - batch_wall[resolver] ))"
printf '%-28s %12s %12s %12s\n' "200 domains: DNS queries" "${batch_count[resolver]}" "${batch_count[local]}" "$(( batch_count[local] - batch_count[resolver] ))"
printf '%-28s %12s %12s\n' "200 domains: authenticated" "${verdicts[resolver]}" "${verdicts[local]}"
