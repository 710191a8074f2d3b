/// One step of a chain of trust, from the anchor down: a zone (its DS in the parent, its DNSKEY
/// RRset and the signatures over it) or the RRset that was asked for (its signatures, or the
/// denial that proves it absent). Each step is secure, insecure, bogus or indeterminate with a reason.
public struct ChainStep: Sendable, Hashable {
    public enum Kind: String, Sendable { case zone, data }

    public let kind: Kind
    public let name: DNSName
    /// DNSKEY for a zone step; the RR type asked for (the data or its denial) for a data step.
    public let type: RecordType
    /// The zone whose keys signed this step (the parent for a zone's DS; nil for an anchor).
    public let signer: DNSName?
    public let keys: [KeySummary]
    public let signatures: [SignatureSummary]
    public let status: SecurityStatus
    public let reason: String?

    public init(kind: Kind, name: DNSName, type: RecordType, signer: DNSName?, keys: [KeySummary] = [],
                signatures: [SignatureSummary] = [], status: SecurityStatus, reason: String?) {
        self.kind = kind
        self.name = name
        self.type = type
        self.signer = signer
        self.keys = keys
        self.signatures = signatures
        self.status = status
        self.reason = reason
    }
}
