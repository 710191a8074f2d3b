import Foundation

/// `domain --authoritative`: one block per zone, one line per nameserver address, after the
/// report:
///
///     Zone 'stale.test' (MX stale.test, TLSA _25._tcp.mx.stale.test): 3 nameserver addresses, 1 disagrees
///       ns1.stale.test (127.53.0.1) serial 2026120201: agrees
///       ns2.stale.test (127.53.0.9) serial 2024010101: disagrees: serves serial 2024010101 (older than …)
public enum AuthoritativeTextRenderer {
    public static func lines(_ zones: [ZoneServersReport], now: Date = Date()) -> [StyledLine] {
        zones.flatMap { zone -> [StyledLine] in
            let asked = zone.questions.map(\.label).joined(separator: ", ")
            let judgements = NameserverAgreementRule.evaluate(zone, now: now)
            if let failure = zone.failure { return ["Zone '\(zone.zone.text)' (\(asked)): nameservers not asked: \(failure)"] }
            let disagreeing = judgements.filter { if case .disagrees = $0.finding { true } else { false } }.count
            let unusable = judgements.filter { if case .unusable = $0.finding { true } else { false } }.count
            let expired = judgements.filter { !$0.expired.isEmpty }.count
            let tally = [disagreeing > 0 ? "\(disagreeing) disagree\(disagreeing == 1 ? "s" : "")" : nil,
                         expired > 0 ? "\(expired) with expired signatures" : nil,
                         unusable > 0 ? "\(unusable) not answering" : nil,
                         zone.leftOut > 0 ? "\(zone.leftOut) left out (more than \(AuthoritativeInspector.maxNames) names or \(AuthoritativeInspector.maxAddresses) addresses)" : nil]
                .compactMap { $0 }
            let count = zone.servers.count
            let heading = "Zone '\(zone.zone.text)' (\(asked)): \(count) nameserver address\(count == 1 ? "" : "es")"
                + (tally.isEmpty ? ", all agree" : ", " + tally.joined(separator: ", "))
            var lines: [StyledLine] = [StyledLine(heading)]
            for judgement in judgements {
                let server = judgement.server
                let serial = server.serial.map { " serial \($0)" } ?? ""
                let finding: StyledLine = switch judgement.finding {
                case .agrees: "agrees"
                case .disagrees(let what): "\(warning: "disagrees:") \(what)"
                case .unusable(let why): "\(warning: "no usable answer:") \(why)"
                }
                lines.append("  \(server.label)\(serial): " + finding)
                lines += judgement.expired.map { "    \(warning: "expired:") \($0)" }
            }
            return lines
        }
    }
}
