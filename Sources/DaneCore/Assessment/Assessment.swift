import Foundation

/// Everything danecheck concludes about one domain, decided once by `Assessor` from the evidence
/// (`check`: the DNS walk and the probes) and the policy: the verdict with its typed reason, how a
/// run ends for it, whether it succeeds under the policy, the findings, the expiries, and the
/// monitoring state. Every face (check text, JSON/JSONL, `domain --probe`, the console, Nagios,
/// the exporter, `summary`) renders an assessment and decides nothing.
public struct Assessment: Sendable {
    /// The evidence it was judged from.
    public let check: DomainCheck
    public let policy: AssessmentPolicy
    /// When it was judged (expiries count from here).
    public let now: Date
    public let findings: [Finding]
    /// The earliest notAfter among the server certificates the probes saw (every MX host).
    public let certificateExpiry: Date?
    /// The earliest RRSIG expiration among the domain's lookups: MX, addresses, TLSA.
    public let signatureExpiry: Date?

    init(check: DomainCheck, policy: AssessmentPolicy, now: Date, findings: [Finding], certificateExpiry: Date?, signatureExpiry: Date?) {
        self.check = check
        self.policy = policy
        self.now = now
        self.findings = findings
        self.certificateExpiry = certificateExpiry
        self.signatureExpiry = signatureExpiry
    }

    public var domain: DNSName { check.report.domain }
    public var verdict: Verdict { check.verdict.verdict }
    public var via: DNSName? { check.verdict.via }
    public var reason: VerdictReason { check.verdict.cause }
    public var seconds: Double { check.seconds }

    /// How a run that checked it ends for it, by the verdict alone.
    public var exitClass: ExitClass { check.outcome.exitClass }

    /// Mail delivered and, when the policy requires DANE, authenticated (Prometheus's
    /// `probe_success`).
    public var succeeds: Bool { policy.succeeds(verdict, exitClass) }

    /// The worst severity among the findings (nil: none).
    public var worstSeverity: Severity? { findings.map(\.severity).max() }

    /// How the run ends for it under the policy's gates (--require-dane, --strict).
    public var gatedClass: ExitClass { policy.gatedClass(verdict, exitClass, worst: worstSeverity) }

    /// Why a domain has its monitoring state.
    public enum StateReason: Sendable, Hashable {
        /// The verdict itself (mail would not leave, or nothing can be said).
        case verdict
        /// DANE is required and the mail leaves without it.
        case notAuthenticated(Verdict)
        case finding(Finding)
    }

    /// The monitoring state (Nagios/Icinga) and its reasons: UNKNOWN when nothing can be said (a
    /// lookup got no answer, the resolver does not validate); CRITICAL when mail would not leave,
    /// DANE is required and missing, or a finding is critical; WARNING for warning findings; OK
    /// otherwise. The reasons of the worst state, in order.
    public var state: (status: PluginStatus, reasons: [StateReason]) {
        var found: [(PluginStatus, StateReason)] = []
        switch exitClass {
        case .indeterminate: found.append((.unknown, .verdict))
        case .deferred, .noMail: found.append((.critical, .verdict))
        case .ok: break
        }
        if policy.requireDANE, verdict.delivers, verdict != .authenticated { found.append((.critical, .notAuthenticated(verdict))) }
        for finding in findings where finding.severity >= .warning {
            found.append((finding.severity == .critical ? .critical : .warning, .finding(finding)))
        }
        guard let worst = found.map(\.0).max() else { return (.ok, []) }
        return (worst, found.filter { $0.0 == worst }.map(\.1))
    }

    /// The findings about MX hosts (a batch prints each once, with the domains it affects).
    public var hostFindings: [Finding] { findings.filter { $0.subject.host != nil } }

    /// Days from the assessment's time to a date (negative once past).
    public func days(until date: Date?) -> Double? {
        date.map { $0.timeIntervalSince(now) / 86_400 }
    }
}
