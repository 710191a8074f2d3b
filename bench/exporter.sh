#!/usr/bin/env bash
# The exporter under a steady scrape: every sandbox domain scraped every INTERVAL seconds for
# DURATION seconds, as a Prometheus with that scrape interval would; after each round, the
# exporter's RSS, open file descriptors and threads, and how long the round took.
#
#   bench/exporter.sh [DURATION [INTERVAL]]      (default 180 s, every 15 s; needs the sandbox)
#
# DANECHECK_BIN names the binary (default: the release build). Pass: nothing grows after the
# first rounds (the DNS cache fills once; probes and checks are not kept).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-180}
interval=${2:-15}
bin=${DANECHECK_BIN:-$(swift build -c release --show-bin-path)/danecheck}
[ -x "$bin" ] || swift build -c release --product danecheck >/dev/null
domains=$(sed -n 's/^\([a-z0-9-]*\)\.mx 3600 IN MX .*/\1.mx.dane.test/p' .sandbox/zones/dane.test.zone 2>/dev/null | sort -u)
[ -n "$domains" ] || domains="ee311.mx.dane.test wrongdigest.mx.dane.test paired.mx.dane.test nullmx.test bogus-mx.test"
log=$(mktemp)
"$(dirname "$bin")/danecheck-exporter" --listen 127.0.0.1:0 --resolver 127.53.0.2 --timeout 2 --allow-private-addresses 2> "$log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q "listening on" "$log" && break; sleep 0.1; done
address=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$log")
count=$(echo "$domains" | wc -w)
echo "exporter $address (pid $pid), $count domains every ${interval}s for ${duration}s"
printf "%6s %8s %8s %5s %8s\n" "t(s)" "round(s)" "RSS(kB)" "fds" "threads"
start=$(date +%s)
while [ $(( $(date +%s) - start )) -lt "$duration" ]; do
  round=$(date +%s.%N)
  for d in $domains; do
    curl -s -m 20 -o /dev/null -H "X-Prometheus-Scrape-Timeout-Seconds: 10" "http://$address/probe?target=$d" &
  done
  wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
  took=$(awk -v a="$round" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  fds=$(ls /proc/$pid/fd | wc -l)
  threads=$(awk '/Threads/ {print $2}' /proc/$pid/status)
  printf "%6d %8.2f %8d %5d %8d\n" $(( $(date +%s) - start )) "$took" "$rss" "$fds" "$threads"
  sleep "$interval"
done
curl -s "http://$address/metrics" | grep -E "^danecheck_exporter_(requests|probes|dns)" | sort
