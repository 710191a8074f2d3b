#!/usr/bin/env bash
# danecheck check against the sandbox with artificial latency, beside Postfix's posttls-finger.
#
#   make bench-check          (builds release, starts the sandbox, runs this)
#   bench/run.sh              (sandbox already running; DANECHECK_BIN to pick a binary)
#
# Latency: every DNS answer through 127.53.0.4 and every SMTP round trip through the
# 127.0.12.N proxies costs DANECHECK_SANDBOX_DELAY_MS (default 20 ms, set when the sandbox
# starts); a TCP connect costs one round trip too (added to the greeting by the proxy).
# Prints: (1) one domain, one MX: wall time, the critical-path bound (8 dependent round trips:
# MX -> {A, AAAA, TLSA} -> connect -> greeting -> EHLO -> STARTTLS -> handshake -> EHLO, times the
# measured RTT) and their ratio, and posttls-finger on the same domain; (2) 240 domains over 8 MX
# hosts: wall and CPU of `check --file` and of posttls-finger over the list with xargs -P 32;
# (3) peak RSS of the batch.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
bin=${DANECHECK_BIN:-$(swift build -c release --show-bin-path)/danecheck}
state=.sandbox
resolver=127.53.0.4
list=$state/smtp/bench-domains.txt
one=b1.bench.dane.test

sandbox/sandbox.sh status >/dev/null 2>&1 || { echo "bench: the sandbox is not running (make bench-check starts it)" >&2; exit 1; }
command -v posttls-finger >/dev/null || { echo "bench: posttls-finger not installed (apt-get install postfix)" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }'; }
ms_of() { local start; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - start) / 1000000 )); }

# posttls-finger reads /etc/resolv.conf: give it the sandbox's delaying resolver in a private
# mount namespace (trust-ad so that glibc keeps the AD bit), and a main.cf for DNSSEC.
ptf=$(mktemp -d)
trap 'rm -rf "$ptf"' EXIT
printf 'nameserver %s\noptions trust-ad\n' "$resolver" > "$ptf/resolv.conf"
printf 'compatibility_level = 3.6\nsmtp_dns_support_level = dnssec\ndnssec_probe = ns:.\n' > "$ptf/main.cf"
in_ptf_ns() { unshare -m sh -c "mount --bind $ptf/resolv.conf /etc/resolv.conf && MAIL_CONFIG=$ptf $*"; }

"$bin" check --resolver "$resolver" "$one" >/dev/null 2>&1   # warm the resolver's cache
rtt=$("$bin" domain --debug dns --resolver "$resolver" "$one" 2>&1 >/dev/null | sed -n 's/.* \([0-9.]*\)ms$/\1/p' | median)
wall=$(for _ in $(seq 1 "$runs"); do ms_of "$bin" check --resolver "$resolver" "$one"; done | median)
bound=$(awk -v r="$rtt" 'BEGIN { printf "%.1f", 8 * r }')
ratio=$(awk -v w="$wall" -v b="$bound" 'BEGIN { printf "%.2f", w / b }')
ptf_one=$(for _ in $(seq 1 "$runs"); do ms_of in_ptf_ns posttls-finger -c -l dane "$one"; done | median)
verdict=$("$bin" check --resolver "$resolver" "$one" 2>/dev/null | head -n 1)

echo "latency: ${DANECHECK_SANDBOX_DELAY_MS:-20} ms per round trip; measured DNS RTT ${rtt} ms"
echo
echo "(1) one domain, one MX ($verdict)"
printf '  %-34s %10s ms\n' "danecheck check (median of $runs)" "$wall"
printf '  %-34s %10s ms   ratio %s (target <= 1.25)\n' "critical-path bound (8 x RTT)" "$bound" "$ratio"
printf '  %-34s %10s ms\n' "posttls-finger -l dane" "$ptf_one"

domains=$(wc -l < "$list")
/usr/bin/time -o "$ptf/danecheck.time" -f '%e %U %S %M' "$bin" check --resolver "$resolver" --concurrency 32 --file "$list" \
  >"$ptf/danecheck.out" 2>/dev/null || true
read -r d_wall d_user d_sys d_rss < "$ptf/danecheck.time"
in_ptf_ns "/usr/bin/time -o $ptf/ptf.time -f '%e %U %S' xargs -P 32 -n 1 posttls-finger -c -l dane < $list >$ptf/ptf.out 2>&1" || true
read -r p_wall p_user p_sys < "$ptf/ptf.time"
d_ok=$(grep -c ': authenticated via' "$ptf/danecheck.out" || true)
p_ok=$(grep -c 'Verified TLS connection established' "$ptf/ptf.out" || true)
d_cpu=$(awk -v u="$d_user" -v s="$d_sys" 'BEGIN { printf "%.2f", u + s }')
p_cpu=$(awk -v u="$p_user" -v s="$p_sys" 'BEGIN { printf "%.2f", u + s }')
echo
echo "(2) batch of $domains domains over 8 MX hosts (authenticated: danecheck $d_ok, posttls-finger verified $p_ok)"
printf '  %-34s wall %6.2f s   cpu %6.2f s\n' "danecheck check --file (32 at once)" "$d_wall" "$d_cpu"
printf '  %-34s wall %6.2f s   cpu %6.2f s\n' "posttls-finger, xargs -P 32" "$p_wall" "$p_cpu"
printf '  %-34s wall %6.2f x   cpu %6.2f x   (targets <= 0.5)\n' "danecheck / posttls-finger" \
  "$(awk -v a="$d_wall" -v b="$p_wall" 'BEGIN { print a / b }')" "$(awk -v a="$d_cpu" -v b="$p_cpu" 'BEGIN { print a / b }')"
echo
echo "(3) peak RSS of the batch: $((d_rss / 1024)) MB (target <= 50 MB)"
