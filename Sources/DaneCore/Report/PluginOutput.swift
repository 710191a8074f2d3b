import Foundation

/// The plugin's output (Monitoring Plugins Development Guidelines): one line, "SERVICE STATUS -
/// text | perfdata", the text free of '|', performance data as 'label'=value[UOM];warn;crit;min.
/// Rendered from an assessment: its state, its reasons, its expiries.
public enum PluginOutput {
    public static func line(_ assessment: Assessment) -> String {
        let (status, reasons) = assessment.state
        let via = assessment.via.map { " via \($0.text)" } ?? ""
        let reason = assessment.reason.description
        var text = "\(assessment.domain.text) \(assessment.verdict.rawValue)\(via): \(reason)"
        var extra: [String] = []
        for cause in reasons {
            let words: String? = switch cause {
            case .verdict: nil  // said already
            case .notAuthenticated(let verdict): "not authenticated by DANE (\(verdict.rawValue))"
            case .finding(let finding): finding.brief
            }
            if let words, !extra.contains(words) { extra.append(words) }
        }
        if !extra.isEmpty { text += "; " + extra.joined(separator: "; ") }
        let safe = TerminalText.escape(BoundedText.prefix(text, limit: 400)).replacingOccurrences(of: "|", with: "/")
        let policy = assessment.policy
        var perf = [String(format: "time=%.3fs;;;0", assessment.seconds)]
        if let days = assessment.days(until: assessment.certificateExpiry) {
            perf.append(String(format: "cert_days=%.2f;%g;0", days, policy.certificateDays))
        }
        if let days = assessment.days(until: assessment.signatureExpiry) {
            perf.append(String(format: "rrsig_days=%.2f;%g;0", days, policy.signatureDays))
        }
        perf.append("warnings=\(assessment.findings.filter { $0.severity >= .warning }.count);1;;0")
        return "DANE \(status.word) - \(safe) | \(perf.joined(separator: " "))"
    }
}
