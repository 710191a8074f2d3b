/// One TLSA record with its usability for SMTP (schema `tlsa_record`). For data too short to
/// hold usage, selector and matching type, those three are absent and `data` is all of it.
public struct TLSARecordJSON: Codable, Sendable, Equatable {
    public let usage: UInt8?
    public let selector: UInt8?
    public let matching: UInt8?
    public let data: String
    public let usable: Bool
    public let reason: String?

    public init(_ entry: TLSAEntry) {
        usage = entry.record?.usage
        selector = entry.record?.selector
        matching = entry.record?.matchingType
        data = entry.record?.hexData ?? Digest.hex(entry.rdata)
        usable = entry.usability.isUsable
        reason = entry.usability.reason
    }
}
