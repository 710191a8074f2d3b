/// How much a finding weighs. One scale for every face: Nagios's state, `check --strict`,
/// the exporter's warning counts.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Said, and changes nothing (a missing TLSRPT record, a note on the resolvers).
    case notice
    /// A risk to act on before it defers mail: Nagios WARNING, `check --strict` fails.
    case warning
    /// Something already wrong (expired, bogus): Nagios CRITICAL, `check --strict` fails.
    case critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Severity {
    /// The word a text line is marked with: "note", "warning", "critical".
    public var word: String {
        switch self {
        case .notice: "note"
        case .warning: "warning"
        case .critical: "critical"
        }
    }
}
