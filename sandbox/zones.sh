# Zone texts of the sandbox tree, sourced by sandbox.sh. Each function prints one unsigned zone.
# Every address is on loopback (127.0.0.0/8 or ::1): nothing here points off this machine.
# Certificate association data is derived from a label so that every record is distinct and
# the same on every start: digest32 LABEL gives 32 octets of hex, digest64 LABEL gives 64.

digest32() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
digest64() { printf '%s' "$1" | sha512sum | cut -d' ' -f1; }

soa() {
  printf '$ORIGIN %s\n$TTL 3600\n' "$1"
  printf '@ 3600 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300\n'
  printf '@ 3600 IN NS ns.test.\n'
}

zone_root() {
  soa .
  cat <<'Z'
test. 86400 IN NS ns.test.
ns.test. 86400 IN A 127.53.0.1
Z
}

# test. holds the delegations; DS lines for the signed children are appended by sandbox.sh.
zone_test() {
  soa test.
  echo 'ns 86400 IN A 127.53.0.1'
  local child
  for child in $SIGNED_ZONES $UNSIGNED_ZONES; do
    if [ "$child" = stale.test. ]; then continue; fi
    echo "${child} 86400 IN NS ns.test."
  done
  # stale.test: three nameservers of its own (see zone_stale).
  local i
  for i in 1 2 3 4; do echo "stale.test. 86400 IN NS ns$i.stale.test."; done
  echo "ns1.stale.test. 86400 IN A 127.53.0.1"
  echo "ns2.stale.test. 86400 IN A 127.53.0.9"
  echo "ns3.stale.test. 86400 IN A 127.53.0.10"
  echo "ns4.stale.test. 86400 IN A 127.53.0.5"
  # lame.test: delegated to a server that refuses every query (the resolver then answers
  # SERVFAIL, with CD=1 too: an indeterminate lookup).
  echo "lame.test. 86400 IN NS ns.lame.test."
  echo "ns.lame.test. 86400 IN A 127.53.0.6"
}

# The demo: two MX hosts with secure TLSA RRsets, and a CNAME to the domain.
zone_example() {
  soa example.test.
  cat <<Z
@ 3600 IN MX 10 mx1.example.test.
@ 3600 IN MX 20 mx2.example.test.
mx1 3600 IN A 127.0.1.1
mx1 3600 IN AAAA ::1
_25._tcp.mx1 300 IN TLSA 3 1 1 $(digest32 mx1.example.test)
mx2 3600 IN A 127.0.1.2
_25._tcp.mx2 300 IN TLSA 2 1 1 $(digest32 ca.example.test)
_25._tcp.mx2 300 IN TLSA 3 1 2 $(digest64 mx2.example.test)
mail-alias 3600 IN CNAME example.test.
Z
}

# Benchmarks: one MX host, and eight.
zone_one() {
  soa one.test.
  cat <<Z
@ 3600 IN MX 10 mx.one.test.
mx 3600 IN A 127.0.2.1
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 mx.one.test)
Z
}

zone_eight() {
  soa eight.test.
  local i
  for i in 1 2 3 4 5 6 7 8; do
    echo "@ 3600 IN MX $((i * 10)) mx$i.eight.test."
    echo "mx$i 3600 IN A 127.0.2.$((10 + i))"
    echo "_25._tcp.mx$i 300 IN TLSA 3 1 1 $(digest32 mx$i.eight.test)"
  done
}

# A hundred MX hosts, none listening (127.0.16.N: connections refused): one domain whose mail
# servers are all down, which says nothing of this network's port 25, and one deferral line.
zone_many() {
  soa many.test.
  local i
  for i in $(seq 1 100); do
    echo "@ 3600 IN MX $i mx$i.many.test."
    echo "mx$i 3600 IN A 127.0.16.$i"
    echo "_25._tcp.mx$i 300 IN TLSA 3 1 1 $(digest32 "mx$i.many.test")"
  done
}

# Unsigned child (no DS in test.): MX, addresses and TLSA all insecure. "alias" is an
# insecure first hop to a signed host (the chain is insecure from its start: no TLSA lookup).
zone_insecure() {
  soa insecure.test.
  cat <<Z
@ 3600 IN MX 10 mx.insecure.test.
mx 3600 IN A 127.0.3.1
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 mx.insecure.test)
alias 3600 IN CNAME real.cname.test.
smtp 3600 IN A 127.0.10.21
danemx 3600 IN MX 10 ee311.dane.test.
Z
}

# Signed, with the host's _tcp subtree delegated without DS: secure addresses, insecure TLSA.
zone_insecuretlsa() {
  soa insecuretlsa.test.
  cat <<Z
@ 3600 IN MX 10 mx.insecuretlsa.test.
mx 3600 IN A 127.0.3.2
_tcp.mx 3600 IN NS ns.test.
Z
}

zone_insecuretlsa_tcp() {
  soa _tcp.mx.insecuretlsa.test.
  echo "_25 300 IN TLSA 3 1 1 $(digest32 mx.insecuretlsa.test)"
}

# Secure MX RRset whose host lives in the unsigned zone: TLSA must not be looked up.
zone_unsignedhost() {
  soa unsignedhost.test.
  echo '@ 3600 IN MX 10 mx.insecure.test.'
}

# Signed; the TLSA RRset is altered after signing (sandbox.sh), so it is bogus.
zone_bogus_tlsa() {
  soa bogus-tlsa.test.
  cat <<Z
@ 3600 IN MX 10 mx.bogus-tlsa.test.
mx 3600 IN A 127.0.4.1
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 mx.bogus-tlsa.test)
Z
}

# Signed; the MX RRset is altered after signing, so it is bogus.
zone_bogus_mx() {
  soa bogus-mx.test.
  cat <<Z
@ 3600 IN MX 10 mx.bogus-mx.test.
mx 3600 IN A 127.0.4.2
Z
}

# Secure denial of TLSA with NSEC (nsec.test) and NSEC3 (nsec3.test).
zone_nsec() {
  soa "$1"
  cat <<Z
@ 3600 IN MX 10 mx.$1
mx 3600 IN A 127.0.4.${2}
Z
}

# MX hosts that are CNAMEs (RFC 7672 §2.2.3).
#   cname.test:      secure chain, TLSA at the expanded name.
#   orig.cname.test: secure chain, TLSA only at the original name.
#   half.cname.test: chain insecure after the first hop, TLSA at the original name.
zone_cname() {
  soa cname.test.
  cat <<Z
@ 3600 IN MX 10 alias.cname.test.
alias 3600 IN CNAME real.cname.test.
real 3600 IN A 127.0.5.1
_25._tcp.real 300 IN TLSA 3 1 1 $(digest32 real.cname.test)
orig 3600 IN MX 10 alias2.cname.test.
alias2 3600 IN CNAME real2.cname.test.
real2 3600 IN A 127.0.5.2
_25._tcp.alias2 300 IN TLSA 3 1 1 $(digest32 alias2.cname.test)
half 3600 IN MX 10 alias3.cname.test.
firsthop 3600 IN MX 10 alias.insecure.test.
alias3 3600 IN CNAME mx.insecure.test.
_25._tcp.alias3 300 IN TLSA 3 1 1 $(digest32 alias3.cname.test)
Z
}

# No MX: the domain is its own mail host (implicit MX).
zone_implicit() {
  soa implicit.test.
  cat <<Z
@ 3600 IN A 127.0.6.1
_25._tcp 300 IN TLSA 3 1 1 $(digest32 implicit.test)
nomail 3600 IN TXT "no MX and no address"
alias 3600 IN CNAME implicit.test.
Z
}

# RFC 7505 null MX.
zone_nullmx() {
  soa nullmx.test.
  echo '@ 3600 IN MX 0 .'
}

# The TLSA owner name is a CNAME (RFC 7671 §7).
zone_tlsacname() {
  soa tlsacname.test.
  cat <<Z
@ 3600 IN MX 10 mx.tlsacname.test.
mx 3600 IN A 127.0.7.1
_25._tcp.mx 300 IN CNAME _dane.tlsacname.test.
_dane 300 IN TLSA 3 1 1 $(digest32 mx.tlsacname.test)
Z
}

# TLSA records an SMTP client cannot use, and one usable record beside an unusable one.
zone_unusable() {
  soa unusable.test.
  cat <<Z
@ 3600 IN MX 10 mx.unusable.test.
mx 3600 IN A 127.0.8.1
_25._tcp.mx 300 IN TLSA 0 0 1 $(digest32 pkix-ta.unusable.test)
_25._tcp.mx 300 IN TLSA 1 1 1 $(digest32 pkix-ee.unusable.test)
_25._tcp.mx 300 IN TLSA 3 1 9 $(digest32 mtype9.unusable.test)
_25._tcp.mx 300 IN TLSA 3 2 1 $(digest32 selector2.unusable.test)
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 short.unusable.test | cut -c1-62)
_25._tcp.mx 300 IN TLSA 3 0 0 0badc0de
partly 3600 IN MX 10 mx2.unusable.test.
mx2 3600 IN A 127.0.8.2
_25._tcp.mx2 300 IN TLSA 1 1 1 $(digest32 pkix-ee2.unusable.test)
_25._tcp.mx2 300 IN TLSA 3 1 1 $(digest32 mx2.unusable.test)
Z
}

# Signed; the A record of the MX host is altered after signing, so the host's A lookup is bogus.
zone_bogus_a() {
  soa bogus-a.test.
  cat <<Z
@ 3600 IN MX 10 mx.bogus-a.test.
mx 3600 IN A 127.0.4.5
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 mx.bogus-a.test)
Z
}

# A TLSA RRset too large for a 1232-octet UDP answer: the resolver truncates (TC=1) and the
# client must retry over TCP.
zone_bigtlsa() {
  soa bigtlsa.test.
  echo '@ 3600 IN MX 10 mx.bigtlsa.test.'
  echo 'mx 3600 IN A 127.0.9.1'
  local i
  for i in $(seq 1 24); do
    echo "_25._tcp.mx 300 IN TLSA 3 1 2 $(digest64 "big$i.bigtlsa.test")"
  done
}

# Local-validation cases: one MX host with an address and a TLSA RRset, in a zone whose
# signing is broken or unusual in one way each (sandbox.sh signs them):
#   expiredrr.test    the TLSA RRSIG expired (grafted from an expired signing)
#   expired.test      every signature of the zone expired
#   dsmismatch.test   the DS in test. is of a key the zone does not publish
#   dsdigest.test     the DS has the key's tag and algorithm but a wrong digest
#   unsignedkey.test  the DS covers a published key that signs nothing; another key signs the zone
#   rsa.test          algorithm 8 (RSASHA256);  ed25519.test  algorithm 15 (ED25519)
#   optout.test       NSEC3 with opt-out; sub.optout.test is an unsigned delegation in the span
#   iter.test         NSEC3 with 200 iterations: its denials are insecure (RFC 9276 §3.2)
zone_dnssec_case() {
  soa "$1"
  cat <<Z
@ 3600 IN MX 10 mx.$1
mx 3600 IN A 127.0.13.$2
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 "mx.$1")
Z
}

zone_optout() {
  zone_dnssec_case optout.test. 8
  echo 'sub 3600 IN NS ns.test.'
  echo 'other 3600 IN NS ns.test.'
}

zone_optout_sub() {
  soa sub.optout.test.
  echo '@ 3600 IN MX 10 mx.sub.optout.test.'
  echo 'mx 3600 IN A 127.0.13.9'
}

# Wildcards (RFC 4035 §5.3.4): any name under wild.test (NSEC) and wild3.test (NSEC3) has an MX
# expanded from "*"; a validator must see the proof that the name itself does not exist.
zone_wild() {
  soa "$1"
  cat <<Z
* 3600 IN MX 10 mx.$1
mx 3600 IN A 127.0.13.$2
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 "mx.$1")
Z
}

# MTA-STS (RFC 8461): NAME.sts.test has an MX, a _mta-sts TXT and mta-sts.NAME.sts.test on the
# sandbox's HTTPS server (nginx, 127.0.14.1:443), which serves the policy smtpcases.py wrote.
#   dane       enforce; MX with DANE                    pkix       enforce; no TLSA, valid certificate
#   wrongname  enforce; no TLSA, wrong-name certificate  outside    enforce; first MX not in the policy
#   testing    testing mode, would fail                  cname      TXT reached through a CNAME
#   longcname  TXT behind 6 CNAMEs (limit 5)             fetchfail  HTTPS answers 404
#   malformed  policy with mode "sometimes"              danefail   enforce; DANE fails, PKIX would pass
#   redirect   HTTPS answers 301 (not followed)          big        a policy over 64 KiB
zone_sts() {
  soa sts.test.
  local name
  for name in dane pkix wrongname outside testing cname longcname fetchfail malformed danefail redirect big charset noclose closeframed; do
    if [ "$name" = noclose ] || [ "$name" = closeframed ]; then echo "mta-sts.$name 3600 IN A 127.0.14.2"; else echo "mta-sts.$name 3600 IN A 127.0.14.1"; fi
    case "$name" in
      cname) echo "_mta-sts.cname 300 IN CNAME _mta-sts.dane.sts.test." ;;
      longcname)
        echo "_mta-sts.longcname 300 IN CNAME c1.longcname.sts.test."
        local i
        for i in 1 2 3 4 5; do echo "c$i.longcname 300 IN CNAME c$((i + 1)).longcname.sts.test."; done
        echo 'c6.longcname 300 IN TXT "v=STSv1; id=20261129T000000;"' ;;
      *) echo "_mta-sts.$name 300 IN TXT \"v=STSv1; id=20261129T000000;\"" ;;
    esac
  done
  cat <<'Z'
dane 3600 IN MX 10 ee311.dane.test.
pkix 3600 IN MX 10 notlsa.dane.test.
wrongname 3600 IN MX 10 wrongname-notlsa.dane.test.
outside 3600 IN MX 10 plain.dane.test.
outside 3600 IN MX 20 notlsa.dane.test.
testing 3600 IN MX 10 wrongname-notlsa.dane.test.
cname 3600 IN MX 10 ee311.dane.test.
longcname 3600 IN MX 10 ee311.dane.test.
fetchfail 3600 IN MX 10 notlsa.dane.test.
malformed 3600 IN MX 10 notlsa.dane.test.
danefail 3600 IN MX 10 wrongdigest.dane.test.
redirect 3600 IN MX 10 notlsa.dane.test.
big 3600 IN MX 10 notlsa.dane.test.
charset 3600 IN MX 10 notlsa.dane.test.
noclose 3600 IN MX 10 notlsa.dane.test.
closeframed 3600 IN MX 10 notlsa.dane.test.
Z
}

# SMTP TLS Reporting (RFC 8460): NAME.rpt.test has an MX with DANE (ee311.dane.test) and, at
# _smtp._tls.NAME, the TXT record of its case.
#   good       v=TLSRPTv1 with a mailto: and an https: rua    none       no record (DANE published)
#   norua      v=TLSRPTv1 without rua                        two        two v=TLSRPTv1 records
#   scheme     rua=ftp:// (neither mailto: nor https:)       obsolete   only at _smtp-tlsrpt (the drafts' name)
#   cname      _smtp._tls reached through a CNAME to good's  nodane     no record, no DANE (MX without TLSA)
#   hostile    rua=<script>…</script>: remote text that the HTML report must show as text
zone_rpt() {
  soa rpt.test.
  local name
  for name in good none norua two scheme obsolete cname hostile; do echo "$name 3600 IN MX 10 ee311.dane.test."; done
  cat <<'Z'
nodane 3600 IN MX 10 notlsa.dane.test.
_smtp._tls.good 300 IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@good.rpt.test,https://reports.good.rpt.test/v1"
_smtp._tls.norua 300 IN TXT "v=TLSRPTv1;"
_smtp._tls.two 300 IN TXT "v=TLSRPTv1; rua=mailto:a@two.rpt.test"
_smtp._tls.two 300 IN TXT "v=TLSRPTv1; rua=mailto:b@two.rpt.test"
_smtp._tls.two 300 IN TXT "some other text"
_smtp._tls.scheme 300 IN TXT "v=TLSRPTv1; rua=ftp://reports.scheme.rpt.test/"
_smtp-tlsrpt.obsolete 300 IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@obsolete.rpt.test"
_smtp._tls.cname 300 IN CNAME _smtp._tls.good.rpt.test.
_smtp._tls.hostile 300 IN TXT "v=TLSRPTv1; rua=<script>document.title='owned'</script>"
Z
}

# Nameservers that disagree (`domain --authoritative`): stale.test has three, each its own NSD.
#   ns1 127.53.0.1   the current version (serial 2026120201), the main NSD
#   ns2 127.53.0.9   the version before (serial 2024010101, another TLSA record), validly signed
#   ns3 127.53.0.10  the current version whose TLSA RRSIG comes from a signing that expired in 2020
#   ns4 127.53.0.5   the silent resolver: never answers
# $1 serial, $2 version label (the TLSA data is derived from it).
zone_stale() {
  printf '$ORIGIN stale.test.\n$TTL 3600\n'
  printf '@ 3600 IN SOA ns1.stale.test. hostmaster.test. %s 7200 3600 1209600 300\n' "$1"
  cat <<Z
@ 3600 IN NS ns1.stale.test.
@ 3600 IN NS ns2.stale.test.
@ 3600 IN NS ns3.stale.test.
@ 3600 IN NS ns4.stale.test.
ns1 3600 IN A 127.53.0.1
ns2 3600 IN A 127.53.0.9
ns3 3600 IN A 127.53.0.10
ns4 3600 IN A 127.53.0.5
@ 3600 IN MX 10 mx.stale.test.
mx 3600 IN A 127.0.10.1
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 "mx.stale.test $2")
Z
}
