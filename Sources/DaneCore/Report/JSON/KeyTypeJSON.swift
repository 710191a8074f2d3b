/// A server's certificate of another key type (schema `key_type_check`): what the handshake
/// offering only that type's signature algorithms got, and how its chain was judged.
public struct KeyTypeJSON: Codable, Sendable, Equatable {
    public let keyType: String
    /// not-held, unchecked, matched, unmatched.
    public let finding: String
    public let reason: String
    public let matched: String?
    public let matchedDepth: Int?
    public let verifyError: String?
    public let chain: [CertificateJSON]?

    enum CodingKeys: String, CodingKey {
        case keyType = "key_type", finding, reason, matched, matchedDepth = "matched_depth", verifyError = "verify_error", chain
    }

    init(_ report: KeyTypeReport, showChain: Bool) {
        keyType = report.keyType.rawValue
        finding = switch report.finding {
        case .notHeld: "not-held"
        case .unchecked: "unchecked"
        case .matched: "matched"
        case .unmatched: "unmatched"
        }
        reason = report.line
        let tls: TLSSummary? = if case .notHeld = report.finding { nil } else { report.probe.tls }
        matched = tls?.daneMatch.map { "\($0.record)" }
        matchedDepth = tls?.daneMatch?.depth
        verifyError = tls?.verifyError
        chain = tls?.chain.map { CertificateJSON($0, pem: showChain) }
    }
}
