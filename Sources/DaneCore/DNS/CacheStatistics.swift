/// How a run's lookup cache was used: questions per type, and how many were answered from it.
public struct CacheStatistics: Sendable, Hashable {
    public private(set) var asked: [RecordType: Int] = [:]
    public private(set) var hits: [RecordType: Int] = [:]

    public init() {}

    mutating func count(_ type: RecordType, hit: Bool) {
        asked[type, default: 0] += 1
        if hit { hits[type, default: 0] += 1 }
    }

    public var totalAsked: Int { asked.values.reduce(0, +) }
    public var totalHits: Int { hits.values.reduce(0, +) }
    /// Queries that went to a resolver (the questions not answered from the cache).
    public var responses: Int { totalAsked - totalHits }
    public var hitRate: Double { totalAsked == 0 ? 0 : Double(totalHits) / Double(totalAsked) }
}
