import CLDNS
import Foundation
@testable import DaneCore

/// DNS messages as a resolver or a hostile server sends them, through ldns and then our code.
enum DNSTargets {
    /// The message's own question (the one a reply must match), or MX at example.test.
    static func question(_ packet: LDNSPacket) -> DNSQuery {
        if let list = ldns_pkt_question(packet.pointer), ldns_rr_list_rr_count(list) > 0, let rr = ldns_rr_list_rr(list, 0) {
            return DNSQuery(name: LDNSRRList.owner(of: rr), type: LDNSRRList.type(of: rr))
        }
        return DNSQuery(name: DNSName(dnsText: "example.test."), type: .mx)
    }

    static func response(_ bytes: [UInt8]) {
        guard let packet = try? LDNSPacket(wire: bytes) else { return }
        let response = packet.response
        let query = question(packet)
        _ = ResponseInterpreter.read(response, for: query)
        _ = ResponseInterpreter.read(response, for: DNSQuery(name: query.name, type: .tlsa))
        for record in response.answer + response.authority {
            _ = RecordPresentation.text(record.data)
            _ = record.data.txtText
        }
        _ = response.earliestSignatureExpiry(near: Date(timeIntervalSince1970: 1_700_000_000))
        _ = ServedAnswer(response, for: query, near: Date(timeIntervalSince1970: 1_700_000_000)).summary
    }

    /// The bytes as the rdata of a TLSA answer to _25._tcp.mx.example.test.
    static func tlsaRData(_ bytes: [UInt8]) {
        let rdata = Array(bytes.prefix(512))
        var wire: [UInt8] = [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]
        let name: [UInt8] = [3] + Array("_25".utf8) + [4] + Array("_tcp".utf8) + [2] + Array("mx".utf8)
            + [7] + Array("example".utf8) + [4] + Array("test".utf8) + [0]
        wire += name + [0, 52, 0, 1]
        wire += [0xC0, 12, 0, 52, 0, 1, 0, 0, 1, 44, UInt8(rdata.count >> 8), UInt8(rdata.count & 0xFF)] + rdata
        guard let packet = try? LDNSPacket(wire: wire) else { return }
        let response = packet.response
        let query = DNSQuery(name: DNSName(dnsText: "_25._tcp.mx.example.test."), type: .tlsa)
        if case .answer(let owner, _, let answer, let ttl) = ResponseInterpreter.read(response, for: query) {
            let lookup = Lookup(name: query.name, type: .tlsa, owner: owner, status: .secure, answer: answer, ttl: ttl)
            for entry in lookup.tlsaEntries { _ = entry.usability.isUsable; _ = entry.record?.abbreviated }
        }
    }

    /// The authority section as a denial proof for the message's question, in the zone the SOA
    /// names (else the question's parent).
    static func denialProof(_ bytes: [UInt8]) {
        guard let packet = try? LDNSPacket(wire: bytes) else { return }
        let query = question(packet)
        let soa = packet.records(.soa, in: LDNS_SECTION_AUTHORITY)
        let zone = soa.records.first.map { LDNSRRList.owner(of: $0.pointer) } ?? query.name.parent ?? DNSName(dnsText: ".")
        let records = packet.proofRecords
        _ = DenialProof.check(query.name, query.type, nxDomain: packet.response.rcode == .nxDomain, records: records, zone: zone)
        _ = DenialProof.delegation(query.name, records: records, zone: zone)
    }
}
