/// A TLSRPT lookup in the voice of the MTA-STS block:
///
///     Domain 'example.com' has TLSRPT TXT and a TTL of 300 seconds +dnssec
///             rua: mailto:tlsrpt@example.com
///             rua: https://reports.example.com/v1
public enum TLSRPTTextRenderer {
    /// Nothing for a domain that publishes no record, unless the drafts' name holds one.
    public static func lines(_ report: TLSRPTReport) -> [String] {
        let name = "'\(report.domain.text)'"
        let flag = DomainTextRenderer.flag(report.txt.status)
        let pad = String(repeating: " ", count: 8)
        if report.absent {
            guard report.atObsoleteName else { return [] }
            return ["Domain \(name) has no TLSRPT TXT record\(flag)",
                    "\(pad)note: _smtp-tlsrpt.\(report.domain.text) holds one: the drafts' name, which senders no longer read (RFC 8460 §3: _smtp._tls)"]
        }
        if case .lookup(let reason)? = report.failure {
            return ["Domain \(name) TLSRPT TXT lookup failed: \(reason)"]
        }
        let ttl = report.txt.ttl.map { " and a TTL of \($0) seconds" } ?? ""
        let via = report.txt.aliases.isEmpty ? "" : " (through \(report.txt.aliases.count) CNAME\(report.txt.aliases.count == 1 ? "" : "s"))"
        var lines = ["Domain \(name) has TLSRPT TXT\(via)\(ttl)\(flag)"]
        if let failure = report.failure {
            lines.append("\(pad)invalid: \(failure): senders assume no TLSRPT (RFC 8460 §3)")
        }
        lines += (report.record?.rua ?? []).map { "\(pad)rua: \($0)" }
        return lines
    }
}
