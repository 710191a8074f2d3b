import CLDNS
import Foundation

/// Decodes ldns resource records into `ResourceRecord` values.
enum LDNSRecordDecoder {
    static func decode(_ list: UnsafeMutablePointer<ldns_rr_list>?) -> [ResourceRecord] {
        guard let list else { return [] }
        return (0..<ldns_rr_list_rr_count(list)).compactMap { index in
            ldns_rr_list_rr(list, index).map(decode)
        }
    }

    static func decode(_ rr: UnsafeMutablePointer<ldns_rr>) -> ResourceRecord {
        let type = LDNSRRList.type(of: rr)
        let owner = DNSName(dnsText: LDNSRData.text(ldns_rr_owner(rr)))
        // RRSIG field 4: the signature's expiration (RFC 4034 §3.1.5), as a serial number: the
        // date is read against the caller's clock (ResourceRecord.signatureExpiration(near:)).
        let expiration = type == .rrsig && ldns_rr_rd_count(rr) > 4 ? LDNSRData.uint32(ldns_rr_rdf(rr, 4)) : nil
        return ResourceRecord(owner: owner, type: type, ttl: ldns_rr_ttl(rr), data: data(of: rr, type: type),
                              signatureExpirationSerial: expiration)
    }

    private static func data(of rr: UnsafeMutablePointer<ldns_rr>, type: RecordType) -> RecordData {
        let field = { (index: Int) in ldns_rr_rdf(rr, index) }
        let fieldCount = ldns_rr_rd_count(rr)
        switch type {
        case .a, .aaaa:
            if let address = IPAddress(LDNSRData.text(field(0))) { return .address(address) }
        case .mx:
            if fieldCount == 2, let preference = LDNSRData.uint16(field(0)) {
                return .mx(preference: preference, exchange: DNSName(dnsText: LDNSRData.text(field(1))))
            }
        case .cname:
            if fieldCount == 1 { return .cname(DNSName(dnsText: LDNSRData.text(field(0)))) }
        case .tlsa:
            // Three fields: no association data at all; kept, so it is reported as unusable.
            if fieldCount >= 3, let usage = LDNSRData.uint8(field(0)),
               let selector = LDNSRData.uint8(field(1)), let matching = LDNSRData.uint8(field(2)) {
                return .tlsa(TLSARecord(usage: usage, selector: selector, matchingType: matching,
                                        data: fieldCount == 4 ? LDNSRData.bytes(field(3)) : []))
            }
            // Fewer than three octets of data: what there is, as received.
            return .malformedTLSA(rdata: (0..<fieldCount).flatMap { LDNSRData.bytes(field($0)) })
        case .txt:
            // Each field a character-string: its length octet, then the bytes (RFC 1035 §3.3).
            let strings = (0..<fieldCount).map { LDNSRData.bytes(field($0)) }
            if strings.allSatisfy({ $0.first.map(Int.init) == $0.count - 1 }) { return .txt(strings.map { Array($0.dropFirst()) }) }
        case .ns:
            if fieldCount == 1 { return .ns(DNSName(dnsText: LDNSRData.text(field(0)))) }
        case .soa:
            if fieldCount == 7, let serial = LDNSRData.uint32(field(2)), let minimum = LDNSRData.uint32(field(6)) {
                return .soa(serial: serial, minimum: minimum)
            }
        default:
            break
        }
        return .other((0..<fieldCount).map { LDNSRData.text(field($0)) }.joined(separator: " "))
    }
}
