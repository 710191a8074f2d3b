/// One DNSKEY or DS record as the chain report shows it: a DS of the parent, a DNSKEY of the
/// zone, or a trust anchor (itself a DS or a DNSKEY record).
public struct KeySummary: Sendable, Hashable {
    public enum Kind: String, Sendable { case ds = "DS", dnskey = "DNSKEY", anchor = "anchor" }

    public let kind: Kind
    /// DS or DNSKEY: what the record is (for an anchor, which of the two it was given as).
    public let recordType: RecordType
    public let keyTag: UInt16
    public let algorithm: UInt8
    /// DNSKEY flags (256 zone key, 257 with SEP) for a DNSKEY record; the digest type for a DS.
    public let detail: UInt16
    /// Whether this record is a link of the chain: a DS or anchor that matched a DNSKEY, or a
    /// DNSKEY that a DS or anchor matched.
    public let matched: Bool

    public init(kind: Kind, recordType: RecordType? = nil, keyTag: UInt16, algorithm: UInt8, detail: UInt16, matched: Bool) {
        self.kind = kind
        self.recordType = recordType ?? (kind == .ds ? .ds : .dnskey)
        self.keyTag = keyTag
        self.algorithm = algorithm
        self.detail = detail
        self.matched = matched
    }

    /// DNSKEY flags, nil for a DS record.
    public var flags: UInt16? { recordType == .dnskey ? detail : nil }
    /// The DS digest type, nil for a DNSKEY record.
    public var digestType: UInt16? { recordType == .ds ? detail : nil }
}
