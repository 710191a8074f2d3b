import ArgumentParser
import DaneCore
import DaneRender

/// `danecheck domain NAME`: MX hosts, their addresses and TLSA records, with DNSSEC status.
public struct DomainCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "domain",
        abstract: "Show a domain's MX hosts, their addresses and TLSA records, with DNSSEC status.",
        discussion: """
            Prints, in the layout of the Momentum MTA's `domain` console command, every MX host \
            in preference order with its TTL, the TLSA RRset at _25._tcp.<host> where RFC 7672 \
            section 2.2.3 allows a lookup (address records secure; CNAME hosts at the expanded name, \
            then the original name), and each address. "+dnssec" marks every RRset, or denial, \
            that validated: the resolver set AD=1, or with --validation local danecheck \
            validated it here from the trust anchors. Lookup failures are shown as bogus (with \
            the cause: an expired RRSIG, a DS that matches no DNSKEY, and so on) or indeterminate \
            (timeout, unreachable resolver), never as "no records". TLSA records an SMTP client cannot use are marked \
            "(unusable: reason)". The domain's MTA-STS policy, when it publishes one, follows in \
            the layout of Momentum's `mta_sts show domain` (--ca-file for a private CA), then \
            its SMTP TLS Reporting record (_smtp._tls TXT, RFC 8460) with where reports go, or \
            why no sender would use it.

            Resolvers are judged from evidence: one that answers NXDOMAIN for the root zone is \
            not a working recursive resolver, and an NXDOMAIN from it is shown as not to be \
            trusted (exit 3, not 4); one that refuses the root zone resolves part of the tree \
            only; signed answers (RRSIGs) that a resolver did not mark validated (AD=0) are \
            named, with --validation local to check them here.

            With --authoritative the nameservers of the zones holding the MX and TLSA RRsets \
            are asked directly (RD=0, DO=1), each address of each: a block per zone names the \
            servers that serve another SOA serial or other RRsets than the majority, or \
            expired signatures, and those that do not answer (listed, not fatal). It is shown, \
            not judged: the exit code stays the report's.

            With --probe every address is probed (see `danecheck probe`) and the domain gets a \
            verdict. With --format dot (or svg, png: drawn by Graphviz's dot), the domain as one \
            graph: its MX hosts, their addresses and TLSA records, coloured by DNSSEC status; \
            with --probe each address's verdict and the record it matched. With --json, one JSON document (schema "domain" in \
            schema/danecheck.schema.json, described in the man page under JSON OUTPUT).

            \(DanecheckVerdicts.summary)

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("The mail domain, e.g. example.com (non-ASCII names are converted to A-labels).",
                                 valueName: "domain"))
    public var name: String

    @Flag(help: "Probe every address of every MX host with STARTTLS and give verdicts (fills the con/dlv columns).")
    public var probe = false

    @Flag(help: ArgumentHelp("Ask every nameserver of the zones holding the MX and TLSA RRsets directly (RD=0) and show who serves another serial, other RRsets or expired signatures.",
                             discussion: "At most 8 nameservers and 16 addresses per zone, each within --timeout; unreachable ones are listed."))
    public var authoritative = false

    @OptionGroup public var output: OutputOptions
    @OptionGroup public var graph: GraphOptions
    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var mtaSTSOptions: MTASTSOptions
    @OptionGroup public var rolloverOptions: RolloverOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    /// The domain, parsed by `validate()`.
    public private(set) var domain = DNSName(dnsText: ".")

    enum CodingKeys: String, CodingKey {
        case name, probe, authoritative, output, graph, probeOptions, mtaSTSOptions, rolloverOptions, resolverOptions
    }

    public init() {}

    public mutating func validate() throws {
        do { domain = try DNSName(validating: name) } catch { throw ValidationError(error.description) }
        if output.json && graph.format != nil { throw ValidationError("--json and --format exclude each other") }
        if authoritative && graph.format != nil { throw ValidationError("--authoritative is shown in text or JSON, not in --format") }
    }

    public func run() async throws {
        let configuration = resolverOptions.configuration()
        let inspector = CommandEnvironment.shared.inspector(configuration, mtaSTS: mtaSTSOptions.settings)
        let report = await inspector.inspect(domain)
        (report.resolvers.compactMap(\.warning) + report.signedButUnvalidatedWarnings)
            .forEach { StandardError.warning($0, colour: output.colorsErrors) }
        var assessment: Assessment?
        if probe {
            let prober = probeOptions.hostProber(resolverOptions, rollover: rolloverOptions.settings)
            // Judged as `check` judges it: the default policy, the one assessor.
            let checker = DomainChecker(inspector: inspector, prober: prober, policy: .default)
            assessment = await Assessor(checker: checker, policy: AssessmentPolicy(certificateDays: Double(rolloverOptions.warnDays)))
                .assess(report)
            ProbeTrace.emit(assessment?.check.hosts ?? [], options: resolverOptions)
        }
        let check = assessment?.check
        let zones = authoritative ? await inspector.authoritativeServers(of: report, timeout: configuration.timeout, trace: configuration.trace) : nil
        try Task.checkCancellation()  // interrupted in the console: print nothing
        let history = CommandEnvironment.shared.addressHistory
        if let check { history.record(check.hosts) }
        if let format = graph.format {
            try GraphvizRunner.output(DomainGraph.dot(report, check: check), format: format)
        } else if output.json {
            StandardOutput.json(try JSONOutput.encode(DomainJSON(report, check: check, authoritative: zones)))
        } else {
            // With --probe the domain's verdict ends the report, in `check`'s words, with its findings.
            let verdict = assessment.map { [CheckTextRenderer.line($0)] + CheckTextRenderer.findings($0, hosts: true) } ?? []
            StandardOutput.lines(DomainTextRenderer.lines(report, probes: check?.hosts, history: history.snapshot) + verdict
                                 + AuthoritativeTextRenderer.lines(zones ?? []), colour: output.colorsOutput)
        }
        // One domain says nothing of this network's port 25 (OutboundPortTally): its hosts' own facts stand.
        let code = DanecheckExit.code(for: assessment?.exitClass ?? report.outcome)
        if code != DanecheckExit.ok { throw code }
    }
}
