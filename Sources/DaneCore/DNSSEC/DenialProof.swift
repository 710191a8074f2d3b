import CLDNS

/// Reads NSEC and NSEC3 records (their signatures already checked) as proofs of absence:
/// RFC 4035 §3.1.3 and §5.4 for NSEC, RFC 5155 §7.2 and §8 for NSEC3, RFC 6840 §4.1 for records
/// from the parent side of a delegation. ldns hashes names and compares spans; the proofs are here.
enum DenialProof {
    enum Result: Equatable {
        /// The records prove that `type` does not exist at the name.
        case proven
        /// Insecure: NSEC3 opt-out (the name may be an unsigned delegation, RFC 5155 §6, §9.2), or an
        /// NSEC3 chain that cannot or should not be checked (unknown hash, too many iterations).
        case insecure(String)
        case unproven(String)
    }

    /// What the proof says about a name as a zone cut (asked when walking down for DS).
    enum Delegation: Equatable {
        /// NS without SOA and DS at the name: a delegation to an unsigned zone (RFC 4035 §5.2).
        case unsigned
        /// Not a zone cut (an ordinary name, an empty non-terminal or no name at all).
        case none
    }

    static let maxIterations = 150

    static func check(_ name: DNSName, _ type: RecordType, nxDomain: Bool, records: LDNSRRList,
                      zone: DNSName) -> Result {
        let proof = Proof(records: records, zone: zone)
        if proof.isNSEC3, let sample = proof.records.first {
            // RFC 5155 §8.1-8.2: only SHA-1 hashing is known; RFC 9276 §3.2: validators may treat
            // high iteration counts as insecure (Unbound does above 150).
            let algorithm = ldns_nsec3_algorithm(sample.pointer), iterations = ldns_nsec3_iterations(sample.pointer)
            if algorithm != 1 { return .insecure("NSEC3 hash algorithm \(algorithm) is unknown: the proof cannot be checked, insecure") }
            if iterations > maxIterations {
                return .insecure("NSEC3 with \(iterations) iterations (more than \(maxIterations)): insecure (RFC 9276 §3.2)")
            }
        }
        if let cut = proof.parentSide(of: name, type: type) {
            return .unproven("the \(proof.kind) record for \(cut.text) is from the parent side of a delegation: it cannot deny names in the zone below (RFC 6840 §4.1)")
        }
        return proof.isNSEC3 ? proof.nsec3(name, type, nxDomain: nxDomain) : proof.nsec(name, type, nxDomain: nxDomain)
    }

    /// RFC 4035 §5.2 / RFC 5155 §8.6: the record matching the name shows NS without SOA or DS.
    static func delegation(_ name: DNSName, records: LDNSRRList, zone: DNSName) -> Delegation {
        let proof = Proof(records: records, zone: zone)
        guard let record = proof.matching(name) else { return .none }
        let cut = proof.lists(record, RecordType.ns) && !proof.lists(record, RecordType.soa)
            && !proof.lists(record, RecordType.ds)
        return cut ? .unsigned : .none
    }

    /// The NSEC or NSEC3 records of one proof; `list` owns the records the pointers refer to.
    private struct Proof {
        let records: [LDNSRecord]
        private let list: LDNSRRList
        let zone: DNSName
        let isNSEC3: Bool

        init(records: LDNSRRList, zone: DNSName) {
            list = records
            self.records = records.records
            self.zone = zone
            isNSEC3 = self.records.contains { $0.type == RecordType.nsec3 }
        }

        var kind: String { isNSEC3 ? "NSEC3" : "NSEC" }

        func lists(_ record: LDNSRecord, _ type: RecordType) -> Bool {
            record.lists(type)
        }

        private func hashed(_ name: DNSName) -> DNSName? {
            guard let sample = records.first else { return nil }
            return LDNSDNSSECFields.nsec3Owner(of: name, like: sample.pointer, zone: zone)
        }

        /// The record whose owner is the name (NSEC) or its hash (NSEC3).
        func matching(_ name: DNSName) -> LDNSRecord? {
            guard let owner = isNSEC3 ? hashed(name) : name else { return nil }
            return records.first { $0.owner == owner }
        }

        /// A record whose span holds the name strictly (owner < name < next, canonical order).
        func covering(_ name: DNSName) -> LDNSRecord? {
            if isNSEC3 {
                guard let hashedName = hashed(name) else { return nil }
                return records.first { LDNSDNSSECFields.nsec3Covers($0.pointer, hashedName: hashedName) }
            }
            guard let dname = ldns_dname_new_frm_str(name.absolute) else { return nil }
            defer { ldns_rdf_deep_free(dname) }
            return records.first { $0.owner != name && LDNSDNSSECFields.covers($0.pointer, dname) }
        }

        /// RFC 6840 §4.1: a record at an ancestor of the name (or at the name, unless DS is asked)
        /// with NS and without SOA, or with DNAME, belongs to the parent of a cut and proves nothing below.
        func parentSide(of name: DNSName, type: RecordType) -> DNSName? {
            var candidate: DNSName? = name
            while let current = candidate, current.isSubdomain(of: zone) {
                if current != name || type != RecordType.ds, current != zone || current == name, let record = matching(current) {
                    let delegation = lists(record, RecordType.ns) && !lists(record, RecordType.soa)
                    if delegation || (current != name && lists(record, RecordType.dname)) { return current }
                }
                candidate = current.parent
            }
            return nil
        }

        // MARK: NSEC (RFC 4035 §3.1.3, §5.4)

        func nsec(_ name: DNSName, _ type: RecordType, nxDomain: Bool) -> Result {
            let what = "\(type) at \(name.text)"
            if nxDomain {
                guard let cover = covering(name) else { return .unproven("no NSEC record covers \(name.text): NXDOMAIN is not proven") }
                if let next = Self.nextName(cover), next != name, next.isSubdomain(of: name) {
                    return .unproven("\(name.text) is an empty non-terminal (names exist below it): NXDOMAIN is not proven")
                }
                let wildcard = closestEncloser(name, cover).prepending("*")
                guard covering(wildcard) != nil else {
                    return .unproven("no NSEC record proves that \(wildcard.text) does not exist: NXDOMAIN is not proven")
                }
                return .proven
            }
            if let match = matching(name) {
                if lists(match, type) || lists(match, RecordType.cname) {
                    return .unproven("the NSEC record at \(name.text) lists \(type): its absence is not proven")
                }
                return .proven
            }
            guard let cover = covering(name) else { return .unproven("no NSEC record proves the absence of \(what)") }
            // An empty non-terminal: the next name lies below the asked name.
            if let next = Self.nextName(cover), next != name, next.isSubdomain(of: name) { return .proven }
            // Wildcard NODATA: the wildcard that answers for the name lacks the type.
            if let wildcard = matching(closestEncloser(name, cover).prepending("*")),
               !lists(wildcard, type), !lists(wildcard, RecordType.cname) { return .proven }
            return .unproven("no NSEC record proves the absence of \(what)")
        }

        /// The longest ancestor of the name that the covering record's owner or next name lie under.
        func closestEncloser(_ name: DNSName, _ cover: LDNSRecord) -> DNSName {
            let owner = cover.owner
            let next = Self.nextName(cover) ?? zone
            var candidate = name.parent
            while let current = candidate, current != zone {
                if owner.isSubdomain(of: current) || next.isSubdomain(of: current) { return current }
                candidate = current.parent
            }
            return zone
        }

        static func nextName(_ nsec: LDNSRecord) -> DNSName? {
            guard let rdf = ldns_rr_rdf(nsec.pointer, 0) else { return nil }
            return DNSName(dnsText: LDNSRData.text(rdf))
        }

        // MARK: NSEC3 (RFC 5155 §8)

        func nsec3(_ name: DNSName, _ type: RecordType, nxDomain: Bool) -> Result {
            let what = "\(type) at \(name.text)"
            if nxDomain {
                guard let (encloser, cover) = closestEncloserProof(name) else {
                    return .unproven("no NSEC3 closest-encloser proof for \(name.text): NXDOMAIN is not proven")
                }
                if LDNSDNSSECFields.optOut(cover.pointer) {
                    return .insecure("\(name.text) lies in an NSEC3 opt-out span of \(zone.text): NXDOMAIN, insecure (RFC 5155 §9.2)")
                }
                guard covering(encloser.prepending("*")) != nil else {
                    return .unproven("no NSEC3 record proves that *.\(encloser.text) does not exist: NXDOMAIN is not proven")
                }
                return .proven
            }
            if let match = matching(name) {
                if lists(match, type) || lists(match, RecordType.cname) {
                    return .unproven("the NSEC3 record for \(name.text) lists \(type): its absence is not proven")
                }
                return .proven
            }
            if let (encloser, cover) = closestEncloserProof(name) {
                if type == RecordType.ds, LDNSDNSSECFields.optOut(cover.pointer) {
                    return .insecure("\(name.text) lies in an NSEC3 opt-out span of \(zone.text) (\(cover.owner.text)): no DS, unsigned")
                }
                if let wildcard = matching(encloser.prepending("*")), !lists(wildcard, type), !lists(wildcard, RecordType.cname) {
                    return .proven  // RFC 5155 §8.7: wildcard NODATA
                }
            }
            return .unproven("no NSEC3 proof for the absence of \(what)")
        }

        /// RFC 5155 §7.2.1 / §8.3: an ancestor matched by an NSEC3 record (the closest encloser)
        /// and the next closer name strictly covered by another. Returns both.
        func closestEncloserProof(_ name: DNSName) -> (DNSName, LDNSRecord)? {
            var nextCloser = name
            var candidate = name.parent
            while let encloser = candidate, encloser.isSubdomain(of: zone) {
                if matching(encloser) != nil {
                    guard let cover = covering(nextCloser) else { return nil }
                    return (encloser, cover)
                }
                nextCloser = encloser
                candidate = encloser.parent
            }
            return nil
        }
    }

    /// RFC 4035 §5.3.4 and RFC 5155 §8.8: for an answer expanded from a wildcard whose RRSIG has
    /// `labels` labels, a record covering the owner (NSEC) or the next closer name (NSEC3, one
    /// label longer than the wildcard's parent) shows that no closer name exists.
    static func noCloserMatch(_ owner: DNSName, labels: Int, records: LDNSRRList, zone: DNSName) -> Bool {
        let proof = Proof(records: records, zone: zone)
        var source = owner
        while source.labelCount > labels, let parent = source.parent { source = parent }
        guard proof.isNSEC3 else {
            // The closest encloser the covering NSEC shows must be the wildcard's parent (RFC 4592 §3.3.1).
            guard let cover = proof.covering(owner) else { return false }
            return proof.closestEncloser(owner, cover) == source
        }
        var nextCloser = owner
        while nextCloser.labelCount > labels + 1, let parent = nextCloser.parent { nextCloser = parent }
        return proof.covering(nextCloser) != nil
    }
}
