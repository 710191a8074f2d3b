/// `danecheck chain NAME TYPE`: the answer, validated here, and the chain of trust from the
/// anchor down to it, each step with its status and reason.
public struct ChainReport: Sendable {
    public let name: DNSName
    public let type: RecordType
    /// The answer as fetched with CD=1 (records, denial, or why there is none).
    public let lookup: Lookup
    public let status: SecurityStatus
    public let reason: String?
    public let steps: [ChainStep]
    public let anchors: [TrustAnchor]

    public init(name: DNSName, type: RecordType, lookup: Lookup, status: SecurityStatus, reason: String?,
                steps: [ChainStep], anchors: [TrustAnchor]) {
        self.name = name
        self.type = type
        self.lookup = lookup
        self.status = status
        self.reason = reason
        self.steps = steps
        self.anchors = anchors
    }
}
