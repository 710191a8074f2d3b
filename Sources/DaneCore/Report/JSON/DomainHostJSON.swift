/// One MX host of a domain document (schema `domain_host`).
public struct DomainHostJSON: Codable, Sendable, Equatable {
    public struct Address: Codable, Sendable, Equatable {
        public let address: String
        public let family: String
        public let ttl: UInt32?
        public let dnssec: Bool
    }

    public struct TLSA: Codable, Sendable, Equatable {
        /// The owner name the records were found at (after CNAMEs); absent when not looked up.
        public let name: String?
        public let ttl: UInt32?
        public let dnssec: Bool
        public let status: String?
        public let result: String?
        public let reason: String?
        public let skipped: String?
        public let note: String?
        public let records: [TLSARecordJSON]
        /// Every TLSA lookup made for the host, in order.
        public let lookups: [LookupJSON]
    }

    public let host: String
    public let preference: UInt16
    public let cname: String?
    public let ttl: UInt32?
    public let dnssec: Bool
    public let addresses: [Address]
    public let lookups: [LookupJSON]
    public let tlsa: TLSA
    /// With `--probe`: the STARTTLS probe of every address and the verdicts.
    public let probe: ProbeJSON?

    init(_ host: HostReport, probe: HostProbeReport?) {
        self.host = host.name.text
        preference = host.preference
        cname = host.canonicalName?.text
        ttl = host.ttl
        dnssec = host.isSecure
        addresses = host.addresses.map {
            Address(address: $0.address.text, family: $0.address.family.rawValue, ttl: $0.lookup.ttl, dnssec: $0.lookup.isSecure)
        }
        lookups = (host.addressLookups + [host.cnameLookup].compactMap { $0 }).map(LookupJSON.init)
        let final = host.tlsa.final
        tlsa = TLSA(name: final?.owner.text, ttl: final?.ttl, dnssec: final?.isSecure ?? false, status: final?.status.rawValue,
                    result: final?.answer.keyword, reason: final?.failureReason, skipped: host.tlsa.skipped, note: host.tlsa.note,
                    records: host.tlsa.entries.map(TLSARecordJSON.init), lookups: host.tlsa.attempts.map(LookupJSON.init))
        self.probe = probe.map { ProbeJSON($0, command: nil) }
    }
}
