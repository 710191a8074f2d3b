import Foundation

/// Turns OpenSSL's verification failure into a reason that names the cause, with the evidence
/// from the chain the server sent.
public enum DANEFailureExplainer {
    // X509_V_ERR_* values from <openssl/x509_vfy.h>.
    static let unableToGetIssuer = 2, notYetValid = 9, expired = 10, unableToGetIssuerLocally = 20
    static let hostnameMismatch = 62, daneNoMatch = 65

    /// `now`: the clock a certificate's dates are read against (the probe's end).
    public static func explain(_ tls: TLSSummary, expectation: DANEExpectation, now: Date) -> String {
        let chain = tls.chain
        switch tls.verifyCode {
        case daneNoMatch, unableToGetIssuer, unableToGetIssuerLocally:
            return noMatch(expectation.records, chain: chain)
        case hostnameMismatch:
            let names = chain.first.map { $0.names.prefix(5).map { TerminalText.escape(BoundedText.prefix($0, limit: 60)) }.joined(separator: ", ") } ?? "(none)"
            let wanted = ([expectation.baseDomain] + expectation.extraNames).map(\.text).joined(separator: " or ")
            return "DANE-TA matched but certificate name \(names) does not match \(wanted)"
        case expired:
            let when = chain.compactMap(\.notAfter).filter { $0 < now }.min().map(day) ?? "in the past"
            return "certificate expired \(when) (DANE-TA checks dates)"
        case notYetValid:
            let when = chain.compactMap(\.notBefore).filter { $0 > now }.max().map(day) ?? "in the future"
            return "certificate not valid before \(when) (DANE-TA checks dates)"
        default:
            return "DANE verification failed: \(tls.verifyError ?? "error \(tls.verifyCode)")"
        }
    }

    /// "no TLSA record matches (3 1 1 at depth 0 expected 8a1f…, got 77c0…)"
    static func noMatch(_ records: [TLSARecord], chain: [PeerCertificate]) -> String {
        let strongest = RecordMarker.strongestMatchingTypes(records)
        let ignored = records.filter { strongest[Int($0.usage) << 8 | Int($0.selector)] != $0.matchingType }
        let used = records.filter { !ignored.contains($0) }
        let agility = ignored.compactMap { record -> String? in
            guard let depth = RecordMarker.matchingDepth(record, chain: chain) else { return nil }
            return "; \(record.usage) \(record.selector) \(record.matchingType) matches depth \(depth) but is ignored: "
                + "a stronger matching type is published for the same usage and selector (digest agility, RFC 7671 §9)"
        }.joined()
        return noMatchDetails(used, chain: chain) + agility
    }

    private static func noMatchDetails(_ records: [TLSARecord], chain: [PeerCertificate]) -> String {
        let details = records.prefix(3).map { record -> String in
            let label = "\(record.usage) \(record.selector) \(record.matchingType)"
            let expected = String(record.hexData.prefix(4)) + "…"
            if record.usage == 3 {
                let got = chain.first?.associationData(selector: record.selector, matchingType: record.matchingType)
                return "\(label) at depth 0 expected \(expected), got \(got.map { String(Digest.hex($0).prefix(4)) + "…" } ?? "no certificate")"
            }
            let cas = chain.dropFirst().compactMap { cert in
                cert.associationData(selector: record.selector, matchingType: record.matchingType)
                    .map { "\(String(Digest.hex($0).prefix(4)))… at depth \(cert.depth)" }
            }
            if cas.isEmpty, let leaf = chain.first, chain.count == 1, leaf.subject == leaf.issuer {
                // OpenSSL matches DANE-TA records against the certificates above the leaf only.
                return "\(label) expected \(expected), but the server's certificate is self-signed: only 3 x x records can match it"
            }
            if cas.isEmpty { return "\(label) expected \(expected), but the server sent no CA certificate: the trust anchor must be sent, RFC 7672 §3.1.2" }
            return "\(label) expected \(expected), got \(cas.joined(separator: ", "))"
        }
        let more = records.count > 3 ? "; and \(records.count - 3) more" : ""
        return "no TLSA record matches (\(details.joined(separator: "; "))\(more))"
    }

    private static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
