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
        let hosts = await report.hosts.concurrentMap { [prober, policy] host in
            let hostPolicy = HostPolicyRule.evaluate(host, mxStatus: report.mx.status, nextHop: domain, policy: policy)
            return await prober.probe(name: host.name, host: host, policy: hostPolicy,
                                      records: host.tlsa.entries.map(\.record), recordsGiven: false,
                                      addresses: host.addresses.map(\.address))
        }
        return DomainCheck(report: report, hosts: hosts, verdict: DomainVerdictRule.evaluate(report, hosts),
                           seconds: start.millisecondsElapsed / 1000)
    }
}
