/// What an RFC 7672 MTA would do with mail for a domain under a local policy: the DNS walk, a
/// probe of every address of every MX host (all at once), the verdicts. One checker serves a
/// whole batch, so lookups and probes shared by many domains are made once.
public struct DomainChecker: Sendable {
    public let inspector: DomainInspector
    public let prober: HostProber
    public let policy: CheckPolicy

    public init(inspector: DomainInspector, prober: HostProber, policy: CheckPolicy) {
        self.inspector = inspector
        self.prober = prober
        self.policy = policy
    }

    public func check(_ domain: DNSName) async -> DomainCheck {
        let start = ContinuousClock.now
        let report = await inspector.inspect(domain)
        let hosts = await probeHosts(of: report)
        return DomainCheck(report: report, hosts: hosts, verdict: DomainVerdictRule.evaluate(report, hosts),
                           seconds: start.millisecondsElapsed / 1000)
    }

    /// Every address of every MX host of a walked domain, all at once, under the policy.
    public func probeHosts(of report: DomainReport) async -> [HostProbeReport] {
        await report.hosts.concurrentMap { [prober, policy] host in
            await prober.probe(host, policy: HostPolicyRule.evaluate(host, mxStatus: report.mx.status,
                                                                     nextHop: report.domain, policy: policy))
        }
    }
}
