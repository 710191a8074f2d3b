import Foundation

/// `danecheck tlsa verify` in text: where the records come from, each chain with each record's
/// mark, and the answer last ("pass: …" or "fail: …").
public enum TLSAVerificationTextRenderer {
    public static func lines(_ verification: TLSAVerification) -> [StyledLine] {
        var lines: [StyledLine] = [StyledLine(sourceLine(verification))]
        for judgement in verification.judgements {
            lines.append(StyledLine(chainLine(judgement, alone: verification.judgements.count == 1)))
            for (record, mark) in zip(verification.records, judgement.marks) {
                lines.append("  \(ChainJudgement.short(record)): \(mark)")
            }
            if verification.judgements.count > 1 {
                lines.append("  \(judgement.label): \(passed: judgement.passes): \(judgement.reason)")
            }
        }
        lines.append("\(passed: verification.passes): \(verification.reason)")
        return lines
    }

    static func sourceLine(_ verification: TLSAVerification) -> String {
        let count = verification.records.count
        let records = "\(count) record\(count == 1 ? "" : "s")"
        switch verification.source {
        case .given:
            return "TLSA records given: \(records) (not looked up)"
        case .dns(let lookup) where lookup.status.isFailure:
            return lookup.failureLine
        case .dns(let lookup):
            let owner = lookup.owner == lookup.name ? "" : " (at \(lookup.owner.text))"
            let ttl = lookup.ttl.map { ", TTL \($0)" } ?? ""
            guard case .records = lookup.answer else {
                return "TLSA \(lookup.name.text): no records (\(lookup.status.rawValue) denial\(ttl))"
            }
            return "TLSA \(lookup.name.text)\(owner): \(lookup.status.rawValue), \(records)\(ttl)"
        }
    }

    /// "chain [127.0.10.1]:25: CN = mx.example.test, issued by CN = R3, valid to 2027-03-01 (2 certificates)".
    static func chainLine(_ judgement: ChainJudgement, alone: Bool) -> String {
        let name = alone ? "chain" : judgement.label
        guard let leaf = judgement.chain.first else { return "\(name) \(judgement.origin): no certificate" }
        let until = leaf.notAfter.map { ", valid to \(TimeFormat.timestamp($0).prefix(10))" } ?? ""
        let count = judgement.chain.count
        return "\(name) \(judgement.origin): \(leaf.subject), issued by \(leaf.issuer)\(until) (\(count) certificate\(count == 1 ? "" : "s"))"
    }
}
