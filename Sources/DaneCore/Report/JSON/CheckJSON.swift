/// `danecheck check --json` (schema `check`): the policy, every domain (as `CheckDomainJSON`),
/// the summary.
public struct CheckJSON: Codable, Sendable, Equatable {
    public struct Slow: Codable, Sendable, Equatable {
        public let domain: String
        public let elapsedMs: Double
        enum CodingKeys: String, CodingKey { case domain, elapsedMs = "elapsed_ms" }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public let total: Int
        public let verdicts: VerdictCountsJSON
        public let inputErrors: [String]
        public let slowest: [Slow]
        /// Warnings about the run rather than a domain (outbound port 25 blocked here).
        public let warnings: [WarningJSON]
        enum CodingKeys: String, CodingKey { case total, verdicts, inputErrors = "input_errors", slowest, warnings }
    }

    public let schemaVersion: Int
    public let command: String
    public let policy: PolicyJSON
    public let domains: [CheckDomainJSON]
    public let summary: Summary

    enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", command, policy, domains, summary }

    public init(_ assessments: [Assessment], policy: CheckPolicy, problems: [String], runFindings: [Finding] = []) {
        schemaVersion = JSONOutput.schemaVersion
        command = "check"
        self.policy = PolicyJSON(policy)
        domains = assessments.map { CheckDomainJSON($0, line: false) }
        summary = Summary(total: assessments.count,
                          verdicts: VerdictCountsJSON(assessments.map(\.verdict)),
                          inputErrors: problems,
                          slowest: assessments.sorted { $0.seconds > $1.seconds }.prefix(3).map {
                              Slow(domain: $0.domain.text, elapsedMs: ProbeAddressJSON.rounded($0.seconds * 1000))
                          },
                          warnings: runFindings.map(WarningJSON.init))
    }
}
