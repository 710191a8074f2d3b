import Synchronization

/// One lookup per question while its answer lives: concurrent askers share one lookup
/// (`SharedWork`: it runs in the first asker's task; an asker that is cancelled stops waiting,
/// and a lookup cancelled with its asker is not shared), and a finished answer is reused until
/// its TTL runs out (a lookup failure for a few seconds), so a long batch re-asks what expired,
/// as a resolver's cache would. An answer given from the cache carries the TTL it has left
/// (Momentum's console shows it counting down).
final class LookupCache: Sendable {
    private struct Entry {
        let lookup: Lookup
        let expires: ContinuousClock.Instant
    }

    private struct State {
        var entries: [DNSQuery: Entry] = [:]
        /// The questions asked about each name: `forget` of a few names costs what they hold,
        /// not a pass over a survey's whole cache.
        var byName: [DNSName: Set<DNSQuery>] = [:]
        var stats = CacheStatistics()
        /// Counts `forget`s: a lookup that started before one does not store its answer.
        var generation = 0
    }

    /// How long a failed lookup is reused (it has no TTL of its own).
    static let failureReuse: Duration = .seconds(5)

    private let state = Mutex(State())
    private let flights = SharedWork<DNSQuery, Asked>()
    private let now: @Sendable () -> ContinuousClock.Instant

    init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.now = now
    }

    /// A lookup made here (`sent`), or an answer the cache held when its asker came to lead;
    /// `generation`: the cache's when the asker looked last (a `forget` since: not stored).
    private struct Asked: Sendable {
        let lookup: Lookup
        let sent: Bool
        let generation: Int
    }

    func value(for query: DNSQuery, _ make: @escaping @Sendable () async -> Lookup) async -> Lookup {
        if let cached = look(query).lookup { return cached }
        let (asked, computed) = await flights.run(query, publish: { [self] asked in
            // The cache may have been emptied while this ran (the console's `set resolver`).
            guard asked.sent else { return }
            self.state.withLock { state in
                guard state.generation == asked.generation else { return }
                let lifetime = asked.lookup.ttl.map { Duration.seconds(Int64($0)) } ?? Self.failureReuse
                state.entries[query] = Entry(lookup: asked.lookup, expires: self.now() + lifetime)
                state.byName[query.name, default: []].insert(query)
            }
        }) { [self] in
            // Looked again by whoever leads: between this asker's look and its join, the lookup
            // before it may have stored its answer and left (a lead is decided with no flight).
            let (cached, generation) = self.look(query, counting: false)
            if let cached { return Asked(lookup: cached, sent: false, generation: generation) }
            return Asked(lookup: await make(), sent: true, generation: generation)
        }
        state.withLock { $0.stats.count(query.type, hit: !(computed && asked.sent)) }
        return asked.lookup
    }

    /// The live answer to `query` with the TTL it has left (counted as a hit), and the cache's
    /// generation when it was looked at.
    private func look(_ query: DNSQuery, counting: Bool = true) -> (lookup: Lookup?, generation: Int) {
        let instant = now()
        return state.withLock { state -> (Lookup?, Int) in
            guard let entry = state.entries[query], instant < entry.expires else { return (nil, state.generation) }
            if counting { state.stats.count(query.type, hit: true) }
            return (entry.lookup.withTTL(entry.lookup.ttl == nil ? nil : Self.seconds(entry.expires - instant)), state.generation)
        }
    }

    /// Finished answers still alive, each with the TTL it has left (expired ones too, with TTL 0,
    /// when asked).
    func live(includingExpired: Bool = false) -> [Lookup] {
        let instant = now()
        return state.withLock { state in
            state.entries.values.compactMap { entry in
                guard includingExpired || instant < entry.expires else { return nil }
                return entry.lookup.withTTL(entry.lookup.ttl == nil ? nil : Self.seconds(entry.expires - instant))
            }
        }
    }

    /// Drops the answers for these names (every type), or everything when `names` is nil.
    func forget(_ names: Set<DNSName>?) {
        state.withLock { state in
            state.generation += 1
            guard let names else {
                state.entries.removeAll()
                state.byName.removeAll()
                return
            }
            for name in names {
                for query in state.byName.removeValue(forKey: name) ?? [] { state.entries.removeValue(forKey: query) }
            }
        }
    }

    /// Drops expired answers of one type (Momentum's tlsa_expire_interval sweep); returns how many.
    @discardableResult
    func sweep(_ type: RecordType) -> Int {
        let instant = now()
        return state.withLock { state in
            let expired = state.entries.filter { $0.key.type == type && $0.value.expires <= instant }.keys
            for query in expired {
                state.entries.removeValue(forKey: query)
                state.byName[query.name]?.remove(query)
                if state.byName[query.name]?.isEmpty == true { state.byName.removeValue(forKey: query.name) }
            }
            return expired.count
        }
    }

    var statistics: CacheStatistics { state.withLock { $0.stats } }

    /// Questions being asked now (for tests).
    var inFlight: Int { flights.inFlight }

    private static func seconds(_ duration: Duration) -> UInt32 {
        UInt32(clamping: max(0, duration.components.seconds))
    }
}
