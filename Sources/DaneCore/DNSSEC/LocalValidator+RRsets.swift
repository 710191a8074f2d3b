import CLDNS
import Foundation

/// RRsets and denials (RFC 4035 §5.3, §5.4): an RRset's signatures checked with its zone's trusted
/// keys, wildcard expansions with their proof, NSEC/NSEC3 denials, unsigned answers judged by
/// the zone they lie in.
extension LocalValidator {
    func checkRRset(_ packet: LDNSPacket, owner: DNSName, type: RecordType, parentSide: Bool) async -> ValidationOutcome {
        let what = "\(type) \(owner.text)"
        let rrset = packet.records(type, in: LDNS_SECTION_ANSWER, owner: owner)
        let signatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_ANSWER, owner: owner)
            .filter { $0.signature.covered == type }
        let result = await checkSigned(rrset, signatures: signatures, owner: owner, type: type,
                                       what: what, missing: "no RRSIG over \(what)", parentSide: parentSide)
        guard result.status == .secure, let step = result.steps.last,
              let used = step.signatures.first(where: \.result.isValid), Int(used.labels) < owner.labelCount else {
            return result
        }
        // RFC 4035 §5.3.4: expanded from a wildcard; the authority section must prove that no
        // closer name exists (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6).
        let proof = packet.proofRecords
        let proofSignatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_AUTHORITY)
            .filter { [RecordType.nsec, RecordType.nsec3].contains($0.signature.covered) }
            .filter { $0.signature.signer == used.signer }
        let zone = await zoneTrust(used.signer)
        let signed = verifyProof(proof, signatures: proofSignatures, keys: zone.keys, zone: zone.zone)
        let proven = signed.failure == nil && !proof.isEmpty
            && DenialProof.noCloserMatch(owner, labels: Int(used.labels), records: proof, zone: zone.zone)
        let reason = signed.failure ?? "\(what) was expanded from a wildcard without proof that \(owner.text) does not exist"
        let checked = ChainStep(kind: .data, name: owner, type: step.type, signer: step.signer,
                                signatures: step.signatures + signed.summaries, status: proven ? .secure : .bogus,
                                reason: proven ? nil : reason)
        return ValidationOutcome(status: checked.status, reason: checked.reason, steps: result.steps.dropLast() + [checked])
    }

    /// Checks the signatures over each NSEC or NSEC3 RRset of a proof; the first failure, if any.
    func verifyProof(_ proof: LDNSRRList, signatures: LDNSRRList, keys: LDNSRRList,
                             zone: DNSName) -> (failure: String?, summaries: [SignatureSummary]) {
        var summaries: [SignatureSummary] = []
        for recordOwner in Set(proof.records.map { $0.owner }).sorted() {
            let rrset = proof.filter { $0.owner == recordOwner }
            let rrsigs = signatures.filter { $0.owner == recordOwner }
            let type = (rrset.records.first.map { $0.type } ?? RecordType(rawValue: 0)).description
            let check = SignatureVerifier.verify(rrset, signatures: rrsigs, keys: keys, zone: zone,
                                                 what: "\(type) \(recordOwner.text)", at: now(), exactLabels: true)
            summaries += check.summaries
            if !check.valid { return (check.failure, summaries) }
        }
        return (nil, summaries)
    }

    func checkDenial(_ packet: LDNSPacket, owner: DNSName, type: RecordType, nxDomain: Bool,
                             parentSide: Bool) async -> ValidationOutcome {
        let typeName = type
        let proof = packet.proofRecords
        let proofType = proof.records.first.map { $0.type } ?? RecordType.nsec
        let signatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_AUTHORITY)
            .filter { $0.signature.covered == proofType }
        let absence = "the absence of \(typeName) at \(owner.text)"
        guard !proof.isEmpty else {
            return await unsigned(owner, type: typeName, missing: "no NSEC/NSEC3 proof for \(absence)", parentSide: parentSide)
        }
        var failures: [ValidationOutcome] = []
        if let outcome = uncovered(owner, type: typeName) { return outcome }
        for signer in signers(signatures, below: owner, parentSide: parentSide) {
            let zone = await zoneTrust(signer)
            guard zone.status == .secure else {
                if zone.status == .insecure { return outcome(.insecure, zone.reason, zone, owner, typeName, []) }
                failures.append(ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps))
                continue
            }
                let bySigner = signatures.filter { $0.signature.signer == signer }
            let signed = verifyProof(proof, signatures: bySigner, keys: zone.keys, zone: zone.zone)
            if let failure = signed.failure {
                failures.append(outcome(.bogus, failure, zone, owner, typeName, signed.summaries))
                continue
            }
            switch DenialProof.check(owner, type, nxDomain: nxDomain, records: proof, zone: zone.zone) {
            case .proven:
                return outcome(.secure, nil, zone, owner, typeName, signed.summaries)
            case .insecure(let reason):
                return outcome(.insecure, reason, zone, owner, typeName, signed.summaries)
            case .unproven(let reason):
                failures.append(outcome(.bogus, reason, zone, owner, typeName, signed.summaries))
            }
        }
        return failures.first ?? Self.strangeSigners(signatures, owner: owner, what: "the \(proofType) records for \(absence)")
    }

    /// Checks an RRset's signatures. Every signer that is the zone of the owner is tried, deepest
    /// first (a forged RRSIG beside the real one does not hide it); the first that validates wins.
    /// `parentSide`: DS records and whatever else answers a DS question are signed by a proper
    /// parent (RFC 4035 §2.4), which also keeps the walk from waiting on itself.
    func checkSigned(_ rrset: LDNSRRList, signatures: LDNSRRList, owner: DNSName, type: RecordType,
                     what: String, missing: String, parentSide: Bool) async -> ValidationOutcome {
        if let outcome = uncovered(owner, type: type) { return outcome }
        guard !signatures.isEmpty else { return await unsigned(owner, type: type, missing: missing, parentSide: parentSide) }
        var failures: [ValidationOutcome] = []
        for signer in signers(signatures, below: owner, parentSide: parentSide) {
            let zone = await zoneTrust(signer)
            switch zone.status {
            case .insecure:
                // The signer is proven to lie below an unsigned delegation, and so does the owner.
                return outcome(.insecure, zone.reason, zone, owner, type, [])
            case .secure:
                        let bySigner = signatures.filter { $0.signature.signer == signer }
                let check = SignatureVerifier.verify(rrset, signatures: bySigner, keys: zone.keys, zone: zone.zone, what: what, at: now())
                if check.valid { return outcome(.secure, nil, zone, owner, type, check.summaries) }
                failures.append(outcome(.bogus, check.failure, zone, owner, type, check.summaries))
            case .bogus, .indeterminate:
                failures.append(ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps))
            }
        }
        return failures.first ?? Self.strangeSigners(signatures, owner: owner, what: what)
    }

    /// The signer names that may have signed an RRset at `owner`: the owner or its parents
    /// (proper parents only for `parentSide`), deepest first.
    func signers(_ signatures: LDNSRRList, below owner: DNSName, parentSide: Bool) -> [DNSName] {
        // Only zones at or below the anchor that covers the owner can vouch for it (RFC 4035 §5).
        guard let top = anchorZone(covering: owner) else { return [] }
        return Set(signatures.records.map { $0.signature.signer })
            .filter { owner.isSubdomain(of: $0) && $0.isSubdomain(of: top) && !(parentSide && $0 == owner) }
            .sorted { $0.labelCount > $1.labelCount }
    }

    /// No anchor covers the owner: nothing can be validated, the answer is insecure (RFC 4035 §4.3).
    func uncovered(_ owner: DNSName, type: RecordType) -> ValidationOutcome? {
        guard anchorZone(covering: owner) == nil else { return nil }
        let reason = "no trust anchor covers \(owner.text)"
        return ValidationOutcome(status: .insecure, reason: reason,
                                 steps: [ChainStep(kind: .data, name: owner, type: type, signer: nil, status: .insecure, reason: reason)])
    }

    static func strangeSigners(_ signatures: LDNSRRList, owner: DNSName, what: String) -> ValidationOutcome {
        let named = Set(signatures.records.map { $0.signature.signer.text }).sorted().joined(separator: ", ")
        return ValidationOutcome(status: .bogus, reason: "the RRSIG over \(what) names signer \(named), not the zone holding \(owner.text)", steps: [])
    }

    /// An RRset or denial without signatures: fine below an unsigned delegation, bogus in a signed
    /// zone. Whatever answers a DS question belongs to the parent's side of the cut: the parent decides.
    func unsigned(_ owner: DNSName, type: RecordType, missing: String, parentSide: Bool) async -> ValidationOutcome {
        let zone = await enclosingZone(parentSide ? owner.parent ?? owner : owner)
        switch zone.status {
        case .secure:
            return outcome(.bogus, "\(missing) in the signed zone \(zone.zone.text)", zone, owner, type, [])
        case .insecure:
            return outcome(.insecure, zone.reason, zone, owner, type, [])
        case .bogus, .indeterminate:
            return ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps)
        }
    }

    func outcome(_ status: SecurityStatus, _ reason: String?, _ zone: ZoneTrust, _ owner: DNSName,
                         _ type: RecordType, _ signatures: [SignatureSummary]) -> ValidationOutcome {
        let step = ChainStep(kind: .data, name: owner, type: type, signer: zone.zone, signatures: signatures,
                             status: status, reason: reason)
        return ValidationOutcome(status: status, reason: reason, steps: zone.steps + [step])
    }
}
