@testable import DaneCore
import Foundation
import Testing

struct TrustAnchorTests {
    @Test func readsDebianRootKeyAndDSLinesSkippingComments() throws {
        let text = """
            ; a comment
            $TTL 3600
            . IN DNSKEY 257 3 8 AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3+/4RgWOq7HrxRixHlFlExOLAJr5emLvN7SWXgnLh4+B5xQlNVz8Og8kvArMtNROxVQuCaSnIDdD5LKyWbRd2n9WGe2R8PzgCmr3EgVLrjyBxWezF0jLHwVN8efS3rCj/EWgvIWgb9tarpVUDK/b58Da+sqqls3eNbuv7pr+eoZG+SrDK6nWeL3c6H5Apxz7LjVc1uTIdsIXxuOLYA4/ilBmSVIzuDWfdRUfhHdY6+cn8HFRm+2hM8AnXGXws9555KrUB5qihylGa8subX2Nn6UwNR1AkUTV74bU= ; keytag 20326

            private.example. 3600 IN DS 12345 13 2 1f6aa0a95fe10547d0491c002839161e99c116db766880efd3c1243408146e4d
            """
        let anchors = try TrustAnchorFile.parse(text, source: "test")
        try #require(anchors.map(\.zone.absolute) == [".", "private.example."])
        #expect(anchors[0].record.contains("DNSKEY\t257 3 8"))
        #expect(anchors.allSatisfy { $0.source == "test" })
    }

    @Test func rejectsRecordsThatAreNotAnchors() {
        #expect(throws: TrustAnchorError.notAnAnchor(path: "f", line: 2)) {
            try TrustAnchorFile.parse("; x\nexample. 300 IN A 192.0.2.1\n", source: "f")
        }
        #expect(throws: TrustAnchorError.empty(path: "f")) { try TrustAnchorFile.parse("; nothing\n", source: "f") }
        #expect(throws: TrustAnchorError.unreadable(path: "/nonexistent")) { try TrustAnchorFile.load("/nonexistent") }
        #expect {
            try TrustAnchorFile.parse(". IN DS 12345 13 2 zz\n", source: "f")
        } throws: { ($0 as? TrustAnchorError).map { if case .malformed(_, 1, _) = $0 { true } else { false } } ?? false }
    }

    @Test func defaultAnchorFileFromDnsRootDataHoldsTheRootKSK() throws {
        let anchors = try TrustAnchorFile.load(TrustAnchorFile.defaultPath)
        #expect(anchors.contains { $0.zone.absolute == "." && $0.record.contains("DNSKEY") })
    }

    @Test func rrsigTimesAreSerialNumbersClosestToNow() {
        let now = Date(timeIntervalSince1970: 4_290_000_000)  // 2105, past the 32-bit wrap
        let raw = UInt32(truncatingIfNeeded: Int64(4_300_000_000))
        #expect(SerialTime.date(raw, near: now).timeIntervalSince1970 == 4_300_000_000)
        let today = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(SerialTime.date(2_114_380_800, near: today).timeIntervalSince1970 == 2_114_380_800)  // 2037-01-01
    }

    @Test func namesKnowTheirParentsAndAncestors() throws {
        let name = try DNSName(validatingOwner: "_25._TCP.mx.Example.test")
        #expect(name.absolute == "_25._tcp.mx.example.test.")
        #expect(name.parent?.absolute == "_tcp.mx.example.test.")
        #expect(DNSName(dnsText: "test.").parent?.absolute == ".")
        #expect(DNSName(dnsText: ".").parent == nil)
        #expect(name.isSubdomain(of: DNSName(dnsText: "example.test.")))
        #expect(!DNSName(dnsText: "badexample.test.").isSubdomain(of: DNSName(dnsText: "example.test.")))
        #expect(name.labelCount == 5)
        #expect(throws: DNSNameError.self) { try DNSName(validatingOwner: "_2 5.example.test") }
    }

    @Test func aCNAMEChainIsAsStrongAsItsWeakestRRset() {
        let secure = ValidationOutcome(status: .secure, reason: nil, steps: [])
        let insecure = ValidationOutcome(status: .insecure, reason: "unsigned", steps: [])
        let bogus = ValidationOutcome(status: .bogus, reason: "expired", steps: [])
        #expect(ValidationOutcome.combine([secure, insecure]).status == .insecure)
        #expect(ValidationOutcome.combine([insecure, bogus, secure]).reason == "expired")
        #expect(ValidationOutcome.combine([secure, secure]).status == .secure)
    }
}
