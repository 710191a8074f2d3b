import DaneCore
import Foundation
import Testing

/// A probe whose task is cancelled while it waits on a socket ends then, as `.cancelled`, and
/// gives its socket back; it does not run on to its own deadline (a scrape cut off by
/// Prometheus's timeout would otherwise leave its probes running). The peer is a listening
/// socket that never accepts: the kernel completes the TCP handshake and no greeting ever comes.
@Suite struct ProbeCancellationTests {
    /// A TCP socket listening on 127.0.0.1 at a port the kernel picks; closed with the value.
    final class SilentListener {
        let fd: Int32
        let port: UInt16

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(fd >= 0 && bound == 0 && listen(fd, 8) == 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            self.port = UInt16(bigEndian: address.sin_port)
        }

        deinit { close(fd) }
    }

    static let request = ProbeRequest(serverName: DNSName(dnsText: "silent.test"), verification: .none)

    @Test func aProbeCancelledWhileWaitingForTheGreetingEndsAsCancelled() async throws {
        let listener = try SilentListener()
        let (connected, signal) = AsyncStream.makeStream(of: Void.self)
        let prober = SMTPProber(ehloName: "client.test", timeout: 60, trace: { line in
            if line.hasSuffix(" connected") { signal.yield() }
        })
        let address = try #require(IPAddress("127.0.0.1"))
        let task = Task { await prober.probe(address, port: listener.port, request: Self.request) }
        for await _ in connected { break }
        task.cancel()
        let probe = await task.value
        #expect(probe.connectMilliseconds != nil, "the probe was connected when it was cancelled")
        #expect(probe.transcript.failure == .transport(phase: .greeting, .cancelled))
    }

    /// The control: the same peer, not cancelled, holds the probe until its timeout.
    @Test func theSamePeerUncancelledTimesOutWaitingForTheGreeting() async throws {
        let listener = try SilentListener()
        let prober = SMTPProber(ehloName: "client.test", timeout: 0.5)
        let probe = await prober.probe(try #require(IPAddress("127.0.0.1")), port: listener.port, request: Self.request)
        #expect(probe.transcript.failure == .transport(phase: .greeting, .timeout(phase: "the greeting", seconds: 0.5, detail: "nothing received")))
    }
}
