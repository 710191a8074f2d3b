import Foundation

/// RFC 7671 §8.1 and §8.4 (TLSA publisher requirements for key rollover): a host whose records
/// track only the certificate in use breaks at its next renewal. Reads what the probes saw (the
/// per-record marks and the presented chains) and returns warnings; it decides no verdict.
public enum RolloverHealthRule {
    /// `isPublicCA`: whether a chain (the trust anchor first) leads to a CA of the public store.
    public static func evaluate(_ report: HostProbeReport, settings: RolloverSettings, now: Date,
                                isPublicCA: ([PeerCertificate]) -> Bool) -> [RolloverWarning] {
        let host = report.name?.text ?? "the host"
        let withTLS = report.addresses.filter { $0.probe.tls != nil }
        guard !withTLS.isEmpty else { return [] }
        let usable = report.records.indices.filter { index in
            withTLS.allSatisfy { address in
                switch address.marks[index] {
                case .unusable, .ignoredWeakerDigest: false
                default: true
                }
            }
        }
        // Rollover health is about TLSA records: a host without usable ones has none to keep in step.
        guard !usable.isEmpty else { return [] }
        var warnings: [RolloverWarning] = []
        func matches(_ mark: RecordMark) -> Bool {
            switch mark {
            case .matched, .alsoMatches: true
            default: false
            }
        }
        // Stale: a usable record no address's chain matches (of any key type the server holds).
        // A key type whose handshake never happened (a timeout, a refusal) leaves it unknown: the
        // certificate not seen may be the one the record matches, so no warning.
        func unmatched(_ address: AddressReport, _ index: Int) -> Bool {
            !matches(address.marks[index]) && address.keyTypes.allSatisfy { other in
                if case .unchecked = other.finding { return false }
                return !other.marks.indices.contains(index) || !matches(other.marks[index])
            }
        }
        for index in usable where withTLS.allSatisfy({ unmatched($0, index) }) {
            let record = report.records[index]
            if record.usage == 2, withTLS.allSatisfy({ ($0.probe.tls?.chain.count ?? 0) < 2 }) {
                warnings.append(RolloverWarning(.stale, "record \(short(record)) has nothing to match: \(host) sends no CA certificate (send the chain, or the record fails)"))
            } else {
                warnings.append(RolloverWarning(.stale, "record \(short(record)) matches no certificate on any address of \(host) (stale, or a key not yet in use)"))
            }
        }
        // No backup: the chain in use is matched by exactly one record and no other record could
        // take over (a DANE-TA beside DANE-EE, or a published next key).
        let single = withTLS.compactMap { address -> (AddressReport, Int)? in
            let matching = usable.filter { matches(address.marks[$0]) }
            guard matching.count == 1 else { return nil }
            let others = usable.filter { !matching.contains($0) }
            return others.isEmpty ? (address, matching[0]) : nil
        }
        for index in Array(Set(single.map(\.1))).sorted() {
            let addresses = single.filter { $0.1 == index }.map(\.0)
            let which = addresses.count == withTLS.count ? "the certificate of \(host)"
                : "the certificate of " + addresses.map { "[\($0.probe.address)]" }.joined(separator: ", ")
            let advice = report.records[index].usage == 2
                ? "a change of issuing CA defers mail until DNS catches up; publish 3 1 1 of the server's key too"
                : "a key change defers mail until DNS catches up; publish a second record, e.g. 2 1 1 of the issuing CA or 3 1 1 of the next key"
            warnings.append(RolloverWarning(.noBackup, "\(which) is matched by one record only (\(short(report.records[index]))): \(advice)"))
        }
        // Different certificates behind one name.
        let leaves = withTLS.compactMap { address in address.probe.tls?.chain.first.map { (address.probe.address, $0) } }
        if Set(leaves.map(\.1.certificateDER)).count > 1 {
            let list = leaves.map { "[\($0.0)] \(String($0.1.sha256Certificate.prefix(16)))…" }.joined(separator: ", ")
            warnings.append(RolloverWarning(.differentCertificates, "addresses of \(host) present different certificates: \(list)"))
        }
        // Expiry: leaves, and the DANE-TA anchors records matched.
        var seen = Set<[UInt8]>()
        for (_, leaf) in leaves where seen.insert(leaf.certificateDER).inserted {
            if let text = expiry(leaf, now: now, days: settings.warnDays) {
                warnings.append(RolloverWarning(.expiring, "certificate of \(host) (\(leaf.subject)) \(text)\(report.records.allSatisfy { $0.usage == 3 } ? " (DANE-EE ignores expiry, but a renewal is due)" : "")"))
            }
        }
        for address in withTLS {
            guard let chain = address.probe.tls?.chain else { continue }
            for index in usable where report.records[index].usage == 2 {
                guard case let depth? = anchorDepth(address.marks[index]), depth > 0, depth < chain.count,
                      seen.insert(chain[depth].certificateDER).inserted,
                      let text = expiry(chain[depth], now: now, days: settings.warnDays) else { continue }
                warnings.append(RolloverWarning(.expiring, "DANE-TA trust anchor of \(host) (\(chain[depth].subject)) \(text)"))
            }
        }
        let records = usable.map { report.records[$0] }
        if !records.isEmpty, records.allSatisfy({ $0.usage == 3 && $0.selector == 0 }) {
            warnings.append(RolloverWarning(.wholeCertificateOnly, "every record of \(host) is 3 0 x (the whole certificate): each renewal breaks it, even with the same key; publish 3 1 1 (the key) instead"))
        }
        if !records.isEmpty, records.allSatisfy({ $0.usage == 2 }) {
            let anchors = withTLS.compactMap { address -> PeerCertificate? in
                guard let chain = address.probe.tls?.chain else { return nil }
                for index in usable {
                    if let depth = anchorDepth(address.marks[index]), depth < chain.count,
                       isPublicCA(Array(chain[depth...])) { return chain[depth] }
                }
                return nil
            }
            if let anchor = anchors.first {
                warnings.append(RolloverWarning(.publicCAOnly, "every record of \(host) is 2 x x and the trust anchor (\(anchor.subject)) is a public CA: a change of CA or intermediate defers mail; add 3 1 1 of the server's key"))
            }
        }
        if let warning = intermediateOnly(report, usable: usable, withTLS: withTLS, host: host) { warnings.append(warning) }
        return warnings
    }

    /// DANE-TA records that all pin an intermediate (a CA certificate that is not self-issued)
    /// and no DANE-EE record beside them: Let's Encrypt and others issue from several
    /// intermediates, so the next certificate may chain through one that no record covers.
    static func intermediateOnly(_ report: HostProbeReport, usable: [Int], withTLS: [AddressReport], host: String) -> RolloverWarning? {
        let anchors = usable.filter { report.records[$0].usage == 2 }
        guard !anchors.isEmpty, !usable.contains(where: { report.records[$0].usage == 3 }) else { return nil }
        for address in withTLS {
            guard let chain = address.probe.tls?.chain else { continue }
            let depths = anchors.compactMap { anchorDepth(address.marks[$0]) }.filter { $0 > 0 && $0 < chain.count }
            guard let depth = depths.first, !depths.contains(where: { chain[$0].subject == chain[$0].issuer }) else { continue }
            let pinned = chain[depth]
            return RolloverWarning(.intermediateOnly, "the DANE-TA record\(anchors.count == 1 ? "" : "s") of \(host) pin\(anchors.count == 1 ? "s" : "") an intermediate CA (\(pinned.subject)), not the root it chains to (\(pinned.issuer)): "
                                   + "CAs rotate intermediates, so a renewal may come from one no record covers; add 2 1 1 of the root or 3 1 1 of the server's key")
        }
        return nil
    }

    private static func anchorDepth(_ mark: RecordMark) -> Int? {
        switch mark {
        case .matched(let depth), .alsoMatches(let depth): depth
        default: nil
        }
    }

    static func expiry(_ certificate: PeerCertificate, now: Date, days: Int) -> String? {
        guard let notAfter = certificate.notAfter else { return nil }
        let left = notAfter.timeIntervalSince(now) / 86_400
        guard left < Double(days) else { return nil }
        let day = String(TimeFormat.timestamp(notAfter).prefix(10))
        if left < 0 { return "expired \(day) (\(Int((-left).rounded(.up))) days ago)" }
        return "expires \(day) (in \(Int(left.rounded(.down))) days)"
    }

    static func short(_ record: TLSARecord) -> String {
        record.abbreviated
    }
}
