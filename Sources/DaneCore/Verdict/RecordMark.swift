/// How one TLSA record fared against the chain a server presented.
public enum RecordMark: Sendable, Hashable, CustomStringConvertible {
    /// OpenSSL's DANE verification matched this record, at this depth.
    case matched(depth: Int)
    /// Not the record OpenSSL reported, but its data equals the certificate at this depth.
    case alsoMatches(depth: Int)
    case noMatch
    /// A stronger digest is published for the same usage and selector (RFC 7671 §9).
    case ignoredWeakerDigest(stronger: UInt8)
    case unusable(reason: String)
    /// No TLS session to compare with.
    case notChecked

    public var description: String {
        switch self {
        case .matched(let depth): "matched at depth \(depth)"
        case .alsoMatches(let depth): "matches depth \(depth)"
        case .noMatch: "no match"
        case .ignoredWeakerDigest(let stronger): "ignored: matching type \(stronger) is also published (digest agility, RFC 7671 §9)"
        case .unusable(let reason): "unusable (\(reason))"
        case .notChecked: "not checked"
        }
    }
}
