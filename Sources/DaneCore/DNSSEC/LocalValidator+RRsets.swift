import CLDNS
import Foundation

/// RRsets and denials (RFC 4035 §5.3, §5.4): an RRset's signatures checked with its zone's trusted
/// keys, wildcard expansions with their proof, NSEC/NSEC3 denials, unsigned answers judged by
/// the zone they lie in. The proofs of the authority section are taken zone by zone: only those
/// the zone in question signed (`LDNSPacket.proof(signedBy:)`).
extension LocalValidator {
    func checkRRset(_ packet: LDNSPacket, owner: DNSName, type: RecordType, parentSide: Bool) async -> ValidationOutcome {
        let what = "\(type) \(owner.text)"
        let rrset = packet.records(type, in: LDNS_SECTION_ANSWER, owner: owner)
        let signatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_ANSWER, owner: owner)
            .filter { $0.signature.covered == type }
        let result = await checkSigned(rrset, signatures: signatures, owner: owner, type: type,
                                       what: what, missing: "no RRSIG over \(what)", parentSide: parentSide)
        guard result.status == .secure, let step = result.steps.last,
              let used = step.signatures.first(where: \.result.isValid), Int(used.labels) < owner.rrsigLabelCount else {
            return result
        }
        // RFC 4035 §5.3.4: expanded from a wildcard; the authority section must prove that no
        // closer name exists (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6), with the same zone's records.
        let (proof, proofSignatures) = packet.proof(signedBy: used.signer)
        let zone = await zoneTrust(used.signer)
        let signed = verifyProof(proof, signatures: proofSignatures, keys: zone.keys, zone: zone.zone)
        let judged: DenialProof.Result = if let failure = signed.failure { .unproven(failure) } else if proof.isEmpty {
            .unproven("\(what) was expanded from a wildcard without proof that \(owner.text) does not exist")
        } else {
            DenialProof.wildcardAnswer(owner, labels: Int(used.labels), records: proof, zone: zone.zone)
        }
        let (status, reason): (SecurityStatus, String?) = switch judged {
        case .proven: (.secure, nil)
        case .insecure(let why): (.insecure, why)
        case .unproven(let why): (.bogus, why)
        }
        let checked = ChainStep(kind: .data, name: owner, type: step.type, signer: step.signer,
                                signatures: step.signatures + signed.summaries, status: status, reason: reason)
        return ValidationOutcome(status: status, reason: reason, steps: result.steps.dropLast() + [checked])
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

    /// A denial: the proof of each zone that signed one and may hold the owner, deepest first; the
    /// first that is proven (or insecure) wins. Without any, the zone the owner lies in decides.
    func checkDenial(_ packet: LDNSPacket, owner: DNSName, type: RecordType, nxDomain: Bool,
                     parentSide: Bool) async -> ValidationOutcome {
        let absence = "the absence of \(type) at \(owner.text)"
        if let outcome = uncovered(owner, type: type, parentSide: parentSide) { return outcome }
        var failures: [ValidationOutcome] = []
        for signer in signers(packet.proofSigners, below: owner, parentSide: parentSide) {
            let zone = await zoneTrust(signer)
            guard zone.status == .secure else {
                if zone.status == .insecure {
                    if let below = insecureSigner(zone, owner: owner, type: type, parentSide: parentSide) { return below }
                    continue
                }
                failures.append(ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps))
                continue
            }
            let (proof, signatures) = packet.proof(signedBy: signer)
            let signed = verifyProof(proof, signatures: signatures, keys: zone.keys, zone: zone.zone)
            if let failure = signed.failure {
                failures.append(outcome(.bogus, failure, zone, owner, type, signed.summaries))
                continue
            }
            switch DenialProof.check(owner, type, nxDomain: nxDomain, records: proof, zone: zone.zone) {
            case .proven:
                return outcome(.secure, nil, zone, owner, type, signed.summaries)
            case .insecure(let reason):
                return outcome(.insecure, reason, zone, owner, type, signed.summaries)
            case .unproven(let reason):
                failures.append(outcome(.bogus, reason, zone, owner, type, signed.summaries))
            }
        }
        if let failure = failures.first { return failure }
        return await unsigned(owner, type: type, missing: "no NSEC/NSEC3 proof for \(absence)", parentSide: parentSide)
    }

    /// Checks an RRset's signatures. Every signer that may hold the owner is tried, deepest first
    /// (a forged RRSIG beside the real one does not hide it); the first that validates wins. An
    /// RRSIG of a signer that cannot hold the owner counts for nothing (RFC 4035 §5.3.1: "The
    /// RRSIG RR's Signer's Name field MUST be the name of the zone that contains the RRset"):
    /// the RRset is then judged as unsigned, bogus in a signed zone.
    /// `parentSide`: DS records and whatever else answers a DS question are signed by a proper
    /// parent (RFC 4035 §2.4), which also keeps the walk from waiting on itself.
    func checkSigned(_ rrset: LDNSRRList, signatures: LDNSRRList, owner: DNSName, type: RecordType,
                     what: String, missing: String, parentSide: Bool) async -> ValidationOutcome {
        if let outcome = uncovered(owner, type: type, parentSide: parentSide) { return outcome }
        let named = Set(signatures.records.map { $0.signature.signer })
        var failures: [ValidationOutcome] = []
        for signer in signers(named, below: owner, parentSide: parentSide) {
            let zone = await zoneTrust(signer)
            switch zone.status {
            case .insecure:
                if let below = insecureSigner(zone, owner: owner, type: type, parentSide: parentSide) { return below }
            case .secure:
                let bySigner = signatures.filter { $0.signature.signer == signer }
                let check = SignatureVerifier.verify(rrset, signatures: bySigner, keys: zone.keys, zone: zone.zone, what: what, at: now())
                if check.valid { return outcome(.secure, nil, zone, owner, type, check.summaries) }
                failures.append(outcome(.bogus, check.failure, zone, owner, type, check.summaries))
            case .bogus, .indeterminate:
                failures.append(ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps))
            }
        }
        if let failure = failures.first { return failure }
        let stranger = named.isEmpty ? missing
            : "the RRSIG over \(what) names signer \(named.map(\.text).sorted().joined(separator: ", ")), not a zone holding \(owner.text)"
        return await unsigned(owner, type: type, missing: stranger, parentSide: parentSide)
    }

    /// The signer names that may have signed data at `owner`: the owner or its ancestors (proper
    /// ancestors for `parentSide`) under a trust anchor, deepest first. As Unbound does, the
    /// signer's own anchor vouches for it: a signer above an anchor at the owner's zone may sign
    /// (the parent's DS of an anchored child, the parent's proof that an anchored name does not
    /// exist); a signer above every anchor vouches for nothing.
    func signers(_ names: Set<DNSName>, below owner: DNSName, parentSide: Bool) -> [DNSName] {
        names.filter { owner.isSubdomain(of: $0) && !(parentSide && $0 == owner) && anchorZone(covering: $0) != nil }
            .sorted { $0.labelCount > $1.labelCount }
    }

    /// A signer whose zone is proven unsigned from its anchor: the owner lies below the same
    /// unsigned delegation, unless a closer anchor covers the owner, where an unsigned signer
    /// proves nothing (nil: its RRSIG counts for nothing).
    private func insecureSigner(_ zone: ZoneTrust, owner: DNSName, type: RecordType, parentSide: Bool) -> ValidationOutcome? {
        guard anchorZone(covering: zone.zone) == anchorZone(covering: parentSide ? owner.parent ?? owner : owner) else { return nil }
        return outcome(.insecure, zone.reason, zone, owner, type, [])
    }

    /// No anchor covers the owner (its parent, for what answers a DS question): nothing can be
    /// validated, the answer is insecure (RFC 4035 §4.3).
    func uncovered(_ owner: DNSName, type: RecordType, parentSide: Bool) -> ValidationOutcome? {
        guard anchorZone(covering: parentSide ? owner.parent ?? owner : owner) == nil else { return nil }
        let reason = "no trust anchor covers \(owner.text)" + ignoredAnchors(owner)
        return ValidationOutcome(status: .insecure, reason: reason,
                                 steps: [ChainStep(kind: .data, name: owner, type: type, signer: nil, status: .insecure, reason: reason)])
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
