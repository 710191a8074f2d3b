import DaneCore
import Foundation

/// What the HTML template shows, computed from a `BatchReport`: counts, the domains to look at
/// first, the expiry timeline, hosts shared by many domains, the rows of the table. Strings and
/// numbers only: the template (swift-mustache) escapes every one of them.
struct HTMLReportModel {
    struct Segment {
        let word: String
        let count: Int
        let percent: String
        let color: String
    }

    struct KindRow {
        let kind: String
        let severity: String
        let color: String
        let domains: Int
        let meaning: String
    }

    struct AttentionRow {
        let domain: String
        let verdict: String
        let color: String
        let exitClass: String
        let reason: String
        let findings: [String]
    }

    struct HostRow {
        let host: String
        let severity: String
        let color: String
        let message: String
        let domains: Int
        let examples: String
    }

    struct Bar {
        let x: Int
        let certificateY: String
        let certificateHeight: String
        let signatureY: String
        let signatureHeight: String
        let title: String
    }

    struct Tick {
        let x: Int
        let label: String
    }

    struct Expiry {
        let domain: String
        let what: String
        let date: String
        let days: String
        let past: Bool
    }

    /// How many domains the "look at these first" list and the shared-host list show at most.
    static let attentionLimit = 200
    static let hostLimit = 50
    static let expiryLimit = 25
    /// The timeline's span, in days from the run.
    static let timelineDays = 90

    let title: String
    let generated: String
    let policy: String
    let total: Int
    let outcome: String
    let outcomeColor: String
    let verdicts: [Segment]
    let classes: [Segment]
    let kinds: [KindRow]
    /// How many domains the exit code counts as failed.
    let failing: Int
    let attention: [AttentionRow]
    /// How many more fail than the list shows (nil: none).
    let attentionMore: Int?
    let bars: [Bar]
    let ticks: [Tick]
    let expiredCertificates: Int
    let expiredSignatures: Int
    let expiries: [Expiry]
    let hosts: [HostRow]
    let hostsMore: Int?
    let problems: [String]
    let runFindings: [String]
    /// The table's rows as JSON, safe inside a <script type="application/json"> element.
    let rowsJSON: String

    init(_ report: BatchReport, outcomeCode: Int32) {
        let rows = report.ordered
        title = report.title
        generated = TimeFormat.timestamp(report.started)
        var gates: [String] = []
        if report.policy.requireDANE { gates.append("--require-dane") }
        if report.policy.strict { gates.append("--strict") }
        policy = gates.isEmpty ? "no gates" : gates.joined(separator: " ")
        total = rows.count
        switch report.outcome {
        case .usage:
            outcome = "exit \(outcomeCode): input errors"
            outcomeColor = ReportColors.of(.indeterminate)
        case .ended(let exitClass):
            outcome = "exit \(outcomeCode): \(exitClass.keyword)"
            outcomeColor = ReportColors.of(exitClass)
        }
        verdicts = Self.segments(Verdict.allCases.map { verdict in
            (verdict.rawValue, rows.count { $0.verdict == verdict }, ReportColors.of(verdict))
        }, total: rows.count)
        classes = Self.segments([ExitClass.ok, .deferred, .indeterminate, .noMail].map { exitClass in
            (exitClass.keyword, rows.count { $0.gatedClass == exitClass }, ReportColors.of(exitClass))
        }, total: rows.count)
        kinds = Self.kinds(rows)
        let failing = rows.filter(\.fails).sorted { Self.rank($0) < Self.rank($1) }
        self.failing = failing.count
        attention = failing.prefix(Self.attentionLimit).map { row in
            AttentionRow(domain: row.domain.text, verdict: row.verdict.rawValue, color: ReportColors.of(row.verdict),
                         exitClass: row.gatedClass.keyword, reason: row.reason,
                         findings: row.findings.filter { $0.severity >= .warning }.map { "\($0.severity.word): \($0.message)" })
        }
        attentionMore = failing.count > Self.attentionLimit ? failing.count - Self.attentionLimit : nil
        let timeline = Timeline(rows, from: report.started, days: Self.timelineDays)
        bars = timeline.bars
        ticks = timeline.ticks
        expiredCertificates = timeline.expiredCertificates
        expiredSignatures = timeline.expiredSignatures
        expiries = timeline.soonest(Self.expiryLimit)
        let shared = report.hostTally.all.sorted { $0.domains.count > $1.domains.count }
        hosts = shared.prefix(Self.hostLimit).map { entry in
            HostRow(host: entry.host.text, severity: entry.severity.word, color: ReportColors.of(entry.severity), message: entry.message,
                    domains: entry.domains.count,
                    examples: entry.domains.prefix(3).map(\.text).joined(separator: ", ") + (entry.domains.count > 3 ? ", …" : ""))
        }
        hostsMore = shared.count > Self.hostLimit ? shared.count - Self.hostLimit : nil
        problems = report.problems.map(\.description)
        runFindings = report.runFindings.map(\.message)
        rowsJSON = Self.json(rows)
    }

    /// Defer and bogus first (mail stays queued, or DNSSEC is broken), then the rest that fail;
    /// input order within each.
    private static func rank(_ row: ReportRow) -> (Int, Int) {
        let bogus = row.findings.contains { $0.kind == .bogusLookup }
        let first = row.verdict == .defer || bogus ? 0 : row.gatedClass == .indeterminate ? 1 : row.gatedClass == .noMail ? 2 : 3
        return (first, row.index)
    }

    private static func segments(_ counts: [(String, Int, String)], total: Int) -> [Segment] {
        counts.filter { $0.1 > 0 }.map { word, count, color in
            Segment(word: word, count: count, percent: String(format: "%.2f", total == 0 ? 0 : Double(count) * 100 / Double(total)),
                    color: color)
        }
    }

    /// Each kind of finding with the number of domains that have it, the worst first.
    private static func kinds(_ rows: [ReportRow]) -> [KindRow] {
        var counts: [FindingKind: Int] = [:]
        for row in rows {
            for kind in Set(row.findings.map(\.kind)) { counts[kind, default: 0] += 1 }
        }
        return FindingKind.allCases.filter { counts[$0] != nil }
            .sorted { ($0.severity, counts[$0]!) > ($1.severity, counts[$1]!) }
            .map { KindRow(kind: $0.rawValue, severity: $0.severity.word, color: ReportColors.of($0.severity), domains: counts[$0]!,
                           meaning: $0.meaning) }
    }

    /// The table's data: `rows`, one array per domain (domain, verdict, class, via, reason, worst
    /// severity, its findings (a line each: "warning: [kind] message"), milliseconds), where via,
    /// reason and findings are indices into `strings`: at survey size most domains share their
    /// reason and their hosts' findings, and each text is written once. `<` is written as \u003c,
    /// so no text can end the script element it sits in.
    private static func json(_ rows: [ReportRow]) -> String {
        struct Table: Encodable {
            var strings: [String] = []
            var rows: [Row] = []
        }
        struct Row: Encodable {
            let domain: String, verdict: String, exitClass: String, via: Int, reason: Int, worst: String, findings: Int, milliseconds: Double
            func encode(to encoder: Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode(domain)
                try container.encode(verdict)
                try container.encode(exitClass)
                try container.encode(via)
                try container.encode(reason)
                try container.encode(worst)
                try container.encode(findings)
                try container.encode(milliseconds)
            }
        }
        var table = Table(), index: [String: Int] = [:]
        func intern(_ text: String) -> Int {
            if let known = index[text] { return known }
            index[text] = table.strings.count
            table.strings.append(text)
            return table.strings.count - 1
        }
        for row in rows {
            let findings = row.findings.map { "\($0.severity.word): [\($0.kind.rawValue)] \($0.message)" }.joined(separator: "\n")
            table.rows.append(Row(domain: row.domain.text, verdict: row.verdict.rawValue, exitClass: row.gatedClass.keyword,
                                  via: intern(row.via ?? ""), reason: intern(row.reason), worst: row.summary.worstSeverity?.rawValue ?? "",
                                  findings: intern(findings), milliseconds: (row.summary.seconds * 1000).rounded()))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(table)) ?? Data(#"{"rows":[],"strings":[]}"#.utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
