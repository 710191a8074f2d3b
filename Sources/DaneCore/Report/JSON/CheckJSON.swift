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

    public init(_ checks: [DomainCheck], policy: CheckPolicy, problems: [String], outboundPort: String? = nil) {
        schemaVersion = JSONOutput.schemaVersion
        command = "check"
        self.policy = PolicyJSON(policy)
        domains = checks.map { CheckDomainJSON($0, line: false) }
        summary = Summary(total: checks.count,
                          verdicts: VerdictCountsJSON(checks.map(\.verdict.verdict)),
                          inputErrors: problems,
                          slowest: checks.sorted { $0.seconds > $1.seconds }.prefix(3).map {
                              Slow(domain: $0.report.domain.text, elapsedMs: ProbeAddressJSON.rounded($0.seconds * 1000))
                          },
                          warnings: [outboundPort.map { WarningJSON(kind: "outbound-port-blocked", message: $0) }].compactMap { $0 })
    }
}
