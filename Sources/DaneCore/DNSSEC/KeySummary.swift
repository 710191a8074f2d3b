/// One DNSKEY or DS record as the chain report shows it.
public struct KeySummary: Sendable, Hashable {
    public enum Kind: String, Sendable { case ds = "DS", dnskey = "DNSKEY", anchor = "anchor" }

    public let kind: Kind
    public let keyTag: UInt16
    public let algorithm: UInt8
    /// DNSKEY flags (256 zone key, 257 with SEP), or the DS digest type.
    public let detail: UInt16
    /// Whether this record is a link of the chain: a DS or anchor that matched a DNSKEY, or a
    /// DNSKEY that a DS or anchor matched.
    public let matched: Bool

    public init(kind: Kind, keyTag: UInt16, algorithm: UInt8, detail: UInt16, matched: Bool) {
        self.kind = kind
        self.keyTag = keyTag
        self.algorithm = algorithm
        self.detail = detail
        self.matched = matched
    }
}
