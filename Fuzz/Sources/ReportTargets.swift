@testable import DaneCore

/// SMTP TLS reports (RFC 8460) as senders deliver them: a report's JSON, gzip JSON, or a mail
/// message holding them as MIME parts; each report read is summed and rendered as `tlsrpt
/// read` renders it (text, JSON, JSONL), where hostile strings are escaped and cut.
enum ReportTargets {
    static func tlsReport(_ bytes: [UInt8]) {
        var summary = TLSReportSummary()
        for item in TLSReportDecoder.decode(bytes, origin: "fuzz") { summary.add(item) }
        _ = TLSReportTextRenderer.lines(summary, today: nil)
        _ = try? JSONOutput.encode(TLSReportsJSON(summary, today: [:]))
        for failure in summary.sortedFailures { _ = try? JSONOutput.line(TLSReportFailureJSON(failure, today: nil, line: true)) }
    }
}
