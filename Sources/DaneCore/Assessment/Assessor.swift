import Foundation

/// The one place a domain is judged: the evidence of a check (or, for `domain --probe`, of a
/// walk already made) and the policy in, an `Assessment` out. The judgement itself (`judge`) is
/// pure: evidence, policy and time.
public struct Assessor: Sendable {
    public let checker: DomainChecker
    public let policy: AssessmentPolicy
    /// The clock an assessment is judged at.
    public let now: @Sendable () -> Date

    public init(checker: DomainChecker, policy: AssessmentPolicy = AssessmentPolicy(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.checker = checker
        self.policy = policy
        self.now = now
    }

    /// Walks, probes and judges one domain.
    public func assess(_ domain: DNSName) async -> Assessment {
        Self.judge(await checker.check(domain), policy: policy, now: now())
    }

    /// Probes and judges a domain already walked.
    public func assess(_ report: DomainReport, since start: ContinuousClock.Instant = .now, dnsSeconds: Double? = nil) async -> Assessment {
        Self.judge(await checker.check(report, since: start, dnsSeconds: dnsSeconds), policy: policy, now: now())
    }

    /// The assessment of a check under a policy, at a time.
    public static func judge(_ check: DomainCheck, policy: AssessmentPolicy, now: Date) -> Assessment {
        let certificateExpiry = check.hosts.flatMap(\.addresses).compactMap { $0.probe.tls?.chain.first?.notAfter }.min()
        let signatureExpiry = check.report.lookups.compactMap(\.signatureExpiry).min()
        let findings = reportFindings(check.report) + hostFindings(check) + bogusFindings(check)
            + expiryFindings(check, signatureExpiry: signatureExpiry, policy: policy, now: now)
        return Assessment(check: check, policy: policy, now: now, findings: findings, certificateExpiry: certificateExpiry,
                          signatureExpiry: signatureExpiry)
    }

    /// What the walk found of the resolvers and of what the domain publishes.
    static func reportFindings(_ report: DomainReport) -> [Finding] {
        var findings = report.resolvers.compactMap { resolver -> Finding? in
            guard let warning = resolver.warning, let kind = FindingKind(rawValue: resolver.warningKind) else { return nil }
            return Finding(kind, .resolver(resolver.server), warning)
        }
        // An untrusted NXDOMAIN and a null MX beside other records are the verdict's own reason.
        findings += report.signedButUnvalidatedWarnings.map { Finding(.resolverDidNotValidate, .domain, $0) }
        if let text = report.tlsRPTWarning { findings.append(Finding(.noTLSRPT, .domain, text)) }
        if let failure = report.mtaSTS?.failure { findings.append(Finding(.mtaSTSUnavailable, .domain, "mta-sts: no policy (\(failure))")) }
        return findings
    }

    /// Each MX host's rollover health and MTA-STS testing notes (a host named twice, once).
    static func hostFindings(_ check: DomainCheck) -> [Finding] {
        var findings = check.warnings.map { host, warning in
            Finding(FindingKind(warning.kind), .host(host), warning.message, brief: "rollover warning: \(warning.kind.rawValue)")
        }
        for (host, probe) in zip(check.report.hosts, check.hosts) {
            // About the domain's policy (applied to this host): said under the domain.
            if let note = probe.mtaSTSNote { findings.append(Finding(.mtaSTSTesting, .domain, "mta-sts testing: \(host.name.text): \(note)")) }
        }
        return findings
    }

    /// A bogus lookup is said by the verdict when mail defers for it; when mail still leaves
    /// through another host, it is a finding of its own.
    static func bogusFindings(_ check: DomainCheck) -> [Finding] {
        guard check.outcome.exitClass == .ok, let bogus = check.report.lookups.first(where: { $0.status == .bogus }) else { return [] }
        return [Finding(.bogusLookup, .domain, bogus.failureLine, brief: "a lookup is bogus")]
    }

    /// Server certificates that have expired, and the domain's earliest RRSIG within the policy's
    /// days or past.
    static func expiryFindings(_ check: DomainCheck, signatureExpiry: Date?, policy: AssessmentPolicy, now: Date) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<[UInt8]>()
        for (host, probe) in zip(check.report.hosts, check.hosts) {
            for address in probe.addresses {
                guard let leaf = address.probe.tls?.chain.first, let notAfter = leaf.notAfter, notAfter < now,
                      seen.insert(leaf.certificateDER).inserted else { continue }
                let days = Int((now.timeIntervalSince(notAfter) / 86_400).rounded(.up))
                findings.append(Finding(.certificateExpired, .address(host: host.name, address.probe.address),
                                        "the certificate of \(host.name.text) (\(leaf.subject)) expired \(TimeFormat.timestamp(notAfter).prefix(10))",
                                        brief: "certificate expired \(days) days ago"))
            }
        }
        if let expiry = signatureExpiry {
            let days = expiry.timeIntervalSince(now) / 86_400
            let date = TimeFormat.timestamp(expiry)
            if days < 0 {
                findings.append(Finding(.rrsigExpired, .domain, "an RRSIG of the domain's lookups expired \(date)",
                                        brief: "RRSIG expired \(Int((-days).rounded(.up))) days ago"))
            } else if days < policy.signatureDays {
                findings.append(Finding(.rrsigExpiring, .domain, "the earliest RRSIG of the domain's lookups expires \(date)",
                                        brief: "RRSIG expires in \(String(format: "%.1f", days)) days"))
            }
        }
        return findings
    }
}
