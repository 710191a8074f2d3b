/// One resource record from a DNS message.
public struct ResourceRecord: Sendable, Hashable {
    public let owner: DNSName
    /// The numeric RR type (not every type has a `RecordType` case).
    public let type: UInt16
    public let ttl: UInt32
    public let data: RecordData

    public init(owner: DNSName, type: UInt16, ttl: UInt32, data: RecordData) {
        self.owner = owner
        self.type = type
        self.ttl = ttl
        self.data = data
    }

    public func isType(_ recordType: RecordType) -> Bool { type == recordType.rawValue }
}
