import CLDNS

/// One record of an `LDNSRRList`: the ldns pointer, and the list that owns the record, kept alive
/// for as long as this value is (the pointer is valid exactly that long). Read-only.
struct LDNSRecord {
    let pointer: UnsafeMutablePointer<ldns_rr>
    private let list: LDNSRRList

    init(_ pointer: UnsafeMutablePointer<ldns_rr>, in list: LDNSRRList) {
        self.pointer = pointer
        self.list = list
    }

    var owner: DNSName { LDNSRRList.owner(of: pointer) }
    var type: RecordType { LDNSRRList.type(of: pointer) }
    /// Presentation format, one line.
    var text: String { LDNSRRList.text(pointer) }

    func field8(_ index: Int) -> UInt8 { LDNSDNSSECFields.field8(pointer, index) }
    var key: (tag: UInt16, flags: UInt16, algorithm: UInt8) { LDNSDNSSECFields.key(pointer) }
    var delegationSigner: (tag: UInt16, algorithm: UInt8, digestType: UInt8) { LDNSDNSSECFields.delegationSigner(pointer) }
    var signature: (covered: RecordType, algorithm: UInt8, labels: UInt8, expiration: UInt32, inception: UInt32, tag: UInt16, signer: DNSName) {
        LDNSDNSSECFields.signature(pointer)
    }

    /// Whether this NSEC or NSEC3 record's type bitmap lists `type`.
    func lists(_ type: RecordType) -> Bool { LDNSDNSSECFields.bitmap(of: pointer, lists: type) }

    /// The bytes of rdata field `index`.
    func rdata(_ index: Int) -> [UInt8] { LDNSRData.bytes(ldns_rr_rdf(pointer, index)) }
}
