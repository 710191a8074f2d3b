import Foundation

/// An SMTP TLS aggregate report (RFC 8460 §4): who sent it, the period it covers, and per policy
/// the sessions that succeeded and failed. `TLSReportParser` makes one from the report's JSON.
public struct TLSReport: Sendable, Hashable {
    public let organizationName: String
    public let start: Date
    public let end: Date
    public let contactInfo: String
    public let reportID: String
    public let policies: [TLSReportPolicy]

    public init(organizationName: String, start: Date, end: Date, contactInfo: String, reportID: String, policies: [TLSReportPolicy]) {
        self.organizationName = organizationName
        self.start = start
        self.end = end
        self.contactInfo = contactInfo
        self.reportID = reportID
        self.policies = policies
    }

    /// What makes a report the same report when it is delivered twice (by mail and by HTTPS, or
    /// resent): its organization and report-id (RFC 8460 §4.4: "a unique identifier for the
    /// report").
    public var key: Key { Key(organization: organizationName, reportID: reportID) }

    public struct Key: Sendable, Hashable {
        public let organization: String
        public let reportID: String

        public init(organization: String, reportID: String) {
            self.organization = organization
            self.reportID = reportID
        }
    }
}
