import Foundation
import Testing
@testable import DaneCore

struct MTASTSParsingTests {
    @Test func policyParsesCRLFAndLFAndKeepsEveryMX() throws {
        let policy = try MTASTSPolicy.parse("version: STSv1\r\nmode: enforce\r\nmx: MX1.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\nextension: ignored\r\n").get()
        #expect(policy.mode == .enforce)
        #expect(policy.mx == ["mx1.example.com", "*.example.net"])
        #expect(policy.maxAge == 604800)
        #expect(try MTASTSPolicy.parse("version: STSv1\nmode: none\nmax_age: 0\n").get().mx.isEmpty)
    }

    @Test(arguments: [
        ("mode: enforce\nmx: a.example\nmax_age: 1\n", "version is missing, not STSv1"),
        ("version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n", "version is 'STSv2', not STSv1"),
        ("version: STSv1\nmode: sometimes\nmx: a.example\nmax_age: 1\n", "mode 'sometimes' is not enforce, testing or none"),
        ("version: STSv1\nmode: enforce\nmax_age: 1\n", "no mx"),
        ("version: STSv1\nmode: enforce\nmx: a.example\n", "no max_age"),
        ("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557601\n", "max_age '31557601' is not a number of seconds up to 31557600"),
        ("version: STSv1\nthis line has no colon\n", "line 'this line has no colon' is not 'key: value'"),
    ])
    func malformedPoliciesSayWhy(text: String, reason: String) {
        #expect(MTASTSPolicy.parse(text) == .failure(.malformed(reason)))
    }

    @Test func mxPatternsMatchOneWildcardLabel() {
        let policy = MTASTSPolicy(mode: .enforce, mx: ["mail.example.com", "*.example.net"], maxAge: 1)
        #expect(policy.allows(DNSName(dnsText: "mail.example.com.")))
        #expect(policy.allows(DNSName(dnsText: "mx1.example.net.")))
        #expect(!policy.allows(DNSName(dnsText: "a.b.example.net.")), "a wildcard covers one label (RFC 8461 §4.1)")
        #expect(!policy.allows(DNSName(dnsText: "example.net.")))
        #expect(!policy.allows(DNSName(dnsText: "evil-mail.example.com.")))
    }

    @Test func txtRecordsAreSelectedAsTheRFCSays() throws {
        #expect(try MTASTSRecord.select(["v=STSv1; id=20190429T010101;", "unrelated"]).get().id == "20190429T010101")
        #expect(MTASTSRecord.select(["v=STSv1; id=a;", "v=STSv1; id=b;"]) == .failure(.record("2 TXT records start with v=STSv1 (one is allowed)")))
        #expect(MTASTSRecord.select(["spf"]) == .failure(.record("no TXT record starts with v=STSv1")))
        #expect(MTASTSRecord.parse("v=STSv1;") == .failure(.record("the record has no id")))
        #expect(MTASTSRecord.parse("v=STSv1; id=not-alnum;") == .failure(.record("id 'not-alnum' is not 1-32 letters and digits")))
    }

    /// TXT data comes from the wire as bytes: strings joined with nothing between them, `\DDD`
    /// in a zone file is one byte (so UTF-8 spread over two escapes is one character, where
    /// reading the presentation text made each escape a character of its own: "Ã©"), and the
    /// presentation quotes and escapes what is not printable ASCII.
    @Test func txtDataIsBytesFromTheWire() throws {
        let response = RecordedPacket.response(ad: true, answer: [
            #"_mta-sts.example.test. 300 IN TXT "v=STSv1; " "id=1\0592;""#,
            #"_smtp._tls.example.test. 300 IN TXT "caf\195\169 \"q\"""#,
        ])
        let data = response.answer.map(\.data)
        #expect(data.first == .txt([Array("v=STSv1; ".utf8), Array("id=1;2;".utf8)]))
        #expect(data.map(\.txtText) == ["v=STSv1; id=1;2;", "café \"q\""])
        #expect(data.map(RecordPresentation.text) == [#""v=STSv1; " "id=1;2;""#, #""caf\195\169 \"q\"""#])
        #expect(RecordData.mx(preference: 1, exchange: DNSName(dnsText: "mx.test.")).txtText == nil)
    }

    @Test func httpResponsesWithLengthChunksOrNeither() throws {
        let plain = try HTTPResponseParser.parse(Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello-extra".utf8))
        #expect(plain.status == 200)
        #expect(plain.header("content-type") == "text/plain")
        #expect(plain.body == Array("hello".utf8))
        let chunked = try HTTPResponseParser.parse(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n".utf8))
        #expect(chunked.body == Array("hello world".utf8))
        let closed = try HTTPResponseParser.parse(Array("HTTP/1.0 301 Moved\r\nLocation: x\r\n\r\nbye".utf8))
        #expect(closed.status == 301 && closed.body == Array("bye".utf8))
        #expect(throws: HTTPResponseParser.Failure.incomplete) { try HTTPResponseParser.parse(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort".utf8)) }
        #expect(throws: HTTPResponseParser.Failure.malformed("status line 'SMTP 220 hello'")) { try HTTPResponseParser.parse(Array("SMTP 220 hello\r\n\r\n".utf8)) }
    }

    @Test func hostileChunkSizesAreMalformedNotCrashes() {
        for size in ["-1", "7fffffffffffffff", "+5", "zz"] {
            let response = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nhello\r\n0\r\n\r\n".utf8)
            #expect(throws: HTTPResponseParser.Failure.malformed("chunk size '\(size)'")) { try HTTPResponseParser.parse(response) }
        }
    }

    @Test func invalidMXPatternsAndRecordFieldsMeanNoPolicy() {
        for pattern in ["", "*", "a..b", "*.*.example", "mx example"] {
            #expect(MTASTSPolicy.parse("version: STSv1\nmode: enforce\nmx: \(pattern)\nmax_age: 10\n")
                    == .failure(.malformed("mx '\(pattern)' is not a host name or *.domain")))
        }
        #expect(MTASTSRecord.select(["v=STSv10; id=x;", "v=STSv1; id=abc;"]).map(\.id) == .success("abc"), "v=STSv10 is another version")
        #expect(MTASTSRecord.parse("v=STSv1; id=abc; junk") == .failure(.record("field 'junk' is not key=value")))
    }

    @Test func aCachedPolicyAppliesWhenNoFreshOneCanBeHad() async throws {
        let transport = ReplayTransport()
        transport.record("_mta-sts.example.test.", .txt, rcode: 3, ad: true, answer: [])
        let cache = MTASTSPolicyCache()
        let domain = DNSName(dnsText: "example.test.")
        let policy = MTASTSPolicy(mode: .enforce, mx: ["mx.example.test"], maxAge: 600)
        let old = Lookup(name: domain.prepending("_mta-sts"), type: .txt, status: .secure, answer: .records([]), ttl: 300)
        await cache.store(MTASTSReport(domain: domain, txt: old, record: try MTASTSRecord.parse("v=STSv1; id=1").get(), policy: policy,
                                       failure: nil, fetchedAt: Date()), caFile: nil)
        let fetcher = MTASTSFetcher(lookups: DNSLookupService(transport: transport), https: HTTPSFetcher(timeout: 1, caFile: nil), cache: cache)
        let report = await fetcher.fetch(domain)
        #expect(report.effective == policy)
        #expect(report.note == "cached policy applies: no _mta-sts TXT record")
        let otherStore = MTASTSFetcher(lookups: DNSLookupService(transport: transport), https: HTTPSFetcher(timeout: 1, caFile: "/other.pem"), cache: cache)
        #expect(await otherStore.fetch(domain).effective == nil, "a policy fetched under another CA store does not count")
        let expired = MTASTSFetcher(lookups: DNSLookupService(transport: transport), https: HTTPSFetcher(timeout: 1, caFile: nil), cache: cache,
                                    now: { Date().addingTimeInterval(601) })
        #expect(await expired.fetch(domain).effective == nil, "max_age over")
    }
}
