/// What checking one RRSIG found: it validates the RRset, or why it does not.
public enum SignatureResult: Sendable, Hashable, CustomStringConvertible {
    case valid
    case invalid(String)

    public var isValid: Bool { self == .valid }

    /// "ok", or the reason (chain text and JSON).
    public var description: String {
        switch self {
        case .valid: "ok"
        case .invalid(let reason): reason
        }
    }
}
