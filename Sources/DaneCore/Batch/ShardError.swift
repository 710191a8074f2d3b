/// Why a `--shard K/N` value is refused.
public enum ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax, count, index(Int)

    public var description: String {
        switch self {
        case .syntax: "--shard is K/N: shard K (from 1) of N, e.g. 1/4"
        case .count: "--shard: N must be from 1 to \(Shard.maxCount)"
        case .index(let count): "--shard: K must be from 1 to \(count)"
        }
    }
}
