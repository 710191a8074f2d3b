import Foundation

/// A batch as the report faces (HTML, JUnit) see it, gathered as the run goes: one small row per
/// domain, the input's problems, the run's own findings and how it ended. It keeps what the
/// assessments decided and decides nothing itself.
public struct BatchReport: Sendable {
    /// What made it: "check", or "summary" of the files named.
    public let title: String
    /// Where the domains came from (the --file, or the JSONL files), for JUnit's classname.
    public let source: String?
    public let policy: AssessmentPolicy
    /// When the run (or, for summary, the merge) started: expiries count from here.
    public let started: Date
    public private(set) var rows: [ReportRow] = []
    public var problems: [BatchInput.Problem] = []
    public var runFindings: [Finding] = []
    public var outcome: RunOutcome = .ended(.ok)
    private var sorted = true

    public init(title: String, source: String?, policy: AssessmentPolicy, started: Date) {
        self.title = title
        self.source = source
        self.policy = policy
        self.started = started
    }

    public mutating func add(_ row: ReportRow) {
        if let last = rows.last, last.index > row.index { sorted = false }
        rows.append(row)
    }

    /// The rows in input order.
    public var ordered: [ReportRow] { sorted ? rows : rows.sorted { $0.index < $1.index } }

    /// The host findings, each once with the domains it affects (input order).
    public var hostTally: HostWarningTally {
        var tally = HostWarningTally()
        for row in ordered { tally.add(row.findings, domain: row.domain) }
        return tally
    }

    /// Seconds the domains took, added up (JUnit's suite time when the wall time is not known).
    public var totalSeconds: Double { rows.reduce(0) { $0 + $1.summary.seconds } }
}
