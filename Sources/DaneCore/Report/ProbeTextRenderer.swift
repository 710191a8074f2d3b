import Foundation

/// Renders `danecheck probe`: one line per address first (verdict and reason), details below.
public enum ProbeTextRenderer {
    public static func render(_ report: HostProbeReport, showChain: Bool = false) -> String {
        lines(report, showChain: showChain).map(\.text).joined(separator: "\n") + "\n"
    }

    /// The report's lines, without line ends.
    /// `showChain`: each certificate's PEM below its facts (`probe --show-chain`).
    public static func lines(_ report: HostProbeReport, showChain: Bool = false) -> [StyledLine] {
        var lines: [StyledLine] = []
        let hostName = report.name?.text ?? "-"
        if let unvalidated = report.unvalidated { lines.append("\(hostName) \(verdict: .unknown): \(unvalidated)") }
        for address in report.addresses {
            lines.append("\(hostName) [\(address.probe.address)]:\(address.probe.port) \(verdict: address.verdict): \(address.reason)")
        }
        if report.addresses.isEmpty {
            lines.append("\(hostName) \(verdict: report.verdict.0): \(report.verdict.1)")
        }
        lines += report.warnings.map { "\(warning: "warning:") \($0.message)" }
        lines.append("")
        lines.append(StyledLine(policyLine(report)))
        for address in report.addresses {
            lines += details(address, records: report.records, showChain: showChain)
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

    static func details(_ address: AddressReport, records: [TLSARecord], showChain: Bool) -> [StyledLine] {
        let probe = address.probe
        var lines: [StyledLine] = ["[\(probe.address)]:\(probe.port)"]
        let con = probe.connectMilliseconds.map { TimeFormat.milliseconds($0) } ?? (probe.attempted ? "failed" : "not tried: the host cannot be used")
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
            lines.append("  TLS: \(tls.line)")
            for cert in tls.chain {
                lines.append("  depth \(cert.depth): \(cert.subject)")
                lines.append("    issuer: \(cert.issuer)")
                lines.append("    valid: \(day(cert.notBefore)) to \(day(cert.notAfter))")
                lines.append("    SHA-256 cert: \(cert.sha256Certificate)")
                lines.append("    SHA-256 SPKI: \(cert.sha256PublicKey)")
                if showChain { lines += cert.pem.split(separator: "\n").map { StyledLine("    \($0)") } }
            }
            if tls.daneMatch == nil, let error = tls.verifyError, records.contains(where: { SMTPTLSAUsabilityRule.evaluate($0).isUsable }) {
                lines.append("  OpenSSL: \(error)")
            }
        }
        for (record, mark) in zip(records, address.marks) {
            lines.append("  TLSA \(record.usage) \(record.selector) \(record.matchingType) \(abbreviated(record.hexData)): \(mark)")
        }
        for other in address.keyTypes {
            let leaf = other.probe.tls?.chain.first.map { "\($0.subject), SHA-256 SPKI \(abbreviated($0.sha256PublicKey)): " } ?? ""
            let shown = if case .notHeld = other.finding { "none" } else { leaf + other.line }
            lines.append("  \(other.keyType.rawValue) certificate: \(shown)")
        }
        if let failure = transcript.failure { lines.append("  stopped: \(failure)") }
        lines.append("  verdict: \(verdict: address.verdict): \(address.reason)")
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
