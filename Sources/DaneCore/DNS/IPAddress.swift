import Foundation

/// An IPv4 or IPv6 address in canonical text form, with its family and sortable bytes.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Family: String, Sendable {
        case ipv4, ipv6
        /// "IPv4" / "IPv6", as Momentum prints them.
        public var label: String { self == .ipv4 ? "IPv4" : "IPv6" }
    }

    public let family: Family
    public let bytes: [UInt8]
    /// Canonical text (inet_ntop), e.g. "192.0.2.1" or "2001:db8::1".
    public let text: String

    public var description: String { text }

    /// Parses an address (no brackets, no port); nil when the text is not an IP address.
    public init?(_ text: String) {
        if let bytes = Self.pton(AF_INET, text, size: 4) {
            family = .ipv4
            self.bytes = bytes
        } else if let bytes = Self.pton(AF_INET6, text, size: 16) {
            family = .ipv6
            self.bytes = bytes
        } else {
            return nil
        }
        self.text = Self.ntop(family == .ipv4 ? AF_INET : AF_INET6, bytes) ?? text
    }

    /// An address from its 4 or 16 octets (network order); nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        family = bytes.count == 4 ? .ipv4 : .ipv6
        self.bytes = bytes
        guard let text = Self.ntop(family == .ipv4 ? AF_INET : AF_INET6, bytes) else { return nil }
        self.text = text
    }

    /// True when the text is an IP literal, bare or in brackets ("[192.0.2.1]", "[IPv6:...]").
    public static func isLiteral(_ text: String) -> Bool {
        var inner = text
        if inner.hasPrefix("[") && inner.hasSuffix("]") {
            inner = String(inner.dropFirst().dropLast())
            if inner.lowercased().hasPrefix("ipv6:") { inner = String(inner.dropFirst(5)) }
        }
        if inner.hasSuffix(".") { inner = String(inner.dropLast()) }
        return IPAddress(inner) != nil
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.family != rhs.family { return lhs.family == .ipv4 }
        return lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static func pton(_ family: Int32, _ text: String, size: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: size)
        return inet_pton(family, text, &buffer) == 1 ? buffer : nil
    }

    private static func ntop(_ family: Int32, _ bytes: [UInt8]) -> String? {
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard let text = inet_ntop(family, bytes, &out, socklen_t(out.count)) else { return nil }
        return String(cString: text)
    }
}
