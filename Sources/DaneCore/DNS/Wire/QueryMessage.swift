import CLDNS

/// One query as it goes on the wire: a fresh ID from the system's CSPRNG (getrandom(2) behind
/// `SystemRandomNumberGenerator`), RD=1, CD as asked, EDNS0 with DO=1 and a 1232-octet UDP size
/// (RFC 4035 §3.2.1, RFC 6891 §6). ldns writes the message; danecheck sends it itself.
struct QueryMessage: Sendable {
    static let udpPayloadSize: UInt16 = 1232

    let query: DNSQuery
    let id: UInt16
    let wire: [UInt8]

    /// Why a question cannot be sent at all (nothing goes on the wire).
    enum Failure: Error, Sendable, Equatable {
        case nameTooLong(octets: Int)
        case encoding(String)
    }

    init(_ query: DNSQuery, id: UInt16 = .random(in: .min ... .max)) throws(Failure) {
        let octets = query.name.wireLength
        guard octets <= DNSName.maxWireLength, let name = ldns_dname_new_frm_str(query.name.absolute) else {
            throw .nameTooLong(octets: octets)
        }
        var flags: UInt16 = query.recursionDesired ? UInt16(LDNS_RD) : 0
        if query.checkingDisabled { flags |= UInt16(LDNS_CD) }
        // The packet owns `name` from here on.
        guard let packet = ldns_pkt_query_new(name, ldns_rr_type(UInt32(query.type.rawValue)), LDNS_RR_CLASS_IN, flags) else {
            throw .encoding("ldns could not build the query")
        }
        defer { ldns_pkt_free(packet) }
        ldns_pkt_set_id(packet, id)
        ldns_pkt_set_edns_udp_size(packet, Self.udpPayloadSize)
        ldns_pkt_set_edns_do(packet, true)
        var buffer: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard LDNSStatus.isSuccess(ldns_pkt2wire(&buffer, packet, &size)), let buffer else {
            throw .encoding("ldns could not write the query")
        }
        defer { free(buffer) }
        self.query = query
        self.id = id
        wire = Array(UnsafeBufferPointer(start: buffer, count: size))
    }
}
