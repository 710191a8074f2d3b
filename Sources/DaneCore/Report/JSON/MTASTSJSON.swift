/// The MTA-STS lookup of a domain (schema `mta_sts`): the TXT lookup, the record's id, the
/// policy, or why there is none.
public struct MTASTSJSON: Codable, Sendable, Equatable {
    public let txt: LookupJSON
    /// CNAMEs followed to the TXT record.
    public let cnames: Int
    public let id: String?
    public let mode: String?
    public let mx: [String]?
    public let maxAge: UInt32?
    /// Why there is no policy in force (RFC 8461: treated as no policy).
    public let failure: String?
    /// Why a cached policy applies instead of a fresh one.
    public let note: String?

    enum CodingKeys: String, CodingKey { case txt, cnames, id, mode, mx, maxAge = "max_age", failure, note }

    public init(_ report: MTASTSReport) {
        txt = LookupJSON(report.txt)
        cnames = report.txt.aliases.count
        id = report.record?.id
        mode = report.policy?.mode.rawValue
        mx = report.policy?.mx
        maxAge = report.policy?.maxAge
        failure = report.failure?.description
        note = report.note
    }
}
