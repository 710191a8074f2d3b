#!/usr/bin/env bash
# danecheck at survey scale, beside posttls-finger, with a real per-packet delay.
#
#   make bench-scale          (installs iptables and libnetfilter-queue-dev, builds release,
#                              starts the sandbox, runs this)
#   bench/scale.sh            (sandbox running; DANECHECK_BIN picks a binary; DELAY_MS, RUNS,
#                              SURVEY (domains of the large run, default 10000))
#
# Every packet to and from the survey MX hosts (127.0.13.1-4: DANE-EE, DANE-TA, a host reached
# through a CNAME, DANE-EE beside DANE-TA) and every DNS packet between a client and the
# validating resolver (127.53.0.2) waits DELAY_MS (default 20) in an NFQUEUE delayer
# (bench/nfqdelay.c): a round trip costs 2 x DELAY_MS, the TCP handshake included, as on a real
# path (the sandbox's proxies delay answers, not packets). The domains come from wildcards:
# dN.wK.survey.dane.test MX 10 s1, s2, s3alias (CNAME s3), s4 for K = 1..4.
# Prints, side by side: (1) one domain: wall, the 8-round-trip bound (MX -> A/AAAA/TLSA ->
# connect -> greeting -> EHLO -> STARTTLS -> TLS 1.3 -> EHLO), the ratio, posttls-finger;
# (2) 240 domains at --concurrency 32, 100, 200 and posttls-finger under xargs -P 32: wall, CPU,
# peak RSS; (3) SURVEY domains: wall, domains per second, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
delay=${DELAY_MS:-20}
survey=${SURVEY:-10000}
bin=${DANECHECK_BIN:-$(swift build -c release --show-bin-path)/danecheck}
resolver=127.53.0.2
queue=13
state=.sandbox

sandbox/sandbox.sh status >/dev/null 2>&1 || { echo "bench: the sandbox is not running (make bench-scale starts it)" >&2; exit 1; }
for tool in posttls-finger iptables-legacy cc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not installed (make bench-scale installs it)" >&2; exit 1; }
done

work=$(mktemp -d)
rules=(
  "-d 127.0.13.0/24 -p tcp --dport 25" "-s 127.0.13.0/24 -p tcp --sport 25"
  "-d $resolver -p udp --dport 53" "-s $resolver -p udp --sport 53"
  "-d $resolver -p tcp --dport 53" "-s $resolver -p tcp --sport 53"
)
cleanup() {
  for rule in "${rules[@]}"; do
    # shellcheck disable=SC2086
    iptables-legacy -t mangle -D OUTPUT $rule -j NFQUEUE --queue-num $queue --queue-bypass 2>/dev/null || true
  done
  [ -n "${delayer:-}" ] && kill "$delayer" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -o "$work/nfqdelay" bench/nfqdelay.c -lnetfilter_queue -lnfnetlink
"$work/nfqdelay" $queue "$delay" 2>"$work/nfqdelay.log" &
delayer=$!
sleep 0.3
for rule in "${rules[@]}"; do
  # shellcheck disable=SC2086
  iptables-legacy -t mangle -A OUTPUT $rule -j NFQUEUE --queue-num $queue --queue-bypass
done

# posttls-finger reads /etc/resolv.conf: the validating resolver in a private mount namespace
# (trust-ad so that glibc keeps the AD bit), and a main.cf for DNSSEC.
printf 'nameserver %s\noptions trust-ad\n' "$resolver" > "$work/resolv.conf"
printf 'compatibility_level = 3.6\nsmtp_dns_support_level = dnssec\ndnssec_probe = ns:.\n' > "$work/main.cf"
in_ptf_ns() { unshare -m sh -c "mount --bind $work/resolv.conf /etc/resolv.conf && MAIL_CONFIG=$work $*"; }

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }'; }
ms_of() { local start; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - start) / 1000000 )); }
list() { for i in $(seq 1 "$1"); do echo "d$i.w$(( (i - 1) % 4 + 1 )).survey.dane.test"; done; }
# wall s, cpu s, peak RSS MB of a command (its output to $work/out)
measure() {
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >"$work/out" 2>"$work/err" || true
  awk '{ printf "%.2f %.2f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$work/time"
}

list 240 > "$work/list240"
list "$survey" > "$work/survey"
one=d1.w1.survey.dane.test
"$bin" check --resolver "$resolver" --file "$work/list240" >/dev/null 2>&1 || true   # warm the resolver
rtt=$("$bin" domain --debug dns --resolver "$resolver" "$one" 2>&1 >/dev/null | sed -n 's/.* \([0-9.]*\)ms$/\1/p' | median)
wall=$(for _ in $(seq 1 "$runs"); do ms_of "$bin" check --resolver "$resolver" "$one"; done | median)
wall_default=$(for _ in $(seq 1 "$runs"); do ms_of "$bin" check --key-types default --resolver "$resolver" "$one"; done | median)
bound=$(awk -v r="$rtt" 'BEGIN { printf "%.1f", 8 * r }')
ptf_one=$(for _ in $(seq 1 "$runs"); do ms_of in_ptf_ns posttls-finger -c -l dane "$one"; done | median)
verdict=$("$bin" check --resolver "$resolver" "$one" 2>/dev/null | head -n 1)

echo "per-packet delay ${delay} ms (NFQUEUE); measured DNS round trip ${rtt} ms; release build; $(nproc) cores"
echo
echo "(1) one domain, one MX ($verdict)"
printf '  %-44s %9s ms\n' "danecheck check (median of $runs)" "$wall"
printf '  %-44s %9s ms\n' "danecheck check --key-types default" "$wall_default"
printf '  %-44s %9s ms   ratio %s (target <= 1.15)\n' "critical-path bound (8 x RTT)" "$bound" \
  "$(awk -v w="$wall" -v b="$bound" 'BEGIN { printf "%.2f", w / b }')"
printf '  %-44s %9s ms\n' "posttls-finger -c -l dane" "$ptf_one"

echo
echo "(2) 240 domains over 4 MX hosts (DANE-EE, DANE-TA, CNAME'd, EE+TA)"
printf '  %-44s %8s %8s %8s %6s\n' "" "wall s" "cpu s" "RSS MB" "auth"
for concurrency in 32 100 200; do
  read -r w c r < <(measure "$bin" check --resolver "$resolver" --concurrency "$concurrency" --file "$work/list240")
  printf '  %-44s %8s %8s %8s %6s\n' "danecheck check --concurrency $concurrency" "$w" "$c" "$r" "$(grep -c ': authenticated via' "$work/out" || true)"
  [ "$concurrency" = 32 ] && d32=$w
done
in_ptf_ns "/usr/bin/time -o $work/ptf.time -f '%e %U %S %M' xargs -P 32 -n 1 posttls-finger -c -l dane < $work/list240 >$work/ptf.out 2>&1" || true
read -r p_wall p_cpu p_rss < <(awk '{ printf "%.2f %.2f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$work/ptf.time")
printf '  %-44s %8s %8s %8s %6s\n' "posttls-finger, xargs -P 32" "$p_wall" "$p_cpu" "$p_rss" "$(grep -c 'Verified TLS connection established' "$work/ptf.out" || true)"
printf '  %-44s %8s   (target <= 0.2)\n' "wall, danecheck (32) / posttls-finger" "$(awk -v a="$d32" -v b="$p_wall" 'BEGIN { printf "%.2f", a / b }')"

echo
echo "(3) $survey domains over the same 4 hosts"
read -r w c r < <(measure "$bin" check --resolver "$resolver" --concurrency 200 --file "$work/survey")
printf '  %-44s %8s %8s %8s   %s domains/s, %s authenticated\n' "danecheck check --concurrency 200" "$w" "$c" "$r" \
  "$(awk -v n="$survey" -v w="$w" 'BEGIN { printf "%.0f", n / w }')" "$(grep -c ': authenticated via' "$work/out" || true)"
grep -q ENOBUFS "$work/nfqdelay.log" && echo "  (the delayer lost packets: figures are not clean)"
exit 0
