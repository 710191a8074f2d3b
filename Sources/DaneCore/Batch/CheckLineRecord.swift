import Foundation

/// What `danecheck summary` reads of one `check --jsonl` line (schema `check_domain`): the
/// domain, its verdict, how the run ends for it, its time and its warnings; for the reports
/// (--html) the reason and the expiries too. The details are left.
struct CheckLineRecord: Decodable {
    struct Warning: Decodable {
        let kind: String
        let host: String?
        let address: String?
        let message: String
        /// Lines of danecheck before findings had severities have none: the kind's is taken.
        let severity: String?
    }

    let domain: String
    let verdict: String
    let via: String?
    let reason: String?
    let exitClass: String
    let elapsedMs: Double
    let certificateExpiry: String?
    let rrsigExpiry: String?
    let warnings: [Warning]

    enum CodingKeys: String, CodingKey {
        case domain, verdict, via, reason, exitClass = "exit_class", elapsedMs = "elapsed_ms"
        case certificateExpiry = "certificate_expiry", rrsigExpiry = "rrsig_expiry", warnings
    }

    /// What a line says: its summary, its host findings (those `check` prints once after a
    /// batch), and what a report row needs besides.
    struct Parsed {
        let summary: AssessmentSummary
        let hostFindings: [Finding]
        /// Every finding of a kind this version knows, about the subject the line names.
        let findings: [Finding]
        let via: String?
        let reason: String
        let certificateExpiry: Date?
        let signatureExpiry: Date?

        func row(index: Int, policy: AssessmentPolicy) -> ReportRow {
            ReportRow(index: index, summary: summary, gatedClass: summary.gatedClass(policy), via: via, reason: reason,
                      findings: findings, certificateExpiry: certificateExpiry, signatureExpiry: signatureExpiry)
        }
    }

    /// The line's summary and findings, or why it is not a `check --jsonl` line.
    static func parse(_ line: String) -> Result<Parsed, ParseFailure> {
        guard let record = try? JSONDecoder().decode(CheckLineRecord.self, from: Data(line.utf8)) else {
            return .failure(ParseFailure("not a check --jsonl line (domain, verdict, exit_class, elapsed_ms, warnings)"))
        }
        guard let domain = try? DNSName(validating: record.domain) else { return .failure(ParseFailure("invalid domain name")) }
        guard let verdict = Verdict(rawValue: record.verdict) else { return .failure(ParseFailure("unknown verdict '\(BoundedText.prefix(record.verdict))'")) }
        guard let exitClass = ExitClass(keyword: record.exitClass) else {
            return .failure(ParseFailure("unknown exit_class '\(BoundedText.prefix(record.exitClass))'"))
        }
        // A kind or severity this version does not know weighs as a notice: it is shown, and it
        // changes no exit code.
        let severities = record.warnings.map { warning in
            warning.severity.flatMap(Severity.init(rawValue:)) ?? FindingKind(rawValue: warning.kind)?.severity ?? .notice
        }
        let findings = record.warnings.compactMap { warning -> Finding? in
            guard let kind = FindingKind(rawValue: warning.kind) else { return nil }
            guard let host = warning.host.flatMap({ try? DNSName(validating: $0) }) else { return Finding(kind, .domain, warning.message) }
            if let address = warning.address.flatMap { IPAddress($0) } { return Finding(kind, .address(host: host, address), warning.message) }
            return Finding(kind, .host(host), warning.message)
        }
        let summary = AssessmentSummary(domain: domain, verdict: verdict, seconds: max(0, record.elapsedMs) / 1000,
                                        exitClass: exitClass, worstSeverity: severities.max())
        return .success(Parsed(summary: summary, hostFindings: findings.filter { $0.subject.host != nil }, findings: findings,
                               via: record.via, reason: record.reason ?? "", certificateExpiry: record.certificateExpiry.flatMap(Self.date),
                               signatureExpiry: record.rrsigExpiry.flatMap(Self.date)))
    }

    private static func date(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }

    struct ParseFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
