import CLDNS

/// Owns an ldns packet; decodes it into a `DNSResponse`.
final class LDNSPacket {
    let pointer: UnsafeMutablePointer<ldns_pkt>

    init(taking pointer: UnsafeMutablePointer<ldns_pkt>) {
        self.pointer = pointer
    }

    /// Parses a DNS message in wire format (e.g. a recorded packet).
    convenience init(wire: [UInt8]) throws(LDNSError) {
        var packet: UnsafeMutablePointer<ldns_pkt>?
        let status = wire.withUnsafeBufferPointer { ldns_wire2pkt(&packet, $0.baseAddress, $0.count) }
        guard LDNSStatus.isSuccess(status), let packet else { throw LDNSError(status: status) }
        self.init(taking: packet)
    }

    deinit { ldns_pkt_free(pointer) }

    var response: DNSResponse {
        DNSResponse(
            rcode: ResponseCode(UInt16(ldns_pkt_get_rcode(pointer).rawValue)),
            authenticData: ldns_pkt_ad(pointer),
            truncated: ldns_pkt_tc(pointer),
            answer: LDNSRecordDecoder.decode(ldns_pkt_answer(pointer)),
            authority: LDNSRecordDecoder.decode(ldns_pkt_authority(pointer)))
    }
}
