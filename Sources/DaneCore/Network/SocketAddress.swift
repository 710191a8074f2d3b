import Foundation

/// An IP address and port as the socket calls take and give them (sockaddr_in / sockaddr_in6).
enum SocketAddress {
    /// Calls `body` with the sockaddr for `address`:`port`.
    static func with<T>(_ address: IPAddress, _ port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        if address.family == .ipv4 {
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = port.bigEndian
            withUnsafeMutableBytes(of: &sin.sin_addr) { $0.copyBytes(from: address.bytes) }
            return withUnsafePointer(to: &sin) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var sin6 = sockaddr_in6()
        sin6.sin6_family = sa_family_t(AF_INET6)
        sin6.sin6_port = port.bigEndian
        withUnsafeMutableBytes(of: &sin6.sin6_addr) { $0.copyBytes(from: address.bytes) }
        return withUnsafePointer(to: &sin6) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }

    /// The address and port a datagram came from (recvfrom's sockaddr_storage); nil for other families.
    static func decode(_ storage: sockaddr_storage) -> (address: IPAddress, port: UInt16)? {
        var copy = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafeBytes(of: &copy) { raw in
                let sin = raw.load(as: sockaddr_in.self)
                let bytes = withUnsafeBytes(of: sin.sin_addr) { Array($0) }
                return IPAddress(bytes: bytes).map { ($0, UInt16(bigEndian: sin.sin_port)) }
            }
        case AF_INET6:
            return withUnsafeBytes(of: &copy) { raw in
                let sin6 = raw.load(as: sockaddr_in6.self)
                let bytes = withUnsafeBytes(of: sin6.sin6_addr) { Array($0) }
                return IPAddress(bytes: bytes).map { ($0, UInt16(bigEndian: sin6.sin6_port)) }
            }
        default:
            return nil
        }
    }
}
