/// What an RFC 7672 MTA does with mail for a whole domain once its hosts were probed: MX hosts
/// in preference order, the first host that delivers decides; every host deferred → defer.
public enum DomainVerdictRule {
    public static func evaluate(_ report: DomainReport, _ probes: [HostProbeReport]) -> (Verdict, String) {
        switch report.kind {
        case .nxDomain: return (.undeliverable, "the domain does not exist (NXDOMAIN)")
        case .nullMX: return (.undeliverable, "null MX (RFC 7505)")
        case .failed: return (.defer, "MX lookup failed: \(report.mx.status.rawValue) (\(report.mx.failureReason ?? "no answer"))")
        case .mx, .implicit: break
        }
        for (host, probe) in zip(report.hosts, probes) {
            let (verdict, reason) = probe.verdict
            if verdict.delivers { return (verdict, "via \(host.name.text) \(reason)") }
        }
        if report.hosts.allSatisfy({ $0.addresses.isEmpty }) { return (.undeliverable, "no MX host has an address") }
        return (.defer, "every MX host defers")
    }
}
