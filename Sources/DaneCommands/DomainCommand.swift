import ArgumentParser
import DaneCore

/// `danecheck domain NAME`: MX hosts, their addresses and TLSA records, with DNSSEC status.
public struct DomainCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "domain",
        abstract: "Show a domain's MX hosts, their addresses and TLSA records, with DNSSEC status.",
        discussion: """
            Prints, in the layout of the Momentum MTA's `domain` console command, every MX host \
            in preference order with its TTL, the TLSA RRset at _25._tcp.<host> where RFC 7672 \
            §2.2.3 allows a lookup (address records secure; CNAME hosts at the expanded name, \
            then the original name), and each address. "+dnssec" marks every RRset, or denial, \
            that validated: the resolver set AD=1, or with --validation local danecheck \
            validated it here from the trust anchors. Lookup failures are shown as bogus (with \
            the cause: an expired RRSIG, a DS that matches no DNSKEY, …) or indeterminate \
            (timeout, unreachable resolver), never as "no records". TLSA records an SMTP client cannot use are marked \
            "(unusable: reason)". The domain's MTA-STS policy, when it publishes one, follows in \
            the layout of Momentum's `mta_sts show domain` (--ca-file for a private CA).

            With --json, one JSON document: domain, kind (mx, implicit, null-mx, nxdomain, \
            failed), status, result, ttl, reason, resolvers[] {address, port, validates}, \
            validation (resolver, local), warnings[], mx[] {preference, host, cname, ttl, dnssec, addresses[] {address, \
            family, ttl, dnssec}, lookups[], tlsa {name, ttl, dnssec, status, result, reason, \
            skipped, note, records[] {usage, selector, matching, data, usable, reason}, \
            lookups[]}}; each lookups[] entry is {name, type, owner, status, result, ttl, \
            reason}. Absent values are left out.

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("The mail domain, e.g. example.com (non-ASCII names are converted to A-labels).",
                                 valueName: "domain"))
    public var name: String

    @Flag(help: "Print one JSON document instead of text.")
    public var json = false

    @Flag(help: "Probe every address of every MX host with STARTTLS and give verdicts (fills the con/dlv columns).")
    public var probe = false

    @Option(help: ArgumentHelp("Name to send with EHLO when probing (default: this machine's host name).", valueName: "name"))
    public var ehlo: String?

    @Option(help: ArgumentHelp("CA certificates (PEM) for the MTA-STS policy's HTTPS (default: the system store).", valueName: "file"))
    public var caFile: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many CNAMEs may lead to the _mta-sts TXT record; more is no policy.", valueName: "count"))
    public var mtaSTSCnameMaxDepth: Int = MTASTSFetcher.defaultMaxCNAMEDepth

    @OptionGroup public var rolloverOptions: RolloverOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    public init() {}

    public func validate() throws {
        _ = try Self.domainName(name)
        if let caFile, !FileManagerCheck.isReadable(caFile) { throw ValidationError("cannot read --ca-file \(caFile)") }
        guard (0...20).contains(mtaSTSCnameMaxDepth) else { throw ValidationError("--mta-sts-cname-max-depth must be from 0 to 20") }
    }

    static func domainName(_ text: String) throws -> DNSName {
        do { return try DNSName(validating: text) } catch { throw ValidationError(error.description) }
    }

    public func run() async throws {
        let domain = try Self.domainName(name)
        let sts = MTASTSSettings(caFile: caFile, maxCNAMEDepth: mtaSTSCnameMaxDepth, cache: CommandEnvironment.shared.mtaSTSCache)
        let inspector = CommandEnvironment.shared.inspector(try resolverOptions.configuration(), mtaSTS: sts)
        let report = await inspector.inspect(domain)
        report.resolvers.compactMap(\.warning).forEach { StandardError.line("danecheck: warning: \($0)") }
        var check: DomainCheck?
        if probe {
            let prober = HostProber(prober: SMTPProber(ehloName: ehlo ?? SMTPProber.defaultEHLOName,
                                                       timeout: resolverOptions.timeout, trace: resolverOptions.smtpTrace),
                                    rollover: rolloverOptions.settings)
            // Every TLSA RRset the host rules allow is used, but under an insecure MX RRset a
            // match is only "trusted" (RFC 7672 §2.2.1).
            check = await DomainChecker(inspector: inspector, prober: prober, policy: CheckPolicy(insecureMX: .dane)).check(report)
            ProbeTrace.emit(check?.hosts ?? [], options: resolverOptions)
        }
        try Task.checkCancellation()  // interrupted in the console: print nothing
        let history = CommandEnvironment.shared.addressHistory
        if let check { history.record(check.hosts) }
        if json {
            StandardOutput.json(try JSONOutput.encode(DomainJSON(report, check: check)))
        } else {
            StandardOutput.lines(TextRenderer.lines(report, probes: check?.hosts, history: history.snapshot))
        }
        let code = DanecheckExit.code(for: report.outcome(probed: check))
        if code != DanecheckExit.ok { throw code }
    }
}
