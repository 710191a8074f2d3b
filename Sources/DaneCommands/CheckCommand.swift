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
        guard rrsigWarnDays >= 0 else { throw ValidationError("--rrsig-warn-days must be 0 or more") }
        if let file, file != "-" {
            if FileManagerCheck.isDirectory(file) { throw ValidationError("--file \(BoundedText.prefix(file)) is a directory, not a file of domains") }
            if !FileManagerCheck.isReadable(file) { throw ValidationError("cannot read --file \(BoundedText.prefix(file))") }
        }
    }

    /// The domains: arguments, then --file's lines (read as they come, within bounds).
    func input() -> BatchInput {
        var input = BatchInput()
        input.add(arguments: domains)
        if let file {
            if file == "-" {
                input.add(fileDescriptor: STDIN_FILENO, name: "stdin")
            } else {
                let fd = open(file, O_RDONLY | O_CLOEXEC)
                if fd < 0 {
                    input.add(problem: "cannot read: \(String(cString: strerror(errno)))", source: BoundedText.prefix(file))
                } else {
                    input.add(fileDescriptor: fd, name: BoundedText.prefix(file))
                    close(fd)
                }
            }
        }
        return input
    }

    public func run() async throws {
        let input = input()
        input.problems.forEach { StandardError.line("danecheck: error: \($0)") }
        if nagios, let problem = input.problems.first {
            StandardOutput.text("DANE UNKNOWN - \(problem.description.replacingOccurrences(of: "|", with: "/"))")
            throw ExitCode(PluginStatus.unknown.rawValue)
        }
        if input.domains.isEmpty {
            // Nothing to check is a usage error, as `check` with no domain at all is.
            StandardError.line("danecheck: error: no domain to check\(file.map { " (\(BoundedText.prefix($0 == "-" ? "stdin" : $0)) holds none)" } ?? "")")
            throw DanecheckExit.usage
        }
        // A shard may hold none of the domains (3 domains, 4 shards): that is no error.
        let domains = shard.map { shard in input.domains.filter(shard.contains) } ?? input.domains
        let policy = policyOptions.policy
        let (checker, inspector) = CheckerSetup(resolver: resolverOptions, policy: policyOptions, probe: probeOptions,
                                                rollover: rolloverOptions).checker()
        if nagios, let domain = input.domains.first {
            let health = DomainHealth(await checker.check(domain))
            try Task.checkCancellation()
            let thresholds = PluginStatus.Thresholds(certificateDays: Double(rolloverOptions.settings.warnDays),
                                                     signatureDays: rrsigWarnDays, requireDANE: gates.requireDANE)
            let now = Date()
            let (status, reasons) = PluginStatus.of(health, thresholds: thresholds, now: now)
            StandardOutput.text(PluginOutput.line(health, status: status, reasons: reasons, thresholds: thresholds, now: now))
            if status != .ok { throw ExitCode(status.rawValue) }
            return
        }
        let (summaries, checks, outbound) = await runAll(domains, checker: checker, inspector: inspector, policy: policy)
        try Task.checkCancellation()  // interrupted in the console: print nothing more
        // Asked while the first domain was checked, answered once for the run.
        let runWarnings = (await inspector.resolverReports()).compactMap(\.warning) + [outbound.warning].compactMap { $0 }
        runWarnings.forEach { StandardError.warning($0, colour: output.colorsErrors) }
        if output.json {
            StandardOutput.json(try JSONOutput.encode(CheckJSON(checks, policy: policy, problems: input.problems.map(\.description),
                                                                outboundPort: outbound.warning)))
        }
        if !output.json && !jsonl || summaries.count > 1 {
            CheckTextRenderer.summary(summaries, problems: input.problems.count).forEach { StandardError.line($0) }
        }
        // Nothing was learned of any server when the network itself keeps port 25 shut.
        let code = outbound.warning != nil && input.problems.isEmpty ? DanecheckExit.indeterminate
            : gates.exitCode(summaries, problems: input.problems.count)
        if code != DanecheckExit.ok { throw code }
    }

    /// Checks every domain, `concurrency` at once, printing as results come in: text lines in
    /// input order, each domain as soon as every earlier one is done; --jsonl lines in the
    /// order domains finish. With more than one domain, text prints each host's warnings once,
    /// after the results, with the domains they affect. What is kept of each domain until the
    /// end: its summary (a few dozen bytes), and only with --json the whole check: a DomainCheck
    /// is near a kilobyte inline, and an array of optional ones for every domain of a 10,000-domain
    /// batch was 9 MB, and 22 MB more while it was compacted.
    func runAll(_ domains: [DNSName], checker: DomainChecker, inspector: DomainInspector,
                policy: CheckPolicy) async -> ([DomainCheckSummary], [DomainCheck], OutboundPortTally) {
        let progress = ProgressBar(total: domains.count)
        let ticker = progress.ticking()
        defer { ticker.cancel() }
        let text = !output.json && !jsonl, colour = output.colorsOutput
        var summaries = [DomainCheckSummary?](repeating: nil, count: domains.count)
        var checks = [DomainCheck?](repeating: nil, count: output.json ? domains.count : 0)
        // Text: each domain's lines and host warnings, released in input order.
        var order = InputOrder<(lines: [StyledLine], domain: DNSName, warnings: [(host: DNSName, warning: RolloverWarning)])>()
        var tally = HostWarningTally()
        var outbound = OutboundPortTally()
        await withTaskGroup(of: (Int, DomainCheck).self) { group in
            var next = 0, finished = 0
            func startNext() {
                // Nothing more is started once the reader of stdout has gone (`| head -1`).
                guard next < domains.count, !Task.isCancelled, !StreamWriter.outputClosed.load(ordering: .relaxed) else { return }
                let index = next
                progress.started(index, name: domains[index].text)
                group.addTask { (index, await checker.check(domains[index])) }
                next += 1
            }
            for _ in 0..<min(concurrency, domains.count) { startNext() }
            for await (index, check) in group {
                summaries[index] = DomainCheckSummary(check)
                if output.json { checks[index] = check }
                await inspector.release(check.report.domain)
                finished += 1
                if finished % HeapTrim.interval == 0 { HeapTrim.now() }
                CommandEnvironment.shared.addressHistory.record(check.hosts)
                outbound.add(check.hosts)
                ProbeTrace.emit(check.hosts, options: resolverOptions)
                if jsonl, let line = try? JSONOutput.line(CheckDomainJSON(check, line: true)) {
                    progress.printing { StandardOutput.json(line) }
                } else if text {
                    let lines = [CheckTextRenderer.line(check)] + CheckTextRenderer.notes(check)
                        + (domains.count == 1 ? CheckTextRenderer.warnings(check) : [])
                        + (verbose ? CheckTextRenderer.verbose(check) : [])
                    let ready = order.add((lines, check.report.domain, check.warnings), at: index)
                    ready.forEach { tally.add($0.warnings, domain: $0.domain) }
                    if !ready.isEmpty { progress.printing { StandardOutput.lines(ready.flatMap(\.lines), colour: colour) } }
                }
                progress.finished(index)
                startNext()
            }
        }
        progress.finish()
        if text && domains.count > 1 { StandardOutput.lines(CheckTextRenderer.warnings(tally), colour: colour) }
        return (summaries.compactMap { $0 }, checks.compactMap { $0 }, outbound)
    }
}
