import Foundation

/// One domain as the batch reports (`check --html`, `--junit`, `summary --html`) show it: what
/// its assessment decided, kept small, so that a survey of 100,000 domains keeps rows, not
/// assessments. Made from an assessment (`check`) or from a `check --jsonl` line (`summary`);
/// the exit class under the gates comes from the policy's one formula either way.
public struct ReportRow: Sendable {
    /// Its place in the input (in the files, for `summary`).
    public let index: Int
    public let summary: AssessmentSummary
    /// How the run ends for it under the policy's gates (--require-dane, --strict).
    public let gatedClass: ExitClass
    public let via: String?
    public let reason: String
    public let findings: [Finding]
    /// The earliest notAfter among the server certificates the probes saw.
    public let certificateExpiry: Date?
    /// The earliest RRSIG expiration among the domain's lookups.
    public let signatureExpiry: Date?

    public init(index: Int, summary: AssessmentSummary, gatedClass: ExitClass, via: String?, reason: String, findings: [Finding],
                certificateExpiry: Date?, signatureExpiry: Date?) {
        self.index = index
        self.summary = summary
        self.gatedClass = gatedClass
        self.via = via
        self.reason = reason
        self.findings = findings
        self.certificateExpiry = certificateExpiry
        self.signatureExpiry = signatureExpiry
    }

    public init(_ assessment: Assessment, index: Int) {
        self.init(index: index, summary: AssessmentSummary(assessment), gatedClass: assessment.gatedClass, via: assessment.via?.text,
                  reason: assessment.reason.description, findings: assessment.findings,
                  certificateExpiry: assessment.certificateExpiry, signatureExpiry: assessment.signatureExpiry)
    }

    public var domain: DNSName { summary.domain }
    public var verdict: Verdict { summary.verdict }
    /// Whether the exit code counts it as failed (its class under the gates is not ok).
    public var fails: Bool { gatedClass != .ok }
}
