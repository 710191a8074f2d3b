import DaneCore
import Testing

/// RFC 8460 §3: the TLSRPT record's grammar, and which of several TXT records a sender uses.
struct TLSRPTParsingTests {
    @Test func aRecordWithMailtoAndHTTPSURIsIsValid() throws {
        let record = try TLSRPTRecord.parse("v=TLSRPTv1; rua=mailto:tlsrpt@example.com, https://reports.example.com/v1;").get()
        #expect(record.rua == ["mailto:tlsrpt@example.com", "https://reports.example.com/v1"])
        #expect(try TLSRPTRecord.parse("v=TLSRPTv1;rua=mailto:a@b.example").get().rua == ["mailto:a@b.example"])
    }

    @Test(arguments: [
        ("v=TLSRPTv1;", "no rua= field, so reports have nowhere to go"),
        ("rua=mailto:a@b.example; v=TLSRPTv1", "the record does not start with v=TLSRPTv1"),
        ("v=TLSRPTv1; rua=ftp://x.example/", "rua 'ftp://x.example/' is neither mailto: nor https:"),
        ("v=TLSRPTv1; rua=mailto:nobody", "rua 'mailto:nobody' is not a mail address"),
        ("v=TLSRPTv1; rua=https://", "rua 'https://' is not an https URL"),
        ("v=TLSRPTv1; rua=mailto:a@b.example,", "an empty rua URI"),
        ("v=TLSRPTv1; rua=mailto:a@b.example; rua=mailto:c@d.example", "2 rua= fields (one is allowed)"),
        ("v=TLSRPTv1; garbage", "field 'garbage' is not key=value"),
    ])
    func aMalformedRecordSaysWhy(text: String, reason: String) {
        #expect(TLSRPTRecord.parse(text) == .failure(.record(reason)))
    }

    @Test func onlyOneRecordMayStartWithTheVersion() throws {
        #expect(try TLSRPTRecord.select(["v=spf1 -all", "v=TLSRPTv1; rua=mailto:a@b.example"]).get().rua == ["mailto:a@b.example"])
        #expect(TLSRPTRecord.select(["v=TLSRPTv1; rua=mailto:a@b.example", "v=TLSRPTv1; rua=mailto:c@d.example"])
                == .failure(.record("2 TXT records start with v=TLSRPTv1 (one is allowed)")))
        #expect(TLSRPTRecord.select(["v=spf1 -all"]) == .failure(.record("no TXT record starts with v=TLSRPTv1")))
        // "v=TLSRPTv10" is another version, not this one.
        #expect(TLSRPTRecord.select(["v=TLSRPTv10; rua=mailto:a@b.example"]) == .failure(.record("no TXT record starts with v=TLSRPTv1")))
    }
}
