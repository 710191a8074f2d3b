# Proof-shape zones of the sandbox (issue 28), sourced by sandbox.sh: the shapes real DNS publishes
# that a validator must judge as a reference validator does (wildcards, NSEC3 opt-out, DNAME,
# CNAME chains across zones, unsigned delegations, trust anchors at odd places), generated and
# signed at every start, and two more validating Unbounds with anchors of their own. The
# differential test (Tests/IntegrationTests/DifferentialValidationTests.swift) asks every name of
# these zones of both local validation and Unbound.
#
# proof.test (NSEC) delegates:
#   n.proof.test   NSEC                       h.proof.test   NSEC3, no opt-out
#   o.proof.test   NSEC3 opt-out, every name with its NSEC3 (delegations too: "opt-in style")
#   t.proof.test   NSEC3 opt-out, unsigned delegations added after signing: they and the empty
#                  non-terminals above them have no NSEC3 (true opt-out spans, RFC 5155 §7.1)
#   island.proof.test   signed, no DS (secure only from an anchor of its own)
#   inner.island.proof.test  signed, its DS in island: below an unsigned delegation, secure only
#                       from an anchor of its own
#   badds.proof.test    signed, the DS in proof.test is of another key (bogus from the root)
#   unkds.proof.test    signed, its only DS has algorithm 200 (unknown: insecure, RFC 4035 §5.2)
#   unkdigest.proof.test signed, its only DS has digest type 200 (insecure, RFC 6840 §5.2)
#   revoked.proof.test  signed by a key with the REVOKE bit, no DS (RFC 5011 §2.1)
# Each of n, h, o, t holds the same names (proof_common): data, an empty non-terminal, wildcards
# (*.w, and *.sub.w below an existing sub.w), CNAMEs to the next zone of the ring n→h→o→t→n
# (to data, NXDOMAIN, a wildcard, an unsigned zone), wildcard CNAMEs to it, a DNAME to it, and an
# unsigned delegation deleg.Z (served unsigned, with a CNAME back into the signed zone);
# t.proof.test also delegates x.y.deep.t.proof.test unsigned.
#
# Anchors (files in $state/proof, zone-file lines as Unbound and --trust-anchor read them):
#   anchors-nested  beside the root's: n (valid, redundant), h (algorithm 200: ignored), island,
#                   inner.island, badds (its own key), revoked (the key without the REVOKE bit),
#                   ghost.n (a name n.proof.test proves absent), deleg.n (an unsigned zone)
#   anchors-deep    n, island and t only (no root anchor)
# Unbound 127.53.2.1 validates with the root's anchor and anchors-nested, 127.53.2.2 with
# anchors-deep. $state/proof/owners lists "owner TYPE" for every record of every proof zone.

PROOF_NESTED=127.53.2.1
PROOF_DEEP=127.53.2.2
PROOF_RING="n.proof.test. h.proof.test. o.proof.test. t.proof.test."
PROOF_SIGNED="$PROOF_RING inner.island.proof.test. island.proof.test. badds.proof.test. unkds.proof.test. unkdigest.proof.test. revoked.proof.test."
PROOF_UNSIGNED="deleg.n.proof.test. deleg.h.proof.test. deleg.o.proof.test. deleg.t.proof.test. x.y.deep.t.proof.test."
# Every zone NSD serves for the proof tree (sandbox.sh lists them in nsd.conf).
PROOF_SERVED_ZONES="proof.test. $PROOF_SIGNED $PROOF_UNSIGNED"

# The next zone of the ring (the target of the cross-zone CNAMEs and the DNAME).
proof_next() {
  case "$1" in
    n.proof.test.) echo h.proof.test. ;;
    h.proof.test.) echo o.proof.test. ;;
    o.proof.test.) echo t.proof.test. ;;
    *) echo n.proof.test. ;;
  esac
}

# $1 zone, $2 last octet of its addresses
proof_common() {
  local zone=$1 other
  other=$(proof_next "$1")
  soa "$zone"
  cat <<Z
@ 3600 IN MX 10 mx.$zone
mx 3600 IN A 127.0.15.$2
mx 3600 IN AAAA ::1
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 "mx.$zone")
txt 3600 IN TXT "data"
a.ent 3600 IN A 127.0.15.$2
*.w 3600 IN MX 10 mx.$zone
*.w 3600 IN TXT "wildcard w"
sub.w 3600 IN A 127.0.15.$2
*.sub.w 3600 IN TXT "wildcard sub.w"
c-in 3600 IN CNAME mx.$zone
c-other 3600 IN CNAME mx.$other
c-nx 3600 IN CNAME nx.$other
c-wild 3600 IN CNAME x.w.$other
c-uns 3600 IN CNAME mx.deleg.$other
c-deleg 3600 IN CNAME deleg.$other
*.wc 3600 IN CNAME mx.$other
*.wcnx 3600 IN CNAME nx.$other
*.wcw 3600 IN CNAME x.w.$other
dn 3600 IN DNAME $other
Z
}

# The unsigned delegations of a ring zone (added after signing in t.proof.test).
proof_delegations() {
  echo "deleg.$1 3600 IN NS ns.test."
  if [ "$1" = t.proof.test. ]; then echo "x.y.deep.$1 3600 IN NS ns.test."; fi
}

# An unsigned zone below a ring zone: data, and a CNAME back into the signed parent.
proof_unsigned() {
  soa "$1"
  cat <<Z
@ 3600 IN MX 10 mx.$1
mx 3600 IN A 127.0.15.99
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 "mx.$1")
back 3600 IN CNAME mx.${1#*.}
Z
}

proof_leaf() {
  soa "$1"
  cat <<Z
@ 3600 IN MX 10 mx.$1
mx 3600 IN A 127.0.15.$2
_25._tcp.mx 300 IN TLSA 3 1 1 $(digest32 "mx.$1")
Z
}

# Signs zone $1 (zones/NAME.zone) with a new ECDSA key and ldns-signzone options $2...; prints
# the key's base name (in keys/).
proof_sign() {
  local zone=$1 key inception
  shift
  inception=$(date -u -d yesterday +%Y%m%d%H%M%S)
  key=$(cd "$state/keys" && ldns-keygen -a ECDSAP256SHA256 -k "$zone")
  if [ "$zone" = revoked.proof.test. ]; then
    # The REVOKE bit (RFC 5011 §2.1): ldns-signzone publishes the key with the flags of its .key file.
    cp "$state/keys/$key.key" "$state/proof/revoked-unrevoked.key"
    sed -i 's/DNSKEY\t257 /DNSKEY\t385 /' "$state/keys/$key.key"
    grep -q $'DNSKEY\t385 ' "$state/keys/$key.key"
  fi
  ldns-signzone "$@" -i "$inception" -e "$EXPIRY" -f "$state/zones/$(file_of "$zone").zone.signed" \
    "$state/zones/$(file_of "$zone").zone" "$state/keys/$key" >/dev/null
  [ -s "$state/zones/$(file_of "$zone").zone.signed" ]
  echo "$key"
}

# A DS line for a key that no zone publishes (for anchors and DS records that match nothing).
proof_stray_ds() {
  local key
  key=$(cd "$state/keys" && ldns-keygen -a ECDSAP256SHA256 -k "$1")
  ldns-key2ds -n -2 "$state/keys/$key.key"
}

# Builds, signs and lists the proof tree; prints proof.test's delegation and DS for test.
proof_build() {
  mkdir -p "$state/proof"
  local zone key octet=1 ds="" file
  for zone in $PROOF_RING; do
    octet=$((octet + 1))
    proof_common "$zone" "$octet" > "$state/zones/$(file_of "$zone").zone"
    [ "$zone" = t.proof.test. ] || proof_delegations "$zone" >> "$state/zones/$(file_of "$zone").zone"
  done
  for zone in $PROOF_SIGNED; do
    [ -s "$state/zones/$(file_of "$zone").zone" ] || { octet=$((octet + 1)); proof_leaf "$zone" "$octet" > "$state/zones/$(file_of "$zone").zone"; }
  done
  echo "inner 3600 IN NS ns.test." >> "$state/zones/island.proof.test.zone"
  for zone in $PROOF_UNSIGNED; do
    proof_unsigned "$zone" > "$state/zones/$(file_of "$zone").zone"
    cp "$state/zones/$(file_of "$zone").zone" "$state/zones/$(file_of "$zone").zone.signed"
  done
  : > "$state/proof/anchors-nested"
  : > "$state/proof/anchors-deep"
  for zone in $PROOF_SIGNED; do
    case "$zone" in
      n.proof.test.) key=$(proof_sign "$zone") ;;
      h.proof.test.) key=$(proof_sign "$zone" -n -s 5eed -t 0) ;;
      o.proof.test.) key=$(proof_sign "$zone" -n -p -s 0b7e -t 0) ;;
      t.proof.test.)
        key=$(proof_sign "$zone" -n -p -s 7a1e -t 0)
        proof_delegations "$zone" >> "$state/zones/t.proof.test.zone.signed"
        proof_delegations "$zone" >> "$state/zones/t.proof.test.zone" ;;
      *) key=$(proof_sign "$zone") ;;
    esac
    local line
    line=$(ldns-key2ds -n -2 "$state/keys/$key.key")
    case "$zone" in
      n.proof.test.) ds+="$line"$'\n'; echo "$line" >> "$state/proof/anchors-nested"; echo "$line" >> "$state/proof/anchors-deep" ;;
      h.proof.test.) ds+="$line"$'\n'
        # An anchor of an unknown algorithm: ignored, the root's chain decides (RFC 4035 §5.2).
        echo "$line" | awk 'BEGIN{OFS="\t"} {$(NF-2)=200; print}' >> "$state/proof/anchors-nested" ;;
      t.proof.test.) ds+="$line"$'\n'; echo "$line" >> "$state/proof/anchors-deep" ;;
      inner.island.proof.test.) echo "$line" >> "$state/zones/island.proof.test.zone"; echo "$line" >> "$state/proof/anchors-nested" ;;
      island.proof.test.) echo "$line" >> "$state/proof/anchors-nested"; echo "$line" >> "$state/proof/anchors-deep" ;;
      badds.proof.test.) ds+="$(proof_stray_ds "$zone")"$'\n'; echo "$line" >> "$state/proof/anchors-nested" ;;
      unkds.proof.test.) ds+="$(echo "$line" | awk 'BEGIN{OFS="\t"} {$(NF-2)=200; print}')"$'\n' ;;
      unkdigest.proof.test.) ds+="$(echo "$line" | awk 'BEGIN{OFS="\t"} {$(NF-1)=200; print}')"$'\n' ;;
      revoked.proof.test.) grep -v '^;' "$state/proof/revoked-unrevoked.key" | sed 's/\tIN\t/\t3600\tIN\t/' >> "$state/proof/anchors-nested" ;;
      *) ds+="$line"$'\n' ;;
    esac
  done
  proof_stray_ds ghost.n.proof.test. >> "$state/proof/anchors-nested"
  proof_stray_ds deleg.n.proof.test. >> "$state/proof/anchors-nested"
  {
    soa proof.test.
    echo '@ 3600 IN MX 10 mx.proof.test.'
    echo 'mx 3600 IN A 127.0.15.1'
    for zone in $PROOF_SIGNED; do
      [ "${zone#*.}" = proof.test. ] && echo "$zone 3600 IN NS ns.test."
    done
    printf '%s' "$ds"
  } > "$state/zones/proof.test.zone"
  key=$(proof_sign proof.test.)
  : > "$state/proof/owners"
  for zone in proof.test. $PROOF_SIGNED $PROOF_UNSIGNED; do
    file="$state/zones/$(file_of "$zone").zone"
    ldns-read-zone "$file" | awk '{print $1, $4}' >> "$state/proof/owners"
  done
  echo "proof.test. 86400 IN NS ns.test."
  ldns-key2ds -n -2 "$state/keys/$key.key"
}

proof_start() {
  write_unbound_conf unbound-proof-nested "  interface: $PROOF_NESTED" yes "  trust-anchor-file: \"$state/proof/anchors-nested\""
  write_unbound_conf unbound-proof-deep "  interface: $PROOF_DEEP" yes "  trust-anchor-file: \"$state/proof/anchors-deep\""
  # The deep-anchored one has no root anchor.
  sed -i "\|trust-anchor-file: \"$state/keys/root.ds\"|d" "$state/unbound-proof-deep/unbound.conf"
  unbound-checkconf "$state/unbound-proof-deep/unbound.conf" >/dev/null
  unbound -c "$state/unbound-proof-nested/unbound.conf"
  unbound -c "$state/unbound-proof-deep/unbound.conf"
  wait_for "$PROOF_NESTED" proof.test.
  wait_for "$PROOF_DEEP" proof.test.
}

proof_stop() {
  stop_pid "$state/unbound-proof-nested/unbound.pid"
  stop_pid "$state/unbound-proof-deep/unbound.pid"
}
