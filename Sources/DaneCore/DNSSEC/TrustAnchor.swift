/// One trust anchor: a DS or DNSKEY record for a zone, in presentation format (RFC 4033 §2).
public struct TrustAnchor: Sendable, Hashable {
    public let zone: DNSName
    /// The record as read (e.g. ". 3600 IN DS 20326 8 2 E06D…").
    public let record: String
    /// Where it came from, for messages.
    public let source: String

    public init(zone: DNSName, record: String, source: String) {
        self.zone = zone
        self.record = record
        self.source = source
    }
}
