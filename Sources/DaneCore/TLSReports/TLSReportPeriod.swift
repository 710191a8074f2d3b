import Foundation

/// The window `--since`/`--until` keep: a report is kept when its date range overlaps
/// [since, until). A bound is a day (`2026-12-05`, midnight UTC) or an RFC 3339 date-time.
public struct TLSReportPeriod: Sendable, Hashable {
    public let since: Date?
    public let until: Date?

    public init(since: Date? = nil, until: Date? = nil) {
        self.since = since
        self.until = until
    }

    public func contains(_ report: TLSReport) -> Bool {
        if let since, report.end <= since, report.start < since { return false }
        if let until, report.start >= until { return false }
        return true
    }

    /// "2026-12-05" or "2026-12-05T06:00:00Z"; nil when it is neither.
    public static func bound(_ text: String) -> Date? {
        if text.utf8.count == 10 { return RFC3339.date(text + "T00:00:00Z") }
        return RFC3339.date(text)
    }
}
