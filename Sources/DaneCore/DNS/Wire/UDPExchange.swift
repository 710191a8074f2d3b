import Foundation

/// One query over UDP (RFC 1035 §4.2.1) on a socket of its own, from the random source port
/// the kernel picks for it. A datagram from another address or port, or one that does not answer
/// the query (`ReplyCheck`), is dropped and counted, and the wait goes on until the reply comes
/// or the deadline passes: a forgery never becomes an answer, nor an error. The wait holds no
/// thread (`ReadinessLoop`); at most `maxSockets` exchanges are open at once, so that a large
/// batch stays well inside the process's file descriptor limit.
enum UDPExchange {
    /// Large enough for any datagram.
    static let bufferSize = 65_535
    static let maxSockets = 512
    private static let sockets = AsyncSemaphore(maxSockets)

    /// The deadline starts once a socket is free.
    static func send(_ message: QueryMessage, to server: ResolverAddress, timeout: Double) async -> WireExchange {
        guard await sockets.acquire() else { return failed(.cancelled(server: server)) }
        let exchange = await send(message, to: server, deadline: Deadline(seconds: timeout))
        sockets.release()
        return exchange
    }

    /// The dropped messages listed for `--debug dns`; a flood is dropped past this, unlisted.
    static let maxIgnoredListed = 64

    private static func send(_ message: QueryMessage, to server: ResolverAddress, deadline: Deadline) async -> WireExchange {
        let family = server.address.family == .ipv4 ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return failed(.network(server: server, failure: .last)) }
        defer { close(fd) }
        let sent = message.wire.withUnsafeBytes { bytes in
            SocketAddress.with(server.address, server.port) { Glibc.sendto(fd, bytes.baseAddress, bytes.count, 0, $0, $1) }
        }
        guard sent == message.wire.count else { return failed(.network(server: server, failure: .last)) }
        var ignored: [ReplyCheck.Mismatch] = []
        func failure(_ failure: TransportFailure) -> WireExchange { WireExchange(outcome: .failure(failure), ignored: ignored) }
        let timeout = TransportFailure.timeout(server: server, seconds: deadline.seconds)
        func mismatch(_ datagram: [UInt8], from sender: (address: IPAddress, port: UInt16)?) -> ReplyCheck.Mismatch? {
            if let sender, sender.address == server.address, sender.port == server.port {
                return ReplyCheck.check(datagram, against: message)
            }
            return .source(sender.map { ResolverAddress(address: $0.address, port: $0.port).description } ?? "?")
        }
        // At the deadline: what is already in the socket's buffer arrived in time, however late
        // this task came to read it (a loaded machine). The reply is taken from it, forgeries
        // are listed; at most `maxDrained` datagrams, so that a flood cannot hold the wait open.
        func drained() -> WireExchange {
            for _ in 0..<maxDrained {
                guard case .datagram(let datagram, let sender) = receive(fd) else { break }
                guard let mismatch = mismatch(datagram, from: sender) else { return WireExchange(outcome: .reply(datagram), ignored: ignored) }
                if ignored.count < maxIgnoredListed { ignored.append(mismatch) }
            }
            return failure(timeout)
        }
        while true {
            switch receive(fd) {
            case .failed(let cause): return failure(.network(server: server, failure: cause))
            case .wouldBlock:
                switch await ReadinessLoop.shared.wait(fd, for: Int16(POLLIN), until: deadline) {
                case .ready: continue
                case .timedOut: return drained()
                case .cancelled: return failure(.cancelled(server: server))
                case .failed(let cause): return failure(.network(server: server, failure: cause))
                }
            case .datagram(let datagram, let sender):
                guard let mismatch = mismatch(datagram, from: sender) else { return WireExchange(outcome: .reply(datagram), ignored: ignored) }
                if ignored.count < maxIgnoredListed { ignored.append(mismatch) }
                // A flood of forgeries never lets the socket run dry: the deadline still ends the
                // wait, and the cooperative thread is given up between datagrams.
                if ContinuousClock.now >= deadline.instant { return drained() }
                await Task.yield()
            }
        }
    }

    /// Datagrams read from the buffer once the deadline has passed (some 90 small ones fit).
    static let maxDrained = 256

    private enum Received {
        case datagram([UInt8], from: (address: IPAddress, port: UInt16)?)
        case wouldBlock
        case failed(NetworkFailure)
    }

    /// One recvfrom(2); the receive buffer (not zeroed) lives only for the call, not across a wait.
    private static func receive(_ fd: Int32) -> Received {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            var received = 0
            let datagram = [UInt8](unsafeUninitializedCapacity: bufferSize) { buffer, initialized in
                received = withUnsafeMutablePointer(to: &storage) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(fd, buffer.baseAddress, buffer.count, 0, $0, &length)
                    }
                }
                initialized = max(0, received)
            }
            // Copied out at its own size: the reply may be kept (cached), the 64 KB buffer not.
            if received >= 0 { return .datagram(datagram.withUnsafeBufferPointer { [UInt8]($0) }, from: SocketAddress.decode(storage)) }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .failed(.last)
        }
    }

    private static func failed(_ failure: TransportFailure) -> WireExchange {
        WireExchange(outcome: .failure(failure), ignored: [])
    }
}
