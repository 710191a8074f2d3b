#!/usr/bin/env bash
# The danecheck sandbox: a private DNSSEC-signed tree served by NSD, a validating Unbound,
# a non-validating Unbound, and small UDP helpers (a delaying proxy and a silent resolver).
# Everything listens on loopback; keys are generated and zones signed at every start.
#
#   sandbox/sandbox.sh install   apt-get the servers and tools (root, Debian 12)
#   sandbox/sandbox.sh start     generate keys, sign zones, start the servers
#   sandbox/sandbox.sh stop      stop what start started (by PID)
#   sandbox/sandbox.sh status    show what runs
#   sandbox/sandbox.sh env       print the addresses as shell variables
#   sandbox/sandbox.sh down|up validating|nsd|postfix   stop or start one server (fault tests)
#
# Addresses (see README, "The sandbox"):
#   127.53.0.1:53   NSD, authoritative for the fake root ".", "test." and its children
#   127.53.0.2:53   Unbound, validating from the sandbox root's trust anchor (also [::1]:5302)
#   127.53.0.3:53   Unbound, not validating
#   127.53.0.4:53   UDP proxy to 127.53.0.2 adding DANECHECK_SANDBOX_DELAY_MS (default 20) per answer
#   127.53.0.5:53   a resolver that never answers (timeouts)
#   127.53.0.6:53   an authoritative server that answers REFUSED (lame.test is delegated to it)
#   127.53.0.7:53   a sinkhole resolver: NXDOMAIN for the root name and under example.test,
#                   the rest forwarded to 127.53.0.2 (a filtering resolver without internet access)
#   127.53.0.8:53   Unbound, validating, but with domain-insecure: dane.test (signed data, AD=0)
#   127.53.0.9:53   NSD: ns2.stale.test, serving the version of stale.test before the current one
#   127.53.0.10:53  NSD: ns3.stale.test, serving the current version with an expired TLSA RRSIG
#   127.53.0.11:53  a resolver that does not validate and answers NXDOMAIN for the root name
#                   (forwards the rest to 127.53.0.3): DNSSEC status unknown, not insecure
#   127.53.0.12:53  likewise, answering REFUSED for the root name
#   127.0.10.N:25   Postfix smtpd, one listener per SMTP case (sandbox/smtpcases.py, zone dane.test)
#   127.0.11.N:25   misbehaving SMTP peers (sandbox/hostile.py)
#   127.0.12.N:25   TCP proxies adding DANECHECK_SANDBOX_DELAY_MS per round trip (sandbox/tcpdelay.py)
#   127.0.16.N:25   nothing listens: the 100 MX hosts of many.test (connections refused)
#   127.0.14.1:443  nginx: HTTPS for mta-sts.NAME.sts.test (MTA-STS policies, zone sts.test)
#   127.0.14.2:443  hostile.py: the policies of mta-sts.noclose and .closeframed.sts.test, each
#                   closed without TLS close_notify (closeframed: a body framed by the close alone)
#   nftables table inet danecheck_sandbox: outbound TCP port 25 dropped for uid 65534 (nobody)
#                   and rejected (TCP reset) for uid 64025: a network that blocks port 25, for
#                   processes run with setpriv under those uids; DNS and everything else pass,
#                   and so does 127.0.10.2:25 (ee312.dane.test: one domain reachable in a batch)
#   127.53.1.1-3:53 a hostile resolver: forged replies, CNAME loops, truncation, control
#                   characters (sandbox/hostiledns.py; names under hostile.test.)
#   127.53.2.1:53   Unbound, validating from the root's anchor and anchors at odd places
#                   (sandbox/proofzones.sh: the proof-shape zones under proof.test.)
#   127.53.2.2:53   Unbound, validating from anchors below the root only (proofzones.sh)
set -euo pipefail
# And inside $(…) too: zones are signed in $(sign_zone …), whose failures went unseen before.
shopt -s inherit_errexit
set -E
trap 'log "stopped: line $LINENO failed (exit status $?): $BASH_COMMAND"' ERR

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=$(realpath -m "${DANECHECK_SANDBOX_DIR:-$here/../.sandbox}")
delay_ms=${DANECHECK_SANDBOX_DELAY_MS:-20}

NSD_ADDR=127.53.0.1
VALIDATING=127.53.0.2
VALIDATING6_PORT=5302
NONVALIDATING=127.53.0.3
SLOW=127.53.0.4
SILENT=127.53.0.5
REFUSING=127.53.0.6
SINKHOLE=127.53.0.7
STALE_PREVIOUS=127.53.0.9
STALE_EXPIRED=127.53.0.10
PARTIAL=127.53.0.8
PLAIN_DENYING_ROOT=127.53.0.11
PLAIN_REFUSING_ROOT=127.53.0.12

SIGNED_ZONES="dane.test. example.test. one.test. eight.test. unsignedhost.test. bogus-tlsa.test. bogus-mx.test. bogus-a.test. nsec.test. nsec3.test. cname.test. implicit.test. nullmx.test. tlsacname.test. unusable.test. bigtlsa.test. insecuretlsa.test. expiredrr.test. expired.test. dsmismatch.test. dsdigest.test. unsignedkey.test. rsa.test. ed25519.test. optout.test. wild.test. wild3.test. sts.test. iter.test. rpt.test. stale.test. many.test."
UNSIGNED_ZONES="insecure.test."
# Unsigned zones below a signed one (delegated there without DS, not from test.).
NESTED_UNSIGNED_ZONES="_tcp.mx.insecuretlsa.test. sub.optout.test."
# Signatures expire before 2038: ldns 1.8.3 mis-validates later dates.
EXPIRY=20370101000000

# shellcheck source=zones.sh
. "$here/zones.sh"
# shellcheck source=proofzones.sh
. "$here/proofzones.sh"

log() { printf 'sandbox: %s\n' "$*" >&2; }

install() {
  export DEBIAN_FRONTEND=noninteractive
  local need=() pkg
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  for pkg in nsd unbound ldnsutils python3 python3-cryptography python3-dnspython postfix iproute2 nginx-light nftables; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

zone_text() {
  case "$1" in
    .) zone_root ;;
    test.) zone_test ;;
    dane.test.) cat "$state/smtp/dane.test.zone" ;;
    example.test.) zone_example ;;
    one.test.) zone_one ;;
    eight.test.) zone_eight ;;
    insecure.test.) zone_insecure ;;
    insecuretlsa.test.) zone_insecuretlsa ;;
    _tcp.mx.insecuretlsa.test.) zone_insecuretlsa_tcp ;;
    unsignedhost.test.) zone_unsignedhost ;;
    bogus-tlsa.test.) zone_bogus_tlsa ;;
    bogus-mx.test.) zone_bogus_mx ;;
    bogus-a.test.) zone_bogus_a ;;
    bigtlsa.test.) zone_bigtlsa ;;
    nsec.test.) zone_nsec nsec.test. 3 ;;
    nsec3.test.) zone_nsec nsec3.test. 4 ;;
    cname.test.) zone_cname ;;
    implicit.test.) zone_implicit ;;
    nullmx.test.) zone_nullmx ;;
    tlsacname.test.) zone_tlsacname ;;
    unusable.test.) zone_unusable ;;
    expiredrr.test.) zone_dnssec_case "$1" 1 ;;
    expired.test.) zone_dnssec_case "$1" 2 ;;
    dsmismatch.test.) zone_dnssec_case "$1" 3 ;;
    dsdigest.test.) zone_dnssec_case "$1" 4 ;;
    unsignedkey.test.) zone_dnssec_case "$1" 5 ;;
    rsa.test.) zone_dnssec_case "$1" 6 ;;
    ed25519.test.) zone_dnssec_case "$1" 7 ;;
    optout.test.) zone_optout ;;
    wild.test.) zone_wild "$1" 10 ;;
    wild3.test.) zone_wild "$1" 11 ;;
    sts.test.) zone_sts ;;
    rpt.test.) zone_rpt ;;
    stale.test.) zone_stale 2026120201 current ;;
    many.test.) zone_many ;;
    iter.test.) zone_dnssec_case "$1" 12 ;;
    sub.optout.test.) zone_optout_sub ;;
    *) log "no zone text for $1"; exit 1 ;;
  esac
}

file_of() { [ "$1" = "." ] && echo root || echo "${1%.}"; }

# Signs zone $1 (already written to zones/NAME.zone) with a fresh key (ECDSA P-256 unless the
# zone is one of the algorithm cases); prints the DS for the parent (altered for the DS cases).
sign_zone() {
  local zone=$1 name key algorithm=(ECDSAP256SHA256) extra=() inception expiry=$EXPIRY
  name=$(file_of "$zone")
  inception=$(date -u -d yesterday +%Y%m%d%H%M%S)
  case "$zone" in
    rsa.test.) algorithm=(RSASHA256 -b 2048) ;;
    ed25519.test.) algorithm=(ED25519) ;;
    nsec3.test.|wild3.test.) extra=(-n -s abcd -t 0) ;;
    optout.test.) extra=(-n -p -s beef -t 0) ;;
    iter.test.) extra=(-n -s abcd -t 200) ;;
    expired.test.) inception=20200101000000; expiry=20200201000000 ;;
  esac
  local published=""
  if [ "$zone" = "unsignedkey.test." ]; then
    # Published, covered by the DS, but signing nothing.
    published=$(cd "$state/keys" && ldns-keygen -a ECDSAP256SHA256 -k "$zone")
    grep -v '^;' "$state/keys/$published.key" >> "$state/zones/$name.zone"
  fi
  key=$(cd "$state/keys" && ldns-keygen -a "${algorithm[@]}" -k "$zone")
  # Once (of many starts) the signed iter.test zone was missing and NSD served SERVFAIL for it,
  # cause unknown: an exit status or an empty file gets one retry, then the start stops.
  local try
  for try in 1 2; do
    ldns-signzone "${extra[@]}" -i "$inception" -e "$expiry" \
      -f "$state/zones/$name.zone.signed" "$state/zones/$name.zone" "$state/keys/$key" >/dev/null \
      && [ -s "$state/zones/$name.zone.signed" ] && break
    [ "$try" = 2 ] && { log "ldns-signzone did not sign $zone"; exit 1; }
    log "ldns-signzone did not sign $zone (exit status or empty output); once more"
  done
  case "$zone" in
    expiredrr.test.)
      # The TLSA RRSIG from a second signing that expired in 2020; the rest stays valid.
      ldns-signzone -i 20200101000000 -e 20200201000000 -f "$state/zones/$name.zone.expired" \
        "$state/zones/$name.zone" "$state/keys/$key" >/dev/null
      local sig=$'\tRRSIG\tTLSA '
      { grep -v -F -- "$sig" "$state/zones/$name.zone.signed"; grep -F -- "$sig" "$state/zones/$name.zone.expired"; } \
        > "$state/zones/$name.zone.grafted"
      mv "$state/zones/$name.zone.grafted" "$state/zones/$name.zone.signed"
      ldns-key2ds -n -2 "$state/keys/$key.key" ;;
    dsmismatch.test.)
      local other
      other=$(cd "$state/keys" && ldns-keygen -a ECDSAP256SHA256 -k "$zone")
      ldns-key2ds -n -2 "$state/keys/$other.key" ;;
    dsdigest.test.)
      ldns-key2ds -n -2 "$state/keys/$key.key" | awk -v d="$(digest32 wrong-digest)" 'BEGIN{OFS="\t"} {$NF=d; print}' ;;
    unsignedkey.test.)
      ldns-key2ds -n -2 "$state/keys/$published.key" ;;
    stale.test.)
      # ns2: the version before, signed with the same key (its signatures are valid).
      zone_stale 2024010101 previous > "$state/zones/$name.zone.previous"
      ldns-signzone -i "$inception" -e "$expiry" -f "$state/zones/$name.zone.previous.signed" \
        "$state/zones/$name.zone.previous" "$state/keys/$key" >/dev/null
      # ns3: this version, its TLSA RRSIG from a signing that expired in 2020.
      ldns-signzone -i 20200101000000 -e 20200201000000 -f "$state/zones/$name.zone.expired" \
        "$state/zones/$name.zone" "$state/keys/$key" >/dev/null
      local tlsasig=$'\tRRSIG\tTLSA '
      { grep -v -F -- "$tlsasig" "$state/zones/$name.zone.signed"; grep -F -- "$tlsasig" "$state/zones/$name.zone.expired"; } \
        > "$state/zones/$name.zone.expired.signed"
      ldns-key2ds -n -2 "$state/keys/$key.key" ;;
    *)
      ldns-key2ds -n -2 "$state/keys/$key.key" ;;
  esac
}

# Replaces data in a signed zone after signing, so that the signature no longer verifies.
tamper() {
  local file=$1 from=$2 to=$3
  grep -q -- "$from" "$file" || { log "tamper: '$from' not in $file"; exit 1; }
  sed -i "s/$from/$to/" "$file"
}

build_zones() {
  rm -rf "$state/zones" "$state/keys" "$state/smtp"
  mkdir -p "$state/zones" "$state/keys"
  # The PKI and the TLSA records made from it, then the zone that publishes them.
  /usr/bin/python3 "$here/smtpcases.py" "$state/smtp"
  local zone ds_lines=""
  for zone in $SIGNED_ZONES $UNSIGNED_ZONES $NESTED_UNSIGNED_ZONES; do
    zone_text "$zone" > "$state/zones/$(file_of "$zone").zone"
  done
  for zone in $SIGNED_ZONES; do
    ds_lines+="$(sign_zone "$zone")"$'\n'
  done
  for zone in $UNSIGNED_ZONES $NESTED_UNSIGNED_ZONES; do
    cp "$state/zones/$(file_of "$zone").zone" "$state/zones/$(file_of "$zone").zone.signed"
  done
  tamper "$state/zones/bogus-tlsa.test.zone.signed" "$(digest32 mx.bogus-tlsa.test)" "$(digest32 tampered)"
  tamper "$state/zones/bogus-mx.test.zone.signed" $'MX\t10 mx.bogus-mx.test.' $'MX\t10 evil.bogus-mx.test.'
  tamper "$state/zones/bogus-a.test.zone.signed" $'A\t127.0.4.5' $'A\t127.0.4.6'
  ds_lines+="$(proof_build)"$'\n'
  { zone_test; printf '%s' "$ds_lines"; } > "$state/zones/test.zone"
  sign_zone test. > "$state/zones/test.ds"
  { zone_root; cat "$state/zones/test.ds"; } > "$state/zones/root.zone"
  sign_zone . > "$state/keys/root.ds"
}

write_nsd_conf() {
  mkdir -p "$state/nsd"
  {
    cat <<C
server:
  ip-address: $NSD_ADDR
  port: 53
  username: ""
  chroot: ""
  zonesdir: "$state/zones"
  zonelistfile: "$state/nsd/zone.list"
  database: ""
  xfrdfile: "$state/nsd/xfrd.state"
  pidfile: "$state/nsd/nsd.pid"
  logfile: "$state/nsd/nsd.log"
  server-count: 1
  verbosity: 1
remote-control:
  control-enable: no
C
    local zone
    for zone in . test. $SIGNED_ZONES $UNSIGNED_ZONES $NESTED_UNSIGNED_ZONES $PROOF_SERVED_ZONES; do
      printf 'zone:\n  name: "%s"\n  zonefile: "%s.zone.signed"\n' "$zone" "$(file_of "$zone")"
    done
  } > "$state/nsd/nsd.conf"
  nsd-checkconf "$state/nsd/nsd.conf"
}

# $1 directory name, $2 interface lines, $3 validating (yes/no), $4 extra server lines
write_unbound_conf() {
  local dir="$state/$1"
  mkdir -p "$dir"
  local modules="iterator" anchor=""
  if [ "$3" = yes ]; then
    modules="validator iterator"
    anchor="  trust-anchor-file: \"$state/keys/root.ds\""
  fi
  if [ -n "${4:-}" ]; then anchor="$anchor
$4"; fi
  cat > "$dir/unbound.conf" <<C
server:
$2
  port: 53
  username: ""
  chroot: ""
  directory: "$dir"
  pidfile: "$dir/unbound.pid"
  logfile: "$dir/unbound.log"
  use-syslog: no
  do-daemonize: yes
  num-threads: 1
  so-reuseport: no
  # The test suite sends bursts of queries from many processes at once: room for all of them.
  num-queries-per-thread: 4096
  so-rcvbuf: 4m
  so-sndbuf: 4m
  access-control: 127.0.0.0/8 allow
  access-control: ::1 allow
  do-not-query-localhost: no
  local-zone: "test." nodefault
  module-config: "$modules"
$anchor
  val-log-level: 2
  qname-minimisation: no
  rrset-roundrobin: no
  prefetch: no
  edns-buffer-size: 1232
remote-control:
  control-enable: no
stub-zone:
  name: "."
  stub-addr: $NSD_ADDR
C
  unbound-checkconf "$dir/unbound.conf" >/dev/null
}

# Postfix runs its daemons as the postfix user, which must traverse every folder above its queue
# and data directories: a checkout under a 0700 folder (/root, a private home, mktemp -d) is out of
# its reach. Its state lives under /run, one folder per checkout (named by a hash of the state
# path), and $state/postfix is a link to it.
postfix_home() {
  local id
  id=$(printf '%s' "$state" | sha256sum | cut -c1-16)
  printf '/run/danecheck-sandbox/%s/postfix' "$id"
}

write_postfix_conf() {
  local dir
  dir=$(postfix_home)
  rm -rf "$dir" "$state/postfix"
  mkdir -p "$dir/etc" "$dir/queue" "$dir/data"
  chmod 755 /run/danecheck-sandbox "$(dirname "$dir")" "$dir"
  chown postfix "$dir/data"
  ln -s "$dir" "$state/postfix"
  if ! runuser -u postfix -- test -w "$dir/data"; then
    log "the postfix user cannot write $dir/data (a folder above it is closed to it: $(namei -m "$dir/data" | awk 'NR>1 {print $1}' | tr '\n' ' ')); Postfix cannot start"
    exit 1
  fi
  cat > "$dir/etc/main.cf" <<C
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.sandbox.test
mydestination =
relayhost =
inet_interfaces = all
inet_protocols = ipv4
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
alias_maps =
alias_database =
local_recipient_maps =
smtpd_banner = \$myhostname ESMTP sandbox
smtpd_tls_loglevel = 1
C
  {
    cat "$state/smtp/listeners.cf"
    cat <<C
anvil     unix  -       -       n       -       1       anvil
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
postlog   unix-dgram n  -       n       -       1       postlogd
C
  } > "$dir/etc/master.cf"
}

write_nginx_conf() {
  local dir="$state/nginx"
  mkdir -p "$dir"
  cat > "$dir/nginx.conf" <<C
user root;
daemon on;
pid $dir/nginx.pid;
error_log $dir/error.log;
worker_processes 1;
events { worker_connections 256; }
http {
  access_log $dir/access.log;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  types { text/plain txt; }
  default_type application/octet-stream;
  server {
    listen 127.0.14.1:443 ssl;
    server_name *.sts.test;
    ssl_certificate $state/smtp/pki/mta-sts.chain;
    ssl_certificate_key $state/smtp/pki/mta-sts.key;
    root $state/smtp/www/\$host;
  }
  server {
    listen 127.0.14.1:443 ssl;
    server_name mta-sts.charset.sts.test;
    ssl_certificate $state/smtp/pki/mta-sts.chain;
    ssl_certificate_key $state/smtp/pki/mta-sts.key;
    root $state/smtp/www/\$host;
    charset utf-8;
  }
  server {
    listen 127.0.14.1:443 ssl;
    server_name mta-sts.redirect.sts.test;
    ssl_certificate $state/smtp/pki/mta-sts.chain;
    ssl_certificate_key $state/smtp/pki/mta-sts.key;
    return 301 https://mta-sts.dane.sts.test/.well-known/mta-sts.txt;
  }
}
C
}

# Outbound port 25 blocked for two uids only (the tests run danecheck under them with setpriv):
# DROP (connections time out) for nobody, REJECT with a TCP reset (refused) for 64025.
BLOCKED_DROP_UID=65534
BLOCKED_REJECT_UID=64025
# One SMTP case stays reachable for them: a batch with one domain that connects.
REACHABLE_WHEN_BLOCKED=127.0.10.2
# A lossy network: a quarter of this uid's packets dropped at random, both ways of every protocol.
LOSSY_UID=64026
LOSS_PERCENT=25
start_port25_filter() {
  nft delete table inet danecheck_sandbox 2>/dev/null || true
  nft -f - <<N
table inet danecheck_sandbox {
  chain output {
    type filter hook output priority 0; policy accept;
    meta skuid { $BLOCKED_DROP_UID, $BLOCKED_REJECT_UID } ip daddr $REACHABLE_WHEN_BLOCKED tcp dport 25 accept
    meta skuid $BLOCKED_DROP_UID tcp dport 25 drop
    meta skuid $BLOCKED_REJECT_UID tcp dport 25 reject with tcp reset
    meta skuid $LOSSY_UID meta l4proto { tcp, udp } numgen random mod 100 < $LOSS_PERCENT drop
  }
}
N
}

# A second and third NSD for stale.test (ns2, ns3), each serving one version of it.
# $1 name, $2 address, $3 zone file (under zones/)
start_stale_nsd() {
  local dir="$state/nsd-$1"
  mkdir -p "$dir"
  cat > "$dir/nsd.conf" <<C
server:
  ip-address: $2
  port: 53
  username: ""
  chroot: ""
  zonesdir: "$state/zones"
  zonelistfile: "$dir/zone.list"
  database: ""
  xfrdfile: "$dir/xfrd.state"
  pidfile: "$dir/nsd.pid"
  logfile: "$dir/nsd.log"
  server-count: 1
  verbosity: 1
remote-control:
  control-enable: no
zone:
  name: "stale.test."
  zonefile: "$3"
C
  nsd-checkconf "$dir/nsd.conf"
  nsd -c "$dir/nsd.conf"
}

pid_alive() { local pid; pid=$(tr -d ' \n' 2>/dev/null < "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

start_helper() {  # name, args...
  local name=$1; shift
  nohup python3 "$here/udphelper.py" "$@" > "$state/$name.log" 2>&1 &
  echo $! > "$state/$name.pid"
}

wait_for() {  # server address, query name
  local i
  for i in $(seq 1 50); do
    if drill -Q @"$1" "$2" SOA >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  log "$1 did not answer for $2"; return 1
}

wait_tcp() {  # address port: wait until something accepts there
  local i
  for i in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  log "nothing accepts on $1:$2"; return 1
}

start() {
  install
  stop >/dev/null 2>&1 || true
  # A start that fails stops what it started: no daemon is left behind for the next start or run.
  trap 'rc=$?; if [ "$rc" -ne 0 ]; then log "start failed: stopping what was started"; stop >/dev/null 2>&1 || true; fi' EXIT
  mkdir -p "$state"
  build_zones
  write_nsd_conf
  write_unbound_conf unbound-validating "  interface: $VALIDATING
  interface: ::1@$VALIDATING6_PORT" yes
  write_unbound_conf unbound-plain "  interface: $NONVALIDATING" no
  write_unbound_conf unbound-partial "  interface: $PARTIAL" yes '  domain-insecure: "dane.test."'
  nsd -c "$state/nsd/nsd.conf"
  wait_for "$NSD_ADDR" test.
  start_stale_nsd ns2 "$STALE_PREVIOUS" stale.test.zone.previous.signed
  start_stale_nsd ns3 "$STALE_EXPIRED" stale.test.zone.expired.signed
  wait_for "$STALE_PREVIOUS" stale.test.
  wait_for "$STALE_EXPIRED" stale.test.
  unbound -c "$state/unbound-validating/unbound.conf"
  unbound -c "$state/unbound-plain/unbound.conf"
  unbound -c "$state/unbound-partial/unbound.conf"
  proof_start
  start_helper delay-proxy --listen "$SLOW:53" --upstream "$VALIDATING:53" --delay-ms "$delay_ms"
  write_postfix_conf
  # Postfix logs its fatal errors to syslog, which this machine may not run: start it and
  # check that the master runs, pointing at the maillog when it does not.
  postfix -c "$state/postfix/etc" start >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do pid_alive "$state/postfix/queue/pid/master.pid" && break; sleep 0.1; done
  pid_alive "$state/postfix/queue/pid/master.pid" || { log "postfix did not start (see $state/postfix/maillog)"; exit 1; }
  nohup python3 "$here/hostile.py" "$state/smtp/pki" > "$state/hostile.log" 2>&1 &
  echo $! > "$state/hostile.pid"
  nohup /usr/bin/python3 "$here/hostiledns.py" > "$state/hostiledns.log" 2>&1 &
  echo $! > "$state/hostiledns.pid"
  # shellcheck disable=SC2046
  nohup python3 "$here/tcpdelay.py" --delay-ms "$delay_ms" $(cat "$state/smtp/bench-routes") > "$state/tcpdelay.log" 2>&1 &
  echo $! > "$state/tcpdelay.pid"
  write_nginx_conf
  nginx -c "$state/nginx/nginx.conf"
  start_port25_filter
  start_helper silent --listen "$SILENT:53" --silent
  start_helper refusing --listen "$REFUSING:53" --refuse
  start_helper sinkhole --listen "$SINKHOLE:53" --upstream "$VALIDATING:53" --nxdomain-for . --nxdomain-for example.test.
  start_helper plain-denying-root --listen "$PLAIN_DENYING_ROOT:53" --upstream "$NONVALIDATING:53" --nxdomain-for .
  start_helper plain-refusing-root --listen "$PLAIN_REFUSING_ROOT:53" --upstream "$NONVALIDATING:53" --refused-for .
  wait_for "$VALIDATING" example.test.
  wait_tcp 127.0.10.1 25
  wait_tcp 127.0.11.10 25
  wait_tcp 127.0.12.1 25
  wait_tcp 127.0.14.1 443
  wait_tcp 127.0.14.2 443
  wait_tcp 127.53.1.1 53
  wait_for "$NONVALIDATING" example.test.
  wait_for "$SLOW" example.test.
  wait_for "$PARTIAL" dane.test.
  log "up: nsd $NSD_ADDR, validating $VALIDATING and [::1]:$VALIDATING6_PORT, plain $NONVALIDATING, slow $SLOW (+${delay_ms}ms), silent $SILENT, refusing $REFUSING, sinkhole $SINKHOLE, partial $PARTIAL; port 25 blocked for uids $BLOCKED_DROP_UID (drop) and $BLOCKED_REJECT_UID (reject)"
}

stop() {
  local pidfile pid
  nft delete table inet danecheck_sandbox 2>/dev/null || true
  proof_stop
  for pidfile in "$state/nsd/nsd.pid" "$state/nsd-ns2/nsd.pid" "$state/nsd-ns3/nsd.pid" "$state/unbound-validating/unbound.pid" \
                 "$state/unbound-plain/unbound.pid" "$state/unbound-partial/unbound.pid" "$state/delay-proxy.pid" \
                 "$state/silent.pid" "$state/sinkhole.pid" "$state/plain-denying-root.pid" "$state/plain-refusing-root.pid" "$state/refusing.pid" "$state/hostile.pid" "$state/hostiledns.pid" "$state/tcpdelay.pid" \
                 "$state/postfix/queue/pid/master.pid" "$state/nginx/nginx.pid"; do
    stop_pid "$pidfile"
  done
}

status() {
  local rc=0 pidfile
  for pidfile in nsd/nsd.pid nsd-ns2/nsd.pid nsd-ns3/nsd.pid unbound-validating/unbound.pid unbound-plain/unbound.pid unbound-partial/unbound.pid \
                 delay-proxy.pid silent.pid sinkhole.pid plain-denying-root.pid plain-refusing-root.pid refusing.pid hostile.pid hostiledns.pid tcpdelay.pid postfix/queue/pid/master.pid nginx/nginx.pid; do
    if pid_alive "$state/$pidfile"; then echo "running  $pidfile ($(cat "$state/$pidfile"))"
    else echo "stopped  $pidfile"; rc=1; fi
  done
  return $rc
}

# The fault tests stop and start single servers mid-run (nothing else runs then).
server_down() {
  case "$1" in
    validating) stop_pid "$state/unbound-validating/unbound.pid" ;;
    nsd) stop_pid "$state/nsd/nsd.pid" ;;
    postfix) postfix -c "$state/postfix/etc" stop >/dev/null 2>&1 || true ;;
    *) echo "usage: $0 down validating|nsd|postfix" >&2; exit 2 ;;
  esac
}

server_up() {
  case "$1" in
    # Daemons started here keep no descriptor of the caller's: a test process reads its other
    # children's pipes until they close, and a daemon holding a copy would keep them open.
    validating) (detached; unbound -c "$state/unbound-validating/unbound.conf"); wait_for "$VALIDATING" example.test. ;;
    nsd) (detached; nsd -c "$state/nsd/nsd.conf"); wait_for "$NSD_ADDR" test. ;;
    postfix)
      (detached; postfix -c "$state/postfix/etc" start) || true
      wait_tcp 127.0.10.1 25 ;;
    *) echo "usage: $0 up validating|nsd|postfix" >&2; exit 2 ;;
  esac
}

# In a subshell: standard streams to /dev/null, every other inherited descriptor closed.
detached() {
  local fd
  exec </dev/null >/dev/null 2>&1
  for fd in $(ls /proc/$BASHPID/fd); do
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
}

stop_pid() {
  local pid
  pid=$(tr -d ' \n' 2>/dev/null < "$1" || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$1"
}

print_env() {
  cat <<V
DANECHECK_SANDBOX_NSD=$NSD_ADDR
DANECHECK_SANDBOX_VALIDATING=$VALIDATING
DANECHECK_SANDBOX_VALIDATING6=[::1]@$VALIDATING6_PORT
DANECHECK_SANDBOX_NONVALIDATING=$NONVALIDATING
DANECHECK_SANDBOX_SLOW=$SLOW
DANECHECK_SANDBOX_SILENT=$SILENT
DANECHECK_SANDBOX_REFUSING=$REFUSING
DANECHECK_SANDBOX_SINKHOLE=$SINKHOLE
DANECHECK_SANDBOX_PARTIAL=$PARTIAL
DANECHECK_SANDBOX_PLAIN_DENYING_ROOT=$PLAIN_DENYING_ROOT
DANECHECK_SANDBOX_PLAIN_REFUSING_ROOT=$PLAIN_REFUSING_ROOT
V
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status || exit 1 ;;
  env) print_env ;;
  down) server_down "${2:-}" ;;
  up) server_up "${2:-}" ;;
  *) echo "usage: $0 install|start|stop|status|env|down NAME|up NAME" >&2; exit 2 ;;
esac
