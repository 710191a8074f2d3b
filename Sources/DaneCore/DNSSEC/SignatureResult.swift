/// What checking one RRSIG found: it validates the RRset, or why it does not.
public enum SignatureResult: Sendable, Hashable, CustomStringConvertible {
    case valid
    /// The signature does not verify, or no key can check it.
    case invalid(String)
    /// The signature verifies, but now lies outside its validity window (RFC 4035 §5.3.1): it
    /// has expired, or is not valid yet. DNSViz draws these apart from bogus ones (purple).
    case outsideValidity(String)

    public var isValid: Bool { self == .valid }

    /// "ok", or the reason (chain text and JSON).
    public var description: String {
        switch self {
        case .valid: "ok"
        case .invalid(let reason), .outsideValidity(let reason): reason
        }
    }
}
