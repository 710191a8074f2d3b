/// `danecheck domain --json` (schema `domain`): the domain, with `--probe` its verdict first;
/// the MX lookup, every host with its addresses and TLSA, the MTA-STS lookup.
public struct DomainJSON: Codable, Sendable, Equatable {
    public struct Resolver: Codable, Sendable, Equatable {
        public let address: String
        public let port: UInt16
        public let validates: Bool?
        /// The root SOA answer's RCODE when not NOERROR.
        public let rootAnswer: String?

        enum CodingKeys: String, CodingKey { case address, port, validates, rootAnswer = "root_rcode" }
    }

    /// Absent (with `command`) when the document is the details of a `check` record.
    public let schemaVersion: Int?
    public let command: String?
    public let domain: String
    /// With --probe: what an RFC 7672 MTA does with mail for the domain, through which host, why.
    public let verdict: String?
    public let via: String?
    public let reason: String?
    /// mx, implicit, null-mx, nxdomain, failed.
    public let kind: String
    public let mxLookup: LookupJSON
    /// "resolver" (AD bit) or "local" (validated here).
    public let validation: String
    public let resolvers: [Resolver]
    public let warnings: [WarningJSON]
    public let hosts: [DomainHostJSON]
    public let mtaSTS: MTASTSJSON?
    public let tlsRPT: TLSRPTJSON?
    /// With --authoritative: the nameservers of each zone holding the MX and TLSA RRsets.
    public let authoritative: [AuthoritativeJSON]?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", command, domain, verdict, via, reason, kind, mxLookup = "mx_lookup", validation
        case resolvers, warnings, hosts, mtaSTS = "mta_sts", tlsRPT = "tlsrpt", authoritative
    }

    /// `check`: the probes and the verdict, when the domain was probed. `command`: nil when the
    /// document is the details of a `check` record.
    public init(_ report: DomainReport, check: DomainCheck? = nil, command: String? = "domain", authoritative: [ZoneServersReport]? = nil) {
        schemaVersion = command == nil ? nil : JSONOutput.schemaVersion
        self.command = command
        domain = report.domain.text
        verdict = check?.verdict.verdict.rawValue
        via = check?.verdict.via?.text
        reason = check?.verdict.reason
        kind = report.kind.rawValue
        mxLookup = LookupJSON(report.mx)
        validation = report.validation.rawValue
        resolvers = report.resolvers.map { Resolver(address: $0.server.address.text, port: $0.server.port, validates: $0.validates,
                                                 rootAnswer: $0.rootAnswer?.description) }
        warnings = WarningJSON.of(report)
        hosts = report.hosts.enumerated().map { DomainHostJSON($0.element, probe: check?.hosts[$0.offset]) }
        mtaSTS = report.mtaSTS.map(MTASTSJSON.init)
        tlsRPT = report.tlsRPT.map(TLSRPTJSON.init)
        self.authoritative = authoritative.map { $0.map { AuthoritativeJSON($0) } }
    }
}
