/// Walks a domain the way an RFC 7672 client does: MX RRset, then for every MX host its address
/// records, then its TLSA records where §2.2.3 allows. Lookups that do not depend on each other
/// run at once: all hosts concurrently, A and AAAA of a host concurrently.
public struct DomainInspector: Sendable {
    private let lookups: DNSLookupService
    /// False when the cache is shared (console, exporter): what it holds stays for later commands.
    private let ownsCache: Bool
    /// Whether each resolver validates, asked once per run.
    private let resolverCheck: ResolverCheck
    /// The transport to reorder once it is known which resolvers validate (several resolvers only).
    private let demotable: ResolverTransport?
    /// The port whose TLSA records are looked up (`_25._tcp`).
    public let port: UInt16
    public let options: InspectionOptions
    /// Settings for the MTA-STS lookup made beside the MX walk; nil: none.
    private let mtaSTS: MTASTSFetcher?

    /// Queries go to `configuration.servers` through ldns; `lookups`, when given, is a service
    /// (and cache) shared with other inspectors, as in the console.
    public init(configuration: ResolverConfiguration, port: UInt16 = 25, options: InspectionOptions = .report,
                lookups shared: DNSLookupService? = nil, mtaSTS: MTASTSSettings? = nil) {
        let transport = ResolverTransport(configuration: configuration)
        let validation = configuration.validation(over: transport)
        let local = validation.mode == .local
        // Local validation does not depend on the resolvers' AD bit: no need to ask whether they validate.
        let probes = local ? [] : configuration.servers.map { server in
            (server: server, transport: ResolverTransport(servers: [server], timeout: configuration.timeout,
                                                      retries: configuration.retries,
                                                      trace: configuration.trace) as any DNSTransport)
        }
        let lookups = shared?.sharingCache(with: transport, validation: validation)
            ?? DNSLookupService(transport: transport, validation: validation)
        self.init(lookups: lookups, probes: probes, port: port, options: options, ownsCache: shared == nil,
                  demotable: configuration.servers.count > 1 && !local ? transport : nil,
                  mtaSTS: mtaSTS.map { $0.fetcher(lookups: lookups, timeout: configuration.timeout) })
    }

    public init(lookups: DNSLookupService, probes: [(server: ResolverAddress, transport: any DNSTransport)],
                port: UInt16 = 25, options: InspectionOptions = .report, ownsCache: Bool = false,
                demotable: ResolverTransport? = nil, mtaSTS: MTASTSFetcher? = nil) {
        self.lookups = lookups
        self.ownsCache = ownsCache
        self.mtaSTS = mtaSTS
        resolverCheck = ResolverCheck(probes: probes)
        self.port = port
        self.options = options
        self.demotable = demotable
    }

    /// A batch is done with this domain: the answers only it asks for (its MX, _mta-sts, TLSRPT
    /// and, validating locally, its keys) leave this run's own cache, so that a survey keeps
    /// nothing per domain beyond its summary. Shared hosts' answers stay. A shared cache keeps all.
    public func release(_ domain: DNSName) async {
        guard ownsCache else { return }
        await lookups.forget([domain, domain.prepending("_mta-sts"), domain.prepending("_smtp._tls"),
                              domain.prepending("_smtp-tlsrpt")])
    }

    /// Inspects one domain; the resolvers are asked whether they validate at the same time.
    public func inspect(_ domain: DNSName) async -> DomainReport {
        if let demotable {
            // Several resolvers: learn first (once per run) which validate, so that lookups go to
            // a validating one before a non-validating one could answer "insecure".
            let reports = await resolverReports()
            demotable.demote(reports.filter { $0.validates == false }.map(\.server))
        }
        async let resolvers = resolverReports()
        async let policy = mtaSTS?.fetch(domain)
        async let tlsRPT = TLSRPTLookup.look(domain, lookups: lookups)
        let mx = await lookups.lookup(domain, .mx)
        let (kind, targets) = Self.mailHosts(of: mx)
        let hosts = await targets.concurrentMap { target in
            await inspectHost(target.name, preference: target.preference, mxStatus: mx.status)
        }
        return DomainReport(domain: domain, resolvers: await resolvers, mx: mx, kind: kind, hosts: hosts,
                            validation: lookups.mode, mtaSTS: await policy, tlsRPT: await tlsRPT)
    }

    /// RFC 7672 §2.2.2 and RFC 7505: the hosts to try, in preference order.
    static func mailHosts(of mx: Lookup) -> (MailHostKind, [(preference: UInt16, name: DNSName)]) {
        switch mx.answer {
        case .failed:
            return (.failed, [])
        case .nxDomain:
            return (.nxDomain, [])
        case .noData:
            // The domain itself; a CNAME at it is handled like an MX host's (§2.2.2, §2.2.3).
            return (.implicit, [(preference: 0, name: mx.name)])
        case .records(let records):
            let root = DNSName(dnsText: ".")
            let exchanges = records.compactMap { record -> (preference: UInt16, name: DNSName)? in
                if case .mx(let preference, let exchange) = record { return (preference, exchange) }
                return nil
            }
            let real = exchanges.filter { $0.name != root }
            // RFC 7505 §4.1: a client that finds a null MX delivers no mail, even beside other MX
            // records (which §3 forbids publishing: `DomainReport.hostsBesideNullMX` names them).
            if real.count < exchanges.count { return (.nullMX, []) }
            return (.mx, real.sorted { ($0.preference, $0.name) < ($1.preference, $1.name) })
        }
    }

    /// `domain --authoritative`: the nameservers of the zones holding the report's MX and TLSA
    /// RRsets, each address asked directly (names and addresses found through this inspector's
    /// resolvers and cache).
    public func authoritativeServers(of report: DomainReport, timeout: Double, trace: QueryTrace? = nil) async -> [ZoneServersReport] {
        await AuthoritativeInspector(lookups: lookups, timeout: timeout, trace: trace).inspect(report)
    }

    /// The A and AAAA lookups of a host, at once.
    public func addressLookups(_ host: DNSName) async -> [Lookup] {
        await lookups.addressLookups(host)
    }

    /// The resolvers' validation probes (whether each sets AD).
    public func resolverReports() async -> [ResolverReport] { await resolverCheck.reports }

    /// The TLSA RRset at `_PORT._tcp.HOST` (CNAMEs followed), for `tlsa verify`: HOST is taken as
    /// the TLSA base domain the user names, without the MX walk.
    public func tlsaLookup(_ host: DNSName, port: UInt16) async -> Lookup {
        await lookups.lookup(host.tlsaName(port: port), .tlsa)
    }

    /// One host: A and AAAA at once, then TLSA at the base domains §2.2.3 names.
    /// `mxStatus`: the status of the MX RRset (or its denial) that named the host; nil when the
    /// host was named directly.
    public func inspectHost(_ host: DNSName, preference: UInt16, mxStatus: SecurityStatus? = nil) async -> HostReport {
        let insecureMX = InsecureMXRule.evaluate(mxStatus: mxStatus, useTLSA: options.tlsaUnderInsecureMX)
        var daneApplies = true
        if case .noDANE = insecureMX { daneApplies = false }
        guard options.speculativeTLSA, options.lookUpTLSA, daneApplies else {
            return await inspectHost(host, preference: preference, insecureMX: insecureMX)
        }
        // The TLSA lookup starts beside the address lookups, into the run's cache; the walk reads
        // it only if §2.2.3 says so, and it is cancelled when the walk ends without it.
        return await withTaskGroup(of: Void.self) { [lookups, port] group in
            group.addTask { _ = await lookups.lookup(host.tlsaName(port: port), .tlsa) }
            let report = await inspectHost(host, preference: preference, insecureMX: insecureMX)
            group.cancelAll()
            return report
        }
    }

    private func inspectHost(_ host: DNSName, preference: UInt16, insecureMX: InsecureMXRule.Decision) async -> HostReport {
        let addresses = await addressLookups(host)
        var cname: Lookup?
        var decision = TLSABaseDomainRule.evaluate(host: host, addresses: addresses, cname: nil)
        if decision == .checkCNAME {
            let lookup = await lookups.lookup(host, .cname)
            cname = lookup
            decision = TLSABaseDomainRule.evaluate(host: host, addresses: addresses, cname: lookup)
        }
        if !options.lookUpTLSA {
            decision = .skip(reason: "use_dane is off")
        } else if case .noDANE(let reason) = insecureMX, case .lookUp = decision {
            decision = .skip(reason: reason)
        }
        let tlsa: TLSAReport
        switch decision {
        case .skip(let reason):
            tlsa = TLSAReport(skipped: reason, note: nil, attempts: [])
        case .lookUp(let candidates, let note):
            tlsa = TLSAReport(skipped: nil, note: note, candidates: candidates, attempts: await tlsaAttempts(candidates))
        case .checkCNAME:  // not returned once the CNAME lookup is given
            tlsa = TLSAReport(skipped: "CNAME of \(host.text) could not be checked", note: nil, attempts: [])
        }
        return HostReport(preference: preference, name: host, addressLookups: addresses, cnameLookup: cname, tlsa: tlsa)
    }

    /// Each candidate in turn until one answers with something other than a secure denial:
    /// the first secure TLSA RRset decides and a lookup failure stops (RFC 7672 §2.2.3).
    private func tlsaAttempts(_ candidates: [DNSName]) async -> [Lookup] {
        var attempts: [Lookup] = []
        for candidate in candidates {
            let lookup = await lookups.lookup(candidate.tlsaName(port: port), .tlsa)
            attempts.append(lookup)
            if !(lookup.isSecure && lookup.isDenial) { break }
        }
        return attempts
    }
}
