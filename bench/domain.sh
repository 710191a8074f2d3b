#!/usr/bin/env bash
# Wall time and query count of `danecheck domain` against the sandbox, for a 1-MX and an 8-MX
# domain, through the validating resolver directly and through the delaying proxy
# (127.53.0.4, DANECHECK_SANDBOX_DELAY_MS per answer, default 20 ms). Needs a started sandbox
# (`make bench` starts it). Prints the median of RUNS runs (default 9) after one warm-up run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-9}
bin=${DANECHECK_BIN:-$(swift build --show-bin-path)/danecheck}

sandbox/sandbox.sh status >/dev/null 2>&1 || { echo "bench: the sandbox is not running (make bench starts it)" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); printf "%.1f", v[m] }'; }

printf '%-12s %-22s %6s %12s %8s\n' domain resolver MXs "median ms" queries
for resolver in 127.53.0.2 127.53.0.4; do
  label=$resolver; [ "$resolver" = 127.53.0.4 ] && label="$resolver (+delay)"
  for domain in one.test eight.test; do
    "$bin" domain --resolver "$resolver" "$domain" >/dev/null   # warm-up: fills the resolver's cache
    queries=$("$bin" domain --resolver "$resolver" --debug dns "$domain" 2>&1 >/dev/null | grep -c '^dns: ')
    mxs=$("$bin" domain --resolver "$resolver" --json "$domain" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["mx"]))')
    times=$(for _ in $(seq 1 "$runs"); do
      start=$(date +%s%N)
      "$bin" domain --resolver "$resolver" "$domain" >/dev/null
      echo $(( ($(date +%s%N) - start) / 1000 ))
    done | awk '{ printf "%.3f\n", $1 / 1000 }')
    printf '%-12s %-22s %6s %12s %8s\n' "$domain" "$label" "$mxs" "$(echo "$times" | median)" "$queries"
  done
done

# Probes: one address, and one host with four addresses probed at once; peak RSS from GNU time.
echo
printf '%-22s %10s %12s %14s\n' host addresses "median ms" "peak RSS KiB"
for host in ee311.dane.test four.dane.test; do
  "$bin" probe --resolver 127.53.0.2 "$host" >/dev/null
  addresses=$("$bin" probe --resolver 127.53.0.2 --json "$host" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["addresses"]))')
  rss=$( { /usr/bin/time -f '%M' "$bin" probe --resolver 127.53.0.2 "$host" >/dev/null; } 2>&1 | tail -1)
  times=$(for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$bin" probe --resolver 127.53.0.2 "$host" >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000 ))
  done | awk '{ printf "%.3f\n", $1 / 1000 }')
  printf '%-22s %10s %12s %14s\n' "$host" "$addresses" "$(echo "$times" | median)" "$rss"
done
