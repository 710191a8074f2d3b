/// One lookup per question while its answer lives: concurrent askers share one task, and a
/// finished answer is reused until its TTL runs out (a lookup failure for a few seconds), so a
/// long batch re-asks what expired, as a resolver's cache would. An answer given from the cache
/// carries the TTL it has left (Momentum's console shows it counting down).
actor LookupCache {
    private enum Entry {
        case pending(Task<Lookup, Never>)
        case done(Lookup, expires: ContinuousClock.Instant)
    }

    /// How long a failed lookup is reused (it has no TTL of its own).
    static let failureReuse: Duration = .seconds(5)

    private var entries: [DNSQuery: Entry] = [:]
    /// The questions asked about each name: `forget` of a few names costs what they hold, not a
    /// pass over a survey's whole cache.
    private var byName: [DNSName: Set<DNSQuery>] = [:]
    private var stats = CacheStatistics()
    private let now: @Sendable () -> ContinuousClock.Instant

    init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.now = now
    }

    func value(for query: DNSQuery, _ make: @escaping @Sendable () async -> Lookup) async -> Lookup {
        switch entries[query] {
        case .pending(let task)?:
            stats.count(query.type, hit: true)
            return await task.value
        case .done(let lookup, let expires)? where now() < expires:
            stats.count(query.type, hit: true)
            return lookup.withTTL(lookup.ttl == nil ? nil : Self.seconds(expires - now()))
        default:
            break
        }
        stats.count(query.type, hit: false)
        let task = Task { await make() }
        entries[query] = .pending(task)
        byName[query.name, default: []].insert(query)
        let lookup = await task.value
        // The cache may have been emptied while this waited (the console's `set resolver`):
        // only the entry that still holds this task may take its answer.
        if case .pending(let current)? = entries[query], current == task {
            let lifetime = lookup.ttl.map { Duration.seconds(Int64($0)) } ?? Self.failureReuse
            entries[query] = .done(lookup, expires: now() + lifetime)
        }
        return lookup
    }

    /// Finished answers still alive, each with the TTL it has left (expired ones too, with TTL 0,
    /// when asked).
    func live(includingExpired: Bool = false) -> [Lookup] {
        let instant = now()
        return entries.values.compactMap { entry in
            guard case .done(let lookup, let expires) = entry, includingExpired || instant < expires else { return nil }
            return lookup.withTTL(lookup.ttl == nil ? nil : Self.seconds(expires - instant))
        }
    }

    /// Drops the answers for these names (every type), or everything when `names` is nil.
    func forget(_ names: Set<DNSName>?) {
        guard let names else {
            entries.removeAll()
            byName.removeAll()
            return
        }
        for name in names {
            for query in byName.removeValue(forKey: name) ?? [] { entries.removeValue(forKey: query) }
        }
    }

    /// Drops expired answers of one type (Momentum's tlsa_expire_interval sweep); returns how many.
    @discardableResult
    func sweep(_ type: RecordType) -> Int {
        let instant = now()
        let expired = entries.filter { key, entry in
            guard key.type == type, case .done(_, let expires) = entry else { return false }
            return expires <= instant
        }
        for query in expired.keys {
            entries.removeValue(forKey: query)
            byName[query.name]?.remove(query)
            if byName[query.name]?.isEmpty == true { byName.removeValue(forKey: query.name) }
        }
        return expired.count
    }

    var statistics: CacheStatistics { stats }

    private static func seconds(_ duration: Duration) -> UInt32 {
        UInt32(clamping: max(0, duration.components.seconds))
    }
}
