import Foundation

/// `tlsrpt read` as text: per policy domain and type one line of sessions, then each failure
/// (sessions, result type, receiving MX and address, sending MTA, reporting organization, dates)
/// with, under `--check`, today's answer below it; a closing line of counts. Every string from a
/// report is escaped and cut (`BoundedText.quoted`/`TerminalText.escape`).
public enum TLSReportTextRenderer {
    public static func lines(_ summary: TLSReportSummary, today: [TLSReportSummary.FailureLine: TLSReportToday]?) -> [StyledLine] {
        var lines: [StyledLine] = []
        for policy in summary.sortedPolicies {
            let reports = policy.reports == 1 ? "1 report" : "\(policy.reports) reports"
            let organizations = policy.organizations.count == 1 ? "1 organization" : "\(policy.organizations.count) organizations"
            lines.append("\(text(policy.domain)) \(policy.type.rawValue): \(policy.successful) successful, \(policy.failed) failed sessions "
                         + "(\(reports) from \(organizations), \(range(policy.start, policy.end)))")
            for failure in summary.failures(of: policy) {
                var where_ = failure.receivingMX.map(text) ?? "no MX named"
                if let ip = failure.receivingIP { where_ += " [\(text(ip))]" }
                let from = failure.sendingIP.map { " from \(text($0))" } ?? ""
                lines.append("  \(failure.sessions) \(text(failure.resultType.name)) "
                             + "at \(where_)\(from), reported by \(BoundedText.quoted(failure.organization, limit: 60)) (\(range(failure.start, failure.end)))")
                if let info = failure.additionalInformation { lines.append("    additional information: \(BoundedText.quoted(info, limit: 120))") }
                if let code = failure.failureReasonCode { lines.append("    failure reason code: \(BoundedText.quoted(code, limit: 120))") }
                if let answer = today?[failure] { lines.append(todayLine(answer)) }
            }
        }
        return lines
    }

    /// "    still failing: …", "    different: now …" (marked as warnings), "    gone: …".
    static func todayLine(_ answer: TLSReportToday) -> StyledLine {
        switch answer {
        case .stillFailing, .different: "    \(warning: answer.description)"
        case .gone, .noLongerMX, .unknown: StyledLine("    \(answer.description)")
        }
    }

    /// The closing line: "12 reports read (1 duplicate counted once); 2 inputs with problems".
    public static func closing(_ summary: TLSReportSummary) -> String {
        var text = summary.reports == 1 ? "1 report read" : "\(summary.reports) reports read"
        var notes: [String] = []
        if summary.duplicates > 0 { notes.append(summary.duplicates == 1 ? "1 duplicate counted once" : "\(summary.duplicates) duplicates counted once") }
        if summary.outsidePeriod > 0 { notes.append("\(summary.outsidePeriod) outside the period left out") }
        if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
        if !summary.problems.isEmpty { text += summary.problems.count == 1 ? "; 1 input with a problem" : "; \(summary.problems.count) inputs with problems" }
        return text
    }

    static func text(_ value: String) -> String { TerminalText.escape(BoundedText.prefix(value, limit: 120)) }

    /// "2026-12-05 to 2026-12-06" (the end is the last day covered: an end at midnight is the day before's).
    static func range(_ start: Date, _ end: Date) -> String {
        let first = day(start)
        let last = day(end > start ? end.addingTimeInterval(-1) : end)
        return first == last ? first : "\(first) to \(last)"
    }

    static func day(_ date: Date) -> String { String(TimeFormat.timestamp(date).prefix(10)) }
}
