import Foundation

/// What a set of reports says, added up: per policy domain and policy type the sessions that
/// succeeded and failed, and every failure by result type, receiving MX and address, sending MTA
/// and reporting organization, each with the dates it was reported for. Reports delivered twice
/// (same organization and report-id) count once; reports outside the period are left out.
public struct TLSReportSummary: Sendable {
    public struct PolicyLine: Sendable, Hashable {
        public let domain: String
        public let type: TLSPolicyType
        public var successful: Int
        public var failed: Int
        public var reports: Int
        public var organizations: Set<String>
        public var start: Date
        public var end: Date
    }

    public struct FailureLine: Sendable, Hashable {
        public let domain: String
        public let type: TLSPolicyType
        public let resultType: TLSResultType
        public let receivingMX: String?
        public let receivingIP: String?
        public let sendingIP: String?
        public let organization: String
        public var sessions: Int
        public var start: Date
        public var end: Date
        public var additionalInformation: String?
        public var failureReasonCode: String?
    }

    public private(set) var policies: [PolicyLine] = []
    public private(set) var failures: [FailureLine] = []
    public private(set) var reports = 0
    public private(set) var duplicates = 0
    public private(set) var outsidePeriod = 0
    public private(set) var problems: [TLSReportProblem] = []

    private var seen = Set<TLSReport.Key>()
    private var policyIndex: [PolicyKey: Int] = [:]
    private var failureIndex: [FailureKey: Int] = [:]
    private let period: TLSReportPeriod

    struct PolicyKey: Hashable { let domain: String; let type: TLSPolicyType }
    struct FailureKey: Hashable {
        let domain: String, type: TLSPolicyType, result: TLSResultType
        let mx: String?, ip: String?, sender: String?, organization: String
    }

    public init(period: TLSReportPeriod = TLSReportPeriod()) {
        self.period = period
    }

    /// A domain as the summary keys it: lower case, no final dot.
    public static func normalized(_ name: String) -> String {
        var text = name.lowercased()
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Adds one item: a report (counted once, if in the period) or a problem.
    public mutating func add(_ item: TLSReportItem) {
        switch item {
        case .problem(let problem): problems.append(problem)
        case .report(let report, _, _): add(report)
        }
    }

    public mutating func add(_ report: TLSReport) {
        guard period.contains(report) else { outsidePeriod += 1; return }
        guard seen.insert(report.key).inserted else { duplicates += 1; return }
        reports += 1
        for policy in report.policies {
            let domain = Self.normalized(policy.policyDomain)
            let key = PolicyKey(domain: domain, type: policy.policyType)
            if let index = policyIndex[key] {
                policies[index].successful += policy.successfulSessions
                policies[index].failed += policy.failedSessions
                policies[index].reports += 1
                policies[index].organizations.insert(report.organizationName)
                policies[index].start = min(policies[index].start, report.start)
                policies[index].end = max(policies[index].end, report.end)
            } else {
                policyIndex[key] = policies.count
                policies.append(PolicyLine(domain: domain, type: policy.policyType, successful: policy.successfulSessions,
                                           failed: policy.failedSessions, reports: 1, organizations: [report.organizationName],
                                           start: report.start, end: report.end))
            }
            for failure in policy.failures { add(failure, domain: domain, type: policy.policyType, report: report) }
        }
    }

    private mutating func add(_ failure: TLSFailureDetail, domain: String, type: TLSPolicyType, report: TLSReport) {
        let mx = failure.receivingMXHostname.map(Self.normalized)
        let key = FailureKey(domain: domain, type: type, result: failure.resultType, mx: mx, ip: failure.receivingIP,
                             sender: failure.sendingMTAIP, organization: report.organizationName)
        if let index = failureIndex[key] {
            failures[index].sessions += failure.failedSessionCount
            failures[index].start = min(failures[index].start, report.start)
            failures[index].end = max(failures[index].end, report.end)
            if failures[index].additionalInformation == nil { failures[index].additionalInformation = failure.additionalInformation }
            if failures[index].failureReasonCode == nil { failures[index].failureReasonCode = failure.failureReasonCode }
        } else {
            failureIndex[key] = failures.count
            failures.append(FailureLine(domain: domain, type: type, resultType: failure.resultType, receivingMX: mx,
                                        receivingIP: failure.receivingIP, sendingIP: failure.sendingMTAIP,
                                        organization: report.organizationName, sessions: failure.failedSessionCount,
                                        start: report.start, end: report.end, additionalInformation: failure.additionalInformation,
                                        failureReasonCode: failure.failureReasonCode))
        }
    }

    /// The policy lines by domain and type.
    public var sortedPolicies: [PolicyLine] {
        policies.sorted { ($0.domain, $0.type) < ($1.domain, $1.type) }
    }

    /// The failures of one policy line, most sessions first.
    public func failures(of policy: PolicyLine) -> [FailureLine] {
        failures.filter { $0.domain == policy.domain && $0.type == policy.type }.sorted { lhs, rhs in
            if lhs.sessions != rhs.sessions { return lhs.sessions > rhs.sessions }
            return (lhs.resultType, lhs.receivingMX ?? "", lhs.receivingIP ?? "", lhs.organization)
                < (rhs.resultType, rhs.receivingMX ?? "", rhs.receivingIP ?? "", rhs.organization)
        }
    }

    /// Every failure in the order the text prints them (policy by policy).
    public var sortedFailures: [FailureLine] { sortedPolicies.flatMap(failures(of:)) }

    /// The policy domains with failures (for `--check`), sorted.
    public var failingDomains: [String] { Array(Set(failures.map(\.domain))).sorted() }
}
