import ArgumentParser
import DaneCore
import DaneTLSRPTStore
import Foundation

/// `danecheck tlsrpt read PATH…`: what SMTP TLS reports (RFC 8460) say, added up, and with
/// `--check` whether each failure is still there today.
public struct TLSRPTReadCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read SMTP TLS reports (RFC 8460): sessions and failures per policy domain; --check says whether each failure is still there today.",
        discussion: """
            Inputs: report files (JSON, or gzip JSON as application/tlsrpt+gzip), e-mail \
            messages holding reports as MIME parts (what rua=mailto: delivers), mbox files, \
            maildirs (new/ and cur/), folders of any of these (walked in name order), - for \
            stdin, and with --db the database danecheck-exporter --tlsrpt-db stores reports in.

            Output: per policy domain and policy type (tlsa, sts, no-policy-found) the \
            successful and failed sessions, then each failure: sessions, result type \
            (dane-required, tlsa-invalid, dnssec-invalid, certificate-expired, \
            starttls-not-supported, validation-failure, sts-…), the receiving MX and its \
            address, the sending MTA, the reporting organization and the dates. A report \
            delivered twice (same organization and report-id) counts once. --since/--until keep \
            the reports whose date range overlaps [since, until) (a day, 2026-12-05, or an RFC \
            3339 date-time). --json: one document; --jsonl: one line per failure.

            --check: each policy domain with failures is checked now, as `check` does (the same \
            options), and each failure gets today's answer: still failing (today's cause is the \
            same result type, e.g. "still failing: TLSA 3 1 1 does not match the certificate \
            offered since 2026-12-05"), different (it fails today for another reason), gone \
            (the host delivers as the policy asks), or the host is no longer an MX host.

            A bad input (truncated gzip, JSON that breaks RFC 8460's schema, an input over 64 \
            MiB, gzip that inflates past 32 MiB) is one line on stderr naming the file, message \
            and part; the rest are still read. Exit status: 2 when an input had a problem; \
            with --check, else 1 when a reported failure is still there or different today; \
            else 0.
            """)

    @Argument(help: ArgumentHelp("Report files, messages, mbox files, maildirs or folders; - reads stdin.", valueName: "path"))
    public var paths: [String] = []

    @Option(help: ArgumentHelp("Also read the reports stored in this database (danecheck-exporter --tlsrpt-db).", valueName: "file"))
    public var db: String?

    @Option(help: ArgumentHelp("Keep reports whose date range ends after this day or time (2026-12-05 or RFC 3339).", valueName: "date"))
    public var since: String?

    @Option(help: ArgumentHelp("Keep reports whose date range starts before this day or time (2026-12-06 or RFC 3339).", valueName: "date"))
    public var until: String?

    @Flag(help: "Check each failing policy domain now and say per failure whether it is still there.")
    public var check = false

    @Option(parsing: .unconditional, help: "With --check: how many domains are checked at once (1-1000).")
    public var concurrency: Int = 32

    @OptionGroup public var output: OutputOptions

    @Flag(help: "Print one JSON object per line, per failure.")
    public var jsonl = false

    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var rolloverOptions: RolloverOptions
    @OptionGroup public var policyOptions: PolicyOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    public init() {}

    public func validate() throws {
        if paths.isEmpty && db == nil { throw ValidationError("give report files, folders or - as arguments, or --db") }
        if output.json && jsonl { throw ValidationError("--json and --jsonl exclude each other") }
        guard (1...1000).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 1000") }
        if let since, TLSReportPeriod.bound(since) == nil { throw ValidationError("--since \(BoundedText.quoted(since)) is not a day (2026-12-05) nor an RFC 3339 date-time") }
        if let until, TLSReportPeriod.bound(until) == nil { throw ValidationError("--until \(BoundedText.quoted(until)) is not a day (2026-12-06) nor an RFC 3339 date-time") }
    }

    public func run() async throws {
        var summary = TLSReportSummary(period: TLSReportPeriod(since: since.flatMap(TLSReportPeriod.bound), until: until.flatMap(TLSReportPeriod.bound)))
        let colour = output.colorsErrors
        func add(_ item: TLSReportItem) {
            if case .problem(let problem) = item { StandardError.warning(problem.description, colour: colour) }
            summary.add(item)
        }
        TLSReportFiles(paths: paths).forEach(add)
        if let db { StoredReports.forEach(database: db, add) }
        var today: [TLSReportSummary.FailureLine: TLSReportToday]?
        if check {
            let (checker, _) = CheckerSetup(resolver: resolverOptions, policy: policyOptions, probe: probeOptions, rollover: rolloverOptions).checker()
            today = await TLSReportCheck.run(summary, runner: BatchRunner(assessor: Assessor(checker: checker), concurrency: concurrency))
            try Task.checkCancellation()
        }
        if output.json {
            StandardOutput.json(try JSONOutput.encode(TLSReportsJSON(summary, today: today ?? [:])))
        } else if jsonl {
            for failure in summary.sortedFailures {
                StandardOutput.json(try JSONOutput.line(TLSReportFailureJSON(failure, today: today?[failure], line: true)))
            }
        } else {
            StandardOutput.lines(TLSReportTextRenderer.lines(summary, today: today), colour: output.colorsOutput)
        }
        StandardError.line(TLSReportTextRenderer.closing(summary))
        if !summary.problems.isEmpty { throw DanecheckExit.usage }
        if let today, today.values.contains(where: { $0.cause != nil }) { throw DanecheckExit.deferred }
    }
}
