import ArgumentParser
import DaneCore
import Foundation

/// `danecheck check DOMAIN...`: what an RFC 7672 MTA would do with mail for each domain.
public struct CheckCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say what an RFC 7672 MTA would do with mail for each domain, in one line, with an exit code for CI.",
        discussion: """
            For each domain: the MX hosts in preference order, each host's addresses and TLSA \
            records, a STARTTLS probe of every address (all at once), and a verdict with its \
            reason (the words are below). The \
            first MX host that does not defer decides ("via HOST"); every host deferred means \
            defer; NXDOMAIN or null MX mean undeliverable; a bogus or indeterminate MX lookup \
            defers the whole domain.

            Policy (the Momentum DANE module's knobs): TLSA is looked up only where the MX and \
            address records are secure (use_dane) unless --insecure-mx dane; when a secure usable \
            TLSA RRset exists only DANE counts, with no fallback; --tls and --tls-verify apply \
            only where DANE does not.

            MTA-STS (--mta-sts, RFC 8461): the domain's policy is fetched (TXT at _mta-sts, then \
            https://mta-sts.DOMAIN/.well-known/mta-sts.txt, PKIX-validated with --ca-file or the \
            system store); in enforce mode MX hosts the policy does not list are not used, and on \
            a host without a secure usable TLSA RRset a valid certificate for the MX name is \
            required (failure: defer); where DANE applies it is the only check, with no fallback. \
            testing mode delivers as without a policy and adds "mta-sts testing" lines. A missing, \
            unreachable or malformed policy is no policy.

            TLSRPT (RFC 8460): a domain that publishes DANE (a secure usable TLSA RRset at one \
            of its hosts) or MTA-STS but no valid _smtp._tls record gets a warning under its \
            line: senders cannot tell it about failures. It changes no verdict, no exit code \
            (not even with --strict) and no Nagios state.

            Batch: domains as arguments and/or --file (one per line, # comments; - reads stdin); \
            duplicates are checked once; a bad line is reported with its line number and the \
            rest still run. --concurrency domains are in flight at once; lookups and probes \
            shared by many domains are made once. --shard K/N keeps the domains of shard K of N \
            (a stable hash of the name): N runs, on one machine or many, check each domain once, \
            and `danecheck summary` merges their --jsonl files into one run's summary.

            Output order: text lines come in input order, each domain as soon as every earlier \
            one is done (stdout is written line by line, into pipes and files too); with more \
            than one domain each host's rollover warning is printed once, after the results, \
            with the domains it affects. --jsonl prints each domain as it finishes, in the order \
            they finish; --json prints one document at the end, domains in input order. When \
            stderr is a terminal a progress bar runs there, naming the domains pending longest; \
            a summary (count per verdict, slowest domains) ends the run on stderr.

            \(DanecheckVerdicts.summary)

            \(FindingKind.summary)

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("Mail domains to check.", valueName: "domain"))
    public var domains: [String] = []

    @Option(help: ArgumentHelp("Read domains from a file, one per line (# comments); - reads stdin.", valueName: "file"))
    public var file: String?

    @Option(parsing: .unconditional, help: "How many domains are checked at once (1-1000).")
    public var concurrency: Int = 32

    @Option(help: ArgumentHelp("""
        Check only shard K (from 1) of N: the domains whose stable hash (of the lower-cased A-label \
        name, whatever the input order) falls in it. N runs with K = 1..N check every domain once; \
        `danecheck summary` merges their --jsonl outputs.
        """, valueName: "K/N"), transform: { text in try Shard(parsing: text) })
    public var shard: Shard?

    @OptionGroup public var output: OutputOptions

    @Flag(help: "Print one JSON object per line, per domain, in the order domains finish (each names its domain).")
    public var jsonl = false

    @OptionGroup public var gates: ExitGateOptions
    @OptionGroup public var reports: ReportOptions

    @Flag(name: .shortAndLong, help: "Add the per-host and per-address lines.")
    public var verbose = false

    @Flag(help: "Nagios/Icinga plugin mode for one domain: one status line with performance data; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
    public var nagios = false

    @Option(parsing: .unconditional, help: ArgumentHelp("--nagios: warn when an RRSIG of the domain expires within this many days.", valueName: "days"))
    public var rrsigWarnDays: Double = 3

    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var rolloverOptions: RolloverOptions
    @OptionGroup public var policyOptions: PolicyOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    public init() {}

    public func validate() throws {
        if domains.isEmpty && file == nil { throw ValidationError("give domains as arguments or with --file") }
        guard (1...1000).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 1000") }
        if output.json && jsonl { throw ValidationError("--json and --jsonl exclude each other") }
        if nagios && shard != nil { throw ValidationError("--nagios checks one domain: --shard does not apply") }
        if nagios && (domains.count != 1 || file != nil || output.json || jsonl) {
            throw ValidationError("--nagios checks one domain, given as the argument (one service per domain), in text")
        }
        if nagios && reports.wanted { throw ValidationError("--nagios checks one domain: --html and --junit report a batch") }
        guard rrsigWarnDays >= 0 else { throw ValidationError("--rrsig-warn-days must be 0 or more") }
        if let file, file != "-" {
            if FileManagerCheck.isDirectory(file) { throw ValidationError("--file \(BoundedText.prefix(file)) is a directory, not a file of domains") }
            if !FileManagerCheck.isReadable(file) { throw ValidationError("cannot read --file \(BoundedText.prefix(file))") }
        }
    }

    public func run() async throws {
        let (checker, _) = CheckerSetup(resolver: resolverOptions, policy: policyOptions, probe: probeOptions,
                                        rollover: rolloverOptions).checker()
        let assessor = Assessor(checker: checker, policy: gates.policy(certificateDays: rolloverOptions.warnDays, signatureDays: rrsigWarnDays))
        let source = BatchSource(arguments: domains, file: file, shard: shard)
        if nagios { return try await plugin(source, assessor) }
        let format: CheckBatchOutput.Format = output.json ? .json : jsonl ? .jsonl : .text
        let report = reports.wanted ? BatchReport(title: "check", source: file.map { $0 == "-" ? "stdin" : $0 },
                                                  policy: assessor.policy, started: Date()) : nil
        let faces = CheckBatchOutput(format: format, verbose: verbose, colour: output.colorsOutput,
                                     single: domains.count == 1 && file == nil, resolver: resolverOptions, report: report)
        let clock = ContinuousClock(), start = clock.now
        let ticker = faces.progress.ticking()
        let result = await BatchRunner(assessor: assessor, concurrency: concurrency).run(source, keepGoing: {
            // Nothing more is started once the reader of stdout has gone (`| head -1`).
            !StreamWriter.outputClosed.load(ordering: .relaxed)
        }, sink: { faces.handle($0) })
        ticker.cancel()
        let assessments = faces.finish()
        try Task.checkCancellation()  // interrupted in the console: print nothing more
        if result.summaries.isEmpty && source.domainsRead == 0 {
            // Nothing to check is a usage error, as `check` with no domain at all is.
            StandardError.line("danecheck: error: no domain to check\(file.map { " (\(BoundedText.prefix($0 == "-" ? "stdin" : $0)) holds none)" } ?? "")")
            throw DanecheckExit.usage
        }
        // The run's own findings (the resolvers, this network's port 25), once.
        result.runFindings.forEach { StandardError.warning($0.message, colour: output.colorsErrors) }
        if output.json {
            StandardOutput.json(try JSONOutput.encode(CheckJSON(assessments, policy: policyOptions.policy,
                                                                problems: result.problems.map(\.description),
                                                                runFindings: result.runFindings)))
        }
        if format == .text || result.summaries.count > 1 {
            CheckTextRenderer.summary(result.summaries, problems: result.problems.count).forEach { StandardError.line($0) }
        }
        let code = DanecheckExit.code(for: result.outcome)
        if var report = faces.report {
            report.problems = result.problems
            report.runFindings = result.runFindings
            report.outcome = result.outcome
            let elapsed = clock.now - start
            try reports.write(report, code: code, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        if code != DanecheckExit.ok { throw code }
    }

    /// --nagios: one domain, one line in the plugins' format, the state as the exit status.
    private func plugin(_ source: BatchSource, _ assessor: Assessor) async throws {
        var domain: DNSName?
        for item in await source.next() {
            switch item {
            case .problem(let problem):
                StandardOutput.text("DANE UNKNOWN - \(problem.description.replacingOccurrences(of: "|", with: "/"))")
                throw ExitCode(PluginStatus.unknown.rawValue)
            case .domain(let name): domain = name
            }
        }
        guard let domain else { throw ExitCode(PluginStatus.unknown.rawValue) }
        let assessment = await assessor.assess(domain)
        try Task.checkCancellation()
        StandardOutput.text(PluginOutput.line(assessment))
        let status = assessment.state.status
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
