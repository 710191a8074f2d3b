import Foundation

/// One resource record from a DNS message.
public struct ResourceRecord: Sendable, Hashable {
    public let owner: DNSName
    public let type: RecordType
    public let ttl: UInt32
    public let data: RecordData
    /// For an RRSIG: when the signature expires (RFC 4034 §3.1.5; seconds since 1970, read in
    /// serial arithmetic against the time it was received).
    public let signatureExpiration: Date?

    public init(owner: DNSName, type: RecordType, ttl: UInt32, data: RecordData, signatureExpiration: Date? = nil) {
        self.owner = owner
        self.type = type
        self.ttl = ttl
        self.data = data
        self.signatureExpiration = signatureExpiration
    }

    public func isType(_ recordType: RecordType) -> Bool { type == recordType }
}
