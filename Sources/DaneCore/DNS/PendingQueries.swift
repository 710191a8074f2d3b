import Foundation
import Synchronization

/// The queries on their way to a resolver now, for a "waiting for …" line on a terminal: each
/// try at a server is entered when sent and removed when it ends, answered or not.
public final class PendingQueries: Sendable {
    public struct Entry: Sendable, Equatable {
        public let query: DNSQuery
        public let server: ResolverAddress
        public let since: ContinuousClock.Instant
    }

    private struct State {
        var next = 0
        var entries: [Int: Entry] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    func begin(_ query: DNSQuery, server: ResolverAddress) -> Int {
        state.withLock { state in
            state.next += 1
            state.entries[state.next] = Entry(query: query, server: server, since: .now)
            return state.next
        }
    }

    func end(_ ticket: Int) { state.withLock { _ = $0.entries.removeValue(forKey: ticket) } }

    /// The query waiting longest, nil when none is.
    public var oldest: Entry? { state.withLock { $0.entries.values.min { $0.since < $1.since } } }

    /// How many are waiting.
    public var count: Int { state.withLock { $0.entries.count } }
}
