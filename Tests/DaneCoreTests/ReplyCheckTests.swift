import CLDNS
import Testing
@testable import DaneCore

/// A reply must answer the query it is taken for: ID, QR, opcode and question (RFC 5452 §9.1).
@Suite struct ReplyCheckTests {
    static let query = DNSQuery(name: DNSName(dnsText: "Example.test."), type: .mx)

    static func sent() throws -> QueryMessage { try QueryMessage(query, id: 0x1234) }

    /// The sent query turned into a reply (QR=1), then changed by `edit`.
    static func reply(_ edit: (inout [UInt8]) -> Void = { _ in }) throws -> [UInt8] {
        var wire = try sent().wire
        wire[2] |= 0x80
        edit(&wire)
        return wire
    }

    @Test func theReplyToTheQueryMatches() throws {
        #expect(ReplyCheck.check(try Self.reply(), against: try Self.sent()) == nil)
    }

    @Test func theQuestionNameMatchesWhateverItsLetterCase() throws {
        let folded = try Self.reply { wire in
            for index in 13..<20 where (65...90).contains(wire[index]) || (97...122).contains(wire[index]) { wire[index] ^= 0x20 }
        }
        #expect(ReplyCheck.check(folded, against: try Self.sent()) == nil)
    }

    @Test func anotherIDIsNotTheReply() throws {
        let reply = try Self.reply { $0[1] ^= 1 }
        #expect(ReplyCheck.check(reply, against: try Self.sent()) == .id(expected: 0x1234, got: 0x1235))
    }

    @Test func aQueryIsNotAReply() throws {
        #expect(ReplyCheck.check(try Self.sent().wire, against: try Self.sent()) == .notAResponse)
    }

    @Test func anotherOpcodeIsNotTheReply() throws {
        let reply = try Self.reply { $0[2] |= 2 << 3 }
        #expect(ReplyCheck.check(reply, against: try Self.sent()) == .opcode(2))
    }

    @Test func anotherNameTypeOrClassIsNotTheReply() throws {
        let name = try Self.reply { $0[14] = UInt8(ascii: "z") }  // "Ezample"
        #expect(ReplyCheck.check(name, against: try Self.sent()) == .question("ezample.test. MX IN, not example.test. MX IN"))
        let nameEnd = 12 + 1 + 7 + 1 + 4 + 1
        let type = try Self.reply { $0[nameEnd + 1] = 1 }
        #expect(ReplyCheck.check(type, against: try Self.sent()) == .question("example.test. A IN, not example.test. MX IN"))
        let qclass = try Self.reply { $0[nameEnd + 3] = 3 }
        #expect(ReplyCheck.check(qclass, against: try Self.sent()) == .question("example.test. MX CH, not example.test. MX IN"))
    }

    @Test func noQuestionACompressedOneOrAShortMessageIsNotTheReply() throws {
        let none = try Self.reply { $0[5] = 0 }
        #expect(ReplyCheck.check(none, against: try Self.sent()) == .question("count 0, not 1"))
        let pointer = try Self.reply { $0[12] = 0xc0 }
        #expect(ReplyCheck.check(pointer, against: try Self.sent()) == .question("section unreadable"))
        #expect(ReplyCheck.check([0x12, 0x34, 0x80], against: try Self.sent()) == .tooShort(octets: 3))
    }
}

@Suite struct QueryMessageTests {
    @Test func everyQueryHasAFreshRandomID() throws {
        let query = DNSQuery(name: DNSName(dnsText: "example.test."), type: .mx)
        let ids = Set(try (0..<64).map { _ in try QueryMessage(query).id })
        // 64 draws from 65536: all equal by chance once in 2^1008; a counter or a constant fails.
        #expect(ids.count > 48)
    }

    @Test func theQueryAsksForDNSSECRecordsWithRecursionAndCDAsAsked() throws {
        let message = try QueryMessage(DNSQuery(name: DNSName(dnsText: "example.test."), type: .tlsa, checkingDisabled: true), id: 7)
        let packet = try LDNSPacket(wire: message.wire)
        #expect(ldns_pkt_id(packet.pointer) == 7)
        #expect(ldns_pkt_rd(packet.pointer) && ldns_pkt_cd(packet.pointer) && !ldns_pkt_qr(packet.pointer))
        #expect(ldns_pkt_edns_do(packet.pointer))
        #expect(ldns_pkt_edns_udp_size(packet.pointer) == QueryMessage.udpPayloadSize)
    }

    @Test func aNameLongerThanDNSAllowsIsNeverSent() {
        let label = String(repeating: "a", count: 63)
        let name = DNSName(dnsText: "_25._tcp.\(label).\(label).\(label).\(label).")
        #expect(name.wireLength == 1 + 4 + 5 + 4 * 64)
        #expect(throws: QueryMessage.Failure.nameTooLong(octets: 266)) {
            try QueryMessage(DNSQuery(name: name, type: .tlsa))
        }
    }
}
