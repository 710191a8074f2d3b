/// `danecheck check` in text, rendered from assessments: one line per domain, its findings under
/// it; `-v` adds per-host and per-address lines. Decides nothing.
public enum CheckTextRenderer {
    /// "example.test: authenticated via mx1.example.test: 3 1 1 at depth 0".
    public static func line(_ assessment: Assessment) -> StyledLine {
        let via = assessment.via.map { " via \($0.text)" } ?? ""
        return "\(assessment.domain.text): \(verdict: assessment.verdict)\(via): \(assessment.reason.description)"
    }

    /// "  warning: MESSAGE" (the word is the severity's: note, warning, critical), "  warning:
    /// HOST: MESSAGE" for a finding about an MX host.
    public static func finding(_ finding: Finding, indent: String = "  ") -> StyledLine {
        let host = finding.subject.host.map { "\($0.text): " } ?? ""
        return "\(indent)\(warning: "\(finding.severity.word):") \(host)\(finding.message)"
    }

    /// The findings shown under a domain: its own, and its hosts' when `hosts` (one domain
    /// checked; a batch prints each host's once, after the results). The resolvers' findings are
    /// the run's: said once, on stderr.
    public static func findings(_ assessment: Assessment, hosts: Bool) -> [StyledLine] {
        assessment.findings.filter { finding in
            switch finding.subject {
            case .resolver, .run: false
            case .host, .address: hosts
            case .domain: true
            }
        }.map { finding($0) }
    }

    /// A batch's host findings, each once, after the results: "warning: mx.example.test: ...
    /// (3 domains: a.test, b.test, c.test)"; up to `named` domains are named.
    public static func findings(_ tally: HostWarningTally, named: Int = 3) -> [StyledLine] {
        tally.all.map { entry in
            let count = entry.domains.count
            let names = entry.domains.prefix(named).map(\.text).joined(separator: ", ") + (count > named ? ", …" : "")
            return "\(warning: "\(entry.severity.word):") \(entry.host.text): \(entry.message) (\(count) domain\(count == 1 ? "" : "s"): \(names))"
        }
    }

    public static func verbose(_ check: DomainCheck) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append("  \(mxLine(check.report))")
        for (host, probe) in zip(check.report.hosts, check.hosts) {
            let (verdict, reason) = probe.verdict
            lines.append("  [\(host.preference) \(host.name.text)] \(verdict: verdict): \(reason)")
            lines.append("    policy: \(probe.policy.explanation)")
            for address in probe.addresses {
                lines.append("    [\(address.probe.address)]:\(address.probe.port) \(verdict: address.verdict): \(address.reason)")
            }
            // A host left out (MTA-STS) has addresses; its line above says why it was not probed.
            if probe.addresses.isEmpty && host.addresses.isEmpty { lines.append("    no address to connect to") }
        }
        return lines
    }

    /// "MX RRset: secure, 2 hosts", "MX RRset: none (implicit MX, the domain itself), secure", …
    static func mxLine(_ report: DomainReport) -> String {
        let mx = report.mx
        let hosts = "\(report.hosts.count) host\(report.hosts.count == 1 ? "" : "s")"
        switch report.kind {
        case .mx: return "MX RRset: \(mx.status.rawValue), \(hosts)"
        case .implicit: return "MX RRset: none (implicit MX: the domain is its own host), \(mx.status.rawValue)"
        case .nullMX: return "MX RRset: null MX, \(mx.status.rawValue)"
        case .nxDomain: return "MX RRset: the domain does not exist (NXDOMAIN), \(mx.status.rawValue)"
        case .failed: return "MX RRset: lookup failed: \(mx.failureText)"
        }
    }

    /// The end-of-run summary: count per verdict, the slowest domains.
    public static func summary(_ checks: [AssessmentSummary], problems: Int) -> [String] {
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let count = checks.filter { $0.verdict == verdict }.count
            return count == 0 ? nil : "\(count) \(verdict.rawValue)"
        }
        var lines = ["\(checks.count) domain\(checks.count == 1 ? "" : "s")\(counts.isEmpty ? "" : ": ")\(counts.joined(separator: ", "))"
                     + (problems > 0 ? "; \(problems) input error\(problems == 1 ? "" : "s")" : "")]
        let slowest = checks.sorted { $0.seconds > $1.seconds }.prefix(3)
        if checks.count > 1 {
            lines.append("slowest: " + slowest.map { "\($0.domain.text) \(TimeFormat.milliseconds($0.seconds * 1000))" }
                .joined(separator: ", "))
        }
        return lines
    }
}
