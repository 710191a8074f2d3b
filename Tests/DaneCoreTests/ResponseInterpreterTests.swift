import Testing
@testable import DaneCore

@Suite struct ResponseInterpreterTests {
    let soa = "example.test. 3600 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300"

    @Test func recordsOfTheAskedTypeWithTheirShortestTTL() {
        let response = RecordedPacket.response(ad: true, answer: [
            "example.test. 3600 IN MX 10 mx1.example.test.",
            "example.test. 1800 IN MX 20 mx2.example.test.",
        ])
        #expect(response.authenticData)
        let reading = ResponseInterpreter.read(response, for: DNSQuery(name: DNSName(dnsText: "example.test"), type: .mx))
        #expect(reading == .answer(owner: DNSName(dnsText: "example.test"), aliases: [], answer: .records([
            .mx(preference: 10, exchange: DNSName(dnsText: "mx1.example.test")),
            .mx(preference: 20, exchange: DNSName(dnsText: "mx2.example.test")),
        ]), ttl: 1800))
    }

    @Test func cnameChainIsFollowedToTheRecords() {
        let response = RecordedPacket.response(ad: true, answer: [
            "alias.example.test. 3600 IN CNAME middle.example.test.",
            "middle.example.test. 3600 IN CNAME real.example.test.",
            "real.example.test. 600 IN A 127.0.5.1",
        ])
        let reading = ResponseInterpreter.read(response, for: DNSQuery(name: DNSName(dnsText: "alias.example.test"), type: .a))
        #expect(reading == .answer(owner: DNSName(dnsText: "real.example.test"),
                                   aliases: [DNSName(dnsText: "middle.example.test"), DNSName(dnsText: "real.example.test")],
                                   answer: .records([.address(IPAddress("127.0.5.1")!)]), ttl: 600))
    }

    @Test func cnameLoopIsNamedAsSuchNotNoData() {
        let response = RecordedPacket.response(ad: false, answer: [
            "a.example.test. 60 IN CNAME b.example.test.",
            "b.example.test. 60 IN CNAME a.example.test.",
        ])
        let reading = ResponseInterpreter.read(response, for: DNSQuery(name: DNSName(dnsText: "a.example.test"), type: .a))
        #expect(reading == .broken("CNAME loop: a.example.test → b.example.test → a.example.test"))
    }

    @Test func aChainOfSixteenAliasesIsFollowedSeventeenIsTooLong() {
        func chain(_ length: Int) -> DNSResponse {
            var answer = (0..<length).map { "c\($0).example.test. 60 IN CNAME c\($0 + 1).example.test." }
            answer.append("c\(length).example.test. 60 IN A 127.0.5.1")
            return RecordedPacket.response(ad: false, answer: answer)
        }
        let query = DNSQuery(name: DNSName(dnsText: "c0.example.test"), type: .a)
        guard case .answer(let owner, let aliases, .records, _) = ResponseInterpreter.read(chain(16), for: query) else {
            Issue.record("16 aliases are followed")
            return
        }
        #expect(owner == DNSName(dnsText: "c16.example.test") && aliases.count == 16)
        guard case .broken(let reason) = ResponseInterpreter.read(chain(17), for: query) else {
            Issue.record("17 aliases are too many")
            return
        }
        #expect(reason.hasPrefix("CNAME chain longer than 16 aliases: c0.example.test → c1.example.test → c2.example.test → … →"))
    }

    @Test func noDataAndNXDomainAreAnswersWithTheSOANegativeTTL() {
        let nodata = RecordedPacket.response(ad: true, answer: [], authority: [soa])
        #expect(ResponseInterpreter.read(nodata, for: DNSQuery(name: DNSName(dnsText: "example.test"), type: .tlsa))
                == .answer(owner: DNSName(dnsText: "example.test"), aliases: [], answer: .noData, ttl: 300))
        let nx = RecordedPacket.response(rcode: 3, ad: true, answer: [], authority: [soa])
        #expect(ResponseInterpreter.read(nx, for: DNSQuery(name: DNSName(dnsText: "nx.example.test"), type: .mx))
                == .answer(owner: DNSName(dnsText: "nx.example.test"), aliases: [], answer: .nxDomain, ttl: 300))
    }

    @Test func servfailAndOtherErrorsAreNotAnswers() {
        #expect(ResponseInterpreter.read(RecordedPacket.response(rcode: 2, ad: false, answer: []),
                                         for: DNSQuery(name: DNSName(dnsText: "x.test"), type: .mx)) == .serverFailure)
        #expect(ResponseInterpreter.read(RecordedPacket.response(rcode: 5, ad: false, answer: []),
                                         for: DNSQuery(name: DNSName(dnsText: "x.test"), type: .mx)) == .error(.refused))
    }

    @Test func tlsaRecordsAreDecodedFieldByField() {
        let response = RecordedPacket.response(ad: true, answer: [
            "_25._tcp.mx.example.test. 300 IN TLSA 3 1 1 8a1f0000000000000000000000000000000000000000000000000000000000ff",
        ])
        let query = DNSQuery(name: DNSName(dnsText: "_25._tcp.mx.example.test"), type: .tlsa)
        guard case .answer(_, _, .records(let records), let ttl) = ResponseInterpreter.read(response, for: query),
              case .tlsa(let record) = records.first else {
            Issue.record("expected a TLSA record")
            return
        }
        #expect(ttl == 300)
        #expect((record.usage, record.selector, record.matchingType) == (3, 1, 1))
        #expect(record.data.count == 32)
        #expect(record.hexData.hasPrefix("8a1f") && record.hexData.hasSuffix("ff"))
    }

    @Test func nullMXDecodesToTheRoot() {
        let response = RecordedPacket.response(ad: true, answer: ["nullmx.test. 3600 IN MX 0 ."])
        let query = DNSQuery(name: DNSName(dnsText: "nullmx.test"), type: .mx)
        guard case .answer(_, _, .records(let records), _) = ResponseInterpreter.read(response, for: query) else {
            Issue.record("expected records")
            return
        }
        #expect(records == [.mx(preference: 0, exchange: DNSName(dnsText: "."))])
    }
}
