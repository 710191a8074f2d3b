/// The Nagios/Icinga plugin status (Monitoring Plugins Development Guidelines: 0 OK, 1 WARNING,
/// 2 CRITICAL, 3 UNKNOWN). Which one a domain has is `Assessment.state`.
public enum PluginStatus: Int32, Sendable, Comparable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    public var word: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }
}
