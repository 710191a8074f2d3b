/// What a batch keeps of each checked domain once it was printed: enough for the summary and
/// the exit code, so that memory does not grow with the details of thousands of domains.
public struct DomainCheckSummary: Sendable, Hashable {
    public let domain: DNSName
    public let verdict: Verdict
    public let seconds: Double
    /// How a run that checked it ends, for this domain.
    public let exitClass: ExitClass
    /// Rollover-health warnings over the domain's hosts.
    public let warnings: Int

    public init(domain: DNSName, verdict: Verdict, seconds: Double, exitClass: ExitClass, warnings: Int) {
        self.domain = domain
        self.verdict = verdict
        self.seconds = seconds
        self.exitClass = exitClass
        self.warnings = warnings
    }

    public init(_ check: DomainCheck) {
        domain = check.report.domain
        verdict = check.verdict.verdict
        seconds = check.seconds
        exitClass = check.outcome.exitClass
        warnings = check.warnings.count
    }
}
