import Foundation

/// Number formats shared by reports and errors.
public enum TimeFormat {
    /// "5s", "0.5s", "1.25s".
    public static func seconds(_ value: Double) -> String {
        if value == value.rounded() { return "\(Int(value))s" }
        return String(format: "%gs", value)
    }

    /// "12.34ms".
    public static func milliseconds(_ value: Double) -> String {
        String(format: "%.2fms", value)
    }

    /// A UTC timestamp, e.g. "2026-10-01T00:00:00Z".
    public static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
