import Foundation
import Testing
@testable import DaneCore

/// The RFC 7672 walk over recorded answers: which lookups are made, in which order, and what
/// the report says.
@Suite struct DomainInspectorTests {
    static let digest = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    static let soa = "example.test. 3600 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300"

    static func inspector(_ transport: ReplayTransport) -> DomainInspector {
        DomainInspector(lookups: DNSLookupService(transport: transport),
                        probes: [(server: ReplayTransport.server, transport: transport)])
    }

    /// mx1 (pref 20): secure, usable TLSA. mx0 (pref 10): insecure addresses. mx2 (pref 30): bogus TLSA.
    static func exampleTransport() -> ReplayTransport {
        let t = ReplayTransport()
        t.record(".", .soa, ad: true, answer: [". 86400 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300"])
        t.record("example.test.", .mx, ad: true, answer: [
            "example.test. 3600 IN MX 30 mx2.example.test.",
            "example.test. 3600 IN MX 20 mx1.example.test.",
            "example.test. 3600 IN MX 10 mx0.other.test.",
        ])
        t.record("mx1.example.test.", .a, ad: true, answer: ["mx1.example.test. 3600 IN A 127.0.1.1"])
        t.record("mx1.example.test.", .aaaa, ad: true, answer: ["mx1.example.test. 1800 IN AAAA ::1"])
        t.record("_25._tcp.mx1.example.test.", .tlsa, ad: true, answer: [
            "_25._tcp.mx1.example.test. 300 IN TLSA 3 1 1 \(digest)",
            "_25._tcp.mx1.example.test. 300 IN TLSA 0 0 1 \(digest)",
        ])
        t.record("mx0.other.test.", .a, ad: false, answer: ["mx0.other.test. 3600 IN A 127.0.1.3"])
        t.record("mx0.other.test.", .aaaa, ad: false, answer: [], authority: [soa])
        t.record("mx2.example.test.", .a, ad: true, answer: ["mx2.example.test. 3600 IN A 127.0.1.2"])
        t.record("mx2.example.test.", .aaaa, ad: true, answer: [], authority: [soa])
        t.record("_25._tcp.mx2.example.test.", .tlsa, rcode: 2, ad: false, answer: [])
        t.record("_25._tcp.mx2.example.test.", .tlsa, cd: true, ad: false, answer: ["_25._tcp.mx2.example.test. 300 IN TLSA 3 1 1 \(digest)"])
        t.record("_smtp._tls.example.test.", .txt, ad: true, answer: [#"_smtp._tls.example.test. 300 IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@example.test""#])
        return t
    }

    @Test func hostsComeInPreferenceOrderAndTLSAIsAskedOnlyForSecureHosts() async throws {
        let transport = Self.exampleTransport()
        let report = await Self.inspector(transport).inspect(DNSName(dnsText: "example.test"))
        #expect(report.kind == .mx)
        try #require(report.hosts.map(\.name.text) == ["mx0.other.test", "mx1.example.test", "mx2.example.test"])
        #expect(report.hosts[0].tlsa.skipped == "address records of mx0.other.test are insecure")
        #expect(!transport.queries.contains { $0.name.absolute == "_25._tcp.mx0.other.test." })
        #expect(report.hosts[1].tlsa.hasUsableRecords)
        #expect(report.hosts[1].ttl == 1800)
        #expect(report.hosts[2].tlsa.final?.status == .bogus)
        #expect(report.resolvers == [ResolverReport(server: ReplayTransport.server, validates: true)])
        #expect(report.outcome == .ok)
    }

    @Test func textFollowsMomentumLayout() async {
        let report = await Self.inspector(Self.exampleTransport()).inspect(DNSName(dnsText: "example.test"))
        #expect(DomainTextRenderer.render(report) == """
            Domain 'example.test' has 3 MXs and a TTL of 3600 seconds +dnssec
              [10 mx0.other.test. TTL:3600]
            TLSA not looked up: address records of mx0.other.test are insecure
                    [127.0.1.3]:25 IPv4 (0.00ms con 0.00ms dlv)
              [20 mx1.example.test. TTL:1800] +dnssec
            TLSA '_25._tcp.mx1.example.test' has a TTL of 300 seconds +dnssec
              0 0 1 \(Self.digest) (unusable: PKIX-TA, RFC 7672 §3.1.3)
              3 1 1 \(Self.digest)
                    [127.0.1.1]:25 IPv4 (0.00ms con 0.00ms dlv)
                    [::1]:25 IPv6 (0.00ms con 0.00ms dlv)
              [30 mx2.example.test. TTL:3600] +dnssec
            TLSA '_25._tcp.mx2.example.test' lookup failed: bogus (resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause)
                    [127.0.1.2]:25 IPv4 (0.00ms con 0.00ms dlv)
            Domain 'example.test' has TLSRPT TXT and a TTL of 300 seconds +dnssec
                    rua: mailto:tlsrpt@example.test

            """)
    }

    @Test func jsonCarriesTheSameFacts() async throws {
        let report = await Self.inspector(Self.exampleTransport()).inspect(DNSName(dnsText: "example.test"))
        let text = try JSONOutput.encode(DomainJSON(report))
        let decoded = try JSONDecoder().decode(DomainJSON.self, from: Data(text.utf8))
        #expect(decoded == DomainJSON(report))
        #expect(decoded.domain == "example.test")
        #expect(decoded.mxLookup.status == "secure")
        #expect(decoded.mxLookup.ttl == 3600)
        try #require(decoded.hosts.map(\.preference) == [10, 20, 30])
        let mx1 = decoded.hosts[1]
        #expect(mx1.dnssec && mx1.ttl == 1800)
        #expect(mx1.addresses.map(\.family) == ["ipv4", "ipv6"])
        #expect(mx1.tlsa.name == "_25._tcp.mx1.example.test" && mx1.tlsa.ttl == 300 && mx1.tlsa.dnssec)
        try #require(mx1.tlsa.records.map(\.usable) == [false, true])
        #expect(mx1.tlsa.records[0].reason == "PKIX-TA, RFC 7672 §3.1.3")
        #expect(decoded.hosts[0].tlsa.skipped != nil && decoded.hosts[0].tlsa.records.isEmpty)
        #expect(decoded.hosts[2].tlsa.status == "bogus" && decoded.hosts[2].tlsa.result == "failed")
    }

    @Test func secureChainWithoutTLSAAtTheTargetFallsBackToTheOriginalName() async throws {
        let t = ReplayTransport()
        t.record("orig.test.", .mx, ad: true, answer: ["orig.test. 3600 IN MX 10 alias.orig.test."])
        t.record("alias.orig.test.", .a, ad: true, answer: [
            "alias.orig.test. 3600 IN CNAME real.orig.test.", "real.orig.test. 3600 IN A 127.0.5.2",
        ])
        t.record("alias.orig.test.", .aaaa, ad: true, answer: ["alias.orig.test. 3600 IN CNAME real.orig.test."], authority: [Self.soa])
        t.record("_25._tcp.real.orig.test.", .tlsa, rcode: 3, ad: true, answer: [], authority: [Self.soa])
        t.record("_25._tcp.alias.orig.test.", .tlsa, ad: true, answer: ["_25._tcp.alias.orig.test. 300 IN TLSA 3 1 1 \(Self.digest)"])
        let report = await Self.inspector(t).inspect(DNSName(dnsText: "orig.test"))
        try #require(report.hosts.count == 1)
        let tlsa = report.hosts[0].tlsa
        #expect(tlsa.attempts.map(\.name.absolute) == ["_25._tcp.real.orig.test.", "_25._tcp.alias.orig.test."])
        #expect(tlsa.hasUsableRecords)
        #expect(report.hosts[0].canonicalName == DNSName(dnsText: "real.orig.test"))
    }

    @Test func failedTLSALookupAtTheExpandedNameStops() async throws {
        let t = ReplayTransport()
        t.record("stop.test.", .mx, ad: true, answer: ["stop.test. 3600 IN MX 10 alias.stop.test."])
        t.record("alias.stop.test.", .a, ad: true, answer: [
            "alias.stop.test. 3600 IN CNAME real.stop.test.", "real.stop.test. 3600 IN A 127.0.5.3",
        ])
        t.record("alias.stop.test.", .aaaa, ad: true, answer: ["alias.stop.test. 3600 IN CNAME real.stop.test."], authority: [Self.soa])
        // _25._tcp.real.stop.test TLSA is not recorded: it times out.
        t.record("_25._tcp.alias.stop.test.", .tlsa, ad: true, answer: ["_25._tcp.alias.stop.test. 300 IN TLSA 3 1 1 \(Self.digest)"])
        let report = await Self.inspector(t).inspect(DNSName(dnsText: "stop.test"))
        try #require(report.hosts.count == 1)
        #expect(report.hosts[0].tlsa.attempts.map(\.status) == [.indeterminate])
        #expect(report.outcome == .indeterminate)
    }

    @Test(arguments: [
        (["n.test. 3600 IN MX 0 ."], MailHostKind.nullMX, 0),
        // RFC 7505 §4.1: beside other records too (a misconfiguration, RFC 7505 §3; the report says so).
        (["n.test. 3600 IN MX 0 .", "n.test. 3600 IN MX 10 mx.n.test."], .nullMX, 0),
    ])
    func nullMXAcceptsNoMail(answer: [String], kind: MailHostKind, hosts: Int) async {
        let t = ReplayTransport()
        t.record("n.test.", .mx, ad: true, answer: answer)
        let report = await Self.inspector(t).inspect(DNSName(dnsText: "n.test"))
        #expect(report.kind == kind)
        #expect(report.hosts.count == hosts)
        if kind == .nullMX { #expect(report.outcome == .noMail) }
    }

    @Test func noMXMakesTheDomainItsOwnHost() async throws {
        let t = ReplayTransport()
        t.record("implicit.test.", .mx, ad: true, answer: [], authority: [Self.soa])
        t.record("implicit.test.", .a, ad: true, answer: ["implicit.test. 3600 IN A 127.0.6.1"])
        t.record("implicit.test.", .aaaa, ad: true, answer: [], authority: [Self.soa])
        t.record("_25._tcp.implicit.test.", .tlsa, ad: true, answer: ["_25._tcp.implicit.test. 300 IN TLSA 3 1 1 \(Self.digest)"])
        let report = await Self.inspector(t).inspect(DNSName(dnsText: "implicit.test"))
        #expect(report.kind == .implicit)
        try #require(report.hosts.map(\.name.absolute) == ["implicit.test."])
        #expect(report.hosts[0].preference == 0)
        #expect(report.hosts[0].tlsa.hasUsableRecords)
        #expect(report.outcome == .ok)
    }

    @Test func nxDomainAndFailedMXStopBeforeAnyHost() async {
        let t = ReplayTransport()
        t.record("nx.test.", .mx, rcode: 3, ad: true, answer: [], authority: [Self.soa])
        let nx = await Self.inspector(t).inspect(DNSName(dnsText: "nx.test"))
        #expect(nx.kind == .nxDomain && nx.hosts.isEmpty && nx.outcome == .noMail)
        let silent = await Self.inspector(t).inspect(DNSName(dnsText: "silent.test"))
        #expect(silent.kind == .failed && silent.mx.status == .indeterminate && silent.outcome == .indeterminate)
        #expect(DomainTextRenderer.render(silent) == "Domain 'silent.test' MX lookup failed: indeterminate (timeout: no answer from 127.0.0.1 within 5s)\n")
    }
}
