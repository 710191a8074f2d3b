/// What an RFC 7672 MTA does with mail for a whole domain once its hosts were probed: MX hosts
/// in preference order (equal preferences in any order), the first host that does not defer
/// decides; every host deferred → defer; NXDOMAIN or null MX → undeliverable; a bogus or
/// indeterminate MX lookup → defer (RFC 7672 §2.1.2, §2.2.2; RFC 7505).
public enum DomainVerdictRule {
    public static func evaluate(_ report: DomainReport, _ probes: [HostProbeReport]) -> DomainVerdict {
        if let reason = report.unvalidated { return DomainVerdict(verdict: .unknown, via: nil, reason: reason) }
        switch report.kind {
        case .nxDomain:
            if let reason = report.untrustedDenial { return DomainVerdict(verdict: .unknown, via: nil, reason: reason) }
            return DomainVerdict(verdict: .undeliverable, via: nil, reason: "the domain does not exist (NXDOMAIN)")
        case .nullMX:
            return DomainVerdict(verdict: .undeliverable, via: nil, reason: report.nullMXWarning ?? "null MX (RFC 7505)")
        case .failed:
            return DomainVerdict(verdict: .defer, via: nil,
                                 reason: "MX lookup failed: \(report.mx.failureText)")
        case .mx, .implicit:
            break
        }
        for (host, probe) in zip(report.hosts, probes) {
            if let address = probe.deliveringAddress {
                return DomainVerdict(verdict: address.verdict, via: host.name, reason: shortReason(address, probe.policy))
            }
        }
        if report.hosts.allSatisfy({ host in host.addressLookups.allSatisfy(\.isDenial) }) {
            return DomainVerdict(verdict: .undeliverable, via: nil, reason: "no MX host has an address")
        }
        // "Why is mail deferred": every host's cause, in MX order, one clause each.
        let causes = zip(report.hosts, probes).map { "\($0.0.name.text): \($0.1.verdict.1)" }
        let reason = causes.count > 1 ? "every MX host defers: " + causes.joined(separator: "; ") : causes.first ?? "no MX host"
        return DomainVerdict(verdict: .defer, via: nil, reason: reason)
    }

    /// "3 1 1 at depth 0" for a DANE match ("…; MX RRset insecure" when only trusted), else the
    /// address's reason.
    static func shortReason(_ address: AddressReport, _ policy: DANEPolicy) -> String {
        guard let match = address.probe.tls?.daneMatch, [.authenticated, .trusted].contains(address.verdict) else {
            return address.reason
        }
        let record = match.record
        let base = "\(record.usage) \(record.selector) \(record.matchingType) at depth \(match.depth)"
        if case .trust(_, let reason) = policy { return "\(base); \(reason)" }
        return base
    }
}
