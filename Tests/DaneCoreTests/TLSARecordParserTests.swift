import Testing
@testable import DaneCore

@Suite struct TLSARecordParserTests {
    @Test func plainAndZoneFileForms() throws {
        let plain = try TLSARecordParser.parse("3 1 1 8A1F00")
        #expect(plain == TLSARecord(usage: 3, selector: 1, matchingType: 1, data: [0x8a, 0x1f, 0x00]))
        let zone = try TLSARecordParser.parse("_25._tcp.mx.example.test. 300 IN TLSA 2 0 1 8a1f 00ff")
        #expect(zone == TLSARecord(usage: 2, selector: 0, matchingType: 1, data: [0x8a, 0x1f, 0x00, 0xff]))
    }

    @Test func fileSkipsCommentsAndBlankLines() throws {
        let records = try TLSARecordParser.parseFile("; comment\n\n# other\n3 1 1 aa\n2 1 1 bb\n")
        #expect(records.map(\.description) == ["3 1 1 aa", "2 1 1 bb"])
    }

    @Test(arguments: [
        ("3 1 1", TLSARecordParser.Failure.fields("3 1 1")),
        ("3 1 x aa", .number("3 1 x aa", field: "matching type")),
        ("300 1 1 aa", .number("300 1 1 aa", field: "usage")),
        ("3 1 1 abc", .hex("3 1 1 abc")),
        ("3 1 1 zz", .notHex("3 1 1 zz")),
    ])
    func badRecordsSayWhy(text: String, failure: TLSARecordParser.Failure) {
        #expect(throws: failure) { try TLSARecordParser.parse(text) }
    }

    @Test func aRecordIsAbbreviatedToItsFirstEightOctets() {
        let record = TLSARecord(usage: 3, selector: 1, matchingType: 1, data: Array(0..<32))
        #expect(record.abbreviated == "3 1 1 0001020304050607…")
        #expect(TLSARecord(usage: 2, selector: 0, matchingType: 0, data: [0xab, 0xcd]).abbreviated == "2 0 0 abcd")
        #expect(record.hexData.count == 64 && record.hexData.hasPrefix("000102"))
    }
}
