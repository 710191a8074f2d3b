#!/usr/bin/env bash
# Soak: no growth over time. Against the sandbox (started first):
#   1. one exporter answers CHECKS (default 1000) /probe requests of mixed sandbox domains, 8 at
#      a time (as one Prometheus scraping many targets);
#   2. one `check` batch of BATCH (default 1000) distinct domains (dN.wild.test: every one its
#      own MX lookup, all sharing one MX host).
# Each process's open file descriptors (/proc/PID/fd), RSS and threads are sampled every
# SAMPLE seconds (default 1; the batch every 0.05 s) and printed. Pass: after warm-up (the first
# half of the samples: the blocking-work threads, ~40 for 8 scrapes at once, reach their stack
# and heap high-water over the first seconds) the largest RSS exceeds the warm-up's last by at
# most 8 MB (a leak of ~16 KB a check over 1000 checks); the exporter's threads by at most 4
# and, idle after the load, it holds at most 2 descriptors more than after one scrape made
# before the samples (which makes what is made once per process: the poll thread's wake pipe);
# the batch never holds more than 200 descriptors (one leaked per domain would be 1000) nor
# more than 140 threads (the blocking-work pool's 128 and the runtime's).
#
#   bench/soak.sh [CHECKS [BATCH]]      DANECHECK_BIN names the binary (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
checks=${1:-1000}
batch=${2:-1000}
every=${SAMPLE:-1}
bin=${DANECHECK_BIN:-$(swift build --show-bin-path)/danecheck}
[ -x "$bin" ] || swift build --product danecheck >/dev/null
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

sample() {  # pid file: one line per SAMPLE seconds while pid runs
  local pid=$1 out=$2 start
  start=$(date +%s.%N)
  while kill -0 "$pid" 2>/dev/null; do
    local rss fds threads
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
    fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
    threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
    [ -n "$rss" ] && printf "%7.1f %9d %5d %8d\n" "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$rss" "$fds" "$threads" >> "$out"
    sleep "$every"
  done
}

judge() {  # name file fdbound threadbound: prints the samples and the verdict; returns 1 on growth
  local name=$1 file=$2 fdbound=$3 threadbound=$4
  echo "== $name: t(s) RSS(kB) fds threads"
  cat "$file"
  awk -v name="$name" -v fdbound="$fdbound" -v threadbound="$threadbound" '
    { t[NR] = $1; rss[NR] = $2; fds[NR] = $3; th[NR] = $4 }
    END {
      if (NR < 8) { printf "%s: only %d samples: too short to judge\n", name, NR; exit 1 }
      w = int(NR / 2); mr = 0; mf = 0; mt = 0
      for (i = w + 1; i <= NR; i++) { if (rss[i] > mr) mr = rss[i]; if (fds[i] > mf) mf = fds[i]; if (th[i] > mt) mt = th[i] }
      printf "%s: after warm-up (sample %d, t=%.1fs: RSS %d kB, %d fds, %d threads) the most is RSS %d kB (%+d), %d fds (%+d), %d threads (%+d)\n",
             name, w, t[w], rss[w], fds[w], th[w], mr, mr - rss[w], mf, mf - fds[w], mt, mt - th[w]
      # Descriptors rise and fall with the requests in flight: the exporter is judged idle (its
      # last sample, after the load, against its first, before it), the batch by a bound far
      # below one descriptor per domain.
      fdbad = (fdbound == "idle") ? (fds[NR] - fds[1] > 2) : (mf > fdbound)
      printf "%s: descriptors %s\n", name, (fdbound == "idle") ? sprintf("idle before %d, after %d", fds[1], fds[NR]) : sprintf("at most %d (bound %d)", mf, fdbound)
      # Threads: the blocking-work pool grows on demand up to 128 threads; a batch that starts
      # from idle grows it, so the batch is held to that bound, the exporter to its warm-up.
      thbad = (threadbound == "warm") ? (mt - th[w] > 4) : (mt > threadbound)
      bad = (mr - rss[w] > 8192) || fdbad || thbad
      print name ": " (bad ? "FAIL: grows" : "pass")
      exit bad
    }' "$file"
}

# 1. The exporter.
domains=$(sed -n 's/^\([a-z0-9-]*\)\.mx 3600 IN MX .*/\1.mx.dane.test/p' .sandbox/zones/dane.test.zone | sort -u | grep -v "h-silent\|h-drip\|h-slow")
domains="$domains nullmx.test bogus-mx.test example.test good.rpt.test stale.test"
"$(dirname "$bin")/danecheck-exporter" --listen 127.0.0.1:0 --resolver 127.53.0.2 --timeout 2 --allow-private-addresses 2> "$work/exporter.log" &
exporter=$!
for _ in $(seq 100); do grep -q "listening on" "$work/exporter.log" && break; sleep 0.1; done
address=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$work/exporter.log")
# shellcheck disable=SC2086
curl -s -m 20 -o /dev/null "http://$address/probe?target=$(printf '%s\n' $domains | head -n 1)"
sample "$exporter" "$work/exporter.samples" &
started=$(date +%s.%N)
for i in $(seq "$checks"); do set -- $domains; shift $(( i % $# )); echo "$1"; done |
  xargs -P 8 -I{} curl -s -m 20 -o /dev/null -w "%{http_code}\n" "http://$address/probe?target={}" > "$work/codes"
took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
sleep "$((every * 2))"
kill "$exporter"; wait "$exporter" 2>/dev/null || true
echo "exporter: $checks checks in ${took}s, HTTP status: $(sort "$work/codes" | uniq -c | tr '\n' ' ')"

# 2. One batch.
for i in $(seq "$batch"); do echo "d$i.wild.test"; done > "$work/domains"
"$bin" check --resolver 127.53.0.2 --timeout 2 --jsonl --file "$work/domains" > "$work/batch.jsonl" 2> "$work/batch.err" &
checker=$!
every=0.05 sample "$checker" "$work/batch.samples" &
started=$(date +%s.%N)
wait "$checker" || true
took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
echo "batch: $(wc -l < "$work/batch.jsonl") of $batch domains in ${took}s; $(tail -1 "$work/batch.err")"

status=0
judge exporter "$work/exporter.samples" idle warm || status=1
judge batch "$work/batch.samples" 200 140 || status=1
exit $status
