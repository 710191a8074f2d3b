import Foundation

/// The plugin's output (Monitoring Plugins Development Guidelines): one line, "SERVICE STATUS -
/// text | perfdata", the text free of '|', performance data as 'label'=value[UOM];warn;crit;min.
public enum PluginOutput {
    public static func line(_ health: DomainHealth, status: PluginStatus, reasons: [String], thresholds: PluginStatus.Thresholds,
                            now: Date) -> String {
        let check = health.check
        let via = check.verdict.via.map { " via \($0.text)" } ?? ""
        var text = "\(check.report.domain.text) \(check.verdict.verdict.rawValue)\(via): \(check.verdict.reason)"
        if status != .ok, !reasons.isEmpty, !(reasons.count == 1 && reasons[0].hasSuffix(check.verdict.reason)) {
            text += "; " + reasons.joined(separator: "; ")
        }
        let safe = TerminalText.escape(BoundedText.prefix(text, limit: 400)).replacingOccurrences(of: "|", with: "/")
        var perf = [String(format: "time=%.3fs;;;0", check.seconds)]
        if let days = DomainHealth.days(until: health.certificateExpiry, from: now) {
            perf.append(String(format: "cert_days=%.2f;%g;0", days, thresholds.certificateDays))
        }
        if let days = DomainHealth.days(until: health.signatureExpiry, from: now) {
            perf.append(String(format: "rrsig_days=%.2f;%g;0", days, thresholds.signatureDays))
        }
        perf.append("warnings=\(health.warnings.count);1;;0")
        return "DANE \(status.word) - \(safe) | \(perf.joined(separator: " "))"
    }
}
