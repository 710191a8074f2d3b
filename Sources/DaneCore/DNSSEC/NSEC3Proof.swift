/// NSEC3 proofs of absence (RFC 5155 §8), over the records of one zone whose signatures are
/// already checked. Opt-out (RFC 5155 §6) downgrades only a proof that is otherwise complete:
/// "an Opt-Out NSEC3 RR ... does not assert the existence or non-existence of the insecure
/// delegations that it may cover" (§9.2), so what it leaves open is insecure, never secure; a
/// missing piece of the proof is bogus whatever the flag says.
struct NSEC3Proof {
    let proof: ProofRecords

    var zone: DNSName { proof.zone }

    /// The closest provable encloser (RFC 5155 §8.3): the longest ancestor matched by an NSEC3
    /// record, and the record covering the next closer name (one label longer, towards the name).
    enum Encloser {
        case proven(DNSName, nextCloser: LDNSRecord)
        /// The closest encloser is a delegation without DS (RFC 5155 §8.9): an unsigned zone.
        case unsignedCut(DNSName)
        case unproven(String)
    }

    /// RFC 5155 §8.3: "... the validator MUST find ... the closest encloser ... [and] MUST verify
    /// that there is an NSEC3 RR that covers the 'next closer' name". An encloser that is a
    /// delegation (NS without SOA) or a DNAME would have been answered with a referral or a
    /// DNAME (RFC 6840 §4.1); one without DS is the proof of an unsigned zone (RFC 5155 §8.9:
    /// its NSEC3 "MUST NOT have the bit corresponding to either the SOA or DS types set").
    func closestEncloser(_ name: DNSName) -> Encloser {
        var nextCloser = name
        var candidate = name.parent
        while let encloser = candidate, encloser.isSubdomain(of: zone) {
            if let match = proof.matching(encloser) {
                if ProofRecords.isDelegation(match) {
                    return match.lists(RecordType.ds)
                        ? .unproven("the NSEC3 record for \(encloser.text) is from the parent side of a delegation: it cannot deny names in the zone below (RFC 6840 §4.1)")
                        : .unsignedCut(encloser)
                }
                if match.lists(RecordType.dname) {
                    return .unproven("\(encloser.text) is a DNAME: the NSEC3 record cannot deny names below it (RFC 6840 §4.1)")
                }
                guard let cover = proof.covering(nextCloser) else {
                    return .unproven("no NSEC3 record covers the next closer name \(nextCloser.text)")
                }
                return .proven(encloser, nextCloser: cover)
            }
            nextCloser = encloser
            candidate = encloser.parent
        }
        return .unproven("no NSEC3 closest-encloser proof for \(name.text)")
    }

    /// NXDOMAIN (RFC 5155 §8.4): no NSEC3 matches the name, the closest encloser is proven, and an
    /// NSEC3 covers the wildcard at it. Only then does opt-out on the next closer's record make
    /// the answer insecure (§9.2): without the wildcard proof it is bogus.
    func nameError(_ name: DNSName) -> DenialProof.Result {
        if proof.matching(name) != nil { return .unproven("an NSEC3 record matches \(name.text): NXDOMAIN is not proven") }
        switch closestEncloser(name) {
        case .unproven(let reason): return .unproven("\(reason): NXDOMAIN is not proven")
        case .unsignedCut(let cut): return DenialProof.unsignedZone(name, cut: cut, kind: "NSEC3")
        case .proven(let encloser, let cover):
            guard proof.covering(encloser.prepending("*")) != nil else {
                return .unproven("no NSEC3 record proves that *.\(encloser.text) does not exist: NXDOMAIN is not proven")
            }
            if ProofRecords.optOut(cover) {
                return .insecure("\(name.text) lies in an NSEC3 opt-out span of \(zone.text): NXDOMAIN, insecure (RFC 5155 §9.2)")
            }
            return .proven
        }
    }

    /// NODATA (RFC 5155 §8.5-8.7, §8.9): the NSEC3 matching the name lacks the type and CNAME; or,
    /// with no record matching, the closest encloser is proven and the wildcard there lacks them
    /// (§8.7); or the next closer name lies in an opt-out span: insecure (§8.6 says so for DS;
    /// Unbound for any type, as an empty non-terminal above unsigned delegations may have no
    /// NSEC3 at all, §7.1). An
    /// NSEC3 at a delegation without DS is the parent's proof of an unsigned zone (§8.9).
    func noData(_ name: DNSName, _ type: RecordType) -> DenialProof.Result {
        if let match = proof.matching(name) {
            if match.lists(type) || match.lists(RecordType.cname) {
                return .unproven("the NSEC3 record for \(name.text) lists \(type): its absence is not proven")
            }
            if type == RecordType.ds {
                return match.lists(RecordType.soa) && name != DNSName(dnsText: ".") ? DenialProof.childApex(name, kind: "NSEC3") : .proven
            }
            if ProofRecords.isDelegation(match) {
                return match.lists(RecordType.ds) ? DenialProof.fromParentSide(name, kind: "NSEC3")
                    : DenialProof.unsignedZone(name, cut: name, kind: "NSEC3")
            }
            return .proven
        }
        switch closestEncloser(name) {
        case .unproven(let reason):
            return .unproven("\(reason): the absence of \(type) at \(name.text) is not proven")
        case .unsignedCut(let cut):
            return type == RecordType.ds ? .unproven("no NSEC3 record proves the absence of DS at \(name.text) below the delegation \(cut.text)")
                : DenialProof.unsignedZone(name, cut: cut, kind: "NSEC3")
        case .proven(let encloser, let cover):
            if let wildcard = proof.matching(encloser.prepending("*")) {
                if wildcard.lists(type) || wildcard.lists(RecordType.cname) || ProofRecords.isDelegation(wildcard) {
                    return .unproven("the NSEC3 record for *.\(encloser.text) lists \(type): its absence is not proven")
                }
                return ProofRecords.optOut(cover) ? Self.optOutSpan(name, type, cover, zone) : .proven
            }
            return ProofRecords.optOut(cover) ? Self.optOutSpan(name, type, cover, zone)
                : .unproven("no NSEC3 proof for the absence of \(type) at \(name.text)")
        }
    }

    /// RFC 5155 §8.8: an answer expanded from the wildcard below `source` needs an NSEC3 covering
    /// the next closer name (one label below `source`, towards the owner); in an opt-out span it
    /// cannot rule out an unsigned delegation there, so the answer is insecure (§9.2).
    func wildcardAnswer(_ owner: DNSName, source: DNSName) -> DenialProof.Result {
        var nextCloser = owner
        while nextCloser.labelCount > source.labelCount + 1, let parent = nextCloser.parent { nextCloser = parent }
        guard nextCloser.labelCount == source.labelCount + 1, let cover = proof.covering(nextCloser) else {
            return .unproven("no NSEC3 record covers \(nextCloser.text), the next closer name of \(owner.text)")
        }
        if ProofRecords.optOut(cover) {
            return .insecure("\(owner.text) was expanded from a wildcard, and its next closer name lies in an NSEC3 opt-out span of \(zone.text): insecure (RFC 5155 §9.2)")
        }
        return .proven
    }

    private static func optOutSpan(_ name: DNSName, _ type: RecordType, _ cover: LDNSRecord, _ zone: DNSName) -> DenialProof.Result {
        .insecure("\(name.text) lies in an NSEC3 opt-out span of \(zone.text) (\(cover.owner.text)): no \(type) there, insecure (RFC 5155 §8.6, §9.2)")
    }
}
