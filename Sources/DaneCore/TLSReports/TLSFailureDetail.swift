/// One line of a policy's "failure-details" (RFC 8460 §4.4): what failed, between which MTAs,
/// how many sessions.
public struct TLSFailureDetail: Sendable, Hashable {
    public let resultType: TLSResultType
    public let sendingMTAIP: String?
    public let receivingMXHostname: String?
    public let receivingMXHelo: String?
    public let receivingIP: String?
    public let failedSessionCount: Int
    public let additionalInformation: String?
    public let failureReasonCode: String?

    public init(resultType: TLSResultType, sendingMTAIP: String? = nil, receivingMXHostname: String? = nil, receivingMXHelo: String? = nil,
                receivingIP: String? = nil, failedSessionCount: Int, additionalInformation: String? = nil, failureReasonCode: String? = nil) {
        self.resultType = resultType
        self.sendingMTAIP = sendingMTAIP
        self.receivingMXHostname = receivingMXHostname
        self.receivingMXHelo = receivingMXHelo
        self.receivingIP = receivingIP
        self.failedSessionCount = failedSessionCount
        self.additionalInformation = additionalInformation
        self.failureReasonCode = failureReasonCode
    }
}
