/// What reading one input gives: a report, with where it came from and its JSON as read, or one
/// problem naming the file (and the message and part) and what is wrong.
public enum TLSReportItem: Sendable {
    case report(TLSReport, json: [UInt8], origin: String)
    case problem(TLSReportProblem)
}

/// One input that holds no readable report: the file, message and part, and why.
public struct TLSReportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let origin: String
    public let message: String

    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(origin): \(message)" }
}
