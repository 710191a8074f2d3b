import Foundation
import Testing
@testable import DaneCore

/// A server that answers a query with a flood of messages that do not answer it (the query
/// itself, QR=0). The flood is counted, not timed: sending until the test resumed kept a core
/// busy for as long as the test run delayed the resumption (20 s and more), and other tests'
/// servers answered late.
@Suite(.timeLimit(.minutes(1))) struct UDPExchangeFloodTests {
    /// A loopback UDP socket of the test's own, and its port.
    static func server() throws -> (fd: Int32, port: UInt16) {
        let server = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(server >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(server, $0, length) == 0 && getsockname(server, $0, &length) == 0 }
        }
        try #require(bound)
        return (server, UInt16(bigEndian: address.sin_port))
    }

    static func exchange(_ flood: Flood, port: UInt16, timeout: Double) async throws -> WireExchange {
        let thread = Thread { flood.run() }
        thread.start()
        defer { flood.stop() }
        let query = DNSQuery(name: DNSName(dnsText: "flood.example"), type: .mx)
        return await UDPExchange.send(try QueryMessage(query), to: ResolverAddress(address: IPAddress("127.0.0.1")!, port: port), timeout: timeout)
    }

    /// 70 forgeries (more than the list keeps; a socket buffer holds some 90 such small datagrams,
    /// so nothing is dropped however late the exchange reads them), then the genuine reply: the reply
    /// is taken, whenever it comes (the deadline is far), and the list of what was dropped stops
    /// at its cap.
    @Test func forgeriesBeforeTheReplyAreDroppedAndListedUpToTheCap() async throws {
        let (fd, port) = try Self.server()
        defer { close(fd) }
        let flood = Flood(socket: fd, count: 70, thenReply: true)
        let exchange = try await Self.exchange(flood, port: port, timeout: 30)
        guard case .reply = exchange.outcome else {
            Issue.record("not the reply: \(exchange.outcome); \(flood.sent) sent, \(exchange.ignored.count) listed")
            return
        }
        #expect(flood.sent == 71)
        #expect(exchange.ignored.count == UDPExchange.maxIgnoredListed)
        #expect(exchange.ignored.allSatisfy { $0 == .notAResponse }, "\(exchange.ignored)")
    }

    /// 2,000 forgeries and no reply (far more than the socket holds or the list keeps): the
    /// exchange ends at its deadline as a timeout, its list within the cap.
    @Test func aFloodOfForgeriesEndsInTheTimeout() async throws {
        let (fd, port) = try Self.server()
        defer { close(fd) }
        let flood = Flood(socket: fd, count: 2_000, thenReply: false)
        let exchange = try await Self.exchange(flood, port: port, timeout: 3)
        guard case .failure(.timeout) = exchange.outcome else {
            Issue.record("not a timeout: \(exchange.outcome)")
            return
        }
        #expect(exchange.ignored.count <= UDPExchange.maxIgnoredListed)
        #expect(exchange.ignored.allSatisfy { $0 == .notAResponse }, "\(exchange.ignored)")
    }

    /// Receives one query, then sends it back to its sender `count` times as fast as it can, or
    /// until stopped; then, if asked, the genuine reply (the query with QR=1).
    final class Flood: @unchecked Sendable {
        private let fd: Int32
        private let lock = NSLock()
        private var stopped = false
        private var count = 0
        private let total: Int
        private let thenReply: Bool
        init(socket: Int32, count: Int, thenReply: Bool) {
            fd = socket
            total = count
            self.thenReply = thenReply
        }

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
            func send(_ bytes: [UInt8]) {
                let result = withUnsafePointer(to: &peer) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, bytes, received, 0, $0, length) }
                }
                if result > 0 { lock.withLock { count += 1 } }
            }
            for _ in 0..<total where !lock.withLock({ stopped }) { send(buffer) }
            if thenReply {
                var reply = buffer
                reply[2] |= 0x80  // QR=1: the query's ID and question, as a reply
                send(reply)
            }
        }
    }
}
