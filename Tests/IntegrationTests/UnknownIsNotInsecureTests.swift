import Foundation
import Testing

/// Through a resolver that does not validate, a signed domain's DNSSEC status is unknown, not
/// insecure: no face says "opportunistic" or exits 0. The sandbox's plain Unbound (127.53.0.3,
/// AD=0 for the root) and two resolvers in front of it that deny the root (127.53.0.11: NXDOMAIN)
/// or refuse it (127.53.0.12: REFUSED), so whether they validate is unknown and no answer carries
/// the AD bit. The sinkhole (127.53.0.7) denies the root too but passes validated answers on: its
/// secure answers stand (ResolverTrustTests).
@Suite(.sandbox) struct UnknownIsNotInsecureTests {
    static let resolvers = [("127.53.0.3", "resolver 127.53.0.3 does not validate"),
                            ("127.53.0.11", "resolver 127.53.0.11 answered NXDOMAIN for the root zone, so whether it validates is unknown, and no answer carried the AD bit"),
                            ("127.53.0.12", "resolver 127.53.0.12 answered REFUSED for the root zone, so whether it validates is unknown, and no answer carried the AD bit")]

    func run(_ arguments: [String], _ resolver: String) async throws -> CLI.Result {
        try await CLI.run(arguments + ["--resolver", resolver, "--timeout", Sandbox.timeout])
    }

    @Test(arguments: resolvers)
    func aSignedDomainIsUnknownInEveryFace(resolver: String, why: String) async throws {
        let advice = " (use a validating resolver, or --validation local to validate here)"
        let text = try await run(["check", "ee311.mx.dane.test"], resolver)
        #expect(text.lines.first == "ee311.mx.dane.test: unknown: DNSSEC status unknown: \(why)\(advice)", "\(text.stdout)")
        #expect(!text.stdout.contains("opportunistic") && !text.stdout.contains("insecure"), "\(text.stdout)")
        #expect(text.status == 3)
        let json = try await run(["check", "--json", "ee311.mx.dane.test"], resolver)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let domain = try #require((object["domains"] as? [[String: Any]])?.first)
        #expect(domain["verdict"] as? String == "unknown")
        #expect(domain["exit_class"] as? String == "indeterminate")
        #expect(domain["succeeds"] as? Bool != true)
        #expect(json.status == 3)
        let nagios = try await run(["check", "--nagios", "ee311.mx.dane.test"], resolver)
        #expect(nagios.stdout.hasPrefix("DANE UNKNOWN - ee311.mx.dane.test unknown: DNSSEC status unknown: "), "\(nagios.stdout)")
        #expect(nagios.status == 3)
        let probe = try await run(["domain", "--probe", "ee311.mx.dane.test"], resolver)
        #expect(probe.stdout.contains("ee311.mx.dane.test: unknown: DNSSEC status unknown: "), "\(probe.stdout)")
        #expect(probe.status == 3)
        let domainOnly = try await run(["domain", "ee311.mx.dane.test"], resolver)
        #expect(domainOnly.status == 3)
        // A CI gate cannot pass on it.
        let gate = try await run(["check", "--require-dane", "ee311.mx.dane.test"], resolver)
        #expect(gate.status == 3)
    }

    @Test func theExporterSaysUnknownAndFails() async throws {
        let exporter = try await ExporterTests.Exporter.start(["--resolver", "127.53.0.12", "--timeout", Sandbox.timeout, "--allow-private-addresses"])
        let page = try await ExporterTests.get("\(exporter.base)/probe?target=ee311.mx.dane.test")
        #expect(ExporterTests.value(page.body, "probe_success") == 0, "\(page.body)")
        #expect(ExporterTests.value(page.body, "danecheck_verdict{verdict=\"unknown\"}") == 1, "\(page.body)")
        #expect(ExporterTests.value(page.body, "danecheck_verdict{verdict=\"opportunistic\"}") != 1)
    }
}
