/// One failure of `tlsrpt read` (schema `tlsrpt_failure`): under its policy in the document,
/// one line of `--jsonl` (with `schema_version`). `today` only with `--check`.
public struct TLSReportFailureJSON: Codable, Sendable, Equatable {
    public struct Today: Codable, Sendable, Equatable {
        /// still-failing, different, gone, no-longer-mx, unknown.
        public let status: String
        /// The result type a sender would report today (still-failing, different).
        public let resultType: String?
        public let cause: String
        enum CodingKeys: String, CodingKey { case status, resultType = "result_type", cause }
    }

    public let schemaVersion: Int?
    public let policyDomain: String
    public let policyType: String
    public let resultType: String
    public let receivingMX: String?
    public let receivingIP: String?
    public let sendingMTAIP: String?
    public let organization: String
    public let failedSessions: Int
    public let start: String
    public let end: String
    public let additionalInformation: String?
    public let failureReasonCode: String?
    public let today: Today?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", policyDomain = "policy_domain", policyType = "policy_type", resultType = "result_type"
        case receivingMX = "receiving_mx", receivingIP = "receiving_ip", sendingMTAIP = "sending_mta_ip", organization
        case failedSessions = "failed_sessions", start, end, additionalInformation = "additional_information"
        case failureReasonCode = "failure_reason_code", today
    }

    public init(_ line: TLSReportSummary.FailureLine, today: TLSReportToday?, line asLine: Bool) {
        schemaVersion = asLine ? JSONOutput.schemaVersion : nil
        policyDomain = line.domain
        policyType = line.type.rawValue
        resultType = line.resultType.name
        receivingMX = line.receivingMX
        receivingIP = line.receivingIP
        sendingMTAIP = line.sendingIP
        organization = line.organization
        failedSessions = line.sessions
        start = TimeFormat.timestamp(line.start)
        end = TimeFormat.timestamp(line.end)
        additionalInformation = line.additionalInformation
        failureReasonCode = line.failureReasonCode
        self.today = today.map { Today(status: $0.word, resultType: $0.cause?.resultType?.name, cause: $0.description) }
    }
}
