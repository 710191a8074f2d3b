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
    let fetches = TaskMemo<DNSQuery, Fetched>()
    let zones = TaskMemo<DNSName, ZoneTrust>()
    let enclosing = TaskMemo<DNSName, ZoneTrust>()

    public init(transport: any DNSTransport, anchors: [TrustAnchor], now: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.anchors = anchors
        self.now = now
    }

    /// The same anchors and clock with another transport (fresh caches).
    public func with(transport: any DNSTransport) -> LocalValidator {
        LocalValidator(transport: transport, anchors: anchors, now: now)
    }

    /// Validates a response (asked with CD=1) to `query`: the CNAMEs followed and the RRset or
    /// the denial at the end.
    public func validate(_ query: DNSQuery, _ response: DNSResponse) async -> ValidationOutcome {
        guard let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else {
            return ValidationOutcome(status: .indeterminate, reason: "the response could not be read for validation", steps: [])
        }
        guard case .answer(let owner, let aliases, let answer, _) = ResponseInterpreter.read(response, for: query) else {
            return ValidationOutcome(status: .indeterminate, reason: "resolver answered \(response.rcode)", steps: [])
        }
        var parts: [ValidationOutcome] = []
        var current = query.name
        for alias in aliases {
            parts.append(await checkRRset(packet, owner: current, type: LDNSDNSSECFields.cname))
            current = alias
        }
        switch answer {
        case .records:
            parts.append(await checkRRset(packet, owner: owner, type: query.type.rawValue))
        case .noData, .nxDomain:
            parts.append(await checkDenial(packet, owner: owner, type: query.type.rawValue, nxDomain: answer == .nxDomain))
        case .failed(let reason):
            parts.append(ValidationOutcome(status: .indeterminate, reason: reason, steps: []))
        }
        return ValidationOutcome.combine(parts)
    }

    /// Fetches `type` at `name` with CD=1 and validates it, keeping every step (`danecheck chain`).
    public func chain(_ name: DNSName, _ type: RecordType) async -> ChainReport {
        let query = DNSQuery(name: name, type: type, checkingDisabled: true)
        let fetched = await fetch(query)
        guard case .message(let response) = fetched, fetched.failure == nil,
              case .answer(let owner, let aliases, let answer, let ttl) = ResponseInterpreter.read(response, for: query) else {
            let reason = fetched.failure ?? "no answer"
            let lookup = Lookup(name: name, type: type, status: .indeterminate, answer: .failed(reason: reason), ttl: nil)
            return ChainReport(name: name, type: type, lookup: lookup, status: .indeterminate, reason: reason, steps: [], anchors: anchors)
        }
        let outcome = await validate(query, response)
        let lookup = Lookup(name: name, type: type, owner: owner, aliases: aliases, status: outcome.status, answer: answer, ttl: ttl)
        return ChainReport(name: name, type: type, lookup: lookup, status: outcome.status, reason: outcome.reason,
                           steps: outcome.steps, anchors: anchors)
    }

    // MARK: RRsets and denials

    private func checkRRset(_ packet: LDNSPacket, owner: DNSName, type: UInt16) async -> ValidationOutcome {
        let what = "\(LDNSDNSSECFields.typeName(type)) \(owner.text)"
        let rrset = packet.records(type, in: LDNS_SECTION_ANSWER, owner: owner)
        let signatures = packet.records(LDNSDNSSECFields.rrsig, in: LDNS_SECTION_ANSWER, owner: owner)
            .filter { LDNSDNSSECFields.signature($0).covered == type }
        let result = await checkSigned(rrset, signatures: signatures, owner: owner, type: LDNSDNSSECFields.typeName(type),
                                       what: what, missing: "no RRSIG over \(what)")
        guard result.status == .secure, let step = result.steps.last,
              let used = step.signatures.first(where: { $0.result == "ok" }), Int(used.labels) < owner.labelCount else {
            return result
        }
        // RFC 4035 §5.3.4: expanded from a wildcard; the authority section must prove that no
        // closer name exists (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6).
        let nsec = packet.records(LDNSDNSSECFields.nsec, in: LDNS_SECTION_AUTHORITY)
        let proof = nsec.isEmpty ? packet.records(LDNSDNSSECFields.nsec3, in: LDNS_SECTION_AUTHORITY) : nsec
        let proofSignatures = packet.records(LDNSDNSSECFields.rrsig, in: LDNS_SECTION_AUTHORITY)
            .filter { [LDNSDNSSECFields.nsec, LDNSDNSSECFields.nsec3].contains(LDNSDNSSECFields.signature($0).covered) }
        let zone = await zoneTrust(used.signer)
        let keys = (try? LDNSRRList(parsing: zone.keys)) ?? LDNSRRList()
        let signed = verifyProof(proof, signatures: proofSignatures, keys: keys, zone: zone.zone)
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
        for recordOwner in Set(proof.records.map { LDNSRRList.owner(of: $0) }).sorted() {
            let rrset = proof.filter { LDNSRRList.owner(of: $0) == recordOwner }
            let rrsigs = signatures.filter { LDNSRRList.owner(of: $0) == recordOwner }
            let type = LDNSDNSSECFields.typeName(rrset.records.first.map { LDNSRRList.type(of: $0) } ?? 0)
            let check = SignatureVerifier.verify(rrset, signatures: rrsigs, keys: keys, zone: zone,
                                                 what: "\(type) \(recordOwner.text)", at: now())
            summaries += check.summaries
            if !check.valid { return (check.failure, summaries) }
        }
        return (nil, summaries)
    }

    private func checkDenial(_ packet: LDNSPacket, owner: DNSName, type: UInt16, nxDomain: Bool) async -> ValidationOutcome {
        let typeName = LDNSDNSSECFields.typeName(type)
        let nsec = packet.records(LDNSDNSSECFields.nsec, in: LDNS_SECTION_AUTHORITY)
        let proof = nsec.isEmpty ? packet.records(LDNSDNSSECFields.nsec3, in: LDNS_SECTION_AUTHORITY) : nsec
        let proofType = nsec.isEmpty ? LDNSDNSSECFields.nsec3 : LDNSDNSSECFields.nsec
        let signatures = packet.records(LDNSDNSSECFields.rrsig, in: LDNS_SECTION_AUTHORITY)
            .filter { LDNSDNSSECFields.signature($0).covered == proofType }
        let absence = "the absence of \(typeName) at \(owner.text)"
        guard !proof.isEmpty else {
            return await unsigned(owner, type: typeName, missing: "no NSEC/NSEC3 proof for \(absence)")
        }
        let zone: ZoneTrust
        switch await signerTrust(signatures, below: owner, parentSide: type == LDNSDNSSECFields.ds, what: "NSEC records for \(absence)") {
        case .failure(let outcome): return outcome
        case .success(let trust): zone = trust
        }
        let keys = (try? LDNSRRList(parsing: zone.keys)) ?? LDNSRRList()
        let signed = verifyProof(proof, signatures: signatures, keys: keys, zone: zone.zone)
        let summaries = signed.summaries
        if let failure = signed.failure { return outcome(.bogus, failure, zone, owner, typeName, summaries) }
        switch DenialProof.check(owner, type, nxDomain: nxDomain, records: proof, signatures: signatures, zone: zone.zone) {
        case .proven:
            return outcome(.secure, nil, zone, owner, typeName, summaries)
        case .optOut(let reason):
            return outcome(.insecure, reason, zone, owner, typeName, summaries)
        case .unproven(let reason):
            return outcome(.bogus, reason, zone, owner, typeName, summaries)
        }
    }

    func checkSigned(_ rrset: LDNSRRList, signatures: LDNSRRList, owner: DNSName, type: String,
                             what: String, missing: String) async -> ValidationOutcome {
        guard !signatures.isEmpty else { return await unsigned(owner, type: type, missing: missing) }
        let zone: ZoneTrust
        switch await signerTrust(signatures, below: owner, parentSide: type == "DS", what: what) {
        case .failure(let outcome): return outcome
        case .success(let trust): zone = trust
        }
        let keys = (try? LDNSRRList(parsing: zone.keys)) ?? LDNSRRList()
        let check = SignatureVerifier.verify(rrset, signatures: signatures, keys: keys, zone: zone.zone, what: what, at: now())
        return outcome(check.valid ? .secure : .bogus, check.failure, zone, owner, type, check.summaries)
    }

    private enum SignerTrust {
        case success(ZoneTrust)
        case failure(ValidationOutcome)
    }

    /// The zone named by the RRSIGs' signer field, once it is known to be a parent of the owner
    /// (`parentSide`: a proper parent, as for DS records and their denials, which the parent
    /// zone signs, RFC 4035 §2.4; this also keeps the walk from waiting on itself).
    private func signerTrust(_ signatures: LDNSRRList, below owner: DNSName, parentSide: Bool, what: String) async -> SignerTrust {
        let signers = Set(signatures.records.map { LDNSDNSSECFields.signature($0).signer })
        let eligible = signers.filter { owner.isSubdomain(of: $0) && !(parentSide && $0 == owner) }
        guard let signer = eligible.max(by: { $0.labelCount < $1.labelCount }) else {
            let named = signers.map(\.text).sorted().joined(separator: ", ")
            return .failure(ValidationOutcome(status: .bogus, reason: "RRSIG over \(what) names signer \(named), not a parent of \(owner.text)", steps: []))
        }
        let zone = await zoneTrust(signer)
        guard zone.status == .secure else {
            return .failure(ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps))
        }
        return .success(zone)
    }

    /// An RRset or denial without signatures: fine below an unsigned delegation, bogus in a signed
    /// zone. A DS belongs to the parent's side of the cut: the parent decides.
    private func unsigned(_ owner: DNSName, type: String, missing: String) async -> ValidationOutcome {
        let zone = await enclosingZone(type == "DS" ? owner.parent ?? owner : owner)
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
                         _ type: String, _ signatures: [SignatureSummary]) -> ValidationOutcome {
        let step = ChainStep(kind: .data, name: owner, type: type, signer: zone.zone, signatures: signatures,
                             status: status, reason: reason)
        return ValidationOutcome(status: status, reason: reason, steps: zone.steps + [step])
    }

    // MARK: Fetching

    enum Fetched: Sendable {
        case message(DNSResponse)
        case failure(String)

        /// The response and its packet, when there is one that ldns can read.
        var packet: (response: DNSResponse, packet: LDNSPacket)? {
            guard case .message(let response) = self, let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else { return nil }
            return (response, packet)
        }

        var failure: String? {
            if case .failure(let text) = self { return text }
            if case .message(let response) = self, response.rcode != .noError, response.rcode != .nxDomain {
                return "resolver answered \(response.rcode) with CD=1"
            }
            return nil
        }
    }

    func fetch(_ query: DNSQuery) async -> Fetched {
        await fetches.value(for: query) { [transport] in
            let exchange = await transport.exchange(query)
            switch exchange.outcome {
            case .failure(let failure): return .failure(failure.description)
            case .response(let response):
                if response.rcode != .noError, response.rcode != .nxDomain { return .failure("resolver answered \(response.rcode) with CD=1") }
                return .message(response)
            }
        }
    }
}
