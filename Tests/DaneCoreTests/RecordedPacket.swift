import CLDNS
import Foundation
@testable import DaneCore

/// Builds DNS response messages in wire format with ldns, from zone-file lines, and reads them
/// back through the same decoder the transport uses.
enum RecordedPacket {
    static func wire(rcode: UInt8 = 0, ad: Bool, answer: [String], authority: [String] = []) -> [UInt8] {
        guard let packet = ldns_pkt_new() else { fatalError("ldns_pkt_new") }
        defer { ldns_pkt_free(packet) }
        ldns_pkt_set_qr(packet, true)
        ldns_pkt_set_rd(packet, true)
        ldns_pkt_set_ra(packet, true)
        ldns_pkt_set_ad(packet, ad)
        ldns_pkt_set_rcode(packet, rcode)
        push(answer, to: packet, section: LDNS_SECTION_ANSWER)
        push(authority, to: packet, section: LDNS_SECTION_AUTHORITY)
        var buffer: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard ldns_pkt2wire(&buffer, packet, &size) == LDNS_STATUS_OK, let buffer else { fatalError("ldns_pkt2wire") }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    /// The response as the transport would hand it over: encoded to wire format and decoded.
    static func response(rcode: UInt8 = 0, ad: Bool, answer: [String], authority: [String] = []) -> DNSResponse {
        try! LDNSPacket(wire: wire(rcode: rcode, ad: ad, answer: answer, authority: authority)).response
    }

    private static func push(_ lines: [String], to packet: UnsafeMutablePointer<ldns_pkt>, section: ldns_pkt_section) {
        for line in lines {
            var rr: UnsafeMutablePointer<ldns_rr>?
            guard ldns_rr_new_frm_str(&rr, line, 3600, nil, nil) == LDNS_STATUS_OK, let rr else {
                fatalError("bad record line: \(line)")
            }
            _ = ldns_pkt_push_rr(packet, section, rr)
        }
    }
}
