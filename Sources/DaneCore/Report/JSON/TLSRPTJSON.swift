/// The TLSRPT lookup of a domain (schema `tlsrpt`): the TXT lookup, where reports go, or why
/// there is no record a sender would use.
public struct TLSRPTJSON: Codable, Sendable, Equatable {
    public let txt: LookupJSON
    /// CNAMEs followed to the TXT record.
    public let cnames: Int
    public let valid: Bool
    public let rua: [String]?
    /// Why the record is not one a sender would use (RFC 8460 §3).
    public let failure: String?
    /// `_smtp-tlsrpt.DOMAIN` (the drafts' name) holds a record while `_smtp._tls` has none.
    public let obsoleteName: Bool

    enum CodingKeys: String, CodingKey { case txt, cnames, valid, rua, failure, obsoleteName = "obsolete_name" }

    public init(_ report: TLSRPTReport) {
        txt = LookupJSON(report.txt)
        cnames = report.txt.aliases.count
        valid = report.valid
        rua = report.record?.rua
        failure = report.failure?.description
        obsoleteName = report.atObsoleteName
    }
}
