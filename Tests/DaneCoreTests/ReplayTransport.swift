import Foundation
@testable import DaneCore

/// Answers queries from recorded responses and remembers what was asked. A query with no
/// recording gets a timeout, as a silent resolver would give.
final class ReplayTransport: DNSTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recordings: [DNSQuery: DNSExchange.Outcome] = [:]
    /// Outcomes given once each, in order, before `recordings` answers the same query.
    private var queued: [DNSQuery: [DNSExchange.Outcome]] = [:]
    private var asked: [DNSQuery] = []
    static let server = ResolverAddress(address: IPAddress("127.0.0.1")!)

    func record(_ name: String, _ type: RecordType, cd: Bool = false, _ outcome: DNSExchange.Outcome) {
        lock.withLock { recordings[DNSQuery(name: DNSName(dnsText: name), type: type, checkingDisabled: cd)] = outcome }
    }

    func record(_ name: String, _ type: RecordType, cd: Bool = false, rcode: UInt8 = 0, ad: Bool,
                answer: [String], authority: [String] = []) {
        record(name, type, cd: cd, .response(RecordedPacket.response(rcode: rcode, ad: ad, answer: answer, authority: authority)))
    }

    /// The first time `name type` is asked, answer SERVFAIL; afterwards as recorded.
    func failOnce(_ name: String, _ type: RecordType) {
        let query = DNSQuery(name: DNSName(dnsText: name), type: type)
        lock.withLock { queued[query, default: []].append(.response(RecordedPacket.response(rcode: 2, ad: false, answer: []))) }
    }

    var queries: [DNSQuery] { lock.withLock { asked } }

    func exchange(_ query: DNSQuery) async -> DNSExchange {
        let outcome = lock.withLock { () -> DNSExchange.Outcome in
            asked.append(query)
            if let next = queued[query]?.first {
                queued[query]?.removeFirst()
                return next
            }
            return recordings[query] ?? .failure(.timeout(server: Self.server, seconds: 5))
        }
        return DNSExchange(query: query, server: Self.server, outcome: outcome, milliseconds: 0)
    }
}
