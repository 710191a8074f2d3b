import Testing
@testable import DaneCore

@Suite struct TLSADecodingTests {
    @Test func tlsaWithoutAssociationDataIsKeptAndUnusable() throws {
        // Built from wire format: TLSA RDATA of just usage, selector and matching type.
        var wire: [UInt8] = [0x12, 0x34, 0x81, 0xa0, 0, 0, 0, 1, 0, 0, 0, 0]  // QR RD RA AD, one answer
        wire += [2, 0x5f, 0x78, 0]  // owner "_x."
        wire += [0, 52, 0, 1, 0, 0, 1, 44, 0, 3, 3, 1, 1]  // TLSA IN TTL 300 RDLENGTH 3: 3 1 1
        let response = try LDNSPacket(wire: wire).response
        let query = DNSQuery(name: DNSName(dnsText: "_x."), type: .tlsa)
        guard case .answer(_, _, .records(let records), _) = ResponseInterpreter.read(response, for: query),
              case .tlsa(let record)? = records.first else {
            Issue.record("the record must not be dropped")
            return
        }
        #expect(record.data.isEmpty)
        #expect(SMTPTLSAUsabilityRule.evaluate(record) == .unusable(reason: "SHA2-256 digest must be 32 octets, got 0"))
    }
}
