import DaneCore
import Foundation
import Testing

/// The majority's version is the reference; the others are named with what differs; expired
/// signatures are named whatever the version; an unusable server is listed, not counted.
struct NameserverAgreementRuleTests {
    static let tlsa = ZoneServersReport.Question(name: DNSName(dnsText: "_25._tcp.mx.example.test"), type: .tlsa)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func record(_ hex: String) -> RecordData {
        .tlsa(TLSARecord(usage: 3, selector: 1, matchingType: 1, data: Array(repeating: UInt8(hex, radix: 16)!, count: 32)))
    }

    static func server(_ number: Int, serial: UInt32?, _ data: RecordData?, expires: Date? = nil, failure: String? = nil) -> NameserverReport {
        let answers = data.map { [ServedAnswer(content: .records([$0]), signatureExpiry: expires ?? now.addingTimeInterval(86400))] } ?? []
        return NameserverReport(name: DNSName(dnsText: "ns\(number).example.test"), address: IPAddress("192.0.2.\(number)")!,
                                serial: serial, answers: answers, failure: failure)
    }

    static func zone(_ servers: [NameserverReport]) -> ZoneServersReport {
        ZoneServersReport(zone: DNSName(dnsText: "example.test"), questions: [tlsa],
                          nsLookup: Lookup(name: DNSName(dnsText: "example.test"), type: .ns, status: .secure, answer: .noData, ttl: nil),
                          servers: servers, leftOut: 0, failure: nil)
    }

    @Test func theMinorityIsNamedWithItsOlderSerialAndRRset() {
        let judgements = NameserverAgreementRule.evaluate(Self.zone([
            Self.server(1, serial: 5, Self.record("ab")), Self.server(2, serial: 4, Self.record("cd")), Self.server(3, serial: 5, Self.record("ab")),
        ]), now: Self.now)
        #expect(judgements.map(\.finding) == [
            .agrees,
            .disagrees("serves serial 4, older than the 5 that 2 of 3 serve, and an older TLSA RRset at _25._tcp.mx.example.test: 3 1 1 cdcdcdcdcdcdcdcd…"),
            .agrees,
        ])
    }

    @Test func aTieGoesToTheNewestSerialAcrossTheWrap() {
        // RFC 1982: 1 comes after 4294967295.
        let judgements = NameserverAgreementRule.evaluate(Self.zone([
            Self.server(1, serial: 4_294_967_295, Self.record("ab")), Self.server(2, serial: 1, Self.record("ab")),
        ]), now: Self.now)
        #expect(judgements.map(\.finding) == [
            .disagrees("serves serial 4294967295, older than the 1 that 1 of 2 serve"), .agrees,
        ])
    }

    @Test func expiredSignaturesAndUnusableServersAreNamed() throws {
        let expired = Self.now.addingTimeInterval(-60)
        let judgements = NameserverAgreementRule.evaluate(Self.zone([
            Self.server(1, serial: 5, Self.record("ab"), expires: expired), Self.server(2, serial: 5, Self.record("ab")),
            Self.server(3, serial: nil, nil, failure: "answered REFUSED"),
        ]), now: Self.now)
        try #require(judgements.map(\.finding) == [.agrees, .agrees, .unusable("answered REFUSED")])
        #expect(judgements[0].expired == ["signatures over TLSA _25._tcp.mx.example.test expired \(TimeFormat.timestamp(expired))"])
        #expect(judgements[1].expired.isEmpty)
    }
}
