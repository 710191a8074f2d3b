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
    private let transport: any DNSTransport
    public let anchors: [TrustAnchor]
    private let now: @Sendable () -> Date
    private let fetches = TaskMemo<DNSQuery, Fetched>()
    private let zones = TaskMemo<DNSName, ZoneTrust>()
    private let enclosing = TaskMemo<DNSName, ZoneTrust>()

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

    // MARK: RRsets and denials

    private func checkRRset(_ packet: LDNSPacket, owner: DNSName, type: UInt16) async -> ValidationOutcome {
        let what = "\(LDNSDNSSECFields.typeName(type)) \(owner.text)"
        let rrset = packet.records(type, in: LDNS_SECTION_ANSWER, owner: owner)
        let signatures = packet.records(LDNSDNSSECFields.rrsig, in: LDNS_SECTION_ANSWER, owner: owner)
            .filter { LDNSDNSSECFields.signature($0).covered == type }
        return await checkSigned(rrset, signatures: signatures, owner: owner, type: LDNSDNSSECFields.typeName(type),
                                 what: what, missing: "no RRSIG over \(what)")
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
        switch await signerTrust(signatures, below: owner, what: "NSEC records for \(absence)") {
        case .failure(let outcome): return outcome
        case .success(let trust): zone = trust
        }
        let keys = (try? LDNSRRList(parsing: zone.keys)) ?? LDNSRRList()
        var summaries: [SignatureSummary] = []
        for recordOwner in Set(proof.records.map { LDNSRRList.owner(of: $0) }).sorted() {
            let rrset = proof.filter { LDNSRRList.owner(of: $0) == recordOwner }
            let rrsigs = signatures.filter { LDNSRRList.owner(of: $0) == recordOwner }
            let check = SignatureVerifier.verify(rrset, signatures: rrsigs, keys: keys, zone: zone.zone,
                                                 what: "\(LDNSDNSSECFields.typeName(proofType)) \(recordOwner.text)", at: now())
            summaries += check.summaries
            if !check.valid {
                return outcome(.bogus, check.failure, zone, owner, typeName, summaries)
            }
        }
        switch DenialProof.check(owner, type, nxDomain: nxDomain, records: proof, signatures: signatures, zone: zone.zone) {
        case .proven:
            return outcome(.secure, nil, zone, owner, typeName, summaries)
        case .optOut(let reason):
            return outcome(.insecure, reason, zone, owner, typeName, summaries)
        case .unproven(let reason):
            return outcome(.bogus, reason, zone, owner, typeName, summaries)
        }
    }

    private func checkSigned(_ rrset: LDNSRRList, signatures: LDNSRRList, owner: DNSName, type: String,
                             what: String, missing: String) async -> ValidationOutcome {
        guard !signatures.isEmpty else { return await unsigned(owner, type: type, missing: missing) }
        let zone: ZoneTrust
        switch await signerTrust(signatures, below: owner, what: what) {
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

    /// The zone named by the RRSIGs' signer field, once it is known to be a parent of the owner.
    private func signerTrust(_ signatures: LDNSRRList, below owner: DNSName, what: String) async -> SignerTrust {
        let signers = Set(signatures.records.map { LDNSDNSSECFields.signature($0).signer })
        guard let signer = signers.filter({ owner.isSubdomain(of: $0) }).max(by: { $0.labelCount < $1.labelCount }) else {
            let named = signers.map(\.text).sorted().joined(separator: ", ")
            return .failure(ValidationOutcome(status: .bogus, reason: "RRSIG over \(what) names signer \(named), not a parent of \(owner.text)", steps: []))
        }
        let zone = await zoneTrust(signer)
        guard zone.status == .secure else {
            return .failure(ValidationOutcome(status: zone.status, reason: zone.reason, steps: zone.steps))
        }
        return .success(zone)
    }

    /// An RRset or denial without signatures: fine below an unsigned delegation, bogus in a signed zone.
    private func unsigned(_ owner: DNSName, type: String, missing: String) async -> ValidationOutcome {
        let zone = await enclosingZone(owner)
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

    // MARK: Zones

    /// The trust in a zone's keys (the zone named by an RRSIG's signer field).
    func zoneTrust(_ zone: DNSName) async -> ZoneTrust {
        await zones.value(for: zone) { [self] in await computeZoneTrust(zone) }
    }

    /// The trust of the zone a name lies in, walking down from the anchor with DS queries to find
    /// the zone cuts (for unsigned answers: insecure below an unsigned delegation, else bogus).
    func enclosingZone(_ name: DNSName) async -> ZoneTrust {
        await enclosing.value(for: name) { [self] in await computeEnclosingZone(name) }
    }

    private func anchorZone(covering name: DNSName) -> DNSName? {
        anchors.map(\.zone).filter { name.isSubdomain(of: $0) }.max { $0.labelCount < $1.labelCount }
    }

    private func computeZoneTrust(_ zone: DNSName) async -> ZoneTrust {
        if anchors.contains(where: { $0.zone == zone }) { return await anchoredZone(zone) }
        guard anchorZone(covering: zone) != nil, let parent = zone.parent else {
            return .failed(zone, .insecure, "no trust anchor covers \(zone.text)", steps: [])
        }
        let dsQuery = DNSQuery(name: zone, type: .ds, checkingDisabled: true)
        let fetched = await fetch(dsQuery)
        guard case .message(let response) = fetched, let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else {
            return .failed(zone, .indeterminate, "DS \(zone.text): \(fetched.failure ?? "no answer")", steps: [])
        }
        let dsSet = packet.records(LDNSDNSSECFields.ds, in: LDNS_SECTION_ANSWER, owner: zone)
        if dsSet.isEmpty {
            // No DS: the parent must prove it, then the zone is an island (insecure).
            let denial = await validate(dsQuery, response)
            let steps = denial.steps
            switch denial.status {
            case .secure, .insecure:
                return .failed(zone, .insecure, denial.reason ?? "no DS for \(zone.text) in its parent: unsigned delegation", steps: steps)
            case .bogus, .indeterminate:
                return .failed(zone, denial.status, denial.reason ?? "DS \(zone.text)", steps: steps)
            }
        }
        let dsSignatures = packet.records(LDNSDNSSECFields.rrsig, in: LDNS_SECTION_ANSWER, owner: zone)
            .filter { LDNSDNSSECFields.signature($0).covered == LDNSDNSSECFields.ds }
        let dsOutcome = await checkSigned(dsSet, signatures: dsSignatures, owner: zone, type: "DS",
                                          what: "DS \(zone.text)", missing: "no RRSIG over DS \(zone.text)")
        let parentSteps = dsOutcome.steps.filter { $0.kind == .zone }
        let dsSummaries = dsOutcome.steps.last(where: { $0.kind == .data })?.signatures ?? []
        guard dsOutcome.status == .secure else {
            return .failed(zone, dsOutcome.status, dsOutcome.reason ?? "DS \(zone.text) is \(dsOutcome.status)", steps: dsOutcome.steps)
        }
        _ = parent
        return await keysFromDS(zone, dsSet: dsSet, dsSignatures: dsSummaries, signer: dsOutcome.steps.last?.signer,
                                parentSteps: parentSteps)
    }

    /// RFC 4035 §5.2: a DNSKEY that a DS matches, signing the DNSKEY RRset, makes the RRset trusted.
    private func keysFromDS(_ zone: DNSName, dsSet: LDNSRRList, dsSignatures: [SignatureSummary], signer: DNSName?,
                            parentSteps: [ChainStep]) async -> ZoneTrust {
        let supported = dsSet.filter {
            let ds = LDNSDNSSECFields.delegationSigner($0)
            return ldns_key_algo_supported(Int32(ds.algorithm)) != 0 && [1, 2, 4].contains(ds.digestType)
        }
        let dsKeys = dsSet.records.map { rr in
            let ds = LDNSDNSSECFields.delegationSigner(rr)
            return (tag: ds.tag, algorithm: ds.algorithm, digest: ds.digestType)
        }
        if supported.isEmpty {
            let step = ChainStep(kind: .zone, name: zone, type: "DNSKEY", signer: signer,
                                 keys: dsKeys.map { KeySummary(kind: .ds, keyTag: $0.tag, algorithm: $0.algorithm, detail: UInt16($0.digest), matched: false) },
                                 signatures: dsSignatures, status: .insecure,
                                 reason: "the DS records of \(zone.text) use only algorithms or digests ldns does not support")
            return .failed(zone, .insecure, step.reason!, steps: parentSteps + [step])
        }
        return await trustKeys(zone, matchers: supported, kind: .ds, signer: signer, dsSignatures: dsSignatures,
                               parentSteps: parentSteps)
    }

    private func anchoredZone(_ zone: DNSName) async -> ZoneTrust {
        let lines = anchors.filter { $0.zone == zone }.map(\.record)
        guard let matchers = try? LDNSRRList(parsing: lines) else {
            return .failed(zone, .indeterminate, "the trust anchor for \(zone.text) could not be read", steps: [])
        }
        return await trustKeys(zone, matchers: matchers, kind: .anchor, signer: nil, dsSignatures: [], parentSteps: [])
    }

    /// Fetches the zone's DNSKEY RRset and trusts it when a key that a DS or anchor matches signs it.
    private func trustKeys(_ zone: DNSName, matchers: LDNSRRList, kind: KeySummary.Kind, signer: DNSName?,
                           dsSignatures: [SignatureSummary], parentSteps: [ChainStep]) async -> ZoneTrust {
        let fetched = await fetch(DNSQuery(name: zone, type: .dnskey, checkingDisabled: true))
        guard case .message(let response) = fetched, let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else {
            return .failed(zone, .indeterminate, "DNSKEY \(zone.text): \(fetched.failure ?? "no answer")", steps: parentSteps)
        }
        let keys = packet.records(LDNSDNSSECFields.dnskey, in: LDNS_SECTION_ANSWER, owner: zone)
        let signatures = packet.records(LDNSDNSSECFields.rrsig, in: LDNS_SECTION_ANSWER, owner: zone)
            .filter { LDNSDNSSECFields.signature($0).covered == LDNSDNSSECFields.dnskey }
        // Which keys a DS (or anchor) matches: digest over owner and key (RFC 4034 §5.1.4), or the key itself.
        var matchedKeys = Set<Int>()
        var matchedMatchers = Set<Int>()
        for (keyIndex, key) in keys.records.enumerated() {
            for (matcherIndex, matcher) in matchers.records.enumerated() where Self.matches(matcher, key) {
                matchedKeys.insert(keyIndex)
                matchedMatchers.insert(matcherIndex)
            }
        }
        var summaries = matchers.records.enumerated().map { index, rr in
            if LDNSRRList.type(of: rr) == LDNSDNSSECFields.dnskey {
                let key = LDNSDNSSECFields.key(rr)
                return KeySummary(kind: kind, keyTag: key.tag, algorithm: key.algorithm, detail: key.flags, matched: matchedMatchers.contains(index))
            }
            let ds = LDNSDNSSECFields.delegationSigner(rr)
            return KeySummary(kind: kind, keyTag: ds.tag, algorithm: ds.algorithm, detail: UInt16(ds.digestType), matched: matchedMatchers.contains(index))
        }
        summaries += keys.records.enumerated().map { index, rr in
            let key = LDNSDNSSECFields.key(rr)
            return KeySummary(kind: .dnskey, keyTag: key.tag, algorithm: key.algorithm, detail: key.flags, matched: matchedKeys.contains(index))
        }
        func fail(_ status: SecurityStatus, _ reason: String, _ sigs: [SignatureSummary] = []) -> ZoneTrust {
            let step = ChainStep(kind: .zone, name: zone, type: "DNSKEY", signer: signer, keys: summaries,
                                 signatures: dsSignatures + sigs, status: status, reason: reason)
            return .failed(zone, status, reason, steps: parentSteps + [step])
        }
        let source = kind == .anchor ? "trust anchor" : "DS"
        guard !keys.isEmpty else {
            return fail(.bogus, response.rcode == .noError ? "no DNSKEY at \(zone.text) (the \(source) names key tag \(Self.tags(matchers)))"
                                                           : "DNSKEY \(zone.text): resolver answered \(response.rcode)")
        }
        guard !matchedKeys.isEmpty else {
            let keyTags = Set(keys.records.map { LDNSDNSSECFields.key($0).tag })
            let sameTag = matchers.records.filter { LDNSRRList.type(of: $0) == LDNSDNSSECFields.ds }
                .map { LDNSDNSSECFields.delegationSigner($0).tag }.filter { keyTags.contains($0) }
            if let tag = sameTag.first {
                return fail(.bogus, "DS digest mismatch: the DS for \(zone.text) with key tag \(tag) does not match DNSKEY \(tag)")
            }
            return fail(.bogus, "no DNSKEY in \(zone.text) matches \(source) key tag \(Self.tags(matchers))")
        }
        let trusted = LDNSRRList()
        for (index, key) in keys.records.enumerated() where matchedKeys.contains(index) { trusted.append(copyOf: key) }
        let check = SignatureVerifier.verify(keys, signatures: signatures, keys: trusted, zone: zone, what: "DNSKEY \(zone.text)", at: now())
        guard check.valid else {
            let signedBy = Set(signatures.records.map { LDNSDNSSECFields.signature($0).tag }).sorted()
            let trustedTags = Set(trusted.records.map { LDNSDNSSECFields.key($0).tag })
            let reason = signedBy.contains(where: trustedTags.contains) || signedBy.isEmpty
                ? (check.failure ?? "no RRSIG over DNSKEY \(zone.text)")
                : "the DNSKEY RRset of \(zone.text) is not signed by the key the \(source) covers (key tag \(trustedTags.sorted().map(String.init).joined(separator: ", ")); signed by \(signedBy.map(String.init).joined(separator: ", ")))"
            return fail(.bogus, reason, check.summaries)
        }
        let step = ChainStep(kind: .zone, name: zone, type: "DNSKEY", signer: signer, keys: summaries,
                             signatures: dsSignatures + check.summaries, status: .secure, reason: nil)
        // RFC 4034 §2.1.1: only zone keys (flag bit 7) sign zone data.
        let zoneKeys = keys.records.filter { LDNSDNSSECFields.key($0).flags & 0x0100 != 0 }.map { LDNSRRList.text($0) }
        return ZoneTrust(zone: zone, status: .secure, reason: nil, keys: zoneKeys, steps: parentSteps + [step])
    }

    private static func matches(_ matcher: UnsafePointer<ldns_rr>, _ key: UnsafePointer<ldns_rr>) -> Bool {
        if LDNSRRList.type(of: matcher) == LDNSDNSSECFields.dnskey {
            return LDNSRData.bytes(ldns_rr_rdf(matcher, 3)) == LDNSRData.bytes(ldns_rr_rdf(key, 3))
                && LDNSDNSSECFields.key(matcher).algorithm == LDNSDNSSECFields.key(key).algorithm
        }
        return ldns_rr_compare_ds(matcher, key)
    }

    private static func tags(_ list: LDNSRRList) -> String {
        list.records.map { rr in
            LDNSRRList.type(of: rr) == LDNSDNSSECFields.ds ? LDNSDNSSECFields.delegationSigner(rr).tag : LDNSDNSSECFields.key(rr).tag
        }.map(String.init).joined(separator: ", ")
    }

    private func computeEnclosingZone(_ name: DNSName) async -> ZoneTrust {
        guard let top = anchorZone(covering: name) else {
            return .failed(name, .insecure, "no trust anchor covers \(name.text)", steps: [])
        }
        guard name != top, let parent = name.parent else { return await zoneTrust(top) }
        let upper = await enclosingZone(parent)
        guard upper.status == .secure else { return upper }
        let dsQuery = DNSQuery(name: name, type: .ds, checkingDisabled: true)
        let fetched = await fetch(dsQuery)
        guard case .message(let response) = fetched, let wire = response.wire, let packet = try? LDNSPacket(wire: wire) else {
            return .failed(name, .indeterminate, "DS \(name.text): \(fetched.failure ?? "no answer")", steps: upper.steps)
        }
        if !packet.records(LDNSDNSSECFields.ds, in: LDNS_SECTION_ANSWER, owner: name).isEmpty {
            return await zoneTrust(name)  // a signed delegation: the zone below has its own keys
        }
        let denial = await validate(dsQuery, response)
        switch denial.status {
        case .bogus, .indeterminate:
            return .failed(name, denial.status, denial.reason ?? "DS \(name.text)", steps: denial.steps)
        case .insecure:
            // Opt-out span (or an insecure parent): nothing below is signed from the anchor.
            return .failed(name, .insecure, denial.reason ?? "no DS for \(name.text)", steps: denial.steps)
        case .secure:
            let nsec = packet.records(LDNSDNSSECFields.nsec, in: LDNS_SECTION_AUTHORITY)
            let proof = nsec.isEmpty ? packet.records(LDNSDNSSECFields.nsec3, in: LDNS_SECTION_AUTHORITY) : nsec
            if response.rcode == .noError, DenialProof.delegation(name, records: proof, zone: upper.zone) == .unsigned {
                return .failed(name, .insecure, "\(name.text) is delegated from \(upper.zone.text) without DS: unsigned", steps: denial.steps)
            }
            return upper  // not a zone cut: same zone as the parent
        }
    }

    // MARK: Fetching

    enum Fetched: Sendable {
        case message(DNSResponse)
        case failure(String)

        var failure: String? {
            if case .failure(let text) = self { return text }
            if case .message(let response) = self, response.rcode != .noError, response.rcode != .nxDomain {
                return "resolver answered \(response.rcode) with CD=1"
            }
            return nil
        }
    }

    private func fetch(_ query: DNSQuery) async -> Fetched {
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
