/// One domain checked end to end: DNS, the probes, the verdict, how long it took.
public struct DomainCheck: Sendable, Hashable {
    public let report: DomainReport
    /// One per MX host, same order as `report.hosts`.
    public let hosts: [HostProbeReport]
    public let verdict: DomainVerdict
    public let seconds: Double
    /// Seconds the DNS walk took (nil when not measured: a walk made elsewhere).
    public let dnsSeconds: Double?

    public init(report: DomainReport, hosts: [HostProbeReport], verdict: DomainVerdict, seconds: Double, dnsSeconds: Double? = nil) {
        self.report = report
        self.hosts = hosts
        self.verdict = verdict
        self.seconds = seconds
        self.dnsSeconds = dnsSeconds
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
        return !hosts.isEmpty && hosts.allSatisfy(\.isIndeterminate)
    }

    /// The address mail goes through: the first that delivers of the first host, in MX order,
    /// with one that does.
    public var deliveringAddress: AddressReport? { hosts.lazy.compactMap(\.deliveringAddress).first }

    /// The domain's verdict and reason, and how a `check` of it ends.
    public var outcome: Outcome {
        let exitClass: ExitClass = switch verdict.verdict {
        case .undeliverable: .noMail
        case .unknown: .indeterminate
        case .defer: isIndeterminate ? .indeterminate : .deferred
        default: .ok
        }
        return Outcome(verdict: verdict.verdict, reason: verdict.reason, exitClass: exitClass)
    }
}
