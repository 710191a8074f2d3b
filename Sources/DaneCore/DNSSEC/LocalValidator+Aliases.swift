import CLDNS

/// The links of a CNAME chain (RFC 4035 §5.3, RFC 1034 §3.6.2): each CNAME RRset is checked with
/// the keys of the zone that holds it, or, when it was synthesised from a DNAME, through the DNAME.
extension LocalValidator {
    /// The link `owner` → `target`. RFC 6672 §5.3.1: "There might or might not be a
    /// server-synthesized CNAME in the answer section; if there is, the CNAME will never be
    /// signed. For a DNSSEC validator, verification of the DNAME RR and then that the CNAME was
    /// properly synthesized is sufficient proof." An unsigned CNAME that a DNAME of the answer
    /// synthesises stands on the DNAME's signature; any other is judged as unsigned data.
    func checkAlias(_ packet: LDNSPacket, owner: DNSName, target: DNSName, parentSide: Bool) async -> ValidationOutcome {
        let signatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_ANSWER, owner: owner)
            .filter { $0.signature.covered == RecordType.cname }
        if signatures.isEmpty, let dname = Self.synthesizing(packet, owner: owner, target: target) {
            return await checkRRset(packet, owner: dname, type: RecordType.dname, parentSide: parentSide)
        }
        return await checkRRset(packet, owner: owner, type: RecordType.cname, parentSide: parentSide)
    }

    /// The owner of a DNAME in the answer section above `owner` whose substitution (RFC 6672 §2.2:
    /// the owner's suffix replaced by the DNAME's target) turns `owner` into `target`.
    static func synthesizing(_ packet: LDNSPacket, owner: DNSName, target: DNSName) -> DNSName? {
        for dname in packet.records(RecordType.dname, in: LDNS_SECTION_ANSWER).records {
            let from = dname.owner
            guard owner != from, owner.isSubdomain(of: from), let rdf = ldns_rr_rdf(dname.pointer, 0) else { continue }
            let to = DNSName(dnsText: LDNSRData.text(rdf))
            let prefix = owner.absolute.dropLast(from.absolute.count)
            let synthesized = DNSName(dnsText: to.absolute == "." ? String(prefix) : String(prefix) + to.absolute)
            if synthesized == target { return from }
        }
        return nil
    }
}
