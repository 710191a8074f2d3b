/// Whether an SMTP client can use a TLSA record (RFC 7672 §3.1, RFC 6698 §2.1).
public enum TLSAUsability: Sendable, Hashable {
    case usable
    case unusable(reason: String)

    public var isUsable: Bool { self == .usable }

    public var reason: String? {
        if case .unusable(let reason) = self { return reason }
        return nil
    }
}
