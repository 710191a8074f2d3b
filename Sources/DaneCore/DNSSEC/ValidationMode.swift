/// Who decides whether an answer is secure: the resolver's AD bit, or danecheck itself.
public enum ValidationMode: String, Sendable, CaseIterable, Codable {
    /// Trust the AD bit of the configured (validating) resolver (RFC 4035 §3.2.3).
    case resolver
    /// Validate here with ldns from trust anchors; data, DNSKEY and DS are fetched with CD=1.
    case local
}
