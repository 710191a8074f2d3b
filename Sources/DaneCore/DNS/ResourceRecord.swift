/// One resource record from a DNS message.
public struct ResourceRecord: Sendable, Hashable {
    public let owner: DNSName
    public let type: RecordType
    public let ttl: UInt32
    public let data: RecordData

    public init(owner: DNSName, type: RecordType, ttl: UInt32, data: RecordData) {
        self.owner = owner
        self.type = type
        self.ttl = ttl
        self.data = data
    }

    public func isType(_ recordType: RecordType) -> Bool { type == recordType }
}
