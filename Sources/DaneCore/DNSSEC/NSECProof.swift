/// NSEC proofs of absence (RFC 4035 §3.1.3, §5.4; RFC 4592 §3.3.1; RFC 6840 §4.1), over the
/// records of one zone whose signatures are already checked.
struct NSECProof {
    let proof: ProofRecords

    var zone: DNSName { proof.zone }

    /// RFC 4035 §5.2: "... an authenticated NSEC RRset proving that no DS RRset exists ... there
    /// is no authentication path leading from the parent to the child": the parent's NSEC at a
    /// delegation (NS, and neither SOA nor DS) above the name shows that the name lies in an
    /// unsigned zone. For DS the record at the name itself is the proof of its absence, not a cut
    /// above it.
    func unsignedCut(above name: DNSName, type: RecordType) -> DNSName? {
        proof.records.first { record in
            let owner = record.owner
            return owner != zone && name.isSubdomain(of: owner) && !(type == RecordType.ds && owner == name)
                && ProofRecords.isDelegation(record) && !record.lists(RecordType.ds)
        }?.owner
    }

    /// RFC 6840 §4.1: "Ancestor delegation NSEC or NSEC3 RRs [NS bit set, SOA bit clear] MUST NOT
    /// be used to assume nonexistence of any RRs below that zone cut, which include all RRs at
    /// that (original) owner name other than DS RRs, and all RRs below that owner name regardless
    /// of type"; "An NSEC or NSEC3 RR with the DNAME bit set MUST NOT be used to assume the
    /// nonexistence of any subdomain of that NSEC/NSEC3 RR's (original) owner name." The record
    /// at an ancestor of the name (or at the name, unless DS is asked) that is such a record, if any.
    func parentSide(of name: DNSName, type: RecordType) -> DNSName? {
        var candidate: DNSName? = name
        while let current = candidate, current.isSubdomain(of: zone), current != zone {
            if current != name || type != RecordType.ds, let record = proof.matching(current) {
                if ProofRecords.isDelegation(record) || (current != name && record.lists(RecordType.dname)) { return current }
            }
            candidate = current.parent
        }
        return nil
    }

    /// NXDOMAIN (RFC 4035 §3.1.3.2, §5.4): an NSEC covers the name, and one covers the wildcard
    /// at the closest encloser (RFC 4592 §3.3.1).
    func nameError(_ name: DNSName, _ type: RecordType) -> DenialProof.Result {
        if let cut = unsignedCut(above: name, type: type) { return DenialProof.unsignedZone(name, cut: cut, kind: "NSEC") }
        if let cut = parentSide(of: name, type: type) { return DenialProof.fromParentSide(cut, kind: "NSEC") }
        guard let cover = proof.covering(name) else { return .unproven("no NSEC record covers \(name.text): NXDOMAIN is not proven") }
        if let next = ProofRecords.nextName(cover), next != name, next.isSubdomain(of: name) {
            return .unproven("\(name.text) is an empty non-terminal (names exist below it): NXDOMAIN is not proven")
        }
        let wildcard = closestEncloser(name, cover).prepending("*")
        guard proof.covering(wildcard) != nil else {
            return .unproven("no NSEC record proves that \(wildcard.text) does not exist: NXDOMAIN is not proven")
        }
        return .proven
    }

    /// NODATA (RFC 4035 §3.1.3.1, §3.1.3.4, §5.4): the NSEC at the name lacks the type and CNAME;
    /// or the name is an empty non-terminal (an NSEC's next name lies below it); or the wildcard
    /// at the closest encloser lacks them (wildcard NODATA, RFC 4035 §3.1.3.4).
    func noData(_ name: DNSName, _ type: RecordType) -> DenialProof.Result {
        if let cut = unsignedCut(above: name, type: type) { return DenialProof.unsignedZone(name, cut: cut, kind: "NSEC") }
        if let cut = parentSide(of: name, type: type) { return DenialProof.fromParentSide(cut, kind: "NSEC") }
        let what = "\(type) at \(name.text)"
        if let match = proof.matching(name) {
            if match.lists(type) || match.lists(RecordType.cname) {
                return .unproven("the NSEC record at \(name.text) lists \(type): its absence is not proven")
            }
            if type == RecordType.ds, match.lists(RecordType.soa), name != DNSName(dnsText: ".") {
                return DenialProof.childApex(name, kind: "NSEC")
            }
            return .proven
        }
        guard let cover = proof.covering(name) else { return .unproven("no NSEC record proves the absence of \(what)") }
        if let next = ProofRecords.nextName(cover), next != name, next.isSubdomain(of: name) { return .proven }
        if let wildcard = proof.matching(closestEncloser(name, cover).prepending("*")),
           !wildcard.lists(type), !wildcard.lists(RecordType.cname), !ProofRecords.isDelegation(wildcard) {
            return .proven
        }
        return .unproven("no NSEC record proves the absence of \(what)")
    }

    /// RFC 4035 §5.3.4, RFC 4592 §3.3.1: an answer expanded from the wildcard below `source` needs
    /// an NSEC that proves the name itself absent, and whose closest encloser is `source`: a
    /// wildcard other than the one at the closest encloser cannot have answered.
    func wildcardAnswer(_ owner: DNSName, source: DNSName) -> DenialProof.Result {
        if parentSide(of: owner, type: RecordType.a) != nil {
            return .unproven("the NSEC record for \(owner.text) is from the parent side of a delegation (RFC 6840 §4.1)")
        }
        guard let cover = proof.covering(owner) else {
            return .unproven("no NSEC record proves that \(owner.text) does not exist")
        }
        let encloser = closestEncloser(owner, cover)
        guard encloser == source else {
            return .unproven("the wildcard *.\(source.text) is not the one at the closest encloser \(encloser.text) (RFC 4592 §3.3.1)")
        }
        return .proven
    }

    /// The longest ancestor of the name that the covering record's owner or next name lie under.
    func closestEncloser(_ name: DNSName, _ cover: LDNSRecord) -> DNSName {
        let owner = cover.owner
        let next = ProofRecords.nextName(cover) ?? zone
        var candidate = name.parent
        while let current = candidate, current != zone {
            if owner.isSubdomain(of: current) || next.isSubdomain(of: current) { return current }
            candidate = current.parent
        }
        return zone
    }
}
