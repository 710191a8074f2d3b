import Foundation

/// Whether the nameservers of a zone serve the same data. RFC 1034 §4.3.5: "the data in a zone
/// is kept on several servers … secondaries periodically check the SOA serial of the primary";
/// a secondary that stopped transferring keeps serving its old version, and a DNSSEC-signed
/// zone's old signatures expire there (RFC 4034 §3.1.5: "The RRSIG record MUST NOT be used
/// for authentication … after the expiration date"). Resolvers pick a server per query, so one
/// stale server makes failures intermittent. The majority's version (serial and RRsets; a tie
/// goes to the newest serial) is the reference; every other server is named with what differs.
public enum NameserverAgreementRule {
    public enum Finding: Sendable, Hashable {
        case agrees
        /// What it serves that the majority does not.
        case disagrees(String)
        /// No answer, an error, not authoritative.
        case unusable(String)
    }

    public struct Judgement: Sendable, Hashable {
        public let server: NameserverReport
        public let finding: Finding
        /// "signatures over TLSA _25._tcp.mx.example.test expired 2020-02-01T00:00:00Z".
        public let expired: [String]
    }

    public static func evaluate(_ zone: ZoneServersReport, now: Date) -> [Judgement] {
        let answered = zone.servers.filter { $0.failure == nil }
        let reference = majority(answered)
        return zone.servers.map { server in
            if let failure = server.failure { return Judgement(server: server, finding: .unusable(failure), expired: []) }
            let expired = zip(zone.questions, server.answers).compactMap { question, answer -> String? in
                guard let expiry = answer.signatureExpiry, expiry < now else { return nil }
                return "signatures over \(question.label) expired \(TimeFormat.timestamp(expiry))"
            }
            guard let reference, server.serial != reference.serial || server.answers.map(\.content) != reference.contents else {
                return Judgement(server: server, finding: .agrees, expired: expired)
            }
            return Judgement(server: server, finding: .disagrees(difference(server, from: reference, zone: zone)), expired: expired)
        }
    }

    struct Reference {
        let serial: UInt32?
        let contents: [ServedAnswer.Content]
        let count: Int
        let of: Int
    }

    /// The version most servers serve; a tie goes to the newest serial.
    static func majority(_ servers: [NameserverReport]) -> Reference? {
        var counts: [String: (serial: UInt32?, contents: [ServedAnswer.Content], count: Int)] = [:]
        for server in servers {
            let key = "\(server.serial.map(String.init) ?? "-")|\(server.answers.map(\.content))"
            counts[key, default: (server.serial, server.answers.map(\.content), 0)].count += 1
        }
        let best = counts.values.max { a, b in
            a.count != b.count ? a.count < b.count : isOlder(a.serial, than: b.serial)
        }
        return best.map { Reference(serial: $0.serial, contents: $0.contents, count: $0.count, of: servers.count) }
    }

    /// RFC 1982 serial arithmetic: `a` comes before `b`.
    static func isOlder(_ a: UInt32?, than b: UInt32?) -> Bool {
        guard let a, let b else { return a == nil && b != nil }
        return a != b && Int32(bitPattern: a &- b) < 0
    }

    static func difference(_ server: NameserverReport, from reference: Reference, zone: ZoneServersReport) -> String {
        let older = isOlder(server.serial, than: reference.serial)
        var parts: [String] = []
        if server.serial != reference.serial {
            let theirs = reference.serial.map(String.init) ?? "none"
            parts.append("serves serial \(server.serial.map(String.init) ?? "none"), \(older ? "older" : "newer") than the \(theirs) "
                         + "that \(reference.count) of \(reference.of) serve")
        }
        for (question, answer) in zip(zone.questions, server.answers) {
            guard let index = zone.questions.firstIndex(of: question), index < reference.contents.count,
                  answer.content != reference.contents[index] else { continue }
            parts.append("\(older ? "an older" : "a different") \(question.type) RRset at \(question.name.text): \(answer.summary)")
        }
        return parts.joined(separator: ", and ")
    }
}
