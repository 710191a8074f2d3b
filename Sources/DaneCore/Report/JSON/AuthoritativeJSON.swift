import Foundation

/// `domain --authoritative` (schema `zone_servers`): one zone, the RRsets asked, and per
/// nameserver address its serial, what it served and the judgement.
public struct AuthoritativeJSON: Codable, Sendable, Equatable {
    public struct Server: Codable, Sendable, Equatable {
        public struct Answer: Codable, Sendable, Equatable {
            public let name: String
            public let type: String
            /// records, nodata, nxdomain.
            public let result: String
            public let records: [String]
            public let signatureExpires: String?
            enum CodingKeys: String, CodingKey { case name, type, result, records, signatureExpires = "signature_expires" }
        }

        public let name: String
        public let address: String
        public let serial: UInt32?
        /// agrees, disagrees, unusable.
        public let finding: String
        public let detail: String?
        public let expired: [String]
        public let answers: [Answer]
    }

    public let zone: String
    public let asked: [String]
    public let failure: String?
    public let leftOut: Int
    public let servers: [Server]

    enum CodingKeys: String, CodingKey { case zone, asked, failure, leftOut = "left_out", servers }

    public init(_ report: ZoneServersReport, now: Date = Date()) {
        zone = report.zone.text
        asked = report.questions.map(\.label)
        failure = report.failure
        leftOut = report.leftOut
        servers = NameserverAgreementRule.evaluate(report, now: now).map { judgement in
            let server = judgement.server
            let (finding, detail): (String, String?) = switch judgement.finding {
            case .agrees: ("agrees", nil)
            case .disagrees(let what): ("disagrees", what)
            case .unusable(let why): ("unusable", why)
            }
            let answers = zip(report.questions, server.answers).map { question, answer in
                let (result, records): (String, [String]) = switch answer.content {
                case .records(let records): ("records", records.map(RecordPresentation.text))
                case .noData: ("nodata", [])
                case .nxDomain: ("nxdomain", [])
                }
                return Server.Answer(name: question.name.text, type: "\(question.type)", result: result, records: records,
                                     signatureExpires: answer.signatureExpiry.map(TimeFormat.timestamp))
            }
            return Server(name: server.name.text, address: server.address.text, serial: server.serial, finding: finding,
                          detail: detail, expired: judgement.expired, answers: answers)
        }
    }
}
