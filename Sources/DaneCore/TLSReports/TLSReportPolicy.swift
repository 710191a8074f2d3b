/// One policy of a report (RFC 8460 §4.4 "policies"): the policy the sender applied, how many
/// sessions succeeded and failed under it, and the failures.
public struct TLSReportPolicy: Sendable, Hashable {
    public let policyType: TLSPolicyType
    /// "policy-string": the TLSA records or the MTA-STS policy's lines, as the sender saw them.
    public let policyStrings: [String]
    public let policyDomain: String
    /// "mx-host": the MX patterns of an MTA-STS policy (a string or a list in the wild).
    public let mxHosts: [String]
    public let successfulSessions: Int
    public let failedSessions: Int
    public let failures: [TLSFailureDetail]

    public init(policyType: TLSPolicyType, policyStrings: [String] = [], policyDomain: String, mxHosts: [String] = [],
                successfulSessions: Int, failedSessions: Int, failures: [TLSFailureDetail] = []) {
        self.policyType = policyType
        self.policyStrings = policyStrings
        self.policyDomain = policyDomain
        self.mxHosts = mxHosts
        self.successfulSessions = successfulSessions
        self.failedSessions = failedSessions
        self.failures = failures
    }
}
