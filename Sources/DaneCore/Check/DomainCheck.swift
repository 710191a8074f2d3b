/// One domain checked end to end: DNS, the probes, the verdict, how long it took.
public struct DomainCheck: Sendable, Hashable {
    public let report: DomainReport
    /// One per MX host, same order as `report.hosts`.
    public let hosts: [HostProbeReport]
    public let verdict: DomainVerdict
    public let seconds: Double

    public init(report: DomainReport, hosts: [HostProbeReport], verdict: DomainVerdict, seconds: Double) {
        self.report = report
        self.hosts = hosts
        self.verdict = verdict
        self.seconds = seconds
    }

    /// True when the domain defers because something got no answer (timeouts, unreachable
    /// resolver, unexplained SERVFAIL) rather than because of what was answered.
    public var isIndeterminate: Bool {
        verdict.verdict == .defer && report.lookups.contains { $0.status == .indeterminate }
    }
}
