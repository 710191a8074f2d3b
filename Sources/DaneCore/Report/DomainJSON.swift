/// The JSON form of a `DomainReport` (`danecheck domain --json`). Names are written without
/// their trailing dot; optional fields are left out when they have no value. The schema is
/// documented in README.md and man/danecheck.1.
public struct DomainJSON: Codable, Sendable, Equatable {
    public struct Resolver: Codable, Sendable, Equatable {
        public let address: String
        public let port: UInt16
        public let validates: Bool?
    }

    public struct LookupJSON: Codable, Sendable, Equatable {
        public let name: String
        public let type: String
        public let owner: String
        public let status: String
        public let result: String
        public let ttl: UInt32?
        public let reason: String?

        init(_ lookup: Lookup) {
            name = lookup.name.text
            type = lookup.type.description
            owner = lookup.owner.text
            status = lookup.status.rawValue
            result = lookup.answer.keyword
            ttl = lookup.ttl
            reason = lookup.failureReason
        }
    }

    public struct Address: Codable, Sendable, Equatable {
        public let address: String
        public let family: String
        public let ttl: UInt32?
        public let dnssec: Bool
    }

    public struct Record: Codable, Sendable, Equatable {
        /// Absent for a record too short to hold them (`data` is then all its rdata).
        public let usage: UInt8?
        public let selector: UInt8?
        public let matching: UInt8?
        public let data: String
        public let usable: Bool
        public let reason: String?
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
        public let records: [Record]
        /// Every TLSA lookup made for the host, in order.
        public let lookups: [LookupJSON]
    }

    public struct Host: Codable, Sendable, Equatable {
        public let preference: UInt16
        public let host: String
        public let cname: String?
        public let ttl: UInt32?
        public let dnssec: Bool
        public let addresses: [Address]
        public let lookups: [LookupJSON]
        public let tlsa: TLSA
        /// With `--probe`: the STARTTLS probe of every address and the verdicts.
        public let probe: ProbeJSON?
    }

    public let domain: String
    public let kind: String
    public let cname: String?
    public let status: String
    public let result: String
    public let ttl: UInt32?
    public let reason: String?
    public let resolvers: [Resolver]
    /// "resolver" (AD bit) or "local" (validated here).
    public let validation: String
    public let warnings: [String]
    /// The MTA-STS lookup, when one was made.
    public let mtaSTS: MTASTSJSON?
    public let mx: [Host]
    /// With `--probe`: what an RFC 7672 MTA does with mail for the domain, and why.
    public let verdict: String?
    public let verdictReason: String?

    /// `check`: the probes and the verdict, when the domain was probed.
    public init(_ report: DomainReport, check: DomainCheck? = nil) {
        let probes = check?.hosts
        domain = report.domain.text
        kind = report.kind.rawValue
        cname = report.mx.aliases.isEmpty ? nil : report.mx.owner.text
        status = report.mx.status.rawValue
        result = report.mx.answer.keyword
        ttl = report.mx.ttl
        reason = report.mx.failureReason
        resolvers = report.resolvers.map {
            Resolver(address: $0.server.address.text, port: $0.server.port, validates: $0.validates)
        }
        validation = report.validation.rawValue
        warnings = report.warnings
        mtaSTS = report.mtaSTS.map(MTASTSJSON.init)
        mx = report.hosts.enumerated().map { Self.host($0.element, probe: probes?[$0.offset]) }
        let verdict = check?.verdict
        self.verdict = verdict?.verdict.rawValue
        verdictReason = verdict.map { verdict in verdict.via.map { "via \($0.text): \(verdict.reason)" } ?? verdict.reason }
    }

    private static func host(_ host: HostReport, probe: HostProbeReport?) -> Host {
        Host(preference: host.preference, host: host.name.text, cname: host.canonicalName?.text,
             ttl: host.ttl, dnssec: host.isSecure,
             addresses: host.addresses.map {
                 Address(address: $0.address.text, family: $0.address.family.rawValue, ttl: $0.lookup.ttl,
                         dnssec: $0.lookup.isSecure)
             },
             lookups: (host.addressLookups + [host.cnameLookup].compactMap { $0 }).map(LookupJSON.init),
             tlsa: tlsa(host.tlsa), probe: probe.map(ProbeJSON.init))
    }

    private static func tlsa(_ report: TLSAReport) -> TLSA {
        let final = report.final
        return TLSA(
            name: final?.owner.text, ttl: final?.ttl, dnssec: final?.isSecure ?? false,
            status: final?.status.rawValue, result: final?.answer.keyword, reason: final?.failureReason,
            skipped: report.skipped, note: report.note,
            records: report.entries.map {
                Record(usage: $0.record?.usage, selector: $0.record?.selector, matching: $0.record?.matchingType,
                       data: $0.record?.hexData ?? Digest.hex($0.rdata), usable: $0.usability.isUsable, reason: $0.usability.reason)
            },
            lookups: report.attempts.map(LookupJSON.init))
    }
}
