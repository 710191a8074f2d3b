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

@Suite struct MalformedTLSATests {
    /// A TLSA answer whose one record carries `rdata` (wire format built by hand: ldns will not
    /// write a record this short).
    static func response(rdata: [UInt8]) throws -> DNSResponse {
        var wire: [UInt8] = [0x12, 0x34, 0x81, 0xa0, 0, 0, 0, 1, 0, 0, 0, 0]  // QR RD RA AD, one answer
        wire += [2, 0x5f, 0x78, 0]  // owner "_x."
        wire += [0, 52, 0, 1, 0, 0, 1, 44, 0, UInt8(rdata.count)] + rdata
        return try LDNSPacket(wire: wire).response
    }

    @Test func rdataTooShortForTheFieldsIsKeptAsAnUnusableEntry() throws {
        let lookup = try Self.lookup(rdata: [3, 1])
        #expect(lookup.tlsaRecords.isEmpty)
        let entries = lookup.tlsaEntries
        #expect(entries.count == 1, "the record must not vanish")
        #expect(entries.first?.record == nil)
        #expect(entries.first?.presentation == "\\# 2 0301")
        #expect(entries.first?.usability.reason == "its data is 2 octets, too short to hold usage, selector and matching type (RFC 6698 §2.1)")
    }

    @Test func aHostWhoseOnlyRecordIsMalformedHasTLSAButNoneUsable() throws {
        let tlsa = TLSAReport(skipped: nil, note: nil, candidates: [DNSName(dnsText: "mx.x.")], attempts: [try Self.lookup(rdata: [3])])
        let host = HostReport(preference: 10, name: DNSName(dnsText: "mx.x."), addressLookups: [], cnameLookup: nil, tlsa: tlsa)
        #expect(DANEPolicy.of(host) == .encryptOnly(reason: "TLSA records present but none usable (RFC 7672 §2.2)"))
    }

    static func lookup(rdata: [UInt8]) throws -> Lookup {
        let query = DNSQuery(name: DNSName(dnsText: "_x."), type: .tlsa)
        guard case .answer(let owner, _, let answer, let ttl) = ResponseInterpreter.read(try response(rdata: rdata), for: query) else {
            throw LookupFailure()
        }
        return Lookup(name: query.name, type: .tlsa, owner: owner, status: .secure, answer: answer, ttl: ttl)
    }

    struct LookupFailure: Error {}
}
