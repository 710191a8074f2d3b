/// One lookup per question while its answer lives: concurrent askers share one task, and a
/// finished answer is reused until its TTL runs out (a lookup failure for a few seconds), so a
/// long batch re-asks what expired, as a resolver's cache would.
actor LookupCache {
    private enum Entry {
        case pending(Task<Lookup, Never>)
        case done(Lookup, expires: ContinuousClock.Instant)
    }

    /// How long a failed lookup is reused (it has no TTL of its own).
    static let failureReuse: Duration = .seconds(5)

    private var entries: [DNSQuery: Entry] = [:]
    private let now: @Sendable () -> ContinuousClock.Instant

    init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.now = now
    }

    func value(for query: DNSQuery, _ make: @escaping @Sendable () async -> Lookup) async -> Lookup {
        switch entries[query] {
        case .pending(let task)?:
            return await task.value
        case .done(let lookup, let expires)? where now() < expires:
            return lookup
        default:
            break
        }
        let task = Task { await make() }
        entries[query] = .pending(task)
        let lookup = await task.value
        let lifetime = lookup.ttl.map { Duration.seconds(Int64($0)) } ?? Self.failureReuse
        entries[query] = .done(lookup, expires: now() + lifetime)
        return lookup
    }
}
