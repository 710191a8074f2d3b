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
        return await check(report, since: start, dnsSeconds: start.millisecondsElapsed / 1000)
    }

    /// The probes and the verdict of a domain already walked (`domain --probe`), and how long
    /// the walk took when known.
    public func check(_ report: DomainReport, since start: ContinuousClock.Instant = .now, dnsSeconds: Double? = nil) async -> DomainCheck {
        let hosts = await probeHosts(of: report)
        return DomainCheck(report: report, hosts: hosts, verdict: DomainVerdictRule.evaluate(report, hosts),
                           seconds: start.millisecondsElapsed / 1000, dnsSeconds: dnsSeconds)
    }

    /// Every address of every MX host of a walked domain, all at once, under the policy.
    public func probeHosts(of report: DomainReport) async -> [HostProbeReport] {
        let unvalidated = report.unvalidated
        return await probeEachHost(of: report).map { $0.with(unvalidated: unvalidated) }
    }

    private func probeEachHost(of report: DomainReport) async -> [HostProbeReport] {
        let sts = policy.mtaSTS ? report.mtaSTS?.effective : nil
        return await report.hosts.concurrentMap { [prober, policy] host in
            let base = HostPolicyRule.evaluate(host, mxStatus: report.mx.status, nextHop: report.domain, policy: policy)
            guard let sts, sts.mode != .none else { return await prober.probe(host, policy: base) }
            let decision = MTASTSHostRule.evaluate(host, dane: base, policy: sts, caFile: policy.caFile)
            if sts.mode == .enforce {
                switch decision {
                case .unchanged: return await prober.probe(host, policy: base)
                case .pkix(let pkix): return await prober.probe(host, policy: pkix)
                case .excluded(let reason):
                    return HostProbeReport(host: host, name: host.name, policy: .unusable(reason: reason), records: [],
                                           recordsGiven: false, addresses: [])
                }
            }
            // Testing mode (RFC 8461 §5): deliver as without the policy; say what enforce would do.
            let normal = await prober.probe(host, policy: base)
            switch decision {
            case .unchanged:
                return normal
            case .excluded(let reason):
                return normal.with(mtaSTSNote: "would not be used: \(reason)")
            case .pkix(let pkix):
                let would = await prober.probe(host, policy: pkix)
                let (verdict, reason) = would.verdict
                return normal.with(mtaSTSNote: verdict == .defer ? "would defer under enforce: \(reason)" : nil)
            }
        }
    }
}
