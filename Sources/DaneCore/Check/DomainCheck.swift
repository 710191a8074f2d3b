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

    /// Rollover-health warnings of the MX hosts, each with its host (a host named twice once).
    public var warnings: [(host: DNSName, warning: RolloverWarning)] {
        var seen = Set<DNSName>()
        return zip(report.hosts, hosts).flatMap { host, probe in
            seen.insert(host.name).inserted ? probe.warnings.map { (host: host.name, warning: $0) } : []
        }
    }

    /// MTA-STS testing mode: what enforcing the policy would change, per host ("host: note").
    public var mtaSTSNotes: [String] {
        zip(report.hosts, hosts).compactMap { host, probe in probe.mtaSTSNote.map { "\(host.name.text): \($0)" } }
    }

    /// True when the domain defers because a DNS lookup got no answer (resolver unreachable, DNS
    /// timeout, unexplained SERVFAIL) rather than because of what was answered: the MX lookup, or
    /// for every MX host its address or TLSA lookup. An SMTP timeout is an answer: defer.
    public var isIndeterminate: Bool {
        guard verdict.verdict == .defer else { return false }
        if report.mx.status == .indeterminate { return true }
        guard !report.hosts.isEmpty else { return false }
        return zip(report.hosts, hosts).allSatisfy { host, probe in
            let noAddress = host.addresses.isEmpty && host.addressLookups.contains { $0.status == .indeterminate }
            var tlsaFailed = false
            if case .unusable = probe.policy { tlsaFailed = host.tlsa.final?.status == .indeterminate }
            return noAddress || tlsaFailed
        }
    }
}
