import Foundation

/// Renders `danecheck probe`: one line per address first (verdict and reason), details below.
public enum ProbeTextRenderer {
    public static func render(_ report: HostProbeReport) -> String {
        lines(report).joined(separator: "\n") + "\n"
    }

    /// The report's lines, without line ends.
    public static func lines(_ report: HostProbeReport) -> [String] {
        var lines: [String] = []
        let hostName = report.name?.text ?? "-"
        for address in report.addresses {
            lines.append("\(hostName) [\(address.probe.address)]:\(address.probe.port) \(address.verdict.rawValue): \(address.reason)")
        }
        if report.addresses.isEmpty {
            lines.append("\(hostName) \(Verdict.defer.rawValue): \(report.verdict.1)")
        }
        lines += report.warnings.map { "warning: \($0.message)" }
        lines.append("")
        lines.append(policyLine(report))
        for address in report.addresses {
            lines += details(address, records: report.records)
        }
        return lines
    }

    static func policyLine(_ report: HostProbeReport) -> String {
        let source: String
        if report.recordsGiven {
            source = "given TLSA records"
        } else if let final = report.host?.tlsa.final {
            source = "TLSA \(final.owner.text) \(final.status.rawValue)"
        } else {
            source = "no TLSA lookup"
        }
        return "policy: \(report.policy.explanation) [\(source)]"
    }

    static func details(_ address: AddressReport, records: [TLSARecord]) -> [String] {
        let probe = address.probe
        var lines = ["[\(probe.address)]:\(probe.port)"]
        let con = probe.connectMilliseconds.map { TimeFormat.milliseconds($0) } ?? "failed"
        let dlv = probe.deliveryMilliseconds.map { ", TLS done at \(TimeFormat.milliseconds($0))" } ?? ""
        lines.append("  connect: \(con)\(dlv)")
        let transcript = probe.transcript
        if let greeting = transcript.greeting { lines.append("  greeting: \(greeting)") }
        if transcript.ehlo != nil || transcript.helo != nil {
            lines.append("  STARTTLS: \(transcript.starttlsOffered ? "offered" : "not offered")")
        }
        if let reply = transcript.starttls, reply.code != 220 { lines.append("  STARTTLS reply: \(reply)") }
        if probe.injectedBytes > 0 {
            lines.append("  \(probe.injectedBytes) octets sent in plaintext after the STARTTLS reply were discarded (RFC 3207 §4.2)")
        }
        if let tls = probe.tls {
            lines.append("  TLS: \(tls.version) \(tls.cipher)")
            for cert in tls.chain {
                lines.append("  depth \(cert.depth): \(cert.subject)")
                lines.append("    issuer: \(cert.issuer)")
                lines.append("    valid: \(day(cert.notBefore)) to \(day(cert.notAfter))")
                lines.append("    SHA-256 cert: \(cert.sha256Certificate)")
                lines.append("    SHA-256 SPKI: \(cert.sha256PublicKey)")
            }
            if tls.daneMatch == nil, let error = tls.verifyError, records.contains(where: { SMTPTLSAUsabilityRule.evaluate($0).isUsable }) {
                lines.append("  OpenSSL: \(error)")
            }
        }
        for (record, mark) in zip(records, address.marks) {
            lines.append("  TLSA \(record.usage) \(record.selector) \(record.matchingType) \(abbreviated(record.hexData)): \(mark)")
        }
        if let failure = transcript.failure { lines.append("  stopped: \(failure)") }
        lines.append("  verdict: \(address.verdict.rawValue): \(address.reason)")
        return lines
    }

    static func abbreviated(_ hex: String) -> String {
        hex.count > 16 ? String(hex.prefix(16)) + "…" : hex
    }

    static func day(_ date: Date?) -> String {
        guard let date else { return "?" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
