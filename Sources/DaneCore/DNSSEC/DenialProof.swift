import CLDNS

/// Reads the NSEC or NSEC3 records of one zone (their signatures already checked) as proofs:
/// of absence (NXDOMAIN, NODATA), of a wildcard answer's source, of an unsigned delegation.
/// The rules are in `NSECProof` (RFC 4035 §3.1.3, §5.4) and `NSEC3Proof` (RFC 5155 §8); ldns
/// hashes names and compares spans.
enum DenialProof {
    enum Result: Equatable {
        /// The records prove the absence (or the wildcard answer).
        case proven
        /// Insecure: the name lies in an unsigned zone (a delegation without DS above it), in an
        /// NSEC3 opt-out span (RFC 5155 §9.2), or the NSEC3 chain cannot or should not be checked.
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
        let proof = ProofRecords(records: records, zone: zone)
        guard proof.isNSEC3 else {
            let nsec = NSECProof(proof: proof)
            return nxDomain ? nsec.nameError(name, type) : nsec.noData(name, type)
        }
        if let unusable = unusableChain(proof) { return unusable }
        let nsec3 = NSEC3Proof(proof: proof)
        return nxDomain ? nsec3.nameError(name) : nsec3.noData(name, type)
    }

    /// RFC 4035 §5.3.4, RFC 5155 §8.8: for an answer at `owner` expanded from a wildcard whose
    /// RRSIG counts `labels` labels, the proof that no closer name exists.
    static func wildcardAnswer(_ owner: DNSName, labels: Int, records: LDNSRRList, zone: DNSName) -> Result {
        let proof = ProofRecords(records: records, zone: zone)
        guard !proof.records.isEmpty else { return .unproven("no NSEC or NSEC3 records") }
        var source = owner
        while source.labelCount > labels, let parent = source.parent { source = parent }
        guard proof.isNSEC3 else { return NSECProof(proof: proof).wildcardAnswer(owner, source: source) }
        if let unusable = unusableChain(proof) { return unusable }
        return NSEC3Proof(proof: proof).wildcardAnswer(owner, source: source)
    }

    /// RFC 4035 §5.2 / RFC 5155 §8.9: the record matching the name shows NS without SOA or DS.
    static func delegation(_ name: DNSName, records: LDNSRRList, zone: DNSName) -> Delegation {
        let proof = ProofRecords(records: records, zone: zone)
        guard let record = proof.matching(name) else { return .none }
        return ProofRecords.isDelegation(record) && !record.lists(RecordType.ds) ? .unsigned : .none
    }

    /// RFC 5155 §8.1-8.2: only SHA-1 hashing is known; RFC 9276 §3.2: validators may treat high
    /// iteration counts as insecure (Unbound does above 150).
    private static func unusableChain(_ proof: ProofRecords) -> Result? {
        guard let sample = proof.records.first else { return nil }
        let algorithm = ldns_nsec3_algorithm(sample.pointer), iterations = ldns_nsec3_iterations(sample.pointer)
        if algorithm != 1 { return .insecure("NSEC3 hash algorithm \(algorithm) is unknown: the proof cannot be checked, insecure") }
        if iterations > maxIterations {
            return .insecure("NSEC3 with \(iterations) iterations (more than \(maxIterations)): insecure (RFC 9276 §3.2)")
        }
        return nil
    }

    // MARK: Outcomes shared by the NSEC and NSEC3 rules

    static func unsignedZone(_ name: DNSName, cut: DNSName, kind: String) -> Result {
        if name == cut {
            return .insecure("the \(kind) record of its parent shows \(name.text) delegated without DS: unsigned (RFC 4035 §5.2)")
        }
        return .insecure("\(name.text) lies below \(cut.text), which the \(kind) record of its parent shows delegated without DS: unsigned (RFC 4035 §5.2)")
    }

    static func fromParentSide(_ cut: DNSName, kind: String) -> Result {
        .unproven("the \(kind) record for \(cut.text) is from the parent side of a delegation: it cannot deny names in the zone below (RFC 6840 §4.1)")
    }

    static func childApex(_ name: DNSName, kind: String) -> Result {
        .unproven("the \(kind) record at \(name.text) is the child zone's own (SOA): it cannot deny the DS in the parent (RFC 6840 §4.1)")
    }
}
