/// The nameservers of one zone holding MX or TLSA RRsets of a domain, each asked directly for
/// the zone's SOA and for those RRsets.
public struct ZoneServersReport: Sendable, Hashable {
    public struct Question: Sendable, Hashable {
        public let name: DNSName
        public let type: RecordType

        public init(name: DNSName, type: RecordType) {
            self.name = name
            self.type = type
        }

        /// "TLSA _25._tcp.mx.example.test".
        public var label: String { "\(type) \(name.text)" }
    }

    public let zone: DNSName
    public let questions: [Question]
    /// The zone's NS RRset, through the resolver.
    public let nsLookup: Lookup
    public let servers: [NameserverReport]
    /// Nameserver names or addresses beyond the bounds, not asked.
    public let leftOut: Int
    /// Why the nameservers could not be listed (no NS RRset, no address), nil when they were.
    public let failure: String?

    public init(zone: DNSName, questions: [Question], nsLookup: Lookup, servers: [NameserverReport], leftOut: Int, failure: String?) {
        self.zone = zone
        self.questions = questions
        self.nsLookup = nsLookup
        self.servers = servers
        self.leftOut = leftOut
        self.failure = failure
    }
}
