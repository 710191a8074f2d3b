/// A TLSA record with its usability for SMTP; or the data of one too short to be a record.
public struct TLSAEntry: Sendable, Hashable {
    /// The record; nil when its data is too short to hold usage, selector and matching type.
    public let record: TLSARecord?
    /// The record's data as received, for one that is malformed.
    public let rdata: [UInt8]
    public let usability: TLSAUsability

    public init(record: TLSARecord) {
        self.record = record
        rdata = []
        usability = SMTPTLSAUsabilityRule.evaluate(record)
    }

    /// RFC 6698 §2.1: usage, selector and matching type are one octet each.
    public init(malformed rdata: [UInt8]) {
        record = nil
        self.rdata = rdata
        usability = .unusable(reason: "its data is \(rdata.count) octet\(rdata.count == 1 ? "" : "s"), too short to hold usage, selector and matching type (RFC 6698 §2.1)")
    }

    /// "3 1 1 8a1f…", or RFC 3597's generic form for malformed data ("\\# 2 0301").
    public var presentation: String { record?.description ?? Self.generic(rdata) }

    static func generic(_ rdata: [UInt8]) -> String {
        "\\# \(rdata.count)\(rdata.isEmpty ? "" : " " + Digest.hex(rdata))"
    }
}
