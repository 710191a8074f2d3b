import CLDNS
import Foundation

/// Owns an ldns packet; decodes it into a `DNSResponse`. Parsed once, then only read (records
/// are handed out as copies): shared between tasks as it is.
final class LDNSPacket: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<ldns_pkt>
    /// The message as received, when the packet was parsed from it.
    private let received: [UInt8]?

    init(taking pointer: UnsafeMutablePointer<ldns_pkt>) {
        self.pointer = pointer
        received = nil
    }

    /// Parses a DNS message in wire format (as received, or a recorded packet).
    init(wire: [UInt8]) throws(LDNSError) {
        var packet: UnsafeMutablePointer<ldns_pkt>?
        let status = wire.withUnsafeBufferPointer { ldns_wire2pkt(&packet, $0.baseAddress, $0.count) }
        guard LDNSStatus.isSuccess(status), let packet else { throw LDNSError(status: status) }
        pointer = packet
        received = wire
    }

    deinit { ldns_pkt_free(pointer) }

    var response: DNSResponse {
        DNSResponse(
            rcode: ResponseCode(UInt16(truncatingIfNeeded: ldns_pkt_get_rcode(pointer).rawValue)),
            authenticData: ldns_pkt_ad(pointer),
            truncated: ldns_pkt_tc(pointer),
            authoritative: ldns_pkt_aa(pointer),
            answer: LDNSRecordDecoder.decode(ldns_pkt_answer(pointer)),
            authority: LDNSRecordDecoder.decode(ldns_pkt_authority(pointer)),
            wire: received ?? wire)
    }

    /// The packet in wire format (nil if ldns cannot write it).
    var wire: [UInt8]? {
        var buffer: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard LDNSStatus.isSuccess(ldns_pkt2wire(&buffer, pointer, &size)), let buffer else { return nil }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    /// Copies of the records of `type` in `section` (owner matched when given).
    func records(_ type: RecordType, in section: ldns_pkt_section, owner: DNSName? = nil) -> LDNSRRList {
        let list = LDNSRRList()
        let source: UnsafeMutablePointer<ldns_rr_list>? = switch section {
        case LDNS_SECTION_ANSWER: ldns_pkt_answer(pointer)
        case LDNS_SECTION_AUTHORITY: ldns_pkt_authority(pointer)
        default: ldns_pkt_additional(pointer)
        }
        guard let source else { return list }
        for index in 0..<ldns_rr_list_rr_count(source) {
            guard let rr = ldns_rr_list_rr(source, index), LDNSRRList.type(of: rr) == type else { continue }
            if let owner, LDNSRRList.owner(of: rr) != owner { continue }
            list.append(copyOf: rr)
        }
        return list
    }

    /// The denial records of the authority section: its NSEC records, else its NSEC3 records.
    var proofRecords: LDNSRRList {
        let nsec = records(.nsec, in: LDNS_SECTION_AUTHORITY)
        return nsec.isEmpty ? records(.nsec3, in: LDNS_SECTION_AUTHORITY) : nsec
    }
}
