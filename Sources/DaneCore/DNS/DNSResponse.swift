import Foundation

/// The parts of a DNS response message that danecheck reads.
public struct DNSResponse: Sendable, Hashable {
    public let rcode: ResponseCode
    /// AD: the resolver validated every RRset in the answer and authority sections (RFC 4035 §3.2.3).
    public let authenticData: Bool
    public let truncated: Bool
    /// AA: the server answered from a zone it is authoritative for (RFC 1035 §4.1.1).
    public let authoritative: Bool
    public let answer: [ResourceRecord]
    public let authority: [ResourceRecord]
    /// The message as received (wire format), for local DNSSEC validation; nil when the response
    /// was built by hand (tests).
    public let wire: [UInt8]?

    public init(rcode: ResponseCode, authenticData: Bool, truncated: Bool = false, authoritative: Bool = false,
                answer: [ResourceRecord], authority: [ResourceRecord] = [], wire: [UInt8]? = nil) {
        self.rcode = rcode
        self.authenticData = authenticData
        self.truncated = truncated
        self.authoritative = authoritative
        self.answer = answer
        self.authority = authority
        self.wire = wire
    }

    /// The earliest expiration among the RRSIGs of the answer and authority sections, read
    /// against `now` (serial arithmetic).
    public func earliestSignatureExpiry(near now: Date) -> Date? {
        (answer + authority).compactMap { $0.signatureExpiration(near: now) }.min()
    }
}
