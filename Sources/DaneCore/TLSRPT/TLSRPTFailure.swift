/// Why a domain has no TLSRPT record a sender would use (RFC 8460 §3: "the recipient domain
/// does not implement TLSRPT").
public enum TLSRPTFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case record(String)
    case lookup(String)

    public var description: String {
        switch self {
        case .record(let text): "TXT record: \(text)"
        case .lookup(let text): "lookup failed: \(text)"
        }
    }
}
