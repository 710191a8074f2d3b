import CLDNS
import Foundation

/// Validates answers here, from trust anchors, the way a validating resolver does (RFC 4035 §5):
/// every RRset's RRSIG is checked with its zone's DNSKEYs, each zone's DNSKEY RRset with a DS
/// from its parent (or an anchor), each DS with the parent's keys, up to an anchor; NSEC/NSEC3
/// records prove absence and unsigned delegations. Data, DNSKEY and DS are fetched with CD=1
/// through the configured resolver, which need not validate. ldns does the cryptography; the
/// clock that judges validity windows is injectable. Zone keys are cached for the validator's
/// life (one run): a batch under one TLD validates the TLD once.
public final class LocalValidator: Sendable {
    let transport: any DNSTransport
    public let anchors: [TrustAnchor]
    let now: @Sendable () -> Date
    let fetches = TaskMemo<DNSQuery, Fetched>("fetch")
    let zones = TaskMemo<DNSName, ZoneTrust>("zone")
    let enclosing = TaskMemo<DNSName, ZoneTrust>("enclosing")

    public init(transport: any DNSTransport, anchors: [TrustAnchor], now: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.anchors = anchors
        self.now = now
    }

    /// Validates a response (asked with CD=1) to `query`: the CNAMEs followed and the RRset or
    /// the denial at the end.
    public func validate(_ query: DNSQuery, _ response: DNSResponse) async -> ValidationOutcome {
        guard let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else {
            return ValidationOutcome(status: .indeterminate, reason: "the response could not be read for validation", steps: [])
        }
        let reading = ResponseInterpreter.read(response, for: query)
        guard case .answer(let owner, let aliases, let answer, _) = reading else {
            if case .broken(let reason) = reading { return ValidationOutcome(status: .indeterminate, reason: reason, steps: []) }
            return ValidationOutcome(status: .indeterminate, reason: "resolver answered \(response.rcode)", steps: [])
        }
        // Everything that answers a DS question is the parent side's (RFC 4035 §2.4).
        let parentSide = query.type == .ds
        if parentSide, !aliases.isEmpty {
            // A CNAME at the name: no zone cut there. Its target's DS is no business of this name.
            return await checkRRset(packet, owner: query.name, type: RecordType.cname, parentSide: true)
        }
        var parts: [ValidationOutcome] = []
        var current = query.name
        for alias in aliases {
            parts.append(await checkRRset(packet, owner: current, type: RecordType.cname, parentSide: parentSide))
            current = alias
        }
        switch answer {
        case .records:
            parts.append(await checkRRset(packet, owner: owner, type: query.type, parentSide: parentSide))
        case .noData, .nxDomain:
            parts.append(await checkDenial(packet, owner: owner, type: query.type, nxDomain: answer == .nxDomain,
                                           parentSide: parentSide))
        case .failed(let reason):
            parts.append(ValidationOutcome(status: .indeterminate, reason: reason, steps: []))
        }
        return ValidationOutcome.combine(parts)
    }

    /// Fetches `type` at `name` with CD=1 and validates it, keeping every step (`danecheck chain`).
    public func chain(_ name: DNSName, _ type: RecordType) async -> ChainReport {
        let query = DNSQuery(name: name, type: type, checkingDisabled: true)
        let fetched = await fetch(query)
        let reading = fetched.message.map { ResponseInterpreter.read($0, for: query) }
        guard let response = fetched.message, case .answer(let owner, let aliases, let answer, let ttl)? = reading else {
            var reason = fetched.failure ?? "no answer"
            if case .broken(let why)? = reading { reason = why }
            let lookup = Lookup(name: name, type: type, status: .indeterminate, answer: .failed(reason: reason), ttl: nil)
            return ChainReport(name: name, type: type, lookup: lookup, status: .indeterminate, reason: reason, steps: [], anchors: anchors)
        }
        let outcome = await validate(query, response)
        let lookup = Lookup(name: name, type: type, owner: owner, aliases: aliases, status: outcome.status, answer: answer, ttl: ttl)
        return ChainReport(name: name, type: type, lookup: lookup, status: outcome.status, reason: outcome.reason,
                           steps: outcome.steps, anchors: anchors)
    }

    // MARK: RRsets and denials

    private func checkRRset(_ packet: LDNSPacket, owner: DNSName, type: RecordType, parentSide: Bool) async -> ValidationOutcome {
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
    private func verifyProof(_ proof: LDNSRRList, signatures: LDNSRRList, keys: LDNSRRList,
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

    private func checkDenial(_ packet: LDNSPacket, owner: DNSName, type: RecordType, nxDomain: Bool,
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
    private func signers(_ signatures: LDNSRRList, below owner: DNSName, parentSide: Bool) -> [DNSName] {
        // Only zones at or below the anchor that covers the owner can vouch for it (RFC 4035 §5).
        guard let top = anchorZone(covering: owner) else { return [] }
        return Set(signatures.records.map { $0.signature.signer })
            .filter { owner.isSubdomain(of: $0) && $0.isSubdomain(of: top) && !(parentSide && $0 == owner) }
            .sorted { $0.labelCount > $1.labelCount }
    }

    /// No anchor covers the owner: nothing can be validated, the answer is insecure (RFC 4035 §4.3).
    private func uncovered(_ owner: DNSName, type: RecordType) -> ValidationOutcome? {
        guard anchorZone(covering: owner) == nil else { return nil }
        let reason = "no trust anchor covers \(owner.text)"
        return ValidationOutcome(status: .insecure, reason: reason,
                                 steps: [ChainStep(kind: .data, name: owner, type: type, signer: nil, status: .insecure, reason: reason)])
    }

    private static func strangeSigners(_ signatures: LDNSRRList, owner: DNSName, what: String) -> ValidationOutcome {
        let named = Set(signatures.records.map { $0.signature.signer.text }).sorted().joined(separator: ", ")
        return ValidationOutcome(status: .bogus, reason: "the RRSIG over \(what) names signer \(named), not the zone holding \(owner.text)", steps: [])
    }

    /// An RRset or denial without signatures: fine below an unsigned delegation, bogus in a signed
    /// zone. Whatever answers a DS question belongs to the parent's side of the cut: the parent decides.
    private func unsigned(_ owner: DNSName, type: RecordType, missing: String, parentSide: Bool) async -> ValidationOutcome {
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

    private func outcome(_ status: SecurityStatus, _ reason: String?, _ zone: ZoneTrust, _ owner: DNSName,
                         _ type: RecordType, _ signatures: [SignatureSummary]) -> ValidationOutcome {
        let step = ChainStep(kind: .data, name: owner, type: type, signer: zone.zone, signatures: signatures,
                             status: status, reason: reason)
        return ValidationOutcome(status: status, reason: reason, steps: zone.steps + [step])
    }

    // MARK: Fetching

    enum Fetched: Sendable {
        /// The response and its packet, parsed once when it was fetched.
        case message(DNSResponse, LDNSPacket)
        case failure(String)

        var packet: (response: DNSResponse, packet: LDNSPacket)? {
            guard case .message(let response, let packet) = self else { return nil }
            return (response, packet)
        }

        var message: DNSResponse? { packet?.response }

        /// Why there is no message (`fetch` turns error rcodes into failures).
        var failure: String? {
            if case .failure(let text) = self { return text }
            return nil
        }
    }

    func fetch(_ query: DNSQuery) async -> Fetched {
        await fetches.value(for: query, onLoop: .failure("validation loop")) { [transport] in
            let exchange = await transport.exchange(query)
            switch exchange.outcome {
            case .failure(let failure): return .failure(failure.description)
            case .response(let response):
                if response.rcode != .noError, response.rcode != .nxDomain { return .failure("resolver answered \(response.rcode) with CD=1") }
                guard let wire = response.wire else { return .failure("the response could not be read for validation") }
                do throws(LDNSError) { return .message(response, try LDNSPacket(wire: wire)) } catch {
                    return .failure("the response could not be read for validation: \(LDNSStatus.messageProblem(error.status))")
                }
            }
        }
    }
}
