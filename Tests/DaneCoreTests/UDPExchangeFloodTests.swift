import Foundation
import Testing
@testable import DaneCore

/// A server that answers a query with a flood of messages that do not answer it (the query
/// itself, QR=0, 2,000 times: far more than `maxIgnoredListed`): the exchange still ends at its
/// deadline as a timeout, and lists at most `maxIgnoredListed` of what it dropped. The flood is
/// counted, not timed: sending until the test resumed kept a core busy for as long as the test
/// run delayed the resumption (20 s and more), and other tests' servers answered late.
@Suite(.timeLimit(.minutes(1))) struct UDPExchangeFloodTests {
    @Test func aFloodOfForgeriesEndsInTheTimeout() async throws {
        let server = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(server >= 0)
        defer { close(server) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(server, $0, length) == 0 && getsockname(server, $0, &length) == 0 }
        }
        try #require(bound)
        let port = UInt16(bigEndian: address.sin_port)
        let flood = Flood(socket: server)
        let thread = Thread { flood.run() }
        thread.start()
        defer { flood.stop() }

        let query = DNSQuery(name: DNSName(dnsText: "flood.example"), type: .mx)
        let exchange = await UDPExchange.send(try QueryMessage(query), to: ResolverAddress(address: IPAddress("127.0.0.1")!, port: port),
                                              timeout: 0.3)
        flood.stop()
        guard case .failure(.timeout) = exchange.outcome else {
            Issue.record("not a timeout: \(exchange.outcome)")
            return
        }
        #expect(flood.sent > 0)
        #expect(!exchange.ignored.isEmpty && exchange.ignored.count <= UDPExchange.maxIgnoredListed)
    }

    /// Receives one query, then sends it back to its sender `count` times as fast as it can, or
    /// until stopped.
    final class Flood: @unchecked Sendable {
        private let fd: Int32
        private let lock = NSLock()
        private var stopped = false
        private var count = 0
        static let count = 2_000
        init(socket: Int32) { fd = socket }

        var sent: Int { lock.withLock { count } }
        func stop() { lock.withLock { stopped = true } }

        func run() {
            var buffer = [UInt8](repeating: 0, count: 2048)
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let received = withUnsafeMutablePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
            }
            guard received > 0 else { return }
            for _ in 0..<Self.count where !lock.withLock({ stopped }) {
                let result = withUnsafePointer(to: &peer) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, buffer, received, 0, $0, length) }
                }
                if result > 0 { lock.withLock { count += 1 } }
            }
        }
    }
}
