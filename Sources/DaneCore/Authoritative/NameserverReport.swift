/// One address of one nameserver of a zone, asked directly: its SOA serial and what it served
/// for each question, or why it gave nothing.
public struct NameserverReport: Sendable, Hashable {
    public let name: DNSName
    public let address: IPAddress
    public let serial: UInt32?
    /// One per question of the zone, in the zone's order; empty when `failure` is set.
    public let answers: [ServedAnswer]
    /// No answer (timeout), an error RCODE, or not authoritative for the zone (AA=0: lame).
    public let failure: String?

    public init(name: DNSName, address: IPAddress, serial: UInt32?, answers: [ServedAnswer], failure: String?) {
        self.name = name
        self.address = address
        self.serial = serial
        self.answers = answers
        self.failure = failure
    }

    /// "ns2.example.net (192.0.2.53)".
    public var label: String { "\(name.text) (\(address))" }
}
