/// What OpenSSL is asked to verify for one connection (RFC 7672 §3, RFC 7671).
public struct DANEExpectation: Sendable, Hashable {
    /// The TLSA base domain: primary reference identifier and SNI (RFC 7672 §8.1).
    public let baseDomain: DNSName
    /// More names a DANE-TA(2) certificate may match (RFC 7672 §3.2.2): the original MX name
    /// when the base domain came from a CNAME, the next-hop domain.
    public let extraNames: [DNSName]
    /// The records to give OpenSSL: usable ones only (usages 0 and 1 are skipped, §3.1.3).
    public let records: [TLSARecord]

    public init(baseDomain: DNSName, extraNames: [DNSName] = [], records: [TLSARecord]) {
        self.baseDomain = baseDomain
        self.extraNames = extraNames.filter { $0 != baseDomain }
        self.records = records
    }
}
