import CLDNS
import Foundation

/// The chain of trust (RFC 4035 §5.1-5.2): which zone keys are trusted, walking from the anchor
/// down by DS and DNSKEY, and where unsigned delegations make the tree insecure.
extension LocalValidator {
    /// The trust in a zone's keys (the zone named by an RRSIG's signer field).
    func zoneTrust(_ zone: DNSName) async -> ZoneTrust {
        await zones.value(for: zone, onLoop: .failed(zone, .indeterminate, "validation loop at \(zone.text)", steps: [])) { [self] in
            await prefetchingChain(above: zone, keys: true) { await computeZoneTrust(zone) }
        }
    }

    /// Runs `walk` while the DS (and DNSKEY) fetches the walk from the anchor down to `name`
    /// will need are made, all at once beside it, so that the chain costs one round trip instead
    /// of one or two per zone. A name that turns out not to be a zone apex costs one unneeded
    /// query; fetches the walk did not need are cancelled when it ends.
    private func prefetchingChain<T: Sendable>(above name: DNSName, keys: Bool, _ walk: @Sendable () async -> T) async -> T {
        await withTaskGroup(of: Void.self) { group in
            if let top = anchorZone(covering: name) {
                var current: DNSName? = name
                while let zone = current, zone.isSubdomain(of: top) {
                    if zone != top { group.addTask { [self] in _ = await fetch(DNSQuery(name: zone, type: .ds, checkingDisabled: true)) } }
                    if keys { group.addTask { [self] in _ = await fetch(DNSQuery(name: zone, type: .dnskey, checkingDisabled: true)) } }
                    current = zone.parent
                }
            }
            let result = await walk()
            group.cancelAll()
            return result
        }
    }

    /// The trust of the zone a name lies in, walking down from the anchor with DS queries to find
    /// the zone cuts (for unsigned answers: insecure below an unsigned delegation, else bogus).
    func enclosingZone(_ name: DNSName) async -> ZoneTrust {
        await enclosing.value(for: name, onLoop: .failed(name, .indeterminate, "validation loop at \(name.text)", steps: [])) { [self] in
            await prefetchingChain(above: name, keys: false) { await computeEnclosingZone(name) }
        }
    }

    func anchorZone(covering name: DNSName) -> DNSName? {
        selection.zone(covering: name)
    }

    /// " (the trust anchor for Z is ignored: …)" when an ignored anchor would have covered `name`.
    func ignoredAnchors(_ name: DNSName) -> String {
        guard let zone = selection.ignored.filter({ name.isSubdomain(of: $0) }).max(by: { $0.labelCount < $1.labelCount }) else { return "" }
        return " (the trust anchor for \(zone.text) is ignored: it uses only algorithms or digest types that are not validated, RFC 4035 §5.2)"
    }

    private func computeZoneTrust(_ zone: DNSName) async -> ZoneTrust {
        if !selection.records(of: zone).isEmpty { return await anchoredZone(zone) }
        guard anchorZone(covering: zone) != nil, zone.parent != nil else {
            return .failed(zone, .insecure, "no trust anchor covers \(zone.text)" + ignoredAnchors(zone), steps: [])
        }
        let dsQuery = DNSQuery(name: zone, type: .ds, checkingDisabled: true)
        let fetched = await fetch(dsQuery)
        guard let (response, packet) = fetched.packet else {
            return .failed(zone, .indeterminate, "DS \(zone.text): \(fetched.failure ?? "no answer")", steps: [])
        }
        let dsSet = packet.records(RecordType.ds, in: LDNS_SECTION_ANSWER, owner: zone)
        if dsSet.isEmpty {
            // No DS: the parent must prove it, and show a delegation there (NS without SOA), or an
            // opt-out span; then the zone is signed but not from the anchor (insecure). A signer
            // name that is no zone cut at all is bogus (RFC 4035 §5.2, §5.3.1).
            let denial = await validateCut(dsQuery, response, packet)
            switch denial.status {
            case .insecure:
                let reason = denial.reason ?? "no DS for \(zone.text) in its parent"
                return .failed(zone, .insecure, reason, steps: Self.marking(denial.steps, .insecure, reason))
            case .secure:
                let parentZone = denial.steps.last?.signer ?? zone.parent ?? zone
                if let island = Self.unsignedDelegation(zone, from: parentZone, packet, response, denial) { return island }
                let reason = "an RRSIG names \(zone.text) as its signer, but \(parentZone.text) shows no delegation there"
                return .failed(zone, .bogus, reason, steps: Self.marking(denial.steps, .bogus, reason))
            case .bogus, .indeterminate:
                return .failed(zone, denial.status, denial.reason ?? "DS \(zone.text)", steps: denial.steps)
            }
        }
        let dsSignatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_ANSWER, owner: zone)
            .filter { $0.signature.covered == RecordType.ds }
        let dsOutcome = await checkSigned(dsSet, signatures: dsSignatures, owner: zone, type: .ds,
                                          what: "DS \(zone.text)", missing: "no RRSIG over DS \(zone.text)", parentSide: true)
        let parentSteps = dsOutcome.steps.filter { $0.kind == .zone }
        let dsSummaries = dsOutcome.steps.last(where: { $0.kind == .data })?.signatures ?? []
        guard dsOutcome.status == .secure else {
            return .failed(zone, dsOutcome.status, dsOutcome.reason ?? "DS \(zone.text) is \(dsOutcome.status)", steps: dsOutcome.steps)
        }
        return await keysFromDS(zone, dsSet: dsSet, dsSignatures: dsSummaries, signer: dsOutcome.steps.last?.signer,
                                parentSteps: parentSteps)
    }

    /// RFC 4035 §5.2: a DNSKEY that a DS matches, signing the DNSKEY RRset, makes the RRset trusted.
    private func keysFromDS(_ zone: DNSName, dsSet: LDNSRRList, dsSignatures: [SignatureSummary], signer: DNSName?,
                            parentSteps: [ChainStep]) async -> ZoneTrust {
        let supported = dsSet.filter {
            let ds = $0.delegationSigner
            return DNSSECAlgorithms.validates(ds.algorithm) && DNSSECAlgorithms.digests.contains(ds.digestType)
        }
        let dsKeys = dsSet.records.map { rr in
            let ds = rr.delegationSigner
            return (tag: ds.tag, algorithm: ds.algorithm, digest: ds.digestType)
        }
        if supported.isEmpty {
            let step = ChainStep(kind: .zone, name: zone, type: .dnskey, signer: signer,
                                 keys: dsKeys.map { KeySummary(kind: .ds, keyTag: $0.tag, algorithm: $0.algorithm, detail: UInt16($0.digest), matched: false) },
                                 signatures: dsSignatures, status: .insecure,
                                 reason: "the DS records of \(zone.text) use only algorithms or digest types that are not validated (\(dsKeys.map { "algorithm \($0.algorithm) digest \($0.digest)" }.joined(separator: ", ")))")
            return .failed(zone, .insecure, step.reason!, steps: parentSteps + [step])
        }
        return await trustKeys(zone, matchers: supported, kind: .ds, signer: signer, dsSignatures: dsSignatures,
                               parentSteps: parentSteps)
    }

    private func anchoredZone(_ zone: DNSName) async -> ZoneTrust {
        let lines = selection.records(of: zone)
        guard let matchers = try? LDNSRRList(parsing: lines) else {
            return .failed(zone, .indeterminate, "the trust anchor for \(zone.text) could not be read", steps: [])
        }
        return await trustKeys(zone, matchers: matchers, kind: .anchor, signer: nil, dsSignatures: [], parentSteps: [])
    }

    /// Fetches the zone's DNSKEY RRset and trusts it when a key that a DS or anchor matches signs it.
    private func trustKeys(_ zone: DNSName, matchers: LDNSRRList, kind: KeySummary.Kind, signer: DNSName?,
                           dsSignatures: [SignatureSummary], parentSteps: [ChainStep]) async -> ZoneTrust {
        let fetched = await fetch(DNSQuery(name: zone, type: .dnskey, checkingDisabled: true))
        guard let (response, packet) = fetched.packet else {
            if fetched.rcode == .servFail {
                // RFC 4035 §4.3: bogus is "missing data that the relevant DNSSEC RRs indicate should be
                // present"; the DS (or anchor) says this zone is signed: its keys cannot be had.
                let source = kind == .anchor ? "trust anchor" : "DS"
                return .failed(zone, .bogus, "DNSKEY \(zone.text): resolver answered SERVFAIL with CD=1; the \(source) promises keys that cannot be had (bogus, RFC 4035 §4.3)",
                               steps: parentSteps)
            }
            return .failed(zone, .indeterminate, "DNSKEY \(zone.text): \(fetched.failure ?? "no answer")", steps: parentSteps)
        }
        let keys = packet.records(RecordType.dnskey, in: LDNS_SECTION_ANSWER, owner: zone)
        let signatures = packet.records(RecordType.rrsig, in: LDNS_SECTION_ANSWER, owner: zone)
            .filter { $0.signature.covered == RecordType.dnskey }
        // Which keys a DS (or anchor) matches: digest over owner and key (RFC 4034 §5.1.4), or the key itself.
        var matchedKeys = Set<Int>()
        var matchedMatchers = Set<Int>()
        for (keyIndex, key) in keys.records.enumerated() where Self.mayAnchor(key) {
            for (matcherIndex, matcher) in matchers.records.enumerated() where Self.matches(matcher, key) {
                matchedKeys.insert(keyIndex)
                matchedMatchers.insert(matcherIndex)
            }
        }
        var summaries = matchers.records.enumerated().map { index, rr in
            if rr.type == RecordType.dnskey {
                let key = rr.key
                return KeySummary(kind: kind, recordType: .dnskey, keyTag: key.tag, algorithm: key.algorithm, detail: key.flags, matched: matchedMatchers.contains(index))
            }
            let ds = rr.delegationSigner
            return KeySummary(kind: kind, recordType: .ds, keyTag: ds.tag, algorithm: ds.algorithm, detail: UInt16(ds.digestType), matched: matchedMatchers.contains(index))
        }
        summaries += keys.records.enumerated().map { index, rr in
            let key = rr.key
            return KeySummary(kind: .dnskey, keyTag: key.tag, algorithm: key.algorithm, detail: key.flags, matched: matchedKeys.contains(index))
        }
        func fail(_ status: SecurityStatus, _ reason: String, _ sigs: [SignatureSummary] = []) -> ZoneTrust {
            let step = ChainStep(kind: .zone, name: zone, type: .dnskey, signer: signer, keys: summaries,
                                 signatures: dsSignatures + sigs, status: status, reason: reason)
            return .failed(zone, status, reason, steps: parentSteps + [step])
        }
        let source = kind == .anchor ? "trust anchor" : "DS"
        guard !keys.isEmpty else {
            // A denial of keys that the anchor or DS vouches for: no validator accepts it. Through a
            // filtering or sinkhole resolver this is all it answers: say that validating here needs
            // a resolver that passes DNSKEY and DS queries through.
            return fail(.bogus, response.rcode == .noError ? "no DNSKEY at \(zone.text) (the \(source) names key tag \(Self.tags(matchers)))"
                        : "DNSKEY \(zone.text): resolver answered \(response.rcode) for a zone the \(source) vouches for; "
                          + "validating here needs a resolver that answers DNSKEY and DS queries (a filtering or sinkhole resolver does not)")
        }
        guard !matchedKeys.isEmpty else {
            let keyTags = Set(keys.records.map { $0.key.tag })
            let sameTag = matchers.records.filter { $0.type == RecordType.ds }
                .map { $0.delegationSigner.tag }.filter { keyTags.contains($0) }
            if let tag = sameTag.first {
                return fail(.bogus, "DS digest mismatch: the DS for \(zone.text) with key tag \(tag) does not match DNSKEY \(tag)")
            }
            return fail(.bogus, "no DNSKEY in \(zone.text) matches \(source) key tag \(Self.tags(matchers))")
        }
        let trusted = LDNSRRList()
        for (index, key) in keys.records.enumerated() where matchedKeys.contains(index) { trusted.append(copyOf: key.pointer) }
        let check = SignatureVerifier.verify(keys, signatures: signatures, keys: trusted, zone: zone, what: "DNSKEY \(zone.text)", at: now())
        guard check.valid else {
            let signedBy = Set(signatures.records.map { $0.signature.tag }).sorted()
            let trustedTags = Set(trusted.records.map { $0.key.tag })
            let reason = signedBy.contains(where: trustedTags.contains) || signedBy.isEmpty
                ? (check.failure ?? "no RRSIG over DNSKEY \(zone.text)")
                : "the DNSKEY RRset of \(zone.text) is not signed by the key the \(source) covers (key tag \(trustedTags.sorted().map(String.init).joined(separator: ", ")); signed by \(signedBy.map(String.init).joined(separator: ", ")))"
            return fail(.bogus, reason, check.summaries)
        }
        let step = ChainStep(kind: .zone, name: zone, type: .dnskey, signer: signer, keys: summaries,
                             signatures: dsSignatures + check.summaries, status: .secure, reason: nil)
        // RFC 4034 §2.1.1: only zone keys (flag bit 7) sign zone data.
        let zoneKeys = keys.filter { $0.key.flags & 0x0100 != 0 }
        return ZoneTrust(zone: zone, status: .secure, reason: nil, keys: zoneKeys, steps: parentSteps + [step])
    }

    /// RFC 4035 §5.2: a proven absent DS where the parent's NSEC/NSEC3 shows NS (and no SOA) is a
    /// delegation to an unsigned zone: everything below is insecure.
    private static func unsignedDelegation(_ name: DNSName, from parent: DNSName, _ packet: LDNSPacket,
                                           _ response: DNSResponse, _ denial: ValidationOutcome) -> ZoneTrust? {
        guard response.rcode == .noError,
              DenialProof.delegation(name, records: packet.proof(signedBy: parent).records, zone: parent) == .unsigned else { return nil }
        let reason = "\(name.text) is delegated from \(parent.text) without DS: unsigned"
        return .failed(name, .insecure, reason, steps: marking(denial.steps, .insecure, reason))
    }

    /// The steps with the last one (the proven absence of a DS) restated as what it means.
    private static func marking(_ steps: [ChainStep], _ status: SecurityStatus, _ reason: String) -> [ChainStep] {
        guard let last = steps.last else { return steps }
        return steps.dropLast() + [ChainStep(kind: last.kind, name: last.name, type: last.type, signer: last.signer,
                                             keys: last.keys, signatures: last.signatures, status: status, reason: reason)]
    }

    /// A DS answer read while walking down for zone cuts: a CNAME at the name (from a DNAME too)
    /// means no zone cut there, and only that first link is the name's own; its target's DS is
    /// no business of this name.
    func validateCut(_ query: DNSQuery, _ response: DNSResponse, _ packet: LDNSPacket) async -> ValidationOutcome {
        guard case .answer(_, let aliases, _, _) = ResponseInterpreter.read(response, for: query), let target = aliases.first else {
            return await validate(query, response)
        }
        return await checkAlias(packet, owner: query.name, target: target, parentSide: true)
    }

    /// RFC 4035 §5.2, RFC 4034 §2.1.1-2.1.2, RFC 5011 §2.1: a key a DS or anchor points to must
    /// be a zone key of protocol 3, not revoked, of an algorithm that is validated.
    private static func mayAnchor(_ key: LDNSRecord) -> Bool {
        let fields = key.key
        return fields.flags & 0x0100 != 0 && fields.flags & 0x0080 == 0 && key.field8(1) == 3
            && DNSSECAlgorithms.validates(fields.algorithm)
    }

    private static func matches(_ matcher: LDNSRecord, _ key: LDNSRecord) -> Bool {
        if matcher.type == RecordType.dnskey {
            return matcher.rdata(3) == key.rdata(3) && matcher.key.algorithm == key.key.algorithm
        }
        return ldns_rr_compare_ds(matcher.pointer, key.pointer)
    }

    private static func tags(_ list: LDNSRRList) -> String {
        list.records.map { rr in
            rr.type == RecordType.ds ? rr.delegationSigner.tag : rr.key.tag
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
        guard let (response, packet) = fetched.packet else {
            return .failed(name, .indeterminate, "DS \(name.text): \(fetched.failure ?? "no answer")", steps: upper.steps)
        }
        if !packet.records(RecordType.ds, in: LDNS_SECTION_ANSWER, owner: name).isEmpty {
            return await zoneTrust(name)  // a signed delegation: the zone below has its own keys
        }
        let denial = await validateCut(dsQuery, response, packet)
        switch denial.status {
        case .bogus, .indeterminate:
            return .failed(name, denial.status, denial.reason ?? "DS \(name.text)", steps: denial.steps)
        case .insecure:
            // Opt-out span (or an insecure parent): nothing below is signed from the anchor.
            let reason = denial.reason ?? "no DS for \(name.text)"
            return .failed(name, .insecure, reason, steps: Self.marking(denial.steps, .insecure, reason))
        case .secure:
            if let cut = Self.unsignedDelegation(name, from: upper.zone, packet, response, denial) { return cut }
            return upper  // not a zone cut: same zone as the parent
        }
    }
}
