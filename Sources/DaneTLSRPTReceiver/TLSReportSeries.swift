/// What the metrics show of the stored reports, summed over every report (counters: they only
/// grow as reports arrive).
public struct TLSReportSeries: Sendable {
    public struct Sessions: Sendable { let domain: String, type: String, successful: Int, failed: Int }
    public struct Failures: Sendable { let domain: String, resultType: String, receivingMX: String, sessions: Int }
    public struct Last: Sendable { let domain: String, received: Double, end: Double }

    let sessions: [Sessions]
    let failures: [Failures]
    let last: [Last]
    let reports: Int

    /// The Prometheus text exposition of these series and of the receiver's own counts.
    func exposition(rejected: [String: Int], accepted: [String: Int]) -> String {
        var text = ""
        func family(_ name: String, _ type: String, _ help: String) { text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n" }
        func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
            let list = labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
            text += labels.isEmpty ? "\(name) \(Self.number(value))\n" : "\(name){\(list)} \(Self.number(value))\n"
        }
        family("danecheck_tlsrpt_sessions_total", "counter", "TLS sessions senders reported, by policy domain, policy type and result (successful, failure)")
        for row in sessions {
            sample("danecheck_tlsrpt_sessions_total", [("policy_domain", row.domain), ("policy_type", row.type), ("result", "successful")], Double(row.successful))
            sample("danecheck_tlsrpt_sessions_total", [("policy_domain", row.domain), ("policy_type", row.type), ("result", "failure")], Double(row.failed))
        }
        family("danecheck_tlsrpt_failed_sessions_total", "counter", "Failed sessions senders reported, by policy domain, result type and receiving MX")
        for row in failures {
            sample("danecheck_tlsrpt_failed_sessions_total", [("policy_domain", row.domain), ("result_type", row.resultType), ("receiving_mx", row.receivingMX)],
                   Double(row.sessions))
        }
        family("danecheck_tlsrpt_last_report_timestamp_seconds", "gauge", "When the last report about a policy domain was received")
        for row in last { sample("danecheck_tlsrpt_last_report_timestamp_seconds", [("policy_domain", row.domain)], row.received) }
        family("danecheck_tlsrpt_last_report_end_timestamp_seconds", "gauge", "The latest end of the date ranges reported for a policy domain")
        for row in last { sample("danecheck_tlsrpt_last_report_end_timestamp_seconds", [("policy_domain", row.domain)], row.end) }
        family("danecheck_tlsrpt_reports", "gauge", "Reports stored in the database")
        sample("danecheck_tlsrpt_reports", [], Double(reports))
        family("danecheck_tlsrpt_received_total", "counter", "Reports received since start, by channel (https, mail) and outcome (stored, duplicate)")
        for (key, value) in accepted.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ").map(String.init)
            sample("danecheck_tlsrpt_received_total", [("channel", parts[0]), ("outcome", parts[1])], Double(value))
        }
        family("danecheck_tlsrpt_rejected_total", "counter", "Reports refused since start, by reason (too-large, not-a-report, media-type, over-quota, store-failed)")
        for (reason, value) in rejected.sorted(by: { $0.key < $1.key }) { sample("danecheck_tlsrpt_rejected_total", [("reason", reason)], Double(value)) }
        return text
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for character in value.prefix(200) {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
