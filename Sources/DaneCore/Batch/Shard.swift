/// `check --shard K/N`: one of N disjoint parts of a batch, so that N runs (GNU parallel across
/// hosts, a Kubernetes Indexed Job) check every domain exactly once. A domain's shard is a
/// stable hash of its lower-cased A-label name (the first 8 octets of its SHA-256, modulo N):
/// independent of the input's order, of the other domains, of the machine and of the run.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1 to `count`.
    public let index: Int
    public let count: Int

    public static let maxCount = 100_000

    public init(index: Int, count: Int) throws(ShardError) {
        guard (1...Self.maxCount).contains(count) else { throw .count }
        guard (1...count).contains(index) else { throw .index(count) }
        self.index = index
        self.count = count
    }

    /// "K/N" with 1 ≤ K ≤ N.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw .syntax }
        try self.init(index: index, count: count)
    }

    public func contains(_ domain: DNSName) -> Bool {
        Self.shard(of: domain, count: count) == index
    }

    /// The shard (1 to `count`) a domain falls in.
    public static func shard(of domain: DNSName, count: Int) -> Int {
        let digest = Digest.sha256(Array(domain.text.lowercased().utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count)) + 1
    }

    public var description: String { "\(index)/\(count)" }
}
