/// One MX host: its preference, its address lookups and its TLSA records.
public struct HostReport: Sendable, Hashable {
    public let preference: UInt16
    public let name: DNSName
    /// Lookups of A then AAAA.
    public let addressLookups: [Lookup]
    /// The explicit CNAME lookup made when the address records came through an insecure chain.
    public let cnameLookup: Lookup?
    public let tlsa: TLSAReport

    public init(preference: UInt16, name: DNSName, addressLookups: [Lookup], cnameLookup: Lookup?, tlsa: TLSAReport) {
        self.preference = preference
        self.name = name
        self.addressLookups = addressLookups
        self.cnameLookup = cnameLookup
        self.tlsa = tlsa
    }

    /// Every address of the host, IPv4 first, each with the lookup it came from.
    public var addresses: [(address: IPAddress, lookup: Lookup)] {
        addressLookups.flatMap { lookup in lookup.addresses.sorted().map { (address: $0, lookup: lookup) } }
    }

    /// The lookups that answered (not bogus or indeterminate).
    private var answered: [Lookup] { addressLookups.filter { !$0.status.isFailure } }

    /// The shortest TTL among the address RRsets found.
    public var ttl: UInt32? { answered.filter { !$0.records.isEmpty }.compactMap(\.ttl).min() }

    /// True when every address lookup answered and securely (Momentum's "+dnssec" on the host).
    public var isSecure: Bool { !addressLookups.isEmpty && addressLookups.allSatisfy(\.isSecure) }

    /// Why an RFC 7672 client cannot use the host (§2.1.2): the status of the failed lookup that
    /// stops it (no address because its lookups failed, or a failed TLSA lookup); nil when usable.
    public var unusableBecause: SecurityStatus? {
        if addresses.isEmpty, let failed = addressLookups.first(where: \.status.isFailure) { return failed.status }
        if let final = tlsa.final, final.status.isFailure { return final.status }
        return nil
    }

    /// The name the address records were found at, when the host is a CNAME.
    public var canonicalName: DNSName? {
        answered.first(where: { !$0.aliases.isEmpty })?.owner
    }
}
