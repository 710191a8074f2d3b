/// Renders a chain of trust, anchor first, one block per zone and one for the answer:
///
///     Chain of trust for 'example.test' MX: secure (validated here)
///     [.] secure
///       anchor 20326 alg 13 digest 2 (matched)
///       DNSKEY 20326 alg 13 flags 257 SEP (matched)
///       RRSIG DNSKEY key 20326 alg 13 by . valid 2026-11-28T00:00:00Z to 2037-01-01T00:00:00Z: ok
public enum ChainTextRenderer {
    public static func render(_ report: ChainReport) -> String {
        lines(report).joined(separator: "\n") + "\n"
    }

    /// The report's lines, without line ends.
    public static func lines(_ report: ChainReport) -> [String] {
        var lines = ["Chain of trust for '\(report.name.text)' \(report.type): \(verdict(report.status, report.reason))"]
        for step in report.steps {
            let title = step.kind == .zone ? step.name.absolute : "\(step.type) \(step.name.absolute)"
            lines.append("[\(title)] \(verdict(step.status, step.reason))")
            for key in step.keys.filter({ $0.kind != .dnskey }) { lines.append("  " + describe(key)) }
            for signature in step.signatures.filter({ $0.covered == .ds }) { lines.append("  " + describe(signature)) }
            for key in step.keys.filter({ $0.kind == .dnskey }) { lines.append("  " + describe(key)) }
            for signature in step.signatures.filter({ $0.covered != .ds }) { lines.append("  " + describe(signature)) }
        }
        switch report.lookup.answer {
        case .records(let records):
            let owner = report.lookup.owner == report.name ? "" : " (at \(report.lookup.owner.absolute))"
            lines.append("Answer\(owner):")
            lines += records.map { "  " + RecordPresentation.text($0) }
        case .noData:
            lines.append("Answer: no \(report.type) records (NODATA)")
        case .nxDomain:
            lines.append("Answer: \(report.lookup.owner.text) does not exist (NXDOMAIN)")
        case .failed(let reason):
            lines.append("Answer: none (\(reason))")
        }
        let sources = Set(report.anchors.map(\.source)).sorted().joined(separator: ", ")
        lines.append("Trust anchors: \(sources.isEmpty ? "none" : sources)")
        return lines
    }

    static func verdict(_ status: SecurityStatus, _ reason: String?) -> String {
        guard let reason, status != .secure else { return status.rawValue }
        return "\(status.rawValue): \(reason)"
    }

    /// "DS 54915 alg 13 digest 2 (matched)", "anchor DNSKEY 20326 alg 8 flags 257 SEP".
    static func describe(_ key: KeySummary) -> String {
        let detail = key.flags.map { "flags \($0)\($0 & 1 == 1 ? " SEP" : "")" } ?? "digest \(key.detail)"
        let what = key.kind == .anchor ? "anchor \(key.recordType)" : key.kind.rawValue
        return "\(what) \(key.keyTag) alg \(key.algorithm) \(detail)\(key.matched ? " (matched)" : "")"
    }

    static func describe(_ signature: SignatureSummary) -> String {
        "RRSIG \(signature.covered) key \(signature.keyTag) alg \(signature.algorithm) by \(signature.signer.absolute) "
            + "valid \(TimeFormat.timestamp(signature.inception)) to \(TimeFormat.timestamp(signature.expiration)): \(signature.result)"
    }
}
