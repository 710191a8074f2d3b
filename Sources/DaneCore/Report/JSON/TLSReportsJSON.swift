/// `danecheck tlsrpt read --json` (schema `tlsrpt_read`): per policy domain and type the
/// sessions and failures, what was read, and the inputs that held no readable report.
public struct TLSReportsJSON: Codable, Sendable, Equatable {
    public struct Policy: Codable, Sendable, Equatable {
        public let policyDomain: String
        public let policyType: String
        public let successfulSessions: Int
        public let failedSessions: Int
        public let reports: Int
        public let organizations: [String]
        public let start: String
        public let end: String
        public let failures: [TLSReportFailureJSON]
        enum CodingKeys: String, CodingKey {
            case policyDomain = "policy_domain", policyType = "policy_type", successfulSessions = "successful_sessions"
            case failedSessions = "failed_sessions", reports, organizations, start, end, failures
        }
    }

    public let schemaVersion: Int
    public let command: String
    public let reports: Int
    public let duplicates: Int
    public let outsidePeriod: Int
    public let policies: [Policy]
    public let problems: [String]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", command, reports, duplicates, outsidePeriod = "outside_period", policies, problems
    }

    /// `today`: each failure's answer from `--check`, in `summary.sortedFailures` order.
    public init(_ summary: TLSReportSummary, today: [TLSReportSummary.FailureLine: TLSReportToday]) {
        schemaVersion = JSONOutput.schemaVersion
        command = "tlsrpt read"
        reports = summary.reports
        duplicates = summary.duplicates
        outsidePeriod = summary.outsidePeriod
        policies = summary.sortedPolicies.map { policy in
            Policy(policyDomain: policy.domain, policyType: policy.type.rawValue, successfulSessions: policy.successful,
                   failedSessions: policy.failed, reports: policy.reports, organizations: policy.organizations.sorted(),
                   start: TimeFormat.timestamp(policy.start), end: TimeFormat.timestamp(policy.end),
                   failures: summary.failures(of: policy).map { TLSReportFailureJSON($0, today: today[$0], line: false) })
        }
        problems = summary.problems.map(\.description)
    }
}
