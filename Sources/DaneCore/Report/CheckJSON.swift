/// The JSON of `danecheck check`: one `Domain` per domain (`--jsonl` prints each on its own line
/// as it finishes; `--json` one document with all of them and a summary).
public struct CheckJSON: Codable, Sendable, Equatable {
    public struct Domain: Codable, Sendable, Equatable {
        public let domain: String
        public let verdict: String
        public let via: String?
        public let reason: String
        public let indeterminate: Bool
        public let seconds: Double
        public let policy: String
        /// Rollover-health warnings, "host: message".
        public let warnings: [String]
        /// MTA-STS testing mode: what enforcing would change ("host: note").
        public let mtaSTSNotes: [String]
        public let details: DomainJSON

        public init(_ check: DomainCheck, policy: CheckPolicy) {
            domain = check.report.domain.text
            verdict = check.verdict.verdict.rawValue
            via = check.verdict.via?.text
            reason = check.verdict.reason
            indeterminate = check.isIndeterminate
            seconds = (check.seconds * 1000).rounded() / 1000
            self.policy = policy.description
            warnings = check.warnings.map { "\($0.host.text): \($0.warning.message)" }
            mtaSTSNotes = check.mtaSTSNotes
            details = DomainJSON(check.report, check: check)
        }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public let total: Int
        public let verdicts: [String: Int]
        public let inputErrors: [String]
        public let slowest: [String]
    }

    public let policy: String
    public let domains: [Domain]
    public let summary: Summary

    public init(_ checks: [DomainCheck], policy: CheckPolicy, problems: [String]) {
        self.policy = policy.description
        domains = checks.map { Domain($0, policy: policy) }
        summary = Summary(total: checks.count,
                          verdicts: Dictionary(grouping: checks, by: { $0.verdict.verdict.rawValue }).mapValues(\.count),
                          inputErrors: problems,
                          slowest: checks.sorted { $0.seconds > $1.seconds }.prefix(3).map {
                              "\($0.report.domain.text) \(TimeFormat.milliseconds($0.seconds * 1000))"
                          })
    }
}
