/// What an RFC 7672 MTA does with mail for a whole domain once its hosts were probed: MX hosts
/// in preference order (equal preferences in any order), the first host that does not defer
/// decides; every host deferred → defer; NXDOMAIN or null MX → undeliverable; a bogus or
/// indeterminate MX lookup → defer (RFC 7672 §2.1.2, §2.2.2; RFC 7505).
public enum DomainVerdictRule {
    public static func evaluate(_ report: DomainReport, _ probes: [HostProbeReport]) -> DomainVerdict {
        if let reason = report.unvalidated { return DomainVerdict(verdict: .unknown, via: nil, cause: .unvalidated(reason)) }
        switch report.kind {
        case .nxDomain:
            if let reason = report.untrustedDenial { return DomainVerdict(verdict: .unknown, via: nil, cause: .untrustedDenial(reason)) }
            return DomainVerdict(verdict: .undeliverable, via: nil, cause: .nxDomain)
        case .nullMX:
            return DomainVerdict(verdict: .undeliverable, via: nil, cause: .nullMX(warning: report.nullMXWarning))
        case .failed:
            return DomainVerdict(verdict: .defer, via: nil, cause: .mxLookupFailed(report.mx.failureText))
        case .mx, .implicit:
            break
        }
        for (host, probe) in zip(report.hosts, probes) {
            if let address = probe.deliveringAddress {
                return DomainVerdict(verdict: address.verdict, via: host.name, cause: .delivered(host: host.name, address: address))
            }
        }
        if report.hosts.allSatisfy({ host in host.addressLookups.allSatisfy(\.isDenial) }) {
            return DomainVerdict(verdict: .undeliverable, via: nil, cause: .noAddress)
        }
        // "Why is mail deferred": every host's cause, in MX order.
        return DomainVerdict(verdict: .defer, via: nil,
                             cause: .everyHostDefers(zip(report.hosts, probes).map { (host: $0.0.name, cause: $0.1.judged.cause) }))
    }
}
