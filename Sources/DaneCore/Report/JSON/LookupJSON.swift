/// One lookup, the same object wherever one is shown (schema `lookup`).
public struct LookupJSON: Codable, Sendable, Equatable {
    public let name: String
    public let type: String
    /// Where the answer was found, after CNAMEs.
    public let owner: String
    public let status: String
    public let result: String
    public let ttl: UInt32?
    public let reason: String?
    /// When the earliest RRSIG that came with the answer expires (RFC 3339).
    public let signatureExpires: String?

    enum CodingKeys: String, CodingKey { case name, type, owner, status, result, ttl, reason, signatureExpires = "signature_expires" }

    public init(_ lookup: Lookup) {
        name = lookup.name.text
        type = lookup.type.description
        owner = lookup.owner.text
        status = lookup.status.rawValue
        result = lookup.answer.keyword
        ttl = lookup.ttl
        reason = lookup.failureReason
        signatureExpires = lookup.signatureExpiry.map(TimeFormat.timestamp)
    }
}
