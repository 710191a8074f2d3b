import Foundation

/// An MTA-STS lookup in the layout of Momentum's `mta_sts show domain`:
///
///     Domain 'gmail.com' has MTA-STS TXT and a TTL of 185 seconds
///             id: 20190429T010101
///             max_age: 86400 seconds; refresh in 86375 seconds
///             mode: enforce
///             mxlist:
///                    gmail-smtp-in.l.google.com
public enum MTASTSTextRenderer {
    /// Nothing for a domain without the TXT record (unless `always`, as `mta_sts show` asks).
    public static func lines(_ report: MTASTSReport, now: Date = Date(), always: Bool = false) -> [String] {
        let name = "'\(report.domain.text)'"
        let flag = DomainTextRenderer.flag(report.txt.status)
        if report.absent && report.note == nil {
            return always ? ["Domain \(name) has no MTA-STS TXT record\(flag)"] : []
        }
        if case .lookup(let reason)? = report.failure, report.txt.records.isEmpty, report.note == nil {
            return ["Domain \(name) MTA-STS TXT lookup failed: \(reason)"]
        }
        let ttl = report.txt.ttl.map { " and a TTL of \($0) seconds" } ?? ""
        let via = report.txt.aliases.isEmpty ? "" : " (through \(report.txt.aliases.count) CNAME\(report.txt.aliases.count == 1 ? "" : "s"))"
        var lines = [report.txt.records.isEmpty ? "Domain \(name) has no usable MTA-STS TXT record now\(flag)"
                                                : "Domain \(name) has MTA-STS TXT\(via)\(ttl)\(flag)"]
        let pad = String(repeating: " ", count: 8)
        if let record = report.record { lines.append("\(pad)id: \(record.id)") }
        if let failure = report.failure {
            lines.append("\(pad)policy: none (\(failure))")
            return lines
        }
        guard let policy = report.policy else { return lines }
        if let note = report.note { lines.append("\(pad)note: \(note)") }
        let age = report.fetchedAt.map { now.timeIntervalSince($0) } ?? 0
        let refresh = max(0, Int(Double(policy.maxAge) - age))
        lines.append("\(pad)max_age: \(policy.maxAge) seconds; refresh in \(refresh) seconds")
        lines.append("\(pad)mode: \(policy.mode.rawValue)")
        lines.append("\(pad)mxlist:")
        lines += policy.mx.map { String(repeating: " ", count: 15) + $0 }
        return lines
    }
}
