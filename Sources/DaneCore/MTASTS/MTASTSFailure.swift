/// Why a domain has no usable MTA-STS policy (RFC 8461 §3: each of these means "no policy").
public enum MTASTSFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case record(String)
    case lookup(String)
    case fetch(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .record(let text): "TXT record: \(text)"
        case .lookup(let text): "lookup failed: \(text)"
        case .fetch(let text): "policy fetch failed: \(text)"
        case .malformed(let text): "malformed policy: \(text)"
        }
    }
}
