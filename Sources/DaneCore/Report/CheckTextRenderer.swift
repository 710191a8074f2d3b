/// `danecheck check` in text: one line per domain; `-v` adds per-host and per-address lines.
public enum CheckTextRenderer {
    /// "example.test: authenticated via mx1.example.test (3 1 1 at depth 0)".
    public static func line(_ check: DomainCheck) -> String {
        let verdict = check.verdict
        let via = verdict.via.map { " via \($0.text)" } ?? ""
        return "\(check.report.domain.text): \(verdict.verdict.rawValue)\(via) (\(verdict.reason))"
    }

    /// "  warning: mx.example.test: the certificate of mx.example.test is matched by one record only (...)".
    public static func warnings(_ check: DomainCheck) -> [String] {
        let noPolicy = check.report.mtaSTS.flatMap { $0.failure.map { "  mta-sts: no policy (\($0))" } }
        return [noPolicy].compactMap { $0 } + check.mtaSTSNotes.map { "  mta-sts testing: \($0)" }
            + check.warnings.map { "  warning: \($0.host.text): \($0.warning.message)" }
    }

    public static func verbose(_ check: DomainCheck) -> [String] {
        var lines: [String] = []
        let mx = check.report.mx
        lines.append("  MX: \(check.report.kind.rawValue), \(mx.status.rawValue)\(mx.failureReason.map { " (\($0))" } ?? "")")
        for (host, probe) in zip(check.report.hosts, check.hosts) {
            let (verdict, reason) = probe.verdict
            lines.append("  [\(host.preference) \(host.name.text)] \(verdict.rawValue): \(reason)")
            lines.append("    policy: \(probe.policy.explanation)")
            for address in probe.addresses {
                lines.append("    [\(address.probe.address)]:\(address.probe.port) \(address.verdict.rawValue): \(address.reason)")
            }
            // A host left out (MTA-STS) has addresses; its line above says why it was not probed.
            if probe.addresses.isEmpty && host.addresses.isEmpty { lines.append("    no address to connect to") }
        }
        return lines
    }

    /// The end-of-run summary: count per verdict, the slowest domains.
    public static func summary(_ checks: [DomainCheckSummary], problems: Int) -> [String] {
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let count = checks.filter { $0.verdict == verdict }.count
            return count == 0 ? nil : "\(count) \(verdict.rawValue)"
        }
        var lines = ["\(checks.count) domain\(checks.count == 1 ? "" : "s"): \(counts.joined(separator: ", "))"
                     + (problems > 0 ? "; \(problems) input error\(problems == 1 ? "" : "s")" : "")]
        let slowest = checks.sorted { $0.seconds > $1.seconds }.prefix(3)
        if checks.count > 1 {
            lines.append("slowest: " + slowest.map { "\($0.domain.text) \(TimeFormat.milliseconds($0.seconds * 1000))" }
                .joined(separator: ", "))
        }
        return lines
    }
}
