import Foundation
import Testing
@testable import DaneCore

/// A DNSKEY or DS lookup that the chain of trust needs, answered SERVFAIL even with CD=1, over
/// the sandbox's recorded tree (offline, on the recording's clock). RFC 4035 §4.3: bogus is
/// "missing data that the relevant DNSSEC RRs indicate should be present", indeterminate is
/// "not able to determine whether the RRset should be signed". A validated DS promises the
/// zone's keys: their SERVFAIL is bogus. Without the DS answer the zone may as well be unsigned:
/// indeterminate. Either way the domain's mail is deferred (RFC 7672 §2.1.2).
@Suite(.timeLimit(.minutes(1)))
struct ChainLookupFailureTests {
    /// Answers SERVFAIL to the listed questions ("name TYPE +cd"), the recording to the rest.
    struct ServFailTransport: DNSTransport {
        let failing: Set<String>

        func exchange(_ query: DNSQuery) async -> DNSExchange {
            guard failing.contains(query.description) else { return await SandboxFixture.transport.exchange(query) }
            return DNSExchange(query: query, server: FixtureTransport.server,
                               outcome: .response(RecordedPacket.response(rcode: 2, ad: false, answer: [])), milliseconds: 0)
        }
    }

    static func inspect(failing: String) async throws -> DomainReport {
        let transport = ServFailTransport(failing: [failing])
        let validator = try SandboxFixture.validator(over: transport)
        let inspector = DomainInspector(lookups: DNSLookupService(transport: transport, validation: .local(validator)), probes: [])
        return await inspector.inspect(DNSName(dnsText: "example.test"))
    }

    @Test func aDNSKEYLookupFailingUnderAValidatedDSIsBogusAndDefers() async throws {
        let report = try await Self.inspect(failing: "example.test. DNSKEY +cd")
        #expect(report.mx.status == .bogus)
        #expect(report.mx.failureReason == "DNSKEY example.test: resolver answered SERVFAIL with CD=1; the DS promises keys that cannot be had (bogus, RFC 4035 §4.3)")
        #expect(DomainVerdictRule.evaluate(report, []).verdict == .defer)
    }

    @Test func aDSLookupFailingIsIndeterminateAndDefers() async throws {
        let report = try await Self.inspect(failing: "example.test. DS +cd")
        #expect(report.mx.status == .indeterminate)
        #expect(report.mx.failureReason?.hasPrefix("DS example.test: resolver answered SERVFAIL with CD=1") == true, "\(report.mx.failureText)")
        #expect(DomainVerdictRule.evaluate(report, []).verdict == .defer)
    }
}
