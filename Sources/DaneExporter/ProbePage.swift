import DaneCore
import DaneExporterConfig
import Foundation

/// What a probe answers, from its outcome: the metrics page, the `&debug=true` text, and the
/// words of its log line. Nothing is decided here: the assessment (or the refusal, or the
/// timeout) already says it all.
struct ProbePage {
    let domain: DNSName
    let module: String
    /// nil: the check did not finish within the scrape timeout.
    let outcome: ProbeEndpoint.Outcome?
    let seconds: Double

    var metricsText: String {
        switch outcome {
        case .assessed(let assessment)?: DomainMetrics.page(assessment)
        case .refused?: DomainMetrics.refusedPage(seconds: seconds)
        case .queueFull?, nil: DomainMetrics.timedOutPage(seconds: seconds)
        }
    }

    /// The word for the exporter's probe counter.
    var outcomeWord: String {
        switch outcome {
        case .assessed?: "ok"
        case .refused?: "refused"
        case .queueFull?, nil: "timeout"
        }
    }

    /// The log line's result: the verdict, or why there is none.
    var resultWord: String {
        switch outcome {
        case .assessed(let assessment)?: assessment.succeeds ? "success" : "failure"
        case .refused?: "refused"
        case .queueFull?, nil: "timeout"
        }
    }

    /// Extra fields of the log line.
    var logFields: [(String, String)] {
        switch outcome {
        case .assessed(let assessment)?: [("verdict", assessment.verdict.rawValue)]
        case .refused(let addresses)?: [("err", "non-public addresses: " + addresses.map(\.text).joined(separator: " "))]
        case .queueFull?, nil: []
        }
    }

    /// `&debug=true`: what blackbox_exporter answers, in danecheck's words: the probe's log, its
    /// report (the `domain --probe` text and the verdict line with findings), the metrics, the
    /// module.
    func debugText(module settings: ExporterModule) -> String {
        var text = "Logs for the probe:\n"
        text += "target=\(domain.text) module=\(module) duration_seconds=\(String(format: "%.3f", seconds)) result=\(resultWord)"
        text += logFields.map { " \($0.0)=\(ExporterLog.logfmt($0.1))" }.joined() + "\n"
        switch outcome {
        case .assessed(let assessment)?:
            if let dns = assessment.check.dnsSeconds { text += "dns walk: \(String(format: "%.3f", dns)) s\n" }
            text += "\nProbe report:\n"
            var lines = DomainTextRenderer.lines(assessment.check.report, probes: assessment.check.hosts, now: assessment.now)
            for host in assessment.check.hosts { lines += ProbeTextRenderer.lines(host) }
            lines += [CheckTextRenderer.line(assessment)] + CheckTextRenderer.findings(assessment, hosts: true)
            text += lines.map { TerminalText.escape($0.text) + "\n" }.joined()
        case .refused(let addresses)?:
            text += "refused: the MX hosts of \(domain.text) resolve to \(addresses.map(\.text).joined(separator: ", ")), "
                + "not public addresses; module '\(module)' does not set allow_private_addresses: nothing was connected to\n"
        case .queueFull?, nil:
            text += "the check did not finish within the scrape timeout\n"
        }
        text += "\n\nMetrics that would have been returned:\n" + metricsText
        text += "\n\nModule configuration:\n" + (settings.settings.isEmpty ? "(the command line's defaults)" : settings.settings.joined(separator: " ")) + "\n"
        return text
    }
}
