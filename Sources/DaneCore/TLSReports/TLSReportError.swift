/// Why a report's JSON is not an RFC 8460 report: where (a JSON path such as
/// `policies[0].summary.total-failure-session-count`) and what.
public struct TLSReportError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let problem: String

    public init(_ path: String, _ problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
