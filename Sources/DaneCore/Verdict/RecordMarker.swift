/// Marks each TLSA record against the presented chain. The record OpenSSL matched comes from
/// SSL_get0_dane_tlsa; the others are compared here for the report only (they decide nothing).
public enum RecordMarker {
    public static func mark(_ records: [TLSARecord], tls: TLSSummary?, refused: [TLSARecord]) -> [RecordMark] {
        let strongest = strongestMatchingTypes(records)
        return records.map { record in
            if case .unusable(let reason) = SMTPTLSAUsabilityRule.evaluate(record) { return .unusable(reason: reason) }
            if refused.contains(record) { return .unusable(reason: "OpenSSL cannot use it") }
            if let best = strongest[key(record)], best != record.matchingType { return .ignoredWeakerDigest(stronger: best) }
            guard let tls else { return .notChecked }
            if let match = tls.daneMatch, match.record == record { return .matched(depth: match.depth) }
            if let depth = matchingDepth(record, chain: tls.chain) { return .alsoMatches(depth: depth) }
            return .noMatch
        }
    }

    /// Depth of the certificate whose data equals the record's: depth 0 for DANE-EE, a CA
    /// certificate (depth ≥ 1) for DANE-TA.
    static func matchingDepth(_ record: TLSARecord, chain: [PeerCertificate]) -> Int? {
        let candidates = record.usage == 3 ? Array(chain.prefix(1)) : Array(chain.dropFirst())
        return candidates.first { $0.associationData(selector: record.selector, matchingType: record.matchingType) == record.data }?.depth
    }

    /// RFC 7671 §9: per usage and selector, the highest usable matching type is the one used
    /// (OpenSSL's default ordering: SHA2-512 over SHA2-256 over Full).
    static func strongestMatchingTypes(_ records: [TLSARecord]) -> [Int: UInt8] {
        var best: [Int: UInt8] = [:]
        for record in records where SMTPTLSAUsabilityRule.evaluate(record).isUsable {
            best[key(record)] = max(best[key(record)] ?? 0, record.matchingType)
        }
        return best
    }

    private static func key(_ record: TLSARecord) -> Int { Int(record.usage) << 8 | Int(record.selector) }
}
