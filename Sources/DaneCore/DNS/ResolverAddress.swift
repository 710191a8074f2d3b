/// A recursive resolver to send queries to: an IP address and a UDP/TCP port.
public struct ResolverAddress: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let port: UInt16

    public init(address: IPAddress, port: UInt16 = 53) {
        self.address = address
        self.port = port
    }

    /// Parses "ADDR", "ADDR@PORT", "[ADDR]" or "[ADDR]@PORT" (IPv4 or IPv6).
    public init(parsing text: String) throws(ResolverAddressError) {
        var host = text
        var port: UInt16 = 53
        if let at = text.lastIndex(of: "@") {
            host = String(text[..<at])
            let portText = text[text.index(after: at)...]
            guard let parsed = UInt16(portText), parsed > 0 else {
                throw .badPort(text)
            }
            port = parsed
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let address = IPAddress(host) else { throw .notAnAddress(text) }
        self.init(address: address, port: port)
    }

    /// "192.0.2.53", "192.0.2.53@5353", "[2001:db8::53]@5353".
    public var description: String {
        let host = address.family == .ipv6 && port != 53 ? "[\(address.text)]" : address.text
        return port == 53 ? host : "\(host)@\(port)"
    }
}
