/// The MTA-STS part of the domain JSON.
public struct MTASTSJSON: Codable, Sendable, Equatable {
    public let txt: String
    public let status: String
    public let ttl: UInt32?
    public let cnames: Int
    public let id: String?
    public let mode: String?
    public let mx: [String]?
    public let maxAge: UInt32?
    /// Why there is no policy in force (RFC 8461: treated as no policy).
    public let failure: String?
    /// Why a cached policy applies instead of a fresh one.
    public let note: String?

    public init(_ report: MTASTSReport) {
        txt = report.txt.answer.keyword
        status = report.txt.status.rawValue
        ttl = report.txt.ttl
        cnames = report.txt.aliases.count
        id = report.record?.id
        mode = report.policy?.mode.rawValue
        mx = report.policy?.mx
        maxAge = report.policy?.maxAge
        failure = report.failure?.description
        note = report.note
    }
}
