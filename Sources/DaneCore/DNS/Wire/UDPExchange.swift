import Foundation

/// One query over UDP (RFC 1035 §4.2.1) on a socket of its own, from the random source port
/// the kernel picks for it. A datagram from another address or port, or one that does not answer
/// the query (`ReplyCheck`), is dropped and counted, and the wait goes on until the reply comes
/// or the deadline passes: a forgery never becomes an answer, nor an error. Blocking.
enum UDPExchange {
    /// Large enough for any datagram.
    static let bufferSize = 65_535

    static func send(_ message: QueryMessage, to server: ResolverAddress, deadline: Deadline) -> WireExchange {
        let family = server.address.family == .ipv4 ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return failed(.network(server: server, message: Self.error())) }
        defer { close(fd) }
        let sent = message.wire.withUnsafeBytes { bytes in
            SocketAddress.with(server.address, server.port) { Glibc.sendto(fd, bytes.baseAddress, bytes.count, 0, $0, $1) }
        }
        guard sent == message.wire.count else { return failed(.network(server: server, message: Self.error())) }
        var ignored: [ReplyCheck.Mismatch] = []
        var buffer = [UInt8](repeating: 0, count: bufferSize)
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
            }
            if count < 0 {
                if errno == EINTR { continue }
                guard errno == EAGAIN || errno == EWOULDBLOCK else {
                    return WireExchange(outcome: .failure(.network(server: server, message: Self.error())), ignored: ignored)
                }
                let ready: Bool
                do { ready = try deadline.wait(fd, for: Int16(POLLIN)) } catch {
                    return WireExchange(outcome: .failure(.network(server: server, message: error.description)), ignored: ignored)
                }
                if !ready {
                    return WireExchange(outcome: .failure(.timeout(server: server, seconds: deadline.seconds)), ignored: ignored)
                }
                continue
            }
            let datagram = Array(buffer.prefix(count))
            guard let sender = SocketAddress.decode(storage), sender.address == server.address, sender.port == server.port else {
                let from = SocketAddress.decode(storage).map { ResolverAddress(address: $0.address, port: $0.port).description } ?? "?"
                ignored.append(.source(from))
                continue
            }
            if let mismatch = ReplyCheck.check(datagram, against: message) {
                ignored.append(mismatch)
                continue
            }
            return WireExchange(outcome: .reply(datagram), ignored: ignored)
        }
    }

    private static func failed(_ failure: TransportFailure) -> WireExchange {
        WireExchange(outcome: .failure(failure), ignored: [])
    }

    static func error() -> String { String(cString: strerror(errno)) }
}
