import Foundation

/// One resource record from a DNS message.
public struct ResourceRecord: Sendable, Hashable {
    public let owner: DNSName
    public let type: RecordType
    public let ttl: UInt32
    public let data: RecordData
    /// For an RRSIG: its expiration field as on the wire (RFC 4034 §3.1.5: the low 32 bits of
    /// seconds since 1970, a serial number); `signatureExpiration(near:)` gives the date.
    public let signatureExpirationSerial: UInt32?

    public init(owner: DNSName, type: RecordType, ttl: UInt32, data: RecordData, signatureExpirationSerial: UInt32? = nil) {
        self.owner = owner
        self.type = type
        self.ttl = ttl
        self.data = data
        self.signatureExpirationSerial = signatureExpirationSerial
    }

    /// For an RRSIG: when it expires, read in serial arithmetic (RFC 1982) against `now`, the
    /// time the caller's clock says (the one closest to it with these low 32 bits).
    public func signatureExpiration(near now: Date) -> Date? {
        signatureExpirationSerial.map { SerialTime.date($0, near: now) }
    }

    public func isType(_ recordType: RecordType) -> Bool { type == recordType }
}
