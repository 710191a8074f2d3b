import Foundation

/// What `danecheck summary` reads of one `check --jsonl` line (schema `check_domain`): the
/// domain, its verdict, how the run ends for it, its time and its warnings. The rest is left.
struct CheckLineRecord: Decodable {
    struct Warning: Decodable {
        let kind: String
        let host: String?
        let message: String
        /// Lines of danecheck before findings had severities have none: the kind's is taken.
        let severity: String?
    }

    let domain: String
    let verdict: String
    let exitClass: String
    let elapsedMs: Double
    let warnings: [Warning]

    enum CodingKeys: String, CodingKey {
        case domain, verdict, exitClass = "exit_class", elapsedMs = "elapsed_ms", warnings
    }

    /// The line's summary and its host findings (those `check` prints once after a batch), or
    /// why it is not a `check --jsonl` line.
    static func parse(_ line: String) -> Result<(AssessmentSummary, [Finding]), ParseFailure> {
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
        let hostFindings = record.warnings.compactMap { warning -> Finding? in
            guard let host = warning.host.flatMap({ try? DNSName(validating: $0) }), let kind = FindingKind(rawValue: warning.kind) else { return nil }
            return Finding(kind, .host(host), warning.message)
        }
        let summary = AssessmentSummary(domain: domain, verdict: verdict, seconds: max(0, record.elapsedMs) / 1000,
                                        exitClass: exitClass, worstSeverity: severities.max())
        return .success((summary, hostFindings))
    }

    struct ParseFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
